"""Derived deadlines (``Plazo``): dates the documents give by a rule rather than by a date.

Each is computed, never typed in, and becomes a :class:`Ventana` once its reference is known:

- ``primer_dia_habil``: the first business day on or after the reference (XLIX 6: the induction
  course "el primer día hábil del ciclo académico 2026–2027");
- ``meses_despues``: the reference plus N months, with dateutil's ``relativedelta`` (31 Aug + 6
  months is 28/29 Feb);
- ``semanas_despues``: the reference plus N weeks (UNAM: the authorization e-mail "puede demorar
  hasta 2 semanas");
- ``antes_de``: a bare deadline, the day before ``fecha`` ("antes del 01 de marzo de 2026");
- ``primeros_dias_del_ciclo``: days 1 to N from the start of a cycle (XLVI: the foreigners' fee
  "en los primeros 15 dias al inicio de cada ciclo académico").
"""

from __future__ import annotations

import enum
from datetime import date, datetime, timedelta
from typing import Protocol

import attrs
from dateutil.relativedelta import relativedelta

from residencias.domain.fechas import fuera_de_rango
from residencias.domain.validators import InvalidValue, at_least, non_empty
from residencias.domain.ventana import Accion, Ventana
from residencias.errors import InvalidQueryError

__all__ = ["DiasLaborables", "Plazo", "Referencia", "Regla"]


class DiasLaborables(Protocol):
    """What a rule needs of business days (``calendars.DiasHabiles`` provides it)."""

    def primer_habil(self, desde: date) -> date:
        """The first business day on or after ``desde``."""
        ...


class Regla(enum.Enum):
    PRIMER_DIA_HABIL = "primer_dia_habil"
    MESES_DESPUES = "meses_despues"
    SEMANAS_DESPUES = "semanas_despues"
    ANTES_DE = "antes_de"
    PRIMEROS_DIAS_DEL_CICLO = "primeros_dias_del_ciclo"


class Referencia(enum.Enum):
    """The date a rule counts from: fixed by the data, the cycle, or a fact of the applicant."""

    FECHA = "fecha"
    INICIO_CICLO = "inicio_ciclo"
    SELECCION_DGCES = "seleccion_dgces"
    REGISTRO = "registro"


_NEEDS_AMOUNT = {Regla.MESES_DESPUES, Regla.SEMANAS_DESPUES, Regla.PRIMEROS_DIAS_DEL_CICLO}
_PER_APPLICANT = {Referencia.SELECCION_DGCES: "la fecha de selección en la DGCES",
                  Referencia.REGISTRO: "la fecha de registro"}


@attrs.frozen
class Plazo:
    """A deadline given by a rule, with its source."""

    accion: Accion
    descripcion: str = attrs.field(validator=non_empty)
    articulo: str = attrs.field(validator=non_empty)
    regla: Regla
    referencia: Referencia
    cantidad: int | None = attrs.field(default=None, validator=at_least(1))
    fecha: date | None = None
    supuesto: str | None = attrs.field(default=None, validator=non_empty)
    nota: str | None = attrs.field(default=None, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        if self.regla in _NEEDS_AMOUNT and self.cantidad is None:
            raise InvalidValue(f"la regla '{self.regla.value}' necesita 'cantidad'", "regla")
        if self.referencia is Referencia.FECHA and self.fecha is None:
            raise InvalidValue("la referencia 'fecha' necesita 'fecha'", "referencia")

    @property
    def por_aspirante(self) -> bool:
        """Whether the reference is a fact of each applicant (their selection or registration)."""
        return self.referencia in _PER_APPLICANT

    def resolver(self, *, inicio_ciclo: date | None, dias: DiasLaborables,
                 referencia: date | None = None) -> Ventana:
        """The window this rule gives. ``referencia`` is the applicant's date (selection,
        registration) or, for ``inicio_ciclo``, another cycle's start (later years)."""
        base = self._base(inicio_ciclo, referencia)
        if not isinstance(base, date) or isinstance(base, datetime):
            raise InvalidQueryError(f"el plazo '{self.accion.value}' cuenta desde una fecha AAAA-MM-DD; "
                                    f"se recibió {type(base).__name__}")
        problem = fuera_de_rango(base)
        if problem is not None:
            raise InvalidQueryError(f"el plazo '{self.accion.value}' ({self.articulo}) no se puede "
                                    f"calcular: {problem}")
        cantidad = self.cantidad or 0
        desde: date | None = base
        try:
            if self.regla is Regla.PRIMER_DIA_HABIL:
                desde = hasta = dias.primer_habil(base)
            elif self.regla is Regla.MESES_DESPUES:
                hasta = base + relativedelta(months=cantidad)
            elif self.regla is Regla.SEMANAS_DESPUES:
                hasta = base + timedelta(weeks=cantidad)
            elif self.regla is Regla.ANTES_DE:
                desde, hasta = None, base - timedelta(days=1)
            else:
                hasta = base + timedelta(days=cantidad - 1)
            return Ventana(self.accion, self.descripcion, self.articulo, desde, hasta,
                           supuesto=self.supuesto, nota=self.nota)
        except (OverflowError, ValueError) as exc:  # a result past Python's dates, or the range
            raise InvalidQueryError(f"el plazo '{self.accion.value}' ({self.articulo}) desde "
                                    f"{base.isoformat()} cae fuera del intervalo de fechas admitido: "
                                    f"{exc}") from None

    def _base(self, inicio_ciclo: date | None, referencia: date | None) -> date:
        if self.referencia is Referencia.FECHA:
            assert self.fecha is not None
            return self.fecha
        if self.referencia is Referencia.INICIO_CICLO:
            base = referencia or inicio_ciclo
            if base is None:
                raise InvalidQueryError(f"el plazo '{self.accion.value}' cuenta desde el inicio del "
                                        "ciclo, que la convocatoria no da; indique la fecha")
            return base
        if referencia is None:
            raise InvalidQueryError(f"el plazo '{self.accion.value}' ({self.articulo}) cuenta desde "
                                    f"{_PER_APPLICANT[self.referencia]} de cada aspirante; indíquela")
        return referencia
