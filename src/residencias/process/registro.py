"""``registrar``: record one more event in a history, or refuse it. The history given is never
changed: a new one is returned with the event appended, after checking it against the state the
history gives at the event's instant."""

from __future__ import annotations

import attrs

from residencias.domain.convocatoria import Convocatoria
from residencias.domain.historia import Evento, Historia
from residencias.errors import InvalidQueryError
from residencias.process.estado import EventoRechazadoError
from residencias.process.replay import Corrida

__all__ = ["registrar"]


def registrar(convocatoria: Convocatoria, historia: Historia, evento: Evento) -> Historia:
    """A new history: ``historia`` plus ``evento``, if the documents allow it then.

    Events are recorded in the order they happened: one earlier than the last recorded is
    refused, as is any event the replay refuses (wrong status, outside its window, repeated where
    it happens once, before a prerequisite). Nothing already recorded is lost or rewritten.
    """
    if not isinstance(evento, Evento):
        raise InvalidQueryError(f"se esperaba un Evento, se recibió {type(evento).__name__}")
    if historia.eventos and evento.instante < historia.eventos[-1].instante:
        last = historia.eventos[-1]
        raise EventoRechazadoError(
            f"los eventos se registran en el orden en que ocurren; el último registrado "
            f"({last.accion}) es del {last.instante.isoformat()}", indice=None, posicion=None,
            articulo=convocatoria.proceso.articulo if convocatoria.proceso else convocatoria.id,
            accion=evento.accion)
    corrida = Corrida(convocatoria, historia)
    corrida.run(evento.instante)
    corrida.advance(evento.instante)
    corrida.apply(None, evento)
    posiciones = (*tuple(historia.posicion(i) for i in range(len(historia.eventos))), None)
    return attrs.evolve(historia, eventos=(*historia.eventos, evento), posiciones=posiciones)
