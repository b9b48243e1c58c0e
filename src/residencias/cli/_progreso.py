"""Progress of a long command: one line on the standard error naming the phase under way
(reading, validating, assigning, comparing, writing), rewritten in place and erased at the end.

Only when the standard error is a terminal: never in a pipe, a file or a log, and never on the
standard output, so ``--json`` and redirected output stay exactly the same. The library does not
print; it names its phases to a callback (``replay(..., progreso=...)``) and this shows them.
"""

from __future__ import annotations

import shutil
import sys
from types import TracebackType
from typing import TextIO

from residencias.cli._salida import encodable

__all__ = ["Progreso"]


def _is_terminal(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


class Progreso:
    """Call it with the name of each phase; use it as a context manager so the line is erased
    before the command prints its answer (or its error)."""

    def __init__(self, orden: str, stream: TextIO | None = None, *, activo: bool | None = None) -> None:
        self.orden = orden
        self.stream = stream if stream is not None else sys.stderr
        self.activo = _is_terminal(self.stream) if activo is None else activo
        self.fases: list[str] = []
        self._visible = False

    def __call__(self, fase: str) -> None:
        self.fases.append(fase)
        if not self.activo:
            return
        width = max(20, shutil.get_terminal_size().columns - 1)
        line = f"{self.orden}: {fase}…"
        if len(line) > width:
            line = line[: width - 1] + "…"
        self._write(f"\r\x1b[K{line}")
        self._visible = True

    def terminar(self) -> None:
        """Erase the line, if one is shown."""
        if self._visible:
            self._write("\r\x1b[K")
            self._visible = False

    def _write(self, text: str) -> None:
        try:
            self.stream.write(encodable(text, self.stream))
            self.stream.flush()
        except (OSError, ValueError):
            self.activo = False  # a terminal gone away: the command goes on without progress

    def __enter__(self) -> Progreso:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.terminar()
