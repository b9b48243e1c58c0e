"""A person's own deadlines as an ICS calendar: one event per next step that has an instant,
with what to do, where, the article and what happens if it is missed. UIDs come from the
convocatoria, the person's folio (when the history states it) and the action, so importing the
file again after the history grows updates the events instead of duplicating them; DTSTAMP is
the convocatoria's publication instant, never the clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import icalendar

from residencias.domain.convocatoria import Convocatoria
from residencias.domain.historia import Historia
from residencias.process.estado import Paso

__all__ = ["pasos_a_ics"]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _description(paso: Paso) -> str:
    lines = [paso.descripcion or paso.que, f"Artículo: {paso.articulo}"]
    if paso.donde is not None:
        detalle = f" ({paso.donde_detalle})" if paso.donde_detalle else ""
        lines.append(f"Dónde: {paso.donde.etiqueta}{detalle}")
    if paso.si_no:
        lines.append(f"Si no se hace: {paso.si_no} ({paso.articulo_si_no})")
    lines.extend(f"Supuesto: {s}" for s in paso.supuestos)
    return "\n".join(lines)


def pasos_a_ics(convocatoria: Convocatoria, historia: Historia, pasos: tuple[Paso, ...]) -> bytes:
    """The steps with an instant as ICS bytes (the same steps give the same bytes)."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//residencias//pasos de un aspirante//ES")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{convocatoria.id}: mis pasos")
    stamp = (convocatoria.publicacion.fecha_hora or _EPOCH).astimezone(UTC)
    person = historia.aspirante.folio or "aspirante"
    for paso in pasos:
        end = paso.hasta or paso.desde
        if end is None:
            continue
        start = paso.desde if paso.desde is not None and paso.desde < end else end - timedelta(minutes=30)
        event = icalendar.Event()
        event.add("uid", f"{convocatoria.id}.{person}.{paso.accion}@residencias")
        event.add("dtstamp", stamp)
        prefix = "" if paso.actor.value == "aspirante" else "(institución) "
        event.add("summary", f"{prefix}{paso.que}")
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("description", _description(paso))
        event.add("categories", [paso.accion])
        cal.add_component(event)
    cal.add_missing_timezones()
    data: bytes = cal.to_ical()
    return data
