"""Properties of the assignment of sedes (hypothesis), 6.2 of the CER call (imss-cer-2026-2027).

6.2 is serial dictatorship: applicants by PI-IMSS, highest first (ties by the library's declared
tie-break), each taking the first sede of their list with a free plaza. Every property is checked
against computations made here, independently of the library: the priority order, deferred
acceptance, brute-force searches for Pareto improvements and for profitable misreports.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Mapping
from decimal import Decimal
from itertools import permutations, product

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from residencias.assignment.asignacion import Asignacion, assign
from residencias.assignment.concurso import Concurso, Solicitud
from residencias.assignment.validacion import ConcursoInvalidoError
from residencias.assignment.verificacion import TipoViolacion, Violacion, verify
from residencias.domain.sede import Sede
from residencias.domain.validators import InvalidValue
from residencias.errors import ResidenciasError
from tests.strategies import PUNTAJES_EMPATADOS, concursos_asignacion, listas_de_concursos

Resultado = dict[str, str | None]

CRITERIOS = ("efiser", "promedio_posgrado", "enarm")
"""The tie-break grades, highest first; then the folio, lowest first."""

PEQUENOS = concursos_asignacion(max_sedes=3, max_aspirantes=5, max_plazas=2)
"""Small enough for brute force: at most 4**5 candidate assignments."""

D = Decimal


# --- Independent computations -----------------------------------------------------------------


def clave_folio(folio: str) -> tuple[int, int, str]:
    """All-digit folios by number then text, before the others, by text."""
    if folio.isascii() and folio.isdigit():
        return (0, int(folio), folio)
    return (1, 0, folio)


def _desempatar(grupo: list[Solicitud], criterios: tuple[str, ...]) -> list[Solicitud]:
    if len(grupo) < 2:
        return grupo
    if not criterios:
        return sorted(grupo, key=lambda s: clave_folio(s.folio))
    criterio, resto = criterios[0], criterios[1:]
    valores = [getattr(s, criterio) for s in grupo]
    if None in valores:  # someone lacks it: skipped for the whole group
        return _desempatar(grupo, resto)
    return [s for v in sorted(set(valores), reverse=True)
            for s in _desempatar([s for s in grupo if getattr(s, criterio) == v], resto)]


def prioridad(c: Concurso) -> list[Solicitud]:
    """The processing order of 6.2: PI-IMSS descending, then the tie-break."""
    puntajes = sorted({s.puntaje for s in c.aspirantes if s.puntaje is not None}, reverse=True)
    return [s for p in puntajes for s in _desempatar([s for s in c.aspirantes if s.puntaje == p], CRITERIOS)]


def rango(s: Solicitud, sede: str | None) -> int:
    """How good a seat is for ``s`` (0 = first option); unassigned or unlisted = len(options)."""
    return s.opciones.index(sede) if sede in s.opciones else len(s.opciones)


def plazas(c: Concurso) -> dict[str, int]:
    return {s.identificador: s.plazas or 0 for s in c.sedes}


def aceptacion_diferida(c: Concurso) -> Resultado:
    """Applicant-proposing deferred acceptance, every sede ranking by the same priority."""
    lugar = {s.folio: n for n, s in enumerate(prioridad(c))}
    cupo = plazas(c)
    retenidos: dict[str, list[Solicitud]] = {clave: [] for clave in cupo}
    propuestas = dict.fromkeys(lugar, 0)
    libres = list(c.aspirantes)
    while libres:
        s = libres.pop()
        if propuestas[s.folio] == len(s.opciones):
            continue  # rejected everywhere: stays unassigned
        sede = s.opciones[propuestas[s.folio]]
        propuestas[s.folio] += 1
        retenidos[sede].append(s)
        retenidos[sede].sort(key=lambda x: lugar[x.folio])
        if len(retenidos[sede]) > cupo[sede]:
            libres.append(retenidos[sede].pop())
    out: Resultado = dict.fromkeys(lugar)
    for sede, held in retenidos.items():
        out.update(dict.fromkeys((s.folio for s in held), sede))
    return out


def ocupacion(resultado: Mapping[str, str | None]) -> Counter[str]:
    return Counter(sede for sede in resultado.values() if sede is not None)


def mejoras_de_pareto(c: Concurso, actual: Mapping[str, str | None]) -> Iterator[tuple[str | None, ...]]:
    """Every feasible assignment where nobody is worse off and someone is better off."""
    cupo = plazas(c)
    opciones = [[*s.opciones[: rango(s, actual[s.folio])], actual[s.folio]] for s in c.aspirantes]
    hoy = tuple(actual[s.folio] for s in c.aspirantes)
    for otra in product(*opciones):  # each keeps their seat or takes one they prefer
        if otra != hoy and all(n <= cupo[sede] for sede, n in Counter(x for x in otra if x).items()):
            yield otra


def con_opciones(c: Concurso, folio: str, opciones: tuple[str, ...]) -> Concurso:
    return attrs.evolve(c, aspirantes=[attrs.evolve(s, opciones=opciones) if s.folio == folio else s
                                       for s in c.aspirantes])


def por_folio(c: Concurso) -> dict[str, Solicitud]:
    return {s.folio: s for s in c.aspirantes}


def violaciones(c: Concurso | list[Concurso], resultado: Mapping[str, str | None],
                tipo: TipoViolacion) -> list[Violacion]:
    return [v for v in verify(c, resultado).violaciones if v.tipo is tipo]


# --- 1-4: the result as 6.2 describes it -------------------------------------------------------


@settings(max_examples=80, deadline=None)
@given(concursos_asignacion())
def test_no_sede_gets_more_than_its_plazas(c: Concurso) -> None:
    """6.2: seats are given "conforme a la disponibilidad de plazas ofertadas"; cortes count them."""
    a = assign(c)
    cupo = plazas(c)
    ocupadas = ocupacion(a.sede_de())
    assert all(ocupadas[sede] <= cupo[sede] for sede in cupo)
    assert [(k.cer, k.sede) for k in a.cortes] == [(c.cer, sede) for sede in sorted(cupo)]
    puntaje = {s.folio: s.puntaje for s in c.aspirantes}
    for k in a.cortes:
        n = ocupadas[k.sede]
        assert (k.plazas, k.ocupadas, k.libres) == (cupo[k.sede], n, cupo[k.sede] - n)
        holders = [f for f, sede in a.sede_de().items() if sede == k.sede]
        assert k.puntaje_corte == (min(puntaje[f] for f in holders) if holders else None)
        assert (k.folio_corte is None) == (not holders)
        if k.folio_corte is not None:
            assert k.folio_corte in holders
            assert puntaje[k.folio_corte] == k.puntaje_corte


@settings(max_examples=80, deadline=None)
@given(concursos_asignacion())
def test_only_listed_options_are_given_with_their_1_based_number(c: Concurso) -> None:
    """6.2, punto 3: a seat is one of "sus opciones de sede", and ``opcion`` says which one."""
    a = assign(c)
    solicitudes = por_folio(c)
    assert [r.folio for r in a.asignaciones] == sorted(solicitudes, key=clave_folio)
    for r in a.asignaciones:
        s = solicitudes[r.folio]
        assert (r.cer, r.puntaje, r.total) == (c.cer, s.puntaje, len(c.aspirantes))
        if r.sede is None:
            assert r.opcion is None
        else:
            assert r.sede in s.opciones
            assert r.opcion == s.opciones.index(r.sede) + 1
    assert a.sede_de() == {r.folio: r.sede for r in a.asignaciones}


@settings(max_examples=80, deadline=None)
@given(concursos_asignacion())
def test_no_sede_with_a_free_plaza_is_wanted_by_someone_without_it(c: Concurso) -> None:
    """6.2, puntos 2 y 3: the system assigns "en la sede disponible que cuente con plazas
    vacantes": a sede left with a free plaza was listed above nobody's result."""
    resultado = assign(c).sede_de()
    cupo = plazas(c)
    ocupadas = ocupacion(resultado)
    for s in c.aspirantes:
        preferidas = s.opciones[: rango(s, resultado[s.folio])]
        assert all(ocupadas[sede] == cupo[sede] for sede in preferidas), s.folio


