"""Exact Decimal arithmetic for scores: an operation that would have to round is refused, never
rounded (no document states a rounding); and how a number or a date is written for a person."""

from __future__ import annotations

import decimal
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from residencias.rules.puntaje.errores import CalificacionInvalidaError, PuntajeError
from residencias.text import EXTRACTO, extracto

__all__ = ["as_decimal", "exacto", "fecha_larga", "multiply", "texto"]

_EXACTO = decimal.Context(
    prec=100,
    rounding=decimal.ROUND_HALF_EVEN,
    traps=[decimal.Inexact, decimal.InvalidOperation, decimal.Overflow, decimal.DivisionByZero],
)


def exacto(operation: Callable[[], Decimal], what: str) -> Decimal:
    """Run ``operation`` where rounding is an error, not a silent change of the number."""
    try:
        with decimal.localcontext(_EXACTO):
            return operation()
    except decimal.Inexact:
        raise PuntajeError(
            f"{what}: el resultado tiene más dígitos de los que se pueden calcular sin redondear, "
            "y el documento no dice cómo redondear"
        ) from None


def multiply(a: Decimal, b: Decimal, what: str) -> Decimal:
    return exacto(lambda: a * b, what)


def texto(value: Decimal) -> str:
    """A Decimal as a person writes it: 84.075, never 8.4075E+1 (but a number too wide to write
    out, such as 1E+999999999, keeps its short form: see :func:`residencias.text.extracto`)."""
    if value.is_finite():
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)
        if len(value.as_tuple().digits) + abs(exponent) > EXTRACTO:
            return extracto(value)
    return format(value, "f")


_MESES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
          "octubre", "noviembre", "diciembre")


def fecha_larga(day: date) -> str:
    return f"{day.day} de {_MESES[day.month - 1]} de {day.year}"


def as_decimal(value: object, what: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        hint = f"; escriba Decimal(\"{extracto(value)}\")" if isinstance(value, float | str) else ""
        raise CalificacionInvalidaError(
            f"{what}: se esperaba un número decimal exacto (decimal.Decimal), se recibió "
            f"{type(value).__name__} {extracto(value)}{hint}"
        )
    number = Decimal(value)
    if not number.is_finite():
        raise CalificacionInvalidaError(f"{what}: se esperaba un número finito, se recibió {extracto(value)}")
    return number
