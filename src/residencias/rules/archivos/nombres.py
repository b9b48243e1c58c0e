"""File names: the folding of the column NOMBRE, the name a row asks for, matching a file's name to
a row (exact, folded, or a typo by :mod:`difflib`) and the name check ("con el nombre especificado
igual que en la columna NOMBRE": XLVI, 2.1 nota 2; XLIX, 2.2.3)."""

from __future__ import annotations

import difflib
import os
import re

import attrs

from residencias.domain.archivos import EspecificacionArchivo
from residencias.errors import InvalidQueryError
from residencias.rules.archivos.hallazgos import Aspecto, Comprobacion
from residencias.rules.archivos.supuestos import EXTENSION, SUPUESTO_EXTENSION
from residencias.text import strip_accents

__all__ = ["Coincidencia", "check_nombre", "clave_de_nombre", "coincidencia", "nombre_esperado"]

_NOT_NAME = re.compile(r"[^A-Z0-9]+")
_TYPO_CUTOFF = 0.8


def clave_de_nombre(texto: str) -> str:
    """Fold a file name (without extension) the way the column NOMBRE is written.

    NFKD, combining marks dropped, upper case, only ``A-Z`` and ``0-9`` kept.
    """
    return _NOT_NAME.sub("", strip_accents(texto).upper())


def nombre_esperado(fila: EspecificacionArchivo) -> str:
    """The file name a row asks for: its NOMBRE plus ``.jpg``."""
    if fila.nombre is None:
        raise InvalidQueryError(f"la fila '{fila.documento}' ({fila.articulo}) no pide archivo")
    return f"{fila.nombre}{EXTENSION}"


@attrs.frozen
class Coincidencia:
    """How one file name relates to the table."""

    fila: EspecificacionArchivo | None
    forma: str
    """``exacto`` (name and extension right), ``normalizado`` (same after folding),
    ``parecido`` (one closest name by difflib) or ``ninguna``."""
    alternativas: tuple[str, ...] = ()


def coincidencia(archivo: str, filas: dict[str, EspecificacionArchivo]) -> Coincidencia:
    """The row a file name matches: exact, folded by :func:`clave_de_nombre`, or the one closest
    name by :mod:`difflib` (closest names that tie match none and are kept as alternatives)."""
    stem, ext = os.path.splitext(archivo)
    if stem in filas and ext.lower() == EXTENSION:
        return Coincidencia(filas[stem], "exacto")
    clave = clave_de_nombre(stem)
    if clave in filas:
        return Coincidencia(filas[clave], "normalizado")
    close = difflib.get_close_matches(clave, list(filas), n=3, cutoff=_TYPO_CUTOFF)
    if not close:
        return Coincidencia(None, "ninguna")
    ratios = {name: difflib.SequenceMatcher(None, clave, name).ratio() for name in close}
    best = max(ratios.values())
    tops = tuple(sorted(name for name, ratio in ratios.items() if ratio == best))
    if len(tops) == 1:
        return Coincidencia(filas[tops[0]], "parecido")
    return Coincidencia(None, "ninguna", tops)


def check_nombre(fila: EspecificacionArchivo, archivo: str, forma: str) -> Comprobacion:
    """The name check: the name of the column NOMBRE, with ``.jpg`` (XLVI, 2.1 nota 2; XLIX, 2.2.3;
    see :data:`~residencias.rules.archivos.supuestos.SUPUESTO_EXTENSION`)."""
    assert fila.nombre is not None
    stem, ext = os.path.splitext(archivo)
    esperado = nombre_esperado(fila)
    if stem == fila.nombre and ext.lower() == EXTENSION:
        if ext == EXTENSION:
            return Comprobacion(Aspecto.NOMBRE, True, f"se llama '{archivo}', como la columna NOMBRE")
        return Comprobacion(
            Aspecto.NOMBRE, True,
            f"se llama '{archivo}', como la columna NOMBRE (extensión '{ext}' aceptada)",
            (SUPUESTO_EXTENSION,),
        )
    problems: list[str] = []
    if forma == "parecido":
        problems.append(f"'{stem}' no está en la columna NOMBRE; el nombre más parecido es '{fila.nombre}'")
    elif stem != fila.nombre:
        problems.append(
            f"la columna NOMBRE dice '{fila.nombre}' (en mayúsculas, sin acentos ni símbolos) "
            f"y el archivo se llama '{stem}'"
        )
    if ext.lower() != EXTENSION:
        shown = f"la extensión es '{ext}'" if ext else "no tiene extensión"
        problems.append(f"{shown} y el formato de la tabla es «{fila.formato}» ('{EXTENSION}')")
    supuestos = (SUPUESTO_EXTENSION,) if ext.lower() == ".jpeg" else ()
    return Comprobacion(
        Aspecto.NOMBRE, False, f"debe llamarse '{esperado}': " + "; ".join(problems), supuestos
    )
