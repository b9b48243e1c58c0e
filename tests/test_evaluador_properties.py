"""Properties of the evaluator (hypothesis): it never raises for well-typed facts; removing a fact
never turns a pass into a failure; the order of documents does not matter."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import residencias
from residencias.domain.expediente import Expediente
from residencias.domain.hechos import FACTS, MISSING, read_fact
from residencias.rules.dictamen import Resultado
from tests.strategies import expedientes

MX = ZoneInfo("America/Mexico_City")
EN = datetime(2026, 3, 10, 12, tzinfo=MX)
WITH_RULES = [i for i in residencias.convocatorias_disponibles()
              if residencias.load_convocatoria(i).requisitos is not None]
STATED = [p for p in FACTS if not p.startswith("calculado.")]


def _evaluate(ident: str, expediente: Expediente) -> residencias.Dictamen:
    conv = residencias.load_convocatoria(ident)
    return residencias.evaluate(conv, attrs.evolve(expediente, convocatoria=ident), en=EN)


def _without(expediente: Expediente, path: str) -> Expediente:
    """The expediente with the fact at ``path`` removed (set to null)."""
    *parents, leaf = path.split(".")
    chain = [expediente]
    for name in parents:
        chain.append(getattr(chain[-1], name))
    value: object = None
    for holder, name in zip(reversed(chain), reversed([*parents, leaf]), strict=True):
        value = attrs.evolve(holder, **{name: value})  # type: ignore[misc]
    assert isinstance(value, Expediente)
    return value


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(WITH_RULES), expedientes())
def test_evaluation_never_raises_for_well_typed_facts(ident: str, expediente: Expediente) -> None:
    dictamen = _evaluate(ident, expediente)
    assert dictamen.hallazgos
    assert dictamen.explicar()
    assert residencias.ResultadoGeneral(dictamen.resultado.value) is dictamen.resultado


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(WITH_RULES), expedientes(), st.data())
def test_removing_a_fact_never_turns_a_pass_into_a_failure(
    ident: str, expediente: Expediente, data: st.DataObject
) -> None:
    stated = [p for p in STATED if read_fact(expediente, p) is not MISSING and not p.startswith("documentos")]
    if not stated:
        return
    path = data.draw(st.sampled_from(stated))
    if path == "aspirante.ceme" and expediente.aspirante.grado is not None:
        return  # a grado without its CEME is refused on load, so it is not a well-typed expediente
    before = {h.regla: h.resultado for h in _evaluate(ident, expediente).hallazgos}
    after = {h.regla: h.resultado for h in _evaluate(ident, _without(expediente, path)).hallazgos}
    for regla, resultado in before.items():
        if resultado is Resultado.CUMPLE:
            assert after[regla] is not Resultado.NO_CUMPLE, (regla, path)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(WITH_RULES), expedientes(), st.randoms(use_true_random=False))
def test_the_order_of_documents_does_not_matter(ident: str, expediente: Expediente, random: object) -> None:
    if not expediente.documentos:
        return
    shuffled = list(expediente.documentos)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    a = _evaluate(ident, expediente)
    b = _evaluate(ident, attrs.evolve(expediente, documentos=tuple(shuffled)))
    assert a.resultado is b.resultado
    assert [(h.regla, h.resultado) for h in a.hallazgos] == [(h.regla, h.resultado) for h in b.hallazgos]


def test_removing_the_declared_curp_of_a_foreigner_is_unknown_not_a_failure() -> None:
    """Regression (found by the property above): the exception that accepts the CURP declared in
    the registration reads it with `presente`, so that removing it leaves the rule unknown
    («falta información»), never «no cumple» (UNAM primer ingreso, Instructivo: CURP)."""
    conv = residencias.load_convocatoria("unam-primer-ingreso-2026")
    base = Expediente("unam-primer-ingreso-2026", residencias.Residente(
        nacionalidad=residencias.domain.Nacionalidad.EXTRANJERA, curp="GOMC960512MDFRRL05"), documentos=())
    en = datetime(2026, 1, 20, 12, tzinfo=MX)

    def outcome(e: Expediente) -> Resultado:
        return next(h.resultado for h in residencias.evaluar_requisitos(conv, e, en).hallazgos
                    if h.regla == "pi-curp-extranjeros")

    assert outcome(base) is Resultado.CUMPLE
    sin_curp = attrs.evolve(base, aspirante=attrs.evolve(base.aspirante, curp=None))
    assert outcome(sin_curp) is Resultado.FALTA_DATO
