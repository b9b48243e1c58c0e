"""Long work shows progress: ``asignar`` names each phase on the standard error when it is a
terminal, in one line rewritten in place and erased before the answer; never on the standard
output, never when the standard error is not a terminal. The library only names its phases to a
callback (``replay(..., progreso=...)``)."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from residencias.assignment.replay import replay
from residencias.cli._progreso import Progreso
from tests.cli_correr import correr

ROOT = Path(__file__).parent.parent
YAML = str(ROOT / "examples" / "asignacion" / "cer-2026-2027.yaml")
PUBLICADO = str(ROOT / "examples" / "asignacion" / "publicado.csv")
CLEAR = "\r\x1b[K"


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _phases(stderr: str) -> list[str]:
    return [p.removeprefix("residencias asignar: ").removesuffix("…") for p in stderr.split(CLEAR) if p]


def test_replay_names_its_phases_to_the_callback() -> None:
    seen: list[str] = []
    auditoria = replay(YAML, esperado=PUBLICADO, progreso=seen.append)
    assert seen == ["leyendo y validando la entrada", "asignando", "leyendo el resultado publicado",
                    "comparando con el resultado publicado"]
    assert not auditoria.conforme
    seen.clear()
    replay(YAML, progreso=seen.append)
    assert seen == ["leyendo y validando la entrada", "asignando"]


def test_progreso_on_a_terminal_rewrites_one_line_and_erases_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    stream = _Tty()
    with Progreso("residencias asignar", stream) as fase:
        fase("leyendo")
        fase("una fase con un nombre larguísimo que no cabe en la línea")
    text = stream.getvalue()
    assert text.startswith(f"{CLEAR}residencias asignar: leyendo…{CLEAR}")
    assert text.endswith(CLEAR)
    assert all(len(part) <= 39 for part in text.split(CLEAR))
    assert "\n" not in text


def test_progreso_elsewhere_writes_nothing() -> None:
    stream = io.StringIO()
    with Progreso("residencias asignar", stream) as fase:
        fase("leyendo")
    assert stream.getvalue() == ""
    assert fase.fases == ["leyendo"]


@pytest.mark.parametrize("json_flag", [(), ("--json",)])
def test_asignar_on_a_terminal_shows_every_phase_and_the_same_answer(
    tmp_path: Path, json_flag: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "300")
    argv = ("asignar", YAML, "--esperado", PUBLICADO, "--explicar", "736574",
            "--reporte", str(tmp_path / "r.md"), "--csv", str(tmp_path / "s.csv"), *json_flag)
    plain = correr(*argv)
    terminal = correr(*argv, tty=True)
    assert terminal.codigo == plain.codigo == 1
    assert terminal.salida == plain.salida  # the answer never carries the progress
    assert plain.errores == ""
    assert _phases(terminal.errores) == [
        "leyendo y validando la entrada", "asignando", "leyendo el resultado publicado",
        "comparando con el resultado publicado", "asignando por rondas (la otra lectura de 6.2)",
        "explicando 736574",
        f"escribiendo el reporte {tmp_path / 'r.md'}", f"escribiendo el CSV {tmp_path / 's.csv'}",
        "preparando la salida",
    ]
    assert terminal.errores.endswith(CLEAR)


def test_an_error_on_a_terminal_erases_the_progress_before_its_line(tmp_path: Path) -> None:
    run = correr("asignar", YAML, "--explicar", "nadie", tty=True)
    assert run.codigo == 2
    before, line = run.errores.rsplit(CLEAR, 1)
    assert line.startswith("residencias: folio 'nadie' desconocido")
    assert before.endswith("explicando nadie…")


def test_a_real_terminal_on_stderr_and_a_pipe_on_stdout() -> None:
    """In a subprocess whose standard error is a pseudo-terminal: progress there, pure JSON on the
    standard output."""
    master, slave = pty.openpty()
    try:
        done = subprocess.run([sys.executable, "-m", "residencias", "asignar", YAML, "--json"],
                              stdout=subprocess.PIPE, stderr=slave, cwd=ROOT, check=False, timeout=60)
        os.close(slave)
        slave = -1
        received = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            received += chunk
    finally:
        os.close(master)
        if slave >= 0:
            os.close(slave)
    assert done.returncode == 0
    assert json.loads(done.stdout)["explicaciones"] == []
    text = received.decode("utf-8")
    assert re.findall(r"residencias asignar: ([^…]+)…", text) == [
        "leyendo y validando la entrada", "asignando", "asignando por rondas (la otra lectura de 6.2)",
        "preparando la salida"]
    assert text.endswith(CLEAR)
