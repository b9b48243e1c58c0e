"""Checking the real files of an electronic expediente against a convocatoria's file table.

The IMSS ENARM calls (XLVI, 2.1 nota 2; XLIX, 2.2.3) give one row per document: who provides it
(PARTICIPANTE), the resolution (300 ppp), the maximum size (400 KB), the format (Jpg / JPG) and
the file name (NOMBRE), and add: "Los archivos deben subirse con el nombre especificado igual que
en la columna NOMBRE (En mayúsculas, sin acentos y sin símbolos)"; "Si no cumple con las
especificaciones se cancela el registro".

:func:`revisar_archivos` looks at every file of a directory and every row of the table that
applies to the person (``aplica`` and PARTICIPANTE ``todos`` or one of theirs), and gives one
:class:`HallazgoArchivo` per row and per file: ``cumple`` (every check passes), ``no_cumple``
(a check fails, or the file matches no row that applies) or ``falta`` (no file for the row).
A file's checks (:class:`Comprobacion`) are its name, the JPEG signature, completeness (the
end-of-image marker ``FF D9``), its size and its resolution (JFIF and EXIF, read by
:mod:`residencias.rules.jpeg`).

A near miss is matched to its row and gets the right name suggested: the name is folded with
:func:`clave_de_nombre` (NFKD, accents dropped, only A-Z and 0-9 kept, upper case) and compared with
the column NOMBRE, then with :mod:`difflib` for typos.

>>> clave_de_nombre("Acta de Nacimiento")
'ACTADENACIMIENTO'
>>> clave_de_nombre("título_1 (reverso)")
'TITULO1REVERSO'

Where the documents are silent the check has to choose; each choice is a ``supuesto`` listed in
:data:`SUPUESTOS`, kept in every :class:`RevisionArchivos` and cited by each finding it decided.
"""

from __future__ import annotations

import difflib
import enum
import math
import os
import re
from collections.abc import Iterable
from fractions import Fraction
from pathlib import Path

import attrs

from residencias.domain.archivos import EspecificacionArchivo, Participante
from residencias.domain.convocatoria import Convocatoria
from residencias.errors import InvalidQueryError
from residencias.rules.jpeg import InfoJPEG, NotJPEGError, Resolucion, read_jpeg
from residencias.text import strip_accents

__all__ = [
    "SUPUESTOS",
    "SUPUESTO_EXIF_SIN_UNIDAD",
    "SUPUESTO_EXTENSION",
    "SUPUESTO_KB",
    "SUPUESTO_NO_ESPERADOS",
    "SUPUESTO_PPP_DESCONOCIDA",
    "SUPUESTO_PPP_DISCREPANTE",
    "SUPUESTO_PPP_EXACTA",
    "SUPUESTO_PPP_REDONDEO",
    "Aspecto",
    "Comprobacion",
    "HallazgoArchivo",
    "Resultado",
    "RevisionArchivos",
    "clave_de_nombre",
    "nombre_esperado",
    "revisar_archivos",
]

BYTES_POR_KB = 1000
"""The reading of "KB" (see :data:`SUPUESTO_KB`)."""

EXTENSION = ".jpg"

