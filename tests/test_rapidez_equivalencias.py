"""The quick paths of the speed work give exactly what the plain ones give: the JSON written in
parts (the same text as ``json.dumps``), the input hash fed in one pass (the same digest as the
canonical JSON), the one-pass reader of ``aspirantes.csv`` (the same competitions as the careful
reader, or the careful reader's own refusal), the control characters found on the bytes (the same
as on the text), and the records of both readings written one by one (the same as ``to_data``)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from residencias.assignment import aspirantes_csv as aspirantes_csv_module
from residencias.assignment.asignacion import assign
from residencias.assignment.aspirantes_csv import Irregular, _bloques, _filas, trozos
from residencias.assignment.canonico import entrada_canonica, entrada_sha256
from residencias.assignment.concurso import Concurso, Solicitud
from residencias.assignment.fixtures import _CONTROL_CSV, _CsvFixture
from residencias.assignment.lecturas import AuditoriaLecturas, comparar_lecturas
from residencias.assignment.orden import Omision, Separacion, _Desempate, ordenar
from residencias.assignment.politica import Criterio, PoliticaAsignacion, folio_key
from residencias.assignment.replay import Auditoria
from residencias.assignment.rondas import asignar_por_rondas
from residencias.assignment.validacion import (
    ConcursoInvalidoError,
    Defecto,
    _Checker,
    preparar,
)
from residencias.domain.asignacion import Lectura
from residencias.domain.sede import Sede
from residencias.errors import DataFileError
from residencias.jsonable import partes_json
from residencias.loading.files import load_catalogo
from tests.strategies import listas_de_concursos
from tests.timeouts import no_hang

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-10**20, 10**20) | st.text(max_size=8)
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=25,
)


@settings(max_examples=150)
@given(JSON)
def test_json_in_parts_is_the_text_of_json_dumps(value: Any) -> None:
    assert "".join(partes_json(value)) == json.dumps(value, ensure_ascii=False, indent=2)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(concursos=listas_de_concursos(max_aspirantes=10))
def test_the_hash_fed_in_one_pass_is_the_hash_of_the_canonical_json(concursos: list[Concurso]) -> None:
    preparados = assign(concursos).preparados
    for convocatoria, sha in ((None, None), ("imss-cer-2026-2027", "ab" * 32)):
        text = json.dumps(entrada_canonica(convocatoria, preparados, sha), sort_keys=True,
                          separators=(",", ":"), ensure_ascii=False)
        assert entrada_sha256(convocatoria, preparados, sha) == hashlib.sha256(text.encode()).hexdigest()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(concursos=listas_de_concursos(max_aspirantes=10))
def test_the_records_written_one_by_one_are_those_of_to_data(concursos: list[Concurso]) -> None:
    serial = assign(concursos)
    rondas = asignar_por_rondas(serial.preparados, serial.politica, [c.orden for c in serial.corridas])
    auditoria = Auditoria("concurso.yaml", serial, None, ())
    for lectura in Lectura:
        lecturas = AuditoriaLecturas("concurso.yaml", lectura, auditoria, rondas,
                                     comparar_lecturas(serial, rondas, lectura=lectura), ())
        assert lecturas.to_json() == json.dumps(lecturas.to_data(), ensure_ascii=False, indent=2)
    # the differences found run by run are those found folio by folio
    alone = asignar_por_rondas(serial.preparados, serial.politica)
    by_folio = {r.folio: r for r in alone.asignaciones}
    assert [d.folio for d in comparar_lecturas(serial, rondas).diferencias] == [
        r.folio for r in serial.asignaciones if by_folio[r.folio].sede != r.sede]


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(max_codepoint=0x3000), max_size=12))
def test_control_characters_are_found_on_the_bytes_as_on_the_text(text: str) -> None:
    try:
        blocks = list(_bloques([text.encode("utf-8")]))
    except Irregular:
        blocks = None
    assert (blocks is None) == (_CONTROL_CSV.search(text) is not None)
    assert blocks is None or "".join(blocks) == text


SEDES = "cer,clave,plazas\nCardiología,A,1\nCardiología,B,2\nNeurología,A,1\n"
CELDAS = st.sampled_from(["000123", " 000124 ", "7", "", " ", "87.5", "90", "1e3", "-1", "A", "B", " A | B ",
                          "A|B", "A||B", "A|", "C", "Cardiología", " Neurología", "neurologia", "Nefrología",
                          '"A|B"', '"x,y"', '"a\nb"', "\t", "\u00a0A", "\u2003"])


COLUMNAS = {
    "folio": st.sampled_from(["000123", "000124", " 000125 ", "7", "A-7"]),
    "cer": st.sampled_from(["Cardiología", "Neurología", " Cardiología ", "neurologia", "Nefrología"]),
    "opciones": st.sampled_from(["A", "B", "A|B", "B|A", " A | B ", "", "A|A", "C"]),
    "puntaje": st.sampled_from(["87.5", "90", "87.50", "100.5", "", " 80 "]),
}


@st.composite
def aspirantes_csv(draw: st.DrawFn) -> str:
    """Mostly well-formed files (the one-pass reader's case), some with a defect of any kind."""
    names = draw(st.sampled_from([("folio", "cer", "puntaje", "opciones"),
                                  ("opciones", "puntaje", "cer", "folio"),
                                  ("folio", "cer", "opciones", "efiser", "promedio_posgrado", "enarm")]))
    rows = []
    for _ in range(draw(st.integers(0, 6))):
        cells = [draw(COLUMNAS.get(name, COLUMNAS["puntaje"])) for name in names]
        if draw(st.integers(0, 9)) == 0:  # a defect: another cell anywhere, or another width
            cells[draw(st.integers(0, len(cells) - 1))] = draw(CELDAS)
            kept = draw(st.integers(len(cells) - 1, len(cells)))
            cells = cells[:kept] + draw(st.lists(CELDAS, max_size=1))
        rows.append(",".join(cells))
    lines = [",".join(names), *rows]
    if draw(st.booleans()):
        lines.insert(draw(st.integers(1, len(lines))), "")
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines) + draw(st.sampled_from(["", "\n"]))


