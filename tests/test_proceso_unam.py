"""The UNAM processes against their documents: primer ingreso 2026 (000: calendar, instructivo pasos
1 to 10, FAQ 1 to 9 and the flowchart «Proceso de inscripción») and regularización 2025 (001).

Every example history in ``examples/historias/unam-*`` replays to the status its leading comment
names; deadlines fire at their exact instant; refusals cite the article and the event's place.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import residencias
from residencias import Evento, EventoRechazadoError, Historia, Residente
from residencias.cli import main
from residencias.domain.historia import Dato
from residencias.domain.personas import Antecedentes, Nacionalidad
from residencias.domain.proceso import Actor, Desenlace

MX = ZoneInfo("America/Mexico_City")
HISTORIAS = Path(__file__).resolve().parent.parent / "examples" / "historias"
PI = "unam-primer-ingreso-2026"
REG = "unam-regularizacion-2025"

FAQ3 = "Preguntas frecuentes 3; Instructivo, paso 8 a"
FAQ6 = ("Instructivo («Ingresar nombre completo y CURP», nota para residentes extranjeras y extranjeros); "
        "Preguntas frecuentes 6")
IRREGULAR = ("Calendario 2026 (notas); Diagrama «Proceso de inscripción» "
             "(¿Entrega documentación pendiente? NO → Alumna(o) irregular)")
NOTA_REG = "Nota (párrafo final)"


def at(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    assert value.tzinfo is not None
    return value


@pytest.fixture(scope="module")
def pi() -> residencias.Convocatoria:
    return residencias.load_convocatoria(PI)


@pytest.fixture(scope="module")
def reg() -> residencias.Convocatoria:
    return residencias.load_convocatoria(REG)


def historia(name: str) -> Historia:
    return residencias.load_historia(HISTORIAS / name)


def ev(accion: str, instante: str, **datos: Any) -> Evento:
    return Evento(accion, at(instante), tuple(Dato(k, v) for k, v in datos.items()))


MEXICANA = Residente(nacionalidad=Nacionalidad.MEXICANA, curp="PEGA950101MDFRRN09", aceptado_en_sede=True,
                     aval_unam_vigente=True, antecedentes=Antecedentes(sancion_unam=False))

HASTA_CITA = [
    ev("solicitud_osa", "2026-01-05T10:00:00-06:00"),
    ev("cumple_requisitos", "2026-01-08T10:00:00-06:00"),
    ev("registro_en_linea", "2026-01-08T10:30:00-06:00", numero_de_cuenta_provisional="EM2600001"),
    ev("comprobante_de_registro", "2026-01-08T11:00:00-06:00", cita=at("2026-02-10T09:00:00-06:00")),
]


def pi_historia(*eventos: Evento, aspirante: Residente = MEXICANA) -> Historia:
    return Historia(PI, tuple(eventos), aspirante)


def refused(conv: residencias.Convocatoria, base: Historia, evento: Evento) -> EventoRechazadoError:
    with pytest.raises(EventoRechazadoError) as info:
        residencias.registrar(conv, base, evento)
    return info.value


# --- every example history replays ------------------------------------------------------------------

FINALES = [
    ("unam-primer-ingreso-2026-completa.yaml", "2026-03-10T10:00:00-06:00", "inscrito", Desenlace.EXITO),
    ("unam-primer-ingreso-2026-cita-perdida.yaml", "2026-02-12T17:30:01-06:00", "espera_regularizacion",
     Desenlace.FRACASO),
    ("unam-primer-ingreso-2026-carta-poder.json", "2026-02-18T14:00:00-06:00", "inscrito", Desenlace.EXITO),
    ("unam-primer-ingreso-2026-condicionada-irregular.yaml", "2026-08-29T00:00:00-06:00", "alumno_irregular",
     Desenlace.FRACASO),
    ("unam-primer-ingreso-2026-condicionada-completa.yaml", "2026-06-15T12:00:00-06:00", "inscrito",
     Desenlace.EXITO),
    ("unam-primer-ingreso-2026-extranjero-sin-curp.yaml", "2026-01-31T00:00:00-06:00",
     "espera_regularizacion", Desenlace.FRACASO),
    ("unam-regularizacion-2025-dictamen-inscrito.yaml", "2025-10-21T12:00:00-06:00", "inscrito",
     Desenlace.EXITO),
    ("unam-regularizacion-2025-incompleta.json", "2025-11-04T13:00:00-06:00", "no_inscrito",
     Desenlace.FRACASO),
    ("unam-regularizacion-2025-preaprobado.yaml", "2025-10-14T10:00:00-06:00", "inscrito", Desenlace.EXITO),
    ("unam-primer-ingreso-2026-reingreso.yaml", "2026-01-06T10:00:00-06:00", "reingreso", Desenlace.NEUTRO),
    ("unam-primer-ingreso-2026-sancion.yaml", "2026-03-20T10:00:00-06:00", "inscripcion_anulada",
     Desenlace.FRACASO),
    ("unam-primer-ingreso-2026-sancion-antes.yaml", "2026-02-05T10:00:00-06:00", "inscripcion_improcedente",
     Desenlace.FRACASO),
    ("unam-primer-ingreso-2026-sin-verificar-requisitos.yaml", "2026-01-31T00:00:00-06:00",
     "espera_regularizacion", Desenlace.FRACASO),
    ("unam-primer-ingreso-2026-sin-registro-en-linea.yaml", "2026-01-31T00:00:00-06:00",
     "espera_regularizacion", Desenlace.FRACASO),
    ("unam-primer-ingreso-2026-sin-comprobante.yaml", "2026-01-31T00:00:00-06:00",
     "espera_regularizacion", Desenlace.FRACASO),
    ("unam-primer-ingreso-2026-sin-resultado-de-ventanilla.yaml", "2026-02-11T17:30:01-06:00",
     "espera_regularizacion", Desenlace.FRACASO),
    ("unam-primer-ingreso-2026-sin-pago.yaml", "2026-02-28T00:00:00-06:00", "espera_regularizacion",
     Desenlace.FRACASO),
    ("unam-primer-ingreso-2026-sin-comprobante-de-pago.yaml", "2026-02-28T00:00:00-06:00",
     "espera_regularizacion", Desenlace.FRACASO),
    ("unam-regularizacion-2025-sin-registro.yaml", "2025-10-11T00:00:00-06:00", "no_inscrito",
     Desenlace.FRACASO),
    ("unam-regularizacion-2025-sin-cita.yaml", "2025-11-29T00:00:00-06:00", "no_inscrito", Desenlace.FRACASO),
    ("unam-regularizacion-2025-cita-perdida.yaml", "2025-10-21T00:00:00-06:00", "no_inscrito",
     Desenlace.FRACASO),
    ("unam-primer-ingreso-2026-convalidacion.yaml", "2026-03-10T10:00:00-06:00", "inscrito", Desenlace.EXITO),
    ("unam-primer-ingreso-2026-correccion-de-datos.yaml", "2026-03-10T10:00:00-06:00", "inscrito",
     Desenlace.EXITO),
    ("unam-primer-ingreso-2026-carta-de-aceptacion-en-copia.yaml", "2026-02-19T11:00:00-06:00",
     "espera_regularizacion", Desenlace.FRACASO),
    ("unam-regularizacion-2025-dictamen-extemporaneo.yaml", "2025-11-04T12:00:00-06:00", "inscrito",
     Desenlace.EXITO),
    ("unam-regularizacion-2025-equivalencia-de-promedio.json", "2025-10-20T12:00:00-06:00", "inscrito",
     Desenlace.EXITO),
]


@pytest.mark.parametrize(("archivo", "en", "estatus", "desenlace"), FINALES)
def test_cada_historia_de_ejemplo_llega_a_su_estatus(archivo: str, en: str, estatus: str,
                                                      desenlace: Desenlace) -> None:
    h = historia(archivo)
    conv = residencias.load_convocatoria(h.convocatoria)
    e = residencias.estado(conv, h, at(en))
    assert (e.estatus.id, e.desenlace) == (estatus, desenlace)
    assert residencias.siguientes_pasos(conv, h, at(en)) == ()
    assert e.eventos_posteriores == 0


def test_los_ejemplos_cubren_ambas_convocatorias_y_hay_json_de_cada_una() -> None:
    files = sorted(p.name for p in HISTORIAS.glob("unam-*"))
    assert {f for f, *_ in FINALES} == set(files)
    assert any(f.startswith(PI) and f.endswith(".json") for f in files)
    assert any(f.startswith(REG) and f.endswith(".json") for f in files)
    for f in files:
        if f.endswith(".yaml"):
            first = (HISTORIAS / f).read_text(encoding="utf-8").splitlines()[0]
            assert first.startswith("# "), f"{f} empieza con un comentario que dice qué muestra"


# --- the examples of the actions the others do not apply ---------------------------------------------

def test_convalidacion_pedida_con_cita_sigue_en_el_primer_ingreso(pi: residencias.Convocatoria) -> None:
    h = historia("unam-primer-ingreso-2026-convalidacion.yaml")
    en = at("2026-01-20T13:00:00-06:00")
    e = residencias.estado(pi, h, en)
    assert (e.estatus.id, e.consecuencias) == ("con_cita", ())
    convalidacion = e.sucesos[-1]
    assert (convalidacion.origen, convalidacion.estatus_antes, convalidacion.estatus_despues) == (
        "solicitud_convalidacion", "con_cita", "con_cita")
    assert convalidacion.articulo.startswith("Portada («Dirigido a Residentes que»")
    acude = residencias.siguientes_pasos(pi, h, en)[0]
    assert (acude.accion, acude.desde) == ("acude_a_ventanilla", at("2026-02-10T09:00:00-06:00"))
    e = residencias.estado(pi, h, at("2026-03-10T10:00:00-06:00"))
    assert (e.estatus.id, e.desenlace, e.consecuencias) == ("inscrito", Desenlace.EXITO, ())


def test_correccion_de_datos_no_cambia_el_estatus_y_se_inscribe(pi: residencias.Convocatoria) -> None:
    h = historia("unam-primer-ingreso-2026-correccion-de-datos.yaml")
    en = at("2026-01-21T10:00:00-06:00")
    e = residencias.estado(pi, h, en)
    assert (e.estatus.id, e.consecuencias) == ("con_cita", ())
    correccion = e.sucesos[-1]
    assert (correccion.origen, correccion.articulo, correccion.estatus_despues) == (
        "correccion_de_datos", "Preguntas frecuentes 5", "con_cita")
    assert h.eventos[4].dato("dato_correcto") == "Fernández"
    acude = residencias.siguientes_pasos(pi, h, en)[0]
    assert (acude.accion, acude.desde, acude.hasta) == (
        "acude_a_ventanilla", at("2026-02-16T10:00:00-06:00"), at("2026-02-16T17:30:00-06:00"))
    e = residencias.estado(pi, h, at("2026-03-10T10:00:00-06:00"))
    assert (e.estatus.id, e.desenlace, e.consecuencias) == ("inscrito", Desenlace.EXITO, ())


def test_carta_de_aceptacion_en_copia_es_documentacion_incompleta_sin_condicion(
        pi: residencias.Convocatoria) -> None:
    h = historia("unam-primer-ingreso-2026-carta-de-aceptacion-en-copia.yaml")
    en = at("2026-02-18T12:00:00-06:00")
    assert residencias.estado(pi, h, en).estatus.id == "con_cita"
    acude = residencias.siguientes_pasos(pi, h, en)[0]
    assert (acude.accion, acude.desde) == ("acude_a_ventanilla", at("2026-02-19T10:00:00-06:00"))
    e = residencias.estado(pi, h, at("2026-02-19T11:00:00-06:00"))
    assert (e.estatus.id, e.desenlace) == ("espera_regularizacion", Desenlace.FRACASO)
    (c,) = e.consecuencias
    assert (c.origen, c.instante, c.automatica) == (
        "documentacion_incompleta", at("2026-02-19T10:30:00-06:00"), False)
    assert c.articulo.startswith("Instructivo, paso 8 c; Calendario 2026 (notas")
    assert "esperar al período de regularización 2026" in c.descripcion


def test_dictamen_extemporaneo_pedido_por_el_enlace_general_y_luego_inscrita(
        reg: residencias.Convocatoria) -> None:
    h = historia("unam-regularizacion-2025-dictamen-extemporaneo.yaml")
    en = at("2025-09-20T10:00:00-06:00")
    e = residencias.estado(reg, h, en)
    assert (e.estatus.id, e.consecuencias) == ("registrado", ())
    solicitud = e.sucesos[0]
    assert (solicitud.origen, solicitud.estatus_antes, solicitud.estatus_despues) == (
        "solicitud_dictamen", "sin_registro", "sin_registro")
    assert solicitud.articulo.startswith("Nota («Dictamen de Autorización de Inscripción Extemporánea")
    pasos = residencias.siguientes_pasos(reg, h, en)
    correo = next(p for p in pasos if p.accion == "correo_autorizacion")
    assert correo.hasta == at("2025-09-30T00:00:00-06:00") and not correo.incluye_hasta
    assert not any(p.accion.startswith("solicitud_dictamen") for p in pasos)  # once, and already asked
    e = residencias.estado(reg, h, at("2025-11-04T12:00:00-06:00"))
    assert (e.estatus.id, e.desenlace, e.consecuencias) == ("inscrito", Desenlace.EXITO, ())
    assert e.realizadas == ("solicitud_dictamen", "registro", "correo_autorizacion", "agenda_cita",
                            "dictamen_obtenido", "entrega_documentacion_completa")


def test_equivalencia_de_promedio_antes_del_registro_y_luego_inscrito(reg: residencias.Convocatoria) -> None:
    h = historia("unam-regularizacion-2025-equivalencia-de-promedio.json")
    en = at("2025-09-12T10:00:00-06:00")
    e = residencias.estado(reg, h, en)
    assert (e.estatus.id, e.consecuencias) == ("registrado", ())
    equivalencia = e.sucesos[0]
    assert (equivalencia.origen, equivalencia.estatus_despues) == (
        "solicitud_equivalencia_promedio", "sin_registro")
    assert equivalencia.articulo.startswith("Nota («Residentes con estudios en el extranjero")
    correo = next(p for p in residencias.siguientes_pasos(reg, h, en) if p.accion == "correo_autorizacion")
    assert correo.hasta == at("2025-09-24T00:00:00-06:00")
    e = residencias.estado(reg, h, at("2025-10-20T12:00:00-06:00"))
    assert (e.estatus.id, e.desenlace, e.consecuencias) == ("inscrito", Desenlace.EXITO, ())
    assert e.realizadas[0] == "solicitud_equivalencia_promedio"


# --- primer ingreso: the complete enrollment ----------------------------------------------------------

def test_completa_orden_sellada_sigue_el_pago_en_cajas(pi: residencias.Convocatoria) -> None:
    h = historia("unam-primer-ingreso-2026-completa.yaml")
    e = residencias.estado(pi, h, at("2026-02-10T10:00:00-06:00"))
    assert e.estatus.id == "orden_de_pago_sellada"
    assert e.realizadas == ("solicitud_osa", "cumple_requisitos", "registro_en_linea",
                            "comprobante_de_registro", "acude_a_ventanilla", "documentacion_completa")
    pasos = residencias.siguientes_pasos(pi, h, at("2026-02-10T10:00:00-06:00"))
    pago = pasos[0]
    assert (pago.accion, pago.actor, pago.donde_detalle) == (
        "pago", Actor.ASPIRANTE, "cajas de la Facultad de Medicina, 2º piso del edificio B")
    assert pago.articulo.startswith("Calendario 2026, paso 2")
    # «4 al 27 de febrero de 2026»: closes at the end of the 27th at the latest
    assert pago.hasta is not None
    assert at("2026-02-27T00:00:00-06:00") < pago.hasta <= at("2026-02-28T00:00:00-06:00")
    assert pago.articulo_si_no == "Calendario 2026, pasos 2 y 3; Instructivo, paso 9"
    assert "espera la regularización 2026" in (pago.si_no or "")


def test_completa_termina_inscrita_y_el_correo_da_la_cuenta_definitiva(pi: residencias.Convocatoria) -> None:
    h = historia("unam-primer-ingreso-2026-completa.yaml")
    e = residencias.estado(pi, h, at("2026-03-10T10:00:00-06:00"))
    assert e.estatus.nombre == "Inscrita(o): comprobante de inscripción (Fin del proceso)"
    assert "Instructivo, paso 10" in e.estatus.articulo
    correo = e.sucesos[-1]
    assert (correo.origen, correo.estatus_antes, correo.estatus_despues) == (
        "correo_de_inscripcion", "inscrito", "inscrito")
    assert correo.articulo.startswith("Instructivo, paso 5")
    assert h.eventos[2].dato("numero_de_cuenta_provisional") == "EM2600123"
    assert h.eventos[-1].dato("numero_de_cuenta_definitivo") == "326012345"
    repetido = refused(pi, h, ev("correo_de_inscripcion", "2026-03-03T10:00:00-06:00",
                                 numero_de_cuenta_definitivo="326012345"))
    assert "una única vez" in repetido.mensaje and repetido.articulo.startswith("Instructivo, paso 5")


def test_pago_antes_de_la_orden_sellada_se_rechaza(pi: residencias.Convocatoria) -> None:
    base = pi_historia(*HASTA_CITA, ev("acude_a_ventanilla", "2026-02-10T09:00:00-06:00"))
    error = refused(pi, base, ev("pago", "2026-02-10T09:30:00-06:00"))
    assert "con el estatus «Acude a ventanilla: revisión documental» no se puede" in error.mensaje
    assert error.articulo.startswith("Calendario 2026, paso 2; Instructivo, paso 9, punto 1")


def test_comprobante_de_inscripcion_fuera_del_horario_de_ventanilla(pi: residencias.Convocatoria) -> None:
    base = pi_historia(*HASTA_CITA, ev("acude_a_ventanilla", "2026-02-10T09:00:00-06:00"),
                       ev("documentacion_completa", "2026-02-10T09:20:00-06:00"),
                       ev("pago", "2026-02-10T10:00:00-06:00"))
    error = refused(pi, base, ev("entrega_comprobante_de_pago", "2026-02-10T17:31:00-06:00"))
    assert "fuera de su ventana" in error.mensaje and "09:00 a 17:30" in error.mensaje
    assert error.articulo == "Calendario 2026, paso 3; Instructivo, paso 10"
    ok = residencias.registrar(pi, base, ev("entrega_comprobante_de_pago", "2026-02-10T17:30:00-06:00"))
    assert residencias.estado(pi, ok, at("2026-02-10T17:30:00-06:00")).estatus.id == "inscrito"


# --- primer ingreso: requirements and registration ----------------------------------------------------

def test_sin_eventos_el_cierre_del_registro_es_cumple_requisitos_no(pi: residencias.Convocatoria) -> None:
    h = pi_historia()
    antes = residencias.estado(pi, h, at("2026-01-30T23:59:59-06:00"))
    assert antes.estatus.id == "verificacion_de_requisitos"
    pasos = residencias.siguientes_pasos(pi, h, at("2026-01-20T10:00:00-06:00"))
    plazo = next(p for p in pasos if p.accion == "sin_requisitos")
    assert (plazo.hasta, plazo.incluye_hasta) == (at("2026-01-31T00:00:00-06:00"), False)
    assert plazo.articulo_si_no == ("Diagrama «Proceso de inscripción» (¿Cumple requisitos? NO); "
                                    "Calendario 2026 (notas)")
    assert not any(p.accion == "extranjero_sin_curp" for p in pasos)
    despues = residencias.estado(pi, h, at("2026-01-31T00:00:00-06:00"))
    assert despues.estatus.id == "espera_regularizacion"
    (c,) = despues.consecuencias
    assert (c.origen, c.instante, c.automatica) == ("sin_requisitos", at("2026-01-31T00:00:00-06:00"), True)
    assert c.supuesto is not None and "perdió sus flechas" in c.supuesto


def test_verificar_requisitos_exige_antes_el_osa(pi: residencias.Convocatoria) -> None:
    error = refused(pi, pi_historia(), ev("cumple_requisitos", "2026-01-08T10:00:00-06:00"))
    assert "antes hay que «Solicitar ante la División de Estudios de Posgrado el Oficio" in error.mensaje
    assert error.articulo.startswith("Requisitos obligatorios; Diagrama «Proceso de inscripción» "
                                     "(Verificación de requisitos → ¿Cumple requisitos? SÍ)")


def test_sin_aval_vigente_no_cumple_requisitos(pi: residencias.Convocatoria) -> None:
    sin_aval = attrs.evolve(MEXICANA, aval_unam_vigente=False)
    base = pi_historia(ev("solicitud_osa", "2026-01-05T10:00:00-06:00"), aspirante=sin_aval)
    error = refused(pi, base, ev("cumple_requisitos", "2026-01-08T10:00:00-06:00"))
    assert "no aplica a su caso" in error.mensaje and "aval_unam_vigente" in error.mensaje


def test_mexicana_con_requisitos_debe_registrarse_y_se_le_anuncia_su_consecuencia(
        pi: residencias.Convocatoria) -> None:
    h = pi_historia(*HASTA_CITA[:2])
    pasos = residencias.siguientes_pasos(pi, h, at("2026-01-10T10:00:00-06:00"))
    registro = pasos[0]
    assert registro.accion == "registro_en_linea" and registro.obligatorio
    assert (registro.hasta, registro.incluye_hasta) == (at("2026-01-31T00:00:00-06:00"), False)
    assert registro.articulo == "Calendario 2026, paso 1; Instructivo, paso 2"
    # the general consequence, not the one for foreigners without CURP
    assert (registro.articulo_si_no or "").startswith("Calendario 2026, paso 1; Diagrama")
    assert not any(p.accion == "extranjero_sin_curp" for p in pasos)


@pytest.mark.parametrize(("instante", "dentro"), [
    ("2026-01-06T23:59:59-06:00", False),
    ("2026-01-07T00:00:00-06:00", True),
    ("2026-01-30T23:59:59-06:00", True),
    ("2026-01-31T00:00:00-06:00", False),
])
def test_registro_en_linea_del_7_al_30_de_enero(pi: residencias.Convocatoria, instante: str,
                                                dentro: bool) -> None:
    base = pi_historia(ev("solicitud_osa", "2026-01-02T10:00:00-06:00"),
                       ev("cumple_requisitos", "2026-01-02T11:00:00-06:00"))
    evento = ev("registro_en_linea", instante)
    if dentro:
        assert residencias.registrar(pi, base, evento).eventos[-1] == evento
    else:
        error = refused(pi, base, evento)
        assert error.articulo.startswith("Calendario 2026, paso 1")
        assert "fuera de su ventana" in error.mensaje or "ya terminó" in error.mensaje


def test_sin_comprobante_ni_cita_al_cierre_del_registro(pi: residencias.Convocatoria) -> None:
    h = pi_historia(*HASTA_CITA[:3])
    assert residencias.estado(pi, h, at("2026-01-30T23:59:59-06:00")).estatus.id == "registro_iniciado"
    e = residencias.estado(pi, h, at("2026-01-31T00:00:00-06:00"))
    assert e.estatus.id == "espera_regularizacion"
    assert e.consecuencias[-1].origen == "sin_comprobante_ni_cita"
    assert "¿Generó comprobante de registro y cita? NO" in e.consecuencias[-1].articulo


def test_el_comprobante_lleva_la_cita_y_solo_datos_conocidos(pi: residencias.Convocatoria) -> None:
    base = pi_historia(*HASTA_CITA[:3])
    sin_cita = refused(pi, base, ev("comprobante_de_registro", "2026-01-08T11:00:00-06:00", folio="7"))
    assert "falta el dato obligatorio 'cita'" in sin_cita.mensaje
    assert sin_cita.articulo == "Instructivo, paso 7; Calendario 2026, paso 2"
    desconocido = refused(pi, base, ev("comprobante_de_registro", "2026-01-08T11:00:00-06:00",
                                       cita=at("2026-02-10T09:00:00-06:00"), citta="x"))
    assert "dato desconocido 'citta'" in desconocido.mensaje and "cita" in desconocido.mensaje
    naive = refused(pi, base, ev("comprobante_de_registro", "2026-01-08T11:00:00-06:00",
                                 cita="2026-02-10T09:00"))
    assert "una fecha y hora con desfase UTC" in naive.mensaje


# --- primer ingreso: the appointment ---------------------------------------------------------------

def test_cita_perdida_al_cierre_de_ventanillas_de_ese_dia(pi: residencias.Convocatoria) -> None:
    h = historia("unam-primer-ingreso-2026-cita-perdida.yaml")
    (acude, representante) = [p for p in residencias.siguientes_pasos(pi, h, at("2026-02-01T10:00:00-06:00"))
                              if p.actor is Actor.ASPIRANTE]
    assert acude.accion == "acude_a_ventanilla" and acude.obligatorio
    assert (acude.desde, acude.hasta, acude.incluye_hasta) == (
        at("2026-02-12T11:30:00-06:00"), at("2026-02-12T17:30:00-06:00"), True)
    assert (acude.si_no or "").startswith("no se presentó en la fecha y hora de su cita")
    assert acude.articulo_si_no == FAQ3
    assert representante.accion == "acude_por_representante" and not representante.obligatorio
    assert residencias.estado(pi, h, at("2026-02-12T17:29:59-06:00")).estatus.id == "con_cita"
    assert residencias.estado(pi, h, at("2026-02-12T17:30:00-06:00")).estatus.id == "con_cita"
    e = residencias.estado(pi, h, at("2026-02-12T17:30:01-06:00"))
    assert e.estatus.id == "espera_regularizacion"
    (c,) = e.consecuencias
    assert (c.origen, c.instante, c.articulo) == (
        "sin_acudir_a_la_cita", at("2026-02-12T17:30:00-06:00"), FAQ3)


@pytest.mark.parametrize(("instante", "motivo"), [
    ("2026-02-12T11:29:59-06:00", "fuera de su ventana (su cita: 2026-02-12 11:30"),
    ("2026-02-11T11:30:00-06:00", "fuera de su ventana (su cita: 2026-02-12 11:30"),
    ("2026-02-12T17:30:01-06:00", "fuera de su ventana (su cita: 2026-02-12 11:30"),
    ("2026-02-13T11:30:00-06:00", "fuera de su ventana (su cita: 2026-02-12 11:30"),
])
def test_sin_cita_o_fuera_de_su_horario_no_se_hace_el_tramite(pi: residencias.Convocatoria, instante: str,
                                                               motivo: str) -> None:
    h = historia("unam-primer-ingreso-2026-cita-perdida.yaml")
    error = refused(pi, h, ev("acude_a_ventanilla", instante))
    assert motivo in error.mensaje
    assert error.articulo.startswith("Calendario 2026, paso 2")


def test_representante_con_carta_poder(pi: residencias.Convocatoria) -> None:
    h = historia("unam-primer-ingreso-2026-carta-poder.json")
    assert h.eventos[3].dato("cita") == "2026-02-17T10:00:00-06:00"  # JSON: ISO text, typed on replay
    e = residencias.estado(pi, h, at("2026-02-17T10:30:00-06:00"))
    assert e.estatus.id == "en_revision_documental"
    assert e.sucesos[-1].origen == "acude_por_representante"
    assert h.eventos[4].dato("representante") == "Jorge Torres Méndez"
    (revision,) = [p for p in residencias.siguientes_pasos(pi, h, at("2026-02-17T10:30:00-06:00"))
                   if p.actor is Actor.INSTITUCION]
    assert (revision.accion, revision.hasta) == ("documentacion_completa", at("2026-02-17T17:30:00-06:00"))


def test_representante_sin_carta_poder_no_hace_el_tramite(pi: residencias.Convocatoria) -> None:
    base = pi_historia(*HASTA_CITA)
    error = refused(pi, base, ev("acude_por_representante", "2026-02-10T09:00:00-06:00",
                                 representante="Jorge", copia_identificacion_representante=True,
                                 copia_identificacion_residente=True))
    assert "falta el dato obligatorio 'carta_poder_simple'" in error.mensaje
    assert error.articulo == "Preguntas frecuentes 2"


def test_revision_sin_resultado_al_cierre_del_dia_aplica_el_paso_8_c(pi: residencias.Convocatoria) -> None:
    h = pi_historia(*HASTA_CITA, ev("acude_a_ventanilla", "2026-02-10T09:10:00-06:00"))
    assert residencias.estado(pi, h, at("2026-02-10T17:30:00-06:00")).estatus.id == "en_revision_documental"
    e = residencias.estado(pi, h, at("2026-02-10T17:30:01-06:00"))
    assert (e.estatus.id, e.consecuencias[-1].articulo) == (
        "espera_regularizacion", "Instructivo, paso 8 b y c")


def test_documentacion_incompleta_sin_condicion_espera_la_regularizacion(
        pi: residencias.Convocatoria) -> None:
    h = pi_historia(*HASTA_CITA, ev("acude_a_ventanilla", "2026-02-10T09:10:00-06:00"),
                    ev("documentacion_incompleta", "2026-02-10T09:30:00-06:00", documentos_faltantes="OSA"))
    e = residencias.estado(pi, h, at("2026-02-10T09:31:00-06:00"))
    assert e.estatus.id == "espera_regularizacion"
    c = e.consecuencias[-1]
    assert not c.automatica
    assert c.descripcion == ("«De no contar con la documentación completa tendrá que esperar al período de "
                             "regularización 2026»")
    assert c.articulo.startswith("Instructivo, paso 8 c")
    assert c.supuesto is not None and "¿Inscripción condicionada? NO" in c.supuesto


# --- primer ingreso: conditional enrollment ----------------------------------------------------------

def test_condicionada_debe_entregar_los_pendientes_a_mas_tardar_el_28_de_agosto(
        pi: residencias.Convocatoria) -> None:
    h = historia("unam-primer-ingreso-2026-condicionada-irregular.yaml")
    e = residencias.estado(pi, h, at("2026-03-01T10:00:00-06:00"))
    assert e.estatus.id == "inscrito_condicionado"
    condicion = e.consecuencias[0]
    assert (condicion.origen, condicion.automatica) == ("inscripcion_condicionada", False)
    assert "a más tardar el 28 de agosto de 2026" in condicion.descripcion
    pasos = residencias.siguientes_pasos(pi, h, at("2026-03-01T10:00:00-06:00"))
    pendientes = pasos[0]
    assert pendientes.accion == "entrega_documentos_pendientes" and pendientes.obligatorio
    assert (pendientes.hasta, pendientes.incluye_hasta) == (at("2026-08-29T00:00:00-06:00"), False)
    assert pendientes.articulo_si_no == IRREGULAR
    assert [p.accion for p in pasos if p.actor is Actor.INSTITUCION] == ["correo_de_inscripcion"]


def test_condicionada_sin_pendientes_es_alumna_irregular_al_vencer(pi: residencias.Convocatoria) -> None:
    h = historia("unam-primer-ingreso-2026-condicionada-irregular.yaml")
    assert residencias.estado(pi, h, at("2026-08-28T23:59:59-06:00")).estatus.id == "inscrito_condicionado"
    e = residencias.estado(pi, h, at("2026-08-29T00:00:00-06:00"))
    assert e.estatus.nombre == "Alumna(o) irregular (¿Entrega documentación pendiente? NO)"
    c = e.consecuencias[-1]
    assert (c.origen, c.instante, c.articulo) == (
        "sin_documentos_pendientes", at("2026-08-29T00:00:00-06:00"), IRREGULAR)


@pytest.mark.parametrize(("instante", "dentro"), [
    ("2026-08-28T17:30:00-06:00", True),   # viernes, cierre de ventanilla incluido (pregunta frecuente 9)
    ("2026-08-28T17:30:01-06:00", False),
    ("2026-08-22T10:00:00-06:00", False),  # sábado
    ("2026-08-29T10:00:00-06:00", False),  # ya es alumna irregular
])
def test_pendientes_sin_cita_en_horario_de_ventanilla(pi: residencias.Convocatoria, instante: str,
                                                      dentro: bool) -> None:
    h = historia("unam-primer-ingreso-2026-condicionada-irregular.yaml")
    evento = ev("entrega_documentos_pendientes", instante)
    if dentro:
        nueva = residencias.registrar(pi, h, evento)
        assert residencias.estado(pi, nueva, at("2026-09-01T00:00:00-06:00")).estatus.id == "inscrito"
    else:
        error = refused(pi, h, evento)
        assert error.articulo.startswith("Calendario 2026 (notas)") or "ya terminó" in error.mensaje


def test_condicionada_completa_a_tiempo(pi: residencias.Convocatoria) -> None:
    h = historia("unam-primer-ingreso-2026-condicionada-completa.yaml")
    assert residencias.estado(pi, h, at("2026-06-15T09:59:59-06:00")).estatus.id == "inscrito_condicionado"
    e = residencias.estado(pi, h, at("2026-06-15T10:00:00-06:00"))
    assert e.estatus.id == "inscrito" and e.desenlace is Desenlace.EXITO
    assert e.sucesos[-1].articulo.startswith("Calendario 2026 (notas); Preguntas frecuentes 9")


# --- primer ingreso: foreigners without CURP, REINGRESO, sanction, corrections -----------------------

def test_extranjera_sin_curp_no_puede_registrarse(pi: residencias.Convocatoria) -> None:
    h = historia("unam-primer-ingreso-2026-extranjero-sin-curp.yaml")
    error = refused(pi, h, ev("registro_en_linea", "2026-01-15T10:00:00-06:00"))
    assert "no aplica a su caso" in error.mensaje and "aspirante.curp" in error.mensaje
    assert error.articulo.startswith("Calendario 2026, paso 1; Instructivo, pasos 2 a 6")
    pasos = residencias.siguientes_pasos(pi, h, at("2026-01-15T10:00:00-06:00"))
    assert not any(p.accion == "registro_en_linea" for p in pasos)
    (plazo,) = [p for p in pasos if p.obligatorio]
    assert (plazo.accion, plazo.hasta, plazo.articulo_si_no) == (
        "extranjero_sin_curp", at("2026-01-31T00:00:00-06:00"), FAQ6)
    assert residencias.estado(pi, h, at("2026-01-30T23:59:59-06:00")).estatus.id == "requisitos_cumplidos"
    e = residencias.estado(pi, h, at("2026-01-31T00:00:00-06:00"))
    assert e.estatus.id == "espera_regularizacion"
    (c,) = e.consecuencias
    assert (c.origen, c.articulo) == ("extranjero_sin_curp", FAQ6)
    assert "período de regularización 2026" in c.descripcion


def test_extranjera_con_curp_si_se_registra(pi: residencias.Convocatoria) -> None:
    h = historia("unam-primer-ingreso-2026-extranjero-sin-curp.yaml")
    con_curp = attrs.evolve(h, aspirante=attrs.evolve(h.aspirante, curp="GORV950101MNEMSL09"))
    nueva = residencias.registrar(pi, con_curp, ev("registro_en_linea", "2026-01-15T10:00:00-06:00"))
    assert residencias.estado(pi, nueva, at("2026-01-15T10:00:00-06:00")).estatus.id == "registro_iniciado"


def test_nacionalidad_desconocida_sin_curp_se_admite_con_incertidumbre(pi: residencias.Convocatoria) -> None:
    h = pi_historia(*HASTA_CITA[:3], aspirante=attrs.evolve(MEXICANA, nacionalidad=None, curp=None))
    e = residencias.estado(pi, h, at("2026-01-09T10:00:00-06:00"))
    assert e.estatus.id == "registro_iniciado"
    assert any("aspirante.curp" in i for i in e.incertidumbres)


def test_reingreso_sale_al_instructivo_de_reingreso(pi: residencias.Convocatoria) -> None:
    exalumna = attrs.evolve(MEXICANA, ultimo_periodo_inscrito=2022, numero_cuenta_unam="309112233")
    h = pi_historia(aspirante=exalumna)
    (paso,) = [p for p in residencias.siguientes_pasos(pi, h, at("2026-01-05T10:00:00-06:00"))
               if p.accion == "remision_a_reingreso"]
    assert paso.articulo == "Portada («NOTA IMPORTANTE»)"
    salida = residencias.registrar(pi, h, ev("remision_a_reingreso", "2026-01-05T10:00:00-06:00"))
    e = residencias.estado(pi, salida, at("2026-01-05T10:00:00-06:00"))
    assert (e.estatus.id, e.desenlace) == ("reingreso", Desenlace.NEUTRO)
    error = refused(pi, pi_historia(), ev("remision_a_reingreso", "2026-01-05T10:00:00-06:00"))
    assert "no aplica a su caso" in error.mensaje


def test_sancion_impide_o_anula_la_inscripcion(pi: residencias.Convocatoria) -> None:
    antes = residencias.registrar(pi, pi_historia(*HASTA_CITA), ev("sancion", "2026-01-20T10:00:00-06:00"))
    e = residencias.estado(pi, antes, at("2026-01-20T10:00:00-06:00"))
    assert e.estatus.id == "inscripcion_improcedente"
    assert e.consecuencias[-1].articulo.startswith("Requisitos obligatorios (sin sanción")
    inscrita = historia("unam-primer-ingreso-2026-completa.yaml")
    anulada = residencias.registrar(pi, inscrita, ev("sancion", "2026-04-01T10:00:00-06:00",
                                                     motivo="suspensión"))
    e = residencias.estado(pi, anulada, at("2026-04-01T10:00:00-06:00"))
    assert (e.estatus.id, e.desenlace) == ("inscripcion_anulada", Desenlace.FRACASO)
    assert "se anulará la inscripción" in e.consecuencias[-1].descripcion
    # a sanction is eventual: never proposed as a next step
    assert not any(p.accion == "sancion" for p in residencias.siguientes_pasos(
        pi, pi_historia(*HASTA_CITA), at("2026-01-20T10:00:00-06:00")))


def test_correccion_de_datos_por_correo_despues_del_registro(pi: residencias.Convocatoria) -> None:
    base = pi_historia(*HASTA_CITA)
    h = residencias.registrar(pi, base, ev("correccion_de_datos", "2026-01-09T10:00:00-06:00",
                                           error="segundo apellido", dato_correcto="García"))
    assert residencias.estado(pi, h, at("2026-01-09T10:00:00-06:00")).estatus.id == "con_cita"
    falta = refused(pi, base, ev("correccion_de_datos", "2026-01-09T10:00:00-06:00", error="apellido"))
    assert "falta el dato obligatorio 'dato_correcto'" in falta.mensaje
    assert falta.articulo == "Preguntas frecuentes 5"
    temprano = refused(pi, pi_historia(*HASTA_CITA[:3]),
                       ev("correccion_de_datos", "2026-01-08T10:40:00-06:00", error="a", dato_correcto="b"))
    assert "con el estatus «Registro en línea iniciado" in temprano.mensaje


# --- primer ingreso: refusals point at the file ------------------------------------------------------

def test_rechazo_senala_linea_y_columna_del_evento(pi: residencias.Convocatoria, tmp_path: Path) -> None:
    texto = (HISTORIAS / "unam-primer-ingreso-2026-cita-perdida.yaml").read_text(encoding="utf-8")
    texto += "  - accion: pago\n    instante: 2026-02-12T12:00:00-06:00\n"
    archivo = tmp_path / "h.yaml"
    archivo.write_text(texto, encoding="utf-8")
    line = len(texto.splitlines()) - 1
    with pytest.raises(EventoRechazadoError) as info:
        residencias.estado(pi, residencias.load_historia(archivo), at("2026-02-13T00:00:00-06:00"))
    assert str(info.value).startswith(f"{archivo}:{line}:5: evento 5 (pago): con el estatus «Con comprobante")
    assert info.value.articulo.startswith("Calendario 2026, paso 2; Instructivo, paso 9")


def test_historia_json_con_instante_sin_desfase_no_carga(tmp_path: Path) -> None:
    data = json.loads((HISTORIAS / "unam-primer-ingreso-2026-carta-poder.json").read_text(encoding="utf-8"))
    data["eventos"][0]["instante"] = "2025-12-01T10:00:00"
    archivo = tmp_path / "h.json"
    archivo.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(residencias.ResidenciasError) as info:
        residencias.load_historia(archivo)
    assert str(archivo) in str(info.value)


# --- primer ingreso: the flowchart ----------------------------------------------------------------

DIAGRAMA = ["Verificación de requisitos", "¿Cumple requisitos? SÍ", "¿Cumple requisitos? NO",
            "Registro en línea",
            "¿Generó comprobante de registro y cita? SÍ", "¿Generó comprobante de registro y cita? NO",
            "Acude a ventanilla", "¿Documentación completa? SÍ", "¿Documentación completa? NO",
            "¿Inscripción condicionada? SÍ", "¿Inscripción condicionada? NO", "Realiza pago",
            "Comprobante de inscripción", "¿Entrega documentación pendiente? SÍ",
            "¿Entrega documentación pendiente? NO", "Alumna(o) irregular", "Espera la regularización",
            "Fin del proceso"]


@pytest.mark.parametrize("caja", DIAGRAMA)
def test_el_flujo_dibuja_cada_caja_y_decision_del_diagrama(pi: residencias.Convocatoria, caja: str) -> None:
    assert caja in residencias.to_mermaid(pi)


def test_cada_estatus_se_alcanza_y_cada_no_terminal_tiene_salida_en_el_tiempo(
        pi: residencias.Convocatoria, reg: residencias.Convocatoria) -> None:
    for conv in (pi, reg):
        proceso = conv.proceso
        assert proceso is not None
        edges: dict[str, set[str]] = {}
        for accion in proceso.acciones:
            for t in accion.transiciones:
                for desde in t.desde:
                    edges.setdefault(desde, set()).add(t.hacia or desde)
        for v in proceso.vencimientos:
            for desde in v.si_estatus:
                edges.setdefault(desde, set()).add(v.hacia)
        seen, todo = {proceso.inicial}, [proceso.inicial]
        while todo:
            for nxt in edges.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        assert seen == {e.id for e in proceso.estatus}, conv.id
        timed = {s for v in proceso.vencimientos for s in v.si_estatus}
        assert {e.id for e in proceso.estatus if not e.terminal} <= timed, conv.id


def test_cli_flujo_y_pasos(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["flujo", PI]) == 0
    out = capsys.readouterr().out
    assert out.startswith("stateDiagram-v2") and "¿Documentación completa? NO" in out
    archivo = str(HISTORIAS / "unam-primer-ingreso-2026-cita-perdida.yaml")
    assert main(["pasos", PI, archivo, "--en", "2026-02-12T17:30:01-06:00"]) == 1
    assert "Espera la regularización 2026" in capsys.readouterr().out
    assert main(["pasos", PI, str(HISTORIAS / "unam-primer-ingreso-2026-completa.yaml"), "--en",
                 "2026-03-10T10:00:00-06:00", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["estado"]["estatus"]["id"] == "inscrito" and data["pasos"] == []


def test_evaluar_con_historia_de_alumna_irregular(pi: residencias.Convocatoria) -> None:
    h = historia("unam-primer-ingreso-2026-condicionada-irregular.yaml")
    expediente = residencias.Expediente(PI, h.aspirante)
    dictamen = residencias.evaluate(pi, expediente, at("2026-09-01T10:00:00-06:00"), h)
    assert dictamen.proceso is not None and dictamen.proceso.estatus == "alumno_irregular"
    (hallazgo,) = [x for x in dictamen.hallazgos if x.regla == "proceso"]
    assert (hallazgo.resultado, hallazgo.articulo) == (residencias.Resultado.NO_CUMPLE, IRREGULAR)


# --- regularización 2025 ----------------------------------------------------------------------------

def reg_historia(*eventos: Evento, **hechos: Any) -> Historia:
    return Historia(REG, tuple(eventos), Residente(**hechos))


def test_dictamen_espera_el_correo_hasta_dos_semanas_desde_su_registro(reg: residencias.Convocatoria) -> None:
    h = historia("unam-regularizacion-2025-dictamen-inscrito.yaml")
    e = residencias.estado(reg, h, at("2025-09-15T10:00:00-06:00"))
    assert e.estatus.id == "registrado"
    pasos = residencias.siguientes_pasos(reg, h, at("2025-09-15T10:00:00-06:00"))
    correo = next(p for p in pasos if p.accion == "correo_autorizacion")
    assert (correo.actor, correo.hasta, correo.incluye_hasta, correo.articulo) == (
        Actor.INSTITUCION, at("2025-09-25T00:00:00-06:00"), False, "Paso 2 Ingresa al sistema")
    cierre = next(p for p in pasos if p.accion == "sin_cita_al_cierre")
    assert (cierre.hasta, cierre.articulo_si_no) == (at("2025-11-29T00:00:00-06:00"),
                                                     "Paso 3 Entrega de documentos; Nota (párrafo final)")
    # Medicina Familiar asked by e-mail already (una vez); the general request does not apply to her
    assert not any(p.accion.startswith("solicitud_dictamen") for p in pasos)
    assert [p.accion for p in pasos if p.actor is Actor.INSTITUCION][-1] == "dictamen_obtenido"


def test_dictamen_inscrita_en_su_cita(reg: residencias.Convocatoria) -> None:
    h = historia("unam-regularizacion-2025-dictamen-inscrito.yaml")
    pasos = residencias.siguientes_pasos(reg, h, at("2025-10-20T10:00:00-06:00"))
    entrega = pasos[0]
    assert entrega.accion == "entrega_documentacion_completa" and entrega.obligatorio
    assert (entrega.desde, entrega.hasta) == (
        at("2025-10-21T10:00:00-06:00"), at("2025-10-21T23:59:59-06:00"))
    assert entrega.articulo_si_no == "Paso 2 Ingresa al sistema; Nota (párrafo final)"
    e = residencias.estado(reg, h, at("2025-10-21T12:00:00-06:00"))
    assert e.realizadas == ("solicitud_dictamen_medicina_familiar", "registro", "correo_autorizacion",
                            "agenda_cita", "dictamen_obtenido", "entrega_documentacion_completa")
    assert e.estatus.supuesto is not None and "no describe pago" in e.estatus.supuesto


@pytest.mark.parametrize(("instante", "dentro"), [
    ("2025-09-24T23:59:59-06:00", True),
    ("2025-09-25T00:00:00-06:00", False),
])
def test_correo_de_autorizacion_hasta_dos_semanas(reg: residencias.Convocatoria, instante: str,
                                                  dentro: bool) -> None:
    base = reg_historia(ev("registro", "2025-09-10T12:00:00-06:00"), ultimo_periodo_inscrito=2024)
    evento = ev("correo_autorizacion", instante)
    if dentro:
        assert residencias.registrar(reg, base, evento).eventos[-1] == evento
    else:
        error = refused(reg, base, evento)
        assert "fuera de su ventana" in error.mensaje and error.articulo == "Paso 2 Ingresa al sistema"


@pytest.mark.parametrize(("instante", "dentro"), [
    ("2025-09-07T23:59:59-06:00", False),
    ("2025-09-08T00:00:00-06:00", True),
    ("2025-10-10T23:59:59-06:00", True),
    ("2025-10-11T00:00:00-06:00", False),
])
def test_registro_del_8_de_septiembre_al_10_de_octubre(reg: residencias.Convocatoria, instante: str,
                                                       dentro: bool) -> None:
    evento = ev("registro", instante)
    if dentro:
        assert residencias.registrar(reg, reg_historia(), evento).eventos == (evento,)
    else:
        error = refused(reg, reg_historia(), evento)
        assert "fuera de su ventana" in error.mensaje or "ya terminó" in error.mensaje


def test_solo_para_quien_no_tiene_inscripcion_en_2025(reg: residencias.Convocatoria) -> None:
    error = refused(reg, reg_historia(ultimo_periodo_inscrito=2025),
                    ev("registro", "2025-09-10T12:00:00-06:00"))
    assert "no aplica a su caso" in error.mensaje and "ultimo_periodo_inscrito" in error.mensaje
    assert error.articulo == "Paso 1 Registro; Paso 2 Ingresa al sistema; Encabezado"
    for hechos in ({"ultimo_periodo_inscrito": 2024}, {}):
        assert residencias.registrar(reg, reg_historia(**hechos), ev("registro", "2025-09-10T12:00:00-06:00"))


def test_agendar_exige_el_correo_salvo_registro_preaprobado(reg: residencias.Convocatoria) -> None:
    base = reg_historia(ev("registro", "2025-09-10T12:00:00-06:00"))
    error = refused(reg, base, ev("agenda_cita", "2025-09-11T10:00:00-06:00",
                                  cita=at("2025-10-20T10:00:00-06:00")))
    assert "con el estatus «Registrado, en espera del correo de autorización» no se puede" in error.mensaje
    h = historia("unam-regularizacion-2025-preaprobado.yaml")
    assert residencias.estado(reg, h, at("2025-09-08T09:10:00-06:00")).estatus.id == "autorizado"
    (cita,) = [p for p in residencias.siguientes_pasos(reg, h, at("2025-09-08T09:10:00-06:00"))
               if p.actor is Actor.ASPIRANTE]
    assert cita.accion == "agenda_cita"


def test_registro_repetido_se_rechaza(reg: residencias.Convocatoria) -> None:
    base = reg_historia(ev("registro", "2025-09-10T12:00:00-06:00"))
    error = refused(reg, base, ev("registro", "2025-09-11T12:00:00-06:00"))
    assert "no se puede «Registrarse en el sistema de la regularización»" in error.mensaje
    dictamen = reg_historia(ev("solicitud_dictamen", "2025-09-01T10:00:00-06:00"),
                            ultimo_periodo_inscrito=2022, ceme="Cirugía General")
    otra = refused(reg, dictamen, ev("solicitud_dictamen", "2025-09-02T10:00:00-06:00"))
    assert "una única vez" in otra.mensaje


def test_dictamen_solo_para_periodos_2024_y_anteriores(reg: residencias.Convocatoria) -> None:
    error = refused(reg, reg_historia(ultimo_periodo_inscrito=2024),
                    ev("dictamen_obtenido", "2025-09-10T10:00:00-06:00"))
    assert "no aplica a su caso" in error.mensaje
    medicina_familiar = reg_historia(ultimo_periodo_inscrito=2022, ceme="Medicina Familiar")
    pasos = residencias.siguientes_pasos(reg, medicina_familiar, at("2025-09-01T10:00:00-06:00"))
    (solicitud,) = [p for p in pasos if p.accion.startswith("solicitud_dictamen")]
    assert solicitud.accion == "solicitud_dictamen_medicina_familiar"
    assert solicitud.donde_detalle == "claudia_personal0111@hotmail.com, o al teléfono 5556237276"
    primer_ingreso = residencias.siguientes_pasos(reg, reg_historia(), at("2025-09-01T10:00:00-06:00"))
    assert {p.accion: p.aplica for p in primer_ingreso if p.accion.startswith("solicitud_dictamen")} == {
        "solicitud_dictamen": None, "solicitud_dictamen_medicina_familiar": None}


def test_incompleta_no_se_inscribe_y_completa_en_2026(reg: residencias.Convocatoria) -> None:
    h = historia("unam-regularizacion-2025-incompleta.json")
    pasos = residencias.siguientes_pasos(reg, h, at("2025-10-09T12:30:00-06:00"))
    assert [(p.accion, p.aplica) for p in pasos if p.actor is Actor.ASPIRANTE] == [
        ("entrega_documentacion_completa", True), ("solicitud_dictamen", None),
        ("solicitud_dictamen_medicina_familiar", None), ("solicitud_equivalencia_promedio", True)]
    e = residencias.estado(reg, h, at("2025-11-04T13:00:00-06:00"))
    assert e.estatus.id == "no_inscrito"
    c = e.consecuencias[-1]
    assert (c.origen, c.automatica) == ("documentacion_incompleta", False)
    assert c.articulo.startswith("Nota (párrafo final")
    assert "2026" in c.descripcion


def test_cita_perdida_en_la_regularizacion(reg: residencias.Convocatoria) -> None:
    h = historia("unam-regularizacion-2025-preaprobado.yaml")
    sin_entrega = attrs.evolve(h, eventos=h.eventos[:2], posiciones=h.posiciones[:2])
    assert residencias.estado(reg, sin_entrega, at("2025-10-14T23:59:59-06:00")).estatus.id == "con_cita"
    e = residencias.estado(reg, sin_entrega, at("2025-10-15T00:00:00-06:00"))
    assert e.estatus.id == "no_inscrito"
    assert (e.consecuencias[-1].origen, e.consecuencias[-1].articulo) == (
        "sin_acudir_a_la_cita", "Paso 2 Ingresa al sistema; " + NOTA_REG)
    antes = refused(reg, sin_entrega, ev("entrega_documentacion_completa", "2025-10-14T09:29:00-06:00"))
    assert "su cita: 2025-10-14 09:30" in antes.mensaje


@pytest.mark.parametrize(("eventos", "cierre", "origen"), [
    ((), "2025-10-11T00:00:00-06:00", "sin_registro_al_cierre"),
    ((("registro", "2025-10-10T12:00:00-06:00"),), "2025-11-29T00:00:00-06:00", "sin_cita_al_cierre"),
])
def test_sin_registro_o_sin_cita_no_se_inscribe(reg: residencias.Convocatoria,
                                                eventos: tuple[tuple[str, str], ...], cierre: str,
                                                origen: str) -> None:
    h = reg_historia(*(ev(a, t) for a, t in eventos))
    fin = at(cierre)
    uno_antes = residencias.estado(reg, h, datetime.fromtimestamp(fin.timestamp() - 1, MX))
    assert not uno_antes.terminal
    e = residencias.estado(reg, h, fin)
    assert e.estatus.id == "no_inscrito" and e.consecuencias[-1].origen == origen
    assert e.consecuencias[-1].instante == fin


# --- properties and hostile input --------------------------------------------------------------------

@settings(max_examples=40, deadline=None)
@given(archivo=st.sampled_from([f for f, *_ in FINALES]),
       segundos=st.integers(0, int((at("2026-09-30T00:00:00-06:00") - at("2025-09-01T00:00:00-06:00"))
                                   .total_seconds())))
def test_a_cualquier_instante_el_estatus_es_del_documento_y_hay_un_plazo(archivo: str, segundos: int) -> None:
    h = historia(archivo)
    conv = residencias.load_convocatoria(h.convocatoria)
    assert conv.proceso is not None
    en = datetime.fromtimestamp(at("2025-09-01T00:00:00-06:00").timestamp() + segundos, MX)
    e = residencias.estado(conv, h, en)
    assert e.estatus in conv.proceso.estatus
    pasos = residencias.siguientes_pasos(conv, h, en)
    if e.terminal:
        assert pasos == ()
    else:
        assert any(p.hasta is not None for p in pasos), (archivo, en)


def test_datos_enormes_o_con_caracteres_de_control_no_cambian_nada(pi: residencias.Convocatoria) -> None:
    base = pi_historia(*HASTA_CITA)
    raro = "x" * 100_000 + "\x00\n«»\u202e;--"
    h = residencias.registrar(pi, base, ev("correccion_de_datos", "2026-01-09T10:00:00-06:00", error=raro,
                                           dato_correcto=raro))
    assert residencias.estado(pi, h, at("2026-01-09T10:00:00-06:00")).estatus.id == "con_cita"
    assert raro not in residencias.to_mermaid(pi)


def test_historia_de_otra_convocatoria_se_rechaza(reg: residencias.Convocatoria) -> None:
    with pytest.raises(residencias.InvalidQueryError, match="no de 'unam-regularizacion-2025'"):
        residencias.estado(reg, historia("unam-primer-ingreso-2026-completa.yaml"),
                           at("2026-03-01T00:00:00-06:00"))


def test_eventos_fuera_de_orden_se_rechazan(pi: residencias.Convocatoria) -> None:
    h = pi_historia(ev("solicitud_osa", "2026-01-09T10:00:00-06:00"), HASTA_CITA[1])
    with pytest.raises(EventoRechazadoError, match="los eventos van en el orden en que ocurrieron"):
        residencias.estado(pi, h, at("2026-01-10T00:00:00-06:00"))
