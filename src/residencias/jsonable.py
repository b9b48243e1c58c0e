"""Plain JSON-ready data from domain objects, for ``--json`` output and other programs.

Dates, times of day and date-times become ISO 8601 text (with their UTC offset), decimals become
text (so no digit is lost), enumerations their value, tuples lists.

>>> from datetime import datetime, time, timedelta, timezone
>>> from decimal import Decimal
>>> to_data({"t": datetime(2026, 3, 9, 18, tzinfo=timezone(timedelta(hours=-6))), "p": Decimal("87.50")})
{'t': '2026-03-09T18:00:00-06:00', 'p': '87.50'}
>>> to_data((time(9, 0), time(14, 30)))
['09:00:00', '14:30:00']

A single text, as JSON writes it (:data:`texto_json`):

>>> print(texto_json('Cardiología "A"'))
"Cardiología \\"A\\""
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from itertools import chain, repeat
from typing import Any

import attrs

__all__ = ["Partes", "dumps", "partes_json", "registros_json", "texto_indentado", "texto_json", "to_data"]


def to_data(value: Any) -> Any:
    """Turn attrs objects, enums, decimals, dates, times and containers into JSON-ready values."""
    if attrs.has(type(value)):
        return {f.name: to_data(getattr(value, f.name)) for f in attrs.fields(type(value))}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_data(v) for v in value]
    return value


def dumps(value: Any) -> str:
    """Stable, readable JSON (UTF-8 characters kept, two-space indent)."""
    return json.dumps(to_data(value), ensure_ascii=False, indent=2)


texto_json: Callable[[str], str] = json.encoder.encode_basestring
"""A text as JSON writes it with ``ensure_ascii=False`` (quoted, escaped): the json module's own
function (its C one where there is one), called without a wrapper, since it is called for every
text of a large answer (example in the module docstring)."""
_TEXTO = texto_json


def registros_json(claves: Sequence[str], columnas: Sequence[Iterable[str]], nivel: int) -> str:
    """Records as the items of a list at nesting ``nivel``, joined as ``json.dumps(..., indent=2)``
    joins them (without the brackets; empty without records): each record a dict of ``claves``, in
    that order, whose values are given column by column (columns of one length), each value
    already as JSON text. The text of a million records without a call per record.

    >>> rows = [{"folio": "1", "sede": None}, {"folio": "2", "sede": "A"}]
    >>> text = registros_json(["folio", "sede"], [['"1"', '"2"'], ["null", '"A"']], 1)
    >>> "[\\n  " + text + "\\n]" == json.dumps(rows, indent=2)
    True
    """
    pad = "\n" + "  " * (nivel + 1)
    abre = "{" + pad + _TEXTO(claves[0]) + ": "
    cierra = "\n" + "  " * nivel + "}"
    entre = cierra + ",\n" + "  " * nivel + abre  # from the last value of a record to the first of the next
    partes: list[Iterable[str]] = [columnas[0]]
    for clave, columna in zip(claves[1:], columnas[1:], strict=True):
        partes += [repeat("," + pad + _TEXTO(clave) + ": "), columna]
    partes.append(repeat(entre))
    texto = "".join(chain.from_iterable(zip(*partes, strict=False)))  # (the separators repeat forever)
    return abre + texto[: -len(entre)] + cierra if texto else ""


@attrs.frozen
class Partes:
    """A list inside a value for :func:`partes_json` whose text its producer writes: ``items(nivel)``
    yields the text of each item (without separators), as ``json.dumps(..., indent=2)`` would
    write it at that nesting level, or of several items at once joined as that list joins them
    (:func:`registros_json`). For lists of a million records, never built as data."""

    items: Callable[[int], Iterable[str]]


def _hoja(value: Any) -> str:
    if isinstance(value, str):
        return _TEXTO(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    return json.dumps(value)  # a float (NaN and infinities as json writes them)


def partes_json(value: Any, nivel: int = 0) -> Iterator[str]:
    """The text of ``json.dumps(value, ensure_ascii=False, indent=2)``, in parts, the same bytes;
    ``value`` is plain JSON data (str keys) where the value of a member may also be :class:`Partes`
    (not an item of a list).

    >>> data = {"a": [1, {"b": None}], "c": {}, "d": [], "e": "ñ\\n"}
    >>> "".join(partes_json(data)) == json.dumps(data, ensure_ascii=False, indent=2)
    True
    >>> "".join(partes_json({"x": Partes(lambda nivel: ["1", "2"])}))
    '{\\n  "x": [\\n    1,\\n    2\\n  ]\\n}'
    """
    pad = "\n" + "  " * (nivel + 1)
    if isinstance(value, dict) and value and (nivel < 2 or _tiene_partes(value)):  # a part per member
        first = True
        for key, item in value.items():
            yield ("{" if first else ",") + pad + _TEXTO(key) + ": "
            first = False
            yield from partes_json(item, nivel + 1)
        yield "\n" + "  " * nivel + "}"
    elif isinstance(value, list | tuple) and value and nivel < 2:  # a part per item
        first = True
        for item in value:
            yield ("[" if first else ",") + pad + _texto(item, nivel + 1)
            first = False
        yield "\n" + "  " * nivel + "]"
    elif isinstance(value, Partes):
        first = True
        for item in value.items(nivel + 1):
            yield ("[" if first else ",") + pad + item
            first = False
        yield "[]" if first else "\n" + "  " * nivel + "]"
    else:
        yield _texto(value, nivel)


def _tiene_partes(value: Any) -> bool:
    return isinstance(value, Partes) or (isinstance(value, dict) and any(map(_tiene_partes, value.values())))


def texto_indentado(value: Any, nivel: int) -> str:
    """``value`` (plain JSON data) as ``json.dumps(..., ensure_ascii=False, indent=2)`` writes it at
    nesting ``nivel``: for the items of :class:`Partes`."""
    return _texto(value, nivel)


def _texto(value: Any, nivel: int) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` at nesting ``nivel``, as one text (texts,
    the most frequent leaves, are written without a call of their own)."""
    kind = type(value)
    if kind is str:
        return _TEXTO(value)
    if kind is dict or isinstance(value, dict):
        if not value:
            return "{}"
        pad = "\n" + "  " * (nivel + 1)
        inner = ("," + pad).join([_TEXTO(k) + ": " + (_TEXTO(v) if type(v) is str else _texto(v, nivel + 1))
                                  for k, v in value.items()])
        return "{" + pad + inner + "\n" + "  " * nivel + "}"
    if kind is list or kind is tuple or isinstance(value, list | tuple):
        if not value:
            return "[]"
        pad = "\n" + "  " * (nivel + 1)
        inner = ("," + pad).join([_TEXTO(v) if type(v) is str else _texto(v, nivel + 1) for v in value])
        return "[" + pad + inner + "\n" + "  " * nivel + "]"
    return _hoja(value)