@settings(max_examples=80, deadline=None)
@given(concursos_asignacion())
def test_no_applicant_envies_the_seat_of_a_lower_priority_one(c: Concurso) -> None:
    """6.2, punto 1: "dándole prioridad a los aspirantes con puntajes más altos" (ties by the
    declared tie-break): nobody prefers a seat given to someone after them in the order."""
    a = assign(c)
    orden = prioridad(c)
    assert [(r.folio, r.posicion) for r in sorted(a.asignaciones, key=lambda r: r.posicion)] == [
        (s.folio, n) for n, s in enumerate(orden, start=1)]
    resultado = a.sede_de()
    for n, s in enumerate(orden):
        despues = {resultado[t.folio] for t in orden[n + 1:]}
        assert not despues & set(s.opciones[: rango(s, resultado[s.folio])]), s.folio


@settings(max_examples=60, deadline=None)
@given(concursos_asignacion())
def test_tied_groups_are_reported_in_priority_order(c: Concurso) -> None:
    """6.2 says nothing of equal PI-IMSS: every tied group is reported, in the order settled, and
    each step of the tie-break with the values of the very folios it names."""
    orden = prioridad(c)
    esperado = []
    for n, s in enumerate(orden):
        empieza = n == 0 or orden[n - 1].puntaje != s.puntaje
        if empieza and n + 1 < len(orden) and orden[n + 1].puntaje == s.puntaje:
            folios = tuple(t.folio for t in orden if t.puntaje == s.puntaje)
            esperado.append((c.cer, s.puntaje, folios, n + 1))
    empates = assign(c).empates
    assert [(e.cer, e.puntaje, e.folios, e.posicion) for e in empates] == esperado
    solicitudes = por_folio(c)
    for e in empates:
        vecinos = list(zip(e.folios, e.folios[1:], strict=False))
        assert [(x.antes, x.despues) for x in e.separaciones] == vecinos
        for x in e.separaciones:
            campo = x.criterio.value
            antes, despues = getattr(solicitudes[x.antes], campo), getattr(solicitudes[x.despues], campo)
            assert (str(x.valor_antes), str(x.valor_despues)) == (str(antes), str(despues)), x


