"""``estado``: replay a history against the convocatoria's ``proceso:`` and say where the person
stands at an instant.

The events up to ``en`` are applied in order, and every deadline that passed before each of them
(and before ``en``) is applied where it falls: a person still in a status the deadline concerns,
who has not done its action, gets its consequence at that instant (a window whose end is included
is still open at that very instant). Each event is checked as it comes: an action the documents
do not allow then (unknown, from the wrong status, for someone it does not apply to, before a
prerequisite, a second time where it happens once, outside its window, with data it does not
carry) is refused with its article and the event's place in the file. The windows govern, as the
documents write them, even where one opens before the publication the document states (CER 2.1:
16:00 against an 18:00 publication; ``lint`` reports that clash). The same history always gives
the same state; events after ``en`` never change it.
"""

from __future__ import annotations

import contextlib
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from residencias.calendars.calendario import Calendario
from residencias.domain.condiciones import Condicion
from residencias.domain.convocatoria import Convocatoria
from residencias.domain.expediente import Expediente
from residencias.domain.historia import Dato, Evento, Historia
from residencias.domain.proceso import AccionProceso, CampoDato, Proceso, TipoDato, Vencimiento, Veto
from residencias.errors import InvalidQueryError
from residencias.process.estado import Consecuencia, Estado, EventoRechazadoError, Suceso, VetoVigente
from residencias.process.ventanas import Hechos, VentanaDeAccion, ventana_de, ventana_de_calendario
from residencias.rules.evaluador import computed_facts
from residencias.text import quiso_decir

__all__ = ["Corrida", "estado", "proceso_de"]


def proceso_de(convocatoria: Convocatoria) -> Proceso:
    """The ``proceso:`` block of a convocatoria, or a refusal that says it has none."""
    if convocatoria.proceso is None:
        raise InvalidQueryError(f"la convocatoria '{convocatoria.id}' no tiene proceso en sus datos")
    return convocatoria.proceso


def _check_instant(en: datetime) -> None:
    if not isinstance(en, datetime) or en.tzinfo is None or en.utcoffset() is None:
        raise InvalidQueryError("el instante debe llevar zona horaria, p. ej. 2026-03-10T12:00:00-06:00; se "
                                f"recibió {en!r}")


def _shown(instante: datetime | None, zona: ZoneInfo) -> str:
    return instante.astimezone(zona).strftime("%Y-%m-%d %H:%M") if instante else "—"


