"""Regressions of the «Fidelity» issue about the direct pre-assignment of the ENARM calls (items 9,
10 and 11): what each call compares, what follows from a difference, and how names are compared."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import residencias
from residencias.cli import main
from residencias.domain.personas import ConstanciaENARM, Residente
from residencias.rules.preasignacion import EstadoPreasignacion, Preasignacion

CDMX = ZoneInfo("America/Mexico_City")
XLVI = "imss-enarm-xlvi-2023"
XLIX = "imss-enarm-xlix-2026-tercer-periodo"


def _persona(sede: str, subsede: str | None, sede_c: str, subsede_c: str | None) -> Residente:
    return Residente(sede_registrada=sede, subsede_registrada=subsede,
                     constancia_enarm=ConstanciaENARM(sede=sede_c, subsede=subsede_c))


def _revisar(conv_id: str, persona: Residente) -> Preasignacion:
    conv = residencias.load_convocatoria(conv_id)
    return residencias.revisar_preasignacion(conv, residencias.Expediente(conv_id, persona))


# --- 9. XLIX 1.4 does not say «anulado»: the consequence is 7.4's -----------------------------


def test_xlix_sede_distinta_no_es_anulacion_sino_la_consecuencia_de_7_4() -> None:
    r = _revisar(XLIX, _persona("HGZ 2A Troncoso", "UMF 9", "HGR 1", "UMF 9"))
    assert r.estado is EstadoPreasignacion.NO_COINCIDE
    assert (r.regla, r.articulo, r.articulo_consecuencia) == ("xlix-1.4", "1.4; 2.2.1 i)", "7.4")
    texto = r.explicar()
    assert "ANULADO" not in texto and "anul" not in texto.split("Consecuencia")[0].lower()
    assert "Consecuencia (7.4)" in texto and "cancelación" in texto


def test_xlvi_sede_distinta_si_anula_con_su_articulo() -> None:
    r = _revisar(XLVI, _persona("HGZ 1 Tlaxcala", None, "HE CMN Siglo XXI", None))
    assert r.estado is EstadoPreasignacion.ANULADA and r.articulo_consecuencia == "1.3"
    assert "registro ANULADO" in r.explicar()


def test_xlix_evaluar_cita_la_consecuencia_de_7_4() -> None:
    conv = residencias.load_convocatoria(XLIX)
    persona = _persona("HGZ 2A Troncoso", "UMF 9", "HGR 1", "UMF 9")
    dictamen = residencias.evaluate(conv, residencias.Expediente(XLIX, persona), en=datetime(2026, 2, 19,
                                                                                              tzinfo=CDMX))
    h = next(h for h in dictamen.hallazgos if h.regla == "xlix-1.4")
    assert h.resultado is residencias.Resultado.NO_CUMPLE
    assert "consecuencia (7.4)" in h.razon and "anula" not in h.razon.lower()
    assert ("articulo_consecuencia", "7.4") in h.parametros


def test_preasignacion_cli_xlix_no_coincide(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    e = tmp_path / "e.yaml"
    e.write_text(f"convocatoria: {XLIX}\naspirante:\n  sede_registrada: HGR 1\n  subsede_registrada: UMF 2\n"
                 "  constancia_enarm: {sede: HGR 1, subsede: UMF 9}\n", encoding="utf-8")
    code = main(["preasignacion", XLIX, str(e), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 1 and out["estado"] == "no_coincide" and out["articulo_consecuencia"] == "7.4"


# --- 10. XLVI 1.3 compares the sede only -------------------------------------------------------


def test_xlvi_subsede_distinta_no_anula() -> None:
    r = _revisar(XLVI, _persona("HE CMN Siglo XXI", "UMF 2", "HE CMN Siglo XXI", "UMF 9"))
    assert r.estado is EstadoPreasignacion.CONFIRMADA and not r.compara_subsede
    r = _revisar(XLVI, _persona("HE CMN Siglo XXI", "UMF 2", "HE CMN Siglo XXI", None))
    assert r.estado is EstadoPreasignacion.CONFIRMADA


def test_xlix_si_compara_la_subsede() -> None:
    distinta = _revisar(XLIX, _persona("HGR 1", "UMF 2", "HGR 1", "UMF 9"))
    assert distinta.estado is EstadoPreasignacion.NO_COINCIDE
    sin_subsede = _revisar(XLIX, _persona("HGR 1", None, "HGR 1", "UMF 9"))
    assert sin_subsede.estado is EstadoPreasignacion.FALTA_INFORMACION


# --- 11. «exactamente»: folding is a declared supuesto, reported when it decided -----------------


@pytest.mark.parametrize("conv_id", [XLVI, XLIX])
def test_plegar_acentos_y_mayusculas_se_declara_cuando_decide(conv_id: str) -> None:
    plegada = _persona("hgz 1 tlaxcala", "umf 9", "HGZ 1 Tlaxcala", "UMF 9")
    r = _revisar(conv_id, plegada)
    assert r.estado is EstadoPreasignacion.CONFIRMADA
    assert r.supuesto is not None and "exactamente" in r.supuesto and "Supuesto:" in r.explicar()
    conv = residencias.load_convocatoria(conv_id)
    regla = "xlvi-1.3-sede" if conv_id == XLVI else "xlix-1.4"
    h = next(h for h in residencias.evaluate(conv, residencias.Expediente(conv_id, plegada),
                                             en=datetime(2026, 2, 19, tzinfo=CDMX)).hallazgos
             if h.regla == regla)
    assert h.resultado is residencias.Resultado.CUMPLE
    assert "[supuesto:" in h.razon and any(k == "supuesto" for k, _ in h.parametros)
    # written the same: no supuesto
    exacta = _persona("HGZ 1 Tlaxcala", "UMF 9", "HGZ 1 Tlaxcala", "UMF 9")
    assert _revisar(conv_id, exacta).supuesto is None
    h = next(h for h in residencias.evaluate(conv, residencias.Expediente(conv_id, exacta),
                                             en=datetime(2026, 2, 19, tzinfo=CDMX)).hallazgos
             if h.regla == regla)
    assert "[supuesto:" not in h.razon


def test_nfc_no_es_pliegue() -> None:
    """A precomposed «Á» and «A» + combining acute are the same text as written."""
    r = _revisar(XLIX, _persona("HGZ 8 San \u00c1ngel", "UMF 1", "HGZ 8 San A\u0301ngel", "UMF 1"))
    assert r.estado is EstadoPreasignacion.CONFIRMADA and r.supuesto is None
