"""Real JPEG files, written by hand in ``tmp_path``, checked against the IMSS ENARM file tables.

The writer below builds a minimal baseline JPEG (grey, 8x8 blocks, one quantisation table, one DC
and one AC Huffman table with a single one-bit code each, every block "DC difference 0, end of
block"), which libjpeg's ``djpeg`` decodes without a warning; then JFIF and EXIF segments with the
density wanted, and COM segments to pad it to a given size.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from fractions import Fraction
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from residencias import load_convocatoria
from residencias.domain.archivos import Participante
from residencias.domain.convocatoria import Convocatoria
from residencias.errors import InvalidQueryError, ResidenciasError
from residencias.rules.archivos import (
    SUPUESTO_EXIF_SIN_UNIDAD,
    SUPUESTO_EXTENSION,
    SUPUESTO_KB,
    SUPUESTO_NO_ESPERADOS,
    SUPUESTO_PPP_DESCONOCIDA,
    SUPUESTO_PPP_DISCREPANTE,
    SUPUESTO_PPP_EXACTA,
    SUPUESTO_PPP_REDONDEO,
    SUPUESTOS,
    Aspecto,
    HallazgoArchivo,
    Resultado,
    RevisionArchivos,
    clave_de_nombre,
    nombre_esperado,
    revisar_archivos,
)
from residencias.rules.jpeg import InfoJPEG, NotJPEGError, read_jpeg, read_jpeg_file
from tests.strategies import jpeg_like_bytes
from tests.timeouts import no_hang

XLVI = "imss-enarm-xlvi-2023"
XLIX = "imss-enarm-xlix-2026-tercer-periodo"
MEXICANO = frozenset({Participante.MEXICANO})

# ---------------------------------------------------------------------------------------------
# A small JPEG writer


def segmento(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + (len(payload) + 2).to_bytes(2, "big") + payload


def jfif(unidades: int = 1, x: int = 300, y: int | None = None) -> bytes:
    density = x.to_bytes(2, "big") + (x if y is None else y).to_bytes(2, "big")
    return segmento(0xE0, b"JFIF\x00\x01\x01" + bytes([unidades]) + density + b"\x00\x00")


def exif(
    orden: Literal["II", "MM"] = "II",
    x: tuple[int, int] = (300, 1),
    y: tuple[int, int] | None = None,
    unidad: int | None = 2,
) -> bytes:
    """An EXIF APP1 segment whose IFD0 holds XResolution, YResolution and ResolutionUnit."""
    endian: Literal["little", "big"] = "little" if orden == "II" else "big"

    def u16(v: int) -> bytes:
        return v.to_bytes(2, endian)

    def u32(v: int) -> bytes:
        return v.to_bytes(4, endian)

    rationals = [(0x011A, x), (0x011B, x if y is None else y)]
    count = len(rationals) + (unidad is not None)
    data_at = 8 + 2 + 12 * count + 4
    entries = b""
    values = b""
    for tag, (num, den) in rationals:
        entries += u16(tag) + u16(5) + u32(1) + u32(data_at + len(values))
        values += u32(num) + u32(den)
    if unidad is not None:
        entries += u16(0x0128) + u16(3) + u32(1) + u16(unidad) + b"\x00\x00"
    tiff = orden.encode() + u16(42) + u32(8) + u16(count) + entries + u32(0) + values
    return segmento(0xE1, b"Exif\x00\x00" + tiff)


def jpeg(*aplicacion: bytes, ancho: int = 8, alto: int = 8) -> bytes:
    """A baseline greyscale JPEG of ``ancho`` x ``alto`` pixels, with the APPn segments given."""
    blocks = -(-ancho // 8) * -(-alto // 8)
    bits = "00" * blocks
    bits += "1" * (-len(bits) % 8)
    scan = bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))
    one_code = b"\x01" + b"\x00" * 15 + b"\x00"  # one code of length 1, for the symbol 0
    frame = b"\x08" + alto.to_bytes(2, "big") + ancho.to_bytes(2, "big") + b"\x01\x01\x11\x00"
    return (
        b"\xff\xd8" + b"".join(aplicacion)
        + segmento(0xDB, b"\x00" + b"\x01" * 64)
        + segmento(0xC0, frame)
        + segmento(0xC4, b"\x00" + one_code)
        + segmento(0xC4, b"\x10" + one_code)
        + segmento(0xDA, b"\x01\x01\x00\x00\x3f\x00")
        + scan + b"\xff\xd9"
    )


def acolchar(data: bytes, total: int) -> bytes:
    """``data`` with COM segments after SOI so that it is exactly ``total`` bytes long."""
    need = total - len(data)
    assert need == 0 or need >= 4
    sizes: list[int] = []
    while need > 0:
        size = min(need, 65537)
        if 0 < need - size < 4:
            size -= 4
        sizes.append(size)
        need -= size
    comments = b"".join(segmento(0xFE, b"x" * (size - 4)) for size in sizes)
    padded = data[:2] + comments + data[2:]
    assert len(padded) == total
    return padded


BUENO = jpeg(jfif(1, 300), ancho=24, alto=16)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 17


def escribir(directorio: Path, nombre: str, data: bytes = BUENO) -> Path:
    path = directorio / nombre
    path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def xlvi() -> Convocatoria:
    return load_convocatoria(XLVI)


@pytest.fixture(scope="module")
def xlix() -> Convocatoria:
    return load_convocatoria(XLIX)


def pedidos(conv: Convocatoria, participantes: frozenset[Participante]) -> list[str]:
    quienes = participantes | {Participante.TODOS}
    return [f.nombre for f in conv.archivos if f.aplica and f.nombre and f.participante in quienes]


def expediente(directorio: Path, conv: Convocatoria, participantes: frozenset[Participante]) -> None:
    for nombre in pedidos(conv, participantes):
        escribir(directorio, f"{nombre}.jpg")


def por_archivo(revision: RevisionArchivos) -> dict[str, HallazgoArchivo]:
    return {h.archivo or f"(falta) {h.nombre}": h for h in revision.hallazgos}


# ---------------------------------------------------------------------------------------------
# The writer's output is what it claims to be


def test_el_escritor_produce_un_jpeg_completo_de_24x16() -> None:
    info = read_jpeg(BUENO)
    assert (info.ancho, info.alto, info.componentes, info.sof) == (24, 16, 1, 0xC0)
    assert info.completo and info.escaneos == 1 and info.bytes_tras_fin == 0
    assert info.problemas == ()


def test_acolchar_conserva_un_jpeg_valido() -> None:
    info = read_jpeg(acolchar(BUENO, 401 * 1024))
    assert info.tamano == 410_624 and info.completo and info.problemas == ()


# ---------------------------------------------------------------------------------------------
# The JPEG reader


@pytest.mark.parametrize(
    ("unidades", "x", "y", "esperado"),
    [
        (1, 300, 300, (Fraction(300), Fraction(300))),
        (1, 72, 96, (Fraction(72), Fraction(96))),
        (2, 118, 118, (Fraction(29972, 100), Fraction(29972, 100))),
    ],
)
def test_densidad_jfif_en_ppp(unidades: int, x: int, y: int, esperado: tuple[Fraction, Fraction]) -> None:
    ppp = read_jpeg(jpeg(jfif(unidades, x, y))).ppp_jfif
    assert ppp is not None
    assert (ppp.x, ppp.y) == esperado
    assert ppp.unidad == ("centímetro" if unidades == 2 else "pulgada")


def test_jfif_sin_unidades_no_da_ppp() -> None:
    info = read_jpeg(jpeg(jfif(0, 1, 1)))
    assert info.jfif is not None and info.jfif.unidades == 0
    assert info.ppp_jfif is None


@pytest.mark.parametrize("orden", ["II", "MM"])
def test_exif_en_los_dos_ordenes_de_bytes(orden: Literal["II", "MM"]) -> None:
    info = read_jpeg(jpeg(exif(orden, (600, 2), (300, 1))))
    assert info.exif is not None
    leido = (info.exif.orden_bytes, info.exif.x, info.exif.y, info.exif.unidad)
    assert leido == (orden, Fraction(300), Fraction(300), 2)
    assert str(info.ppp_exif) == "300 ppp (EXIF)"
    assert info.ppp_jfif is None and info.completo


@pytest.mark.parametrize("orden", ["II", "MM"])
def test_exif_en_centimetros_y_sin_unidad(orden: Literal["II", "MM"]) -> None:
    cm = read_jpeg(jpeg(exif(orden, (11811, 100), unidad=3))).ppp_exif
    assert cm is not None and cm.x == Fraction(11811, 100) * Fraction(254, 100)
    sin_unidad = read_jpeg(jpeg(exif(orden, (300, 1), unidad=None))).ppp_exif
    assert sin_unidad is not None and sin_unidad.unidad_supuesta and sin_unidad.x == 300
    assert str(sin_unidad) == "300 ppp (EXIF, sin ResolutionUnit: pulgadas por omisión)"
    assert read_jpeg(jpeg(exif(orden, (300, 1), unidad=1))).ppp_exif is None


def test_exif_con_denominador_cero_o_fuera_del_segmento() -> None:
    info = read_jpeg(jpeg(exif("MM", (300, 0))))
    assert info.exif is not None and info.exif.x is None and info.ppp_exif is None
    assert "EXIF: XResolution tiene denominador 0" in info.problemas
    cut = exif("II")[:-12]  # the rationals' values are lost; the segment length is rewritten
    short = read_jpeg(jpeg(segmento(0xE1, cut[4:])))
    assert any("queda fuera del segmento" in p for p in short.problemas)
    assert short.completo


def test_jfif_y_exif_que_discrepan_se_leen_los_dos() -> None:
    info = read_jpeg(jpeg(jfif(1, 72), exif("MM", (300, 1))))
    assert str(info.ppp_jfif) == "72 ppp (JFIF)" and str(info.ppp_exif) == "300 ppp (EXIF)"


def test_truncado_sin_fin_de_imagen() -> None:
    info = read_jpeg(BUENO[:-2])
    assert not info.fin_de_imagen and not info.completo
    assert info.ancho == 24 and info.ppp_jfif is not None  # the header alone looks fine
    assert info.problemas[-1] == f"el archivo acaba tras {len(BUENO) - 2} bytes sin el marcador de fin FF D9"


def test_truncado_dentro_de_un_segmento() -> None:
    info = read_jpeg(BUENO[:30])
    assert not info.completo
    assert info.problemas[0].startswith("el segmento FF DB del byte 20 declara 67 bytes")


def test_un_fin_de_imagen_dentro_de_app1_no_engana() -> None:
    miniatura = segmento(0xE1, b"Exif\x00\x00" + b"\xff\xd8\xff\xd9")
    info = read_jpeg(b"\xff\xd8" + miniatura + BUENO[2:40])
    assert not info.fin_de_imagen


def test_datos_de_escaneo_con_bytes_rellenos_y_reinicios() -> None:
    data = BUENO[:-3] + b"\x3f\xff\x00\xff\xd3\x00\xff\xff\xff\xd9"
    info = read_jpeg(data)
    assert info.completo and info.bytes_tras_fin == 0 and info.problemas == ()


def test_bytes_tras_el_fin_de_imagen() -> None:
    info = read_jpeg(BUENO + b"\x00" * 10)
    assert info.completo and info.bytes_tras_fin == 10


def test_longitud_menor_que_dos_no_cuelga() -> None:
    info = read_jpeg(b"\xff\xd8\xff\xe0\x00\x01JFIF")
    assert not info.completo
    assert info.problemas[0].startswith("el segmento FF E0 del byte 2 declara la longitud 1 (mínimo 2)")


@pytest.mark.parametrize(
    ("data", "mensaje"),
    [
        (PNG, "no es un JPEG: empieza por 89 50 4E 47 (firma de PNG), no por la firma FF D8 de JPEG"),
        (b"%PDF-1.7", "no es un JPEG: empieza por 25 50 44 46 (firma de PDF), no por la firma FF D8 de JPEG"),
        (b"\xff", "no es un JPEG: empieza por FF, no por la firma FF D8 de JPEG"),
        (b"", "no es un JPEG: el archivo está vacío (un JPEG empieza por la firma FF D8)"),
    ],
)
def test_no_es_un_jpeg(data: bytes, mensaje: str) -> None:
    with pytest.raises(NotJPEGError) as caught:
        read_jpeg(data)
    assert str(caught.value) == mensaje
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, ResidenciasError)


def test_leer_archivo(tmp_path: Path) -> None:
    assert read_jpeg_file(escribir(tmp_path, "a.jpg")) == read_jpeg(BUENO)


def _no_hang(seconds: float = 5) -> AbstractContextManager[None]:
    return no_hang(seconds, "read_jpeg")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(jpeg_like_bytes())
def test_bytes_arbitrarios_dan_info_o_no_es_jpeg(data: bytes) -> None:
    try:
        with _no_hang():
            info = read_jpeg(data)
    except NotJPEGError as error:
        assert not data.startswith(b"\xff\xd8")
        assert str(error).startswith("no es un JPEG: ")
        return
    assert isinstance(info, InfoJPEG)
    assert info.tamano == len(data)
    assert info.bytes_tras_fin == 0 or (info.fin_de_imagen and 0 < info.bytes_tras_fin <= len(data) - 4)
    assert not info.completo or info.fin_de_imagen
    assert info.fin_de_imagen or info.problemas


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from([BUENO, jpeg(exif("MM"), jfif(2, 118)), acolchar(jpeg(exif("II")), 70_000)]),
    st.data(),
)
def test_todo_prefijo_propio_esta_incompleto(data: bytes, draw: st.DataObject) -> None:
    cut = draw.draw(st.integers(2, len(data) - 1))
    assert not read_jpeg(data[:cut]).completo
    assert read_jpeg(data).completo


# ---------------------------------------------------------------------------------------------
# Names


def test_clave_de_nombre() -> None:
    assert clave_de_nombre("Acta de Nacimiento") == "ACTADENACIMIENTO"
    assert clave_de_nombre("Cédula") == clave_de_nombre("Ce\u0301dula") == "CEDULA"
    assert clave_de_nombre("BT-09") == "BT09"
    assert clave_de_nombre("servicio_social (exención)") == "SERVICIOSOCIALEXENCION"


def test_nombre_esperado(xlix: Convocatoria) -> None:
    acta = next(f for f in xlix.archivos if f.nombre == "ACTADENACIMIENTO")
    assert nombre_esperado(acta) == "ACTADENACIMIENTO.jpg"


# ---------------------------------------------------------------------------------------------
# The review of a directory


def test_expediente_completo_cumple(tmp_path: Path, xlvi: Convocatoria) -> None:
    expediente(tmp_path, xlvi, MEXICANO)
    revision = revisar_archivos(xlvi, tmp_path, MEXICANO)
    assert revision.ok, revision.explicar()
    assert [h.nombre for h in revision.hallazgos] == [
        "IDENTIFICACION1", "IDENTIFICACION2", "ACTADENACIMIENTO", "CURP", "TITULO1", "TITULO2", "CEDULA",
        "CERTIFICADO", "INTERNADO", "SERVICIOSOCIAL", "PUNTAJENARM", "SOLICITUD",
    ]
    acta = revision.hallazgos[2]
    assert acta.articulo == "Tabla de especificaciones de archivos (2.1 nota 2), fila 3"
    assert acta.motivo == (
        "se llama 'ACTADENACIMIENTO.jpg', como la columna NOMBRE; es un JPEG (firma FF D8); "
        "JPEG completo, 24×16 píxeles, termina con el marcador de fin de imagen FF D9; "
        f"pesa {len(BUENO)} bytes, dentro de 400 KB (400,000 bytes); resolución 300 ppp (JFIF)"
    )
    assert [c.aspecto for c in acta.comprobaciones] == [
        Aspecto.NOMBRE, Aspecto.FORMATO, Aspecto.INTEGRIDAD, Aspecto.TAMANO, Aspecto.RESOLUCION
    ]
    assert acta.supuestos == () and acta.sugerencia is None
    assert revision.supuestos == SUPUESTOS
    texto = revision.explicar()
    assert texto.splitlines()[1] == "Resultado: cumple (no cumplen: 0, faltan: 0, cumplen: 12)"
    assert "participante: todos, mexicano" in texto.splitlines()[0]


def test_extranjero_y_trabajador(tmp_path: Path, xlvi: Convocatoria) -> None:
    extranjero = frozenset({Participante.EXTRANJERO})
    expediente(tmp_path, xlvi, extranjero)
    escribir(tmp_path, "CURP.jpg")
    revision = revisar_archivos(xlvi, tmp_path, extranjero)
    hallazgos = por_archivo(revision)
    assert hallazgos["DOCUMENTOMIGRATORIO.jpg"].resultado is Resultado.CUMPLE
    curp = hallazgos["CURP.jpg"]
    assert curp.resultado is Resultado.NO_CUMPLE and curp.nombre == "CURP"
    assert curp.motivo == (
        "corresponde a Tabla de especificaciones de archivos (2.1 nota 2), fila 4 (CURP (digital)), "
        "que se pide a los aspirantes mexicanos, no a este aspirante"
    )
    assert curp.supuestos == (SUPUESTO_NO_ESPERADOS,)
    trabajador = frozenset({Participante.MEXICANO, Participante.TRABAJADOR_IMSS})
    faltan = [h.nombre for h in revisar_archivos(xlvi, tmp_path, trabajador).fallidos
              if h.resultado is Resultado.FALTA]
    assert faltan == ["IDENTIFICACION1", "IDENTIFICACION2", "TARJETONDEPAGO", "BT09"]


def test_hijo_de_trabajador_en_la_xlix(tmp_path: Path, xlix: Convocatoria) -> None:
    hijo = frozenset({Participante.HIJO_TRABAJADOR_IMSS})
    expediente(tmp_path, xlix, hijo)
    revision = revisar_archivos(xlix, tmp_path, hijo)
    assert revision.ok and "TARJETONPADRE" in [h.nombre for h in revision.hallazgos]
    assert revision.participantes == (Participante.TODOS, Participante.HIJO_TRABAJADOR_IMSS)


@pytest.fixture
def defectuoso(tmp_path: Path, xlix: Convocatoria) -> RevisionArchivos:
    """One directory with one defect per file (XLIX, every row is for everyone)."""
    escribir(tmp_path, "IDENTIFICACION1.jpeg")
    escribir(tmp_path, "IDENTIFICACION2.jpg", jpeg(exif("MM")))
    escribir(tmp_path, "Acta de Nacimiento.JPG")
    escribir(tmp_path, "CURP.jpg", PNG)
    escribir(tmp_path, "TITULO1.jpg", BUENO[:-2])
    escribir(tmp_path, "TITULO2.jpg", jpeg(jfif(1, 72)))
    escribir(tmp_path, "CEDULA.jpg", acolchar(BUENO, 401 * 1024))
    escribir(tmp_path, "CERTIFICADO.jpg", acolchar(BUENO, 405_000))
    escribir(tmp_path, "INTERNADO.jpg", jpeg(jfif(1, 72), exif("II", (300, 1))))
    escribir(tmp_path, "SERVICIOSOCIAL.jpg", jpeg(jfif(0, 1)))
    escribir(tmp_path, "SOLICITUD.JPG")
    escribir(tmp_path, "notas.txt", b"pendiente: constancia ENARM")
    escribir(tmp_path, "TITULO3.jpg")
    (tmp_path / "viejos").mkdir()
    return revisar_archivos(xlix, tmp_path, set())


def test_defectos_nombre_y_extension(defectuoso: RevisionArchivos) -> None:
    h = por_archivo(defectuoso)
    acta = h["Acta de Nacimiento.JPG"]
    assert acta.resultado is Resultado.NO_CUMPLE
    assert (acta.nombre, acta.sugerencia) == ("ACTADENACIMIENTO", "ACTADENACIMIENTO.jpg")
    assert acta.motivo == (
        "debe llamarse 'ACTADENACIMIENTO.jpg': la columna NOMBRE dice 'ACTADENACIMIENTO' "
        "(en mayúsculas, sin acentos ni símbolos) y el archivo se llama 'Acta de Nacimiento'"
    )
    assert [c.cumple for c in acta.comprobaciones] == [False, True, True, True, True]
    assert str(acta).startswith(
        "no cumple Tabla de especificaciones de archivos (2.2.3), fila 3 "
        "(Acta de Nacimiento.JPG -> ACTADENACIMIENTO.jpg): debe llamarse"
    )
    jpeg_ext = h["IDENTIFICACION1.jpeg"]
    assert jpeg_ext.motivo == (
        "debe llamarse 'IDENTIFICACION1.jpg': la extensión es '.jpeg' "
        "y el formato de la tabla es «JPG» ('.jpg')"
    )
    assert jpeg_ext.supuestos == (SUPUESTO_EXTENSION,)
    mayusculas = h["SOLICITUD.JPG"]
    assert mayusculas.resultado is Resultado.CUMPLE and mayusculas.supuestos == (SUPUESTO_EXTENSION,)
    assert mayusculas.motivo.startswith(
        "se llama 'SOLICITUD.JPG', como la columna NOMBRE (extensión '.JPG' aceptada)"
    )


def test_defectos_de_contenido(defectuoso: RevisionArchivos) -> None:
    h = por_archivo(defectuoso)
    assert h["CURP.jpg"].motivo == (
        "no es un JPEG: empieza por 89 50 4E 47 (firma de PNG), no por la firma FF D8 de JPEG; "
        "la tabla pide formato «JPG»"
    )
    assert h["TITULO1.jpg"].motivo.startswith(
        "JPEG incompleto (¿truncado?): no termina con el marcador de fin de imagen FF D9"
    )
    assert h["TITULO2.jpg"].motivo == "resolución 72 ppp (JFIF); la tabla pide 300 ppp"
    assert h["TITULO2.jpg"].supuestos == ()
    assert h["IDENTIFICACION2.jpg"].resultado is Resultado.CUMPLE
    assert h["IDENTIFICACION2.jpg"].motivo.endswith("resolución 300 ppp (EXIF)")


def test_defectos_de_tamano(defectuoso: RevisionArchivos) -> None:
    h = por_archivo(defectuoso)
    assert h["CEDULA.jpg"].motivo == (
        "pesa 410,624 bytes y excede 400 KB (400,000 bytes; 409,600 si 1 KB fueran 1024 bytes)"
    )
    assert h["CEDULA.jpg"].supuestos == ()  # too big under either reading
    assert h["CERTIFICADO.jpg"].motivo == (
        "pesa 405,000 bytes y excede 400 KB leídos como 400,000 bytes (1 KB = 1000 bytes); "
        "cabría si 1 KB fueran 1024 bytes (409,600 bytes)"
    )
    assert h["CERTIFICADO.jpg"].supuestos == (SUPUESTO_KB,)


def test_defectos_de_resolucion(defectuoso: RevisionArchivos) -> None:
    h = por_archivo(defectuoso)
    assert h["INTERNADO.jpg"].motivo == (
        "JFIF y EXIF no concuerdan: 72 ppp (JFIF) y 300 ppp (EXIF); la tabla pide 300 ppp"
    )
    assert h["INTERNADO.jpg"].supuestos == (SUPUESTO_PPP_DISCREPANTE,)
    assert h["SERVICIOSOCIAL.jpg"].motivo == (
        "resolución desconocida: el archivo no la declara (JFIF sin unidades absolutas "
        "(unidades 0: solo proporción), sin EXIF); la tabla pide 300 ppp"
    )
    assert h["SERVICIOSOCIAL.jpg"].supuestos == (SUPUESTO_PPP_DESCONOCIDA,)


def test_faltantes_y_sobrantes(defectuoso: RevisionArchivos) -> None:
    h = por_archivo(defectuoso)
    falta = h["(falta) PUNTAJENARM"]
    assert falta.resultado is Resultado.FALTA
    assert str(falta) == (
        "falta Tabla de especificaciones de archivos (2.2.3), fila 11 (PUNTAJENARM.jpg): no hay "
        "'PUNTAJENARM.jpg' en el directorio (Constancia de seleccionado ENARM XLIX; "
        "la tabla lo pide a todos los aspirantes)"
    )
    notas = h["notas.txt"]
    assert (notas.resultado, notas.nombre) == (Resultado.NO_CUMPLE, None)
    assert notas.articulo == "Tabla de especificaciones de archivos (2.2.3)"
    assert notas.motivo == "'notas.txt' no corresponde a ningún nombre de la columna NOMBRE"
    assert h["TITULO3.jpg"].motivo == (
        "'TITULO3.jpg' no corresponde a ningún nombre de la columna NOMBRE; "
        "¿quiso decir 'TITULO1.jpg' o 'TITULO2.jpg'?"
    )
    assert h["viejos"].motivo == (
        "'viejos' es un directorio, no un archivo regular; la tabla pide archivos JPG"
    )
    assert [x.nombre for x in defectuoso.hallazgos if x.resultado is Resultado.FALTA] == ["PUNTAJENARM"]


def test_explicar_pone_primero_lo_que_falla(defectuoso: RevisionArchivos) -> None:
    assert not defectuoso.ok
    lines = defectuoso.explicar().splitlines()
    assert lines[1] == "Resultado: no cumple (no cumplen: 12, faltan: 1, cumplen: 2)"
    body = lines[2:lines.index("Supuestos:")]
    first_pass = next(i for i, line in enumerate(body) if line.startswith("cumple "))
    assert all(not line.startswith("cumple ") for line in body[:first_pass])
    assert all(line.startswith("cumple ") for line in body[first_pass:])
    kb = SUPUESTOS.index(SUPUESTO_KB) + 1
    certificado = next(line for line in body if "(CERTIFICADO.jpg)" in line)
    assert certificado.startswith("no cumple") and certificado.endswith(f"[supuesto {kb}]")
    assert lines[-len(SUPUESTOS):] == [f"  supuesto {n}: {s}" for n, s in enumerate(SUPUESTOS, start=1)]


def test_resoluciones_por_supuesto(tmp_path: Path, xlix: Convocatoria) -> None:
    escribir(tmp_path, "ACTADENACIMIENTO.jpg", jpeg(jfif(2, 118)))
    escribir(tmp_path, "CURP.jpg", jpeg(jfif(1, 600)))
    escribir(tmp_path, "CEDULA.jpg", jpeg(exif("MM", unidad=None)))
    escribir(tmp_path, "TITULO1.jpg", jpeg(jfif(1, 300, 72)))
    h = por_archivo(revisar_archivos(xlix, tmp_path, {Participante.TODOS}))
    acta = h["ACTADENACIMIENTO.jpg"]
    assert acta.resultado is Resultado.CUMPLE and acta.supuestos == (SUPUESTO_PPP_REDONDEO,)
    assert acta.motivo.endswith("resolución 299.72 ppp (JFIF, declarada en puntos por centímetro)")
    assert h["CURP.jpg"].motivo == "resolución 600 ppp (JFIF); la tabla pide 300 ppp"
    assert h["CURP.jpg"].supuestos == (SUPUESTO_PPP_EXACTA,)
    assert h["CEDULA.jpg"].resultado is Resultado.CUMPLE
    assert h["CEDULA.jpg"].supuestos == (SUPUESTO_EXIF_SIN_UNIDAD,)
    assert h["TITULO1.jpg"].motivo == "resolución 300 × 72 ppp (JFIF); la tabla pide 300 ppp"


def test_errata_de_nombre_y_duplicados(tmp_path: Path, xlix: Convocatoria) -> None:
    escribir(tmp_path, "CERTIFICADOO.jpg")
    escribir(tmp_path, "CEDULA.jpg")
    escribir(tmp_path, "cedula.jpg")
    h = por_archivo(revisar_archivos(xlix, tmp_path, set()))
    typo = h["CERTIFICADOO.jpg"]
    assert (typo.nombre, typo.sugerencia) == ("CERTIFICADO", "CERTIFICADO.jpg")
    assert typo.motivo == (
        "debe llamarse 'CERTIFICADO.jpg': 'CERTIFICADOO' no está en la columna NOMBRE; "
        "el nombre más parecido es 'CERTIFICADO'"
    )
    assert h["CEDULA.jpg"].resultado is Resultado.CUMPLE
    assert h["cedula.jpg"].motivo == (
        "sobra: 'CEDULA.jpg' ya es el archivo de Tabla de especificaciones de archivos (2.2.3), fila 7 "
        "(Cédula profesional (anverso y reverso))"
    )


def test_el_orden_de_creacion_no_cambia_el_resultado(tmp_path: Path, xlvi: Convocatoria) -> None:
    names = ["CURP.jpg", "Acta de Nacimiento.JPG", "otro.png", "TITULO1.jpg"]
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    for name in names:
        escribir(first, name)
    for name in reversed(names):
        escribir(second, name)
    one = revisar_archivos(xlvi, first, MEXICANO)
    two = revisar_archivos(xlvi, second, MEXICANO)
    assert one.hallazgos == two.hallazgos


def test_preguntas_que_no_se_pueden_responder(tmp_path: Path, xlvi: Convocatoria) -> None:
    with pytest.raises(InvalidQueryError, match="no tiene tabla de archivos"):
        revisar_archivos(load_convocatoria("imss-cer-2026-2027"), tmp_path, MEXICANO)
    with pytest.raises(InvalidQueryError, match="no es un directorio"):
        revisar_archivos(xlvi, tmp_path / "no-existe", MEXICANO)
    with pytest.raises(InvalidQueryError, match="mexicano o extranjero, no las dos cosas"):
        revisar_archivos(xlvi, tmp_path, {Participante.MEXICANO, Participante.EXTRANJERO})
