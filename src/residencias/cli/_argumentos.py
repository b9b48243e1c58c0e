"""The argument parser in Spanish, and the types of the arguments (instants, days, decimals)."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import NoReturn

from residencias.cli._salida import EXIT_BAD_INPUT
from residencias.domain.fechas import fuera_de_rango
from residencias.text import extracto

__all__ = ["CER_POR_OMISION", "Parser", "add_json", "day", "decimal", "instant", "megabytes"]

CER_POR_OMISION = "imss-cer-2026-2027"


class Parser(argparse.ArgumentParser):
    """argparse, with its one-line complaints in Spanish and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: argumentos inválidos: {message}\n")


def add_json(parser: argparse.ArgumentParser, help: str = "salida JSON") -> None:
    parser.add_argument("--json", action="store_true", help=help)


def instant(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{extracto(text)}' no es un instante ISO 8601, p. ej. 2026-03-13T16:00:00-06:00"
        ) from None
    if value.tzinfo is None:
        # The hint is itself a valid instant: the full date-time, then the offset.
        hint = value.replace(microsecond=0).isoformat() + "-06:00"
        raise argparse.ArgumentTypeError(
            f"'{extracto(text)}' no tiene desfase UTC; agréguelo, p. ej. {hint} para la Ciudad de México"
        )
    problem = fuera_de_rango(value)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return value


MAX_DIGITOS = 40
"""A number given on the command line has at most this many characters: a grade needs a handful."""


def decimal(text: str) -> Decimal:
    if len(text) > MAX_DIGITOS:
        raise argparse.ArgumentTypeError(
            f"'{extracto(text, 20)}' es demasiado largo para un número (máximo {MAX_DIGITOS} caracteres)")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"'{extracto(text)}' no es un número decimal, p. ej. 87.5") from None
    if not value.is_finite():
        raise argparse.ArgumentTypeError(f"'{extracto(text)}' no es un número finito")
    if abs(value.adjusted()) > MAX_DIGITOS:
        raise argparse.ArgumentTypeError(
            f"'{extracto(text)}' está fuera de escala: se esperaba un número como 87.5")
    return value


def megabytes(text: str) -> int:
    """A size cap in MiB: a whole number from 1 to 4096."""
    if re.fullmatch(r"[0-9]{1,4}", text) is None or not 1 <= int(text) <= 4096:
        raise argparse.ArgumentTypeError(f"'{extracto(text)}' no es un tamaño en MiB de 1 a 4096")
    return int(text)


def day(text: str) -> date:
    try:
        value = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{extracto(text)}' no es una fecha AAAA-MM-DD") from None
    problem = fuera_de_rango(value)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return value
