"""Subcommands about one person against one convocatoria: ``evaluar``, ``documentos``,
``revisar-archivos``, ``puntaje`` and ``preasignacion``."""

from __future__ import annotations

import argparse
from typing import Any

from residencias.cli._argumentos import CER_POR_OMISION, add_json, decimal, instant, salidas
from residencias.cli._salida import EXIT_NEGATIVE, EXIT_OK, emit, emit_data, emit_json
from residencias.errors import InvalidQueryError

# The handlers import what they use, so that registering the subcommands costs nothing.

__all__ = ["register"]

CATEGORIAS = ("mexicano-mexico", "mexicano-extranjero", "extranjero", "trabajador-imss",
              "hijo-trabajador-imss")
"""The values of :class:`residencias.rules.checklist.Categoria`, written out so that building the
parser does not import the rules (a test checks they are the same)."""


def register(sub: Any) -> None:
    p = sub.add_parser("evaluar", help="evalúa un expediente (o una carpeta de expedientes) contra los "
                       "requisitos de una convocatoria",
                       epilog=salidas("no cumple, o queda algo pendiente, o falta información (en un lote: "
                                      "algún expediente)"))
    p.add_argument("convocatoria", metavar="ID", help="id de una convocatoria incluida, o archivo YAML")
    p.add_argument("expediente", metavar="EXPEDIENTE", nargs="+",
                   help="archivo YAML o JSON con los hechos y documentos de la persona; con una carpeta "
                        "o varios archivos, evalúa el lote y da un resumen (veredicto y reglas de cada "
                        "archivo)")
    p.add_argument("--en", metavar="INSTANTE", type=instant, required=True,
                   help="instante de la evaluación, ISO 8601 con desfase (la biblioteca no lee el reloj)")
    p.add_argument("--historia", metavar="HISTORIA.yaml",
                   help="historia de eventos de la persona (YAML o JSON); sin ella se usa la 'historia:' "
                        "del expediente, y sin ninguna nada se sabe de los pasos del proceso")
    p.add_argument("--csv", metavar="ARCHIVO.csv",
                   help="en un lote, escribe también el resumen en CSV (una fila por archivo)")
    add_json(p, "salida JSON (versionada, con el sha256 de los datos)")
    p.set_defaults(handler=_cmd_evaluar)

    p = sub.add_parser("documentos", help="lista de documentos que pide una convocatoria para un caso",
                       epilog=salidas(""))
    p.add_argument("convocatoria", metavar="ID", help="id de una convocatoria incluida, o archivo YAML")
    p.add_argument("--categoria", action="append", default=[], choices=CATEGORIAS,
                   help="categoría del aspirante (se puede repetir)")
    add_json(p)
    p.set_defaults(handler=_cmd_documentos)

    p = sub.add_parser("revisar-archivos",
                       help="revisa los archivos JPG de un expediente contra la tabla de la convocatoria",
                       epilog=salidas("algún archivo falta, sobra o no cumple la tabla"))
    p.add_argument("convocatoria", metavar="ID", help="id de una convocatoria incluida, o archivo YAML")
    p.add_argument("directorio", metavar="DIRECTORIO", help="carpeta con los archivos JPG del expediente")
    p.add_argument("--categoria", action="append", default=[], choices=CATEGORIAS,
                   help="categoría del aspirante (se puede repetir); por omisión mexicano-mexico")
    add_json(p)
    p.set_defaults(handler=_cmd_revisar_archivos)

    p = sub.add_parser("puntaje", help="calcula el PI-IMSS con su desglose (CER 6.1, Tabla 2; sección 7)",
                       epilog=salidas(""))
    p.add_argument("--efiser", required=True, type=decimal, help="calificación del EFISER, base 100")
    p.add_argument("--promedio", required=True, type=decimal,
                   help="promedio de posgrado, en base 100 salvo que se indique --escala-promedio")
    p.add_argument("--escala-promedio", type=int, choices=(100, 10, 5), default=100,
                   help="escala en que está escrito el promedio; se lleva a base 100 como dicen las "
                        "convocatorias del ENARM (2.1 d)")
    p.add_argument("--equivalencia", action="store_true",
                   help="se cuenta con el documento oficial de equivalencia (necesario para la escala 5)")
    p.add_argument("--enarm", required=True, type=decimal, help="calificación del ENARM, base 100")
    p.add_argument("--publicaciones", metavar="ARCHIVO", help="YAML con la lista 'publicaciones:'")
    p.add_argument("--convocatoria", default=CER_POR_OMISION, metavar="ID",
                   help=f"convocatoria con la sección 'puntaje' (por omisión {CER_POR_OMISION})")
    add_json(p)
    p.set_defaults(handler=_cmd_puntaje)

    p = sub.add_parser("preasignacion", help="compara la sede registrada con la constancia de "
                       "seleccionado del ENARM (XLVI 1.3, XLIX 1.4)",
                       epilog=salidas("la preasignación no se confirma (anulada, o falta información)"))
    p.add_argument("convocatoria", metavar="ID", help="id de la convocatoria (o archivo YAML)")
    p.add_argument("expediente", metavar="EXPEDIENTE.yaml", help="hechos del aspirante")
    add_json(p)
    p.set_defaults(handler=_cmd_preasignacion)


