"""Properties of windows and calendars (hypothesis): answers agree with the bounds as written,
whatever zone the instant is expressed in, and the ICS export round-trips."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
from hypothesis import given, settings
from hypothesis import strategies as st

import residencias
from residencias.calendars import Calendario, Estado, Ventana
from residencias.calendars.ics import to_ics
from tests.strategies import aware_instants, ventanas

MX = ZoneInfo("America/Mexico_City")
CALENDARS = {i: residencias.load_calendario(i) for i in residencias.convocatorias_disponibles()}
ALL_WINDOWS = [(cal, v) for cal in CALENDARS.values() for v in cal.ventanas]
BOUNDS = tuple(
    b for _, v in ALL_WINDOWS for b in (v.inicio(MX), v.fin(MX)) if b is not None
)


def expected_open(v: Ventana, instant: datetime) -> bool:
    """An oracle written from the documents' reading, not from the implementation: a day bound
    is compared as a calendar day in Mexico City, an exact bound as an instant."""
    local = instant.astimezone(MX)
    if v.desde is None:
        started = True
    elif isinstance(v.desde, datetime):
        started = local > v.desde or (v.incluye_desde and local == v.desde)
    else:
        started = local.date() >= v.desde
    if isinstance(v.hasta, datetime):
        before_end = local < v.hasta or (v.incluye_hasta and local == v.hasta)
    else:
        before_end = local.date() <= v.hasta
    in_hours = v.horario is None or (
        local.weekday() in {d.numero for d in v.horario.dias}
        and v.horario.desde <= local.time().replace(tzinfo=None) <= v.horario.hasta
    )
    return started and before_end and in_hours


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(ALL_WINDOWS), aware_instants(near=BOUNDS))
def test_bundled_windows_agree_with_their_bounds(pair: tuple[Calendario, Ventana], instant: datetime) -> None:
    cal, v = pair
    assert v.contiene(instant, cal.zona) == expected_open(v, instant)


@settings(max_examples=300, deadline=None)
@given(ventanas(), st.data())
def test_any_window_agrees_with_its_bounds(v: Ventana, data: st.DataObject) -> None:
    near = tuple(b for b in (v.inicio(MX), v.fin(MX)) if b is not None)
    instant = data.draw(aware_instants(near=near))
    assert v.contiene(instant, MX) == expected_open(v, instant)


OTHER_ZONES = st.sampled_from([ZoneInfo("UTC"), ZoneInfo("Asia/Tokyo"), ZoneInfo("America/Tijuana")])


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(CALENDARS)), aware_instants(near=BOUNDS), OTHER_ZONES)
def test_the_zone_of_the_instant_does_not_change_answers(
    ident: str, instant: datetime, other: ZoneInfo
) -> None:
    cal = CALENDARS[ident]
    moved = instant.astimezone(other)
    assert [e.estado for e in cal.estados(instant)] == [e.estado for e in cal.estados(moved)]
    assert cal.proximos(instant, 3) == cal.proximos(moved, 3)
    for v in cal.ventanas:
        assert cal.abierta(v.accion, instant, seleccion_dgces=v.seleccion_dgces) == cal.abierta(
            v.accion, moved, seleccion_dgces=v.seleccion_dgces)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(CALENDARS)), aware_instants(near=BOUNDS))
def test_states_partition_time(ident: str, instant: datetime) -> None:
    """Open windows are those that contain the instant; closed ones never open again (without
    service hours: they ended before it); upcoming ones open at a later instant."""
    cal = CALENDARS[ident]
    for state in cal.estados(instant):
        v = state.ventana
        assert (state.estado is Estado.ABIERTA) == v.contiene(instant, cal.zona)
        later = v.proxima_apertura(instant, cal.zona)
        if state.estado is Estado.CERRADA:
            assert later is None
            if v.horario is None:
                assert v.fin(cal.zona) <= instant
        if state.estado is Estado.PROXIMA:
            assert later is not None and later >= instant
            excluded_start = later == v.inicio(cal.zona) and not v.incluye_inicio
            assert v.contiene(later, cal.zona) or excluded_start
    for event in cal.proximos(instant, 10):
        assert event.instante > instant


def _events(data: bytes) -> dict[str, icalendar.Event]:
    parsed = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): e for e in parsed.walk("VEVENT")}


def _as_instant(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, datetime.min.time(), tzinfo=MX)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(sorted(CALENDARS)), st.sampled_from([None, date(2026, 2, 16), date(2026, 2, 18)]))
def test_ics_round_trips_with_the_same_instants(ident: str, seleccion: date | None) -> None:
    cal = CALENDARS[ident]
    conv = residencias.load_convocatoria(ident)
    data = to_ics(cal, titulo=conv.titulo, publicacion=conv.publicacion.fecha_hora, seleccion_dgces=seleccion)
    assert data == to_ics(cal, titulo=conv.titulo, publicacion=conv.publicacion.fecha_hora,
                          seleccion_dgces=seleccion)
    events = list(_events(data).values())
    windows = cal.ventanas_para(seleccion) + cal.plazos_resueltos(seleccion_dgces=seleccion)
    assert len(events) == len(windows)
    for event, v in zip(events, windows, strict=True):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        if v.dia_completo:
            assert not isinstance(start, datetime)
            assert end - start == (v.fin(MX).date() - (v.inicio(MX) or v.fin(MX) - timedelta(days=1)).date())
        else:
            assert _as_instant(start) == (v.inicio(MX) or v.fin(MX))
            assert end == v.fin(MX)
            assert start.tzinfo is not None
        assert f"Artículo: {v.articulo}" in str(event["DESCRIPTION"])
