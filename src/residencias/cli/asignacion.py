"""``residencias asignar``: the SIICES seat assignment of the CER call (6.2) from a fixture, its
audit against a published result, and the reports it writes."""

from __future__ import annotations

import argparse
from typing import Any

from residencias.assignment.replay import replay
from residencias.cli._argumentos import add_json
from residencias.cli._salida import EXIT_NEGATIVE, EXIT_OK, emit, write_text
from residencias.consistency import check_convocatoria

__all__ = ["register"]


def register(sub: Any) -> None:
    p = sub.add_parser("asignar", help="asigna sedes como el SIICES (CER 6.2) desde un archivo de "
                       "concurso y, con --esperado, lo compara con un resultado publicado")
    p.add_argument("concurso", metavar="CONCURSO",
                   help="archivo YAML, o directorio con sedes.csv y aspirantes.csv")
    p.add_argument("--convocatoria", metavar="ID",
                   help="convocatoria que da la fórmula y el desempate (para un directorio CSV)")
    p.add_argument("--esperado", metavar="PUBLICADO.csv",
                   help="resultado publicado (columnas folio,sede) para comparar; sale con 1 si difiere")
    p.add_argument("--reporte", metavar="ARCHIVO.md", help="escribe el reporte en Markdown")
    p.add_argument("--csv", metavar="ARCHIVO.csv", help="escribe las sedes asignadas en CSV")
    p.add_argument("--html", metavar="ARCHIVO.html",
                   help="escribe la auditoría como una página HTML autocontenida, con gráficas")
    p.add_argument("--explicar", metavar="FOLIO", action="append", default=[],
                   help="explica la asignación de un folio, opción por opción (repetible)")
    add_json(p, "salida en JSON")
    p.set_defaults(handler=_cmd_asignar)


def _cmd_asignar(args: argparse.Namespace) -> int:
    auditoria = replay(args.concurso, esperado=args.esperado, convocatoria=args.convocatoria)
    explicaciones = [auditoria.asignacion.explicar(folio) for folio in args.explicar]
    if args.reporte:
        write_text(args.reporte, auditoria.to_markdown())
    if args.csv:
        write_text(args.csv, auditoria.to_csv())
    if args.html:
        convocatoria = auditoria.asignacion.politica.convocatoria
        observaciones = None if convocatoria is None else check_convocatoria(convocatoria)
        write_text(args.html, auditoria.to_html(observaciones))
    if args.json:
        emit(auditoria.to_json())
    else:
        emit(auditoria.to_text())
        for text in explicaciones:
            emit(text)
        for path, what in ((args.reporte, "Reporte"), (args.csv, "CSV"), (args.html, "HTML")):
            if path:
                emit(f"{what} escrito en {path}")
    return EXIT_OK if auditoria.conforme else EXIT_NEGATIVE
