"""The person who applies: an :class:`Aspirante` (ENARM calls, UNAM enrollment), or a
:class:`Residente` already in a CEME (CER call, which is "para médicos residentes").

Every fact is optional: a fact that is absent is unknown, never false. The rules of the
convocatorias read these facts by their dotted path (``aspirante.trabajador_imss.antiguedad_anios``).
"""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from residencias.domain import cuenta_unam
from residencias.domain.identificadores import InvalidIdentifierError
from residencias.domain.validators import InvalidValue, at_least, non_empty

__all__ = [
    "Antecedentes",
    "Aspirante",
    "ConstanciaENARM",
    "Estudios",
    "Nacionalidad",
    "Residente",
    "SituacionLaboral",
    "TrabajadorIMSS",
]


class Nacionalidad(enum.Enum):
    """Nationality, and the ENARM category, which the IMSS calls treat as fixed."""

    MEXICANA = "mexicana"
    EXTRANJERA = "extranjera"


class Estudios(enum.Enum):
    """Where studies (the licenciatura, a specialty) were made."""

    MEXICO = "mexico"
    EXTRANJERO = "extranjero"


class SituacionLaboral(enum.Enum):
    """The status of the IMSS worker parent of an applicant: the calls accept different ones
    (XLVI 2.1 nota 1: «activo, jubilado, pensionado»; XLIX 2.2.1 l): «activo o jubilado»)."""

    ACTIVO = "activo"
    JUBILADO = "jubilado"
    PENSIONADO = "pensionado"


_CUENTA_UNAM = ("unam-primer-ingreso-2026, Instructivo, paso 4 (pantalla «Número de cuenta UNAM»): "
                "9 dígitos sin guion, con un cero a la izquierda si son 8 de una generación anterior "
                "a 2000, o el número provisional EM y 7 dígitos")


def _numero_cuenta_unam(_: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """A UNAM account number the Instructivo's screen accepts (:mod:`residencias.domain.cuenta_unam`)."""
    non_empty(_, attribute, value)
    if value is None:
        return
    try:
        cuenta_unam.validate(value)
    except InvalidIdentifierError as exc:
        raise InvalidValue(f"{exc} ({_CUENTA_UNAM})", attribute.name) from None


@attrs.frozen
class TrabajadorIMSS:
    """An IMSS worker (XLIX 2.2.4): plaza definitiva with marca de ocupación 00, 1–15 years."""

    plaza_definitiva: bool | None = None
    marca_ocupacion: str | None = attrs.field(default=None, validator=non_empty)
    antiguedad_anios: Decimal | None = None
    relacion_laboral_vigente: bool | None = None


@attrs.frozen
class ConstanciaENARM:
    """The constancia de seleccionado of the ENARM (CIFRHS / DGCES-CIFRHS)."""

    edicion: int | None = attrs.field(default=None, validator=at_least(1))
    numero: str | None = attrs.field(default=None, validator=non_empty)
    categoria: Nacionalidad | None = None
    sede: str | None = attrs.field(default=None, validator=non_empty)
    subsede: str | None = attrs.field(default=None, validator=non_empty)
    fecha_seleccion_dgces: date | None = None
    digital_con_qr: bool | None = None


@attrs.frozen
class Antecedentes:
    """Background facts that disqualify (penal proceedings, rescission at IMSS, fraud, ...)."""

    proceso_penal: bool | None = None
    litigio_contra_imss: bool | None = None
    litigio_contra_sector_salud: bool | None = None
    rescision_laboral_imss: bool | None = None
    ced_concluido_imss: bool | None = None
    cer_concluido: bool | None = None
    fraude_o_corrupcion: bool | None = None
    informacion_falsa: bool | None = None
    sancion_unam: bool | None = None
    baja_especialidad_unam: bool | None = None
    """Studied a specialty at the UNAM, has an account number and was dropped or suspended
    (unam-primer-ingreso-2026, portada, «NOTA IMPORTANTE»: they go to «REINGRESO»)."""
    participa_en_dos_instituciones: bool | None = None


@attrs.frozen
class Aspirante:
    """An applicant, with the facts the documents ask for."""

    nombre: str | None = attrs.field(default=None, validator=non_empty)
    curp: str | None = attrs.field(default=None, validator=non_empty)
    curp_temporal: str | None = attrs.field(default=None, validator=non_empty)
    folio: str | None = attrs.field(default=None, validator=non_empty)
    numero_cuenta_unam: str | None = attrs.field(default=None, validator=_numero_cuenta_unam)
    nacionalidad: Nacionalidad | None = None
    categoria_enarm: Nacionalidad | None = None
    categoria_registrada: Nacionalidad | None = None
    estudios_licenciatura: Estudios | None = None
    estudios_especialidad: Estudios | None = None
    grado_de_especialista: bool | None = None
    trabajador_imss: TrabajadorIMSS | None = None
    hijo_trabajador_imss: bool | None = None
    situacion_padre_imss: SituacionLaboral | None = None
    """The IMSS worker parent's status (XLIX 2.2.1 l): «activo o jubilado»)."""
    constancia_enarm: ConstanciaENARM | None = None
    sede_registrada: str | None = attrs.field(default=None, validator=non_empty)
    subsede_registrada: str | None = attrs.field(default=None, validator=non_empty)
    aceptado_en_sede: bool | None = None
    examenes_medicos_aptos: bool | None = None
    """Found fit in the medical and psychometric exams of the OOAD (XLIX 4.3; CER 8.2, paso 3)."""
    curso_induccion_acreditado: bool | None = None
    """Attended and passed the induction course (XLIX 6) or the «curso propedéutico» (XLVI 5.III)."""
    aval_unam_vigente: bool | None = None
    titulo_en_tramite: bool | None = None
    cedula_en_tramite: bool | None = None
    servicio_social_concluido: date | None = None
    fecha_registro: date | None = None
    ingreso_previo_unam: bool | None = None
    especialidad_a_cursar: str | None = attrs.field(default=None, validator=non_empty)
    """The specialty the resident will study (UNAM): its form of entry, direct or indirect, comes
    from the specialty catalogue (unam-primer-ingreso-2026, nota 1 «Ingreso Indirecto»)."""
    convalida_estudios: bool | None = None
    """Studied a year of a specialty at another university and will have it validated
    (unam-primer-ingreso-2026, portada, «realizarán convalidación (revalidación) de estudios»)."""
    convalidacion_realizada: bool | None = None
    """The convalidación (revalidación) of those studies was done before the DGIRE."""
    ultimo_periodo_inscrito: int | None = None
    antecedentes: Antecedentes = attrs.Factory(Antecedentes)
    correos: tuple[str, ...] | None = None
    telefonos: tuple[str, ...] | None = None


@attrs.frozen
class Residente(Aspirante):
    """A resident in a CEME: the specialty and grado of the current cycle, and the CER sought."""

    ceme: str | None = attrs.field(default=None, validator=non_empty)
    grado: int | None = attrs.field(default=None, validator=at_least(1))
    institucion: str | None = attrs.field(default=None, validator=non_empty)
    ingreso_ced_por_enarm: bool | None = None
    inscrito_ceme_ciclo_2025_2026: bool | None = None
    grado_aprobado_ciclo_2025_2026: bool | None = None
    grados_previos_aprobados: bool | None = None
    cer_solicitado: str | None = attrs.field(default=None, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        if self.grado is not None and self.ceme is None:
            raise InvalidValue("hay 'grado' sin 'ceme': el grado es del CEME que se cursa", "grado")
