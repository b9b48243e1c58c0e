"""A package's public names served on first use (PEP 562).

The package says in which module each name lives; the first access imports that module and keeps
the value in the package, so that importing the package loads nothing it does not need (start-up:
``import residencias`` and ``residencias --version`` load no heavy library).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Any


def servir(paquete: str, origen: Mapping[str, str],
           publicos: Iterable[str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``paquete``: a name of ``origen`` is imported from its
    module on first use; any other is an ``AttributeError``, as for a plain module."""
    nombres = frozenset(publicos)

    def attribute(name: str) -> Any:
        modulo = origen.get(name)
        if modulo is None:
            raise AttributeError(f"module {paquete!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(modulo), name)
        setattr(sys.modules[paquete], name, value)  # the next access does not come here
        return value

    def names() -> list[str]:
        return sorted({*vars(sys.modules[paquete]), *nombres})

    return attribute, names
