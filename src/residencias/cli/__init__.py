"""The ``residencias`` command: a thin Spanish shell over the public functions, one module per
family of subcommands (each adds its parsers with :func:`register`), the exit codes and the
output in :mod:`residencias.cli._salida`.

Exit codes: 0 all good; 1 a negative answer (no CER for that CEME and grado, no cumple, lint
errors, discrepancies with a published result); 2 bad input (unknown id, bad data file, bad
arguments), said in one line, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

import residencias
from residencias.cli import asignacion, calendario, convocatorias, procesos, reglas
from residencias.cli._argumentos import Parser
from residencias.cli._salida import EXIT_BAD_INPUT, EXIT_NEGATIVE, EXIT_OK
from residencias.errors import ResidenciasError

__all__ = ["EXIT_BAD_INPUT", "EXIT_NEGATIVE", "EXIT_OK", "main"]


def _parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="residencias",
        description="Las convocatorias de residencias médicas (IMSS, UNAM), ejecutables y citadas.",
    )
    parser.add_argument("--version", action="version", version=f"residencias {residencias.__version__}")
    sub = parser.add_subparsers(dest="orden", metavar="ORDEN", parser_class=Parser)
    sub.required = True
    convocatorias.register(sub)
    calendario.register(sub)
    reglas.register(sub)
    asignacion.register(sub)
    procesos.register(sub)
    convocatorias.register_lint(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except ResidenciasError as exc:
        print(f"residencias: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
