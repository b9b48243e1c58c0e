"""Subcommands about the convocatorias themselves: ``convocatorias``, ``mostrar``, ``cer``, ``lint``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from residencias.cli._argumentos import CER_POR_OMISION, add_json, entero, salidas
from residencias.cli._salida import EXIT_NEGATIVE, EXIT_OK, emit, emit_data

if TYPE_CHECKING:  # the handlers import what they use: registering the subcommands costs nothing
    from residencias.consistency import Observacion
    from residencias.domain.convocatoria import Convocatoria

__all__ = ["register"]


def register(sub: Any) -> None:
    p = sub.add_parser("convocatorias", help="lista las convocatorias incluidas", epilog=salidas(""))
    add_json(p)
    p.set_defaults(handler=_cmd_convocatorias)

    p = sub.add_parser("mostrar", help="resume una convocatoria (id o archivo YAML)", epilog=salidas(""))
    p.add_argument("convocatoria", metavar="ID", help="id de una convocatoria incluida, o archivo YAML")
    add_json(p)
    p.set_defaults(handler=_cmd_mostrar)

    p = sub.add_parser("cer", help="CER abiertos a un residente según su CEME y grado (1.3, Tabla 1)",
                       epilog=salidas("ningún CER abierto a ese CEME y grado"))
    p.add_argument("--ceme", required=True, help='CEME cursado, p. ej. "Medicina interna"')
    p.add_argument("--grado", required=True, type=entero, help="grado aprobado del CEME, p. ej. 2")
    p.add_argument("--convocatoria", default=CER_POR_OMISION, metavar="ID",
                   help=f"id o archivo (por omisión {CER_POR_OMISION})")
    add_json(p)
    p.set_defaults(handler=_cmd_cer)


def register_lint(sub: Any) -> None:
    p = sub.add_parser("lint", help="revisa la consistencia de una convocatoria, o de todas",
                       epilog=salidas("hay errores (las advertencias no cuentan)"))
    p.add_argument("convocatoria", metavar="ID", nargs="?",
                   help="id o archivo YAML; sin él, todas las convocatorias incluidas")
    add_json(p)
    p.set_defaults(handler=_cmd_lint)


def _cmd_convocatorias(args: argparse.Namespace) -> int:
    from residencias.loading.files import convocatorias_disponibles, load_convocatoria

    items = [load_convocatoria(i) for i in convocatorias_disponibles()]
    if args.json:
        emit_data([_listing(c) for c in items])
        return EXIT_OK
    for c in items:
        fecha = c.publicacion.fecha_hora
        published = fecha.strftime("%Y-%m-%d %H:%M") if fecha else "sin fecha"
        emit(f"{c.id:<38} {c.institucion.value:<5} publicada {published:<16} {c.titulo}")
    return EXIT_OK


def _listing(c: Convocatoria) -> dict[str, Any]:
    from residencias.jsonable import to_data

    return {
        "id": c.id,
        "institucion": c.institucion.value,
        "titulo": c.titulo,
        "publicacion": to_data(c.publicacion.fecha_hora),
        "ciclo_academico": c.ciclo_academico.nombre,
        "fuente": c.fuente.documento,
    }


def _cmd_mostrar(args: argparse.Namespace) -> int:
    from residencias.jsonable import to_data
    from residencias.loading.files import load_convocatoria

    c = load_convocatoria(args.convocatoria)
    if args.json:
        data = to_data(c)
        del data["especialidades"]
        emit_data(data)
        return EXIT_OK
    for line in _summary(c):
        emit(line)
    return EXIT_OK


def _summary(c: Convocatoria) -> list[str]:
    from residencias.text import normalize_name

    pub = c.publicacion
    published = pub.fecha_hora.isoformat() if pub.fecha_hora else f"sin fecha ({pub.nota})"
    zona = c.zona_horaria
    zona_fuente = f"[{zona.articulo}]" if zona.articulo else f"(supuesto: {zona.supuesto})"
    ciclo = c.ciclo_academico
    dates = f", del {ciclo.inicio} al {ciclo.fin}" if ciclo.inicio and ciclo.fin else ""
    lines = [
        f"{c.id}",
        f"  {c.titulo}",
        f"  Institución:      {c.institucion.value}, {c.dependencia}",
        f"  Dirigida a:       {c.dirigida_a.texto} [{c.dirigida_a.articulo}]",
        f"  Publicación:      {published} [{pub.articulo}]",
        f"  Zona horaria:     {zona.nombre} {zona_fuente}",
        f"  Ciclo académico:  {ciclo.nombre}{dates} [{ciclo.articulo}]"
        + (f" — {ciclo.nota}" if ciclo.nota else ""),
        f"  Fuente:           {c.fuente.documento} — {c.fuente.descripcion}",
    ]
    if c.tablas is not None:
        for tabla in (c.tablas.prerrequisitos, c.tablas.diploma_institucional):
            cers = len({normalize_name(t.cer) for t in tabla.filas})
            lines.append(f"  Tabla {tabla.numero}:          {len(tabla.filas)} filas, {cers} CER "
                         f"[{tabla.articulo}] — {tabla.titulo}")
    if c.asignacion is not None:
        criterios = ", ".join(k.value for k in c.asignacion.desempate.criterios)
        lines.append(f"  Asignación:       [{c.asignacion.articulo}] por PI-IMSS; desempate (supuesto): "
                     f"{criterios} (residencias asignar)")
    if c.archivos:
        aplican = [a for a in c.archivos if a.aplica]
        lines.append(f"  Archivos:         {len(aplican)} archivos del expediente "
                     f"({len(c.archivos) - len(aplican)} filas «NO APLICA»): "
                     + ", ".join(a.nombre or "" for a in aplican))
    if c.inconsistencias:
        lines.append(f"  Inconsistencias:  {len(c.inconsistencias)} del documento, conservadas tal cual "
                     f"(residencias lint {c.id})")
    return lines


def _cmd_cer(args: argparse.Namespace) -> int:
    from residencias.loading.files import load_convocatoria

    c = load_convocatoria(args.convocatoria)
    found = c.cers_disponibles(args.ceme, args.grado)
    if args.json:
        emit_data([
            {
                "cer": d.especialidad.nombre if d.especialidad else d.fila.cer,
                "cer_id": d.especialidad.id if d.especialidad else None,
                "cer_como_en_tabla": d.fila.cer,
                "ceme": d.fila.ceme,
                "grado": d.fila.grado,
                "articulo": d.fila.articulo,
                "diploma_institucional": None if d.diploma is None else {
                    "articulo": d.diploma.articulo,
                    "ceme_como_en_tabla": d.diploma.ceme,
                },
            }
            for d in found
        ])
        return EXIT_OK if found else EXIT_NEGATIVE
    ceme = c.especialidades.buscar(args.ceme)
    ceme_name = ceme.nombre if ceme else args.ceme
    if not found:
        emit(f"Ningún CER de la Tabla 1 ({c.id}) está abierto a residentes de {ceme_name} "
               f"con grado {args.grado} aprobado (1.3: el grado debe coincidir exactamente).")
        grados = sorted({f.grado for f in c.tablas.prerrequisitos.filas
                         if c.especialidades.buscar(f.ceme) == ceme}) if c.tablas and ceme else []
        if grados:
            emit(f"Con {ceme_name}, la Tabla 1 pide el grado {', '.join(map(str, grados))}.")
        return EXIT_NEGATIVE
    emit(f"CER abiertos a residentes de {ceme_name}, grado {args.grado} ({c.id}, 1.3 y Tabla 1):")
    for d in found:
        name = d.especialidad.nombre if d.especialidad else d.fila.cer
        diploma = (f"; entrega de diploma institucional obligatoria [{d.diploma.articulo}]"
                   if d.diploma else "")
        emit(f"  {name:<48} [{d.fila.articulo}]{diploma}")
    return EXIT_OK


def _cmd_lint(args: argparse.Namespace) -> int:
    from residencias.consistency import Severidad, lint
    from residencias.loading.files import convocatorias_disponibles

    found = lint(args.convocatoria)
    errors = [o for o in found if o.severidad is Severidad.ERROR]
    if args.json:
        emit_data(list(found))
    else:
        for o in found:
            emit(_lint_line(o))
        checked = args.convocatoria or f"{len(convocatorias_disponibles())} convocatorias"
        emit(f"{checked}: {len(errors)} errores, {len(found) - len(errors)} advertencias")
    return EXIT_NEGATIVE if errors else EXIT_OK


def _lint_line(o: Observacion) -> str:
    return f"{o.convocatoria}: {o.severidad.value} [{o.codigo}] {o.mensaje} — {'; '.join(o.lugares)}"