def _build(directory: Path, rapido: bool) -> Any:
    try:
        return _CsvFixture(directory, load_catalogo(), 1 << 20).build(rapido=rapido)
    except DataFileError as exc:
        return [str(p) for p in exc.problemas]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=aspirantes_csv(), bom=st.booleans())
def test_the_one_pass_reader_reads_what_the_careful_one_reads(tmp_path: Path, text: str, bom: bool) -> None:
    (tmp_path / "sedes.csv").write_text(SEDES, encoding="utf-8")
    (tmp_path / "aspirantes.csv").write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    assert _build(tmp_path, True) == _build(tmp_path, False)


@pytest.mark.parametrize("raw", [b"folio,cer,puntaje,opciones\n1,Cardiolog\xeda,80,A\n",
                                 b"folio,cer,puntaje,opciones\n1,Cardiolog\xc3\xada,80,A\x1b\n",
                                 b"folio,cer,puntaje,opciones\n1,Cardiolog\xc3\xada,80,A\xc2\x85\n"])
def test_bad_bytes_get_the_careful_reader_s_message(tmp_path: Path, raw: bytes) -> None:
    (tmp_path / "sedes.csv").write_text(SEDES, encoding="utf-8")
    (tmp_path / "aspirantes.csv").write_bytes(raw)
    careful = _build(tmp_path, False)
    assert isinstance(careful, list) and re.match(r".*aspirantes\.csv:2:\d+: ", careful[0])
    assert _build(tmp_path, True) == careful


def test_one_decimal_object_per_distinct_score_and_one_string_per_sede(tmp_path: Path) -> None:
    (tmp_path / "sedes.csv").write_text(SEDES, encoding="utf-8")
    (tmp_path / "aspirantes.csv").write_text("folio,cer,puntaje,opciones\n1,Cardiología,80.5,A|B\n"
                                             "2,Cardiología,80.5,B|A\n", encoding="utf-8")
    uno, dos = _CsvFixture(tmp_path, load_catalogo(), 1 << 20).build().concursos[0].aspirantes
    assert uno.puntaje is dos.puntaje == Decimal("80.5")
    assert uno.opciones[0] is dos.opciones[1] and uno.opciones[1] is dos.opciones[0]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=aspirantes_csv(), bom=st.booleans())