SUPUESTO_EXTENSION = (
    "Extensión: la tabla da el formato («Jpg» o «JPG», según la convocatoria) y el nombre sin "
    "extensión; se acepta «.jpg» con cualquier combinación de mayúsculas y minúsculas (el nombre, en "
    "cambio, debe ser el de la columna NOMBRE, en mayúsculas); «.jpeg» no es la extensión del formato "
    "escrito y no cumple: se sugiere el mismo nombre con «.jpg»."
)
SUPUESTO_KB = (
    "Tamaño: los documentos dicen «400 KB» sin decir si 1 KB son 1000 o 1024 bytes; se lee "
    "1 KB = 1000 bytes (400 KB = 400,000 bytes), la lectura más estricta: un archivo que cumple aquí "
    "cumple con las dos lecturas."
)
SUPUESTO_PPP_EXACTA = (
    "Resolución: la tabla da un solo valor (300 ppp) sin decir «mínimo» ni «máximo»; se exige ese valor "
    "en los dos ejes, así que una resolución mayor tampoco cumple."
)
SUPUESTO_PPP_REDONDEO = (
    "Resolución: los ppp se comparan redondeados al entero más cercano, porque JFIF guarda enteros y "
    "300 ppp no es un número entero de puntos por centímetro (118 puntos/cm = 299.72 ppp cuenta como 300)."
)
SUPUESTO_PPP_DISCREPANTE = (
    "Resolución: si JFIF y EXIF declaran resoluciones distintas no se sabe cuál leerá el sistema de "
    "registro; no se da por cumplida y se informan las dos."
)
SUPUESTO_PPP_DESCONOCIDA = (
    "Resolución: si el archivo no la declara (ni JFIF con unidades ni EXIF) es desconocida, y una "
    "resolución desconocida no se da por cumplida."
)
SUPUESTO_EXIF_SIN_UNIDAD = (
    "Resolución: un EXIF sin ResolutionUnit se lee en pulgadas, el valor por omisión de las normas "
    "EXIF y TIFF."
)
SUPUESTO_NO_ESPERADOS = (
    "Archivos no esperados: un archivo del directorio que no corresponde a ninguna fila de la tabla que "
    "aplique al aspirante no cumple, porque no puede subirse con un nombre de la columna NOMBRE."
)

SUPUESTOS: tuple[str, ...] = (
    SUPUESTO_EXTENSION,
    SUPUESTO_KB,
    SUPUESTO_PPP_EXACTA,
    SUPUESTO_PPP_REDONDEO,
    SUPUESTO_PPP_DISCREPANTE,
    SUPUESTO_PPP_DESCONOCIDA,
    SUPUESTO_EXIF_SIN_UNIDAD,
    SUPUESTO_NO_ESPERADOS,
)
"""Every choice the check makes where the documents are silent, in the order they are numbered."""

_NOT_NAME = re.compile(r"[^A-Z0-9]+")
_ROW_SUFFIX = re.compile(r",\s*filas?\s.*\Z")
_TYPO_CUTOFF = 0.8
_JPEG_FORMATS = frozenset({"JPG", "JPEG"})

_QUIEN = {
    Participante.TODOS: "todos los aspirantes",
    Participante.MEXICANO: "los aspirantes mexicanos",
    Participante.EXTRANJERO: "los aspirantes extranjeros",
    Participante.TRABAJADOR_IMSS: "los trabajadores IMSS",
    Participante.HIJO_TRABAJADOR_IMSS: "los hijos de trabajadores IMSS",
}


class Resultado(enum.Enum):
    """The outcome of one finding."""

    CUMPLE = "cumple"
    NO_CUMPLE = "no_cumple"
    FALTA = "falta"

    @property
    def texto(self) -> str:
        """As a person reads it: ``cumple``, ``no cumple``, ``falta``."""
        return self.value.replace("_", " ")


class Aspecto(enum.Enum):
    """What one check looks at."""

    ARCHIVO = "archivo"
    """The file is there (or, for a file, that a row of the table asks for it)."""
    NOMBRE = "nombre"
    FORMATO = "formato"
    INTEGRIDAD = "integridad"
    TAMANO = "tamano"
    RESOLUCION = "resolucion"


@attrs.frozen
class Comprobacion:
    """One check of one file: what was looked at, whether it passed, and why (Spanish)."""

    aspecto: Aspecto
    cumple: bool
    motivo: str
    supuestos: tuple[str, ...] = ()
    """The supuestos (from :data:`SUPUESTOS`) that decided this check."""


