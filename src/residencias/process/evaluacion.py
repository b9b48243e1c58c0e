"""``evaluate`` over time: the requirement list of a convocatoria at an instant, with its process.

The requirement rules are evaluated as :func:`residencias.rules.evaluador.evaluar_requisitos`
does; then time is taken into account:

- before the convocatoria is published, the dictamen says so;
- a required document missing while the window for the documents (``requisitos.plazo_documentos``)
  is still open is ``pendiente`` with that window's exact end; once it has closed, it is
  ``no cumple`` with the window's article;
- with a history (the expediente's ``historia:``, or one given), the process is replayed: a
  process that ended without success is ``no cumple`` with the consequence and its article; the
  person's obligations still open are ``pendiente`` with their exact deadline; what the replay
  could not decide is ``falta información``;
- without a history, nothing is known of the steps: each step whose deadline has passed is
  ``falta información`` naming the step (never a silent "cumple"), and each step still ahead is
  ``pendiente`` with its deadline.
"""

from __future__ import annotations

from datetime import datetime

import attrs

from residencias.calendars.calendario import Calendario
from residencias.domain.convocatoria import Convocatoria
from residencias.domain.expediente import Expediente
from residencias.domain.historia import Historia
from residencias.domain.proceso import Actor, Desenlace
from residencias.domain.reglas import TipoRegla
from residencias.errors import InvalidQueryError
from residencias.process.estado import Estado, Paso
from residencias.process.pasos import estado_y_pasos
from residencias.process.replay import Corrida
from residencias.process.ventanas import Hechos, VentanaDeAccion, ventana_de_calendario
from residencias.rules.dictamen import Dictamen, Hallazgo, Resultado, ResumenProceso, overall
from residencias.rules.evaluador import evaluar_requisitos

__all__ = ["evaluate"]


def evaluate(convocatoria: Convocatoria, hechos: Expediente, en: datetime,
             historia: Historia | None = None) -> Dictamen:
    """Evaluate an expediente against a convocatoria at instant ``en``, over time.

    ``historia``, when given, is the person's history; otherwise the one the expediente carries
    (``historia:``), if any. See the module docstring for what time changes.
    """
    base = evaluar_requisitos(convocatoria, hechos, en)
    if historia is None and hechos.historia is not None:
        historia = Historia(hechos.convocatoria, hechos.historia, hechos.aspirante)
    if historia is not None and historia.convocatoria != convocatoria.id:
        raise InvalidQueryError(f"la historia es de '{historia.convocatoria}', no de '{convocatoria.id}'")
    hallazgos = list(_documents_over_time(convocatoria, base.hallazgos, hechos, en))
    resumen = None
    if convocatoria.proceso is not None:
        persona = historia or Historia(convocatoria.id, (), hechos.aspirante)
        try:
            estado, pasos = estado_y_pasos(convocatoria, persona, en)
        except InvalidQueryError as exc:  # a fact the calendar cannot hold (a DGCES date out of 1.2)
            hallazgos.append(Hallazgo("proceso", convocatoria.proceso.articulo, Resultado.FALTA_DATO,
                                      f"no se puede seguir el proceso con estos hechos: {exc}"))
            found = tuple(hallazgos)
            return attrs.evolve(base, hallazgos=found, resultado=overall(found))
        resumen = ResumenProceso(estado.estatus.id, estado.estatus.nombre, estado.estatus.articulo,
                                 estado.terminal, estado.desenlace.value if estado.desenlace else None,
                                 historia is not None)
        if historia is not None:
            hallazgos = _met_by_the_history(convocatoria, hallazgos, estado)
            hallazgos.extend(_with_history(estado, pasos))
        else:
            hallazgos.extend(_without_history(convocatoria, persona, en))
    publicada = convocatoria.publicacion.fecha_hora
    if publicada is not None and en < publicada:
        hallazgos.insert(0, Hallazgo(
            "proceso-publicacion", convocatoria.publicacion.articulo, Resultado.PENDIENTE,
            f"la convocatoria aún no se publica: se publica el {publicada.isoformat()}; ningún trámite "
            "está abierto todavía", vence=publicada))
    found = tuple(hallazgos)
    return attrs.evolve(base, hallazgos=found, resultado=overall(found), proceso=resumen)


def _documents_window(convocatoria: Convocatoria, hechos: Expediente) -> VentanaDeAccion | None:
    requisitos = convocatoria.requisitos
    if requisitos is None or requisitos.plazo_documentos is None:
        return None
    constancia = hechos.aspirante.constancia_enarm
    seleccion = constancia.fecha_seleccion_dgces if constancia else None
    persona = Hechos(seleccion, hechos.aspirante.fecha_registro)
    try:
        return ventana_de_calendario(Calendario.de(convocatoria), requisitos.plazo_documentos, persona)
    except InvalidQueryError:  # the person's dates do not fit the calendar: the rules say so
        return None


