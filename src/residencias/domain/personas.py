"""The person who applies: an :class:`Aspirante` (ENARM calls, UNAM enrollment), or a
:class:`Residente` already in a CEME (CER call, which is "para médicos residentes").

Every fact is optional: a fact that is absent is unknown, never false.
"""

from __future__ import annotations

import enum

import attrs

from residencias.domain.validators import InvalidValue, at_least, non_empty

__all__ = ["Aspirante", "Estudios", "Nacionalidad", "Residente"]


class Nacionalidad(enum.Enum):
    """Nationality, and the ENARM category, which the IMSS calls treat as fixed."""

    MEXICANA = "mexicana"
    EXTRANJERA = "extranjera"


class Estudios(enum.Enum):
    """Where the licenciatura in medicine was studied."""

    MEXICO = "mexico"
    EXTRANJERO = "extranjero"


@attrs.frozen
class Aspirante:
    """An applicant, with the identifying facts the documents ask for."""

    nombre: str | None = attrs.field(default=None, validator=non_empty)
    curp: str | None = attrs.field(default=None, validator=non_empty)
    folio: str | None = attrs.field(default=None, validator=non_empty)
    nacionalidad: Nacionalidad | None = None
    categoria_enarm: Nacionalidad | None = None
    estudios_licenciatura: Estudios | None = None
    correos: tuple[str, ...] = ()
    telefonos: tuple[str, ...] = ()


@attrs.frozen
class Residente(Aspirante):
    """A resident in a CEME: the specialty and the grado studied in the current cycle."""

    ceme: str | None = attrs.field(default=None, validator=non_empty)
    grado: int | None = attrs.field(default=None, validator=at_least(1))
    institucion: str | None = attrs.field(default=None, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        if self.grado is not None and self.ceme is None:
            raise InvalidValue("hay 'grado' sin 'ceme': el grado es del CEME que se cursa", "grado")
