"""The consistency check behind ``residencias lint``.

Two kinds of finding, each citing every place involved:

- ``error``: the data breaks its own integrity: a file that does not load, a CER or CEME the
  catalogue does not know, a table row repeated, a CER the catalogue calls direct-entry, a
  file name asked twice, a publication instant whose UTC offset is not its zone's;
- ``advertencia``: the document contradicts itself, and the data keeps it as written: the
  declared ``inconsistencias``, errata used in a table, names spelled differently between or
  within tables, Tabla 4 rows that Tabla 1 does not have, and Tabla 1 rows that Tabla 4 seems to
  leave out: a CER whose prerequisite is the whole CEME (the highest grado the tables give that
  CEME; 9.1's diploma certifies «la conclusión satisfactoria del CEME»), and a CER of a CEME most
  of whose CERs Tabla 4 lists.

>>> obs = lint("imss-cer-2026-2027")
>>> [o.severidad.value for o in obs if o.severidad is Severidad.ERROR]
[]
>>> any(o.codigo == "cer-fuera-de-tabla-1" and "Patología pediátrica" in o.mensaje for o in obs)
True
"""

from __future__ import annotations

import enum
import os
from collections.abc import Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import attrs

from residencias.domain.archivos import EspecificacionArchivo
from residencias.domain.cer import PrerrequisitoCER, TablaCER
from residencias.domain.convocatoria import Convocatoria
from residencias.domain.especialidades import CatalogoEspecialidades, Entrada
from residencias.errors import DataFileError
from residencias.loading.files import convocatorias_disponibles, load_convocatoria
from residencias.text import normalize_name

__all__ = ["Observacion", "Severidad", "check_convocatoria", "lint"]


class Severidad(enum.Enum):
    ERROR = "error"
    ADVERTENCIA = "advertencia"


@attrs.frozen
class Observacion:
    """One finding of the consistency check, with every place of the document it involves."""

    convocatoria: str
    severidad: Severidad
    codigo: str
    mensaje: str
    lugares: tuple[str, ...]

    def __str__(self) -> str:
        return (f"{self.convocatoria}: {self.severidad.value} [{self.codigo}] {self.mensaje} "
                f"(lugares: {'; '.join(self.lugares)})")


def lint(convocatoria: str | os.PathLike[str] | None = None) -> tuple[Observacion, ...]:
    """Check one convocatoria (id or path), or every bundled one when none is given.

    Unknown ids raise :class:`~residencias.errors.UnknownConvocatoriaError`; a file that does not
    load is reported as ``error`` findings, one per problem, at their line and column.
    """
    targets = list(convocatorias_disponibles()) if convocatoria is None else [convocatoria]
    found: list[Observacion] = []
    for target in targets:
        name = os.fspath(target)
        try:
            loaded = load_convocatoria(target)
        except DataFileError as exc:
            found.extend(
                Observacion(name, Severidad.ERROR, "archivo-invalido", p.mensaje,
                            (f"{p.archivo}:{p.linea}:{p.columna}",))
                for p in exc.problemas
            )
            continue
        found.extend(check_convocatoria(loaded))
    return tuple(found)


def check_convocatoria(convocatoria: Convocatoria) -> tuple[Observacion, ...]:
    """Every finding for one loaded convocatoria, errors first, then in document order."""
    found = list(_declared(convocatoria))
    found.extend(_offsets(convocatoria))
    found.extend(_repeated_file_names(convocatoria))
    found.extend(_process(convocatoria))
    if convocatoria.tablas is not None:
        tablas = convocatoria.tablas
        catalogo = convocatoria.especialidades
        for tabla in (tablas.prerrequisitos, tablas.diploma_institucional):
            found.extend(_unknown_names(convocatoria.id, catalogo, tabla))
            found.extend(_repeated_rows(convocatoria.id, catalogo, tabla))
            found.extend(_direct_entry_cers(convocatoria.id, catalogo, tabla))
            found.extend(_errata(convocatoria.id, catalogo, tabla))
        found.extend(_spellings(convocatoria.id, catalogo, (tablas.prerrequisitos,
                                                             tablas.diploma_institucional)))
        found.extend(_missing_from_table_1(convocatoria.id, catalogo, tablas.prerrequisitos,
                                           tablas.diploma_institucional))
        found.extend(_missing_from_table_4(convocatoria.id, catalogo, tablas.prerrequisitos,
                                           tablas.diploma_institucional))
    errors = [o for o in found if o.severidad is Severidad.ERROR]
    return tuple(errors + [o for o in found if o.severidad is Severidad.ADVERTENCIA])


def _declared(convocatoria: Convocatoria) -> Iterator[Observacion]:
    for item in convocatoria.inconsistencias:
        yield Observacion(convocatoria.id, Severidad.ADVERTENCIA, item.id, item.descripcion,
                          item.lugares)


