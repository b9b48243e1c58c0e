"""``residencias asignar``: the SIICES seat assignment of the CER call (6.2) from a fixture, its
audit against a published result, and the reports it writes."""

from __future__ import annotations

import argparse
import os
from typing import Any

from residencias.assignment.replay import replay
from residencias.cli._argumentos import add_json, megabytes
from residencias.cli._salida import EXIT_NEGATIVE, EXIT_OK, comprobar_salidas, emit, write_text
from residencias.loading.entrada import MIB
from residencias.loading.files import archivos_de_convocatoria

__all__ = ["register"]


def register(sub: Any) -> None:
    p = sub.add_parser("asignar", help="asigna sedes como el SIICES (CER 6.2) desde un archivo de "
                       "concurso y, con --esperado, lo compara con un resultado publicado")
    p.add_argument("concurso", metavar="CONCURSO",
                   help="archivo YAML ('-': entrada estándar), o directorio con sedes.csv y aspirantes.csv")
    p.add_argument("--convocatoria", metavar="ID",
                   help="convocatoria que da la fórmula y el desempate (para un directorio CSV)")
    p.add_argument("--esperado", metavar="PUBLICADO.csv",
                   help="resultado publicado (columnas folio,sede; '-': entrada estándar) para comparar; "
                        "sale con 1 si difiere")
    p.add_argument("--max-mb", metavar="N", type=megabytes,
                   help="tamaño máximo de cada archivo leído, en MiB (por omisión 5 para YAML y 64 "
                        "para cada CSV), para un concurso de verdad grande")
    p.add_argument("--reporte", metavar="ARCHIVO.md", help="escribe el reporte en Markdown")
    p.add_argument("--csv", metavar="ARCHIVO.csv", help="escribe las sedes asignadas en CSV")
    p.add_argument("--explicar", metavar="FOLIO", action="append", default=[],
                   help="explica la asignación de un folio, opción por opción (repetible)")
    add_json(p, "salida en JSON")
    p.set_defaults(handler=_cmd_asignar)


def _cmd_asignar(args: argparse.Namespace) -> int:
    entradas = [args.concurso, os.path.join(args.concurso, "sedes.csv"),
                os.path.join(args.concurso, "aspirantes.csv"), *archivos_de_convocatoria(args.convocatoria)]
    if args.esperado:
        entradas.append(args.esperado)
    comprobar_salidas({"--reporte": args.reporte, "--csv": args.csv}, entradas)
    max_bytes = None if args.max_mb is None else args.max_mb * MIB
    auditoria = replay(args.concurso, esperado=args.esperado, convocatoria=args.convocatoria,
                       max_bytes=max_bytes)
    if auditoria.asignacion.convocatoria is not None:  # named by the fixture itself
        comprobar_salidas({"--reporte": args.reporte, "--csv": args.csv},
                          archivos_de_convocatoria(auditoria.asignacion.convocatoria))
    explicaciones = [auditoria.asignacion.explicar(folio) for folio in args.explicar]
    if args.reporte:
        write_text(args.reporte, auditoria.to_markdown())
    if args.csv:
        write_text(args.csv, auditoria.to_csv())
    if args.json:
        emit(auditoria.to_json())
    else:
        emit(auditoria.to_text())
        for text in explicaciones:
            emit(text)
        for path, what in ((args.reporte, "Reporte"), (args.csv, "CSV")):
            if path:
                emit(f"{what} escrito en {path}")
    return EXIT_OK if auditoria.conforme else EXIT_NEGATIVE
