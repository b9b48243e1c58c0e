"""The records of an assignment (imss-cer-2026-2027, 6.2): each option tried (:class:`Intento`),
each applicant's outcome, each sede's cut-off, each tie of PI-IMSS, and the notices."""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from decimal import Decimal
from itertools import repeat
from operator import attrgetter
from typing import NamedTuple, Protocol

import attrs

from residencias.assignment.concurso import Solicitud
from residencias.assignment.orden import Omision, Separacion
from residencias.assignment.politica import por_folio
from residencias.assignment.validacion import ConcursoPreparado
from residencias.jsonable import registros_json, texto_json

__all__ = [
    "Aviso",
    "Corte",
    "Empate",
    "Intento",
    "OrdenFolios",
    "ResultadoAspirante",
    "Run",
    "orden_por_folio",
    "textos_resultados",
]


class Run(Protocol):
    """A run of one CER under either reading: the competition, the processing order (input indices)
    and, per position, the option obtained (0-based; ``-1``: none)."""

    concurso: ConcursoPreparado
    orden: list[int]
    eleccion: list[int]


class OrdenFolios(NamedTuple):
    """Every applicant of every run, by folio (:func:`~residencias.assignment.politica.folio_key`).

    Applicants are numbered run after run, each run's in its processing order (applicant ``g`` is
    at position ``g - inicios[k]`` of run ``k``); ``orden`` lists those numbers by folio and
    ``run_de`` gives each one's run."""

    orden: list[int]
    run_de: array[int]
    inicios: list[int]

    def pares(self) -> Iterator[tuple[int, int]]:
        """(run, position) of each applicant, by folio."""
        run_de, inicios = self.run_de, self.inicios
        for g in self.orden:
            k = run_de[g]
            yield k, g - inicios[k]


def orden_por_folio(runs: Sequence[Run]) -> OrdenFolios:
    """Every applicant of every run, by folio (see :class:`OrdenFolios`)."""
    folios: list[str] = []
    run_de: array[int] = array("i")
    inicios: list[int] = []
    for k, run in enumerate(runs):
        inicios.append(len(folios))
        folios.extend(map(attrgetter("folio"), map(run.concurso.aspirantes.__getitem__, run.orden)))
        run_de.extend(repeat(k, len(run.orden)))
    return OrdenFolios(por_folio(folios), run_de, inicios)



_CLAVES_RESULTADO = ("folio", "cer", "sede", "opcion", "puntaje")
_OPCIONES = attrgetter("opciones")
_BLOQUE = 4096
"""Records written at a time by :func:`textos_resultados`."""


def textos_resultados(runs: Sequence[Run], orden: OrdenFolios, nivel: int) -> Iterator[str]:
    """The JSON text of each applicant's record (folio, cer, sede, opcion, puntaje), by folio, as
    ``json.dumps(..., indent=2)`` writes such a dict at nesting ``nivel``, without building it;
    :data:`_BLOQUE` records at a time (:func:`~residencias.jsonable.registros_json`).

    Column by column: each run gives, per position, the applicant, the text of its sede and
    option, and its PI-IMSS; the records are then written by folio from those columns."""
    sedes: dict[str, str] = {}
    mas_larga = max((max(map(len, map(_OPCIONES, run.concurso.aspirantes)), default=0) for run in runs),
                    default=0)
    opciones = ["null", *map(str, range(1, 1 + mas_larga))]
    solicitudes: list[Solicitud] = []
    cers: list[str] = []
    sede_textos: list[str] = []
    opcion_textos: list[str] = []
    puntajes: list[Decimal] = []
    for run in runs:
        aspirantes, run_puntajes = run.concurso.aspirantes, run.concurso.puntajes
        de_run = list(map(aspirantes.__getitem__, run.orden))
        solicitudes.extend(de_run)
        cers.extend(repeat(texto_json(run.concurso.cer), len(de_run)))
        for clave in run.concurso.sedes:
            if clave not in sedes:
                sedes[clave] = texto_json(clave)
        sede_textos.extend([sedes[s.opciones[e]] if e >= 0 else "null"
                            for s, e in zip(de_run, run.eleccion, strict=True)])
        opcion_textos.extend(map(opciones.__getitem__, map((1).__add__, run.eleccion)))
        puntajes.extend(map(run_puntajes.__getitem__, run.orden))
    folio_de = attrgetter("folio")
    todos = orden.orden
    for inicio in range(0, len(todos), _BLOQUE):
        bloque = todos[inicio:inicio + _BLOQUE]
        yield registros_json(_CLAVES_RESULTADO, [
            map(texto_json, map(folio_de, map(solicitudes.__getitem__, bloque))),
            map(cers.__getitem__, bloque),
            map(sede_textos.__getitem__, bloque),
            map(opcion_textos.__getitem__, bloque),
            map(texto_json, map(str, map(puntajes.__getitem__, bloque))),
        ], nivel)


class Intento(NamedTuple):
    """One option tried for one applicant: the sede, whether it was obtained, and if not, who took
    its last plaza (``None`` with ``plazas == 0``: the sede offered none). A named tuple, not an
    attrs class: a full bitácora holds one per applicant and option tried (millions)."""

    opcion: int
    sede: str
    asignado: bool
    plazas: int
    plaza: int | None = None
    ocupada_por: str | None = None
    puntaje_ocupante: Decimal | None = None

    @property
    def articulo(self) -> str:
        if self.asignado:
            return "6.2, punto 1" if self.opcion == 1 else "6.2, punto 3"
        return "6.2, punto 2"


@attrs.frozen
class ResultadoAspirante:
    """The outcome of one applicant: the sede (``None`` if unassigned), which option it was
    (1-based), the PI-IMSS and the place in the processing order (1-based, of ``total``)."""

    folio: str
    cer: str
    sede: str | None
    opcion: int | None
    puntaje: Decimal
    posicion: int
    total: int


@attrs.frozen
class Corte:
    """A sede after the assignment: plazas offered and occupied, and the cut-off: the PI-IMSS of
    the last applicant admitted (the lowest, since they come in descending order)."""

    cer: str
    sede: str
    nombre: str | None
    plazas: int
    ocupadas: int
    puntaje_corte: Decimal | None
    folio_corte: str | None

    @property
    def libres(self) -> int:
        return self.plazas - self.ocupadas


@attrs.frozen
class Empate:
    """Applicants with the same PI-IMSS, in the order the tie-break settled; ``sedes`` are the
    sedes a later one of them was refused while an earlier one of them took a plaza there (the tie
    decided those seats)."""

    cer: str
    puntaje: Decimal
    folios: tuple[str, ...]
    posicion: int
    separaciones: tuple[Separacion, ...]
    omisiones: tuple[Omision, ...]
    sedes: tuple[str, ...]

    @property
    def decisivo(self) -> bool:
        return bool(self.sedes)


@attrs.frozen
class Aviso:
    """Something the assignment did not refuse but an auditor should see, with its article."""

    cer: str
    articulo: str
    mensaje: str
    folios: tuple[str, ...] = ()
