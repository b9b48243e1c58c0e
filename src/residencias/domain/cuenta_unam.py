"""Número de cuenta UNAM: the account number the UNAM registration asks for.

The "Primer ingreso" 2026 instructions (document 000, screen "Número de cuenta UNAM") say who has
one (previous studies at the UNAM at any level, or a licenciatura at a school incorporated to the
UNAM) and how to type it:

    Para el NÚMERO DE CUENTA agregue un CERO a la izquierda si su generación es anterior al año
    2000 y el número de cuenta es de 8 dígitos, además omita el guión que separa al dígito
    verificador. Por ejemplo para el número de cuenta 9025888-5 se tendría que escribir el número
    090258885

So the canonical number has 9 digits, the check digit included and no hyphen. :func:`compact`
drops blanks and the hyphen before the last digit, and puts the zero in front of 8 digits:

>>> compact("9025888-5")
'090258885'
>>> compact("31012345-6")
'310123456'

A resident without an account number gets a provisional one ("NÚMERO DE CUENTA PROVISIONAL"),
which the screens show as ``EM`` and 7 digits (``EM0000001``, ``EM2400000``); the definitive
number comes with the e-mail confirming the enrollment:

>>> validate("em0000001")
'EM0000001'
>>> es_provisional("EM2400000"), es_provisional("090258885")
(True, False)

Anything else is refused, with :class:`~residencias.domain.identificadores.InvalidIdentifierError`
(``parte`` is ``longitud`` or ``formato``). The document names a check digit but does not say how
it is computed, so it is not checked.

>>> validate("9025888")
Traceback (most recent call last):
    ...
residencias.domain.identificadores.InvalidIdentifierError: número de cuenta UNAM '9025888' inválido: \
tiene 7 dígitos; se esperaban 9, u 8 de una generación anterior a 2000 (se completan con un cero \
a la izquierda: 9025888-5 se escribe 090258885)
>>> is_valid("90-25888-5")
False
"""

from __future__ import annotations

import re

from residencias.domain.identificadores import InvalidIdentifierError

__all__ = ["InvalidIdentifierError", "compact", "es_provisional", "is_valid", "validate"]

TIPO = "número de cuenta UNAM"

_BLANCOS = re.compile(r"\s+")
_CON_GUION = re.compile(r"([0-9]+)-([0-9])")
_DEFINITIVO = re.compile(r"[0-9]{9}")
_PROVISIONAL = re.compile(r"EM[0-9]{7}")
_DIGITOS = re.compile(r"[0-9]+")


def compact(number: str) -> str:
    """The number without blanks, in upper case, without the hyphen before the check digit, and
    with a zero in front when it has 8 digits (a generation before 2000)."""
    number = _BLANCOS.sub("", number).upper()
    separado = _CON_GUION.fullmatch(number)
    if separado:
        number = separado.group(1) + separado.group(2)
    if len(number) == 8 and _DIGITOS.fullmatch(number):
        number = "0" + number
    return number


def _refuse(original: str, number: str, parte: str, detalle: str) -> InvalidIdentifierError:
    return InvalidIdentifierError(
        TIPO, original, parte, f"número de cuenta UNAM '{number}' inválido: {detalle}"
    )


def validate(number: str) -> str:
    """The compacted number if it has 9 digits or is provisional (``EM`` and 7 digits); else
    :class:`InvalidIdentifierError`."""
    original = number
    number = compact(number)
    if _DEFINITIVO.fullmatch(number) or _PROVISIONAL.fullmatch(number):
        return number
    if _DIGITOS.fullmatch(number):
        raise _refuse(
            original, number, "longitud",
            f"tiene {len(number)} dígitos; se esperaban 9, u 8 de una generación anterior a 2000 "
            "(se completan con un cero a la izquierda: 9025888-5 se escribe 090258885)",
        )
    if number.startswith("EM") and _DIGITOS.fullmatch(number[2:]):
        raise _refuse(
            original, number, "longitud",
            f"el número provisional tiene {len(number) - 2} dígitos después de EM; se esperaban 7, "
            "como en EM0000001",
        )
    if "-" in number and _DIGITOS.fullmatch(number.replace("-", "")):
        raise _refuse(
            original, number, "formato",
            "el guion solo separa el dígito verificador (el último dígito), y se omite",
        )
    raise _refuse(
        original, number, "formato",
        "se esperaban 9 dígitos (p. ej. 090258885) o un número provisional EM y 7 dígitos "
        "(p. ej. EM0000001)",
    )


def is_valid(number: str) -> bool:
    """Whether :func:`validate` accepts the number."""
    try:
        validate(number)
    except InvalidIdentifierError:
        return False
    return True


def es_provisional(number: str) -> bool:
    """Whether the number is a valid provisional one (``EM`` and 7 digits), given to a resident
    without an account number until the definitive one is notified."""
    return is_valid(number) and _PROVISIONAL.fullmatch(compact(number)) is not None
