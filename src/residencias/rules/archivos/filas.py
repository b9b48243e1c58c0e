"""The rows of the file table one applicant must provide: who they are (PARTICIPANTE; ``todos``
always applies), the rows that ask them for a file (``aplica``, JPG only), and how the table is
cited."""

from __future__ import annotations

import re
from collections.abc import Iterable

from residencias.domain.archivos import EspecificacionArchivo, Participante
from residencias.domain.convocatoria import Convocatoria
from residencias.errors import InvalidQueryError
from residencias.text import mostrar

__all__ = ["QUIEN", "check_participantes", "cita_de_tabla", "filas_pedidas"]

_ROW_SUFFIX = re.compile(r",\s*filas?\s.*\Z")
_JPEG_FORMATS = frozenset({"JPG", "JPEG"})

QUIEN = {
    Participante.TODOS: "todos los aspirantes",
    Participante.MEXICANO: "los aspirantes mexicanos",
    Participante.EXTRANJERO: "los aspirantes extranjeros",
    Participante.TRABAJADOR_IMSS: "los trabajadores IMSS",
    Participante.HIJO_TRABAJADOR_IMSS: "los hijos de trabajadores IMSS",
}
"""Whom a row's PARTICIPANTE names, as a finding says it."""


def check_participantes(participantes: Iterable[Participante]) -> frozenset[Participante]:
    """Refuse an unknown PARTICIPANTE or a contradiction (mexicano and extranjero); add ``todos``,
    which always applies."""
    given = frozenset(participantes)
    wrong = [p for p in given if not isinstance(p, Participante)]
    if wrong:
        valid = ", ".join(p.value for p in Participante)
        raise InvalidQueryError(f"participante desconocido {mostrar(wrong[0])}; se esperaba uno de: {valid}")
    if {Participante.MEXICANO, Participante.EXTRANJERO} <= given:
        raise InvalidQueryError("un aspirante es mexicano o extranjero, no las dos cosas")
    return given | {Participante.TODOS}


def cita_de_tabla(convocatoria: Convocatoria) -> str:
    """How a file no row asks for cites the table: the first row's article without its row."""
    first = convocatoria.archivos[0].articulo
    table = _ROW_SUFFIX.sub("", first)
    return table if table != first else f"tabla de archivos de {convocatoria.id}"


def filas_pedidas(
    convocatoria: Convocatoria, participantes: frozenset[Participante]
) -> list[EspecificacionArchivo]:
    """The rows that ask this person for a file (``aplica``, a NOMBRE, a PARTICIPANTE of theirs);
    refuse one whose format is not JPG."""
    filas = [f for f in convocatoria.archivos if f.aplica and f.nombre and f.participante in participantes]
    for fila in filas:
        if fila.formato is None or fila.formato.upper() not in _JPEG_FORMATS:
            raise InvalidQueryError(
                f"{fila.articulo} pide el formato «{fila.formato}»; esta revisión solo sabe revisar JPG"
            )
    return filas
