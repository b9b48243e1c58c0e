"""The specialty catalogue: one canonical entry per specialty, with every spelling the
documents use, so that "Medicina Interna", "Medicina interna" and "MEDICINA INTERNA" are one.

Typos in the documents are kept as :class:`Errata` (the spelling, what it means, where it
stands), matched like any alias and reported by the consistency check.
"""

from __future__ import annotations

import enum
from functools import cached_property

import attrs

from residencias.domain.validators import InvalidValue, non_empty, slug
from residencias.errors import InvalidQueryError, UnknownEspecialidadError
from residencias.text import closest, extracto, normalize_name

__all__ = ["CatalogoEspecialidades", "Entrada", "Errata", "Especialidad"]


class Entrada(enum.Enum):
    """How a course is entered: directly through the ENARM (CED) or after another one (CER)."""

    DIRECTA = "directa"
    INDIRECTA = "indirecta"


@attrs.frozen
class Errata:
    """A misspelling a document uses for this specialty, kept as written."""

    escrito: str = attrs.field(validator=non_empty)
    nota: str = attrs.field(validator=non_empty)
    articulo: str = attrs.field(validator=non_empty)


@attrs.frozen
class Especialidad:
    """A medical specialty: canonical id, official name, aliases, and how it is entered
    (``None`` where no document says)."""

    id: str = attrs.field(validator=slug)
    nombre: str = attrs.field(validator=non_empty)
    entrada: Entrada | None
    articulo: str = attrs.field(validator=non_empty)
    alias: tuple[str, ...] = ()
    erratas: tuple[Errata, ...] = ()
    nota: str | None = attrs.field(default=None, validator=non_empty)

    @property
    def nombres(self) -> tuple[str, ...]:
        """Every spelling that names this specialty: official name, aliases, errata."""
        return (self.nombre, *self.alias, *(e.escrito for e in self.erratas))


def _unambiguous(
    _: object, attribute: attrs.Attribute[tuple[Especialidad, ...]], value: tuple[Especialidad, ...]
) -> None:
    ids: set[str] = set()
    owner: dict[str, str] = {}
    for especialidad in value:
        if especialidad.id in ids:
            raise InvalidValue(f"id de especialidad repetido '{especialidad.id}'", attribute.name)
        ids.add(especialidad.id)
        for nombre in especialidad.nombres:
            key = normalize_name(nombre)
            if owner.setdefault(key, especialidad.id) != especialidad.id:
                raise InvalidValue(
                    f"el nombre '{nombre}' nombra a dos especialidades: '{owner[key]}' y "
                    f"'{especialidad.id}'; cada nombre debe nombrar una sola",
                    attribute.name,
                )


@attrs.frozen
class CatalogoEspecialidades:
    """All known specialties; names are matched with accents, case and punctuation ignored.

    >>> cat = CatalogoEspecialidades((Especialidad("medicina-interna", "Medicina Interna",
    ...     Entrada.DIRECTA, "Tabla 1", alias=("Medicina interna",)),))
    >>> cat.resolver("MEDICINA INTERNA").id
    'medicina-interna'
    >>> cat.buscar("Cardiología") is None
    True
    """

    especialidades: tuple[Especialidad, ...] = attrs.field(validator=_unambiguous)

    @cached_property
    def _por_nombre(self) -> dict[str, Especialidad]:
        return {normalize_name(n): e for e in self.especialidades for n in e.nombres}

    @cached_property
    def _por_id(self) -> dict[str, Especialidad]:
        return {e.id: e for e in self.especialidades}

    def buscar(self, nombre: str) -> Especialidad | None:
        """The specialty this name (or alias, or erratum) designates, if any; a name that is not
        text (``None``, a number) is refused with :class:`~residencias.errors.InvalidQueryError`."""
        if not isinstance(nombre, str):
            raise InvalidQueryError(f"falta el nombre de la especialidad: se esperaba un texto como "
                                    f"'Medicina interna', se recibió {type(nombre).__name__}")
        return self._por_nombre.get(normalize_name(nombre))

    def resolver(self, nombre: str) -> Especialidad:
        """Like :meth:`buscar`, but an unknown name raises with the closest known names."""
        found = self.buscar(nombre)
        if found is None:
            names = [n for e in self.especialidades for n in e.nombres]
            near = closest(nombre, names) if len(nombre) <= 200 else []
            raise UnknownEspecialidadError(extracto(nombre), near)
        return found

    def por_id(self, identificador: str) -> Especialidad | None:
        return self._por_id.get(identificador)
