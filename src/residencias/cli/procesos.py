"""Subcommands about a person's process: ``pasos`` (where they stand, what comes next, by when,
and what happens if they miss it; optionally as an ICS calendar) and ``flujo`` (the lifecycle
of a convocatoria as a Mermaid diagram)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from residencias.cli._argumentos import add_json, instant, salidas
from residencias.cli._salida import EXIT_NEGATIVE, EXIT_OK, comprobar_salidas, emit, emit_data, write_bytes

if TYPE_CHECKING:  # the handlers import what they use: registering the subcommands costs nothing
    from residencias.process.estado import Estado, Paso

__all__ = ["register"]

JSON_VERSION = 1


def register(sub: Any) -> None:
    p = sub.add_parser("pasos", help="dónde está una persona en el proceso, qué sigue, para cuándo y qué "
                       "pasa si no lo hace", epilog=salidas("el proceso de la persona terminó sin éxito"))
    p.add_argument("convocatoria", metavar="ID", help="id de una convocatoria incluida, o archivo YAML")
    p.add_argument("historia", metavar="HISTORIA.yaml",
                   help="historia de eventos de la persona, en YAML o JSON (ver examples/historias/)")
    p.add_argument("--en", metavar="INSTANTE", type=instant, required=True,
                   help="instante de la consulta, ISO 8601 con desfase (la biblioteca no lee el reloj)")
    p.add_argument("--ics", metavar="ARCHIVO", help="escribe los plazos de la persona en formato ICS")
    add_json(p)
    p.set_defaults(handler=_cmd_pasos)

    p = sub.add_parser("flujo", help="el ciclo de vida de una convocatoria como diagrama Mermaid, cada "
                       "transición con su artículo", epilog=salidas(""))
    p.add_argument("convocatoria", metavar="ID", help="id de una convocatoria incluida, o archivo YAML")
    add_json(p)
    p.set_defaults(handler=_cmd_flujo)


def _cmd_pasos(args: argparse.Namespace) -> int:
    from residencias.domain.proceso import Desenlace
    from residencias.loading.files import archivos_de_convocatoria, load_convocatoria, load_historia
    from residencias.process.estado import Situacion
    from residencias.process.ics import pasos_a_ics
    from residencias.process.pasos import estado_y_pasos

    comprobar_salidas({"--ics": args.ics}, [args.historia, *archivos_de_convocatoria(args.convocatoria)])
    conv = load_convocatoria(args.convocatoria)
    historia = load_historia(args.historia)
    estado, pasos = estado_y_pasos(conv, historia, args.en)
    if args.ics:
        write_bytes(args.ics, pasos_a_ics(conv, historia, pasos))
    if args.json:
        emit_data(Situacion(JSON_VERSION, conv.id, conv.datos_sha256, args.en, estado.terminal, estado,
                            pasos))
    else:
        emit(_text(estado, pasos))
        if args.ics:
            emit(f"ICS escrito en {args.ics}")
    failed = estado.terminal and estado.desenlace is not Desenlace.EXITO
    return EXIT_NEGATIVE if failed else EXIT_OK


def _text(estado: Estado, pasos: tuple[Paso, ...]) -> str:
    from residencias.domain.proceso import Actor

    lines = [estado.explicar()]
    if estado.terminal:
        lines.append("No hay siguientes pasos: el proceso terminó.")
        return "\n".join(lines)
    groups = (
        ("Lo que debe hacer", [p for p in pasos if p.actor is Actor.ASPIRANTE and p.obligatorio]),
        ("Lo que puede hacer", [p for p in pasos if p.actor is Actor.ASPIRANTE and not p.obligatorio]),
        ("Lo que espera de la institución", [p for p in pasos if p.actor is Actor.INSTITUCION]),
    )
    for title, items in groups:
        if items:
            lines.append(f"{title}:")
            lines.extend(f"  {number}. {p.linea()}" for number, p in enumerate(items, start=1))
    return "\n".join(lines)


def _cmd_flujo(args: argparse.Namespace) -> int:
    from residencias.loading.files import load_convocatoria
    from residencias.process.flujo import flujo

    diagrama = flujo(load_convocatoria(args.convocatoria), JSON_VERSION)
    if args.json:
        emit_data(diagrama)
    else:
        emit(diagrama.mermaid.rstrip("\n"))
    return EXIT_OK
