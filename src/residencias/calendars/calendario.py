"""The calendar of a convocatoria: its windows, its derived deadlines, and the questions asked of
them at an instant the caller gives (the library never reads the clock).

Every instant must be aware; any zone is accepted and converted to the convocatoria's.

>>> from datetime import datetime, timezone
>>> from residencias import load_calendario
>>> cal = load_calendario("imss-cer-2026-2027")
>>> cal.abierta("registro", en=datetime(2026, 3, 13, 22, 0, tzinfo=timezone.utc))  # 16:00 CDMX
True
>>> cal.abierta("registro", en=datetime(2026, 3, 13, 22, 0, 1, tzinfo=timezone.utc))
False
"""

from __future__ import annotations

import enum
import os
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import attrs

from residencias.calendars.dias_habiles import DiasHabiles
from residencias.domain.calendario import DatosCalendario, DiaInhabil
from residencias.domain.convocatoria import Convocatoria
from residencias.domain.fechas import fuera_de_rango
from residencias.domain.plazos import Plazo, Referencia
from residencias.domain.ventana import Accion, Ventana
from residencias.errors import InvalidQueryError
from residencias.loading.files import load_convocatoria
from residencias.text import extracto

__all__ = [
    "Calendario",
    "DatosCalendario",
    "DiaInhabil",
    "Estado",
    "EstadoVentana",
    "Evento",
    "Respuesta",
    "instante_en",
    "load_calendario",
]


class Estado(enum.Enum):
    ABIERTA = "abierta"
    PROXIMA = "próxima"
    CERRADA = "cerrada"


@attrs.frozen
class EstadoVentana:
    """A window and where an instant stands relative to it."""

    ventana: Ventana
    estado: Estado


@attrs.frozen
class Evento:
    """An opening or a closing, at an instant."""

    instante: datetime
    tipo: str
    ventana: Ventana


@attrs.frozen
class Respuesta:
    """The answer to "is it open?", with the window that decided it and every assumption used."""

    abierta: bool
    ventana: Ventana
    supuestos: tuple[str, ...]


def _parse_accion(accion: Accion | str) -> Accion:
    if isinstance(accion, Accion):
        return accion
    try:
        return Accion(accion)
    except ValueError:
        valid = ", ".join(a.value for a in Accion)
        raise InvalidQueryError(f"acción desconocida '{accion}'; acciones: {valid}") from None


