"""A person's history in one convocatoria: the events that happened, in order, each with its
action, its instant (aware, any UTC offset) and the data it carries; plus the person's facts that
decide which steps apply to them (the same vocabulary as an expediente).

A history is a record, never rewritten: the state is derived by replaying it against the
convocatoria's ``proceso:`` (see :mod:`residencias.process`).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import attrs

from residencias.domain.dato import Dato, ValorDato
from residencias.domain.personas import Residente
from residencias.domain.validators import DERIVADO, InvalidValue, non_empty
from residencias.jsonable import to_data

__all__ = ["Dato", "Evento", "Historia", "Posicion", "ValorDato"]

@attrs.frozen
class Posicion:
    """Where an event is written in its file (1-based line and column)."""

    archivo: str
    linea: int
    columna: int

    def __str__(self) -> str:
        return f"{self.archivo}:{self.linea}:{self.columna}"


def _aware(_: object, attribute: attrs.Attribute[datetime], value: datetime) -> None:
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
        raise InvalidValue("el instante de un evento lleva su desfase UTC, p. ej. "
                           "2026-03-10T10:00:00-06:00", attribute.name)


@attrs.frozen
class Evento:
    """Something that happened: ``accion`` (an action of the ``proceso:`` block) at ``instante``."""

    accion: str = attrs.field(validator=non_empty)
    instante: datetime = attrs.field(validator=_aware)
    datos: tuple[Dato, ...] = ()
    nota: str | None = attrs.field(default=None, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        names = [d.nombre for d in self.datos]
        if len(set(names)) != len(names):
            raise InvalidValue("un dato aparece dos veces en el evento", "datos")

    def dato(self, nombre: str) -> ValorDato | None:
        """The value of a datum, or ``None`` if the event does not carry it."""
        return next((d.valor for d in self.datos if d.nombre == nombre), None)


@attrs.frozen
class Historia:
    """The events of one person in one convocatoria (by id), in the order they happened.

    ``posiciones`` (not compared) says where each event is written, when read from a file.
    """

    convocatoria: str = attrs.field(validator=non_empty)
    eventos: tuple[Evento, ...] = ()
    aspirante: Residente = attrs.Factory(Residente)
    posiciones: tuple[Posicion | None, ...] = attrs.field(default=(), eq=False, repr=False,
                                                          metadata={DERIVADO: True})

    def posicion(self, indice: int) -> Posicion | None:
        """Where event ``indice`` (0-based) is written, if known."""
        return self.posiciones[indice] if indice < len(self.posiciones) else None

    def to_data(self) -> dict[str, Any]:
        """The file form (what :func:`residencias.load_historia` reads back), JSON-ready: facts
        that are unknown are left out; an event's data is a mapping ``nombre: valor``."""
        eventos = []
        for evento in self.eventos:
            item: dict[str, Any] = {"accion": evento.accion, "instante": evento.instante.isoformat()}
            if evento.datos:
                item["datos"] = {d.nombre: to_data(d.valor) for d in evento.datos}
            if evento.nota is not None:
                item["nota"] = evento.nota
            eventos.append(item)
        out: dict[str, Any] = {"convocatoria": self.convocatoria}
        aspirante = _known(to_data(self.aspirante))
        if aspirante:
            out["aspirante"] = aspirante
        out["eventos"] = eventos
        return out

    def to_json(self) -> str:
        """:meth:`to_data` as JSON text (a ``.json`` history file)."""
        return json.dumps(self.to_data(), ensure_ascii=False, indent=2)


def _known(value: Any) -> Any:
    """``value`` without the facts that are unknown (``None``) or empty."""
    if isinstance(value, dict):
        kept = {k: _known(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in (None, {}, [])}
    return value
