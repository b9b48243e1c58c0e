"""The SIICES assignment of the CER call (imss-cer-2026-2027, 6.2), with its bitácora.

Per CER, applicants are taken in descending order of PI-IMSS (6.2, punto 1; ties by the policy's
``supuesto``). Each takes the first sede of their ordered list that still has a free plaza (puntos
2 and 3); with none, they stay unassigned (punto 4). This is serial dictatorship.

What the run records is the whole bitácora in compact form: the processing order, the option each
applicant got, and who took each plaza of each sede, in order. An option tried before the one
obtained failed because the sede was full at that moment, so its last plaza had gone to someone
processed earlier: :meth:`Asignacion.bitacora` and :meth:`Asignacion.explicar` rebuild each
attempt from that, without storing one object per applicant and option.

>>> from decimal import Decimal as D
>>> from residencias.domain.sede import Sede
>>> concurso = Concurso("Cardiología", [Sede("CMN-SXXI", 1), Sede("HE-LA-RAZA", 1)], [
...     Solicitud("000123", ["CMN-SXXI", "HE-LA-RAZA"], puntaje=D("87.512")),
...     Solicitud("000045", ["CMN-SXXI"], puntaje=D("88.100")),
...     Solicitud("000200", ["CMN-SXXI", "HE-LA-RAZA"], puntaje=D("80"))])
>>> a = assign(concurso)
>>> [(r.folio, r.sede, r.opcion) for r in a.asignaciones]
[('000045', 'CMN-SXXI', 1), ('000123', 'HE-LA-RAZA', 2), ('000200', None, None)]
>>> [(i.sede, i.asignado, i.ocupada_por, i.puntaje_ocupante) for i in a.bitacora("000123")]
[('CMN-SXXI', False, '000045', Decimal('88.100')), ('HE-LA-RAZA', True, None, None)]
>>> print(a.explicar("000123").splitlines()[-1])
Resultado: asignado a HE-LA-RAZA, su 2.ª opción (6.2).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, cached_property
from typing import Any, NamedTuple

from residencias.assignment.concurso import Concurso, Entrada, Solicitud
from residencias.assignment.corrida import Corrida
from residencias.assignment.orden import Separacion
from residencias.assignment.politica import Criterio, PoliticaAsignacion, folio_key
from residencias.assignment.por_folio import PorFolio
from residencias.assignment.registros import (
    Aviso,
    Corte,
    Empate,
    Intento,
    ResultadoAspirante,
)
from residencias.assignment.validacion import ConcursoPreparado, preparar
from residencias.errors import InvalidQueryError
from residencias.jsonable import Partes, texto_json
from residencias.loading.files import load_convocatoria

__all__ = ["Asignacion", "Aviso", "Corte", "Empate", "Intento", "ResultadoAspirante", "assign"]


def _ordinal(n: int) -> str:
    return f"{n}.ª"


class Asignacion(PorFolio[Corrida]):
    """The result of :func:`assign`: a seat per folio, the bitácora, cortes, ties and notices.

    Everything is computed once by :func:`assign`; the records below are built on demand.
    """

    def __init__(self, politica: PoliticaAsignacion, concursos: tuple[ConcursoPreparado, ...]) -> None:
        self.politica = politica
        self._corridas = tuple(
            sorted((Corrida(c, politica) for c in concursos), key=lambda r: r.concurso.cer)
        )

    def solicitud(self, folio: str) -> Solicitud:
        """The request of this folio, as given."""
        corrida, posicion = self._buscar(folio)
        return corrida.solicitud(posicion)

    def bitacora(self, folio: str) -> tuple[Intento, ...]:
        """Each option tried for this folio, in the applicant's order, up to the one obtained."""
        corrida, posicion = self._buscar(folio)
        return corrida.intentos(posicion)

    def corte(self, cer: str, sede: str) -> Corte:
        for corte in self.cortes:
            if corte.sede == sede and corte.cer == cer:
                return corte
        raise InvalidQueryError(f"la sede '{sede}' no está en el concurso de '{cer}'")

    @cached_property
    def empates(self) -> tuple[Empate, ...]:
        """Every group of applicants with the same PI-IMSS, by CER and processing order."""
        return tuple(c.empate(g) for c in self._corridas for g in c.grupos)

    def empate_de(self, folio: str) -> Empate | None:
        corrida, posicion = self._buscar(folio)
        for grupo in corrida.grupos:
            if grupo.inicio <= posicion < grupo.inicio + len(grupo.miembros):
                return corrida.empate(grupo)
        return None

    @cached_property
    def avisos(self) -> tuple[Aviso, ...]:
        """Notices: partial lists of sedes (2.1 B asks for all), no options, sedes with 0 plazas."""
        out: list[Aviso] = []
        for c in self._corridas:
            cer = c.concurso.cer
            ofertadas = len(c.concurso.sedes)
            sin = sorted((s.folio for s in c.concurso.aspirantes if not s.opciones), key=folio_key)
            parcial = sorted(
                (s.folio for s in c.concurso.aspirantes if 0 < len(s.opciones) < ofertadas), key=folio_key
            )
            cero = sorted(k for k, s in c.concurso.sedes.items() if s.plazas == 0)
            if sin:
                out.append(
                    Aviso(
                        cer,
                        "2.1 B; 6.2, punto 4",
                        f"{len(sin)} aspirante(s) de {cer} sin ninguna "
                        "sede registrada: no pueden ser asignados",
                        tuple(sin),
                    )
                )
            if parcial:
                out.append(
                    Aviso(
                        cer,
                        "2.1 B",
                        f"{len(parcial)} aspirante(s) de {cer} registraron menos de las "
                        f"{ofertadas} sedes ofertadas; 2.1 B pide registrarlas todas (ver la "
                        "inconsistencia registrar-todas-las-sedes)",
                        tuple(parcial),
                    )
                )
            if cero:
                out.append(Aviso(cer, "6.2", f"sede(s) de {cer} con 0 plazas ofertadas: {', '.join(cero)}"))
        return tuple(out)

    def explicar(self, folio: str) -> str:
        """The applicant's bitácora, in Spanish, each step with its article."""
        corrida, posicion = self._buscar(folio)
        r = corrida.resultado(posicion)
        lines = [
            f"Folio {r.folio} ({r.cer}): PI-IMSS {r.puntaje}, lugar {r.posicion} de {r.total} en el "
            "orden de prioridad (6.2, punto 1)."
        ]
        for intento in corrida.intentos(posicion):
            head = f"  {_ordinal(intento.opcion)} opción {intento.sede}: "
            if intento.asignado:
                lines.append(
                    f"{head}asignado, plaza {intento.plaza} de {intento.plazas} ({intento.articulo})."
                )
            elif intento.plazas == 0:
                lines.append(
                    f"{head}sin plaza: la sede no ofrece plazas en este concurso ({intento.articulo})."
                )
            else:
                lines.append(
                    f"{head}sin plaza libre; su última plaza ({intento.plazas} de {intento.plazas}) "
                    f"fue para el folio {intento.ocupada_por}, con PI-IMSS {intento.puntaje_ocupante}; "
                    f"para obtenerla hacía falta un PI-IMSS mayor que {intento.puntaje_ocupante}, o "
                    f"igual ganando el desempate ({intento.articulo})."
                )
        if r.sede is None:
            n = len(corrida.solicitud(posicion).opciones)
            lines.append(
                f"Resultado: no asignado; ninguna de sus {n} opciones tenía plaza libre cuando le "
                "tocó (6.2, punto 4)."
            )
        else:
            nombre = corrida.concurso.sedes[r.sede].nombre
            lines.append(
                f"Resultado: asignado a {r.sede}{f' ({nombre})' if nombre else ''}, su "
                f"{_ordinal(r.opcion or 0)} opción (6.2)."
            )
        empate = self.empate_de(folio)
        if empate is not None:
            lines.append(_explain_tie(empate, folio, self.politica))
        return "\n".join(lines)

    def datos_json(self, discrepancias: Iterable[dict[str, Any]] = ()) -> dict[str, Any]:
        """:meth:`to_data`, with the applicants' records left to be written one by one
        (:class:`~residencias.jsonable.Partes`): for :func:`~residencias.jsonable.partes_json`."""
        data = self.to_data(discrepancias, registros=False)
        data["asignaciones"] = self.textos_asignaciones()
        data["desempates"] = Partes(lambda nivel: (texto_empate(c.empate(g), nivel)
                                                   for c in self._corridas for g in c.grupos))
        return data

    def to_data(
        self, discrepancias: Iterable[dict[str, Any]] = (), *, registros: bool = True
    ) -> dict[str, Any]:
        """The ``residencias asignar --json`` object (without ``discrepancias`` unless given;
        ``registros=False``: with ``asignaciones`` empty, for :meth:`datos_json`)."""
        return {
            "entrada_sha256": self.entrada_sha256,
            "convocatoria": self.convocatoria,
            "convocatoria_sha256": self.convocatoria_sha256,
            "asignaciones": [
                {
                    "folio": r.folio,
                    "cer": r.cer,
                    "sede": r.sede,
                    "opcion": r.opcion,
                    "puntaje": str(r.puntaje),
                }
                for r in (self.asignaciones if registros else ())
            ],
            "cortes": [
                {
                    "cer": c.cer,
                    "sede": c.sede,
                    "plazas": c.plazas,
                    "ocupadas": c.ocupadas,
                    "puntaje_corte": None if c.puntaje_corte is None else str(c.puntaje_corte),
                }
                for c in self.cortes
            ],
            "desempates": [_tie_data(e) for e in self.empates] if registros else [],
            "discrepancias": list(discrepancias),
        }


