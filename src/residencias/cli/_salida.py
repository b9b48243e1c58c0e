"""What every subcommand shares: the exit codes, printing a line, writing a file the user asked
for. One place, so that every subcommand keeps the same promises."""

from __future__ import annotations

import sys
from pathlib import Path

from residencias.errors import InvalidQueryError

__all__ = ["EXIT_BAD_INPUT", "EXIT_NEGATIVE", "EXIT_OK", "emit", "write_text"]

EXIT_OK = 0
"""All good: the answer is positive (cumple, conforme, no errors)."""
EXIT_NEGATIVE = 1
"""A negative answer: no cumple, discrepancies found, lint errors, no CER for that CEME."""
EXIT_BAD_INPUT = 2
"""Bad input: unknown id, a data file that does not read, bad arguments; said in one line."""


def emit(text: str) -> None:
    """Print one block of output, with its newline."""
    sys.stdout.write(text + "\n")


def write_text(path: str, text: str) -> None:
    """Write a report the user asked for; a failure is bad input, said in one line."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: str, data: bytes) -> None:
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise InvalidQueryError(f"no se pudo escribir '{path}' ({exc.strerror})") from None
