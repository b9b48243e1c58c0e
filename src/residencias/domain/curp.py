"""CURP (Clave Única de Registro de Población), checked part by part.

Every convocatoria asks for the CURP: the UNAM registration starts with it ("Ingresar nombre
completo y CURP") and refuses whoever has none; the IMSS calls ask for the document issued by the
Secretaría de Gobernación. The library checks its shape, not whether RENAPO issued it.

A CURP has 18 characters, in this order (positions counted from 1):

====== ========================================================================
1-4    four letters from the surnames and the given name
5-10   birth date, ``AAMMDD``
11     sex: ``H`` (hombre) or ``M`` (mujer)
12-13  state of birth: one of the 32 entidades, or ``NE`` (nacido en el extranjero)
14-16  the first internal consonants of the surnames and the name (``X`` when there is none)
17     homoclave: a digit for people born up to 1999, a letter from 2000 on
18     check digit
====== ========================================================================

Compacting (:func:`compact`) upper-cases and drops blanks and hyphens. :func:`validate` then
checks, in this order, and says in Spanish which part failed, naming it in the ``parte`` of the
:class:`~residencias.domain.identificadores.InvalidIdentifierError`:

- ``formato``: no Ñ, because the registry writes X in its place (a CURP typed with Ñ is refused
  with that explanation, never converted silently);
- ``longitud``: 18 characters;
- ``formato``: every position holds the kind of character above (letters, digits, consonants);
- ``palabra_inconveniente``: the four first letters are not one of the words the registry never
  issues (it writes X as the second letter instead), as python-stdnum lists them;
- ``fecha``: the birth date exists (the century follows the homoclave);
- ``estado``: a known state code, as python-stdnum has them (:data:`ESTADOS`);
- ``sexo``: ``H`` or ``M``;
- ``digito_verificador``: each of the first 17 characters has a value in
  ``0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ`` (``0`` is 0, ``A`` is 10, ``O`` is 25: the ``&``
  holds the place of the Ñ), multiplied by
  18 minus its 0-based position; the check digit is ``(10 - suma % 10) % 10``, as python-stdnum
  computes it.

Then ``stdnum.mx.curp.validate`` has the last word. Nothing depends on the date of the check: a
birth date in the future is not refused here.

>>> compact(" mugm-950101-mdfxrr07 ")
'MUGM950101MDFXRR07'
>>> validate("MUGM950101MDFXRR07")
'MUGM950101MDFXRR07'
>>> is_valid("MUGM950101MDFXRR08")
False
>>> validate("MUGM950101MDFXRR08")
Traceback (most recent call last):
    ...
residencias.domain.identificadores.InvalidIdentifierError: CURP 'MUGM950101MDFXRR08' inválida: \
el dígito verificador (posición 18) es 8; se esperaba 7
>>> validate("MUGM950101MDFÑRR07")
Traceback (most recent call last):
    ...
residencias.domain.identificadores.InvalidIdentifierError: CURP 'MUGM950101MDFÑRR07' inválida: \
la CURP no lleva Ñ, el registro escribe X en su lugar: 'MUGM950101MDFXRR07'

Which part failed:

>>> def parte(texto):
...     try:
...         validate(texto)
...     except InvalidIdentifierError as err:
...         return err.parte
>>> parte("MUGM950101MDFXRR0")
'longitud'
>>> parte("MUGM95O101MDFXRR07")
'formato'
>>> parte("HEGA950229MOCRRN02")
'fecha'
>>> parte("GOLA850315HXXNPN00")
'estado'
>>> parte("GOLA850315XJCNPN01")
'sexo'
>>> parte("PUTO950101HDFRRR06")
'palabra_inconveniente'

What the CURP says:

>>> get_fecha_nacimiento("HEGA040229MOCRRNA1")
datetime.date(2004, 2, 29)
>>> get_sexo("HEGA040229MOCRRNA1"), get_estado("HEGA040229MOCRRNA1")
('M', 'Oaxaca')
>>> calc_check_digit("BOXW310820HNERXN0")
'9'
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from types import MappingProxyType

from stdnum import exceptions as stdnum_exceptions
from stdnum.mx import curp as stdnum_curp

from residencias.domain.identificadores import InvalidIdentifierError

__all__ = [
    "ESTADOS",
    "PALABRAS_INCONVENIENTES",
    "InvalidIdentifierError",
    "calc_check_digit",
    "compact",
    "get_estado",
    "get_fecha_nacimiento",
    "get_sexo",
    "is_valid",
    "validate",
]

TIPO = "CURP"

ESTADOS: MappingProxyType[str, str] = MappingProxyType({
    "AS": "Aguascalientes",
    "BC": "Baja California",
    "BS": "Baja California Sur",
    "CC": "Campeche",
    "CL": "Coahuila",
    "CM": "Colima",
    "CS": "Chiapas",
    "CH": "Chihuahua",
    "DF": "Ciudad de México",
    "DG": "Durango",
    "GT": "Guanajuato",
    "GR": "Guerrero",
    "HG": "Hidalgo",
    "JC": "Jalisco",
    "MC": "Estado de México",
    "MN": "Michoacán",
    "MS": "Morelos",
    "NT": "Nayarit",
    "NL": "Nuevo León",
    "OC": "Oaxaca",
    "PL": "Puebla",
    "QT": "Querétaro",
    "QR": "Quintana Roo",
    "SP": "San Luis Potosí",
    "SL": "Sinaloa",
    "SR": "Sonora",
    "TC": "Tabasco",
    "TS": "Tamaulipas",
    "TL": "Tlaxcala",
    "VZ": "Veracruz",
    "YN": "Yucatán",
    "ZS": "Zacatecas",
    "NE": "Nacido en el extranjero",
})
"""State of birth (positions 12-13): the 32 entidades federativas and ``NE``, as python-stdnum has them."""

PALABRAS_INCONVENIENTES: frozenset[str] = frozenset({
    "BACA", "BAKA", "BUEI", "BUEY", "CACA", "CACO", "CAGA", "CAGO", "CAKA", "CAKO", "COGE", "COGI",
    "COJA", "COJE", "COJI", "COJO", "COLA", "CULO", "FALO", "FETO", "GETA", "GUEI", "GUEY", "JETA",
    "JOTO", "KACA", "KACO", "KAGA", "KAGO", "KAKA", "KAKO", "KOGE", "KOGI", "KOJA", "KOJE", "KOJI",
    "KOJO", "KOLA", "KULO", "LILO", "LOCA", "LOCO", "LOKA", "LOKO", "MAME", "MAMO", "MEAR", "MEAS",
    "MEON", "MIAR", "MION", "MOCO", "MOKO", "MULA", "MULO", "NACA", "NACO", "PEDA", "PEDO", "PENE",
    "PIPI", "PITO", "POPO", "PUTA", "PUTO", "QULO", "RATA", "ROBA", "ROBE", "ROBO", "RUIN", "SENO",
    "TETA", "VACA", "VAGA", "VAGO", "VAKA", "VUEI", "VUEY", "WUEI", "WUEY",
})
"""Four-letter words the registry never issues as positions 1-4, as python-stdnum has them."""

_ALFABETO = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ"
_SEPARADORES = re.compile(r"[\s\-]+")
_CONSONANTES = frozenset("BCDFGHJKLMNPQRSTVWXYZ")

# (start, end, allowed characters, what the positions hold, what they must be)
_LETRAS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DIGITOS = frozenset("0123456789")
_PARTES: tuple[tuple[int, int, frozenset[str], str, str], ...] = (
    (0, 4, _LETRAS, "las iniciales de apellidos y nombre", "letras"),
    (4, 10, _DIGITOS, "la fecha de nacimiento AAMMDD", "dígitos"),
    (10, 11, _LETRAS, "el sexo", "una letra (H o M)"),
    (11, 13, _LETRAS, "la entidad de nacimiento", "letras"),
    (13, 16, _CONSONANTES, "las consonantes internas de apellidos y nombre", "consonantes"),
    (16, 17, _LETRAS | _DIGITOS, "la homoclave", "una letra o un dígito"),
    (17, 18, _DIGITOS, "el dígito verificador", "un dígito"),
)


def compact(number: str) -> str:
    """The CURP in upper case, without blanks or hyphens (NFC, so that a typed Ñ stays one
    character and :func:`validate` can name it)."""
    return _SEPARADORES.sub("", unicodedata.normalize("NFC", number)).upper()


def calc_check_digit(number: str) -> str:
    """The check digit of the first 17 characters (upper-case letters and digits)."""
    suma = sum(_ALFABETO.index(c) * (18 - i) for i, c in enumerate(number[:17]))
    return str((10 - suma % 10) % 10)


def _refuse(original: str, number: str, parte: str, detalle: str) -> InvalidIdentifierError:
    return InvalidIdentifierError(TIPO, original, parte, f"CURP '{number}' inválida: {detalle}")


def _posiciones(start: int, end: int) -> str:
    return f"posición {end}" if end - start == 1 else f"posiciones {start + 1} a {end}"


def _check_format(original: str, number: str) -> None:
    if "Ñ" in number:
        sugerencia = number.replace("Ñ", "X")
        raise _refuse(
            original, number, "formato",
            f"la CURP no lleva Ñ, el registro escribe X en su lugar: '{sugerencia}'",
        )
    if len(number) != 18:
        raise _refuse(original, number, "longitud", f"tiene {len(number)} caracteres; se esperaban 18")
    for start, end, permitidos, que, como in _PARTES:
        trozo = number[start:end]
        if not set(trozo) <= permitidos:
            if end - start > 1:
                detalle = f"las {_posiciones(start, end)} ({que}) deben ser {como}"
            else:
                detalle = f"la {_posiciones(start, end)} ({que}) debe ser {como}"
            raise _refuse(original, number, "formato", f"{detalle}; se encontró '{trozo}'")


def _birth_date(number: str) -> date | None:
    """The birth date of a well-formed CURP, or None if no such day exists."""
    siglo = 1900 if number[16].isdigit() else 2000
    try:
        return date(siglo + int(number[4:6]), int(number[6:8]), int(number[8:10]))
    except ValueError:
        return None


def validate(number: str) -> str:
    """The CURP, compacted, if every part is right; else :class:`InvalidIdentifierError`."""
    original = number
    number = compact(number)
    _check_format(original, number)
    if number[:4] in PALABRAS_INCONVENIENTES:
        raise _refuse(
            original, number, "palabra_inconveniente",
            f"las iniciales '{number[:4]}' forman una palabra que el registro no asigna "
            "(escribe X como segunda letra)",
        )
    if _birth_date(number) is None:
        siglo = "19" if number[16].isdigit() else "20"
        raise _refuse(
            original, number, "fecha",
            f"la fecha de nacimiento '{number[4:10]}' (posiciones 5 a 10, AAMMDD; año "
            f"{siglo}{number[4:6]} según la homoclave) no existe",
        )
    if number[11:13] not in ESTADOS:
        raise _refuse(
            original, number, "estado",
            f"la entidad de nacimiento '{number[11:13]}' (posiciones 12 y 13) no existe; se esperaba "
            "la clave de una de las 32 entidades o NE (nacido en el extranjero)",
        )
    if number[10] not in "HM":
        raise _refuse(
            original, number, "sexo",
            f"el sexo '{number[10]}' (posición 11) no existe; se esperaba H (hombre) o M (mujer)",
        )
    esperado = calc_check_digit(number)
    if number[17] != esperado:
        raise _refuse(
            original, number, "digito_verificador",
            f"el dígito verificador (posición 18) es {number[17]}; se esperaba {esperado}",
        )
    try:
        return stdnum_curp.validate(number)
    except stdnum_exceptions.ValidationError as err:  # pragma: no cover - the checks above agree
        raise _refuse(original, number, "formato", f"python-stdnum la rechaza ({err})") from err


def is_valid(number: str) -> bool:
    """Whether :func:`validate` accepts the CURP."""
    try:
        validate(number)
    except InvalidIdentifierError:
        return False
    return True


def get_fecha_nacimiento(number: str) -> date:
    """The birth date in a valid CURP (the homoclave tells the century)."""
    fecha = _birth_date(validate(number))
    assert fecha is not None  # validate refuses a date that does not exist
    return fecha


def get_sexo(number: str) -> str:
    """``H`` (hombre) or ``M`` (mujer), as a valid CURP writes it."""
    return validate(number)[10]


def get_estado(number: str) -> str:
    """The name of the state of birth in a valid CURP (``Nacido en el extranjero`` for ``NE``)."""
    return ESTADOS[validate(number)[11:13]]