# --- 5, 6, 8: efficiency, incentives, equivalence with deferred acceptance ---------------------


@settings(max_examples=80, deadline=None)
@given(PEQUENOS)
def test_no_other_assignment_is_a_pareto_improvement(c: Concurso) -> None:
    """6.2: serial dictatorship is Pareto efficient: no feasible assignment of listed options makes
    somebody better off and nobody worse off (brute force)."""
    assert next(mejoras_de_pareto(c, assign(c).sede_de()), None) is None


@settings(max_examples=40, deadline=None)
@given(PEQUENOS)
def test_no_applicant_gains_by_reporting_another_list(c: Concurso) -> None:
    """6.2: with serial dictatorship, listing one's true preferences is best: no other ordered list
    of sedes obtains a seat the applicant prefers (brute force over every list)."""
    verdad = assign(c).sede_de()
    sedes = [s.identificador for s in c.sedes]
    listas = [lista for k in range(len(sedes) + 1) for lista in permutations(sedes, k)]
    for s in c.aspirantes:
        for lista in listas:
            if lista != s.opciones:
                obtenida = assign(con_opciones(c, s.folio, lista)).sede_de()[s.folio]
                assert rango(s, obtenida) >= rango(s, verdad[s.folio]), (s.folio, lista, obtenida)


@settings(max_examples=80, deadline=None)
@given(concursos_asignacion())
def test_equals_deferred_acceptance_with_a_common_priority(c: Concurso) -> None:
    """6.2: with every sede ranking applicants by the same PI-IMSS order, applicant-proposing
    deferred acceptance gives the same assignment as the serial procedure."""
    assert assign(c).sede_de() == aceptacion_diferida(c)


# --- 7: the input's form does not matter ------------------------------------------------------


def _reescrito(value: Decimal | None) -> Decimal | None:
    """The same number with one more trailing zero (``87.5`` -> ``87.50``, ``60`` -> ``60.0``)."""
    if value is None:
        return None
    text = format(value, "f")
    return Decimal(text + "0" if "." in text else text + ".0")


def _huella(a: Asignacion) -> tuple[list[tuple[str, str | None]], str, str]:
    return list(a.sede_de().items()), json.dumps(a.to_data(), sort_keys=False), a.entrada_sha256


