"""The JSON Schemas of ``docs/esquemas/``: one per subcommand with ``--json`` plus one for a refusal,
each versioned, strict (every key required, no other key allowed: renaming or dropping any key of
a real output breaks it), and, where generated from the library's classes, up to date with them.
That every real output follows its schema is checked by ``tests/test_cli_matriz.py``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.cli_correr import correr
from tests.esquemas import DIRECTORIO, FORMAS, GENERADOS, ORDENES, esquema, generar, texto, validar, valido

EXAMPLES = Path(__file__).parent.parent / "examples"

MUESTRAS: dict[str, tuple[str, ...]] = {
    "convocatorias": ("convocatorias",),
    "mostrar": ("mostrar", "unam-regularizacion-2025"),
    "cer": ("cer", "--ceme", "Neurocirugía", "--grado", "5"),
    "calendario": ("calendario", "unam-primer-ingreso-2026", "--en", "2026-02-05T10:00:00-06:00"),
    "evaluar": ("evaluar", "imss-enarm-xlix-2026-tercer-periodo",
                str(EXAMPLES / "expedientes" / "xlix-carta-compromiso-titulo-pendiente.yaml"),
                "--en", "2026-02-19T12:00:00-06:00"),
    "documentos": ("documentos", "imss-cer-2026-2027"),
    "revisar-archivos": ("revisar-archivos", "imss-enarm-xlvi-2023", str(EXAMPLES)),
    "puntaje": ("puntaje", "--efiser", "80", "--promedio", "90", "--enarm", "70",
                "--publicaciones", str(EXAMPLES / "puntaje" / "publicaciones.yaml")),
    "preasignacion": ("preasignacion", "imss-enarm-xlvi-2023",
                      str(EXAMPLES / "expedientes" / "xlvi-sede-distinta-no-cumple.yaml")),
    "asignar": ("asignar", str(EXAMPLES / "asignacion" / "cer-2026-2027.yaml"), "--esperado",
                str(EXAMPLES / "asignacion" / "publicado.csv"), "--explicar", "736574"),
    "lint": ("lint", "imss-cer-2026-2027"),
    "pasos": ("pasos", "imss-cer-2026-2027", str(EXAMPLES / "historias" / "cer-adscrito-neonatologia.yaml"),
              "--en", "2026-04-20T12:00:00-06:00"),
    "flujo": ("flujo", "imss-cer-2026-2027"),
    "error": ("mostrar", "no-existe"),
    "evaluar-lote": ("evaluar", "imss-cer-2026-2027",
                     str(EXAMPLES / "expedientes" / "cer-cardiologia-cumple.yaml"),
                     str(EXAMPLES / "expedientes" / "cer-grado-no-coincide.yaml"),
                     "--en", "2026-03-10T12:00:00-06:00"),
}


def _sample(orden: str) -> Any:
    run = correr(*MUESTRAS[orden], "--json")
    assert run.codigo in ((2,) if orden == "error" else (0, 1)), run
    return run.json


def test_every_subcommand_has_a_schema_and_nothing_else_is_there() -> None:
    names = {f"{o}.schema.json" for o in (*ORDENES, *FORMAS, "error")}
    assert {p.name for p in DIRECTORIO.iterdir()} == names
    assert set(MUESTRAS) == {*ORDENES, *FORMAS, "error"}


@pytest.mark.parametrize("orden", [*ORDENES, *FORMAS, "error"])
def test_each_schema_is_a_versioned_draft_2020_12_schema(orden: str) -> None:
    schema = esquema(orden)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert isinstance(schema["version"], int) and schema["version"] >= 1
    assert schema["title"] == f"residencias {FORMAS.get(orden, orden)} --json"


def _objects(node: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        if node.get("type") == "object" and "properties" in node:
            yield where, node
        for key, value in node.items():
            yield from _objects(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _objects(value, f"{where}/{i}")


@pytest.mark.parametrize("orden", [*ORDENES, *FORMAS, "error"])
def test_every_object_requires_all_its_keys_and_allows_no_other(orden: str) -> None:
    objects = list(_objects(esquema(orden)))
    assert objects
    for where, obj in objects:
        assert obj["additionalProperties"] is False, where
        assert sorted(obj["required"]) == sorted(obj["properties"]), where


@pytest.mark.parametrize("orden", sorted(GENERADOS))
def test_generated_schemas_are_up_to_date_with_the_classes(orden: str) -> None:
    written = (DIRECTORIO / f"{orden}.schema.json").read_text(encoding="utf-8")
    assert written == texto(generar(orden)), (
        f"docs/esquemas/{orden}.schema.json no es el que dan las clases: si el cambio de forma es "
        "deliberado, regenere con `.venv/bin/python -m tests.esquemas` (y suba la versión si se "
        "renombró o quitó una clave)"
    )


def _trim(data: Any) -> Any:
    """The output with each list cut to one element of each shape (its keys), all levels down."""
    if isinstance(data, dict):
        return {k: _trim(v) for k, v in data.items()}
    if isinstance(data, list):
        shapes: dict[Any, Any] = {}
        for value in data:
            shapes.setdefault(tuple(value) if isinstance(value, dict) else type(value).__name__, value)
        return [_trim(v) for v in shapes.values()]
    return data


def _key_paths(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Where every key of every object is."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*path, key)
            yield from _key_paths(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _key_paths(value, (*path, i))


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


FREE_MAPS = {"hechos", "parametros"}
"""Keys whose value is a map with keys from the data (paths of facts, names of parameters)."""


@pytest.mark.parametrize("orden", [*ORDENES, *FORMAS, "error"])
def test_renaming_or_dropping_any_key_of_a_real_output_breaks_the_schema(orden: str) -> None:
    data = _trim(_sample(orden))
    assert validar(orden, data) == []
    paths = [p for p in _key_paths(data) if not FREE_MAPS & set(p[:-1])]
    assert len(paths) >= 5
    for path in paths:
        parent, key = _at(data, path[:-1]), path[-1]
        value = parent.pop(key)
        assert not valido(orden, data), f"{orden}: quitar {path} no rompe el esquema"
        parent[f"{key}_renombrada"] = value
        assert not valido(orden, data), f"{orden}: renombrar {path} no rompe el esquema"
        del parent[f"{key}_renombrada"]
        parent[key] = value
    assert validar(orden, data) == []


def test_evaluar_carries_the_version_of_its_schema() -> None:
    assert _sample("evaluar")["version"] == esquema("evaluar")["version"]
    assert _sample("error")["version"] == esquema("error")["version"]
    assert _sample("evaluar-lote")["version"] == esquema("evaluar-lote")["version"]


def test_a_wrong_type_is_refused_too() -> None:
    data = _sample("asignar")
    data["asignaciones"][0]["puntaje"] = 87.5  # a float, never: decimals are text
    assert validar("asignar", data)
    data = _sample("calendario")
    data[0]["hasta"] = "2026-02-05T10:00:00"  # an instant without its UTC offset
    assert validar("calendario", data)


def test_schemas_are_plain_utf8_json_with_a_final_newline() -> None:
    for path in sorted(DIRECTORIO.glob("*.schema.json")):
        raw = path.read_bytes()
        assert raw.endswith(b"}\n")
        json.loads(raw.decode("utf-8"))


def test_the_readme_documents_the_exit_codes_and_the_json_error_shape() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for code in (0, 1, 2, 3, 141, 130):
        assert f"\n| {code} | " in readme, code
    example = readme.split("```json\n", 1)[1].split("```", 1)[0]
    assert validar("error", json.loads(example)) == []
