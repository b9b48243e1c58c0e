"""``residencias asignar``: the SIICES seat assignment of the CER call (6.2) from a fixture, its
audit against a published result, and the reports it writes.

On a terminal it names each phase on the standard error as it starts (:mod:`._progreso`); the
answer (text or ``--json``) is the same with or without a terminal."""

from __future__ import annotations

import argparse
import gc
import os
from typing import TYPE_CHECKING, Any

from residencias.cli._argumentos import add_json, megabytes, salidas
from residencias.cli._progreso import Progreso
from residencias.cli._salida import (
    EXIT_NEGATIVE,
    EXIT_OK,
    comprobar_salidas,
    emit,
    emit_json_partes,
    write_text,
)

if TYPE_CHECKING:  # the handler imports what it uses: registering the subcommand costs nothing
    from residencias.assignment.asignacion import Asignacion

LECTURAS = ("serial", "rondas")
"""The values of :class:`residencias.domain.asignacion.Lectura`, written out so that building the
parser imports no domain class (a test checks they are the same)."""

__all__ = ["register"]


def register(sub: Any) -> None:
    p = sub.add_parser("asignar", help="asigna sedes como el SIICES (CER 6.2) desde un archivo de "
                       "concurso y, con --esperado, lo compara con un resultado publicado",
                       epilog=salidas("el resultado publicado (--esperado) difiere de 6.2"))
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
    p.add_argument("--html", metavar="ARCHIVO.html",
                   help="escribe la auditoría como una página HTML autocontenida, con gráficas")
    p.add_argument("--explicar", metavar="FOLIO", action="append", default=[],
                   help="explica la asignación de un folio, opción por opción (repetible; con --json, "
                        "en la clave 'explicaciones')")
    p.add_argument("--lectura", choices=LECTURAS,
                   help="lectura de 6.2: serial (en orden de PI-IMSS, cada aspirante toma su primera opción "
                        "libre) o rondas (primeras opciones de todos, luego segundas...); por omisión la que "
                        "declara la convocatoria (un supuesto)")
    add_json(p, "salida en JSON")
    p.set_defaults(handler=_cmd_asignar)


def _explicacion(asignacion: Asignacion, folio: str) -> dict[str, Any]:
    """One ``--explicar`` in JSON: the outcome, each option tried (6.2, puntos 1 to 4) and the text."""
    r = asignacion.resultado(folio)
    return {
        "folio": r.folio,
        "cer": r.cer,
        "sede": r.sede,
        "opcion": r.opcion,
        "puntaje": str(r.puntaje),
        "posicion": r.posicion,
        "total": r.total,
        "intentos": [
            {
                "opcion": i.opcion,
                "sede": i.sede,
                "asignado": i.asignado,
                "plazas": i.plazas,
                "plaza": i.plaza,
                "ocupada_por": i.ocupada_por,
                "puntaje_ocupante": None if i.puntaje_ocupante is None else str(i.puntaje_ocupante),
                "articulo": i.articulo,
            }
            for i in asignacion.bitacora(folio)
        ],
        "texto": asignacion.explicar(folio),
    }


def _cmd_asignar(args: argparse.Namespace) -> int:
    # A competition is a few large, acyclic structures built once: the cyclic collector would only
    # walk them again and again while they grow (a fifth of the run for 100,000 applicants).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _asignar(args)
    finally:
        if enabled:
            gc.enable()


def _asignar(args: argparse.Namespace) -> int:
    from residencias.assignment.lecturas import auditar_lecturas
    from residencias.domain.asignacion import Lectura
    from residencias.jsonable import partes_json
    from residencias.loading.entrada import MIB
    from residencias.loading.files import archivos_de_convocatoria

    salidas_pedidas = {"--reporte": args.reporte, "--csv": args.csv, "--html": args.html}
    entradas = [args.concurso, os.path.join(args.concurso, "sedes.csv"),
                os.path.join(args.concurso, "aspirantes.csv"), *archivos_de_convocatoria(args.convocatoria)]
    if args.esperado:
        entradas.append(args.esperado)
    comprobar_salidas(salidas_pedidas, entradas)
    max_bytes = None if args.max_mb is None else args.max_mb * MIB
    lectura = Lectura(args.lectura) if args.lectura else None
    with Progreso("residencias asignar") as fase:
        auditoria = auditar_lecturas(args.concurso, esperado=args.esperado, convocatoria=args.convocatoria,
                                     lectura=lectura, progreso=fase, max_bytes=max_bytes)
        asignacion = auditoria.auditoria.asignacion
        if asignacion.convocatoria is not None:  # named by the fixture itself
            comprobar_salidas(salidas_pedidas, archivos_de_convocatoria(asignacion.convocatoria))
        if args.explicar:
            fase("explicando " + ", ".join(args.explicar))
        explicaciones = [_explicacion(asignacion, folio) if auditoria.lectura is Lectura.SERIAL
                         else {"folio": folio, "lectura": auditoria.lectura.value,
                               "texto": auditoria.explicar(folio)}
                         for folio in args.explicar]
        if args.reporte:
            fase(f"escribiendo el reporte {args.reporte}")
            write_text(args.reporte, auditoria.to_markdown())
        if args.csv:
            fase(f"escribiendo el CSV {args.csv}")
            write_text(args.csv, auditoria.to_csv())
        if args.html:
            fase(f"escribiendo la página {args.html}")
            from residencias.consistency import check_convocatoria  # only for the page

            convocatoria = asignacion.politica.convocatoria
            observaciones = None if convocatoria is None else check_convocatoria(convocatoria)
            write_text(args.html, auditoria.auditoria.to_html(observaciones))
        fase("preparando la salida")
        if args.json:
            data = {**auditoria.datos_json(), "explicaciones": explicaciones}
        else:
            written = [f"{what} escrito en {path}"
                       for path, what in ((args.reporte, "Reporte"), (args.csv, "CSV"), (args.html, "HTML"))
                       if path]
            output = "\n".join([auditoria.to_text(), *(e["texto"] for e in explicaciones), *written])
    if args.json:
        emit_json_partes(partes_json(data))
    else:
        emit(output)
    return EXIT_OK if auditoria.conforme else EXIT_NEGATIVE
