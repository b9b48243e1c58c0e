"""The one error hierarchy of the library, rooted at :class:`ResidenciasError`.

Every message is Spanish and fits on one line, because the CLI prints it as is and exits 2.
Bad data names the place: ``archivo:línea:columna: qué está mal, y qué se esperaba``.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

__all__ = [
    "DataFileError",
    "InvalidQueryError",
    "Problema",
    "ResidenciasError",
    "UnknownConvocatoriaError",
    "UnknownEspecialidadError",
]


class ResidenciasError(Exception):
    """Anything the library refuses, for a reason it can state in one Spanish line."""


@attrs.frozen
class Problema:
    """One thing wrong in a data file, at a 1-based line and column."""

    archivo: str
    linea: int
    columna: int
    mensaje: str

    def __str__(self) -> str:
        return f"{self.archivo}:{self.linea}:{self.columna}: {self.mensaje}"


class DataFileError(ResidenciasError):
    """A data file that cannot be read or does not match its schema.

    ``problemas`` holds every problem found, in file order; the message is the first one,
    followed by how many more there are.

    >>> p = Problema("c.yaml", 3, 7, "se esperaba un entero, se encontró el texto '12'")
    >>> str(DataFileError([p]))
    "c.yaml:3:7: se esperaba un entero, se encontró el texto '12'"
    """

    def __init__(self, problemas: Sequence[Problema]) -> None:
        if not problemas:
            raise ValueError("DataFileError needs at least one problem")
        ordered = sorted(problemas, key=lambda p: (p.linea, p.columna, p.mensaje))
        self.problemas: tuple[Problema, ...] = tuple(ordered)
        first = str(self.problemas[0])
        more = len(self.problemas) - 1
        if more:
            first += f" (y {more} problema{'s' if more > 1 else ''} más)"
        super().__init__(first)

    @property
    def archivo(self) -> str:
        return self.problemas[0].archivo

    @property
    def linea(self) -> int:
        return self.problemas[0].linea

    @property
    def columna(self) -> int:
        return self.problemas[0].columna


class UnknownConvocatoriaError(ResidenciasError):
    """An id that names no bundled convocatoria (and no file)."""

    def __init__(self, identificador: str, conocidas: Sequence[str]) -> None:
        self.identificador = identificador
        self.conocidas = tuple(conocidas)
        super().__init__(
            f"convocatoria desconocida '{identificador}': no es un id incluido ni un archivo; "
            f"ids disponibles: {', '.join(self.conocidas)}"
        )


class UnknownEspecialidadError(ResidenciasError):
    """A specialty name the catalogue does not know, with the closest known names."""

    def __init__(self, nombre: str, sugerencias: Sequence[str]) -> None:
        self.nombre = nombre
        self.sugerencias = tuple(sugerencias)
        message = f"especialidad desconocida '{nombre}' en el catálogo"
        if self.sugerencias:
            message += "; ¿quiso decir " + " o ".join(f"'{s}'" for s in self.sugerencias) + "?"
        super().__init__(message)


class InvalidQueryError(ResidenciasError):
    """A question the data cannot answer as asked (a grado of 0, a call without a CER table)."""
