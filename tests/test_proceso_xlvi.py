"""The process of the XLVI ENARM call (IMSS, 2023), replayed against the document: each example
history at chosen instants (status, consequences with their article, first next steps with their
deadline and article), the refusals the document implies (each with its article and the event's
place in the file), and every missed deadline at its exact instant."""

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
from residencias.domain.proceso import Actor, Desenlace
from residencias.process.replay import proceso_de
from tests.historias_ayuda import EXAMPLES, cdmx, ejemplo, ev, hasta, mas

ID = "imss-enarm-xlvi-2023"
CONV = residencias.load_convocatoria(ID)
PROCESO = proceso_de(CONV)
SEGUNDO = timedelta(seconds=1)


def estatus(historia: Historia, en: datetime) -> str:
    return residencias.estado(CONV, historia, en).estatus.id


def primero(historia: Historia, en: datetime) -> tuple[str, datetime | None, str]:
    paso = residencias.siguientes_pasos(CONV, historia, en)[0]
    return paso.accion, paso.hasta, paso.articulo


def escribir(tmp_path: Path, eventos: str, aspirante: str = "{categoria_enarm: mexicana}") -> Path:
    path = tmp_path / "historia.yaml"
    path.write_text(f"convocatoria: {ID}\naspirante: {aspirante}\neventos:\n{eventos}", encoding="utf-8")
    return path


def rechazo(path: Path, en: datetime) -> EventoRechazadoError:
    with pytest.raises(EventoRechazadoError) as info:
        residencias.estado(CONV, residencias.load_historia(path), en)
    return info.value


EXITO = ejemplo("xlvi-exito-hasta-el-propedeutico.yaml")
OBSERVACIONES = ejemplo("xlvi-observaciones-atendidas.yaml")
SIN_FICHA = ejemplo("xlvi-sin-ficha-fuera-del-proceso.yaml")
RENUNCIA = ejemplo("xlvi-renuncia-en-el-ooad.yaml")
ABANDONO = ejemplo("xlvi-abandono-vigencia-vencida.yaml")
EXTRANJERO = ejemplo("xlvi-extranjero-pago-fofoe.json")
TODOS = (EXITO, OBSERVACIONES, SIN_FICHA, RENUNCIA, ABANDONO, EXTRANJERO)

# Prefixes of the examples used below: the validated expediente of the success history (5 events)
# and the foreign applicant up to the OOAD's "apto" (15 events).
EXITO_VALIDADO = hasta(EXITO, 5)
EXTRANJERO_APTO = hasta(EXTRANJERO, 15)


# --- the block itself ----------------------------------------------------------------------------


def test_the_statuses_the_document_names_are_there() -> None:
    ids = {e.id for e in PROCESO.estatus}
    assert {"pendiente_de_validar", "en_proceso_de_validacion", "con_observaciones", "validado",
            "anulado"} <= ids
    assert PROCESO.inicial == "sin_registro"
    assert PROCESO.estatus_por_id["anulado"].articulo.startswith("3, posibles estatus de expediente, b)")
    exitos = [e.id for e in PROCESO.estatus if e.desenlace is Desenlace.EXITO]
    assert exitos == ["residente"]


def test_every_status_but_the_first_is_reached_and_every_item_cites_its_article() -> None:
    reached = {t.hacia for a in PROCESO.acciones for t in a.transiciones if t.hacia}
    reached |= {v.hacia for v in PROCESO.vencimientos}
    assert reached == {e.id for e in PROCESO.estatus} - {"sin_registro"}
    articulos = [i.articulo for i in PROCESO.estatus] + [a.articulo for a in PROCESO.acciones]
    articulos += [v.articulo for v in PROCESO.vencimientos]
    assert all(a.strip() for a in articulos)


def test_every_non_terminal_status_has_a_deadline() -> None:
    """Each status that is not terminal is left by a deadline when nothing happens."""
    covered = {s for v in PROCESO.vencimientos for s in v.si_estatus}
    open_ = {e.id for e in PROCESO.estatus if not e.terminal}
    assert open_ <= covered


def test_the_bans_of_the_document() -> None:
    vetos = {a.id: a.veto for a in PROCESO.acciones if a.veto is not None}
    assert vetos["validacion_anulado"] is not None
    assert vetos["validacion_anulado"].alcance == "participar en ninguna convocatoria del IMSS"
    falsos = vetos["anulacion_por_documentos_falsos"]
    assert falsos is not None and falsos.alcance == "participar en ninguna convocatoria de posgrado IMSS"
    assert falsos.articulo == "2.1 (IMPORTANTE)"
    assert vetos["anulacion_por_falseo_de_nacionalidad"].alcance == "concursar en vueltas posteriores"
    assert vetos["abandono"].alcance == "concursar nuevamente en procesos de selección del IMSS"
    assert all(v.indefinido for v in vetos.values())


def test_flujo_draws_the_document_transitions(capsys: pytest.CaptureFixture[str]) -> None:
    texto = residencias.to_mermaid(CONV)
    assert "con_ficha --> adscripcion_aceptada : acepto_adscripcion (4. ATENDER RESULTADOS)" in texto
    assert "validado --> fuera_del_proceso : vence sin_ficha (3.2)" in texto
    assert "preaceptado --> abandono : vence sin_presentacion_ooad" in texto
    assert "class residente exito" in texto
    assert main(["flujo", ID]) == 0
    assert capsys.readouterr().out.startswith("stateDiagram-v2")


# --- complete success to the propedéutico (5, III) -------------------------------------------------


