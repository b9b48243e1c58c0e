""":func:`revisar_archivos`: walk a directory, give each requested row its file, and gather one
finding per row and per file."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from pathlib import Path

from residencias.domain.archivos import EspecificacionArchivo, Participante
from residencias.domain.convocatoria import Convocatoria
from residencias.errors import InvalidQueryError
from residencias.loading.entrada import tipo_de_archivo
from residencias.rules.archivos.comprobaciones import check_file
from residencias.rules.archivos.filas import QUIEN, check_participantes, cita_de_tabla, filas_pedidas
from residencias.rules.archivos.hallazgos import (
    Aspecto,
    Comprobacion,
    Consecuencia,
    HallazgoArchivo,
    Resultado,
    RevisionArchivos,
)
from residencias.rules.archivos.nombres import Coincidencia, coincidencia, nombre_esperado
from residencias.rules.archivos.supuestos import EXTENSION, SUPUESTO_NO_ESPERADOS, SUPUESTOS
from residencias.text import una_linea

__all__ = ["revisar_archivos"]


def _ordered_supuestos(checks: Iterable[Comprobacion]) -> tuple[str, ...]:
    used = {s for check in checks for s in check.supuestos}
    return tuple(s for s in SUPUESTOS if s in used)


def _hallazgo_de_fila(fila: EspecificacionArchivo, path: Path, forma: str) -> HallazgoArchivo:
    checks = check_file(fila, path, forma)
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
        f"la tabla lo pide a {QUIEN[fila.participante]})"
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


def _no_regular(path: Path) -> str | None:
    """What an entry of the directory is when it is not a regular file (a link is followed), or
    ``None``: a FIFO, a device, a folder or a broken link is a finding, never read."""
    try:
        return tipo_de_archivo(os.stat(path).st_mode)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "un enlace simbólico en ciclo"
        return "un enlace simbólico roto" if path.is_symlink() else f"ilegible ({error.strerror})"


def _entries(directorio: Path) -> list[Path]:
    try:
        return sorted(directorio.iterdir(), key=lambda p: p.name)
    except OSError as error:
        raise InvalidQueryError(
            f"no se puede leer el directorio '{directorio}': {error.strerror or error}"
        ) from error


def _asignar(
    files: list[tuple[Path, Coincidencia]],
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
                    f"{QUIEN[fila.participante]}, no a este aspirante"
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
            motivo = f"'{una_linea(path.name)}' no corresponde a ningún nombre de la columna NOMBRE"
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
    quienes = check_participantes(participantes)
    folder = Path(directorio)
    if not folder.is_dir():
        raise InvalidQueryError(f"'{folder}' no es un directorio")
    pedidas = filas_pedidas(convocatoria, quienes)
    por_nombre = {f.nombre: f for f in convocatoria.archivos if f.nombre is not None}
    cita_tabla = cita_de_tabla(convocatoria)

    files: list[tuple[Path, Coincidencia]] = []
    sobrantes: dict[str, HallazgoArchivo] = {}
    for path in _entries(folder):
        kind = _no_regular(path)
        if kind is None:
            files.append((path, coincidencia(path.name, por_nombre)))
        else:
            sobrantes[path.name] = _hallazgo_sobrante(
                path.name, cita_tabla, f"'{una_linea(path.name)}' es {kind}, no un archivo regular; la "
                "tabla pide archivos JPG"
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
        consecuencias=consecuencias(convocatoria),
    )


_FACTS = ("archivos_conformes", "archivos_legibles")


def consecuencias(convocatoria: Convocatoria) -> tuple[Consecuencia, ...]:
    """What the call says follows from files that fail its table or are illegible: the
    ``consecuencia`` of each rule that reads ``archivos_conformes`` or ``archivos_legibles``."""
    out = []
    for regla in convocatoria.requisitos.reglas if convocatoria.requisitos else ():
        hecho = regla.condicion.hecho if regla.condicion is not None else None
        if hecho in _FACTS and regla.consecuencia is not None:
            out.append(Consecuencia(hecho, regla.id, regla.consecuencia.articulo, regla.consecuencia.texto))
    return tuple(out)
