"""The records of an assignment (imss-cer-2026-2027, 6.2): each option tried (:class:`Intento`),
each applicant's outcome, each sede's cut-off, each tie of PI-IMSS, and the notices."""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import NamedTuple, Protocol

import attrs

from residencias.assignment.concurso import Solicitud
from residencias.assignment.orden import Omision, Separacion
from residencias.assignment.politica import por_folio
from residencias.assignment.validacion import ConcursoPreparado
from residencias.jsonable import texto_json

__all__ = [
    "Aviso",
    "Corte",
    "Empate",
    "Intento",
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


def orden_por_folio(runs: Sequence[Run]) -> tuple[array[int], array[int]]:
    """Every applicant of every run, by folio (:func:`~residencias.assignment.politica.folio_key`):
    the run (its index in ``runs``) and the position in its processing order, as two arrays."""
    folios: list[str] = []
    run_of: array[int] = array("i")
    posicion: array[int] = array("i")
    for k, run in enumerate(runs):
        aspirantes = run.concurso.aspirantes
        folios.extend([aspirantes[m].folio for m in run.orden])
        run_of.extend([k] * len(run.orden))
        posicion.extend(range(len(run.orden)))
    order = por_folio(folios)
    return array("i", [run_of[i] for i in order]), array("i", [posicion[i] for i in order])


def textos_resultados(
    runs: Sequence[Run], por_folio: tuple[array[int], array[int]], nivel: int
) -> Iterator[str]:
    """The JSON text of each applicant's record (folio, cer, sede, opcion, puntaje), by folio, as
    ``json.dumps(..., indent=2)`` writes such a dict at nesting ``nivel``; without building it."""
    pad = "\n" + "  " * (nivel + 1)
    folio_, cer_, sede_, opcion_, puntaje_ = (f'{"{" if n == 0 else ","}{pad}"{k}": ' for n, k in
                                              enumerate(("folio", "cer", "sede", "opcion", "puntaje")))
    close = "\n" + "  " * nivel + "}"
    cers = [texto_json(run.concurso.cer) for run in runs]
    sedes: dict[str, str] = {}
    opciones = ["null", *(str(n) for n in range(1, 1 + max((len(s.opciones) for run in runs
                                                           for s in run.concurso.aspirantes), default=0)))]
    tables = [(run.concurso.aspirantes, run.orden, run.eleccion, run.concurso.puntajes) for run in runs]
    for k, p in zip(*por_folio, strict=True):
        aspirantes, orden, eleccion, puntajes = tables[k]
        m = orden[p]
        s: Solicitud = aspirantes[m]
        e = eleccion[p]
        if e >= 0:
            sede = s.opciones[e]
            sede_text = sedes.get(sede)
            if sede_text is None:
                sede_text = sedes[sede] = texto_json(sede)
        else:
            sede_text = "null"
        yield (f'{folio_}{texto_json(s.folio)}{cer_}{cers[k]}{sede_}{sede_text}{opcion_}{opciones[e + 1]}'
               f'{puntaje_}"{puntajes[m]!s}"{close}')


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
