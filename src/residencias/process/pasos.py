"""``siguientes_pasos``: what comes next for a person at an instant, in order of urgency.

A step is an action the ``proceso:`` allows from the current status, that applies to the person
(or may: then it says so), whose prerequisites are done, that is not done yet in this status (or
happens once and was never done), and whose window has not closed. Each says what to do, where,
from when and by when, its article, and what happens if it is missed (the deadline consequence
tied to its action or window). Steps of the institution say what the person waits for. A
deadline that concerns the current status with no step tied to it is listed too, so that every
status that is not terminal shows at least one instant. A terminal status has no next step.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import attrs

from residencias.domain.convocatoria import Convocatoria
from residencias.domain.historia import Historia
from residencias.domain.proceso import AccionProceso, Actor, Vencimiento
from residencias.process.estado import Estado, Paso
from residencias.process.replay import Corrida, _check_instant
from residencias.process.ventanas import VentanaDeAccion

__all__ = ["estado_y_pasos", "siguientes_pasos"]

_FAR = datetime.max.replace(tzinfo=None)


def _requirements_met(corrida: Corrida, accion: AccionProceso) -> bool:
    for name in accion.requiere:
        required = corrida.proceso.accion_por_id[name]
        if corrida.aplica(required.aplica_si) is not True:
            continue
        if not corrida.hecha(name, accion.requiere_tras):
            return False
    return True


def _needed_again(corrida: Corrida, accion: AccionProceso) -> bool:
    """Whether an action already done must be done again: another action requires it after the
    last occurrence of something that happened since (a new observation asks for a new printing)."""
    last = corrida.hechas.get(accion.id, [])[-1]
    for other in corrida.proceso.acciones:
        tras = other.requiere_tras
        if tras is not None and accion.id in other.requiere and corrida.hechas.get(tras, [last])[-1] > last:
            return True
    return False


def _done(corrida: Corrida, accion: AccionProceso) -> bool:
    """Whether to leave an action out of the next steps because it is done: once is enough for an
    action that happens once, and for one that does not move the person to another status (a
    preparatory step), unless it is needed again; an action that moves the person on is offered
    whenever the status allows it."""
    if not corrida.hechas.get(accion.id):
        return False
    if accion.una_vez:
        return True
    moves = accion.destino(corrida.estatus) not in (None, corrida.estatus)
    return not moves and not _needed_again(corrida, accion)


def _consequence(corrida: Corrida, accion: AccionProceso) -> Vencimiento | None:
    """The deadline consequence that missing this action now would bring."""
    for vencimiento in corrida.pendientes:
        if corrida.estatus not in vencimiento.si_estatus or corrida.aplica(vencimiento.aplica_si) is False:
            continue
        if vencimiento.accion == accion.id:
            return vencimiento
        same_window = accion.ventana is not None and vencimiento.ventana is accion.ventana
        if vencimiento.accion is None and same_window:
            return vencimiento
    return None


def _step(corrida: Corrida, accion: AccionProceso, estado: Estado, en: datetime) -> Paso | None:
    if corrida.estatus not in accion.desde or accion.eventual:
        return None
    applies = corrida.aplica(accion.aplica_si)
    if applies is False or _done(corrida, accion):
        return None
    if not _requirements_met(corrida, accion):
        return None
    ventana = corrida.ventana(accion)
    if ventana is not None and ventana.vencida(en):
        return None
    desde, hasta, incluye = _bounds(ventana, estado, en, corrida.zona)
    vencimiento = _consequence(corrida, accion) if accion.actor is Actor.ASPIRANTE else None
    if ventana is None and vencimiento is not None:
        plazo = corrida.plazo_de(vencimiento)  # no window of its own: the end of its deadline's
        hasta, incluye = plazo.fin, plazo.incluye_fin
        ventana = attrs.evolve(plazo, inicio=None)
    return Paso(
        accion=accion.id, que=accion.nombre, actor=accion.actor, donde=accion.donde,
        articulo=ventana.articulo if ventana is not None else accion.articulo,
        desde=desde, hasta=hasta, incluye_hasta=incluye, donde_detalle=accion.donde_detalle,
        descripcion=accion.descripcion,
        si_no=vencimiento.consecuencia if vencimiento else None,
        articulo_si_no=vencimiento.articulo if vencimiento else None,
        obligatorio=vencimiento is not None, aplica=applies,
        falta=ventana.falta if ventana is not None else None,
        supuestos=ventana.supuestos if ventana is not None else tuple(filter(None, (accion.supuesto,))),
    )


def _bounds(ventana: VentanaDeAccion | None, estado: Estado, en: datetime,
            zona: ZoneInfo) -> tuple[datetime | None, datetime | None, bool]:
    """From when (the later of the status's start and the window's opening: a step cannot be done
    before either) and by when; inside a window with service hours, closed at ``en``, the next
    opening."""
    since = estado.desde
    if ventana is None:
        return since, None, True
    desde = max(filter(None, (since, ventana.inicio)), default=None)
    calendar = ventana.ventana
    if calendar is not None and calendar.horario is not None and ventana.cita is None \
            and not ventana.contiene(en, zona):
        desde = calendar.proxima_apertura(en, zona) or desde
    return desde, ventana.fin, ventana.incluye_fin


def _deadline_step(corrida: Corrida, vencimiento: Vencimiento, en: datetime) -> Paso | None:
    plazo = corrida.plazo_de(vencimiento)
    if plazo.fin is not None and plazo.vencida(en):
        return None
    accion = corrida.proceso.accion_por_id.get(vencimiento.accion) if vencimiento.accion else None
    theirs = any(a.actor is Actor.ASPIRANTE and not a.eventual and corrida.estatus in a.desde
                 for a in corrida.proceso.acciones)
    actor = accion.actor if accion is not None else Actor.ASPIRANTE if theirs else Actor.INSTITUCION
    que = (f"plazo de «{accion.nombre}»" if accion is not None
           else f"plazo: {plazo.ventana.descripcion}" if plazo.ventana is not None else "plazo")
    return Paso(
        accion=vencimiento.id, que=que, actor=actor,
        donde=accion.donde if accion else None, articulo=plazo.articulo, desde=None, hasta=plazo.fin,
        incluye_hasta=plazo.incluye_fin, si_no=vencimiento.consecuencia, articulo_si_no=vencimiento.articulo,
        obligatorio=True, aplica=corrida.aplica(vencimiento.aplica_si), falta=plazo.falta,
        supuestos=plazo.supuestos)


def _order(paso: Paso) -> tuple[object, ...]:
    hasta = paso.hasta.astimezone(None).replace(tzinfo=None) if paso.hasta else _FAR
    desde = paso.desde.astimezone(None).replace(tzinfo=None) if paso.desde else _FAR
    return (paso.actor is not Actor.ASPIRANTE, not paso.obligatorio, hasta, desde)


def estado_y_pasos(convocatoria: Convocatoria, historia: Historia,
                   en: datetime) -> tuple[Estado, tuple[Paso, ...]]:
    """The state at ``en`` and the next steps from it, from one replay."""
    _check_instant(en)
    corrida = Corrida(convocatoria, historia)
    estado = corrida.run(en)
    if estado.terminal:
        return estado, ()
    pasos = [p for accion in corrida.proceso.acciones if (p := _step(corrida, accion, estado, en))]
    covered = {p.accion for p in pasos}
    for vencimiento in corrida.pendientes:
        if corrida.estatus not in vencimiento.si_estatus or corrida.aplica(vencimiento.aplica_si) is False:
            continue
        acciones = corrida.proceso.accion_por_id
        tied = vencimiento.accion in covered or any(
            p.si_no is not None and _consequence(corrida, acciones[p.accion]) is vencimiento
            for p in pasos if p.accion in acciones)
        if not tied and (step := _deadline_step(corrida, vencimiento, en)) is not None:
            pasos.append(step)
    order = {a.id: i for i, a in enumerate(corrida.proceso.acciones)}
    pasos.sort(key=lambda p: (*_order(p), order.get(p.accion, len(order))))
    return estado, tuple(pasos)


def siguientes_pasos(convocatoria: Convocatoria, historia: Historia, en: datetime) -> tuple[Paso, ...]:
    """The ordered next steps of the person of ``historia`` at instant ``en``: the person's
    obligations first, by deadline; then what they may do; then what they wait for from the
    institution. Empty when the process has ended (see :func:`estado`)."""
    return estado_y_pasos(convocatoria, historia, en)[1]
