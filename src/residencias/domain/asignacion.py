"""The ``asignacion:`` block of a convocatoria: the article of the assignment procedure, the
tie-break it declares as a ``supuesto`` (used by :mod:`residencias.assignment.politica`), and the
reading of the procedure the library runs by default, also a ``supuesto`` where the text admits
more than one (:mod:`residencias.assignment.rondas`)."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from residencias.domain.validators import InvalidValue, non_empty

__all__ = ["Criterio", "CriteriosDesempate", "DatosAsignacion", "Lectura", "LecturaAsignacion"]


class Criterio(enum.Enum):
    """A datum that orders applicants: scores highest first, the folio lowest first."""

    PUNTAJE = "puntaje"
    EFISER = "efiser"
    PROMEDIO_POSGRADO = "promedio_posgrado"
    ENARM = "enarm"
    FOLIO = "folio"

    @property
    def texto(self) -> str:
        return _TEXTO[self]


_TEXTO = {
    Criterio.PUNTAJE: "PI-IMSS",
    Criterio.EFISER: "EFISER",
    Criterio.PROMEDIO_POSGRADO: "promedio de posgrado",
    Criterio.ENARM: "ENARM",
    Criterio.FOLIO: "folio",
}


def _tie_break(_: Any, attribute: attrs.Attribute[Any], value: tuple[Criterio, ...]) -> None:
    if not value or value[-1] is not Criterio.FOLIO:
        raise InvalidValue(
            "el desempate termina en 'folio', único por aspirante, para que el orden sea total",
            attribute.name,
        )
    if Criterio.PUNTAJE in value:
        raise InvalidValue("'puntaje' es el criterio de orden, no de desempate", attribute.name)
    if len(set(value)) != len(value):
        raise InvalidValue("criterio de desempate repetido", attribute.name)


@attrs.frozen
class CriteriosDesempate:
    """How applicants with the same PI-IMSS are ordered: criteria in turn, and why (supuesto)."""

    criterios: tuple[Criterio, ...] = attrs.field(validator=_tie_break)
    supuesto: str = attrs.field(validator=non_empty)


class Lectura(enum.Enum):
    """How the text of 6.2 is read.

    ``serial``: in descending order of PI-IMSS, each applicant takes the first option that still
    has a plaza (serial dictatorship); ``rondas``: round by round, every applicant still without a
    seat asks for the option of that round (their first, then their second...) among the plazas
    still free, and within a round the higher PI-IMSS goes first (immediate acceptance)."""

    SERIAL = "serial"
    RONDAS = "rondas"

    @property
    def texto(self) -> str:
        return {"serial": "serial (por orden de PI-IMSS)", "rondas": "por rondas de opciones"}[self.value]


@attrs.frozen
class LecturaAsignacion:
    """The reading the library runs unless asked for another, and why (a ``supuesto``)."""

    por_omision: Lectura
    supuesto: str = attrs.field(validator=non_empty)


@attrs.frozen
class DatosAsignacion:
    """The ``asignacion:`` block: the article of the procedure, the tie-break and the reading."""

    articulo: str = attrs.field(validator=non_empty)
    desempate: CriteriosDesempate
    lectura: LecturaAsignacion | None = None
    nota: str | None = attrs.field(default=None, validator=non_empty)
