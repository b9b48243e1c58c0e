"""Tabla 1 and Tabla 4 of imss-cer-2026-2027, and the queries 1.3 and 9.1 make of them.

The expected rows are copied verbatim from the document into tests/data/documento/*.tsv, so the
bundled YAML is checked against the text, row by row, spelling included.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import residencias
from residencias.domain.especialidades import Entrada
from residencias.errors import InvalidQueryError, UnknownEspecialidadError

DOCUMENTO = Path(__file__).parent / "data" / "documento"


def _rows(name: str) -> list[tuple[str, str, int]]:
    rows = []
    for line in (DOCUMENTO / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cer, ceme, grado = line.split("\t")
        rows.append((cer.strip(), ceme.strip(), int(grado)))
    return rows


TABLA_1 = _rows("tabla1.tsv")
TABLA_4 = _rows("tabla4.tsv")


@pytest.fixture(scope="module")
def cer() -> residencias.Convocatoria:
    return residencias.load_convocatoria("imss-cer-2026-2027")


def test_document_tables_have_42_and_32_rows() -> None:
    assert len(TABLA_1) == 42
    assert len(TABLA_4) == 32


@pytest.mark.parametrize(
    ("tabla", "numero", "expected", "cita"),
    [
        ("prerrequisitos", 1, TABLA_1, "1.2 C y 1.3, Tabla 1"),
        ("diploma_institucional", 4, TABLA_4, "9.1, Tabla 4"),
    ],
)
def test_table_is_the_document_row_by_row(
    cer: residencias.Convocatoria, tabla: str, numero: int, expected: list[tuple[str, str, int]], cita: str
) -> None:
    assert cer.tablas is not None
    table = getattr(cer.tablas, tabla)
    assert table.numero == numero
    assert [(f.cer, f.ceme, f.grado) for f in table.filas] == expected
    assert [f.articulo for f in table.filas] == [f"{cita} (fila {n})" for n in range(1, len(expected) + 1)]


def test_every_name_of_both_tables_is_in_the_catalogue(cer: residencias.Convocatoria) -> None:
    for cer_name, ceme_name, _ in TABLA_1 + TABLA_4:
        assert cer.especialidades.buscar(cer_name) is not None, cer_name
        assert cer.especialidades.buscar(ceme_name) is not None, ceme_name
        assert cer.especialidades.resolver(cer_name).entrada is Entrada.INDIRECTA


@pytest.mark.parametrize(("ceme", "grado"), sorted({(c, g) for _, c, g in TABLA_1}))
def test_every_ceme_and_grado_of_tabla_1_gets_exactly_its_rows(
    cer: residencias.Convocatoria, ceme: str, grado: int
) -> None:
    """1.3: the CERs open are those of the rows with that CEME and exactly that grado."""
    catalogo = cer.especialidades
    expected = [
        c for c, m, g in TABLA_1 if g == grado and catalogo.resolver(m) == catalogo.resolver(ceme)
    ]
    found = cer.cers_disponibles(ceme=ceme, grado=grado)
    assert [d.fila.cer for d in found] == expected
    assert expected
    assert all(d.fila.articulo.startswith("1.2 C y 1.3, Tabla 1") for d in found)


def test_medicina_interna_grado_2_opens_six_cers(cer: residencias.Convocatoria) -> None:
    found = cer.cers_disponibles(ceme="MEDICINA INTERNA", grado=2)
    assert [d.especialidad.nombre for d in found if d.especialidad] == [
        "Cardiología", "Gastroenterología", "Nefrología", "Neurología", "Oncología Médica",
        "Reumatología",
    ]


def test_grado_must_match_exactly(cer: residencias.Convocatoria) -> None:
    """Medicina Interna grado 3 has no row: 1.3 admits no "at least" reading."""
    assert cer.cers_disponibles(ceme="Medicina interna", grado=3) == ()
    assert [d.fila.cer for d in cer.cers_disponibles(ceme="Medicina interna", grado=1)] == ["Hematología"]


def test_names_match_with_accents_and_case_ignored(cer: residencias.Convocatoria) -> None:
    plain = cer.cers_disponibles(ceme="pediatria", grado=3)
    accented = cer.cers_disponibles(ceme="PEDIATRÍA", grado=3)
    assert plain == accented
    assert len(plain) == 9


def test_spelling_variants_of_one_ceme_are_one_ceme(cer: residencias.Convocatoria) -> None:
    """Tabla 1 writes "Gineco obstetricia" and "Ginecología y Obstetricia" for grado 4."""
    a = cer.cers_disponibles(ceme="Gineco obstetricia", grado=4)
    b = cer.cers_disponibles(ceme="Ginecología y Obstetricia", grado=4)
    assert a == b
    assert [d.fila.cer for d in a] == [
        "Biología de la reproducción humana", "Ginecología oncológica", "Medicina Materno Fetal",
        "Urología ginecológica",
    ]


def test_the_cirugia_erratum_reaches_urologia(cer: residencias.Convocatoria) -> None:
    found = cer.cers_disponibles(ceme="Cirugía general", grado=1)
    assert [d.fila.cer for d in found] == ["Angiología y Cirugía Vasculat", "Neurocirugía", "Urología"]
    assert found[0].especialidad is not None
    assert found[0].especialidad.nombre == "Angiología y Cirugía Vascular"


def test_unknown_ceme_is_refused_with_suggestions(cer: residencias.Convocatoria) -> None:
    with pytest.raises(UnknownEspecialidadError) as info:
        cer.cers_disponibles(ceme="Medicina intrna", grado=2)
    assert "Medicina Interna" in info.value.sugerencias
    assert isinstance(info.value, residencias.ResidenciasError)


@pytest.mark.parametrize("grado", [0, -1, True])
def test_grado_below_one_is_refused(cer: residencias.Convocatoria, grado: int) -> None:
    with pytest.raises(InvalidQueryError):
        cer.cers_disponibles(ceme="Pediatría", grado=grado)


@pytest.mark.parametrize(("cer_name", "ceme", "fila"), [(c, m, n) for n, (c, m, _) in enumerate(TABLA_4, 1)])
def test_every_tabla_4_pair_must_present_the_diploma(
    cer: residencias.Convocatoria, cer_name: str, ceme: str, fila: int
) -> None:
    found = cer.diploma_institucional(cer=cer_name, ceme=ceme)
    assert found is not None
    assert found.articulo == f"9.1, Tabla 4 (fila {fila})"


def test_diploma_pairs_match_through_the_catalogue(cer: residencias.Convocatoria) -> None:
    """Tabla 1 says "Medicina de Urgencias", Tabla 4 "Urgencias médico-quirúrgicas": one CEME."""
    found = cer.diploma_institucional(
        cer="Medicina del Enfermo en estado crítico", ceme="Medicina de Urgencias"
    )
    assert found is not None
    assert found.ceme == "Urgencias médico-quirúrgicas"
    assert found.articulo == "9.1, Tabla 4 (fila 11)"


def test_pairs_outside_tabla_4_need_no_diploma(cer: residencias.Convocatoria) -> None:
    assert cer.diploma_institucional(cer="Cardiología", ceme="Medicina interna") is None
    assert cer.diploma_institucional(cer="Neonatología", ceme="Medicina interna") is None
    opciones = cer.cers_disponibles(ceme="Pediatría", grado=3)
    assert {d.fila.cer: d.diploma is not None for d in opciones}["Hematología pediátrica"] is False


def test_a_call_without_cer_table_refuses_the_query() -> None:
    unam = residencias.load_convocatoria("unam-primer-ingreso-2026")
    with pytest.raises(InvalidQueryError, match="no tiene tabla de CER"):
        unam.cers_disponibles(ceme="Pediatría", grado=3)