@settings(max_examples=80, deadline=None)
@given(listas_de_concursos(), st.data())
def test_row_order_does_not_change_anything(concursos: list[Concurso], data: st.DataObject) -> None:
    """6.2 orders applicants by PI-IMSS, not by their row: shuffling applicants, sedes and
    competitions (never the options within a list) gives the same result, JSON and hash."""
    barajados = [attrs.evolve(c, sedes=data.draw(st.permutations(c.sedes)),
                              aspirantes=data.draw(st.permutations(c.aspirantes)))
                 for c in data.draw(st.permutations(concursos))]
    antes, despues = _huella(assign(concursos)), _huella(assign(barajados))
    assert despues[0] == antes[0]  # sede_de(), in folio order
    assert despues[2] == antes[2]  # entrada_sha256
    assert despues[1] == antes[1]  # to_data() as JSON


@settings(max_examples=50, deadline=None)
@given(listas_de_concursos())
def test_trailing_zeros_do_not_change_the_input_hash(concursos: list[Concurso]) -> None:
    """6.1/6.2: ``87.5`` and ``87.50`` are the same PI-IMSS: same order, same seats, same hash."""
    reescritos = [attrs.evolve(c, aspirantes=[
        attrs.evolve(s, **{campo: _reescrito(getattr(s, campo)) for campo in ("puntaje", *CRITERIOS)})
        for s in c.aspirantes]) for c in concursos]
    antes, despues = assign(concursos), assign(reescritos)
    assert despues.entrada_sha256 == antes.entrada_sha256
    assert despues.sede_de() == antes.sede_de()
    assert [r.posicion for r in despues.asignaciones] == [r.posicion for r in antes.asignaciones]


def test_input_hash_keeps_numbers_and_option_order() -> None:
    """The hash is of the input of 6.2: equal numbers hash alike, a different score or a
    different order of options (the applicant's preference) does not."""

    def hash_de(puntaje: str, opciones: list[str]) -> str:
        c = Concurso("Cardiología", [Sede("A", 1), Sede("B", 1)], [Solicitud("7", opciones, D(puntaje))])
        return assign(c).entrada_sha256

    base = hash_de("87.5", ["A", "B"])
    assert hash_de("87.50", ["A", "B"]) == hash_de("87.500", ["A", "B"]) == base
    assert hash_de("87.51", ["A", "B"]) != base
    assert hash_de("87.5", ["B", "A"]) != base


def test_tie_report_does_not_depend_on_row_order() -> None:
    """6.2: ``87.5`` and ``87.50`` are one PI-IMSS and one tied group; the report of that group
    (``desempates`` of ``to_data``) must not depend on which row came first."""
    filas = [Solicitud("1", ["A"], D("87.5")), Solicitud("2", ["A"], D("87.50"))]
    datos = [assign(Concurso("Cardiología", [Sede("A", 1)], filas)).to_data(),
             assign(Concurso("Cardiología", [Sede("A", 1)], filas[::-1])).to_data()]
    assert datos[0]["desempates"] == datos[1]["desempates"]


def test_tie_break_values_are_those_of_the_named_folios() -> None:
    """The declared tie-break (supuesto of 6.2) reports, for each step, the value of each folio it
    names, whatever the row order: folio 2 has EFISER 80, folio 3 has 80.0."""
    filas = [Solicitud("1", ["A"], D(60), efiser=D(90)), Solicitud("2", ["A"], D(60), efiser=D("80")),
             Solicitud("3", ["A"], D(60), efiser=D("80.0"))]
    for orden in (filas, [filas[0], filas[2], filas[1]]):
        (empate,) = assign(Concurso("Cardiología", [Sede("A", 1)], orden)).empates
        pasos = [(x.antes, x.despues, x.criterio.value, str(x.valor_antes), str(x.valor_despues))
                 for x in empate.separaciones]
        assert pasos == [("1", "2", "efiser", "90", "80"), ("2", "3", "folio", "2", "3")]


def test_oracles_tell_good_from_bad_assignments() -> None:
    """The independent computations used above for 6.2 can fail: the priority and deferred
    acceptance give the known answer, and a swapped assignment has a Pareto improvement."""
    c = Concurso("Cardiología", [Sede("A", 1), Sede("B", 1)], [
        Solicitud("2", ["A", "B"], D(60)), Solicitud("1", ["B", "A"], D(60), efiser=D(90)),
        Solicitud("10", ["A"], D(60)), Solicitud("A-1", ["A"], D("87.50"))])
    assert [s.folio for s in prioridad(c)] == ["A-1", "1", "2", "10"]  # EFISER skipped: "2" lacks it
    assert aceptacion_diferida(c) == {"2": None, "1": "B", "10": None, "A-1": "A"}
    assert list(mejoras_de_pareto(c, {"2": None, "1": "B", "10": None, "A-1": "A"})) == []
    mal = {"2": "B", "1": "A", "10": None, "A-1": None}
    assert list(mejoras_de_pareto(c, mal)) == [("A", "B", None, None)]


