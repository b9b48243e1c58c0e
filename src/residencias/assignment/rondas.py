"""The other reading of 6.2: assignment round by round (imss-cer-2026-2027, 6.2, punto 2).

6.2 can be read two ways (the convocatoria's ``asignacion.lectura`` declares which one the library
runs by default, as a ``supuesto``). Punto 2 says that an applicant who does not get their first
option is placed in their second "considerando las plazas que aún estén disponibles". Read round
by round: in round 1 every applicant asks for their first option, and each sede takes them in
descending order of PI-IMSS while it has plazas; in round 2 those still without a seat ask for
their second option among the plazas left, again by PI-IMSS; and so on until the options run out
(punto 4). Ties of PI-IMSS are settled by the same declared tie-break as the serial reading.

This is the "immediate acceptance" (Boston) mechanism. It differs from the serial reading when an
applicant with a higher PI-IMSS lists as second option a sede that someone with a lower PI-IMSS
listed first: read by rounds, the lower one keeps it. Both respect the plazas and the options
listed, and neither leaves a plaza free that someone listed above their result.

>>> from decimal import Decimal as D
>>> from residencias.assignment.concurso import Concurso, Solicitud
>>> from residencias.assignment.politica import PoliticaAsignacion
>>> from residencias.assignment.validacion import preparar
>>> from residencias.domain.sede import Sede
>>> politica = PoliticaAsignacion.sin_convocatoria()
>>> c = Concurso("Cardiología", [Sede("A", 1), Sede("B", 1)], [
...     Solicitud("1", ["A", "B"], puntaje=D(90)), Solicitud("2", ["B"], puntaje=D(80)),
...     Solicitud("3", ["A", "B"], puntaje=D(85))])
>>> r = asignar_por_rondas(preparar(c, politica), politica)
>>> [(x.folio, x.sede, x.opcion) for x in r.asignaciones]
[('1', 'A', 1), ('2', 'B', 1), ('3', None, None)]
>>> r.explicar("3").splitlines()[-1].startswith("Resultado: no asignado; ninguna de sus 2 opciones")
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from residencias.assignment.orden import ordenar
from residencias.assignment.politica import PoliticaAsignacion
from residencias.assignment.por_folio import CorridaCER, PorFolio
from residencias.assignment.registros import Corte
from residencias.assignment.validacion import ConcursoPreparado

__all__ = ["AsignacionRondas", "CorridaRondas", "asignar_por_rondas"]


class CorridaRondas(CorridaCER):
    """One CER read round by round: the priority order (PI-IMSS, then the tie-break), and per
    position the option obtained and the round it was obtained in (``-1``: none)."""

    def __init__(
        self, concurso: ConcursoPreparado, politica: PoliticaAsignacion, orden: list[int] | None = None
    ) -> None:
        """``orden``: the priority order when already known (the serial run's: the same PI-IMSS and
        tie-break give the same order under both readings)."""
        self.concurso = concurso
        aspirantes = concurso.aspirantes
        if orden is None:
            orden, _ = ordenar(aspirantes, concurso.puntajes, politica.desempate.criterios)
        self.orden = orden
        libres = {clave: sede.plazas or 0 for clave, sede in concurso.sedes.items()}
        self.ocupantes: dict[str, list[int]] = {clave: [] for clave in libres}
        self.eleccion = [-1] * len(self.orden)
        listas = [aspirantes[m].opciones for m in self.orden]
        pendientes = list(range(len(self.orden)))
        quedan = sum(libres.values())
        ronda = 0
        while pendientes and quedan:  # with every plaza taken, no one else gets one (punto 4)
            siguen: list[int] = []
            for posicion in pendientes:  # in priority order: higher PI-IMSS first within the round
                opciones = listas[posicion]
                if ronda >= len(opciones):
                    continue
                sede = opciones[ronda]
                if libres[sede]:
                    libres[sede] -= 1
                    quedan -= 1
                    self.ocupantes[sede].append(posicion)
                    self.eleccion[posicion] = ronda
                else:
                    siguen.append(posicion)
            pendientes = siguen
            ronda += 1

    def cortes(self) -> Iterable[Corte]:
        """Per sede: plazas, occupied and the lowest PI-IMSS admitted (read by rounds, not
        necessarily the last admitted)."""
        for clave in sorted(self.concurso.sedes):
            sede = self.concurso.sedes[clave]
            taken = self.ocupantes[clave]
            last = max(taken) if taken else None
            yield Corte(
                self.concurso.cer,
                clave,
                sede.nombre,
                sede.plazas or 0,
                len(taken),
                None if last is None else self.puntaje(last),
                None if last is None else self.solicitud(last).folio,
            )

    def explicar(self, posicion: int) -> str:
        s = self.solicitud(posicion)
        k = self.eleccion[posicion]
        lines = [
            f"Folio {s.folio} ({self.concurso.cer}): PI-IMSS {self.puntaje(posicion)}, lugar {posicion + 1} "
            f"de {len(self.orden)} en el orden de prioridad (6.2, punto 1; lectura por rondas)."
        ]
        tried = s.opciones if k < 0 else s.opciones[: k + 1]
        for n, clave in enumerate(tried):
            head = f"  Ronda {n + 1}, {n + 1}.ª opción {clave}: "
            if n == k:
                lines.append(f"{head}asignado (6.2, punto {1 if n == 0 else 2}).")
                continue
            antes = [p for p in self.ocupantes[clave] if self.eleccion[p] <= n]
            quienes = ", ".join(self.solicitud(p).folio for p in antes) or "nadie"
            lines.append(
                f"{head}sin plaza libre en esa ronda; la ocupaban, de esa ronda o de una anterior: "
                f"{quienes} (6.2, punto 2)."
            )
        if k < 0:
            lines.append(
                f"Resultado: no asignado; ninguna de sus {len(s.opciones)} opciones tenía plaza libre "
                "en su ronda (6.2, punto 4; lectura por rondas)."
            )
        else:
            lines.append(
                f"Resultado: asignado a {s.opciones[k]}, su {k + 1}.ª opción, en la ronda {k + 1} "
                "(6.2; lectura por rondas)."
            )
        return "\n".join(lines)


class AsignacionRondas(PorFolio[CorridaRondas]):
    """Every CER read round by round: a seat per folio, cut-offs, explanations."""

    def __init__(
        self,
        politica: PoliticaAsignacion,
        concursos: Iterable[ConcursoPreparado],
        ordenes: Sequence[list[int]] | None = None,
    ) -> None:
        self.politica = politica
        items = tuple(concursos)
        known = ordenes if ordenes is not None and len(ordenes) == len(items) else [None] * len(items)
        self._corridas = tuple(
            sorted((CorridaRondas(c, politica, o) for c, o in zip(items, known, strict=True)),
                   key=lambda r: r.concurso.cer)
        )

    def ronda(self, folio: str) -> int | None:
        """The round in which the folio got its seat (1-based), ``None`` if it got none."""
        corrida, posicion = self._buscar(folio)
        k = corrida.eleccion[posicion]
        return k + 1 if k >= 0 else None

    def explicar(self, folio: str) -> str:
        corrida, posicion = self._buscar(folio)
        return corrida.explicar(posicion)


def asignar_por_rondas(
    concursos: Iterable[ConcursoPreparado],
    politica: PoliticaAsignacion,
    ordenes: Sequence[list[int]] | None = None,
) -> AsignacionRondas:
    """Assign competitions already checked by :func:`~residencias.assignment.validacion.preparar`,
    reading 6.2 round by round (see the module docstring). ``ordenes``, aligned with ``concursos``:
    their priority orders when already computed (by the serial run)."""
    return AsignacionRondas(politica, concursos, ordenes)
