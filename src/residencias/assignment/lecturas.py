"""Auditing an assignment under both readings of 6.2 (serial, and round by round).

The convocatoria declares which reading the library runs by default (``asignacion.lectura``, a
``supuesto``). An auditor may run the other one; either way the audit says which folios the two
readings place differently and, with a published result, which reading it agrees with (the
number of folios each reading places otherwise than published).

The discrepancies of the reading chosen are those of :mod:`residencias.assignment.replay` for the
serial reading; read by rounds, a published seat is compared with the rounds' seat, and of the
checks of :func:`~residencias.assignment.verificacion.verify` only those both readings share are
kept (``sobrecupo``, ``sede_no_solicitada``, ``desperdicio``, ``folio_desconocido``): justified envy
and a tie-break against the higher PI-IMSS are what the rounds reading allows.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable
from typing import Any

import attrs

from residencias.assignment.asignacion import Asignacion
from residencias.assignment.politica import PoliticaAsignacion, folio_key, por_folio
from residencias.assignment.replay import (
    Auditoria,
    Discrepancia,
    Publicado,
    celda_segura,
    replay,
)
from residencias.assignment.rondas import AsignacionRondas, asignar_por_rondas
from residencias.assignment.verificacion import TipoViolacion, verificar_preparados
from residencias.domain.asignacion import Lectura
from residencias.escapado import markdown as _md
from residencias.jsonable import Partes, partes_json, registros_json, texto_json

__all__ = [
    "AuditoriaLecturas",
    "ComparacionLecturas",
    "DiferenciaLectura",
    "auditar_lecturas",
    "comparar_lecturas",
    "lectura_por_omision",
]

_COMUNES = (
    TipoViolacion.SOBRECUPO,
    TipoViolacion.SEDE_NO_SOLICITADA,
    TipoViolacion.DESPERDICIO,
    TipoViolacion.FOLIO_DESCONOCIDO,
)
"""The checks of 6.2 that hold under both readings."""

_SIN_SUPUESTO = (
    "Sin convocatoria, la biblioteca lee 6.2 de forma serial, como la declara para "
    "imss-cer-2026-2027 (ver su asignacion.lectura)."
)


def lectura_por_omision(politica: PoliticaAsignacion) -> tuple[Lectura, str]:
    """The reading the convocatoria declares, with its supuesto (serial without a convocatoria)."""
    datos = politica.convocatoria.asignacion if politica.convocatoria is not None else None
    if datos is None or datos.lectura is None:
        return Lectura.SERIAL, _SIN_SUPUESTO
    return datos.lectura.por_omision, datos.lectura.supuesto


def _texto(sede: str | None, opcion: int | None) -> str:
    return "sin asignar" if sede is None else f"{sede} ({opcion}.ª opción)"


@attrs.frozen
class DiferenciaLectura:
    """A folio the two readings place differently."""

    folio: str
    cer: str
    serial: str | None
    opcion_serial: int | None
    rondas: str | None
    opcion_rondas: int | None

    def texto(self) -> str:
        return (
            f"el folio {self.folio} ({self.cer}): serial, {_texto(self.serial, self.opcion_serial)}; "
            f"por rondas, {_texto(self.rondas, self.opcion_rondas)}"
        )


@attrs.frozen
class ComparacionLecturas:
    """The two readings side by side: the folios they place differently and, with a published
    result, how many folios each places otherwise than published."""

    lectura: Lectura
    supuesto: str
    diferencias: tuple[DiferenciaLectura, ...]
    distintos_serial: int | None = None
    distintos_rondas: int | None = None

    @property
    def coincide_con(self) -> tuple[Lectura, ...]:
        """The readings the published result agrees with exactly (empty without one, or when it
        agrees with neither)."""
        pairs = ((Lectura.SERIAL, self.distintos_serial), (Lectura.RONDAS, self.distintos_rondas))
        return tuple(lectura for lectura, n in pairs if n == 0)

    def lineas(self) -> list[str]:
        lines = [f"Lectura de 6.2: {self.lectura.texto} (supuesto: {self.supuesto})"]
        if not self.diferencias:
            lines.append("Las dos lecturas de 6.2 (serial y por rondas) dan las mismas sedes.")
        else:
            lines.append(f"Folios que las dos lecturas de 6.2 colocan distinto: {len(self.diferencias)}")
            lines.extend(f"  {d.texto()}" for d in self.diferencias)
        if self.distintos_serial is not None:
            agrees = self.coincide_con
            if len(agrees) == 2:
                verdict = "coincide con las dos lecturas (no las distingue)"
            elif agrees:
                verdict = f"coincide con la lectura {agrees[0].texto}"
            else:
                verdict = "no coincide con ninguna de las dos lecturas"
            lines.append(
                f"El resultado publicado {verdict}: difiere en {self.distintos_serial} folio(s) de la "
                f"lectura serial y en {self.distintos_rondas} de la lectura por rondas."
            )
        return lines

    def to_data(self) -> dict[str, Any]:
        return self._data([{clave: getattr(d, clave) for clave in _CLAVES_DIFERENCIA}
                           for d in self.diferencias])

    def datos_json(self) -> dict[str, Any]:
        """:meth:`to_data`, with the differences left to be written column by column (for
        :func:`~residencias.jsonable.partes_json`: the same text, without building them)."""
        return self._data(Partes(self._textos_diferencias))

    def _textos_diferencias(self, nivel: int) -> list[str]:
        if not self.diferencias:
            return []
        textos: dict[str | None, str] = {None: "null"}
        for d in self.diferencias:
            for texto in (d.cer, d.serial, d.rondas):
                if texto not in textos:
                    textos[texto] = texto_json(texto)  # type: ignore[arg-type]  # (None is there)
        numeros = ["null", *map(str, range(1, 1 + max(max(d.opcion_serial or 0, d.opcion_rondas or 0)
                                                      for d in self.diferencias)))]
        columnas = [[getattr(d, clave) for d in self.diferencias] for clave in _CLAVES_DIFERENCIA]
        return [registros_json(_CLAVES_DIFERENCIA, [
            map(texto_json, columnas[0]),
            *(map(textos.__getitem__, columna) for columna in columnas[1:3]),
            map(numeros.__getitem__, [n or 0 for n in columnas[3]]),
            map(textos.__getitem__, columnas[4]),
            map(numeros.__getitem__, [n or 0 for n in columnas[5]]),
        ], nivel)]

    def _data(self, diferencias: list[dict[str, Any]] | Partes) -> dict[str, Any]:
        return {
            "lectura": self.lectura.value,
            "supuesto": self.supuesto,
            "diferencias": diferencias,
            "publicado_difiere_de_serial": self.distintos_serial,
            "publicado_difiere_de_rondas": self.distintos_rondas,
            "publicado_coincide_con": [lectura.value for lectura in self.coincide_con],
        }


_CLAVES_DIFERENCIA = ("folio", "cer", "serial", "opcion_serial", "rondas", "opcion_rondas")
"""The fields of a difference, in the order its JSON writes them."""


def _distintos(seats: dict[str, str | None], publicado: Publicado) -> int:
    published = publicado.sedes
    return sum(
        1 for folio, sede in seats.items() if folio not in published or published[folio] != sede
    ) + sum(1 for folio in published if folio not in seats)


def _diferencias(serial: Asignacion, rondas: AsignacionRondas) -> tuple[DiferenciaLectura, ...]:
    """The folios the readings place differently, by folio. Run by run when both runs of a CER
    share their priority order (always, for runs of the same competitions): a position whose
    option differs (options are distinct) has another sede; else folio by folio."""
    pares = list(zip(serial.corridas, rondas.corridas, strict=False))
    if len(serial.corridas) != len(rondas.corridas) or any(
        a.concurso is not b.concurso or a.orden != b.orden for a, b in pares
    ):
        by_folio = {r.folio: r for r in rondas.asignaciones}
        return tuple(
            DiferenciaLectura(r.folio, r.cer, r.sede, r.opcion, by_folio[r.folio].sede,
                              by_folio[r.folio].opcion)
            for r in serial.asignaciones
            if by_folio[r.folio].sede != r.sede
        )
    out: list[DiferenciaLectura] = []
    for a, b in pares:
        if a.eleccion == b.eleccion:  # the usual case, compared at once
            continue
        aspirantes, orden, cer = a.concurso.aspirantes, a.orden, a.concurso.cer
        for p, (x, y) in enumerate(zip(a.eleccion, b.eleccion, strict=True)):
            if x != y:
                opciones = aspirantes[orden[p]].opciones
                out.append(DiferenciaLectura(aspirantes[orden[p]].folio, cer,
                                             opciones[x] if x >= 0 else None, x + 1 if x >= 0 else None,
                                             opciones[y] if y >= 0 else None, y + 1 if y >= 0 else None))
    return tuple(map(out.__getitem__, por_folio([d.folio for d in out])))


def comparar_lecturas(
    serial: Asignacion,
    rondas: AsignacionRondas,
    publicado: Publicado | None = None,
    *,
    lectura: Lectura | None = None,
) -> ComparacionLecturas:
    """The folios the readings place differently and, with ``publicado``, how far each is from it."""
    por_omision, supuesto = lectura_por_omision(serial.politica)
    diferencias = _diferencias(serial, rondas)
    if publicado is None:
        return ComparacionLecturas(lectura or por_omision, supuesto, diferencias)
    return ComparacionLecturas(
        lectura or por_omision,
        supuesto,
        diferencias,
        _distintos(serial.sede_de(), publicado),
        _distintos(rondas.sede_de(), publicado),
    )


def _comparar_rondas(rondas: AsignacionRondas, publicado: Publicado) -> tuple[Discrepancia, ...]:
    """The discrepancies of a published result with the rounds reading (see the module docstring)."""
    out: list[Discrepancia] = []
    published = publicado.sedes
    for r in rondas.asignaciones:
        if r.folio not in published:
            out.append(
                Discrepancia(
                    "folio_no_publicado",
                    r.cer,
                    (r.folio,),
                    None,
                    r.sede,
                    None,
                    f"el folio {r.folio} no aparece en el resultado publicado; leída por rondas, "
                    f"6.2 da: {_texto(r.sede, r.opcion)}",
                    "6.2",
                )
            )
        elif published[r.folio] != r.sede:
            out.append(
                Discrepancia(
                    "sede_distinta",
                    r.cer,
                    (r.folio,),
                    published[r.folio],
                    r.sede,
                    published[r.folio],
                    f"el folio {r.folio} (PI-IMSS {r.puntaje}): leída por rondas, 6.2 da "
                    f"{_texto(r.sede, r.opcion)}; publicado: {published[r.folio] or 'sin asignar'}",
                    "6.2, punto 2 (lectura por rondas)",
                )
            )
    verificacion = verificar_preparados(rondas.preparados, published, rondas.politica)
    for v in verificacion.violaciones:
        if v.tipo in _COMUNES:
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


@attrs.frozen
class AuditoriaLecturas:
    """An audit under one reading of 6.2, with the comparison of both readings.

    ``auditoria`` is the serial audit of :mod:`residencias.assignment.replay` (its discrepancies
    are the serial ones); ``discrepancias`` are those of the reading chosen."""

    archivo: str
    lectura: Lectura
    auditoria: Auditoria
    rondas: AsignacionRondas
    comparacion: ComparacionLecturas
    discrepancias: tuple[Discrepancia, ...]

    @property
    def conforme(self) -> bool:
        return not self.discrepancias

    def explicar(self, folio: str) -> str:
        if self.lectura is Lectura.RONDAS:
            return self.rondas.explicar(folio)
        return self.auditoria.asignacion.explicar(folio)

    def to_data(self) -> dict[str, Any]:
        return self._data(registros=True)

    def datos_json(self) -> dict[str, Any]:
        """:meth:`to_data`, with the applicants' records left to be written one by one (for
        :func:`~residencias.jsonable.partes_json`: the same text, without building them)."""
        return self._data(registros=False)

    def _data(self, *, registros: bool) -> dict[str, Any]:
        if self.lectura is Lectura.SERIAL:
            data = self.auditoria.to_data() if registros else self.auditoria.datos_json()
        else:
            asignacion = self.auditoria.asignacion
            serial = asignacion.to_data() if registros else asignacion.datos_json()
            data = {
                "entrada_sha256": self.rondas.entrada_sha256,
                "convocatoria": self.rondas.convocatoria,
                "convocatoria_sha256": serial["convocatoria_sha256"],
                "asignaciones": [
                    {
                        "folio": r.folio,
                        "cer": r.cer,
                        "sede": r.sede,
                        "opcion": r.opcion,
                        "puntaje": str(r.puntaje),
                    }
                    for r in self.rondas.asignaciones
                ] if registros else self.rondas.textos_asignaciones(),
                "cortes": [
                    {
                        "cer": c.cer,
                        "sede": c.sede,
                        "plazas": c.plazas,
                        "ocupadas": c.ocupadas,
                        "puntaje_corte": None if c.puntaje_corte is None else str(c.puntaje_corte),
                    }
                    for c in self.rondas.cortes
                ],
                "desempates": serial["desempates"],
                "discrepancias": [d.to_data() for d in self.discrepancias],
            }
        data["lecturas"] = self.comparacion.to_data() if registros else self.comparacion.datos_json()
        return data

    def to_json(self) -> str:
        return "".join(partes_json(self.datos_json()))

    def to_text(self) -> str:
        if self.lectura is Lectura.SERIAL:
            lines = [self.auditoria.to_text()]
        else:
            a = self.rondas
            asignados = sum(1 for r in a.asignaciones if r.sede is not None)
            lines = [
                f"Entrada: {self.archivo} (sha256 {a.entrada_sha256})",
                f"Convocatoria: {a.convocatoria or 'ninguna'}; asignación según {a.politica.articulo}, "
                "leída por rondas",
                f"Aspirantes: {len(a.asignaciones)}; asignados: {asignados}; "
                f"sin asignar: {len(a.asignaciones) - asignados}",
            ]
            if self.auditoria.publicado is not None:
                lines.append(
                    f"Resultado publicado: {self.auditoria.publicado.archivo}, "
                    f"{len(self.auditoria.publicado.sedes)} folios; discrepancias: {len(self.discrepancias)}"
                )
            lines.extend(f"  {d.tipo}: {d.mensaje} ({d.articulo})" for d in self.discrepancias)
        lines.extend(self.comparacion.lineas())
        return "\n".join(lines)

    def to_markdown(self) -> str:
        section = [
            "",
            "## Lecturas de 6.2",
            "",
            *(f"- {_md(line.strip())}" for line in self.comparacion.lineas()),
        ]
        if self.lectura is Lectura.SERIAL:
            return self.auditoria.to_markdown() + "\n".join(section) + "\n"
        a = self.rondas
        lines = [
            "# Auditoría de la asignación de sedes (CER, 6.2, leída por rondas)",
            "",
            f"- Entrada: {_md(self.archivo)} (sha256 {a.entrada_sha256})",
            "",
            "## Sedes",
            "",
            "| CER | Sede | Plazas | Ocupadas | PI-IMSS más bajo admitido |",
            "|---|---|---:|---:|---:|",
        ]
        lines += [
            f"| {_md(c.cer)} | {_md(c.sede)} | {c.plazas} | {c.ocupadas} | "
            f"{c.puntaje_corte if c.puntaje_corte is not None else '—'} |"
            for c in a.cortes
        ]
        lines += ["", "## Discrepancias", ""]
        if self.auditoria.publicado is None:
            lines.append("No se dio un resultado publicado para comparar.")
        elif not self.discrepancias:
            lines.append("Ninguna: el resultado publicado coincide con 6.2 leída por rondas.")
        else:
            lines += ["| Tipo | CER | Folios | Detalle | Artículo |", "|---|---|---|---|---|"]
            lines += [
                f"| {d.tipo} | {_md(d.cer or '—')} | {_md(', '.join(d.folios))} | {_md(d.mensaje)} | "
                f"{_md(d.articulo)} |"
                for d in self.discrepancias
            ]
        return "\n".join(lines + section) + "\n"

    def to_csv(self) -> str:
        if self.lectura is Lectura.SERIAL:
            return self.auditoria.to_csv()
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["folio", "cer", "sede", "opcion", "puntaje", "ronda"])
        for r in self.rondas.asignaciones:
            writer.writerow(
                [
                    celda_segura(r.folio),
                    celda_segura(r.cer),
                    celda_segura(r.sede or ""),
                    r.opcion or "",
                    r.puntaje,
                    self.rondas.ronda(r.folio) or "",
                ]
            )
        return out.getvalue()




def auditar_lecturas(
    path: str | os.PathLike[str],
    *,
    esperado: str | os.PathLike[str] | None = None,
    convocatoria: str | None = None,
    lectura: Lectura | None = None,
    progreso: Callable[[str], None] | None = None,
    max_bytes: int | None = None,
) -> AuditoriaLecturas:
    """Read a fixture, assign it under both readings of 6.2, and audit the reading ``lectura``
    (the convocatoria's default when not given) against the published result ``esperado``.
    ``progreso`` and ``max_bytes`` as in :func:`residencias.assignment.replay.replay`, which reads
    the input and the published result."""
    auditoria = replay(path, esperado=esperado, convocatoria=convocatoria, progreso=progreso,
                       max_bytes=max_bytes)
    serial = auditoria.asignacion
    if progreso is not None:
        progreso("asignando por rondas (la otra lectura de 6.2)")
    rondas = asignar_por_rondas(serial.preparados, serial.politica, [c.orden for c in serial.corridas])
    publicado = auditoria.publicado
    elegida = lectura or lectura_por_omision(serial.politica)[0]
    comparacion = comparar_lecturas(serial, rondas, publicado, lectura=elegida)
    if elegida is Lectura.SERIAL:
        discrepancias = auditoria.discrepancias
    else:
        discrepancias = _comparar_rondas(rondas, publicado) if publicado is not None else ()
    return AuditoriaLecturas(auditoria.archivo, elegida, auditoria, rondas, comparacion, discrepancias)
