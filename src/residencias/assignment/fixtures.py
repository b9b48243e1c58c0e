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
UTF-8 (a BOM is allowed), header required, any column order, ``,`` as separator, cells stripped
of surrounding blanks (YAML texts are stripped the same way, so both forms hash alike). Control
characters (a line break inside a quoted cell included) are refused. Publications (sección 7) can
only be given in YAML; in CSV, give the bonus granted as ``puntaje_adicional``. The CSV form names
no convocatoria; pass it as ``convocatoria=`` (CLI ``--convocatoria``).

Caps: a YAML fixture up to :data:`~residencias.loading.entrada.MAX_YAML_BYTES` (5 MiB), each CSV
file up to :data:`~residencias.loading.entrada.MAX_CSV_BYTES` (64 MiB); ``max_bytes`` raises both
(CLI ``--max-mb``). A YAML fixture may be ``-``, standard input; a CSV directory may not.

Every problem, of format or of meaning (a duplicate folio, an option that is not a sede...), is
reported as ``archivo:línea:columna: mensaje``, all of them at once, and names the record: the
folio of an applicant, the sede (and CER) of a sede, the CER of a competition.
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

from residencias.assignment.aspirantes_csv import Irregular, leer_aspirantes, trozos
from residencias.assignment.concurso import Concurso, Entrada, Solicitud
from residencias.assignment.politica import PoliticaAsignacion
from residencias.assignment.validacion import ConcursoInvalidoError, ConcursoPreparado, Ruta, preparar
from residencias.domain.especialidades import CatalogoEspecialidades
from residencias.domain.sede import Sede
from residencias.domain.validators import InvalidValue
from residencias.errors import DataFileError, InvalidQueryError, Problema, ResidenciasError
from residencias.loading.entrada import (
    MAX_CSV_BYTES,
    MAX_YAML_BYTES,
    abrir_regular,
    es_estandar,
    leer_entrada,
    nombre_de,
)
from residencias.loading.files import load_catalogo, load_convocatoria, nombre_de_archivo
from residencias.loading.structure import structure_document
from residencias.loading.yaml_reader import PathKey, YamlDocument, decode_utf8, read_yaml_file
from residencias.text import extracto, normalize_name, quiso_decir

__all__ = ["MAX_CSV_BYTES", "EntradaCargada", "load_entrada", "read_csv_table"]

_DECIMAL = re.compile(r"[0-9]+(\.[0-9]+)?\Z")
_INTEGER = re.compile(r"[0-9]+\Z")
_MAX_NUMERO = 40
"""A score has at most this many characters (87.512 has six)."""
_MAX_PLAZAS = 9
"""Plazas have at most this many digits (a sede offers a handful)."""
_CONTROL_CSV = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_CONSEJO_YAML = ("; un concurso grande va en el formato CSV (un directorio con sedes.csv y aspirantes.csv, "
                 "ver docs/asignacion.md), o suba el límite con --max-mb")
_CONSEJO_CSV = "; si el concurso es de verdad tan grande, suba el límite con --max-mb"
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


def _quien(names: Sequence[str], cells: Sequence[str]) -> str:
    """The record a row is about, as messages name it: ``folio '000123': `` for an applicant,
    ``sede 'CMN-SXXI' (Cardiología): `` for a sede; empty when the row does not say."""
    values = {n: c.strip() for n, c in zip(names, cells, strict=False)}
    if values.get("folio"):
        return f"folio '{extracto(values['folio'])}': "
    if values.get("clave"):
        cer = f" ({extracto(values['cer'])})" if values.get("cer") else ""
        return f"sede '{extracto(values['clave'])}'{cer}: "
    return ""


def _read_text(path: str | os.PathLike[str], archivo: str, max_bytes: int, estandar: bool = False) -> str:
    data = leer_entrada(path, archivo, max_bytes=max_bytes, que="un archivo CSV", consejo=_CONSEJO_CSV,
                        estandar=estandar)
    text = decode_utf8(data, archivo)
    bad = _CONTROL_CSV.search(text)
    if bad is not None:
        at = bad.start()
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        mensaje = (
            "carácter nulo: no es un archivo de texto CSV"
            if text[at] == "\x00"
            else f"carácter de control U+{ord(text[at]):04X} no permitido en un CSV; quítelo"
        )
        raise DataFileError([Problema(archivo, line, column, mensaje)])
    return text


def _columns(cells: Sequence[str]) -> list[int]:
    """Where each cell starts on its line (1-based), exact when no cell is quoted."""
    out, at = [], 1
    for cell in cells:
        out.append(at)
        at += len(cell) + 1
    return out


