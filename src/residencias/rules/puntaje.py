"""Scores: grades on base 100, the Puntaje Integrado IMSS (PI-IMSS) and the publication bonus.

The CER call (imss-cer-2026-2027) orders applicants by the PI-IMSS (6.1, Tabla 2)::

    PI-IMSS = 0.50 × EFISER + 0.45 × promedio de posgrado + 0.05 × ENARM + puntaje adicional

Every grade is on base 100; the ENARM calls say how to carry other scales to base 100
(imss-enarm-xlvi-2023 2.1 d; imss-enarm-xlix-2026-tercer-periodo 2.1 d), see
:func:`convertir_calificacion`. The additional score (sección 7) gives, per publication that meets
every criterion of 7.1 A–H, 0.05 to a first author and 0.025 to a second author (7.2, "Tabla 3
Puntaje Adicional"), up to 0.50 in all (7.2). Weights, points, the cap, the cut-off date and the
kinds of article are data, in the ``puntaje:`` block of the convocatoria's YAML file, each cited.

All numbers are :class:`~decimal.Decimal`, computed exactly: an operation that would have to
round is refused, never rounded.

>>> from decimal import Decimal
>>> from residencias import load_convocatoria
>>> parametros = load_convocatoria("imss-cer-2026-2027").puntaje
>>> d = calcular_pi_imss(parametros, efiser=Decimal("80"), promedio_posgrado=Decimal("90"),
...                      enarm=Decimal("70"))
>>> d.total
Decimal('84.00')
>>> convertir_calificacion(Decimal("8.88"), 10)
Decimal('88.8')
"""

from __future__ import annotations

import decimal
import enum
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from residencias.domain.publicaciones import FuenteEvidencia, Publicacion, TipoPublicacion
from residencias.domain.validators import InvalidValue, at_least, non_empty
from residencias.errors import ResidenciasError

__all__ = [
    "ARTICULO_CONVERSION",
    "CRITERIOS",
    "CalificacionInvalidaError",
    "DesglosePIIMSS",
    "DesglosePuntajeAdicional",
    "EquivalenciaRequeridaError",
    "EstadoPublicacion",
    "EvaluacionPublicacion",
    "Exclusion",
    "FechaCitada",
    "HallazgoCriterio",
    "ParametrosPuntaje",
    "Ponderacion",
    "Ponderaciones",
    "PosicionCitada",
    "PuntajeAdicional",
    "PuntajeError",
    "PuntosPorAutoria",
    "Resultado",
    "Termino",
    "TipoPermitido",
    "ValorCitado",
    "calcular_pi_imss",
    "calcular_puntaje_adicional",
    "convertir_calificacion",
    "evaluar_publicacion",
]


# --- errors -----------------------------------------------------------------------------------


class PuntajeError(ResidenciasError):
    """A score that cannot be computed as asked (a publication declared twice, a number that
    would need rounding)."""


class CalificacionInvalidaError(PuntajeError):
    """A grade that is not a finite Decimal within its scale, or a scale the calls do not convert."""


class EquivalenciaRequeridaError(CalificacionInvalidaError):
    """A grade on scale 5 without the official equivalence document."""


# --- exact arithmetic -------------------------------------------------------------------------

_EXACTO = decimal.Context(
    prec=100,
    rounding=decimal.ROUND_HALF_EVEN,
    traps=[decimal.Inexact, decimal.InvalidOperation, decimal.Overflow, decimal.DivisionByZero],
)


def _exacto(operation: Callable[[], Decimal], what: str) -> Decimal:
    """Run ``operation`` where rounding is an error, not a silent change of the number."""
    try:
        with decimal.localcontext(_EXACTO):
            return operation()
    except decimal.Inexact:
        raise PuntajeError(
            f"{what}: el resultado tiene más dígitos de los que se pueden calcular sin redondear, "
            "y el documento no dice cómo redondear"
        ) from None


def _multiply(a: Decimal, b: Decimal, what: str) -> Decimal:
    return _exacto(lambda: a * b, what)


def _texto(value: Decimal) -> str:
    """A Decimal as a person writes it: 84.075, never 8.4075E+1."""
    return format(value, "f")


_MESES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
          "octubre", "noviembre", "diciembre")


def _fecha(day: date) -> str:
    return f"{day.day} de {_MESES[day.month - 1]} de {day.year}"


