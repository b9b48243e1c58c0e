"""Reading a competition from a fixture: a YAML file, or a directory of two CSV files.

YAML (strict, as every data file of the library)::

    convocatoria: imss-cer-2026-2027      # optional: formula and tie-break
    concursos:
      - cer: Cardiología                  # any catalogue name or alias
        sedes:
          - {clave: CMN-SXXI, plazas: 3, nombre: "..."}      # nombre and subsede optional
        aspirantes:
          - folio: "000123"
            puntaje: "87.512"             # or efiser / promedio_posgrado / enarm (+ publicaciones
            opciones: [CMN-SXXI]          #    or puntaje_adicional)

CSV directory: ``sedes.csv`` (columns ``cer,clave,plazas``, optional ``nombre``, ``subsede``) and
``aspirantes.csv`` (columns ``folio,cer,opciones``, options separated by ``|``, plus ``puntaje`` or
the component columns ``efiser,promedio_posgrado,enarm`` and optional ``puntaje_adicional``).
UTF-8 (a BOM is allowed), header required, any column order, ``,`` as separator. Publications
(sección 7) can only be given in YAML; in CSV, give the bonus granted as ``puntaje_adicional``.
The CSV form names no convocatoria; pass it as ``convocatoria=`` (CLI ``--convocatoria``).

Every problem, of format or of meaning (a duplicate folio, an option that is not a sede...), is
reported as ``archivo:línea:columna: mensaje``, all of them at once.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from residencias.assignment.concurso import Concurso, Entrada, Solicitud
from residencias.assignment.politica import PoliticaAsignacion
from residencias.assignment.validacion import ConcursoInvalidoError, ConcursoPreparado, Ruta, preparar
from residencias.domain.especialidades import CatalogoEspecialidades
from residencias.domain.sede import Sede
from residencias.domain.validators import InvalidValue
from residencias.errors import DataFileError, Problema, ResidenciasError
from residencias.loading.files import load_catalogo, load_convocatoria
from residencias.loading.structure import structure_document
from residencias.loading.yaml_reader import YamlDocument, decode_utf8, read_yaml_file
from residencias.text import normalize_name, quiso_decir

__all__ = ["EntradaCargada", "load_entrada", "read_csv_table"]

MAX_CSV_BYTES = 256 * 1024 * 1024
_DECIMAL = re.compile(r"[0-9]+(\.[0-9]+)?\Z")
_INTEGER = re.compile(r"[0-9]+\Z")
SEDES_COLUMNS = ("cer", "clave", "plazas")
SEDES_OPTIONAL = ("nombre", "subsede")
ASPIRANTES_COLUMNS = ("folio", "cer", "opciones")
ASPIRANTES_OPTIONAL = ("puntaje", "efiser", "promedio_posgrado", "enarm", "puntaje_adicional")


@attrs.frozen
class EntradaCargada:
    """A fixture read and checked: the input, the policy it asks for, and the checked competitions
    (ready for :class:`~residencias.assignment.asignacion.Asignacion`)."""

    archivo: str
    entrada: Entrada
    politica: PoliticaAsignacion
    preparados: tuple[ConcursoPreparado, ...]


# --- CSV -----------------------------------------------------------------------------------


@attrs.frozen
class CsvRow:
    """One record: its line, its cells by column name, and the cells as read (for positions)."""

    linea: int
    celdas: dict[str, str]
    crudas: tuple[str, ...]
    nombres: tuple[str, ...]

    def columna(self, nombre: str) -> int:
        """Where the cell of that column starts on its line (1-based; exact when none is quoted)."""
        if nombre not in self.nombres:
            return 1
        return _columns(self.crudas)[self.nombres.index(nombre)]


def _read_text(path: Path, archivo: str) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise DataFileError(
                [Problema(archivo, 1, 1, f"el archivo pesa {size} bytes; el máximo es {MAX_CSV_BYTES}")]
            )
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise DataFileError(
            [Problema(archivo, 1, 1, "es un directorio, se esperaba un archivo CSV")]
        ) from exc
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise DataFileError([Problema(archivo, 1, 1, f"no se pudo leer el archivo ({reason})")]) from exc
    text = decode_utf8(data, archivo)
    if "\x00" in text:
        at = text.index("\x00")
        raise DataFileError(
            [
                Problema(
                    archivo, text.count("\n", 0, at) + 1, 1, "carácter nulo: no es un archivo de texto CSV"
                )
            ]
        )
    return text


def _columns(cells: Sequence[str]) -> list[int]:
    """Where each cell starts on its line (1-based), exact when no cell is quoted."""
    out, at = [], 1
    for cell in cells:
        out.append(at)
        at += len(cell) + 1
    return out


def read_csv_table(
    path: str | os.PathLike[str], required: Sequence[str], optional: Sequence[str], archivo: str | None = None
) -> list[CsvRow]:
    """Read a headed CSV file; refuse a missing or unknown column, a repeated column, a row with
    another number of cells than the header; cells are stripped of surrounding blanks."""
    path = Path(path)
    name = archivo or str(path)
    text = _read_text(path, name)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[Problema] = []
    try:
        header = next(reader, None)
        if header is None or not any(c.strip() for c in header):
            raise DataFileError(
                [Problema(name, 1, 1, f"falta la cabecera; se esperaban las columnas {','.join(required)}")]
            )
        names = [c.strip() for c in header]
        starts = _columns(header)
        known = (*required, *optional)
        for position, (column, start) in enumerate(zip(names, starts, strict=True)):
            if column not in known:
                hint = quiso_decir(column, known)
                problems.append(
                    Problema(
                        name,
                        1,
                        start,
                        f"columna desconocida '{column}'{hint}; columnas válidas: {', '.join(known)}",
                    )
                )
            elif column in names[:position]:
                problems.append(Problema(name, 1, start, f"columna '{column}' repetida"))
        for column in required:
            if column not in names:
                problems.append(Problema(name, 1, 1, f"falta la columna obligatoria '{column}'"))
        if problems:
            raise DataFileError(problems)
        header_names = tuple(names)
        rows: list[CsvRow] = []
        for cells in reader:
            line = reader.line_num
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue
            if len(cells) != len(names):
                problems.append(
                    Problema(name, line, 1, f"la fila tiene {len(cells)} celdas y la cabecera {len(names)}")
                )
                continue
            rows.append(
                CsvRow(
                    line,
                    {n: c.strip() for n, c in zip(names, cells, strict=True)},
                    tuple(cells),
                    header_names,
                )
            )
    except csv.Error as exc:
        raise DataFileError([Problema(name, reader.line_num or 1, 1, f"CSV mal formado ({exc})")]) from None
    if problems:
        raise DataFileError(problems)
    return rows


def _csv_decimal(value: str) -> Decimal:
    if not _DECIMAL.match(value):
        raise InvalidValue(
            f"se esperaba un número decimal sin signo con punto (p. ej. 87.512), se encontró '{value}'"
        )
    return Decimal(value)


def _csv_plazas(value: str) -> int:
    if not _INTEGER.match(value):
        raise InvalidValue(f"se esperaba un entero mayor o igual a 0, se encontró '{value}'")
    return int(value)


class _CsvFixture:
    """Builds the competitions from the two tables, remembering where each value came from."""

    def __init__(self, directorio: Path, catalogo: CatalogoEspecialidades) -> None:
        self.catalogo = catalogo
        self.sedes_file = str(directorio / "sedes.csv")
        self.aspirantes_file = str(directorio / "aspirantes.csv")
        self.problems: list[Problema] = []
        self.lineas: dict[tuple[int, str, int], int] = {}  # (concurso, "sedes"/"aspirantes", j) -> line
        self.cer_lineas: dict[int, int] = {}  # concurso -> line of its first sede
        self._leidas: dict[str, dict[int, CsvRow]] = {}

    def _key(self, cer: str) -> str:
        found = self.catalogo.buscar(cer)
        return found.id if found is not None else normalize_name(cer)

    def _cell(self, archivo: str, row: CsvRow, column: str, parse: Callable[[str], Any]) -> Any:
        value = row.celdas.get(column, "")
        if value == "":
            return None
        try:
            return parse(value)
        except InvalidValue as exc:
            self.problems.append(
                Problema(archivo, row.linea, row.columna(column), f"columna '{column}': {exc}")
            )
            return None

    def build(self) -> Entrada:
        sedes_rows = read_csv_table(self.sedes_file, SEDES_COLUMNS, SEDES_OPTIONAL)
        aspirantes_rows = read_csv_table(self.aspirantes_file, ASPIRANTES_COLUMNS, ASPIRANTES_OPTIONAL)
        groups: dict[str, tuple[str, list[Sede], list[Solicitud]]] = {}
        order: list[str] = []
        for row in sedes_rows:
            cer = row.celdas["cer"]
            key = self._key(cer)
            if key not in groups:
                groups[key] = (cer, [], [])
                order.append(key)
                self.cer_lineas[order.index(key)] = row.linea
            i = order.index(key)
            sedes = groups[key][1]
            self.lineas[(i, "sedes", len(sedes))] = row.linea
            plazas = self._cell(self.sedes_file, row, "plazas", _csv_plazas)
            try:
                sedes.append(
                    Sede(
                        row.celdas["clave"],
                        plazas,
                        row.celdas.get("nombre") or None,
                        row.celdas.get("subsede") or None,
                    )
                )
            except InvalidValue as exc:
                column = exc.campo if exc.campo in row.nombres else "clave"
                self.problems.append(Problema(self.sedes_file, row.linea, row.columna(column), str(exc)))
        index = {key: n for n, key in enumerate(order)}
        # One string per sede identifier, shared by every applicant's options that name it.
        shared = {key: {s.identificador: s.identificador for s in groups[key][1]} for key in order}
        for row in aspirantes_rows:
            key = self._key(row.celdas["cer"])
            if key not in groups:
                self.problems.append(
                    Problema(
                        self.aspirantes_file,
                        row.linea,
                        row.columna("cer"),
                        f"el CER '{row.celdas['cer']}' no tiene sedes en sedes.csv",
                    )
                )
                continue
            i = index[key]
            solicitudes = groups[key][2]
            self.lineas[(i, "aspirantes", len(solicitudes))] = row.linea
            opciones = row.celdas["opciones"]
            names = shared[key]
            parsed = [names.get(o, o) for o in (x.strip() for x in opciones.split("|"))] if opciones else []
            if "" in parsed:
                self.problems.append(
                    Problema(
                        self.aspirantes_file,
                        row.linea,
                        row.columna("opciones"),
                        "columna 'opciones': opción vacía; separe las sedes con '|'",
                    )
                )
            values = {c: self._cell(self.aspirantes_file, row, c, _csv_decimal) for c in ASPIRANTES_OPTIONAL}
            if not row.celdas["folio"]:
                self.problems.append(
                    Problema(self.aspirantes_file, row.linea, row.columna("folio"), "columna 'folio': vacía")
                )
                continue
            solicitudes.append(Solicitud(row.celdas["folio"], tuple(o for o in parsed if o), **values))
        if self.problems:
            raise DataFileError(self.problems)
        return Entrada(tuple(Concurso(groups[k][0], groups[k][1], groups[k][2]) for k in order))

    def _row(self, archivo: str, linea: int) -> CsvRow | None:
        """The record at ``linea``, read again: positions are only needed when something is wrong."""
        if archivo not in self._leidas:
            required, optional = (
                (SEDES_COLUMNS, SEDES_OPTIONAL)
                if archivo == self.sedes_file
                else (ASPIRANTES_COLUMNS, ASPIRANTES_OPTIONAL)
            )
            self._leidas[archivo] = {r.linea: r for r in read_csv_table(archivo, required, optional)}
        return self._leidas[archivo].get(linea)

    def problem(self, ruta: Ruta, mensaje: str) -> Problema:
        """Where a problem found by :func:`preparar` stands in the CSV files."""
        i = ruta[1] if len(ruta) > 1 and isinstance(ruta[1], int) else -1
        if len(ruta) >= 4 and ruta[2] in ("sedes", "aspirantes") and isinstance(ruta[3], int):
            archivo = self.sedes_file if ruta[2] == "sedes" else self.aspirantes_file
            linea = self.lineas.get((i, str(ruta[2]), ruta[3]))
            if linea is not None:
                row = self._row(archivo, linea) if len(ruta) >= 5 and isinstance(ruta[4], str) else None
                return Problema(archivo, linea, row.columna(str(ruta[4])) if row else 1, mensaje)
        if i in self.cer_lineas:
            row = self._row(self.sedes_file, self.cer_lineas[i])
            return Problema(self.sedes_file, self.cer_lineas[i], row.columna("cer") if row else 1, mensaje)
        return Problema(self.aspirantes_file, 1, 1, mensaje)


# --- loading -------------------------------------------------------------------------------


def _politica(convocatoria: str | None, where: Callable[[str], Problema]) -> PoliticaAsignacion:
    if convocatoria is None:
        return PoliticaAsignacion.sin_convocatoria()
    try:
        return PoliticaAsignacion.de(load_convocatoria(convocatoria))
    except DataFileError:
        raise
    except ResidenciasError as exc:
        raise DataFileError([where(str(exc))]) from None


def _check(
    entrada: Entrada, politica: PoliticaAsignacion, problem: Callable[[Ruta, str], Problema]
) -> tuple[ConcursoPreparado, ...]:
    try:
        return preparar(entrada.concursos, politica)
    except ConcursoInvalidoError as exc:
        raise DataFileError([problem(d.ruta, d.mensaje) for d in exc.defectos]) from None


def _load_yaml(path: Path, convocatoria: str | None) -> EntradaCargada:
    document: YamlDocument = read_yaml_file(path)
    entrada = structure_document(document, Entrada)
    if convocatoria is not None and entrada.convocatoria not in (None, convocatoria):
        raise DataFileError(
            [
                document.problem(
                    ("convocatoria",), f"el archivo dice '{entrada.convocatoria}' y se pidió '{convocatoria}'"
                )
            ]
        )
    chosen = convocatoria or entrada.convocatoria
    politica = _politica(chosen, lambda m: document.problem(("convocatoria",), m))
    entrada = attrs.evolve(entrada, convocatoria=chosen)
    preparados = _check(entrada, politica, document.problem)
    return EntradaCargada(str(path), entrada, politica, preparados)


def _load_csv(path: Path, convocatoria: str | None) -> EntradaCargada:
    politica = _politica(convocatoria, lambda m: Problema(str(path), 1, 1, m))
    catalogo = politica.convocatoria.especialidades if politica.convocatoria else load_catalogo()
    fixture = _CsvFixture(path, catalogo)
    entrada = attrs.evolve(fixture.build(), convocatoria=convocatoria)
    preparados = _check(entrada, politica, fixture.problem)
    return EntradaCargada(str(path), entrada, politica, preparados)


def load_entrada(path: str | os.PathLike[str], convocatoria: str | None = None) -> EntradaCargada:
    """Read and check a fixture: a YAML file, or a directory with ``sedes.csv`` and ``aspirantes.csv``.

    ``convocatoria`` (an id or a file) supplies the formula and tie-break for a CSV directory; for a
    YAML file it must agree with the file's own ``convocatoria:`` if there is one.
    """
    path = Path(path)
    if path.is_dir():
        return _load_csv(path, convocatoria)
    return _load_yaml(path, convocatoria)
