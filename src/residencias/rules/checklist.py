"""The checklist of documents a case may be asked for, and what a call says of the case itself.

A checklist lists every document a person of the categories given may be asked for: those every
such person presents, and, marked «según su caso» with their condition, those that depend on a
fact the categories do not fix (the OSA or the OSA with requisito previo; the foreign-specialty
documents; a carta compromiso in place of a título in process). Every rule that names a document
counts, whatever its kind (a ``documento`` rule, or a ``requisito`` or ``alternativa`` whose
condition names one); what it also asks of the document (apostillado, vigente...) comes with it.

Categories are the documents' own: Mexican with studies in Mexico, Mexican with studies abroad,
foreigner, IMSS worker, child of an IMSS worker (combinable). A fact the categories do not fix is
unknown here, even where a rule reads it with ``declarado`` (in an evaluation, a fact not stated
is not declared; in a checklist, it may be).

:func:`restricciones` says when a call does not cover the case: a rule the categories' facts
alone cannot meet excludes it (the CER call is for Mexican residents, Convocan and 1.1), and a
``silencio`` rule says the call has nothing for it (XLIX has no section for foreign applicants).
:func:`lista_de_documentos` gives both, and no documents when the case is not covered.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

import attrs

from residencias.domain.condiciones import Condicion
from residencias.domain.convocatoria import Convocatoria
from residencias.domain.expediente import Expediente
from residencias.domain.personas import Estudios, Nacionalidad, Residente, TrabajadorIMSS
from residencias.domain.reglas import Regla, TipoRegla
from residencias.errors import InvalidQueryError

__all__ = [
    "Categoria",
    "ItemDocumento",
    "ListaDocumentos",
    "Restriccion",
    "TipoRestriccion",
    "checklist",
    "hechos_de_categorias",
    "lista_de_documentos",
    "restricciones",
]


class Categoria(enum.Enum):
    MEXICANO_MEXICO = "mexicano-mexico"
    MEXICANO_EXTRANJERO = "mexicano-extranjero"
    EXTRANJERO = "extranjero"
    TRABAJADOR_IMSS = "trabajador-imss"
    HIJO_TRABAJADOR_IMSS = "hijo-trabajador-imss"


_NATIONALITIES = frozenset({Categoria.MEXICANO_MEXICO, Categoria.MEXICANO_EXTRANJERO, Categoria.EXTRANJERO})


@attrs.frozen
class ItemDocumento:
    """One document to present, with the rule and article asking for it; ``segun_su_caso`` when
    it depends on something the categories do not fix, and then ``condicion`` says what;
    ``requisitos`` what the rule also asks of the document («vigente», «notariado y apostillado,
    o expedido en México»)."""

    documento: str
    regla: str
    articulo: str
    mensaje: str
    segun_su_caso: bool
    condicion: str | None = None
    requisitos: tuple[str, ...] = ()


class TipoRestriccion(enum.Enum):
    EXCLUSION = "exclusion"
    """The call excludes the case (a rule its facts alone cannot meet)."""
    SILENCIO = "silencio"
    """The call has nothing for the case (a ``silencio`` rule)."""


@attrs.frozen
class Restriccion:
    """The call does not cover the case: why, with the rule and article."""

    tipo: TipoRestriccion
    regla: str
    articulo: str
    mensaje: str

    def linea(self) -> str:
        head = "excluido" if self.tipo is TipoRestriccion.EXCLUSION else "la convocatoria no lo dice"
        return f"{head} ({self.articulo}): {self.mensaje}"


@attrs.frozen
class ListaDocumentos:
    """The checklist of a case and the restrictions of the call for it; ``documentos`` is empty
    when the call does not cover the case (it would answer as if it did)."""

    convocatoria: str
    categorias: tuple[str, ...]
    restricciones: tuple[Restriccion, ...]
    documentos: tuple[ItemDocumento, ...]

    @property
    def cubierto(self) -> bool:
        return not self.restricciones


def hechos_de_categorias(convocatoria: str, categorias: frozenset[Categoria]) -> Expediente:
    """The facts a set of categories states (and nothing else)."""
    if len(categorias & _NATIONALITIES) > 1:
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
        trabajador_imss=TrabajadorIMSS(plaza_definitiva=True, marca_ocupacion="00",
                                       relacion_laboral_vigente=True)
        if Categoria.TRABAJADOR_IMSS in categorias else None,
        hijo_trabajador_imss=Categoria.HIJO_TRABAJADOR_IMSS in categorias,
    )
    return Expediente(convocatoria, persona, documentos=None)


def _fixed(categorias: frozenset[Categoria]) -> tuple[str, ...]:
    """The fact paths the categories decide: being (or not) an IMSS worker or a worker's child,
    and, when a nationality category is given, nationality, ENARM category and where the
    licenciatura was studied (unknown for a foreigner)."""
    fixed = ["aspirante.trabajador_imss.", "aspirante.hijo_trabajador_imss"]
    if categorias & _NATIONALITIES:
        fixed += ["aspirante.nacionalidad", "aspirante.categoria_enarm"]
    if categorias & {Categoria.MEXICANO_MEXICO, Categoria.MEXICANO_EXTRANJERO}:
        fixed.append("aspirante.estudios_licenciatura")
    return tuple(fixed)


class _Lector:
    """Three-valued reading of a condition with only the categories' facts known."""

    def __init__(self, hechos: Expediente, fixed: tuple[str, ...]) -> None:
        self.hechos = hechos
        self.fixed = fixed

    def valor(self, c: Condicion | None) -> bool | None:
        if c is None:
            return True
        if c.hecho is not None:
            if not any(c.hecho == f or (f.endswith(".") and c.hecho.startswith(f)) for f in self.fixed):
                return None
            return c.evaluar(self.hechos, {}).valor
        if c.documento is not None:
            return None
        if c.no is not None:
            inner = self.valor(c.no)
            return None if inner is None else not inner
        parts = [self.valor(p) for p in (c.todas or c.alguna or ())]
        decisive = c.todas is None
        if any(p is decisive for p in parts):
            return decisive
        if any(p is None for p in parts):
            return None
        return not decisive


