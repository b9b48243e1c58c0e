"""Teléfonos y correos electrónicos: the contact data of the "Solicitud de Inscripción".

The IMSS registration prints the "Solicitud de Inscripción a Estudios de Posgrado" only when every
field is filled in the format asked for. Both ENARM calls give examples of what blocks it:

- XLVI ENARM (2023), 1.6: "llenar teléfono a 8 dígitos en lugar de los 10 requeridos en el
  campo, colocar solo un número telefónico en lugar de los dos solicitados";
- XLIX ENARM (2026, tercer periodo), 1.5: "Teléfono con ocho dígitos en lugar de los diez
  requeridos", "Captura de un solo número cuando se solicitan dos", "Registro de una sola
  dirección de correo electrónico cuando el formato exige dos".

A telephone number has 10 digits; spaces, hyphens and parentheses may be typed and are dropped:

>>> compact_telefono("(55) 5623-2300")
'5556232300'
>>> validate_telefono("55 5623 2300")
'5556232300'
>>> validate_telefono("5623-2300")
Traceback (most recent call last):
    ...
residencias.domain.identificadores.InvalidIdentifierError: teléfono '5623-2300' inválido: tiene 8 \
dígitos en lugar de los 10 requeridos; así no se puede imprimir la Solicitud de Inscripción \
(XLVI 1.6, XLIX 1.5)

An e-mail address is checked by its syntax only (no network): one ``@``, a local part of ASCII
letters, digits and ``!#$%&'*+/=?^_`{|}~-`` in dot-separated pieces, and a domain of at least two
labels whose last one is made of letters. Blanks around it are dropped and the domain is written
in lower case (the local part keeps its case):

>>> validate_correo(" Ana.Perez@Example.COM ")
'Ana.Perez@example.com'
>>> is_valid_correo("ana.perez@example"), is_valid_correo("peña@example.com")
(False, False)

:func:`revisar_contacto` gives the reasons why the Solicitud could not be printed, each citing
the articles; none when the contact data is complete:

>>> revisar_contacto(["55 5623 2300", "56232107"], ["ana@example.com"])
("XLVI 1.6, XLIX 1.5: el teléfono '56232107' tiene 8 dígitos en lugar de los 10 requeridos", \
'XLIX 1.5: se registró una sola dirección de correo electrónico cuando el formato exige dos')
>>> revisar_contacto(["5556232300", "5556232107"], ["ana@example.com", "ana@example.org"])
()
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from residencias.domain.identificadores import InvalidIdentifierError

__all__ = [
    "InvalidIdentifierError",
    "compact_correo",
    "compact_telefono",
    "correos_completos",
    "is_valid_correo",
    "is_valid_telefono",
    "revisar_contacto",
    "telefonos_completos",
    "validate_correo",
    "validate_telefono",
]

DIGITOS_TELEFONO = 10
"""Digits of a telephone number (XLVI 1.6, XLIX 1.5: "los 10 requeridos")."""

TELEFONOS_SOLICITADOS = 2
"""Telephone numbers the Solicitud asks for (XLVI 1.6, XLIX 1.5: "los dos solicitados")."""

CORREOS_SOLICITADOS = 2
"""E-mail addresses the Solicitud asks for (XLIX 1.5: "cuando el formato exige dos")."""

ARTICULOS_TELEFONO = "XLVI 1.6, XLIX 1.5"
ARTICULOS_CORREO = "XLIX 1.5"
ARTICULOS_FORMATO = "XLVI 1.6, XLIX 1.5"  # every field in the format asked for

_SEPARADORES_TELEFONO = re.compile(r"[\s\-()]+")
_DIGITOS = re.compile(r"[0-9]+")
_ATOMO = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LOCAL = re.compile(rf"{_ATOMO}(\.{_ATOMO})*")
_ETIQUETA = re.compile(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")
_TLD = re.compile(r"[a-z]{2,63}")


# --- Teléfonos ---------------------------------------------------------------------------------


def compact_telefono(number: str) -> str:
    """The number without blanks, hyphens or parentheses."""
    return _SEPARADORES_TELEFONO.sub("", number)


def _problema_telefono(number: str) -> tuple[str, str] | None:
    """``(parte, detalle)`` of what is wrong with a telephone number, or None."""
    digits = compact_telefono(number)
    if not digits:
        return "longitud", "está vacío; se requieren 10 dígitos"
    if not _DIGITOS.fullmatch(digits):
        if digits.startswith("+"):
            return "formato", "lleva clave de país; se requieren los 10 dígitos del número nacional"
        return "formato", "solo admite dígitos (y espacios, guiones o paréntesis); se requieren 10 dígitos"
    if len(digits) != DIGITOS_TELEFONO:
        return "longitud", f"tiene {len(digits)} dígitos en lugar de los 10 requeridos"
    return None


def validate_telefono(number: str) -> str:
    """The 10 digits of the number; else :class:`InvalidIdentifierError`."""
    problema = _problema_telefono(number)
    if problema is None:
        return compact_telefono(number)
    parte, detalle = problema
    mensaje = f"teléfono '{number.strip()}' inválido: {detalle}"
    if parte == "longitud" and len(compact_telefono(number)) == 8:
        mensaje += f"; así no se puede imprimir la Solicitud de Inscripción ({ARTICULOS_TELEFONO})"
    raise InvalidIdentifierError("teléfono", number, parte, mensaje)


def is_valid_telefono(number: str) -> bool:
    """Whether :func:`validate_telefono` accepts the number."""
    return _problema_telefono(number) is None


# --- Correos electrónicos ----------------------------------------------------------------------


def compact_correo(address: str) -> str:
    """The address without surrounding blanks, with its domain in lower case."""
    address = unicodedata.normalize("NFC", address).strip()
    local, arroba, dominio = address.rpartition("@")
    return f"{local}@{dominio.lower()}" if arroba else address


def _problema_correo(address: str) -> tuple[str, str] | None:
    """``(parte, detalle)`` of what is wrong with an e-mail address, or None."""
    address = compact_correo(address)
    if not address:
        return "longitud", "está vacío"
    if "@" not in address:
        return "formato", "no lleva arroba (@); se esperaba usuario@dominio"
    if address.count("@") > 1:
        return "formato", f"lleva {address.count('@')} arrobas (@); se esperaba una"
    if not address.isascii():
        return "formato", "lleva caracteres fuera de ASCII (acentos, ñ); se esperaban letras sin acento"
    if len(address) > 254:
        return "longitud", f"tiene {len(address)} caracteres; se esperaban 254 o menos"
    local, _, dominio = address.partition("@")
    if not local or len(local) > 64 or not _LOCAL.fullmatch(local):
        return "formato", (
            f"la parte antes de @ ('{local}') no es válida; se esperaban de 1 a 64 letras, dígitos "
            "o signos como . _ - +, sin puntos al principio, al final ni seguidos"
        )
    etiquetas = dominio.split(".")
    if (
        len(etiquetas) < 2
        or not all(_ETIQUETA.fullmatch(e) for e in etiquetas)
        or not _TLD.fullmatch(etiquetas[-1])
    ):
        return "formato", (
            f"el dominio ('{dominio}') no es válido; se esperaba algo como 'example.com' "
            "(etiquetas separadas por puntos, la última de letras)"
        )
    return None


def validate_correo(address: str) -> str:
    """The compacted address if its syntax is right; else :class:`InvalidIdentifierError`."""
    problema = _problema_correo(address)
    if problema is None:
        return compact_correo(address)
    parte, detalle = problema
    raise InvalidIdentifierError(
        "correo electrónico", address, parte,
        f"correo electrónico '{address.strip()}' inválido: {detalle}",
    )


def is_valid_correo(address: str) -> bool:
    """Whether :func:`validate_correo` accepts the address."""
    return _problema_correo(address) is None


# --- La Solicitud de Inscripción ---------------------------------------------------------------


def telefonos_completos(telefonos: Sequence[str]) -> bool:
    """Two (or more) telephone numbers captured, each of 10 digits (XLVI 1.6, XLIX 1.5)."""
    capturados = [t for t in telefonos if t.strip()]
    return len(capturados) >= TELEFONOS_SOLICITADOS and all(is_valid_telefono(t) for t in capturados)


def correos_completos(correos: Sequence[str]) -> bool:
    """Two (or more) e-mail addresses registered, each valid (XLIX 1.5)."""
    registrados = [c for c in correos if c.strip()]
    return len(registrados) >= CORREOS_SOLICITADOS and all(is_valid_correo(c) for c in registrados)


def revisar_contacto(telefonos: Sequence[str], correos: Sequence[str]) -> tuple[str, ...]:
    """The reasons, in Spanish and citing the articles, why the "Solicitud de Inscripción" could
    not be printed with these telephone numbers and e-mail addresses (in the order of the form);
    an empty tuple when nothing blocks it. Blank entries count as not captured."""
    if isinstance(telefonos, str) or isinstance(correos, str):
        raise TypeError("revisar_contacto espera listas de textos, no un texto")
    razones: list[str] = []
    capturados = [t for t in telefonos if t.strip()]
    if not capturados:
        razones.append(
            f"{ARTICULOS_TELEFONO}: no se capturó ningún número telefónico; se solicitan dos"
        )
    elif len(capturados) < TELEFONOS_SOLICITADOS:
        razones.append(
            f"{ARTICULOS_TELEFONO}: se capturó un solo número telefónico en lugar de los dos solicitados"
        )
    for telefono in capturados:
        problema = _problema_telefono(telefono)
        if problema is not None:
            razones.append(f"{ARTICULOS_TELEFONO}: el teléfono '{telefono.strip()}' {problema[1]}")
    registrados = [c for c in correos if c.strip()]
    if not registrados:
        razones.append(
            f"{ARTICULOS_CORREO}: no se registró ninguna dirección de correo electrónico; el formato "
            "exige dos"
        )
    elif len(registrados) < CORREOS_SOLICITADOS:
        razones.append(
            f"{ARTICULOS_CORREO}: se registró una sola dirección de correo electrónico cuando el "
            "formato exige dos"
        )
    for correo in registrados:
        problema = _problema_correo(correo)
        if problema is not None:
            razones.append(
                f"{ARTICULOS_FORMATO}: el correo electrónico '{correo.strip()}' no es válido: {problema[1]}"
            )
    return tuple(razones)
