"""The ``residencias`` command: a thin Spanish shell over the public functions, one module per
family of subcommands (each adds its parsers with :func:`register`), the exit codes and the
output in :mod:`residencias.cli._salida`, refusals in :mod:`residencias.cli._errores`.

Exit codes (the README's "Command line" says the same):

- 0: a positive answer (cumple, conforme, no lint errors);
- 1: a negative answer (no cumple, discrepancies with a published result, lint errors, no CER
  for that CEME and grado);
- 2: bad input (bad arguments, an unknown id, a data file that does not read, every problem
  listed) or an output that cannot be written; one Spanish line per problem, never a traceback;
  with ``--json``, also a JSON object on the standard output;
- 3: an internal error, a defect of the program, never a finding: one line; ``--depurar`` or
  ``RESIDENCIAS_DEPURAR=1`` shows the traceback;
- 141: the reader closed the pipe (``| head``): nothing more is written, nothing is said;
- 130: interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Sequence

import residencias
from residencias.cli import asignacion, calendario, convocatorias, procesos, reglas
from residencias.cli._argumentos import Parser, salidas
from residencias.cli._errores import Rechazo, rechazo
from residencias.cli._salida import (
    EXIT_BAD_INPUT,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_NEGATIVE,
    EXIT_OK,
    EXIT_PIPE_CLOSED,
    SalidaNoEscritaError,
    emit_data,
    flush_stdout,
    reset_output,
    silence_stdout,
    started_output,
    tell,
)
from residencias.cli._traduccion import en_espanol

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_NEGATIVE",
    "EXIT_OK",
    "EXIT_PIPE_CLOSED",
    "main",
]

PROG = "residencias"
DEPURAR_ENV = "RESIDENCIAS_DEPURAR"
"""Set to 1 (or any value but 0 or empty), the command shows the traceback of an error."""


def _parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog=PROG,
        description="Las convocatorias de residencias médicas (IMSS, UNAM), ejecutables y citadas.",
        epilog=salidas("no cumple, discrepancias, errores de lint, ningún CER abierto")
        + "\n\nAyuda de cada orden: residencias ORDEN --help",
    )
    parser.add_argument("--version", action="version", version=f"residencias {residencias.__version__}",
                        help="muestra la versión y termina")
    sub = parser.add_subparsers(dest="orden", metavar="ORDEN", parser_class=Parser,
                                help="una de las órdenes siguientes")
    sub.required = True
    convocatorias.register(sub)
    calendario.register(sub)
    reglas.register(sub)
    asignacion.register(sub)
    procesos.register(sub)
    convocatorias.register_lint(sub)
    for p in (parser, *sub.choices.values()):
        p.add_argument("--depurar", action="store_true", default=argparse.SUPPRESS,
                       help=f"ante un error, muestra su traza completa (igual que {DEPURAR_ENV}=1)")
    return parser


def _options(argv: Sequence[str]) -> list[str]:
    """The arguments before a ``--`` (after it, everything is a value)."""
    arguments = list(argv)
    return arguments[: arguments.index("--")] if "--" in arguments else arguments


def _debugging(argv: Sequence[str]) -> bool:
    return "--depurar" in _options(argv) or os.environ.get(DEPURAR_ENV, "") not in ("", "0")


def _run(argv: list[str]) -> int:
    with en_espanol():
        try:
            args = _parser().parse_args(argv)
        except SystemExit as done:  # --help, --version: printed; their code
            return done.code if isinstance(done.code, int) else EXIT_OK
    handler: Callable[[argparse.Namespace], int] = args.handler
    return handler(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (never raises, never shows a traceback unless
    asked to with ``--depurar``)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    reset_output()
    try:
        code = _run(arguments)
        flush_stdout()
        return code
    except BrokenPipeError:
        silence_stdout()
        return EXIT_PIPE_CLOSED
    except KeyboardInterrupt:
        tell(f"{PROG}: interrumpido")
        return EXIT_INTERRUPTED
    except Exception as exc:
        return _refuse(exc, arguments)


def _refuse(exc: Exception, arguments: Sequence[str]) -> int:
    if _debugging(arguments):
        tell("".join(traceback.format_exception(exc)).rstrip("\n"))
    refusal = rechazo(exc)
    stdout_failed = isinstance(exc, SalidaNoEscritaError) and exc.archivo is None
    if "--json" in _options(arguments) and not started_output() and not stdout_failed:
        try:
            _emit_refusal(refusal)
        except BrokenPipeError:
            silence_stdout()
        except SalidaNoEscritaError:
            pass
    if stdout_failed:
        silence_stdout()
    for line in refusal.lineas(PROG):
        tell(line)
    return refusal.codigo


def _emit_refusal(refusal: Rechazo) -> None:
    emit_data(refusal.to_data())
    flush_stdout()