@pytest.mark.parametrize(("en", "esperado", "paso", "vence", "articulo"), [
    (cdmx(2023, 3, 7, 11, 0), "sin_registro", "registro", cdmx(2023, 3, 9, 16), "1.1"),
    (cdmx(2023, 3, 7, 12, 30), "registrado", "impresion_solicitud", cdmx(2023, 3, 9, 16), "1.5"),
    (cdmx(2023, 3, 7, 13, 40), "pendiente_de_validar", "envio_a_validacion", cdmx(2023, 3, 9, 16),
     "3. ENVÍO DE EXPEDIENTE A VALIDACIÓN"),
    (cdmx(2023, 3, 8, 12, 0), "con_ficha", "acepto_adscripcion", cdmx(2023, 3, 13, 23, 59),
     "4. ATENDER RESULTADOS"),
    (cdmx(2023, 3, 13, 16, 22), "adscripcion_aceptada", "carta_compromiso", cdmx(2023, 3, 13, 23, 59),
     "4. ATENDER RESULTADOS"),
    (cdmx(2023, 3, 13, 16, 40), "preaceptado", "presentacion_ooad", cdmx(2023, 3, 18),
     "5. PASOS POR SEGUIR, I; 4. IMPRIMIR CARTA DE PRE-ACEPTACIÓN (segunda sección 4)"),
    (cdmx(2023, 3, 16, 13, 0), "apto", "entrega_documentos_aceptacion", cdmx(2023, 3, 18),
     "5. PASOS POR SEGUIR, II"),
    (cdmx(2023, 3, 20, 9, 0), "adscrito", "curso_propedeutico", cdmx(2023, 3, 22),
     "5. PASOS POR SEGUIR, III"),
])
def test_success_history_step_by_step(en: datetime, esperado: str, paso: str, vence: datetime,
                                      articulo: str) -> None:
    assert estatus(EXITO, en) == esperado
    assert primero(EXITO, en) == (paso, vence, articulo)


def test_success_ends_as_resident_with_no_consequence() -> None:
    e = residencias.estado(CONV, EXITO, cdmx(2023, 3, 22))
    assert e.estatus.id == "residente"
    assert e.desenlace is Desenlace.EXITO
    assert e.consecuencias == () and e.vetos == ()
    assert residencias.siguientes_pasos(CONV, EXITO, cdmx(2023, 3, 22)) == ()


def test_before_the_results_the_person_waits_with_the_deadline_to_accept() -> None:
    paso = residencias.siguientes_pasos(CONV, EXITO, cdmx(2023, 3, 13, 16, 10))[0]
    assert paso.actor is Actor.ASPIRANTE and paso.obligatorio
    assert paso.si_no is not None and "se considera rechazo" in paso.si_no
    assert paso.articulo_si_no == "4. ATENDER RESULTADOS"


def test_the_letter_validity_is_a_whole_day_and_the_propedeutico_date_comes_from_the_sede() -> None:
    pasos = residencias.siguientes_pasos(CONV, EXITO, cdmx(2023, 3, 14, 12))
    plazo = next(p for p in pasos if p.accion == "sin_tramites_ooad")
    assert (plazo.hasta, plazo.incluye_hasta) == (cdmx(2023, 3, 18), False)
    assert plazo.articulo_si_no == "4. ATENDER RESULTADOS (vigencia de la carta de pre-aceptación); 5, I y II"


def test_the_propedeutico_missed_is_abandono_with_its_supuesto() -> None:
    sin_curso = hasta(EXITO, 13)
    assert estatus(sin_curso, cdmx(2023, 3, 21, 23, 59, 59)) == "adscrito"
    e = residencias.estado(CONV, sin_curso, cdmx(2023, 3, 22))
    assert e.estatus.id == "abandono"
    assert e.consecuencias[-1].origen == "sin_propedeutico"
    assert e.consecuencias[-1].supuesto is not None and "carácter obligatorio" in e.consecuencias[-1].supuesto


# --- observations answered, then validated (3 c) ----------------------------------------------------


def test_observations_step_by_step() -> None:
    en = cdmx(2023, 3, 8, 20)
    assert estatus(OBSERVACIONES, en) == "con_observaciones"
    paso = residencias.siguientes_pasos(CONV, OBSERVACIONES, en)[0]
    assert (paso.accion, paso.hasta, paso.articulo) == (
        "observaciones_sin_atender", cdmx(2023, 3, 9, 16), "3. ENVÍO DE EXPEDIENTE A VALIDACIÓN")
    assert paso.articulo_si_no == "3, posibles estatus de expediente, c); 3. ENVÍO DE EXPEDIENTE A VALIDACIÓN"
    pasos = residencias.siguientes_pasos(CONV, OBSERVACIONES, en)
    assert "reimpresion_solicitud" in {p.accion for p in pasos}
    after_print = cdmx(2023, 3, 9, 9, 20)
    assert primero(OBSERVACIONES, after_print)[:2] == ("reenvio_a_validacion", cdmx(2023, 3, 9, 16))
    assert estatus(OBSERVACIONES, cdmx(2023, 3, 9, 12)) == "en_proceso_de_validacion"
    assert estatus(OBSERVACIONES, cdmx(2023, 3, 10, 12)) == "con_ficha"


def test_observations_not_answered_by_16_00_leave_the_process() -> None:
    sin_atender = hasta(OBSERVACIONES, 5)
    assert estatus(sin_atender, cdmx(2023, 3, 9, 15, 59, 59)) == "con_observaciones"
    assert estatus(sin_atender, cdmx(2023, 3, 9, 16)) == "con_observaciones"
    e = residencias.estado(CONV, sin_atender, cdmx(2023, 3, 9, 16, 0, 1))
    assert e.estatus.id == "fuera_del_proceso"
    ultima = e.consecuencias[-1]
    assert (ultima.origen, ultima.instante) == ("observaciones_sin_atender", cdmx(2023, 3, 9, 16))
    assert ultima.articulo.startswith("3, posibles estatus de expediente, c)")


def test_resending_needs_a_new_solicitud_after_the_observations(tmp_path: Path) -> None:
    path = escribir(tmp_path, """\
  - {accion: registro, instante: 2023-03-07T18:00:00-06:00}
  - {accion: impresion_solicitud, instante: 2023-03-07T18:30:00-06:00}
  - {accion: adjuntar_documentos, instante: 2023-03-07T19:00:00-06:00}
  - {accion: envio_a_validacion, instante: 2023-03-07T19:10:00-06:00}
  - {accion: validacion_con_observaciones, instante: 2023-03-08T17:00:00-06:00}
  - {accion: reenvio_a_validacion, instante: 2023-03-08T18:00:00-06:00}
""")
    error = rechazo(path, cdmx(2023, 3, 9))
    assert str(error).startswith(f"{path}:9:5: evento 6 (reenvio_a_validacion): antes hay que «Atender las "
                                 "observaciones")
    assert error.articulo == "3, posibles estatus de expediente, c)"


