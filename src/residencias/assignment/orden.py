"""The processing order of 6.2: PI-IMSS highest first, ties settled by the policy's criteria.

Applicants with the same PI-IMSS form a tied group. The group is split by the first tie-break
criterion (highest first; the folio lowest first), each part by the next criterion, and so on. A
criterion that a member of the part being split lacks is skipped for that part and recorded.
The result depends only on the applicants, never on the order they were given in.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from decimal import Decimal
from itertools import compress, groupby, islice, pairwise, repeat, takewhile
from operator import attrgetter, eq

import attrs

from residencias.assignment.concurso import Solicitud
from residencias.assignment.politica import Criterio, por_folio

__all__ = ["GrupoEmpatado", "Omision", "Separacion", "ordenar"]

_FOLIO = attrgetter("folio")


@attrs.frozen
class Separacion:
    """Two neighbours of a tied group: ``antes`` goes first because of ``criterio``."""

    antes: str
    despues: str
    criterio: Criterio
    valor_antes: Decimal | str
    valor_despues: Decimal | str


@attrs.frozen
class Omision:
    """A tie-break criterion skipped for part of a tied group, because these folios lack it."""

    criterio: Criterio
    folios: tuple[str, ...]


@attrs.frozen
class GrupoEmpatado:
    """Applicants with the same PI-IMSS: ``inicio`` is the 0-based position of the first of them in
    the processing order, ``miembros`` their indices in input order, in the order settled."""

    puntaje: Decimal
    inicio: int
    miembros: tuple[int, ...]
    separaciones: tuple[Separacion, ...]
    omisiones: tuple[Omision, ...]


class _Desempate:
    """The tie-break of one competition: its applicants, each one's rank by folio (computed at the
    first tie) and the criteria no applicant gives (every member of every group lacks them)."""

    def __init__(self, aspirantes: Sequence[Solicitud], criterios: Sequence[Criterio]) -> None:
        self.aspirantes = aspirantes
        self.folios = list(map(_FOLIO, aspirantes))
        n = len(aspirantes)
        self.ausentes = frozenset(c for c in criterios if c is not Criterio.FOLIO
                                  and list(map(attrgetter(c.value), aspirantes)).count(None) == n)
        self._rango: list[int] | None = None

    @property
    def rango(self) -> list[int]:
        """Each applicant's place in the order of :func:`~residencias.assignment.politica.folio_key`."""
        if self._rango is None:
            self._rango = [0] * len(self.folios)
            deque(map(self._rango.__setitem__, por_folio(self.folios), range(len(self.folios))), maxlen=0)
        return self._rango

    def por_folio_de(self, members: list[int]) -> list[int]:
        """The members in folio order."""
        return sorted(members, key=self.rango.__getitem__)

    def refine(
        self, members: list[int], criterios: Sequence[Criterio], separaciones: list[Separacion],
        omisiones: list[Omision],
    ) -> list[int]:
        if len(members) < 2:
            return members
        criterio, rest = criterios[0], criterios[1:]
        folios = self.folios
        if criterio is Criterio.FOLIO:
            out = self.por_folio_de(members)
            separaciones.extend(Separacion(folios[a], folios[b], criterio, folios[a], folios[b])
                                for a, b in pairwise(out))
            return out
        name = criterio.value
        lacking = members if criterio in self.ausentes else [
            m for m in members if getattr(self.aspirantes[m], name) is None]
        if lacking:
            omisiones.append(Omision(criterio, tuple(map(folios.__getitem__, self.por_folio_de(lacking)))))
            return self.refine(members, rest, separaciones, omisiones)

        def value(m: int) -> Decimal:
            found: Decimal = getattr(self.aspirantes[m], name)
            return found

        result: list[int] = []
        for _, part in groupby(sorted(members, key=value, reverse=True), key=value):
            refined = self.refine(list(part), rest, separaciones, omisiones)
            if result:
                before = result[-1]
                separaciones.append(
                    Separacion(folios[before], folios[refined[0]], criterio, value(before), value(refined[0]))
                )
            result.extend(refined)
        return result


def ordenar(
    aspirantes: Sequence[Solicitud], puntajes: Sequence[Decimal], criterios: Sequence[Criterio]
) -> tuple[list[int], list[GrupoEmpatado]]:
    """The input indices in processing order, and every tied group with how it was settled.

    >>> from decimal import Decimal as D
    >>> a = [Solicitud("7", efiser=D(80)), Solicitud("3", efiser=D(90)), Solicitud("5")]
    >>> orden, grupos = ordenar(a, [D("85.5"), D("85.5"), D("90")], [Criterio.EFISER, Criterio.FOLIO])
    >>> [a[i].folio for i in orden]
    ['5', '3', '7']
    >>> [(s.antes, s.despues, s.criterio.value) for s in grupos[0].separaciones]
    [('3', '7', 'efiser')]
    """
    orden = sorted(range(len(aspirantes)), key=puntajes.__getitem__, reverse=True)
    grupos: list[GrupoEmpatado] = []
    ordenados = list(map(puntajes.__getitem__, orden))
    # the positions whose PI-IMSS equals the one before (compared at once), then the runs they form
    iguales = list(compress(range(1, len(orden)), map(eq, ordenados, islice(ordenados, 1, None))))
    if not iguales:
        return orden, grupos
    desempate = _Desempate(aspirantes, criterios)
    # Criteria no applicant gives, then the folio (a CSV with only the PI-IMSS): every group is
    # ordered by folio, each of those criteria skipped for all its members.
    omitidos = list(takewhile(desempate.ausentes.__contains__, criterios))
    solo_folio = tuple(criterios[len(omitidos):len(omitidos) + 1]) == (Criterio.FOLIO,)
    for _, run in groupby(enumerate(iguales), key=lambda par: par[1] - par[0]):
        posiciones = [k for _, k in run]
        i, j = posiciones[0] - 1, posiciones[-1] + 1
        if solo_folio:
            orden[i:j] = refined = desempate.por_folio_de(orden[i:j])
            folios = tuple(map(desempate.folios.__getitem__, refined))
            grupos.append(GrupoEmpatado(
                puntajes[refined[0]], i, tuple(refined),
                tuple(map(Separacion, folios, folios[1:], repeat(Criterio.FOLIO), folios, folios[1:])),
                tuple([Omision(c, folios) for c in omitidos])))
            continue
        separaciones: list[Separacion] = []
        omisiones: list[Omision] = []
        refined = desempate.refine(orden[i:j], criterios, separaciones, omisiones)
        orden[i:j] = refined
        at = {aspirantes[m].folio: k for k, m in enumerate(refined)}
        separaciones.sort(key=lambda s: at[s.antes])
        grupos.append(GrupoEmpatado(puntajes[refined[0]], i, tuple(refined), tuple(separaciones),
                                    tuple(omisiones)))
    return orden, grupos
