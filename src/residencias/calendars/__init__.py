"""Calendars: windows, derived deadlines, business days and ICS export, in Mexico City time."""

from residencias.calendars.calendario import (
    Calendario,
    DatosCalendario,
    DiaInhabil,
    Estado,
    EstadoVentana,
    Evento,
    Respuesta,
)
from residencias.calendars.dias_habiles import DiasHabiles
from residencias.domain.plazos import Plazo, Referencia, Regla
from residencias.domain.ventana import Accion, DiaSemana, Horario, Ventana

__all__ = [
    "Accion",
    "Calendario",
    "DatosCalendario",
    "DiaInhabil",
    "DiaSemana",
    "DiasHabiles",
    "Estado",
    "EstadoVentana",
    "Evento",
    "Horario",
    "Plazo",
    "Referencia",
    "Regla",
    "Respuesta",
    "Ventana",
]
