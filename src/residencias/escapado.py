"""Escaping values taken from input for each place the library writes them: one module, so that
every report keeps the same promises.

- :func:`markdown`: a value inside a line of a Markdown report (a table cell, a bullet). HTML is
  neutralised (``<`` ``>`` ``&`` become entities, so ``<img src=x onerror=...>`` is text in any
  viewer) and so is Markdown (``\\`` `````` ``*`` ``_`` ``[`` ``]`` ``|`` ``~`` ``#`` ``!`` are
  backslash-escaped: no link, image, emphasis, code span or broken table); line breaks and
  control characters become spaces.
- :func:`celda_csv`: a CSV cell a spreadsheet shows as text (OWASP, "CSV Injection"): a cell that
  starts with ``=`` ``+`` ``-`` ``@``, a tab or a carriage return, also after leading blanks or
  quotes, gets a ``'`` in front; :func:`celda_csv_original` undoes it when a CSV of the library is
  read back.
- :func:`terminal`: text for a terminal: ANSI escape sequences and other control characters are
  dropped, and so are the bidirectional overrides that can make a name read backwards.

>>> markdown("<img src=x onerror=alert(1)>")
'&lt;img src=x onerror=alert(1)&gt;'
>>> markdown("[clic](javascript:alert(1)) | *x*")
'\\\\[clic\\\\](javascript:alert(1)) \\\\| \\\\*x\\\\*'
>>> celda_csv("=HYPERLINK(\\"x\\")"), celda_csv("  -1"), celda_csv("000123")
('\\'=HYPERLINK("x")', "'  -1", '000123')
>>> celda_csv_original(celda_csv("@SUM(A1)"))
'@SUM(A1)'
>>> terminal("ACTA\\x1b[2J\\x1b]0;x\\x07.jpg\\u202egpj")
'ACTA.jpggpj'
"""

from __future__ import annotations

import re

__all__ = ["celda_csv", "celda_csv_original", "markdown", "terminal"]

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_MARKDOWN = re.compile(r"([\\`*_\[\]|~#!])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_FORMULA = re.compile("[\\s\"']*[=+\\-@\t\r]")
# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), and two-character escapes (ESC x).
_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]"
)
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def markdown(value: object) -> str:
    """``value`` as text that renders as itself inside a line of Markdown."""
    text = _CONTROL.sub(" ", str(value))
    text = "".join(_HTML.get(ch, ch) for ch in text)
    return _MARKDOWN.sub(r"\\\1", text)


def celda_csv(value: str) -> str:
    """A CSV cell that no spreadsheet runs as a formula (see the module docstring)."""
    return "'" + value if _FORMULA.match(value) else value


def celda_csv_original(value: str) -> str:
    """The value a :func:`celda_csv` cell was made from (a cell it did not change is returned as is)."""
    if value.startswith("'") and celda_csv(value[1:]) == value:
        return value[1:]
    return value


def terminal(value: str) -> str:
    """``value`` without ANSI escape sequences, control characters or bidirectional overrides
    (a line break is kept: the text may be several lines)."""
    text = _ANSI.sub("", value)
    text = _BIDI.sub("", text)
    return "\n".join(_CONTROL.sub("", line) for line in text.split("\n"))
