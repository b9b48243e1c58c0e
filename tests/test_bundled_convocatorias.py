"""The four bundled ENARM/UNAM convocatorias, checked value by value against their documents.

Sources (../shared/seeds): 000 (unam-primer-ingreso-2026), 001 (unam-regularizacion-2025),
002 (imss-enarm-xlvi-2023), 003 (imss-enarm-xlix-2026-tercer-periodo).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

import residencias

CDMX = ZoneInfo("America/Mexico_City")

XLVI = "imss-enarm-xlvi-2023"
XLIX = "imss-enarm-xlix-2026-tercer-periodo"
PRIMER_INGRESO = "unam-primer-ingreso-2026"
REGULARIZACION = "unam-regularizacion-2025"
NUEVAS = (PRIMER_INGRESO, REGULARIZACION, XLVI, XLIX)


def _conv(identificador: str) -> residencias.Convocatoria:
    return residencias.load_convocatoria(identificador)


# --- every file loads and lints without errors ------------------------------------------------


def test_las_cuatro_estan_empaquetadas() -> None:
    disponibles = residencias.convocatorias_disponibles()
    for identificador in NUEVAS:
        assert identificador in disponibles


@pytest.mark.parametrize("identificador", NUEVAS)
def test_carga_por_id(identificador: str) -> None:
    conv = _conv(identificador)
    assert conv.id == identificador
    assert conv.fuente.documento.endswith(".txt")


@pytest.mark.parametrize("identificador", NUEVAS)
def test_lint_sin_errores(identificador: str) -> None:
    observaciones = residencias.lint(identificador)
    errores = [o for o in observaciones if o.severidad is residencias.Severidad.ERROR]
    assert errores == []


@pytest.mark.parametrize("identificador", NUEVAS)
def test_inconsistencias_declaradas_salen_como_advertencias(identificador: str) -> None:
    conv = _conv(identificador)
    codigos = {o.codigo for o in residencias.lint(identificador)
               if o.severidad is residencias.Severidad.ADVERTENCIA}
    assert {i.id for i in conv.inconsistencias} <= codigos
    for inconsistencia in conv.inconsistencias:
        assert len(inconsistencia.lugares) >= 2


# --- institución, fuente ----------------------------------------------------------------------


def test_instituciones_y_fuentes() -> None:
    esperado = {
        PRIMER_INGRESO: ("UNAM", "000_5fd5c75ed43b1a0f.txt"),
        REGULARIZACION: ("UNAM", "001_6a63f9a6b462041b.txt"),
        XLVI: ("IMSS", "002_d2ec2029d975bbd1.txt"),
        XLIX: ("IMSS", "003_e7949414f9b2c175.txt"),
    }
    for identificador, (institucion, documento) in esperado.items():
        conv = _conv(identificador)
        assert conv.institucion.value == institucion
        assert conv.fuente.documento == documento


# --- unam-primer-ingreso-2026 (000) -----------------------------------------------------------


def test_primer_ingreso_sin_fecha_de_publicacion() -> None:
    pub = _conv(PRIMER_INGRESO).publicacion
    assert pub.fecha_hora is None
    assert pub.nota is not None and "no da fecha" in pub.nota


def test_primer_ingreso_ciclo_2026_2027_sin_fechas() -> None:
    ciclo = _conv(PRIMER_INGRESO).ciclo_academico
    assert ciclo.nombre == "2026-2027"
    assert "INSCRIPCIÓN DE PRIMER INGRESO 2026-2027" in ciclo.articulo
    assert ciclo.inicio is None
    assert ciclo.fin is None
    assert ciclo.nota is not None
    for dato in ("7 al 30 de enero de 2026", "4 al 27 de febrero de 2026", "28 de agosto de 2026"):
        assert dato in ciclo.nota


def test_primer_ingreso_zona_horaria_supuesta() -> None:
    zona = _conv(PRIMER_INGRESO).zona_horaria
    assert zona.nombre == "America/Mexico_City"
    assert zona.articulo is None
    assert zona.supuesto is not None and "Ciudad de México" in zona.supuesto


def test_primer_ingreso_sin_tabla_de_archivos() -> None:
    assert _conv(PRIMER_INGRESO).archivos == ()


def test_primer_ingreso_inconsistencias_de_las_pantallas() -> None:
    conv = _conv(PRIMER_INGRESO)
    por_id = {i.id: i for i in conv.inconsistencias}
    assert set(por_id) == {
        "orden-de-pago-solo-con-documentacion-completa",
        "tramite-personal-o-con-carta-poder",
        "pantallas-ciclo-2025-2026",
        "fecha-de-ingreso-2023",
        "comprobante-fechado-2023",
        "cita-el-dia-00",
        "diagrama-2025-2026",
        "direccion-del-siae-distinta",
        "niveles-de-estudios-previos-unam",
        "documentacion-incompleta-regularizacion-o-condicionada",
        "telefonos-o-extensiones",
    }
    assert "9-01-2023" in por_id["fecha-de-ingreso-2023"].descripcion
    assert "2025 - 2026" in por_id["pantallas-ciclo-2025-2026"].descripcion
    assert "PRIMER INGRESO 2025" in por_id["pantallas-ciclo-2025-2026"].descripcion
    assert "11 de Febrero de 2023" in por_id["comprobante-fechado-2023"].descripcion
    assert "00 de Febrero de 2026" in por_id["cita-el-dia-00"].descripcion
    assert "2025-2026" in por_id["diagrama-2025-2026"].descripcion
    assert "index.php" in por_id["direccion-del-siae-distinta"].descripcion
    assert "inicio.php" in por_id["direccion-del-siae-distinta"].descripcion


# --- unam-regularizacion-2025 (001) -----------------------------------------------------------


def test_regularizacion_sin_fecha_de_publicacion() -> None:
    pub = _conv(REGULARIZACION).publicacion
    assert pub.fecha_hora is None
    assert pub.nota is not None and "no da fecha" in pub.nota


def test_regularizacion_periodo_2025_sin_fechas() -> None:
    ciclo = _conv(REGULARIZACION).ciclo_academico
    assert ciclo.nombre == "2025"
    assert "REGULARIZACIÓN DE ESPECIALIZACIONES MÉDICAS 2025" in ciclo.articulo
    assert ciclo.inicio is None
    assert ciclo.fin is None
    assert ciclo.nota is not None
    for dato in ("8 de septiembre al 10 de octubre de 2025", "13 de octubre al 28 de noviembre de 2025"):
        assert dato in ciclo.nota


def test_regularizacion_zona_horaria_supuesta() -> None:
    zona = _conv(REGULARIZACION).zona_horaria
    assert zona.nombre == "America/Mexico_City"
    assert zona.articulo is None
    assert zona.supuesto is not None and "Ciudad de México" in zona.supuesto


def test_regularizacion_dirigida_a_residentes_sin_inscripcion_2025() -> None:
    dirigida = _conv(REGULARIZACION).dirigida_a
    assert "no cuentan con inscripción en el periodo 2025 y años anteriores" in dirigida.texto


def test_regularizacion_sin_archivos_ni_inconsistencias() -> None:
    conv = _conv(REGULARIZACION)
    assert conv.archivos == ()
    assert conv.inconsistencias == ()


# --- imss-enarm-xlvi-2023 (002) ---------------------------------------------------------------


def test_xlvi_publicacion_7_de_marzo_de_2023_11_horas() -> None:
    pub = _conv(XLVI).publicacion
    assert pub.fecha_hora == datetime(2023, 3, 7, 11, 0, tzinfo=CDMX)
    assert pub.fecha_hora is not None
    assert pub.fecha_hora.utcoffset() == timedelta(hours=-6)
    assert pub.fecha_hora.isoformat() == "2023-03-07T11:00:00-06:00"
    assert "Portada" in pub.articulo


def test_xlvi_ciclo_academico() -> None:
    ciclo = _conv(XLVI).ciclo_academico
    assert ciclo.nombre == "2023-2024"
    assert ciclo.inicio == date(2023, 3, 1)
    assert ciclo.fin == date(2024, 2, 28)


def test_xlvi_zona_horaria_supuesta() -> None:
    zona = _conv(XLVI).zona_horaria
    assert zona.nombre == "America/Mexico_City"
    assert zona.articulo is None
    assert zona.supuesto is not None


XLVI_FILAS = [
    ("Identificación oficial INE anverso o pasaporte carátula", "mexicano", "IDENTIFICACION1"),
    ("Identificación oficial INE reverso o pasaporte carátula", "mexicano", "IDENTIFICACION2"),
    ("Acta de nacimiento", "todos", "ACTADENACIMIENTO"),
    ("CURP (digital)", "mexicano", "CURP"),
    ("Título anverso", "todos", "TITULO1"),
    ("Titulo reverso", "todos", "TITULO2"),
    ("Cédula profesional (anverso y reverso)", "todos", "CEDULA"),
    ("Certificado de calificaciones", "todos", "CERTIFICADO"),
    ("Constancia de internado", "todos", "INTERNADO"),
    ("Constancia de servicio social o exención", "todos", "SERVICIOSOCIAL"),
    ("Constancia docente", "todos", None),
    ("Publicaciones", "todos", None),
    ("Último tarjetón de pago", "trabajador_imss", "TARJETONDEPAGO"),
    ("BT-09 Propuesta de ocupación de plaza vacante)", "trabajador_imss", "BT09"),
    ("Ultimo de tarjetón de pago de padre o madre trabajador IMSS", "hijo_trabajador_imss", None),
    ("Constancia de seleccionado ENARM XLVI", "todos", "PUNTAJENARM"),
    ("Documento migratorio", "extranjero", "DOCUMENTOMIGRATORIO"),
    ("SOLICITUD DE INSCRIPCION A ESTUDIOS DE POSGRADO", "todos", "SOLICITUD"),
]


def test_xlvi_tabla_de_archivos_completa_en_orden() -> None:
    archivos = _conv(XLVI).archivos
    assert len(archivos) == 18
    assert [(a.documento, a.participante.value, a.nombre) for a in archivos] == XLVI_FILAS


def test_xlvi_filas_no_aplica() -> None:
    archivos = _conv(XLVI).archivos
    no_aplica = [(a.documento, a.participante.value) for a in archivos if not a.aplica]
    assert no_aplica == [
        ("Constancia docente", "todos"),
        ("Publicaciones", "todos"),
        ("Ultimo de tarjetón de pago de padre o madre trabajador IMSS", "hijo_trabajador_imss"),
    ]
    for archivo in archivos:
        if not archivo.aplica:
            assert archivo.nombre is None
            assert archivo.resolucion_ppp is None
            assert archivo.tamano_maximo_kb is None
            assert archivo.formato is None
            assert archivo.nota is not None and "NO APLICA" in archivo.nota


def test_xlvi_especificaciones_300_ppp_400_kb_jpg() -> None:
    aplican = [a for a in _conv(XLVI).archivos if a.aplica]
    assert len(aplican) == 15
    for archivo in aplican:
        assert archivo.resolucion_ppp == 300
        assert archivo.tamano_maximo_kb == 400
        assert archivo.formato == "Jpg"
        assert archivo.tipo_imagen == "Color o blanco y negro"
        assert "2.1 nota 2" in archivo.articulo


def test_xlvi_nombres_de_archivo_unicos() -> None:
    nombres = [a.nombre for a in _conv(XLVI).archivos if a.nombre is not None]
    assert len(nombres) == len(set(nombres))


def test_xlvi_inconsistencias() -> None:
    por_id = {i.id: i for i in _conv(XLVI).inconsistencias}
    assert set(por_id) == {
        "vigencia-en-la-convocatoria-o-en-la-carta",
        "alcance-del-veto-por-abandono",
        "acepto-sin-descargar-renuncia-o-abandono",
        "observaciones-tras-el-cierre-del-envio",
        "seccion-4-repetida",
        "plazo-del-pago-de-extranjeros",
        "no-descargar-rechazo-o-renuncia",
        "carta-de-preasignacion",
        "folio-o-ficha-de-inscripcion",
        "acta-de-nacimiento-para-extranjeros",
        "matricula-consular-sin-fila",
        "documentos-falsos-cancelacion-o-anulacion",
    }
    seccion_4 = por_id["seccion-4-repetida"]
    assert "4. ATENDER RESULTADOS" in seccion_4.lugares
    assert any(lugar.startswith("4. IMPRIMIR CARTA DE PRE-ACEPTACIÓN") for lugar in seccion_4.lugares)
    pago = por_id["plazo-del-pago-de-extranjeros"].descripcion
    assert "antes del 15 de marzo de 2023" in pago
    assert "fecha límite 15 de marzo de 2023" in pago
    assert "primeros 15 dias al inicio de cada ciclo académico" in pago
    falsos = por_id["documentos-falsos-cancelacion-o-anulacion"]
    assert falsos.lugares == ("2.1 (IMPORTANTE)", "7. Aclaraciones sustantivas")
    assert "será anulado de forma definitiva" in falsos.descripcion
    assert "se cancela su participación en cualquier etapa del proceso" in falsos.descripcion


# --- imss-enarm-xlix-2026-tercer-periodo (003) ------------------------------------------------


def test_xlix_publicacion_6_de_febrero_de_2026_16_horas() -> None:
    pub = _conv(XLIX).publicacion
    assert pub.fecha_hora == datetime(2026, 2, 6, 16, 0, tzinfo=CDMX)
    assert pub.fecha_hora is not None
    assert pub.fecha_hora.utcoffset() == timedelta(hours=-6)
    assert pub.fecha_hora.isoformat() == "2026-02-06T16:00:00-06:00"
    assert "Portada" in pub.articulo


def test_xlix_ciclo_academico() -> None:
    ciclo = _conv(XLIX).ciclo_academico
    assert ciclo.nombre == "2026-2027"
    assert ciclo.inicio == date(2026, 3, 1)
    assert ciclo.fin == date(2027, 2, 28)


def test_xlix_zona_horaria_citada_en_1_2() -> None:
    zona = _conv(XLIX).zona_horaria
    assert zona.nombre == "America/Mexico_City"
    assert zona.supuesto is None
    assert zona.articulo is not None and zona.articulo.startswith("1.2")


XLIX_FILAS = [
    ("Identificación oficial INE anverso o pasaporte carátula", "todos", "IDENTIFICACION1"),
    ("Identificación oficial INE reverso o pasaporte carátula", "todos", "IDENTIFICACION2"),
    ("Acta de nacimiento", "todos", "ACTADENACIMIENTO"),
    ("CURP (digital)", "todos", "CURP"),
    ("Título anverso", "todos", "TITULO1"),
    ("Título reverso", "todos", "TITULO2"),
    ("Cédula profesional (anverso y reverso)", "todos", "CEDULA"),
    ("Certificado de calificaciones", "todos", "CERTIFICADO"),
    ("Constancia de internado", "todos", "INTERNADO"),
    ("Constancia de servicio social o exención", "todos", "SERVICIOSOCIAL"),
    ("Constancia de seleccionado ENARM XLIX", "todos", "PUNTAJENARM"),
    ("Propuesta para ocupación de plaza vacante (exclusivo para trabajadores IMSS)",
     "trabajador_imss", "BT09"),
    ("Último tarjetón de pago. (trabajadores IMSS)", "trabajador_imss", "TARJETONDEPAGO"),
    ("Último tarjetón de pago (padre trabajador IMSS)", "hijo_trabajador_imss", "TARJETONPADRE"),
    ("SOLICITUD DE INSCRIPCION A ESTUDIOS DE POSGRADO", "todos", "SOLICITUD"),
]


def test_xlix_tabla_de_archivos_completa_en_orden() -> None:
    archivos = _conv(XLIX).archivos
    assert len(archivos) == 15
    assert [(a.documento, a.participante.value, a.nombre) for a in archivos] == XLIX_FILAS


def test_xlix_sin_filas_no_aplica() -> None:
    assert [a for a in _conv(XLIX).archivos if not a.aplica] == []


def test_xlix_especificaciones_300_ppp_400_kb_jpg() -> None:
    for archivo in _conv(XLIX).archivos:
        assert archivo.aplica
        assert archivo.resolucion_ppp == 300
        assert archivo.tamano_maximo_kb == 400
        assert archivo.formato == "JPG"
        assert archivo.tipo_imagen == "Color o blanco y negro"
        assert "2.2.3" in archivo.articulo


def test_xlix_nombres_de_archivo_unicos() -> None:
    nombres = [a.nombre for a in _conv(XLIX).archivos]
    assert len(nombres) == len(set(nombres))


def test_xlix_inconsistencias() -> None:
    por_id = {i.id: i for i in _conv(XLIX).inconsistencias}
    assert set(por_id) == {
        "solicitud-cerrada-durante-la-validacion",
        "extension-21197-en-ambos-horarios",
        "registro-abierto-tras-cierre-de-envio",
        "rechazo-o-renuncia",
        "matricula-consular-sin-fila",
        "apertura-a-las-o-despues-de-las-16",
    }
    extension = por_id["extension-21197-en-ambos-horarios"].descripcion
    assert extension.count("21197") == 3
    assert "08:00 a 16:00" in extension and "09:00 a 17:00" in extension
    registro = por_id["registro-abierto-tras-cierre-de-envio"]
    assert "23:59" in registro.descripcion and "16:00" in registro.descripcion
    assert {"1.2", "3.1.2"} <= set(registro.lugares)


# --- the two ENARM calls compared -------------------------------------------------------------


def test_archivos_comunes_a_las_dos_convocatorias_enarm() -> None:
    xlvi = {a.nombre for a in _conv(XLVI).archivos if a.nombre}
    xlix = {a.nombre for a in _conv(XLIX).archivos if a.nombre}
    assert xlvi - xlix == {"DOCUMENTOMIGRATORIO"}
    assert xlix - xlvi == {"TARJETONPADRE"}
