"""Business days: Monday to Friday, except Mexican federal public holidays (``holidays``
package, Ley Federal del Trabajo art. 74) and the extra non-working days a convocatoria declares.

>>> dias = DiasHabiles()
>>> dias.es_habil(date(2026, 3, 16))      # natalicio de Benito Juárez, tercer lunes de marzo
False
>>> dias.primer_habil(date(2026, 3, 1))   # domingo 1 de marzo de 2026
datetime.date(2026, 3, 2)
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import attrs
import holidays

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
        """The first business day on or after ``desde``."""
        dia = desde
        while not self.es_habil(dia):
            dia += timedelta(days=1)
        return dia

    def sumar(self, desde: date, dias: int) -> date:
        """The business day ``dias`` business days after ``desde`` (``dias`` >= 0)."""
        if dias < 0:
            raise ValueError("dias must be >= 0")
        dia = self.primer_habil(desde)
        for _ in range(dias):
            dia = self.primer_habil(dia + timedelta(days=1))
        return dia
