"""The checks of one file against its row of the table: the name, the JPEG signature, completeness
(the end-of-image marker ``FF D9``), the size and the resolution (JFIF and EXIF)."""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path

from residencias.domain.archivos import EspecificacionArchivo
from residencias.errors import DataFileError
from residencias.rules.archivos.hallazgos import Aspecto, Comprobacion
from residencias.rules.archivos.nombres import check_nombre
from residencias.rules.archivos.supuestos import (
    BYTES_POR_KB,
    SUPUESTO_EXIF_SIN_UNIDAD,
    SUPUESTO_KB,
    SUPUESTO_PPP_DESCONOCIDA,
    SUPUESTO_PPP_DISCREPANTE,
    SUPUESTO_PPP_EXACTA,
    SUPUESTO_PPP_REDONDEO,
)
from residencias.rules.jpeg import InfoJPEG, NotJPEGError, Resolucion, read_jpeg_file

__all__ = ["check_file"]


def _check_integridad(info: InfoJPEG) -> Comprobacion:
    size = f"{info.ancho}×{info.alto} píxeles" if info.ancho is not None else "sin tamaño"
    if not info.fin_de_imagen:
        detail = next((p for p in info.problemas if "FF D9" not in p), None)
        reason = "JPEG incompleto (¿truncado?): no termina con el marcador de fin de imagen FF D9"
        if detail:
            reason += f" ({detail})"
        return Comprobacion(Aspecto.INTEGRIDAD, False, reason)
    if not info.completo:
        missing = "el encabezado de marco (SOF)" if info.sof is None else "los datos de imagen (SOS)"
        return Comprobacion(Aspecto.INTEGRIDAD, False, f"el JPEG no contiene una imagen: le falta {missing}")
    reason = f"JPEG completo, {size}, termina con el marcador de fin de imagen FF D9"
    if info.bytes_tras_fin:
        reason += f" (seguido de {info.bytes_tras_fin:,} bytes que los lectores ignoran)"
    return Comprobacion(Aspecto.INTEGRIDAD, True, reason)


def _check_tamano(fila: EspecificacionArchivo, tamano: int) -> Comprobacion:
    assert fila.tamano_maximo_kb is not None
    kb = fila.tamano_maximo_kb
    limit = kb * BYTES_POR_KB
    binary = kb * 1024
    if tamano <= limit:
        return Comprobacion(
            Aspecto.TAMANO, True, f"pesa {tamano:,} bytes, dentro de {kb} KB ({limit:,} bytes)"
        )
    if tamano <= binary:
        return Comprobacion(
            Aspecto.TAMANO, False,
            f"pesa {tamano:,} bytes y excede {kb} KB leídos como {limit:,} bytes (1 KB = 1000 bytes); "
            f"cabría si 1 KB fueran 1024 bytes ({binary:,} bytes)",
            (SUPUESTO_KB,),
        )
    return Comprobacion(
        Aspecto.TAMANO, False,
        f"pesa {tamano:,} bytes y excede {kb} KB ({limit:,} bytes; {binary:,} si 1 KB fueran 1024 bytes)",
    )


def _rounded(value: Fraction) -> int:
    return math.floor(value + Fraction(1, 2))


def _axes(resolucion: Resolucion) -> tuple[int, int]:
    return _rounded(resolucion.x), _rounded(resolucion.y)


def _check_resolucion(fila: EspecificacionArchivo, info: InfoJPEG) -> Comprobacion:
    assert fila.resolucion_ppp is not None
    target = fila.resolucion_ppp
    pide = f"la tabla pide {target} ppp"
    found = [r for r in (info.ppp_jfif, info.ppp_exif) if r is not None]
    if not found:
        where = []
        if info.jfif is None:
            where.append("sin segmento JFIF")
        else:
            where.append(f"JFIF sin unidades absolutas (unidades {info.jfif.unidades}: solo proporción)")
        if info.exif is None:
            where.append("sin EXIF")
        else:
            where.append("EXIF sin XResolution/YResolution en pulgadas o centímetros")
        return Comprobacion(
            Aspecto.RESOLUCION, False,
            f"resolución desconocida: el archivo no la declara ({', '.join(where)}); {pide}",
            (SUPUESTO_PPP_DESCONOCIDA,),
        )
    supuestos: list[str] = []
    if any(r.unidad_supuesta for r in found):
        supuestos.append(SUPUESTO_EXIF_SIN_UNIDAD)
    shown = " y ".join(str(r) for r in found)
    if len({_axes(r) for r in found}) > 1:
        return Comprobacion(
            Aspecto.RESOLUCION, False,
            f"JFIF y EXIF no concuerdan: {shown}; {pide}",
            (*supuestos, SUPUESTO_PPP_DISCREPANTE),
        )
    x, y = _axes(found[0])
    if any(v != _rounded(v) for r in found for v in (r.x, r.y)) and (x, y) == (target, target):
        supuestos.append(SUPUESTO_PPP_REDONDEO)
    if (x, y) == (target, target):
        return Comprobacion(Aspecto.RESOLUCION, True, f"resolución {shown}", tuple(supuestos))
    if x >= target and y >= target:
        supuestos.append(SUPUESTO_PPP_EXACTA)
    return Comprobacion(Aspecto.RESOLUCION, False, f"resolución {shown}; {pide}", tuple(supuestos))


def check_file(fila: EspecificacionArchivo, path: Path, forma: str) -> tuple[Comprobacion, ...]:
    """Every check of one file, in order: name, format, integrity, size, resolution (a file that
    is not a JPEG gets its name, format and size checked)."""
    checks = [check_nombre(fila, path.name, forma)]
    try:
        info = read_jpeg_file(path)
    except DataFileError as error:
        checks.append(Comprobacion(Aspecto.ARCHIVO, False, f"no se pudo leer: {error.problemas[0].mensaje}"))
        return tuple(checks)
    except NotJPEGError as error:
        motivo = f"{error}; la tabla pide formato «{fila.formato}»"
        checks.append(Comprobacion(Aspecto.FORMATO, False, motivo))
        checks.append(_check_tamano(fila, error.tamano))
        return tuple(checks)
    checks.append(Comprobacion(Aspecto.FORMATO, True, "es un JPEG (firma FF D8)"))
    checks.append(_check_integridad(info))
    checks.append(_check_tamano(fila, info.tamano))
    checks.append(_check_resolucion(fila, info))
    return tuple(checks)
