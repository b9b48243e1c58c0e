"""attrs validators shared by the domain classes; each raises :class:`InvalidValue` in Spanish."""

from __future__ import annotations

import re
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

__all__ = ["DERIVADO", "InvalidValue", "at_least", "between", "non_empty", "slug", "zone_name"]

DERIVADO = "derivado"
"""Field metadata key (``metadata={DERIVADO: True}``): a field the loader computes (a hash, the
positions of events), never read from a file; the loader refuses it as an unknown key."""

_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\Z")


class InvalidValue(ValueError):
    """A value that breaks a rule of the data, said in Spanish.

    ``campo`` names the attribute when a class validator raises it, so that the loader reports
    the problem at that key rather than at the start of the mapping.
    """

    def __init__(self, mensaje: str, campo: str | None = None) -> None:
        super().__init__(mensaje)
        self.campo = campo


def non_empty(_: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """Text that is not blank (``None`` passes: optional fields say so with their type)."""
    if value is not None and not value.strip():
        raise InvalidValue(f"'{attribute.name}' está vacío; se esperaba un texto", attribute.name)


def slug(_: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    """An identifier in lower case, digits and hyphens, like ``imss-cer-2026-2027``."""
    if not _SLUG.match(value):
        raise InvalidValue(
            f"identificador '{value}' inválido; se esperaban minúsculas sin acentos, dígitos y "
            "guiones, p. ej. 'medicina-interna'",
            attribute.name,
        )


def at_least(minimum: int) -> Any:
    """An integer no smaller than ``minimum``."""

    def check(_: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
        if value is not None and value < minimum:
            raise InvalidValue(
                f"'{attribute.name}' vale {value}; se esperaba un entero mayor o igual a {minimum}",
                attribute.name,
            )

    return check


def between(minimum: int, maximum: int) -> Any:
    """An integer from ``minimum`` to ``maximum``, both included."""

    def check(_: Any, attribute: attrs.Attribute[Any], value: int) -> None:
        if not minimum <= value <= maximum:
            raise InvalidValue(
                f"'{attribute.name}' vale {value}; se esperaba un entero de {minimum} a {maximum}",
                attribute.name,
            )

    return check


def zone_name(_: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    """A time-zone name that zoneinfo knows, like ``America/Mexico_City``."""
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise InvalidValue(
            f"zona horaria '{value}' desconocida; se esperaba un nombre IANA como "
            "'America/Mexico_City'",
            attribute.name,
        ) from None
