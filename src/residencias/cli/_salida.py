"""What every subcommand shares: the exit codes, printing text and JSON, writing a file the user
asked for. One place, so that every subcommand keeps the same promises.

Output works wherever a terminal does: a character the standard output cannot encode (an ASCII
or Latin-1 terminal, ``PYTHONIOENCODING=ascii``) becomes ``?`` in text and a ``\\uXXXX`` escape
in JSON (so the JSON stays valid and loses nothing); a reader that closes the pipe
(``residencias lint | head -1``) ends the command quietly with :data:`EXIT_PIPE_CLOSED`.

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
import errno
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from residencias.errors import InvalidQueryError, ResidenciasError
from residencias.jsonable import dumps
from residencias.text import una_linea

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_NEGATIVE",
    "EXIT_OK",
    "EXIT_PIPE_CLOSED",
    "EXIT_TEXT",
    "SalidaNoEscritaError",
    "comprobar_salidas",
    "emit",
    "emit_data",
    "emit_json",
    "emit_json_partes",
    "encodable",
    "flush_stdout",
    "reset_output",
    "silence_stdout",
    "started_output",
    "tell",
    "write_bytes",
    "write_text",
]

EXIT_OK = 0
"""All good: the answer is positive (cumple, conforme, no errors)."""
EXIT_NEGATIVE = 1
"""A negative answer: no cumple, discrepancies found, lint errors, no CER for that CEME."""
EXIT_BAD_INPUT = 2
"""Bad input (unknown id, a data file that does not read, bad arguments) or an output that cannot
be written (a full disk); said in one line, every problem of a data file listed."""
EXIT_INTERNAL = 3
"""An internal error: a defect of the program, never a finding about the data; one line, and the
traceback with ``--depurar`` or ``RESIDENCIAS_DEPURAR=1``."""
EXIT_PIPE_CLOSED = 141
"""The reader of the standard output closed it (``| head``): the output is cut short, nothing is
said (128 + SIGPIPE, what a shell reports for a command that a closed pipe stopped)."""
EXIT_INTERRUPTED = 130
"""Interrupted with Ctrl-C (128 + SIGINT)."""

EXIT_TEXT = f"""\
códigos de salida:
  {EXIT_OK}    respuesta positiva (cumple, conforme, sin errores)
  {EXIT_NEGATIVE}    respuesta negativa{{negativa}}
  {EXIT_BAD_INPUT}    entrada inválida (argumentos, id desconocido, archivo de datos mal formado)
       o una salida que no se pudo escribir; con --json, el error también es JSON
  {EXIT_INTERNAL}    error interno del programa, nunca un hallazgo; detalle con --depurar
       o RESIDENCIAS_DEPURAR=1
  {EXIT_PIPE_CLOSED}  quien leía la salida cerró la tubería (p. ej. | head): salida incompleta
  {EXIT_INTERRUPTED}  interrumpido (Ctrl-C)"""
"""The exit codes, for the epilog of ``--help``; ``{negativa}`` says what 1 means there."""


def encodable(text: str, stream: object, *, json: bool = False) -> str:
    """``text`` as ``stream`` can encode it: unchanged when it can; else, in JSON, every non-ASCII
    character as its ``\\uXXXX`` escape (valid, lossless JSON: outside its strings JSON is ASCII);
    in text, each character the encoding lacks as ``?``.

    >>> import io
    >>> latin1 = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
    >>> encodable("Cardiología — 6.2", latin1)
    'Cardiología ? 6.2'
    >>> encodable('{"cer": "Cardiología — 6.2"}', latin1, json=True)
    '{"cer": "Cardiolog\\\\u00eda \\\\u2014 6.2"}'
    """
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        if json:
            return _NON_ASCII.sub(_json_escape, text)
        return text.encode(encoding, errors="replace").decode(encoding)
    except LookupError:  # an encoding Python does not know: keep to ASCII
        return text.encode("ascii", errors="replace").decode("ascii")
    return text


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


class SalidaNoEscritaError(ResidenciasError):
    """An output that cannot be written: the standard output (``archivo`` is ``None``: closed
    before the command started, a full disk, an input/output error; a closed pipe is not this, it
    ends the command quietly) or a file the user asked for."""

    def __init__(self, causa: OSError | None, archivo: str | None = None) -> None:
        self.causa = causa
        self.archivo = archivo
        why = ": está cerrada" if causa is None else f" ({causa.strerror or type(causa).__name__})"
        where = "la salida estándar" if archivo is None else f"'{archivo}'"
        super().__init__(f"no se pudo escribir {where}{why}")


class _Estado:
    escrito = False
    """Whether this run has written to the standard output (a refusal then goes only to stderr,
    never after a half-written answer)."""


def started_output() -> bool:
    """Whether anything was written to the standard output since :func:`reset_output`."""
    return _Estado.escrito


def reset_output() -> None:
    _Estado.escrito = False


def _write_stdout(text: str, *, json: bool) -> None:
    _Estado.escrito = True
    stream = sys.stdout
    if stream is None:  # started with its standard output closed (>&-)
        raise SalidaNoEscritaError(None)
    try:
        _write_all(stream, encodable(_visible(text, json=json), stream, json=json))
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise SalidaNoEscritaError(exc) from exc


def _write_all(stream: TextIO, text: str) -> None:
    """Write every byte, or raise. Under ``PYTHONUNBUFFERED=1`` the text layer sits on the raw
    file, whose ``write`` may take only part of a large block (a pipe whose reader went away), and
    the text layer drops the rest without a word; so the bytes go to the layer below in a loop."""
    binary = getattr(stream, "buffer", None)
    if binary is None or os.linesep != "\n":
        stream.write(text)
        return
    data = memoryview(text.encode(getattr(stream, "encoding", None) or "utf-8"))
    stream.flush()  # what the text layer holds goes first
    while data:
        written = binary.write(data)
        if not written:  # a raw file that took nothing: say it, rather than loop
            raise OSError(errno.EIO, "la salida no aceptó más datos")
        data = data[written:]


def flush_stdout() -> None:
    """Push out what the standard output still holds: a failure is said here, not at exit."""
    stream = sys.stdout
    if stream is None:
        return
    try:
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise SalidaNoEscritaError(exc) from exc


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_JSON = re.compile(r"[\x7f-\x9f]")
_ASCII_SIN_DEL = bytes(range(0x7F))
_CONTROL_JSON_UTF8 = re.compile(rb"\x7f|\xc2[\x80-\x9f]")
"""The characters of :data:`_CONTROL_JSON` as UTF-8 bytes: what is left of a block once its ASCII
below 0x7F is taken out is its other characters, whole (a character's bytes stay together)."""


def _visible(text: str, *, json: bool) -> str:
    """Control characters that came with the data (an escape sequence in a file name, a carriage
    return in a CSV cell) shown as ``\\x1b``, never sent to the terminal as they are; JSON already
    escapes those below 0x20, the rest get ``\\u`` escapes."""
    if json:
        return _CONTROL_JSON.sub(_json_escape, text)
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def emit(text: str) -> None:
    """Print one block of output, with its newline."""
    _write_stdout(text + "\n", json=False)


def emit_json(text: str) -> None:
    """Print a JSON document (already serialised), with its newline."""
    _write_stdout(text + "\n", json=True)


def emit_json_partes(parts: Iterable[str]) -> None:
    """Print a JSON document given in parts (:func:`residencias.jsonable.partes_json`), with its
    newline, part by part, so that a large answer is never held whole; the same bytes as
    :func:`emit_json` of the parts joined. On a standard output that does not take UTF-8, the parts
    are joined first (which characters it cannot take decides how all of them are written)."""
    stream = sys.stdout
    encoding = (getattr(stream, "encoding", None) or "utf-8").replace("_", "-").lower()
    binary = getattr(stream, "buffer", None)
    if stream is None or encoding not in ("utf-8", "utf8") or binary is None or os.linesep != "\n":
        emit_json("".join(parts))
        return
    _Estado.escrito = True
    try:
        stream.flush()
        pending: list[str] = []
        size = 0
        for part in (*parts, "\n") if isinstance(parts, list | tuple) else _con_salto(parts):
            pending.append(part)
            size += len(part)
            if size >= _BLOQUE_SALIDA:
                _write_binary(binary, "".join(pending))
                pending, size = [], 0
        _write_binary(binary, "".join(pending))
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise SalidaNoEscritaError(exc) from exc


_BLOQUE_SALIDA = 1 << 20
"""Characters written at a time by :func:`emit_json_partes`."""


def _con_salto(parts: Iterable[str]) -> Iterable[str]:
    yield from parts
    yield "\n"


def _write_binary(binary: Any, text: str) -> None:
    """One block of JSON text, its control characters escaped as :func:`_visible` does, as UTF-8;
    a text that UTF-8 cannot take (a lone surrogate) gets every non-ASCII character escaped."""
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError:
        encoded = _NON_ASCII.sub(_json_escape, _visible(text, json=True)).encode("utf-8")
    else:
        rest = encoded.translate(None, _ASCII_SIN_DEL)  # quicker than a search of the text
        if rest and _CONTROL_JSON_UTF8.search(rest) is not None:
            encoded = _visible(text, json=True).encode("utf-8")
    data = memoryview(encoded)
    while data:
        written = binary.write(data)
        if not written:
            raise OSError(errno.EIO, "la salida no aceptó más datos")
        data = data[written:]


def emit_data(value: Any) -> None:
    """Print a value as JSON (:func:`residencias.jsonable.dumps`)."""
    emit_json(dumps(value))


def tell(text: str) -> None:
    """A line for the person on the standard error (an error, a notice); never fails: when even
    the standard error is closed or full, there is nowhere left to say it."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(encodable(_visible(text, json=False) + "\n", stream))
        stream.flush()
    except (OSError, ValueError):
        pass


def silence_stdout() -> None:
    """After the standard output failed (closed pipe, full disk), send what is still buffered to
    the null device, so that the interpreter's last flush does not fail again with a traceback."""
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError, AttributeError):
        return  # not a real file (a test's capture): nothing is flushed at exit
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)
    except OSError:
        pass


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
        raise SalidaNoEscritaError(exc, shown) from None
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
