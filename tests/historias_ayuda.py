"""Helpers the per-call process tests share: instants in Mexico City, the example histories, and
histories cut or extended by events."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import residencias
from residencias import Evento, Historia
from residencias.domain.historia import Dato, ValorDato

MX = ZoneInfo("America/Mexico_City")
EXAMPLES = Path(__file__).parent.parent / "examples" / "historias"


def cdmx(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, ss, tzinfo=MX)


def ejemplo(nombre: str) -> Historia:
    return residencias.load_historia(EXAMPLES / nombre)


def hasta(historia: Historia, n: int) -> Historia:
    """The first ``n`` events of ``historia``."""
    return Historia(historia.convocatoria, historia.eventos[:n], historia.aspirante, historia.posiciones[:n])


def mas(historia: Historia, *eventos: Evento) -> Historia:
    return Historia(historia.convocatoria, (*historia.eventos, *eventos), historia.aspirante)


def ev(accion: str, instante: datetime, **datos: ValorDato) -> Evento:
    return Evento(accion, instante, tuple(Dato(k, v) for k, v in datos.items()))
