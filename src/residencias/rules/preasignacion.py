"""Direct pre-assignment in the ENARM calls: the sede comes from the CIFRHS, not from a contest.

Those selected in the ENARM get their sede from the CIFRHS (the "pre-asignación directa",
imss-enarm-xlvi-2023 sección 7: "La asignación de su adscripción académica es con base en la
pre-asignación directa que se llevó a cabo en la CIFRHS"). IMSS only checks the registration
against the constancia de seleccionado, and each call says what it compares and what follows:

- XLVI 1.3 compares the **sede** only ("LA SEDE PRE-ASIGNADA POR CIFRHS COMO PRIMERA OPCIÓN";
  "En caso de MODIFICAR la sede preasignada, su participación quedará ANULADA"): a subsede that
  differs does not annul;
- XLIX 1.4 compares **sede and subsede** ("Es indispensable que los datos coincidan exactamente
  con los que señala la Constancia de Seleccionado") and states no consequence of its own; the
  only one the call gives is the general one of 7.4 ("el incumplimiento de las mismas será causa
  de cancelación de la participación"). The rule's ``consecuencia`` in the data says which.

Names are compared as written (Unicode NFC, nothing else) and, failing that, with accents, case,
punctuation and runs of blanks folded: a person types the expediente, the documents say
"exactamente". When only the folding made them equal, the comparison says so (``plegado``) and the
rule's ``supuesto`` is reported with the outcome. The subsede (XLIX) counts when either side states
one: both must state it and agree; if only one states it, a different sede already decides
(``False``), else the answer is unknown (``None``).
"""

from __future__ import annotations

import enum
import unicodedata

import attrs

from residencias.domain.convocatoria import Convocatoria
from residencias.domain.expediente import Expediente
from residencias.domain.personas import Aspirante
from residencias.domain.reglas import Efecto
from residencias.domain.tipos import comprobar
from residencias.errors import InvalidQueryError
from residencias.text import normalize_name

__all__ = [
    "HECHO_SEDE",
    "HECHO_SEDE_Y_SUBSEDE",
    "ComparacionSede",
    "EstadoPreasignacion",
    "Preasignacion",
    "comparar_sede",
    "revisar_preasignacion",
    "sede_coincide",
]

HECHO_SEDE = "calculado.sede_coincide_con_constancia"
"""The sede registered against the constancia's (XLVI 1.3)."""
HECHO_SEDE_Y_SUBSEDE = "calculado.sede_y_subsede_coinciden_con_constancia"
"""The sede and subsede registered against the constancia's (XLIX 1.4)."""


@attrs.frozen
class ComparacionSede:
    """Whether the registration equals the constancia (``None``: not known), and whether only
    folding accents, case and punctuation made it equal."""

    coincide: bool | None
    plegado: bool = False


