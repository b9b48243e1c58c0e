"""The process of the XLIX ENARM call, third registration period (IMSS, 2026), replayed against the
document: each example history at chosen instants (status, consequences with their article, first
next steps with their deadline and article), the refusals the document implies (each with its
article and the event's place in the file), and every missed deadline at its exact instant."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import residencias
from residencias import EventoRechazadoError, Historia
from residencias.cli import main
from residencias.domain.personas import ConstanciaENARM, TrabajadorIMSS
from residencias.domain.proceso import Desenlace
from residencias.process.replay import proceso_de
from tests.historias_ayuda import EXAMPLES, cdmx, ejemplo, ev, hasta, mas

ID = "imss-enarm-xlix-2026-tercer-periodo"
CONV = residencias.load_convocatoria(ID)
PROCESO = proceso_de(CONV)


def estatus(historia: Historia, en: datetime) -> str:
    return residencias.estado(CONV, historia, en).estatus.id


def primero(historia: Historia, en: datetime) -> tuple[str, datetime | None, str]:
    paso = residencias.siguientes_pasos(CONV, historia, en)[0]
    return paso.accion, paso.hasta, paso.articulo


def escribir(tmp_path: Path, eventos: str, seleccion: str = "2026-02-17") -> Path:
    path = tmp_path / "historia.yaml"
    aspirante = f"aspirante:\n  constancia_enarm: {{fecha_seleccion_dgces: {seleccion}}}\n"
    path.write_text(f"convocatoria: {ID}\n{aspirante}eventos:\n{eventos}", encoding="utf-8")
    return path


def rechazo(path: Path, en: datetime) -> EventoRechazadoError:
    with pytest.raises(EventoRechazadoError) as info:
        residencias.estado(CONV, residencias.load_historia(path), en)
    return info.value


EXITO = ejemplo("xlix-seleccion-17-feb-registro-18-feb.yaml")
TRABAJADOR = ejemplo("xlix-trabajador-imss-sin-examenes.yaml")
SIN_CARTA = ejemplo("xlix-carta-compromiso-no-aceptada.yaml")
TITULO = ejemplo("xlix-titulo-sin-entregar-baja-academica.yaml")
RENUNCIA = ejemplo("xlix-renuncia-con-acuse.json")
TODOS = (EXITO, TRABAJADOR, SIN_CARTA, TITULO, RENUNCIA)


# --- the block itself ----------------------------------------------------------------------------


def test_the_statuses_of_3_3_and_the_outcomes_of_5() -> None:
    por_id = PROCESO.estatus_por_id
    assert [por_id[s].articulo for s in ("pendiente_de_validar", "anulado", "con_observaciones",
                                         "en_proceso_de_validacion", "validado")] == [
        "3.3 A", "3.3 B", "3.3 C", "3.3 D; 3.1.3; 3.1.4", "3.3 E"]
    assert [e.id for e in PROCESO.estatus if e.desenlace is Desenlace.EXITO] == ["residente"]
    for renuncia in ("no_registrado", "fuera_del_proceso", "plaza_rechazada", "renuncia"):
        assert "5.1" in por_id[renuncia].articulo
        assert "libera el folio" in por_id[renuncia].descripcion
    assert por_id["abandono"].articulo == "5.2"


def test_every_status_is_reached_and_every_open_one_has_a_deadline() -> None:
    reached = {t.hacia for a in PROCESO.acciones for t in a.transiciones if t.hacia}
    reached |= {v.hacia for v in PROCESO.vencimientos}
    assert reached == {e.id for e in PROCESO.estatus} - {"sin_registro"}
    covered = {s for v in PROCESO.vencimientos for s in v.si_estatus}
    assert {e.id for e in PROCESO.estatus if not e.terminal} <= covered


def test_only_the_expediente_annulment_carries_a_ban() -> None:
    """XLIX 5.1 and 5.2 release the folio but, unlike XLVI, state no ban; 3.3 B does."""
    vetos = [(a.id, a.veto.alcance) for a in PROCESO.acciones if a.veto is not None]
    vetos += [(v.id, v.veto.alcance) for v in PROCESO.vencimientos if v.veto is not None]
    assert vetos == [("validacion_anulado", "participar en ninguna convocatoria del IMSS")]


def test_flujo(capsys: pytest.CaptureFixture[str]) -> None:
    texto = residencias.to_mermaid(CONV)
    assert "con_ficha --> plaza_rechazada : vence sin_carta_compromiso (4.1, 5.1 (tercer supuesto))" in texto
    assert "en_tramites_ooad --> adscrito : tramites_de_adscripcion (4.3)" in texto
    assert "residente_con_carta_compromiso --> baja_academica : vence sin_titulo_cedula" in texto
    assert main(["flujo", ID, "--json"]) == 0
    assert "stateDiagram-v2" in capsys.readouterr().out


# --- registration staggered by the DGCES selection date (1.2) ------------------------------------------


def test_selected_on_17_february_registers_after_16_00_of_18_february() -> None:
    paso = residencias.siguientes_pasos(CONV, EXITO, cdmx(2026, 2, 18, 12))[0]
    assert (paso.accion, paso.desde) == ("registro", cdmx(2026, 2, 18, 16))
    assert paso.hasta == cdmx(2026, 2, 20, 23, 59)
    assert paso.articulo == "1.2, calendario (selección en la DGCES el 17 de febrero de 2026)"
    assert paso.articulo_si_no == "1.2; 5.1 (primer supuesto); 5.2"


@pytest.mark.parametrize(("instante", "linea_fuera"), [
    ("2026-02-18T16:00:00-06:00", True),   # «después de las 16:00 horas»: 16:00:00 is outside
    ("2026-02-17T20:00:00-06:00", True),   # the opening of those selected on 16 February
    ("2026-02-18T16:00:01-06:00", False),
])
def test_the_registration_of_those_selected_on_17_february(tmp_path: Path, instante: str,
                                                           linea_fuera: bool) -> None:
    path = escribir(tmp_path, f"  - {{accion: registro, instante: {instante}}}\n")
    if not linea_fuera:
        assert estatus(residencias.load_historia(path), cdmx(2026, 2, 19)) == "registrado"
        return
    error = rechazo(path, cdmx(2026, 2, 19))
    assert str(error).startswith(f"{path}:5:5: evento 1 (registro): ")
    assert "está fuera de su ventana (abre 2026-02-18 16:00; cierra 2026-02-20 23:59" in str(error)
    assert error.articulo == "1.2, calendario (selección en la DGCES el 17 de febrero de 2026)"


def test_registration_closed_is_renuncia_at_23_59_01() -> None:
    nadie = Historia(ID, (), EXITO.aspirante)
    assert estatus(nadie, cdmx(2026, 2, 20, 23, 59)) == "sin_registro"
    e = residencias.estado(CONV, nadie, cdmx(2026, 2, 20, 23, 59, 1))
    assert e.estatus.id == "no_registrado"
    assert (e.consecuencias[0].origen, e.consecuencias[0].articulo) == (
        "registro_cerrado", "1.2; 5.1 (primer supuesto); 5.2")


@pytest.mark.parametrize(("en", "esperado", "paso", "vence", "articulo"), [
    (cdmx(2026, 2, 18, 16, 10), "registrado", "impresion_solicitud", cdmx(2026, 2, 20, 23, 59), "1.5"),
    (cdmx(2026, 2, 18, 17, 5), "pendiente_de_validar", "envio_a_validacion", cdmx(2026, 2, 20, 16), "3.1.2"),
    (cdmx(2026, 2, 19, 11, 30), "validado", "descarga_ficha", cdmx(2026, 2, 23, 12), "3.4"),
    (cdmx(2026, 2, 20, 12), "con_ficha", "carta_compromiso", cdmx(2026, 2, 24, 23, 59), "4.1"),
    (cdmx(2026, 2, 24, 9, 16), "carta_compromiso_aceptada", "impresion_preaceptacion",
     cdmx(2026, 2, 24, 23, 59), "4.2"),
    (cdmx(2026, 2, 24, 12), "preaceptado", "presentacion_ooad", cdmx(2026, 2, 28), "4.2; 4.3"),
    (cdmx(2026, 2, 27, 12), "adscrito", "curso_induccion", cdmx(2026, 3, 3), "6"),
])
def test_success_history_step_by_step(en: datetime, esperado: str, paso: str, vence: datetime,
                                      articulo: str) -> None:
    assert estatus(EXITO, en) == esperado
    assert primero(EXITO, en) == (paso, vence, articulo)


def test_success_ends_as_resident_after_the_induction_course() -> None:
    e = residencias.estado(CONV, EXITO, cdmx(2026, 3, 3))
    assert (e.estatus.id, e.desenlace, e.consecuencias) == ("residente", Desenlace.EXITO, ())


def test_the_first_send_starts_participation() -> None:
    e = residencias.estado(CONV, EXITO, cdmx(2026, 2, 18, 18))
    assert e.estatus.id == "en_proceso_de_validacion"
    assert "está participando en la convocatoria del IMSS (3.1.3)" in e.estatus.descripcion
    pasos = residencias.siguientes_pasos(CONV, EXITO, cdmx(2026, 2, 18, 18))
    assert [(p.accion, p.hasta) for p in pasos] == [
        ("validacion_con_observaciones", cdmx(2026, 2, 23, 10)),
        ("validacion_validado", cdmx(2026, 2, 23, 10))]


def test_the_first_send_closes_at_16_00_of_20_february() -> None:
    sin_enviar = hasta(EXITO, 3)
    assert estatus(sin_enviar, cdmx(2026, 2, 20, 16)) == "pendiente_de_validar"
    e = residencias.estado(CONV, sin_enviar, cdmx(2026, 2, 20, 16, 0, 1))
    assert e.estatus.id == "fuera_del_proceso"
    assert (e.consecuencias[0].origen, e.consecuencias[0].articulo) == (
        "sin_envio_a_validacion", "3.1.2; 3.1.3; 5.1 (segundo supuesto)")


def test_a_late_registrant_can_no_longer_send(tmp_path: Path) -> None:
    """1.2 keeps registration open until 23:59 of 20 February, 3.1.2 closes the first send at 16:00."""
    path = escribir(tmp_path, """\
  - {accion: registro, instante: 2026-02-20T17:00:00-06:00}
  - {accion: impresion_solicitud, instante: 2026-02-20T17:10:00-06:00}
  - {accion: adjuntar_documentos, instante: 2026-02-20T17:20:00-06:00}
  - {accion: envio_a_validacion, instante: 2026-02-20T17:30:00-06:00}
