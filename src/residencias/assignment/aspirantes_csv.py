"""``aspirantes.csv`` read in one pass, for the common case: a well-formed file.

The careful reader of :mod:`residencias.assignment.fixtures` keeps, for every record, its line and
its cells as read, so that any problem is named at ``archivo:línea:columna``. For a million
applicants that bookkeeping costs more than the assignment itself. This reader keeps none of it:
it decodes the file in blocks of whole lines, refuses control characters per block, and builds
each :class:`~residencias.assignment.concurso.Solicitud` straight from the cells, sharing one
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
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from itertools import chain, islice, repeat
from typing import cast

from residencias.assignment.concurso import Solicitud, solicitud_leida

__all__ = ["Irregular", "leer_aspirantes"]

_BLOQUE = 4 * 1024 * 1024
"""Bytes decoded at a time (then cut at the next line end)."""
_DECIMAL = re.compile(r"[0-9]+(\.[0-9]+)?\Z")
_MAX_NUMERO = 40
_IMPRIMIBLES = bytes(range(0x20, 0x7F)) + b"\t\n\r"
"""ASCII a CSV may hold: what is left of a block without them is its non-ASCII text, in UTF-8 (a
character's bytes stay together), plus any control character."""
CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xa8\xa9]")
"""The characters the careful reader refuses (U+0000 to U+0008, U+000B, U+000C, U+000E to U+001F,
U+007F to U+009F, U+2028, U+2029), as their UTF-8 bytes."""
_BLANCO = re.compile(r"\s")
_FILAS = 8192
"""Records read at a time, then handled column by column."""
_NUMEROS = ("puntaje", "efiser", "promedio_posgrado", "enarm", "puntaje_adicional")


class Irregular(Exception):
    """The file is not plainly right: the careful reader must read it and say why."""


def _bloques(data: bytes) -> Iterator[str]:
    """The text in blocks of whole lines; :class:`Irregular` at a byte that is not UTF-8 or at a
    control character (a multi-byte character never holds a ``\\n`` byte, so no cut splits one)."""
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    n = len(data)
    while start < n:
        end = data.find(b"\n", min(start + _BLOQUE, n))
        end = n if end < 0 else end + 1
        block = data[start:end]
        try:
            text = block.decode("utf-8")
        except UnicodeDecodeError:
            raise Irregular from None
        rest = block.translate(None, _IMPRIMIBLES)  # scanned as bytes: quicker than the text
        if rest and CONTROL.search(rest) is not None:
            raise Irregular
        yield text
        start = end


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


def _columna(rows: list[list[str]], k: int) -> list[str]:
    """A column of a batch, its cells stripped of surrounding blanks."""
    return list(map(str.strip, [row[k] for row in rows]))


def _sin_vacias(batch: list[list[str]], width: int) -> list[list[str]]:
    """The records of a batch without its blank lines (the careful reader skips them);
    :class:`Irregular` at a record of another width."""
    kept = [cells for cells in batch if cells and (len(cells) != 1 or cells[0].strip())]
    if any(len(cells) != width for cells in kept):
        raise Irregular
    return kept


def _grupo(cell: str, grupos: dict[str, int], grupo: Callable[[str], int | None]) -> int:
    i = grupos.get(cell)
    if i is None:
        found = grupo(cell.strip())
        if found is None:
            raise Irregular
        i = grupos[cell] = found
    return i


def leer_aspirantes(
    data: bytes,
    header: Callable[[list[str] | None], tuple[str, ...]],
    grupo: Callable[[str], int | None],
    sedes: Sequence[Mapping[str, str]],
) -> list[list[Solicitud]]:
    """The applicants of each competition, in file order.

    ``data`` is the file as read (size already capped);
    ``header`` checks the header and gives the column names (raising the careful reader's own
    error for a bad header); ``grupo`` gives the competition of a CER cell (``None``: no sedes);
    ``sedes`` per competition maps each sede identifier to the one string kept for it."""
    lines = chain.from_iterable(io.StringIO(block, newline="") for block in _bloques(data))
    reader = csv.reader(lines, strict=True)
    out: list[list[Solicitud]] = [[] for _ in sedes]
    try:
        first = next(reader, None)
        if first is not None and reader.line_num != 1:
            raise Irregular  # a header spread over several lines
        names = header(first)
        width = len(names)
        at = {name: k for k, name in enumerate(names)}
        i_folio, i_cer, i_opciones = at["folio"], at["cer"], at["opciones"]
        numeros = _Numeros()
        grupos: dict[str, int] = {}
        records = 1
        while batch := list(islice(reader, _FILAS)):  # a batch at a time, column by column
            records += len(batch)
            if any(len(cells) != width for cells in batch):
                batch = _sin_vacias(batch, width)
            folios = _columna(batch, i_folio)
            if "" in folios:
                raise Irregular
            known = [grupos.get(cells[i_cer]) for cells in batch]
            indices = (cast("list[int]", known) if None not in known
                       else [_grupo(cells[i_cer], grupos, grupo) for cells in batch])
            opciones = _columna(batch, i_opciones)
            blancos = _BLANCO.search("".join(opciones)) is not None  # around an option (rare)
            elegidas = [_opciones(cell, sedes[i], blancos) for cell, i in zip(opciones, indices, strict=True)]
            columns = [map(numeros.__getitem__, _columna(batch, at[name])) if name in at else repeat(None)
                       for name in _NUMEROS]
            for i, solicitud in zip(indices, map(solicitud_leida, folios, elegidas, *columns), strict=False):
                out[i].append(solicitud)
        if reader.line_num != records:
            raise Irregular  # some record spread over several lines (a line break inside quotes)
    except csv.Error:
        raise Irregular from None
    return out
