"""Exit codes an auditor can trust, and output that works wherever a terminal does.

0/1/2 are answers and refusals (``tests/test_cli_matriz.py``); here: 3 for an internal error, never
mistaken for a finding, with its traceback only on request; 141 and silence for a reader that
closes the pipe; 2 and one line for an output that cannot be written (a full disk, a closed
standard output); real ASCII terminals (the interpreter's own streams, in a subprocess)."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from residencias.cli import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_PIPE_CLOSED, main
from residencias.cli._salida import encodable
from residencias.loading import files as cargas  # the handler imports its functions from here when run
from tests.cli_correr import correr
from tests.esquemas import validar

ROOT = Path(__file__).parent.parent


def _subprocess(*argv: str, env: dict[str, str] | None = None, encoding: str = "utf-8",
                stdout: object = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "residencias", *argv], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, encoding=encoding, check=False, env=environment, cwd=ROOT)  # type: ignore[call-overload]


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A competition of 2,000 applicants: its JSON (about 270 KB) is far more than a pipe holds,
    so the writer meets the closed end."""
    directory = tmp_path_factory.mktemp("grande")
    sedes = ["cer,clave,plazas"] + [f"Cardiología,S{i},3" for i in range(20)]
    aspirantes = ["folio,cer,puntaje,opciones"] + [
        f"{i:06d},Cardiología,{50 + (i * 7919) % 5000 / 100:.2f},"
        + "|".join(f"S{(i + k) % 20}" for k in range(5))
        for i in range(2000)
    ]
    (directory / "sedes.csv").write_text("\n".join(sedes) + "\n", encoding="utf-8")
    (directory / "aspirantes.csv").write_text("\n".join(aspirantes) + "\n", encoding="utf-8")
    return str(directory)


# --- 3: an internal error ----------------------------------------------------------------------


