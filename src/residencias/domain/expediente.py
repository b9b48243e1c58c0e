"""An expediente: the person's facts and the documents they present, for one convocatoria."""

from __future__ import annotations

import attrs

from residencias.domain.personas import Residente
from residencias.domain.validators import non_empty

__all__ = ["Documento", "Expediente"]


@attrs.frozen
class Documento:
    """A document presented: its kind (the file name of the table, e.g. ``ACTADENACIMIENTO``,
    or the document's name), the file, and the formalities of foreign documents."""

    tipo: str = attrs.field(validator=non_empty)
    archivo: str | None = attrs.field(default=None, validator=non_empty)
    apostillado: bool | None = None
    notariado: bool | None = None
    traducido: bool | None = None


@attrs.frozen
class Expediente:
    """Facts and documents of one person for one convocatoria (by id).

    ``aspirante`` is a :class:`Residente`, whose CEME facts stay empty for those who are not.
    """

    convocatoria: str = attrs.field(validator=non_empty)
    aspirante: Residente = attrs.Factory(Residente)
    documentos: tuple[Documento, ...] = ()