def _tie_data(e: Empate) -> dict[str, Any]:
    return {
        "cer": e.cer,
        "puntaje": str(e.puntaje),
        "folios": list(e.folios),
        "decisivo": e.decisivo,
        "sedes": list(e.sedes),
        "resuelto_por": [
            {
                "antes": s.antes,
                "despues": s.despues,
                "criterio": s.criterio.value,
                "valor_antes": str(s.valor_antes),
                "valor_despues": str(s.valor_despues),
            }
            for s in e.separaciones
        ],
        "criterios_omitidos": [{"criterio": o.criterio.value, "folios": list(o.folios)} for o in e.omisiones],
    }


_CRITERIO_JSON = {c: texto_json(c.value) for c in Criterio}


def texto_empate(e: Empate, nivel: int) -> str:
    """The JSON text of a tie (:func:`_tie_data`) as ``json.dumps(..., indent=2)`` writes it at
    nesting ``nivel``, written directly (a million applicants may tie in hundreds of thousands of groups).

    >>> from residencias.assignment.orden import Omision, Separacion
    >>> from residencias.domain.asignacion import Criterio
    >>> from residencias.jsonable import texto_indentado
    >>> from decimal import Decimal
    >>> separa, omite = Separacion("7", "9", Criterio.FOLIO, "7", "9"), Omision(Criterio.EFISER, ("7", "9"))
    >>> e = Empate("Urología", Decimal("90.5"), ("7", "9"), 3, (separa,), (omite,), ())
    >>> texto_empate(e, 2) == texto_indentado(_tie_data(e), 2)
    True
    """
    t = _plantillas_empate(nivel)
    folios: dict[int, str] = {}  # the folios of each omission, written once (omissions share them)
    for o in e.omisiones:
        if id(o.folios) not in folios:
            folios[id(o.folios)] = t.folios_omitidos.join(map(texto_json, o.folios))
    return t.empate % (
        texto_json(e.cer), texto_json(str(e.puntaje)), t.entre.join(map(texto_json, e.folios)),
        "true" if e.decisivo else "false",
        t.lista % t.entre.join(map(texto_json, e.sedes)) if e.sedes else "[]",
        t.lista % t.entre.join([t.separacion % _separacion(s) for s in e.separaciones])
        if e.separaciones else "[]",
        t.lista % t.entre.join([t.omision % (_CRITERIO_JSON[o.criterio], folios[id(o.folios)])
                                for o in e.omisiones])
        if e.omisiones else "[]",
    )