# --- 9: monotonicity --------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(concursos_asignacion(), st.data())
def test_a_higher_score_never_makes_the_applicant_worse_off(c: Concurso, data: st.DataObject) -> None:
    """6.2, punto 1: a higher PI-IMSS only moves the applicant earlier, never to a worse seat."""
    candidatos = [s for s in c.aspirantes if s.puntaje is not None and s.puntaje < D("100.5")]
    assume(candidatos)
    s = data.draw(st.sampled_from(candidatos))
    assert s.puntaje is not None
    mayores = [p for p in PUNTAJES_EMPATADOS if p > s.puntaje]
    nuevo = data.draw(st.one_of(st.sampled_from(mayores), st.decimals(
        s.puntaje + D("0.01"), D("100.5"), places=2, allow_nan=False, allow_infinity=False)))
    antes = assign(c).sede_de()[s.folio]
    otro = attrs.evolve(c, aspirantes=[attrs.evolve(t, puntaje=nuevo) if t is s else t for t in c.aspirantes])
    assert rango(s, assign(otro).sede_de()[s.folio]) <= rango(s, antes)


@settings(max_examples=60, deadline=None)
@given(concursos_asignacion(), st.data())
def test_one_more_plaza_never_makes_anyone_worse_off(c: Concurso, data: st.DataObject) -> None:
    """6.2: one more plaza in any sede leaves, at every turn, at least as many free plazas in every
    sede, so no applicant at all gets a worse seat."""
    j = data.draw(st.integers(0, len(c.sedes) - 1))
    mas = attrs.evolve(c, sedes=[attrs.evolve(x, plazas=(x.plazas or 0) + 1) if n == j else x
                                 for n, x in enumerate(c.sedes)])
    antes, despues = assign(c).sede_de(), assign(mas).sede_de()
    for s in c.aspirantes:
        assert rango(s, despues[s.folio]) <= rango(s, antes[s.folio]), s.folio


# --- 10: the verifier -------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(listas_de_concursos())
def test_verifier_accepts_every_result_of_assign(concursos: list[Concurso]) -> None:
    """Every result 6.2 produces, for one or several CER, passes the verifier."""
    verificacion = verify(concursos, assign(concursos).sede_de())
    assert verificacion.valida, verificacion.explicar()
    assert verificacion.violaciones == ()


@settings(max_examples=50, deadline=None)
@given(concursos_asignacion(), st.data())
def test_verifier_catches_a_sede_over_capacity(c: Concurso, data: st.DataObject) -> None:
    """6.2, "conforme a la disponibilidad de plazas ofertadas": one more in a full sede is sobrecupo."""
    resultado = assign(c).sede_de()
    ocupadas = ocupacion(resultado)
    llenas = [sede for sede, n in plazas(c).items() if ocupadas[sede] == n]
    assume(llenas and c.aspirantes)
    sede = data.draw(st.sampled_from(llenas))
    otros = [s.folio for s in c.aspirantes if resultado[s.folio] != sede]
    assume(otros)
    folio = data.draw(st.sampled_from(otros))
    resultado[folio] = sede
    holders = sorted((f for f, x in resultado.items() if x == sede), key=clave_folio)
    found = violaciones(c, resultado, TipoViolacion.SOBRECUPO)
    assert [(v.cer, v.sede, v.folios) for v in found] == [(c.cer, sede, tuple(holders))]


@settings(max_examples=50, deadline=None)
@given(concursos_asignacion(), st.data())
def test_verifier_catches_a_sede_not_requested(c: Concurso, data: st.DataObject) -> None:
    """6.2, punto 3: a seat outside the applicant's "opciones de sede" is refused."""
    pares = [(s.folio, x.identificador) for s in c.aspirantes for x in c.sedes
             if x.identificador not in s.opciones]
    assume(pares)
    folio, sede = data.draw(st.sampled_from(pares))
    resultado = assign(c).sede_de()
    resultado[folio] = sede
    found = violaciones(c, resultado, TipoViolacion.SEDE_NO_SOLICITADA)
    assert [(v.cer, v.sede, v.folios) for v in found] == [(c.cer, sede, (folio,))]


