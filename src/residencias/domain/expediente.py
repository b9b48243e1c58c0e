"""An expediente: the person's facts and the documents they present, for one convocatoria."""

from __future__ import annotations

from decimal import Decimal

import attrs

from residencias.domain.historia import Evento
from residencias.domain.personas import Residente
from residencias.domain.validators import non_empty

__all__ = ["Calificaciones", "Documento", "Expediente"]


@attrs.frozen
class Documento:
    """A document presented: its kind (the file name of the table, e.g. ``ACTADENACIMIENTO``,
    or the document's key), the file, and what the documents ask of it: the formalities of
    documents issued abroad; whether it is current (an identification «vigente»); issued by the
    university rather than by the hospital unit (CER 3.1, 7); a certified copy (CER 3.1, 11 a);
    signed in blue ink (CER 3.1, 12); the last printing the system generated (CER 3.1, 12; XLVI
    2.1 nota 1 l); XLIX 2.2.1 j)). Each is unknown until stated."""

    tipo: str = attrs.field(validator=non_empty)
    archivo: str | None = attrs.field(default=None, validator=non_empty)
    expedido_en_extranjero: bool | None = None
    apostillado: bool | None = None
    notariado: bool | None = None
    traducido: bool | None = None
    en_espanol: bool | None = None
    vigente: bool | None = None
    emitido_por_universidad: bool | None = None
    copia_certificada: bool | None = None
    firmado_tinta_azul: bool | None = None
    ultima_impresion: bool | None = None


@attrs.frozen
class Calificaciones:
    """Grades on base 100 that make up a score (CER 6.1, Tabla 2)."""

    efiser: Decimal | None = None
    promedio_posgrado: Decimal | None = None
    enarm: Decimal | None = None


@attrs.frozen
class Expediente:
    """Facts and documents of one person for one convocatoria (by id).

    ``aspirante`` is a :class:`Residente`, whose CEME facts stay empty for those who are not.
    ``documentos`` left out (``null``) means the documents are unknown; an empty list means none
    was presented. ``historia``, when given, is what happened in the convocatoria's process, in
    order (see :class:`~residencias.domain.historia.Historia`); left out, it is unknown.
    """

    convocatoria: str = attrs.field(validator=non_empty)
    aspirante: Residente = attrs.Factory(Residente)
    documentos: tuple[Documento, ...] | None = None
    calificaciones: Calificaciones = attrs.Factory(Calificaciones)
    historia: tuple[Evento, ...] | None = None
    archivos_conformes: bool | None = None
    """Whether the uploaded files meet the call's file table (what ``revisar-archivos`` checks:
    XLVI 2.1 nota 2 c; XLIX 2.2.3 c)."""
    archivos_legibles: bool | None = None
    """Whether every uploaded file is legible (XLVI 7; XLIX 2.2.3 b, 7.1)."""

    def documento(self, tipo: str) -> Documento | None:
        """The document of that kind, if presented (``None`` also when documents are unknown)."""
        for documento in self.documentos or ():
            if documento.tipo == tipo:
                return documento
        return None
