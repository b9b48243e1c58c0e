"""The ``residencias`` command: a thin Spanish shell over the public functions.

Exit codes: 0 all good; 1 a negative answer (no CER for that CEME and grado, lint errors);
2 bad input (unknown id, bad data file, bad arguments), said in one line, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NoReturn

import attrs

import residencias
from residencias.assignment.preasignacion import EstadoPreasignacion, revisar_preasignacion
from residencias.assignment.replay import replay
from residencias.calendars.calendario import Calendario
from residencias.calendars.ics import to_ics
from residencias.calendars.ventana import Ventana
from residencias.consistency import Observacion, Severidad, lint
from residencias.domain.archivos import Participante
from residencias.domain.convocatoria import Convocatoria
from residencias.domain.publicaciones import Publicacion
from residencias.errors import InvalidQueryError, ResidenciasError
from residencias.jsonable import dumps, to_data
from residencias.loading.files import convocatorias_disponibles, load_convocatoria, load_expediente, load_file
from residencias.rules.archivos import revisar_archivos
from residencias.rules.checklist import Categoria, checklist
from residencias.rules.dictamen import ResultadoGeneral
from residencias.rules.evaluador import evaluate
from residencias.rules.puntaje import calcular_pi_imss
from residencias.text import normalize_name

__all__ = ["main"]

CER_POR_OMISION = "imss-cer-2026-2027"

EXIT_OK = 0
EXIT_NEGATIVE = 1
EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    """argparse, with its one-line complaints in Spanish and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: argumentos inválidos: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="residencias",
        description="Las convocatorias de residencias médicas (IMSS, UNAM), ejecutables y citadas.",
    )
    parser.add_argument("--version", action="version", version=f"residencias {residencias.__version__}")
    sub = parser.add_subparsers(dest="orden", metavar="ORDEN", parser_class=_Parser)
    sub.required = True

    p = sub.add_parser("convocatorias", help="lista las convocatorias incluidas")
    p.add_argument("--json", action="store_true", help="salida JSON")

    p = sub.add_parser("mostrar", help="resume una convocatoria (id o archivo YAML)")
    p.add_argument("convocatoria", metavar="ID")
    p.add_argument("--json", action="store_true", help="salida JSON")

    p = sub.add_parser("cer", help="CER abiertos a un residente según su CEME y grado (1.3, Tabla 1)")
    p.add_argument("--ceme", required=True, help='CEME cursado, p. ej. "Medicina interna"')
    p.add_argument("--grado", required=True, type=int, help="grado aprobado del CEME, p. ej. 2")
    p.add_argument("--convocatoria", default=CER_POR_OMISION, metavar="ID",
                   help=f"id o archivo (por omisión {CER_POR_OMISION})")
    p.add_argument("--json", action="store_true", help="salida JSON")

    p = sub.add_parser("calendario", help="ventanas y plazos de una convocatoria, en hora de la CDMX")
    p.add_argument("convocatoria", metavar="ID")
    p.add_argument("--en", metavar="INSTANTE", type=_instant,
                   help="instante ISO 8601 con desfase, p. ej. 2026-03-13T16:00:00-06:00: "
                        "marca cada ventana abierta, próxima o cerrada")
    p.add_argument("--seleccion-dgces", metavar="FECHA", type=_day,
                   help="fecha de selección en la DGCES (AAAA-MM-DD): registro escalonado y plazos")
    p.add_argument("--registro", metavar="FECHA", type=_day,
                   help="fecha de registro del aspirante (AAAA-MM-DD), para plazos que cuentan desde ella")
    p.add_argument("--ics", metavar="ARCHIVO", help="escribe el calendario en formato ICS")
    p.add_argument("--json", action="store_true", help="salida JSON")

    p = sub.add_parser("evaluar", help="evalúa un expediente contra los requisitos de una convocatoria")
    p.add_argument("convocatoria", metavar="ID")
    p.add_argument("expediente", metavar="EXPEDIENTE.yaml")
    p.add_argument("--en", metavar="INSTANTE", type=_instant, required=True,
                   help="instante de la evaluación, ISO 8601 con desfase (la biblioteca no lee el reloj)")
    p.add_argument("--json", action="store_true", help="salida JSON (versionada, con el sha256 de los datos)")

    p = sub.add_parser("documentos", help="lista de documentos que pide una convocatoria para un caso")
    p.add_argument("convocatoria", metavar="ID")
    p.add_argument("--categoria", action="append", default=[], choices=[c.value for c in Categoria],
                   help="categoría del aspirante (se puede repetir)")
    p.add_argument("--json", action="store_true", help="salida JSON")

    p = sub.add_parser("revisar-archivos",
                       help="revisa los archivos JPG de un expediente contra la tabla de la convocatoria")
    p.add_argument("convocatoria", metavar="ID")
    p.add_argument("directorio", metavar="DIRECTORIO")
    p.add_argument("--categoria", action="append", default=[], choices=[c.value for c in Categoria],
                   help="categoría del aspirante (se puede repetir); por omisión mexicano-mexico")
    p.add_argument("--json", action="store_true", help="salida JSON")

    p = sub.add_parser("puntaje", help="calcula el PI-IMSS con su desglose (CER 6.1, Tabla 2; sección 7)")
    p.add_argument("--efiser", required=True, type=_decimal, help="calificación del EFISER, base 100")
    p.add_argument("--promedio", required=True, type=_decimal, help="promedio de posgrado, base 100")
    p.add_argument("--enarm", required=True, type=_decimal, help="calificación del ENARM, base 100")
    p.add_argument("--publicaciones", metavar="ARCHIVO", help="YAML con la lista 'publicaciones:'")
    p.add_argument("--convocatoria", default=CER_POR_OMISION, metavar="ID",
                   help=f"convocatoria con la sección 'puntaje' (por omisión {CER_POR_OMISION})")
    p.add_argument("--json", action="store_true", help="salida JSON")

    _add_assignment_commands(sub)
    p = sub.add_parser("lint", help="revisa la consistencia de una convocatoria, o de todas")
    p.add_argument("convocatoria", metavar="ID", nargs="?")
    p.add_argument("--json", action="store_true", help="salida JSON")
    return parser