def test_a_second_round_of_observations_needs_a_second_new_solicitud() -> None:
    segunda = mas(hasta(OBSERVACIONES, 7), ev("validacion_con_observaciones", cdmx(2023, 3, 9, 11)),
                  ev("reenvio_a_validacion", cdmx(2023, 3, 9, 12)))
    with pytest.raises(EventoRechazadoError, match="antes hay que «Atender las observaciones"):
        residencias.estado(CONV, segunda, cdmx(2023, 3, 9, 13))


def test_no_reentering_the_expediente_while_in_validation(tmp_path: Path) -> None:
    path = escribir(tmp_path, """\
  - {accion: registro, instante: 2023-03-07T18:00:00-06:00}
  - {accion: impresion_solicitud, instante: 2023-03-07T18:30:00-06:00}
  - {accion: adjuntar_documentos, instante: 2023-03-07T19:00:00-06:00}
  - {accion: envio_a_validacion, instante: 2023-03-07T19:10:00-06:00}
  - {accion: adjuntar_documentos, instante: 2023-03-07T20:00:00-06:00}
""")
    error = rechazo(path, cdmx(2023, 3, 8))
    assert str(error).startswith(f"{path}:8:5: evento 5 (adjuntar_documentos): con el estatus «Expediente en "
                                 "proceso de validación» no se puede")
    assert error.articulo == "2.1; 3, punto 1"


def test_the_solicitud_attached_must_be_the_last_printed(tmp_path: Path) -> None:
    """2.1 nota 1, l: after printing again, the solicitud must be attached again before sending."""
    path = escribir(tmp_path, """\
  - {accion: registro, instante: 2023-03-07T18:00:00-06:00}
  - {accion: impresion_solicitud, instante: 2023-03-07T18:30:00-06:00}
  - {accion: adjuntar_documentos, instante: 2023-03-07T19:00:00-06:00}
  - {accion: impresion_solicitud, instante: 2023-03-07T19:05:00-06:00}
  - {accion: envio_a_validacion, instante: 2023-03-07T19:10:00-06:00}
""")
    error = rechazo(path, cdmx(2023, 3, 8))
    assert "evento 5 (envio_a_validacion): antes hay que «Adjuntar los documentos" in str(error)
    assert "después de «Imprimir y firmar" in str(error)
    assert error.articulo == "3. ENVÍO DE EXPEDIENTE A VALIDACIÓN, punto 2"


def test_observations_after_the_send_window_cannot_be_answered(tmp_path: Path) -> None:
    path = escribir(tmp_path, """\
  - {accion: registro, instante: 2023-03-07T18:00:00-06:00}
  - {accion: impresion_solicitud, instante: 2023-03-07T18:30:00-06:00}
  - {accion: adjuntar_documentos, instante: 2023-03-07T19:00:00-06:00}
  - {accion: envio_a_validacion, instante: 2023-03-07T19:10:00-06:00}
  - {accion: validacion_con_observaciones, instante: 2023-03-09T17:00:00-06:00}
  - {accion: reimpresion_solicitud, instante: 2023-03-09T18:00:00-06:00}
""")
    error = rechazo(path, cdmx(2023, 3, 10))
    assert str(error).startswith(f"{path}:9:5: evento 6 (reimpresion_solicitud): 2023-03-09 18:00 está fuera "
                                 "de su ventana")
    assert error.articulo == "1.5"
    sin_reimprimir = hasta(residencias.load_historia(path), 5)
    assert estatus(sin_reimprimir, cdmx(2023, 3, 10, 16)) == "con_observaciones"
    e = residencias.estado(CONV, sin_reimprimir, cdmx(2023, 3, 10, 16, 0, 1))
    assert (e.estatus.id, e.consecuencias[-1].origen) == ("fuera_del_proceso", "sin_validacion")


# --- no ficha -> out of the process (3.2) -------------------------------------------------------------


def test_no_ficha_leaves_the_process_at_16_00_01() -> None:
    assert primero(SIN_FICHA, cdmx(2023, 3, 10, 12)) == ("descarga_ficha", cdmx(2023, 3, 10, 16), "3.1")
    assert estatus(SIN_FICHA, cdmx(2023, 3, 10, 15, 59, 59)) == "validado"
    assert estatus(SIN_FICHA, cdmx(2023, 3, 10, 16)) == "validado"
    e = residencias.estado(CONV, SIN_FICHA, cdmx(2023, 3, 10, 16, 0, 1))
    assert e.estatus.id == "fuera_del_proceso" and e.terminal
    assert [(c.origen, c.articulo, c.instante) for c in e.consecuencias] == [
        ("sin_ficha", "3.2", cdmx(2023, 3, 10, 16))]
    assert "QUEDARÁ FUERA DEL PROCESO DE ASIGNACIÓN" in e.consecuencias[0].descripcion


def test_no_ficha_cli_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    path = EXAMPLES / "xlvi-sin-ficha-fuera-del-proceso.yaml"
    assert main(["pasos", ID, str(path), "--en", "2023-03-10T16:00:01-06:00"]) == 1
    assert "Fuera del proceso" in capsys.readouterr().out


# --- renuncia at the OOAD, abandono -----------------------------------------------------------------


def test_renuncia_in_writing_at_the_ooad() -> None:
    assert primero(RENUNCIA, cdmx(2023, 3, 14, 12))[:2] == ("presentacion_ooad", cdmx(2023, 3, 18))
    e = residencias.estado(CONV, RENUNCIA, cdmx(2023, 3, 15, 12))
    assert e.estatus.id == "renuncia"
    assert [(c.origen, c.articulo) for c in e.consecuencias] == [
        ("renuncia", "4. ATENDER RESULTADOS, pasos en caso de rechazar, renunciar o abandonar («RENUNCIAR»)")]
    assert e.vetos == ()


def test_renuncia_is_never_listed_as_a_next_step() -> None:
    acciones = {p.accion for p in residencias.siguientes_pasos(CONV, RENUNCIA, cdmx(2023, 3, 14, 12))}
    assert "renuncia" not in acciones and "abandono" not in acciones


