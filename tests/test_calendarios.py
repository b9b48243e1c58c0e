"""The calendars of the bundled convocatorias: every window well formed and cited, the instants
that decide (one second either side of each close), the XLIX registration staggered by DGCES
selection date, the derived deadlines, the UNAM service hours, and refused questions.

Sources (../shared/seeds): 000 (unam-primer-ingreso-2026), 001 (unam-regularizacion-2025),
002 (imss-enarm-xlvi-2023), 003 (imss-enarm-xlix-2026-tercer-periodo), 004 (imss-cer-2026-2027).
Mexico City is UTC-6 all year since October 2022.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

import residencias
from residencias import load_calendario
from residencias.calendars import Accion, Calendario, Estado, Ventana

CDMX = ZoneInfo("America/Mexico_City")
SEGUNDO = timedelta(seconds=1)

CER = "imss-cer-2026-2027"
XLIX = "imss-enarm-xlix-2026-tercer-periodo"
XLVI = "imss-enarm-xlvi-2023"
PRIMER_INGRESO = "unam-primer-ingreso-2026"
REGULARIZACION = "unam-regularizacion-2025"


def _cdmx(y: int, mo: int, d: int, *hora: int) -> datetime:
    """An instant in Mexico City: year, month, day, then hour, minute, second if given."""
    return datetime(y, mo, d, *hora, tzinfo=CDMX)


def _abierta(cal: Calendario, accion: Accion, en: datetime, seleccion: date | None = None) -> bool:
    """The answer at ``en``, checked to be the same when the instant is written in UTC."""
    local = cal.abierta(accion, en, seleccion_dgces=seleccion)
    utc = cal.abierta(accion, en.astimezone(UTC), seleccion_dgces=seleccion)
    assert local == utc, f"{accion.value} en {en.isoformat()}: {local} en CDMX, {utc} en UTC"
    return local


# --- every window of every bundled convocatoria -------------------------------------------------


def _ventanas() -> Iterator[tuple[str, Calendario, Ventana]]:
    for identificador in residencias.convocatorias_disponibles():
        cal = load_calendario(identificador)
        for ventana in cal.ventanas:
            yield identificador, cal, ventana


def _es_dia(valor: date | datetime | None) -> bool:
    return valor is None or not isinstance(valor, datetime)


def test_las_cinco_convocatorias_tienen_calendario() -> None:
    disponibles = set(residencias.convocatorias_disponibles())
    assert {CER, XLIX, XLVI, PRIMER_INGRESO, REGULARIZACION} <= disponibles
    for identificador in disponibles:
        assert load_calendario(identificador).ventanas, identificador


def test_ventanas_bien_formadas_y_citadas() -> None:
    vistas = 0
    for identificador, cal, ventana in _ventanas():
        donde = f"{identificador}: {ventana.accion.value} ({ventana.articulo})"
        vistas += 1
        assert ventana.articulo.strip(), donde
        assert ventana.descripcion.strip(), donde
        inicio, fin = ventana.inicio(cal.zona), ventana.fin(cal.zona)
        if inicio is not None:
            assert inicio <= fin, donde
        if ventana.horario is not None:
            assert ventana.horario.articulo.strip(), donde
    assert vistas >= 39


def test_los_instantes_llevan_el_desfase_de_su_zona() -> None:
    for identificador, cal, ventana in _ventanas():
        for limite in (ventana.desde, ventana.hasta):
            if isinstance(limite, datetime):
                esperado = limite.astimezone(cal.zona).utcoffset()
                assert limite.utcoffset() == esperado, f"{identificador}: {ventana.accion.value}"
                # no summer time in Mexico City since October 2022
                assert esperado == timedelta(hours=-6), f"{identificador}: {ventana.accion.value}"


def test_todo_limite_de_dia_sin_hora_lleva_supuesto() -> None:
    """A day without hour (or no opening at all, or a close borrowed from another article) is a
    choice of the library: the window must say what it assumes."""
    for identificador, _, ventana in _ventanas():
        dia_sin_hora = _es_dia(ventana.desde) or _es_dia(ventana.hasta)
        if dia_sin_hora or ventana.seleccion_dgces is not None:
            assert ventana.supuesto, f"{identificador}: {ventana.accion.value} ({ventana.articulo})"


def test_registro_xlvi_abre_con_la_publicacion_de_las_11() -> None:
    """1.1, 1.5, 2.1, 3 and 3.1 say «del 07 de marzo de 2023» without an hour; the call was
    published that day at 11:00 (portada): nothing opens before it is public."""
    cal = load_calendario(XLVI)
    registro = cal.ventana(Accion.REGISTRO)
    assert registro.desde == datetime.fromisoformat("2023-03-07T11:00:00-06:00")
    assert registro.hasta == datetime.fromisoformat("2023-03-09T16:00:00-06:00")
    assert registro.supuesto is not None and "11:00" in registro.supuesto
    respuesta = cal.consultar(Accion.REGISTRO, _cdmx(2023, 3, 7, 12))
    assert respuesta.abierta and registro.supuesto in respuesta.supuestos
    for accion in (Accion.REGISTRO, Accion.IMPRESION_SOLICITUD, Accion.ADJUNTAR_DOCUMENTOS,
                   Accion.ENVIO_A_VALIDACION, Accion.DESCARGA_FICHA):
        ventana = cal.ventana(accion)
        assert ventana.desde == registro.desde and ventana.supuesto, accion
        assert not cal.abierta(accion, _cdmx(2023, 3, 7, 10, 59, 59)), accion
        assert cal.abierta(accion, _cdmx(2023, 3, 7, 11)), accion


def test_plazos_resueltos_llevan_supuesto_y_articulo() -> None:
    hechos = {"seleccion_dgces": date(2026, 2, 16), "registro": date(2025, 9, 8)}
    for identificador in residencias.convocatorias_disponibles():
        cal = load_calendario(identificador)
        resueltos = cal.plazos_resueltos(**hechos)
        assert len(resueltos) == len(cal.plazos)
        for ventana in resueltos:
            assert ventana.articulo.strip() and ventana.supuesto, f"{identificador}: {ventana.accion}"


@pytest.mark.parametrize(("identificador", "acciones"), [
    (XLIX, {"registro", "impresion_solicitud", "envio_a_validacion", "validacion", "descarga_ficha",
            "carta_compromiso", "carta_preaceptacion"}),
    (XLVI, {"registro", "impresion_solicitud", "adjuntar_documentos", "envio_a_validacion",
            "descarga_ficha", "resultados", "aceptacion_plaza", "carta_compromiso",
            "carta_preaceptacion", "pago_extranjeros"}),
    (PRIMER_INGRESO, {"registro", "cita", "entrega_documentos", "pago", "comprobante_inscripcion",
                      "documentos_pendientes"}),
    (REGULARIZACION, {"registro", "entrega_documentos"}),
])
def test_acciones_de_cada_calendario(identificador: str, acciones: set[str]) -> None:
    assert {v.accion.value for v in load_calendario(identificador).ventanas} == acciones


# --- the instants that decide ------------------------------------------------------------------

# (convocatoria, acción, instante de cierre incluido)
CIERRES = [
    (CER, Accion.REGISTRO, "2026-03-13T16:00:00-06:00"),
    (CER, Accion.ENVIO_A_VALIDACION, "2026-03-13T16:00:00-06:00"),
    (CER, Accion.VALIDACION, "2026-03-17T12:00:00-06:00"),
    (CER, Accion.DESCARGA_FICHA, "2026-03-18T12:00:00-06:00"),
    (CER, Accion.RESULTADOS, "2026-04-16T16:00:00-06:00"),
    (CER, Accion.CARTA_COMPROMISO, "2026-04-16T16:00:00-06:00"),
    (XLIX, Accion.REGISTRO, "2026-02-20T23:59:00-06:00"),
    (XLIX, Accion.IMPRESION_SOLICITUD, "2026-02-20T23:59:00-06:00"),
    (XLIX, Accion.ENVIO_A_VALIDACION, "2026-02-20T16:00:00-06:00"),
    (XLIX, Accion.VALIDACION, "2026-02-23T10:00:00-06:00"),
    (XLIX, Accion.DESCARGA_FICHA, "2026-02-23T12:00:00-06:00"),
    (XLIX, Accion.CARTA_COMPROMISO, "2026-02-24T23:59:00-06:00"),
    (XLIX, Accion.CARTA_PREACEPTACION, "2026-02-24T23:59:00-06:00"),
    (XLVI, Accion.REGISTRO, "2023-03-09T16:00:00-06:00"),
    (XLVI, Accion.ENVIO_A_VALIDACION, "2023-03-09T16:00:00-06:00"),
    (XLVI, Accion.DESCARGA_FICHA, "2023-03-10T16:00:00-06:00"),
    (XLVI, Accion.RESULTADOS, "2023-03-13T23:59:00-06:00"),
    (XLVI, Accion.CARTA_PREACEPTACION, "2023-03-13T23:59:00-06:00"),
]

# (convocatoria, acción, instante de apertura incluido)
APERTURAS = [
    (CER, Accion.REGISTRO, "2026-03-09T16:00:00-06:00"),
    (XLIX, Accion.REGISTRO, "2026-02-17T16:00:00-06:00"),
    (XLIX, Accion.CARTA_COMPROMISO, "2026-02-24T09:00:00-06:00"),
    (XLIX, Accion.CARTA_PREACEPTACION, "2026-02-24T09:00:00-06:00"),
    (XLVI, Accion.REGISTRO, "2023-03-07T11:00:00-06:00"),
    (XLVI, Accion.RESULTADOS, "2023-03-13T16:00:00-06:00"),
    (XLVI, Accion.ACEPTACION_PLAZA, "2023-03-13T16:00:00-06:00"),
    (XLVI, Accion.CARTA_COMPROMISO, "2023-03-13T16:00:00-06:00"),
]


@pytest.mark.parametrize(("identificador", "accion", "cierre"), CIERRES)
def test_un_segundo_antes_y_despues_del_cierre(identificador: str, accion: Accion, cierre: str) -> None:
    cal = load_calendario(identificador)
    instante = datetime.fromisoformat(cierre)
    assert cal.ventana(accion).fin(CDMX) == instante
    assert _abierta(cal, accion, instante - SEGUNDO)
    assert _abierta(cal, accion, instante)
    assert not _abierta(cal, accion, instante + SEGUNDO)


@pytest.mark.parametrize(("identificador", "accion", "apertura"), APERTURAS)
def test_un_segundo_antes_y_despues_de_la_apertura(identificador: str, accion: Accion, apertura: str) -> None:
    cal = load_calendario(identificador)
    instante = datetime.fromisoformat(apertura)
    assert not _abierta(cal, accion, instante - SEGUNDO)
    assert _abierta(cal, accion, instante)
    assert _abierta(cal, accion, instante + SEGUNDO)


def test_xlix_registro_al_filo_de_las_23_59() -> None:
    cal = load_calendario(XLIX)
    assert cal.abierta("registro", datetime.fromisoformat("2026-02-20T23:58:59-06:00"))
    assert cal.abierta("registro", datetime.fromisoformat("2026-02-20T23:59:00-06:00"))
    assert not cal.abierta("registro", datetime.fromisoformat("2026-02-20T23:59:01-06:00"))
    # the same instants in UTC: 23:59 in Mexico City is 05:59 of the next day
    assert cal.abierta("registro", datetime(2026, 2, 21, 5, 58, 59, tzinfo=UTC))
    assert cal.abierta("registro", datetime(2026, 2, 21, 5, 59, tzinfo=UTC))
    assert not cal.abierta("registro", datetime(2026, 2, 21, 5, 59, 1, tzinfo=UTC))
    assert cal.tiempo_restante("registro", _cdmx(2026, 2, 20, 23)) == timedelta(minutes=59)
    assert cal.tiempo_restante("registro", _cdmx(2026, 2, 21)) is None


def test_xlix_envio_cierra_a_las_16_con_el_registro_abierto() -> None:
    cal = load_calendario(XLIX)
    assert _abierta(cal, Accion.ENVIO_A_VALIDACION, _cdmx(2026, 2, 20, 15, 59, 59))
    assert not _abierta(cal, Accion.ENVIO_A_VALIDACION, _cdmx(2026, 2, 20, 16, 0, 1))
    assert _abierta(cal, Accion.REGISTRO, _cdmx(2026, 2, 20, 16, 0, 1))
    assert _abierta(cal, Accion.IMPRESION_SOLICITUD, _cdmx(2026, 2, 20, 16, 0, 1))
    assert _abierta(cal, Accion.VALIDACION, _cdmx(2026, 2, 20, 16, 0, 1))
    envio = cal.ventana(Accion.ENVIO_A_VALIDACION)
    assert envio.nota is not None and "registro-abierto-tras-cierre-de-envio" in envio.nota
    abiertas = {v.accion for v in cal.abiertas(_cdmx(2026, 2, 20, 16, 0, 1))}
    assert Accion.REGISTRO in abiertas and Accion.ENVIO_A_VALIDACION not in abiertas


def test_xlix_cartas_solo_el_24_de_febrero() -> None:
    cal = load_calendario(XLIX)
    for accion in (Accion.CARTA_COMPROMISO, Accion.CARTA_PREACEPTACION):
        assert not _abierta(cal, accion, _cdmx(2026, 2, 23, 12))
        assert _abierta(cal, accion, _cdmx(2026, 2, 24, 15))
        assert not _abierta(cal, accion, _cdmx(2026, 2, 25, 9))
    eventos = cal.proximos(_cdmx(2026, 2, 23, 12, 0, 1), n=3)
    assert [(e.tipo, e.ventana.accion, e.instante) for e in eventos] == [
        ("apertura", Accion.CARTA_COMPROMISO, _cdmx(2026, 2, 24, 9)),
        ("apertura", Accion.CARTA_PREACEPTACION, _cdmx(2026, 2, 24, 9)),
        ("cierre", Accion.CARTA_COMPROMISO, _cdmx(2026, 2, 24, 23, 59)),
    ]


def test_xlvi_resultados_y_pago_de_extranjeros() -> None:
    cal = load_calendario(XLVI)
    assert not _abierta(cal, Accion.RESULTADOS, _cdmx(2023, 3, 13, 12))
    assert _abierta(cal, Accion.CARTA_COMPROMISO, _cdmx(2023, 3, 13, 23, 59))
    assert not _abierta(cal, Accion.CARTA_COMPROMISO, _cdmx(2023, 3, 13, 23, 59, 1))
    pago = cal.ventana(Accion.PAGO_EXTRANJEROS)
    # no opening in the document: from the pre-aceptación letter (13 March, 16:00), never before
    assert pago.desde == datetime.fromisoformat("2023-03-13T16:00:00-06:00")
    assert pago.hasta == date(2023, 3, 15)
    assert pago.supuesto is not None and "antes del 15 de marzo" in pago.supuesto
    assert not _abierta(cal, Accion.PAGO_EXTRANJEROS, _cdmx(2023, 1, 2, 12))
    assert not _abierta(cal, Accion.PAGO_EXTRANJEROS, _cdmx(2023, 3, 13, 15, 59, 59))
    assert _abierta(cal, Accion.PAGO_EXTRANJEROS, _cdmx(2023, 3, 14, 12))
    assert _abierta(cal, Accion.PAGO_EXTRANJEROS, _cdmx(2023, 3, 15, 23, 59, 59))
    assert not _abierta(cal, Accion.PAGO_EXTRANJEROS, _cdmx(2023, 3, 16))
    ids = {i.id for i in residencias.load_convocatoria(XLVI).inconsistencias}
    assert "plazo-del-pago-de-extranjeros" in ids


# --- XLIX: registration staggered by DGCES selection date (1.2) ------------------------------


def test_xlix_seleccion_17_de_febrero() -> None:
    cal = load_calendario(XLIX)
    sel = date(2026, 2, 17)
    assert not _abierta(cal, Accion.REGISTRO, _cdmx(2026, 2, 17, 20), sel)
    assert not _abierta(cal, Accion.REGISTRO, datetime.fromisoformat("2026-02-18T16:00:00-06:00"), sel)
    assert _abierta(cal, Accion.REGISTRO, datetime.fromisoformat("2026-02-18T16:00:01-06:00"), sel)
    assert _abierta(cal, Accion.REGISTRO, _cdmx(2026, 2, 20, 23, 59), sel)
    assert not _abierta(cal, Accion.REGISTRO, _cdmx(2026, 2, 20, 23, 59, 1), sel)
    ventana = cal.ventana(Accion.REGISTRO, seleccion_dgces=sel)
    assert ventana.seleccion_dgces == sel and not ventana.incluye_desde


def test_xlix_seleccion_16_de_febrero_despues_de_las_16() -> None:
    cal = load_calendario(XLIX)
    sel = date(2026, 2, 16)
    a_las_16 = datetime.fromisoformat("2026-02-17T16:00:00-06:00")
    assert _abierta(cal, Accion.REGISTRO, a_las_16 + SEGUNDO, sel)
    # «después de las 16:00 horas» (calendario) against «a las 16:00 horas» (periodo general)
    assert not _abierta(cal, Accion.REGISTRO, a_las_16, sel)
    assert _abierta(cal, Accion.REGISTRO, a_las_16)
    general = cal.ventana(Accion.REGISTRO)
    assert general.nota is not None and "después de las 16:00" in general.nota


def test_xlix_seleccion_18_de_febrero() -> None:
    cal = load_calendario(XLIX)
    sel = date(2026, 2, 18)
    assert not _abierta(cal, Accion.REGISTRO, _cdmx(2026, 2, 18, 20), sel)
    assert not _abierta(cal, Accion.REGISTRO, _cdmx(2026, 2, 19, 16), sel)
    assert _abierta(cal, Accion.REGISTRO, _cdmx(2026, 2, 19, 16, 0, 1), sel)


def test_xlix_fecha_de_seleccion_desconocida() -> None:
    cal = load_calendario(XLIX)
    for fecha in (date(2026, 2, 15), date(2026, 2, 19)):
        with pytest.raises(residencias.InvalidQueryError):
            cal.abierta(Accion.REGISTRO, _cdmx(2026, 2, 19, 18), seleccion_dgces=fecha)
        with pytest.raises(residencias.InvalidQueryError):
            cal.ventana(Accion.REGISTRO, seleccion_dgces=fecha)


def test_xlix_sin_fecha_de_seleccion_responde_con_el_periodo_general() -> None:
    cal = load_calendario(XLIX)
    respuesta = cal.consultar(Accion.REGISTRO, _cdmx(2026, 2, 18, 12))
    assert respuesta.abierta
    assert respuesta.ventana.seleccion_dgces is None
    # the reading of «a las 23:59 horas», and the library's own assumption: the general period
    # stands in for the applicant's
    assert respuesta.ventana.supuesto is not None and "23:59:00" in respuesta.ventana.supuesto
    assert len(respuesta.supuestos) == 2 and "periodo general" in respuesta.supuestos[1]
    con_fecha = cal.consultar(Accion.REGISTRO, _cdmx(2026, 2, 18, 12), seleccion_dgces=date(2026, 2, 17))
    assert not con_fecha.abierta
    assert con_fecha.supuestos == (con_fecha.ventana.supuesto,)


def test_xlix_acciones_no_escalonadas_con_fecha_de_seleccion() -> None:
    cal = load_calendario(XLIX)
    sel = date(2026, 2, 18)
    assert _abierta(cal, Accion.VALIDACION, _cdmx(2026, 2, 22, 12), sel)
    assert cal.ventana(Accion.VALIDACION, seleccion_dgces=sel) == cal.ventana(Accion.VALIDACION)


def test_xlix_estados_y_proximos_por_aspirante() -> None:
    cal = load_calendario(XLIX)
    sel = date(2026, 2, 17)
    en = _cdmx(2026, 2, 18, 12)
    registros = [e for e in cal.estados(en, seleccion_dgces=sel) if e.ventana.accion is Accion.REGISTRO]
    assert len(registros) == 1
    assert registros[0].ventana.seleccion_dgces == sel and registros[0].estado is Estado.PROXIMA
    primero = cal.proximos(en, 1, seleccion_dgces=sel)[0]
    assert (primero.tipo, primero.ventana.accion, primero.instante) == (
        "apertura", Accion.REGISTRO, _cdmx(2026, 2, 18, 16))
    generales = [e for e in cal.estados(en) if e.ventana.accion is Accion.REGISTRO]
    assert [e.estado for e in generales] == [Estado.ABIERTA]


# --- derived deadlines -------------------------------------------------------------------------


def test_xlix_curso_de_induccion_primer_dia_habil_del_ciclo() -> None:
    cal = load_calendario(XLIX)
    assert cal.inicio_ciclo == date(2026, 3, 1)  # a Sunday
    curso = cal.plazo(Accion.CURSO_INDUCCION)
    assert curso.desde == curso.hasta == date(2026, 3, 2)
    assert _abierta(cal, Accion.CURSO_INDUCCION, _cdmx(2026, 3, 2, 8))
    assert not _abierta(cal, Accion.CURSO_INDUCCION, _cdmx(2026, 3, 1, 12))


def test_xlix_titulo_o_cedula_seis_meses_desde_la_seleccion() -> None:
    cal = load_calendario(XLIX)
    titulo = cal.plazo(Accion.ENTREGA_TITULO_CEDULA, referencia=date(2026, 2, 16))
    assert (titulo.desde, titulo.hasta) == (date(2026, 2, 16), date(2026, 8, 16))
    # a selection date the staggered calendar of 1.2 does not list gives no deadline
    with pytest.raises(residencias.InvalidQueryError, match=r"1\.2"):
        cal.plazo(Accion.ENTREGA_TITULO_CEDULA, referencia=date(2026, 8, 31))
    plazo = next(p for p in cal.plazos if p.accion is Accion.ENTREGA_TITULO_CEDULA)
    assert plazo.por_aspirante
    resuelto = plazo.resolver(inicio_ciclo=cal.inicio_ciclo, dias=cal.dias_habiles,
                              referencia=date(2026, 8, 31))
    assert resuelto.hasta == date(2027, 2, 28)
    bisiesto = plazo.resolver(inicio_ciclo=None, dias=cal.dias_habiles, referencia=date(2027, 8, 31))
    assert bisiesto.hasta == date(2028, 2, 29)
    with pytest.raises(residencias.InvalidQueryError):
        cal.plazo(Accion.ENTREGA_TITULO_CEDULA)


def test_xlix_servicio_social_antes_del_1_de_marzo() -> None:
    cal = load_calendario(XLIX)
    servicio = cal.plazo(Accion.CONCLUSION_SERVICIO_SOCIAL)
    assert servicio.desde is None and servicio.hasta == date(2026, 2, 28)
    assert _abierta(cal, Accion.CONCLUSION_SERVICIO_SOCIAL, _cdmx(2026, 2, 28, 23, 59, 59))
    assert not _abierta(cal, Accion.CONCLUSION_SERVICIO_SOCIAL, _cdmx(2026, 3, 1))


def test_xlix_plazos_resueltos_segun_los_hechos() -> None:
    cal = load_calendario(XLIX)
    sin_hechos = {v.accion for v in cal.plazos_resueltos()}
    assert sin_hechos == {Accion.CURSO_INDUCCION, Accion.CONCLUSION_SERVICIO_SOCIAL}
    con_seleccion = {v.accion: v for v in cal.plazos_resueltos(seleccion_dgces=date(2026, 2, 18))}
    assert con_seleccion[Accion.ENTREGA_TITULO_CEDULA].hasta == date(2026, 8, 18)


def test_unam_correo_de_autorizacion_dos_semanas_tras_el_registro() -> None:
    cal = load_calendario(REGULARIZACION)
    correo = cal.plazo(Accion.CORREO_AUTORIZACION, referencia=date(2025, 9, 8))
    assert (correo.desde, correo.hasta) == (date(2025, 9, 8), date(2025, 9, 22))
    ultimo = cal.plazo(Accion.CORREO_AUTORIZACION, referencia=date(2025, 10, 10))
    assert ultimo.hasta == date(2025, 10, 24)
    assert ultimo.supuesto is not None and "registro" in ultimo.supuesto
    with pytest.raises(residencias.InvalidQueryError):
        cal.plazo(Accion.CORREO_AUTORIZACION)
    assert cal.plazos_resueltos() == ()
    assert [v.hasta for v in cal.plazos_resueltos(registro=date(2025, 10, 1))] == [date(2025, 10, 15)]


def test_unam_regularizacion_ventanas() -> None:
    cal = load_calendario(REGULARIZACION)
    assert _abierta(cal, Accion.REGISTRO, _cdmx(2025, 9, 8))
    assert _abierta(cal, Accion.REGISTRO, _cdmx(2025, 10, 10, 23, 59, 59))
    assert not _abierta(cal, Accion.REGISTRO, _cdmx(2025, 10, 11))
    assert not _abierta(cal, Accion.ENTREGA_DOCUMENTOS, _cdmx(2025, 10, 12, 23, 59, 59))
    assert _abierta(cal, Accion.ENTREGA_DOCUMENTOS, _cdmx(2025, 10, 13))
    assert _abierta(cal, Accion.ENTREGA_DOCUMENTOS, _cdmx(2025, 11, 28, 23, 59, 59))
    assert not _abierta(cal, Accion.ENTREGA_DOCUMENTOS, _cdmx(2025, 11, 29))


def test_xlvi_cuota_de_extranjeros_primeros_15_dias_del_ciclo() -> None:
    cal = load_calendario(XLVI)
    cuota = cal.plazo(Accion.PAGO_EXTRANJEROS)
    assert (cuota.desde, cuota.hasta) == (date(2023, 3, 1), date(2023, 3, 15))
    siguiente = cal.plazo(Accion.PAGO_EXTRANJEROS, referencia=date(2024, 3, 1))
    assert (siguiente.desde, siguiente.hasta) == (date(2024, 3, 1), date(2024, 3, 15))
    assert cuota.supuesto is not None and "naturales" in cuota.supuesto
    # the window of the first payment is still the one the data gives, not the yearly rule
    assert cal.ventana(Accion.PAGO_EXTRANJEROS).desde == datetime.fromisoformat("2023-03-13T16:00:00-06:00")


def test_xlvi_titulo_o_cedula_doce_meses_desde_los_resultados() -> None:
    cal = load_calendario(XLVI)
    titulo = cal.plazo(Accion.ENTREGA_TITULO_CEDULA)
    assert (titulo.desde, titulo.hasta) == (date(2023, 3, 13), date(2024, 3, 13))
    assert titulo.supuesto is not None and "13 de marzo de 2023" in titulo.supuesto


# --- UNAM primer ingreso: the calendar table and the ventanilla hours ------------------------


def test_unam_primer_ingreso_periodos() -> None:
    cal = load_calendario(PRIMER_INGRESO)
    registro = cal.ventana(Accion.REGISTRO)
    assert (registro.desde, registro.hasta) == (date(2026, 1, 7), date(2026, 1, 30))
    for accion in (Accion.ENTREGA_DOCUMENTOS, Accion.PAGO, Accion.COMPROBANTE_INSCRIPCION):
        ventana = cal.ventana(accion)
        assert (ventana.desde, ventana.hasta) == (date(2026, 2, 4), date(2026, 2, 27)), accion
    pendientes = cal.ventana(Accion.DOCUMENTOS_PENDIENTES)
    # owed only by someone enrolled conditionally, which starts at the delivery window (4 Feb)
    assert pendientes.desde == date(2026, 2, 4) and pendientes.hasta == date(2026, 8, 28)
    assert not _abierta(cal, Accion.DOCUMENTOS_PENDIENTES, _cdmx(2025, 11, 3, 12))
    assert cal.estado(pendientes, _cdmx(2025, 11, 3, 12)).value == "próxima"
    assert _abierta(cal, Accion.REGISTRO, _cdmx(2026, 1, 30, 23, 59, 59))
    assert not _abierta(cal, Accion.REGISTRO, _cdmx(2026, 1, 31))
    # the cashiers' hours are not given: those of the ventanilla steps around the payment
    assert not _abierta(cal, Accion.PAGO, _cdmx(2026, 2, 7, 10))  # a Saturday
    assert not _abierta(cal, Accion.PAGO, _cdmx(2026, 2, 9, 8, 59))
    assert _abierta(cal, Accion.PAGO, _cdmx(2026, 2, 9, 9))
    assert not _abierta(cal, Accion.PAGO, _cdmx(2026, 2, 27, 23, 59))
    assert _abierta(cal, Accion.PAGO, _cdmx(2026, 2, 27, 17, 30))
    assert _abierta(cal, Accion.DOCUMENTOS_PENDIENTES, _cdmx(2026, 8, 28, 12))
    assert not _abierta(cal, Accion.DOCUMENTOS_PENDIENTES, _cdmx(2026, 8, 29, 12))


def test_unam_ventanilla_de_lunes_a_viernes_de_9_a_17_30() -> None:
    cal = load_calendario(PRIMER_INGRESO)
    entrega = cal.ventana(Accion.ENTREGA_DOCUMENTOS)
    assert entrega.horario is not None
    assert [d.value for d in entrega.horario.dias] == ["lunes", "martes", "miercoles", "jueves", "viernes"]
    assert _abierta(cal, Accion.ENTREGA_DOCUMENTOS, _cdmx(2026, 2, 4, 10))  # miércoles
    assert not _abierta(cal, Accion.ENTREGA_DOCUMENTOS, _cdmx(2026, 2, 7, 10))  # sábado
    assert not _abierta(cal, Accion.ENTREGA_DOCUMENTOS, _cdmx(2026, 2, 5, 8, 59, 59))
    assert _abierta(cal, Accion.ENTREGA_DOCUMENTOS, _cdmx(2026, 2, 5, 9))
    assert _abierta(cal, Accion.ENTREGA_DOCUMENTOS, _cdmx(2026, 2, 5, 17, 30))
    assert not _abierta(cal, Accion.ENTREGA_DOCUMENTOS, _cdmx(2026, 2, 5, 17, 30, 1))
    assert not _abierta(cal, Accion.ENTREGA_DOCUMENTOS, _cdmx(2026, 2, 3, 10))  # antes del periodo
    assert cal.estado(entrega, _cdmx(2026, 2, 4, 20)) is Estado.PROXIMA  # miércoles por la noche
    assert cal.estado(entrega, _cdmx(2026, 2, 4, 10)) is Estado.ABIERTA
    assert cal.estado(entrega, _cdmx(2026, 2, 3, 10)) is Estado.PROXIMA
    assert cal.estado(entrega, _cdmx(2026, 3, 2, 10)) is Estado.CERRADA
    assert not _abierta(cal, Accion.COMPROBANTE_INSCRIPCION, _cdmx(2026, 2, 7, 10))
    assert not _abierta(cal, Accion.DOCUMENTOS_PENDIENTES, _cdmx(2026, 8, 28, 18))


# --- refused questions -------------------------------------------------------------------------


def test_fecha_y_hora_sin_zona() -> None:
    cal = load_calendario(XLIX)
    ingenua = datetime(2026, 2, 18, 12, 0)
    with pytest.raises(residencias.InvalidQueryError):
        cal.abierta(Accion.REGISTRO, ingenua)
    with pytest.raises(residencias.InvalidQueryError):
        cal.consultar(Accion.REGISTRO, ingenua, seleccion_dgces=date(2026, 2, 17))
    with pytest.raises(residencias.InvalidQueryError):
        cal.estados(ingenua)
    with pytest.raises(residencias.InvalidQueryError):
        cal.proximos(ingenua)
    with pytest.raises(residencias.InvalidQueryError):
        cal.tiempo_restante(Accion.REGISTRO, ingenua)


def test_accion_sin_ventana_ni_plazo() -> None:
    cal = load_calendario(REGULARIZACION)
    with pytest.raises(residencias.InvalidQueryError):
        cal.abierta(Accion.EXAMEN_EFISER, _cdmx(2025, 10, 1))
    with pytest.raises(residencias.InvalidQueryError):
        cal.abierta("no-es-una-accion", _cdmx(2025, 10, 1))


def test_lint_sin_errores() -> None:
    errores = [str(o) for o in residencias.lint() if o.severidad is residencias.Severidad.ERROR]
    assert errores == []
