"""Data-driven rule cases, in the OpenFisca manner: every ``tests/casos/*.yaml`` file holds cases
(``nombre``, ``en``, ``hechos``, ``esperado``) for one convocatoria; each case is a pytest item
that evaluates the facts and compares the outcome and the ids of the rules in each state.

A case evaluates the requirement rules alone (``evaluar_requisitos``), unless it says
``con_proceso: true``: then it evaluates over time (``residencias.evaluate``: document windows,
and the process replayed from the expediente's ``historia:``, or its absence).

A file may give ``base:`` facts; each case's ``hechos`` are merged over them (mappings merged key by
key, anything else replaced), so that a case states only what makes it different."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import attrs
import pytest

import residencias
from residencias.domain.expediente import Expediente
from residencias.loading.structure import structure_document
from residencias.loading.yaml_reader import read_yaml_file
from residencias.rules.dictamen import Resultado, ResultadoGeneral
from residencias.rules.evaluador import evaluar_requisitos


@attrs.frozen
class Esperado:
    resultado: ResultadoGeneral
    no_cumple: tuple[str, ...] = ()
    pendiente: tuple[str, ...] | None = None
    falta_dato: tuple[str, ...] | None = None
    no_aplica_incluye: tuple[str, ...] = ()


@attrs.frozen
class Caso:
    nombre: str
    en: datetime
    hechos: Expediente
    esperado: Esperado
    con_proceso: bool = False


@attrs.frozen
class ArchivoCasos:
    convocatoria: str
    casos: tuple[Caso, ...]
    base: dict[str, Any] | None = None


def merge(base: Any, over: Any) -> Any:
    """``over`` merged onto ``base``: mappings key by key, anything else replaced."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for key, value in over.items():
            out[key] = merge(base.get(key), value) if key in base else value
        return out
    return over


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.suffix == ".yaml" and file_path.parent.name == "casos":
        return CasosFile.from_parent(parent, path=file_path)
    return None


class CasosFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        document = read_yaml_file(self.path)
        root: Any = document.root
        if isinstance(root, dict) and isinstance(root.get("casos"), list):
            base = root.get("base") if isinstance(root.get("base"), dict) else {}
            for caso in root["casos"]:
                if isinstance(caso, dict) and isinstance(caso.get("hechos", {}), dict):
                    caso["hechos"] = merge(base, caso.get("hechos", {}))
                    caso["hechos"].setdefault("convocatoria", root.get("convocatoria"))
            root["base"] = None
        archivo = structure_document(document, ArchivoCasos)
        for caso in archivo.casos:
            yield CasoItem.from_parent(self, name=caso.nombre, caso=caso, convocatoria=archivo.convocatoria)


class CasoItem(pytest.Item):
    def __init__(self, *, caso: Caso, convocatoria: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.caso = caso
        self.convocatoria = convocatoria

    def runtest(self) -> None:
        conv = residencias.load_convocatoria(self.convocatoria)
        evaluar = residencias.evaluate if self.caso.con_proceso else evaluar_requisitos
        dictamen = evaluar(conv, self.caso.hechos, en=self.caso.en)
        esperado = self.caso.esperado
        ids = {r: sorted(h.regla for h in dictamen.por_resultado(r)) for r in Resultado}
        problems = []
        if dictamen.resultado is not esperado.resultado:
            problems.append(f"resultado {dictamen.resultado.value}, se esperaba {esperado.resultado.value}")
        if ids[Resultado.NO_CUMPLE] != sorted(esperado.no_cumple):
            problems.append(f"no_cumple {ids[Resultado.NO_CUMPLE]}, se esperaba {sorted(esperado.no_cumple)}")
        for field, resultado in (("pendiente", Resultado.PENDIENTE), ("falta_dato", Resultado.FALTA_DATO)):
            wanted = getattr(esperado, field)
            if wanted is not None and ids[resultado] != sorted(wanted):
                problems.append(f"{field} {ids[resultado]}, se esperaba {sorted(wanted)}")
        missing_na = set(esperado.no_aplica_incluye) - set(ids[Resultado.NO_APLICA])
        if missing_na:
            problems.append(f"no_aplica debería incluir {sorted(missing_na)}")
        if problems:
            raise CasoFallido("; ".join(problems) + "\n" + dictamen.explicar())

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, CasoFallido):
            return f"{self.path.name} · {self.name}: {excinfo.value}"
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"caso: {self.name}"


class CasoFallido(Exception):
    pass