def test_letter_validity_passed_is_abandono_with_a_ban() -> None:
    assert estatus(ABANDONO, cdmx(2023, 3, 17, 23, 59, 59)) == "preaceptado"
    e = residencias.estado(CONV, ABANDONO, cdmx(2023, 3, 18))
    assert e.estatus.id == "abandono"
    (veto,) = e.vetos
    assert veto.alcance == "participar en los siguientes periodos de selección"
    assert (veto.desde, veto.hasta) == (date(2023, 3, 18), None)
    assert veto.articulo == "4. ATENDER RESULTADOS (vigencia de la carta de pre-aceptación)"


def test_the_letter_validity_is_an_obligatory_datum(tmp_path: Path) -> None:
    eventos = "".join(f"  - {{accion: {a}, instante: {t}}}\n" for a, t in [
        ("registro", "2023-03-07T12:00:00-06:00"),
        ("impresion_solicitud", "2023-03-07T12:10:00-06:00"),
        ("adjuntar_documentos", "2023-03-07T12:20:00-06:00"),
        ("envio_a_validacion", "2023-03-07T12:30:00-06:00"),
        ("validacion_validado", "2023-03-08T12:00:00-06:00"),
        ("descarga_ficha", "2023-03-08T12:10:00-06:00"),
        ("acepto_adscripcion", "2023-03-13T16:10:00-06:00"),
        ("carta_compromiso", "2023-03-13T16:11:00-06:00")])
    imprime = "  - {accion: impresion_preaceptacion, instante: 2023-03-13T16:12:00-06:00"
    missing = escribir(tmp_path, eventos + imprime + "}\n")
    error = rechazo(missing, cdmx(2023, 3, 14))
    assert str(error).startswith(f"{missing}:12:5: evento 9 (impresion_preaceptacion): falta el dato "
                                 "obligatorio 'vigencia_hasta'")
    assert error.articulo == "4. ATENDER RESULTADOS (la carta «tiene un periodo de vigencia»); 5, I"
    misspelt = escribir(tmp_path, eventos + imprime + ", datos: {vigencia: 2023-03-17}}\n")
    error = rechazo(misspelt, cdmx(2023, 3, 14))
    assert "dato desconocido 'vigencia'; ¿quiso decir 'vigencia_hasta'?" in str(error)


def test_the_preaceptacion_is_printed_once_and_only_from_its_window() -> None:
    otra = mas(hasta(EXITO, 9), ev("impresion_preaceptacion", cdmx(2023, 3, 13, 17),
                                   vigencia_hasta=date(2023, 3, 17)))
    with pytest.raises(EventoRechazadoError, match="con el estatus «Pre-aceptado") as info:
        residencias.estado(CONV, otra, cdmx(2023, 3, 14))
    assert info.value.articulo.startswith("4. ATENDER RESULTADOS")
    tarde = mas(hasta(EXITO, 8), ev("impresion_preaceptacion", cdmx(2023, 3, 13, 23, 59, 30),
                                    vigencia_hasta=date(2023, 3, 17)))
    with pytest.raises(EventoRechazadoError, match="23:59 está fuera de su ventana"):
        residencias.estado(CONV, tarde, cdmx(2023, 3, 14))


@pytest.mark.parametrize(("n", "origen", "hacia"), [
    (6, "sin_aceptacion", "plaza_rechazada"),
    (7, "sin_carta_compromiso", "plaza_rechazada"),
    (8, "sin_preaceptacion", "plaza_rechazada"),
])
def test_each_results_step_missed_is_rechazo_at_23_59_01(n: int, origen: str, hacia: str) -> None:
    parcial = hasta(EXITO, n)
    assert estatus(parcial, cdmx(2023, 3, 13, 23, 59)) != hacia
    e = residencias.estado(CONV, parcial, cdmx(2023, 3, 13, 23, 59, 1))
    assert (e.estatus.id, e.consecuencias[-1].origen) == (hacia, origen)
    assert e.consecuencias[-1].instante == cdmx(2023, 3, 13, 23, 59)


def test_rejecting_the_seat_in_the_system_is_renuncia_by_the_document() -> None:
    rechaza = mas(hasta(EXITO, 6), ev("rechazo_plaza", cdmx(2023, 3, 13, 17)))
    e = residencias.estado(CONV, rechaza, cdmx(2023, 3, 13, 18))
    assert e.estatus.id == "plaza_rechazada"
    assert "se considera RENUNCIA a la plaza asignada" in e.consecuencias[-1].descripcion


# --- foreign applicants: CURP temporal, virtual appointment, FOFOE fee --------------------------------


def test_foreign_applicant_pays_the_fee_the_day_the_amount_is_given() -> None:
    en = cdmx(2023, 3, 15, 9, 30)
    assert estatus(EXTRANJERO, en) == "apto"
    paso = residencias.siguientes_pasos(CONV, EXTRANJERO, en)[0]
    assert (paso.accion, paso.hasta) == ("pago_fofoe", cdmx(2023, 3, 15, 23, 59, 59))
    assert paso.articulo_si_no == ("2.1 nota 1, aspirantes extranjeros; 4. ATENDER RESULTADOS, Atención "
                                   "médicos extranjeros seleccionados, a")
    e = residencias.estado(CONV, EXTRANJERO, cdmx(2023, 3, 16))
    assert e.estatus.id == "apto" and e.consecuencias == ()
    assert estatus(EXTRANJERO, cdmx(2023, 3, 22)) == "residente"


def test_foreign_applicant_without_the_fee_is_dropped_after_15_march() -> None:
    assert estatus(EXTRANJERO_APTO, cdmx(2023, 3, 15, 23, 59, 59)) == "apto"
    e = residencias.estado(CONV, EXTRANJERO_APTO, cdmx(2023, 3, 16))
    assert e.estatus.id == "baja"
    assert (e.consecuencias[-1].origen, e.consecuencias[-1].instante) == ("sin_pago_fofoe", cdmx(2023, 3, 16))


