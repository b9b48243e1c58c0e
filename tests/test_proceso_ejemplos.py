"""Every example history (`examples/historias/`) replays, and together they reach every status of
their convocatoria's process, fire every deadline and apply every action it declares: what the
documents name is reachable from an example, not only from the data."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path

import pytest

import residencias
from residencias.domain import curp
from residencias.domain.historia import Historia
from residencias.process import estado
from residencias.process.replay import Corrida
from tests.strategies import inicio_de

HISTORIAS = Path(__file__).parent.parent / "examples" / "historias"


def _examples() -> dict[str, list[tuple[Path, Historia]]]:
    out: dict[str, list[tuple[Path, Historia]]] = defaultdict(list)
    for path in sorted(HISTORIAS.glob("*")):
        if path.suffix in {".yaml", ".json"}:
            historia = residencias.load_historia(path)
            out[historia.convocatoria].append((path, historia))
    return out


EXAMPLES = _examples()
CON_PROCESO = [i for i in residencias.convocatorias_disponibles()
               if residencias.load_convocatoria(i).proceso is not None]


def _instants(conv: residencias.Convocatoria, historia: Historia) -> list[datetime]:
    """Before anything, every event, every deadline this person has (one second after it), and a
    year after the last event."""
    corrida = Corrida(conv, historia)
    far = (historia.eventos[-1].instante if historia.eventos else inicio_de(conv)) + timedelta(days=400)
    corrida.run(far)
    found = [e.instante for e in historia.eventos]
    found.append(inicio_de(conv) - timedelta(days=1))
    assert conv.proceso is not None
    for vencimiento in conv.proceso.vencimientos:
        plazo = corrida.plazo_de(vencimiento)
        if plazo.fin is not None:
            found.append(plazo.fin + timedelta(seconds=1))
    return sorted({*found, far})


def test_there_are_at_least_fifteen_examples_across_the_calls() -> None:
    assert sum(len(v) for v in EXAMPLES.values()) >= 15
    assert any(path.suffix == ".json" for items in EXAMPLES.values() for path, _ in items)


@pytest.mark.parametrize("ident", CON_PROCESO)
def test_the_examples_reach_every_status_and_fire_every_deadline(ident: str) -> None:
    conv = residencias.load_convocatoria(ident)
    assert conv.proceso is not None
    reached: set[str] = set()
    fired: set[str] = set()
    for _, historia in EXAMPLES.get(ident, []):
        for instante in _instants(conv, historia):
            e = estado(conv, historia, instante)
            reached.add(e.estatus.id)
            fired.update(c.origen for c in e.consecuencias if c.automatica)
    assert {e.id for e in conv.proceso.estatus} - reached == set()
    assert {v.id for v in conv.proceso.vencimientos} - fired == set()


@pytest.mark.parametrize("ident", CON_PROCESO)
def test_the_examples_apply_every_action(ident: str) -> None:
    """Every action of the process, eventual ones included, is an event of some example history of
    its convocatoria: what the documents let a person (or the institution) do is shown, not only
    declared."""
    conv = residencias.load_convocatoria(ident)
    assert conv.proceso is not None
    used = {evento.accion for _, historia in EXAMPLES.get(ident, []) for evento in historia.eventos}
    assert {a.id for a in conv.proceso.acciones} - used == set()


def test_every_curp_an_example_declares_is_valid() -> None:
    """The stories are not about typos: a declared CURP passes the check digit (RENAPO's algorithm,
    as ``stdnum.mx.curp``) so an example never fails a rule by accident."""
    declared = [(path.name, historia.aspirante.curp) for items in EXAMPLES.values()
                for path, historia in items if historia.aspirante.curp is not None]
    assert len(declared) >= 10
    assert [(name, c) for name, c in declared if not curp.is_valid(c)] == []
