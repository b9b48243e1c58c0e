"""Checking, at the door of a public function, that an object built in Python has the types its
annotations promise, all the way down: a wrong type is a Spanish
:class:`~residencias.errors.InvalidQueryError` naming the field, not an ``AttributeError`` deep in a
rule. (Files never need it: the loader structures them strictly.)

>>> from residencias.domain.expediente import Expediente
>>> comprobar(Expediente("imss-cer-2026-2027"), "hechos")
>>> comprobar(Expediente("imss-cer-2026-2027", aspirante="Ana"), "hechos")
Traceback (most recent call last):
...
residencias.errors.InvalidQueryError: hechos.aspirante: se esperaba Residente, se recibió str Ana
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from typing import Any

import attrs

from residencias.errors import InvalidQueryError
from residencias.text import extracto

__all__ = ["comprobar"]


Checker = Callable[[Any], "str | None"]
"""Why a value is not of a type, as ``<path below it>: <problem>``, or ``None``: one compiled per
type, once (the path is only written out when something is wrong)."""


def _none(value: Any) -> str | None:
    return None


@cache
def _checker(expected: Any) -> Checker:
    origin = typing.get_origin(expected)
    args = typing.get_args(expected)
    if expected is Any or not (isinstance(expected, type) or origin is not None
                                or isinstance(expected, types.UnionType)):
        return _none  # a construct the domain does not use: not checked
    if isinstance(expected, types.UnionType) or origin is typing.Union:
        return _union(expected, args)
    if origin is typing.Literal:
        def literal(value: Any) -> str | None:
            ok = any(value is a or (type(value) is type(a) and value == a) for a in args)
            return None if ok else _wrong(value, expected)
        return literal
    if origin is tuple:
        return _tuple(expected, _checker(args[0]) if len(args) == 2 and args[1] is Ellipsis else _none)
    return _plain(expected)


def _union(expected: Any, args: tuple[Any, ...]) -> Checker:
    members = [(a, _checker(a)) for a in args]
    # Members whose check is a plain isinstance (not int: a bool is not one; not date: a datetime is
    # not one): most values are settled by this one test, with no message written.
    plain = tuple(a for a in args if isinstance(a, type) and a not in (int, date) and not attrs.has(a))

    def union(value: Any) -> str | None:
        if isinstance(value, plain):
            return None
        for member, check in members:
            found = check(value)
            if found is None:
                return None
            if isinstance(member, type) and attrs.has(member) and isinstance(value, member):
                return found  # the right kind, wrong inside: its own problem says more
        return _wrong(value, expected)

    return union


def _tuple(expected: Any, element: Checker) -> Checker:
    def check(value: Any) -> str | None:
        if not isinstance(value, tuple):
            return _wrong(value, expected)
        for index, item in enumerate(value):
            found = element(item)
            if found is not None:
                return f"[{index}]{found}"
        return None

    return check


def _plain(expected: type) -> Checker:
    if expected is type(None):
        return lambda value: None if value is None else _wrong(value, expected)
    if expected is int:
        return lambda value: None if type(value) is int else _wrong(value, expected)
    if expected is date:
        return lambda value: (None if isinstance(value, date) and not isinstance(value, datetime)
                              else _wrong(value, expected))
    if attrs.has(expected) and not issubclass(expected, enum.Enum):
        fields: list[tuple[str, Checker]] = []

        def instance(value: Any) -> str | None:
            if not isinstance(value, expected):
                return _wrong(value, expected)
            if not fields:  # filled on first use: classes may refer to each other
                hints = typing.get_type_hints(expected)
                fields.extend((f.name, _checker(hints.get(f.name, Any))) for f in attrs.fields(expected))
            for name, check in fields:
                found = check(getattr(value, name))
                if found is not None:
                    return f".{name}{found}"
            return None

        return instance
    return lambda value: None if isinstance(value, expected) else _wrong(value, expected)


def _name(expected: Any) -> str:
    if isinstance(expected, type):
        return expected.__name__
    return str(expected).replace("typing.", "").replace("NoneType", "None")


def _wrong(value: Any, expected: Any) -> str:
    return f": se esperaba {_name(expected)}, se recibió {type(value).__name__} {extracto(value)}"


def comprobar(value: Any, ruta: str) -> None:
    """Refuse (:class:`InvalidQueryError`) an attrs object any of whose fields, at any depth, is not
    of its annotated type; ``ruta`` names the object in the message ("hechos")."""
    if not attrs.has(type(value)):
        raise InvalidQueryError(f"{ruta}: se esperaba un objeto del dominio, se recibió "
                                f"{type(value).__name__}")
    found = _checker(typing.cast(Any, type(value)))(value)
    if found is not None:
        raise InvalidQueryError(ruta + found)
