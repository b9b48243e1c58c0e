"""Many expedientes at once, for a back office: every file of a folder (or the files given) evaluated
against one convocatoria at one instant, as :func:`residencias.process.evaluacion.evaluate` does for
one (with the history each expediente carries), and one summary: the verdict of each file and the
rules it fails, is pending on, or lacks information for, each with its article.

A file that does not read (not YAML, an unknown key, a history of another convocatoria) makes the
whole batch bad input: every such file is named, with its line and column, and nothing is
evaluated, so that a summary never silently leaves a file out.

>>> from datetime import datetime
>>> from zoneinfo import ZoneInfo
>>> from residencias.loading.files import load_convocatoria
>>> lote = evaluar_lote(load_convocatoria("imss-cer-2026-2027"),
...                     ["examples/expedientes/cer-cardiologia-cumple.yaml",
...                      "examples/expedientes/cer-grado-no-coincide.yaml"],
...                     datetime(2026, 3, 10, 12, tzinfo=ZoneInfo("America/Mexico_City")))
>>> [(e.archivo.split("/")[-1], e.resultado.value) for e in lote.expedientes]
[('cer-cardiologia-cumple.yaml', 'pendiente'), ('cer-grado-no-coincide.yaml', 'no_cumple')]
>>> [(h.regla, h.articulo) for h in lote.expedientes[1].no_cumple]
[('cer-1.3', '1.3, Tabla 1')]
>>> lote.resultado.value, lote.cumplen, lote.todos_cumplen
('no_cumple', 0, False)

(On 10 March, without a history, the complete file still has every step of the process ahead:
``pendiente``.)
"""

from __future__ import annotations

import io
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import attrs

from residencias.domain.convocatoria import Convocatoria
from residencias.errors import DataFileError, Problema, ResidenciasError
from residencias.escapado import celda_csv
from residencias.loading.entrada import nombre_de
from residencias.loading.files import load_expediente_e_historia
from residencias.process.evaluacion import evaluate
from residencias.rules.dictamen import Dictamen, Hallazgo, Resultado, ResultadoGeneral

__all__ = ["EXTENSIONES", "JSON_VERSION", "ExpedienteEvaluado", "Lote", "archivos_del_lote", "evaluar_lote"]

JSON_VERSION = 1
"""The version of the JSON shape of a batch (``docs/esquemas/evaluar-lote.schema.json``)."""

EXTENSIONES = (".yaml", ".yml", ".json")
"""The files of a folder that are expedientes (others, and sub-folders, are left alone)."""

_NOMBRE = {ResultadoGeneral.CUMPLE: "cumple", ResultadoGeneral.NO_CUMPLE: "no cumple",
           ResultadoGeneral.PENDIENTE: "pendiente", ResultadoGeneral.FALTA_INFORMACION: "falta información"}
_PEOR = (ResultadoGeneral.NO_CUMPLE, ResultadoGeneral.FALTA_INFORMACION, ResultadoGeneral.PENDIENTE,
         ResultadoGeneral.CUMPLE)


@attrs.frozen
class ExpedienteEvaluado:
    """The verdict on one file and the findings that kept it from ``cumple``."""

    archivo: str
    resultado: ResultadoGeneral
    no_cumple: tuple[Hallazgo, ...]
    pendientes: tuple[Hallazgo, ...]
    falta_informacion: tuple[Hallazgo, ...]

    @classmethod
    def de(cls, archivo: str, dictamen: Dictamen) -> ExpedienteEvaluado:
        return cls(archivo, dictamen.resultado, dictamen.por_resultado(Resultado.NO_CUMPLE),
                   dictamen.por_resultado(Resultado.PENDIENTE), dictamen.por_resultado(Resultado.FALTA_DATO))

    def linea(self) -> str:
        parts = [f"{self.archivo}: {_NOMBRE[self.resultado]}"]
        for titulo, hallazgos in (("no cumple", self.no_cumple), ("pendiente", self.pendientes),
                                  ("falta información", self.falta_informacion)):
            if hallazgos:
                parts.append(f"{titulo}: " + ", ".join(f"{h.regla} ({h.articulo})" for h in hallazgos))
        return "; ".join(parts)


def _hallazgos(hallazgos: Sequence[Hallazgo]) -> list[dict[str, Any]]:
    return [{"regla": h.regla, "articulo": h.articulo, "razon": h.razon} for h in hallazgos]


