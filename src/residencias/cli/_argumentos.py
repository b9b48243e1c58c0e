"""The argument parser in Spanish, and the types of the arguments (instants, days, decimals)."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import NoReturn

from residencias.cli._salida import EXIT_BAD_INPUT

__all__ = ["CER_POR_OMISION", "Parser", "add_json", "day", "decimal", "instant"]

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
            f"'{text}' no es un instante ISO 8601, p. ej. 2026-03-13T16:00:00-06:00"
        ) from None
    if value.tzinfo is None:
        raise argparse.ArgumentTypeError(
            f"'{text}' no tiene desfase UTC; agréguelo, p. ej. {text}-06:00 para la Ciudad de México"
        )
    return value


def decimal(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"'{text}' no es un número decimal, p. ej. 87.5") from None
    if not value.is_finite():
        raise argparse.ArgumentTypeError(f"'{text}' no es un número finito")
    return value


def day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' no es una fecha AAAA-MM-DD") from None