@attrs.frozen
class HallazgoArchivo:
    """One row of the table or one file of the directory, with its outcome and the reason.

    ``archivo`` is the file's name as found (``None`` when it is missing); ``nombre``, ``documento``
    and ``articulo`` come from the table's row (``nombre`` and ``documento`` are ``None`` for a
    file no row asks for, which cites the table itself).
    """

    archivo: str | None
    nombre: str | None
    articulo: str
    resultado: Resultado
    motivo: str
    documento: str | None = None
    sugerencia: str | None = None
    """The name the file should have, when it is a near miss."""
    comprobaciones: tuple[Comprobacion, ...] = ()
    supuestos: tuple[str, ...] = ()
    """The supuestos that decided this outcome."""

    @property
    def etiqueta(self) -> str:
        """The file as found, with the suggested name; or the expected name when it is missing."""
        if self.archivo is None:
            return f"{self.nombre}{EXTENSION}"
        if self.sugerencia:
            return f"{self.archivo} -> {self.sugerencia}"
        return self.archivo

    def __str__(self) -> str:
        return f"{self.resultado.texto} {self.articulo} ({self.etiqueta}): {self.motivo}"


@attrs.frozen
class RevisionArchivos:
    """The findings of :func:`revisar_archivos` on one directory, table order then extra files."""

    convocatoria: str
    directorio: str
    participantes: tuple[Participante, ...]
    hallazgos: tuple[HallazgoArchivo, ...]
    supuestos: tuple[str, ...] = SUPUESTOS

    @property
    def ok(self) -> bool:
        """Every expected file is there and every file passes every check."""
        return all(h.resultado is Resultado.CUMPLE for h in self.hallazgos)

    @property
    def fallidos(self) -> tuple[HallazgoArchivo, ...]:
        return tuple(h for h in self.hallazgos if h.resultado is not Resultado.CUMPLE)

    def explicar(self) -> str:
        """The review in Spanish: the verdict, the failing findings first, then the supuestos."""
        quienes = ", ".join(p.value for p in self.participantes)
        counts = {r: sum(1 for h in self.hallazgos if h.resultado is r) for r in Resultado}
        verdict = "cumple" if self.ok else "no cumple"
        lines = [
            f"Revisión de archivos de {self.directorio} con la tabla de {self.convocatoria} "
            f"(participante: {quienes})",
            f"Resultado: {verdict} (no cumplen: {counts[Resultado.NO_CUMPLE]}, "
            f"faltan: {counts[Resultado.FALTA]}, cumplen: {counts[Resultado.CUMPLE]})",
        ]
        ordered = sorted(self.hallazgos, key=lambda h: h.resultado is Resultado.CUMPLE)
        for hallazgo in ordered:
            marks = "".join(f" [supuesto {self.supuestos.index(s) + 1}]" for s in hallazgo.supuestos
                            if s in self.supuestos)
            lines.append(f"{hallazgo}{marks}")
        lines.append("Supuestos:")
        lines.extend(f"  supuesto {n}: {text}" for n, text in enumerate(self.supuestos, start=1))
        return "\n".join(lines)


def clave_de_nombre(texto: str) -> str:
    """Fold a file name (without extension) the way the column NOMBRE is written.

    NFKD, combining marks dropped, upper case, only ``A-Z`` and ``0-9`` kept.
    """
    return _NOT_NAME.sub("", strip_accents(texto).upper())


def nombre_esperado(fila: EspecificacionArchivo) -> str:
    """The file name a row asks for: its NOMBRE plus ``.jpg``."""
    if fila.nombre is None:
        raise InvalidQueryError(f"la fila '{fila.documento}' ({fila.articulo}) no pide archivo")
    return f"{fila.nombre}{EXTENSION}"


# ---------------------------------------------------------------------------------------------
# Matching files to rows


@attrs.frozen
class _Coincidencia:
    """How one file name relates to the table."""

    fila: EspecificacionArchivo | None
    forma: str
    """``exacto`` (name and extension right), ``normalizado`` (same after folding),
    ``parecido`` (one closest name by difflib) or ``ninguna``."""
    alternativas: tuple[str, ...] = ()


