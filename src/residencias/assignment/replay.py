"""Replaying an assignment from a fixture and comparing it with a published result.

The published result is a CSV file with columns ``folio,sede`` and, optionally, ``cer``,
``opcion`` and ``puntaje`` (so the library's own ``--csv`` output is accepted: an auditor compares
two runs). "No seat" is written as an empty sede or one of :data:`SIN_SEDE` (``sin asignar``,
``no asignado``, ``ninguna``, ``-``..., case and accents ignored). Every difference is a
discrepancy: a folio whose published sede is not the one 6.2 gives (``sede_distinta``), whose
published CER is not the one it competed in (``cer_distinto``), whose published PI-IMSS is not the
one computed (``puntaje_distinto``), a folio of the input that is not published
(``folio_no_publicado``), and every violation of 6.2 that the published result itself shows
(:func:`~residencias.assignment.verificacion.verify`: ``sobrecupo``, ``sede_no_solicitada``,
``desperdicio``, ``envidia_justificada``, ``desempate_distinto``, ``folio_desconocido``). A folio
that lost its leading zeros in a spreadsheet (``292`` for ``000292``) is named in both messages.

Outputs: the ``--json`` object (:meth:`Auditoria.to_data`), a Markdown report
(:meth:`Auditoria.to_markdown`, every value from input escaped by :func:`residencias.escapado.markdown`)
and a CSV of the seats (:meth:`Auditoria.to_csv`), where a cell that a spreadsheet would run as a
formula is escaped (:func:`celda_segura`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from residencias.assignment.asignacion import Asignacion
from residencias.assignment.fixtures import load_entrada, read_csv_table
from residencias.assignment.politica import folio_key
from residencias.assignment.verificacion import TipoViolacion, verificar_preparados
from residencias.errors import DataFileError, InvalidQueryError, Problema
from residencias.escapado import celda_csv, celda_csv_original, markdown, terminal
from residencias.jsonable import partes_json
from residencias.loading.entrada import MAX_CSV_BYTES, NOMBRE_ESTANDAR, es_estandar, nombre_de
from residencias.loading.files import load_catalogo, nombre_de_archivo
from residencias.text import extracto, normalize_name, strip_accents

if TYPE_CHECKING:
    from residencias.assignment.informe.modelo import ObservacionInforme

__all__ = ["Auditoria", "Discrepancia", "Publicado", "celda_segura", "comparar", "load_publicado", "replay"]


SIN_SEDE = frozenset({"", "sin asignar", "no asignado", "no asignada", "sin sede", "sin plaza",
                      "ninguna", "ninguno", "-", "--", "—", "–", "n/a", "na"})
"""How a published result may say "no seat" in its ``sede`` column (compared without case, accents
or repeated blanks). None of these is taken as a sede."""


def sin_sede(value: str) -> bool:
    """Whether a published ``sede`` cell means "not assigned".

    >>> sin_sede(""), sin_sede("Sin  asignar"), sin_sede("NO ASIGNADO"), sin_sede("CMN-SXXI")
    (True, True, True, False)
    """
    return " ".join(strip_accents(value).casefold().split()) in SIN_SEDE


@attrs.frozen
class Publicado:
    """A published result: folio -> sede (``None``: not assigned), and the file it came from; the
    CER and PI-IMSS published per folio where the file gives those columns."""

    archivo: str
    sedes: Mapping[str, str | None]
    cers: Mapping[str, str] = attrs.field(factory=dict)
    puntajes: Mapping[str, Decimal] = attrs.field(factory=dict)


_PUNTAJE = re.compile(r"[0-9]{1,6}(\.[0-9]{1,30})?\Z")


def load_publicado(path: str | os.PathLike[str], *, max_bytes: int = MAX_CSV_BYTES) -> Publicado:
    """Read a published result (``folio,sede[,cer][,opcion][,puntaje]``; ``-``: standard input);
    a repeated folio, or a ``puntaje`` that is not a number, is refused. Cells the library's own
    CSV escaped against formulas (a leading ``'``) are read back as they were."""
    path = nombre_de_archivo(path, "el resultado publicado")
    archivo = NOMBRE_ESTANDAR if es_estandar(path) else nombre_de(path)
    rows = read_csv_table(path, ("folio", "sede"), ("cer", "opcion", "puntaje"), archivo,
                          max_bytes=max_bytes, estandar=True)
    out: dict[str, str | None] = {}
    cers: dict[str, str] = {}
    puntajes: dict[str, Decimal] = {}
    problems: list[Problema] = []
    first: dict[str, int] = {}
    for row in rows:
        celdas = {k: celda_csv_original(v) for k, v in row.celdas.items()}
        folio = celdas["folio"]
        if not folio:
            problems.append(Problema(archivo, row.linea, row.columna("folio"), "columna 'folio': vacía"))
            continue
        if folio in first:
            problems.append(Problema(archivo, row.linea, row.columna("folio"),
                                     f"folio '{extracto(folio)}' repetido (ya en la línea {first[folio]})"))
            continue
        first[folio] = row.linea
        out[folio] = None if sin_sede(celdas["sede"]) else celdas["sede"]
        if celdas.get("cer"):
            cers[folio] = celdas["cer"]
        puntaje = celdas.get("puntaje", "")
        if puntaje and not _PUNTAJE.match(puntaje):
            problems.append(Problema(archivo, row.linea, row.columna("puntaje"),
                                     f"folio '{extracto(folio)}': columna 'puntaje': se esperaba un número "
                                     f"como 87.512, se encontró '{extracto(puntaje)}'"))
        elif puntaje:
            puntajes[folio] = Decimal(puntaje)
    if problems:
        raise DataFileError(problems)
    return Publicado(archivo, out, cers, puntajes)


@attrs.frozen
class Discrepancia:
    """A difference between the replay and the published result, or a violation of 6.2 in it."""

    tipo: str
    cer: str | None
    folios: tuple[str, ...]
    sede: str | None
    calculada: str | None
    publicada: str | None
    mensaje: str
    articulo: str

    def to_data(self) -> dict[str, Any]:
        return {
            "tipo": self.tipo,
            "cer": self.cer,
            "folios": list(self.folios),
            "sede": self.sede,
            "calculada": self.calculada,
            "publicada": self.publicada,
            "mensaje": self.mensaje,
            "articulo": self.articulo,
        }


def _sede_text(sede: str | None, opcion: int | None) -> str:
    if sede is None:
        return "sin asignar"
    return f"{sede} ({opcion}.ª opción)" if opcion else f"{sede} (no está entre sus opciones)"


def _sin_ceros(folio: str) -> str:
    return folio.lstrip("0") or "0"


def _ceros(asignacion: Asignacion, publicado: Publicado) -> dict[str, str]:
    """Published folios that are an input folio without its leading zeros, both ways:
    published -> input and input -> published (a spreadsheet drops the zeros of ``000292``)."""
    entrada = {r.folio for r in asignacion.asignaciones}
    por_digitos: dict[str, list[str]] = {}
    for folio in entrada:
        por_digitos.setdefault(_sin_ceros(folio), []).append(folio)
    out: dict[str, str] = {}
    for folio in publicado.sedes:
        if folio in entrada:
            continue
        candidates = [f for f in por_digitos.get(_sin_ceros(folio), []) if f not in publicado.sedes]
        if len(candidates) == 1:
            out[folio] = candidates[0]
            out[candidates[0]] = folio
    return out


def _hint_publicado(folio: str, otro: str) -> str:
    return (f"; el resultado publicado trae el folio {otro}: ¿es {folio} sin sus ceros a la izquierda? "
            "(una hoja de cálculo los quita; guarde la columna folio como texto)")


def _hint_entrada(folio: str, otro: str) -> str:
    return (f"; ¿es el folio {otro} sin sus ceros a la izquierda? (una hoja de cálculo los quita; "
            "guarde la columna folio como texto)")


def _cer_distinto(asignacion: Asignacion, folio: str, cer: str, publicado: str) -> Discrepancia | None:
    conv = asignacion.politica.convocatoria
    catalogo = conv.especialidades if conv is not None else load_catalogo()
    found = catalogo.buscar(publicado)
    mine = catalogo.buscar(cer)
    if found is not None and mine is not None and found.id == mine.id:
        return None
    if found is None and normalize_name(publicado) == normalize_name(cer):
        return None
    return Discrepancia(
        "cer_distinto", cer, (folio,), None, cer, publicado,
        f"el folio {folio} concursó por {cer}; publicado en el CER '{extracto(publicado)}'", "6.2",
    )


def comparar(asignacion: Asignacion, publicado: Publicado) -> tuple[Discrepancia, ...]:
    """Every discrepancy between the replay and the published result, in a fixed order."""
    out: list[Discrepancia] = []
    published = publicado.sedes
    ceros = _ceros(asignacion, publicado)
    for r in asignacion.asignaciones:
        if r.folio not in published:
            hint = _hint_publicado(r.folio, ceros[r.folio]) if r.folio in ceros else ""
            out.append(
                Discrepancia(
                    "folio_no_publicado",
                    r.cer,
                    (r.folio,),
                    None,
                    r.sede,
                    None,
                    f"el folio {r.folio} no aparece en el resultado publicado; según 6.2: "
                    f"{_sede_text(r.sede, r.opcion)}{hint}",
                    "6.2",
                )
            )
            continue
        other = published[r.folio]
        if other != r.sede:
            opciones = asignacion.solicitud(r.folio).opciones
            k = opciones.index(other) + 1 if other in opciones else None
            out.append(
                Discrepancia(
                    "sede_distinta",
                    r.cer,
                    (r.folio,),
                    other,
                    r.sede,
                    other,
                    f"el folio {r.folio} (PI-IMSS {r.puntaje}): según 6.2, "
                    f"{_sede_text(r.sede, r.opcion)}; publicado: "
                    f"{_sede_text(extracto(other) if other else None, k)}",
                    "6.2",
                )
            )
        cer = publicado.cers.get(r.folio)
        distinto = _cer_distinto(asignacion, r.folio, r.cer, cer) if cer is not None else None
        if distinto is not None:
            out.append(distinto)
        puntaje = publicado.puntajes.get(r.folio)
        if puntaje is not None and puntaje != r.puntaje:
            out.append(Discrepancia(
                "puntaje_distinto", r.cer, (r.folio,), None, str(r.puntaje), str(puntaje),
                f"el folio {r.folio}: PI-IMSS según 6.1, {r.puntaje}; publicado: {puntaje}", "6.1",
            ))
    violaciones = verificar_preparados(asignacion.preparados, published, asignacion.politica).violaciones
    for v in violaciones:
        hint = ""
        if v.tipo is TipoViolacion.FOLIO_DESCONOCIDO and v.folios and v.folios[0] in ceros:
            hint = _hint_entrada(v.folios[0], ceros[v.folios[0]])
        out.append(
            Discrepancia(
                v.tipo.value,
                v.cer,
                v.folios,
                v.sede,
                None,
                None,
                f"en el resultado publicado, {v.mensaje}{hint}",
                v.articulo,
            )
        )
    kinds = ["sede_distinta", "cer_distinto", "puntaje_distinto", "folio_no_publicado",
             *(t.value for t in TipoViolacion)]
    out.sort(key=lambda d: (kinds.index(d.tipo), d.cer or "", [folio_key(f) for f in d.folios], d.sede or ""))
    return tuple(out)


def celda_segura(value: str) -> str:
    """A CSV cell a spreadsheet will show as text (:func:`residencias.escapado.celda_csv`): a leading
    ``=``, ``+``, ``-``, ``@``, tab or carriage return, also after blanks or quotes, gets a ``'``.

    >>> celda_segura("=HYPERLINK(\\"x\\")"), celda_segura("000123"), celda_segura("-1")
    ('\\'=HYPERLINK("x")', '000123', "'-1")
    """
    return celda_csv(value)


def _csv_line(cells: list[str]) -> str:
    quoted = ('"' + c.replace('"', '""') + '"' if any(x in c for x in ',"\r\n') else c for c in cells)
    return ",".join(quoted) + "\n"


def _md(value: object) -> str:
    return markdown(value)


@attrs.frozen
class Auditoria:
    """A replay: the assignment, the published result compared with it (if any) and the
    discrepancies found."""

    archivo: str
    asignacion: Asignacion
    publicado: Publicado | None
    discrepancias: tuple[Discrepancia, ...]

    @property
    def conforme(self) -> bool:
        return not self.discrepancias

    def to_data(self) -> dict[str, Any]:
        return self.asignacion.to_data([d.to_data() for d in self.discrepancias])

    def datos_json(self) -> dict[str, Any]:
        """:meth:`to_data`, with the applicants' records left to be written one by one (for
        :func:`~residencias.jsonable.partes_json`: the same text, without building them)."""
        return self.asignacion.datos_json([d.to_data() for d in self.discrepancias])

    def to_json(self) -> str:
        return "".join(partes_json(self.datos_json()))

    def to_csv(self) -> str:
        """The seats as CSV: ``folio,cer,sede,opcion,puntaje``, sorted by folio, formulas escaped; a
        cell with a comma, a quote or a line break (``\\r`` included) is quoted, so no value can
        start a row of its own."""
        lines = [_csv_line(["folio", "cer", "sede", "opcion", "puntaje"])]
        for r in self.asignacion.asignaciones:
            cells = [celda_segura(r.folio), celda_segura(r.cer), celda_segura(r.sede or ""),
                     str(r.opcion or ""), str(r.puntaje)]
            lines.append(_csv_line(cells))
        return "".join(lines)

    def resumen(self) -> list[str]:
        a = self.asignacion
        total = len(a.asignaciones)
        asignados = sum(1 for r in a.asignaciones if r.sede is not None)
        decisivos = sum(1 for e in a.empates if e.decisivo)
        datos = f" (datos sha256 {a.convocatoria_sha256})" if a.convocatoria_sha256 else ""
        lines = [
            f"Entrada: {self.archivo} (sha256 {a.entrada_sha256}, que cubre también los datos de la "
            "convocatoria)",
            f"Convocatoria: {a.convocatoria or 'ninguna (puntajes dados; desempate por defecto)'}{datos}; "
            f"asignación según {a.politica.articulo}",
            f"Aspirantes: {total}; asignados: {asignados}; sin asignar: {total - asignados}; "
            f"concursos (CER): {len({r.cer for r in a.asignaciones})}; sedes: {len(a.cortes)}",
            f"Empates de PI-IMSS: {len(a.empates)}, {decisivos} decidieron una plaza (supuesto de desempate)",
        ]
        if self.publicado is not None:
            lines.append(
                f"Resultado publicado: {self.publicado.archivo}, {len(self.publicado.sedes)} folios; "
                f"discrepancias: {len(self.discrepancias)}"
            )
        return lines

    def to_text(self) -> str:
        """The summary and the discrepancies, for a terminal (control characters dropped)."""
        lines = self.resumen()
        for d in self.discrepancias:
            lines.append(f"  {d.tipo}: {d.mensaje} ({d.articulo})")
        return terminal("\n".join(lines))

    def to_html(self, observaciones: Iterable[ObservacionInforme] | None = None) -> str:
        """The audit as one self-contained HTML page, with charts (:mod:`residencias.assignment.informe`);
        ``observaciones``: ``residencias.lint`` of the convocatoria used, or ``None`` to leave them out."""
        from residencias.assignment.informe import to_html  # noqa: PLC0415 (Jinja2 only when asked)

        return to_html(self, observaciones)

    def to_markdown(self) -> str:
        a = self.asignacion
        lines = ["# Auditoría de la asignación de sedes (CER, 6.2)", ""]
        lines += [f"- {_md(line)}" for line in self.resumen()]
        lines += [
            "",
            "## Sedes",
            "",
            "| CER | Sede | Nombre | Plazas | Ocupadas | Puntaje de corte | Folio de corte |",
            "|---|---|---|---:|---:|---:|---|",
        ]
        for c in a.cortes:
            lines.append(
                f"| {_md(c.cer)} | {_md(c.sede)} | {_md(c.nombre or '')} | {c.plazas} | {c.ocupadas} | "
                f"{c.puntaje_corte if c.puntaje_corte is not None else '—'} | {_md(c.folio_corte or '—')} |"
            )
        lines += [
            "",
            "## Desempates",
            "",
            f"Supuesto ({_md(a.politica.articulo)}): {_md(a.politica.desempate.supuesto)}",
            "",
        ]
        if a.empates:
            lines += [
                "| CER | PI-IMSS | Folios, en el orden resuelto | Resuelto por | Plazas que decidió |",
                "|---|---:|---|---|---|",
            ]
            for e in a.empates:
                criterios = ", ".join(dict.fromkeys(s.criterio.texto for s in e.separaciones))
                lines.append(
                    f"| {_md(e.cer)} | {e.puntaje} | {_md(', '.join(e.folios))} | {_md(criterios)} | "
                    f"{_md(', '.join(e.sedes) or '—')} |"
                )
        else:
            lines.append("Ningún empate de PI-IMSS.")
        if a.avisos:
            lines += ["", "## Avisos", ""]
            for aviso in a.avisos:
                folios = f" Folios: {', '.join(aviso.folios)}." if aviso.folios else ""
                lines.append(f"- {_md(aviso.mensaje)} ({_md(aviso.articulo)}).{_md(folios)}")
        lines += ["", "## Discrepancias", ""]
        if self.publicado is None:
            lines.append("No se dio un resultado publicado para comparar.")
        elif not self.discrepancias:
            lines.append(f"Ninguna: el resultado publicado ({_md(self.publicado.archivo)}) coincide con 6.2.")
        else:
            lines += ["| Tipo | CER | Folios | Detalle | Artículo |", "|---|---|---|---|---|"]
            for d in self.discrepancias:
                lines.append(
                    f"| {d.tipo} | {_md(d.cer or '—')} | {_md(', '.join(d.folios))} | "
                    f"{_md(d.mensaje)} | "
                    f"{_md(d.articulo)} |"
                )
        return "\n".join(lines) + "\n"


def replay(
    path: str | os.PathLike[str],
    *,
    esperado: str | os.PathLike[str] | None = None,
    convocatoria: str | None = None,
    progreso: Callable[[str], None] | None = None,
    max_bytes: int | None = None,
) -> Auditoria:
    """Read a fixture (YAML file or CSV directory), assign as 6.2 states, and compare with the
    published result ``esperado`` if given. ``progreso``, if given, is called with the name of each
    phase as it starts (the library prints nothing; the command line shows them on a terminal).
    ``max_bytes`` raises the cap of every file read (5 MiB for YAML, 64 MiB for each CSV by
    default); ``-`` reads standard input, for one of the two files at most."""
    fase = progreso or _sin_progreso
    if esperado is not None:
        esperado = nombre_de_archivo(esperado, "el resultado publicado")
        if es_estandar(esperado) and isinstance(path, str) and es_estandar(path):
            raise InvalidQueryError("el concurso y el resultado publicado no pueden venir los dos de la "
                                    "entrada estándar ('-'); dé uno de ellos como archivo")
    fase("leyendo y validando la entrada")
    cargada = load_entrada(path, convocatoria, max_bytes=max_bytes)
    fase("asignando")
    asignacion = Asignacion(cargada.politica, cargada.preparados)
    if esperado is None:
        return Auditoria(cargada.archivo, asignacion, None, ())
    fase("leyendo el resultado publicado")
    publicado = load_publicado(esperado, max_bytes=max_bytes or MAX_CSV_BYTES)
    fase("comparando con el resultado publicado")
    return Auditoria(cargada.archivo, asignacion, publicado, comparar(asignacion, publicado))


def _sin_progreso(fase: str) -> None:
    """No one is watching."""
