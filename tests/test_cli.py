"""The ``residencias`` command line: output, --json, and the exit codes 0/1/2 of DESIGN.md."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import residencias
from residencias.cli import main
from tests.strategies import BUNDLED_DATA


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_convocatorias_json_lists_every_bundled_id(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "convocatorias", "--json")
    assert code == 0
    data = json.loads(out)
    assert [item["id"] for item in data] == list(residencias.convocatorias_disponibles())
    cer = next(item for item in data if item["id"] == "imss-cer-2026-2027")
    assert cer["publicacion"] == "2026-03-09T18:00:00-06:00"
    assert cer["institucion"] == "IMSS"


def test_convocatorias_human_output_has_one_line_each(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "convocatorias")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(residencias.convocatorias_disponibles())
    assert any(line.startswith("imss-cer-2026-2027") and "2026-03-09 18:00" in line for line in lines)


def test_mostrar_summarises_the_cer_call_with_citations(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "mostrar", "imss-cer-2026-2027")
    assert code == 0
    assert "2026-03-09T18:00:00-06:00 [Portada" in out
    assert "Tabla 1:          42 filas" in out
    assert "Tabla 4:          32 filas" in out


def test_mostrar_json_is_the_whole_call_without_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "mostrar", "imss-cer-2026-2027", "--json")
    assert code == 0
    data = json.loads(out)
    assert "especialidades" not in data
    assert len(data["tablas"]["prerrequisitos"]["filas"]) == 42
    assert data["zona_horaria"]["nombre"] == "America/Mexico_City"


def test_cer_json_gives_cer_and_articulo(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "cer", "--ceme", "Medicina interna", "--grado", "2", "--json")
    assert code == 0
    data = json.loads(out)
    assert [d["cer"] for d in data] == [
        "Cardiología", "Gastroenterología", "Nefrología", "Neurología", "Oncología Médica", "Reumatología",
    ]
    assert data[0]["articulo"] == "1.2 C y 1.3, Tabla 1 (fila 5)"
    assert all(d["diploma_institucional"] is None for d in data)


def test_cer_reports_the_diploma_obligation(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "cer", "--ceme", "Neurocirugía", "--grado", "5", "--json")
    assert code == 0
    data = json.loads(out)
    assert [d["cer"] for d in data] == ["Neurocirugía Pediátrica", "Terapia Endovascular Neurológica"]
    assert [d["diploma_institucional"]["articulo"] for d in data] == [
        "9.1, Tabla 4 (fila 18)", "9.1, Tabla 4 (fila 30)",
    ]


def test_cer_without_match_is_a_negative_answer(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "cer", "--ceme", "Medicina interna", "--grado", "3")
    assert code == 1
    assert "grado debe coincidir exactamente" in out
    assert "pide el grado 1, 2, 4" in out


def test_unknown_ceme_is_bad_input_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "cer", "--ceme", "Medicna interna", "--grado", "2")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "¿quiso decir 'Medicina Interna'" in err


def test_unknown_convocatoria_lists_the_known_ids(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "mostrar", "issste-2026")
    assert code == 2
    assert "convocatoria desconocida 'issste-2026'" in err
    assert "imss-cer-2026-2027" in err


def test_bad_data_file_gives_file_line_column(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "mia.yaml"
    bad.write_text("id: mia\ninstitucion: IMSS\ninstitucion: UNAM\n", encoding="utf-8")
    code, _, err = run(capsys, "mostrar", str(bad))
    assert code == 2
    assert err.strip() == (
        f"residencias: {bad}:3:1: clave duplicada 'institucion' (ya definida en la línea 2); "
        "se esperaba cada clave una sola vez"
    )
    assert "Traceback" not in err


def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "cer", "--ceme", "Pediatría", "--grado", "tres")
    assert (code, out) == (2, "")
    assert err == ("residencias: argumentos inválidos: argumento --grado: 'tres' no es un número "
                   "entero, p. ej. 2; vea 'residencias cer --help'\n")


def test_lint_all_has_warnings_and_no_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lint")
    assert code == 0
    assert "0 errores" in out.splitlines()[-1]
    assert "advertencia [cer-fuera-de-tabla-1]" in out


def test_lint_json_of_a_broken_file_is_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = BUNDLED_DATA / "convocatorias" / "imss-cer-2026-2027.yaml"
    text = source.read_text(encoding="utf-8")
    text = text.replace('ceme: "Pediatría", grado: 2', 'ceme: "Pedriatría", grado: 2')
    broken = tmp_path / "cer.yaml"
    broken.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "lint", str(broken), "--json")
    assert code == 1
    errors = [o for o in json.loads(out) if o["severidad"] == "error"]
    assert [o["codigo"] for o in errors] == ["especialidad-desconocida"]
    assert "Pedriatría" in errors[0]["mensaje"]
    assert errors[0]["lugares"][0] == "1.2 C y 1.3, Tabla 1 (fila 8)"


def test_python_dash_m_runs_the_same_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "residencias", "cer", "--ceme", "Psiquiatría", "--grado", "4", "--json"],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert [d["cer"] for d in json.loads(done.stdout)] == ["Psiquiatría Infantil y de la Adolescencia"]


def test_calendario_json_gives_iso_instants_with_offset(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "calendario", "imss-cer-2026-2027", "--en", "2026-03-13T22:00:01+00:00", "--json"
    )
    assert code == 0
    data = json.loads(out)
    registro = next(v for v in data if v["accion"] == "registro")
    assert registro["desde"] == "2026-03-09T16:00:00-06:00"
    assert registro["hasta"] == "2026-03-13T16:00:00-06:00"
    assert registro["articulo"] == "2.1"
    assert registro["supuesto"] is None
    assert registro["estado"] == "cerrada"
    assert next(v for v in data if v["accion"] == "validacion")["estado"] == "abierta"
    efiser = next(v for v in data if v["accion"] == "examen_efiser")
    assert (efiser["desde"], efiser["hasta"], efiser["dia_completo"]) == (
        "2026-03-24T00:00:00-06:00", "2026-03-28T00:00:00-06:00", True)
    assert efiser["supuesto"].startswith("El documento da los días sin horario")
    assert set(registro) >= {"accion", "descripcion", "articulo", "desde", "hasta", "supuesto"}


def test_calendario_table_marks_states_and_supuestos(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "calendario", "imss-cer-2026-2027", "--en", "2026-03-13T16:00:00-06:00")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        "Calendario de imss-cer-2026-2027 en 2026-03-13T16:00:00-06:00 (hora de America/Mexico_City)"
    )
    assert any(line.split()[:2] == ["abierta", "registro"] for line in lines)
    assert any(line.split()[:2] == ["próxima", "examen_efiser"] and "[supuesto 2]" in line for line in lines)
    assert any(line.startswith("  supuesto 2: El documento da los días sin horario") for line in lines)


def test_calendario_writes_a_stable_ics_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert run(capsys, "calendario", "imss-cer-2026-2027", "--ics", str(first))[0] == 0
    assert run(capsys, "calendario", "imss-cer-2026-2027", "--ics", str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_calendario_refuses_a_naive_instant(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "calendario", "imss-cer-2026-2027", "--en", "2026-03-13T16:00:00")
    assert code == 2
    assert "no tiene desfase UTC" in err


EXAMPLES = Path(__file__).parent.parent / "examples" / "expedientes"


@pytest.mark.parametrize(("example", "code", "resultado"), [
    # Over time: on 10 March, without a history, the complete file still has every step ahead
    # (registration, solicitud, validation...): pendiente, not cumple.
    ("cer-cardiologia-cumple.yaml", 1, "pendiente"),
    ("cer-grado-no-coincide.yaml", 1, "no_cumple"),
    ("cer-neonatologia-pendiente-diploma.yaml", 1, "pendiente"),
    ("cer-faltan-antecedentes.yaml", 1, "falta_informacion"),
])
def test_evaluar_exit_code_and_json(capsys: pytest.CaptureFixture[str], example: str, code: int,
                                    resultado: str) -> None:
    got, out, _ = run(capsys, "evaluar", "imss-cer-2026-2027", str(EXAMPLES / example),
                      "--en", "2026-03-10T12:00:00-06:00", "--json")
    assert got == code
    data = json.loads(out)
    assert data["resultado"] == resultado
    assert data["version"] == 2
    assert len(data["datos_sha256"]) == 64
    assert data["proceso"] == {"estatus": "sin_registro", "nombre": "Sin registro", "articulo": "2.1",
                               "terminal": False, "desenlace": None, "con_historia": False}


def test_evaluar_human_output_puts_failures_first(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "evaluar", "imss-cer-2026-2027", str(EXAMPLES / "cer-grado-no-coincide.yaml"),
                       "--en", "2026-03-10T12:00:00-06:00")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("No cumple — ")
    assert lines[1] == "Estatus en el proceso (sin historia de eventos): Sin registro (2.1)."
    assert lines[2] == "No cumple (1):"
    assert lines[3].startswith("  - no cumple 1.3, Tabla 1:")


def test_evaluar_requires_an_aware_instant(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "evaluar", "imss-cer-2026-2027", str(EXAMPLES / "cer-cardiologia-cumple.yaml"),
                       "--en", "2026-03-10T12:00:00")
    assert code == 2
    assert err.count("\n") == 1


def test_evaluar_bad_expediente_is_bad_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "e.yaml"
    bad.write_text("convocatoria: imss-cer-2026-2027\naspirante:\n  grado: '2'\n", encoding="utf-8")
    code, _, err = run(capsys, "evaluar", "imss-cer-2026-2027", str(bad), "--en", "2026-03-10T12:00:00-06:00")
    assert code == 2
    assert f"{bad}:3:10:" in err


def test_documentos_for_mexicans_with_studies_abroad(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "documentos", "imss-cer-2026-2027", "--categoria", "mexicano-extranjero",
                       "--json")
    assert code == 0
    data = json.loads(out)
    assert data["restricciones"] == []
    items = data["documentos"]
    assert [i["documento"] for i in items][:3] == ["IDENTIFICACION", "ACTADENACIMIENTO", "CURP"]
    assert next(i for i in items if i["documento"] == "DIPLOMAINSTITUCIONAL")["segun_su_caso"] is True


def test_revisar_archivos_reports_missing_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "revisar-archivos", "imss-enarm-xlix-2026-tercer-periodo", str(tmp_path))
    assert code == 1
    assert "no hay 'ACTADENACIMIENTO.jpg' en el directorio" in out


def test_puntaje_with_publications(capsys: pytest.CaptureFixture[str]) -> None:
    publicaciones = Path(__file__).parent.parent / "examples" / "puntaje" / "publicaciones.yaml"
    code, out, _ = run(capsys, "puntaje", "--efiser", "80", "--promedio", "90", "--enarm", "70",
                       "--publicaciones", str(publicaciones))
    assert code == 0
    first = out.splitlines()[0]
    assert first == "Puntaje Integrado IMSS (PI-IMSS): 84.075 (6.1, Tabla 2; sección 7)"
    assert "no cumple 7.1 H 1" in out


def test_puntaje_json_keeps_decimals_exact(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "puntaje", "--efiser", "80", "--promedio", "90", "--enarm", "70", "--json")
    assert code == 0
    assert json.loads(out)["total"] == "84.00"


def test_puntaje_refuses_a_score_that_is_not_a_number(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "puntaje", "--efiser", "ochenta", "--promedio", "90", "--enarm", "70")
    assert code == 2
    assert "'ochenta' no es un número decimal" in err
