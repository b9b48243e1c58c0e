"""Reading a JPEG's header with the standard library: size, resolution and completeness.

The IMSS ENARM calls ask for each digitalised document as a JPG at 300 ppp ("puntos por
pulgada", dots per inch) of at most 400 KB. This module reads what a file says about itself:

- the signature: a JPEG starts with the SOI marker ``FF D8`` (anything else raises
  :class:`NotJPEGError`, a :class:`ValueError` with a Spanish message);
- the segments ``FF xx`` + big-endian length, walked one by one: the JFIF APP0 density (units
  0 = aspect ratio only, 1 = dots per inch, 2 = dots per centimetre), the EXIF APP1 TIFF header
  (``II`` little-endian or ``MM`` big-endian; IFD0 ``XResolution``/``YResolution`` rationals and
  ``ResolutionUnit`` 2 = inch, 3 = centimetre, inch when absent, as EXIF/TIFF say), the image size
  from the SOFn frame header;
- the entropy-coded data after each SOS, skipped up to the next real marker (``FF 00`` is a stuffed
  byte, ``FF D0``-``FF D7`` restart markers), until the end-of-image marker ``FF D9``.

A header reader alone accepts a truncated file, so the walk goes on to the end: :attr:`InfoJPEG.completo`
says whether ``FF D9`` was reached. Malformed lengths never raise and never loop: every step moves
forward, and what could not be read is described in :attr:`InfoJPEG.problemas`.

:func:`read_jpeg_file` reads only what these checks need from a file on disk: the header segments
up to the first scan (at most :data:`MAX_CABECERA` bytes), the end-of-image marker from the last
:data:`COLA` bytes, and the size from the system (``stat``); it refuses anything but a regular file
(a FIFO named ``X.JPG`` does not block it, ``/dev/zero`` does not fill memory). Then
:attr:`InfoJPEG.escaneos` counts the scans found in the header (the first).

>>> info = read_jpeg(bytes.fromhex("ffd8 ffe0 0010 4a46494600 0101 01 012c 012c 0000 ffd9"))
>>> info.ppp_jfif
Resolucion(x=Fraction(300, 1), y=Fraction(300, 1), fuente='JFIF', unidad='pulgada', unidad_supuesta=False)
>>> str(info.ppp_jfif), info.fin_de_imagen, info.completo
('300 ppp (JFIF)', True, False)
>>> read_jpeg(b"\\x89PNG\\r\\n\\x1a\\n")
Traceback (most recent call last):
...
residencias.rules.jpeg.NotJPEGError: no es un JPEG: empieza por 89 50 4E 47 (firma de PNG), \
no por la firma FF D8 de JPEG
"""

from __future__ import annotations

import os
from decimal import Decimal
from fractions import Fraction
from typing import BinaryIO, Literal

import attrs

from residencias.errors import ResidenciasError
from residencias.loading.entrada import MIB, abrir_regular

__all__ = [
    "COLA",
    "MAX_CABECERA",
    "DensidadJFIF",
    "InfoJPEG",
    "NotJPEGError",
    "Resolucion",
    "ResolucionEXIF",
    "format_numero",
    "read_jpeg",
    "read_jpeg_file",
]

MAX_CABECERA = 2 * MIB
"""The header (every segment before the first scan) is read up to this many bytes."""
COLA = 64 * 1024
"""The end-of-image marker is looked for in this many bytes at the end of the file."""

SOI = b"\xff\xd8"
_EOI = 0xD9
_SOS = 0xDA
_APP0 = 0xE0
_APP1 = 0xE1
# SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
# Markers without a length: TEM and the restart markers RST0..RST7.
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})
_CM_PER_INCH = Fraction(254, 100)
_Order = Literal["little", "big"]

_TAG_X_RESOLUTION = 0x011A
_TAG_Y_RESOLUTION = 0x011B
_TAG_RESOLUTION_UNIT = 0x0128
_TIFF_SHORT = 3
_TIFF_LONG = 4
_TIFF_RATIONAL = 5

# What a file that is not a JPEG most often is, by its first bytes (for the error message).
_OTHER_FORMATS: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "PNG"),
    (b"%PDF", 0, "PDF"),
    (b"GIF8", 0, "GIF"),
    (b"II*\x00", 0, "TIFF"),
    (b"MM\x00*", 0, "TIFF"),
    (b"BM", 0, "BMP"),
    (b"WEBP", 8, "WebP"),
    (b"ftypheic", 4, "HEIC"),
    (b"ftypmif1", 4, "HEIF"),
    (b"PK\x03\x04", 0, "ZIP/DOCX"),
)


