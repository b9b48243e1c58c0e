"""argparse in Spanish, and the English that the standard library puts in a message.

argparse passes every message it prints through ``gettext`` (its module-level ``_`` and
``ngettext``), before filling in the names. :func:`en_espanol` puts a Spanish catalogue in their
place while the command line runs (and puts the originals back after), so the usage line, the
headings of ``--help`` and every complaint are Spanish, whatever the locale. A message missing
from the catalogue stays in English; ``tests/test_cli_espanol.py`` reads argparse's own source
and fails if the running Python has a message the catalogue lacks.

What the standard library (csv, json, the recursion limit) or libyaml says in English inside a
refusal is put in Spanish by :func:`traducir_fragmentos` before the command line prints it.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["CATALOGO", "CATALOGO_PLURAL", "FRAGMENTOS", "en_espanol", "ngettext", "traducir",
           "traducir_fragmentos"]

CATALOGO: dict[str, str] = {
    # what a person sees
    "usage: ": "uso: ",
    "positional arguments": "argumentos posicionales",
    "options": "opciones",
    "subcommands": "órdenes",
    "%(heading)s:": "%(heading)s:",
    " (default: %(default)s)": " (por omisión: %(default)s)",
    "show this help message and exit": "muestra esta ayuda y termina",
    "show program's version number and exit": "muestra la versión del programa y termina",
    "%(prog)s: error: %(message)s\n": "%(prog)s: error: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s: aviso: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumento %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "faltan argumentos obligatorios: %s",
    "one of the arguments %s is required": "hace falta uno de los argumentos %s",
    "unrecognized arguments: %s": "argumentos no reconocidos: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "valor no válido: %(value)r (elija entre %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "valor no válido para %(type)s: %(value)r",
    "expected one argument": "se esperaba un valor",
    "expected at most one argument": "se esperaba a lo sumo un valor",
    "expected at least one argument": "se esperaba al menos un valor",
    "not allowed with argument %s": "no se permite junto con el argumento %s",
    "ignored explicit argument %r": "se ignoró el valor explícito %r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "opción ambigua: %(option)s puede ser %(matches)s"
    ),
    "unexpected option string: %s": "opción inesperada: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "orden desconocida %(parser_name)r (órdenes: %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "no se pudo abrir '%(filename)s': %(error)s",
    "argument \"-\" with mode %r": "argumento \"-\" con modo %r",
    "command '%(parser_name)s' is deprecated": "la orden '%(parser_name)s' está en desuso",
    "option '%(option)s' is deprecated": "la opción '%(option)s' está en desuso",
    "argument '%(argument_name)s' is deprecated": "el argumento '%(argument_name)s' está en desuso",
    # mistakes of whoever writes the parser (a programmer, not the user); translated all the same
    "cannot have multiple subparser arguments": "no puede haber más de un argumento de órdenes",
    "conflicting subparser: %s": "orden repetida: %s",
    "conflicting subparser alias: %s": "alias de orden repetido: %s",
    ".__call__() not defined": ".__call__() no está definido",
    "cannot merge actions - two groups are named %r": (
        "no se pueden combinar las acciones: dos grupos se llaman %r"
    ),
    "'required' is an invalid argument for positionals": (
        "'required' no es un argumento válido para los posicionales"
    ),
    "invalid option string %(option)r: must start with a character %(prefix_chars)r": (
        "opción no válida %(option)r: debe empezar con un carácter %(prefix_chars)r"
    ),
    "dest= is required for options like %r": "dest= es obligatorio para opciones como %r",
    "invalid conflict_resolution value: %r": "valor no válido de conflict_resolution: %r",
    "mutually exclusive arguments must be optional": (
        "los argumentos mutuamente excluyentes deben ser opcionales"
    ),
    "%r is not callable": "%r no se puede llamar",
}
"""argparse's messages (Python 3.11 to 3.13), in Spanish."""

CATALOGO_PLURAL: dict[tuple[str, str], tuple[str, str]] = {
    ("conflicting option string: %s", "conflicting option strings: %s"): (
        "opción repetida: %s", "opciones repetidas: %s",
    ),
    ("expected %s argument", "expected %s arguments"): ("se esperaba %s valor", "se esperaban %s valores"),
}
"""argparse's messages with a singular and a plural, in Spanish."""


def traducir(message: str) -> str:
    """The Spanish of one of argparse's messages (the message itself when unknown).

    >>> traducir("usage: "), traducir("no such message")
    ('uso: ', 'no such message')
    """
    return CATALOGO.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The Spanish of one of argparse's messages with a number."""
    spanish = CATALOGO_PLURAL.get((singular, plural), (singular, plural))
    return spanish[0] if n == 1 else spanish[1]


