"""Conditions: ``todas`` / ``alguna`` / ``no`` over typed facts, with a small set of comparisons.
Nothing is executed from text: a condition is data, checked when its file loads.

Exactly one form per condition:

- ``{hecho: PATH, es: VALOR}``; ``{hecho: PATH, en: [VALORES]}``; ``{hecho: PATH, entre: [MIN, MAX]}``
  (both included); ``{hecho: PATH, mayor_o_igual: N}``; ``{hecho: PATH, menor_que: N}``;
  ``{hecho: PATH, presente: true}`` (the fact must be stated, whatever its value: true when it is,
  unknown when it is absent, never false); ``{hecho: PATH, declarado: true|false}`` (whether the
  expediente states the fact: never unknown, so it tells categories apart and rules allow it only
  in ``aplica_si``, ``salvo``, ``alternativa`` and ``cuando``);
- ``{documento: TIPO}``: the document was presented (with any of its qualifiers also required
  of it when given: ``expedido_en_extranjero``, ``apostillado``, ``notariado``, ``traducido``,
  ``en_espanol``, ``vigente``, ``emitido_por_universidad``, ``copia_certificada``,
  ``firmado_tinta_azul``, ``ultima_impresion``; a qualifier the document does not state is
  unknown, never false);
- ``{todas: [...]}``, ``{alguna: [...]}``, ``{no: {...}}``.

Evaluation is three-valued: true, false, or unknown with the facts that are missing; ``todas``
is false as soon as one part is false, ``alguna`` true as soon as one part is true.
"""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any, NamedTuple, TypeAlias

import attrs

from residencias.domain.expediente import Expediente
from residencias.domain.hechos import COMPUTED_FROM, FACTS, MISSING, read_fact
from residencias.domain.validators import InvalidValue
from residencias.text import mostrar, quiso_decir

__all__ = ["CALIFICATIVOS", "Condicion", "Evaluacion", "Valor"]

Valor: TypeAlias = bool | int | Decimal | str | date
"""What a comparison may compare a fact with."""

_COMPARISONS = ("es", "en", "entre", "mayor_o_igual", "menor_que", "presente", "declarado")
CALIFICATIVOS = ("expedido_en_extranjero", "notariado", "apostillado", "traducido", "en_espanol", "vigente",
                 "emitido_por_universidad", "copia_certificada", "firmado_tinta_azul", "ultima_impresion")
"""What a ``documento`` condition may also require of the document (fields of
:class:`~residencias.domain.expediente.Documento`)."""
_TEXTO_CALIFICATIVO = {
    ("expedido_en_extranjero", True): "expedido en el extranjero",
    ("expedido_en_extranjero", False): "expedido en México",
    ("apostillado", True): "apostillado", ("apostillado", False): "sin apostillar",
    ("notariado", True): "notariado", ("notariado", False): "sin notariar",
    ("traducido", True): "traducido al español", ("traducido", False): "sin traducir",
    ("en_espanol", True): "en español", ("en_espanol", False): "en otro idioma",
    ("vigente", True): "vigente", ("vigente", False): "no vigente",
    ("emitido_por_universidad", True): "emitido por la universidad",
    ("emitido_por_universidad", False): "no emitido por la universidad",
    ("copia_certificada", True): "en copia certificada", ("copia_certificada", False): "no certificada",
    ("firmado_tinta_azul", True): "firmado en tinta azul",
    ("firmado_tinta_azul", False): "sin firma en tinta azul",
    ("ultima_impresion", True): "de la última impresión",
    ("ultima_impresion", False): "no de la última impresión",
}
_FORMS = ("hecho", "documento", "todas", "alguna", "no")


class Evaluacion(NamedTuple):
    """A three-valued result: ``valor`` is True, False or None (unknown); ``faltan`` names the
    missing facts; ``leidos`` the facts read, with their values. (A named tuple: the evaluator
    makes one per condition, and it must stay cheap.)"""

    valor: bool | None
    faltan: tuple[str, ...] = ()
    leidos: tuple[tuple[str, Any], ...] = ()


def _coerce(kind: type, value: Valor, path: str) -> Any:
    """A compared value of the fact's own type, or a load error that says why."""
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        allowed = [str(m.value) for m in kind]
        if isinstance(value, str) and value in allowed:
            return kind(value)
        hint = quiso_decir(str(value), allowed)
        raise InvalidValue(f"'{value}' no es un valor de '{path}'{hint}; valores: {', '.join(allowed)}")
    if kind is Decimal and type(value) is int:
        return Decimal(value)
    if kind is bool and type(value) is not bool:
        raise InvalidValue(f"'{path}' es verdadero o falso; se comparó con {mostrar(value)}")
    if kind is not bool and type(value) is bool:
        raise InvalidValue(f"'{path}' no es verdadero o falso; se comparó con {mostrar(value)}")
    if not isinstance(value, kind):
        raise InvalidValue(f"'{path}' es de tipo {kind.__name__}; se comparó con {mostrar(value)}")
    return value


