"""The two readings of 6.2 (imss-cer-2026-2027): serial, and round by round («considerando las
plazas que aún estén disponibles», punto 2). Hand-worked cases where they differ, properties both
share (plazas, listed options, no waste), Pareto efficiency, an independent oracle for the rounds,
and the audit from the command line."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

from residencias.assignment.asignacion import assign
from residencias.assignment.concurso import Concurso, Solicitud
from residencias.assignment.lecturas import auditar_lecturas, comparar_lecturas, lectura_por_omision
from residencias.assignment.politica import PoliticaAsignacion
from residencias.assignment.rondas import AsignacionRondas, asignar_por_rondas
from residencias.assignment.validacion import preparar
from residencias.cli import main
from residencias.domain.asignacion import Lectura
from residencias.domain.sede import Sede
from residencias.loading.files import load_convocatoria
from tests.strategies import concursos_asignacion
from tests.test_asignacion_properties import mejoras_de_pareto, plazas, prioridad, rango

D = Decimal
ROOT = Path(__file__).resolve().parent.parent
YAML = ROOT / "examples" / "asignacion" / "cer-2026-2027.yaml"
PUBLICADO = ROOT / "examples" / "asignacion" / "publicado.csv"
POLITICA = PoliticaAsignacion.sin_convocatoria()
PEQUENOS = concursos_asignacion(max_sedes=3, max_aspirantes=5, max_plazas=2)


def rondas(c: Concurso) -> AsignacionRondas:
    return asignar_por_rondas(preparar(c, POLITICA), POLITICA)


def seats(result: dict[str, str | None]) -> list[tuple[str, str | None]]:
    return sorted(result.items())


# --- hand-worked cases ---------------------------------------------------------------------------


def test_la_segunda_opcion_de_un_puntaje_mayor_contra_la_primera_de_uno_menor() -> None:
    """Folio 1 (90) and 3 (85) want A then B; folio 2 (80) wants only B. A has 1 plaza, B 1.
    Serial: 1 takes A, 3 takes B (A is full), 2 gets nothing. By rounds: round 1, 1 takes A and 2
    takes B (3 is refused at A); round 2, 3 asks for B, already taken."""
    c = Concurso(
        "Cardiología",
        [Sede("A", 1), Sede("B", 1)],
        [
            Solicitud("1", ["A", "B"], puntaje=D(90)),
            Solicitud("2", ["B"], puntaje=D(80)),
            Solicitud("3", ["A", "B"], puntaje=D(85)),
        ],
    )
    assert seats(assign(c).sede_de()) == [("1", "A"), ("2", None), ("3", "B")]
    r = rondas(c)
    assert seats(r.sede_de()) == [("1", "A"), ("2", "B"), ("3", None)]
    assert (r.ronda("1"), r.ronda("2"), r.ronda("3")) == (1, 1, None)
    texto = r.explicar("3")
    assert (
        "Ronda 2, 2.ª opción B: sin plaza libre en esa ronda; la ocupaban, de esa ronda o de una anterior: 2"
        in texto
    )


def test_tres_rondas() -> None:
    """Priority 10 > 9 > 8 > 7; lists 10: A, B, C; 9: A, C; 8: B, A; 7: C.
    With C of 2 plazas both readings agree (9 and 7 both fit in C). With C of 1 plaza: serially,
    10→A, 9→C (A full), 8→B, 7 nothing (C full); by rounds, round 1 gives 10→A, 8→B, 7→C (9 is
    refused at A), and in round 2 9 asks for C, already taken by 7."""
    c = Concurso(
        "Nefrología",
        [Sede("A", 1), Sede("B", 1), Sede("C", 2)],
        [
            Solicitud("10", ["A", "B", "C"], puntaje=D(10)),
            Solicitud("9", ["A", "C"], puntaje=D(9)),
            Solicitud("8", ["B", "A"], puntaje=D(8)),
            Solicitud("7", ["C"], puntaje=D(7)),
        ],
    )
    assert seats(rondas(c).sede_de()) == seats(assign(c).sede_de())
    c2 = Concurso(
        "Nefrología",
        [Sede("A", 1), Sede("B", 1), Sede("C", 1)],
        [
            Solicitud("10", ["A", "B", "C"], puntaje=D(10)),
            Solicitud("9", ["A", "C"], puntaje=D(9)),
            Solicitud("8", ["B", "A"], puntaje=D(8)),
            Solicitud("7", ["C"], puntaje=D(7)),
        ],
    )
    assert seats(assign(c2).sede_de()) == [("10", "A"), ("7", None), ("8", "B"), ("9", "C")]
    assert seats(rondas(c2).sede_de()) == [("10", "A"), ("7", "C"), ("8", "B"), ("9", None)]


def test_el_desempate_decide_dentro_de_una_ronda() -> None:
    """Same PI-IMSS: the declared tie-break (EFISER, then ...) orders them inside the round too."""
    c = Concurso(
        "Cardiología",
        [Sede("A", 1)],
        [
            Solicitud("1", ["A"], puntaje=D(80), efiser=D(70)),
            Solicitud("2", ["A"], puntaje=D(80), efiser=D(75)),
        ],
    )
    assert rondas(c).sede_de() == {"1": None, "2": "A"}


# --- properties ----------------------------------------------------------------------------------


def oracle_rondas(c: Concurso) -> dict[str, str | None]:
    """Immediate acceptance, computed here independently: round k, everyone unassigned asks for
    their k-th option; each sede admits in priority order while it has plazas."""
    orden = prioridad(c)
    libres = plazas(c)
    out: dict[str, str | None] = {s.folio: None for s in c.aspirantes}
    for k in range(max((len(s.opciones) for s in c.aspirantes), default=0)):
        for s in orden:
            if out[s.folio] is None and k < len(s.opciones) and libres[s.opciones[k]] > 0:
                libres[s.opciones[k]] -= 1
                out[s.folio] = s.opciones[k]
    return out


@settings(max_examples=80, deadline=None)
@given(concursos_asignacion())
def test_rondas_es_la_aceptacion_inmediata(c: Concurso) -> None:
    assert rondas(c).sede_de() == oracle_rondas(c)


@settings(max_examples=80, deadline=None)
@given(concursos_asignacion())
def test_las_dos_lecturas_respetan_plazas_opciones_y_no_desperdician(c: Concurso) -> None:
    cupo = plazas(c)
    por_folio = {s.folio: s for s in c.aspirantes}
    for result in (assign(c).sede_de(), rondas(c).sede_de()):
        assert all(n <= cupo[sede] for sede, n in Counter(x for x in result.values() if x).items())
        assert all(sede is None or sede in por_folio[f].opciones for f, sede in result.items())
        ocupadas = Counter(x for x in result.values() if x)
        for f, sede in result.items():  # no plaza left free that someone listed above their result
            s = por_folio[f]
            assert all(ocupadas[o] >= cupo[o] for o in s.opciones[: rango(s, sede)]), (f, sede)


@settings(max_examples=60, deadline=None)
@given(PEQUENOS)
def test_las_dos_lecturas_son_pareto_eficientes(c: Concurso) -> None:
    """The serial reading is Pareto efficient; so is the round by round one (with respect to the
    lists registered): no feasible assignment of listed options makes someone better off and
    nobody worse off (brute force)."""
    assert next(mejoras_de_pareto(c, assign(c).sede_de()), None) is None
    assert next(mejoras_de_pareto(c, rondas(c).sede_de()), None) is None


@settings(max_examples=60, deadline=None)
@given(concursos_asignacion())
def test_con_la_misma_lista_para_todos_las_lecturas_coinciden(c: Concurso) -> None:
    lista = tuple(s.identificador for s in c.sedes)
    comun = attrs.evolve(c, aspirantes=[attrs.evolve(s, opciones=lista) for s in c.aspirantes])
    assert rondas(comun).sede_de() == assign(comun).sede_de()


@settings(max_examples=60, deadline=None)
@given(concursos_asignacion())
def test_las_primeras_opciones_se_resuelven_igual_en_la_primera_ronda(c: Concurso) -> None:
    """Whoever gets their first option serially also gets it by rounds (the first round is the
    serial assignment restricted to first options, and nobody earlier took it with a later one)."""
    serial, por_rondas = assign(c), rondas(c)
    for r in serial.asignaciones:
        if r.opcion == 1:
            assert por_rondas.resultado(r.folio).opcion == 1, r.folio


# --- the supuesto and the audit ------------------------------------------------------------------


def test_la_lectura_por_omision_es_un_supuesto_de_los_datos() -> None:
    cer = load_convocatoria("imss-cer-2026-2027")
    assert cer.asignacion is not None and cer.asignacion.lectura is not None
    assert cer.asignacion.lectura.por_omision is Lectura.SERIAL
    lectura, supuesto = lectura_por_omision(PoliticaAsignacion.de(cer))
    assert lectura is Lectura.SERIAL and "considerando las plazas que aún estén disponibles" in supuesto
    assert "6.2 (puntos 1 a 4): en orden de PI-IMSS" not in (cer.asignacion.nota or "")


def test_comparacion_de_lecturas_dice_con_cual_coincide_el_publicado(tmp_path: Path) -> None:
    a = auditar_lecturas(YAML)
    assert a.lectura is Lectura.SERIAL and a.comparacion.diferencias
    folios = {d.folio for d in a.comparacion.diferencias}
    assert all(a.auditoria.asignacion.resultado(f).sede != a.rondas.resultado(f).sede for f in folios)
    # a published result equal to the rounds reading: it agrees with «rondas», not with «serial»
    publicado = tmp_path / "rondas.csv"
    publicado.write_text(
        "folio,sede\n" + "".join(f"{r.folio},{r.sede or ''}\n" for r in a.rondas.asignaciones),
        encoding="utf-8",
    )
    b = auditar_lecturas(YAML, esperado=publicado, lectura=Lectura.RONDAS)
    assert b.conforme and b.comparacion.coincide_con == (Lectura.RONDAS,)
    assert b.comparacion.distintos_rondas == 0 and b.comparacion.distintos_serial == len(folios)
    c = auditar_lecturas(YAML, esperado=publicado)
    assert not c.conforme  # serial by default: the rounds result differs from it
    assert {d.folios[0] for d in c.discrepancias if d.tipo == "sede_distinta"} == folios


def test_comparar_lecturas_sin_publicado() -> None:
    c = Concurso(
        "Cardiología",
        [Sede("A", 1), Sede("B", 1)],
        [
            Solicitud("1", ["A", "B"], puntaje=D(90)),
            Solicitud("2", ["B"], puntaje=D(80)),
            Solicitud("3", ["A", "B"], puntaje=D(85)),
        ],
    )
    comparacion = comparar_lecturas(assign(c), rondas(c))
    assert [(d.folio, d.serial, d.rondas) for d in comparacion.diferencias] == [
        ("2", None, "B"),
        ("3", "B", None),
    ]
    assert comparacion.distintos_serial is None and comparacion.coincide_con == ()


def test_cli_lectura_rondas(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    reporte, tabla = tmp_path / "r.md", tmp_path / "r.csv"
    code = main(
        [
            "asignar",
            str(YAML),
            "--lectura",
            "rondas",
            "--esperado",
            str(PUBLICADO),
            "--reporte",
            str(reporte),
            "--csv",
            str(tabla),
            "--explicar",
            "779084",
        ]
    )
    out = capsys.readouterr().out
    assert code == 1
    assert "leída por rondas" in out and "Lectura de 6.2: por rondas de opciones" in out
    assert "El resultado publicado no coincide con ninguna de las dos lecturas" in out
    assert "Ronda 1, 1.ª opción" in out
    assert "## Lecturas de 6.2" in reporte.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(tabla.read_text(encoding="utf-8"))))
    assert set(rows[0]) == {"folio", "cer", "sede", "opcion", "puntaje", "ronda"}
    assert main(["asignar", str(YAML), "--lectura", "rondas", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["lecturas"]["lectura"] == "rondas"
    assert set(data["asignaciones"][0]) == {"folio", "cer", "sede", "opcion", "puntaje"}


def test_cli_lectura_desconocida_es_entrada_invalida(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["asignar", str(YAML), "--lectura", "otra"]) == 2
    assert "--lectura" in capsys.readouterr().err