def _separacion(s: Separacion) -> tuple[str, str, str, str, str]:
    """The values of a separation as JSON texts (by folio, each value is its folio: written once)."""
    antes, despues = texto_json(s.antes), texto_json(s.despues)
    if s.valor_antes is s.antes and s.valor_despues is s.despues:
        return antes, despues, _CRITERIO_JSON[s.criterio], antes, despues
    return (antes, despues, _CRITERIO_JSON[s.criterio], texto_json(str(s.valor_antes)),
            texto_json(str(s.valor_despues)))


class _PlantillasEmpate(NamedTuple):
    """The fixed text of a tie's JSON at one nesting, around its values (``%s``): see
    :func:`texto_empate` (a tie has two folios or more; its other lists may be empty)."""

    empate: str
    lista: str
    entre: str
    separacion: str
    omision: str
    folios_omitidos: str


@cache
def _plantillas_empate(nivel: int) -> _PlantillasEmpate:
    p0, p1, p2, p3, p4 = ("\n" + "  " * (nivel + k) for k in range(5))
    return _PlantillasEmpate(
        empate="{" + p1 + '"cer": %s,' + p1 + '"puntaje": %s,' + p1 + '"folios": [' + p2 + "%s" + p1 + "],"
        + p1 + '"decisivo": %s,' + p1 + '"sedes": %s,' + p1 + '"resuelto_por": %s,' + p1
        + '"criterios_omitidos": %s' + p0 + "}",
        lista="[" + p2 + "%s" + p1 + "]",
        entre="," + p2,
        separacion="{" + p3 + '"antes": %s,' + p3 + '"despues": %s,' + p3 + '"criterio": %s,' + p3
        + '"valor_antes": %s,' + p3 + '"valor_despues": %s' + p2 + "}",
        omision="{" + p3 + '"criterio": %s,' + p3 + '"folios": [' + p4 + "%s" + p3 + "]" + p2 + "}",
        folios_omitidos="," + p4,
    )