def _cmd_evaluar(args: argparse.Namespace) -> int:
    import os

    from residencias.loading.files import load_convocatoria, load_expediente_e_historia, load_historia
    from residencias.process.evaluacion import evaluate
    from residencias.rules.dictamen import ResultadoGeneral

    if len(args.expediente) > 1 or os.path.isdir(args.expediente[0]):
        return _cmd_evaluar_lote(args)
    if args.csv:
        raise InvalidQueryError("--csv es para un lote (una carpeta o varios expedientes)")
    conv = load_convocatoria(args.convocatoria)
    expediente, propia = load_expediente_e_historia(args.expediente[0])
    historia = load_historia(args.historia) if args.historia else propia
    dictamen = evaluate(conv, expediente, args.en, historia)
    if args.json:
        emit_json(dictamen.to_json())
    else:
        emit(dictamen.explicar())
    return EXIT_OK if dictamen.resultado is ResultadoGeneral.CUMPLE else EXIT_NEGATIVE


def _cmd_evaluar_lote(args: argparse.Namespace) -> int:
    from residencias.cli._salida import comprobar_salidas, write_text
    from residencias.loading.files import archivos_de_convocatoria, load_convocatoria
    from residencias.process.lote import archivos_del_lote, evaluar_lote

    if args.historia:
        raise InvalidQueryError("--historia es de un expediente; en un lote cada expediente trae la suya "
                                "('historia:')")
    comprobar_salidas({"--csv": args.csv}, [*args.expediente, *archivos_del_lote(args.expediente),
                                            *archivos_de_convocatoria(args.convocatoria)])
    lote = evaluar_lote(load_convocatoria(args.convocatoria), args.expediente, args.en)
    if args.csv:
        write_text(args.csv, lote.to_csv())
    if args.json:
        emit_data(lote.to_data())
    else:
        emit(lote.to_text() + (f"\nCSV escrito en {args.csv}" if args.csv else ""))
    return EXIT_OK if lote.todos_cumplen else EXIT_NEGATIVE


