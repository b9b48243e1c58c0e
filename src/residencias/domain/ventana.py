"""A window (``Ventana``): when an action of a convocatoria can be done, as the document says it.

A bound written as a date covers the whole day (``desde`` from 00:00, ``hasta`` until 24:00,
exclusive); a bound written as a date-time is exact ("hasta las 16:00 horas" is 16:00:00, included
unless ``incluye_hasta: false``). Where the document gives a day but no hour, ``supuesto`` says what
the library assumes, and that text travels with every answer the window gives.

>>> from zoneinfo import ZoneInfo
>>> v = Ventana(Accion.REGISTRO, "Registro en línea", "Calendario, paso 1",
...             date(2026, 1, 7), date(2026, 1, 30))
>>> zona = ZoneInfo("America/Mexico_City")
>>> v.inicio(zona).isoformat(), v.fin(zona).isoformat(), v.incluye_fin
('2026-01-07T00:00:00-06:00', '2026-01-31T00:00:00-06:00', False)
>>> v.contiene(datetime(2026, 1, 30, 23, 59, 59, tzinfo=zona), zona)
True
"""

from __future__ import annotations

import enum
from datetime import date, datetime, time, timedelta, timezone, tzinfo

import attrs

from residencias.domain.fechas import fuera_de_rango
from residencias.domain.validators import InvalidValue, non_empty

__all__ = ["Accion", "DiaSemana", "Horario", "Ventana", "at_start_of"]

_DAY = timedelta(days=1)
_UTC_6 = timezone(timedelta(hours=-6))
"""Only to order a day bound against an instant bound when checking ``desde <= hasta``."""


class Accion(enum.Enum):
    """What a window lets a person do, named after the documents."""

    REGISTRO = "registro"
    IMPRESION_SOLICITUD = "impresion_solicitud"
    ADJUNTAR_DOCUMENTOS = "adjuntar_documentos"
    ENVIO_A_VALIDACION = "envio_a_validacion"
    VALIDACION = "validacion"
    DESCARGA_FICHA = "descarga_ficha"
    PUBLICACION_HORARIOS_EFISER = "publicacion_horarios_efiser"
    EXAMEN_EFISER = "examen_efiser"
    RESULTADOS = "resultados"
    ACEPTACION_PLAZA = "aceptacion_plaza"
    CARTA_COMPROMISO = "carta_compromiso"
    CARTA_PREACEPTACION = "carta_preaceptacion"
    PAGO_EXTRANJEROS = "pago_extranjeros"
    CORREO_AUTORIZACION = "correo_autorizacion"
    CITA = "cita"
    ENTREGA_DOCUMENTOS = "entrega_documentos"
    PAGO = "pago"
    COMPROBANTE_INSCRIPCION = "comprobante_inscripcion"
    DOCUMENTOS_PENDIENTES = "documentos_pendientes"
    ATENCION_VENTANILLA = "atencion_ventanilla"
    CURSO_INDUCCION = "curso_induccion"
    ENTREGA_TITULO_CEDULA = "entrega_titulo_cedula"
    CONCLUSION_SERVICIO_SOCIAL = "conclusion_servicio_social"


class DiaSemana(enum.Enum):
    """Days of the week, Monday first (``date.weekday()`` order)."""

    LUNES = "lunes"
    MARTES = "martes"
    MIERCOLES = "miercoles"
    JUEVES = "jueves"
    VIERNES = "viernes"
    SABADO = "sabado"
    DOMINGO = "domingo"

    @property
    def numero(self) -> int:
        return list(DiaSemana).index(self)


@attrs.frozen
class Horario:
    """Service hours inside a window, e.g. "de lunes a viernes de 9 a 17:30 horas"."""

    dias: tuple[DiaSemana, ...]
    desde: time
    hasta: time
    articulo: str = attrs.field(validator=non_empty)

    def __attrs_post_init__(self) -> None:
        if not self.dias:
            raise InvalidValue("un horario necesita al menos un día", "dias")
        if self.hasta <= self.desde:
            raise InvalidValue(f"el horario cierra ({self.hasta}) antes de abrir ({self.desde})", "hasta")

    def atiende(self, momento: datetime) -> bool:
        """Whether ``momento`` (already in the window's zone) falls in these hours (end included)."""
        hora = momento.time().replace(tzinfo=None)
        return momento.weekday() in {d.numero for d in self.dias} and self.desde <= hora <= self.hasta


def at_start_of(day: date, zona: tzinfo) -> datetime:
    """00:00 of ``day`` in ``zona``."""
    return datetime.combine(day, time(0, 0), tzinfo=zona)


