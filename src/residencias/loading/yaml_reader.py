"""YAML read safely into plain values, with the position of every key and value kept.

The file is parsed to events (libyaml's C parser when present) and the values are built here,
so that this module, not YAML 1.1, decides what each scalar means:

- refused: syntax errors, more than one document, duplicate keys, anchors and aliases, any
  ``!tag``, merge keys, keys that are not text, the yes/no/on/off words as values (write
  ``true``/``false``, or quote the text; as keys they are names, like the rules' ``no:``),
  numbers YAML 1.1 reads in odd ways (``010`` is octal, ``1_000``, ``1:30``),
  infinities and NaN, dates that do not exist or fall outside the supported range
  (:mod:`residencias.domain.fechas`), date-times without a UTC offset, empty files,
  files that are not UTF-8, control characters (NUL included; also when written as an escape
  such as ``"\\e"`` inside a quoted text), files over :data:`MAX_BYTES`
  (unless the caller raises the cap) and anything but a regular file
  (:func:`residencias.loading.entrada.leer_entrada`);
- kept: text, ``true``/``false``, decimal integers, decimals as exact :class:`~decimal.Decimal`
  (never ``float``), dates, aware date-times, null.

>>> doc = read_yaml("a: 1\\nb: [x, '2']\\n", "ej.yaml")
>>> doc.root
{'a': 1, 'b': ['x', '2']}
>>> doc.position(("b", 1))
Position(linea=2, columna=8)
>>> read_yaml("a: no\\n", "ej.yaml")
Traceback (most recent call last):
...
residencias.errors.DataFileError: ej.yaml:1:4: 'no' es ambiguo en YAML (se lee como booleano)...
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol, TypeAlias

import attrs
import yaml
from yaml import events as ev
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from residencias.domain.fechas import fuera_de_rango
from residencias.errors import DataFileError, Problema
from residencias.loading.entrada import (
    MAX_YAML_BYTES,
    MIB,
    NOMBRE_ESTANDAR,
    es_estandar,
    leer_entrada,
    nombre_de,
)
from residencias.text import extracto

__all__ = [
    "MAX_BYTES", "MAX_DEPTH", "Position", "Value", "YamlDocument",
    "decode_utf8", "read_yaml", "read_yaml_file",
]

MAX_BYTES = MAX_YAML_BYTES
"""Files larger than this (5 MiB) are refused before they are parsed."""

MAX_DEPTH = 64
"""Deeper nesting than this is refused: no schema of the library needs a tenth of it."""

Scalar: TypeAlias = str | int | bool | Decimal | date | datetime | None
Value: TypeAlias = dict[str, Any] | list[Any] | Scalar
PathKey: TypeAlias = tuple[str | int, ...]

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = Resolver()
_DECIMAL_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)\Z")
_BOOL_WORDS = {"true": True, "false": False}
# What the YAML reader (libyaml and PyYAML alike) refuses: control characters, lone surrogates.
_NON_PRINTABLE = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
# Control characters a value may not hold even when written as an escape (tab and line breaks may).
_CONTROL_VALUE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
_DATE_ONLY = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}\Z")
_TIMESTAMP = re.compile(
    r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})"
    r"(?:[Tt]|[ \t]+)(?P<H>[0-9]{1,2}):(?P<M>[0-9]{2}):(?P<S>[0-9]{2})(?P<frac>\.[0-9]*)?"
    r"(?:[ \t]*(?P<tz>Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?\Z"
)

_MAPPING_VALUES = (
    "no se permite un valor de mapa aquí (¿falta un salto de línea, o hay ':' en un texto sin "
    "comillas?)"
)
_AFTER_END = "contenido inesperado tras el fin del documento"
_SYNTAX_PROBLEMS = {
    "mapping values are not allowed here": _MAPPING_VALUES,
    "mapping values are not allowed in this context": _MAPPING_VALUES,
    "mapping keys are not allowed in this context": "no se permite una clave de mapa aquí",
    "block sequence entries are not allowed in this context": "no se permite un elemento de "
    "lista ('- ') aquí (¿sangría inconsistente?)",
    "did not find expected ',' or ']'": "falta una ',' o el ']' que cierra la lista",
    "did not find expected ',' or '}'": "falta una ',' o la '}' que cierra el mapa",
    "did not find expected comment or line break": "se esperaba un comentario o un salto de línea",
    "found unexpected ':'": "':' inesperado (¿un texto con ':' sin comillas?)",
    "found unexpected document indicator": "indicador de documento ('---' o '...') inesperado",
    "found a tab character where an indentation space is expected": "un tabulador donde se "
    "esperaba un espacio de sangría",
    "could not find expected ':'": "no se encontró el ':' esperado",
    "found character that cannot start any token": "carácter que no puede iniciar un elemento "
    "(¿un tabulador o '@'/'`' sin comillas?)",
    "found unexpected end of stream": "el archivo termina antes de cerrar una estructura",
    "did not find expected key": "no se encontró la clave esperada (¿sangría inconsistente?)",
    "did not find expected '-' indicator": "no se encontró el '-' esperado de la lista",
    "found undefined alias": "alias no definido",
    "found unknown escape character": "secuencia de escape desconocida",
    "found a tab character that violates indentation": "un tabulador rompe la sangría",
    "did not find expected node content": "falta el contenido esperado",
    "expected <document start>, but found <block mapping start>": _AFTER_END,
    "did not find expected <document start>": _AFTER_END,
}


@attrs.frozen
class Position:
    """A 1-based line and column in a file."""

    linea: int
    columna: int


class Marca(Protocol):
    """Where the parser saw an event: 0-based line and column (YAML's own mark, kept as it came:
    a position is only worked out for the rare value a message points at)."""

    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...


def _posicion(marca: Marca) -> Position:
    return Position(marca.line + 1, marca.column + 1)


@attrs.frozen
class YamlDocument:
    """A parsed file: its values, and where each value (and each mapping key) stands."""

    archivo: str
    root: Value
    values: dict[PathKey, Marca]
    keys: dict[PathKey, Marca]
    sha256: str | None = None
    """The sha256 of the bytes read (``None`` when read from text)."""

    def position(self, path: PathKey) -> Position:
        """The position of the value at ``path``, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            found = self.values.get(path[:end])
            if found is not None:
                return _posicion(found)
        return Position(1, 1)

    def key_position(self, path: PathKey) -> Position:
        """The position of the key that introduces ``path``, or of the value if there is none."""
        found = self.keys.get(path)
        return self.position(path) if found is None else _posicion(found)

    def problem(self, path: PathKey, mensaje: str, *, at_key: bool = False) -> Problema:
        where = self.key_position(path) if at_key else self.position(path)
        return Problema(self.archivo, where.linea, where.columna, mensaje)