@attrs.frozen
class Calendario:
    """The windows and deadlines of one convocatoria, in its time zone."""

    convocatoria: str
    zona: ZoneInfo
    ventanas: tuple[Ventana, ...]
    plazos: tuple[Plazo, ...] = ()
    inicio_ciclo: date | None = None
    dias_habiles: DiasHabiles = attrs.Factory(DiasHabiles)

    @classmethod
    def de(cls, convocatoria: Convocatoria) -> Calendario:
        """The calendar of a loaded convocatoria (empty if its file has no ``calendario``)."""
        datos = convocatoria.calendario or DatosCalendario()
        return cls(
            convocatoria=convocatoria.id,
            zona=ZoneInfo(convocatoria.zona_horaria.nombre),
            ventanas=datos.ventanas,
            plazos=datos.plazos,
            inicio_ciclo=convocatoria.ciclo_academico.inicio,
            dias_habiles=DiasHabiles(frozenset(d.fecha for d in datos.dias_inhabiles)),
        )

    def _instant(self, en: datetime) -> datetime:
        return instante_en(en, self.zona)

    def ventanas_de(self, accion: Accion | str) -> tuple[Ventana, ...]:
        """Every window of an action (the staggered variants included), in data order."""
        wanted = _parse_accion(accion)
        return tuple(v for v in self.ventanas if v.accion is wanted)

    def ventana(self, accion: Accion | str, *, seleccion_dgces: date | None = None,
                registro: date | None = None) -> Ventana:
        """The window of an action; for a registration staggered by DGCES selection date, the
        applicant's variant when ``seleccion_dgces`` is given, else the general window. An action
        that is a derived deadline is computed from the applicant's dates given."""
        _fechas_en_rango(seleccion_dgces=seleccion_dgces, registro=registro)
        self.comprobar_fechas(seleccion_dgces=seleccion_dgces, registro=registro)
        found = self.ventanas_de(accion)
        if not found:
            plazo = self._plazo(accion)
            if plazo is not None:
                facts = {Referencia.SELECCION_DGCES: seleccion_dgces, Referencia.REGISTRO: registro}
                return self.plazo(accion, referencia=facts.get(plazo.referencia))
            raise InvalidQueryError(f"la convocatoria {self.convocatoria} no tiene ventana de "
                                    f"'{_parse_accion(accion).value}'")
        variants = [v for v in found if v.seleccion_dgces is not None]
        if seleccion_dgces is not None and variants:
            for v in variants:
                if v.seleccion_dgces == seleccion_dgces:
                    return v
            dates = ", ".join(v.seleccion_dgces.isoformat() for v in variants if v.seleccion_dgces)
            raise InvalidQueryError(
                f"{self.convocatoria} escalona '{_parse_accion(accion).value}' solo para selecciones "
                f"en la DGCES del {dates}; {seleccion_dgces.isoformat()} no está entre ellas"
            )
        general = [v for v in found if v.seleccion_dgces is None]
        return general[0] if general else found[0]

    def consultar(self, accion: Accion | str, en: datetime, *,
                  seleccion_dgces: date | None = None, registro: date | None = None) -> Respuesta:
        """Whether the action is open at ``en``, the window that says so, and its assumptions."""
        instante = self._instant(en)
        ventana = self.ventana(accion, seleccion_dgces=seleccion_dgces, registro=registro)
        supuestos = [ventana.supuesto] if ventana.supuesto else []
        staggered = any(v.seleccion_dgces for v in self.ventanas_de(ventana.accion))
        if staggered and seleccion_dgces is None:
            supuestos.append("Sin fecha de selección en la DGCES se responde con el periodo general; "
                             "el registro de cada aspirante abre según su fecha de selección.")
        return Respuesta(ventana.contiene(instante, self.zona), ventana, tuple(supuestos))

    def abierta(self, accion: Accion | str, en: datetime, *, seleccion_dgces: date | None = None,
                registro: date | None = None) -> bool:
        """Whether the action can be done at instant ``en``."""
        return self.consultar(accion, en, seleccion_dgces=seleccion_dgces, registro=registro).abierta

    def estado(self, ventana: Ventana, en: datetime) -> Estado:
        """Where ``en`` stands relative to ``ventana``: open, upcoming or closed."""
        instante = self._instant(en)
        if ventana.contiene(instante, self.zona):
            return Estado.ABIERTA
        if ventana.proxima_apertura(instante, self.zona) is not None:
            return Estado.PROXIMA
        return Estado.CERRADA

    def estados(self, en: datetime, *, seleccion_dgces: date | None = None) -> tuple[EstadoVentana, ...]:
        """Every window with its state at ``en``; with ``seleccion_dgces``, only the applicant's
        variant of a staggered action."""
        return tuple(EstadoVentana(v, self.estado(v, en)) for v in self.ventanas_para(seleccion_dgces))

    def abiertas(self, en: datetime, *, seleccion_dgces: date | None = None) -> tuple[Ventana, ...]:
        return tuple(e.ventana for e in self.estados(en, seleccion_dgces=seleccion_dgces)
                     if e.estado is Estado.ABIERTA)

    def cerradas(self, en: datetime, *, seleccion_dgces: date | None = None) -> tuple[Ventana, ...]:
        return tuple(e.ventana for e in self.estados(en, seleccion_dgces=seleccion_dgces)
                     if e.estado is Estado.CERRADA)

    def proximos(
        self, en: datetime, n: int = 5, *, seleccion_dgces: date | None = None
    ) -> tuple[Evento, ...]:
        """The next ``n`` openings and closings after ``en``, earliest first (``n`` >= 0)."""
        if type(n) is not int or n < 0:
            raise InvalidQueryError(f"'n' debe ser un entero mayor o igual a 0 (cuántos eventos); "
                                    f"se recibió {extracto(n)}")
        instante = self._instant(en)
        events: list[Evento] = []
        for v in self.ventanas_para(seleccion_dgces):
            inicio = v.inicio(self.zona)
            if inicio is not None and inicio > instante:
                events.append(Evento(inicio, "apertura", v))
            fin = v.fin(self.zona)
            if fin > instante:
                events.append(Evento(fin, "cierre", v))
        events.sort(key=lambda e: (e.instante, e.tipo != "cierre", e.ventana.accion.value))
        return tuple(events[:n])

    def tiempo_restante(self, accion: Accion | str, en: datetime, *, seleccion_dgces: date | None = None,
                        registro: date | None = None) -> timedelta | None:
        """Time from ``en`` to the close of the action's window (its last bound; service hours
        inside it are not subtracted); ``None`` once it has closed."""
        instante = self._instant(en)
        fin = self.ventana(accion, seleccion_dgces=seleccion_dgces, registro=registro).fin(self.zona)
        left = fin - instante
        return left if left >= timedelta(0) else None

    def comprobar_fechas(self, *, seleccion_dgces: date | None = None, registro: date | None = None) -> None:
        """Refuse an applicant's date that this calendar cannot hold, with the article: a DGCES
        selection date that the staggered registration does not list (XLIX 1.2), or a registration
        date outside the registration window when a deadline counts from it (regularización, paso
        1). A date the calendar does not use is ignored. Every query that takes these dates calls
        this, so every caller gets the same answer."""
        if seleccion_dgces is not None:
            self._comprobar_seleccion(seleccion_dgces)
        if registro is not None:
            self._comprobar_registro(registro)

    def seleccion_dgces_valida(self, fecha: date) -> bool | None:
        """Whether the staggered registration lists this DGCES selection date (``None``: the
        calendar staggers nothing)."""
        dates = {v.seleccion_dgces for v in self.ventanas if v.seleccion_dgces is not None}
        return fecha in dates if dates else None

    def _comprobar_seleccion(self, fecha: date) -> None:
        variants = [v for v in self.ventanas if v.seleccion_dgces is not None]
        if not variants or self.seleccion_dgces_valida(fecha):
            return
        dates = ", ".join(sorted({v.seleccion_dgces.isoformat() for v in variants if v.seleccion_dgces}))
        articulo = variants[0].articulo.split(" (")[0]
        raise InvalidQueryError(
            f"{self.convocatoria}: la fecha de selección en la DGCES {fecha.isoformat()} no está en el "
            f"calendario de {articulo}, que solo da registro a quienes seleccionaron el {dates}; no hay "
            "periodo de registro para esa fecha"
        )

    def _comprobar_registro(self, fecha: date) -> None:
        if not any(p.referencia is Referencia.REGISTRO for p in self.plazos):
            return
        windows = [v for v in self.ventanas if v.accion is Accion.REGISTRO and v.seleccion_dgces is None]
        spans = [self._dias(v) for v in windows]
        if not spans or any((a is None or a <= fecha) and fecha <= b for a, b in spans):
            return
        first, last = spans[0]
        desde = first.isoformat() if first is not None else "su inicio"
        raise InvalidQueryError(
            f"{self.convocatoria}: la fecha de registro {fecha.isoformat()} está fuera del periodo de "
            f"registro ({windows[0].articulo}: del {desde} al {last.isoformat()}); no se calculan "
            "plazos desde una fecha en que no se podía registrar"
        )

    def _dias(self, ventana: Ventana) -> tuple[date | None, date]:
        """The first and last day a window touches, in the calendar's zone."""
        inicio = ventana.inicio(self.zona)
        if not isinstance(ventana.hasta, datetime):
            return (inicio.date() if inicio else None), ventana.hasta
        return (inicio.date() if inicio else None), ventana.fin(self.zona).date()

    def _plazo(self, accion: Accion | str) -> Plazo | None:
        wanted = _parse_accion(accion)
        return next((p for p in self.plazos if p.accion is wanted), None)

    def plazo(self, accion: Accion | str, *, referencia: date | None = None) -> Ventana:
        """A derived deadline as a window; ``referencia`` is the applicant's date when the rule
        counts from a fact of theirs, or another cycle's start."""
        plazo = self._plazo(accion)
        if plazo is None:
            raise InvalidQueryError(f"la convocatoria {self.convocatoria} no tiene plazo de "
                                    f"'{_parse_accion(accion).value}'")
        if plazo.referencia is Referencia.SELECCION_DGCES:
            self.comprobar_fechas(seleccion_dgces=referencia)
        elif plazo.referencia is Referencia.REGISTRO:
            self.comprobar_fechas(registro=referencia)
        return plazo.resolver(inicio_ciclo=self.inicio_ciclo, dias=self.dias_habiles, referencia=referencia)

    def plazos_resueltos(self, *, seleccion_dgces: date | None = None,
                         registro: date | None = None) -> tuple[Ventana, ...]:
        """Every derived deadline that can be computed with the facts given (an applicant's date
        the calendar cannot hold is refused, see :meth:`comprobar_fechas`)."""
        _fechas_en_rango(seleccion_dgces=seleccion_dgces, registro=registro)
        self.comprobar_fechas(seleccion_dgces=seleccion_dgces, registro=registro)
        resolved = []
        for plazo in self.plazos:
            facts = {"seleccion_dgces": seleccion_dgces, "registro": registro}
            referencia = facts.get(plazo.referencia.value)
            if plazo.por_aspirante and referencia is None:
                continue
            resolved.append(plazo.resolver(inicio_ciclo=self.inicio_ciclo, dias=self.dias_habiles,
                                           referencia=referencia))
        return tuple(resolved)

    def ventanas_para(self, seleccion_dgces: date | None = None) -> tuple[Ventana, ...]:
        """The windows that apply to an applicant: without a DGCES selection date, the general
        windows; with one, the applicant's variant of each staggered action (a date the calendar
        does not stagger for is refused, see :meth:`comprobar_fechas`)."""
        _fechas_en_rango(seleccion_dgces=seleccion_dgces)
        self.comprobar_fechas(seleccion_dgces=seleccion_dgces)
        if seleccion_dgces is None:
            return tuple(v for v in self.ventanas if v.seleccion_dgces is None)
        chosen: list[Ventana] = []
        for v in self.ventanas:
            if v.seleccion_dgces is not None:
                if v.seleccion_dgces == seleccion_dgces:
                    chosen.append(v)
                continue
            has_variant = any(o.seleccion_dgces == seleccion_dgces and o.accion is v.accion
                              for o in self.ventanas)
            if not has_variant:
                chosen.append(v)
        return tuple(chosen)