@contextmanager
def en_espanol() -> Iterator[None]:
    """argparse speaks Spanish inside the block; outside it, as it did."""
    saved = argparse.__dict__["_"], argparse.__dict__["ngettext"]
    setattr(argparse, "_", traducir)  # noqa: B010 (argparse's own name for its gettext)
    setattr(argparse, "ngettext", ngettext)  # noqa: B010
    try:
        yield
    finally:
        setattr(argparse, "_", saved[0])  # noqa: B010
        setattr(argparse, "ngettext", saved[1])  # noqa: B010


FRAGMENTOS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(english), spanish)
    for english, spanish in (
        # csv (the reader of sedes.csv, aspirantes.csv, a published result)
        (r"field larger than field limit \((\d+)\)", r"un campo supera el límite de \1 caracteres"),
        (r"'(.)' expected after '(.)'", r"se esperaba '\1' después de '\2'"),
        (r"unexpected end of data", "los datos terminan antes de tiempo (¿unas comillas sin cerrar?)"),
        (r"new-line character seen in unquoted field[^)]*", "salto de línea en un campo sin comillas"),
        (r"line contains NUL", "la línea contiene un carácter nulo"),
        # json
        (r"Expecting value: line (\d+) column (\d+) \(char \d+\)",
         r"se esperaba un valor en la línea \1, columna \2"),
        (r"Expecting property name enclosed in double quotes: line (\d+) column (\d+) \(char \d+\)",
         r"se esperaba un nombre de clave entre comillas dobles en la línea \1, columna \2"),
        (r"Expecting '(.)' delimiter: line (\d+) column (\d+) \(char \d+\)",
         r"se esperaba el separador '\1' en la línea \2, columna \3"),
        (r"Invalid control character at: line (\d+) column (\d+) \(char \d+\)",
         r"carácter de control no válido en la línea \1, columna \2"),
        (r"Invalid \\escape: line (\d+) column (\d+) \(char \d+\)",
         r"secuencia de escape no válida en la línea \1, columna \2"),
        (r"Extra data: line (\d+) column (\d+) \(char \d+\)",
         r"datos de más después del documento en la línea \1, columna \2"),
        (r"Unterminated string starting at: line (\d+) column (\d+) \(char \d+\)",
         r"texto sin cerrar desde la línea \1, columna \2"),
        # libyaml's syntax errors that the YAML reader does not put in Spanish itself
        (r"found undefined tag handle", "prefijo de etiqueta no definido"),
        (r"found incompatible YAML document",
         "documento YAML incompatible (se requiere la versión 1.x)"),
        (r"found duplicate %YAML directive", "directiva %YAML repetida"),
        (r"found duplicate %TAG directive", "directiva %TAG repetida"),
        (r"did not find expected hexdecimal number", "se esperaba un número hexadecimal"),
        (r"found an indentation indicator equal to 0", "indicador de sangría igual a 0"),
        (r"did not find expected alphabetic or numeric character", "se esperaba una letra o un dígito"),
        (r"did not find the expected '(.)'", r"no se encontró el '\1' esperado"),
        (r"did not find expected whitespace or line break", "se esperaba un espacio o un salto de línea"),
        (r"did not find expected tag URI", "falta la URI de la etiqueta"),
        (r"did not find URI escaped octet", "falta un octeto escapado en la URI"),
        (r"found invalid Unicode character escape code", "código de escape Unicode no válido"),
        (r"found unexpected end of stream", "el archivo termina antes de tiempo"),
        (r"control characters are not allowed", "no se permiten caracteres de control"),
        (r"invalid (leading|trailing) UTF-8 octet", "secuencia UTF-8 no válida"),
        # nesting, in any reader
        (r"maximum recursion depth exceeded(?: (?:while|in) [A-Za-z ]+)?", "anidamiento demasiado profundo"),
        (r"exceeded maximum nesting depth", "anidamiento demasiado profundo"),
    )
)
"""English that the standard library (csv, json, the recursion limit) or libyaml puts in a
message, with its Spanish; a reason the operating system gives (``strerror``) stays as it is,
in parentheses."""


def traducir_fragmentos(text: str) -> str:
    """The message with the standard library's English put in Spanish.

    >>> traducir_fragmentos("aspirantes.csv:2:1: CSV mal formado (field larger than field limit (131072))")
    'aspirantes.csv:2:1: CSV mal formado (un campo supera el límite de 131072 caracteres)'
    """
    for pattern, spanish in FRAGMENTOS:
        text = pattern.sub(spanish, text)
    return text
