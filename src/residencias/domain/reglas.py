"""The rule vocabulary of a convocatoria's ``requisitos`` section, closed and checked on load.

Kinds of rule (``tipo``):

- ``requisito``: ``condicion`` must hold;
- ``prohibicion``: ``condicion`` must not hold (disqualifiers: penal proceedings, rescission...);
- ``documento``: document ``documento`` must be presented (a shorthand for a requisito);
- ``alternativa``: ``condicion`` should hold; if it does not but ``alternativa`` does (a carta
  compromiso in place of a título in process), the outcome is ``pendiente`` with the due date
  of the calendar deadline ``plazo``, and ``no_cumple`` once that date has passed.
- ``silencio``: the document says nothing for the case ``aplica_si`` describes (XLIX has no
  section for foreign applicants): when it applies, the outcome is ``falta_dato`` with the rule's
  message, never ``cumple``; it carries neither ``condicion`` nor ``documento``.

Every rule may carry ``aplica_si`` (it applies only when this holds, e.g. a category of
applicant) and ``salvo`` (it does not apply when this holds); ``consecuencia``, what the document
says follows from failing it (an annulment, a cancellation), with its own article; and
``supuesto``, a choice of the library the rule's computed facts rely on (e.g. comparing names with
accents and case folded), reported in the finding whenever it decided the outcome.

An ``excepcion`` is a block of its own that overrides a labelled rule (``sobre``) when ``cuando``
holds, Catala-style, the way "salvo", "excepto" and "en caso de" clauses read in the documents.
"""

from __future__ import annotations

import enum
import re
from functools import cached_property
from typing import Any

import attrs

from residencias.domain.condiciones import Condicion
from residencias.domain.validators import InvalidValue, non_empty
from residencias.domain.ventana import Accion

__all__ = [
    "Consecuencia", "Efecto", "Excepcion", "Regla", "Requisitos", "ResultadoExcepcion", "TipoRegla",
]

_RULE_ID = re.compile(r"[a-z0-9]+([.-][a-z0-9]+)*\Z")


class TipoRegla(enum.Enum):
    REQUISITO = "requisito"
    PROHIBICION = "prohibicion"
    DOCUMENTO = "documento"
    ALTERNATIVA = "alternativa"
    SILENCIO = "silencio"


class ResultadoExcepcion(enum.Enum):
    """What an exception makes of the rule it overrides."""

    CUMPLE = "cumple"
    NO_APLICA = "no_aplica"


class Efecto(enum.Enum):
    """What a document says follows from failing a rule, in its own words."""

    ANULACION = "anulacion"
    """«quedará ANULADA», «se ANULARÁ»: the registration or pre-assignment is void."""
    CANCELACION = "cancelacion"
    """«será causa de cancelación»: grounds to cancel the participation."""


@attrs.frozen
class Consecuencia:
    """The consequence of failing a rule, with the article that states it (which may be another
    one than the rule's: XLIX 1.4 states no consequence of its own, 7.4 a general one)."""

    efecto: Efecto
    articulo: str = attrs.field(validator=non_empty)
    texto: str = attrs.field(validator=non_empty)


