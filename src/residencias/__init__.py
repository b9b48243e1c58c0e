"""residencias: the calls for medical residencies in Mexico (IMSS, UNAM), executable and cited.

>>> import residencias
>>> conv = residencias.load_convocatoria("imss-cer-2026-2027")
>>> [d.fila.cer for d in conv.cers_disponibles(ceme="medicina interna", grado=2)]
['Cardiología', 'Gastroenterología', 'Nefrología', 'Neurología', 'Oncología médica', 'Reumatología']

Every public name is imported the first time it is used (PEP 562 ``__getattr__``), so that
``import residencias`` stays cheap: the domain, the YAML machinery, the rules, ``holidays``,
``icalendar`` and ``jinja2`` load only when a function or class that needs them is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from residencias.perezoso import servir

if TYPE_CHECKING:
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

_ORIGEN: dict[str, str] = {
    "Asignacion": "residencias.assignment.asignacion",
    "Aspirante": "residencias.domain",
    "Auditoria": "residencias.assignment.replay",
    "CERDisponible": "residencias.domain",
    "CatalogoEspecialidades": "residencias.domain",
    "Concurso": "residencias.assignment.concurso",
    "ConcursoInvalidoError": "residencias.assignment.validacion",
    "Convocatoria": "residencias.domain",
    "DataFileError": "residencias.errors",
    "Dictamen": "residencias.rules.dictamen",
    "Documento": "residencias.domain",
    "Entrada": "residencias.assignment.concurso",
    "Especialidad": "residencias.domain",
    "Estado": "residencias.process",
    "Evento": "residencias.domain.historia",
    "EventoRechazadoError": "residencias.process",
    "Expediente": "residencias.domain",
    "Hallazgo": "residencias.rules.dictamen",
    "Historia": "residencias.domain.historia",
    "InvalidQueryError": "residencias.errors",
    "Observacion": "residencias.consistency",
    "Paso": "residencias.process",
    "PoliticaAsignacion": "residencias.assignment.politica",
    "PrerrequisitoCER": "residencias.domain",
    "ResidenciasError": "residencias.errors",
    "Residente": "residencias.domain",
    "Resultado": "residencias.rules.dictamen",
    "ResultadoGeneral": "residencias.rules.dictamen",
    "Sede": "residencias.domain",
    "Severidad": "residencias.consistency",
    "Solicitud": "residencias.assignment.concurso",
    "UnknownConvocatoriaError": "residencias.errors",
    "UnknownEspecialidadError": "residencias.errors",
    "Verificacion": "residencias.assignment.verificacion",
    "assign": "residencias.assignment.asignacion",
    "convocatorias_disponibles": "residencias.loading.files",
    "estado": "residencias.process",
    "evaluar_requisitos": "residencias.rules.evaluador",
    "evaluate": "residencias.process",
    "lint": "residencias.consistency",
    "load_calendario": "residencias.calendars.calendario",
    "load_catalogo": "residencias.loading.files",
    "load_convocatoria": "residencias.loading.files",
    "load_entrada": "residencias.assignment.fixtures",
    "load_expediente": "residencias.loading.files",
    "load_historia": "residencias.loading.files",
    "registrar": "residencias.process",
    "replay": "residencias.assignment.replay",
    "revisar_preasignacion": "residencias.rules.preasignacion",
    "siguientes_pasos": "residencias.process",
    "to_mermaid": "residencias.process",
    "verify": "residencias.assignment.verificacion",
}
"""Where each public name lives (the module it is imported from on first use)."""


__getattr__, __dir__ = servir(__name__, _ORIGEN, __all__)
