"""``residencias evaluar ID CARPETA`` (or several files): a batch of expedientes, for a back office.
Each verdict is the one ``evaluar`` gives for that file alone; the summary names the rules each file
fails with their articles; a bad file is bad input (exit 2) that names it; outputs are never inputs."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from residencias.loading.files import load_convocatoria, load_expediente_e_historia
from residencias.process.evaluacion import evaluate
from residencias.process.lote import ExpedienteEvaluado, Lote, evaluar_lote
from residencias.rules.dictamen import ResultadoGeneral
from tests.cli_correr import correr, revisar
from tests.esquemas import validar

EXPEDIENTES = Path(__file__).parent.parent / "examples" / "expedientes"
CER = "imss-cer-2026-2027"
EN = "2026-03-10T12:00:00-06:00"
INSTANTE = datetime(2026, 3, 10, 12, tzinfo=ZoneInfo("America/Mexico_City"))


@pytest.fixture
def carpeta(tmp_path: Path) -> Path:
    """The five CER examples, in a folder of their own (with a file that is not an expediente)."""
    folder = tmp_path / "expedientes"
    folder.mkdir()
    for path in sorted(EXPEDIENTES.glob("cer-*.yaml")):
        shutil.copy(path, folder / path.name)
    (folder / "LEEME.txt").write_text("no es un expediente\n", encoding="utf-8")
    return folder


def test_each_verdict_is_the_one_evaluar_gives_for_that_file(carpeta: Path) -> None:
    conv = load_convocatoria(CER)
    lote = evaluar_lote(conv, [carpeta], INSTANTE)
    names = [Path(e.archivo).name for e in lote.expedientes]
    assert names == sorted(p.name for p in EXPEDIENTES.glob("cer-*.yaml"))  # by name; LEEME.txt left alone
    for e in lote.expedientes:
        expediente, historia = load_expediente_e_historia(e.archivo)
        alone = evaluate(conv, expediente, INSTANTE, historia)
        assert e == ExpedienteEvaluado.de(e.archivo, alone)
    grado = next(e for e in lote.expedientes if "grado-no-coincide" in e.archivo)
    assert [(h.regla, h.articulo) for h in grado.no_cumple] == [("cer-1.3", "1.3, Tabla 1")]
    assert lote.resultado is ResultadoGeneral.NO_CUMPLE and not lote.todos_cumplen


def test_the_batch_complies_only_when_every_file_does() -> None:
    uno = ExpedienteEvaluado("a.yaml", ResultadoGeneral.CUMPLE, (), (), ())
    otro = ExpedienteEvaluado("b.yaml", ResultadoGeneral.PENDIENTE, (), (), ())
    assert Lote(CER, None, INSTANTE, (uno, uno)).todos_cumplen
    assert Lote(CER, None, INSTANTE, (uno, uno)).resultado is ResultadoGeneral.CUMPLE
    assert Lote(CER, None, INSTANTE, (uno, otro)).resultado is ResultadoGeneral.PENDIENTE


def test_the_command_summarises_in_text_json_and_csv(carpeta: Path, tmp_path: Path) -> None:
    salida = tmp_path / "resumen.csv"
    run = correr("evaluar", CER, str(carpeta), "--en", EN, "--csv", str(salida))
    revisar(run)
    assert run.codigo == 1  # not every expediente complies
    assert run.salida.startswith(f"5 expedientes evaluados contra {CER} al 2026-03-10T12:00:00-06:00: ")
    assert "cer-grado-no-coincide.yaml: no cumple; no cumple: cer-1.3 (1.3, Tabla 1)" in run.salida
    assert "falta información" in run.salida
    rows = list(csv.DictReader(io.StringIO(salida.read_text(encoding="utf-8"))))
    assert [Path(r["archivo"]).name for r in rows] == sorted(p.name for p in EXPEDIENTES.glob("cer-*.yaml"))
    assert next(r for r in rows if "grado" in r["archivo"])["no_cumple"] == "cer-1.3 (1.3, Tabla 1)"
    data = correr("evaluar", CER, str(carpeta), "--en", EN, "--json")
    revisar(data)
    assert validar("evaluar-lote", data.json) == []
    assert data.json["total"] == 5 and sum(data.json["por_resultado"].values()) == 5
    assert data.json["resultado"] == "no_cumple"


def test_several_files_are_a_batch_too() -> None:
    names = ("cer-cardiologia-cumple.yaml", "cer-grado-no-coincide.yaml")
    files = [str(EXPEDIENTES / name) for name in names]
    run = correr("evaluar", CER, *files, "--en", EN, "--json")
    revisar(run)
    assert [e["archivo"] for e in run.json["expedientes"]] == files


def test_a_bad_file_is_bad_input_that_names_it(carpeta: Path) -> None:
    (carpeta / "roto.yaml").write_text("aspirante: [\n", encoding="utf-8")
    (carpeta / "otra.yaml").write_text((EXPEDIENTES / "xlvi-sede-distinta-no-cumple.yaml").read_text("utf-8"),
                                       encoding="utf-8")
    run = correr("evaluar", CER, str(carpeta), "--en", EN, "--json")
    revisar(run)
    assert run.codigo == 2
    archivos = {p["archivo"] for p in run.json["error"]["problemas"]}
    assert archivos == {str(carpeta / "roto.yaml"), str(carpeta / "otra.yaml")}


@pytest.mark.parametrize(
    "extra",
    [
        ("--historia", str(Path(__file__).parent.parent / "examples" / "historias" / "cer-sin-ficha.yaml")),
        ("--csv", "{carpeta}/cer-cardiologia-cumple.yaml"),  # an input is never an output
    ],
)
def test_refused_options(carpeta: Path, extra: tuple[str, str]) -> None:
    run = correr("evaluar", CER, str(carpeta), "--en", EN, extra[0], extra[1].format(carpeta=carpeta))
    revisar(run)
    assert run.codigo == 2
    assert (carpeta / "cer-cardiologia-cumple.yaml").read_text(encoding="utf-8") == (
        EXPEDIENTES / "cer-cardiologia-cumple.yaml").read_text(encoding="utf-8")


def test_an_empty_folder_and_csv_of_one_file_are_refused(tmp_path: Path) -> None:
    run = correr("evaluar", CER, str(tmp_path), "--en", EN)
    revisar(run)
    assert run.codigo == 2 and "no tiene expedientes" in run.errores
    run = correr("evaluar", CER, str(EXPEDIENTES / "cer-grado-no-coincide.yaml"), "--en", EN,
                 "--csv", str(tmp_path / "x.csv"))
    revisar(run)
    assert run.codigo == 2 and not (tmp_path / "x.csv").exists()


def test_a_file_name_a_spreadsheet_would_run_is_escaped_in_the_csv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(EXPEDIENTES / "cer-grado-no-coincide.yaml", tmp_path / "=HYPERLINK(1).yaml")
    monkeypatch.chdir(tmp_path)
    lote = evaluar_lote(load_convocatoria(CER), ["=HYPERLINK(1).yaml"], INSTANTE)
    row = list(csv.reader(io.StringIO(lote.to_csv())))[1]
    assert row[:3] == ["'=HYPERLINK(1).yaml", "no_cumple", "cer-1.3 (1.3, Tabla 1)"]