def _rule_id(_: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not _RULE_ID.match(value):
        raise InvalidValue(f"id de regla '{value}' inválido; se esperaban minúsculas, dígitos, puntos y "
                           "guiones, p. ej. 'cer-1.5-c'", attribute.name)


@attrs.frozen
class Regla:
    """One requirement sentence of a document, as a rule with its article and Spanish message."""

    id: str = attrs.field(validator=_rule_id)
    tipo: TipoRegla
    articulo: str = attrs.field(validator=non_empty)
    descripcion: str = attrs.field(validator=non_empty)
    mensaje: str = attrs.field(validator=non_empty)
    condicion: Condicion | None = None
    documento: str | None = attrs.field(default=None, validator=non_empty)
    alternativa: Condicion | None = None
    plazo: Accion | None = None
    aplica_si: Condicion | None = None
    salvo: Condicion | None = None
    en_proceso: str | None = attrs.field(default=None, validator=non_empty)
    """The action of the convocatoria's ``proceso:`` whose event meets this rule (the diploma
    delivered at the OOAD, the título delivered under the carta compromiso): with a history that
    records it, the rule is met, with the event's instant."""
    consecuencia: Consecuencia | None = None
    supuesto: str | None = attrs.field(default=None, validator=non_empty)
    nota: str | None = attrs.field(default=None, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        if self.tipo is TipoRegla.DOCUMENTO:
            if self.documento is None or self.condicion is not None:
                raise InvalidValue("una regla 'documento' lleva 'documento' y no 'condicion'", "tipo")
        elif self.tipo is TipoRegla.SILENCIO:
            if self.aplica_si is None or self.condicion is not None or self.documento is not None:
                raise InvalidValue("una regla 'silencio' lleva 'aplica_si' (el caso del que el documento "
                                   "no dice nada) y no 'condicion' ni 'documento'", "tipo")
        elif self.condicion is None or self.documento is not None:
            raise InvalidValue(f"una regla '{self.tipo.value}' lleva 'condicion' y no 'documento'", "tipo")
        if (self.tipo is TipoRegla.ALTERNATIVA) != (self.alternativa is not None):
            raise InvalidValue("'alternativa' va en las reglas de tipo 'alternativa', y solo en ellas",
                               "tipo")
        if self.condicion is not None and self.condicion.usa_declarado():
            raise InvalidValue(
                "'declarado' no va en 'condicion': ahí un hecho ausente daría «no cumple» en vez de "
                "«falta dato» (use 'presente: true'); 'declarado' va en 'aplica_si', 'salvo' o "
                "'alternativa'", "condicion")
        if self.plazo is not None and self.tipo is not TipoRegla.ALTERNATIVA:
            raise InvalidValue("'plazo' va solo en las reglas de tipo 'alternativa'", "plazo")

    @cached_property
    def requisito(self) -> Condicion:
        """The condition that meets the rule (for a ``documento`` rule, the document presented)."""
        return self.condicion if self.condicion is not None else Condicion(documento=self.documento)


@attrs.frozen
class Excepcion:
    """An exception overriding rule ``sobre`` when ``cuando`` holds."""

    id: str = attrs.field(validator=_rule_id)
    sobre: str = attrs.field(validator=_rule_id)
    articulo: str = attrs.field(validator=non_empty)
    descripcion: str = attrs.field(validator=non_empty)
    mensaje: str = attrs.field(validator=non_empty)
    cuando: Condicion
    resultado: ResultadoExcepcion = ResultadoExcepcion.NO_APLICA


@attrs.frozen
class Requisitos:
    """The ``requisitos`` section: rules in document order, and their exceptions."""

    reglas: tuple[Regla, ...]
    excepciones: tuple[Excepcion, ...] = ()
    plazo_documentos: Accion | None = None
    """The calendar window by the end of which the documents must be in the expediente: before
    it closes, a missing document is pending; after, it is not met (checked over time by
    :func:`residencias.process.evaluate`)."""

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        for regla in self.reglas:
            if regla.id in seen:
                raise InvalidValue(f"id de regla repetido '{regla.id}'", "reglas")
            seen.add(regla.id)
        for excepcion in self.excepciones:
            if excepcion.sobre not in seen:
                raise InvalidValue(f"la excepción '{excepcion.id}' es sobre '{excepcion.sobre}', que no es "
                                   "una regla de esta convocatoria", "excepciones")
            if excepcion.id in seen:
                raise InvalidValue(f"id repetido '{excepcion.id}'", "excepciones")
            seen.add(excepcion.id)

    def regla(self, identificador: str) -> Regla | None:
        return next((r for r in self.reglas if r.id == identificador), None)
