"""``residencias calendario``: every window and derived deadline of a convocatoria, in Mexico City
time, marked open / upcoming / closed at the instant given, and optionally as an ICS file."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from residencias.cli._argumentos import add_json, day, instant, salidas
from residencias.cli._salida import EXIT_OK, comprobar_salidas, emit, emit_data, write_bytes

if TYPE_CHECKING:  # the handler imports them: registering the subcommand costs nothing
    from residencias.calendars.calendario import Calendario
    from residencias.domain.convocatoria import Convocatoria
    from residencias.domain.ventana import Ventana

__all__ = ["register"]


def register(sub: Any) -> None:
    p = sub.add_parser("calendario", help="ventanas y plazos de una convocatoria, en hora de la CDMX",
                       epilog=salidas(""))
    p.add_argument("convocatoria", metavar="ID", help="id de una convocatoria incluida, o archivo YAML")
    p.add_argument("--en", metavar="INSTANTE", type=instant,
                   help="instante ISO 8601 con desfase, p. ej. 2026-03-13T16:00:00-06:00: "
                        "marca cada ventana abierta, próxima o cerrada")
    p.add_argument("--seleccion-dgces", metavar="FECHA", type=day,
                   help="fecha de selección en la DGCES (AAAA-MM-DD): registro escalonado y plazos")
    p.add_argument("--registro", metavar="FECHA", type=day,
                   help="fecha de registro del aspirante (AAAA-MM-DD), para plazos que cuentan desde ella")
    p.add_argument("--ics", metavar="ARCHIVO", help="escribe el calendario en formato ICS")
    add_json(p)
    p.set_defaults(handler=_cmd_calendario)


def _cmd_calendario(args: argparse.Namespace) -> int:
    from residencias.calendars.calendario import Calendario
    from residencias.calendars.ics import to_ics
    from residencias.loading.files import archivos_de_convocatoria, load_convocatoria

    comprobar_salidas({"--ics": args.ics}, archivos_de_convocatoria(args.convocatoria))
    conv = load_convocatoria(args.convocatoria)
    cal = Calendario.de(conv)
    ventanas = cal.ventanas_para(args.seleccion_dgces)
    plazos = cal.plazos_resueltos(seleccion_dgces=args.seleccion_dgces, registro=args.registro)
    if args.ics:
        data = to_ics(cal, titulo=conv.titulo, publicacion=conv.publicacion.fecha_hora,
                      seleccion_dgces=args.seleccion_dgces, registro=args.registro)
        write_bytes(args.ics, data)
    rows = [(v, "ventana") for v in ventanas] + [(v, "plazo") for v in plazos]
    if args.json:
        emit_data([_window_data(cal, v, tipo, args.en) for v, tipo in rows])
        return EXIT_OK
    for line in _calendar_lines(conv, cal, rows, args):
        emit(line)
    return EXIT_OK


def _window_data(cal: Calendario, v: Ventana, tipo: str, en: datetime | None) -> dict[str, Any]:
    from residencias.jsonable import to_data

    inicio = v.inicio(cal.zona)
    return {
        "accion": v.accion.value,
        "tipo": tipo,
        "descripcion": v.descripcion,
        "articulo": v.articulo,
        "desde": inicio.isoformat() if inicio else None,
        "hasta": v.fin(cal.zona).isoformat(),
        "incluye_desde": v.incluye_inicio,
        "incluye_hasta": v.incluye_fin,
        "dia_completo": v.dia_completo,
        "seleccion_dgces": to_data(v.seleccion_dgces),
        "horario": to_data(v.horario),
        "supuesto": v.supuesto,
        "nota": v.nota,
        "estado": cal.estado(v, en).value if en is not None else None,
    }


def _calendar_lines(conv: Convocatoria, cal: Calendario, rows: list[tuple[Ventana, str]],
                    args: argparse.Namespace) -> list[str]:
    when = f" en {args.en.astimezone(cal.zona).isoformat()}" if args.en else ""
    lines = [f"Calendario de {conv.id}{when} (hora de {cal.zona.key})"]
    if not rows:
        lines.append("  (la convocatoria no tiene ventanas ni plazos en los datos)")
    supuestos: list[str] = []
    for v, tipo in rows:
        estado = f"{cal.estado(v, args.en).value:<9} " if args.en else ""
        inicio = v.inicio(cal.zona)
        desde = _show(inicio, v.desde) if inicio else "—"
        hasta = _show_end(v)
        mark = ""
        if v.supuesto:
            if v.supuesto not in supuestos:
                supuestos.append(v.supuesto)
            mark = f" [supuesto {supuestos.index(v.supuesto) + 1}]"
        kind = " (plazo)" if tipo == "plazo" else ""
        lines.append(f"  {estado}{v.accion.value:<28} {desde:<18} {hasta:<18} {v.articulo}{kind}{mark}")
    for number, text in enumerate(supuestos, start=1):
        lines.append(f"  supuesto {number}: {text}")
    staggered = sorted({v.seleccion_dgces.isoformat() for v in cal.ventanas if v.seleccion_dgces})
    if staggered and args.seleccion_dgces is None:
        lines.append(f"  nota: el registro abre según la fecha de selección en la DGCES "
                     f"({', '.join(staggered)}); con --seleccion-dgces se muestra el de cada aspirante")
    per_applicant = [p.accion.value for p in cal.plazos if p.por_aspirante]
    if per_applicant and args.seleccion_dgces is None and args.registro is None:
        lines.append(f"  nota: plazos que dependen de cada aspirante ({', '.join(per_applicant)}): "
                     "indique --seleccion-dgces o --registro")
    if args.ics:
        lines.append(f"ICS escrito en {args.ics}")
    return lines


def _show(instant: datetime, bound: date | datetime | None) -> str:
    return instant.strftime("%Y-%m-%d %H:%M") if isinstance(bound, datetime) else instant.strftime("%Y-%m-%d")


def _show_end(v: Ventana) -> str:
    if isinstance(v.hasta, datetime):
        return v.hasta.strftime("%Y-%m-%d %H:%M")
    return f"{v.hasta.isoformat()} (día)"
