"""``aspirantes.csv`` read in one pass, for the common case: a well-formed file.

The careful reader of :mod:`residencias.assignment.fixtures` keeps, for every record, its line and
its cells as read, so that any problem is named at ``archivo:línea:columna``. For a million
applicants that bookkeeping costs more than the assignment itself. This reader keeps none of it:
it reads the file a megabyte at a time (never whole), decodes it in blocks of whole lines, refuses
control characters per block, cuts a block without quotes at its line ends and commas (what
:mod:`csv` would give, quicker), and builds the
:class:`~residencias.assignment.concurso.Solicitud` of a block column by column, sharing one
string per sede identifier and one :class:`~decimal.Decimal` per distinct score written.

It accepts exactly what the careful reader accepts, and nothing else: at the first thing that is
not plainly right (a byte that is not UTF-8, a control character, a record of another width or
spread over several lines, a blank option, an empty folio, a score that does not read, a CER
without sedes, a malformed CSV) it gives up (:class:`Irregular`), and the caller reads the files
again with the careful reader, which names every problem where it stands. Errors are rare; their
positions are only computed then.
"""

from __future__ import annotations

import csv
import io
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from itertools import chain, repeat
from typing import BinaryIO

from residencias.assignment.concurso import Solicitud, solicitudes_leidas

__all__ = ["Irregular", "leer_aspirantes", "trozos"]

_BOM = b"\xef\xbb\xbf"
_BLOQUE = 1024 * 1024
"""Bytes read at a time (then cut at the last line end, the rest kept for the next block)."""
_DECIMAL = re.compile(r"[0-9]+(\.[0-9]+)?\Z")
_MAX_NUMERO = 40
_IMPRIMIBLES = bytes(range(0x20, 0x7F)) + b"\t\n\r"
"""ASCII a CSV may hold: what is left of a block without them is its non-ASCII text, in UTF-8 (a
character's bytes stay together), plus any control character."""
CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xa8\xa9]")
"""The characters the careful reader refuses (U+0000 to U+0008, U+000B, U+000C, U+000E to U+001F,
U+007F to U+009F, U+2028, U+2029), as their UTF-8 bytes."""
_BLANCO = re.compile(r"\s")
_NUMEROS = ("puntaje", "efiser", "promedio_posgrado", "enarm", "puntaje_adicional")


class Irregular(Exception):
    """The file is not plainly right: the careful reader must read it and say why."""


def trozos(stream: BinaryIO, max_bytes: int) -> Iterator[bytes]:
    """The bytes of an open file, :data:`_BLOQUE` at a time, so that a large file is never held
    whole; :class:`Irregular` past ``max_bytes`` (grown since it was opened) or at a read error
    (the careful reader says which)."""
    total = 0
    while trozo := _leer(stream):
        total += len(trozo)
        if total > max_bytes:
            raise Irregular
        yield trozo


def _leer(stream: BinaryIO) -> bytes:
    try:
        return stream.read(_BLOQUE)
    except OSError:
        raise Irregular from None


def _bloques(trozos: Iterable[bytes]) -> Iterator[str]:
    """The text of a file given in chunks, in blocks of whole lines; :class:`Irregular` at a byte
    that is not UTF-8 or at a control character (a multi-byte character never holds a ``\\n``
    byte, so no cut at a line end splits one). Chunks without a line end wait, and are joined
    once one comes (a line of many megabytes is copied once, not once per chunk)."""
    pendientes: list[bytes] = []  # read since the last line end
    inicio = True  # a BOM may open the file
    for trozo in trozos:
        fin = trozo.rfind(b"\n") + 1
        if not fin:
            pendientes.append(trozo)
            continue
        pendientes.append(trozo[:fin])
        block = b"".join(pendientes)
        pendientes = [trozo[fin:]] if fin < len(trozo) else []
        if inicio:
            block, inicio = block.removeprefix(_BOM), False
        yield _texto(block)
    if pendientes:
        block = b"".join(pendientes)
        yield _texto(block.removeprefix(_BOM) if inicio else block)


def _texto(block: bytes) -> str:
    try:
        text = block.decode("utf-8")
    except UnicodeDecodeError:
        raise Irregular from None
    rest = block.translate(None, _IMPRIMIBLES)  # scanned as bytes: quicker than the text
    if rest and CONTROL.search(rest) is not None:
        raise Irregular
    return text


def _filas(trozos: Iterable[bytes]) -> Iterator[list[list[str]]]:
    """The records of each block of whole lines, blank lines included (as :mod:`csv` reads them:
    a block without quotes, carriage returns or a line longer than :mod:`csv`'s field limit is cut
    at its line ends and commas, the same cells :mod:`csv` would give, in a fraction of its time);
    :class:`Irregular` at a record spread over several lines or at a CSV error."""
    for block in _bloques(trozos):
        lines = block.split("\n")
        if '"' in block or "\r" in block or max(map(len, lines)) > csv.field_size_limit():
            reader = csv.reader(io.StringIO(block, newline=""), strict=True)
            try:
                rows = list(reader)
            except csv.Error:
                raise Irregular from None
            if reader.line_num != len(rows):
                raise Irregular  # a line break inside quotes
        else:
            rows = list(map(str.split, lines, repeat(",")))
            if block.endswith("\n"):
                rows.pop()  # what follows the last line end
        yield rows


