"""The ``puntaje:`` block of a convocatoria, as data: the PI-IMSS weights of Tabla 2 (6.1) and
the rules of the additional score for research work (sección 7), each value cited. The
computations that read them live in :mod:`residencias.rules.puntaje`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from residencias.domain.publicaciones import FuenteEvidencia, TipoPublicacion
from residencias.domain.validators import InvalidValue, at_least, non_empty

__all__ = [
    "Exclusion",
    "FechaCitada",
    "ParametrosPuntaje",
    "Ponderacion",
    "Ponderaciones",
    "PosicionCitada",
    "PuntajeAdicional",
    "PuntosPorAutoria",
    "TipoPermitido",
    "ValorCitado",
]


def _fraction(_: Any, attribute: attrs.Attribute[Any], value: Decimal) -> None:
    if not Decimal(0) < value <= 1:
        raise InvalidValue(
            f"'{attribute.name}' vale {value}; se esperaba una fracción mayor que 0 y hasta 1 (50% = 0.50)",
            attribute.name,
        )


def _non_negative(_: Any, attribute: attrs.Attribute[Any], value: Decimal) -> None:
    if not value >= 0:
        raise InvalidValue(f"'{attribute.name}' vale {value}; se esperaba un número mayor o igual a 0",
                           attribute.name)


@attrs.frozen
class Ponderacion:
    """A weight of Tabla 2, as a fraction of the total (50% is written 0.50)."""

    peso: Decimal = attrs.field(validator=_fraction)
    articulo: str = attrs.field(validator=non_empty)
    nota: str | None = attrs.field(default=None, validator=non_empty)


@attrs.frozen
class Ponderaciones:
    """The three weights of the PI-IMSS (6.1, Tabla 2); they add up to 100%."""

    efiser: Ponderacion
    promedio_posgrado: Ponderacion
    enarm: Ponderacion

    def __attrs_post_init__(self) -> None:
        total = self.efiser.peso + self.promedio_posgrado.peso + self.enarm.peso
        if total != 1:
            raise InvalidValue(f"las ponderaciones suman {total}; la Tabla 2 suma 100% (1)")


@attrs.frozen
class ValorCitado:
    """A number the document states, with its article."""

    valor: Decimal = attrs.field(validator=_non_negative)
    articulo: str = attrs.field(validator=non_empty)
    nota: str | None = attrs.field(default=None, validator=non_empty)


@attrs.frozen
class FechaCitada:
    """A date the document states, with its article."""

    fecha: date
    articulo: str = attrs.field(validator=non_empty)
    nota: str | None = attrs.field(default=None, validator=non_empty)


@attrs.frozen
class PosicionCitada:
    """An authorship position the document states, with its article."""

    posicion: int = attrs.field(validator=at_least(1))
    articulo: str = attrs.field(validator=non_empty)


@attrs.frozen
class PuntosPorAutoria:
    """A row of the points per authorship position; ``y_posteriores`` extends the last row to
    every later position."""

    posicion: int = attrs.field(validator=at_least(1))
    puntos: Decimal = attrs.field(validator=_non_negative)
    articulo: str = attrs.field(validator=non_empty)
    y_posteriores: bool = False


@attrs.frozen
class TipoPermitido:
    """A kind of article 7.1 G allows, with the group and the words of the document."""

    tipo: TipoPublicacion
    grupo: str = attrs.field(validator=non_empty)
    texto: str = attrs.field(validator=non_empty)
    articulo: str = attrs.field(validator=non_empty)


@attrs.frozen
class Exclusion:
    """An item of 7.1 H and the fact it reads: kinds of publication (``tipos``), sources of the
    evidence (``fuentes``), a subject outside specialised human medicine
    (``area_distinta_a_medicina_humana``) or an authorship position from ``autoria_desde`` on.
    Exactly one of the four."""

    numero: int = attrs.field(validator=at_least(1))
    texto: str = attrs.field(validator=non_empty)
    articulo: str = attrs.field(validator=non_empty)
    tipos: tuple[TipoPublicacion, ...] = ()
    fuentes: tuple[FuenteEvidencia, ...] = ()
    area_distinta_a_medicina_humana: bool = False
    autoria_desde: int | None = attrs.field(default=None, validator=at_least(2))

    def __attrs_post_init__(self) -> None:
        given = [name for name, value in (
            ("tipos", self.tipos), ("fuentes", self.fuentes),
            ("area_distinta_a_medicina_humana", self.area_distinta_a_medicina_humana),
            ("autoria_desde", self.autoria_desde is not None)) if value]
        if len(given) != 1:
            raise InvalidValue(
                f"la exclusión {self.numero} lee exactamente uno de: tipos, fuentes, "
                f"area_distinta_a_medicina_humana, autoria_desde; tiene {', '.join(given) or 'ninguno'}",
                "texto",
            )


@attrs.frozen
class PuntajeAdicional:
    """The additional score for research work (sección 7): the cap (7.2), the authorship limit
    (7.1 F), the points per position (7.2, Tabla 3 Puntaje Adicional), the cut-off date (7.1 E),
    the kinds allowed (7.1 G) and the exclusions (7.1 H)."""

    maximo: ValorCitado
    autoria_maxima: PosicionCitada
    por_autoria: tuple[PuntosPorAutoria, ...]
    fecha_maxima_publicacion: FechaCitada
    tipos_permitidos: tuple[TipoPermitido, ...]
    exclusiones: tuple[Exclusion, ...]

    def __attrs_post_init__(self) -> None:
        rows = self.por_autoria
        if [row.posicion for row in rows] != list(range(1, len(rows) + 1)):
            raise InvalidValue("las filas de 'por_autoria' van de la posición 1 en adelante, sin huecos",
                               "por_autoria")
        if not rows or not rows[-1].y_posteriores or any(row.y_posteriores for row in rows[:-1]):
            raise InvalidValue("solo la última fila de 'por_autoria' lleva 'y_posteriores: true', y la lleva",
                               "por_autoria")
        limit = self.autoria_maxima.posicion
        for row in rows:
            if (row.puntos > 0) != (row.posicion <= limit):
                raise InvalidValue(
                    f"la posición {row.posicion} da {row.puntos} puntos, pero 7.1 F solo considera hasta la "
                    f"posición {limit}", "por_autoria")
        if rows[-1].posicion <= limit:
            raise InvalidValue(f"'por_autoria' debe llegar más allá de la posición {limit}", "por_autoria")
        numbers = [e.numero for e in self.exclusiones]
        if len(set(numbers)) != len(numbers):
            raise InvalidValue("hay exclusiones con el mismo número", "exclusiones")
        for exclusion in self.exclusiones:
            if exclusion.autoria_desde is not None and exclusion.autoria_desde != limit + 1:
                raise InvalidValue(
                    f"la exclusión {exclusion.numero} empieza en la posición {exclusion.autoria_desde}, "
                    f"pero 7.1 F considera hasta la posición {limit}", "exclusiones")
        allowed = [t.tipo for t in self.tipos_permitidos]
        if len(set(allowed)) != len(allowed):
            raise InvalidValue("hay tipos permitidos repetidos", "tipos_permitidos")
        excluded = {tipo for e in self.exclusiones for tipo in e.tipos}
        both = sorted(t.value for t in excluded.intersection(allowed))
        if both:
            raise InvalidValue(f"tipos permitidos y excluidos a la vez: {', '.join(both)}",
                               "tipos_permitidos")

    def puntos_de(self, posicion: int) -> PuntosPorAutoria:
        """The row that gives the points of an authorship position."""
        for row in self.por_autoria:
            if row.posicion == posicion or (row.y_posteriores and posicion >= row.posicion):
                return row
        raise InvalidValue(
            f"posición de autoría {posicion} inválida; se esperaba un entero mayor o igual a 1")

    def permitido(self, tipo: TipoPublicacion) -> TipoPermitido | None:
        for row in self.tipos_permitidos:
            if row.tipo is tipo:
                return row
        return None


@attrs.frozen
class ParametrosPuntaje:
    """The ``puntaje:`` block of a convocatoria: the PI-IMSS weights and the additional score."""

    articulo: str = attrs.field(validator=non_empty)
    ponderaciones: Ponderaciones
    puntaje_adicional: PuntajeAdicional
    nota: str | None = attrs.field(default=None, validator=non_empty)