def _hex(data: bytes) -> str:
    return " ".join(f"{b:02X}" for b in data)


def format_numero(value: Fraction) -> str:
    """An exact value for a person: the integer when it is one, else two decimals.

    >>> format_numero(Fraction(300)), format_numero(Fraction(118) * Fraction(254, 100))
    ('300', '299.72')
    """
    if value.denominator == 1:
        return str(value.numerator)
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return str(exact.quantize(Decimal("0.01")))


class NotJPEGError(ResidenciasError, ValueError):
    """The bytes do not start with the JPEG signature ``FF D8`` (SOI)."""

    def __init__(self, inicio: bytes, tamano: int | None = None) -> None:
        self.inicio = bytes(inicio[:16])
        self.tamano = len(inicio) if tamano is None else tamano
        """The file's size in bytes (from the system, for a file read in part)."""
        self.formato: str | None = next(
            (name for magic, at, name in _OTHER_FORMATS if inicio[at:at + len(magic)] == magic), None
        )
        if not inicio:
            message = "no es un JPEG: el archivo está vacío (un JPEG empieza por la firma FF D8)"
        else:
            shown = _hex(self.inicio[:4])
            kind = f" (firma de {self.formato})" if self.formato else ""
            message = f"no es un JPEG: empieza por {shown}{kind}, no por la firma FF D8 de JPEG"
        super().__init__(message)


@attrs.frozen
class Resolucion:
    """A resolution in dots per inch (ppp), exact, and where it came from."""

    x: Fraction
    y: Fraction
    fuente: str
    """``"JFIF"`` or ``"EXIF"``."""
    unidad: str
    """The unit the file used: ``"pulgada"`` or ``"centímetro"`` (converted, 1 in = 2.54 cm)."""
    unidad_supuesta: bool = False
    """EXIF without ``ResolutionUnit``: inch, the EXIF/TIFF default, was assumed."""

    def __str__(self) -> str:
        if self.x == self.y:
            value = f"{format_numero(self.x)} ppp"
        else:
            value = f"{format_numero(self.x)} × {format_numero(self.y)} ppp"
        details = [self.fuente]
        if self.unidad == "centímetro":
            details.append("declarada en puntos por centímetro")
        if self.unidad_supuesta:
            details.append("sin ResolutionUnit: pulgadas por omisión")
        return f"{value} ({', '.join(details)})"


@attrs.frozen
class DensidadJFIF:
    """The JFIF APP0 segment: version and pixel density as written."""

    version: tuple[int, int]
    unidades: int
    """0: no unit (aspect ratio only); 1: dots per inch; 2: dots per centimetre."""
    x: int
    y: int

    @property
    def ppp(self) -> Resolucion | None:
        """The density in dots per inch, or ``None`` when the segment gives no absolute unit."""
        if self.x <= 0 or self.y <= 0:
            return None
        if self.unidades == 1:
            return Resolucion(Fraction(self.x), Fraction(self.y), "JFIF", "pulgada")
        if self.unidades == 2:
            return Resolucion(self.x * _CM_PER_INCH, self.y * _CM_PER_INCH, "JFIF", "centímetro")
        return None


@attrs.frozen
class ResolucionEXIF:
    """The resolution tags of the EXIF IFD0, as written (``None``: tag absent or unreadable)."""

    orden_bytes: str
    """``"II"`` (little-endian) or ``"MM"`` (big-endian)."""
    x: Fraction | None
    y: Fraction | None
    unidad: int | None
    """ResolutionUnit: 1 no unit, 2 inch, 3 centimetre; ``None`` when absent (inch by default)."""

    @property
    def ppp(self) -> Resolucion | None:
        """The resolution in dots per inch, or ``None`` when the tags do not give one."""
        if self.x is None or self.y is None or self.x <= 0 or self.y <= 0:
            return None
        unit = 2 if self.unidad is None else self.unidad
        if unit == 2:
            return Resolucion(self.x, self.y, "EXIF", "pulgada", unidad_supuesta=self.unidad is None)
        if unit == 3:
            return Resolucion(self.x * _CM_PER_INCH, self.y * _CM_PER_INCH, "EXIF", "centímetro")
        return None


