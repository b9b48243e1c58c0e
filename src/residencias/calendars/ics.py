"""ICS export (RFC 5545) of a calendar: one event per window, all-day for date-only windows,
times with ``TZID=America/Mexico_City`` and its VTIMEZONE, the article in the description.

The output is deterministic: UIDs come from the convocatoria, the action and the window's place
among that action's windows; DTSTAMP is the publication instant (or the first window's opening),
never the clock. The same calendar exported twice gives the same bytes, so importing it again
updates events instead of duplicating them.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta

import icalendar

from residencias.calendars.calendario import Calendario
from residencias.domain.ventana import Ventana

__all__ = ["to_ics"]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def to_ics(
    calendario: Calendario,
    *,
    titulo: str,
    publicacion: datetime | None = None,
    seleccion_dgces: date | None = None,
    registro: date | None = None,
) -> bytes:
    """The calendar as ICS bytes: the windows that apply (the applicant's variant of a staggered
    registration when ``seleccion_dgces`` is given), then every derived deadline that the facts
    given allow to compute."""
    chosen = calendario.ventanas_para(seleccion_dgces) + calendario.plazos_resueltos(
        seleccion_dgces=seleccion_dgces, registro=registro
    )
    stamp = _stamp(calendario, chosen, publicacion)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//residencias//convocatorias de residencias médicas//ES")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{calendario.convocatoria}: {titulo}")
    cal.add("x-wr-timezone", calendario.zona.key)
    seen: Counter[str] = Counter()
    for ventana in chosen:
        key = ventana.accion.value
        if ventana.seleccion_dgces is not None:
            key += f".seleccion-{ventana.seleccion_dgces.isoformat()}"
        seen[key] += 1
        cal.add_component(_event(calendario, ventana, f"{calendario.convocatoria}.{key}.{seen[key]}", stamp))
    cal.add_missing_timezones()
    data: bytes = cal.to_ical()
    return data


def _stamp(calendario: Calendario, ventanas: tuple[Ventana, ...], publicacion: datetime | None) -> datetime:
    if publicacion is not None:
        return publicacion.astimezone(UTC)
    starts = [s for v in ventanas if (s := v.inicio(calendario.zona)) is not None]
    return min(starts).astimezone(UTC) if starts else _EPOCH


def _event(calendario: Calendario, ventana: Ventana, uid: str, stamp: datetime) -> icalendar.Event:
    zona = calendario.zona
    event = icalendar.Event()
    event.add("uid", f"{uid}@residencias")
    event.add("dtstamp", stamp)
    event.add("summary", f"{ventana.accion.value.replace('_', ' ')}: {ventana.descripcion}")
    inicio = ventana.inicio(zona)
    if ventana.dia_completo:
        last = ventana.hasta
        first = ventana.desde if ventana.desde is not None else last
        assert isinstance(first, date) and isinstance(last, date)
        event.add("dtstart", first)
        event.add("dtend", last + timedelta(days=1))
    else:
        event.add("dtstart", inicio if inicio is not None else ventana.fin(zona))
        event.add("dtend", ventana.fin(zona))
    event.add("description", _description(ventana))
    event.add("categories", [ventana.accion.value])
    return event


def _description(ventana: Ventana) -> str:
    lines = [ventana.descripcion, f"Artículo: {ventana.articulo}"]
    if ventana.desde is None:
        lines.append("Fecha límite (sin inicio en el documento).")
    if ventana.horario is not None:
        dias = ", ".join(d.value for d in ventana.horario.dias)
        lines.append(f"Horario: {dias}, de {ventana.horario.desde:%H:%M} a {ventana.horario.hasta:%H:%M} "
                     f"({ventana.horario.articulo})")
    if ventana.seleccion_dgces is not None:
        lines.append(f"Para quien seleccionó en la DGCES el {ventana.seleccion_dgces.isoformat()}.")
    if ventana.supuesto:
        lines.append(f"Supuesto: {ventana.supuesto}")
    if ventana.nota:
        lines.append(f"Nota: {ventana.nota}")
    return "\n".join(lines)
