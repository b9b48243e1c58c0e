"""The window of one process action for one person: the calendar window it is tied to (the
person's variant of a staggered registration, a deadline counted from their own dates), an
appointment given by an earlier event, or a deadline carried by an earlier event's data.

What cannot be known from the facts and events given stays unknown (``falta``), never guessed.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo

import attrs

from residencias.calendars.calendario import Calendario
from residencias.domain.historia import Evento
from residencias.domain.plazos import Referencia
from residencias.domain.proceso import AccionProceso, RefDato
from residencias.domain.ventana import Accion, Ventana, at_start_of
from residencias.errors import InvalidQueryError

__all__ = ["Hechos", "VentanaDeAccion", "ventana_de", "ventana_de_calendario"]

_DAY = timedelta(days=1)


@attrs.define
class Hechos:
    """What a person's windows depend on: their DGCES selection date, their registration date,
    and the last event of each action so far (for appointments and letters' validity)."""

    seleccion_dgces: date | None
    registro: date | None
    ultimos: dict[str, Evento] = attrs.field(factory=dict)


@attrs.frozen
class VentanaDeAccion:
    """When an action can happen for this person. ``inicio`` ``None``: no opening (a bare
    deadline, or from whenever its prerequisites are met); ``fin`` ``None``: no closing, or an
    unknown one (then ``falta`` says what would tell it)."""

    articulo: str
    inicio: datetime | None = None
    fin: datetime | None = None
    incluye_fin: bool = True
    incluye_inicio: bool = True
    ventana: Ventana | None = None
    supuestos: tuple[str, ...] = ()
    falta: str | None = None
    cita: datetime | None = None

    def contiene(self, instante: datetime, zona: tzinfo) -> bool:
        """Whether ``instante`` is inside (service hours included); an unknown bound does not
        close it."""
        if self.ventana is not None and self.cita is None:
            return self.ventana.contiene(instante, zona)
        if self.inicio is not None and (instante < self.inicio or
                                        (instante == self.inicio and not self.incluye_inicio)):
            return False
        if self.fin is not None and (instante > self.fin or (instante == self.fin and not self.incluye_fin)):
            return False
        return self.ventana is None or self.ventana.horario is None or self.ventana.horario.atiende(
            instante.astimezone(zona))

    def vencida(self, en: datetime) -> bool:
        """Whether the window has closed at ``en`` (an unknown end never has)."""
        if self.fin is None:
            return False
        return en > self.fin or (en == self.fin and not self.incluye_fin)

    def abre_despues(self, en: datetime) -> bool:
        if self.inicio is None:
            return False
        return en < self.inicio or (en == self.inicio and not self.incluye_inicio)


def _from_calendar(ventana: Ventana, zona: tzinfo, supuestos: tuple[str, ...] = ()) -> VentanaDeAccion:
    extra = (ventana.supuesto,) if ventana.supuesto else ()
    return VentanaDeAccion(
        articulo=ventana.articulo, inicio=ventana.inicio(zona), fin=ventana.fin(zona),
        incluye_fin=ventana.incluye_fin, incluye_inicio=ventana.incluye_inicio, ventana=ventana,
        supuestos=extra + supuestos)


def ventana_de_calendario(calendario: Calendario, accion: Accion, hechos: Hechos) -> VentanaDeAccion:
    """A calendar window or derived deadline, for this person."""
    zona = calendario.zona
    if calendario.ventanas_de(accion):
        variants = [v for v in calendario.ventanas_de(accion) if v.seleccion_dgces is not None]
        if variants and hechos.seleccion_dgces is None:
            general = calendario.ventana(accion)
            return _from_calendar(general, zona, (
                "Sin fecha de selección en la DGCES (aspirante.constancia_enarm.fecha_seleccion_dgces) se "
                "toma el periodo general; el de cada aspirante abre según esa fecha.",))
        return _from_calendar(calendario.ventana(accion, seleccion_dgces=hechos.seleccion_dgces), zona)
    plazo = next((p for p in calendario.plazos if p.accion is accion), None)
    if plazo is None:
        raise InvalidQueryError(f"la convocatoria {calendario.convocatoria} no tiene ventana ni plazo de "
                                f"'{accion.value}'")
    referencia: date | None = None
    if plazo.referencia is Referencia.SELECCION_DGCES:
        referencia = hechos.seleccion_dgces
        missing = "la fecha de selección en la DGCES (aspirante.constancia_enarm.fecha_seleccion_dgces)"
    elif plazo.referencia is Referencia.REGISTRO:
        referencia = hechos.registro
        missing = "la fecha de registro (el evento de registro o aspirante.fecha_registro)"
    if plazo.por_aspirante and referencia is None:
        return VentanaDeAccion(articulo=plazo.articulo, falta=missing,
                               supuestos=(plazo.supuesto,) if plazo.supuesto else ())
    return _from_calendar(calendario.plazo(accion, referencia=referencia), zona)


def _as_end(value: object, zona: tzinfo) -> tuple[datetime, bool] | None:
    """A datum as the end of a window: an instant (included), or a day (the whole day)."""
    if isinstance(value, datetime):
        return value.astimezone(zona), True
    if isinstance(value, date):
        return at_start_of(value + _DAY, zona), False
    return None


def _datum(ref: RefDato, hechos: Hechos) -> object:
    evento = hechos.ultimos.get(ref.accion)
    return evento.dato(ref.dato) if evento is not None else None


def ventana_de(accion: AccionProceso, calendario: Calendario, hechos: Hechos) -> VentanaDeAccion | None:
    """The window of ``accion`` for this person; ``None`` when the document gives it none."""
    zona = calendario.zona
    if accion.hasta_dato is not None:
        ref = accion.hasta_dato
        supuestos: tuple[str, ...] = (ref.supuesto,) if ref.supuesto else ()
        end = _as_end(_datum(ref, hechos), zona)
        if end is None:
            return VentanaDeAccion(articulo=accion.articulo, supuestos=supuestos,
                                   falta=f"el dato '{ref.dato}' del evento '{ref.accion}'")
        return VentanaDeAccion(articulo=accion.articulo, fin=end[0], incluye_fin=end[1], supuestos=supuestos)
    if accion.ventana is None:
        return None
    base = ventana_de_calendario(calendario, accion.ventana, hechos)
    if accion.en_cita is None:
        return base
    ref = accion.en_cita
    cita = _datum(ref, hechos)
    supuestos = base.supuestos + ((ref.supuesto,) if ref.supuesto else ())
    if not isinstance(cita, datetime):
        return attrs.evolve(base, supuestos=supuestos, falta=f"la cita (dato '{ref.dato}' del evento "
                            f"'{ref.accion}')")
    cita = cita.astimezone(zona)
    horario = base.ventana.horario if base.ventana is not None else None
    closing = datetime.combine(cita.date(), horario.hasta if horario else time(23, 59, 59), tzinfo=zona)
    return attrs.evolve(base, inicio=cita, fin=closing, incluye_inicio=True, incluye_fin=True,
                        cita=cita, supuestos=supuestos)