def _coincidencia(archivo: str, filas: dict[str, EspecificacionArchivo]) -> _Coincidencia:
    stem, ext = os.path.splitext(archivo)
    if stem in filas and ext.lower() == EXTENSION:
        return _Coincidencia(filas[stem], "exacto")
    clave = clave_de_nombre(stem)
    if clave in filas:
        return _Coincidencia(filas[clave], "normalizado")
    close = difflib.get_close_matches(clave, list(filas), n=3, cutoff=_TYPO_CUTOFF)
    if not close:
        return _Coincidencia(None, "ninguna")
    ratios = {name: difflib.SequenceMatcher(None, clave, name).ratio() for name in close}
    best = max(ratios.values())
    tops = tuple(sorted(name for name, ratio in ratios.items() if ratio == best))
    if len(tops) == 1:
        return _Coincidencia(filas[tops[0]], "parecido")
    return _Coincidencia(None, "ninguna", tops)


# ---------------------------------------------------------------------------------------------
# The checks of one file


def _check_nombre(fila: EspecificacionArchivo, archivo: str, forma: str) -> Comprobacion:
    assert fila.nombre is not None
    stem, ext = os.path.splitext(archivo)
    esperado = nombre_esperado(fila)
    if stem == fila.nombre and ext.lower() == EXTENSION:
        if ext == EXTENSION:
            return Comprobacion(Aspecto.NOMBRE, True, f"se llama '{archivo}', como la columna NOMBRE")
        return Comprobacion(
            Aspecto.NOMBRE, True,
            f"se llama '{archivo}', como la columna NOMBRE (extensión '{ext}' aceptada)",
            (SUPUESTO_EXTENSION,),
        )
    problems: list[str] = []
    if forma == "parecido":
        problems.append(f"'{stem}' no está en la columna NOMBRE; el nombre más parecido es '{fila.nombre}'")
    elif stem != fila.nombre:
        problems.append(
            f"la columna NOMBRE dice '{fila.nombre}' (en mayúsculas, sin acentos ni símbolos) "
            f"y el archivo se llama '{stem}'"
        )
    if ext.lower() != EXTENSION:
        shown = f"la extensión es '{ext}'" if ext else "no tiene extensión"
        problems.append(f"{shown} y el formato de la tabla es «{fila.formato}» ('{EXTENSION}')")
    supuestos = (SUPUESTO_EXTENSION,) if ext.lower() == ".jpeg" else ()
    return Comprobacion(
        Aspecto.NOMBRE, False, f"debe llamarse '{esperado}': " + "; ".join(problems), supuestos
    )


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


def _check_file(fila: EspecificacionArchivo, path: Path, forma: str) -> tuple[Comprobacion, ...]:
    checks = [_check_nombre(fila, path.name, forma)]
    try:
        data = path.read_bytes()
    except OSError as error:
        checks.append(Comprobacion(Aspecto.ARCHIVO, False, f"no se pudo leer: {error.strerror or error}"))
        return tuple(checks)
    try:
        info = read_jpeg(data)
    except NotJPEGError as error:
        motivo = f"{error}; la tabla pide formato «{fila.formato}»"
        checks.append(Comprobacion(Aspecto.FORMATO, False, motivo))
        checks.append(_check_tamano(fila, len(data)))
        return tuple(checks)
    checks.append(Comprobacion(Aspecto.FORMATO, True, "es un JPEG (firma FF D8)"))
    checks.append(_check_integridad(info))
    checks.append(_check_tamano(fila, len(data)))
    checks.append(_check_resolucion(fila, info))
    return tuple(checks)


def _ordered_supuestos(checks: Iterable[Comprobacion]) -> tuple[str, ...]:
    used = {s for check in checks for s in check.supuestos}
    return tuple(s for s in SUPUESTOS if s in used)