@settings(max_examples=50, deadline=None)
@given(concursos_asignacion(), st.data())
def test_verifier_catches_a_wasted_plaza(c: Concurso, data: st.DataObject) -> None:
    """6.2, puntos 2 y 3: leaving unassigned someone whose sede then has a free plaza is waste."""
    resultado = assign(c).sede_de()
    asignados = [f for f, sede in resultado.items() if sede is not None]
    assume(asignados)
    folio = data.draw(st.sampled_from(asignados))
    sede = resultado[folio]
    resultado[folio] = None
    found = [v for v in violaciones(c, resultado, TipoViolacion.DESPERDICIO) if v.sede == sede]
    assert len(found) == 1
    assert folio in found[0].folios
    assert found[0].cer == c.cer


@settings(max_examples=30, deadline=None)
@given(concursos_asignacion(), st.data())
def test_verifier_catches_justified_envy(c: Concurso, data: st.DataObject) -> None:
    """6.2, punto 1: swapping the seats of a higher and a strictly lower PI-IMSS, when the higher
    one listed their own seat first, leaves the higher one envying the lower one's new seat."""
    resultado = assign(c).sede_de()
    solicitudes = por_folio(c)
    pares = [(a, b) for a, sa in resultado.items() for b, sb in resultado.items()
             if sa is not None and sb is not None and sa != sb
             and solicitudes[a].puntaje > solicitudes[b].puntaje  # type: ignore[operator]
             and rango(solicitudes[a], sa) < rango(solicitudes[a], sb)]
    assume(pares)
    a, b = data.draw(st.sampled_from(pares))
    sede = resultado[a]
    resultado[a], resultado[b] = resultado[b], resultado[a]
    found = [v for v in violaciones(c, resultado, TipoViolacion.ENVIDIA_JUSTIFICADA)
             if v.folios[0] == a and v.sede == sede]
    assert len(found) == 1
    assert found[0].cer == c.cer
    assert b in found[0].folios[1:]


@settings(max_examples=40, deadline=None)
@given(listas_de_concursos(), st.sampled_from([None, "CMN-SXXI", "Z"]))
def test_verifier_names_an_unknown_folio(concursos: list[Concurso], sede: str | None) -> None:
    """6.2 assigns only the applicants of the competition: any other folio is unknown."""
    resultado: dict[str, str | None] = {**assign(concursos).sede_de(), "NO-EXISTE": sede}
    found = verify(concursos, resultado).violaciones
    assert [(v.tipo, v.cer, v.sede, v.folios) for v in found] == [
        (TipoViolacion.FOLIO_DESCONOCIDO, None, sede, ("NO-EXISTE",))]


_DOS = [Sede("A", 1), Sede("B", 1)]
_ALTO = Solicitud("1", ["A", "B"], D(90))
_BAJO = Solicitud("2", ["A", "B"], D(80))
_IGUAL = Solicitud("3", ["A", "B"], D(90))