""")
    error = rechazo(path, cdmx(2026, 2, 21))
    assert str(error).startswith(f"{path}:8:5: evento 4 (envio_a_validacion): 2026-02-20 17:30 está fuera de "
                                 "su ventana")
    assert error.articulo == "3.1.2"
    tarde = hasta(residencias.load_historia(path), 3)
    assert estatus(tarde, cdmx(2026, 2, 20, 23, 59)) == "pendiente_de_validar"
    e = residencias.estado(CONV, tarde, cdmx(2026, 2, 20, 23, 59, 1))
    assert (e.estatus.id, e.consecuencias[0].origen) == ("fuera_del_proceso", "envio_cerrado_al_registrarse")


# --- validation and observations (3.2, 3.3) ------------------------------------------------------------


def test_observations_answered_by_reprinting_and_resending() -> None:
    en = cdmx(2026, 2, 18, 13)
    assert estatus(RENUNCIA, en) == "con_observaciones"
    assert primero(RENUNCIA, en) == ("observaciones_sin_atender", cdmx(2026, 2, 23, 10), "3.2")
    paso = residencias.siguientes_pasos(CONV, RENUNCIA, cdmx(2026, 2, 18, 18, 5))[0]
    assert (paso.accion, paso.hasta) == ("reenvio_a_validacion", cdmx(2026, 2, 23, 10))
    assert paso.obligatorio
    assert estatus(RENUNCIA, cdmx(2026, 2, 19, 12)) == "con_ficha"


def test_validation_ends_at_10_00_of_23_february() -> None:
    con_observaciones = hasta(RENUNCIA, 5)
    assert estatus(con_observaciones, cdmx(2026, 2, 23, 10)) == "con_observaciones"
    e = residencias.estado(CONV, con_observaciones, cdmx(2026, 2, 23, 10, 0, 1))
    assert (e.estatus.id, e.consecuencias[0].origen) == ("fuera_del_proceso", "observaciones_sin_atender")
    en_revision = hasta(RENUNCIA, 4)
    e = residencias.estado(CONV, en_revision, cdmx(2026, 2, 23, 10, 0, 1))
    assert (e.estatus.id, e.consecuencias[0].origen) == ("fuera_del_proceso", "sin_validacion")
    assert e.consecuencias[0].supuesto is not None


def test_resending_needs_the_updated_solicitud() -> None:
    sin_reimprimir = mas(hasta(RENUNCIA, 5), ev("reenvio_a_validacion", cdmx(2026, 2, 18, 14)))
    with pytest.raises(EventoRechazadoError, match="antes hay que «Atender las observaciones") as info:
        residencias.estado(CONV, sin_reimprimir, cdmx(2026, 2, 19))
    assert info.value.articulo == "3.3 C, 3"


def test_the_solicitud_cannot_be_reprinted_after_20_february() -> None:
    """1.5 closes the solicitud at 23:59 of 20 February; see solicitud-cerrada-durante-la-validacion."""
    tarde = mas(hasta(RENUNCIA, 4), ev("validacion_con_observaciones", cdmx(2026, 2, 21, 9)),
                ev("reimpresion_solicitud", cdmx(2026, 2, 21, 10)))
    with pytest.raises(EventoRechazadoError, match="fuera de su ventana") as info:
        residencias.estado(CONV, tarde, cdmx(2026, 2, 21, 11))
    assert info.value.articulo == "1.5"


def test_no_reentering_the_expediente_while_in_review() -> None:
    reingreso = mas(hasta(EXITO, 4), ev("adjuntar_documentos", cdmx(2026, 2, 18, 18)))
    with pytest.raises(EventoRechazadoError, match="con el estatus «Expediente en proceso de validación»"):
        residencias.estado(CONV, reingreso, cdmx(2026, 2, 19))


def test_annulled_expediente_bars_every_imss_call() -> None:
    anulado = mas(hasta(EXITO, 4), ev("validacion_anulado", cdmx(2026, 2, 19, 9), motivo="constancia"))
    e = residencias.estado(CONV, anulado, cdmx(2026, 2, 19, 10))
    assert e.estatus.id == "anulado"
    (veto,) = e.vetos
    assert (veto.alcance, veto.articulo, veto.desde, veto.hasta) == (
        "participar en ninguna convocatoria del IMSS", "3.3 B", date(2026, 2, 19), None)


# --- ficha (3.4), Carta Compromiso (4.1), Pre-aceptación (4.2) -----------------------------------------


def test_no_ficha_by_12_00_of_23_february_leaves_the_process() -> None:
    validado = hasta(EXITO, 5)
    assert estatus(validado, cdmx(2026, 2, 23, 12)) == "validado"
    e = residencias.estado(CONV, validado, cdmx(2026, 2, 23, 12, 0, 1))
    assert (e.estatus.id, e.consecuencias[0].articulo) == ("fuera_del_proceso", "3.4; 5.1 (segundo supuesto)")
    assert "quedará fuera del proceso en el IMSS" in e.consecuencias[0].descripcion


def test_carta_compromiso_not_accepted_is_rejection_of_the_seat() -> None:
    cierre = cdmx(2026, 2, 24, 23, 59)
    assert primero(SIN_CARTA, cierre) == ("carta_compromiso", cierre, "4.1")
    assert estatus(SIN_CARTA, cdmx(2026, 2, 24, 23, 58, 59)) == "con_ficha"
    assert estatus(SIN_CARTA, cdmx(2026, 2, 24, 23, 59)) == "con_ficha"
    e = residencias.estado(CONV, SIN_CARTA, cdmx(2026, 2, 24, 23, 59, 1))
    assert e.estatus.id == "plaza_rechazada"
    (consecuencia,) = e.consecuencias
    assert (consecuencia.origen, consecuencia.articulo, consecuencia.instante) == (
        "sin_carta_compromiso", "4.1; 5.1 (tercer supuesto)", cdmx(2026, 2, 24, 23, 59))
    assert "rechazo a la plaza en el IMSS" in consecuencia.descripcion


def test_carta_compromiso_only_from_09_00_of_24_february(tmp_path: Path) -> None:
    temprano = mas(SIN_CARTA, ev("carta_compromiso", cdmx(2026, 2, 24, 8, 59)))
    with pytest.raises(EventoRechazadoError, match="fuera de su ventana") as info:
        residencias.estado(CONV, temprano, cdmx(2026, 2, 24, 10))
    assert info.value.articulo == "4.1"


def test_the_preaceptacion_is_printed_once_with_its_validity() -> None:
    otra = mas(hasta(EXITO, 8), ev("impresion_preaceptacion", cdmx(2026, 2, 24, 10),
                                   vigencia_hasta=date(2026, 2, 27)))
    with pytest.raises(EventoRechazadoError, match="con el estatus «Pre-aceptado"):
        residencias.estado(CONV, otra, cdmx(2026, 2, 24, 11))
    sin_vigencia = mas(hasta(EXITO, 7), ev("impresion_preaceptacion", cdmx(2026, 2, 24, 10)))
    with pytest.raises(EventoRechazadoError, match="falta el dato obligatorio 'vigencia_hasta'") as info:
        residencias.estado(CONV, sin_vigencia, cdmx(2026, 2, 24, 11))
    assert info.value.articulo == "4.2"
    sin_imprimir = hasta(EXITO, 7)
    e = residencias.estado(CONV, sin_imprimir, cdmx(2026, 2, 24, 23, 59, 1))
    assert (e.estatus.id, e.consecuencias[0].origen) == ("fuera_del_proceso", "sin_preaceptacion")


# --- the OOAD (4.3): exams, workers exempt ------------------------------------------------------------


def test_a_worker_with_a_current_imss_job_skips_the_exams_but_presents_at_the_ooad() -> None:
    en = cdmx(2026, 2, 25, 12)
    assert estatus(TRABAJADOR, en) == "en_tramites_ooad"
    acciones = [p.accion for p in residencias.siguientes_pasos(CONV, TRABAJADOR, en)]
    assert acciones == ["sin_induccion", "tramites_de_adscripcion"]
    examen = mas(hasta(TRABAJADOR, 9), ev("examenes_medicos_psicometricos", cdmx(2026, 2, 25, 10)))
    with pytest.raises(EventoRechazadoError, match="no aplica a su caso") as info:
        residencias.estado(CONV, examen, cdmx(2026, 2, 25, 11))
    assert info.value.articulo == "4.3"
    assert estatus(TRABAJADOR, cdmx(2026, 3, 3)) == "residente"


def test_a_worker_still_presents_at_the_ooad() -> None:
    sin_presentarse = mas(hasta(TRABAJADOR, 8), ev("tramites_de_adscripcion", cdmx(2026, 2, 25, 9)))
    with pytest.raises(EventoRechazadoError, match="con el estatus «Pre-aceptado"):
        residencias.estado(CONV, sin_presentarse, cdmx(2026, 2, 25, 10))


def test_without_a_current_imss_job_the_exams_come_first() -> None:
    sin_examenes = mas(hasta(EXITO, 9), ev("tramites_de_adscripcion", cdmx(2026, 2, 25, 12)))
    with pytest.raises(EventoRechazadoError, match="antes hay que «El OOAD dictamina sin inconveniente"):
        residencias.estado(CONV, sin_examenes, cdmx(2026, 2, 26))


def test_when_the_job_is_unknown_the_exams_are_listed_as_may_apply() -> None:
    sin_dato = Historia(ID, hasta(EXITO, 9).eventos, attrs.evolve(EXITO.aspirante, trabajador_imss=None))
    pasos = residencias.siguientes_pasos(CONV, sin_dato, cdmx(2026, 2, 25, 10))
    examen = next(p for p in pasos if p.accion == "examenes_medicos_psicometricos")
    assert examen.aplica is None


def test_the_beca_request_is_once_and_only_for_workers_with_plaza_definitiva() -> None:
    base = attrs.evolve(TRABAJADOR.aspirante, trabajador_imss=TrabajadorIMSS(
        plaza_definitiva=True, marca_ocupacion="00", relacion_laboral_vigente=True))
    dos = Historia(ID, (*hasta(TRABAJADOR, 9).eventos, ev("solicitud_de_beca", cdmx(2026, 2, 25, 9)),
                        ev("solicitud_de_beca", cdmx(2026, 2, 25, 10))), base)
    una_vez = "se hace una única vez y ya se hizo el 2026-02-25 09:00"
    with pytest.raises(EventoRechazadoError, match=una_vez) as info:
        residencias.estado(CONV, dos, cdmx(2026, 2, 25, 11))
    assert info.value.articulo == "2.2.4"
    eventual = mas(hasta(TRABAJADOR, 9), ev("solicitud_de_beca", cdmx(2026, 2, 25, 9)))
    with pytest.raises(EventoRechazadoError, match="no aplica a su caso"):
        residencias.estado(CONV, eventual, cdmx(2026, 2, 25, 11))


# --- renuncia (5.1), abandono (5.2), induction course (6) ------------------------------------------------


def test_renuncia_at_the_ooad_with_the_acuse_by_email() -> None:
    assert estatus(RENUNCIA, cdmx(2026, 2, 26, 9)) == "en_tramites_ooad"
    e = residencias.estado(CONV, RENUNCIA, cdmx(2026, 2, 26, 12))
    assert e.estatus.id == "renuncia" and e.terminal
    (consecuencia,) = e.consecuencias
    assert (consecuencia.origen, consecuencia.articulo) == ("renuncia", "5.1 (cuarto supuesto)")
    assert "libera el folio" in consecuencia.descripcion
    assert e.vetos == ()
    renuncia = RENUNCIA.eventos[-1]
    assert renuncia.dato("acuse_enviado") == "2026-02-26T11:30:00-06:00"


def test_renuncia_json_cli(capsys: pytest.CaptureFixture[str]) -> None:
    path = EXAMPLES / "xlix-renuncia-con-acuse.json"
    assert main(["pasos", ID, str(path), "--en", "2026-02-26T12:00:00-06:00"]) == 1
    assert "Renunció por escrito en el OOAD" in capsys.readouterr().out


def test_renuncia_needs_the_ooad_of_the_preaceptacion() -> None:
    temprano = mas(hasta(EXITO, 6), ev("renuncia", cdmx(2026, 2, 20)))
    with pytest.raises(EventoRechazadoError, match="con el estatus «Con Ficha de Registro e Inscripción»"):
        residencias.estado(CONV, temprano, cdmx(2026, 2, 21))


def test_not_presenting_within_the_letter_validity_is_abandono() -> None:
    preaceptado = hasta(EXITO, 8)
    assert estatus(preaceptado, cdmx(2026, 2, 27, 23, 59, 59)) == "preaceptado"
    e = residencias.estado(CONV, preaceptado, cdmx(2026, 2, 28))
    assert (e.estatus.id, e.consecuencias[0].origen, e.consecuencias[0].articulo) == (
        "abandono", "sin_presentacion_ooad", "4.2; 5.2")
    assert e.vetos == ()


def test_the_induction_course_is_on_the_first_business_day_of_the_cycle() -> None:
    adscrito = hasta(EXITO, 12)
    temprano = mas(adscrito, ev("curso_induccion", cdmx(2026, 2, 28, 9)))
    with pytest.raises(EventoRechazadoError, match="fuera de su ventana") as info:
        residencias.estado(CONV, temprano, cdmx(2026, 3, 1))
    assert info.value.articulo == "6"
    assert estatus(adscrito, cdmx(2026, 3, 2, 23, 59, 59)) == "adscrito"
    e = residencias.estado(CONV, adscrito, cdmx(2026, 3, 3))
    assert (e.estatus.id, e.consecuencias[0].origen) == ("abandono", "sin_induccion")
    assert e.consecuencias[0].supuesto is not None


def test_the_ooad_procedures_must_be_done_by_the_induction_course() -> None:
    en_ooad = hasta(EXITO, 11)
    e = residencias.estado(CONV, en_ooad, cdmx(2026, 3, 3))
    assert (e.estatus.id, e.consecuencias[0].origen) == ("abandono", "sin_induccion")


# --- título / cédula (2.2.1 d.2 and e), servicio social (2.2.1 h) ---------------------------------------


def test_titulo_not_delivered_in_six_months_is_baja_academica() -> None:
    assert primero(TITULO, cdmx(2026, 3, 3)) == ("entrega_titulo_cedula", cdmx(2026, 8, 18), "2.2.1 d.2 y e)")
    assert estatus(TITULO, cdmx(2026, 8, 17, 23, 59, 59)) == "residente_con_carta_compromiso"
    e = residencias.estado(CONV, TITULO, cdmx(2026, 8, 18))
    assert e.estatus.id == "baja_academica"
    (consecuencia,) = e.consecuencias
    assert consecuencia.origen == "sin_titulo_cedula"
    assert consecuencia.articulo == "2.2.1 e) (Importante); 2.2.1 d.2"
    assert consecuencia.supuesto is not None and "título" in consecuencia.supuesto
    entregado = mas(TITULO, ev("entrega_titulo_cedula", cdmx(2026, 7, 1, 10)))
    assert estatus(entregado, cdmx(2026, 9, 1)) == "residente"


def test_with_the_titulo_pending_the_induction_leaves_it_to_deliver() -> None:
    sin_carta = mas(hasta(TITULO, 12), ev("curso_induccion", cdmx(2026, 3, 2, 8)))
    with pytest.raises(EventoRechazadoError, match="no aplica a su caso"):
        residencias.estado(CONV, sin_carta, cdmx(2026, 3, 3))


def test_the_six_months_count_from_each_selection_date() -> None:
    constancia = TITULO.aspirante.constancia_enarm
    assert constancia is not None
    aspirante = attrs.evolve(TITULO.aspirante, constancia_enarm=attrs.evolve(
        constancia, fecha_seleccion_dgces=date(2026, 2, 16)))
    dieciseis = Historia(ID, (ev("registro", cdmx(2026, 2, 17, 19)), *TITULO.eventos[1:]), aspirante)
    assert estatus(dieciseis, cdmx(2026, 8, 16, 23, 59, 59)) == "residente_con_carta_compromiso"
    assert estatus(dieciseis, cdmx(2026, 8, 17)) == "baja_academica"


def test_servicio_social_not_concluded_before_1_march_cancels_participation() -> None:
    tarde = Historia(ID, hasta(EXITO, 12).eventos,
                     attrs.evolve(EXITO.aspirante, servicio_social_concluido=date(2026, 3, 15)))
    assert estatus(tarde, cdmx(2026, 2, 28, 23, 59, 59)) == "adscrito"
    e = residencias.estado(CONV, tarde, cdmx(2026, 3, 1))
    assert (e.estatus.id, e.consecuencias[0].origen, e.consecuencias[0].articulo) == (
        "participacion_cancelada", "servicio_social_no_concluido", "2.2.1 h); 7.4")
    a_tiempo = Historia(ID, tarde.eventos,
                        attrs.evolve(EXITO.aspirante, servicio_social_concluido=date(2026, 2, 28)))
    assert estatus(a_tiempo, cdmx(2026, 3, 1)) == "adscrito"


# --- cancellations at any stage (7.1, 7.2) ---------------------------------------------------------------


@pytest.mark.parametrize(("historia", "n", "accion", "articulo"), [
    (EXITO, 6, "cancelacion_por_falsificacion", "7.1; 2.2.1 h), k) y l)"),
    (EXITO, 12, "cancelacion_por_archivos", "7.1; 2.2.3 c"),
    (TITULO, 13, "cancelacion_por_restriccion", "7.2"),
])
def test_cancellation_at_any_stage(historia: Historia, n: int, accion: str, articulo: str) -> None:
    ultimo = historia.eventos[n - 1].instante
    cancelada = mas(hasta(historia, n), ev(accion, ultimo + timedelta(hours=1)))
    e = residencias.estado(CONV, cancelada, ultimo + timedelta(hours=2))
    assert e.estatus.id == "participacion_cancelada"
    assert (e.consecuencias[-1].origen, e.consecuencias[-1].articulo) == (accion, articulo)


# --- the property every status keeps ----------------------------------------------------------------------


_INICIO = cdmx(2026, 2, 6, 16)
_FIN = cdmx(2026, 9, 1)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(TODOS), st.integers(0, 20), st.integers(0, int((_FIN - _INICIO).total_seconds())))
def test_any_prefix_at_any_instant_has_a_named_status_and_a_dated_next_step(
        historia: Historia, n: int, segundos: int) -> None:
    parcial = hasta(historia, min(n, len(historia.eventos)))
    en = _INICIO + timedelta(seconds=segundos)
    e, pasos = residencias.process.estado_y_pasos(CONV, parcial, en)
    assert e.estatus in PROCESO.estatus
    if not e.terminal:
        assert any(p.hasta is not None for p in pasos), (e.estatus.id, en)


# --- refusals in a JSON history, and a selection date outside the staggered table -----------------------


def test_a_json_history_is_refused_at_the_line_of_the_event(tmp_path: Path) -> None:
    path = tmp_path / "renuncia.json"
    texto = (EXAMPLES / "xlix-renuncia-con-acuse.json").read_text(encoding="utf-8")
    path.write_text(texto.replace('"acuse_enviado"', '"acuse_enviada"'), encoding="utf-8")
    error = rechazo(path, cdmx(2026, 2, 27))
    linea = next(n for n, fila in enumerate(texto.splitlines(), 1) if "\"accion\": \"renuncia\"" in fila)
    assert str(error).startswith(f"{path}:{linea}:5: evento 13 (renuncia): dato desconocido 'acuse_enviada'; "
                                 "¿quiso decir 'acuse_enviado'?")
    assert error.articulo == "5.1 (cuarto supuesto)"


def test_a_selection_date_outside_the_staggered_table_is_a_bad_query() -> None:
    """1.2 staggers registration only for selections on 16, 17 and 18 February 2026."""
    fuera = Historia(ID, (ev("registro", cdmx(2026, 2, 19, 17)),), attrs.evolve(
        EXITO.aspirante, constancia_enarm=ConstanciaENARM(fecha_seleccion_dgces=date(2026, 2, 10))))
    with pytest.raises(residencias.InvalidQueryError, match=r"2026-02-10 no está en el calendario de 1\.2"):
        residencias.estado(CONV, fuera, cdmx(2026, 2, 20))


# --- the examples that, with the ones above, reach every status and fire every deadline ---------------

_VENCIMIENTOS = {v.id for v in PROCESO.vencimientos}


@pytest.mark.parametrize(("nombre", "en", "esperado", "ultima", "vetos"), [
    ("xlix-sin-registro.yaml", cdmx(2026, 2, 20, 23, 59), "sin_registro", None, ()),
    ("xlix-sin-registro.yaml", cdmx(2026, 2, 20, 23, 59, 1), "no_registrado",
     ("registro_cerrado", "1.2; 5.1 (primer supuesto); 5.2", cdmx(2026, 2, 20, 23, 59)), ()),
    ("xlix-registro-sin-solicitud.yaml", cdmx(2026, 2, 20, 23), "registrado", None, ()),
    ("xlix-registro-sin-solicitud.yaml", cdmx(2026, 2, 20, 23, 59, 1), "fuera_del_proceso",
     ("sin_solicitud", "1.5; 5.1 (segundo supuesto); 7.4", cdmx(2026, 2, 20, 23, 59)), ()),
    ("xlix-sin-envio-a-validacion.yaml", cdmx(2026, 2, 20, 12), "pendiente_de_validar", None, ()),
    ("xlix-sin-envio-a-validacion.yaml", cdmx(2026, 2, 20, 16), "pendiente_de_validar", None, ()),
    ("xlix-sin-envio-a-validacion.yaml", cdmx(2026, 2, 20, 16, 0, 1), "fuera_del_proceso",
     ("sin_envio_a_validacion", "3.1.2; 3.1.3; 5.1 (segundo supuesto)", cdmx(2026, 2, 20, 16)), ()),
    ("xlix-registro-tras-el-cierre-del-envio.yaml", cdmx(2026, 2, 20, 19), "pendiente_de_validar", None, ()),
    ("xlix-registro-tras-el-cierre-del-envio.yaml", cdmx(2026, 2, 20, 23, 59, 1), "fuera_del_proceso",
     ("envio_cerrado_al_registrarse", "3.1.2; 3.1.3; 1.2; 5.1 (segundo supuesto)", cdmx(2026, 2, 20, 23, 59)),
     ()),
    ("xlix-observaciones-sin-atender.yaml", cdmx(2026, 2, 20, 12), "con_observaciones", None, ()),
    ("xlix-observaciones-sin-atender.yaml", cdmx(2026, 2, 23, 10), "con_observaciones", None, ()),
    ("xlix-observaciones-sin-atender.yaml", cdmx(2026, 2, 23, 10, 0, 1), "fuera_del_proceso",
     ("observaciones_sin_atender", "3.3 C; 3.2; 3.4 (Importante); 5.1 (segundo supuesto)",
      cdmx(2026, 2, 23, 10)), ()),
    ("xlix-segundas-observaciones-sin-validar.yaml", cdmx(2026, 2, 22, 12), "con_observaciones", None, ()),
    ("xlix-segundas-observaciones-sin-validar.yaml", cdmx(2026, 2, 23, 10, 0, 1), "fuera_del_proceso",
     ("sin_validacion", "3.2; 3.4 (Importante); 5.1 (segundo supuesto)", cdmx(2026, 2, 23, 10)), ()),
    ("xlix-sin-ficha.yaml", cdmx(2026, 2, 23, 12), "validado", None, ()),
    ("xlix-sin-ficha.yaml", cdmx(2026, 2, 23, 12, 0, 1), "fuera_del_proceso",
     ("sin_ficha", "3.4; 5.1 (segundo supuesto)", cdmx(2026, 2, 23, 12)), ()),
    ("xlix-expediente-anulado.yaml", cdmx(2026, 2, 18, 12), "en_proceso_de_validacion", None, ()),
    ("xlix-expediente-anulado.yaml", cdmx(2026, 2, 19, 12), "anulado",
     ("validacion_anulado", "3.3 B", cdmx(2026, 2, 19, 10)),
     ("participar en ninguna convocatoria del IMSS",)),
    ("xlix-sin-carta-de-preaceptacion.yaml", cdmx(2026, 2, 24, 23), "carta_compromiso_aceptada", None, ()),
    ("xlix-sin-carta-de-preaceptacion.yaml", cdmx(2026, 2, 24, 23, 59, 1), "fuera_del_proceso",
     ("sin_preaceptacion", "4.2; 5.1 (segundo y tercer supuestos)", cdmx(2026, 2, 24, 23, 59)), ()),
    ("xlix-sin-presentarse-en-el-ooad.yaml", cdmx(2026, 2, 27, 12), "preaceptado", None, ()),
    ("xlix-sin-presentarse-en-el-ooad.yaml", cdmx(2026, 2, 27, 23, 59, 59), "preaceptado", None, ()),
    ("xlix-sin-presentarse-en-el-ooad.yaml", cdmx(2026, 2, 28), "abandono",
     ("sin_presentacion_ooad", "4.2; 5.2", cdmx(2026, 2, 28)), ()),
    ("xlix-sin-curso-de-induccion.yaml", cdmx(2026, 3, 2, 12), "adscrito", None, ()),
    ("xlix-sin-curso-de-induccion.yaml", cdmx(2026, 3, 3), "abandono",
     ("sin_induccion", "6; 5.2", cdmx(2026, 3, 3)), ()),
    ("xlix-no-apto-en-los-examenes.yaml", cdmx(2026, 2, 25, 12), "en_tramites_ooad", None, ()),
    ("xlix-no-apto-en-los-examenes.yaml", cdmx(2026, 2, 26, 14), "no_apto",
     ("examenes_no_aptos", "4.3", cdmx(2026, 2, 26, 13)), ()),
    ("xlix-servicio-social-no-concluido.json", cdmx(2026, 2, 28, 12), "adscrito", None, ()),
    ("xlix-servicio-social-no-concluido.json", cdmx(2026, 2, 28, 23, 59, 59), "adscrito", None, ()),
    ("xlix-servicio-social-no-concluido.json", cdmx(2026, 3, 1), "participacion_cancelada",
     ("servicio_social_no_concluido", "2.2.1 h); 7.4", cdmx(2026, 3, 1)), ()),
    ("xlix-abandono-en-el-ooad.yaml", cdmx(2026, 2, 26, 14), "en_tramites_ooad", None, ()),
    ("xlix-abandono-en-el-ooad.yaml", cdmx(2026, 2, 27, 12), "abandono",
     ("abandono", "5.2", cdmx(2026, 2, 26, 17)), ()),
    ("xlix-archivos-ilegibles.json", cdmx(2026, 2, 21, 12), "con_ficha", None, ()),
    ("xlix-archivos-ilegibles.json", cdmx(2026, 2, 23, 12), "participacion_cancelada",
     ("cancelacion_por_archivos", "7.1; 2.2.3 c", cdmx(2026, 2, 23, 9)), ()),
    ("xlix-constancia-de-servicio-social-alterada.yaml", cdmx(2026, 2, 25, 10), "en_tramites_ooad", None, ()),
    ("xlix-constancia-de-servicio-social-alterada.yaml", cdmx(2026, 2, 26, 12), "participacion_cancelada",
     ("cancelacion_por_falsificacion", "7.1; 2.2.1 h), k) y l)", cdmx(2026, 2, 26, 11)), ()),
    ("xlix-especialidad-imss-concluida.yaml", cdmx(2026, 2, 18, 20), "en_proceso_de_validacion", None, ()),
    ("xlix-especialidad-imss-concluida.yaml", cdmx(2026, 2, 19, 12), "participacion_cancelada",
     ("cancelacion_por_restriccion", "7.2", cdmx(2026, 2, 19, 9, 30)), ()),
])
def test_each_new_example_at_the_instants_its_comment_names(
        nombre: str, en: datetime, esperado: str, ultima: tuple[str, str, datetime] | None,
        vetos: tuple[str, ...]) -> None:
    """The status the example's leading comment announces, and the consequence that put it there:
    a missed deadline (automatic, at the deadline's instant) or the act itself, with its article."""
    e = residencias.estado(CONV, ejemplo(nombre), en)
    assert e.estatus.id == esperado
    if ultima is None:
        assert e.consecuencias == () and not e.terminal
    else:
        c = e.consecuencias[-1]
        assert (c.origen, c.articulo, c.instante) == ultima
        assert c.automatica == (c.origen in _VENCIMIENTOS)
        assert e.terminal
    assert tuple(v.alcance for v in e.vetos) == vetos
    assert e.incertidumbres == ()


# --- the examples of the actions the ones above do not apply ------------------------------------------


def test_an_imss_worker_with_plaza_definitiva_hands_in_the_beca_request_at_the_ooad() -> None:
    beca = ejemplo("xlix-trabajador-imss-solicitud-de-beca.yaml")
    e = residencias.estado(CONV, beca, cdmx(2026, 2, 25, 12))
    assert (e.estatus.id, e.consecuencias) == ("en_tramites_ooad", ())
    solicitud = e.sucesos[-1]
    assert (solicitud.origen, solicitud.articulo, solicitud.instante) == (
        "solicitud_de_beca", "2.2.4", cdmx(2026, 2, 25, 10, 30))
    assert solicitud.estatus_antes == solicitud.estatus_despues == "en_tramites_ooad"
    pasos = {p.accion for p in residencias.siguientes_pasos(CONV, beca, cdmx(2026, 2, 25, 12))}
    assert "tramites_de_adscripcion" in pasos and "examenes_medicos_psicometricos" not in pasos
    assert "solicitud_de_beca" not in pasos  # once, and already done
    e = residencias.estado(CONV, beca, cdmx(2026, 3, 3, 12))
    assert (e.estatus.id, e.desenlace, e.consecuencias) == ("residente", Desenlace.EXITO, ())


def test_cedula_delivered_within_six_months_of_the_selection_makes_a_resident() -> None:
    cedula = ejemplo("xlix-cedula-entregada.yaml")
    en = cdmx(2026, 3, 3, 12)
    assert estatus(cedula, en) == "residente_con_carta_compromiso"
    assert primero(cedula, en) == ("entrega_titulo_cedula", cdmx(2026, 8, 19), "2.2.1 d.2 y e)")
    e = residencias.estado(CONV, cedula, cdmx(2026, 6, 11, 12))
    assert (e.estatus.id, e.desenlace, e.consecuencias) == ("residente", Desenlace.EXITO, ())
    entrega = e.sucesos[-1]
    assert (entrega.origen, entrega.articulo, entrega.estatus_antes) == (
        "entrega_titulo_cedula", "2.2.1 d.2 y e)", "residente_con_carta_compromiso")
    assert estatus(cedula, cdmx(2026, 8, 19)) == "residente"  # no baja académica after the six months


def test_the_cancellations_record_what_was_found() -> None:
    falsa = ejemplo("xlix-constancia-de-servicio-social-alterada.yaml").eventos[-1]
    motivo = falsa.dato("motivo")
    assert isinstance(motivo, str) and "SIICES" in motivo
    restriccion = ejemplo("xlix-especialidad-imss-concluida.yaml")
    assert restriccion.aspirante.antecedentes.ced_concluido_imss is True
    dato = restriccion.eventos[-1].dato("restriccion")
    assert isinstance(dato, str) and dato.startswith("c. ")


def test_a_resident_can_still_be_cancelled_during_the_course() -> None:
    """7.2: participation is cancelled when a circumstance is identified «en cualquier etapa del
    proceso o del desarrollo del curso de especialización»: also once a resident."""
    exito = ejemplo("xlix-seleccion-17-feb-registro-18-feb.yaml")
    assert estatus(exito, cdmx(2026, 3, 3, 12)) == "residente"
    cancelada = mas(exito, ev("cancelacion_por_restriccion", cdmx(2026, 9, 1, 10),
                              restriccion="a: proceso legal vigente contra el IMSS"))
    e = residencias.estado(CONV, cancelada, cdmx(2026, 9, 1, 11))
    assert e.estatus.id == "participacion_cancelada"
    assert [c.articulo for c in e.consecuencias if c.origen == "cancelacion_por_restriccion"] == ["7.2"]
