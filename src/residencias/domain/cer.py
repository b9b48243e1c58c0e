"""The CER prerequisite tables of the CER call (imss-cer-2026-2027).

- Tabla 1 (1.2 C): each active CER with the CEME and the grado that must have been passed.
- 1.3: a resident may choose only the CERs listed for the CEME and grado they studied in
  2025-2026, so the grado must match exactly.
- Tabla 4 (9.1): the CER/CEME pairs whose selected residents must present the institutional
  diploma of the prerequisite CEME.

Names are compared through the specialty catalogue (accents and case ignored).
"""

from __future__ import annotations

import attrs

from residencias.domain.especialidades import CatalogoEspecialidades, Especialidad
from residencias.domain.validators import at_least, non_empty
from residencias.errors import InvalidQueryError
from residencias.text import extracto, normalize_name

__all__ = ["CERDisponible", "PrerrequisitoCER", "TablaCER", "TablasCER", "cers_disponibles",
           "diploma_institucional"]


@attrs.frozen
class PrerrequisitoCER:
    """One row: the CER, its prerequisite CEME and grado, as the document writes them."""

    cer: str = attrs.field(validator=non_empty)
    ceme: str = attrs.field(validator=non_empty)
    grado: int = attrs.field(validator=at_least(1))
    articulo: str = attrs.field(validator=non_empty)
    nota: str | None = attrs.field(default=None, validator=non_empty)


@attrs.frozen
class TablaCER:
    """A table of the document, with its number, its title as printed and its rows in order."""

    numero: int
    titulo: str = attrs.field(validator=non_empty)
    articulo: str = attrs.field(validator=non_empty)
    filas: tuple[PrerrequisitoCER, ...]
    nota: str | None = attrs.field(default=None, validator=non_empty)


@attrs.frozen
class TablasCER:
    """Tabla 1 (prerequisites, 1.2 C and 1.3) and Tabla 4 (diploma obligation, 9.1)."""

    prerrequisitos: TablaCER
    diploma_institucional: TablaCER


@attrs.frozen
class CERDisponible:
    """A CER open to a resident: the Tabla 1 row, the catalogue entry, and the Tabla 4 row if
    the CER/CEME pair must present the institutional diploma (else ``None``)."""

    fila: PrerrequisitoCER
    especialidad: Especialidad | None
    diploma: PrerrequisitoCER | None


def _same(catalogo: CatalogoEspecialidades, a: str, b: str) -> bool:
    found_a, found_b = catalogo.buscar(a), catalogo.buscar(b)
    if found_a is not None and found_b is not None:
        return found_a.id == found_b.id
    return normalize_name(a) == normalize_name(b)


def diploma_institucional(
    tablas: TablasCER, catalogo: CatalogoEspecialidades, cer: str, ceme: str
) -> PrerrequisitoCER | None:
    """The Tabla 4 row that obliges this CER/CEME pair to present the diploma (9.1), if any."""
    for fila in tablas.diploma_institucional.filas:
        if _same(catalogo, fila.cer, cer) and _same(catalogo, fila.ceme, ceme):
            return fila
    return None


def cers_disponibles(
    tablas: TablasCER, catalogo: CatalogoEspecialidades, ceme: str, grado: int
) -> tuple[CERDisponible, ...]:
    """The CERs of Tabla 1 open to a resident of ``ceme`` who passed ``grado`` (1.3), in table
    order. An unknown CEME raises :class:`~residencias.errors.UnknownEspecialidadError`."""
    if isinstance(grado, bool) or not isinstance(grado, int) or grado < 1:
        raise InvalidQueryError(f"grado {extracto(grado)} inválido; se esperaba un entero mayor o igual a 1")
    known = catalogo.buscar(ceme)
    if known is None and not any(
        normalize_name(f.ceme) == normalize_name(ceme) for f in tablas.prerrequisitos.filas
    ):
        catalogo.resolver(ceme)
    return tuple(
        CERDisponible(fila, catalogo.buscar(fila.cer),
                      diploma_institucional(tablas, catalogo, fila.cer, fila.ceme))
        for fila in tablas.prerrequisitos.filas
        if fila.grado == grado and _same(catalogo, fila.ceme, ceme)
    )
