"""The CER 2026-2027 process (004, sections 2 to 9) replayed from histories: statuses, refusals
with their article and place, deadline consequences at their exact instant, next steps, the
evaluation over time, the Mermaid diagram, the person's ICS and the CLI."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import icalendar
import pytest

import residencias
from residencias.cli import main
from residencias.domain.historia import Dato, Evento, Historia
from residencias.domain.proceso import AccionProceso, Actor, Desenlace, Estatus, Lugar, Proceso, Transicion
from residencias.process import EventoRechazadoError, estado, registrar, siguientes_pasos, to_mermaid
from residencias.process.ics import pasos_a_ics

MX = ZoneInfo("America/Mexico_City")
HISTORIAS = Path(__file__).parent.parent / "examples" / "historias"
CER = "imss-cer-2026-2027"


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.fixture(scope="module")
def cer() -> residencias.Convocatoria:
    return residencias.load_convocatoria(CER)


def history(*eventos: tuple[str, str] | tuple[str, str, Mapping[str, object]],
            **aspirante: object) -> Historia:
    """A history from (accion, instante[, datos]) tuples."""
    out = []
    for item in eventos:
        datos: Mapping[str, object] = item[2] if len(item) == 3 else {}
        out.append(Evento(item[0], at(item[1]), tuple(Dato(k, v) for k, v in datos.items())))  # type: ignore[arg-type]
    return Historia(CER, tuple(out), residencias.Residente(**aspirante))  # type: ignore[arg-type]


APRIL_30 = datetime(2026, 4, 30).date()
UP_TO_FICHA = (
    ("registro", "2026-03-10T09:00:00-06:00"),
    ("impresion_solicitud", "2026-03-10T09:10:00-06:00"),
    ("adjuntar_documentos", "2026-03-10T10:00:00-06:00"),
    ("envio_a_validacion", "2026-03-10T10:05:00-06:00"),
    ("validacion_validado", "2026-03-11T10:00:00-06:00"),
    ("descarga_ficha", "2026-03-11T11:00:00-06:00"),
)
TO_THE_LETTER = (
    *UP_TO_FICHA, ("examen_efiser", "2026-03-25T08:00:00-06:00"),
    ("resultado_asignado", "2026-04-15T08:00:00-06:00", {"sede": "HE CMN La Raza"}),
    ("acepto_sede", "2026-04-15T08:05:00-06:00"), ("carta_compromiso", "2026-04-15T08:06:00-06:00"),
)


# --- the example histories ---------------------------------------------------------------------


def test_adscrita_en_neonatologia_ends_with_success(cer: residencias.Convocatoria) -> None:
    h = residencias.load_historia(HISTORIAS / "cer-adscrito-neonatologia.yaml")
    e = estado(cer, h, at("2026-05-04T12:00:00-06:00"))
    assert (e.estatus.id, e.terminal, e.desenlace) == ("adscrito", True, Desenlace.EXITO)
    assert e.consecuencias == ()
    assert siguientes_pasos(cer, h, at("2026-05-04T12:00:00-06:00")) == ()


def test_preaceptada_must_present_herself_and_the_diploma_by_the_letters_validity(
        cer: residencias.Convocatoria) -> None:
    h = residencias.load_historia(HISTORIAS / "cer-adscrito-neonatologia.yaml")
    en = at("2026-04-20T12:00:00-06:00")
    e = estado(cer, h, en)
    assert e.estatus.id == "preaceptado"
    assert e.eventos_posteriores == 4
    pasos = siguientes_pasos(cer, h, en)
    assert [p.accion for p in pasos[:2]] == ["presentacion_en_sede", "entrega_diploma"]
    end_of_validity = datetime(2026, 5, 1, tzinfo=MX)  # vigencia_hasta 2026-04-30, whole day
    assert all(p.hasta == end_of_validity and not p.incluye_hasta for p in pasos[:2])
    assert pasos[0].articulo_si_no == "8.2, Importante"
    assert pasos[1].articulo_si_no == "9.1"
    assert "a más tardar el 2026-04-30 (todo el día)" in pasos[0].linea()


def test_absent_from_the_efiser_is_out_when_the_exam_period_ends(cer: residencias.Convocatoria) -> None:
    h = residencias.load_historia(HISTORIAS / "cer-ausente-en-el-efiser.yaml")
    before = estado(cer, h, at("2026-03-27T23:59:59-06:00"))
    assert before.estatus.id == "con_ficha"
    pasos = siguientes_pasos(cer, h, at("2026-03-26T12:00:00-06:00"))
    assert pasos[0].accion == "examen_efiser" and pasos[0].articulo_si_no == "5.1; 5.1 D"
    after = estado(cer, h, at("2026-03-28T00:00:00-06:00"))
    assert after.estatus.id == "fuera_del_concurso"
    (consecuencia,) = after.consecuencias
    assert (consecuencia.origen, consecuencia.articulo) == ("sin_efiser", "5.1; 5.1 D")
    assert consecuencia.instante == datetime(2026, 3, 28, tzinfo=MX)


def test_observations_answered_then_validated(cer: residencias.Convocatoria) -> None:
    h = residencias.load_historia(HISTORIAS / "cer-observaciones-atendidas.yaml")
    assert estado(cer, h, at("2026-03-14T12:00:00-06:00")).estatus.id == "en_proceso_de_validacion"
    assert estado(cer, h, at("2026-03-13T12:00:00-06:00")).estatus.id == "con_observaciones"
    assert estado(cer, h, at("2026-03-17T20:00:00-06:00")).estatus.id == "con_ficha"


def test_renuncia_after_accepting_is_irrevocable(cer: residencias.Convocatoria) -> None:
    h = residencias.load_historia(HISTORIAS / "cer-renuncia-tras-aceptar.json")
    e = estado(cer, h, at("2026-04-21T00:00:00-06:00"))
    assert (e.estatus.id, e.desenlace) == ("renuncio", Desenlace.FRACASO)
    (consecuencia,) = e.consecuencias
    assert consecuencia.articulo == "8.4" and not consecuencia.automatica
    assert "irrevocable" in consecuencia.descripcion


def test_no_action_on_the_result_is_an_automatic_rejection_at_16_00(cer: residencias.Convocatoria) -> None:
    h = residencias.load_historia(HISTORIAS / "cer-sin-aceptar-la-plaza.yaml")
    assert estado(cer, h, at("2026-04-16T16:00:00-06:00")).estatus.id == "asignado"  # 16:00 included
    e = estado(cer, h, at("2026-04-16T16:00:01-06:00"))
    assert e.estatus.id == "plaza_rechazada"
    assert e.consecuencias[0].articulo == "8.1"
    assert e.consecuencias[0].instante == at("2026-04-16T16:00:00-06:00")


def test_exams_not_passed_lose_the_seat_during_the_adscription(cer: residencias.Convocatoria) -> None:
    h = residencias.load_historia(HISTORIAS / "cer-examenes-no-aprobados.yaml")
    e = estado(cer, h, at("2026-04-27T12:00:00-06:00"))
    assert (e.estatus.id, e.consecuencias) == ("en_adscripcion", ())
    e = estado(cer, h, at("2026-04-28T14:00:00-06:00"))
    assert (e.estatus.id, e.desenlace) == ("plaza_perdida", Desenlace.FRACASO)
    (consecuencia,) = e.consecuencias
    assert (consecuencia.origen, consecuencia.articulo, consecuencia.automatica) == (
        "examenes_no_aprobados", "8.2", False)
    assert consecuencia.instante == at("2026-04-28T13:00:00-06:00")
    assert e.vetos == ()


def test_the_reject_button_is_irrevocable(cer: residencias.Convocatoria) -> None:
    h = residencias.load_historia(HISTORIAS / "cer-plaza-rechazada.yaml")
    en = at("2026-04-15T10:00:00-06:00")
    assert estado(cer, h, en).estatus.id == "asignado"
    paso = siguientes_pasos(cer, h, en)[0]
    assert (paso.accion, paso.hasta, paso.articulo) == ("acepto_sede", at("2026-04-16T16:00:00-06:00"), "8.1")
    e = estado(cer, h, at("2026-04-15T12:00:00-06:00"))
    assert (e.estatus.id, e.desenlace) == ("plaza_rechazada", Desenlace.FRACASO)
    (consecuencia,) = e.consecuencias
    assert (consecuencia.origen, consecuencia.articulo, consecuencia.automatica) == (
        "rechazo_plaza", "8.3", False)
    assert consecuencia.instante == at("2026-04-15T11:20:00-06:00")
    assert "irrevocable" in consecuencia.descripcion
    assert e.vetos == ()
    assert siguientes_pasos(cer, h, at("2026-04-15T12:00:00-06:00")) == ()


def test_impersonation_at_the_efiser_cancels_before_results_with_a_five_year_ban(
        cer: residencias.Convocatoria) -> None:
    h = residencias.load_historia(HISTORIAS / "cer-suplantacion-en-el-efiser.yaml")
    e = estado(cer, h, at("2026-04-01T12:00:00-06:00"))
    assert (e.estatus.id, e.consecuencias) == ("examen_presentado", ())
    e = estado(cer, h, at("2026-04-08T12:00:00-06:00"))
    assert (e.estatus.id, e.desenlace) == ("participacion_cancelada", Desenlace.FRACASO)
    (consecuencia,) = e.consecuencias
    assert (consecuencia.origen, consecuencia.articulo, consecuencia.automatica) == (
        "fraude_durante_el_proceso", "1.6 A y C", False)
    (veto,) = e.vetos
    assert (veto.alcance, veto.articulo) == ("participar en convocatorias del IMSS", "1.6 C")
    assert (veto.desde.isoformat(), veto.hasta and veto.hasta.isoformat()) == ("2026-04-07", "2031-04-07")


# --- deadlines fire at their exact instant ------------------------------------------------------


@pytest.mark.parametrize(("ultimo", "instante", "despues", "articulo"), [
    # registered, no solicitud printed: 2.1 D at 13 March 16:00 (included)
    (1, "2026-03-13T16:00:00-06:00", "fuera_del_concurso", "2.1 D"),
    # solicitud printed and documents attached, never sent: 4.1 b at the same instant
    (3, "2026-03-13T16:00:00-06:00", "fuera_del_concurso", "4.1 b)"),
    # sent, never validated: 4.2 a at 17 March 12:00
    (4, "2026-03-17T12:00:00-06:00", "fuera_del_concurso", "4.2 a) y b); 4.3 e)"),
    # validated, no ficha: 4.4 at 18 March 12:00
    (5, "2026-03-18T12:00:00-06:00", "fuera_del_concurso", "4.4"),
])
def test_missed_deadlines_fire_one_second_after_their_included_end(
        cer: residencias.Convocatoria, ultimo: int, instante: str, despues: str, articulo: str) -> None:
    h = history(*UP_TO_FICHA[:ultimo])
    end = at(instante)
    assert estado(cer, h, end - timedelta(seconds=1)).estatus.id != despues
    assert estado(cer, h, end).estatus.id != despues
    e = estado(cer, h, end + timedelta(seconds=1))
    assert e.estatus.id == despues
    assert e.consecuencias[-1].articulo == articulo
    assert e.consecuencias[-1].instante == end


def test_never_registering_ends_when_registration_closes(cer: residencias.Convocatoria) -> None:
    h = history()
    assert estado(cer, h, at("2026-03-13T16:00:00-06:00")).estatus.id == "sin_registro"
    e = estado(cer, h, at("2026-03-13T16:00:01-06:00"))
    assert (e.estatus.id, e.desenlace) == ("no_registrado", Desenlace.NEUTRO)


def test_the_diploma_deadline_applies_only_to_tabla_4_pairs(cer: residencias.Convocatoria) -> None:
    events = (*TO_THE_LETTER,
              ("descarga_preaceptacion", "2026-04-15T08:07:00-06:00", {"vigencia_hasta": APRIL_30}),
              ("presentacion_en_sede", "2026-04-20T09:00:00-06:00"))
    en = at("2026-05-01T00:00:01-06:00")
    neonatologia = history(*events, ceme="Pediatría", grado=3, cer_solicitado="Neonatología")  # Tabla 4
    e = estado(cer, neonatologia, en)
    assert (e.estatus.id, e.consecuencias[-1].articulo) == ("plaza_perdida", "9.1")
    cardiologia = history(*events, ceme="Medicina interna", grado=2, cer_solicitado="Cardiología")
    assert estado(cer, cardiologia, en).estatus.id == "en_adscripcion"
    assert "entrega_diploma" not in [p.accion for p in siguientes_pasos(cer, cardiologia, en)]


def test_a_fraud_detected_before_results_bans_for_five_years(cer: residencias.Convocatoria) -> None:
    h = history(*UP_TO_FICHA[:3], ("fraude_durante_el_proceso", "2026-03-12T10:00:00-06:00"))
    e = estado(cer, h, at("2026-03-12T11:00:00-06:00"))
    assert e.estatus.id == "participacion_cancelada"
    (veto,) = e.vetos
    assert (veto.articulo, veto.desde.isoformat(), veto.hasta and veto.hasta.isoformat()) == (
        "1.6 C", "2026-03-12", "2031-03-12")
    h = history(*UP_TO_FICHA[:3], ("informacion_falsa_en_registro", "2026-03-12T10:00:00-06:00"))
    (veto,) = estado(cer, h, at("2026-03-12T11:00:00-06:00")).vetos
    assert (veto.articulo, veto.hasta) == ("2 D", None)


# --- refusals: article and place ---------------------------------------------------------------


def write(tmp_path: Path, lines: str) -> Path:
    path = tmp_path / "h.yaml"
    path.write_text(f"convocatoria: {CER}\neventos:\n{lines}", encoding="utf-8")
    return path


def refusal(cer: residencias.Convocatoria, path: Path) -> EventoRechazadoError:
    with pytest.raises(EventoRechazadoError) as info:
        estado(cer, residencias.load_historia(path), at("2026-12-31T00:00:00-06:00"))
    return info.value


def test_an_event_outside_its_window_names_the_article_and_its_line(
        cer: residencias.Convocatoria, tmp_path: Path) -> None:
    path = write(tmp_path, "  - {accion: registro, instante: 2026-03-13T16:00:01-06:00}\n")
    error = refusal(cer, path)
    assert error.articulo == "2.1"
    assert str(error).startswith(f"{path}:3:5: evento 1 (registro): 2026-03-13 16:00 está fuera de su "
                                 "ventana")
    assert "cierra 2026-03-13 16:00" in str(error)


def test_an_event_from_the_wrong_status_is_refused(cer: residencias.Convocatoria, tmp_path: Path) -> None:
    path = write(tmp_path, "  - {accion: registro, instante: 2026-03-10T09:00:00-06:00}\n"
                           "  - {accion: envio_a_validacion, instante: 2026-03-10T10:00:00-06:00}\n")
    error = refusal(cer, path)
    assert (error.indice, error.articulo) == (1, "4.1 b)")
    assert "con el estatus «Registrado, sin solicitud impresa» no se puede" in str(error)
    assert f"{path}:4:5:" in str(error)


def test_an_event_before_its_prerequisite_is_refused(cer: residencias.Convocatoria) -> None:
    h = history(*UP_TO_FICHA[:2], ("envio_a_validacion", "2026-03-10T10:00:00-06:00"))
    with pytest.raises(EventoRechazadoError, match=r"antes hay que «Integrar el expediente electrónico"):
        estado(cer, h, at("2026-03-11T00:00:00-06:00"))


def test_once_means_once(cer: residencias.Convocatoria) -> None:
    events = (*TO_THE_LETTER,
              ("descarga_preaceptacion", "2026-04-15T08:07:00-06:00", {"vigencia_hasta": APRIL_30}),
              ("entrega_diploma", "2026-04-16T09:00:00-06:00"),
              ("entrega_diploma", "2026-04-17T09:00:00-06:00"))
    h = history(*events, ceme="Pediatría", grado=3, cer_solicitado="Neonatología")
    with pytest.raises(EventoRechazadoError) as info:
        estado(cer, h, at("2026-04-18T00:00:00-06:00"))
    assert info.value.articulo == "9.1, Tabla 4"
    assert "se hace una única vez y ya se hizo el 2026-04-16 09:00" in str(info.value)


def test_an_action_that_does_not_apply_is_refused(cer: residencias.Convocatoria) -> None:
    events = (*TO_THE_LETTER, ("descarga_preaceptacion", "2026-04-15T08:07:00-06:00"),
              ("entrega_diploma", "2026-04-16T09:00:00-06:00"))
    h = history(*events, ceme="Medicina interna", grado=2, cer_solicitado="Cardiología")
    with pytest.raises(EventoRechazadoError, match="no aplica a su caso"):
        estado(cer, h, at("2026-04-18T00:00:00-06:00"))


@pytest.mark.parametrize(("line", "fragment"), [
    ("{accion: registro, instante: 2026-03-10T09:00:00-06:00}\n  - {accion: impresion_solicitud, "
     "instante: 2026-03-10T09:10:00-06:00, datos: {foli: '1'}}", "dato desconocido 'foli'"),
    ("{accion: registrarse, instante: 2026-03-10T09:00:00-06:00}", "acción desconocida 'registrarse'"),
])
def test_unknown_data_and_actions_are_refused_with_a_hint(
        cer: residencias.Convocatoria, tmp_path: Path, line: str, fragment: str) -> None:
    error = refusal(cer, write(tmp_path, f"  - {line}\n"))
    assert fragment in str(error) and "¿quiso decir" in str(error)


def test_a_required_datum_and_its_type_are_checked(cer: residencias.Convocatoria) -> None:
    base = (*UP_TO_FICHA, ("examen_efiser", "2026-03-25T08:00:00-06:00"))
    with pytest.raises(EventoRechazadoError, match="falta el dato obligatorio 'sede'"):
        estado(cer, history(*base, ("resultado_asignado", "2026-04-15T08:00:00-06:00")),
               at("2026-04-16T00:00:00-06:00"))
    bad = history(*TO_THE_LETTER,
                  ("descarga_preaceptacion", "2026-04-15T08:07:00-06:00", {"vigencia_hasta": "el viernes"}))
    with pytest.raises(EventoRechazadoError, match="el dato 'vigencia_hasta' debe ser una fecha AAAA-MM-DD"):
        estado(cer, bad, at("2026-04-16T00:00:00-06:00"))


def test_events_out_of_order_are_refused(cer: residencias.Convocatoria) -> None:
    h = history(("registro", "2026-03-10T09:00:00-06:00"),
                ("impresion_solicitud", "2026-03-10T08:00:00-06:00"))
    with pytest.raises(EventoRechazadoError, match="es anterior al evento 1"):
        estado(cer, h, at("2026-03-11T00:00:00-06:00"))


def test_after_a_terminal_status_nothing_more_is_admitted(cer: residencias.Convocatoria) -> None:
    h = history(("registro", "2026-03-14T09:00:00-06:00"))
    with pytest.raises(EventoRechazadoError, match="fuera de su ventana"):
        estado(cer, h, at("2026-03-15T00:00:00-06:00"))
    h = history(*UP_TO_FICHA[:5], ("adjuntar_documentos", "2026-03-16T09:00:00-06:00"))
    with pytest.raises(EventoRechazadoError, match="fuera de su ventana"):
        estado(cer, h, at("2026-03-17T00:00:00-06:00"))
    h = history(*UP_TO_FICHA[:5], ("descarga_ficha", "2026-03-18T12:00:01-06:00"))
    with pytest.raises(EventoRechazadoError, match="fuera de su ventana"):
        estado(cer, h, at("2026-03-19T00:00:00-06:00"))
    h = history(*UP_TO_FICHA, ("examen_efiser", "2026-03-25T08:00:00-06:00"),
                ("resultado_no_asignado", "2026-04-15T08:00:00-06:00"),
                ("acepto_sede", "2026-04-15T09:00:00-06:00"))
    with pytest.raises(EventoRechazadoError, match="el proceso ya terminó con el estatus «No asignado»"):
        estado(cer, h, at("2026-04-16T00:00:00-06:00"))


# --- registrar --------------------------------------------------------------------------------


def test_registrar_appends_and_never_rewrites(cer: residencias.Convocatoria) -> None:
    h = history(*UP_TO_FICHA[:2])
    nuevo = Evento("adjuntar_documentos", at("2026-03-10T11:00:00-06:00"))
    h2 = registrar(cer, h, nuevo)
    assert h2.eventos == (*h.eventos, nuevo)
    assert len(h.eventos) == 2  # the history given is unchanged
    with pytest.raises(EventoRechazadoError, match="fuera de su ventana"):
        registrar(cer, h2, Evento("envio_a_validacion", at("2026-03-13T16:00:01-06:00")))
    with pytest.raises(EventoRechazadoError, match="en el orden en que ocurren"):
        registrar(cer, h2, Evento("envio_a_validacion", at("2026-03-10T10:59:00-06:00")))
    last = registrar(cer, h2, Evento("envio_a_validacion", at("2026-03-13T16:00:00-06:00"))).eventos[-1]
    assert last.accion == "envio_a_validacion"


# --- next steps ---------------------------------------------------------------------------------


def test_before_registering_the_first_step_is_registration_with_its_window(
        cer: residencias.Convocatoria) -> None:
    pasos = siguientes_pasos(cer, history(), at("2026-03-01T00:00:00-06:00"))
    first = pasos[0]
    assert (first.accion, first.actor, first.articulo) == ("registro", Actor.ASPIRANTE, "2.1")
    assert first.desde == at("2026-03-09T16:00:00-06:00") and first.hasta == at("2026-03-13T16:00:00-06:00")
    assert first.si_no is not None and first.articulo_si_no == "2.1; 1.1"


def test_while_in_validation_the_person_waits_with_the_deadline(cer: residencias.Convocatoria) -> None:
    pasos = siguientes_pasos(cer, history(*UP_TO_FICHA[:4]), at("2026-03-11T00:00:00-06:00"))
    assert {p.actor for p in pasos} == {Actor.INSTITUCION}
    assert "validacion_validado" in [p.accion for p in pasos]
    assert all(p.hasta == at("2026-03-17T12:00:00-06:00") for p in pasos)


# --- evaluation over time --------------------------------------------------------------------


def test_a_complete_file_evaluated_in_2030_without_history_is_never_plain_cumple(
        cer: residencias.Convocatoria) -> None:
    e = residencias.load_expediente("examples/expedientes/cer-cardiologia-cumple.yaml")
    d = residencias.evaluate(cer, e, at("2030-01-01T00:00:00-06:00"))
    assert d.resultado.value == "falta_informacion"
    unknown = {h.regla: h for h in d.hallazgos if h.resultado.value == "falta_dato"}
    assert {"proceso-impresion_solicitud", "proceso-envio_a_validacion", "proceso-descarga_ficha",
            "proceso-examen_efiser", "proceso-acepto_sede"} <= set(unknown)
    assert unknown["proceso-envio_a_validacion"].articulo == "4.1 b)"
    assert unknown["proceso-envio_a_validacion"].vence == at("2026-03-13T16:00:00-06:00")


def test_with_a_successful_history_the_evaluation_is_cumple(cer: residencias.Convocatoria) -> None:
    e = residencias.load_expediente("examples/expedientes/cer-neonatologia-pendiente-diploma.yaml")
    h = residencias.load_historia(HISTORIAS / "cer-adscrito-neonatologia.yaml")
    d = residencias.evaluate(cer, e, at("2026-05-05T00:00:00-06:00"), historia=h)
    proceso = next(x for x in d.hallazgos if x.regla == "proceso")
    assert (proceso.resultado.value, proceso.articulo) == ("cumple", "8.2, paso 3; 9")
    assert d.proceso is not None and d.proceso.estatus == "adscrito" and d.proceso.con_historia


def test_a_failed_process_makes_the_evaluation_no_cumple_with_the_deadline_article(
        cer: residencias.Convocatoria) -> None:
    e = residencias.load_expediente("examples/expedientes/cer-cardiologia-cumple.yaml")
    h = residencias.load_historia(HISTORIAS / "cer-ausente-en-el-efiser.yaml")
    d = residencias.evaluate(cer, e, at("2026-04-01T00:00:00-06:00"), historia=h)
    assert d.resultado.value == "no_cumple"
    (fallo,) = [x for x in d.hallazgos if x.resultado.value == "no_cumple"]
    assert (fallo.regla, fallo.articulo) == ("proceso", "5.1; 5.1 D")


def test_a_missing_document_is_pending_until_the_expediente_closes(cer: residencias.Convocatoria) -> None:
    e = residencias.load_expediente("examples/expedientes/cer-cardiologia-cumple.yaml")
    docs = tuple(d for d in e.documentos or () if d.tipo != "CURP")
    sin_curp = attrs.evolve(e, documentos=docs)
    during = residencias.evaluate(cer, sin_curp, at("2026-03-11T12:00:00-06:00"))
    curp = next(h for h in during.hallazgos if h.regla == "cer-3.1-3")
    assert (curp.resultado.value, curp.vence) == ("pendiente", at("2026-03-13T16:00:00-06:00"))
    assert curp.articulo.endswith("; 3")
    after = residencias.evaluate(cer, sin_curp, at("2026-03-13T16:00:01-06:00"))
    curp = next(h for h in after.hallazgos if h.regla == "cer-3.1-3")
    assert curp.resultado.value == "no_cumple" and "venció el plazo" in curp.razon


def test_before_publication_the_evaluation_says_so(cer: residencias.Convocatoria) -> None:
    e = residencias.load_expediente("examples/expedientes/cer-cardiologia-cumple.yaml")
    d = residencias.evaluate(cer, e, at("2026-02-01T00:00:00-06:00"))
    first = d.hallazgos[0]
    assert (first.regla, first.resultado.value) == ("proceso-publicacion", "pendiente")
    assert first.vence == cer.publicacion.fecha_hora


# --- diagram, ICS, CLI -------------------------------------------------------------------------


def test_the_diagram_has_every_status_and_labels_every_transition_with_its_article(
        cer: residencias.Convocatoria) -> None:
    text = to_mermaid(cer)
    assert text.startswith("stateDiagram-v2\n")
    assert cer.proceso is not None
    for e in cer.proceso.estatus:
        assert f" as {e.id}\n" in text
        assert (f"    {e.id} --> [*]\n" in text) == e.terminal
    assert "    sin_registro --> registrado : registro (2.1)\n" in text
    assert "    con_ficha --> fuera_del_concurso : vence sin_efiser (5.1, 5.1 D)\n" in text
    assert to_mermaid(cer) == text


def test_the_persons_ics_is_stable_and_carries_the_deadline(cer: residencias.Convocatoria) -> None:
    h = residencias.load_historia(HISTORIAS / "cer-ausente-en-el-efiser.yaml")
    pasos = siguientes_pasos(cer, h, at("2026-03-20T00:00:00-06:00"))
    data = pasos_a_ics(cer, h, pasos)
    assert data == pasos_a_ics(cer, h, siguientes_pasos(cer, h, at("2026-03-20T00:00:00-06:00")))
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    efiser = next(e for e in events if "EFISER" in str(e["SUMMARY"]))
    assert str(efiser["UID"]) == "imss-cer-2026-2027.aspirante.examen_efiser@residencias"
    assert "5.1; 5.1 D" in str(efiser["DESCRIPTION"])


def test_cli_pasos_text_json_ics_and_exit_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = str(HISTORIAS / "cer-ausente-en-el-efiser.yaml")
    assert main(["pasos", CER, path, "--en", "2026-03-26T12:00:00-06:00"]) == 0
    out = capsys.readouterr().out
    assert "Lo que debe hacer:\n  1. [usted] Presentar el EFISER" in out
    ics = tmp_path / "p.ics"
    assert main(["pasos", CER, path, "--en", "2026-03-28T00:00:00-06:00", "--json", "--ics", str(ics)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["estado"]["estatus"]["id"] == "fuera_del_concurso" and data["terminal"] is True
    assert data["pasos"] == [] and ics.exists()


def test_cli_pasos_refused_history_is_bad_input_with_its_place(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(tmp_path, "  - {accion: registro, instante: 2026-03-14T09:00:00-06:00}\n")
    assert main(["pasos", CER, str(path), "--en", "2026-03-20T00:00:00-06:00"]) == 2
    assert f"{path}:3:5:" in capsys.readouterr().err


def test_cli_flujo_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["flujo", CER]) == 0
    text = capsys.readouterr().out
    assert text.startswith("stateDiagram-v2")
    assert main(["flujo", CER, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["mermaid"].rstrip("\n") == text.rstrip("\n") and "adscrito" in data["estatus"]


def test_cli_evaluar_with_a_history(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["evaluar", CER, "examples/expedientes/cer-neonatologia-pendiente-diploma.yaml",
                 "--en", "2026-05-05T00:00:00-06:00", "--historia",
                 str(HISTORIAS / "cer-adscrito-neonatologia.yaml"), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert data["proceso"]["estatus"] == "adscrito"
    assert code == (0 if data["resultado"] == "cumple" else 1)


def test_lint_reports_the_ban_clash_and_a_broken_lifecycle(tmp_path: Path) -> None:
    found = {o.codigo: o for o in residencias.lint(CER)}
    assert found["veto-de-cinco-anos-contra-futuros-procesos"].lugares == ("1.6 C", "2 D")
    assert not [o for o in found.values() if o.severidad is residencias.Severidad.ERROR]
    text = Path("data/convocatorias/imss-cer-2026-2027.yaml").read_text(encoding="utf-8")
    # Without the deadline of the registration, nothing leads to 'no_registrado'.
    start = text.index("    - id: registro_cerrado\n")
    end = text.index("    - id: sin_solicitud\n")
    broken = tmp_path / "cer.yaml"
    broken.write_text(text[:start] + text[end:], encoding="utf-8")
    errors = {(o.codigo, o.mensaje.split("'")[1]) for o in residencias.lint(broken)
              if o.severidad is residencias.Severidad.ERROR}
    assert errors == {("estatus-inalcanzable", "no_registrado")}


def test_a_status_no_expected_action_leaves_is_found() -> None:
    proceso = Proceso(
        articulo="1", descripcion="d", inicial="a",
        estatus=(Estatus("a", "A", "1", "d"), Estatus("b", "B", "2", "d"),
                 Estatus("c", "C", "3", "d", terminal=True, desenlace=Desenlace.FRACASO)),
        acciones=(AccionProceso("ir", "Ir", "1", Actor.ASPIRANTE, Lugar.PORTAL, (Transicion(("a",), "b"),)),
                  AccionProceso("sancion", "Sanción", "2", Actor.INSTITUCION, Lugar.PORTAL,
                                (Transicion(("b",), "c"),), eventual=True)))
    assert proceso.sin_salida() == ("b",)
    assert proceso.alcanzables() == {"a", "b", "c"}
