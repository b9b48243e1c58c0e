"""The input of an assignment: per CER, the sedes with their plazas and each applicant's request.

An applicant (``Solicitud``) gives the folio of the IMSS registration, the ordered options
(sede identifiers: the ``clave``, or ``clave/subsede``) registered under 2.1 B, and either the
PI-IMSS (``puntaje``) or the components from which 6.1 computes it: ``efiser``,
``promedio_posgrado``, ``enarm`` and, for the bonus of sección 7, either ``publicaciones`` (each
checked against 7.1) or the ``puntaje_adicional`` already granted. Components may also come
beside the ``puntaje``: then they serve the tie-break, and when all three are there they must
give that same PI-IMSS.

Texts (folio, options, CER) lose their surrounding blanks, as every CSV cell does, so that a
fixture means the same in YAML and in CSV. A fixture must give ``opciones`` for every applicant
(:mod:`residencias.assignment.fixtures` refuses a record without the key); an explicit empty list
is a choice the assignment reports (2.1 B).
Nothing is checked here beyond types: :func:`residencias.assignment.validacion.preparar` checks a
whole competition at once and names every problem with its folio and field.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from decimal import Decimal
from itertools import repeat
from operator import attrgetter, is_

import attrs

from residencias.domain.publicaciones import Publicacion
from residencias.domain.sede import Sede
from residencias.domain.validators import InvalidValue, non_empty, texto
from residencias.text import extracto

__all__ = ["Concurso", "Entrada", "Solicitud", "solicitudes_leidas", "solo_puntaje"]


def _tuple(value: object, what: str) -> tuple[object, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidValue(f"se esperaba una lista de {what}, se recibió "
                           f"{type(value).__name__} {extracto(value)}")
    return tuple(value)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    items = _tuple(value, "sedes (opciones)")
    return tuple(o.strip() if type(o) is str else o for o in items)  # type: ignore[misc]


@attrs.frozen
class Solicitud:
    """One applicant in one CER: folio, ordered options, and the PI-IMSS or its components."""

    folio: str = attrs.field(converter=texto, validator=non_empty)
    opciones: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    puntaje: Decimal | None = None
    efiser: Decimal | None = None
    promedio_posgrado: Decimal | None = None
    enarm: Decimal | None = None
    puntaje_adicional: Decimal | None = None
    publicaciones: tuple[Publicacion, ...] = ()


_SIN_NADA_MAS = (("efiser", None), ("promedio_posgrado", None), ("enarm", None), ("puntaje_adicional", None),
                 ("publicaciones", ()))
"""The fields an applicant who gives only a PI-IMSS leaves empty."""
_PUNTAJE = attrgetter("puntaje")


def solo_puntaje(aspirantes: Sequence[Solicitud]) -> bool:
    """Whether every applicant gives a PI-IMSS and nothing else to score by (no grade, bonus or
    publication): the usual competition, checked column by column.

    >>> solo_puntaje([Solicitud("1", puntaje=Decimal("80")), Solicitud("2", puntaje=Decimal("0"))])
    True
    >>> solo_puntaje([Solicitud("1", puntaje=Decimal("80"), enarm=Decimal("70"))])
    False
    """
    n = len(aspirantes)
    vacios = all(list(map(attrgetter(campo), aspirantes)).count(vacio) == n for campo, vacio in _SIN_NADA_MAS)
    return vacios and not any(map(is_, map(_PUNTAJE, aspirantes), repeat(None)))  # == would ask each Decimal


_CAMPOS_LEIDOS = ("folio", "opciones", "puntaje", "efiser", "promedio_posgrado", "enarm", "puntaje_adicional",
                  "publicaciones")


def solicitudes_leidas(
    folios: Sequence[str], opciones: Iterable[tuple[str, ...]], *numeros: Iterable[Decimal | None]
) -> list[Solicitud]:
    """The :class:`Solicitud` of a reader that has already stripped its texts and checked its types
    (non-empty folios, tuples of texts, Decimals), given column by column: ``folios``, ``opciones``
    and then, in the order of the fields, ``puntaje``, ``efiser``, ``promedio_posgrado``, ``enarm``
    and ``puntaje_adicional`` (each column as long as ``folios``; a missing one is all ``None``).
    The same objects the constructor gives, without running its converters again, one field at a
    time over every applicant (for a million applicants).

    >>> from decimal import Decimal
    >>> [s] = solicitudes_leidas(["000123"], [("CMN-SXXI",)], [Decimal("87.512")])
    >>> s == Solicitud("000123", ("CMN-SXXI",), puntaje=Decimal("87.512"))
    True
    """
    out = list(map(object.__new__, repeat(Solicitud, len(folios))))
    columnas: list[Iterable[object]] = [folios, opciones, *numeros]
    columnas += [repeat(None)] * (len(_CAMPOS_LEIDOS) - 1 - len(columnas))
    columnas.append(repeat(()))  # publicaciones: only YAML gives them
    for campo, columna in zip(_CAMPOS_LEIDOS, columnas, strict=True):
        # each field set through its slot, as the frozen class's own __init__ does
        deque(map(getattr(Solicitud, campo).__set__, out, columna), maxlen=0)
    return out


def _sedes(value: Iterable[Sede]) -> tuple[Sede, ...]:
    return _tuple(value, "sedes")  # type: ignore[return-value]


def _solicitudes(value: Iterable[Solicitud]) -> tuple[Solicitud, ...]:
    return _tuple(value, "solicitudes")  # type: ignore[return-value]


@attrs.frozen
class Concurso:
    """The competition for one CER (6.2): its sedes, each with ``plazas``, and its applicants.

    ``cer`` is any name or alias the specialty catalogue knows.
    """

    cer: str = attrs.field(converter=texto, validator=non_empty)
    sedes: tuple[Sede, ...] = attrs.field(converter=_sedes)
    aspirantes: tuple[Solicitud, ...] = attrs.field(converter=_solicitudes)


def _concursos(value: Iterable[Concurso]) -> tuple[Concurso, ...]:
    return _tuple(value, "concursos")  # type: ignore[return-value]


@attrs.frozen
class Entrada:
    """A whole fixture: the convocatoria that supplies formula and tie-break (optional) and the
    competitions, one per CER."""

    concursos: tuple[Concurso, ...] = attrs.field(converter=_concursos)
    convocatoria: str | None = attrs.field(default=None, converter=texto, validator=non_empty)