def _as_written(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _same(a: str, b: str) -> tuple[bool, bool]:
    """(equal, only after folding)."""
    if _as_written(a) == _as_written(b):
        return True, False
    folded = normalize_name(a) == normalize_name(b)
    return folded, folded


def comparar_sede(persona: Aspirante, *, con_subsede: bool) -> ComparacionSede:
    """Compare the sede (and, with ``con_subsede``, the subsede) registered with the constancia's.

    >>> from residencias.domain.personas import Aspirante, ConstanciaENARM
    >>> p = Aspirante(sede_registrada="HGZ 1 Tlaxcala", subsede_registrada="UMF 2",
    ...               constancia_enarm=ConstanciaENARM(sede="hgz 1 tlaxcala", subsede="UMF 9"))
    >>> comparar_sede(p, con_subsede=False)
    ComparacionSede(coincide=True, plegado=True)
    >>> comparar_sede(p, con_subsede=True)
    ComparacionSede(coincide=False, plegado=False)
    """
    constancia = persona.constancia_enarm
    if constancia is None or not constancia.sede or not persona.sede_registrada:
        return ComparacionSede(None)
    same, folded = _same(constancia.sede, persona.sede_registrada)
    if not con_subsede or not (constancia.subsede or persona.subsede_registrada):
        return ComparacionSede(same, same and folded)
    if constancia.subsede and persona.subsede_registrada:
        same_sub, folded_sub = _same(constancia.subsede, persona.subsede_registrada)
        both = same and same_sub
        return ComparacionSede(both, both and (folded or folded_sub))
    return ComparacionSede(False) if not same else ComparacionSede(None)


def sede_coincide(persona: Aspirante) -> bool | None:
    """Whether the sede and subsede registered equal the constancia's (``None``: not known)
    (the XLIX 1.4 comparison; XLVI 1.3 compares the sede only, see :func:`comparar_sede`).

    >>> from residencias.domain.personas import Aspirante, ConstanciaENARM
    >>> p = Aspirante(sede_registrada="HGZ 1 Tlaxcala",
    ...               constancia_enarm=ConstanciaENARM(sede="hgz 1 tlaxcala"))
    >>> sede_coincide(p)
    True
    """
    return comparar_sede(persona, con_subsede=True).coincide


class EstadoPreasignacion(enum.Enum):
    CONFIRMADA = "confirmada"
    ANULADA = "anulada"
    """The document annuls a registration that differs (XLVI 1.3)."""
    NO_COINCIDE = "no_coincide"
    """The registration differs and the document states no annulment (XLIX 1.4): the consequence
    is the one the rule's ``consecuencia`` cites (XLIX 7.4, grounds for cancellation)."""
    FALTA_INFORMACION = "falta_informacion"


@attrs.frozen
class Preasignacion:
    """The check of one registration against its constancia, with the rule that states it, the
    consequence the document gives, and the supuesto when folding names decided it."""

    convocatoria: str
    estado: EstadoPreasignacion
    regla: str
    articulo: str
    mensaje: str
    sede_registrada: str | None
    subsede_registrada: str | None
    sede_constancia: str | None
    subsede_constancia: str | None
    compara_subsede: bool = False
    consecuencia: str | None = None
    articulo_consecuencia: str | None = None
    supuesto: str | None = None

    def explicar(self) -> str:
        que = "la sede y la subsede registradas" if self.compara_subsede else "la sede registrada"
        registrada = " / ".join(x for x in (self.sede_registrada, self.subsede_registrada) if x)
        constancia = " / ".join(x for x in (self.sede_constancia, self.subsede_constancia) if x)
        head = {
            EstadoPreasignacion.CONFIRMADA: f"pre-asignación confirmada: {que} coinciden con la "
            "constancia" if self.compara_subsede else f"pre-asignación confirmada: {que} es la de la "
            "constancia",
            EstadoPreasignacion.ANULADA: f"registro ANULADO: {que} no es la de la constancia",
            EstadoPreasignacion.NO_COINCIDE: f"{que} no coinciden exactamente con la constancia",
            EstadoPreasignacion.FALTA_INFORMACION: f"falta información para comparar {que} con la "
            "constancia",
        }[self.estado]
        registrada, constancia = registrada or "sin dato", constancia or "sin dato"
        lines = [f"{self.convocatoria}, {self.articulo}: {head}.", f"  Registrada: {registrada}",
                 f"  Constancia: {constancia}", f"  Regla {self.regla}: {self.mensaje}"]
        negative = {EstadoPreasignacion.ANULADA, EstadoPreasignacion.NO_COINCIDE}
        if self.consecuencia and self.estado in negative:
            lines.append(f"  Consecuencia ({self.articulo_consecuencia}): {self.consecuencia}")
        if self.supuesto:
            lines.append(f"  Supuesto: {self.supuesto}")
        return "\n".join(lines)


def revisar_preasignacion(convocatoria: Convocatoria, expediente: Expediente) -> Preasignacion:
    """Compare the registration with the constancia, under the rule of ``convocatoria`` that
    states it (XLVI 1.3: the sede; XLIX 1.4: sede and subsede). A call without such a rule is
    refused."""
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
    found = [r for r in reglas
             if r.condicion is not None and r.condicion.hecho in {HECHO_SEDE, HECHO_SEDE_Y_SUBSEDE}]
    if not found:
        raise InvalidQueryError(
            f"la convocatoria '{convocatoria.id}' no asigna sede por pre-asignación "
            "directa; la tienen imss-enarm-xlvi-2023 e imss-enarm-xlix-2026-tercer-periodo"
        )
    regla = found[0]
    con_subsede = regla.condicion is not None and regla.condicion.hecho == HECHO_SEDE_Y_SUBSEDE
    persona = expediente.aspirante
    comparacion = comparar_sede(persona, con_subsede=con_subsede)
    consecuencia = regla.consecuencia
    if comparacion.coincide is None:
        estado = EstadoPreasignacion.FALTA_INFORMACION
    elif comparacion.coincide:
        estado = EstadoPreasignacion.CONFIRMADA
    elif consecuencia is not None and consecuencia.efecto is Efecto.ANULACION:
        estado = EstadoPreasignacion.ANULADA
    else:
        estado = EstadoPreasignacion.NO_COINCIDE
    constancia = persona.constancia_enarm
    return Preasignacion(
        convocatoria.id,
        estado,
        regla.id,
        regla.articulo,
        regla.mensaje,
        persona.sede_registrada,
        persona.subsede_registrada if con_subsede else None,
        constancia.sede if constancia else None,
        constancia.subsede if constancia and con_subsede else None,
        con_subsede,
        consecuencia.texto if consecuencia else None,
        consecuencia.articulo if consecuencia else None,
        regla.supuesto if comparacion.plegado else None,
    )
