"""Strict structuring of read YAML values into the frozen domain classes, with cattrs.

cattrs coerces by default (``"12"`` -> ``12``, ``8.9`` -> ``8``, ``True`` -> ``1``); the hooks
here accept each type only as itself:

- text only as text (a ``true`` where text is expected is refused, not turned into ``"True"``);
- integers only as integers, booleans only as ``true``/``false``;
- :class:`~decimal.Decimal` from a plain number or from quoted text that is a decimal number;
- dates only as dates, date-times only as aware date-times;
- lists only as lists, mappings only as mappings, enumerations only by one of their values;
- unknown keys are refused, with the closest known key when there is one.

Every problem is reported at the line and column of the value (or key) it concerns.
"""

from __future__ import annotations

import contextlib
import enum
import re
import types
import typing
from collections.abc import Callable, Iterator
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, override

from residencias.domain.dato import Dato
from residencias.domain.validators import DERIVADO, InvalidValue
from residencias.errors import DataFileError, Problema
from residencias.loading.yaml_reader import PathKey, YamlDocument, one_line
from residencias.text import extracto, quiso_decir

__all__ = ["describe", "structure_document"]

T = TypeVar("T")

_DECIMAL_TEXT = re.compile(r"[-+]?[0-9]+(\.[0-9]+)?\Z")
_CLOCK = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]\Z")


def describe(value: object) -> str:
    """How a value reads to a person, for "se encontró ..." messages."""
    if value is None:
        return "un valor vacío (null)"
    if isinstance(value, bool):
        return f"el booleano {'true' if value else 'false'}"
    if isinstance(value, int):
        return f"el entero {extracto(value)}"
    if isinstance(value, Decimal):
        return f"el número {extracto(value)}"
    if isinstance(value, datetime):
        return f"la fecha y hora {value.isoformat()}"
    if isinstance(value, date):
        return f"la fecha {value.isoformat()}"
    if isinstance(value, str):
        return f"el texto '{extracto(value)}'"
    if isinstance(value, list):
        return "una lista"
    if isinstance(value, dict):
        return "un mapa (clave: valor)"
    return type(value).__name__


def _expect(what: str, value: object, hint: str = "") -> InvalidValue:
    return InvalidValue(f"se esperaba {what}, se encontró {describe(value)}{hint}")


def _structure_str(value: Any, _: type) -> str:
    if isinstance(value, str):
        return value
    hint = ""
    if isinstance(value, bool):
        hint = " (YAML lee así true/false; si es texto, póngalo entre comillas)"
    elif isinstance(value, int | Decimal | date):
        hint = "; si es texto, póngalo entre comillas"
    raise _expect("texto", value, hint)


def _structure_int(value: Any, _: type) -> int:
    if type(value) is int:
        return value
    hint = "; quite las comillas" if isinstance(value, str) and _DECIMAL_TEXT.match(value) else ""
    raise _expect("un número entero", value, hint)


def _structure_bool(value: Any, _: type) -> bool:
    if type(value) is bool:
        return value
    raise _expect("true o false", value)


def _structure_decimal(value: Any, _: type) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if type(value) is int:
        return Decimal(value)
    if isinstance(value, str) and _DECIMAL_TEXT.match(value.strip()):
        return Decimal(value.strip())
    raise _expect("un número decimal como 87.5", value)


def _structure_date(value: Any, _: type) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    raise _expect("una fecha AAAA-MM-DD", value)


def _structure_datetime(value: Any, _: type) -> datetime:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value
    raise _expect("una fecha y hora con desfase UTC, p. ej. 2026-03-09T18:00:00-06:00", value)


def _structure_day_or_instant(value: Any, _: type) -> date | datetime:
    if isinstance(value, datetime):
        return _structure_datetime(value, datetime)
    if isinstance(value, date):
        return value
    raise _expect("una fecha AAAA-MM-DD o una fecha y hora con desfase UTC", value)


def _structure_optional_day_or_instant(value: Any, _: type) -> date | datetime | None:
    return None if value is None else _structure_day_or_instant(value, date)


def _structure_time(value: Any, _: type) -> time:
    if isinstance(value, str) and _CLOCK.match(value):
        hours, minutes = (int(part) for part in value.split(":"))
        return time(hours, minutes)
    raise _expect("una hora \"HH:MM\" entre comillas, p. ej. \"09:00\"", value)


_SCALARS = (bool, int, Decimal, str, date)


