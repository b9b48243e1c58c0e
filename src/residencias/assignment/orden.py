"""The processing order of 6.2: PI-IMSS highest first, ties settled by the policy's criteria.

Applicants with the same PI-IMSS form a tied group. The group is split by the first tie-break
criterion (highest first; the folio lowest first), each part by the next criterion, and so on. A
criterion that a member of the part being split lacks is skipped for that part and recorded.
The result depends only on the applicants, never on the order they were given in.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from itertools import compress, groupby, islice, pairwise
from operator import eq

import attrs

from residencias.assignment.concurso import Solicitud
from residencias.assignment.politica import Criterio, folio_key

__all__ = ["GrupoEmpatado", "Omision", "Separacion", "ordenar"]


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


def _refine(
    members: list[int],
    criterios: Sequence[Criterio],
    aspirantes: Sequence[Solicitud],
    separaciones: list[Separacion],
    omisiones: list[Omision],
) -> list[int]:
    if len(members) < 2:
        return members
    criterio, rest = criterios[0], criterios[1:]
    if criterio is Criterio.FOLIO:
        out = sorted(members, key=lambda m: folio_key(aspirantes[m].folio))
        for a, b in pairwise(out):
            separaciones.append(
                Separacion(
                    aspirantes[a].folio,
                    aspirantes[b].folio,
                    criterio,
                    aspirantes[a].folio,
                    aspirantes[b].folio,
                )
            )
        return out
    name = criterio.value
    lacking = [m for m in members if getattr(aspirantes[m], name) is None]
    if lacking:
        omisiones.append(
            Omision(criterio, tuple(sorted((aspirantes[m].folio for m in lacking), key=folio_key)))
        )
        return _refine(members, rest, aspirantes, separaciones, omisiones)

    def value(m: int) -> Decimal:
        found: Decimal = getattr(aspirantes[m], name)
        return found

    result: list[int] = []
    for _, part in groupby(sorted(members, key=value, reverse=True), key=value):
        refined = _refine(list(part), rest, aspirantes, separaciones, omisiones)
        if result:
            before = result[-1]
            separaciones.append(
                Separacion(aspirantes[before].folio, aspirantes[refined[0]].folio, criterio, value(before),
                           value(refined[0]))
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
    for _, run in groupby(enumerate(iguales), key=lambda par: par[1] - par[0]):
        posiciones = [k for _, k in run]
        i, j = posiciones[0] - 1, posiciones[-1] + 1
        separaciones: list[Separacion] = []
        omisiones: list[Omision] = []
        refined = _refine(orden[i:j], criterios, aspirantes, separaciones, omisiones)
        orden[i:j] = refined
        at = {aspirantes[m].folio: k for k, m in enumerate(refined)}
        separaciones.sort(key=lambda s: at[s.antes])
        grupos.append(GrupoEmpatado(puntajes[refined[0]], i, tuple(refined), tuple(separaciones),
                                    tuple(omisiones)))
    return orden, grupos
