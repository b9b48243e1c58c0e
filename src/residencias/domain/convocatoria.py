"""A convocatoria: one source document, its metadata, and the sections later modules read.

Every value carries the article (or place) of the document it comes from. Where a document is
silent the field is empty and says so in ``nota``; nothing is invented.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from functools import cached_property

import attrs

from residencias.domain.archivos import EspecificacionArchivo
from residencias.domain.asignacion import DatosAsignacion
from residencias.domain.calendario import DatosCalendario
from residencias.domain.cer import (
    CERDisponible,
    PrerrequisitoCER,
    TablasCER,
    cers_disponibles,
    diploma_institucional,
)
from residencias.domain.especialidades import CatalogoEspecialidades
from residencias.domain.proceso import Proceso
from residencias.domain.puntaje import ParametrosPuntaje
from residencias.domain.reglas import Requisitos
from residencias.domain.validators import DERIVADO, InvalidValue, non_empty, slug, zone_name
from residencias.errors import InvalidQueryError
from residencias.text import normalize_name

__all__ = [
    "CicloAcademico",
    "Convocatoria",
    "Fuente",
    "Inconsistencia",
    "Institucion",
    "Publicacion",
    "TextoCitado",
    "ZonaHoraria",
]


class Institucion(enum.Enum):
    IMSS = "IMSS"
    UNAM = "UNAM"


@attrs.frozen
class Fuente:
    """The source document: the file of ../shared/seeds it was transcribed from, and its form."""

    documento: str = attrs.field(validator=non_empty)
    descripcion: str = attrs.field(validator=non_empty)


@attrs.frozen
class TextoCitado:
    """A passage of the document, summarised or quoted, with the article it comes from."""

    texto: str = attrs.field(validator=non_empty)
    articulo: str = attrs.field(validator=non_empty)


@attrs.frozen
class ZonaHoraria:
    """The time zone of the call's hours: cited where the document states it, else a
    ``supuesto`` (the library's stated assumption)."""

    nombre: str = attrs.field(validator=zone_name)
    articulo: str | None = attrs.field(default=None, validator=non_empty)
    supuesto: str | None = attrs.field(default=None, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        if (self.articulo is None) == (self.supuesto is None):
            raise InvalidValue(
                "la zona horaria lleva 'articulo' si el documento la dice, o 'supuesto' si no; "
                "exactamente uno de los dos",
                "nombre",
            )


@attrs.frozen
class Publicacion:
    """When the document says it was published; ``fecha_hora`` is empty where it does not say."""

    articulo: str = attrs.field(validator=non_empty)
    fecha_hora: datetime | None = None
    nota: str | None = attrs.field(default=None, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        if self.fecha_hora is None and self.nota is None:
            raise InvalidValue("sin 'fecha_hora' hace falta una 'nota' que diga por qué", "nota")


@attrs.frozen
class CicloAcademico:
    """The academic cycle the call is for; start and end only where the document states them."""

    nombre: str = attrs.field(validator=non_empty)
    articulo: str = attrs.field(validator=non_empty)
    inicio: date | None = None
    fin: date | None = None
    nota: str | None = attrs.field(default=None, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        if self.inicio is not None and self.fin is not None and self.fin < self.inicio:
            raise InvalidValue(
                f"el ciclo termina ({self.fin}) antes de empezar ({self.inicio})", "fin"
            )


@attrs.frozen
class Inconsistencia:
    """A contradiction or slip inside the document, kept as written and cited in both places."""

    id: str = attrs.field(validator=slug)
    descripcion: str = attrs.field(validator=non_empty)
    lugares: tuple[str, ...] = attrs.field()

    @lugares.validator
    def _two_places(self, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]) -> None:
        if len(value) < 2 or any(not place.strip() for place in value):
            raise InvalidValue(
                "una inconsistencia cita al menos dos lugares del documento", attribute.name
            )


@attrs.frozen
class Convocatoria:
    """One convocatoria, loaded from its YAML file (see :func:`residencias.load_convocatoria`)."""

    id: str = attrs.field(validator=slug)
    institucion: Institucion
    dependencia: str = attrs.field(validator=non_empty)
    titulo: str = attrs.field(validator=non_empty)
    dirigida_a: TextoCitado
    publicacion: Publicacion
    zona_horaria: ZonaHoraria
    ciclo_academico: CicloAcademico
    fuente: Fuente
    especialidades: CatalogoEspecialidades
    tablas: TablasCER | None = None
    calendario: DatosCalendario | None = None
    requisitos: Requisitos | None = None
    puntaje: ParametrosPuntaje | None = None
    asignacion: DatosAsignacion | None = None
    proceso: Proceso | None = None
    archivos: tuple[EspecificacionArchivo, ...] = ()
    inconsistencias: tuple[Inconsistencia, ...] = ()
    datos_sha256: str | None = attrs.field(default=None, eq=False, metadata={DERIVADO: True})
    """The sha256 of the data file it was loaded from (set by the loader, not written in it)."""

    def __attrs_post_init__(self) -> None:
        if self.proceso is None:
            return
        datos = self.calendario
        known = {v.accion for v in datos.ventanas} | {p.accion for p in datos.plazos} if datos else set()
        missing = sorted(a.value for a in self.proceso.ventanas_citadas() - known)
        if missing:
            raise InvalidValue(f"el proceso cita ventanas que 'calendario' no tiene: {', '.join(missing)}",
                               "proceso")
        reglas = self.requisitos.reglas if self.requisitos else ()
        unknown = sorted(r.en_proceso for r in reglas
                         if r.en_proceso is not None and r.en_proceso not in self.proceso.accion_por_id)
        if unknown:
            raise InvalidValue("hay reglas 'en_proceso' de acciones que el proceso no tiene: "
                               f"{', '.join(unknown)}", "requisitos")

    def _tablas(self) -> TablasCER:
        if self.tablas is None:
            raise InvalidQueryError(
                f"la convocatoria '{self.id}' no tiene tabla de CER; la tiene imss-cer-2026-2027"
            )
        return self.tablas

    def cers_disponibles(self, ceme: str, grado: int) -> tuple[CERDisponible, ...]:
        """The CERs open to a resident of ``ceme`` who passed ``grado`` (1.3, Tabla 1)."""
        return cers_disponibles(self._tablas(), self.especialidades, ceme, grado)

    def _key(self, nombre: str) -> str:
        found = self.especialidades.buscar(nombre)
        return found.id if found is not None else normalize_name(nombre)

    @cached_property
    def _indice_cer(self) -> tuple[frozenset[tuple[str, str, int]], frozenset[tuple[str, str]]]:
        tablas = self._tablas()
        filas_1 = tablas.prerrequisitos.filas
        tabla_1 = frozenset((self._key(f.cer), self._key(f.ceme), f.grado) for f in filas_1)
        tabla_4 = frozenset((self._key(f.cer), self._key(f.ceme)) for f in tablas.diploma_institucional.filas)
        return tabla_1, tabla_4

    def cer_abierto(self, cer: str, ceme: str, grado: int) -> bool:
        """Whether Tabla 1 offers ``cer`` to a resident of ``ceme`` who passed ``grado`` (1.3)."""
        return (self._key(cer), self._key(ceme), grado) in self._indice_cer[0]

    def requiere_diploma(self, cer: str, ceme: str) -> bool:
        """Whether Tabla 4 obliges this CER/CEME pair to present the institutional diploma (9.1)."""
        return (self._key(cer), self._key(ceme)) in self._indice_cer[1]

    def diploma_institucional(self, cer: str, ceme: str) -> PrerrequisitoCER | None:
        """The Tabla 4 row if this CER/CEME pair must present the institutional diploma (9.1)."""
        return diploma_institucional(self._tablas(), self.especialidades, cer, ceme)