def test_the_fee_is_paid_the_same_day_and_only_once() -> None:
    otro_dia = mas(EXTRANJERO_APTO, ev("solicitud_monto_fofoe", cdmx(2023, 3, 14, 18),
                                       monto_informado_en=cdmx(2023, 3, 14, 18)),
                   ev("pago_fofoe", cdmx(2023, 3, 15, 9)))
    fuera = "fuera de su ventana \\(su cita: 2023-03-14 18:00"
    with pytest.raises(EventoRechazadoError, match=fuera) as info:
        residencias.estado(CONV, otro_dia, cdmx(2023, 3, 15, 10))
    assert info.value.articulo == "4. ATENDER RESULTADOS, Atención médicos extranjeros seleccionados, a"
    dos_veces = mas(hasta(EXTRANJERO, 17), ev("pago_fofoe", cdmx(2023, 3, 15, 12, 30)))
    with pytest.raises(EventoRechazadoError, match="se hace una única vez y ya se hizo el 2023-03-15 12:00"):
        residencias.estado(CONV, dos_veces, cdmx(2023, 3, 15, 13))


def test_foreign_ficha_needs_the_call_at_the_appointment(tmp_path: Path) -> None:
    extranjero = "{categoria_enarm: extranjera, categoria_registrada: extranjera}"
    base = """\
  - {accion: solicitud_curp_temporal, instante: 2023-03-07T11:20:00-06:00}
  - {accion: registro, instante: 2023-03-07T11:45:00-06:00}
  - {accion: impresion_solicitud, instante: 2023-03-07T12:10:00-06:00}
  - {accion: adjuntar_documentos, instante: 2023-03-07T12:40:00-06:00}
  - {accion: envio_a_validacion, instante: 2023-03-07T12:50:00-06:00}
  - {accion: validacion_validado, instante: 2023-03-08T12:00:00-06:00}
  - {accion: cita_ficha, instante: 2023-03-08T12:30:00-06:00, datos: {fecha_hora: 2023-03-09T10:00:00-06:00}}
"""
    descarga = "  - {accion: descarga_ficha, instante: 2023-03-08T13:00:00-06:00}\n"
    sin_llamada = escribir(tmp_path, base + descarga, extranjero)
    error = rechazo(sin_llamada, cdmx(2023, 3, 9))
    assert str(error).startswith(f"{sin_llamada}:11:5: evento 8 (descarga_ficha): antes hay que «Llamar el "
                                 "día y hora de la cita agendada")
    temprano = escribir(tmp_path, base + "  - {accion: llamada_ficha, instante: 2023-03-09T09:59:00-06:00}\n",
                        extranjero)
    error = rechazo(temprano, cdmx(2023, 3, 9, 12))
    assert "fuera de su ventana (su cita: 2023-03-09 10:00" in str(error)


def test_a_foreign_applicant_registers_after_asking_for_the_temporary_curp() -> None:
    historia = Historia(ID, (ev("registro", cdmx(2023, 3, 7, 12)),), EXTRANJERO.aspirante)
    antes = "antes hay que «Pedir por teléfono la «CURP Temporal»"
    with pytest.raises(EventoRechazadoError, match=antes) as info:
        residencias.estado(CONV, historia, cdmx(2023, 3, 7, 13))
    assert info.value.articulo == "1.1; 1.2; 1.3"


def test_a_mexican_does_not_ask_for_the_temporary_curp() -> None:
    historia = Historia(ID, (ev("solicitud_curp_temporal", cdmx(2023, 3, 7, 12)),), EXITO.aspirante)
    with pytest.raises(EventoRechazadoError, match="no aplica a su caso") as info:
        residencias.estado(CONV, historia, cdmx(2023, 3, 7, 13))
    assert info.value.articulo == "1.1"


