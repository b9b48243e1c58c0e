"""What the HTML audit shows, built from a replay before any markup (records in :mod:`.modelo`).

Everything comes from the replay (:class:`~residencias.assignment.replay.Auditoria`): the
assignment of 6.2, the published result and the discrepancies; and, when the caller gives them, the
findings of ``residencias lint`` for the convocatoria used. The published result's own cut-offs are
computed here from the published seats and the PI-IMSS of the input.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from residencias.assignment.asignacion import Asignacion
from residencias.assignment.informe.modelo import (
    AuditoriaInforme,
    CerInforme,
    Explicacion,
    FilaDiscrepancia,
    FilaSede,
    GrupoDiscrepancias,
    Informe,
    ObservacionInforme,
    Resumen,
    Supuesto,
    ancla,
    convocatoria_sha256,
)
from residencias.assignment.politica import folio_key

__all__ = ["LECTURA_62", "MAX_EXPLICACIONES", "construir"]

MAX_EXPLICACIONES = 500
"""At most this many folios are explained on one page (a published result far from 6.2 can
involve thousands); the others are still listed, unlinked, and ``--explicar FOLIO`` explains any."""


# --- The kinds of discrepancy (replay.comparar and verificacion.verify), in Spanish ------------------

_TIPOS: dict[str, tuple[str, str, str]] = {
    "sede_distinta": (
        "Sede distinta de la que da 6.2",
        "El resultado publicado da al folio una sede distinta de la que resulta de aplicar 6.2 a los "
        "mismos datos (PI-IMSS y opciones).",
        "6.2",
    ),
    "folio_no_publicado": (
        "Folio del concurso sin resultado publicado",
        "Un folio del concurso no aparece en el resultado publicado.",
        "6.2",
    ),
    "sobrecupo": (
        "Sobrecupo",
        "Una sede tiene más asignados que plazas ofertadas; 6.2 asigna «conforme a la disponibilidad "
        "de plazas ofertadas».",
        "6.2",
    ),
    "sede_no_solicitada": (
        "Sede que el aspirante no eligió",
        "Un aspirante tiene una sede que no está entre sus opciones, o que no es del CER; 6.2 intenta "
        "asignarlo «en cada una de sus opciones de sede, en el orden que este eligió».",
        "6.2, punto 3",
    ),
    "desperdicio": (
        "Plaza libre negada a quien la pidió",
        "Una sede quedó con plaza libre mientras alguien que la puso antes de su resultado no la obtuvo; "
        "6.2 lo asigna «en la sede disponible que cuente con plazas vacantes».",
        "6.2, puntos 2 y 3",
    ),
    "envidia_justificada": (
        "Prioridad invertida: un PI-IMSS menor ocupa la sede de uno mayor",
        "Alguien pidió una sede antes de su resultado y esa sede se dio a un PI-IMSS menor; 6.2 asigna "
        "«dándole prioridad a los aspirantes con puntajes más altos».",
        "6.2, punto 1",
    ),
    "desempate_distinto": (
        "Desempate distinto del supuesto de la biblioteca",
        "Entre PI-IMSS iguales, el resultado publicado no sigue el desempate que la biblioteca declara. "
        "La convocatoria no fija desempate: es un supuesto, no palabra del documento.",
        "supuesto de desempate",
    ),
    "folio_desconocido": (
        "Folio publicado que no está en el concurso",
        "El resultado publicado trae un folio que no está en ningún concurso de la entrada.",
        "6.2",
    ),
}

_POR_FOLIO = frozenset({"sede_distinta", "folio_no_publicado"})

LECTURA_62 = (
    "6.2 (puntos 1 a 4): en orden de PI-IMSS, de mayor a menor, cada aspirante ocupa la primera sede "
    "de su lista que aún tenga plaza; si ninguna la tiene, no es asignado."
)
"""The library's reading of 6.2, when the convocatoria used does not write it (``asignacion.nota``)."""


def _sede_texto(asignacion: Asignacion, folio: str, sede: str | None) -> str:
    if sede is None:
        return "sin asignar"
    opciones = asignacion.solicitud(folio).opciones
    if sede in opciones:
        return f"{sede} ({opciones.index(sede) + 1}.ª opción)"
    return f"{sede} (no está entre sus opciones)"


def _known(asignacion: Asignacion) -> dict[str, tuple[str, Decimal, str | None]]:
    """Folio -> (CER, PI-IMSS, sede según 6.2)."""
    return {r.folio: (r.cer, r.puntaje, r.sede) for r in asignacion.asignaciones}