class _Refused(Exception):
    def __init__(self, mark: Any, mensaje: str) -> None:
        super().__init__(mensaje)
        self.mark = mark
        self.mensaje = mensaje


def read_yaml_file(path: str | os.PathLike[str], nombre: str | None = None, *, max_bytes: int = MAX_BYTES,
                   consejo: str = "", estandar: bool = False) -> YamlDocument:
    """Read one YAML file, refusing it whole with :class:`DataFileError` if anything is off.

    ``max_bytes`` raises or lowers the cap; ``consejo`` is added to the too-big message;
    ``estandar`` lets ``-`` mean standard input."""
    data = leer_entrada(path, nombre, max_bytes=max_bytes, que="un archivo YAML", consejo=consejo,
                        estandar=estandar)
    archivo = nombre or (NOMBRE_ESTANDAR if estandar and es_estandar(path) else nombre_de(path))
    return read_yaml_bytes(data, archivo, max_bytes=max_bytes)


def read_yaml_bytes(data: bytes, archivo: str, *, max_bytes: int = MAX_BYTES) -> YamlDocument:
    """Decode UTF-8 (a BOM is allowed) and read; a bad byte is reported at its line and column."""
    if len(data) > max_bytes:
        raise DataFileError([Problema(archivo, 1, 1, _too_big(len(data), max_bytes))])
    text = decode_utf8(data, archivo)
    document = read_yaml(text, archivo, max_bytes=max_bytes)
    return attrs.evolve(document, sha256=hashlib.sha256(data).hexdigest())


