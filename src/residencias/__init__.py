"""residencias: the calls for medical residencies in Mexico (IMSS, UNAM), executable and cited.

>>> import residencias
>>> conv = residencias.load_convocatoria("imss-cer-2026-2027")
>>> [d.fila.cer for d in conv.cers_disponibles(ceme="medicina interna", grado=2)]
['Cardiología', 'Gastroenterología', 'Nefrología', 'Neurología', 'Oncología médica', 'Reumatología']
"""

from residencias.assignment.asignacion import Asignacion, assign
from residencias.assignment.concurso import Concurso, Entrada, Solicitud
from residencias.assignment.fixtures import load_entrada
from residencias.assignment.politica import PoliticaAsignacion
from residencias.assignment.replay import Auditoria, replay
from residencias.assignment.validacion import ConcursoInvalidoError
from residencias.assignment.verificacion import Verificacion, verify
from residencias.calendars.calendario import load_calendario
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
from residencias.domain.historia import Evento, Historia
from residencias.errors import (
    DataFileError,
    InvalidQueryError,
    ResidenciasError,
    UnknownConvocatoriaError,
    UnknownEspecialidadError,
)
from residencias.loading.files import (
    convocatorias_disponibles,
    load_catalogo,
    load_convocatoria,
    load_expediente,
    load_historia,
)
from residencias.process import (
    Estado,
    EventoRechazadoError,
    Paso,
    estado,
    evaluate,
    registrar,
    siguientes_pasos,
    to_mermaid,
)
from residencias.rules.dictamen import Dictamen, Hallazgo, Resultado, ResultadoGeneral
from residencias.rules.evaluador import evaluar_requisitos
from residencias.rules.preasignacion import revisar_preasignacion

__all__ = [
    "Asignacion",
    "Aspirante",
    "Auditoria",
    "CERDisponible",
    "CatalogoEspecialidades",
    "Concurso",
    "ConcursoInvalidoError",
    "Convocatoria",
    "DataFileError",
    "Dictamen",
    "Documento",
    "Entrada",
    "Especialidad",
    "Estado",
    "Evento",
    "EventoRechazadoError",
    "Expediente",
    "Hallazgo",
    "Historia",
    "InvalidQueryError",
    "Observacion",
    "Paso",
    "PoliticaAsignacion",
    "PrerrequisitoCER",
    "ResidenciasError",
    "Residente",
    "Resultado",
    "ResultadoGeneral",
    "Sede",
    "Severidad",
    "Solicitud",
    "UnknownConvocatoriaError",
    "UnknownEspecialidadError",
    "Verificacion",
    "assign",
    "convocatorias_disponibles",
    "estado",
    "evaluar_requisitos",
    "evaluate",
    "lint",
    "load_calendario",
    "load_catalogo",
    "load_convocatoria",
    "load_entrada",
    "load_expediente",
    "load_historia",
    "registrar",
    "replay",
    "revisar_preasignacion",
    "siguientes_pasos",
    "to_mermaid",
    "verify",
]

__version__ = "0.1.0"
