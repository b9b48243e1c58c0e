"""The dates and instants the library works with: years 1900 to 2199.

Calendar arithmetic (a day after a bound, six months after a selection, the next business day,
the conversion to Mexico City time) overflows Python's dates near years 1 and 9999. No document
of the library speaks of dates outside the twentieth to twenty-second centuries, so any date or
instant outside :data:`FECHA_MINIMA` .. :data:`FECHA_MAXIMA` is refused where it enters (the YAML
reader, the command line, the public functions), with one Spanish line, never an OverflowError.

>>> from datetime import timezone
>>> fuera_de_rango(date(2026, 3, 13)) is None
True
>>> fuera_de_rango(datetime(1, 1, 1, tzinfo=timezone.utc))
'la fecha y hora 0001-01-01T00:00:00+00:00 está fuera del intervalo admitido (de 1900-01-01 a 2199-12-31)'
"""

from __future__ import annotations

from datetime import date, datetime

__all__ = ["FECHA_MAXIMA", "FECHA_MINIMA", "fuera_de_rango"]

FECHA_MINIMA = date(1900, 1, 1)
"""The first day the library accepts."""
FECHA_MAXIMA = date(2199, 12, 31)
"""The last day the library accepts."""

def fuera_de_rango(value: date | datetime) -> str | None:
    """The message for a date or instant outside the supported range, or ``None`` when inside.

    An instant is judged by its own calendar day (its offset moves it by less than a day, far from
    Python's limits)."""
    day = value.date() if isinstance(value, datetime) else value
    if FECHA_MINIMA <= day <= FECHA_MAXIMA:
        return None
    kind = "la fecha y hora" if isinstance(value, datetime) else "la fecha"
    return (f"{kind} {value.isoformat()} está fuera del intervalo admitido "
            f"(de {FECHA_MINIMA.isoformat()} a {FECHA_MAXIMA.isoformat()})")
