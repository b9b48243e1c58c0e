"""Opening an input file safely: one function that every reader of the library uses.

Accepted: a regular file (a link to one is followed), read up to a documented cap; and ``-`` for
standard input where the reader allows it (a person's file, a fixture, a published result: see
the README). Refused at once, with one Spanish line and before a byte is read: a directory, a
FIFO (a named pipe would block every reader forever), a device such as ``/dev/zero`` (endless), a
socket, a link that loops, a file larger than the cap. The cap is checked on the size the system
reports and again on the bytes read (a file may grow while it is read).

The file is opened with ``O_NONBLOCK``, so that even a FIFO put in a regular file's place between
the check and the opening cannot block: the check is made again on the opened descriptor.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from residencias.errors import DataFileError, Problema
from residencias.text import una_linea

__all__ = [
    "ESTANDAR",
    "MAX_CSV_BYTES",
    "MAX_YAML_BYTES",
    "MIB",
    "NOMBRE_ESTANDAR",
    "abrir_regular",
    "es_estandar",
    "leer_entrada",
    "nombre_de",
    "tipo_de_archivo",
]

MIB = 1024 * 1024
MAX_YAML_BYTES = 5 * MIB
"""The cap of a YAML file (convocatoria, expediente, publications, fixture): 5 MiB. A fixture of
5,000 applicants takes under 1 MB; a larger competition belongs in the CSV format."""
MAX_CSV_BYTES = 64 * MIB
"""The cap of a CSV file (``sedes.csv``, ``aspirantes.csv``, a published result): 64 MiB."""

ESTANDAR = "-"
"""The name that means standard input, where a reader accepts it."""
NOMBRE_ESTANDAR = "<entrada estándar>"
"""How standard input is named in messages."""

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_CHUNK = 1 * MIB


def nombre_de(path: str | os.PathLike[str]) -> str:
    """How a file is named in messages: its path as given, on one line."""
    try:
        return una_linea(str(os.fspath(path)))
    except TypeError:
        return "(sin nombre)"


def es_estandar(path: str | os.PathLike[str]) -> bool:
    """Whether a name means standard input (exactly ``-``; write ``./-`` for a file named so)."""
    return isinstance(path, str) and path == ESTANDAR


def tipo_de_archivo(mode: int) -> str | None:
    """What a file that is not regular is, in Spanish; ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "un directorio"
    if stat.S_ISFIFO(mode):
        return "una tubería con nombre (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "un dispositivo"
    if stat.S_ISSOCK(mode):
        return "un socket"
    return "un archivo especial"


def _refuse(archivo: str, mensaje: str) -> DataFileError:
    return DataFileError([Problema(archivo, 1, 1, mensaje)])


def _too_big(archivo: str, size: int, max_bytes: int, consejo: str) -> DataFileError:
    return _refuse(archivo, f"archivo demasiado grande ({size} bytes); el máximo es {max_bytes} bytes "
                            f"({max_bytes / MIB:g} MiB){consejo}")


def leer_entrada(
    path: str | os.PathLike[str],
    archivo: str | None = None,
    *,
    max_bytes: int,
    que: str = "un archivo",
    consejo: str = "",
    estandar: bool = False,
) -> bytes:
    """The bytes of an input file, or :class:`DataFileError` (at line 1, column 1) saying why not.

    ``archivo`` is the name messages use; ``que`` what was expected ("un archivo YAML");
    ``consejo`` is added to the too-big message (where to go instead: the CSV format, a flag);
    ``estandar`` lets ``-`` mean standard input.
    """
    if estandar and es_estandar(path):
        return _read_stdin(archivo or NOMBRE_ESTANDAR, max_bytes, consejo)
    name = archivo or nombre_de(path)
    with abrir_regular(path, name, que=que, max_bytes=max_bytes, consejo=consejo) as (stream, _):
        try:
            data = _read_fd(stream.fileno(), max_bytes + 1)
        except OSError as exc:
            raise _refuse(name, f"no se pudo leer el archivo ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise _too_big(name, len(data), max_bytes, consejo)
    return data


@contextmanager
def abrir_regular(
    path: str | os.PathLike[str],
    archivo: str | None = None,
    *,
    que: str = "un archivo",
    max_bytes: int | None = None,
    consejo: str = "",
) -> Iterator[tuple[BinaryIO, int]]:
    """Open a regular file for reading (binary), with its size, or refuse it at once (see the
    module docstring) with :class:`DataFileError`. For a reader that reads only parts of a file
    (a JPEG's header and tail)."""
    name = archivo or nombre_de(path)
    try:
        text = os.fspath(path)
        if not text:
            raise _refuse("(sin nombre)", f"nombre de archivo vacío; se esperaba {que}")
        before = os.stat(text)  # follows links; a loop raises ELOOP
        kind = tipo_de_archivo(before.st_mode)
        if kind is not None:
            raise _refuse(name, f"es {kind}, no un archivo regular; se esperaba {que}")
        if max_bytes is not None and before.st_size > max_bytes:
            raise _too_big(name, before.st_size, max_bytes, consejo)
        fd = os.open(text, os.O_RDONLY | _NONBLOCK | _CLOEXEC)
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise _refuse(name, f"no se pudo leer el archivo ({reason})") from None
    except (ValueError, TypeError):  # a name the system cannot take (a NUL character), or not a name
        raise _refuse(name, "nombre de archivo inválido") from None
    with os.fdopen(fd, "rb") as stream:
        opened = os.fstat(fd)
        kind = tipo_de_archivo(opened.st_mode)
        if kind is not None:  # replaced between the check and the opening
            raise _refuse(name, f"es {kind}, no un archivo regular; se esperaba {que}")
        yield stream, opened.st_size


def _read_fd(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while total < limit:
        chunk = os.read(fd, min(_CHUNK, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _read_stdin(archivo: str, max_bytes: int, consejo: str) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise _refuse(archivo, "no hay entrada estándar que leer")
    try:
        data: bytes = stream.read(max_bytes + 1)
    except OSError as exc:
        raise _refuse(archivo, f"no se pudo leer la entrada estándar ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise _too_big(archivo, len(data), max_bytes, consejo)
    return data
