"""Running ``residencias`` in the test process, with standard output and error of any encoding,
and what every run must keep: an exit code that means what the README says, no traceback, and
``--json`` output that parses and follows its schema (``docs/esquemas/``)."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from typing import Any

import attrs

from residencias.cli import main
from tests.esquemas import forma, validar

__all__ = ["Corrida", "correr", "negativa", "revisar"]


@attrs.frozen
class Corrida:
    argv: tuple[str, ...]
    codigo: int
    salida: str
    errores: str

    @property
    def json(self) -> Any:
        return json.loads(self.salida)

    @property
    def orden(self) -> str:
        return self.argv[0]


class _Terminal(io.TextIOWrapper):
    """A text stream that says it is a terminal (for the progress line)."""

    def isatty(self) -> bool:
        return True


def correr(*argv: str, encoding: str = "utf-8", tty: bool = False) -> Corrida:
    """Run the command with standard output and error of ``encoding`` (strict: a character it
    cannot encode would raise, as on a real ASCII terminal)."""
    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding=encoding, errors="strict", newline="")
    kind = _Terminal if tty else io.TextIOWrapper
    stderr = kind(err, encoding=encoding, errors="strict", newline="")
    with redirect_stdout(stdout), redirect_stderr(stderr):
        code = main(list(argv))
    stdout.flush()
    stderr.flush()
    return Corrida(tuple(argv), code, out.getvalue().decode(encoding), err.getvalue().decode(encoding))


def negativa(orden: str, data: Any) -> bool:
    """Whether the JSON answer of ``orden`` is a negative one (exit code 1), as the README says."""
    if orden == "evaluar":
        return bool(data["resultado"] != "cumple")
    if orden == "cer":
        return data == []
    if orden == "lint":
        return any(o["severidad"] == "error" for o in data)
    if orden == "revisar-archivos":
        return any(h["resultado"] != "cumple" for h in data["hallazgos"])
    if orden == "preasignacion":
        return bool(data["estado"] != "confirmada")
    if orden == "asignar":
        return bool(data["discrepancias"])
    if orden == "pasos":
        return bool(data["terminal"] and data["estado"]["estatus"]["desenlace"] != "exito")
    return False


def revisar(run: Corrida) -> None:
    """What every run keeps, with or without ``--json``."""
    assert run.codigo in (0, 1, 2), run
    assert "Traceback" not in run.errores and "Traceback" not in run.salida, run.errores
    assert "\x1b" not in run.salida + run.errores  # a file name's escape sequence is shown, not run
    en_json = "--json" in run.argv
    if run.codigo == 2:
        lines = run.errores.splitlines()
        assert lines and all(line.startswith("residencias: ") for line in lines), run.errores
        if en_json:
            assert validar("error", run.json) == []
            assert run.json["error"]["codigo"] == 2
            assert run.json["error"]["mensaje"] == lines[0].removeprefix("residencias: ")
        else:
            assert run.salida == ""
        return
    assert run.errores == "", run.errores
    if en_json:
        data = run.json
        schema = forma(run.orden, data)
        assert validar(schema, data) == [], (run.argv, validar(schema, data)[:5])
        assert negativa(run.orden, data) == (run.codigo == 1), run.argv
