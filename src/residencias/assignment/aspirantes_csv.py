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
from itertools import chain

from residencias.assignment.concurso import Solicitud, solicitud_leida

__all__ = ["Irregular", "leer_aspirantes"]

_BLOQUE = 4 * 1024 * 1024
"""Bytes decoded at a time (then cut at the next line end)."""
_DECIMAL = re.compile(r"[0-9]+(\.[0-9]+)?\Z")
_MAX_NUMERO = 40
_BLANCO = re.compile(r"\s")
_NUMEROS = ("puntaje", "efiser", "promedio_posgrado", "enarm", "puntaje_adicional")


class Irregular(Exception):
    """The file is not plainly right: the careful reader must read it and say why."""


def _bloques(data: bytes, control: re.Pattern[str]) -> Iterator[str]:
    """The text in blocks of whole lines; :class:`Irregular` at a byte that is not UTF-8 or at a
    control character (a multi-byte character never holds a ``\\n`` byte, so no cut splits one)."""
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    n = len(data)
    while start < n:
        end = data.find(b"\n", min(start + _BLOQUE, n))
        end = n if end < 0 else end + 1
        try:
            text = data[start:end].decode("utf-8")
        except UnicodeDecodeError:
            raise Irregular from None
        if control.search(text) is not None:
            raise Irregular
        yield text
        start = end


def _opciones(cell: str, shared: Mapping[str, str]) -> tuple[str, ...]:
    """The options of a cell, each the string kept for its sede; :class:`Irregular` at a blank one."""
    if not cell:
        return ()
    parts = cell.split("|")
    if _BLANCO.search(cell) is not None:
        parts = [p.strip() for p in parts]
    elegidas = tuple(map(shared.get, parts))
    if None in elegidas:  # not a sede of this CER (the check of the competition names it), or blank
        if "" in parts:
            raise Irregular
        return tuple([shared.get(p, p) for p in parts])
    return elegidas  # type: ignore[return-value]  # no None in it


def _numeros(
    cells: list[str], numeros: list[tuple[int, int]], decimales: dict[str, Decimal]
) -> list[Decimal | None]:
    """The five scores of a record (``None`` where absent), one Decimal per distinct text."""
    values: list[Decimal | None] = [None] * 5
    for k, column in numeros:
        text = cells[column].strip()
        if text:
            value = decimales.get(text)
            if value is None:
                if len(text) > _MAX_NUMERO or not _DECIMAL.match(text):
                    raise Irregular
                value = decimales[text] = Decimal(text)
            values[k] = value
    return values


def leer_aspirantes(
    data: bytes,
    control: re.Pattern[str],
    header: Callable[[list[str] | None], tuple[str, ...]],
    grupo: Callable[[str], int | None],
    sedes: Sequence[Mapping[str, str]],
) -> list[list[Solicitud]]:
    """The applicants of each competition, in file order.

    ``data`` is the file as read (size already capped); ``control`` the characters refused;
    ``header`` checks the header and gives the column names (raising the careful reader's own
    error for a bad header); ``grupo`` gives the competition of a CER cell (``None``: no sedes);
    ``sedes`` per competition maps each sede identifier to the one string kept for it."""
    lines = chain.from_iterable(io.StringIO(block, newline="") for block in _bloques(data, control))
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
        numeros = [(k, at[name]) for k, name in enumerate(_NUMEROS) if name in at]
        decimales: dict[str, Decimal] = {}
        grupos: dict[str, int] = {}
        records = 1
        for cells in reader:
            records += 1
            if len(cells) != width:
                if not cells or (len(cells) == 1 and not cells[0].strip()):
                    continue  # a blank line, as the careful reader skips it
                raise Irregular
            folio = cells[i_folio].strip()
            cer = cells[i_cer]
            i = grupos.get(cer)
            if i is None:
                found = grupo(cer.strip())
                if found is None:
                    raise Irregular
                i = grupos[cer] = found
            if not folio:
                raise Irregular
            elegidas = _opciones(cells[i_opciones].strip(), sedes[i])
            out[i].append(solicitud_leida(folio, elegidas, *_numeros(cells, numeros, decimales)))
        if reader.line_num != records:
            raise Irregular  # some record spread over several lines (a line break inside quotes)
    except csv.Error:
        raise Irregular from None
    return out
