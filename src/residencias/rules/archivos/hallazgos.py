"""The outcome of a file review: one check of one file (:class:`Comprobacion`), one finding per
row of the table or file of the directory (:class:`HallazgoArchivo`) and the whole review
(:class:`RevisionArchivos`), with its explanation in Spanish."""

from __future__ import annotations

import enum

import attrs

from residencias.domain.archivos import Participante
from residencias.escapado import terminal
from residencias.rules.archivos.supuestos import EXTENSION, SUPUESTOS

__all__ = [
    "Aspecto", "Comprobacion", "Consecuencia", "HallazgoArchivo", "Resultado", "RevisionArchivos"]


class Resultado(enum.Enum):
    """The outcome of one finding."""

    CUMPLE = "cumple"
    NO_CUMPLE = "no_cumple"
    FALTA = "falta"

    @property
    def texto(self) -> str:
        """As a person reads it: ``cumple``, ``no cumple``, ``falta``."""
        return self.value.replace("_", " ")


class Aspecto(enum.Enum):
    """What one check looks at."""

    ARCHIVO = "archivo"
    """The file is there (or, for a file, that a row of the table asks for it)."""
    NOMBRE = "nombre"
    FORMATO = "formato"
    INTEGRIDAD = "integridad"
    TAMANO = "tamano"
    RESOLUCION = "resolucion"


@attrs.frozen
class Comprobacion:
    """One check of one file: what was looked at, whether it passed, and why (Spanish)."""

    aspecto: Aspecto
    cumple: bool
    motivo: str
    supuestos: tuple[str, ...] = ()
    """The supuestos (from :data:`SUPUESTOS`) that decided this check."""


@attrs.frozen
class HallazgoArchivo:
    """One row of the table or one file of the directory, with its outcome and the reason.

    ``archivo`` is the file's name as found (``None`` when it is missing); ``nombre``, ``documento``
    and ``articulo`` come from the table's row (``nombre`` and ``documento`` are ``None`` for a
    file no row asks for, which cites the table itself).
    """

    archivo: str | None
    nombre: str | None
    articulo: str
    resultado: Resultado
    motivo: str
    documento: str | None = None
    sugerencia: str | None = None
    """The name the file should have, when it is a near miss."""
    comprobaciones: tuple[Comprobacion, ...] = ()
    supuestos: tuple[str, ...] = ()
    """The supuestos that decided this outcome."""

    @property
    def etiqueta(self) -> str:
        """The file as found, with the suggested name; or the expected name when it is missing."""
        if self.archivo is None:
            return f"{self.nombre}{EXTENSION}"
        if self.sugerencia:
            return f"{self.archivo} -> {self.sugerencia}"
        return self.archivo

    def __str__(self) -> str:
        return f"{self.resultado.texto} {self.articulo} ({self.etiqueta}): {self.motivo}"


@attrs.frozen
class Consecuencia:
    """What the call says follows when the fact ``por`` is false (``archivos_conformes``: files
    against the table; ``archivos_legibles``: legibility), with the rule and article."""

    por: str
    regla: str
    articulo: str
    texto: str


@attrs.frozen
class RevisionArchivos:
    """The findings of :func:`revisar_archivos` on one directory, table order then extra files."""

    convocatoria: str
    directorio: str
    participantes: tuple[Participante, ...]
    hallazgos: tuple[HallazgoArchivo, ...]
    supuestos: tuple[str, ...] = SUPUESTOS
    consecuencias: tuple[Consecuencia, ...] = ()
    """What the call says follows from files that fail the table, or are illegible (XLVI 2.1 nota
    2 c and 7; XLIX 2.2.3 c and 7.1), from the rules that read those facts."""

    @property
    def ok(self) -> bool:
        """Every expected file is there and every file passes every check."""
        return all(h.resultado is Resultado.CUMPLE for h in self.hallazgos)

    @property
    def fallidos(self) -> tuple[HallazgoArchivo, ...]:
        return tuple(h for h in self.hallazgos if h.resultado is not Resultado.CUMPLE)

    def explicar(self) -> str:
        """The review in Spanish: the verdict, the failing findings first, then the supuestos."""
        quienes = ", ".join(p.value for p in self.participantes)
        counts = {r: sum(1 for h in self.hallazgos if h.resultado is r) for r in Resultado}
        verdict = "cumple" if self.ok else "no cumple"
        lines = [
            f"Revisión de archivos de {self.directorio} con la tabla de {self.convocatoria} "
            f"(participante: {quienes})",
            f"Resultado: {verdict} (no cumplen: {counts[Resultado.NO_CUMPLE]}, "
            f"faltan: {counts[Resultado.FALTA]}, cumplen: {counts[Resultado.CUMPLE]})",
        ]
        for c in self.consecuencias:
            if c.por == "archivos_conformes" and not self.ok:
                lines.append(f"Consecuencia ({c.articulo}): {c.texto}")
            elif c.por == "archivos_legibles":
                lines.append(f"Legibilidad, que esta revisión no comprueba ({c.articulo}): {c.texto}")
        ordered = sorted(self.hallazgos, key=lambda h: h.resultado is Resultado.CUMPLE)
        for hallazgo in ordered:
            marks = "".join(f" [supuesto {self.supuestos.index(s) + 1}]" for s in hallazgo.supuestos
                            if s in self.supuestos)
            lines.append(f"{hallazgo}{marks}")
        lines.append("Supuestos:")
        lines.extend(f"  supuesto {n}: {text}" for n, text in enumerate(self.supuestos, start=1))
        # File names come from the disk: no control character or ANSI escape reaches the terminal.
        return terminal("\n".join(lines))