@pytest.mark.parametrize(("aspirantes", "resultado", "esperado"), [
    pytest.param([_ALTO, _BAJO], {"1": "A", "2": "A"}, [(TipoViolacion.SOBRECUPO, "A", ("1", "2"))],
                 id="sobrecupo"),
    pytest.param([_ALTO, attrs.evolve(_BAJO, opciones=["A"])], {"1": "A", "2": "B"},
                 [(TipoViolacion.SEDE_NO_SOLICITADA, "B", ("2",))], id="sede_no_solicitada"),
    pytest.param([_ALTO, _BAJO], {"1": "A", "2": None}, [(TipoViolacion.DESPERDICIO, "B", ("2",))],
                 id="desperdicio"),
    pytest.param([_ALTO, _BAJO], {"1": "B", "2": "A"}, [(TipoViolacion.ENVIDIA_JUSTIFICADA, "A", ("1", "2"))],
                 id="envidia_justificada"),
    pytest.param([_IGUAL, _ALTO], {"1": "B", "3": "A"}, [(TipoViolacion.DESEMPATE_DISTINTO, "A", ("1", "3"))],
                 id="desempate_distinto"),
    pytest.param([_ALTO, _BAJO], {"1": "A", "2": "B", "9": "A"},
                 [(TipoViolacion.FOLIO_DESCONOCIDO, "A", ("9",))], id="folio_desconocido"),
    pytest.param([_ALTO, _BAJO], {"1": "A"}, [(TipoViolacion.DESPERDICIO, "B", ("2",))], id="folio_omitido"),
    pytest.param([_ALTO, _BAJO], {"1": "A", "2": "B"}, [], id="valida"),
])
def test_verifier_names_each_kind_of_violation(
    aspirantes: list[Solicitud], resultado: dict[str, str | None],
    esperado: list[tuple[TipoViolacion, str, tuple[str, ...]]],
) -> None:
    """One small case per kind of violation of 6.2 (and of the declared tie-break)."""
    verificacion = verify(Concurso("Cardiología", _DOS, aspirantes), resultado)
    assert [(v.tipo, v.sede, v.folios) for v in verificacion.violaciones] == esperado
    assert verificacion.valida == (not esperado)


# --- 11: the bitácora -------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(concursos_asignacion())
def test_bitacora_explains_every_refused_option(c: Concurso) -> None:
    """6.2, puntos 2 a 4: options are tried in order; each refused one was full, its last plaza
    taken by someone earlier with at least the same PI-IMSS, or it offered none."""
    a = assign(c)
    cupo = plazas(c)
    resultado = a.sede_de()
    lugar = {r.folio: r.posicion for r in a.asignaciones}
    solicitudes = por_folio(c)
    ultimo = {sede: f for f in sorted(resultado, key=lugar.__getitem__) if (sede := resultado[f]) is not None}
    for s in c.aspirantes:
        intentos = a.bitacora(s.folio)
        tried = rango(s, resultado[s.folio]) + (resultado[s.folio] is not None)
        assert [(i.opcion, i.sede, i.plazas) for i in intentos] == [
            (n, sede, cupo[sede]) for n, sede in enumerate(s.opciones[:tried], start=1)]
        assert [i.asignado for i in intentos] == [n == rango(s, resultado[s.folio]) for n in range(tried)]
        for i in intentos:
            if i.asignado:
                assert i.plaza is not None and 1 <= i.plaza <= i.plazas
            elif i.plazas == 0:
                assert (i.ocupada_por, i.puntaje_ocupante) == (None, None)
            else:  # the sede's last plaza went to its last holder in the order, earlier than s
                assert i.ocupada_por is not None and i.puntaje_ocupante is not None
                assert i.ocupada_por == ultimo[i.sede]
                assert lugar[i.ocupada_por] < lugar[s.folio]
                assert i.puntaje_ocupante == solicitudes[i.ocupada_por].puntaje
                assert i.puntaje_ocupante >= s.puntaje  # type: ignore[operator]
        texto = a.explicar(s.folio)
        assert texto.startswith(f"Folio {s.folio} ({c.cer}): PI-IMSS {s.puntaje}, lugar {lugar[s.folio]} ")
        assert (f"asignado a {resultado[s.folio]}" in texto) is (resultado[s.folio] is not None)


# --- 12: invalid input ------------------------------------------------------------------------


_F = "folio '000123'"


def _uno(**cambios: object) -> Concurso:
    s = attrs.evolve(Solicitud("000123", ["A", "B"], D("87.5")), **cambios)
    return Concurso("Cardiología", [Sede("A", 1), Sede("B", 2)], [Solicitud("7", ["A"], D(60)), s])


def _con_sede(sede: Sede) -> Concurso:
    return Concurso("Cardiología", [Sede("A", 1), sede], [Solicitud("7", ["A"], D(60))])


def _plazas(value: object) -> Sede:
    sede = Sede("B", 1)
    object.__setattr__(sede, "plazas", value)  # what the Sede validator would refuse
    return sede


