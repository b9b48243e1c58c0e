"""Processes: every convocatoria as a lifecycle. A person's history of events is replayed against
the ``proceso:`` block of the convocatoria to say where they stand (:func:`estado`), what they
must do next, where, by when and what happens if they do not (:func:`siguientes_pasos`); a new
event is recorded only if the documents allow it (:func:`registrar`); the requirement list is
evaluated over time (:func:`evaluate`); the lifecycle is drawn as Mermaid (:func:`to_mermaid`)."""

from residencias.process.estado import Consecuencia, Estado, EventoRechazadoError, Paso, Suceso, VetoVigente
from residencias.process.evaluacion import evaluate
from residencias.process.flujo import to_mermaid
from residencias.process.ics import pasos_a_ics
from residencias.process.pasos import estado_y_pasos, siguientes_pasos
from residencias.process.registro import registrar
from residencias.process.replay import estado

__all__ = [
    "Consecuencia",
    "Estado",
    "EventoRechazadoError",
    "Paso",
    "Suceso",
    "VetoVigente",
    "estado",
    "estado_y_pasos",
    "evaluate",
    "pasos_a_ics",
    "registrar",
    "siguientes_pasos",
    "to_mermaid",
]