def _grupos(auditoria: AuditoriaInforme) -> tuple[GrupoDiscrepancias, ...]:
    a = auditoria.asignacion
    known = _known(a)
    by_kind: dict[str, list[FilaDiscrepancia]] = {}
    for d in auditoria.discrepancias:
        puntaje = lugar = calculada = publicada = None
        if d.tipo in _POR_FOLIO and len(d.folios) == 1 and d.folios[0] in known:
            r = a.resultado(d.folios[0])
            puntaje, lugar = r.puntaje, f"{r.posicion} de {r.total}"
            calculada = _sede_texto(a, r.folio, d.calculada)
            publicada = None if d.tipo == "folio_no_publicado" else _sede_texto(a, r.folio, d.publicada)
        by_kind.setdefault(d.tipo, []).append(
            FilaDiscrepancia(d.cer, d.folios, d.sede, calculada, publicada, puntaje, lugar, d.mensaje,
                             d.articulo)
        )
    out = []
    for tipo, filas in by_kind.items():
        titulo, descripcion, articulo = _TIPOS.get(tipo, (tipo, "", filas[0].articulo))
        out.append(GrupoDiscrepancias(tipo, titulo, descripcion, articulo, tipo in _POR_FOLIO, tuple(filas)))
    return tuple(out)


def _publicado_por_sede(
    auditoria: AuditoriaInforme, known: Mapping[str, tuple[str, Decimal, str | None]]
) -> dict[tuple[str, str], list[Decimal]]:
    """(CER, sede) -> the PI-IMSS of the folios the published result seats there (folios outside
    the competition are left out: they are reported as ``folio_desconocido``)."""
    out: dict[tuple[str, str], list[Decimal]] = {}
    if auditoria.publicado is None:
        return out
    for folio, sede in auditoria.publicado.sedes.items():
        if sede is not None and folio in known:
            cer, puntaje, _ = known[folio]
            out.setdefault((cer, sede), []).append(puntaje)
    return out


def _cers(auditoria: AuditoriaInforme) -> tuple[CerInforme, ...]:
    a = auditoria.asignacion
    known = _known(a)
    publicados = _publicado_por_sede(auditoria, known)
    admitted: dict[tuple[str, str], list[Decimal]] = {}
    scores: dict[str, tuple[list[Decimal], list[Decimal]]] = {}
    for r in a.asignaciones:
        con, sin = scores.setdefault(r.cer, ([], []))
        if r.sede is None:
            sin.append(r.puntaje)
        else:
            con.append(r.puntaje)
            admitted.setdefault((r.cer, r.sede), []).append(r.puntaje)
    counts: dict[str, int] = {}
    for d in auditoria.discrepancias:
        if d.cer is not None:
            counts[d.cer] = counts.get(d.cer, 0) + 1
    filas: dict[str, list[FilaSede]] = {}
    for c in a.cortes:
        mine = admitted.get((c.cer, c.sede), [])
        fila = FilaSede(c.sede, c.nombre, c.plazas, c.ocupadas, c.puntaje_corte, c.folio_corte,
                        max(mine) if mine else None)
        if auditoria.publicado is not None:
            theirs = publicados.get((c.cer, c.sede), [])
            fila = attrs.evolve(fila, ocupadas_publicado=len(theirs),
                                corte_publicado=min(theirs) if theirs else None)
        filas.setdefault(c.cer, []).append(fila)
    out = []
    for preparado in a.preparados:  # every CER, those without applicants too
        cer = preparado.cer
        con, sin = scores.get(cer, ([], []))
        out.append(CerInforme(cer, tuple(filas.get(cer, ())), tuple(sorted(con)), tuple(sorted(sin)),
                              counts.get(cer, 0)))
    return tuple(out)


def _explicacion(auditoria: AuditoriaInforme, folio: str, motivos: Iterable[str]) -> Explicacion:
    a = auditoria.asignacion
    lines = a.explicar(folio).split("\n")
    pasos = tuple(line.strip() for line in lines[1:] if line.startswith("  "))
    cierre = tuple(line for line in lines[1:] if not line.startswith("  "))
    resultado = a.resultado(folio)
    publicado, coincide = None, True
    if auditoria.publicado is not None:
        sedes = auditoria.publicado.sedes
        coincide = folio in sedes and sedes[folio] == resultado.sede
        publicado = _sede_texto(a, folio, sedes[folio]) if folio in sedes else "no aparece"
    return Explicacion(folio, ancla(folio), resultado.cer, lines[0], pasos, cierre, publicado, coincide,
                       tuple(dict.fromkeys(motivos)))