def decode_utf8(data: bytes, archivo: str) -> str:
    """UTF-8 text (a leading BOM dropped); a bad byte is refused at its line and column."""
    body = data[len(codecs.BOM_UTF8):] if data.startswith(codecs.BOM_UTF8) else data
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Offsets are in ``body`` (after the BOM); the column counts characters, as YAML's do.
        before = body[: exc.start]
        line_start = before.rfind(b"\n") + 1
        line = before.count(b"\n") + 1
        column = len(before[line_start:].decode("utf-8")) + 1
        raise DataFileError(
            [Problema(archivo, line, column, f"el archivo no es UTF-8 (byte 0x{body[exc.start]:02x}); "
                      "guárdelo como UTF-8")]
        ) from None


def read_yaml(text: str, archivo: str, *, max_bytes: int = MAX_BYTES) -> YamlDocument:
    """Read YAML text (already decoded); see the module docstring for what is refused."""
    if len(text) > max_bytes:
        raise DataFileError([Problema(archivo, 1, 1, _too_big(len(text), max_bytes))])
    bad = _NON_PRINTABLE.search(text)
    if bad is not None:
        at = bad.start()
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        mensaje = (
            "carácter nulo: no es un archivo de texto YAML"
            if text[at] == "\x00"
            else f"carácter U+{ord(text[at]):04X} no permitido en YAML (de control o inválido); "
            "quítelo"
        )
        raise DataFileError([Problema(archivo, line, column, mensaje)])
    builder = _Builder(archivo)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except _Refused as refused:
        raise DataFileError([_problem_at(archivo, refused.mark, refused.mensaje)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise DataFileError([_problem_at(archivo, mark, _syntax_message(exc))]) from None
    except yaml.YAMLError as exc:
        raise DataFileError([Problema(archivo, 1, 1, f"YAML ilegible: {exc}")]) from None
    if not builder.has_document or (builder.root is None and not builder.explicit_null):
        raise DataFileError([Problema(archivo, 1, 1, "archivo vacío: se esperaba un documento YAML")])
    return YamlDocument(archivo, builder.root, builder.values, builder.keys)


_LINE_BREAKS = {ord(c): repr(c)[1:-1] for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}


def one_line(mensaje: str) -> str:
    """The message with the line breaks of quoted values written as escapes (``\\n``), so that
    a problem stays on one line whatever text it quotes."""
    return mensaje.translate(_LINE_BREAKS)


def _too_big(size: int, max_bytes: int) -> str:
    return (f"archivo demasiado grande ({size} bytes); el máximo es {max_bytes} bytes "
            f"({max_bytes / MIB:g} MiB)")


def _problem_at(archivo: str, mark: Any, mensaje: str) -> Problema:
    mensaje = one_line(mensaje)
    if mark is None:
        return Problema(archivo, 1, 1, mensaje)
    return Problema(archivo, mark.line + 1, mark.column + 1, mensaje)


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or exc.context or "error de sintaxis").strip()
    for english, spanish in _SYNTAX_PROBLEMS.items():
        if problem.startswith(english):
            return f"sintaxis YAML inválida: {spanish}"
    return f"sintaxis YAML inválida ({problem})"


@attrs.define
class _Frame:
    container: dict[str, Any] | list[Any]
    path: PathKey
    pending_key: str | None = None
    key_lines: dict[str, int] = attrs.Factory(dict)


@attrs.define
class _Builder:
    """Builds plain values from parser events, one event at a time (no recursion)."""

    archivo: str
    root: Value = None
    has_document: bool = False
    explicit_null: bool = False
    stack: list[_Frame] = attrs.Factory(list)
    values: dict[PathKey, Marca] = attrs.Factory(dict)
    keys: dict[PathKey, Marca] = attrs.Factory(dict)

    def feed(self, event: Any) -> None:
        kind = type(event)
        if kind is ev.ScalarEvent:  # the most frequent, first
            if event.anchor is not None:
                self._anchor(event)
            self._scalar(event)
        elif kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
            self.stack.pop()
        elif kind is ev.MappingStartEvent or kind is ev.SequenceStartEvent:
            if event.anchor is not None:
                self._anchor(event)
            self._refuse_tag(event)
            if len(self.stack) >= MAX_DEPTH:
                raise _Refused(event.start_mark, f"anidamiento de más de {MAX_DEPTH} niveles")
            container: dict[str, Any] | list[Any] = {} if kind is ev.MappingStartEvent else []
            path = self._place(container, event)
            self.stack.append(_Frame(container, path))
        elif kind is ev.DocumentStartEvent:
            if self.has_document:
                raise _Refused(event.start_mark, "el archivo contiene más de un documento YAML; "
                               "se esperaba uno solo")
            self.has_document = True
        elif kind is ev.AliasEvent:
            raise _Refused(event.start_mark, f"alias '*{event.anchor}' no permitido: "
                           "escriba el valor completo en cada lugar")

    @staticmethod
    def _anchor(event: Any) -> None:
        raise _Refused(event.start_mark, f"ancla '&{event.anchor}' no permitida: "
                       "escriba el valor completo en cada lugar")

    def _refuse_tag(self, event: Any) -> None:
        if event.tag is not None:
            raise _Refused(event.start_mark, f"etiqueta YAML '{event.tag}' no permitida: "
                           "escriba el valor sin etiqueta")

    def _scalar(self, event: ev.ScalarEvent) -> None:
        if event.tag is not None:
            self._refuse_tag(event)
        escaped = _CONTROL_VALUE.search(event.value)
        if escaped is not None:  # written as an escape ("\e", "\x1b") inside a quoted text
            raise _Refused(event.start_mark, f"carácter de control U+{ord(escaped.group()):04X} en un "
                           "texto (escrito como secuencia de escape); quítelo")
        frame = self.stack[-1] if self.stack else None
        if frame is not None and isinstance(frame.container, dict) and frame.pending_key is None:
            self._key(frame, event)
            return
        value = _scalar_value(event)
        if value is None and not self.stack:
            self.explicit_null = event.value != ""
        self._place(value, event)

    def _key(self, frame: _Frame, event: ev.ScalarEvent) -> None:
        # A key is a name: the yes/no words are their text there (the rules' ``no:`` operator).
        plain = _is_plain(event)
        key = event.value if not plain or _is_bool_word(event.value) else _scalar_value(event)
        if plain and event.value == "<<":
            raise _Refused(event.start_mark, "clave de fusión '<<' no permitida: escriba las claves")
        if not isinstance(key, str):
            raise _Refused(event.start_mark, f"clave '{event.value}' no es texto: "
                           "las claves deben ser nombres")
        assert isinstance(frame.container, dict)
        if key in frame.container or key in frame.key_lines:
            first = frame.key_lines[key]
            raise _Refused(event.start_mark, f"clave duplicada '{key}' (ya definida en la línea "
                           f"{first}); se esperaba cada clave una sola vez")
        mark: Any = event.start_mark  # libyaml gives every event its mark
        frame.key_lines[key] = mark.line + 1
        frame.pending_key = key
        self.keys[(*frame.path, key)] = mark

    def _place(self, value: Value, event: Any) -> PathKey:
        if not self.stack:
            self.root = value
            path: PathKey = ()
        else:
            frame = self.stack[-1]
            if isinstance(frame.container, list):
                path = (*frame.path, len(frame.container))
                frame.container.append(value)
            else:
                if frame.pending_key is None:
                    raise _Refused(event.start_mark, "clave compuesta no permitida: "
                                   "las claves deben ser nombres")
                path = (*frame.path, frame.pending_key)
                frame.container[frame.pending_key] = value
                frame.pending_key = None
        self.values[path] = event.start_mark
        return path


def _is_bool_word(text: str) -> bool:
    return _kind(text) == "bool"


_KINDS: dict[str, str] = {}
_MAX_KINDS = 4096
"""Plain scalars whose kind is kept once resolved (a fixture repeats its sede names thousands of
times); past this many, the others are resolved each time."""


def _kind(text: str) -> str:
    """What YAML 1.1 would make of a plain scalar: ``null``, ``bool``, ``int``, ``float``,
    ``timestamp`` or ``str`` (the end of its resolved tag)."""
    kind = _KINDS.get(text)
    if kind is None:
        tag: str = _RESOLVER.resolve(ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
        kind = tag.rsplit(":", 1)[-1]
        if len(_KINDS) < _MAX_KINDS:
            _KINDS[text] = kind
    return kind


def _is_plain(event: ev.ScalarEvent) -> bool:
    """A plain (unquoted, non-block) scalar; libyaml reports its style as '' and PyYAML as None."""
    return not event.style and bool(event.implicit[0])


def _scalar_value(event: ev.ScalarEvent) -> Scalar:
    """What a scalar means here: quoted and block scalars are text; plain ones are resolved."""
    text: str = event.value
    if event.style or not event.implicit[0]:  # not plain (see _is_plain)
        return text
    kind = _kind(text)
    if kind == "str":  # the most frequent, first
        return text
    if kind == "null":
        return None
    if kind == "bool":
        if text.lower() in _BOOL_WORDS:
            return _BOOL_WORDS[text.lower()]
        raise _Refused(event.start_mark, f"'{extracto(text)}' es ambiguo en YAML (se lee como booleano): "
                       "escriba true o false, o póngalo entre comillas si es texto")
    if kind == "int":
        if _DECIMAL_INT.match(text):
            try:
                return int(text)
            except ValueError:  # more digits than Python converts (sys.get_int_max_str_digits)
                raise _Refused(event.start_mark, f"número de {len(text)} caracteres demasiado "
                               "largo; si es texto, póngalo entre comillas") from None
        raise _Refused(event.start_mark, f"número '{extracto(text)}' ambiguo (YAML 1.1 lo lee como octal, "
                       "hexadecimal o sexagesimal): escríbalo en decimal, o entre comillas si es texto")
    if kind == "float":
        return _decimal(text, event)
    if kind == "timestamp":
        return _timestamp(text, event)
    return text


def _decimal(text: str, event: ev.ScalarEvent) -> Decimal:
    if "_" in text or ":" in text or text.lower().lstrip("+-") in {".inf", ".nan"}:
        raise _Refused(event.start_mark, f"número '{extracto(text)}' no admitido: se esperaba un número "
                       "decimal finito como 87.5, o texto entre comillas")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise _Refused(event.start_mark, f"número '{extracto(text)}' ilegible") from None


def _timestamp(text: str, event: ev.ScalarEvent) -> date | datetime:
    value: date | datetime
    try:
        if _DATE_ONLY.match(text):
            y, m, d = (int(part) for part in text.split("-"))
            value = date(y, m, d)
        else:
            match = _TIMESTAMP.match(text)
            if match is None:
                raise ValueError(text)
            if match["tz"] is None:
                raise _Refused(event.start_mark, f"fecha y hora '{extracto(text)}' sin zona horaria: "
                               "agregue el desfase UTC, p. ej. 2026-03-09T18:00:00-06:00")
            value = datetime.fromisoformat(_iso(match))
    except ValueError:
        raise _Refused(event.start_mark, f"fecha '{extracto(text)}' inexistente o ilegible; se esperaba "
                       "AAAA-MM-DD o AAAA-MM-DDTHH:MM:SS±HH:MM") from None
    problem = fuera_de_rango(value)
    if problem is not None:
        raise _Refused(event.start_mark, problem)
    return value


def _iso(match: re.Match[str]) -> str:
    """The matched timestamp in the strict ISO form ``datetime.fromisoformat`` reads."""
    tz = match["tz"]
    offset = "+00:00" if tz in {"Z", "z"} else tz
    if ":" not in offset:
        offset = offset[:3] + ":" + (offset[3:] or "00")
    offset = offset[0] + offset[1:].zfill(5) if len(offset) < 6 else offset
    frac = (match["frac"] or "")[:7]
    return (
        f"{int(match['y']):04d}-{int(match['m']):02d}-{int(match['d']):02d}T"
        f"{int(match['H']):02d}:{match['M']}:{match['S']}{frac}{offset}"
    )
