"""The outcome of an evaluation: a ``Dictamen`` with a tree of ``Hallazgo``s, each with its
rule, article, outcome, reason, facts read and parameters read; an explanation in Spanish; and a
versioned JSON form carrying the sha256 of the data file evaluated against."""

from __future__ import annotations

import enum
import json
from datetime import date, datetime
from typing import Any

import attrs

from residencias.jsonable import to_data

__all__ = ["JSON_VERSION", "Dictamen", "Hallazgo", "Resultado", "ResultadoGeneral", "ResumenProceso"]

JSON_VERSION = 2
"""2: findings may carry an exact instant in ``vence``; ``proceso`` says where the person stands."""


class Resultado(enum.Enum):
    """The outcome of one rule."""

    CUMPLE = "cumple"
    NO_CUMPLE = "no_cumple"
    PENDIENTE = "pendiente"
    FALTA_DATO = "falta_dato"
    NO_APLICA = "no_aplica"


class ResultadoGeneral(enum.Enum):
    """The outcome of a whole evaluation."""

    CUMPLE = "cumple"
    NO_CUMPLE = "no_cumple"
    PENDIENTE = "pendiente"
    FALTA_INFORMACION = "falta_informacion"


_ORDER = {Resultado.NO_CUMPLE: 0, Resultado.PENDIENTE: 1, Resultado.FALTA_DATO: 2,
          Resultado.CUMPLE: 3, Resultado.NO_APLICA: 4}
_LABEL = {Resultado.NO_CUMPLE: "no cumple", Resultado.PENDIENTE: "pendiente",
          Resultado.FALTA_DATO: "falta información", Resultado.CUMPLE: "cumple",
          Resultado.NO_APLICA: "no aplica"}


@attrs.frozen
class Hallazgo:
    """The finding of one rule (or exception): outcome, reason, and what was read."""

    regla: str
    articulo: str
    resultado: Resultado
    razon: str
    hechos: tuple[tuple[str, Any], ...] = ()
    parametros: tuple[tuple[str, Any], ...] = ()
    faltan: tuple[str, ...] = ()
    vence: date | datetime | None = None
    """The deadline of a pending or overdue finding: a day (the whole day), or an exact instant."""
    detalles: tuple[Hallazgo, ...] = ()

    def linea(self) -> str:
        """One line: ``no cumple 1.5 C (imss-cer-2026-2027): concluyó un CER previamente``."""
        extra = f" (vence el {self.vence.isoformat()})" if self.vence else ""
        missing = f" [falta: {', '.join(self.faltan)}]" if self.faltan else ""
        return f"{_LABEL[self.resultado]} {self.articulo}: {self.razon}{extra}{missing}"


def overall(hallazgos: tuple[Hallazgo, ...]) -> ResultadoGeneral:
    """No cumple if any rule fails; else falta información if any fact is missing; else
    pendiente if any obligation is pending; else cumple."""
    results = {h.resultado for h in hallazgos}
    if Resultado.NO_CUMPLE in results:
        return ResultadoGeneral.NO_CUMPLE
    if Resultado.FALTA_DATO in results:
        return ResultadoGeneral.FALTA_INFORMACION
    if Resultado.PENDIENTE in results:
        return ResultadoGeneral.PENDIENTE
    return ResultadoGeneral.CUMPLE


@attrs.frozen
class ResumenProceso:
    """Where the person stands in the convocatoria's process at the instant evaluated."""

    estatus: str
    nombre: str
    articulo: str
    terminal: bool
    desenlace: str | None
    con_historia: bool
    """Whether a history of events was given (without one, nothing is known of the steps)."""


@attrs.frozen
class Dictamen:
    """The evaluation of one expediente against one convocatoria at one instant."""

    convocatoria: str
    titulo: str
    en: datetime
    resultado: ResultadoGeneral
    hallazgos: tuple[Hallazgo, ...]
    datos_sha256: str | None = None
    proceso: ResumenProceso | None = None

    def por_resultado(self, resultado: Resultado) -> tuple[Hallazgo, ...]:
        return tuple(h for h in self.hallazgos if h.resultado is resultado)

    def reglas_que_fallan(self) -> tuple[str, ...]:
        return tuple(h.regla for h in self.por_resultado(Resultado.NO_CUMPLE))

    def explicar(self) -> str:
        """A Spanish explanation a resident understands: failing and pending rules first."""
        head = {
            ResultadoGeneral.CUMPLE: "Cumple todos los requisitos evaluados",
            ResultadoGeneral.NO_CUMPLE: "No cumple",
            ResultadoGeneral.PENDIENTE: "Cumple, con obligaciones pendientes",
            ResultadoGeneral.FALTA_INFORMACION: "Falta información para decidir",
        }[self.resultado]
        lines = [f"{head} — {self.titulo} ({self.convocatoria}), evaluado al {self.en.isoformat()}."]
        if self.proceso is not None:
            fuente = "según su historia" if self.proceso.con_historia else "sin historia de eventos"
            fin = " (proceso terminado)" if self.proceso.terminal else ""
            lines.append(f"Estatus en el proceso ({fuente}): {self.proceso.nombre} "
                         f"({self.proceso.articulo}){fin}.")
        ordered = sorted(self.hallazgos, key=lambda h: _ORDER[h.resultado])
        for group in (Resultado.NO_CUMPLE, Resultado.PENDIENTE, Resultado.FALTA_DATO, Resultado.CUMPLE):
            found = [h for h in ordered if h.resultado is group]
            if not found:
                continue
            lines.append(f"{_LABEL[group].capitalize()} ({len(found)}):")
            for h in found:
                lines.append(f"  - {h.linea()}")
                lines.extend(f"      · {d.linea()}" for d in h.detalles)
        skipped = self.por_resultado(Resultado.NO_APLICA)
        if skipped:
            lines.append(f"No aplican a su caso: {'; '.join(h.articulo for h in skipped)}.")
        return "\n".join(lines)

    def to_json(self) -> str:
        """The versioned JSON form (``version``, ``datos_sha256``, outcome, findings)."""
        data = {
            "version": JSON_VERSION,
            "convocatoria": self.convocatoria,
            "datos_sha256": self.datos_sha256,
            "en": self.en.isoformat(),
            "resultado": self.resultado.value,
            "proceso": to_data(self.proceso),
            "hallazgos": [_finding(h) for h in self.hallazgos],
        }
        return json.dumps(data, ensure_ascii=False, indent=2)


def _finding(h: Hallazgo) -> dict[str, Any]:
    return {
        "regla": h.regla,
        "articulo": h.articulo,
        "resultado": h.resultado.value,
        "razon": h.razon,
        "hechos": {path: to_data(value) for path, value in h.hechos},
        "parametros": {name: to_data(value) for name, value in h.parametros},
        "faltan": list(h.faltan),
        "vence": h.vence.isoformat() if h.vence else None,
        "detalles": [_finding(d) for d in h.detalles],
    }