class Corrida:
    """One replay of one history; use :func:`estado`."""

    def __init__(self, convocatoria: Convocatoria, historia: Historia) -> None:
        if not isinstance(historia, Historia):
            raise InvalidQueryError(f"se esperaba una Historia, se recibió {type(historia).__name__}")
        if historia.convocatoria != convocatoria.id:
            raise InvalidQueryError(f"la historia es de '{historia.convocatoria}', no de '{convocatoria.id}'")
        self.convocatoria = convocatoria
        self.proceso = proceso_de(convocatoria)
        self.historia = historia
        self.calendario = Calendario.de(convocatoria)
        self.zona = self.calendario.zona
        self.expediente = Expediente(convocatoria.id, historia.aspirante)
        self.calculados = computed_facts(convocatoria, self.expediente)
        constancia = historia.aspirante.constancia_enarm
        self.hechos = Hechos(
            seleccion_dgces=constancia.fecha_seleccion_dgces if constancia else None,
            registro=historia.aspirante.fecha_registro,
        )
        self.estatus = self.proceso.inicial
        self.desde: datetime | None = None
        self.sucesos: list[Suceso] = []
        self.consecuencias: list[Consecuencia] = []
        self.hechas: dict[str, list[datetime]] = {}
        self.pendientes: list[Vencimiento] = list(self.proceso.vencimientos)
        self.incertidumbres: list[str] = []
        self.supuestos: list[str] = []

    # --- facts ---------------------------------------------------------------------------------

    def aplica(self, condicion: Condicion | None) -> bool | None:
        """Whether a condition over the person's facts holds (``None``: a fact is missing)."""
        if condicion is None:
            return True
        return condicion.evaluar(self.expediente, self.calculados).valor

    def hecha(self, accion: str, tras: str | None = None) -> bool:
        """Whether ``accion`` happened (after the last ``tras``, when given)."""
        times = self.hechas.get(accion, [])
        if tras is None:
            return bool(times)
        last = self.hechas.get(tras)
        return any(t >= last[-1] for t in times) if last else bool(times)

    def ventana(self, accion: AccionProceso) -> VentanaDeAccion | None:
        return ventana_de(accion, self.calendario, self.hechos)

    def plazo_de(self, vencimiento: Vencimiento) -> VentanaDeAccion:
        """The window whose end is the deadline of ``vencimiento``, for this person."""
        if vencimiento.ventana is not None:
            return ventana_de_calendario(self.calendario, vencimiento.ventana, self.hechos)
        assert vencimiento.accion is not None
        found = self.ventana(self.proceso.accion_por_id[vencimiento.accion])
        assert found is not None, "checked when the data loads"
        return found

    def _note(self, items: list[str], text: str) -> None:
        if text not in items:
            items.append(text)

    # --- deadlines -------------------------------------------------------------------------------

    def advance(self, hasta: datetime) -> None:
        """Apply, in order, every deadline that passed before instant ``hasta``."""
        while True:
            due: list[tuple[datetime, int, Vencimiento, VentanaDeAccion]] = []
            for order, vencimiento in enumerate(self.pendientes):
                plazo = self.plazo_de(vencimiento)
                if plazo.fin is not None and plazo.vencida(hasta):
                    due.append((plazo.fin, order, vencimiento, plazo))
            if not due:
                return
            fin, _, vencimiento, plazo = min(due, key=lambda item: (item[0], item[1]))
            self.pendientes.remove(vencimiento)
            self._deadline(vencimiento, fin, plazo)

    def _deadline(self, vencimiento: Vencimiento, fin: datetime, plazo: VentanaDeAccion) -> None:
        if self.estatus not in vencimiento.si_estatus:
            return
        if vencimiento.accion is not None and self.hecha(vencimiento.accion):
            return
        applies = self.aplica(vencimiento.aplica_si)
        if applies is False:
            return
        if applies is None:
            assert vencimiento.aplica_si is not None
            self._note(self.incertidumbres, f"no se sabe si le alcanza el vencimiento '{vencimiento.id}' "
                       f"({vencimiento.articulo}): falta saber si {vencimiento.aplica_si.describir()}")
            return
        for supuesto in (*plazo.supuestos, *((vencimiento.supuesto,) if vencimiento.supuesto else ())):
            self._note(self.supuestos, supuesto)
        before = self.estatus
        self._move(vencimiento.hacia, fin)
        self.sucesos.append(Suceso(fin, vencimiento.id, vencimiento.consecuencia, vencimiento.articulo,
                                   before, self.estatus, automatico=True))
        self.consecuencias.append(Consecuencia(
            vencimiento.id, vencimiento.consecuencia, vencimiento.articulo, fin, automatica=True,
            veto=self._veto(vencimiento.veto, fin), supuesto=vencimiento.supuesto))

    def _veto(self, veto: Veto | None, instante: datetime) -> VetoVigente | None:
        if veto is None:
            return None
        desde = instante.astimezone(self.zona).date()
        hasta = desde + relativedelta(years=veto.anos) if veto.anos is not None else None
        return VetoVigente(veto.alcance, veto.articulo, desde, hasta, veto.nota)

    def _move(self, estatus: str, instante: datetime) -> None:
        if estatus != self.estatus:
            self.estatus = estatus
            self.desde = instante

    # --- events --------------------------------------------------------------------------------

    def apply(self, indice: int | None, evento: Evento) -> Evento:
        """Check one event against the state and apply it; returns it with its data typed."""
        accion = self.proceso.accion_por_id.get(evento.accion)
        if accion is None:
            hint = quiso_decir(evento.accion, sorted(self.proceso.accion_por_id))
            self._refuse(indice, evento, f"acción desconocida '{evento.accion}'{hint}", self.proceso.articulo)
        assert accion is not None
        t = evento.instante
        self._check_window(indice, evento, accion)
        self._check_status(indice, evento, accion)
        self._check_applies(indice, evento, accion)
        self._check_once(indice, evento, accion)
        self._check_requirements(indice, evento, accion)
        typed = self._typed(indice, evento, accion)
        before = self.estatus
        self._move(accion.destino(before) or before, t)
        self.hechas.setdefault(accion.id, []).append(t)
        self.hechos.ultimos[accion.id] = typed
        if accion.id == self.proceso.accion_de_registro and self.hechos.registro is None:
            self.hechos.registro = t.astimezone(self.zona).date()
        self.sucesos.append(Suceso(t, accion.id, accion.nombre, accion.articulo, before, self.estatus,
                                   automatico=False, indice=indice))
        if accion.consecuencia is not None or accion.veto is not None:
            self.consecuencias.append(Consecuencia(
                accion.id, accion.consecuencia or accion.nombre, accion.articulo, t, automatica=False,
                veto=self._veto(accion.veto, t), supuesto=accion.supuesto))
        return typed

    def _refuse(self, indice: int | None, evento: Evento, mensaje: str, articulo: str) -> None:
        posicion = self.historia.posicion(indice) if indice is not None else None
        raise EventoRechazadoError(mensaje, indice=indice, posicion=posicion, articulo=articulo,
                                   accion=evento.accion)

    def _check_status(self, indice: int | None, evento: Evento, accion: AccionProceso) -> None:
        if self.estatus in accion.desde:
            return
        actual = self.proceso.estatus_por_id[self.estatus]
        if actual.terminal:
            self._refuse(indice, evento, f"el proceso ya terminó con el estatus «{actual.nombre}» "
                         f"({actual.articulo}); no admite «{accion.nombre}»", accion.articulo)
        allowed = ", ".join(sorted(accion.desde))
        self._refuse(indice, evento, f"con el estatus «{actual.nombre}» no se puede «{accion.nombre}»; se "
                     f"puede desde: {allowed}", accion.articulo)

    def _check_applies(self, indice: int | None, evento: Evento, accion: AccionProceso) -> None:
        applies = self.aplica(accion.aplica_si)
        if applies is False:
            assert accion.aplica_si is not None
            self._refuse(indice, evento, f"no aplica a su caso (solo si {accion.aplica_si.describir()})",
                         accion.articulo)
        if applies is None:
            assert accion.aplica_si is not None
            self._note(self.incertidumbres, f"se admitió «{accion.nombre}» sin saber si le aplica (solo si "
                       f"{accion.aplica_si.describir()})")

    def _check_once(self, indice: int | None, evento: Evento, accion: AccionProceso) -> None:
        if accion.una_vez and self.hecha(accion.id):
            first = self.hechas[accion.id][0]
            self._refuse(indice, evento, f"«{accion.nombre}» se hace una única vez y ya se hizo el "
                         f"{_shown(first, self.zona)}", accion.articulo)

    def _check_requirements(self, indice: int | None, evento: Evento, accion: AccionProceso) -> None:
        for name in accion.requiere:
            required = self.proceso.accion_por_id[name]
            applies = self.aplica(required.aplica_si)
            if applies is False:
                continue
            if applies is None and not self.hecha(name, accion.requiere_tras):
                assert required.aplica_si is not None
                self._note(self.incertidumbres, f"se admitió «{accion.nombre}» sin «{required.nombre}», que "
                           f"se pide solo si {required.aplica_si.describir()}, y no se sabe")
                continue
            if not self.hecha(name, accion.requiere_tras):
                after = ""
                if accion.requiere_tras is not None and self.hecha(accion.requiere_tras):
                    after = f" después de «{self.proceso.accion_por_id[accion.requiere_tras].nombre}»"
                self._refuse(indice, evento, f"antes hay que «{required.nombre}»{after} "
                             f"({required.articulo})", accion.articulo)

    def _check_window(self, indice: int | None, evento: Evento, accion: AccionProceso) -> None:
        ventana = self.ventana(accion)
        if ventana is None:
            if accion.supuesto:
                self._note(self.supuestos, accion.supuesto)
            return
        if ventana.falta is not None:
            self._note(self.incertidumbres, f"no se pudo comprobar la ventana de «{accion.nombre}» "
                       f"({ventana.articulo}): falta {ventana.falta}")
            return
        if not ventana.contiene(evento.instante, self.zona):
            self._refuse(indice, evento, f"{_shown(evento.instante, self.zona)} está fuera de su ventana "
                         f"({self._describe(ventana)})", ventana.articulo)
        for supuesto in ventana.supuestos:
            self._note(self.supuestos, supuesto)

    def _describe(self, ventana: VentanaDeAccion) -> str:
        parts = []
        if ventana.cita is not None:
            parts.append(f"su cita: {_shown(ventana.cita, self.zona)}")
        if ventana.inicio is not None:
            parts.append(f"abre {_shown(ventana.inicio, self.zona)}")
        if ventana.fin is not None:
            closes = "cierra " if ventana.incluye_fin else "cierra antes de "
            parts.append(closes + _shown(ventana.fin, self.zona))
        horario = ventana.ventana.horario if ventana.ventana is not None else None
        if horario is not None:
            dias = ", ".join(d.value for d in horario.dias)
            parts.append(f"horario {dias} de {horario.desde:%H:%M} a {horario.hasta:%H:%M}")
        return "; ".join(parts) + f", hora de {self.zona.key}"

    def _typed(self, indice: int | None, evento: Evento, accion: AccionProceso) -> Evento:
        out = []
        for dato in evento.datos:
            campo = accion.campo(dato.nombre)
            if campo is None:
                known = [d.nombre for d in accion.datos]
                hint = quiso_decir(dato.nombre, known)
                shown = ", ".join(known) or "ninguno"
                self._refuse(indice, evento, f"dato desconocido '{dato.nombre}'{hint}; «{accion.nombre}» "
                             f"lleva: {shown}", accion.articulo)
            assert campo is not None
            out.append(Dato(dato.nombre, self._value(indice, evento, campo, dato.valor)))
        for campo in accion.datos:
            if campo.obligatorio and evento.dato(campo.nombre) is None:
                self._refuse(indice, evento, f"falta el dato obligatorio '{campo.nombre}' "
                             f"({campo.descripcion})", campo.articulo or accion.articulo)
        return Evento(evento.accion, evento.instante, tuple(out), evento.nota)

    def _value(self, indice: int | None, evento: Evento, campo: CampoDato, valor: Any) -> Any:
        tipo = campo.tipo
        if isinstance(valor, str) and tipo in {TipoDato.FECHA, TipoDato.INSTANTE}:
            parse = date.fromisoformat if tipo is TipoDato.FECHA else datetime.fromisoformat
            with contextlib.suppress(ValueError):
                valor = parse(valor)
        ok = {
            TipoDato.TEXTO: isinstance(valor, str),
            TipoDato.BOOLEANO: isinstance(valor, bool),
            TipoDato.FECHA: isinstance(valor, date) and not isinstance(valor, datetime),
            TipoDato.INSTANTE: isinstance(valor, datetime) and valor.tzinfo is not None,
        }[tipo]
        articulo = campo.articulo or self.proceso.accion_por_id[evento.accion].articulo
        if not ok:
            wanted = {TipoDato.TEXTO: "texto", TipoDato.BOOLEANO: "true o false",
                      TipoDato.FECHA: "una fecha AAAA-MM-DD",
                      TipoDato.INSTANTE: "una fecha y hora con desfase UTC"}[tipo]
            self._refuse(indice, evento, f"el dato '{campo.nombre}' debe ser {wanted}", articulo)
        if campo.valor_requerido is not None and valor is not campo.valor_requerido:
            self._refuse(indice, evento, f"el dato '{campo.nombre}' debe ser "
                         f"{'true' if campo.valor_requerido else 'false'} ({campo.descripcion})", articulo)
        if campo.en_ventana is not None:
            ventana = ventana_de_calendario(self.calendario, campo.en_ventana, self.hechos)
            if ventana.falta is None and not self._inside(ventana, valor):
                self._refuse(indice, evento, f"el dato '{campo.nombre}' ({valor.isoformat()}) cae fuera de "
                             f"su ventana ({self._describe(ventana)})", ventana.articulo)
        return valor

    def _inside(self, ventana: VentanaDeAccion, valor: date | datetime) -> bool:
        """Whether a datum falls inside a window: an instant (service hours included), or a day
        that the window covers at least in part."""
        if isinstance(valor, datetime):
            return ventana.contiene(valor, self.zona)
        start = ventana.inicio.astimezone(self.zona).date() if ventana.inicio is not None else date.min
        end = ventana.fin.astimezone(self.zona) if ventana.fin is not None else None
        last = (end - timedelta(microseconds=1)).date() if end is not None and not ventana.incluye_fin \
            else end.date() if end is not None else date.max
        return start <= valor <= last

    # --- the whole replay ------------------------------------------------------------------------

    def run(self, en: datetime) -> Estado:
        posteriores = 0
        previous: datetime | None = None
        for indice, evento in enumerate(self.historia.eventos):
            if previous is not None and evento.instante < previous:
                self._refuse(indice, evento, f"los eventos van en el orden en que ocurrieron; este "
                             f"({_shown(evento.instante, self.zona)}) es anterior al evento {indice}",
                             self.proceso.articulo)
            previous = evento.instante
            if evento.instante > en:
                posteriores += 1
                continue
            self.advance(evento.instante)
            self.apply(indice, evento)
        self.advance(en)
        self._unknown_deadlines()
        publicada = self.convocatoria.publicacion.fecha_hora
        first: dict[str, None] = {}
        for suceso in self.sucesos:
            if not suceso.automatico:
                first.setdefault(suceso.origen)
        return Estado(
            convocatoria=self.convocatoria.id,
            en=en,
            estatus=self.proceso.estatus_por_id[self.estatus],
            sucesos=tuple(self.sucesos),
            consecuencias=tuple(self.consecuencias),
            realizadas=tuple(first),
            desde=self.desde,
            incertidumbres=tuple(self.incertidumbres),
            supuestos=tuple(self.supuestos),
            eventos_posteriores=posteriores,
            antes_de_publicacion=publicada is not None and en < publicada,
        )

    def _unknown_deadlines(self) -> None:
        for vencimiento in self.pendientes:
            if self.estatus not in vencimiento.si_estatus:
                continue
            plazo = self.plazo_de(vencimiento)
            if plazo.fin is None and plazo.falta is not None:
                self._note(self.incertidumbres, f"no se sabe cuándo vence «{vencimiento.consecuencia}» "
                           f"({vencimiento.articulo}): falta {plazo.falta}")


def estado(convocatoria: Convocatoria, historia: Historia, en: datetime) -> Estado:
    """Where the person of ``historia`` stands at instant ``en`` (aware, any offset).

    Raises :class:`~residencias.process.estado.EventoRechazadoError` for an event the documents
    do not allow, naming it, its place in the file and the article.
    """
    _check_instant(en)
    return Corrida(convocatoria, historia).run(en)
