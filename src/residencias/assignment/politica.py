"""The order in which the SIICES assignment processes applicants (6.2), and its tie-break.

6.2 orders applicants by PI-IMSS, highest first ("dándole prioridad a los aspirantes con
puntajes más altos"). It says nothing of two applicants with the same PI-IMSS: the order
between them is a choice of this library, declared in the convocatoria's ``asignacion:`` block
as a ``supuesto`` and reported wherever it decided something. Grades (EFISER, posgrado average,
ENARM) are compared highest first; the folio, last, lowest first (as a number when it is all
digits, then as text), so that the order is total.

A criterion that some member of a tied group lacks (say, a fixture gives only the PI-IMSS) is
skipped for that whole group, and the skip is reported; the order never depends on which
applicant happened to carry the datum.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from residencias.domain.asignacion import Criterio, CriteriosDesempate, DatosAsignacion
from residencias.errors import InvalidQueryError

if TYPE_CHECKING:
    from residencias.domain.convocatoria import Convocatoria
    from residencias.domain.puntaje import ParametrosPuntaje

__all__ = [
    "PUNTAJE_MAXIMO_SIN_CONVOCATORIA",
    "Criterio",
    "CriteriosDesempate",
    "DatosAsignacion",
    "PoliticaAsignacion",
    "folio_key",
    "por_folio",
]

PUNTAJE_MAXIMO_SIN_CONVOCATORIA = Decimal("100.5")
"""100 (grades on base 100, 6.1 Tabla 2) plus the 0.50 bonus cap (7.2) of the CER call."""


def folio_key(folio: str) -> tuple[int, int, str]:
    """Folios ascending: all-digit folios by number (then text), before any other, by text.

    >>> sorted(["100", "99", "A-1", "0099"], key=folio_key)
    ['0099', '99', '100', 'A-1']
    """
    if folio.isascii() and folio.isdigit():
        return (0, int(folio), folio)
    return (1, 0, folio)


def por_folio(folios: Sequence[str]) -> list[int]:
    """The indices of ``folios`` in the order of :func:`folio_key`. When every folio is a run of
    ASCII digits of one same length (the usual case), that order is the order of the texts, and the
    sort compares the texts themselves.

    >>> por_folio(["0100", "0099", "0101"]), por_folio(["100", "99", "A-1"])
    ([1, 0, 2], [1, 0, 2])
    """
    if folios and _mismo_largo(folios):
        return sorted(range(len(folios)), key=folios.__getitem__)
    return sorted(range(len(folios)), key=lambda i: folio_key(folios[i]))


def _mismo_largo(folios: Sequence[str]) -> bool:
    juntos = "".join(folios)
    return len(set(map(len, folios))) == 1 and juntos.isascii() and juntos.isdigit()


_SIN_CONVOCATORIA = CriteriosDesempate(
    (Criterio.EFISER, Criterio.PROMEDIO_POSGRADO, Criterio.ENARM, Criterio.FOLIO),
    "sin convocatoria, el mismo desempate que la biblioteca declara para imss-cer-2026-2027 "
    "(EFISER, promedio de posgrado y ENARM, de mayor a menor; después el folio, de menor a mayor)",
)


@attrs.frozen
class PoliticaAsignacion:
    """What ``assign`` needs from a convocatoria: the tie-break, the PI-IMSS formula (to compute
    scores from their components) and the highest possible score.

    >>> from residencias import load_convocatoria
    >>> p = PoliticaAsignacion.de(load_convocatoria("imss-cer-2026-2027"))
    >>> [c.value for c in p.desempate.criterios]
    ['efiser', 'promedio_posgrado', 'enarm', 'folio']
    >>> p.puntaje_maximo
    Decimal('100.50')
    >>> PoliticaAsignacion.sin_convocatoria().puntaje_maximo
    Decimal('100.5')
    """

    articulo: str
    desempate: CriteriosDesempate
    convocatoria: Convocatoria | None = attrs.field(default=None, eq=False, repr=False)

    @classmethod
    def de(cls, convocatoria: Convocatoria) -> PoliticaAsignacion:
        """The policy a convocatoria declares; one without an ``asignacion:`` block is refused."""
        datos = convocatoria.asignacion
        if datos is None:
            raise InvalidQueryError(
                f"la convocatoria '{convocatoria.id}' no declara asignación de sede "
                "(bloque 'asignacion:'); la declara imss-cer-2026-2027"
            )
        return cls(datos.articulo, datos.desempate, convocatoria)

    @classmethod
    def sin_convocatoria(cls) -> PoliticaAsignacion:
        """No formula (scores must be given) and the library's default tie-break."""
        return cls("6.2 (imss-cer-2026-2027)", _SIN_CONVOCATORIA)

    @property
    def parametros(self) -> ParametrosPuntaje | None:
        """The PI-IMSS weights and bonus of the convocatoria (``None`` without one)."""
        return None if self.convocatoria is None else self.convocatoria.puntaje

    @property
    def convocatoria_id(self) -> str | None:
        return None if self.convocatoria is None else self.convocatoria.id

    @property
    def puntaje_maximo(self) -> Decimal:
        """100 × the sum of the weights plus the bonus cap; 100.5 without a convocatoria."""
        if self.parametros is None:
            return PUNTAJE_MAXIMO_SIN_CONVOCATORIA
        pesos = self.parametros.ponderaciones
        total = pesos.efiser.peso + pesos.promedio_posgrado.peso + pesos.enarm.peso
        return 100 * total + self.parametros.puntaje_adicional.maximo.valor