def _header(
    name: str, header: list[str] | None, required: Sequence[str], optional: Sequence[str]
) -> tuple[str, ...]:
    """The column names of the header, or :class:`DataFileError` naming every problem of it."""
    if header is None or not any(c.strip() for c in header):
        raise DataFileError(
            [Problema(name, 1, 1, f"falta la cabecera; se esperaban las columnas {','.join(required)}")]
        )
    names = [c.strip() for c in header]
    known = (*required, *optional)
    problems: list[Problema] = []
    for position, (column, start) in enumerate(zip(names, _columns(header), strict=True)):
        if column not in known:
            hint = quiso_decir(column, known) if len(column) <= 100 else ""
            problems.append(Problema(name, 1, start, f"columna desconocida '{extracto(column)}'{hint}; "
                                                     f"columnas válidas: {', '.join(known)}"))
        elif column in names[:position]:
            problems.append(Problema(name, 1, start, f"columna '{column}' repetida"))
    problems += [Problema(name, 1, 1, f"falta la columna obligatoria '{column}'")
                 for column in required if column not in names]
    if problems:
        raise DataFileError(problems)
    return tuple(names)


def _row_problem(names: tuple[str, ...], cells: list[str]) -> str | None:
    """What is wrong with the shape of a record, naming it, or ``None``."""
    if len(cells) != len(names):
        return (f"{_quien(names, cells)}la fila tiene {len(cells)} celdas y la cabecera {len(names)} "
                f"({', '.join(names)})")
    broken = next((n for n, c in zip(names, cells, strict=True) if "\n" in c or "\r" in c), None)
    if broken is not None:
        return (f"{_quien(names, cells)}columna '{broken}': salto de línea dentro de la celda; cada "
                "registro va en una línea")
    return None


def read_csv_table(
    path: str | os.PathLike[str],
    required: Sequence[str],
    optional: Sequence[str],
    archivo: str | None = None,
    *,
    max_bytes: int = MAX_CSV_BYTES,
    estandar: bool = False,
) -> list[CsvRow]:
    """Read a headed CSV file; refuse a missing or unknown column, a repeated column, a row with
    another number of cells than the header, a line break inside a cell; cells are stripped of
    surrounding blanks. ``estandar``: ``-`` reads standard input."""
    name = archivo or nombre_de(path)
    text = _read_text(path, name, max_bytes, estandar)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[Problema] = []
    rows: list[CsvRow] = []
    try:
        names = _header(name, next(reader, None), required, optional)
        first = 2
        for cells in reader:
            line, first = first, reader.line_num + 1  # where the record starts (a cell may span lines)
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue
            problem = _row_problem(names, cells)
            if problem is not None:
                problems.append(Problema(name, line, 1, problem))
                continue
            rows.append(CsvRow(line, {n: c.strip() for n, c in zip(names, cells, strict=True)},
                               tuple(cells), names))
    except csv.Error as exc:
        raise DataFileError([Problema(name, reader.line_num or 1, 1, f"CSV mal formado ({exc})")]) from None
    if problems:
        raise DataFileError(problems)
    return rows


def _csv_decimal(value: str) -> Decimal:
    if len(value) > _MAX_NUMERO or not _DECIMAL.match(value):
        raise InvalidValue(
            "se esperaba un número decimal sin signo con punto (p. ej. 87.512), se encontró "
            f"'{extracto(value)}'"
        )
    return Decimal(value)


def _csv_plazas(value: str) -> int:
    if not _INTEGER.match(value):
        raise InvalidValue(f"se esperaba un entero mayor o igual a 0, se encontró '{extracto(value)}'")
    if len(value.lstrip("0")) > _MAX_PLAZAS:
        raise InvalidValue(f"se esperaba un entero mayor o igual a 0 de hasta {_MAX_PLAZAS} cifras, se "
                           f"encontró '{extracto(value)}'")
    return int(value)