def _hallazgo_de_fila(fila: EspecificacionArchivo, path: Path, forma: str) -> HallazgoArchivo:
    checks = _check_file(fila, path, forma)
    failing = [c for c in checks if not c.cumple]
    relevant = failing or list(checks)
    esperado = nombre_esperado(fila)
    return HallazgoArchivo(
        archivo=path.name,
        nombre=fila.nombre,
        articulo=fila.articulo,
        resultado=Resultado.NO_CUMPLE if failing else Resultado.CUMPLE,
        motivo="; ".join(c.motivo for c in relevant),
        documento=fila.documento,
        sugerencia=None if path.name == esperado or forma == "exacto" else esperado,
        comprobaciones=checks,
        supuestos=_ordered_supuestos(relevant),
    )


def _hallazgo_falta(fila: EspecificacionArchivo) -> HallazgoArchivo:
    motivo = (
        f"no hay '{nombre_esperado(fila)}' en el directorio ({fila.documento}; "
        f"la tabla lo pide a {_QUIEN[fila.participante]})"
    )
    return HallazgoArchivo(
        archivo=None,
        nombre=fila.nombre,
        articulo=fila.articulo,
        resultado=Resultado.FALTA,
        motivo=motivo,
        documento=fila.documento,
        comprobaciones=(Comprobacion(Aspecto.ARCHIVO, False, motivo),),
    )


def _hallazgo_sobrante(
    archivo: str, cita_tabla: str, motivo: str, fila: EspecificacionArchivo | None = None,
    sugerencia: str | None = None,
) -> HallazgoArchivo:
    return HallazgoArchivo(
        archivo=archivo,
        nombre=None if fila is None else fila.nombre,
        articulo=cita_tabla if fila is None else fila.articulo,
        resultado=Resultado.NO_CUMPLE,
        motivo=motivo,
        documento=None if fila is None else fila.documento,
        sugerencia=sugerencia,
        comprobaciones=(Comprobacion(Aspecto.ARCHIVO, False, motivo, (SUPUESTO_NO_ESPERADOS,)),),
        supuestos=(SUPUESTO_NO_ESPERADOS,),
    )


# ---------------------------------------------------------------------------------------------
# The review


def _participantes(participantes: Iterable[Participante]) -> frozenset[Participante]:
    given = frozenset(participantes)
    wrong = [p for p in given if not isinstance(p, Participante)]
    if wrong:
        valid = ", ".join(p.value for p in Participante)
        raise InvalidQueryError(f"participante desconocido {wrong[0]!r}; se esperaba uno de: {valid}")
    if {Participante.MEXICANO, Participante.EXTRANJERO} <= given:
        raise InvalidQueryError("un aspirante es mexicano o extranjero, no las dos cosas")
    return given | {Participante.TODOS}


def _cita_tabla(convocatoria: Convocatoria) -> str:
    first = convocatoria.archivos[0].articulo
    table = _ROW_SUFFIX.sub("", first)
    return table if table != first else f"tabla de archivos de {convocatoria.id}"


def _filas_pedidas(
    convocatoria: Convocatoria, participantes: frozenset[Participante]
) -> list[EspecificacionArchivo]:
    filas = [f for f in convocatoria.archivos if f.aplica and f.nombre and f.participante in participantes]
    for fila in filas:
        if fila.formato is None or fila.formato.upper() not in _JPEG_FORMATS:
            raise InvalidQueryError(
                f"{fila.articulo} pide el formato «{fila.formato}»; esta revisión solo sabe revisar JPG"
            )
    return filas


def _entries(directorio: Path) -> list[Path]:
    try:
        return sorted(directorio.iterdir(), key=lambda p: p.name)
    except OSError as error:
        raise InvalidQueryError(
            f"no se puede leer el directorio '{directorio}': {error.strerror or error}"
        ) from error