def _calificativos(c: Condicion) -> str:
    texts = [Condicion.texto_calificativo(q, v) for q, v in c.calificativos()]
    return " y ".join([", ".join(texts[:-1]), texts[-1]] if len(texts) > 1 else texts)


def _solo_expedido_en_mexico(c: Condicion) -> bool:
    return c.calificativos() == (("expedido_en_extranjero", False),)


def _same_document(c: Condicion) -> str | None:
    """The document of an ``alguna`` whose branches are all forms of one document (presented with
    these qualifiers, or with those, or not presented), else ``None``."""
    docs = set()
    for branch in c.alguna or ():
        leaf = branch.no if branch.no is not None else branch
        if leaf.documento is None:
            return None
        docs.add(leaf.documento)
    return docs.pop() if len(docs) == 1 else None


def _names_documents(c: Condicion) -> bool:
    if c.documento is not None:
        return True
    if c.no is not None:
        return False
    return any(_names_documents(p) for p in (*(c.todas or ()), *(c.alguna or ())))


_Pedido = tuple[str, tuple[str, ...], tuple[str, ...]]
"""A document asked for: its key, what is asked of it, and the conditions under which it is."""


def _forms(c: Condicion, documento: str) -> _Pedido:
    """One document asked in several forms: «notariado y apostillado si fue expedido en el
    extranjero», «si se presenta: ...»."""
    forms: list[str] = []
    optional = abroad_only = False
    for branch in c.alguna or ():
        if branch.no is not None:
            optional = True
        elif _solo_expedido_en_mexico(branch):
            abroad_only = True
        else:
            forms.append(_calificativos(branch) or "tal cual")
    text = " o ".join(dict.fromkeys(forms))
    if abroad_only:
        text = f"{text} si fue expedido en el extranjero" if text else "expedido en México"
    if optional:
        text = f"si se presenta: {text}"
    return documento, (text,), ()


def _documents(c: Condicion, lector: _Lector, conditions: tuple[str, ...] = ()) -> Iterator[_Pedido]:
    """The documents a condition asks for, with what is asked of each and when. Documents under
    ``no`` are not asked for; an ``alguna`` whose other branch the categories already meet asks
    for nothing."""
    if c.documento is not None:
        text = _calificativos(c)
        yield c.documento, (text,) if text else (), conditions
    elif c.todas is not None:
        for part in c.todas:
            yield from _documents(part, lector, conditions)
    elif c.alguna is not None:
        documento = _same_document(c)
        if documento is not None:
            name, asked, _ = _forms(c, documento)
            yield name, asked, conditions
            return
        with_docs = [b for b in c.alguna if _names_documents(b)]
        facts = [b for b in c.alguna if not _names_documents(b)]
        values = [lector.valor(b) for b in facts]
        if any(v is True for v in values):
            return
        extra = [f"salvo si {b.describir()}" for b, v in zip(facts, values, strict=True) if v is None]
        if len(with_docs) > 1:
            extra.append("una de: " + " o ".join(b.describir() for b in with_docs))
        for branch in with_docs:
            yield from _documents(branch, lector, (*conditions, *extra))


