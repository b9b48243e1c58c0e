"""Properties of every convocatoria's process, for histories hypothesis grows one event at a time
(``tests/strategies.py``, ``historias_de_proceso``): the derived status is always one the document
names; no event outside its window is ever accepted; the same history gives the same state,
replayed twice, after a JSON round trip, or with its instants written in other UTC offsets;
adding an event after T never changes what is derived at T; every status that is not terminal
offers at least one next step with an instant."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import residencias
from residencias.domain.historia import Evento, Historia
from residencias.loading.files import load_historia
from residencias.process import estado, siguientes_pasos
from residencias.process.replay import Corrida
from tests.strategies import OFFSETS, historias_de_proceso, inicio_de

CON_PROCESO = tuple(i for i in residencias.convocatorias_disponibles()
                    if residencias.load_convocatoria(i).proceso is not None)
# PROCESO_EXAMPLES=600 explores further (the suite keeps 25: fast and deterministic enough).
SETTINGS = settings(max_examples=int(os.environ.get("PROCESO_EXAMPLES", "25")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _end(conv: residencias.Convocatoria, historia: Historia, extra: int) -> datetime:
    last = historia.eventos[-1].instante if historia.eventos else inicio_de(conv)
    return last + timedelta(days=extra)


def _comparable(e: residencias.Estado) -> residencias.Estado:
    return attrs.evolve(e, eventos_posteriores=0)


@pytest.mark.parametrize("ident", CON_PROCESO)
@SETTINGS
@given(data=st.data(), extra=st.integers(0, 400))
def test_status_is_named_and_accepted_events_are_inside_their_windows(
        ident: str, data: st.DataObject, extra: int) -> None:
    conv = residencias.load_convocatoria(ident)
    assert conv.proceso is not None
    historia = data.draw(historias_de_proceso(ident))
    e = estado(conv, historia, _end(conv, historia, extra))
    assert e.estatus in conv.proceso.estatus
    for index, evento in enumerate(historia.eventos):
        corrida = Corrida(conv, attrs.evolve(historia, eventos=historia.eventos[:index]))
        corrida.run(evento.instante)
        ventana = corrida.ventana(conv.proceso.accion_por_id[evento.accion])
        if ventana is not None and ventana.falta is None:
            assert ventana.contiene(evento.instante, corrida.zona), (evento, ventana)


@pytest.mark.parametrize("ident", CON_PROCESO)
@SETTINGS
@given(data=st.data(), extra=st.integers(0, 400), offset=OFFSETS)
def test_same_history_same_state(ident: str, data: st.DataObject, extra: int, offset: object,
                                 tmp_path_factory: pytest.TempPathFactory) -> None:
    conv = residencias.load_convocatoria(ident)
    historia = data.draw(historias_de_proceso(ident))
    en = _end(conv, historia, extra)
    first = estado(conv, historia, en)
    assert estado(conv, historia, en) == first
    path = tmp_path_factory.mktemp("h") / "historia.json"
    path.write_text(historia.to_json(), encoding="utf-8")
    assert estado(conv, load_historia(path), en) == first
    shifted = attrs.evolve(historia, eventos=tuple(
        attrs.evolve(ev, instante=ev.instante.astimezone(offset)) for ev in historia.eventos))  # type: ignore[arg-type]
    assert estado(conv, shifted, en.astimezone(offset)) == first  # type: ignore[arg-type]
    assert json.loads(historia.to_json())["convocatoria"] == ident


@pytest.mark.parametrize("ident", CON_PROCESO)
@SETTINGS
@given(data=st.data(), cut=st.integers(0, 14), later=st.integers(1, 60 * 24 * 30))
def test_an_event_after_t_never_changes_the_state_at_t(ident: str, data: st.DataObject, cut: int,
                                                        later: int) -> None:
    conv = residencias.load_convocatoria(ident)
    historia = data.draw(historias_de_proceso(ident))
    prefix = attrs.evolve(historia, eventos=historia.eventos[:cut])
    t = _end(conv, prefix, 0)
    more = historia.eventos[cut:] or (Evento(conv.proceso.acciones[0].id,  # type: ignore[union-attr]
                                             t + timedelta(minutes=later)),)
    if more[0].instante <= t:
        return
    assert _comparable(estado(conv, attrs.evolve(prefix, eventos=prefix.eventos + more), t)) == \
        _comparable(estado(conv, prefix, t))


@pytest.mark.parametrize("ident", CON_PROCESO)
@SETTINGS
@given(data=st.data(), extra=st.integers(0, 400))
def test_every_non_terminal_state_offers_a_next_step_with_an_instant(
        ident: str, data: st.DataObject, extra: int) -> None:
    conv = residencias.load_convocatoria(ident)
    historia = data.draw(historias_de_proceso(ident))
    en = _end(conv, historia, extra)
    e = estado(conv, historia, en)
    pasos = siguientes_pasos(conv, historia, en)
    if e.terminal:
        assert pasos == ()
    else:
        assert any(p.desde is not None or p.hasta is not None for p in pasos), e.explicar()