def instante_en(en: object, zona: ZoneInfo) -> datetime:
    """``en`` in ``zona``; refused (:class:`InvalidQueryError`) unless it is an aware datetime within
    the supported range (:mod:`residencias.domain.fechas`)."""
    if not isinstance(en, datetime):
        raise InvalidQueryError(f"se esperaba una fecha y hora (datetime con zona horaria), se recibió "
                                f"{type(en).__name__} {extracto(en)}")
    if en.tzinfo is None or en.utcoffset() is None:
        raise InvalidQueryError(
            f"fecha y hora sin zona horaria ({en.isoformat()}): indique el desfase, p. ej. "
            f"{en.replace(microsecond=0).isoformat()}-06:00 para la Ciudad de México"
        )
    problem = fuera_de_rango(en)
    if problem is not None:
        raise InvalidQueryError(problem)
    return en.astimezone(zona)


def _fechas_en_rango(**dias: object) -> None:
    """Refuse an applicant's date that is not a date, or is outside the supported range."""
    for nombre, dia in dias.items():
        if dia is None:
            continue
        if not isinstance(dia, date) or isinstance(dia, datetime):
            raise InvalidQueryError(f"'{nombre}' debe ser una fecha (datetime.date), se recibió "
                                    f"{type(dia).__name__} {extracto(dia)}")
        problem = fuera_de_rango(dia)
        if problem is not None:
            raise InvalidQueryError(f"'{nombre}': {problem}")


def load_calendario(convocatoria: str | os.PathLike[str]) -> Calendario:
    """The calendar of a convocatoria (id or path), ready for questions at an instant."""
    return Calendario.de(load_convocatoria(convocatoria))
