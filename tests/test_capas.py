"""The house: layers that only point down, and no circle of imports.

`lint-imports` (import-linter, run by .ci/run) checks the layers contract written in
pyproject.toml; this test reads the same contract and checks, with the standard library only,
what that contract cannot say: that no module imports another in a circle (inside a package
too), and that nothing below the public API imports the root package ``residencias``.
"""

from __future__ import annotations

import ast
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "residencias"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path, name: str, known: set[str]) -> Iterator[tuple[str, int]]:
    """Every ``residencias`` module imported by a file (at any depth, TYPE_CHECKING included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                       for alias in node.names]
        else:
            continue
        for written in targets:
            if written == "residencias" or written.startswith("residencias."):
                target = written
                while target not in known:
                    target = target.rpartition(".")[0]
                yield target, node.lineno


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: {t for t, _ in _imports(path, name, known) if t != name}
            for name, path in modules.items()}


def _layer_of(module: str, layers: list[list[str]]) -> int | None:
    tail = module.split(".")[1] if "." in module else ""
    for index, line in enumerate(layers):
        if tail in line:
            return index
    return None


def _contract_layers() -> list[list[str]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = config["tool"]["importlinter"]["contracts"]
    return [[part.strip().strip("()") for part in line.split("|")] for line in contract["layers"]]


def test_no_module_imports_in_a_circle() -> None:
    graph = _graph()
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    assert circles == []


def test_every_module_is_on_a_layer_and_points_down() -> None:
    layers = _contract_layers()
    graph = _graph()
    upward = []
    for source, targets in graph.items():
        if source == "residencias":
            continue  # the public API: it re-exports every layer below the CLI
        source_layer = _layer_of(source, layers)
        assert source_layer is not None, f"{source} is on no layer of pyproject.toml"
        for target in targets:
            target_layer = _layer_of(target, layers)
            if target == "residencias":
                if not source.startswith(("residencias.cli", "residencias.__main__")):
                    upward.append((source, target))
                continue
            assert target_layer is not None
            same_line = source_layer == target_layer
            same_room = source.split(".")[1] == target.split(".")[1]
            if target_layer < source_layer or (same_line and not same_room):
                upward.append((source, target))
    assert upward == []


@pytest.mark.parametrize("planted", ["from residencias.cli import main", "import residencias"])
def test_the_check_sees_an_upward_import(planted: str, tmp_path: Path) -> None:
    """The check itself: an import planted in the domain is reported."""
    layers = _contract_layers()
    known = set(_modules())
    fake = tmp_path / "residencias" / "domain" / "plantado.py"
    fake.parent.mkdir(parents=True)
    fake.write_text(planted + "\n", encoding="utf-8")
    (target, _), = _imports(fake, "residencias.domain.plantado", known)
    domain, target_layer = _layer_of("residencias.domain.plantado", layers), _layer_of(target, layers)
    assert target == "residencias" or (domain is not None and target_layer is not None
                                       and target_layer < domain)