def _asignar(
    files: list[tuple[Path, _Coincidencia]],
    pedidas: list[EspecificacionArchivo],
    cita_tabla: str,
    sobrantes: dict[str, HallazgoArchivo],
) -> dict[str, tuple[Path, str]]:
    """Give each requested row its file: exact names first, then folded names, then typos.

    What no row takes goes to ``sobrantes`` with the reason.
    """
    asignados: dict[str, tuple[Path, str]] = {}
    for forma in ("exacto", "normalizado", "parecido"):
        for path, match in files:
            fila = match.fila
            if match.forma != forma or fila is None or fila.nombre is None:
                continue
            if fila not in pedidas:
                motivo = (
                    f"corresponde a {fila.articulo} ({fila.documento}), que se pide a "
                    f"{_QUIEN[fila.participante]}, no a este aspirante"
                )
                sobrantes[path.name] = _hallazgo_sobrante(path.name, cita_tabla, motivo, fila)
            elif fila.nombre in asignados:
                otro = asignados[fila.nombre][0].name
                motivo = f"sobra: '{otro}' ya es el archivo de {fila.articulo} ({fila.documento})"
                sobrantes[path.name] = _hallazgo_sobrante(path.name, cita_tabla, motivo, fila)
            else:
                asignados[fila.nombre] = (path, forma)
    for path, match in files:
        if match.forma == "ninguna":
            motivo = f"'{path.name}' no corresponde a ningún nombre de la columna NOMBRE"
            if match.alternativas:
                options = " o ".join(f"'{name}{EXTENSION}'" for name in match.alternativas)
                motivo += f"; ¿quiso decir {options}?"
            sobrantes[path.name] = _hallazgo_sobrante(path.name, cita_tabla, motivo)
    return asignados


def revisar_archivos(
    convocatoria: Convocatoria,
    directorio: str | os.PathLike[str],
    participantes: Iterable[Participante],
) -> RevisionArchivos:
    """Check the files of ``directorio`` against the file table of ``convocatoria``.

    ``participantes`` are the table's PARTICIPANTE values that describe the person (``todos``
    always applies), e.g. ``{Participante.MEXICANO, Participante.TRABAJADOR_IMSS}``. Raise
    :class:`~residencias.errors.InvalidQueryError` when the convocatoria has no file table, the
    directory cannot be read, or the participants contradict each other (mexicano and extranjero).
    """
    if not convocatoria.archivos:
        raise InvalidQueryError(
            f"la convocatoria '{convocatoria.id}' no tiene tabla de archivos; "
            "la tienen las del ENARM del IMSS"
        )
    quienes = _participantes(participantes)
    folder = Path(directorio)
    if not folder.is_dir():
        raise InvalidQueryError(f"'{folder}' no es un directorio")
    pedidas = _filas_pedidas(convocatoria, quienes)
    por_nombre = {f.nombre: f for f in convocatoria.archivos if f.nombre is not None}
    cita_tabla = _cita_tabla(convocatoria)

    files: list[tuple[Path, _Coincidencia]] = []
    sobrantes: dict[str, HallazgoArchivo] = {}
    for path in _entries(folder):
        if path.is_file():
            files.append((path, _coincidencia(path.name, por_nombre)))
        else:
            sobrantes[path.name] = _hallazgo_sobrante(
                path.name, cita_tabla, f"'{path.name}' no es un archivo regular; la tabla pide archivos JPG"
            )
    asignados = _asignar(files, pedidas, cita_tabla, sobrantes)
    hallazgos: list[HallazgoArchivo] = []
    for fila in pedidas:
        assert fila.nombre is not None
        if fila.nombre in asignados:
            path, forma = asignados[fila.nombre]
            hallazgos.append(_hallazgo_de_fila(fila, path, forma))
        else:
            hallazgos.append(_hallazgo_falta(fila))
    hallazgos.extend(sobrantes[name] for name in sorted(sobrantes))
    return RevisionArchivos(
        convocatoria=convocatoria.id,
        directorio=str(folder),
        participantes=tuple(p for p in Participante if p in quienes),
        hallazgos=tuple(hallazgos),
    )