def _items(regla: Regla, lector: _Lector) -> Iterator[ItemDocumento]:
    applies = lector.valor(regla.aplica_si)
    exempt = lector.valor(regla.salvo) if regla.salvo is not None else False
    if applies is False or exempt is True:
        return
    conditions: list[str] = []
    if applies is None and regla.aplica_si is not None:
        conditions.append(f"si {regla.aplica_si.describir()}")
    if exempt is None and regla.salvo is not None:
        conditions.append(f"salvo si {regla.salvo.describir()}")
    seen: set[str] = set()
    groups: list[tuple[Condicion, tuple[str, ...]]] = [(regla.requisito, ())]
    if regla.alternativa is not None:
        groups.append((regla.alternativa, (f"en lugar de lo anterior, si {regla.alternativa.describir()}",)))
    for condicion, alternative in groups:
        for documento, requisitos, when in _documents(condicion, lector, alternative):
            if documento in seen:
                continue
            seen.add(documento)
            extra = [*conditions, *when]
            yield ItemDocumento(documento, regla.id, regla.articulo, regla.mensaje, bool(extra),
                                "; ".join(extra) or None, requisitos)


def _reglas(convocatoria: Convocatoria) -> tuple[Regla, ...]:
    if convocatoria.requisitos is None:
        raise InvalidQueryError(f"la convocatoria '{convocatoria.id}' no tiene requisitos en sus datos")
    return convocatoria.requisitos.reglas


def checklist(convocatoria: Convocatoria, categorias: frozenset[Categoria]) -> tuple[ItemDocumento, ...]:
    """Every document the categories may be asked for, in the document's order (see the module
    docstring); it does not say whether the call covers the case: see :func:`restricciones`."""
    lector = _Lector(hechos_de_categorias(convocatoria.id, categorias), _fixed(categorias))
    items: list[ItemDocumento] = []
    for regla in _reglas(convocatoria):
        if regla.tipo in {TipoRegla.PROHIBICION, TipoRegla.SILENCIO}:
            continue
        items.extend(_items(regla, lector))
    return tuple(items)


def restricciones(convocatoria: Convocatoria, categorias: frozenset[Categoria]) -> tuple[Restriccion, ...]:
    """Where the call does not cover the categories: a rule their facts alone cannot meet (and no
    exception could lift), or a ``silencio`` rule that applies to them."""
    lector = _Lector(hechos_de_categorias(convocatoria.id, categorias), _fixed(categorias))
    excepciones = convocatoria.requisitos.excepciones if convocatoria.requisitos else ()
    out: list[Restriccion] = []
    for regla in _reglas(convocatoria):
        exempt = regla.salvo is not None and lector.valor(regla.salvo) is True
        if lector.valor(regla.aplica_si) is not True or exempt:
            continue
        if regla.tipo is TipoRegla.SILENCIO:
            out.append(Restriccion(TipoRestriccion.SILENCIO, regla.id, regla.articulo, regla.mensaje))
            continue
        if regla.tipo not in {TipoRegla.REQUISITO, TipoRegla.PROHIBICION}:
            continue
        value = lector.valor(regla.condicion)
        fails = value is False if regla.tipo is TipoRegla.REQUISITO else value is True
        lifted = any(e.sobre == regla.id and lector.valor(e.cuando) is not False for e in excepciones)
        if fails and not lifted:
            out.append(Restriccion(TipoRestriccion.EXCLUSION, regla.id, regla.articulo, regla.mensaje))
    return tuple(out)


def lista_de_documentos(convocatoria: Convocatoria, categorias: frozenset[Categoria]) -> ListaDocumentos:
    """The restrictions of the call for the categories and, when there are none, the checklist."""
    found = restricciones(convocatoria, categorias)
    items = () if found else checklist(convocatoria, categorias)
    return ListaDocumentos(convocatoria.id, tuple(sorted(c.value for c in categorias)), found, items)
