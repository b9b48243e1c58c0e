"""Checking a whole competition before assigning, and naming every problem by folio and field.

Refused (6.2 assigns sedes of one CER, by PI-IMSS, among the options each applicant registered):
a CER the catalogue does not know, or (with a convocatoria) one that Tabla 1 does not offer; a CER
given twice; a sede without ``plazas`` or with a count that is not a whole number >= 0; a sede given
twice; a folio given twice (in any CER); an option that is not a sede of that CER, or one given
twice; a score that is not a finite :class:`~decimal.Decimal` within 0 and the highest PI-IMSS the
formula allows (100.50 for imss-cer-2026-2027: 100 plus the 0.50 bonus cap of 7.2); components
without the convocatoria that has their formula; a PI-IMSS that disagrees with its components.
"""

from __future__ import annotations

from collections.abc import Iterable, KeysView, Mapping, Sequence
from decimal import Decimal
from itertools import chain
from operator import attrgetter

import attrs

from residencias.assignment.concurso import Concurso, Solicitud, solo_puntaje
from residencias.assignment.politica import PoliticaAsignacion
from residencias.domain.especialidades import CatalogoEspecialidades
from residencias.domain.sede import Sede
from residencias.errors import InvalidQueryError, ResidenciasError
from residencias.loading.files import load_catalogo
from residencias.text import extracto, quiso_decir

__all__ = ["ConcursoInvalidoError", "ConcursoPreparado", "Defecto", "preparar"]

Ruta = tuple[str | int, ...]

_COMPONENTES = ("efiser", "promedio_posgrado", "enarm")
_FOLIO = attrgetter("folio")
_OPCIONES = attrgetter("opciones")
_PUNTAJE = attrgetter("puntaje")
_EXPONENTE = attrgetter("exponent")
MAX_DECIMALES = 30
"""A score or grade has at most this many decimal places (a PI-IMSS has a handful); more is refused,
so that no input can make the canonical form or a report write out a million digits."""


@attrs.frozen
class Defecto:
    """One problem of the input: where it is (``ruta``, as in the YAML fixture) and what it is."""

    ruta: Ruta
    mensaje: str

    def __str__(self) -> str:
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in self.ruta).lstrip(".")
        return f"{where}: {self.mensaje}"


class ConcursoInvalidoError(ResidenciasError):
    """A competition that cannot be assigned as given; ``defectos`` lists every problem.

    The message is the first problem, then how many more there are.
    """

    def __init__(self, defectos: Sequence[Defecto]) -> None:
        self.defectos = tuple(defectos)
        first = str(self.defectos[0])
        more = len(self.defectos) - 1
        if more:
            first += f" (y {more} problema{'s' if more > 1 else ''} más)"
        super().__init__(first)


@attrs.frozen
class ConcursoPreparado:
    """A checked competition: the CER's catalogue name, its sedes by identifier (input order), the
    applicants (input order) and, aligned with them, their PI-IMSS."""

    indice: int
    cer: str
    sedes: dict[str, Sede]
    aspirantes: tuple[Solicitud, ...]
    puntajes: tuple[Decimal, ...]


def _quien(s: Solicitud, campo: str) -> str:
    return f"folio '{s.folio}', campo '{campo}'"


def _decimal_problem(value: object, minimo: Decimal, maximo: Decimal) -> str | None:
    if not isinstance(value, Decimal):
        kind = type(value).__name__
        return (f"se esperaba un número Decimal (p. ej. Decimal('87.512')), se encontró {kind} "
                f"{extracto(value)}")
    if not value.is_finite():
        return f"el número {value} no es finito"
    if not minimo <= value <= maximo:
        return f"{extracto(value)} está fuera del intervalo de {minimo} a {maximo}"
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_DECIMALES:
        return f"{extracto(value)} tiene más de {MAX_DECIMALES} decimales"
    return None


