"""What every subcommand shares: the exit codes, printing a line, writing a file the user asked
for. One place, so that every subcommand keeps the same promises.

An output file is never an input file: :func:`comprobar_salidas` refuses, before anything is
written, an output that is one of the command's inputs (the same file after links: same device and
inode for a file that exists, the same resolved path for one that does not yet) or that another
output of the same command also names. :func:`write_bytes` writes atomically: a temporary file in
the same folder, flushed to disk (fsync), then renamed over the target (``os.replace``), so a
failure leaves the old file, or none, never half a report. A link is written through (the file it
points to is replaced, the link stays); a device or a pipe (``/dev/stdout``) is written directly.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Mapping

from residencias.errors import InvalidQueryError
from residencias.text import una_linea

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_NEGATIVE",
    "EXIT_OK",
    "comprobar_salidas",
    "emit",
    "write_bytes",
    "write_text",
]

EXIT_OK = 0
"""All good: the answer is positive (cumple, conforme, no errors)."""
EXIT_NEGATIVE = 1
"""A negative answer: no cumple, discrepancies found, lint errors, no CER for that CEME."""
EXIT_BAD_INPUT = 2
"""Bad input: unknown id, a data file that does not read, bad arguments; said in one line."""


def emit(text: str) -> None:
    """Print one block of output, with its newline."""
    sys.stdout.write(text + "\n")


def _identity(path: str) -> tuple[str, tuple[int, int] | None]:
    """The resolved path of a file and, if it exists, its (device, inode)."""
    try:
        resolved = os.path.realpath(path)
    except (OSError, ValueError):  # a name the system cannot take (a NUL character)
        return path, None
    try:
        info = os.stat(path)
    except (OSError, ValueError):  # does not exist yet: its resolved path says where it would be
        return resolved, None
    return resolved, (info.st_dev, info.st_ino)


def _same(a: tuple[str, tuple[int, int] | None], b: tuple[str, tuple[int, int] | None]) -> bool:
    if a[1] is not None and b[1] is not None:
        return a[1] == b[1]
    return a[0] == b[0]


def comprobar_salidas(salidas: Mapping[str, str | None], entradas: Iterable[str | os.PathLike[str]]) -> None:
    """Refuse (:class:`InvalidQueryError`) an output that is an input, or that two outputs share.

    ``salidas`` maps each option (``--csv``) to the path given (``None``: not asked for);
    ``entradas`` are the files the command reads (``-``, standard input, is no file)."""
    inputs = [(os.fspath(e), _identity(os.fspath(e))) for e in entradas if os.fspath(e) not in ("", "-")]
    seen: list[tuple[str, tuple[str, tuple[int, int] | None]]] = []
    for option, path in salidas.items():
        if not path:
            continue
        mine = _identity(path)
        for name, other in inputs:
            if _same(mine, other):
                raise InvalidQueryError(
                    f"{option} {una_linea(path)}: es un archivo de entrada ({una_linea(name)}); no "
                    "se sobrescribe: elija otro nombre para la salida")
        for previous, other in seen:
            if _same(mine, other):
                raise InvalidQueryError(
                    f"{option} {una_linea(path)}: es el mismo archivo que {previous}; elija otro nombre")
        seen.append((option, mine))


def write_text(path: str, text: str) -> None:
    """Write a report the user asked for (UTF-8), atomically; a failure is bad input, in one line."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see the module docstring)."""
    shown = una_linea(path)
    try:
        target = os.path.realpath(path)
        try:
            mode = os.stat(target).st_mode
        except FileNotFoundError:
            mode = None
        if mode is not None and stat.S_ISDIR(mode):
            raise InvalidQueryError(f"no se pudo escribir '{shown}': es un directorio")
        if mode is not None and not stat.S_ISREG(mode):  # a device or a pipe: nothing to replace
            with open(target, "wb") as stream:
                stream.write(data)
            return
        _replace(target, data, None if mode is None else stat.S_IMODE(mode))
    except OSError as exc:
        raise InvalidQueryError(f"no se pudo escribir '{shown}' ({exc.strerror or exc})") from None
    except ValueError:  # a name the system cannot take (a NUL character)
        raise InvalidQueryError(f"no se pudo escribir '{shown}' (nombre de archivo inválido)") from None


def _replace(target: str, data: bytes, mode: int | None) -> None:
    folder = os.path.dirname(target) or "."
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(target)}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode if mode is not None else 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    with contextlib.suppress(OSError):  # the rename itself, on disk (not every system allows it)
        directory = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current
