"""The domain: frozen, typed objects that hold what the five convocatorias say.

Each name is imported on first use (PEP 562), so that importing one module of the domain (say
``residencias.domain.fechas``) does not build every class of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from residencias.perezoso import servir

if TYPE_CHECKING:
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

_ORIGEN: dict[str, str] = {
    "Antecedentes": "residencias.domain.personas",
    "Aspirante": "residencias.domain.personas",
    "CERDisponible": "residencias.domain.cer",
    "Calificaciones": "residencias.domain.expediente",
    "CatalogoEspecialidades": "residencias.domain.especialidades",
    "CicloAcademico": "residencias.domain.convocatoria",
    "ConstanciaENARM": "residencias.domain.personas",
    "Convocatoria": "residencias.domain.convocatoria",
    "Documento": "residencias.domain.expediente",
    "Entrada": "residencias.domain.especialidades",
    "Errata": "residencias.domain.especialidades",
    "Especialidad": "residencias.domain.especialidades",
    "EspecificacionArchivo": "residencias.domain.archivos",
    "Estudios": "residencias.domain.personas",
    "Expediente": "residencias.domain.expediente",
    "Fuente": "residencias.domain.convocatoria",
    "Inconsistencia": "residencias.domain.convocatoria",
    "Institucion": "residencias.domain.convocatoria",
    "Nacionalidad": "residencias.domain.personas",
    "Participante": "residencias.domain.archivos",
    "PrerrequisitoCER": "residencias.domain.cer",
    "Publicacion": "residencias.domain.convocatoria",
    "Residente": "residencias.domain.personas",
    "Sede": "residencias.domain.sede",
    "SituacionLaboral": "residencias.domain.personas",
    "TablaCER": "residencias.domain.cer",
    "TablasCER": "residencias.domain.cer",
    "TextoCitado": "residencias.domain.convocatoria",
    "TrabajadorIMSS": "residencias.domain.personas",
    "ZonaHoraria": "residencias.domain.convocatoria",
}
"""Where each public name lives (the module it is imported from on first use)."""


__getattr__, __dir__ = servir(__name__, _ORIGEN, __all__)
