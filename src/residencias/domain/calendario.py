"""The ``calendario`` section of a convocatoria file, as data: its windows, its derived
deadlines and the extra non-working days it declares. The questions asked of it at an instant
live in :mod:`residencias.calendars`."""

from __future__ import annotations

from datetime import date

import attrs

from residencias.domain.plazos import Plazo
from residencias.domain.validators import non_empty
from residencias.domain.ventana import Ventana

__all__ = ["DatosCalendario", "DiaInhabil"]


@attrs.frozen
class DiaInhabil:
    """An extra non-working day a convocatoria declares, beyond the federal holidays."""

    fecha: date
    articulo: str = attrs.field(validator=non_empty)
    descripcion: str | None = None


@attrs.frozen
class DatosCalendario:
    """The ``calendario`` section of a convocatoria file."""

    ventanas: tuple[Ventana, ...] = ()
    plazos: tuple[Plazo, ...] = ()
    dias_inhabiles: tuple[DiaInhabil, ...] = ()