def _structure_datos(value: Any, _: type) -> tuple[Dato, ...]:
    """An event's data, written as a mapping ``nombre: valor`` of texts, yes/no, days and instants."""
    if not isinstance(value, dict):
        raise _expect("un mapa de datos (nombre: valor)", value)
    out = []
    for nombre, valor in value.items():
        if isinstance(valor, datetime) and valor.tzinfo is None:
            raise InvalidValue(f"el dato '{nombre}' es una fecha y hora sin desfase UTC; agréguelo, "
                               "p. ej. 2026-02-10T09:00:00-06:00", nombre)
        if not isinstance(valor, str | bool | date):
            raise InvalidValue(f"el dato '{nombre}' debe ser texto, true/false, una fecha o una fecha y "
                               f"hora; se encontró {describe(valor)} (si es texto, póngalo entre comillas)",
                               nombre)
        out.append(Dato(nombre, valor))
    return tuple(out)


def _is_scalar_union(cl: Any) -> bool:
    args = [a for a in typing.get_args(cl) if a is not type(None)]
    union = isinstance(cl, types.UnionType) or typing.get_origin(cl) is typing.Union
    return union and len(args) > 1 and all(a in _SCALARS for a in args)


def _scalar_union_hook(cl: Any) -> Callable[[Any, type], Any]:
    """A value of a union of scalar types (e.g. what a rule compares a fact with): taken as it
    was read, if its type is one of the union's (a ``true`` is not an ``int`` here)."""
    args = typing.get_args(cl)
    names = {bool: "true/false", int: "un entero", Decimal: "un número", str: "texto", date: "una fecha"}

    def structure(value: Any, _: type) -> Any:
        if value is None and type(None) in args:
            return None
        if type(value) in args or (type(value) is date and date in args):
            return value
        wanted = " o ".join(names[a] for a in args if a in names)
        raise _expect(wanted, value)

    return structure


def _is_text_or_false(cl: Any) -> bool:
    return set(typing.get_args(cl)) == {str, typing.Literal[False], type(None)}


def _structure_text_or_false(value: Any, _: type) -> str | bool | None:
    """An identifier that may be declared absent: the text, ``false`` (there is none), or null."""
    if value is None or value is False or isinstance(value, str):
        return value
    raise _expect("texto, false (no tiene) o null (se desconoce)", value)


def _enum_hook(cl: type[enum.Enum]) -> Callable[[Any, type], enum.Enum]:
    allowed = [str(member.value) for member in cl]

    def structure(value: Any, _: type) -> enum.Enum:
        if isinstance(value, str):
            for member in cl:
                if member.value == value:
                    return member
            hint = quiso_decir(value, allowed)
            raise InvalidValue(f"valor '{extracto(value)}' no admitido{hint}; valores válidos: "
                               f"{', '.join(allowed)}")
        raise _expect("uno de: " + ", ".join(allowed), value)

    return structure


def _is_homogeneous_tuple(cl: Any) -> bool:
    args = typing.get_args(cl)
    return typing.get_origin(cl) is tuple and len(args) == 2 and args[1] is Ellipsis


def _make_converter(*, iso_text: bool = False) -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_structure_hook(date, _structure_date)
    converter.register_structure_hook(datetime, _structure_datetime)
    converter.register_structure_hook(time, _structure_time)
    converter.register_structure_hook_func(
        lambda t: t == (date | datetime), _structure_day_or_instant
    )
    converter.register_structure_hook_func(
        lambda t: t == (date | datetime | None), _structure_optional_day_or_instant
    )
    converter.register_structure_hook_factory(
        lambda cl: isinstance(cl, type) and issubclass(cl, enum.Enum), _enum_hook
    )
    converter.register_structure_hook_factory(_is_scalar_union, _scalar_union_hook)
    converter.register_structure_hook_func(_is_text_or_false, _structure_text_or_false)
    converter.register_structure_hook_factory(_is_homogeneous_tuple, lambda cl: _tuple_hook(converter, cl))
    converter.register_structure_hook_factory(attrs.has, lambda cl: _class_hook(converter, cl))
    converter.register_structure_hook_func(lambda t: t == tuple[Dato, ...], _structure_datos)
    if iso_text:
        converter.register_structure_hook(date, _iso_text(_structure_date, date.fromisoformat))
        converter.register_structure_hook(datetime, _iso_text(_structure_datetime, datetime.fromisoformat))
    return converter