@attrs.frozen
class InfoJPEG:
    """What a JPEG file says about itself (see the module docstring for how it is read)."""

    tamano: int
    """Length of the file in bytes."""
    ancho: int | None = None
    alto: int | None = None
    componentes: int | None = None
    sof: int | None = None
    """The frame marker's second byte (0xC0 baseline, 0xC2 progressive...), if one was found."""
    jfif: DensidadJFIF | None = None
    exif: ResolucionEXIF | None = None
    escaneos: int = 0
    """How many SOS scans were found."""
    fin_de_imagen: bool = False
    """The end-of-image marker ``FF D9`` was reached by the walk."""
    bytes_tras_fin: int = 0
    """Bytes after ``FF D9`` (some cameras pad; harmless to decoders)."""
    problemas: tuple[str, ...] = ()
    """What could not be read, in Spanish, in file order."""

    @property
    def ppp_jfif(self) -> Resolucion | None:
        return None if self.jfif is None else self.jfif.ppp

    @property
    def ppp_exif(self) -> Resolucion | None:
        return None if self.exif is None else self.exif.ppp

    @property
    def completo(self) -> bool:
        """A frame header before the first scan, at least one scan and the end-of-image marker: a
        whole image (a frame header found only after a scan frames none of it)."""
        return self.fin_de_imagen and self.sof is not None and self.escaneos > 0


def _u16(data: bytes, offset: int, order: _Order) -> int | None:
    if offset < 0 or offset + 2 > len(data):
        return None
    return int.from_bytes(data[offset:offset + 2], order)


def _u32(data: bytes, offset: int, order: _Order) -> int | None:
    if offset < 0 or offset + 4 > len(data):
        return None
    return int.from_bytes(data[offset:offset + 4], order)


def _read_jfif(payload: bytes, problemas: list[str]) -> DensidadJFIF | None:
    if len(payload) < 12:
        problemas.append(f"el segmento JFIF (APP0) es corto ({len(payload)} bytes) para traer la densidad")
        return None
    return DensidadJFIF(
        version=(payload[5], payload[6]),
        unidades=payload[7],
        x=int.from_bytes(payload[8:10], "big"),
        y=int.from_bytes(payload[10:12], "big"),
    )


def _exif_rational(tiff: bytes, entry: int, order: _Order, problemas: list[str]) -> Fraction | None:
    name = "XResolution" if _u16(tiff, entry, order) == _TAG_X_RESOLUTION else "YResolution"
    kind = _u16(tiff, entry + 2, order)
    if kind != _TIFF_RATIONAL:
        problemas.append(f"EXIF: {name} de tipo {kind}, no RATIONAL (5)")
        return None
    where = _u32(tiff, entry + 8, order)
    numerator = None if where is None else _u32(tiff, where, order)
    denominator = None if where is None else _u32(tiff, where + 4, order)
    if numerator is None or denominator is None:
        problemas.append(f"EXIF: el valor de {name} queda fuera del segmento")
        return None
    if denominator == 0:
        problemas.append(f"EXIF: {name} tiene denominador 0")
        return None
    return Fraction(numerator, denominator)


def _exif_unit(tiff: bytes, entry: int, order: _Order, problemas: list[str]) -> int | None:
    kind = _u16(tiff, entry + 2, order)
    if kind == _TIFF_SHORT:
        return _u16(tiff, entry + 8, order)
    if kind == _TIFF_LONG:
        return _u32(tiff, entry + 8, order)
    problemas.append(f"EXIF: ResolutionUnit de tipo {kind}, no SHORT (3)")
    return None


