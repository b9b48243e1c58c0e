"""What both readings of 6.2 share: per CER, the priority order and the option each position
obtained (:class:`CorridaCER`); over every CER, each applicant found by folio (:class:`PorFolio`).
The serial reading (:mod:`~residencias.assignment.corrida`, :mod:`~residencias.assignment.asignacion`)
and the round-by-round one (:mod:`~residencias.assignment.rondas`) differ only in how they fill
``eleccion`` and read the cut-offs."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from decimal import Decimal
from functools import cached_property
from typing import Generic, TypeVar

from residencias.assignment.canonico import entrada_sha256
from residencias.assignment.concurso import Solicitud
from residencias.assignment.politica import PoliticaAsignacion
from residencias.assignment.registros import (
    Corte,
    OrdenFolios,
    ResultadoAspirante,
    orden_por_folio,
    textos_resultados,
)
from residencias.assignment.validacion import ConcursoPreparado
from residencias.errors import InvalidQueryError
from residencias.jsonable import Partes
from residencias.text import quiso_decir

__all__ = ["CorridaCER", "PorFolio"]


class CorridaCER(ABC):
    """One CER's run under either reading: the competition, the processing order (input indices)
    and, per position, the option obtained (0-based; ``-1``: none)."""

    concurso: ConcursoPreparado
    orden: list[int]
    eleccion: list[int]

    def solicitud(self, posicion: int) -> Solicitud:
        return self.concurso.aspirantes[self.orden[posicion]]

    def puntaje(self, posicion: int) -> Decimal:
        return self.concurso.puntajes[self.orden[posicion]]

    def resultado(self, posicion: int) -> ResultadoAspirante:
        s = self.solicitud(posicion)
        k = self.eleccion[posicion]
        return ResultadoAspirante(
            s.folio,
            self.concurso.cer,
            s.opciones[k] if k >= 0 else None,
            k + 1 if k >= 0 else None,
            self.puntaje(posicion),
            posicion + 1,
            len(self.orden),
        )

    @abstractmethod
    def cortes(self) -> Iterable[Corte]:
        """Per sede: plazas, occupied and the cut-off score, as the reading defines it."""


C = TypeVar("C", bound=CorridaCER)


class PorFolio(Generic[C]):
    """Every CER's run (by CER name), each applicant found by folio."""

    politica: PoliticaAsignacion
    _corridas: tuple[C, ...]

    @property
    def preparados(self) -> tuple[ConcursoPreparado, ...]:
        """The checked competitions, by CER name."""
        return tuple(c.concurso for c in self._corridas)

    @property
    def corridas(self) -> tuple[C, ...]:
        """The run of each competition, by CER name (processing order, option obtained)."""
        return self._corridas

    @property
    def convocatoria(self) -> str | None:
        return self.politica.convocatoria_id

    @property
    def convocatoria_sha256(self) -> str | None:
        """The sha256 of the convocatoria's data file used (formula, tie-break, Tabla 1), if any."""
        conv = self.politica.convocatoria
        return conv.datos_sha256 if conv is not None else None

    @cached_property
    def entrada_sha256(self) -> str:
        """The sha256 of the canonical form of the input, the convocatoria's data included (see
        :mod:`residencias.assignment.canonico`): the same under either reading."""
        return entrada_sha256(self.convocatoria, self.preparados, self.convocatoria_sha256)

    @cached_property
    def _por_folio(self) -> OrdenFolios:
        return orden_por_folio(self._corridas)

    def textos_asignaciones(self) -> Partes:
        """The records of :attr:`asignaciones` as JSON text, one by one (for
        :func:`~residencias.jsonable.partes_json`)."""
        return Partes(lambda nivel: textos_resultados(self._corridas, self._por_folio, nivel))

    @cached_property
    def _indice(self) -> dict[str, tuple[C, int]]:
        return {c.solicitud(p).folio: (c, p) for c in self._corridas for p in range(len(c.orden))}

    def _buscar(self, folio: str) -> tuple[C, int]:
        found = self._indice.get(folio)
        if found is None:
            hint = quiso_decir(folio, self._indice, n=3)
            raise InvalidQueryError(f"folio '{folio}' desconocido en este concurso{hint}")
        return found

    @cached_property
    def asignaciones(self) -> tuple[ResultadoAspirante, ...]:
        """Every applicant's outcome, sorted by folio (as a number when all digits)."""
        corridas = self._corridas
        return tuple(corridas[k].resultado(p) for k, p in self._por_folio.pares())

    def resultado(self, folio: str) -> ResultadoAspirante:
        corrida, posicion = self._buscar(folio)
        return corrida.resultado(posicion)

    def sede_de(self) -> dict[str, str | None]:
        """Folio -> sede obtained (``None``: not assigned), the form :func:`verify` takes."""
        return {r.folio: r.sede for r in self.asignaciones}

    @cached_property
    def cortes(self) -> tuple[Corte, ...]:
        """Per sede (by CER, then sede identifier): plazas, occupied and the cut-off score."""
        return tuple(corte for c in self._corridas for corte in c.cortes())
