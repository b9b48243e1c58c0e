"""The JSON Schemas of ``residencias ... --json`` (``docs/esquemas/``): loading them, validating an
output, and writing those that are generated.

Two kinds of schema. Where the output is a library object turned into JSON field by field
(:func:`residencias.jsonable.to_data`: ``mostrar``, ``documentos``, ``revisar-archivos``,
``puntaje``, ``preasignacion``, ``lint``, ``pasos``, ``flujo``), the schema is generated from the
attrs classes, so that
it follows every field; ``tests/test_cli_esquemas.py`` fails when the file in ``docs/esquemas/``
is not what the classes give now: a renamed or new field is a change of the documented shape, made
on purpose by running::

    .venv/bin/python -m tests.esquemas

(and raising ``version`` in ``VERSIONES`` when a key is renamed or removed). The others
(``convocatorias``, ``cer``, ``calendario``, ``evaluar``, ``asignar``, ``error``) are written by
hand. Every object of every schema lists all its keys as ``required`` and allows no other
(``additionalProperties: false``).
"""

from __future__ import annotations

import enum
import json
import sys
import types
import typing
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import jsonschema

from residencias.consistency import Observacion
from residencias.domain.convocatoria import Convocatoria
from residencias.process.estado import Situacion
from residencias.process.flujo import Flujo
from residencias.rules.archivos import RevisionArchivos
from residencias.rules.checklist import ListaDocumentos
from residencias.rules.preasignacion import Preasignacion
from residencias.rules.puntaje.pi_imss import DesglosePIIMSS

__all__ = [
    "DIRECTORIO",
    "FORMAS",
    "GENERADOS",
    "ORDENES",
    "esquema",
    "forma",
    "generar",
    "texto",
    "validar",
    "valido",
]

DIRECTORIO = Path(__file__).parent.parent / "docs" / "esquemas"
ORDENES = (
    "convocatorias", "mostrar", "cer", "calendario", "evaluar", "documentos", "revisar-archivos",
    "puntaje", "preasignacion", "asignar", "lint", "pasos", "flujo",
)
"""Every subcommand with ``--json``; ``error`` is the shape of a refusal under any of them."""

FORMAS = {"evaluar-lote": "evaluar"}
"""Other shapes of a subcommand's output, each with its schema: ``evaluar`` of a folder (or of
several files) gives the summary of a batch."""


def forma(orden: str, data: Any) -> str:
    """The schema that ``orden``'s JSON answer ``data`` follows."""
    if orden == "evaluar" and isinstance(data, dict) and "expedientes" in data:
        return "evaluar-lote"
    return orden

VERSIONES = {"mostrar": 1, "documentos": 2, "revisar-archivos": 1, "puntaje": 1, "preasignacion": 1,
             "lint": 1, "pasos": 1, "flujo": 1}

DECIMAL = r"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$"
FECHA = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
INSTANTE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?[-+][0-9]{2}:[0-9]{2}$"
HORA = r"^[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?$"