def _as_decimal(value: object, what: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        hint = f"; escriba Decimal(\"{value}\")" if isinstance(value, float | str) else ""
        raise CalificacionInvalidaError(
            f"{what}: se esperaba un número decimal exacto (decimal.Decimal), se recibió "
            f"{type(value).__name__} {value!r}{hint}"
        )
    number = Decimal(value)
    if not number.is_finite():
        raise CalificacionInvalidaError(f"{what}: se esperaba un número finito, se recibió {value}")
    return number


# --- grades on base 100 -----------------------------------------------------------------------

ARTICULO_CONVERSION = "imss-enarm-xlvi-2023, 2.1 d; imss-enarm-xlix-2026-tercer-periodo, 2.1 d)"
"""Where the calls say that every grade is registered on base 100, with their examples."""

_ESCALAS = (100, 10, 5)


def convertir_calificacion(valor: Decimal, escala: int, *, con_equivalencia: bool = False) -> Decimal:
    """A grade on ``escala`` carried to base 100, as the ENARM calls say (XLVI 2.1 d; XLIX 2.1 d):

    - scale 100 stays as written: "si el certificado de calificaciones dice 88.8, el campo [...]
      debe decir 88.8";
    - scale 10 is multiplied by 10: "8.88 (escala 10), registra 88.8";
    - scale 5 only with the official equivalence document ("para lo cual deberá tener su
      documento oficial de equivalencia"): "4.1 (escala 5), registra 82.0", i.e. times 20.
      Without the document the conversion is refused (:class:`EquivalenciaRequeridaError`);
    - any other scale is refused: the calls give no rule for it.

    Digits are kept as written: no rounding.

    >>> convertir_calificacion(Decimal("88.8"), 100)
    Decimal('88.8')
    >>> convertir_calificacion(Decimal("8.88"), 10)
    Decimal('88.8')
    >>> convertir_calificacion(Decimal("4.1"), 5, con_equivalencia=True)
    Decimal('82.0')
    >>> convertir_calificacion(Decimal("4.1"), 5)
    Traceback (most recent call last):
    ...
    residencias.rules.puntaje.EquivalenciaRequeridaError: la calificación 4.1 está en escala de 5: ...
    """
    if isinstance(escala, bool) or not isinstance(escala, int) or escala not in _ESCALAS:
        raise CalificacionInvalidaError(
            f"escala {escala!r} no admitida: las convocatorias solo dicen cómo llevar a base 100 las "
            f"escalas 100, 10 y 5 ({ARTICULO_CONVERSION})"
        )
    number = _as_decimal(valor, "calificación")
    if not Decimal(0) <= number <= escala:
        raise CalificacionInvalidaError(
            f"la calificación {_texto(number)} no está en la escala de {escala}: se esperaba un número "
            f"de 0 a {escala}"
        )
    if escala == 100:
        return number
    if escala == 10:
        return _exacto(lambda: number.scaleb(1), "conversión de escala 10 a base 100")
    if not con_equivalencia:
        raise EquivalenciaRequeridaError(
            f"la calificación {_texto(number)} está en escala de 5: solo se convierte a base 100 con el "
            f"documento oficial de equivalencia ({ARTICULO_CONVERSION})"
        )
    return _exacto(lambda: number * 20, "conversión de escala 5 a base 100")


def _base_100(value: object, what: str) -> Decimal:
    number = _as_decimal(value, what)
    if not Decimal(0) <= number <= 100:
        raise CalificacionInvalidaError(
            f"{what} vale {_texto(number)}; se esperaba una calificación en base 100, de 0 a 100 "
            f"(para otra escala use convertir_calificacion; {ARTICULO_CONVERSION})"
        )
    return number


# --- the parameters, loaded from the ``puntaje:`` block of a convocatoria -------------------


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


# --- the criteria of 7.1, one rule each -------------------------------------------------------


class Resultado(enum.Enum):
    """The outcome of one criterion for one publication. ``falta_dato``: the fact it reads is
    unknown; it is never turned into ``no_cumple``."""

    CUMPLE = "cumple"
    NO_CUMPLE = "no_cumple"
    FALTA_DATO = "falta_dato"

    @property
    def texto(self) -> str:
        return {"cumple": "cumple", "no_cumple": "no cumple", "falta_dato": "falta dato"}[self.value]


@attrs.frozen
class HallazgoCriterio:
    """The finding of one criterion of 7.1 for one publication: its letter, the outcome, the
    reason in Spanish and the article (``7.1 H 1`` when an item of 7.1 H decided it)."""

    criterio: str
    resultado: Resultado
    razon: str
    articulo: str

    def __str__(self) -> str:
        return f"{self.resultado.texto} {self.articulo}: {self.razon}"


Regla = Callable[[PuntajeAdicional, Publicacion], HallazgoCriterio]


def _three_way(
    letter: str, value: bool | None, yes: str, no: str, unknown: str, articulo: str | None = None
) -> HallazgoCriterio:
    where = articulo or f"7.1 {letter}"
    if value is None:
        return HallazgoCriterio(letter, Resultado.FALTA_DATO, unknown, where)
    if value:
        return HallazgoCriterio(letter, Resultado.CUMPLE, yes, where)
    return HallazgoCriterio(letter, Resultado.NO_CUMPLE, no, where)


def periodo_de_realizacion(_: PuntajeAdicional, p: Publicacion) -> HallazgoCriterio:
    """7.1 A: developed and published during the current prerequisite course (and 3.1, punto 10)."""
    return _three_way(
        "A", p.durante_curso_prerrequisito,
        "se desarrolló y publicó durante el curso de especialización prerrequisito que cursa",
        "no se desarrolló y publicó durante el curso de especialización prerrequisito que cursa "
        "(ver también 3.1, punto 10)",
        "falta saber si se desarrolló y publicó durante el curso de especialización prerrequisito que cursa",
    )


def sujetos_de_estudio(_: PuntajeAdicional, p: Publicacion) -> HallazgoCriterio:
    """7.1 B: research with human beings as subjects of study."""
    return _three_way(
        "B", p.seres_humanos,
        "la investigación se realizó con seres humanos como sujetos de estudio",
        "la investigación no se realizó con seres humanos como sujetos de estudio",
        "falta saber si la investigación se realizó con seres humanos como sujetos de estudio",
    )


def identificacion(_: PuntajeAdicional, p: Publicacion) -> HallazgoCriterio:
    """7.1 C: an identifiable ISSN and a DOI."""
    ids = (("ISSN", p.issn), ("DOI", p.doi))
    lacks = [name for name, value in ids if value is False]
    unknown = [name for name, value in ids if value is None]
    if lacks:
        return HallazgoCriterio("C", Resultado.NO_CUMPLE,
                                f"no tiene {' ni '.join(lacks)}; se piden un ISSN identificable y un DOI",
                                "7.1 C")
    if unknown:
        verb = "faltan" if len(unknown) > 1 else "falta"
        return HallazgoCriterio("C", Resultado.FALTA_DATO,
                                f"{verb} {' y '.join(f'el {n}' for n in unknown)}", "7.1 C")
    return HallazgoCriterio("C", Resultado.CUMPLE, f"tiene ISSN {p.issn} y DOI {p.doi}", "7.1 C")


_NLM = "https://www.ncbi.nlm.nih.gov/nlmcatalog/journals/"


def indexacion(_: PuntajeAdicional, p: Publicacion) -> HallazgoCriterio:
    """7.1 D: a journal indexed in PubMed® whose status is "Currently indexed for MEDLINE"."""
    return _three_way(
        "D", p.indexada_medline,
        "la revista está «Actualmente indexado en MEDLINE» (Currently indexed for MEDLINE)",
        f"la revista no está «Actualmente indexado en MEDLINE» (Currently indexed for MEDLINE); ver {_NLM}",
        f"falta saber si la revista está «Actualmente indexado en MEDLINE»; consúltelo en {_NLM}",
    )


def fecha_de_publicacion(reglas: PuntajeAdicional, p: Publicacion) -> HallazgoCriterio:
    """7.1 E: published at the latest on the cut-off date, and accessible in PubMed®."""
    limit = reglas.fecha_maxima_publicacion
    where = limit.articulo
    if p.fecha_publicacion is not None and p.fecha_publicacion > limit.fecha:
        nota = f"; nota: {limit.nota.rstrip('.')}" if limit.nota else ""
        return HallazgoCriterio(
            "E", Resultado.NO_CUMPLE,
            f"se publicó el {_fecha(p.fecha_publicacion)}, después del {_fecha(limit.fecha)}, fecha "
            f"máxima que fija la convocatoria{nota}", where)
    if p.en_pubmed is False:
        return HallazgoCriterio("E", Resultado.NO_CUMPLE, "no es accesible para consulta en PubMed®", where)
    missing = []
    if p.fecha_publicacion is None:
        missing.append("la fecha de publicación")
    if p.en_pubmed is None:
        missing.append("saber si es accesible para consulta en PubMed® (dé su PMID)")
    if missing:
        return HallazgoCriterio("E", Resultado.FALTA_DATO, "falta " + " y ".join(missing), where)
    assert p.fecha_publicacion is not None
    return HallazgoCriterio(
        "E", Resultado.CUMPLE,
        f"se publicó el {_fecha(p.fecha_publicacion)}, a más tardar el {_fecha(limit.fecha)}, y es accesible "
        "en PubMed®", where)


def _autor(posicion: int) -> str:
    ordinals = {1: "primer autor", 2: "segundo autor", 3: "tercer autor", 4: "cuarto autor",
                5: "quinto autor"}
    return ordinals.get(posicion, f"autor en la posición {posicion}")


def autoria(reglas: PuntajeAdicional, p: Publicacion) -> HallazgoCriterio:
    """7.1 F: only works where the applicant is first or second author."""
    limit = reglas.autoria_maxima
    if p.posicion_autoria is None:
        return HallazgoCriterio("F", Resultado.FALTA_DATO, "falta la posición de autoría del aspirante",
                                limit.articulo)
    if p.posicion_autoria <= limit.posicion:
        return HallazgoCriterio("F", Resultado.CUMPLE, f"figura como {_autor(p.posicion_autoria)}",
                                limit.articulo)
    return HallazgoCriterio(
        "F", Resultado.NO_CUMPLE,
        f"figura como {_autor(p.posicion_autoria)}; solo se consideran trabajos con el aspirante como primer "
        "o segundo autor", limit.articulo)


def tipo_permitido(reglas: PuntajeAdicional, p: Publicacion) -> HallazgoCriterio:
    """7.1 G: one of the kinds of article allowed."""
    if p.tipo is None:
        return HallazgoCriterio("G", Resultado.FALTA_DATO, "falta el tipo de artículo", "7.1 G")
    row = reglas.permitido(p.tipo)
    if row is None:
        return HallazgoCriterio("G", Resultado.NO_CUMPLE,
                                f"«{p.tipo.etiqueta}» no es uno de los tipos de artículo permitidos", "7.1 G")
    return HallazgoCriterio(
        "G", Resultado.CUMPLE, f"«{p.tipo.etiqueta}» es un tipo permitido ({row.grupo}: {row.texto})",
        row.articulo)


def _exclusion_applies(exclusion: Exclusion, p: Publicacion) -> tuple[bool | None, str]:
    """Whether an item of 7.1 H applies (None: unknown), and what the publication is, or lacks."""
    if exclusion.tipos:
        if p.tipo is None:
            return None, "el tipo de artículo"
        return p.tipo in exclusion.tipos, f"es de tipo «{p.tipo.etiqueta}»"
    if exclusion.fuentes:
        if p.fuente is None:
            return None, "de dónde viene la evidencia"
        return p.fuente in exclusion.fuentes, f"la evidencia viene de {p.fuente.etiqueta}"
    if exclusion.area_distinta_a_medicina_humana:
        if p.area_medicina_humana is None:
            return None, "saber si el tema es de medicina humana especializada"
        return not p.area_medicina_humana, "su tema no es de medicina humana especializada"
    assert exclusion.autoria_desde is not None
    if p.posicion_autoria is None:
        return None, "la posición de autoría"
    return p.posicion_autoria >= exclusion.autoria_desde, f"figura como {_autor(p.posicion_autoria)}"


def exclusiones(reglas: PuntajeAdicional, p: Publicacion) -> HallazgoCriterio:
    """7.1 H: none of the publications and evidence the call does not consider."""
    applying: list[tuple[Exclusion, str]] = []
    unknown: list[str] = []
    for exclusion in reglas.exclusiones:
        applies, what = _exclusion_applies(exclusion, p)
        if applies:
            applying.append((exclusion, what))
        elif applies is None and what not in unknown:
            unknown.append(what)
    if applying:
        return HallazgoCriterio(
            "H", Resultado.NO_CUMPLE,
            "; ".join(f"{what}, y no se consideran «{e.texto}»" for e, what in applying),
            "; ".join(e.articulo for e, _ in applying))
    if unknown:
        return HallazgoCriterio("H", Resultado.FALTA_DATO,
                                "para descartar las exclusiones falta " + ", ".join(unknown), "7.1 H")
    return HallazgoCriterio("H", Resultado.CUMPLE, "no es de ningún tipo ni evidencia excluidos", "7.1 H")


CRITERIOS: tuple[tuple[str, str, Regla], ...] = (
    ("7.1 A", "Periodo de realización", periodo_de_realizacion),
    ("7.1 B", "Sujetos de estudio", sujetos_de_estudio),
    ("7.1 C", "Identificación de la publicación", identificacion),
    ("7.1 D", "Indexación", indexacion),
    ("7.1 E", "Fecha de publicación", fecha_de_publicacion),
    ("7.1 F", "Autoría", autoria),
    ("7.1 G", "Tipos de artículos permitidos", tipo_permitido),
    ("7.1 H", "Publicaciones y evidencias que no se consideran", exclusiones),
)
"""The criteria of 7.1, in the document's order: article, heading, rule."""


# --- one publication, and the bonus -----------------------------------------------------------


class EstadoPublicacion(enum.Enum):
    """``valida``: meets 7.1 A–H and scores; ``rechazada``: fails at least one criterion;
    ``pendiente``: fails none, but some fact is unknown (scores 0 until it is known)."""

    VALIDA = "valida"
    RECHAZADA = "rechazada"
    PENDIENTE = "pendiente"


@attrs.frozen
class EvaluacionPublicacion:
    """One publication: the finding of each criterion, its state and its points, with the reason."""

    publicacion: Publicacion
    hallazgos: tuple[HallazgoCriterio, ...]
    estado: EstadoPublicacion
    puntos: Decimal
    razon: str
    articulo: str
    puntos_posibles: Decimal
    """What a pending publication would score if every missing fact turned out in its favour."""

    @property
    def incumplidos(self) -> tuple[HallazgoCriterio, ...]:
        return tuple(h for h in self.hallazgos if h.resultado is Resultado.NO_CUMPLE)

    @property
    def pendientes(self) -> tuple[HallazgoCriterio, ...]:
        return tuple(h for h in self.hallazgos if h.resultado is Resultado.FALTA_DATO)


def evaluar_publicacion(reglas: PuntajeAdicional, publicacion: Publicacion) -> EvaluacionPublicacion:
    """Apply each criterion of 7.1 to one publication and give its points (7.2).

    A publication scores only if every criterion is ``cumple``: first author 0.05, second 0.025
    (7.2, Tabla 3 Puntaje Adicional); third and later 0 (7.1 F; 7.1 H 9).
    """
    if not isinstance(publicacion, Publicacion):
        raise PuntajeError(f"se esperaba una Publicacion, se recibió {type(publicacion).__name__}")
    hallazgos = tuple(regla(reglas, publicacion) for _, _, regla in CRITERIOS)
    failed = [h for h in hallazgos if h.resultado is Resultado.NO_CUMPLE]
    missing = [h for h in hallazgos if h.resultado is Resultado.FALTA_DATO]
    position = publicacion.posicion_autoria
    row = reglas.puntos_de(position) if position is not None else None
    zero = Decimal(0)
    if failed:
        articulo = "; ".join(h.articulo for h in failed)
        fails = ", ".join(h.articulo for h in failed)
        razon = f"0 puntos: no cumple {fails}"
        if row is not None and position is not None and row.puntos == 0:
            razon = f"{_autor(position)}, 0 puntos ({row.articulo}); no cumple {fails}"
        return EvaluacionPublicacion(publicacion, hallazgos, EstadoPublicacion.RECHAZADA, zero, razon,
                                     articulo, zero)
    if missing:
        possible = row.puntos if row is not None else max(r.puntos for r in reglas.por_autoria)
        articulo = "; ".join(h.articulo for h in missing)
        razon = f"0 puntos mientras falte información ({', '.join(h.articulo for h in missing)})"
        return EvaluacionPublicacion(publicacion, hallazgos, EstadoPublicacion.PENDIENTE, zero, razon,
                                     articulo, possible)
    assert row is not None and position is not None
    return EvaluacionPublicacion(publicacion, hallazgos, EstadoPublicacion.VALIDA, row.puntos,
                                 f"{_autor(position)}: {_texto(row.puntos)} puntos", row.articulo, row.puntos)


@attrs.frozen
class DesglosePuntajeAdicional:
    """The additional score: each publication, the sum, the cap and whether it applied."""

    evaluaciones: tuple[EvaluacionPublicacion, ...]
    suma: Decimal
    maximo: Decimal
    tope_aplicado: bool
    puntos: Decimal
    articulo: str


def _canonical(p: Publicacion) -> tuple[str, ...]:
    """A sort key over every fact, so that the order the publications come in never matters."""
    out = []
    for value in attrs.astuple(p, recurse=False):
        if value is None:
            out.append("")
        elif isinstance(value, enum.Enum):
            out.append(f"~{value.value}")
        else:
            out.append(f"~{type(value).__name__}:{value}")
    return tuple(out)


def _check_repeated(publicaciones: tuple[Publicacion, ...]) -> None:
    for name in ("doi", "pmid"):
        seen: dict[str, Publicacion] = {}
        for p in publicaciones:
            value = getattr(p, name)
            if not isinstance(value, str):
                continue
            key = value.casefold()
            if key in seen:
                raise PuntajeError(
                    f"la publicación con {name.upper()} {value} se declaró dos veces («{seen[key].titulo}» y "
                    f"«{p.titulo}»); cada publicación se cuenta una sola vez")
            seen[key] = p


def calcular_puntaje_adicional(
    reglas: PuntajeAdicional, publicaciones: Iterable[Publicacion] = ()
) -> DesglosePuntajeAdicional:
    """The additional score of sección 7: each publication evaluated, the points added, and the
    sum capped at the maximum (7.2). The publications are reported in a fixed order, whatever the
    order they come in. A DOI or PMID declared twice is refused."""
    items = tuple(sorted(publicaciones, key=_canonical))
    _check_repeated(items)
    evaluaciones = tuple(evaluar_publicacion(reglas, p) for p in items)
    suma = _exacto(lambda: sum((e.puntos for e in evaluaciones), Decimal(0)), "suma del puntaje adicional")
    maximo = reglas.maximo.valor
    return DesglosePuntajeAdicional(
        evaluaciones, suma, maximo, suma > maximo, min(suma, maximo), reglas.maximo.articulo
    )


# --- the PI-IMSS ------------------------------------------------------------------------------


@attrs.frozen
class Termino:
    """One term of the PI-IMSS: the grade (base 100), its weight and their product."""

    concepto: str
    valor: Decimal
    peso: Decimal
    producto: Decimal
    articulo: str

    def __str__(self) -> str:
        return (f"{self.concepto}: {_texto(self.valor)} × {_texto(self.peso)} = {_texto(self.producto)} "
                f"({self.articulo})")


_ESTADOS = {
    EstadoPublicacion.VALIDA: "cuenta",
    EstadoPublicacion.RECHAZADA: "rechazada",
    EstadoPublicacion.PENDIENTE: "pendiente de información",
}


@attrs.frozen
class DesglosePIIMSS:
    """The PI-IMSS and how it was reached: ``total`` is the sum of the three products and the
    additional points, exactly."""

    efiser: Termino
    promedio_posgrado: Termino
    enarm: Termino
    puntaje_adicional: DesglosePuntajeAdicional
    total: Decimal

    @property
    def terminos(self) -> tuple[Termino, Termino, Termino]:
        return (self.efiser, self.promedio_posgrado, self.enarm)

    def explicar(self) -> str:
        """The score in Spanish, for the resident, citing the articles."""
        adicional = self.puntaje_adicional
        lines = [f"Puntaje Integrado IMSS (PI-IMSS): {_texto(self.total)} (6.1, Tabla 2; sección 7)"]
        lines.extend(f"  {t}" for t in self.terminos)
        lines.append(
            f"  Puntaje adicional por publicaciones: {_texto(adicional.puntos)} ({adicional.articulo})")
        parts = " + ".join(_texto(x) for x in (*(t.producto for t in self.terminos), adicional.puntos))
        lines.append(f"  Total: {parts} = {_texto(self.total)}")
        lines.append("")
        lines.extend(_explain_bonus(adicional))
        return "\n".join(lines)


def _explain_bonus(adicional: DesglosePuntajeAdicional) -> list[str]:
    evaluaciones = adicional.evaluaciones
    if not evaluaciones:
        return ["Publicaciones (sección 7): no se declaró ninguna; el puntaje adicional es 0."]
    counts = {estado: sum(1 for e in evaluaciones if e.estado is estado) for estado in EstadoPublicacion}
    lines = [
        "Publicaciones (sección 7; cada una debe cumplir todos los criterios de 7.1 A a 7.1 H): "
        f"cuentan {counts[EstadoPublicacion.VALIDA]}, rechazadas {counts[EstadoPublicacion.RECHAZADA]}, "
        f"pendientes de información {counts[EstadoPublicacion.PENDIENTE]}."
    ]
    for number, e in enumerate(evaluaciones, start=1):
        head = f"  {number}. «{e.publicacion.titulo}»: {_ESTADOS[e.estado]}; {e.razon}"
        if e.estado is EstadoPublicacion.VALIDA:
            lines.append(f"{head} ({e.articulo}); cumple 7.1 A a 7.1 H.")
            continue
        if e.estado is EstadoPublicacion.PENDIENTE:
            head += f"; sumaría hasta {_texto(e.puntos_posibles)} si se confirma lo que falta"
        lines.append(head + ".")
        shown = e.incumplidos if e.estado is EstadoPublicacion.RECHAZADA else e.pendientes
        lines.extend(f"     - {h}" for h in shown)
        if e.estado is EstadoPublicacion.RECHAZADA and e.pendientes:
            lines.append(f"     (además falta dato en: {', '.join(h.articulo for h in e.pendientes)})")
    if adicional.tope_aplicado:
        lines.append(
            f"  Suma de las publicaciones: {_texto(adicional.suma)}; el máximo es {_texto(adicional.maximo)} "
            f"({adicional.articulo}), así que cuentan {_texto(adicional.puntos)}.")
    else:
        lines.append(
            f"  Suma de las publicaciones: {_texto(adicional.suma)} (máximo {_texto(adicional.maximo)}, "
            f"{adicional.articulo}).")
    return lines


def calcular_pi_imss(
    parametros: ParametrosPuntaje,
    *,
    efiser: Decimal,
    promedio_posgrado: Decimal,
    enarm: Decimal,
    publicaciones: Iterable[Publicacion] = (),
) -> DesglosePIIMSS:
    """The PI-IMSS of 6.1, Tabla 2, with its breakdown.

    ``efiser`` (the EFISER grade), ``promedio_posgrado`` (the average of the posgrado cycles,
    as the constancia of 3.1, punto 7 states it) and ``enarm`` are base-100 Decimals from 0 to
    100; convert other scales first with :func:`convertir_calificacion`.

    >>> from residencias import load_convocatoria
    >>> parametros = load_convocatoria("imss-cer-2026-2027").puntaje
    >>> d = calcular_pi_imss(parametros, efiser=Decimal("80"), promedio_posgrado=Decimal("90"),
    ...                      enarm=Decimal("70"))
    >>> print(d.explicar())
    Puntaje Integrado IMSS (PI-IMSS): 84.00 (6.1, Tabla 2; sección 7)
      EFISER: 80 × 0.50 = 40.00 (6.1, Tabla 2)
      Promedio de los ciclos académicos de posgrado cursados: 90 × 0.45 = 40.50 (6.1, Tabla 2)
      ENARM: 70 × 0.05 = 3.50 (6.1, Tabla 2)
      Puntaje adicional por publicaciones: 0 (7.2; 6.1, Puntaje Adicional)
      Total: 40.00 + 40.50 + 3.50 + 0 = 84.00
    <BLANKLINE>
    Publicaciones (sección 7): no se declaró ninguna; el puntaje adicional es 0.
    """
    pesos = parametros.ponderaciones
    grades = (
        ("EFISER", _base_100(efiser, "la calificación del EFISER"), pesos.efiser),
        ("Promedio de los ciclos académicos de posgrado cursados",
         _base_100(promedio_posgrado, "el promedio de posgrado"), pesos.promedio_posgrado),
        ("ENARM", _base_100(enarm, "la calificación del ENARM"), pesos.enarm),
    )
    terms = [
        Termino(name, value, weight.peso, _multiply(value, weight.peso, f"producto de {name}"),
                weight.articulo)
        for name, value, weight in grades
    ]
    adicional = calcular_puntaje_adicional(parametros.puntaje_adicional, publicaciones)
    total = _exacto(lambda: terms[0].producto + terms[1].producto + terms[2].producto + adicional.puntos,
                    "total del PI-IMSS")
    return DesglosePIIMSS(terms[0], terms[1], terms[2], adicional, total)