class _CsvFixture:
    """Builds the competitions from the two tables, remembering where each value came from."""

    def __init__(self, directorio: Path, catalogo: CatalogoEspecialidades, max_bytes: int) -> None:
        self.catalogo = catalogo
        self.max_bytes = max_bytes
        self.sedes_file = str(directorio / "sedes.csv")
        self.aspirantes_file = str(directorio / "aspirantes.csv")
        self.problems: list[Problema] = []
        self.lineas: dict[tuple[int, str, int], int] = {}  # (concurso, "sedes"/"aspirantes", j) -> line
        self.cer_lineas: dict[int, int] = {}  # concurso -> line of its first sede
        self._leidas: dict[str, dict[int, CsvRow]] = {}
        self.lineas_completas = False  # the one-pass reader records no lines: built again on a problem

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
                Problema(archivo, row.linea, row.columna(column),
                         f"{_quien(row.nombres, row.crudas)}columna '{column}': {exc}")
            )
            return None

    def build(self, rapido: bool = True) -> Entrada:
        """The competitions. ``rapido``: read ``aspirantes.csv`` in one pass
        (:mod:`residencias.assignment.aspirantes_csv`) unless something is wrong; the careful reader
        (which also records every record's line, for :meth:`problem`) reads it otherwise."""
        sedes_rows = read_csv_table(self.sedes_file, SEDES_COLUMNS, SEDES_OPTIONAL, max_bytes=self.max_bytes)
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
                quien = "" if str(exc).startswith("sede '") else _quien(row.nombres, row.crudas)
                where = row.columna(column)
                self.problems.append(Problema(self.sedes_file, row.linea, where, f"{quien}{exc}"))
        index = {key: n for n, key in enumerate(order)}
        # One string per sede identifier, shared by every applicant's options that name it.
        shared = {key: {s.identificador: s.identificador for s in groups[key][1]} for key in order}
        if rapido and not self.problems:
            leidas = self._rapido(index, [shared[key] for key in order])
            if leidas is not None:
                return Entrada(tuple(Concurso(groups[k][0], groups[k][1], aspirantes)
                                     for k, aspirantes in zip(order, leidas, strict=True)))
        self.lineas_completas = True
        aspirantes_rows = read_csv_table(self.aspirantes_file, ASPIRANTES_COLUMNS, ASPIRANTES_OPTIONAL,
                                         max_bytes=self.max_bytes)
        for row in aspirantes_rows:
            key = self._key(row.celdas["cer"])
            if key not in groups:
                self.problems.append(
                    Problema(
                        self.aspirantes_file,
                        row.linea,
                        row.columna("cer"),
                        f"{_quien(row.nombres, row.crudas)}el CER '{extracto(row.celdas['cer'])}' no tiene "
                        "sedes en sedes.csv",
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
                        f"{_quien(row.nombres, row.crudas)}columna 'opciones': opción vacía; separe las "
                        "sedes con '|'",
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

    def _rapido(self, index: dict[str, int], shared: list[dict[str, str]]) -> list[list[Solicitud]] | None:
        """The applicants per competition read in one pass, or ``None`` when the file is not plainly
        right (the careful reader then says what is wrong, and where)."""
        archivo = self.aspirantes_file
        try:
            with abrir_regular(archivo, archivo, que="un archivo CSV", max_bytes=self.max_bytes,
                               consejo=_CONSEJO_CSV) as (stream, _):
                return leer_aspirantes(
                    trozos(stream, self.max_bytes),
                    lambda first: _header(archivo, first, ASPIRANTES_COLUMNS, ASPIRANTES_OPTIONAL),
                    lambda cer: index.get(self._key(cer)),
                    shared,
                )
        except Irregular:
            return None

    def _row(self, archivo: str, linea: int) -> CsvRow | None:
        """The record at ``linea``, read again: positions are only needed when something is wrong."""
        if archivo not in self._leidas:
            required, optional = (
                (SEDES_COLUMNS, SEDES_OPTIONAL)
                if archivo == self.sedes_file
                else (ASPIRANTES_COLUMNS, ASPIRANTES_OPTIONAL)
            )
            rows = read_csv_table(archivo, required, optional, max_bytes=self.max_bytes)
            self._leidas[archivo] = {r.linea: r for r in rows}
        return self._leidas[archivo].get(linea)

    def problem(self, ruta: Ruta, mensaje: str) -> Problema:
        """Where a problem found by :func:`preparar` stands in the CSV files."""
        if not self.lineas_completas:
            self.lineas.clear()
            self.build(rapido=False)
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


def _item(root: Any, path: PathKey) -> Any:
    """The value at ``path`` in a read document, or ``None``."""
    value = root
    for key in path:
        if isinstance(key, int) and isinstance(value, list) and 0 <= key < len(value):
            value = value[key]
        elif isinstance(key, str) and isinstance(value, dict):
            value = value.get(key)
        else:
            return None
    return value


def _quien_yaml(root: Any, path: PathKey) -> str:
    """The record a path of a YAML fixture lies in: ``folio '…': ``, ``sede '…': `` or ``CER '…': ``."""
    if len(path) < 2 or path[0] != "concursos":
        return ""
    if len(path) >= 4 and path[2] in ("aspirantes", "sedes"):
        item = _item(root, path[:4])
        key = "folio" if path[2] == "aspirantes" else "clave"
        value = item.get(key) if isinstance(item, dict) else None
        if isinstance(value, str) and value.strip():
            return f"{'folio' if key == 'folio' else 'sede'} '{extracto(value.strip())}': "
    cer = _item(root, (*path[:2], "cer"))
    return f"CER '{extracto(cer.strip())}': " if isinstance(cer, str) and cer.strip() else ""


_CAMPOS = frozenset(f.name for f in attrs.fields(Solicitud))


def _sin_opciones(document: YamlDocument) -> list[Problema]:
    """Applicants written without the ``opciones`` key: incomplete records (an empty list is a
    choice, reported by the assignment)."""
    out = []
    concursos = _item(document.root, ("concursos",))
    for i, concurso in enumerate(concursos if isinstance(concursos, list) else ()):
        aspirantes = concurso.get("aspirantes") if isinstance(concurso, dict) else None
        for j, aspirante in enumerate(aspirantes if isinstance(aspirantes, list) else ()):
            # A record with an unknown key (say 'opcion') is reported for that key, with a hint.
            if isinstance(aspirante, dict) and "opciones" not in aspirante and set(aspirante) <= _CAMPOS:
                ruta = ("concursos", i, "aspirantes", j)
                out.append(document.problem(
                    ruta, f"{_quien_yaml(document.root, ruta)}falta la clave 'opciones', las sedes que "
                    "registró en orden (2.1 B); escriba 'opciones: []' si no registró ninguna"))
    return out


def _load_yaml(path: str | os.PathLike[str], convocatoria: str | None, max_bytes: int) -> EntradaCargada:
    document: YamlDocument = read_yaml_file(path, max_bytes=max_bytes, consejo=_CONSEJO_YAML, estandar=True)
    incompletos = _sin_opciones(document)
    try:
        entrada = structure_document(document, Entrada, contexto=lambda p: _quien_yaml(document.root, p))
    except DataFileError as exc:
        raise DataFileError([*incompletos, *exc.problemas]) from None
    if incompletos:
        raise DataFileError(incompletos)
    if convocatoria is not None and entrada.convocatoria not in (None, convocatoria):
        raise DataFileError(
            [
                document.problem(
                    ("convocatoria",), f"el archivo dice '{extracto(entrada.convocatoria)}' y se pidió "
                    f"'{extracto(convocatoria)}'"
                )
            ]
        )
    chosen = convocatoria or entrada.convocatoria
    politica = _politica(chosen, lambda m: document.problem(("convocatoria",), m))
    entrada = attrs.evolve(entrada, convocatoria=chosen)
    preparados = _check(entrada, politica, document.problem)
    return EntradaCargada(document.archivo, entrada, politica, preparados)


def _load_csv(path: Path, convocatoria: str | None, max_bytes: int) -> EntradaCargada:
    politica = _politica(convocatoria, lambda m: Problema(nombre_de(path), 1, 1, m))
    catalogo = politica.convocatoria.especialidades if politica.convocatoria else load_catalogo()
    fixture = _CsvFixture(path, catalogo, max_bytes)
    entrada = attrs.evolve(fixture.build(), convocatoria=convocatoria)
    preparados = _check(entrada, politica, fixture.problem)
    return EntradaCargada(nombre_de(path), entrada, politica, preparados)


def load_entrada(
    path: str | os.PathLike[str], convocatoria: str | None = None, *, max_bytes: int | None = None
) -> EntradaCargada:
    """Read and check a fixture: a YAML file (``-``: standard input), or a directory with
    ``sedes.csv`` and ``aspirantes.csv``.

    ``convocatoria`` (an id or a file) supplies the formula and tie-break for a CSV directory; for a
    YAML file it must agree with the file's own ``convocatoria:`` if there is one. ``max_bytes``
    raises the cap of every file read (by default 5 MiB for YAML, 64 MiB for each CSV).
    """
    path = nombre_de_archivo(path, "el concurso")
    if convocatoria is not None and not isinstance(convocatoria, str):
        raise InvalidQueryError(f"'convocatoria' debe ser el id o la ruta de una convocatoria (texto), se "
                                f"recibió {type(convocatoria).__name__}")
    if max_bytes is not None and (type(max_bytes) is not int or max_bytes < 1):
        raise InvalidQueryError(f"'max_bytes' debe ser un entero positivo, se recibió {extracto(max_bytes)}")
    if not es_estandar(path) and Path(path).is_dir():
        return _load_csv(Path(path), convocatoria, max_bytes or MAX_CSV_BYTES)
    return _load_yaml(path, convocatoria, max_bytes or MAX_YAML_BYTES)
