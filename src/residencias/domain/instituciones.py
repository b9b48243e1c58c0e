"""Whether an institution name a person writes is the IMSS: the CER call is for residents of
institutions «distintas al IMSS» (imss-cer-2026-2027, Convocan; 1.1; 1.2).

A person writes the name of their institution as they please ("IMSS", "I.M.S.S.", "Instituto
Mexicano del Seguro Social", "IMSS UMAE Hospital de Especialidades CMN Siglo XXI"), so the name
is compared after folding accents, case and punctuation, and an acronym written with dots or
blanks is read whole. That reading is the library's, not the document's: :func:`reconocer` says
whether it was needed (``exacto`` is ``False``), and the rule that reads it declares it as a
``supuesto``.

A name is the IMSS when it carries the acronym or the full name; it is another institution when
it names one of the Sector Salud (ISSSTE, Secretaría de Salud, SEDENA, SEMAR, PEMEX, a state's
health services, a national institute); anything else is not recognised (``None``): the answer is
«falta información», never «no es el IMSS». IMSS-Bienestar (and the IMSS COPLAMAR programme) is
not decided: the call does not say whether it counts as the IMSS.

>>> reconocer("IMSS").es_imss, reconocer("IMSS").exacto
(True, True)
>>> reconocer("I.M.S.S.").es_imss, reconocer("imss").exacto
(True, False)
>>> reconocer("IMSS UMAE Hospital de Especialidades CMN Siglo XXI").es_imss
True
>>> reconocer("Secretaría de Salud, Hospital General de México").es_imss
False
>>> print(reconocer("Hospital Ángeles").es_imss, reconocer("IMSS-Bienestar").es_imss)
None None
"""

from __future__ import annotations

import attrs

from residencias.text import normalize_name

__all__ = ["EXACTOS_IMSS", "Reconocimiento", "reconocer"]

EXACTOS_IMSS = ("IMSS", "Instituto Mexicano del Seguro Social")
"""How the documents write the IMSS; a name written exactly so needs no folding."""

_IMSS_PHRASE = "instituto mexicano del seguro social"
_AMBIGUOUS = ("bienestar", "coplamar")
_OTHER_TOKENS = frozenset({"issste", "ssa", "sedena", "semar", "pemex", "insabi", "issemym",
                           "isssteleon", "issstep", "issstezac", "issstecali", "isstech", "issstson", "dif"})
_OTHER_PHRASES = ("secretaria de salud", "servicios de salud", "instituto nacional de",
                  "secretaria de marina", "secretaria de la defensa nacional", "defensa nacional",
                  "petroleos mexicanos", "hospital general de mexico", "hospital juarez de mexico",
                  "hospital infantil de mexico",
                  "instituto de seguridad y servicios sociales de los trabajadores del estado")


@attrs.frozen
class Reconocimiento:
    """What a name says: the IMSS (``True``), another institution (``False``), or not known
    (``None``); ``exacto`` when the name is written as the documents write the IMSS."""

    es_imss: bool | None
    exacto: bool


def _tokens(name: str) -> list[str]:
    """The words of the folded name, with runs of single letters joined ("i m s s" -> "imss")."""
    out: list[str] = []
    run = ""
    for word in normalize_name(name).split():
        if len(word) == 1 and word.isalpha():
            run += word
            continue
        if run:
            out.append(run)
            run = ""
        out.append(word)
    if run:
        out.append(run)
    return out


def reconocer(nombre: str) -> Reconocimiento:
    """Read an institution name (see the module docstring)."""
    if nombre.strip() in EXACTOS_IMSS:
        return Reconocimiento(True, True)
    tokens = _tokens(nombre)
    text = " ".join(tokens)
    imss = "imss" in tokens or _IMSS_PHRASE in text
    if imss and any(word in tokens for word in _AMBIGUOUS):
        return Reconocimiento(None, False)
    if imss:
        return Reconocimiento(True, False)
    if _OTHER_TOKENS.intersection(tokens) or any(phrase in text for phrase in _OTHER_PHRASES):
        return Reconocimiento(False, False)
    return Reconocimiento(None, False)
