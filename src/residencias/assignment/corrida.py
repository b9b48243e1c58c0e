"""The run of 6.2 for one CER: applicants in descending order of PI-IMSS, each given the first sede
of their list with a free plaza (serial dictatorship); it keeps the processing order, the option
obtained per position and the occupants per sede, and rebuilds the records from them."""

from __future__ import annotations

from collections.abc import Iterator
from operator import attrgetter

from residencias.assignment.orden import GrupoEmpatado, ordenar
from residencias.assignment.politica import PoliticaAsignacion
from residencias.assignment.por_folio import CorridaCER
from residencias.assignment.registros import Corte, Empate, Intento
from residencias.assignment.validacion import ConcursoPreparado

__all__ = ["Corrida"]

_FOLIO = attrgetter("folio")


class Corrida(CorridaCER):
    """One CER's run: processing order, option obtained per position, occupants per sede."""

    def __init__(self, concurso: ConcursoPreparado, politica: PoliticaAsignacion) -> None:
        self.concurso = concurso
        aspirantes = concurso.aspirantes
        self.orden, self.grupos = ordenar(aspirantes, concurso.puntajes, politica.desempate.criterios)
        libres = {clave: sede.plazas or 0 for clave, sede in concurso.sedes.items()}
        ocupantes: dict[str, list[int]] = {clave: [] for clave in libres}
        eleccion: list[int] = []
        quedan = sum(libres.values())
        for posicion, indice in enumerate(self.orden):
            if not quedan:  # every plaza taken: no one after gets one (6.2, punto 4)
                eleccion.extend([-1] * (len(self.orden) - posicion))
                break
            for k, sede in enumerate(aspirantes[indice].opciones):
                if libres[sede]:
                    libres[sede] -= 1
                    quedan -= 1
                    ocupantes[sede].append(posicion)
                    eleccion.append(k)
                    break
            else:
                eleccion.append(-1)
        self.eleccion = eleccion
        self.ocupantes = ocupantes

    def intentos(self, posicion: int) -> tuple[Intento, ...]:
        s = self.solicitud(posicion)
        k = self.eleccion[posicion]
        tried = s.opciones if k < 0 else s.opciones[: k + 1]
        out: list[Intento] = []
        for n, clave in enumerate(tried):
            plazas = self.concurso.sedes[clave].plazas or 0
            if n == k:
                out.append(Intento(n + 1, clave, True, plazas, self.ocupantes[clave].index(posicion) + 1))
            elif plazas == 0:
                out.append(Intento(n + 1, clave, False, 0))
            else:
                last = self.ocupantes[clave][plazas - 1]
                out.append(
                    Intento(n + 1, clave, False, plazas, None, self.solicitud(last).folio, self.puntaje(last))
                )
        return tuple(out)

    def empate(self, grupo: GrupoEmpatado) -> Empate:
        taken: set[str] = set()
        decided: set[str] = set()
        aspirantes = self.concurso.aspirantes
        elecciones = self.eleccion[grupo.inicio:grupo.inicio + len(grupo.miembros)]
        if max(elecciones[:-1]) >= 0:  # else no member took a seat a later one could have wanted
            for m, k in zip(grupo.miembros, elecciones, strict=True):
                opciones = aspirantes[m].opciones
                if taken:
                    decided.update(taken.intersection(opciones if k < 0 else opciones[:k]))
                if k >= 0:
                    taken.add(opciones[k])
        folios = tuple(map(_FOLIO, map(aspirantes.__getitem__, grupo.miembros)))
        return Empate(
            self.concurso.cer,
            grupo.puntaje,
            folios,
            grupo.inicio + 1,
            grupo.separaciones,
            grupo.omisiones,
            tuple(sorted(decided)),
        )

    def cortes(self) -> Iterator[Corte]:
        for clave in sorted(self.concurso.sedes):
            sede = self.concurso.sedes[clave]
            taken = self.ocupantes[clave]
            last = taken[-1] if taken else None
            yield Corte(
                self.concurso.cer,
                clave,
                sede.nombre,
                sede.plazas or 0,
                len(taken),
                None if last is None else self.puntaje(last),
                None if last is None else self.solicitud(last).folio,
            )