class _Checker:
    def __init__(self, politica: PoliticaAsignacion) -> None:
        self.politica = politica
        self.defectos: list[Defecto] = []
        conv = politica.convocatoria
        self.catalogo: CatalogoEspecialidades = conv.especialidades if conv is not None else load_catalogo()
        self.tabla_1: frozenset[str] | None = None
        if conv is not None and conv.tablas is not None:
            found = (self.catalogo.buscar(f.cer) for f in conv.tablas.prerrequisitos.filas)
            self.tabla_1 = frozenset(e.id for e in found if e is not None)
        self.maximo = politica.puntaje_maximo
        self.folios: set[str] = set()
        self.leidos: list[tuple[int, Concurso]] = []  # to find where a repeated folio came first
        self.puntajes_bien: set[int] = set()  # ids of the Decimals already checked (readers share them)
        self.cers: dict[str, int] = {}

    def add(self, ruta: Ruta, mensaje: str) -> None:
        self.defectos.append(Defecto(ruta, mensaje))

    def cer(self, i: int, concurso: Concurso) -> str | None:
        ruta: Ruta = ("concursos", i, "cer")
        found = self.catalogo.buscar(concurso.cer)
        if found is None:
            names = [n for e in self.catalogo.especialidades for n in e.nombres]
            hint = quiso_decir(concurso.cer, names, n=3)
            self.add(ruta, f"CER desconocido '{concurso.cer}' en el catálogo de especialidades{hint}")
            return None
        if self.tabla_1 is not None and found.id not in self.tabla_1:
            self.add(
                ruta,
                f"'{found.nombre}' no es un CER de la Tabla 1 de {self.politica.convocatoria_id} "
                "(1.3): no se ofrece en esta convocatoria",
            )
            return None
        if found.id in self.cers:
            self.add(
                ruta,
                f"el CER '{found.nombre}' ya se dio en concursos[{self.cers[found.id]}]; "
                "cada CER es un solo concurso (6.2)",
            )
            return None
        self.cers[found.id] = i
        return found.nombre

    def sedes(self, i: int, concurso: Concurso) -> dict[str, Sede]:
        out: dict[str, Sede] = {}
        for j, sede in enumerate(concurso.sedes):
            ruta: Ruta = ("concursos", i, "sedes", j)
            if not isinstance(sede, Sede):
                self.add(ruta, f"se esperaba una Sede, se encontró {type(sede).__name__}")
                continue
            plazas = sede.plazas
            if plazas is None:
                self.add(ruta, f"sede '{sede.identificador}': falta 'plazas', el número de plazas ofertadas")
            elif isinstance(plazas, bool) or not isinstance(plazas, int) or plazas < 0:
                self.add(
                    (*ruta, "plazas"),
                    f"sede '{sede.identificador}', campo 'plazas': se esperaba un "
                    f"entero mayor o igual a 0, se encontró {extracto(plazas)}",
                )
            if sede.identificador in out:
                self.add(
                    (*ruta, "clave"),
                    f"sede '{sede.identificador}' repetida en el concurso de '{concurso.cer}'",
                )
                continue
            out[sede.identificador] = sede
        return out

    def opciones(self, ruta: Ruta, s: Solicitud, sedes: dict[str, Sede], cer: str) -> None:
        seen: set[str] = set()
        for k, opcion in enumerate(s.opciones):
            if opcion not in sedes:
                hint = quiso_decir(opcion, sedes)
                self.add(
                    (*ruta, "opciones", k),
                    f"{_quien(s, 'opciones')}: la opción {k + 1} '{opcion}' no "
                    f"es una sede del concurso de {cer}{hint}",
                )
            elif opcion in seen:
                self.add(
                    (*ruta, "opciones", k),
                    f"{_quien(s, 'opciones')}: la sede '{opcion}' se repite "
                    f"(opción {k + 1}); cada sede se elige una vez",
                )
            seen.add(opcion)

    def components(self, ruta: Ruta, s: Solicitud) -> int:
        """Check the grades (base 100) and the bonus (0 to the cap of 7.2); count the problems."""
        problems = 0
        for campo in _COMPONENTES:
            value = getattr(s, campo)
            problem = None if value is None else _decimal_problem(value, Decimal(0), Decimal(100))
            if problem:
                self.add((*ruta, campo), f"{_quien(s, campo)}: {problem} (calificación en base 100, 6.1)")
                problems += 1
        parametros = self.politica.parametros
        if s.puntaje_adicional is not None:
            cap = parametros.puntaje_adicional.maximo.valor if parametros else Decimal("0.50")
            problem = _decimal_problem(s.puntaje_adicional, Decimal(0), cap)
            if problem:
                self.add((*ruta, "puntaje_adicional"), f"{_quien(s, 'puntaje_adicional')}: {problem} (7.2)")
                problems += 1
            if s.publicaciones:
                self.add((*ruta, "publicaciones"), f"{_quien(s, 'publicaciones')}: se dieron a la vez "
                         "'publicaciones' y 'puntaje_adicional'; dé solo uno de los dos")
                problems += 1
        return problems

    def puntaje(self, ruta: Ruta, s: Solicitud) -> Decimal | None:
        problems = self.components(ruta, s)
        parametros = self.politica.parametros
        given = s.puntaje
        if given is not None:
            problem = _decimal_problem(given, Decimal(0), self.maximo)
            if problem:
                self.add((*ruta, "puntaje"), f"{_quien(s, 'puntaje')}: {problem} (PI-IMSS, 6.1)")
                return None
        complete = all(getattr(s, c) is not None for c in _COMPONENTES)
        if not complete:
            if given is None:
                missing = [c for c in _COMPONENTES if getattr(s, c) is None]
                self.add(
                    ruta,
                    f"folio '{s.folio}': falta 'puntaje' (el PI-IMSS) o sus componentes; "
                    f"faltan: {', '.join(missing)}",
                )
            elif s.publicaciones or s.puntaje_adicional is not None:
                campo = "publicaciones" if s.publicaciones else "puntaje_adicional"
                self.add(
                    (*ruta, campo),
                    f"{_quien(s, campo)}: el puntaje adicional solo se usa para calcular "
                    "el PI-IMSS desde efiser, promedio_posgrado y enarm",
                )
            return given
        if problems:
            return None
        if parametros is None:
            self.add(
                ruta,
                f"folio '{s.folio}': para calcular el PI-IMSS desde sus componentes hace falta "
                "la convocatoria que da la fórmula ('convocatoria: imss-cer-2026-2027' en YAML, o "
                "--convocatoria imss-cer-2026-2027)",
            )
            return None
        assert s.efiser is not None and s.promedio_posgrado is not None and s.enarm is not None
        # imported here: a competition given by PI-IMSS alone (the usual CSV) never needs the formula
        from residencias.rules.puntaje import calcular_pi_imss  # noqa: PLC0415

        try:
            desglose = calcular_pi_imss(
                parametros,
                efiser=s.efiser,
                promedio_posgrado=s.promedio_posgrado,
                enarm=s.enarm,
                publicaciones=s.publicaciones,
            )
        except ResidenciasError as exc:
            self.add((*ruta, "publicaciones"), f"{_quien(s, 'publicaciones')}: {exc}")
            return None
        computed = desglose.total + (s.puntaje_adicional or 0)
        if given is not None and given != computed:
            self.add(
                (*ruta, "puntaje"),
                f"{_quien(s, 'puntaje')}: el PI-IMSS dado ({given}) no coincide con el "
                f"que dan sus componentes ({computed}, 6.1 Tabla 2)",
            )
            return None
        return computed

    def _primera_vez(self, folio: str) -> Ruta:
        """Where a folio seen before was given (looked for only when one is repeated)."""
        for i, concurso in self.leidos:
            for j, s in enumerate(concurso.aspirantes):
                if isinstance(s, Solicitud) and s.folio == folio:
                    return ("concursos", i, "aspirantes", j)
        raise AssertionError(folio)  # pragma: no cover (every folio in the set was read)

    def _puntaje_bien(self, value: Decimal) -> bool:
        """A finite Decimal within range and with at most ``MAX_DECIMALES`` decimal places."""
        if id(value) in self.puntajes_bien:
            return True
        if (type(value) is Decimal and value.is_finite() and 0 <= value <= self.maximo
                and value.as_tuple().exponent >= -MAX_DECIMALES):  # type: ignore[operator]
            self.puntajes_bien.add(id(value))  # alive as long as the applicant that holds it
            return True
        return False

    def _todos_bien(self, aspirantes: Sequence[Solicitud], claves: KeysView[str]) -> list[Decimal] | None:
        """The PI-IMSS of every applicant, when each is what the fast path of :meth:`concurso`
        takes (checked column by column, at once); ``None`` when any is not."""
        n = len(aspirantes)
        if set(map(type, aspirantes)) != {Solicitud} or not solo_puntaje(aspirantes):
            return None
        puntajes = list(map(_PUNTAJE, aspirantes))
        distintos = list(dict(zip(map(id, puntajes), puntajes, strict=True)).values())
        folios = set(map(_FOLIO, aspirantes))
        opciones = list(map(_OPCIONES, aspirantes))
        if (
            set(map(type, distintos)) != {Decimal}  # (no None either)
            or not all(map(Decimal.is_finite, distintos))
            or min(distintos) < 0 or max(distintos) > self.maximo
            or min(map(_EXPONENTE, map(Decimal.as_tuple, distintos))) < -MAX_DECIMALES
            or len(folios) != n or not self.folios.isdisjoint(folios)
            or not claves >= set(chain.from_iterable(opciones))
            or sum(map(len, map(set, opciones))) != sum(map(len, opciones))  # an option given twice
        ):
            return None
        self.folios |= folios
        return puntajes

    def concurso(self, i: int, concurso: Concurso) -> ConcursoPreparado | None:
        cer = self.cer(i, concurso)
        sedes = self.sedes(i, concurso)
        nombre = cer or concurso.cer
        claves = sedes.keys()
        self.leidos.append((i, concurso))
        if concurso.aspirantes and (todos := self._todos_bien(concurso.aspirantes, claves)) is not None:
            return None if cer is None else ConcursoPreparado(i, cer, sedes, tuple(concurso.aspirantes),
                                                              tuple(todos))
        puntajes: list[Decimal] = []
        folios = self.folios
        for j, s in enumerate(concurso.aspirantes):
            # Fast path, for the common case: a Solicitud with a new folio, distinct options that
            # are all sedes, and only a PI-IMSS, a finite Decimal within range.
            if (
                type(s) is Solicitud
                and s.folio not in folios
                and s.efiser is None and s.promedio_posgrado is None and s.enarm is None
                and s.puntaje_adicional is None and not s.publicaciones
                and s.puntaje is not None and self._puntaje_bien(s.puntaje)
                and claves >= (distintas := set(s.opciones)) and len(distintas) == len(s.opciones)
            ):
                folios.add(s.folio)
                puntajes.append(s.puntaje)
                continue
            ruta: Ruta = ("concursos", i, "aspirantes", j)
            if not isinstance(s, Solicitud):
                self.add(ruta, f"se esperaba una Solicitud, se encontró {type(s).__name__}")
                continue
            before = self._primera_vez(s.folio) if s.folio in folios else None
            if before is not None:
                self.add(
                    (*ruta, "folio"),
                    f"{_quien(s, 'folio')}: folio repetido (ya está en "
                    f"{str(Defecto(before, '')).rstrip(': ')}); cada aspirante participa una sola vez",
                )
            else:
                folios.add(s.folio)
            self.opciones(ruta, s, sedes, nombre)
            puntaje = self.puntaje(ruta, s)
            puntajes.append(puntaje if puntaje is not None else Decimal(0))
        if cer is None:
            return None
        return ConcursoPreparado(i, cer, sedes, tuple(concurso.aspirantes), tuple(puntajes))


