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
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["closest", "normalize_name", "quiso_decir", "strip_accents"]

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
