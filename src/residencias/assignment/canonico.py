"""``entrada_sha256``: one hash per competition input, whatever its form.

The canonical form is compact JSON (keys sorted, UTF-8) of: the convocatoria id; the competitions
sorted by the CER's catalogue name (so an alias gives the same hash); in each, the sedes sorted by
identifier and the applicants sorted by folio, each with the fields given (an absent field is left
out) and numbers written without trailing zeros (``87.5`` and ``87.50`` are the same). The order
of each applicant's options is kept: it is their preference. Row order, key order, number format
and file format (YAML or CSV) do not change the hash.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from residencias.assignment.politica import folio_key
from residencias.jsonable import to_data

if TYPE_CHECKING:
    from residencias.assignment.concurso import Solicitud
    from residencias.assignment.validacion import ConcursoPreparado

__all__ = ["entrada_canonica", "entrada_sha256", "numero_canonico"]


def numero_canonico(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros.

    >>> numero_canonico(Decimal("87.50")), numero_canonico(Decimal("100")), numero_canonico(Decimal("0.0"))
    ('87.5', '100', '0')
    """
    text = format(value.normalize(), "f")
    return "0" if text in {"-0", "0"} else text


_NUMEROS = ("puntaje", "efiser", "promedio_posgrado", "enarm", "puntaje_adicional")


def _aspirante(s: Solicitud) -> dict[str, Any]:
    out: dict[str, Any] = {"folio": s.folio}
    if s.opciones:
        out["opciones"] = list(s.opciones)
    for campo in _NUMEROS:
        value = getattr(s, campo)
        if value is not None:
            out[campo] = numero_canonico(value)
    if s.publicaciones:
        out["publicaciones"] = [_sin_vacios(to_data(p)) for p in s.publicaciones]
    return out


def _sin_vacios(value: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in value.items() if v is not None and v != []}


def entrada_canonica(convocatoria: str | None, concursos: Iterable[ConcursoPreparado]) -> dict[str, Any]:
    """The canonical form, as plain data."""
    out = []
    for c in sorted(concursos, key=lambda c: c.cer):
        sedes = [
            _sin_vacios({"id": clave, "clave": s.clave, "subsede": s.subsede, "plazas": s.plazas,
                         "nombre": s.nombre})
            for clave, s in sorted(c.sedes.items())
        ]
        aspirantes = [_aspirante(s) for s in sorted(c.aspirantes, key=lambda s: folio_key(s.folio))]
        out.append({"cer": c.cer, "sedes": sedes, "aspirantes": aspirantes})
    return _sin_vacios({"convocatoria": convocatoria, "concursos": out})


def entrada_sha256(convocatoria: str | None, concursos: Iterable[ConcursoPreparado]) -> str:
    """The sha256 (hex) of :func:`entrada_canonica` as compact, key-sorted UTF-8 JSON."""
    data = entrada_canonica(convocatoria, concursos)
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