def _explicaciones(auditoria: AuditoriaInforme) -> tuple[tuple[Explicacion, ...], int]:
    """The folios to explain, and how many were left out by :data:`MAX_EXPLICACIONES`.

    First the folio each discrepancy is about (the first it names: the one given another sede, the
    one passed over), then the other folios it names, then those of every tie that decided a seat;
    the page shows them by folio.
    """
    known = _known(auditoria.asignacion)
    motivos: dict[str, list[str]] = {}
    primero: list[str] = []
    despues: list[str] = []
    for d in auditoria.discrepancias:
        titulo = _TIPOS.get(d.tipo, (d.tipo,))[0]
        for i, folio in enumerate(d.folios):
            if folio in known:
                motivos.setdefault(folio, []).append(titulo)
                (despues if i else primero).append(folio)
    for e in auditoria.asignacion.empates:
        if e.decisivo:
            for folio in e.folios:
                motivos.setdefault(folio, []).append(f"Empate de PI-IMSS ({e.puntaje}) que decidió una plaza")
                despues.append(folio)
    elegidos = list(dict.fromkeys([*primero, *despues]))[:MAX_EXPLICACIONES]
    explicaciones = tuple(_explicacion(auditoria, f, motivos[f]) for f in sorted(elegidos, key=folio_key))
    return explicaciones, len(motivos) - len(elegidos)


def _resumen(auditoria: AuditoriaInforme) -> Resumen:
    a = auditoria.asignacion
    convocatoria = a.politica.convocatoria
    asignados = sum(1 for r in a.asignaciones if r.sede is not None)
    return Resumen(
        entrada=auditoria.archivo,
        entrada_sha256=a.entrada_sha256,
        convocatoria=a.convocatoria,
        convocatoria_titulo=None if convocatoria is None else convocatoria.titulo,
        convocatoria_sha256=convocatoria_sha256(auditoria),
        articulo=a.politica.articulo,
        publicado=None if auditoria.publicado is None else auditoria.publicado.archivo,
        publicados=0 if auditoria.publicado is None else len(auditoria.publicado.sedes),
        aspirantes=len(a.asignaciones),
        asignados=asignados,
        cers=len(a.preparados),
        sedes=len(a.cortes),
        plazas=sum(c.plazas for c in a.cortes),
        empates=len(a.empates),
        empates_decisivos=sum(1 for e in a.empates if e.decisivo),
        discrepancias=len(auditoria.discrepancias),
    )


def _supuestos(auditoria: AuditoriaInforme) -> tuple[Supuesto, ...]:
    a = auditoria.asignacion
    politica = a.politica
    datos = None if politica.convocatoria is None else politica.convocatoria.asignacion
    lectura = datos.nota if datos is not None and datos.nota else LECTURA_62
    out = [Supuesto("Lectura de 6.2", politica.articulo, lectura,
                    f"todas las plazas: {sum(1 for r in a.asignaciones if r.sede is not None)} asignadas")]
    decisivos = [e for e in a.empates if e.decisivo]
    if decisivos:
        decidio = "; ".join(f"{e.cer}: {', '.join(e.sedes)} (folios {', '.join(e.folios)})"
                            for e in decisivos)
    else:
        decidio = "ninguna plaza: ningún empate de PI-IMSS decidió una sede"
    criterios = ", ".join(c.texto for c in politica.desempate.criterios)
    out.append(Supuesto("Desempate entre PI-IMSS iguales", f"supuesto, {politica.articulo}",
                        f"la convocatoria no fija desempate; la biblioteca ordena por {criterios} "
                        "(texto completo en la sección 4)", decidio))
    parciales = [v for v in a.avisos if v.articulo == "2.1 B"]
    if parciales:
        n = sum(len(v.folios) for v in parciales)
        out.append(Supuesto(
            "Listas parciales de sedes", "2.1 B; 6.2",
            "2.1 B pide registrar todas las sedes ofertadas; 6.2 trata la lista como preferencia del "
            "aspirante. La biblioteca admite listas parciales y asigna solo entre las sedes registradas.",
            f"las opciones de {n} aspirante(s) con lista parcial (ver Avisos)",
        ))
    return tuple(out)


def construir(
    auditoria: AuditoriaInforme, observaciones: Iterable[ObservacionInforme] | None = None
) -> Informe:
    """The contents of the page for this replay (``observaciones``: ``residencias lint``'s findings
    for the convocatoria used; ``None``: not consulted)."""
    a = auditoria.asignacion
    explicaciones, omitidas = _explicaciones(auditoria)
    return Informe(
        resumen=_resumen(auditoria),
        supuestos=_supuestos(auditoria),
        grupos=_grupos(auditoria),
        cers=_cers(auditoria),
        empates=a.empates,
        desempate_supuesto=a.politica.desempate.supuesto,
        avisos=a.avisos,
        observaciones=None if observaciones is None else tuple(observaciones),
        explicaciones=explicaciones,
        explicaciones_omitidas=omitidas,
        comparado=auditoria.publicado is not None,
    )