def _cmd_documentos(args: argparse.Namespace) -> int:
    from residencias.loading.files import load_convocatoria
    from residencias.rules.checklist import Categoria, lista_de_documentos

    conv = load_convocatoria(args.convocatoria)
    categorias = frozenset(Categoria(c) for c in args.categoria)
    lista = lista_de_documentos(conv, categorias)
    if args.json:
        emit_data(lista)
        return EXIT_OK if lista.cubierto else EXIT_NEGATIVE
    shown = ", ".join(lista.categorias) or "sin categoría"
    emit(f"Documentos de {conv.id} ({shown}):")
    for restriccion in lista.restricciones:
        emit(f"  {restriccion.linea()}")
    if not lista.cubierto:
        emit("  No se da lista de documentos: la convocatoria no cubre este caso.")
        return EXIT_NEGATIVE
    for item in lista.documentos:
        asked = f" [{'; '.join(item.requisitos)}]" if item.requisitos else ""
        when = f" (según su caso: {item.condicion})" if item.segun_su_caso else ""
        emit(f"  {item.documento:<22} [{item.articulo}] {item.mensaje}{asked}{when}")
    return EXIT_OK


def _cmd_revisar_archivos(args: argparse.Namespace) -> int:
    from residencias.domain.archivos import Participante
    from residencias.loading.files import load_convocatoria
    from residencias.rules.archivos import revisar_archivos
    from residencias.rules.checklist import Categoria

    participantes = {
        Categoria.MEXICANO_MEXICO: Participante.MEXICANO,
        Categoria.MEXICANO_EXTRANJERO: Participante.MEXICANO,
        Categoria.EXTRANJERO: Participante.EXTRANJERO,
        Categoria.TRABAJADOR_IMSS: Participante.TRABAJADOR_IMSS,
        Categoria.HIJO_TRABAJADOR_IMSS: Participante.HIJO_TRABAJADOR_IMSS,
    }
    conv = load_convocatoria(args.convocatoria)
    categorias = [Categoria(c) for c in args.categoria] or [Categoria.MEXICANO_MEXICO]
    revision = revisar_archivos(conv, args.directorio, {participantes[c] for c in categorias})
    if args.json:
        emit_data(revision)
    else:
        emit(revision.explicar())
    return EXIT_OK if revision.ok else EXIT_NEGATIVE


def _cmd_puntaje(args: argparse.Namespace) -> int:
    import attrs

    from residencias.domain.publicaciones import Publicacion
    from residencias.loading.files import load_convocatoria, load_file
    from residencias.rules.puntaje import ARTICULO_CONVERSION, calcular_pi_imss, promedio_en_base_100

    conv = load_convocatoria(args.convocatoria)
    if conv.puntaje is None:
        raise InvalidQueryError(f"la convocatoria '{conv.id}' no tiene sección de puntaje")
    publicaciones: tuple[Publicacion, ...] = ()
    if args.publicaciones:
        # The file's one key, as a class built here (the annotation is the type itself, not a name).
        archivo = attrs.make_class("_ArchivoPublicaciones",
                                   {"publicaciones": attrs.field(type=tuple[Publicacion, ...])}, frozen=True)
        publicaciones = load_file(args.publicaciones, archivo).publicaciones
    promedio = promedio_en_base_100(args.promedio, args.escala_promedio, con_equivalencia=args.equivalencia)
    desglose = calcular_pi_imss(conv.puntaje, efiser=args.efiser, promedio_posgrado=promedio,
                                enarm=args.enarm, publicaciones=publicaciones)
    if args.json:
        emit_data(desglose)
        return EXIT_OK
    emit(desglose.explicar())
    if args.escala_promedio != 100:
        emit(f"Promedio de posgrado llevado a base 100: {args.promedio} (escala {args.escala_promedio}) -> "
             f"{promedio} ({ARTICULO_CONVERSION})")
    return EXIT_OK


def _cmd_preasignacion(args: argparse.Namespace) -> int:
    from residencias.loading.files import load_convocatoria, load_expediente
    from residencias.rules.preasignacion import EstadoPreasignacion, revisar_preasignacion

    resultado = revisar_preasignacion(load_convocatoria(args.convocatoria), load_expediente(args.expediente))
    if args.json:
        emit_data(resultado)
    else:
        emit(resultado.explicar())
    return EXIT_OK if resultado.estado is EstadoPreasignacion.CONFIRMADA else EXIT_NEGATIVE
