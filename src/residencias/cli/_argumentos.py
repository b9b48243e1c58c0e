"""The argument parser in Spanish, and the types of the arguments (instants, days, numbers).

A mistake in the arguments raises :class:`ArgumentosInvalidosError` (exit 2): the command prints
it in one line, or as JSON under ``--json``. Options must be written whole (``--json``, never
``--js``): an abbreviation that argparse would complete is refused, so that what an auditor reads
in a script is what ran.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, NoReturn

from residencias.cli._salida import EXIT_TEXT, encodable
from residencias.domain.fechas import fuera_de_rango
from residencias.errors import ResidenciasError
from residencias.text import extracto, quiso_decir

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

__all__ = [
    "CER_POR_OMISION",
    "ArgumentosInvalidosError",
    "Parser",
    "add_json",
    "day",
    "decimal",
    "entero",
    "instant",
    "megabytes",
    "salidas",
]

CER_POR_OMISION = "imss-cer-2026-2027"


class ArgumentosInvalidosError(ResidenciasError):
    """The arguments do not parse: ``orden`` is the (sub)command they were given to."""

    def __init__(self, orden: str, mensaje: str) -> None:
        self.orden = orden
        self.mensaje = mensaje
        super().__init__(f"argumentos inválidos: {mensaje}; vea '{orden} --help'")


_INVALID_CHOICE = re.compile(r"valor no válido: '(.*)' \(elija entre (.*)\)$")


class Parser(argparse.ArgumentParser):
    """argparse, in Spanish (with :func:`residencias.cli._traduccion.en_espanol`), with options
    written whole, the epilog as written, and its complaints raised, not printed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        choice = _INVALID_CHOICE.search(message)
        if choice:
            choices = [c.strip("'") for c in choice.group(2).split(", ")]
            message += quiso_decir(choice.group(1), choices)
        raise ArgumentosInvalidosError(self.prog, message)

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # --help and --version: written as the stream can encode them; a closed pipe or a full disk
        # is not swallowed (Python 3.12's argparse would), the command line says it.
        if message:
            stream = file if file is not None else sys.stderr
            stream.write(encodable(message, stream))


def salidas(negativa: str) -> str:
    """The epilog of ``--help``: the exit codes, with what a negative answer (1) means there."""
    return EXIT_TEXT.format(negativa=f": {negativa}" if negativa else "")


def add_json(parser: argparse.ArgumentParser, help: str = "salida JSON") -> None:
    parser.add_argument("--json", action="store_true",
                        help=f"{help}; forma en docs/esquemas/; un error también sale en JSON")


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


def entero(text: str) -> int:
    """A whole number written in decimal digits (an optional sign), e.g. a grado."""
    stripped = text.strip()
    digits = stripped[1:] if stripped[:1] in "+-" else stripped
    if not digits.isascii() or not digits.isdigit() or len(digits) > 9:
        raise argparse.ArgumentTypeError(f"'{extracto(text)}' no es un número entero, p. ej. 2")
    return int(stripped)


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