@pytest.mark.parametrize(("concurso", "nombra"), [
    pytest.param(_uno(folio="7"), ("folio '7'", "campo 'folio'", "repetido"), id="folio-repetido"),
    pytest.param(_uno(opciones=["A", "Z"]), (_F, "campo 'opciones'", "'Z'"), id="opcion-no-sede"),
    pytest.param(_uno(opciones=["B", "B"]), (_F, "campo 'opciones'", "se repite"), id="opcion-repetida"),
    pytest.param(_uno(puntaje=D("NaN")), (_F, "campo 'puntaje'", "finito"), id="nan"),
    pytest.param(_uno(puntaje=D("Infinity")), (_F, "campo 'puntaje'", "finito"), id="infinito"),
    pytest.param(_uno(puntaje=D("100.51")), (_F, "campo 'puntaje'", "100.51"), id="sobre-100.5"),
    pytest.param(_uno(puntaje=D("-0.01")), (_F, "campo 'puntaje'", "-0.01"), id="negativo"),
    pytest.param(_uno(puntaje=87.5), (_F, "campo 'puntaje'", "Decimal", "float"), id="float"),
    pytest.param(_uno(puntaje=None), (_F, "'puntaje'"), id="sin-puntaje"),
    pytest.param(_con_sede(_plazas(2.5)), ("sede 'B'", "campo 'plazas'", "2.5"), id="plazas-2.5"),
    pytest.param(_con_sede(_plazas(True)), ("sede 'B'", "campo 'plazas'", "True"), id="plazas-true"),
    pytest.param(_con_sede(_plazas(-1)), ("sede 'B'", "campo 'plazas'", "-1"), id="plazas-negativas"),
    pytest.param(_con_sede(Sede("B")), ("sede 'B'", "falta 'plazas'"), id="sin-plazas"),
    pytest.param(_con_sede(Sede("A", 3)), ("sede 'A'", "repetida"), id="sede-repetida"),
])
def test_invalid_input_is_refused_naming_folio_or_sede_and_field(
    concurso: Concurso, nombra: tuple[str, ...]
) -> None:
    """6.2 assigns plazas (whole numbers) among the options each applicant registered, by a
    PI-IMSS from 0 to 100.50: anything else is refused, naming where the problem is."""
    with pytest.raises(ConcursoInvalidoError) as info:
        assign(concurso)
    assert isinstance(info.value, ResidenciasError)
    assert len(info.value.defectos) == 1
    for texto in nombra:
        assert texto in str(info.value)
    with pytest.raises(ConcursoInvalidoError):
        verify(concurso, {})


@pytest.mark.parametrize("plazas", [-1, 2.5, True, "3", D(3)])
def test_sede_refuses_plazas_that_are_not_a_whole_number_itself(plazas: object) -> None:
    """6.2 "plazas ofertadas" are a whole number >= 0; the Sede refuses anything else before
    assign sees it, with a ResidenciasError naming the sede."""
    with pytest.raises(InvalidValue, match="sede 'B': 'plazas' vale") as info:
        Sede("B", plazas)  # type: ignore[arg-type]
    assert isinstance(info.value, ResidenciasError)


_DEFECTOS = {
    "opcion-no-sede": {"opciones": ("NO-ES-SEDE",)},
    "nan": {"puntaje": D("NaN")},
    "sobre-100.5": {"puntaje": D("100.51")},
    "negativo": {"puntaje": D("-0.01")},
    "float": {"puntaje": 60.0},
}


@settings(max_examples=40, deadline=None)
@given(concursos_asignacion(), st.sampled_from(sorted(_DEFECTOS)), st.data())
def test_one_defect_in_any_competition_is_refused_naming_its_folio(
    c: Concurso, defecto: str, data: st.DataObject
) -> None:
    """6.2 cannot rank an applicant without a valid PI-IMSS nor give a sede outside the CER: one
    such defect in any applicant refuses the whole input, naming that folio and field."""
    assume(c.aspirantes)
    j = data.draw(st.integers(0, len(c.aspirantes) - 1))
    s = c.aspirantes[j]
    malo = attrs.evolve(c, aspirantes=[*c.aspirantes[:j], attrs.evolve(s, **_DEFECTOS[defecto]),
                                       *c.aspirantes[j + 1:]])
    with pytest.raises(ConcursoInvalidoError) as info:
        assign(malo)
    (d,) = info.value.defectos
    campo = next(iter(_DEFECTOS[defecto]))
    assert d.ruta[:4] == ("concursos", 0, "aspirantes", j)
    assert f"folio '{s.folio}', campo '{campo}'" in str(info.value)
