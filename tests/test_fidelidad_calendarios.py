"""Regressions of the «Fidelity» issue about calendars: what the documents say of when something can be
done, that the library answered otherwise. Each test names the item and cites the article."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import residencias
from residencias.calendars.calendario import load_calendario
from residencias.cli import main
from residencias.domain.personas import ConstanciaENARM

CDMX = ZoneInfo("America/Mexico_City")
PRIMER_INGRESO = "unam-primer-ingreso-2026"
REGULARIZACION = "unam-regularizacion-2025"
XLVI = "imss-enarm-xlvi-2023"
XLIX = "imss-enarm-xlix-2026-tercer-periodo"


def _cdmx(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=CDMX)  # type: ignore[misc]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- 1. documentos_pendientes opens with conditional enrollment (Calendario 2026, notas; paso 2) ---


def test_documentos_pendientes_no_abre_antes_de_la_inscripcion_condicionada() -> None:
    cal = load_calendario(PRIMER_INGRESO)
    for instante in (_cdmx(2025, 6, 2, 10), _cdmx(2026, 1, 15, 10), _cdmx(2026, 2, 3, 12)):
        assert not cal.abierta("documentos_pendientes", instante), instante
    assert cal.abierta("documentos_pendientes", _cdmx(2026, 2, 4, 9))
    assert cal.abierta("documentos_pendientes", _cdmx(2026, 8, 28, 17, 30))
    respuesta = cal.consultar("documentos_pendientes", _cdmx(2026, 2, 4, 9))
    assert any("4 de febrero" in s for s in respuesta.supuestos)


# --- 2. pago: the ventanilla hours of the steps around it (Instructivo, pasos 8 y 9; FAQ 9) --------


@pytest.mark.parametrize(("instante", "abierta"), [
    ((2026, 2, 7, 12), False),       # Saturday
    ((2026, 2, 9, 8, 59, 59), False),  # before 9:00
    ((2026, 2, 27, 23, 59), False),  # the last day, ventanilla closed
    ((2026, 2, 27, 17, 30), True),
    ((2026, 2, 4, 9), True),
])
def test_pago_solo_cuando_la_ventanilla_que_recibe_el_comprobante_atiende(
        instante: tuple[int, ...], abierta: bool) -> None:
    cal = load_calendario(PRIMER_INGRESO)
    assert cal.abierta("pago", _cdmx(*instante)) is abierta
    pago = cal.ventana("pago")
    assert pago.horario is not None and pago.supuesto is not None and "paso 9" in pago.supuesto


# --- 3. regularización: a registration date outside 8 Sep–10 Oct 2025 (Paso 1 Registro) -----------


@pytest.mark.parametrize("fecha", [date(2025, 9, 7), date(2025, 10, 11), date(2026, 3, 1)])
def test_regularizacion_rechaza_fecha_de_registro_fuera_del_periodo(fecha: date) -> None:
    cal = load_calendario(REGULARIZACION)
    with pytest.raises(residencias.InvalidQueryError, match="Paso 1 Registro"):
        cal.plazo("correo_autorizacion", referencia=fecha)
    with pytest.raises(residencias.InvalidQueryError, match="fuera del periodo de registro"):
        cal.plazos_resueltos(registro=fecha)
    with pytest.raises(residencias.InvalidQueryError):
        cal.ventana("correo_autorizacion", registro=fecha)


def test_regularizacion_acepta_los_extremos_del_periodo() -> None:
    cal = load_calendario(REGULARIZACION)
    assert cal.plazo("correo_autorizacion", referencia=date(2025, 9, 8)).hasta == date(2025, 9, 22)
    assert cal.plazo("correo_autorizacion", referencia=date(2025, 10, 10)).hasta == date(2025, 10, 24)


def test_calendario_cli_rechaza_registro_fuera_del_periodo(capsys: pytest.CaptureFixture[str],
                                                            tmp_path: Path) -> None:
    ics = tmp_path / "r.ics"
    code, out, err = run(capsys, "calendario", REGULARIZACION, "--registro", "2025-10-20", "--ics", str(ics))
    assert code == 2 and not out and "Paso 1 Registro" in err
    assert not ics.exists()
    code, out, _ = run(capsys, "calendario", REGULARIZACION, "--registro", "2025-10-10")
    assert code == 0 and "correo_autorizacion" in out


# --- 8. XLIX: a DGCES selection date outside 16–18 Feb 2026 (1.2, calendario) ----------------------


def test_xlix_seleccion_fuera_del_calendario_una_sola_respuesta(capsys: pytest.CaptureFixture[str],
                                                                tmp_path: Path) -> None:
    cal = load_calendario(XLIX)
    fecha = date(2026, 2, 20)
    with pytest.raises(residencias.InvalidQueryError, match=r"1\.2"):
        cal.ventanas_para(fecha)
    ics = tmp_path / "x.ics"
    code, _, err = run(capsys, "calendario", XLIX, "--seleccion-dgces", "2026-02-20", "--ics", str(ics))
    assert code == 2 and "1.2" in err and not ics.exists()
    # evaluar asks the same place: the rule of 2.2.1 i) reads the calendar's answer
    conv = residencias.load_convocatoria(XLIX)
    regla = conv.requisitos.regla("xlix-2.2.1-i-vigencia") if conv.requisitos else None
    assert regla is not None and regla.condicion is not None
    assert regla.condicion.hecho == "calculado.seleccion_dgces_en_calendario"
    expediente = residencias.Expediente(XLIX, residencias.Residente(
        constancia_enarm=ConstanciaENARM(fecha_seleccion_dgces=fecha)), documentos=())
    hallazgo = next(h for h in residencias.evaluate(conv, expediente, en=_cdmx(2026, 2, 21)).hallazgos
                    if h.regla == "xlix-2.2.1-i-vigencia")
    assert hallazgo.resultado is residencias.Resultado.NO_CUMPLE
    assert cal.seleccion_dgces_valida(fecha) is False


def test_xlix_evaluar_con_carta_compromiso_y_seleccion_fuera_no_inventa_fecha_limite() -> None:
    conv = residencias.load_convocatoria(XLIX)
    expediente = residencias.Expediente(XLIX, residencias.Residente(
        titulo_en_tramite=True,
        constancia_enarm=ConstanciaENARM(fecha_seleccion_dgces=date(2026, 2, 20))),
        documentos=(residencias.Documento("CARTACOMPROMISOTITULO"),))
    hallazgo = next(h for h in residencias.evaluate(conv, expediente, en=_cdmx(2026, 2, 21)).hallazgos
                    if h.regla == "xlix-2.2.1-d2")
    assert hallazgo.resultado is residencias.Resultado.PENDIENTE and hallazgo.vence is None
    assert "no se puede calcular" in hallazgo.razon


# --- 14. XLVI: openings at the 11:00 publication; «a las 23:59 horas» declared ----------------------


def test_xlvi_nada_abre_antes_de_la_publicacion() -> None:
    cal = load_calendario(XLVI)
    for accion in ("registro", "impresion_solicitud", "adjuntar_documentos", "envio_a_validacion",
                   "descarga_ficha"):
        assert not cal.abierta(accion, _cdmx(2023, 3, 7, 0, 0)), accion
        assert not cal.abierta(accion, _cdmx(2023, 3, 7, 10, 59, 59)), accion
        assert cal.abierta(accion, _cdmx(2023, 3, 7, 11, 0)), accion


@pytest.mark.parametrize("identificador", [XLVI, XLIX])
def test_cierre_a_las_23_59_declara_su_lectura(identificador: str) -> None:
    cal = load_calendario(identificador)
    closing = [v for v in cal.ventanas if isinstance(v.hasta, datetime) and v.hasta.hour == 23
               and v.hasta.minute == 59]
    assert closing
    for ventana in closing:
        assert ventana.supuesto is not None and "23:59:00" in ventana.supuesto, ventana.accion
        fin = ventana.fin(CDMX)
        assert ventana.contiene(fin, CDMX)
        assert not ventana.contiene(fin.replace(second=1), CDMX)
