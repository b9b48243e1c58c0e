"""A sede (and subsede where present): a hospital unit where a course is given."""

from __future__ import annotations

import attrs

from residencias.domain.validators import at_least, non_empty

__all__ = ["Sede"]


@attrs.frozen
class Sede:
    """A sede by its key; ``plazas`` is the number of seats offered, when it is known.

    >>> Sede("CMN-SXXI", plazas=3) == Sede("CMN-SXXI", plazas=3)
    True
    """

    clave: str = attrs.field(validator=non_empty)
    plazas: int | None = attrs.field(default=None, validator=at_least(0))
    nombre: str | None = attrs.field(default=None, validator=non_empty)
    subsede: str | None = attrs.field(default=None, validator=non_empty)

    @property
    def identificador(self) -> str:
        """How an applicant's options name it: the clave, or ``clave/subsede`` for a subsede.

        >>> Sede("HGR-1", 2, subsede="UMF-20").identificador
        'HGR-1/UMF-20'
        """
        return self.clave if self.subsede is None else f"{self.clave}/{self.subsede}"
