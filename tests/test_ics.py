"""ICS export: stable bytes and UIDs, VTIMEZONE and TZID, all-day events for date-only windows."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import icalendar

import residencias
from residencias.calendars.ics import to_ics

MX = ZoneInfo("America/Mexico_City")


def export(ident: str, **facts: date) -> bytes:
    conv = residencias.load_convocatoria(ident)
    return to_ics(residencias.load_calendario(ident), titulo=conv.titulo,
                  publicacion=conv.publicacion.fecha_hora, **facts)


def test_same_calendar_same_bytes_and_unique_uids() -> None:
    first, second = export("imss-cer-2026-2027"), export("imss-cer-2026-2027")
    assert first == second
    events = icalendar.Calendar.from_ical(first).walk("VEVENT")
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids)) == 12  # 11 windows of the document + carta_preaceptacion (8.2, paso 2)
    assert uids[0] == "imss-cer-2026-2027.registro.1@residencias"


def test_exact_windows_carry_tzid_and_a_vtimezone() -> None:
    data = export("imss-cer-2026-2027")
    text = data.decode("utf-8")
    assert "BEGIN:VTIMEZONE\r\nTZID:America/Mexico_City" in text
    assert "DTSTART;TZID=America/Mexico_City:20260309T160000" in text
    assert "DTEND;TZID=America/Mexico_City:20260313T160000" in text
    assert "DTSTAMP:20260310T000000Z" in text  # the publication, 9 March 18:00 in Mexico City


def test_date_only_windows_are_all_day_events() -> None:
    events = icalendar.Calendar.from_ical(export("imss-cer-2026-2027")).walk("VEVENT")
    efiser = next(e for e in events if str(e["UID"]).startswith("imss-cer-2026-2027.examen_efiser"))
    assert efiser.decoded("DTSTART") == date(2026, 3, 24)
    assert efiser.decoded("DTEND") == date(2026, 3, 28)  # exclusive: the 27th is included
    assert "Supuesto: El documento da los días sin horario" in str(efiser["DESCRIPTION"])


def test_mixed_bounds_start_at_midnight() -> None:
    events = icalendar.Calendar.from_ical(export("imss-cer-2026-2027")).walk("VEVENT")
    resultados = next(e for e in events if str(e["UID"]).startswith("imss-cer-2026-2027.resultados"))
    assert resultados.decoded("DTSTART") == datetime(2026, 4, 15, tzinfo=MX)
    assert resultados.decoded("DTEND") == datetime(2026, 4, 16, 16, tzinfo=MX)