def _explain_tie(empate: Empate, folio: str, politica: PoliticaAsignacion) -> str:
    others = [f for f in empate.folios if f != folio]
    parts = []
    for s in empate.separaciones:
        if folio in (s.antes, s.despues):
            other = s.despues if s.antes == folio else s.antes
            where = "antes" if s.antes == folio else "después"
            mine, theirs = (
                (s.valor_antes, s.valor_despues) if s.antes == folio else (s.valor_despues, s.valor_antes)
            )
            parts.append(f"va {where} del folio {other} por {s.criterio.texto} ({mine} contra {theirs})")
    skipped: dict[tuple[str, ...], list[str]] = {}
    for o in empate.omisiones:
        skipped.setdefault(o.folios, []).append(o.criterio.texto)
    for folios, names in skipped.items():
        parts.append(
            f"no se pudo desempatar por {', '.join(names)}: falta{'n' if len(folios) > 1 else ''} "
            f"en {'los folios' if len(folios) > 1 else 'el folio'} {', '.join(folios)}"
        )
    decided = f"; el desempate decidió: {', '.join(empate.sedes)}" if empate.sedes else ""
    que = f"los folios {', '.join(others)}" if len(others) > 1 else f"el folio {others[0]}"
    return (
        f"Empate: mismo PI-IMSS ({empate.puntaje}) que {que}; {'; '.join(parts)}"
        f"{decided} (supuesto, {politica.articulo}: {politica.desempate.supuesto})"
    )


def assign(
    concursos: Entrada | Concurso | Iterable[Concurso], politica: PoliticaAsignacion | None = None
) -> Asignacion:
    """Assign the sedes of every CER competition as 6.2 states; refuse a bad input with
    :class:`~residencias.assignment.validacion.ConcursoInvalidoError` naming folio and field.

    ``politica`` supplies the tie-break and, to compute PI-IMSS from components, the formula:
    ``PoliticaAsignacion.de(load_convocatoria("imss-cer-2026-2027"))``. Without it, scores must be
    given and the library's default tie-break applies. An :class:`Entrada` that names its
    convocatoria brings that policy when none is given.
    """
    if politica is not None and not isinstance(politica, PoliticaAsignacion):
        raise InvalidQueryError(f"'politica' debe ser una PoliticaAsignacion, "
                                f"se recibió {type(politica).__name__}")
    if isinstance(concursos, Entrada):
        if politica is None and concursos.convocatoria is not None:
            politica = PoliticaAsignacion.de(load_convocatoria(concursos.convocatoria))
        concursos = concursos.concursos
    politica = politica or PoliticaAsignacion.sin_convocatoria()
    return Asignacion(politica, preparar(concursos, politica))
