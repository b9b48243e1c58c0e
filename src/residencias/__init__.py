"""residencias: the calls for medical residencies in Mexico (IMSS, UNAM), executable and cited.

>>> import residencias
>>> conv = residencias.load_convocatoria("imss-cer-2026-2027")
>>> [d.fila.cer for d in conv.cers_disponibles(ceme="medicina interna", grado=2)]
['Cardiología', 'Gastroenterología', 'Nefrología', 'Neurología', 'Oncología médica', 'Reumatología']
"""

from residencias.consistency import Observacion, Severidad, lint
from residencias.domain import (
    Aspirante,
    CatalogoEspecialidades,
    CERDisponible,
    Convocatoria,
    Documento,
    Especialidad,
    Expediente,
    PrerrequisitoCER,
    Residente,
    Sede,
)
from residencias.errors import (
    DataFileError,
    InvalidQueryError,
    ResidenciasError,
    UnknownConvocatoriaError,
    UnknownEspecialidadError,
)
from residencias.loading.files import (
    convocatorias_disponibles,
    load_calendario,
    load_catalogo,
    load_convocatoria,
    load_expediente,
)
from residencias.rules.dictamen import Dictamen, Hallazgo, Resultado, ResultadoGeneral
from residencias.rules.evaluador import evaluate

__all__ = [
    "Aspirante",
    "CERDisponible",
    "CatalogoEspecialidades",
    "Convocatoria",
    "DataFileError",
    "Dictamen",
    "Documento",
    "Especialidad",
    "Expediente",
    "Hallazgo",
    "InvalidQueryError",
    "Observacion",
    "PrerrequisitoCER",
    "ResidenciasError",
    "Residente",
    "Resultado",
    "ResultadoGeneral",
    "Sede",
    "Severidad",
    "UnknownConvocatoriaError",
    "UnknownEspecialidadError",
    "convocatorias_disponibles",
    "evaluate",
    "lint",
    "load_calendario",
    "load_catalogo",
    "load_convocatoria",
    "load_expediente",
]

__version__ = "0.1.0"
