"""Checking a given assignment (for example a published one) against 6.2, without recomputing it.

Any result that 6.2 can produce has four properties, and each failure is listed with the folios
involved:

- ``sobrecupo``: a sede holds more applicants than its plazas (6.2: "conforme a la disponibilidad
  de plazas ofertadas");
- ``sede_no_solicitada``: a seat that is not among the applicant's options, or not a sede of the
  CER (6.2, punto 3: "en cada una de sus opciones de sede");
- ``desperdicio``: a sede left with a free plaza while someone who listed it above their seat
  went without it (6.2, puntos 2 and 3: the system assigns "en la sede disponible que cuente con
  plazas vacantes");
- ``envidia_justificada``: someone with a higher PI-IMSS was placed below a sede given to someone
  with a lower one (6.2, punto 1: "dándole prioridad a los aspirantes con puntajes más altos");
- ``desempate_distinto``: the same between equal PI-IMSS, against the library's tie-break
  (a ``supuesto``, not the document's word: reported apart).

Folios of ``resultado`` that are in no competition are ``folio_desconocido``; a folio of the
competition missing from ``resultado`` is taken as not assigned.
"""

from __future__ import annotations

import enum
from bisect import bisect_right
from collections.abc import Iterable, Mapping

import attrs

from residencias.assignment.concurso import Concurso
from residencias.assignment.orden import ordenar
from residencias.assignment.politica import PoliticaAsignacion, folio_key
from residencias.assignment.validacion import ConcursoPreparado, preparar
from residencias.errors import InvalidQueryError

__all__ = ["TipoViolacion", "Verificacion", "Violacion", "verificar_preparados", "verify"]


class TipoViolacion(enum.Enum):
    SOBRECUPO = "sobrecupo"
    SEDE_NO_SOLICITADA = "sede_no_solicitada"
    DESPERDICIO = "desperdicio"
    ENVIDIA_JUSTIFICADA = "envidia_justificada"
    DESEMPATE_DISTINTO = "desempate_distinto"
    FOLIO_DESCONOCIDO = "folio_desconocido"


@attrs.frozen
class Violacion:
    """One violation: its kind, the CER and sede concerned, the folios involved, and why."""

    tipo: TipoViolacion
    cer: str | None
    sede: str | None
    folios: tuple[str, ...]
    mensaje: str
    articulo: str

    def __str__(self) -> str:
        return f"{self.tipo.value}: {self.mensaje} ({self.articulo})"


@attrs.frozen
class Verificacion:
    """The violations found, in a fixed order (by CER, kind, sede, folios)."""

    violaciones: tuple[Violacion, ...]

    @property
    def valida(self) -> bool:
        return not self.violaciones

    def explicar(self) -> str:
        if not self.violaciones:
            return ("La asignación cumple 6.2: sin sobrecupo, solo opciones elegidas, sin plazas "
                    "desperdiciadas y sin envidia justificada.")
        return "\n".join(str(v) for v in self.violaciones)


def _folios(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(items, key=folio_key))


