"""Start-up: ``import residencias`` and ``residencias --version`` load none of the heavy libraries
(each subcommand imports what it needs when it runs), and the lazy public API (PEP 562) still
serves every name of ``__all__``, the same objects as the modules that define them."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

import residencias
from residencias import domain
from residencias.cli.asignacion import LECTURAS
from residencias.cli.reglas import CATEGORIAS
from residencias.domain.asignacion import Lectura
from residencias.rules.checklist import Categoria

PESADAS = ("cattrs", "holidays", "icalendar", "stdnum", "jinja2", "yaml")
"""Libraries that only some subcommands need."""


def _modules_after(code: str) -> list[str]:
    """The top-level packages in ``sys.modules`` after running ``code`` in a fresh interpreter."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return list(json.loads(done.stdout.splitlines()[-1]))


@pytest.mark.parametrize(
    "code",
    [
        "import residencias",
        "import residencias; residencias.__version__",
        "from residencias.cli import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass",
        "from residencias.cli import main\nmain(['--help'])",
    ],
)
def test_start_up_imports_no_heavy_library(code: str) -> None:
    loaded = _modules_after(code)
    assert [m for m in PESADAS if m in loaded] == []


def test_a_subcommand_imports_what_it_needs() -> None:
    """The counterpart: the libraries are there once a subcommand that needs them has run."""
    loaded = _modules_after("from residencias.cli import main\nmain(['mostrar', 'imss-cer-2026-2027'])")
    assert {"cattrs", "yaml"} <= set(loaded)


def test_the_version_is_printed_without_loading_the_library() -> None:
    done = subprocess.run([sys.executable, "-m", "residencias", "--version"], capture_output=True, text=True,
                          check=True)
    assert done.stdout == f"residencias {residencias.__version__}\n"


@pytest.mark.parametrize("name", residencias.__all__)
def test_every_public_name_is_served_lazily(name: str) -> None:
    """Each name of ``__all__`` resolves to the object of the module that defines it."""
    value = getattr(residencias, name)
    origen = residencias._ORIGEN[name]
    assert value is getattr(importlib.import_module(origen), name)


def test_the_lazy_api_is_exact() -> None:
    assert sorted(residencias.__all__) == sorted(residencias._ORIGEN)
    assert len(set(residencias.__all__)) == len(residencias.__all__)
    assert set(residencias.__all__) <= set(dir(residencias))
    with pytest.raises(AttributeError, match="no_existe"):
        residencias.no_existe  # noqa: B018
    namespace: dict[str, object] = {}
    exec("from residencias import *", namespace)
    assert set(residencias.__all__) <= set(namespace)


def test_the_lazy_domain_is_exact() -> None:
    assert sorted(domain.__all__) == sorted(domain._ORIGEN)
    for name in domain.__all__:
        assert getattr(domain, name) is getattr(importlib.import_module(domain._ORIGEN[name]), name)


def test_the_choices_written_out_are_the_enums() -> None:
    """The parser lists these choices without importing the enums; they must be the same values."""
    assert tuple(c.value for c in Categoria) == CATEGORIAS
    assert tuple(lectura.value for lectura in Lectura) == LECTURAS
