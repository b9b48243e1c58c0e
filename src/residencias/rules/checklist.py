"""The checklist of documents a case must present: the document rules of a convocatoria whose
``aplica_si`` holds for the applicant's category (or cannot be decided from it: "según su caso").

Categories are the document's own: Mexican with studies in Mexico, Mexican with studies abroad,
foreigner, IMSS worker, child of an IMSS worker (combinable).
"""

from __future__ import annotations

import enum

import attrs

from residencias.domain.convocatoria import Convocatoria
from residencias.domain.expediente import Expediente
from residencias.domain.personas import Estudios, Nacionalidad, Residente, TrabajadorIMSS
from residencias.domain.reglas import TipoRegla
from residencias.errors import InvalidQueryError

__all__ = ["Categoria", "ItemDocumento", "checklist", "hechos_de_categorias"]


class Categoria(enum.Enum):
    MEXICANO_MEXICO = "mexicano-mexico"
    MEXICANO_EXTRANJERO = "mexicano-extranjero"
    EXTRANJERO = "extranjero"
    TRABAJADOR_IMSS = "trabajador-imss"
    HIJO_TRABAJADOR_IMSS = "hijo-trabajador-imss"


@attrs.frozen
class ItemDocumento:
    """One document to present, with the rule and article asking for it."""

    documento: str
    regla: str
    articulo: str
    mensaje: str
    segun_su_caso: bool


def hechos_de_categorias(convocatoria: str, categorias: frozenset[Categoria]) -> Expediente:
    """The facts a set of categories states (and nothing else)."""
    nationalities = {Categoria.MEXICANO_MEXICO, Categoria.MEXICANO_EXTRANJERO, Categoria.EXTRANJERO}
    if len(categorias & nationalities) > 1:
        raise InvalidQueryError("elija una sola de: mexicano-mexico, mexicano-extranjero, extranjero")
    persona = Residente()
    if Categoria.MEXICANO_MEXICO in categorias:
        persona = attrs.evolve(persona, nacionalidad=Nacionalidad.MEXICANA,
                               categoria_enarm=Nacionalidad.MEXICANA, estudios_licenciatura=Estudios.MEXICO)
    if Categoria.MEXICANO_EXTRANJERO in categorias:
        persona = attrs.evolve(persona, nacionalidad=Nacionalidad.MEXICANA,
                               categoria_enarm=Nacionalidad.MEXICANA,
                               estudios_licenciatura=Estudios.EXTRANJERO)
    if Categoria.EXTRANJERO in categorias:
        persona = attrs.evolve(persona, nacionalidad=Nacionalidad.EXTRANJERA,
                               categoria_enarm=Nacionalidad.EXTRANJERA)
    persona = attrs.evolve(
        persona,
        trabajador_imss=TrabajadorIMSS(plaza_definitiva=True, marca_ocupacion="00")
        if Categoria.TRABAJADOR_IMSS in categorias else None,
        hijo_trabajador_imss=Categoria.HIJO_TRABAJADOR_IMSS in categorias,
    )
    return Expediente(convocatoria, persona, documentos=None)


def checklist(convocatoria: Convocatoria, categorias: frozenset[Categoria]) -> tuple[ItemDocumento, ...]:
    """The documents the categories must present, in the document's order."""
    if convocatoria.requisitos is None:
        raise InvalidQueryError(f"la convocatoria '{convocatoria.id}' no tiene requisitos en sus datos")
    hechos = hechos_de_categorias(convocatoria.id, categorias)
    items = []
    for regla in convocatoria.requisitos.reglas:
        if regla.tipo is not TipoRegla.DOCUMENTO and not (
            regla.tipo is TipoRegla.ALTERNATIVA and regla.condicion and regla.condicion.documento
        ):
            continue
        applies = regla.aplica_si.evaluar(hechos, {}).valor if regla.aplica_si else True
        exempt = regla.salvo.evaluar(hechos, {}).valor if regla.salvo else False
        if applies is False or exempt is True:
            continue
        documento = regla.documento or (regla.condicion.documento if regla.condicion else None)
        assert documento is not None
        items.append(ItemDocumento(documento, regla.id, regla.articulo, regla.mensaje,
                                   applies is None or exempt is None))
    return tuple(items)
