"""The domain: frozen, typed objects that hold what the five convocatorias say."""

from residencias.domain.archivos import EspecificacionArchivo, Participante
from residencias.domain.cer import CERDisponible, PrerrequisitoCER, TablaCER, TablasCER
from residencias.domain.convocatoria import (
    CicloAcademico,
    Convocatoria,
    Fuente,
    Inconsistencia,
    Institucion,
    Publicacion,
    TextoCitado,
    ZonaHoraria,
)
from residencias.domain.especialidades import CatalogoEspecialidades, Entrada, Errata, Especialidad
from residencias.domain.expediente import Calificaciones, Documento, Expediente
from residencias.domain.personas import (
    Antecedentes,
    Aspirante,
    ConstanciaENARM,
    Estudios,
    Nacionalidad,
    Residente,
    SituacionLaboral,
    TrabajadorIMSS,
)
from residencias.domain.sede import Sede

__all__ = [
    "Antecedentes",
    "Aspirante",
    "CERDisponible",
    "Calificaciones",
    "CatalogoEspecialidades",
    "CicloAcademico",
    "ConstanciaENARM",
    "Convocatoria",
    "Documento",
    "Entrada",
    "Errata",
    "Especialidad",
    "EspecificacionArchivo",
    "Estudios",
    "Expediente",
    "Fuente",
    "Inconsistencia",
    "Institucion",
    "Nacionalidad",
    "Participante",
    "PrerrequisitoCER",
    "Publicacion",
    "Residente",
    "Sede",
    "SituacionLaboral",
    "TablaCER",
    "TablasCER",
    "TextoCitado",
    "TrabajadorIMSS",
    "ZonaHoraria",
]