def _read_exif(tiff: bytes, problemas: list[str]) -> ResolucionEXIF | None:
    """IFD0 of the TIFF structure inside an EXIF APP1 segment (after ``Exif\\0\\0``)."""
    marca = tiff[:2]
    orders: dict[bytes, _Order] = {b"II": "little", b"MM": "big"}
    if marca not in orders:
        problemas.append(f"EXIF con orden de bytes desconocido {_hex(marca)} (se esperaba II o MM)")
        return None
    order = orders[marca]
    orden_bytes = marca.decode("ascii")
    if _u16(tiff, 2, order) != 42:
        problemas.append("EXIF sin la marca TIFF 42 tras el orden de bytes")
        return None
    ifd = _u32(tiff, 4, order)
    count = None if ifd is None else _u16(tiff, ifd, order)
    if ifd is None or count is None:
        problemas.append("EXIF: el directorio IFD0 queda fuera del segmento")
        return ResolucionEXIF(orden_bytes, None, None, None)
    room = max(0, (len(tiff) - ifd - 2) // 12)
    if count > room:
        problemas.append(f"EXIF: el IFD0 anuncia {count} entradas y solo caben {room} en el segmento")
        count = room
    x = y = None
    unit = None
    for entry in range(ifd + 2, ifd + 2 + 12 * count, 12):
        tag = _u16(tiff, entry, order)
        if tag == _TAG_X_RESOLUTION and x is None:
            x = _exif_rational(tiff, entry, order, problemas)
        elif tag == _TAG_Y_RESOLUTION and y is None:
            y = _exif_rational(tiff, entry, order, problemas)
        elif tag == _TAG_RESOLUTION_UNIT and unit is None:
            unit = _exif_unit(tiff, entry, order, problemas)
    return ResolucionEXIF(orden_bytes, x, y, unit)


def _skip_entropy_data(data: bytes, start: int) -> int:
    """Index of the next marker after the entropy-coded data that begins at ``start``, or len(data)."""
    n = len(data)
    i = start
    while True:
        i = data.find(b"\xff", i)
        if i < 0 or i + 1 >= n:
            return n
        following = data[i + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:
            i += 2  # a stuffed FF or a restart marker: still inside the scan
        elif following == 0xFF:
            i += 1  # fill byte before a marker
        else:
            return i


@attrs.define
class _Walk:
    """The state of one pass over the segments (mutable; only :func:`read_jpeg` sees it)."""

    data: bytes
    problemas: list[str] = attrs.Factory(list)
    jfif: DensidadJFIF | None = None
    exif: ResolucionEXIF | None = None
    sof: int | None = None
    ancho: int | None = None
    alto: int | None = None
    componentes: int | None = None
    escaneos: int = 0
    eoi: int | None = None

    def next_marker(self, pos: int) -> int | None:
        """Position of the marker at or after ``pos`` (past stray bytes and fill bytes), or None."""
        data, n = self.data, len(self.data)
        if data[pos] != 0xFF:
            following = data.find(b"\xff", pos)
            if following < 0:
                self.problemas.append(f"{n - pos} bytes sin marcador desde el byte {pos} hasta el final")
                return None
            self.problemas.append(f"{following - pos} bytes ajenos antes del marcador del byte {following}")
            pos = following
        while pos + 1 < n and data[pos + 1] == 0xFF:
            pos += 1
        return pos if pos + 1 < n else None

    def segment(self, marker: int, payload: bytes, pos: int) -> None:
        if marker == _APP0 and payload.startswith(b"JFIF\x00") and self.jfif is None:
            self.jfif = _read_jfif(payload, self.problemas)
        elif marker == _APP1 and payload.startswith(b"Exif\x00") and self.exif is None:
            self.exif = _read_exif(payload[6:], self.problemas)
        elif marker in _SOF and self.sof is None:
            if self.escaneos:  # ITU-T T.81, B.2.1: the frame header comes before the scans of its frame
                self.problemas.append(f"el encabezado de marco FF {marker:02X} del byte {pos} llega después "
                                      "del primer escaneo (SOS): los datos de la imagen no tienen marco")
                return
            if len(payload) < 6:
                self.problemas.append(f"el encabezado de marco FF {marker:02X} del byte {pos} es corto")
                return
            self.sof = marker
            self.alto = int.from_bytes(payload[1:3], "big")
            self.ancho = int.from_bytes(payload[3:5], "big")
            self.componentes = payload[5]

    def info(self, tamano: int, eoi: int | None) -> InfoJPEG:
        """What the walk found, for a file of ``tamano`` bytes whose end-of-image marker is at
        ``eoi`` (``None``: not found, which is said among the problems)."""
        if eoi is None:
            self.problemas.append(f"el archivo acaba tras {tamano} bytes sin el marcador de fin FF D9")
        return InfoJPEG(
            tamano=tamano,
            ancho=self.ancho,
            alto=self.alto,
            componentes=self.componentes,
            sof=self.sof,
            jfif=self.jfif,
            exif=self.exif,
            escaneos=self.escaneos,
            fin_de_imagen=eoi is not None,
            bytes_tras_fin=0 if eoi is None else tamano - eoi - 2,
            problemas=tuple(self.problemas),
        )

    def step(self, start: int) -> int | None:
        """Read the marker at or after ``start``; the position after it, or None to stop."""
        data, n = self.data, len(self.data)
        pos = self.next_marker(start)
        if pos is None:
            return None
        marker = data[pos + 1]
        if marker == _EOI:
            self.eoi = pos
            return None
        if marker in _STANDALONE:
            return pos + 2
        if marker in (0x00, 0xD8):
            self.problemas.append(f"marcador FF {marker:02X} fuera de lugar en el byte {pos}")
            return pos + 2
        if pos + 4 > n:
            return None
        length = int.from_bytes(data[pos + 2:pos + 4], "big")
        if length < 2:
            self.problemas.append(
                f"el segmento FF {marker:02X} del byte {pos} declara la longitud {length} (mínimo 2); "
                "no se puede seguir leyendo"
            )
            return None
        end = pos + 2 + length
        if end > n:
            self.problemas.append(
                f"el segmento FF {marker:02X} del byte {pos} declara {length} bytes; el archivo acaba antes"
            )
            return None
        self.segment(marker, data[pos + 4:end], pos)
        if marker == _SOS:
            self.escaneos += 1
            return _skip_entropy_data(data, end)
        return end


def read_jpeg(datos: bytes) -> InfoJPEG:
    """Read the JPEG in ``datos``; raise :class:`NotJPEGError` if it does not start with ``FF D8``.

    Anything after the signature is read as far as it goes: a truncated or malformed file gives an
    :class:`InfoJPEG` with ``completo`` false and its ``problemas``, never an exception.
    """
    data = bytes(datos)
    if not data.startswith(SOI):
        raise NotJPEGError(data)
    walk = _Walk(data)
    pos: int | None = len(SOI)
    while pos is not None and pos < len(data):  # every step moves forward or stops
        pos = walk.step(pos)
    return walk.info(len(data), walk.eoi)


def _read_head(stream: BinaryIO) -> bytes:
    """SOI and the segments after it, up to and including the first SOS header (or EOI, or the end
    of the file, or :data:`MAX_CABECERA` bytes); each segment is read whole, by its length."""
    data = bytearray(stream.read(len(SOI)))
    if bytes(data) != SOI:
        return bytes(data) + stream.read(14)
    while len(data) < MAX_CABECERA:
        byte = stream.read(1)
        if not byte:
            break
        data += byte
        if byte != b"\xff":
            continue  # a stray byte: the walk reports it
        marker = stream.read(1)
        while marker == b"\xff":  # fill bytes
            data += marker
            marker = stream.read(1)
        if not marker:
            break
        data += marker
        code = marker[0]
        if code == _EOI:
            break
        if code in _STANDALONE or code in (0x00, 0xD8):
            continue
        length = stream.read(2)
        data += length
        if len(length) < 2 or int.from_bytes(length, "big") < 2:
            break
        payload = stream.read(int.from_bytes(length, "big") - 2)
        data += payload
        if code == _SOS or len(payload) < int.from_bytes(length, "big") - 2:
            break
    return bytes(data)


def read_jpeg_file(ruta: str | os.PathLike[str]) -> InfoJPEG:
    """What a JPEG file on disk says about itself, reading only its header and its tail (see the
    module docstring). Raise :class:`NotJPEGError` (with the file's size) for a file that does not
    start with ``FF D8``, and :class:`~residencias.errors.DataFileError` for one that cannot be read
    or is not a regular file."""
    with abrir_regular(ruta, que="un archivo JPG") as (stream, size):
        head = _read_head(stream)
        if not head.startswith(SOI):
            raise NotJPEGError(head, size)
        walk = _Walk(head)
        pos: int | None = len(SOI)
        while pos is not None and pos < len(head):
            pos = walk.step(pos)
        if walk.eoi is None and walk.escaneos == 0 and len(head) >= MAX_CABECERA:
            walk.problemas.append(f"no se encontró el inicio de la imagen (SOS) en los primeros "
                                  f"{MAX_CABECERA} bytes")
        tail_start = max(len(head), size - COLA)
        stream.seek(tail_start)
        tail = stream.read(max(0, size - tail_start))
    eoi = walk.eoi
    if eoi is None and walk.escaneos > 0:
        found = tail.rfind(b"\xff\xd9")
        eoi = None if found < 0 else tail_start + found
    return walk.info(size, eoi)