@attrs.frozen
class Condicion:
    """One condition; see the module docstring for its forms."""

    hecho: str | None = None
    es: Valor | None = None
    en: tuple[Valor, ...] | None = None
    entre: tuple[Valor, ...] | None = None
    mayor_o_igual: Valor | None = None
    menor_que: Valor | None = None
    presente: bool | None = None
    declarado: bool | None = None
    documento: str | None = None
    apostillado: bool | None = None
    notariado: bool | None = None
    traducido: bool | None = None
    en_espanol: bool | None = None
    expedido_en_extranjero: bool | None = None
    vigente: bool | None = None
    emitido_por_universidad: bool | None = None
    copia_certificada: bool | None = None
    firmado_tinta_azul: bool | None = None
    ultima_impresion: bool | None = None
    todas: tuple[Condicion, ...] | None = None
    alguna: tuple[Condicion, ...] | None = None
    no: Condicion | None = None

    def __attrs_post_init__(self) -> None:
        forms = [f for f in _FORMS if getattr(self, f) is not None]
        if len(forms) != 1:
            raise InvalidValue("una condición tiene exactamente una de: hecho, documento, todas, alguna, no"
                               f"; tiene {', '.join(forms) or 'ninguna'}")
        comparisons = [c for c in _COMPARISONS if getattr(self, c) is not None]
        if self.hecho is not None:
            self._check_fact(comparisons)
        elif comparisons:
            raise InvalidValue(f"'{comparisons[0]}' compara un hecho; falta 'hecho'", comparisons[0])
        if self.documento is None and any(getattr(self, f) is not None for f in CALIFICATIVOS):
            raise InvalidValue(f"{', '.join(repr(f) for f in CALIFICATIVOS)} califican un 'documento'")
        for group in ("todas", "alguna"):
            parts = getattr(self, group)
            if parts is not None and not parts:
                raise InvalidValue(f"'{group}' necesita al menos una condición", group)

    def _check_fact(self, comparisons: list[str]) -> None:
        assert self.hecho is not None
        kind = FACTS.get(self.hecho)
        if kind is None:
            hint = quiso_decir(self.hecho, FACTS, cutoff=0.5)
            raise InvalidValue(f"hecho desconocido '{self.hecho}'{hint}", "hecho")
        if len(comparisons) != 1:
            raise InvalidValue(f"el hecho '{self.hecho}' se compara con exactamente una de: "
                               f"{', '.join(_COMPARISONS)}", "hecho")
        comparison = comparisons[0]
        if comparison == "presente" and self.presente is not True:
            raise InvalidValue("'presente' solo admite true; para saber si un hecho no se declaró, use "
                               "'declarado: false'", "presente")
        try:
            if comparison == "es":
                _coerce(kind, self.es, self.hecho)  # type: ignore[arg-type]
            elif comparison in {"en", "entre"}:
                values = getattr(self, comparison)
                if comparison == "entre" and len(values) != 2:
                    raise InvalidValue("'entre' lleva dos valores: [mínimo, máximo]")
                for value in values:
                    _coerce(kind, value, self.hecho)
            elif comparison in {"mayor_o_igual", "menor_que"}:
                if kind not in {int, Decimal, date}:
                    raise InvalidValue(f"'{comparison}' compara números o fechas; '{self.hecho}' no lo es")
                _coerce(kind, getattr(self, comparison), self.hecho)
        except InvalidValue as exc:
            raise InvalidValue(str(exc), comparison) from None

    def evaluar(self, expediente: Expediente, calculados: dict[str, Any]) -> Evaluacion:
        """Evaluate against an expediente; ``calculados`` holds the ``calculado.*`` facts."""
        if self.hecho is not None:
            return self._fact(expediente, calculados)
        if self.documento is not None:
            return self._document(expediente)
        if self.no is not None:
            inner = self.no.evaluar(expediente, calculados)
            return Evaluacion(None if inner.valor is None else not inner.valor, inner.faltan, inner.leidos)
        parts = [c.evaluar(expediente, calculados) for c in (self.todas or self.alguna or ())]
        decisive = self.todas is None  # alguna: True decides; todas: False decides
        faltan = tuple(dict.fromkeys(f for p in parts for f in p.faltan))
        leidos = tuple(item for p in parts for item in p.leidos)
        if any(p.valor is decisive for p in parts):
            return Evaluacion(decisive, (), leidos)
        if any(p.valor is None for p in parts):
            return Evaluacion(None, faltan, leidos)
        return Evaluacion(not decisive, (), leidos)

    def _fact(self, expediente: Expediente, calculados: dict[str, Any]) -> Evaluacion:
        assert self.hecho is not None
        inputs: tuple[tuple[str, Any], ...] = ()
        if self.hecho.startswith("calculado."):
            value = calculados.get(self.hecho, MISSING)
            sources = COMPUTED_FROM.get(self.hecho, ())
            inputs = tuple((s, v) for s in sources if (v := read_fact(expediente, s)) is not MISSING)
            if value is MISSING:
                absent = tuple(s for s in sources if read_fact(expediente, s) is MISSING) or (self.hecho,)
                return Evaluacion(None, absent, ((self.hecho, None), *inputs))
        else:
            value = read_fact(expediente, self.hecho)
        if self.declarado is not None:
            stated = value is not MISSING
            shown = value if stated else None
            return Evaluacion(stated == self.declarado, (), ((self.hecho, shown), *inputs))
        if self.presente is not None:
            if value is MISSING:
                return Evaluacion(None, (self.hecho,), ((self.hecho, None), *inputs))
            return Evaluacion(True, (), ((self.hecho, value), *inputs))
        if value is MISSING:
            return Evaluacion(None, (self.hecho,), ((self.hecho, None),))
        read = ((self.hecho, value), *inputs)
        compared = self._compared
        if self.es is not None:
            return Evaluacion(value == compared[0], (), read)
        if self.en is not None:
            return Evaluacion(value in compared, (), read)
        if self.entre is not None:
            return Evaluacion(bool(compared[0] <= value <= compared[1]), (), read)
        if self.mayor_o_igual is not None:
            return Evaluacion(bool(value >= compared[0]), (), read)
        return Evaluacion(bool(value < compared[0]), (), read)

    @cached_property
    def _compared(self) -> tuple[Any, ...]:
        """The compared values in the fact's own type (checked on load, converted once)."""
        assert self.hecho is not None
        kind = FACTS[self.hecho]
        for comparison in ("es", "en", "entre", "mayor_o_igual", "menor_que"):
            value = getattr(self, comparison)
            if value is not None:
                values = value if isinstance(value, tuple) else (value,)
                return tuple(_coerce(kind, v, self.hecho) for v in values)
        return ()

    def _document(self, expediente: Expediente) -> Evaluacion:
        assert self.documento is not None
        name = f"documento {self.documento}"
        if expediente.documentos is None:
            return Evaluacion(None, ("documentos",), ((name, None),))
        found = expediente.documento(self.documento)
        if found is None:
            return Evaluacion(False, (), ((name, "no presentado"),))
        missing: list[str] = []
        for formality in CALIFICATIVOS:
            if getattr(self, formality) is None:
                continue
            stated = getattr(found, formality)
            if stated is None:
                missing.append(f"{name}.{formality}")
            elif stated != getattr(self, formality):
                return Evaluacion(False, (), ((f"{name}.{formality}", stated),))
        if missing:
            return Evaluacion(None, tuple(missing), ((name, "presentado"),))
        return Evaluacion(True, (), ((name, "presentado"),))

    def calificativos(self) -> tuple[tuple[str, bool], ...]:
        """The qualifiers a ``documento`` condition requires, in :data:`CALIFICATIVOS` order."""
        return tuple((q, getattr(self, q)) for q in CALIFICATIVOS if getattr(self, q) is not None)

    @staticmethod
    def texto_calificativo(nombre: str, valor: bool) -> str:
        """How a person reads a qualifier, in Spanish («apostillado», «expedido en México»)."""
        return _TEXTO_CALIFICATIVO[(nombre, valor)]

    def usa_declarado(self) -> bool:
        """Whether ``declarado`` appears anywhere in this condition."""
        if self.declarado is not None:
            return True
        parts = (*(self.todas or ()), *(self.alguna or ()), *((self.no,) if self.no else ()))
        return any(p.usa_declarado() for p in parts)

    def describir(self) -> str:
        """A short Spanish reading of the condition, for explanations."""
        if self.hecho is not None:
            if self.declarado is not None:
                return f"{'se declara' if self.declarado else 'no se declara'} {self.hecho}"
            if self.presente is not None:
                return f"se conoce {self.hecho}"
            for comparison in _COMPARISONS:
                value = getattr(self, comparison)
                if value is not None:
                    shown = ", ".join(map(_shown, value)) if isinstance(value, tuple) else _shown(value)
                    return f"{self.hecho} {comparison.replace('_', ' ')} {shown}"
        if self.documento is not None:
            asked = self.calificativos()
            shown = f" ({', '.join(_TEXTO_CALIFICATIVO[q] for q in asked)})" if asked else ""
            return f"presenta {self.documento}{shown}"
        if self.no is not None:
            return f"no ({self.no.describir()})"
        joiner = " y " if self.todas is not None else " o "
        return "(" + joiner.join(c.describir() for c in (self.todas or self.alguna or ())) + ")"


def _shown(value: Valor) -> str:
    if isinstance(value, bool):
        return "sí" if value else "no"
    return str(value)


attrs.resolve_types(Condicion)
