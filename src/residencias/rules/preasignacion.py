"""Direct pre-assignment in the ENARM calls: the sede comes from the CIFRHS, not from a contest.

Those selected in the ENARM get their sede from the CIFRHS (the "pre-asignación directa",
imss-enarm-xlvi-2023 sección 7: "La asignación de su adscripción académica es con base en la
pre-asignación directa que se llevó a cabo en la CIFRHS"). IMSS only checks that the sede (and
subsede) registered equal those of the constancia de seleccionado: XLVI 1.3 ("En caso de
MODIFICAR la sede preasignada, su participación quedará ANULADA") and XLIX 1.4 ("Es indispensable
que los datos coincidan exactamente con los que señala la Constancia de Seleccionado").

Names are compared with accents, case, blanks and punctuation ignored. The subsede counts when
either side states one: both must state it and agree; if only one states it, a different sede
already decides (``False``), else the answer is unknown (``None``).
"""

from __future__ import annotations

import enum

import attrs

from residencias.domain.convocatoria import Convocatoria
from residencias.domain.expediente import Expediente
from residencias.domain.personas import Aspirante
from residencias.domain.tipos import comprobar
from residencias.errors import InvalidQueryError
from residencias.text import normalize_name

__all__ = ["EstadoPreasignacion", "Preasignacion", "revisar_preasignacion", "sede_coincide"]

HECHO = "calculado.sede_coincide_con_constancia"


def sede_coincide(persona: Aspirante) -> bool | None:
    """Whether the sede and subsede registered equal the constancia's (``None``: not known).

    >>> from residencias.domain.personas import Aspirante, ConstanciaENARM
    >>> p = Aspirante(sede_registrada="HGZ 1 Tlaxcala",
    ...               constancia_enarm=ConstanciaENARM(sede="hgz 1 tlaxcala"))
    >>> sede_coincide(p)
    True
    """
    constancia = persona.constancia_enarm
    if constancia is None or not constancia.sede or not persona.sede_registrada:
        return None
    same = normalize_name(constancia.sede) == normalize_name(persona.sede_registrada)
    if not (constancia.subsede or persona.subsede_registrada):
        return same
    if constancia.subsede and persona.subsede_registrada:
        return same and normalize_name(constancia.subsede) == normalize_name(persona.subsede_registrada)
    return False if not same else None


class EstadoPreasignacion(enum.Enum):
    CONFIRMADA = "confirmada"
    ANULADA = "anulada"
    FALTA_INFORMACION = "falta_informacion"


@attrs.frozen
class Preasignacion:
    """The check of one registration against its constancia, with the rule that states it."""

    convocatoria: str
    estado: EstadoPreasignacion
    regla: str
    articulo: str
    mensaje: str
    sede_registrada: str | None
    subsede_registrada: str | None
    sede_constancia: str | None
    subsede_constancia: str | None

    def explicar(self) -> str:
        registrada = " / ".join(x for x in (self.sede_registrada, self.subsede_registrada) if x)
        constancia = " / ".join(x for x in (self.sede_constancia, self.subsede_constancia) if x)
        head = {
            EstadoPreasignacion.CONFIRMADA: "pre-asignación confirmada: la sede registrada es la de la "
            "constancia",
            EstadoPreasignacion.ANULADA: "registro ANULADO: la sede registrada no es la de la constancia",
            EstadoPreasignacion.FALTA_INFORMACION: "falta información para comparar la sede con la "
            "constancia",
        }[self.estado]
        registrada, constancia = registrada or "sin dato", constancia or "sin dato"
        return (
            f"{self.convocatoria}, {self.articulo}: {head}.\n  Registrada: {registrada}\n"
            f"  Constancia: {constancia}\n  Regla {self.regla}: {self.mensaje}"
        )


def revisar_preasignacion(convocatoria: Convocatoria, expediente: Expediente) -> Preasignacion:
    """Compare the sede registered with the constancia, under the rule of ``convocatoria`` that
    states it (XLVI 1.3, XLIX 1.4). A call without such a rule is refused."""
    if not isinstance(convocatoria, Convocatoria):
        raise InvalidQueryError(f"'convocatoria' debe ser una Convocatoria (load_convocatoria), se "
                                f"recibió {type(convocatoria).__name__}")
    if not isinstance(expediente, Expediente):
        raise InvalidQueryError(f"'expediente' debe ser un Expediente, "
                                f"se recibió {type(expediente).__name__}")
    comprobar(expediente, "expediente")
    if expediente.convocatoria != convocatoria.id:
        raise InvalidQueryError(
            f"el expediente es para '{expediente.convocatoria}', no para '{convocatoria.id}'"
        )
    reglas = convocatoria.requisitos.reglas if convocatoria.requisitos else ()
    found = [r for r in reglas if r.condicion is not None and r.condicion.hecho == HECHO]
    if not found:
        raise InvalidQueryError(
            f"la convocatoria '{convocatoria.id}' no asigna sede por pre-asignación "
            "directa; la tienen imss-enarm-xlvi-2023 e imss-enarm-xlix-2026-tercer-periodo"
        )
    regla = found[0]
    persona = expediente.aspirante
    same = sede_coincide(persona)
    estado = (
        EstadoPreasignacion.FALTA_INFORMACION
        if same is None
        else EstadoPreasignacion.CONFIRMADA
        if same
        else EstadoPreasignacion.ANULADA
    )
    constancia = persona.constancia_enarm
    return Preasignacion(
        convocatoria.id,
        estado,
        regla.id,
        regla.articulo,
        regla.mensaje,
        persona.sede_registrada,
        persona.subsede_registrada,
        constancia.sede if constancia else None,
        constancia.subsede if constancia else None,
    )
