"""What the HTML audit reads from a replay, and the parts of the page, as plain frozen records.

The audit is taken through small protocols, not the classes themselves: ``replay`` imports this
package to render itself, and nothing here imports it back. :mod:`.datos` builds the records;
:mod:`.pagina` lays them out.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Protocol

import attrs

from residencias.assignment.asignacion import Asignacion
from residencias.assignment.registros import Aviso, Empate

__all__ = [
    "AuditoriaInforme",
    "CerInforme",
    "DiscrepanciaInforme",
    "Explicacion",
    "FilaDiscrepancia",
    "FilaSede",
    "GrupoDiscrepancias",
    "Informe",
    "ObservacionInforme",
    "PublicadoInforme",
    "Resumen",
    "Supuesto",
    "ancla",
    "convocatoria_sha256",
]


# --- What the page reads from a replay ------------------------------------------------------------


class PublicadoInforme(Protocol):
    @property
    def archivo(self) -> str: ...
    @property
    def sedes(self) -> Mapping[str, str | None]: ...


class DiscrepanciaInforme(Protocol):
    @property
    def tipo(self) -> str: ...
    @property
    def cer(self) -> str | None: ...
    @property
    def folios(self) -> tuple[str, ...]: ...
    @property
    def sede(self) -> str | None: ...
    @property
    def calculada(self) -> str | None: ...
    @property
    def publicada(self) -> str | None: ...
    @property
    def mensaje(self) -> str: ...
    @property
    def articulo(self) -> str: ...


class AuditoriaInforme(Protocol):
    """What :class:`~residencias.assignment.replay.Auditoria` offers the page."""

    @property
    def archivo(self) -> str: ...
    @property
    def asignacion(self) -> Asignacion: ...
    @property
    def publicado(self) -> PublicadoInforme | None: ...
    @property
    def discrepancias(self) -> Sequence[DiscrepanciaInforme]: ...


class ObservacionInforme(Protocol):
    """A finding of ``residencias lint`` (:class:`residencias.consistency.Observacion`)."""

    @property
    def severidad(self) -> enum.Enum: ...
    @property
    def codigo(self) -> str: ...
    @property
    def mensaje(self) -> str: ...
    @property
    def lugares(self) -> tuple[str, ...]: ...


def convocatoria_sha256(auditoria: AuditoriaInforme) -> str | None:
    """The sha256 of the convocatoria's data file the replay used (``None`` without one).

    Read from the audit's ``convocatoria_sha256`` when it has one, else from the loaded
    convocatoria (``Convocatoria.datos_sha256``): the one place to change when the audit carries it.
    """
    declared = getattr(auditoria, "convocatoria_sha256", None)
    if isinstance(declared, str):
        return declared
    convocatoria = auditoria.asignacion.politica.convocatoria
    return None if convocatoria is None else convocatoria.datos_sha256


def ancla(folio: str) -> str:
    """The page anchor of a folio's explanation: ``folio-`` and the folio, with every character
    other than an ASCII letter, digit or ``-`` written as ``_hex_`` (one anchor per folio).

    >>> ancla("398678"), ancla("A 1_<x>")
    ('folio-398678', 'folio-A_20_1_5f__3c_x_3e_')
    """
    return "folio-" + "".join(
        c if c.isascii() and (c.isalnum() or c == "-") else f"_{ord(c):x}_" for c in folio
    )


# --- The parts of the page -------------------------------------------------------------------------


@attrs.frozen
class Supuesto:
    """A reading or choice of the library that decided seats: what, its source, and what it decided."""

    titulo: str
    articulo: str
    texto: str
    decidio: str


@attrs.frozen
class Resumen:
    """The head of the page: what was audited (with hashes), the counts and the verdict."""

    entrada: str
    entrada_sha256: str
    convocatoria: str | None
    convocatoria_titulo: str | None
    convocatoria_sha256: str | None
    articulo: str
    publicado: str | None
    publicados: int
    aspirantes: int
    asignados: int
    cers: int
    sedes: int
    plazas: int
    empates: int
    empates_decisivos: int
    discrepancias: int

    @property
    def sin_asignar(self) -> int:
        return self.aspirantes - self.asignados

    @property
    def plazas_libres(self) -> int:
        return self.plazas - self.asignados

    @property
    def veredicto(self) -> str:
        """``conforme``, ``discrepancias`` or ``sin_comparar`` (no published result given)."""
        if self.publicado is None:
            return "sin_comparar"
        return "discrepancias" if self.discrepancias else "conforme"


@attrs.frozen
class FilaDiscrepancia:
    """One discrepancy, with the PI-IMSS and place in the order of the folio it is about (when it
    is about one folio of the competition)."""

    cer: str | None
    folios: tuple[str, ...]
    sede: str | None
    calculada: str | None
    publicada: str | None
    puntaje: Decimal | None
    lugar: str | None
    mensaje: str
    articulo: str


@attrs.frozen
class GrupoDiscrepancias:
    """The discrepancies of one kind, with what that kind means and its article."""

    tipo: str
    titulo: str
    descripcion: str
    articulo: str
    por_folio: bool
    filas: tuple[FilaDiscrepancia, ...]


@attrs.frozen
class FilaSede:
    """A sede after 6.2, and after the published result when one was given."""

    clave: str
    nombre: str | None
    plazas: int
    ocupadas: int
    corte: Decimal | None
    folio_corte: str | None
    maximo: Decimal | None
    ocupadas_publicado: int | None = None
    corte_publicado: Decimal | None = None

    @property
    def difiere(self) -> bool:
        """The published result fills it differently (occupied count or cut-off)."""
        if self.ocupadas_publicado is None:
            return False
        return (self.ocupadas_publicado, self.corte_publicado) != (self.ocupadas, self.corte)


@attrs.frozen
class CerInforme:
    """One CER: its sedes and the PI-IMSS of its assigned and unassigned applicants."""

    cer: str
    sedes: tuple[FilaSede, ...]
    asignados: tuple[Decimal, ...]
    sin_asignar: tuple[Decimal, ...]
    discrepancias: int

    @property
    def aspirantes(self) -> int:
        return len(self.asignados) + len(self.sin_asignar)

    @property
    def plazas(self) -> int:
        return sum(s.plazas for s in self.sedes)

    @property
    def difiere(self) -> bool:
        return any(s.difiere for s in self.sedes)


@attrs.frozen
class Explicacion:
    """A folio's bitácora as ``residencias asignar --explicar`` prints it, split into its first line,
    one line per option tried, and the closing lines; plus its published seat."""

    folio: str
    ancla: str
    cer: str
    encabezado: str
    pasos: tuple[str, ...]
    cierre: tuple[str, ...]
    publicado: str | None
    coincide: bool
    motivos: tuple[str, ...]


@attrs.frozen
class Informe:
    """Everything the page shows, in the order it shows it."""

    resumen: Resumen
    supuestos: tuple[Supuesto, ...]
    grupos: tuple[GrupoDiscrepancias, ...]
    cers: tuple[CerInforme, ...]
    empates: tuple[Empate, ...]
    desempate_supuesto: str
    avisos: tuple[Aviso, ...]
    observaciones: tuple[ObservacionInforme, ...] | None
    explicaciones: tuple[Explicacion, ...]
    explicaciones_omitidas: int
    comparado: bool

    @property
    def explicados(self) -> frozenset[str]:
        """The folios that have an explanation on the page (and so a link to it)."""
        return frozenset(e.folio for e in self.explicaciones)
