"""Grades on base 100: every grade is registered on base 100, and the ENARM calls say how to
carry other scales to it (imss-enarm-xlvi-2023 2.1 d; imss-enarm-xlix-2026-tercer-periodo 2.1 d)."""

from __future__ import annotations

from decimal import Decimal

from residencias.rules.puntaje.errores import CalificacionInvalidaError, EquivalenciaRequeridaError
from residencias.rules.puntaje.exacto import as_decimal, exacto, texto
from residencias.text import mostrar

__all__ = ["ARTICULO_CONVERSION", "base_100", "convertir_calificacion", "promedio_en_base_100"]

ARTICULO_CONVERSION = "imss-enarm-xlvi-2023, 2.1 d; imss-enarm-xlix-2026-tercer-periodo, 2.1 d)"
"""Where the calls say that every grade is registered on base 100, with their examples."""

_ESCALAS = (100, 10, 5)


def convertir_calificacion(valor: Decimal, escala: int, *, con_equivalencia: bool = False) -> Decimal:
    """A grade on ``escala`` carried to base 100, as the ENARM calls say (XLVI 2.1 d; XLIX 2.1 d):

    - scale 100 stays as written: "si el certificado de calificaciones dice 88.8, el campo [...]
      debe decir 88.8";
    - scale 10 is multiplied by 10: "8.88 (escala 10), registra 88.8";
    - scale 5 only with the official equivalence document ("para lo cual deberá tener su
      documento oficial de equivalencia"): "4.1 (escala 5), registra 82.0", i.e. times 20.
      Without the document the conversion is refused (:class:`EquivalenciaRequeridaError`);
    - any other scale is refused: the calls give no rule for it.

    Digits are kept as written: no rounding.

    >>> convertir_calificacion(Decimal("88.8"), 100)
    Decimal('88.8')
    >>> convertir_calificacion(Decimal("8.88"), 10)
    Decimal('88.8')
    >>> convertir_calificacion(Decimal("4.1"), 5, con_equivalencia=True)
    Decimal('82.0')
    >>> convertir_calificacion(Decimal("4.1"), 5)
    Traceback (most recent call last):
    ...
    residencias.rules.puntaje.errores.EquivalenciaRequeridaError: la calificación 4.1 está en escala de 5: ...
    """
    if isinstance(escala, bool) or not isinstance(escala, int) or escala not in _ESCALAS:
        raise CalificacionInvalidaError(
            f"escala {mostrar(escala)} no admitida: las convocatorias solo dicen cómo llevar a base 100 las "
            f"escalas 100, 10 y 5 ({ARTICULO_CONVERSION})"
        )
    number = as_decimal(valor, "calificación")
    if not Decimal(0) <= number <= escala:
        raise CalificacionInvalidaError(
            f"la calificación {texto(number)} no está en la escala de {escala}: se esperaba un número "
            f"de 0 a {escala}"
        )
    if escala == 100:
        return number
    if escala == 10:
        return exacto(lambda: number.scaleb(1), "conversión de escala 10 a base 100")
    if not con_equivalencia:
        raise EquivalenciaRequeridaError(
            f"la calificación {texto(number)} está en escala de 5: solo se convierte a base 100 con el "
            f"documento oficial de equivalencia ({ARTICULO_CONVERSION})"
        )
    return exacto(lambda: number * 20, "conversión de escala 5 a base 100")


def base_100(value: object, what: str) -> Decimal:
    number = as_decimal(value, what)
    if not Decimal(0) <= number <= 100:
        raise CalificacionInvalidaError(
            f"{what} vale {texto(number)}; se esperaba una calificación en base 100, de 0 a 100 "
            f"(para otra escala use convertir_calificacion; {ARTICULO_CONVERSION})"
        )
    return number


_PLAINLY_OTHER_SCALE = Decimal(10)


def promedio_en_base_100(valor: Decimal, escala: int = 100, *,
                         con_equivalencia: bool = False) -> Decimal:
    """The posgrado average (CER 6.1, Tabla 2) on base 100, from the scale it is written on.

    On scale 100, an average above 0 and up to 10 is plainly written on another scale (a base-100
    average that low is not one of approved grades): it is refused, pointing to the conversion of
    the ENARM calls, instead of being taken as 9.5 out of 100.

    >>> promedio_en_base_100(Decimal("9.5"), 10)
    Decimal('95')
    >>> promedio_en_base_100(Decimal("9.5"))
    Traceback (most recent call last):
    ...
    residencias.rules.puntaje.errores.CalificacionInvalidaError: el promedio 9.5 parece estar en ...
    """
    number = as_decimal(valor, "promedio de posgrado")
    if escala == 100 and Decimal(0) < number <= _PLAINLY_OTHER_SCALE:
        raise CalificacionInvalidaError(
            f"el promedio {texto(number)} parece estar en escala de 10, no en base 100: las convocatorias "
            f"piden registrar toda calificación en base 100 («8.88 (escala 10), registra 88.8»; "
            f"{ARTICULO_CONVERSION}); indique la escala en que está escrito (p. ej. --escala-promedio 10) "
            "o regístrelo ya convertido"
        )
    return convertir_calificacion(number, escala, con_equivalencia=con_equivalencia)