def test_the_foreign_json_history_replays_from_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    path = EXAMPLES / "xlvi-extranjero-pago-fofoe.json"
    assert main(["pasos", ID, str(path), "--en", "2023-03-15T09:30:00-06:00", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"estatus"' in out and '"pago_fofoe"' in out


# --- annulments and cancellations (1.3, 2.1, 7) ------------------------------------------------------


def test_modifying_the_pre_assigned_sede_annuls_the_participation() -> None:
    otra_sede = attrs.evolve(EXITO.aspirante, sede_registrada="HGZ 89 Guadalajara")
    distinta = Historia(ID, EXITO_VALIDADO.eventos, otra_sede)
    anulada = mas(distinta, ev("anulacion_por_sede_modificada", cdmx(2023, 3, 8, 12)))
    e = residencias.estado(CONV, anulada, cdmx(2023, 3, 8, 13))
    assert e.estatus.id == "participacion_anulada"
    assert e.consecuencias[-1].articulo == "1.3"
    misma = mas(EXITO_VALIDADO, ev("anulacion_por_sede_modificada", cdmx(2023, 3, 8, 12)))
    with pytest.raises(EventoRechazadoError, match="no aplica a su caso"):
        residencias.estado(CONV, misma, cdmx(2023, 3, 8, 13))


def test_foreign_category_registered_as_mexican_is_falseo_de_informacion() -> None:
    aspirante = attrs.evolve(EXTRANJERO.aspirante, categoria_registrada=EXITO.aspirante.categoria_registrada)
    historia = Historia(ID, (*hasta(EXTRANJERO, 12).eventos,
                             ev("anulacion_por_falseo_de_nacionalidad", cdmx(2023, 3, 14))), aspirante)
    e = residencias.estado(CONV, historia, cdmx(2023, 3, 14, 1))
    assert e.estatus.id == "registro_anulado"
    (veto,) = e.vetos
    assert (veto.alcance, veto.articulo) == ("concursar en vueltas posteriores", "1.3 (ATENCIÓN)")
    assert veto.hasta is None


def test_false_documents_annul_the_expediente_for_every_imss_posgrado_call() -> None:
    historia = mas(hasta(EXITO, 11), ev("anulacion_por_documentos_falsos", cdmx(2023, 3, 15, 9)))
    e = residencias.estado(CONV, historia, cdmx(2023, 3, 15, 10))
    assert e.estatus.id == "anulado"
    assert [v.alcance for v in e.vetos] == ["participar en ninguna convocatoria de posgrado IMSS"]
    with pytest.raises(EventoRechazadoError, match="el proceso ya terminó"):
        residencias.estado(CONV, mas(historia, ev("dictamen_apto", cdmx(2023, 3, 16))), cdmx(2023, 3, 17))


# --- título / cédula under the Carta Compromiso (12 months) ------------------------------------------


def test_titulo_in_process_must_be_delivered_within_12_months() -> None:
    aspirante = attrs.evolve(EXITO.aspirante, titulo_en_tramite=True)
    base = Historia(ID, hasta(EXITO, 13).eventos, aspirante)
    sin_carta = mas(base, ev("curso_propedeutico", cdmx(2023, 3, 21, 8)))
    with pytest.raises(EventoRechazadoError, match="no aplica a su caso"):
        residencias.estado(CONV, sin_carta, cdmx(2023, 3, 22))
    con_carta = mas(base, ev("curso_propedeutico_con_carta_compromiso", cdmx(2023, 3, 21, 8)))
    assert primero(con_carta, cdmx(2023, 3, 22)) == (
        "entrega_titulo_cedula", cdmx(2024, 3, 14), "2.1 nota 1, aspirantes mexicanos d.2 y e); aspirantes "
        "extranjeros b.2 y c)")
    assert estatus(con_carta, cdmx(2024, 3, 13, 23, 59, 59)) == "residente_con_carta_compromiso"
    e = residencias.estado(CONV, con_carta, cdmx(2024, 3, 14))
    assert e.estatus.id == "baja_academica"
    assert e.consecuencias[-1].articulo == "2.1 nota 1, aspirantes mexicanos (ATENCIÓN, tras e); d.2 y e)"
    entregado = mas(con_carta, ev("entrega_titulo_cedula", cdmx(2023, 9, 1, 10)))
    assert estatus(entregado, cdmx(2024, 4, 1)) == "residente"


# --- registrar and the property every status keeps ----------------------------------------------------


def test_registrar_builds_the_success_history_event_by_event() -> None:
    historia = Historia(ID, (), EXITO.aspirante)
    for evento in EXITO.eventos:
        historia = residencias.registrar(CONV, historia, evento)
    assert historia.eventos == EXITO.eventos
    with pytest.raises(EventoRechazadoError, match="en el orden en que ocurren"):
        residencias.registrar(CONV, historia, ev("renuncia", cdmx(2023, 3, 20)))


_INICIO = cdmx(2023, 3, 7, 11)
_FIN = cdmx(2024, 4, 1)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(TODOS), st.integers(0, 25),
       st.integers(0, int((_FIN - _INICIO).total_seconds())))
def test_any_prefix_at_any_instant_has_a_named_status_and_a_dated_next_step(
        historia: Historia, n: int, segundos: int) -> None:
    parcial = hasta(historia, min(n, len(historia.eventos)))
    en = _INICIO + timedelta(seconds=segundos)
    e, pasos = residencias.process.estado_y_pasos(CONV, parcial, en)
    assert e.estatus in PROCESO.estatus
    if not e.terminal:
        assert any(p.hasta is not None for p in pasos), (e.estatus.id, en)


# --- the examples that, with the ones above, reach every status and fire every deadline ---------------

_VENCIMIENTOS = {v.id for v in PROCESO.vencimientos}
_ABANDONO = "participar en los siguientes periodos de selección"
_CONCURSAR = "concursar nuevamente en procesos de selección del IMSS"


@pytest.mark.parametrize(("nombre", "en", "esperado", "ultima", "vetos"), [
    ("xlvi-sin-registro.yaml", cdmx(2023, 3, 9, 16), "sin_registro", None, ()),
    ("xlvi-sin-registro.yaml", cdmx(2023, 3, 9, 16, 0, 1), "no_registrado",
     ("registro_cerrado", "1.1; 1. Registro (IMPORTANTE)", cdmx(2023, 3, 9, 16)), ()),
    ("xlvi-registro-sin-solicitud.yaml", cdmx(2023, 3, 9, 15), "registrado", None, ()),
    ("xlvi-registro-sin-solicitud.yaml", cdmx(2023, 3, 9, 16, 0, 1), "fuera_del_proceso",
     ("sin_solicitud", "1.5; aviso final («POR POLÍTICAS DE TRANSPARENCIA»)", cdmx(2023, 3, 9, 16)), ()),
    ("xlvi-sin-envio-a-validacion.yaml", cdmx(2023, 3, 9, 12), "pendiente_de_validar", None, ()),
    ("xlvi-sin-envio-a-validacion.yaml", cdmx(2023, 3, 9, 16, 0, 1), "fuera_del_proceso",
     ("sin_envio_a_validacion", "3. ENVÍO DE EXPEDIENTE A VALIDACIÓN; aviso final («POR POLÍTICAS DE "
      "TRANSPARENCIA»)", cdmx(2023, 3, 9, 16)), ()),
    ("xlvi-observaciones-sin-atender.yaml", cdmx(2023, 3, 9, 16), "con_observaciones", None, ()),
    ("xlvi-observaciones-sin-atender.yaml", cdmx(2023, 3, 9, 16, 0, 1), "fuera_del_proceso",
     ("observaciones_sin_atender", "3, posibles estatus de expediente, c); 3. ENVÍO DE EXPEDIENTE A "
      "VALIDACIÓN", cdmx(2023, 3, 9, 16)), ()),
    ("xlvi-observaciones-tras-el-cierre-del-envio.yaml", cdmx(2023, 3, 10, 16), "con_observaciones", None,
     ()),
    ("xlvi-observaciones-tras-el-cierre-del-envio.yaml", cdmx(2023, 3, 10, 16, 0, 1), "fuera_del_proceso",
     ("sin_validacion", "3, punto 3; 3.2; 3 (IMPORTANTE PARA TODOS LOS ASPIRANTES)", cdmx(2023, 3, 10, 16)),
     ()),
    ("xlvi-expediente-anulado.yaml", cdmx(2023, 3, 8, 12), "en_proceso_de_validacion", None, ()),
    ("xlvi-expediente-anulado.yaml", cdmx(2023, 3, 8, 15), "anulado",
     ("validacion_anulado", "3, posibles estatus de expediente, b)", cdmx(2023, 3, 8, 14)),
     ("participar en ninguna convocatoria del IMSS",)),
    ("xlvi-sin-carta-compromiso.yaml", cdmx(2023, 3, 13, 23, 59), "adscripcion_aceptada", None, ()),
    ("xlvi-sin-carta-compromiso.yaml", cdmx(2023, 3, 13, 23, 59, 1), "plaza_rechazada",
     ("sin_carta_compromiso", "4. ATENDER RESULTADOS", cdmx(2023, 3, 13, 23, 59)), ()),
    ("xlvi-sin-imprimir-preaceptacion.yaml", cdmx(2023, 3, 13, 23), "carta_compromiso_aceptada", None, ()),
    ("xlvi-sin-imprimir-preaceptacion.yaml", cdmx(2023, 3, 13, 23, 59, 1), "plaza_rechazada",
     ("sin_preaceptacion", "4. ATENDER RESULTADOS; 4. IMPRIMIR CARTA DE PRE-ACEPTACIÓN (segunda sección 4)",
      cdmx(2023, 3, 13, 23, 59)), ()),
    ("xlvi-no-apto-en-los-examenes.yaml", cdmx(2023, 3, 15, 12), "en_tramites_ooad", None, ()),
    ("xlvi-no-apto-en-los-examenes.yaml", cdmx(2023, 3, 16, 13), "no_apto",
     ("dictamen_no_apto", "5. PASOS POR SEGUIR, II", cdmx(2023, 3, 16, 12)), ()),
    ("xlvi-tramites-ooad-sin-concluir.yaml", cdmx(2023, 3, 17, 12), "apto", None, ()),
    ("xlvi-tramites-ooad-sin-concluir.yaml", cdmx(2023, 3, 17, 23, 59, 59), "apto", None, ()),
    ("xlvi-tramites-ooad-sin-concluir.yaml", cdmx(2023, 3, 18), "abandono",
     ("sin_tramites_ooad", "4. ATENDER RESULTADOS (vigencia de la carta de pre-aceptación); 5, I y II",
      cdmx(2023, 3, 18)), (_ABANDONO,)),
    ("xlvi-sin-propedeutico.yaml", cdmx(2023, 3, 21, 23, 59, 59), "adscrito", None, ()),
    ("xlvi-sin-propedeutico.yaml", cdmx(2023, 3, 22), "abandono",
     ("sin_propedeutico", "5. PASOS POR SEGUIR, III; 4. ATENDER RESULTADOS, pasos en caso de rechazar, "
      "renunciar o abandonar («ABANDONAR LA PLAZA ASIGNADA»)", cdmx(2023, 3, 22)), (_CONCURSAR,)),
    ("xlvi-extranjero-sin-pago-fofoe.yaml", cdmx(2023, 3, 15, 12), "apto", None, ()),
    ("xlvi-extranjero-sin-pago-fofoe.yaml", cdmx(2023, 3, 16), "baja",
     ("sin_pago_fofoe", "2.1 nota 1, aspirantes extranjeros; 4. ATENDER RESULTADOS, Atención médicos "
      "extranjeros seleccionados, a", cdmx(2023, 3, 16)), ()),
    ("xlvi-cedula-en-tramite-baja-academica.yaml", cdmx(2023, 3, 22), "residente_con_carta_compromiso", None,
     ()),
    ("xlvi-cedula-en-tramite-baja-academica.yaml", cdmx(2024, 3, 13, 23, 59, 59),
     "residente_con_carta_compromiso", None, ()),
    ("xlvi-cedula-en-tramite-baja-academica.yaml", cdmx(2024, 3, 14), "baja_academica",
     ("sin_titulo_cedula", "2.1 nota 1, aspirantes mexicanos (ATENCIÓN, tras e); d.2 y e)",
      cdmx(2024, 3, 14)), ()),
    ("xlvi-sede-preasignada-modificada.yaml", cdmx(2023, 3, 8, 12), "en_proceso_de_validacion", None, ()),
    ("xlvi-sede-preasignada-modificada.yaml", cdmx(2023, 3, 8, 18), "participacion_anulada",
     ("anulacion_por_sede_modificada", "1.3", cdmx(2023, 3, 8, 17)), ()),
    ("xlvi-extranjero-registrado-como-mexicano.yaml", cdmx(2023, 3, 10, 9), "con_ficha", None, ()),
    ("xlvi-extranjero-registrado-como-mexicano.yaml", cdmx(2023, 3, 10, 12), "registro_anulado",
     ("anulacion_por_falseo_de_nacionalidad", "1.3 (ATENCIÓN)", cdmx(2023, 3, 10, 11)),
     ("concursar en vueltas posteriores",)),
    ("xlvi-dos-instituciones-participacion-cancelada.json", cdmx(2023, 3, 10, 9), "con_ficha", None, ()),
    ("xlvi-dos-instituciones-participacion-cancelada.json", cdmx(2023, 3, 10, 13), "participacion_cancelada",
     ("cancelacion_por_restriccion", "7. Aclaraciones sustantivas, a a d", cdmx(2023, 3, 10, 12)), ()),
    ("xlvi-informacion-falseada.yaml", cdmx(2023, 3, 13, 16, 10), "con_ficha", None, ()),
    ("xlvi-informacion-falseada.yaml", cdmx(2023, 3, 13, 18), "participacion_cancelada",
     ("cancelacion_por_informacion_falseada", "7. Aclaraciones sustantivas; 2.1 nota 2, c",
      cdmx(2023, 3, 13, 17, 30)), ()),
    ("xlvi-extranjero-baja-migratoria.json", cdmx(2023, 3, 16, 12), "apto", None, ()),
    ("xlvi-extranjero-baja-migratoria.json", cdmx(2023, 3, 17, 12), "baja",
     ("baja_por_estatus_migratorio", "2.1 nota 1, aspirantes extranjeros («y contar con estatus migratorio "
      "regularizado»)", cdmx(2023, 3, 17, 10)), ()),
    ("xlvi-rechazo-de-plaza.yaml", cdmx(2023, 3, 13, 16, 10), "con_ficha", None, ()),
    ("xlvi-rechazo-de-plaza.yaml", cdmx(2023, 3, 13, 17), "plaza_rechazada",
     ("rechazo_plaza", "4. ATENDER RESULTADOS, pasos en caso de rechazar, renunciar o abandonar («NO "
      "ACEPTAR O RECHAZAR»)", cdmx(2023, 3, 13, 16, 45)), ()),
    ("xlvi-abandono-sin-renuncia-por-escrito.yaml", cdmx(2023, 3, 15, 18), "apto", None, ()),
    ("xlvi-abandono-sin-renuncia-por-escrito.yaml", cdmx(2023, 3, 16, 12), "abandono",
     ("abandono", "4. ATENDER RESULTADOS, pasos en caso de rechazar, renunciar o abandonar («ABANDONAR LA "
      "PLAZA ASIGNADA»)", cdmx(2023, 3, 16, 10)), (_CONCURSAR,)),
    ("xlvi-documentos-falsos.json", cdmx(2023, 3, 14, 12), "en_tramites_ooad", None, ()),
    ("xlvi-documentos-falsos.json", cdmx(2023, 3, 15, 12), "anulado",
     ("anulacion_por_documentos_falsos", "2.1 (IMPORTANTE)", cdmx(2023, 3, 15, 10)),
     ("participar en ninguna convocatoria de posgrado IMSS",)),
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


def test_rejecting_in_the_results_page_is_renuncia_and_ends_the_process() -> None:
    rechazo_ = ejemplo("xlvi-rechazo-de-plaza.yaml")
    assert primero(rechazo_, cdmx(2023, 3, 13, 16, 10)) == (
        "acepto_adscripcion", cdmx(2023, 3, 13, 23, 59), "4. ATENDER RESULTADOS")
    e = residencias.estado(CONV, rechazo_, cdmx(2023, 3, 13, 17))
    assert e.desenlace is Desenlace.FRACASO
    assert "se considera RENUNCIA a la plaza asignada" in e.consecuencias[-1].descripcion
    assert residencias.siguientes_pasos(CONV, rechazo_, cdmx(2023, 3, 13, 17)) == ()


def test_titulo_delivered_within_the_12_months_makes_a_resident() -> None:
    titulo = ejemplo("xlvi-titulo-entregado.yaml")
    en = cdmx(2023, 3, 22, 12)
    assert estatus(titulo, en) == "residente_con_carta_compromiso"
    assert primero(titulo, en) == (
        "entrega_titulo_cedula", cdmx(2024, 3, 14),
        "2.1 nota 1, aspirantes mexicanos d.2 y e); aspirantes extranjeros b.2 y c)")
    e = residencias.estado(CONV, titulo, cdmx(2023, 8, 15, 12))
    assert (e.estatus.id, e.desenlace, e.consecuencias) == ("residente", Desenlace.EXITO, ())
    entrega = e.sucesos[-1]
    assert (entrega.origen, entrega.estatus_antes, entrega.estatus_despues) == (
        "entrega_titulo_cedula", "residente_con_carta_compromiso", "residente")
    assert entrega.articulo == "2.1 nota 1, aspirantes mexicanos d.2 y e); aspirantes extranjeros b.2 y c)"
    assert estatus(titulo, cdmx(2024, 3, 14)) == "residente"  # no baja académica after the 12 months


def test_leaving_without_a_written_renuncia_is_abandono_with_the_ban_of_the_abandono_steps() -> None:
    """Telling the OOAD one will not go on, without a written renuncia, is abandono by the act: the ban
    is the one of the steps in case of abandoning, not the one of the letter's validity (4)."""
    abandono = ejemplo("xlvi-abandono-sin-renuncia-por-escrito.yaml")
    e = residencias.estado(CONV, abandono, cdmx(2023, 3, 16, 12))
    (veto,) = e.vetos
    assert (veto.alcance, veto.desde, veto.hasta) == (_CONCURSAR, date(2023, 3, 16), None)
    assert not e.consecuencias[-1].automatica


def test_false_documents_found_at_the_ooad_annul_the_expediente_for_every_imss_posgrado_call() -> None:
    falsos = ejemplo("xlvi-documentos-falsos.json")
    e = residencias.estado(CONV, falsos, cdmx(2023, 3, 15, 12))
    assert (e.estatus.id, e.desenlace) == ("anulado", Desenlace.FRACASO)
    (veto,) = e.vetos
    assert (veto.articulo, veto.desde, veto.hasta) == ("2.1 (IMPORTANTE)", date(2023, 3, 15), None)
    assert "se informa a la CIFRHS" in e.consecuencias[-1].descripcion


def test_a_step_opens_when_its_window_opens_not_when_the_status_began() -> None:
    """With ficha since 8 March, acceptance opens with the results, 13 March at 16:00 (4. ATENDER
    RESULTADOS): a step is offered from the later of the two, also once the window is open."""
    historia = ejemplo("xlvi-informacion-falseada.yaml")
    for en in (cdmx(2023, 3, 12, 12), cdmx(2023, 3, 13, 16, 10)):
        paso = residencias.siguientes_pasos(CONV, hasta(historia, 6), en)[0]
        assert paso.accion == "acepto_adscripcion"
        assert paso.desde == cdmx(2023, 3, 13, 16)
        assert paso.hasta == cdmx(2023, 3, 13, 23, 59)


@pytest.mark.parametrize(("accion", "hacia", "articulo"), [
    ("cancelacion_por_restriccion", "participacion_cancelada", "7. Aclaraciones sustantivas, a a d"),
    ("anulacion_por_sede_modificada", "participacion_anulada", "1.3"),
])
def test_a_resident_can_still_lose_the_course(accion: str, hacia: str, articulo: str) -> None:
    """7 cancels «durante cualquier parte del proceso o desarrollo del curso» and 1.3 annuls the
    pre-assignment «en cualquier momento del proceso de asignación a sede o de su curso de
    especialización»: both also reach a resident."""
    exito = ejemplo("xlvi-exito-hasta-el-propedeutico.yaml")
    assert estatus(exito, cdmx(2023, 3, 22, 12)) == "residente"
    restriccion = accion == "cancelacion_por_restriccion"
    datos = {"circunstancia": "a: demanda penal contra el IMSS"} if restriccion else {}
    if accion == "anulacion_por_sede_modificada":  # 1.3 reaches only whoever registered another sede
        exito = attrs.evolve(exito, aspirante=attrs.evolve(exito.aspirante, sede_registrada="HGR 1 Tijuana"))
    perdida = mas(exito, ev(accion, cdmx(2023, 7, 3, 10), **datos))
    e = residencias.estado(CONV, perdida, cdmx(2023, 7, 3, 11))
    assert e.estatus.id == hacia
    assert [c.articulo for c in e.consecuencias if c.origen == accion] == [articulo]
