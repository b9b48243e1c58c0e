"""Business days: Monday to Friday, except Mexican federal public holidays (``holidays``
package, Ley Federal del Trabajo art. 74) and the extra non-working days a convocatoria declares.

>>> dias = DiasHabiles()
>>> dias.es_habil(date(2026, 3, 16))      # natalicio de Benito Juárez, tercer lunes de marzo
False
>>> dias.primer_habil(date(2026, 3, 1))   # domingo 1 de marzo de 2026
datetime.date(2026, 3, 2)
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache

import attrs
import holidays

from residencias.domain.fechas import FECHA_MAXIMA, fuera_de_rango
from residencias.errors import InvalidQueryError
from residencias.text import extracto

__all__ = ["DiasHabiles", "feriados"]


@cache
def feriados(year: int) -> frozenset[date]:
    """Mexico's federal public holidays of one year."""
    return frozenset(holidays.country_holidays("MX", years=year))


@attrs.frozen
class DiasHabiles:
    """Which days are business days; ``inhabiles`` are the convocatoria's own extra days off."""

    inhabiles: frozenset[date] = frozenset()

    def es_habil(self, dia: date) -> bool:
        return dia.weekday() < 5 and dia not in feriados(dia.year) and dia not in self.inhabiles

    def primer_habil(self, desde: date) -> date:
        """The first business day on or after ``desde`` (within the supported range of dates,
        :mod:`residencias.domain.fechas`)."""
        _check(desde)
        dia = desde
        while not self.es_habil(dia):
            if dia >= FECHA_MAXIMA:
                raise InvalidQueryError(f"no hay día hábil desde {desde.isoformat()} dentro del "
                                        "intervalo de fechas admitido")
            dia += timedelta(days=1)
        return dia

    def sumar(self, desde: date, dias: int) -> date:
        """The business day ``dias`` business days after ``desde`` (``dias`` >= 0)."""
        if type(dias) is not int or dias < 0:
            raise InvalidQueryError(f"el número de días hábiles debe ser un entero mayor o igual a 0; "
                                    f"se recibió {extracto(dias)}")
        dia = self.primer_habil(desde)
        for _ in range(dias):
            dia = self.primer_habil(dia + timedelta(days=1))
        return dia


def _check(dia: object) -> None:
    if not isinstance(dia, date) or isinstance(dia, datetime):
        raise InvalidQueryError(f"se esperaba una fecha (datetime.date), se recibió {type(dia).__name__}")
    problem = fuera_de_rango(dia)
    if problem is not None:
        raise InvalidQueryError(problem)