def test_the_one_pass_reader_reads_alike_in_small_blocks(tmp_path: Path, text: str, bom: bool,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks of a few bytes: records cut at line ends into many blocks, some with quotes (read by
    :mod:`csv`) and some without (cut at commas), give what the careful reader gives."""
    (tmp_path / "sedes.csv").write_text(SEDES, encoding="utf-8")
    (tmp_path / "aspirantes.csv").write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    with monkeypatch.context() as m:
        m.setattr(aspirantes_csv_module, "_BLOQUE", 16)
        small = _build(tmp_path, True)
    assert small == _build(tmp_path, False)


def test_cells_cut_at_commas_are_the_cells_csv_reads() -> None:
    """Without quotes or carriage returns, a block cut at its line ends and commas gives the cells
    :mod:`csv` gives, blank lines and all."""
    block = "folio,cer,opciones\n 1 ,Cardiología,A|B\n\n2,,\n   \n3,Cardiología,A,extra\n"
    [rows] = _filas([block.encode("utf-8")])
    assert [r for r in rows if r != [""]] == [r for r in csv.reader(io.StringIO(block, newline="")) if r]
    assert rows.count([""]) == 1  # the blank line (csv gives [] for it): skipped by the reader alike


def _sin_componentes(aspirantes: Iterable[Solicitud]) -> list[Solicitud]:
    return [attrs.evolve(s, efiser=None, promedio_posgrado=None, enarm=None) for s in aspirantes]


@settings(max_examples=80, deadline=None)
@given(concursos=listas_de_concursos(max_aspirantes=12))
def test_ties_settled_by_folio_alone_are_settled_as_the_general_way(concursos: list[Concurso]) -> None:
    """With no tie-break grade given at all, every tied group is ordered by folio at once, each grade
    skipped for all its members: the same order, separations and omissions as criterion by criterion."""
    criterios = PoliticaAsignacion.sin_convocatoria().desempate.criterios
    for c in assign(concursos).preparados:
        aspirantes = _sin_componentes(c.aspirantes)
        orden, grupos = ordenar(aspirantes, c.puntajes, criterios)
        general = _Desempate(aspirantes, criterios)
        assert [aspirantes[m].folio for m in orden] == [
            s.folio for s in sorted(aspirantes, key=lambda s: (-c.puntajes[aspirantes.index(s)],
                                                               folio_key(s.folio)))]
        for g in grupos:
            separaciones: list[Separacion] = []
            omisiones: list[Omision] = []
            assert tuple(general.refine(sorted(g.miembros), criterios, separaciones, omisiones)) == g.miembros
            assert (tuple(separaciones), tuple(omisiones)) == (g.separaciones, g.omisiones)
            assert [o.criterio for o in g.omisiones] == [k for k in criterios if k is not Criterio.FOLIO]


@settings(max_examples=80, deadline=None)
@given(concursos=listas_de_concursos(max_aspirantes=12))
def test_a_competition_checked_at_once_is_the_one_checked_applicant_by_applicant(
        concursos: list[Concurso]) -> None:
    politica = PoliticaAsignacion.sin_convocatoria()
    sin = [attrs.evolve(c, aspirantes=_sin_componentes(c.aspirantes)) for c in concursos]
    for entrada in (concursos, sin):
        at_once = preparar(entrada, politica)
        with pytest.MonkeyPatch.context() as m:
            m.setattr(_Checker, "_todos_bien", lambda *_: None)
            one_by_one = preparar(entrada, politica)
        assert at_once == one_by_one


_BIEN = [Solicitud("1", ("A",), Decimal("80")), Solicitud("2", ("A", "B"), Decimal("80.5"))]


@pytest.mark.parametrize(("otro", "defecto"), [
    (Solicitud("1", ("B",), Decimal("70")), True),                        # a folio given twice
    (Solicitud("3", ("A", "A"), Decimal("70")), True),                    # an option given twice
    (Solicitud("3", ("C",), Decimal("70")), True),                        # not a sede of the CER
    (Solicitud("3", ("A",), Decimal("100.51")), True),                    # above the highest PI-IMSS
    (Solicitud("3", ("A",), Decimal("-0.5")), True),                      # below zero
    (Solicitud("3", ("A",), Decimal("NaN")), True),                       # not finite
    (Solicitud("3", ("A",), Decimal("80." + "0" * 31)), True),            # more decimals than allowed
    (Solicitud("3", ("A",), None), True),                                 # no score
    (Solicitud("3", ("A",), Decimal("80"), efiser=Decimal("90")), False),  # a grade beside the score
])
def test_a_defect_anywhere_is_named_as_applicant_by_applicant(otro: Solicitud, defecto: bool) -> None:
    """Whatever the fast check of a whole competition finds wrong, the careful one names."""
    concurso = Concurso("Cardiología", [Sede("A", 1), Sede("B", 1)], [*_BIEN, otro])
    politica = PoliticaAsignacion.sin_convocatoria()
    with pytest.MonkeyPatch.context() as m:
        m.setattr(_Checker, "_todos_bien", lambda *_: None)
        try:
            expected: Any = preparar(concurso, politica)
        except ConcursoInvalidoError as exc:
            expected = exc.defectos
    try:
        got: Any = preparar(concurso, politica)
    except ConcursoInvalidoError as exc:
        got = exc.defectos
    assert got == expected
    assert all(isinstance(d, Defecto) for d in got) == defecto


@pytest.mark.parametrize("chunks", [[b"\xef", b"\xbb\xbfa,b\n", b"c"], [b"\xef\xbb", b"\xbf", b"a,b\nc"],
                                    [b"\xef\xbb\xbfa,b\nc"], [b"a", b",b\n", b"", b"c"]])
def test_a_bom_and_lines_cut_across_reads_are_read_whole(chunks: list[bytes]) -> None:
    assert "".join(_bloques(chunks)) == "a,b\nc"
    assert [b[-1] for b in _bloques(chunks)][:-1] == ["\n"] * (len(list(_bloques(chunks))) - 1)


def test_a_file_that_grows_past_the_cap_while_read_is_left_to_the_careful_reader(tmp_path: Path) -> None:
    path = tmp_path / "aspirantes.csv"
    path.write_bytes(b"x" * 40)
    with path.open("rb") as stream, pytest.raises(Irregular):
        list(trozos(stream, 39))
    with path.open("rb") as stream:
        assert b"".join(trozos(stream, 40)) == b"x" * 40


def test_a_line_of_many_chunks_is_joined_once() -> None:
    """A record of 8 MB read 64 bytes at a time (131,072 chunks without a line end): joined once
    when its line ends, not copied again at each chunk (that would copy half a terabyte)."""
    line = b"0000001,Cardiolog\xc3\xada,80," + b"A|" * (4 * 2**20) + b"A\n"
    chunks = [line[k:k + 64] for k in range(0, len(line), 64)]
    with no_hang(30, "leer una línea de 8 MB en trozos de 64 bytes"):
        [block] = _bloques(chunks)
    assert block == line.decode("utf-8")


@pytest.mark.parametrize("largo", [csv.field_size_limit(), csv.field_size_limit() + 1])
def test_a_cell_at_and_over_csv_s_field_limit_reads_as_the_careful_reader_reads(tmp_path: Path,
                                                                                 largo: int) -> None:
    """Unquoted cells are cut without :mod:`csv`, which refuses a cell over its field limit: a
    line that long goes through :mod:`csv` too, so both readers accept and refuse alike."""
    (tmp_path / "sedes.csv").write_text(SEDES, encoding="utf-8")
    (tmp_path / "aspirantes.csv").write_text(f"folio,cer,puntaje,opciones\n{'7' * largo},Cardiología,80,A\n",
                                             encoding="utf-8")
    careful = _build(tmp_path, False)
    assert _build(tmp_path, True) == careful
    assert isinstance(careful, list) == (largo > csv.field_size_limit())