@pytest.fixture
def broken(monkeypatch: pytest.MonkeyPatch) -> None:
    """``residencias convocatorias`` with a defect inside: a division by zero."""

    def defect() -> tuple[str, ...]:
        return (str(1 // 0),)

    monkeypatch.setattr(cargas, "convocatorias_disponibles", defect)
    monkeypatch.delenv("RESIDENCIAS_DEPURAR", raising=False)


@pytest.mark.usefixtures("broken")
def test_an_internal_error_is_3_in_one_line_never_1() -> None:
    run = correr("convocatorias")
    assert run.codigo == EXIT_INTERNAL == 3
    assert run.salida == ""
    assert run.errores.count("\n") == 1
    assert run.errores.startswith("residencias: error interno (ZeroDivisionError: integer division or modulo "
                                  "by zero); es un defecto del programa, no un resultado sobre los datos")
    assert "--depurar" in run.errores and "RESIDENCIAS_DEPURAR=1" in run.errores
    assert "Traceback" not in run.errores


@pytest.mark.usefixtures("broken")
def test_depurar_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    for argv in (("--depurar", "convocatorias"), ("convocatorias", "--depurar")):
        run = correr(*argv)
        assert run.codigo == 3
        assert run.errores.startswith("Traceback (most recent call last):")
        assert "ZeroDivisionError" in run.errores
        assert run.errores.splitlines()[-1].startswith("residencias: error interno")
    monkeypatch.setenv("RESIDENCIAS_DEPURAR", "1")
    assert correr("convocatorias").errores.startswith("Traceback")
    monkeypatch.setenv("RESIDENCIAS_DEPURAR", "0")
    assert "Traceback" not in correr("convocatorias").errores


@pytest.mark.usefixtures("broken")
def test_an_internal_error_under_json_is_json_too() -> None:
    run = correr("convocatorias", "--json")
    assert run.codigo == 3
    data = run.json
    assert validar("error", data) == []
    assert data["error"]["codigo"] == 3
    assert data["error"]["tipo"] == "error_interno"
    assert data["error"]["problemas"] == []


def test_depurar_also_shows_where_bad_input_was_refused() -> None:
    run = correr("mostrar", "no-existe", "--depurar")
    assert run.codigo == 2
    assert "UnknownConvocatoriaError" in run.errores
    assert run.errores.splitlines()[-1].startswith("residencias: convocatoria desconocida 'no-existe'")


def test_ctrl_c_is_130_without_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted() -> tuple[str, ...]:
        raise KeyboardInterrupt

    monkeypatch.setattr(cargas, "convocatorias_disponibles", interrupted)
    run = correr("convocatorias")
    assert (run.codigo, run.salida, run.errores) == (EXIT_INTERRUPTED, "", "residencias: interrumpido\n")


def test_main_returns_codes_and_never_raises_system_exit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("residencias 0.")
    assert main(["--help"]) == 0
    assert main([]) == 2
    assert "faltan argumentos obligatorios: ORDEN" in capsys.readouterr().err


# --- a closed pipe, a full disk, a closed standard output ---------------------------------------


@pytest.mark.parametrize("unbuffered", [True, False])
def test_a_reader_that_closes_the_pipe_ends_the_command_quietly_with_141(big: str, unbuffered: bool) -> None:
    """Whether the standard output is buffered or not (``PYTHONUNBUFFERED=1``, where a large write
    that the pipe takes only in part would otherwise lose the rest without a word)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    process = subprocess.Popen([sys.executable, "-m", "residencias", "asignar", big, "--json"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env)
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.read(2) == b"{\n"
    process.stdout.close()  # as `| head -c 2` does
    err = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=60) == EXIT_PIPE_CLOSED == 141
    assert err == b""


def test_head_through_a_shell_pipe(big: str) -> None:
    command = f"{sys.executable} -m residencias asignar {big} --json | head -c 10; exit ${{PIPESTATUS[0]}}"
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, check=False, cwd=ROOT)
    assert done.returncode == EXIT_PIPE_CLOSED, done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert len(done.stdout) == 10


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_disk_is_2_and_one_line() -> None:
    """Under ``--json`` too: the refusal cannot go where the answer could not, it is said on the
    standard error."""
    with open("/dev/full", "w") as full:
        done = _subprocess("lint", "--json", stdout=full)
    assert done.returncode == 2
    assert done.stderr == "residencias: no se pudo escribir la salida estándar (No space left on device)\n"


def test_a_closed_standard_output_is_2_and_one_line() -> None:
    command = f"{sys.executable} -m residencias convocatorias >&-"
    done = subprocess.run(["bash", "-c", command], capture_output=False, stderr=subprocess.PIPE, text=True,
                          check=False, cwd=ROOT)
    assert done.returncode == 2
    assert done.stderr == "residencias: no se pudo escribir la salida estándar: está cerrada\n"


def test_a_report_that_cannot_be_written_is_2_salida_no_escrita(tmp_path: Path) -> None:
    run = correr("asignar", str(ROOT / "examples/asignacion/cer-2026-2027.yaml"), "--reporte",
                 str(tmp_path / "no" / "existe" / "r.md"), "--json")
    assert run.codigo == 2
    assert run.json["error"]["tipo"] == "salida_no_escrita"
    assert run.errores.startswith(f"residencias: no se pudo escribir '{tmp_path}/no/existe/r.md' (")


# --- terminals that are not UTF-8 ---------------------------------------------------------------


def test_a_real_ascii_terminal() -> None:
    """The interpreter's own streams (``tests/test_cli_matriz.py`` runs every subcommand on ASCII
    and Latin-1 streams in the test process)."""
    env = {"PYTHONIOENCODING": "ascii"}
    done = _subprocess("cer", "--ceme", "Neurocirugíax", "--grado", "5", "--json", env=env, encoding="ascii")
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("residencias: especialidad desconocida 'Neurocirug?ax' en el cat?logo; "
                                  "?quiso decir 'Neurocirug?a'")
    assert done.stdout.isascii()
    assert json.loads(done.stdout)["error"]["mensaje"].startswith(
        "especialidad desconocida 'Neurocirugíax' en el catálogo; ¿quiso decir 'Neurocirugía'")


def test_encodable_keeps_json_valid_for_every_character() -> None:
    ascii_stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    text = json.dumps({"k": "ñ — 😀 \u0085"}, ensure_ascii=False)
    escaped = encodable(text, ascii_stream, json=True)
    assert escaped.isascii()
    assert json.loads(escaped) == {"k": "ñ — 😀 \u0085"}
    assert encodable("ñ — 😀", ascii_stream) == "? ? ?"
    unknown = type("S", (), {"encoding": "no-such-codec"})()
    assert encodable("ñ", unknown) == "?"


def test_a_file_name_that_is_not_utf8_is_said_not_crashed(tmp_path: Path) -> None:
    name = os.fsdecode(b"mal-\xff.yaml")  # a surrogate escape, as Python reads argv on Linux
    run = correr("mostrar", str(tmp_path / name))
    assert run.codigo == 2
    assert "mal-" in run.errores and "Traceback" not in run.errores


def test_control_characters_from_the_data_are_shown_not_sent() -> None:
    run = correr("mostrar", "x\x1b[2Jy\nz")
    assert run.codigo == 2
    assert run.errores.count("\n") == 1
    assert "\x1b" not in run.errores
    assert "x\\x1b[2Jy\\nz" in run.errores


def test_sigpipe_default_is_not_what_ends_the_command() -> None:
    """141 is returned by the command itself, not a death by signal (which would be -13 here)."""
    assert EXIT_PIPE_CLOSED == 128 + signal.SIGPIPE