@attrs.frozen
class Lote:
    """Every expediente of a batch, in the order of their file names, with its verdict."""

    convocatoria: str
    datos_sha256: str | None
    en: datetime
    expedientes: tuple[ExpedienteEvaluado, ...]

    @property
    def cumplen(self) -> int:
        return sum(e.resultado is ResultadoGeneral.CUMPLE for e in self.expedientes)

    @property
    def todos_cumplen(self) -> bool:
        return self.cumplen == len(self.expedientes)

    @property
    def resultado(self) -> ResultadoGeneral:
        """The worst verdict of the batch (``cumple`` only when every expediente complies)."""
        found = {e.resultado for e in self.expedientes}
        return next((r for r in _PEOR if r in found), ResultadoGeneral.CUMPLE)

    def por_resultado(self) -> dict[str, int]:
        counts = Counter(e.resultado for e in self.expedientes)
        return {r.value: counts[r] for r in ResultadoGeneral}

    def to_data(self) -> dict[str, Any]:
        return {
            "version": JSON_VERSION,
            "convocatoria": self.convocatoria,
            "datos_sha256": self.datos_sha256,
            "en": self.en.isoformat(),
            "resultado": self.resultado.value,
            "total": len(self.expedientes),
            "por_resultado": self.por_resultado(),
            "expedientes": [
                {
                    "archivo": e.archivo,
                    "resultado": e.resultado.value,
                    "no_cumple": _hallazgos(e.no_cumple),
                    "pendientes": _hallazgos(e.pendientes),
                    "falta_informacion": _hallazgos(e.falta_informacion),
                }
                for e in self.expedientes
            ],
        }

    def to_text(self) -> str:
        counted = Counter(e.resultado for e in self.expedientes)
        counts = ", ".join(f"{counted[r]} {_NOMBRE[r]}" for r in ResultadoGeneral if counted[r])
        head = (f"{len(self.expedientes)} expedientes evaluados contra {self.convocatoria} al "
                f"{self.en.isoformat()}: {counts}")
        return "\n".join([head, *(f"  {e.linea()}" for e in self.expedientes)])

    def to_csv(self) -> str:
        """``archivo,resultado,no_cumple,pendientes,falta_informacion``: one row per file, the rules
        as ``regla (artículo)`` separated by ``; ``; cells a spreadsheet would run are escaped."""
        out = io.StringIO()
        out.write("archivo,resultado,no_cumple,pendientes,falta_informacion\n")
        for e in self.expedientes:
            cells = [e.archivo, e.resultado.value,
                     *("; ".join(f"{h.regla} ({h.articulo})" for h in g)
                       for g in (e.no_cumple, e.pendientes, e.falta_informacion))]
            out.write(",".join(_csv(celda_csv(c)) for c in cells) + "\n")
        return out.getvalue()


def _csv(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"' if any(x in cell for x in ',"\r\n') else cell


def archivos_del_lote(rutas: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The files of a batch: each folder's expedientes (:data:`EXTENSIONES`), by name, and each
    file as given; a folder without any, or a path that is neither, is bad input."""
    out: list[str] = []
    problems: list[Problema] = []
    for ruta in rutas:
        path = Path(ruta)
        if path.is_dir():
            found = sorted(str(p) for p in path.iterdir() if p.suffix.lower() in EXTENSIONES and p.is_file())
            if not found:
                problems.append(Problema(nombre_de(ruta), 1, 1, "la carpeta no tiene expedientes (archivos "
                                         f"{', '.join(EXTENSIONES)})"))
            out.extend(found)
        else:
            out.append(os.fspath(ruta))
    if problems:
        raise DataFileError(problems)
    return out


def evaluar_lote(convocatoria: Convocatoria, rutas: Iterable[str | os.PathLike[str]], en: datetime) -> Lote:
    """Evaluate every expediente of ``rutas`` (folders and files, see :func:`archivos_del_lote`)
    at ``en``; :class:`~residencias.errors.DataFileError` naming every file that does not read."""
    archivos = archivos_del_lote(rutas)
    problems: list[Problema] = []
    evaluados: list[ExpedienteEvaluado] = []
    for archivo in archivos:
        try:
            expediente, historia = load_expediente_e_historia(archivo)
            dictamen = evaluate(convocatoria, expediente, en, historia)
        except DataFileError as exc:
            problems.extend(exc.problemas)
            continue
        except ResidenciasError as exc:  # a history of another convocatoria, a date out of range
            problems.append(Problema(nombre_de(archivo), 1, 1, str(exc)))
            continue
        evaluados.append(ExpedienteEvaluado.de(nombre_de(archivo), dictamen))
    if problems:
        raise DataFileError(problems)
    return Lote(convocatoria.id, convocatoria.datos_sha256, en, tuple(evaluados))