def _iso_text(hook: Callable[[Any, type], Any], parse: Callable[[str], Any]) -> Callable[[Any, type], Any]:
    """For JSON, which has no dates: a date or an instant may also be written as ISO 8601 text."""

    def structure(value: Any, cl: type) -> Any:
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                value = parse(value)
        return hook(value, cl)

    return structure


def _tuple_hook(converter: cattrs.Converter, cl: Any) -> Callable[[Any, type], tuple[Any, ...]]:
    element = typing.get_args(cl)[0]

    def structure(value: Any, _: type) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise _expect("una lista", value)
        out: list[Any] = []
        failures: list[Exception] = []
        for index, item in enumerate(value):
            try:
                out.append(converter.structure(item, element))
            except Exception as exc:
                exc.__notes__ = [*getattr(exc, "__notes__", []),
                                 IterableValidationNote(f"@ index {index}", index, element)]
                failures.append(exc)
        if failures:
            raise IterableValidationError("lista inválida", failures, cl)
        return tuple(out)

    return structure


def _class_hook(converter: cattrs.Converter, cl: type) -> Callable[[Any, type], Any]:
    derived: dict[str, Any] = {f.name: override(omit=True) for f in attrs.fields(cl)
                               if f.metadata.get(DERIVADO)}
    generated: Callable[[Any, type], Any] = make_dict_structure_fn(
        cl, converter, _cattrs_forbid_extra_keys=True, **derived
    )

    def structure(value: Any, _: type) -> Any:
        if isinstance(value, cl):
            return value
        if not isinstance(value, dict):
            raise _expect("un mapa (clave: valor)", value)
        return generated(value, cl)

    return structure


_CONVERTER = _make_converter()
_JSON_CONVERTER = _make_converter(iso_text=True)


def structure_document(document: YamlDocument, cl: type[T], *, json: bool = False,
                       contexto: Callable[[PathKey], str] | None = None) -> T:
    """Structure a read document into ``cl``, or raise :class:`DataFileError` naming every problem.
    ``json``: the document was JSON, where dates and instants are ISO 8601 text. ``contexto``
    names the record a path lies in (``"folio '000123': "``), put before a message that does not
    already name it."""
    try:
        return (_JSON_CONVERTER if json else _CONVERTER).structure(document.root, cl)
    except Exception as exc:
        problems = []
        for path, error in _leaves(exc, ()):
            problem = _problem(document, path, error)
            quien = contexto(path) if contexto is not None else ""
            mensaje = problem.mensaje if quien.rstrip(": ") in problem.mensaje else quien + problem.mensaje
            problems.append(attrs.evolve(problem, mensaje=one_line(mensaje)))
        raise DataFileError(problems) from None


def _leaves(exc: BaseException, path: PathKey) -> Iterator[tuple[PathKey, BaseException]]:
    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for inner, note in with_notes:
            yield from _leaves(inner, (*path, note.name))
        for inner in without:
            yield from _leaves(inner, path)
    elif isinstance(exc, IterableValidationError):
        with_notes_i, without_i = exc.group_exceptions()
        for inner, inote in with_notes_i:
            yield from _leaves(inner, (*path, inote.index))
        for inner in without_i:
            yield from _leaves(inner, path)
    elif isinstance(exc, BaseExceptionGroup):
        for member in exc.exceptions:
            yield from _leaves(member, path)
    else:
        yield path, exc


def _problem(document: YamlDocument, path: PathKey, error: BaseException) -> Problema:
    if isinstance(error, ForbiddenExtraKeysError):
        known = [f.name for f in attrs.fields(error.cl)] if attrs.has(error.cl) else []
        extra = sorted(error.extra_fields)[0]
        hint = quiso_decir(extra, known) if len(extra) <= 100 else ""
        more = f" (y {len(error.extra_fields) - 1} más)" if len(error.extra_fields) > 1 else ""
        return document.problem(
            (*path, extra),
            f"clave desconocida '{extracto(extra)}'{more}{hint}; claves válidas: {', '.join(known)}",
            at_key=True,
        )
    if isinstance(error, KeyError) and path:
        missing = path[-1]
        return document.problem(path[:-1], f"falta la clave obligatoria '{missing}'")
    if isinstance(error, InvalidValue) and error.campo is not None:
        return document.problem((*path, error.campo), str(error))
    if isinstance(error, ValueError):
        return document.problem(path, str(error))
    return document.problem(path, f"valor inválido ({error.__class__.__name__}: {error})")