def _process(convocatoria: Convocatoria) -> Iterator[Observacion]:
    """The lifecycle's integrity: every status reachable, and none where a person waits forever."""
    proceso = convocatoria.proceso
    if proceso is None:
        return
    reachable = proceso.alcanzables()
    for estatus in proceso.estatus:
        if estatus.id not in reachable:
            yield Observacion(convocatoria.id, Severidad.ERROR, "estatus-inalcanzable",
                              f"ningún evento ni vencimiento lleva al estatus '{estatus.id}'",
                              (estatus.articulo,))
    for estatus_id in proceso.sin_salida():
        estatus = proceso.estatus_por_id[estatus_id]
        yield Observacion(convocatoria.id, Severidad.ERROR, "estatus-sin-salida",
                          f"el estatus '{estatus_id}' no es terminal, pero ninguna acción esperada ni "
                          "ningún vencimiento sale de él", (estatus.articulo,))


def _offsets(convocatoria: Convocatoria) -> Iterator[Observacion]:
    """Every instant written in the data must carry its zone's UTC offset at that instant
    (a -05:00 in March 2023 would be one hour off: Mexico City has no summer time since 2022)."""
    zone = ZoneInfo(convocatoria.zona_horaria.nombre)
    instants: list[tuple[datetime, str, str]] = []
    if convocatoria.publicacion.fecha_hora is not None:
        instants.append((convocatoria.publicacion.fecha_hora, "la publicación",
                         convocatoria.publicacion.articulo))
    if convocatoria.calendario is not None:
        for ventana in convocatoria.calendario.ventanas:
            for bound in (ventana.desde, ventana.hasta):
                if isinstance(bound, datetime):
                    instants.append((bound, f"la ventana '{ventana.accion.value}'", ventana.articulo))
    for instant, what, articulo in instants:
        expected = instant.astimezone(zone).utcoffset()
        if instant.utcoffset() != expected:
            yield Observacion(convocatoria.id, Severidad.ERROR, "desfase-horario",
                              f"{what} ({instant.isoformat()}) lleva un desfase distinto del de "
                              f"{zone.key} en esa fecha ({_offset(expected)})",
                              (articulo, "zona_horaria"))