def _opciones(cell: str, shared: Mapping[str, str], blancos: bool) -> tuple[str, ...]:
    """The options of a cell, each the string kept for its sede; :class:`Irregular` at a blank one."""
    if not cell:
        return ()
    parts = cell.split("|")
    if blancos:
        parts = [p.strip() for p in parts]
    elegidas = tuple(map(shared.get, parts))
    if None in elegidas:  # not a sede of this CER (the check of the competition names it), or blank
        if "" in parts:
            raise Irregular
        return tuple([shared.get(p, p) for p in parts])
    return elegidas  # type: ignore[return-value]  # no None in it


def _todas_las_opciones(cells: list[str], todas: Mapping[str, str]) -> list[tuple[str, ...]] | None:
    """The options of every cell, each the string kept for its sede, when every cell names only
    sedes (of any CER: a sede of another CER is refused by the check of the competition, as the
    careful reader's is), without blanks around them; ``None`` otherwise (then :func:`_opciones`,
    cell by cell)."""
    juntas = "".join(cells)
    if juntas.split(None, 1) != [juntas]:  # a blank somewhere (or every cell empty)
        return None
    try:
        return list(map(tuple, map(map, repeat(todas.__getitem__), map(str.split, cells, repeat("|")))))
    except KeyError:  # an empty cell, a blank option, or not a sede
        return None


class _Numeros(dict[str, Decimal | None]):
    """One Decimal per distinct score text (``None`` for an empty cell), checked once each."""

    def __missing__(self, text: str) -> Decimal | None:
        if not text:
            value = None
        elif len(text) > _MAX_NUMERO or not _DECIMAL.match(text):
            raise Irregular
        else:
            value = Decimal(text)
        self[text] = value
        return value


def _sin_vacias(batch: list[list[str]], width: int) -> list[list[str]]:
    """The records of a batch without its blank lines (the careful reader skips them);
    :class:`Irregular` at a record of another width."""
    kept = [cells for cells in batch if cells and (len(cells) != 1 or cells[0].strip())]
    if any(len(cells) != width for cells in kept):
        raise Irregular
    return kept


def _grupos(cells: Sequence[str], grupos: dict[str, int], grupo: Callable[[str], int | None]) -> list[int]:
    """The competition of each CER cell (each distinct cell looked up once); :class:`Irregular` at
    a CER without sedes."""
    for cell in set(cells).difference(grupos):
        found = grupo(cell.strip())
        if found is None:
            raise Irregular
        grupos[cell] = found
    return list(map(grupos.__getitem__, cells))


def leer_aspirantes(
    trozos: Iterable[bytes],
    header: Callable[[list[str] | None], tuple[str, ...]],
    grupo: Callable[[str], int | None],
    sedes: Sequence[Mapping[str, str]],
) -> list[list[Solicitud]]:
    """The applicants of each competition, in file order.

    ``trozos`` is the file in chunks as read (:func:`trozos`);
    ``header`` checks the header and gives the column names (raising the careful reader's own
    error for a bad header); ``grupo`` gives the competition of a CER cell (``None``: no sedes);
    ``sedes`` per competition maps each sede identifier to the one string kept for it.

    Block by block, column by column: the cells of a column are stripped, looked up and
    converted at once, and every applicant's record is built field by field
    (:func:`~residencias.assignment.concurso.solicitudes_leidas`)."""
    out: list[list[Solicitud]] = [[] for _ in sedes]
    todas: dict[str, str] = {}
    for shared in sedes:
        for clave in shared:
            todas.setdefault(clave, shared[clave])
    filas = _filas(trozos)
    rows = next(filas, [])
    first = rows[0] if rows else None
    names = header(None if first is None else [] if first == [""] else first)
    width = len(names)
    at = {name: k for k, name in enumerate(names)}
    i_folio, i_cer, i_opciones = at["folio"], at["cer"], at["opciones"]
    numeros = _Numeros()
    grupos: dict[str, int] = {}
    del rows[:1]
    for block in chain((rows,), filas):
        batch = _sin_vacias(block, width) if set(map(len, block)) - {width} else block
        if not batch:
            continue
        columns = list(zip(*batch, strict=True))
        folios = list(map(str.strip, columns[i_folio]))
        if "" in folios:
            raise Irregular
        indices = _grupos(columns[i_cer], grupos, grupo)
        opciones = list(map(str.strip, columns[i_opciones]))
        elegidas = _todas_las_opciones(opciones, todas)
        if elegidas is None:
            blancos = _BLANCO.search("".join(opciones)) is not None  # around an option (rare)
            elegidas = [_opciones(cell, sedes[i], blancos) for cell, i in zip(opciones, indices, strict=True)]
        solicitudes = solicitudes_leidas(folios, elegidas, *(
            map(numeros.__getitem__, map(str.strip, columns[at[name]])) if name in at else repeat(None)
            for name in _NUMEROS))
        deque(map(list.append, map(out.__getitem__, indices), solicitudes), maxlen=0)
    return out