def _is_day(value: date | datetime) -> bool:
    return not isinstance(value, datetime)


@attrs.frozen
class Ventana:
    """A window of the calendar: an action, its source, and when it opens and closes."""

    accion: Accion
    descripcion: str = attrs.field(validator=non_empty)
    articulo: str = attrs.field(validator=non_empty)
    desde: date | datetime | None
    hasta: date | datetime
    incluye_desde: bool = True
    incluye_hasta: bool = True
    seleccion_dgces: date | None = None
    horario: Horario | None = None
    supuesto: str | None = attrs.field(default=None, validator=non_empty)
    nota: str | None = attrs.field(default=None, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        for name in ("desde", "hasta"):
            bound = getattr(self, name)
            if bound is None and name == "desde":
                continue
            if not isinstance(bound, date) or (isinstance(bound, datetime) and bound.utcoffset() is None):
                raise InvalidValue(f"'{name}' debe ser una fecha o una fecha y hora con desfase UTC; se "
                                   f"recibió {type(bound).__name__}", name)
            problem = fuera_de_rango(bound)
            if problem is not None:
                raise InvalidValue(f"'{name}': {problem}", name)
        if _is_day(self.hasta) and not self.incluye_hasta:
            raise InvalidValue("un 'hasta' de día completo ya incluye ese día; quite 'incluye_hasta'",
                               "incluye_hasta")
        if self.desde is None:
            return
        if _is_day(self.desde) and not self.incluye_desde:
            raise InvalidValue("un 'desde' de día completo empieza a las 00:00; quite 'incluye_desde'",
                               "incluye_desde")
        start = self.desde if isinstance(self.desde, datetime) else at_start_of(self.desde, _UTC_6)
        end = self.hasta if isinstance(self.hasta, datetime) else at_start_of(self.hasta + _DAY, _UTC_6)
        if end < start:
            raise InvalidValue(f"la ventana cierra ({self.hasta}) antes de abrir ({self.desde})", "hasta")

    @property
    def dia_completo(self) -> bool:
        """True when the bounds are days (an all-day window in a calendar)."""
        return (self.desde is None or _is_day(self.desde)) and _is_day(self.hasta)

    def inicio(self, zona: tzinfo) -> datetime | None:
        """The opening instant, in ``zona``; ``None`` for a bare deadline ("antes del ...")."""
        if self.desde is None:
            return None
        if isinstance(self.desde, datetime):
            return self.desde.astimezone(zona)
        return at_start_of(self.desde, zona)

    def fin(self, zona: tzinfo) -> datetime:
        """The closing instant, in ``zona`` (for a day, the next day's 00:00, excluded)."""
        if isinstance(self.hasta, datetime):
            return self.hasta.astimezone(zona)
        return at_start_of(self.hasta + _DAY, zona)

    @property
    def incluye_fin(self) -> bool:
        return isinstance(self.hasta, datetime) and self.incluye_hasta

    @property
    def incluye_inicio(self) -> bool:
        return self.incluye_desde

    def proxima_apertura(self, instante: datetime, zona: tzinfo) -> datetime | None:
        """When the window next opens after ``instante``: its start, or, inside its bounds, the
        next opening of its service hours (at an excluded start, that very instant); ``None`` if
        it never opens again."""
        momento = instante.astimezone(zona)
        start, end = self.inicio(zona), self.fin(zona)
        if momento >= end:
            return None
        candidate = start if start is not None and start > momento else momento
        if self.horario is None:
            return candidate if candidate > momento or not self.incluye_inicio else None
        day = candidate.date()
        while True:
            opening = datetime.combine(day, self.horario.desde, tzinfo=zona)
            opening = max(opening, candidate)
            closing = datetime.combine(day, self.horario.hasta, tzinfo=zona)
            if opening > end or (opening == end and not self.incluye_fin):
                return None
            served = day.weekday() in {d.numero for d in self.horario.dias}
            if served and opening <= closing and opening > momento and self.contiene(opening, zona):
                return opening
            day += _DAY

    def contiene(self, instante: datetime, zona: tzinfo) -> bool:
        """Whether the window is open at ``instante`` (aware), service hours included."""
        momento = instante.astimezone(zona)
        start, end = self.inicio(zona), self.fin(zona)
        after_start = (
            start is None or momento > start or (self.incluye_inicio and momento == start)
        )
        before_end = momento <= end if self.incluye_fin else momento < end
        if not (after_start and before_end):
            return False
        return self.horario is None or self.horario.atiende(momento)