class _Revision:
    """The checks of one CER: the priority rank of each applicant, who sits where, and what
    each applicant prefers to their seat (the options listed above it)."""

    def __init__(self, c: ConcursoPreparado, seats: Mapping[str, str | None], politica: PoliticaAsignacion):
        self.c = c
        self.politica = politica
        self.out: list[Violacion] = []
        self.orden, _ = ordenar(c.aspirantes, c.puntajes, politica.desempate.criterios)
        self.rank = [0] * len(self.orden)
        for posicion, indice in enumerate(self.orden):
            self.rank[indice] = posicion
        self.occupants: dict[str, list[int]] = {clave: [] for clave in c.sedes}
        self.bound: list[int] = []  # per applicant: how many of their options they prefer to their seat
        for i, s in enumerate(c.aspirantes):
            seat = seats.get(s.folio)
            self.bound.append(len(s.opciones) if seat not in s.opciones else s.opciones.index(seat))
            if seat is not None and seat not in s.opciones:
                what = "no es una sede de este CER" if seat not in c.sedes else "no está entre sus opciones"
                self.add(TipoViolacion.SEDE_NO_SOLICITADA, seat, (s.folio,),
                         f"el folio {s.folio} tiene la sede {seat}, que {what}", "6.2, punto 3")
            if seat in self.occupants:
                self.occupants[seat].append(i)

    def add(self, tipo: TipoViolacion, sede: str | None, folios: tuple[str, ...], mensaje: str,
            articulo: str) -> None:
        self.out.append(Violacion(tipo, self.c.cer, sede, folios, mensaje, articulo))

    def preferred(self, i: int) -> tuple[str, ...]:
        return self.c.aspirantes[i].opciones[: self.bound[i]]

    def capacity_and_waste(self) -> None:
        sedes, aspirantes = self.c.sedes, self.c.aspirantes
        free = {k for k, taken in self.occupants.items() if len(taken) < (sedes[k].plazas or 0)}
        wanting: dict[str, list[int]] = {k: [] for k in free}
        for i in range(len(aspirantes) if free else 0):
            for clave in self.preferred(i):
                if clave in free:
                    wanting[clave].append(i)
        for clave, taken in sorted(self.occupants.items()):
            plazas = sedes[clave].plazas or 0
            if len(taken) > plazas:
                self.add(TipoViolacion.SOBRECUPO, clave, _folios(aspirantes[i].folio for i in taken),
                         f"la sede {clave} tiene {len(taken)} asignados y {plazas} plazas", "6.2")
            elif wanting.get(clave):
                folios = tuple(aspirantes[i].folio for i in sorted(wanting[clave], key=self.rank.__getitem__))
                self.add(TipoViolacion.DESPERDICIO, clave, folios,
                         f"la sede {clave} quedó con {plazas - len(taken)} plaza(s) libre(s) mientras "
                         f"{len(folios)} aspirante(s) que la pusieron antes de su resultado no la "
                         f"obtuvieron: {', '.join(folios)}", "6.2, puntos 2 y 3")

    def envy(self) -> None:
        aspirantes, puntajes = self.c.aspirantes, self.c.puntajes
        ranked = {k: sorted(self.rank[i] for i in taken) for k, taken in self.occupants.items()}
        for i, s in enumerate(aspirantes):
            for clave in self.preferred(i):
                below = ranked[clave]
                start = bisect_right(below, self.rank[i])
                if start == len(below):
                    continue
                lower = [self.orden[p] for p in below[start:]]
                strict = _folios(aspirantes[j].folio for j in lower if puntajes[j] < puntajes[i])
                equal = _folios(aspirantes[j].folio for j in lower if puntajes[j] == puntajes[i])
                if strict:
                    self.add(TipoViolacion.ENVIDIA_JUSTIFICADA, clave, (s.folio, *strict),
                             f"el folio {s.folio} (PI-IMSS {puntajes[i]}) puso {clave} antes de su "
                             f"resultado, y esa sede se dio a un PI-IMSS menor: {', '.join(strict)}",
                             "6.2, punto 1")
                if equal:
                    self.add(TipoViolacion.DESEMPATE_DISTINTO, clave, (s.folio, *equal),
                             f"el folio {s.folio} empata en PI-IMSS ({puntajes[i]}) con {', '.join(equal)}, "
                             f"gana el desempate y puso {clave} antes de su resultado, pero esa sede se "
                             "les dio a ellos", f"supuesto de desempate, {self.politica.articulo}")


def _check(
    c: ConcursoPreparado, seats: Mapping[str, str | None], politica: PoliticaAsignacion
) -> list[Violacion]:
    revision = _Revision(c, seats, politica)
    revision.capacity_and_waste()
    revision.envy()
    return revision.out


def verify(
    concursos: Concurso | Iterable[Concurso],
    resultado: Mapping[str, str | None],
    politica: PoliticaAsignacion | None = None,
) -> Verificacion:
    """Check ``resultado`` (folio -> sede identifier, ``None`` = not assigned) against 6.2.

    >>> from decimal import Decimal as D
    >>> from residencias.assignment.concurso import Solicitud
    >>> from residencias.domain.sede import Sede
    >>> c = Concurso("Cardiología", [Sede("A", 1), Sede("B", 1)],
    ...              [Solicitud("1", ["A", "B"], puntaje=D(90)), Solicitud("2", ["A", "B"], puntaje=D(80))])
    >>> for v in verify(c, {"1": "B", "2": "A"}).violaciones:
    ...     print(v.tipo.value, v.folios, v.articulo)
    envidia_justificada ('1', '2') 6.2, punto 1
    """
    politica = politica or PoliticaAsignacion.sin_convocatoria()
    if not isinstance(resultado, Mapping):
        raise InvalidQueryError(f"'resultado' debe ser un mapa folio -> sede, "
                                f"se recibió {type(resultado).__name__}")
    return verificar_preparados(preparar(concursos, politica), resultado, politica)


def verificar_preparados(
    prepared: Iterable[ConcursoPreparado], resultado: Mapping[str, str | None], politica: PoliticaAsignacion
) -> Verificacion:
    """:func:`verify` on competitions already checked by :func:`preparar`."""
    out: list[Violacion] = []
    known: set[str] = set()
    for c in prepared:
        known.update(s.folio for s in c.aspirantes)
        out.extend(_check(c, resultado, politica))
    for folio in sorted(set(resultado) - known, key=folio_key):
        out.append(
            Violacion(
                TipoViolacion.FOLIO_DESCONOCIDO,
                None,
                resultado[folio],
                (folio,),
                f"el folio {folio} no está en ningún concurso",
                "6.2",
            )
        )
    order = list(TipoViolacion)
    out.sort(key=lambda v: (v.cer or "", order.index(v.tipo), v.sede or "", [folio_key(f) for f in v.folios]))
    return Verificacion(tuple(out))
