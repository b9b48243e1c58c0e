"""Comparing names the way a person reads them: accents, case and punctuation ignored.

The documents spell one specialty several ways ("Medicina Interna", "Medicina interna",
"Gineco obstetricia"); the catalogue compares names only after :func:`normalize_name`.

>>> normalize_name("  Otorrinolaringología,   cirugía de cabeza y cuello ")
'otorrinolaringologia cirugia de cabeza y cuello'
>>> normalize_name("Cirugía General") == normalize_name("CIRUGIA general")
True
>>> normalize_name("Pediatri\\u0301a") == normalize_name("Pediatría")
True
"""

from __future__ import annotations

import difflib
import re
import reprlib
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache

__all__ = [
    "EXTRACTO",
    "closest",
    "extracto",
    "mostrar",
    "normalize_name",
    "quiso_decir",
    "strip_accents",
    "una_linea",
]

EXTRACTO = 40
"""How many characters of a bad value a message echoes, at most (:func:`extracto`)."""

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def strip_accents(text: str) -> str:
    """Drop combining marks after NFKD decomposition ("Ñ" becomes "N")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=8192)
def normalize_name(text: str) -> str:
    """Fold accents, case, punctuation and runs of blanks to one comparable key (cached: the
    same few hundred names are compared over and over)."""
    folded = strip_accents(text).casefold()
    return _NON_ALNUM.sub(" ", folded).strip()


def closest(word: str, candidates: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """The candidates closest to ``word`` (accents and case ignored), best first."""
    by_key: dict[str, str] = {}
    for candidate in candidates:
        by_key.setdefault(normalize_name(candidate), candidate)
    keys = difflib.get_close_matches(normalize_name(word), list(by_key), n=n, cutoff=cutoff)
    return [by_key[k] for k in keys]


def quiso_decir(word: str, candidates: Iterable[str], n: int = 1, cutoff: float = 0.6) -> str:
    """The "; ¿quiso decir ...?" hint for an unknown name, or "" when nothing is close.

    >>> quiso_decir("plaza", ["plazas", "clave"])
    "; ¿quiso decir 'plazas'?"
    >>> quiso_decir("x", ["plazas"])
    ''
    """
    near = closest(word, candidates, n=n, cutoff=cutoff)
    return "; ¿quiso decir " + " o ".join(f"'{c}'" for c in near) + "?" if near else ""


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _escape_control(match: re.Match[str]) -> str:
    char = match.group()
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char, f"\\x{ord(char):02x}" if ord(char) < 0x100
                                                       else f"\\u{ord(char):04x}")


def una_linea(text: str) -> str:
    """``text`` with its control characters and line breaks written as escapes (``\\n``,
    ``\\x1b``): a file name or a value that fits on the one line of a message, and that cannot
    move a terminal's cursor or change its colours.

    >>> una_linea("a\\nb\\x1b[2J")
    'a\\\\nb\\\\x1b[2J'
    """
    return _CONTROL.sub(_escape_control, text)


def extracto(value: object, limite: int = EXTRACTO) -> str:
    """A short, one-line excerpt of a value taken from input, for a message that echoes it:
    control characters and line breaks written as escapes, long text cut with its length, huge
    numbers described rather than written out. Every message that quotes input uses it, so that a
    5,000-digit number or a 1 GB line never makes a 1 GB message.

    >>> extracto("000123")
    '000123'
    >>> extracto("x" * 100)
    'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… (100 caracteres)'
    >>> extracto("a\\x1b[31mb\\nc")
    'a\\\\x1b[31mb\\\\nc'
    >>> extracto(Decimal("1e999999999")), extracto(Decimal("87.50"))
    ('1E+999999999', '87.50')
    >>> extracto(10 ** 5000)
    'un entero de 5001 dígitos'
    """
    if isinstance(value, int) and not isinstance(value, bool):
        digits = len(str(abs(value))) if value.bit_length() < 4 * limite else _digits(value)
        return str(value) if digits <= limite else f"un entero de {digits} dígitos"
    if isinstance(value, Decimal):
        if value.is_finite():
            exponent = value.as_tuple().exponent
            assert isinstance(exponent, int)
            wide = len(value.as_tuple().digits) + abs(exponent) <= limite
            text = format(value, "f") if wide and exponent < 0 else str(value)
        else:
            text = str(value)
        return _cut(text, limite)
    if not isinstance(value, str):
        short = reprlib.Repr()
        short.maxstring = short.maxother = limite
        return _cut(short.repr(value), limite)
    return _cut(value, limite)


def mostrar(value: object) -> str:
    """:func:`extracto` written as Python writes a value: text between quotes.

    >>> mostrar("x"), mostrar(3), mostrar(None)
    ("'x'", '3', 'None')
    """
    return f"'{extracto(value)}'" if isinstance(value, str) else extracto(value)


def _digits(value: int) -> int:
    """The number of decimal digits of a (huge) integer, without converting it to text."""
    value = abs(value)
    guess = max(1, int(value.bit_length() * 0.30102999566398120))
    return guess + 1 if value >= 10 ** guess else guess


def _cut(text: str, limite: int) -> str:
    """At most ``limite`` characters once control characters are escaped, else a cut with the
    original length."""
    if len(text) <= limite:
        escaped = _CONTROL.sub(_escape_control, text)
        if len(escaped) <= limite:
            return escaped
    out: list[str] = []
    used = 0
    for char in text[:limite]:
        shown = _CONTROL.sub(_escape_control, char)
        if used + len(shown) > limite - 1:
            break
        out.append(shown)
        used += len(shown)
    return "".join(out) + f"… ({len(text)} caracteres)"
