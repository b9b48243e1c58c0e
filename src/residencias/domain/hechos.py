"""The closed vocabulary of facts a rule may read: every dotted path through an
:class:`~residencias.domain.expediente.Expediente` down to a value, plus the facts the library
computes (``calculado.*``). A rule naming any other fact is refused when its file loads.

>>> for path in sorted(p for p in FACTS if p.startswith("aspirante.trabajador_imss.")):
...     print(path)
aspirante.trabajador_imss.antiguedad_anios
aspirante.trabajador_imss.marca_ocupacion
aspirante.trabajador_imss.plaza_definitiva
aspirante.trabajador_imss.relacion_laboral_vigente
>>> FACTS["aspirante.nacionalidad"].__name__
'Nacionalidad'
"""

from __future__ import annotations

import enum
import types
import typing
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from residencias.domain.expediente import Expediente

__all__ = ["COMPUTED", "COMPUTED_FROM", "FACTS", "MISSING", "fact_type", "read_fact"]

COMPUTED: dict[str, type] = {
    "calculado.cer_en_tabla_1": bool,
    "calculado.diploma_institucional_obligatorio": bool,
    "calculado.cer_solicitado_id": str,
    "calculado.ceme_id": str,
    "calculado.sede_coincide_con_constancia": bool,
    "calculado.sede_y_subsede_coinciden_con_constancia": bool,
    "calculado.curp_valida": bool,
    "calculado.telefonos_completos": bool,
    "calculado.correos_completos": bool,
    "calculado.seleccion_dgces_en_calendario": bool,
    "calculado.ingreso_indirecto": bool,
    "calculado.institucion_es_imss": bool,
    "calculado.numero_cuenta_unam_provisional": bool,
}
"""Facts the library computes from others: whether the CER sought is open to the resident's CEME
and grado (1.3, Tabla 1); whether that pair must present the institutional diploma (9.1); the
catalogue ids of the CER sought and of the CEME; whether the sede registered equals the ENARM
constancia's (XLVI 1.3), and the sede and subsede (XLIX 1.4); whether the CURP is valid (python-stdnum
and the part-by-part checks of :mod:`residencias.domain.curp`); whether two 10-digit telephone
numbers (XLVI 1.6, XLIX 1.5) and two valid e-mail addresses (XLIX 1.5) were captured; whether the
DGCES selection date is one the calendar's staggered registration lists (XLIX 1.2: the answer of
:meth:`~residencias.calendars.Calendario.seleccion_dgces_valida`, the same the calendar gives);
whether the specialty to be studied is of indirect entry (from the specialty catalogue:
``aspirante.especialidad_a_cursar``, else ``aspirante.cer_solicitado``); whether the institution
written is the IMSS (:mod:`residencias.domain.instituciones`); whether the UNAM account number is
a provisional one (:mod:`residencias.domain.cuenta_unam`)."""


COMPUTED_FROM: dict[str, tuple[str, ...]] = {
    "calculado.cer_en_tabla_1": ("aspirante.ceme", "aspirante.grado", "aspirante.cer_solicitado"),
    "calculado.diploma_institucional_obligatorio": ("aspirante.ceme", "aspirante.cer_solicitado"),
    "calculado.cer_solicitado_id": ("aspirante.cer_solicitado",),
    "calculado.ceme_id": ("aspirante.ceme",),
    "calculado.sede_coincide_con_constancia": (
        "aspirante.sede_registrada", "aspirante.constancia_enarm.sede",
    ),
    "calculado.sede_y_subsede_coinciden_con_constancia": (
        "aspirante.sede_registrada", "aspirante.subsede_registrada",
        "aspirante.constancia_enarm.sede", "aspirante.constancia_enarm.subsede",
    ),
    "calculado.curp_valida": ("aspirante.curp",),
    "calculado.telefonos_completos": ("aspirante.telefonos",),
    "calculado.correos_completos": ("aspirante.correos",),
    "calculado.seleccion_dgces_en_calendario": ("aspirante.constancia_enarm.fecha_seleccion_dgces",),
    "calculado.ingreso_indirecto": ("aspirante.especialidad_a_cursar", "aspirante.cer_solicitado"),
    "calculado.institucion_es_imss": ("aspirante.institucion",),
    "calculado.numero_cuenta_unam_provisional": ("aspirante.numero_cuenta_unam",),
}
"""The stated facts each computed fact is computed from: read with it, and named when missing."""


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
"""What :func:`read_fact` returns for a fact the expediente does not state."""


def _leaf_type(annotation: Any) -> Any:
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return args[0] if len(args) == 1 else annotation
    return annotation


_SCALAR_FACTS = {str, int, bool, Decimal, date}


def _walk(cl: type, prefix: str, out: dict[str, type]) -> None:
    hints = typing.get_type_hints(cl)
    for field in attrs.fields(cl):
        kind = _leaf_type(hints[field.name])
        path = f"{prefix}{field.name}"
        if isinstance(kind, type) and attrs.has(kind):
            _walk(kind, path + ".", out)
        elif isinstance(kind, type) and (issubclass(kind, enum.Enum) or kind in _SCALAR_FACTS):
            out[path] = kind


def _facts() -> dict[str, type]:
    out: dict[str, type] = {}
    _walk(Expediente, "", out)
    del out["convocatoria"]
    out.update(COMPUTED)
    return out


FACTS: dict[str, type] = _facts()
"""Every fact path a condition may name, with the type of its value."""


def fact_type(path: str) -> type | None:
    return FACTS.get(path)


def read_fact(expediente: Expediente, path: str) -> Any:
    """The value at ``path`` in the expediente, or :data:`MISSING` if it (or a parent) is absent."""
    value: Any = expediente
    for name in path.split("."):
        value = getattr(value, name, MISSING)
        if value is None or value is MISSING:
            return MISSING
    return value
