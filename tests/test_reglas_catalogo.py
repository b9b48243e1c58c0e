"""Every requirement list, rule by rule: id and article side by side, for review against the
documents (run with ``-s`` to print them). Every rule and exception cites its article."""

from __future__ import annotations

import pytest

import residencias
from residencias.domain.reglas import TipoRegla

IDS = residencias.convocatorias_disponibles()


@pytest.mark.parametrize("ident", IDS)
def test_every_convocatoria_has_a_cited_requirement_list(ident: str) -> None:
    conv = residencias.load_convocatoria(ident)
    assert conv.requisitos is not None, ident
    print(f"\n{ident}")
    for regla in conv.requisitos.reglas:
        print(f"  {regla.id:<40} {regla.tipo.value:<12} {regla.articulo}")
        assert regla.articulo.strip() and regla.mensaje.strip() and regla.descripcion.strip()
    for excepcion in conv.requisitos.excepciones:
        print(f"  {excepcion.id:<40} {'excepción':<12} {excepcion.articulo} (sobre {excepcion.sobre})")
        assert conv.requisitos.regla(excepcion.sobre) is not None
    kinds = {r.tipo for r in conv.requisitos.reglas}
    assert TipoRegla.DOCUMENTO in kinds or TipoRegla.REQUISITO in kinds


def test_rule_ids_are_unique_across_convocatorias() -> None:
    seen: dict[str, str] = {}
    for ident in IDS:
        requisitos = residencias.load_convocatoria(ident).requisitos
        assert requisitos is not None
        for regla in requisitos.reglas:
            assert regla.id not in seen, (regla.id, seen.get(regla.id), ident)
            seen[regla.id] = ident