def preparar(
    concursos: Concurso | Iterable[Concurso], politica: PoliticaAsignacion
) -> tuple[ConcursoPreparado, ...]:
    """Check every competition; raise :class:`ConcursoInvalidoError` listing all problems, in input order."""
    if not isinstance(politica, PoliticaAsignacion):
        raise InvalidQueryError(f"'politica' debe ser una PoliticaAsignacion (PoliticaAsignacion.de("
                                f"load_convocatoria(...))), se recibió {type(politica).__name__}")
    if not isinstance(concursos, Concurso | Iterable) or isinstance(concursos, str | bytes | Mapping):
        raise InvalidQueryError(f"se esperaba una Entrada, un Concurso o una lista de Concurso, se "
                                f"recibió {type(concursos).__name__}")
    items = (concursos,) if isinstance(concursos, Concurso) else tuple(concursos)
    checker = _Checker(politica)
    out: list[ConcursoPreparado] = []
    for i, concurso in enumerate(items):
        if not isinstance(concurso, Concurso):
            checker.add(("concursos", i), f"se esperaba un Concurso, se encontró {type(concurso).__name__}")
            continue
        prepared = checker.concurso(i, concurso)
        if prepared is not None:
            out.append(prepared)
    if checker.defectos:
        raise ConcursoInvalidoError(checker.defectos)
    return tuple(out)