class _Generador:
    """attrs classes to JSON Schema, as :func:`residencias.jsonable.to_data` writes them."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.names: dict[type, str] = {}

    def of(self, tp: Any) -> dict[str, Any]:
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if tp is Any:
            return {}
        if tp is type(None):
            return {"type": "null"}
        if origin in (types.UnionType, typing.Union):
            return {"anyOf": [self.of(a) for a in args]}
        if origin is typing.Literal:
            return {"enum": list(args)}
        if origin in (tuple, list, set, frozenset):
            if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
                return {"type": "array", "prefixItems": [self.of(a) for a in args], "items": False}
            return {"type": "array", "items": self.of(args[0])}
        if origin in (dict, Mapping) or (isinstance(origin, type) and issubclass(origin, Mapping)):
            return {"type": "object", "additionalProperties": self.of(args[1])}
        if isinstance(tp, type):
            return self._of_class(tp)
        raise TypeError(f"tipo sin esquema: {tp!r}")

    def _of_class(self, tp: type) -> dict[str, Any]:
        if attrs.has(tp):
            return {"$ref": f"#/$defs/{self._define(tp)}"}
        if issubclass(tp, enum.Enum):
            return {"enum": [m.value for m in tp]}
        if issubclass(tp, bool):
            return {"type": "boolean"}
        if issubclass(tp, int):
            return {"type": "integer"}
        if issubclass(tp, str):
            return {"type": "string"}
        if issubclass(tp, Decimal):
            return {"type": "string", "pattern": DECIMAL}
        if issubclass(tp, datetime):
            return {"type": "string", "pattern": INSTANTE}
        if issubclass(tp, date):
            return {"type": "string", "pattern": FECHA}
        if issubclass(tp, time):
            return {"type": "string", "pattern": HORA}
        raise TypeError(f"tipo sin esquema: {tp!r}")

    def _define(self, tp: type) -> str:
        if tp in self.names:
            return self.names[tp]
        name = tp.__name__
        if name in self.defs:
            name = f"{tp.__module__.rsplit('.', 1)[-1]}.{name}"
        self.names[tp] = name
        self.defs[name] = {}  # reserved before the fields: a class may contain itself
        hints = typing.get_type_hints(tp)
        fields = attrs.fields(tp)
        definition: dict[str, Any] = {"type": "object"}
        if tp.__doc__:
            definition["description"] = " ".join(tp.__doc__.strip().split("\n\n")[0].split())
        definition["properties"] = {f.name: self.of(hints[f.name]) for f in fields}
        definition["required"] = [f.name for f in fields]
        definition["additionalProperties"] = False
        self.defs[name] = definition
        return name


def _document(orden: str, raiz: Any, *, quitar: tuple[str, ...] = (), lista: bool = False) -> dict[str, Any]:
    gen = _Generador()
    ref = gen.of(raiz)
    name = gen.names[raiz]
    if quitar:  # the root object without some of its keys (mostrar drops the catalogue)
        root = dict(gen.defs[name])
        root["properties"] = {k: v for k, v in root["properties"].items() if k not in quitar}
        root["required"] = [k for k in root["required"] if k not in quitar]
        body: dict[str, Any] = root
    else:
        body = {"type": "array", "items": ref} if lista else dict(ref)
    referenced = _reachable(body, gen.defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"residencias {orden} --json",
        "description": f"Generado de {raiz.__module__}.{raiz.__name__} por tests/esquemas.py; no lo "
                       "edite a mano (python -m tests.esquemas).",
        "version": VERSIONES[orden],
        **body,
        "$defs": {k: gen.defs[k] for k in sorted(referenced)},
    }


def _reachable(body: dict[str, Any], defs: dict[str, dict[str, Any]]) -> set[str]:
    seen: set[str] = set()
    pending = [body]
    while pending:
        node = pending.pop()
        text = json.dumps(node)
        for name, definition in defs.items():
            if f'"#/$defs/{name}"' in text and name not in seen:
                seen.add(name)
                pending.append(definition)
    return seen


GENERADOS: dict[str, tuple[Any, dict[str, Any]]] = {
    "mostrar": (Convocatoria, {"quitar": ("especialidades",)}),
    "documentos": (ListaDocumentos, {}),
    "revisar-archivos": (RevisionArchivos, {}),
    "puntaje": (DesglosePIIMSS, {}),
    "preasignacion": (Preasignacion, {}),
    "lint": (Observacion, {"lista": True}),
    "pasos": (Situacion, {}),
    "flujo": (Flujo, {}),
}
"""The schemas generated from classes: subcommand -> (class, how its output is built)."""


def generar(orden: str) -> dict[str, Any]:
    raiz, opciones = GENERADOS[orden]
    return _document(orden, raiz, **opciones)


def texto(documento: dict[str, Any]) -> str:
    return json.dumps(documento, ensure_ascii=False, indent=2) + "\n"


@cache
def esquema(orden: str) -> dict[str, Any]:
    """The schema of ``orden``'s output, as in ``docs/esquemas/``."""
    data: dict[str, Any] = json.loads((DIRECTORIO / f"{orden}.schema.json").read_text(encoding="utf-8"))
    return data


@cache
def _validator(orden: str) -> jsonschema.protocols.Validator:
    schema = esquema(orden)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator: jsonschema.protocols.Validator = cls(schema)
    return validator


def validar(orden: str, data: Any) -> list[str]:
    """Every way ``data`` breaks the schema of ``orden`` (empty when it follows it)."""
    errors = sorted(_validator(orden).iter_errors(data), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(raíz)'}: {e.message}" for e in errors]


def valido(orden: str, data: Any) -> bool:
    """Whether ``data`` follows the schema of ``orden`` (stops at the first break)."""
    return bool(_validator(orden).is_valid(data))


if __name__ == "__main__":
    for orden in GENERADOS:
        path = DIRECTORIO / f"{orden}.schema.json"
        path.write_text(texto(generar(orden)), encoding="utf-8")
        print(f"escrito {path}", file=sys.stderr)
