"""A sede (and subsede where present): a hospital unit where a course is given."""

from __future__ import annotations

from typing import Any

import attrs

from residencias.domain.validators import InvalidValue, non_empty, texto
from residencias.text import extracto

__all__ = ["Sede"]


def _plazas(sede: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
    """A whole number >= 0; the message names the sede (its ``clave`` is set before ``plazas``)."""
    if value is not None and (type(value) is not int or value < 0):
        clave = getattr(sede, "clave", None)
        quien = f"sede '{extracto(clave)}': " if isinstance(clave, str) else ""
        raise InvalidValue(
            f"{quien}'plazas' vale {extracto(value)}; se esperaba un entero mayor o igual a 0",
            attribute.name,
        )


@attrs.frozen
class Sede:
    """A sede by its key; ``plazas`` is the number of seats offered, when it is known.

    Texts lose their surrounding blanks (as every CSV cell does).

    >>> Sede("CMN-SXXI", plazas=3) == Sede(" CMN-SXXI ", plazas=3)
    True
    >>> Sede("CMN-SXXI", plazas=-1)
    Traceback (most recent call last):
    ...
    residencias.domain.validators.InvalidValue: sede 'CMN-SXXI': 'plazas' vale -1; se esperaba un entero ...
    """

    clave: str = attrs.field(converter=texto, validator=non_empty)
    plazas: int | None = attrs.field(default=None, validator=_plazas)
    nombre: str | None = attrs.field(default=None, converter=texto, validator=non_empty)
    subsede: str | None = attrs.field(default=None, converter=texto, validator=non_empty)

    @property
    def identificador(self) -> str:
        """How an applicant's options name it: the clave, or ``clave/subsede`` for a subsede.

        >>> Sede("HGR-1", 2, subsede="UMF-20").identificador
        'HGR-1/UMF-20'
        """
        return self.clave if self.subsede is None else f"{self.clave}/{self.subsede}"