def _add_assignment_commands(sub: Any) -> None:
    """``asignar`` (CER 6.2) and ``preasignacion`` (XLVI 1.3, XLIX 1.4)."""
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
    p.add_argument("--explicar", metavar="FOLIO", action="append", default=[],
                   help="explica la asignación de un folio, opción por opción (repetible)")
    p.add_argument("--json", action="store_true", help="salida en JSON")
    p = sub.add_parser("preasignacion", help="compara la sede registrada con la constancia de "
                       "seleccionado del ENARM (XLVI 1.3, XLIX 1.4)")
    p.add_argument("convocatoria", metavar="ID", help="id de la convocatoria (o archivo YAML)")
    p.add_argument("expediente", metavar="EXPEDIENTE.yaml", help="hechos del aspirante")
    p.add_argument("--json", action="store_true", help="salida en JSON")


def _instant(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' no es un instante ISO 8601, p. ej. 2026-03-13T16:00:00-06:00"
        ) from None
    if value.tzinfo is None:
        raise argparse.ArgumentTypeError(
            f"'{text}' no tiene desfase UTC; agréguelo, p. ej. {text}-06:00 para la Ciudad de México"
        )
    return value


def _decimal(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"'{text}' no es un número decimal, p. ej. 87.5") from None
    if not value.is_finite():
        raise argparse.ArgumentTypeError(f"'{text}' no es un número finito")
    return value


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' no es una fecha AAAA-MM-DD") from None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        handler = _HANDLERS[args.orden]
        return handler(args)
    except ResidenciasError as exc:
        print(f"residencias: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _print(text: str) -> None:
    sys.stdout.write(text + "\n")


def _cmd_convocatorias(args: argparse.Namespace) -> int:
    items = [load_convocatoria(i) for i in convocatorias_disponibles()]
    if args.json:
        _print(dumps([_listing(c) for c in items]))
        return EXIT_OK
    for c in items:
        fecha = c.publicacion.fecha_hora
        published = fecha.strftime("%Y-%m-%d %H:%M") if fecha else "sin fecha"
        _print(f"{c.id:<38} {c.institucion.value:<5} publicada {published:<16} {c.titulo}")
    return EXIT_OK


def _listing(c: Convocatoria) -> dict[str, Any]:
    return {
        "id": c.id,
        "institucion": c.institucion.value,
        "titulo": c.titulo,
        "publicacion": to_data(c.publicacion.fecha_hora),
        "ciclo_academico": c.ciclo_academico.nombre,
        "fuente": c.fuente.documento,
    }


def _cmd_mostrar(args: argparse.Namespace) -> int:
    c = load_convocatoria(args.convocatoria)
    if args.json:
        data = to_data(c)
        del data["especialidades"]
        _print(dumps(data))
        return EXIT_OK
    for line in _summary(c):
        _print(line)
    return EXIT_OK


def _summary(c: Convocatoria) -> list[str]:
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
    c = load_convocatoria(args.convocatoria)
    found = c.cers_disponibles(args.ceme, args.grado)
    if args.json:
        _print(dumps([
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
        ]))
        return EXIT_OK if found else EXIT_NEGATIVE
    ceme = c.especialidades.buscar(args.ceme)
    ceme_name = ceme.nombre if ceme else args.ceme
    if not found:
        _print(f"Ningún CER de la Tabla 1 ({c.id}) está abierto a residentes de {ceme_name} "
               f"con grado {args.grado} aprobado (1.3: el grado debe coincidir exactamente).")
        grados = sorted({f.grado for f in c.tablas.prerrequisitos.filas
                         if c.especialidades.buscar(f.ceme) == ceme}) if c.tablas and ceme else []
        if grados:
            _print(f"Con {ceme_name}, la Tabla 1 pide el grado {', '.join(map(str, grados))}.")
        return EXIT_NEGATIVE
    _print(f"CER abiertos a residentes de {ceme_name}, grado {args.grado} ({c.id}, 1.3 y Tabla 1):")
    for d in found:
        name = d.especialidad.nombre if d.especialidad else d.fila.cer
        diploma = (f"; entrega de diploma institucional obligatoria [{d.diploma.articulo}]"
                   if d.diploma else "")
        _print(f"  {name:<48} [{d.fila.articulo}]{diploma}")
    return EXIT_OK


def _cmd_calendario(args: argparse.Namespace) -> int:
    conv = load_convocatoria(args.convocatoria)
    cal = Calendario.de(conv)
    ventanas = cal.ventanas_para(args.seleccion_dgces)
    plazos = cal.plazos_resueltos(seleccion_dgces=args.seleccion_dgces, registro=args.registro)
    if args.ics:
        data = to_ics(cal, titulo=conv.titulo, publicacion=conv.publicacion.fecha_hora,
                      seleccion_dgces=args.seleccion_dgces, registro=args.registro)
        try:
            Path(args.ics).write_bytes(data)
        except OSError as exc:
            raise InvalidQueryError(f"no se pudo escribir '{args.ics}' ({exc.strerror})") from None
    rows = [(v, "ventana") for v in ventanas] + [(v, "plazo") for v in plazos]
    if args.json:
        _print(dumps([_window_data(cal, v, tipo, args.en) for v, tipo in rows]))
        return EXIT_OK
    for line in _calendar_lines(conv, cal, rows, args):
        _print(line)
    return EXIT_OK


def _window_data(cal: Calendario, v: Ventana, tipo: str, en: datetime | None) -> dict[str, Any]:
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


def _cmd_evaluar(args: argparse.Namespace) -> int:
    conv = load_convocatoria(args.convocatoria)
    expediente = load_expediente(args.expediente)
    dictamen = evaluate(conv, expediente, args.en)
    _print(dictamen.to_json() if args.json else dictamen.explicar())
    return EXIT_OK if dictamen.resultado is ResultadoGeneral.CUMPLE else EXIT_NEGATIVE


def _cmd_documentos(args: argparse.Namespace) -> int:
    conv = load_convocatoria(args.convocatoria)
    categorias = frozenset(Categoria(c) for c in args.categoria)
    items = checklist(conv, categorias)
    if args.json:
        _print(dumps(list(items)))
        return EXIT_OK
    shown = ", ".join(sorted(c.value for c in categorias)) or "sin categoría"
    _print(f"Documentos de {conv.id} ({shown}):")
    for item in items:
        mark = " (según su caso)" if item.segun_su_caso else ""
        _print(f"  {item.documento:<22} [{item.articulo}] {item.mensaje}{mark}")
    return EXIT_OK


_PARTICIPANTES = {
    Categoria.MEXICANO_MEXICO: Participante.MEXICANO,
    Categoria.MEXICANO_EXTRANJERO: Participante.MEXICANO,
    Categoria.EXTRANJERO: Participante.EXTRANJERO,
    Categoria.TRABAJADOR_IMSS: Participante.TRABAJADOR_IMSS,
    Categoria.HIJO_TRABAJADOR_IMSS: Participante.HIJO_TRABAJADOR_IMSS,
}


def _cmd_revisar_archivos(args: argparse.Namespace) -> int:
    conv = load_convocatoria(args.convocatoria)
    categorias = [Categoria(c) for c in args.categoria] or [Categoria.MEXICANO_MEXICO]
    revision = revisar_archivos(conv, args.directorio, {_PARTICIPANTES[c] for c in categorias})
    _print(dumps(revision) if args.json else revision.explicar())
    return EXIT_OK if revision.ok else EXIT_NEGATIVE


@attrs.frozen
class _ArchivoPublicaciones:
    publicaciones: tuple[Publicacion, ...]


def _cmd_puntaje(args: argparse.Namespace) -> int:
    conv = load_convocatoria(args.convocatoria)
    if conv.puntaje is None:
        raise InvalidQueryError(f"la convocatoria '{conv.id}' no tiene sección de puntaje")
    publicaciones: tuple[Publicacion, ...] = ()
    if args.publicaciones:
        publicaciones = load_file(args.publicaciones, _ArchivoPublicaciones).publicaciones
    desglose = calcular_pi_imss(conv.puntaje, efiser=args.efiser, promedio_posgrado=args.promedio,
                                enarm=args.enarm, publicaciones=publicaciones)
    _print(dumps(desglose) if args.json else desglose.explicar())
    return EXIT_OK


def _cmd_lint(args: argparse.Namespace) -> int:
    found = lint(args.convocatoria)
    errors = [o for o in found if o.severidad is Severidad.ERROR]
    if args.json:
        _print(dumps(list(found)))
    else:
        for o in found:
            _print(_lint_line(o))
        checked = args.convocatoria or f"{len(convocatorias_disponibles())} convocatorias"
        _print(f"{checked}: {len(errors)} errores, {len(found) - len(errors)} advertencias")
    return EXIT_NEGATIVE if errors else EXIT_OK


def _lint_line(o: Observacion) -> str:
    return f"{o.convocatoria}: {o.severidad.value} [{o.codigo}] {o.mensaje} — {'; '.join(o.lugares)}"


def _write(path: str, text: str) -> None:
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InvalidQueryError(f"no se pudo escribir '{path}' ({exc.strerror})") from None


def _cmd_asignar(args: argparse.Namespace) -> int:
    auditoria = replay(args.concurso, esperado=args.esperado, convocatoria=args.convocatoria)
    explicaciones = [auditoria.asignacion.explicar(folio) for folio in args.explicar]
    if args.reporte:
        _write(args.reporte, auditoria.to_markdown())
    if args.csv:
        _write(args.csv, auditoria.to_csv())
    if args.json:
        _print(auditoria.to_json())
    else:
        _print(auditoria.to_text())
        for text in explicaciones:
            _print(text)
        for path, what in ((args.reporte, "Reporte"), (args.csv, "CSV")):
            if path:
                _print(f"{what} escrito en {path}")
    return EXIT_OK if auditoria.conforme else EXIT_NEGATIVE


def _cmd_preasignacion(args: argparse.Namespace) -> int:
    resultado = revisar_preasignacion(load_convocatoria(args.convocatoria), load_expediente(args.expediente))
    _print(dumps(resultado) if args.json else resultado.explicar())
    return EXIT_OK if resultado.estado is EstadoPreasignacion.CONFIRMADA else EXIT_NEGATIVE


_HANDLERS = {
    "convocatorias": _cmd_convocatorias,
    "mostrar": _cmd_mostrar,
    "cer": _cmd_cer,
    "lint": _cmd_lint,
    "calendario": _cmd_calendario,
    "evaluar": _cmd_evaluar,
    "documentos": _cmd_documentos,
    "revisar-archivos": _cmd_revisar_archivos,
    "puntaje": _cmd_puntaje,
    "asignar": _cmd_asignar,
    "preasignacion": _cmd_preasignacion,
}
