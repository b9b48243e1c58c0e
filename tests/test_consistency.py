"""The consistency check: the documents' own slips as warnings citing both places, and breaks
of the data's integrity as errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from residencias.consistency import Observacion, Severidad, lint
from tests.strategies import BUNDLED_DATA

CER_YAML = BUNDLED_DATA / "convocatorias" / "imss-cer-2026-2027.yaml"


@pytest.fixture(scope="module")
def cer_findings() -> tuple[Observacion, ...]:
    return lint("imss-cer-2026-2027")


def codes(findings: tuple[Observacion, ...], severidad: Severidad) -> list[str]:
    return [o.codigo for o in findings if o.severidad is severidad]


def test_bundled_data_has_no_integrity_error() -> None:
    assert [str(o) for o in lint() if o.severidad is Severidad.ERROR] == []


def test_every_warning_cites_at_least_two_places() -> None:
    for finding in lint():
        assert len(finding.lugares) >= 2, finding


@pytest.mark.parametrize(
    "cer", ["Cardiología pediátrica", "Medicina paliativa y del dolor", "Neurología pediátrica",
            "Patología pediátrica"],
)
def test_tabla_4_cers_missing_from_tabla_1(cer_findings: tuple[Observacion, ...], cer: str) -> None:
    found = [o for o in cer_findings if o.codigo == "cer-fuera-de-tabla-1" and f"«{cer}»" in o.mensaje]
    assert len(found) == 1
    assert found[0].severidad is Severidad.ADVERTENCIA
    assert found[0].lugares[0].startswith("9.1, Tabla 4 (fila ")
    assert "Tabla 1" in found[0].lugares[1]


def test_only_those_four_tabla_4_cers_are_missing(cer_findings: tuple[Observacion, ...]) -> None:
    assert codes(cer_findings, Severidad.ADVERTENCIA).count("cer-fuera-de-tabla-1") == 4
    assert "prerrequisito-distinto" not in codes(cer_findings, Severidad.ADVERTENCIA)


def test_spelling_variants_between_tables(cer_findings: tuple[Observacion, ...]) -> None:
    variants = {o.mensaje: o.lugares for o in cer_findings if o.codigo == "nombres-distintos"}
    gineco = next(lugares for mensaje, lugares in variants.items() if "«Gineco obstetricia»" in mensaje)
    assert set(gineco) == {"1.2 C y 1.3, Tabla 1 (fila 4)", "1.2 C y 1.3, Tabla 1 (fila 39)"}
    urgencias = next(
        lugares for mensaje, lugares in variants.items() if "«Urgencias médico-quirúrgicas»" in mensaje
    )
    assert set(urgencias) == {"1.2 C y 1.3, Tabla 1 (fila 18)", "9.1, Tabla 4 (fila 11)"}


def test_errata_are_reported_as_written(cer_findings: tuple[Observacion, ...]) -> None:
    errata = [o for o in cer_findings if o.codigo == "errata"]
    assert {o.lugares[0] for o in errata} == {
        "1.2 C y 1.3, Tabla 1 (fila 3)", "1.2 C y 1.3, Tabla 1 (fila 38)",
    }
    assert any("«Angiología y Cirugía Vasculat»" in o.mensaje for o in errata)
    assert any("«Cirugia»" in o.mensaje for o in errata)


@pytest.mark.parametrize(
    ("codigo", "lugar"),
    [
        ("ciclo-2025-2026-en-6-1", "6.1"),
        ("tabla-2-citada-como-tabla-3", "Tabla 2"),
        ("tabla-de-autoria-citada-como-tabla-4", "7.2"),
        ("tabla-4-citada-como-tabla-5", "9.1"),
        ("fecha-limite-de-publicaciones", "7.1 E"),
    ],
)
def test_declared_inconsistencies_of_the_seed_index(
    cer_findings: tuple[Observacion, ...], codigo: str, lugar: str
) -> None:
    found = [o for o in cer_findings if o.codigo == codigo]
    assert len(found) == 1
    assert lugar in found[0].lugares


def _variant(tmp_path: Path, old: str, new: str) -> Path:
    text = CER_YAML.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "variante.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_repeated_row_is_an_error(tmp_path: Path) -> None:
    row = ('      - {cer: "Cardiología", ceme: "Medicina interna", grado: 2, '
           'articulo: "1.2 C y 1.3, Tabla 1 (fila 5)"}\n')
    path = _variant(tmp_path, row, row + row.replace("fila 5", "fila 5 bis"))
    found = [o for o in lint(path) if o.severidad is Severidad.ERROR]
    assert [o.codigo for o in found] == ["fila-repetida"]
    assert found[0].lugares == ("1.2 C y 1.3, Tabla 1 (fila 5)", "1.2 C y 1.3, Tabla 1 (fila 5 bis)")


def test_row_without_article_is_an_error_at_its_line(tmp_path: Path) -> None:
    path = _variant(tmp_path, ', articulo: "1.2 C y 1.3, Tabla 1 (fila 5)"', "")
    found = [o for o in lint(path) if o.severidad is Severidad.ERROR]
    assert [o.codigo for o in found] == ["archivo-invalido"]
    assert "falta la clave obligatoria 'articulo'" in found[0].mensaje
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if '{cer: "Cardiología"' in text)
    assert found[0].lugares == (f"{path}:{line}:9",)


def test_direct_entry_specialty_listed_as_cer_is_an_error(tmp_path: Path) -> None:
    path = _variant(tmp_path, '{cer: "Cardiología", ceme: "Medicina interna"',
                    '{cer: "Pediatría", ceme: "Medicina interna"')
    found = [o for o in lint(path) if o.severidad is Severidad.ERROR]
    assert [o.codigo for o in found] == ["cer-de-entrada-directa"]


XLVI_YAML = CER_YAML.with_name("imss-enarm-xlvi-2023.yaml")


def test_publication_offset_must_be_the_zones(tmp_path: Path) -> None:
    """March 2023 in Mexico City is UTC-6 (no summer time since October 2022)."""
    text = XLVI_YAML.read_text(encoding="utf-8")
    assert "2023-03-07T11:00:00-06:00" in text
    path = tmp_path / "xlvi.yaml"
    wrong = text.replace("fecha_hora: 2023-03-07T11:00:00-06:00", "fecha_hora: 2023-03-07T11:00:00-05:00")
    path.write_text(wrong, encoding="utf-8")
    found = [o for o in lint(path) if o.severidad is Severidad.ERROR]
    assert [o.codigo for o in found] == ["desfase-horario"]
    assert "(-06:00)" in found[0].mensaje


def test_a_file_name_asked_twice_is_an_error(tmp_path: Path) -> None:
    text = XLVI_YAML.read_text(encoding="utf-8")
    path = tmp_path / "xlvi.yaml"
    text = text.replace('nombre: "IDENTIFICACION2"', 'nombre: "IDENTIFICACION1"', 1)
    path.write_text(text, encoding="utf-8")
    found = [o for o in lint(path) if o.severidad is Severidad.ERROR]
    assert [o.codigo for o in found] == ["archivo-repetido"]
    assert "IDENTIFICACION1" in found[0].mensaje


def test_tabla_1_rows_that_tabla_4_leaves_out(cer_findings: tuple[Observacion, ...]) -> None:
    """Fidelity: Tabla 1 rows that look like Tabla 4's and are not in it (9.1)."""
    completo = [o.mensaje for o in cer_findings if o.codigo == "ceme-completo-sin-diploma"]
    assert len(completo) == 2
    assert any("«Alergia e Inmunología Clínica»" in m and "Medicina Interna" in m for m in completo)
    assert any("«Hematología pediátrica»" in m and "Pediatría" in m for m in completo)
    del_ceme = [o for o in cer_findings if o.codigo == "cer-del-ceme-sin-diploma"]
    assert [o.lugares for o in del_ceme] == [("1.2 C y 1.3, Tabla 1 (fila 8)", "9.1, Tabla 4")]
    assert "«Cirugía pediátrica»" in del_ceme[0].mensaje and "8 de los 10" in del_ceme[0].mensaje


def test_unam_telefonos_del_paso_10_y_de_la_pregunta_7() -> None:
    found = [o for o in lint("unam-primer-ingreso-2026") if o.codigo == "telefonos-o-extensiones"]
    assert len(found) == 1
    assert found[0].lugares == ("Instructivo, paso 10", "Preguntas frecuentes 7")
    assert "5623-2107" in found[0].mensaje and "32107" in found[0].mensaje
