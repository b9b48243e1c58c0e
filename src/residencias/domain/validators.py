"""attrs validators shared by the domain classes; each raises :class:`InvalidValue` in Spanish."""

from __future__ import annotations

import re
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from residencias.errors import ResidenciasError
from residencias.text import extracto

__all__ = ["DERIVADO", "InvalidValue", "at_least", "between", "non_empty", "slug", "texto", "zone_name"]

DERIVADO = "derivado"
"""Field metadata key (``metadata={DERIVADO: True}``): a field the loader computes (a hash, the
positions of events), never read from a file; the loader refuses it as an unknown key."""

_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\Z")


class InvalidValue(ResidenciasError, ValueError):
    """A value that breaks a rule of the data, said in Spanish.

    A :class:`~residencias.errors.ResidenciasError` (what a public constructor such as
    ``Sede("X", plazas=-1)`` raises) and a :class:`ValueError` (what attrs and cattrs expect of a
    validator). ``campo`` names the attribute when a class validator raises it, so that the loader
    reports the problem at that key rather than at the start of the mapping.
    """

    def __init__(self, mensaje: str, campo: str | None = None) -> None:
        super().__init__(mensaje)
        self.campo = campo


def _kind(value: object) -> str:
    return f"{type(value).__name__} {extracto(value)}"


def texto(value: object) -> object:
    """Converter for identifiers and names: text loses its surrounding blanks (the CSV reader
    strips every cell, so a YAML value and a CSV cell mean the same); anything else is left for
    the validator to refuse."""
    return value.strip() if isinstance(value, str) else value


def non_empty(_: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """Text that is not blank (``None`` passes where the field has a default: optional fields say
    so with their type; a required field refuses it)."""
    if value is None:
        if attribute.default is attrs.NOTHING:
            raise InvalidValue(f"falta '{attribute.name}'; se esperaba un texto", attribute.name)
        return
    if not isinstance(value, str):
        raise InvalidValue(f"'{attribute.name}' debe ser texto, se recibió {_kind(value)}", attribute.name)
    if not value.strip():
        raise InvalidValue(f"'{attribute.name}' está vacío; se esperaba un texto", attribute.name)


def slug(_: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    """An identifier in lower case, digits and hyphens, like ``imss-cer-2026-2027``."""
    if not isinstance(value, str) or not _SLUG.match(value):
        raise InvalidValue(
            f"identificador '{extracto(value)}' inválido; se esperaban minúsculas sin acentos, dígitos y "
            "guiones, p. ej. 'medicina-interna'",
            attribute.name,
        )


def at_least(minimum: int) -> Any:
    """An integer no smaller than ``minimum``."""

    def check(_: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
        if value is not None and (type(value) is not int or value < minimum):
            raise InvalidValue(
                f"'{attribute.name}' vale {extracto(value)}; se esperaba un entero mayor o igual a {minimum}",
                attribute.name,
            )

    return check


def between(minimum: int, maximum: int) -> Any:
    """An integer from ``minimum`` to ``maximum``, both included."""

    def check(_: Any, attribute: attrs.Attribute[Any], value: int) -> None:
        if type(value) is not int or not minimum <= value <= maximum:
            raise InvalidValue(
                f"'{attribute.name}' vale {extracto(value)}; se esperaba un entero de {minimum} a {maximum}",
                attribute.name,
            )

    return check


def zone_name(_: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    """A time-zone name that zoneinfo knows, like ``America/Mexico_City``."""
    try:
        if not isinstance(value, str):
            raise TypeError(value)
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError, TypeError):
        raise InvalidValue(
            f"zona horaria '{extracto(value)}' desconocida; se esperaba un nombre IANA como "
            "'America/Mexico_City'",
            attribute.name,
        ) from None
