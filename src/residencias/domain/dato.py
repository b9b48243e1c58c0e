"""One datum of an event of a history, by name: its own room, so that the reader of data files
can tell it apart without loading the whole history (and the people it speaks of)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TypeAlias

import attrs

from residencias.domain.validators import non_empty

__all__ = ["Dato", "ValorDato"]

ValorDato: TypeAlias = str | bool | date | datetime
"""What a datum of an event may hold: text, a yes/no, a day, an instant."""


@attrs.frozen
class Dato:
    """One datum of an event, by name (written ``datos: {nombre: valor}`` in a file)."""

    nombre: str = attrs.field(validator=non_empty)
    valor: ValorDato