def _offset(delta: timedelta | None) -> str:
    minutes = int((delta or timedelta()).total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _repeated_file_names(convocatoria: Convocatoria) -> Iterator[Observacion]:
    seen: dict[str, EspecificacionArchivo] = {}
    for archivo in convocatoria.archivos:
        if archivo.nombre is None:
            continue
        first = seen.setdefault(archivo.nombre, archivo)
        if first is not archivo:
            yield Observacion(convocatoria.id, Severidad.ERROR, "archivo-repetido",
                              f"dos filas de la tabla de archivos piden el nombre {archivo.nombre}",
                              (first.articulo, archivo.articulo))


def _where(tabla: TablaCER, fila: PrerrequisitoCER) -> str:
    return fila.articulo or f"Tabla {tabla.numero}"


def _unknown_names(cid: str, catalogo: CatalogoEspecialidades, tabla: TablaCER) -> Iterator[Observacion]:
    for fila in tabla.filas:
        for column, name in (("CER", fila.cer), ("CEME", fila.ceme)):
            if catalogo.buscar(name) is None:
                yield Observacion(cid, Severidad.ERROR, "especialidad-desconocida",
                                  f"el {column} «{name}» de la Tabla {tabla.numero} no está en el "
                                  "catálogo de especialidades",
                                  (_where(tabla, fila), "catálogo de especialidades"))


def _key(catalogo: CatalogoEspecialidades, name: str) -> str:
    found = catalogo.buscar(name)
    return found.id if found is not None else normalize_name(name)


def _repeated_rows(cid: str, catalogo: CatalogoEspecialidades, tabla: TablaCER) -> Iterator[Observacion]:
    seen: dict[tuple[str, str, int], PrerrequisitoCER] = {}
    for fila in tabla.filas:
        key = (_key(catalogo, fila.cer), _key(catalogo, fila.ceme), fila.grado)
        first = seen.setdefault(key, fila)
        if first is not fila:
            yield Observacion(cid, Severidad.ERROR, "fila-repetida",
                              f"la Tabla {tabla.numero} repite {fila.cer} / {fila.ceme} / grado "
                              f"{fila.grado}", (first.articulo, fila.articulo))


def _direct_entry_cers(cid: str, catalogo: CatalogoEspecialidades, tabla: TablaCER) -> Iterator[Observacion]:
    for fila in tabla.filas:
        especialidad = catalogo.buscar(fila.cer)
        if especialidad is not None and especialidad.entrada is Entrada.DIRECTA:
            yield Observacion(cid, Severidad.ERROR, "cer-de-entrada-directa",
                              f"la Tabla {tabla.numero} lista «{fila.cer}» como CER, pero el "
                              "catálogo la da como de entrada directa",
                              (fila.articulo, especialidad.articulo))


def _errata(cid: str, catalogo: CatalogoEspecialidades, tabla: TablaCER) -> Iterator[Observacion]:
    for fila in tabla.filas:
        for name in (fila.cer, fila.ceme):
            especialidad = catalogo.buscar(name)
            if especialidad is None:
                continue
            for errata in especialidad.erratas:
                if normalize_name(errata.escrito) == normalize_name(name):
                    yield Observacion(cid, Severidad.ADVERTENCIA, "errata",
                                      f"la Tabla {tabla.numero} escribe «{name}» por "
                                      f"«{especialidad.nombre}»: {errata.nota}",
                                      (fila.articulo, f"catálogo de especialidades: {especialidad.id}"))


def _spellings(
    cid: str, catalogo: CatalogoEspecialidades, tablas: tuple[TablaCER, ...]
) -> Iterator[Observacion]:
    """The same specialty written with different words (case and accents aside)."""
    uses: dict[str, dict[str, tuple[str, str]]] = {}
    for tabla in tablas:
        for fila in tabla.filas:
            for name in (fila.cer, fila.ceme):
                especialidad = catalogo.buscar(name)
                if especialidad is None:
                    continue
                key = normalize_name(name)
                if any(normalize_name(e.escrito) == key for e in especialidad.erratas):
                    continue
                uses.setdefault(especialidad.id, {}).setdefault(key, (name, fila.articulo))
    for identificador, spellings in uses.items():
        if len(spellings) > 1:
            written = list(spellings.values())
            yield Observacion(cid, Severidad.ADVERTENCIA, "nombres-distintos",
                              f"la misma especialidad ({identificador}) se escribe de "
                              f"{len(written)} maneras: " + ", ".join(f"«{n}»" for n, _ in written),
                              tuple(place for _, place in written))


def _missing_from_table_1(cid: str, catalogo: CatalogoEspecialidades, tabla1: TablaCER,
                          tabla4: TablaCER) -> Iterator[Observacion]:
    rows_1 = {(_key(catalogo, f.cer), _key(catalogo, f.ceme), f.grado) for f in tabla1.filas}
    cers_1 = {_key(catalogo, f.cer) for f in tabla1.filas}
    for fila in tabla4.filas:
        cer = _key(catalogo, fila.cer)
        if cer not in cers_1:
            yield Observacion(cid, Severidad.ADVERTENCIA, "cer-fuera-de-tabla-1",
                              f"la Tabla 4 obliga a entregar diploma en «{fila.cer}», que la "
                              "Tabla 1 (CER activos) no lista",
                              (fila.articulo, f"{tabla1.articulo}, Tabla 1"))
        elif (cer, _key(catalogo, fila.ceme), fila.grado) not in rows_1:
            yield Observacion(cid, Severidad.ADVERTENCIA, "prerrequisito-distinto",
                              f"la Tabla 4 da a «{fila.cer}» el prerrequisito {fila.ceme} grado "
                              f"{fila.grado}, que la Tabla 1 no tiene para ese CER",
                              (fila.articulo, f"{tabla1.articulo}, Tabla 1"))


def _missing_from_table_4(cid: str, catalogo: CatalogoEspecialidades, tabla1: TablaCER,
                          tabla4: TablaCER) -> Iterator[Observacion]:
    """Tabla 1 rows Tabla 4 leaves out although they look like its rows: the whole CEME as
    prerequisite (its highest grado in either table), or a CEME whose CERs Tabla 4 mostly lists."""
    rows_4 = {(_key(catalogo, f.cer), _key(catalogo, f.ceme)) for f in tabla4.filas}
    top: dict[str, int] = {}
    for fila in (*tabla1.filas, *tabla4.filas):
        ceme = _key(catalogo, fila.ceme)
        top[ceme] = max(top.get(ceme, 0), fila.grado)
    by_ceme: dict[str, list[PrerrequisitoCER]] = {}
    for fila in tabla1.filas:
        by_ceme.setdefault(_key(catalogo, fila.ceme), []).append(fila)
    place_4 = f"{tabla4.articulo}, Tabla 4"
    for ceme, filas in by_ceme.items():
        missing = [f for f in filas if (_key(catalogo, f.cer), ceme) not in rows_4]
        listed = len(filas) - len(missing)
        for fila in missing:
            if fila.grado == top[ceme]:
                yield Observacion(
                    cid, Severidad.ADVERTENCIA, "ceme-completo-sin-diploma",
                    f"la Tabla 1 pide para «{fila.cer}» el CEME {fila.ceme} completo (grado {fila.grado}, "
                    "el más alto que las tablas dan a ese CEME), pero la Tabla 4 no lo obliga a entregar "
                    "el diploma institucional que certifica la conclusión del CEME", (fila.articulo, place_4))
            elif listed > len(filas) / 2:
                yield Observacion(
                    cid, Severidad.ADVERTENCIA, "cer-del-ceme-sin-diploma",
                    f"la Tabla 4 obliga a entregar el diploma en {listed} de los {len(filas)} CER que la "
                    f"Tabla 1 abre desde {fila.ceme}, pero no en «{fila.cer}» (grado {fila.grado})",
                    (fila.articulo, place_4))