def _documents_over_time(convocatoria: Convocatoria, hallazgos: tuple[Hallazgo, ...], hechos: Expediente,
                         en: datetime) -> tuple[Hallazgo, ...]:
    """A missing document is pending while its window is open, and overdue after it closes."""
    ventana = _documents_window(convocatoria, hechos)
    if ventana is None or ventana.fin is None or convocatoria.requisitos is None:
        return hallazgos
    documents = {r.id for r in convocatoria.requisitos.reglas if r.tipo is TipoRegla.DOCUMENTO}
    out = []
    for h in hallazgos:
        if h.regla not in documents or h.resultado is not Resultado.NO_CUMPLE:
            out.append(h)
            continue
        fin = ventana.fin
        if ventana.vencida(en):
            out.append(attrs.evolve(h, razon=f"{h.razon}; venció el plazo para integrarlo el "
                                    f"{fin.isoformat()} ({ventana.articulo})", vence=fin,
                                    articulo=f"{h.articulo}; {ventana.articulo}"))
        else:
            out.append(attrs.evolve(h, resultado=Resultado.PENDIENTE,
                                    razon=f"pendiente: {h.razon}; puede integrarlo hasta el "
                                    f"{fin.isoformat()} ({ventana.articulo})", vence=fin,
                                    articulo=f"{h.articulo}; {ventana.articulo}"))
    return tuple(out)


def _met_by_the_history(convocatoria: Convocatoria, hallazgos: list[Hallazgo],
                        estado: Estado) -> list[Hallazgo]:
    """A rule that a process action meets (``en_proceso``) is met once the history records it."""
    reglas = {r.id: r for r in convocatoria.requisitos.reglas} if convocatoria.requisitos else {}
    done = {s.origen: s for s in estado.sucesos if not s.automatico}
    out = []
    for h in hallazgos:
        regla = reglas.get(h.regla)
        suceso = done.get(regla.en_proceso) if regla is not None and regla.en_proceso else None
        if suceso is None or h.resultado in {Resultado.CUMPLE, Resultado.NO_APLICA}:
            out.append(h)
            continue
        out.append(attrs.evolve(h, resultado=Resultado.CUMPLE, vence=None, faltan=(),
                                razon=f"{h.razon}: acreditado según su historia («{suceso.descripcion}», "
                                f"{suceso.instante.isoformat()}, {suceso.articulo})"))
    return out


def _with_history(estado: Estado, pasos: tuple[Paso, ...]) -> list[Hallazgo]:
    out: list[Hallazgo] = []
    e = estado.estatus
    if estado.terminal:
        ultimo = estado.consecuencias[-1] if estado.consecuencias else None
        articulo = ultimo.articulo if ultimo is not None else e.articulo
        if estado.desenlace is Desenlace.EXITO:
            out.append(Hallazgo("proceso", e.articulo, Resultado.CUMPLE,
                                f"concluyó el proceso: {e.nombre}. {e.descripcion}"))
        else:
            why = ultimo.descripcion if ultimo is not None else e.descripcion
            out.append(Hallazgo("proceso", articulo, Resultado.NO_CUMPLE,
                                f"el proceso terminó: {e.nombre}; {why}"))
    else:
        mine = [p for p in pasos if p.actor is Actor.ASPIRANTE and p.obligatorio]
        for paso in mine:
            si_no = f"; si no: {paso.si_no} ({paso.articulo_si_no})" if paso.si_no else ""
            out.append(Hallazgo(f"proceso-{paso.accion}", paso.articulo, Resultado.PENDIENTE,
                                f"pendiente: {paso.que}{si_no}", vence=paso.hasta,
                                faltan=(paso.falta,) if paso.falta else ()))
        if not mine:
            waits = [p for p in pasos if p.hasta is not None]
            first = min(waits, key=lambda p: p.hasta or estado.en) if waits else None
            razon = f"en curso: {e.nombre}; " + (f"sigue: {first.que}" if first else e.descripcion)
            out.append(Hallazgo("proceso", e.articulo, Resultado.PENDIENTE, razon,
                                vence=first.hasta if first else None))
    out.extend(Hallazgo("proceso-incertidumbre", e.articulo, Resultado.FALTA_DATO, f"falta información: {i}")
               for i in estado.incertidumbres)
    return out


def _without_history(convocatoria: Convocatoria, persona: Historia, en: datetime) -> list[Hallazgo]:
    """Each step of the person that has a deadline consequence, with no history to say it was done."""
    corrida = Corrida(convocatoria, persona)
    out: list[Hallazgo] = []
    for vencimiento in corrida.proceso.vencimientos:
        if vencimiento.accion is None:
            continue
        accion = corrida.proceso.accion_por_id[vencimiento.accion]
        if accion.actor is not Actor.ASPIRANTE or corrida.aplica(accion.aplica_si) is False \
                or corrida.aplica(vencimiento.aplica_si) is False:
            continue
        plazo = corrida.plazo_de(vencimiento)
        step = f"proceso-{accion.id}"
        si_no = f"si no: {vencimiento.consecuencia} ({vencimiento.articulo})"
        if plazo.fin is None:
            out.append(Hallazgo(step, plazo.articulo, Resultado.PENDIENTE,
                                f"pendiente: {accion.nombre}; la fecha límite depende de {plazo.falta}; "
                                f"{si_no}",
                                faltan=(plazo.falta,) if plazo.falta else ()))
        elif plazo.vencida(en):
            out.append(Hallazgo(step, plazo.articulo, Resultado.FALTA_DATO,
                                f"no se sabe si hizo «{accion.nombre}» a tiempo (a más tardar el "
                                f"{plazo.fin.isoformat()}); sin su historia no puede darse por cumplido; "
                                f"{si_no}",
                                faltan=(f"historia: {accion.id}",), vence=plazo.fin))
        else:
            out.append(Hallazgo(step, plazo.articulo, Resultado.PENDIENTE,
                                f"pendiente: {accion.nombre}, a más tardar el {plazo.fin.isoformat()}; "
                                f"{si_no}", vence=plazo.fin))
    return out
