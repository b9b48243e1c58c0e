"""The records of an assignment (imss-cer-2026-2027, 6.2): each option tried (:class:`Intento`),
each applicant's outcome, each sede's cut-off, each tie of PI-IMSS, and the notices."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

import attrs

from residencias.assignment.orden import Omision, Separacion

__all__ = ["Aviso", "Corte", "Empate", "Intento", "ResultadoAspirante"]


class Intento(NamedTuple):
    """One option tried for one applicant: the sede, whether it was obtained, and if not, who took
    its last plaza (``None`` with ``plazas == 0``: the sede offered none). A named tuple, not an
    attrs class: a full bitácora holds one per applicant and option tried (millions)."""

    opcion: int
    sede: str
    asignado: bool
    plazas: int
    plaza: int | None = None
    ocupada_por: str | None = None
    puntaje_ocupante: Decimal | None = None

    @property
    def articulo(self) -> str:
        if self.asignado:
            return "6.2, punto 1" if self.opcion == 1 else "6.2, punto 3"
        return "6.2, punto 2"


@attrs.frozen
class ResultadoAspirante:
    """The outcome of one applicant: the sede (``None`` if unassigned), which option it was
    (1-based), the PI-IMSS and the place in the processing order (1-based, of ``total``)."""

    folio: str
    cer: str
    sede: str | None
    opcion: int | None
    puntaje: Decimal
    posicion: int
    total: int


@attrs.frozen
class Corte:
    """A sede after the assignment: plazas offered and occupied, and the cut-off: the PI-IMSS of
    the last applicant admitted (the lowest, since they come in descending order)."""

    cer: str
    sede: str
    nombre: str | None
    plazas: int
    ocupadas: int
    puntaje_corte: Decimal | None
    folio_corte: str | None

    @property
    def libres(self) -> int:
        return self.plazas - self.ocupadas


@attrs.frozen
class Empate:
    """Applicants with the same PI-IMSS, in the order the tie-break settled; ``sedes`` are the
    sedes a later one of them was refused while an earlier one of them took a plaza there (the tie
    decided those seats)."""

    cer: str
    puntaje: Decimal
    folios: tuple[str, ...]
    posicion: int
    separaciones: tuple[Separacion, ...]
    omisiones: tuple[Omision, ...]
    sedes: tuple[str, ...]

    @property
    def decisivo(self) -> bool:
        return bool(self.sedes)


@attrs.frozen
class Aviso:
    """Something the assignment did not refuse but an auditor should see, with its article."""

    cer: str
    articulo: str
    mensaje: str
    folios: tuple[str, ...] = ()
