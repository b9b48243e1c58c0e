"""The diagrams `docs/procesos.md` embeds are the ones the data draws today: one per convocatoria
with a process, equal, line for line, to ``residencias flujo ID``."""

from __future__ import annotations

import re
from pathlib import Path

import residencias
from residencias.process import to_mermaid

DOC = Path(__file__).parent.parent / "docs" / "procesos.md"


def _embedded() -> dict[str, str]:
    blocks = re.findall(r"```mermaid\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    out = {}
    for block in blocks:
        ident = re.search(r"^    %% ([a-z0-9-]+):", block, flags=re.M)
        assert ident is not None, block[:80]
        out[ident.group(1)] = block
    return out


def test_every_process_is_drawn_in_the_guide_as_the_data_draws_it() -> None:
    embedded = _embedded()
    with_process = [i for i in residencias.convocatorias_disponibles()
                    if residencias.load_convocatoria(i).proceso is not None]
    assert sorted(embedded) == sorted(with_process)
    for ident in with_process:
        assert embedded[ident] == to_mermaid(residencias.load_convocatoria(ident)), ident
