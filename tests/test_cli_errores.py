"""Refusals a program can read: under ``--json`` a refusal is a JSON object on the standard output
(``docs/esquemas/error.schema.json``: code, kind, message, file, line, column and every problem
found), besides the Spanish line on the standard error; in text, every problem of a data file on
its own line, up to 50, then how many more."""

from __future__ import annotations

from pathlib import Path

import pytest

from residencias.cli._errores import MAX_LINEAS, rechazo
from residencias.errors import DataFileError, Problema
from tests.cli_correr import correr
from tests.esquemas import validar

ROOT = Path(__file__).parent.parent
YAML = str(ROOT / "examples" / "asignacion" / "cer-2026-2027.yaml")


def _csv_with_bad_scores(tmp_path: Path, n: int) -> Path:
    (tmp_path / "sedes.csv").write_text("cer,clave,plazas\nCardiología,S1,1\n", encoding="utf-8")
    rows = "".join(f"{i},Cardiología,abc{i},S1\n" for i in range(1, n + 1))
    (tmp_path / "aspirantes.csv").write_text("folio,cer,puntaje,opciones\n" + rows, encoding="utf-8")
    return tmp_path


def test_json_lists_every_problem_of_a_data_file(tmp_path: Path) -> None:
    directory = _csv_with_bad_scores(tmp_path, 75)
    run = correr("asignar", str(directory), "--json")
    assert run.codigo == 2
    data = run.json
    assert validar("error", data) == []
    error = data["error"]
    archivo = str(directory / "aspirantes.csv")
    assert (error["codigo"], error["tipo"], error["archivo"], error["linea"], error["columna"]) == (
        2, "archivo_invalido", archivo, 2, 15)
    assert len(error["problemas"]) == 75
    assert [p["linea"] for p in error["problemas"]] == list(range(2, 77))
    assert error["problemas"][-1] == {
        "archivo": archivo, "linea": 76, "columna": 16,
        "mensaje": "folio '75': columna 'puntaje': se esperaba un número decimal sin signo con punto "
                   "(p. ej. 87.512), se encontró 'abc75'",
    }
    assert error["mensaje"].endswith("(y 74 problemas más)")


def test_text_lists_problems_one_per_line_up_to_a_cap_then_a_count(tmp_path: Path) -> None:
    run = correr("asignar", str(_csv_with_bad_scores(tmp_path, 75)))
    assert run.codigo == 2 and run.salida == ""
    lines = run.errores.splitlines()
    assert len(lines) == MAX_LINEAS + 1 == 51
    assert lines[0].endswith("se encontró 'abc1' (y 74 problemas más)")
    assert [line.rsplit("'abc", 1)[1] for line in lines[1:MAX_LINEAS]] == [f"{i}'" for i in range(2, 51)]
    assert lines[-1] == "residencias: … y 25 problemas más (con --json se listan todos)"


def test_a_few_problems_are_all_listed_in_text(tmp_path: Path) -> None:
    run = correr("asignar", str(_csv_with_bad_scores(tmp_path, 3)))
    lines = run.errores.splitlines()
    assert len(lines) == 3
    assert [line.rsplit("'abc", 1)[1] for line in lines] == ["1' (y 2 problemas más)", "2'", "3'"]


def test_a_single_problem_stays_one_line(tmp_path: Path) -> None:
    run = correr("asignar", str(_csv_with_bad_scores(tmp_path, 1)), "--json")
    assert run.errores.count("\n") == 1
    assert len(run.json["error"]["problemas"]) == 1


@pytest.mark.parametrize(("argv", "tipo", "fragment"), [
    (("mostrar", "issste-2026"), "convocatoria_desconocida", "convocatoria desconocida 'issste-2026'"),
    (("cer", "--ceme", "Medicna interna", "--grado", "2"), "especialidad_desconocida", "¿quiso decir"),
    (("cer", "--ceme", "Pediatría", "--grado", "2", "--convocatoria", "unam-primer-ingreso-2026"),
     "consulta_invalida", "no tiene tabla de CER"),
    (("asignar", YAML, "--explicar", "999999"), "consulta_invalida", "folio '999999' desconocido"),
    (("asignar", YAML, "--esperado", str(ROOT / "README.md")), "archivo_invalido", "README.md:1:"),
    (("lint", "--sin-esto"), "argumentos_invalidos", "argumentos no reconocidos: --sin-esto"),
])
def test_each_kind_of_refusal_in_json(argv: tuple[str, ...], tipo: str, fragment: str) -> None:
    run = correr(*argv, "--json")
    assert run.codigo == 2
    error = run.json["error"]
    assert validar("error", run.json) == []
    assert error["tipo"] == tipo
    assert fragment in error["mensaje"]
    assert run.errores.splitlines()[0] == f"residencias: {error['mensaje']}"


def test_a_file_refusal_points_at_its_place(tmp_path: Path) -> None:
    bad = tmp_path / "mia.yaml"
    bad.write_text("id: mia\ninstitucion: IMSS\ninstitucion: UNAM\n", encoding="utf-8")
    error = correr("mostrar", str(bad), "--json").json["error"]
    assert (error["archivo"], error["linea"], error["columna"]) == (str(bad), 3, 1)
    assert error["problemas"][0]["mensaje"].startswith("clave duplicada 'institucion'")


def test_asignar_explicar_is_in_the_json() -> None:
    run = correr("asignar", YAML, "--explicar", "736574", "--explicar", "993830", "--json")
    assert run.codigo == 0
    first, second = run.json["explicaciones"]
    assert (first["folio"], second["folio"]) == ("736574", "993830")
    text = correr("asignar", YAML, "--explicar", "736574").salida
    assert first["texto"] in text
    assert first["texto"].startswith("Folio 736574 (Cardiología): PI-IMSS ")
    assert len(first["intentos"]) >= 1
    assert all(i["articulo"].startswith("6.2, punto ") for i in first["intentos"])
    last = first["intentos"][-1]
    assert (first["sede"] is None) == (not last["asignado"])
    if first["sede"] is not None:
        assert (last["sede"], last["opcion"]) == (first["sede"], first["opcion"])
    assert correr("asignar", YAML, "--json").json["explicaciones"] == []


def test_nothing_is_half_written_before_a_refusal(tmp_path: Path) -> None:
    """An unknown folio is refused before the answer is printed: the standard output holds the
    refusal alone, a single JSON document."""
    run = correr("asignar", YAML, "--explicar", "736574", "--explicar", "nadie", "--json")
    assert run.codigo == 2
    assert list(run.json) == ["version", "error"]


def test_rechazo_of_an_internal_error_is_one_flat_line() -> None:
    refusal = rechazo(RuntimeError("varias\nlíneas\tcon   espacios " + "x" * 400))
    assert refusal.codigo == 3 and refusal.tipo == "error_interno"
    assert "\n" not in refusal.mensaje
    assert "RuntimeError: varias líneas con espacios xxx" in refusal.mensaje
    assert len(refusal.mensaje) < 500


def test_rechazo_keeps_a_data_file_problem_on_one_line() -> None:
    refusal = rechazo(DataFileError([Problema("a\nb.yaml", 1, 2, "valor 'x\ny' no válido")]))
    assert refusal.lineas() == ["residencias: a\\nb.yaml:1:2: valor 'x\\ny' no válido"]
    assert refusal.to_data()["error"]["problemas"][0]["mensaje"] == "valor 'x\\ny' no válido"
