"""Replaying an assignment from a fixture and comparing it with a published result.

The published result is a CSV file with columns ``folio,sede`` (optional ``cer``); an empty sede
means not assigned. Every difference is a discrepancy: a folio whose published sede is not the
one 6.2 gives (``sede_distinta``), a folio of the input that is not published
(``folio_no_publicado``), and every violation of 6.2 that the published result itself shows
(:func:`~residencias.assignment.verificacion.verify`: ``sobrecupo``, ``sede_no_solicitada``,
``desperdicio``, ``envidia_justificada``, ``desempate_distinto``, ``folio_desconocido``).

Outputs: the ``--json`` object (:meth:`Auditoria.to_data`), a Markdown report
(:meth:`Auditoria.to_markdown`) and a CSV of the seats (:meth:`Auditoria.to_csv`), where a cell
that a spreadsheet would run as a formula is escaped (:func:`celda_segura`).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from residencias.assignment.asignacion import Asignacion
from residencias.assignment.fixtures import load_entrada, read_csv_table
from residencias.assignment.politica import folio_key
from residencias.assignment.verificacion import TipoViolacion, verificar_preparados
from residencias.errors import DataFileError, Problema

if TYPE_CHECKING:
    from residencias.assignment.informe.modelo import ObservacionInforme

__all__ = ["Auditoria", "Discrepancia", "Publicado", "celda_segura", "comparar", "load_publicado", "replay"]


@attrs.frozen
class Publicado:
    """A published result: folio -> sede (``None``: not assigned), and the file it came from."""

    archivo: str
    sedes: Mapping[str, str | None]


def load_publicado(path: str | os.PathLike[str]) -> Publicado:
    """Read a published result (``folio,sede[,cer]``); a repeated folio is refused."""
    archivo = str(path)
    rows = read_csv_table(path, ("folio", "sede"), ("cer",))
    out: dict[str, str | None] = {}
    problems: list[Problema] = []
    first: dict[str, int] = {}
    for row in rows:
        folio = row.celdas["folio"]
        if not folio:
            problems.append(Problema(archivo, row.linea, row.columna("folio"), "columna 'folio': vacía"))
        elif folio in first:
            problems.append(
                Problema(
                    archivo,
                    row.linea,
                    row.columna("folio"),
                    f"folio '{folio}' repetido (ya en la línea {first[folio]})",
                )
            )
        else:
            first[folio] = row.linea
            out[folio] = row.celdas["sede"] or None
    if problems:
        raise DataFileError(problems)
    return Publicado(archivo, out)


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


def comparar(asignacion: Asignacion, publicado: Publicado) -> tuple[Discrepancia, ...]:
    """Every discrepancy between the replay and the published result, in a fixed order."""
    out: list[Discrepancia] = []
    published = publicado.sedes
    for r in asignacion.asignaciones:
        if r.folio not in published:
            out.append(
                Discrepancia(
                    "folio_no_publicado",
                    r.cer,
                    (r.folio,),
                    None,
                    r.sede,
                    None,
                    f"el folio {r.folio} no aparece en el resultado publicado; según 6.2: "
                    f"{_sede_text(r.sede, r.opcion)}",
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
                    f"{_sede_text(r.sede, r.opcion)}; publicado: {_sede_text(other, k)}",
                    "6.2",
                )
            )
    violaciones = verificar_preparados(asignacion.preparados, published, asignacion.politica).violaciones
    for v in violaciones:
        out.append(
            Discrepancia(
                v.tipo.value,
                v.cer,
                v.folios,
                v.sede,
                None,
                None,
                f"en el resultado publicado, {v.mensaje}",
                v.articulo,
            )
        )
    kinds = ["sede_distinta", "folio_no_publicado", *(t.value for t in TipoViolacion)]
    out.sort(key=lambda d: (kinds.index(d.tipo), d.cer or "", [folio_key(f) for f in d.folios], d.sede or ""))
    return tuple(out)


def celda_segura(value: str) -> str:
    """A CSV cell a spreadsheet will show as text: a leading ``=``, ``+``, ``-``, ``@``, tab or
    carriage return gets a ``'`` in front.

    >>> celda_segura("=HYPERLINK(\\"x\\")"), celda_segura("000123"), celda_segura("-1")
    ('\\'=HYPERLINK("x")', '000123', "'-1")
    """
    return "'" + value if value[:1] in {"=", "+", "-", "@", "\t", "\r"} else value


def _md(value: object) -> str:
    return str(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("\r", " ")


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

    def to_json(self) -> str:
        return json.dumps(self.to_data(), ensure_ascii=False, indent=2)

    def to_csv(self) -> str:
        """The seats as CSV: ``folio,cer,sede,opcion,puntaje``, sorted by folio, formulas escaped."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["folio", "cer", "sede", "opcion", "puntaje"])
        for r in self.asignacion.asignaciones:
            writer.writerow(
                [
                    celda_segura(r.folio),
                    celda_segura(r.cer),
                    celda_segura(r.sede or ""),
                    r.opcion or "",
                    r.puntaje,
                ]
            )
        return out.getvalue()

    def resumen(self) -> list[str]:
        a = self.asignacion
        total = len(a.asignaciones)
        asignados = sum(1 for r in a.asignaciones if r.sede is not None)
        decisivos = sum(1 for e in a.empates if e.decisivo)
        lines = [
            f"Entrada: {self.archivo} (sha256 {a.entrada_sha256})",
            f"Convocatoria: {a.convocatoria or 'ninguna (puntajes dados; desempate por defecto)'}; "
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
        lines = self.resumen()
        for d in self.discrepancias:
            lines.append(f"  {d.tipo}: {d.mensaje} ({d.articulo})")
        return "\n".join(lines)

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
                    f"| {d.tipo} | {_md(d.cer or '—')} | {_md(', '.join(d.folios))} | {_md(d.mensaje)} | "
                    f"{_md(d.articulo)} |"
                )
        return "\n".join(lines) + "\n"


def replay(
    path: str | os.PathLike[str],
    *,
    esperado: str | os.PathLike[str] | None = None,
    convocatoria: str | None = None,
) -> Auditoria:
    """Read a fixture (YAML file or CSV directory), assign as 6.2 states, and compare with the
    published result ``esperado`` if given."""
    cargada = load_entrada(path, convocatoria)
    asignacion = Asignacion(cargada.politica, cargada.preparados)
    if esperado is None:
        return Auditoria(cargada.archivo, asignacion, None, ())
    publicado = load_publicado(Path(esperado))
    return Auditoria(cargada.archivo, asignacion, publicado, comparar(asignacion, publicado))
