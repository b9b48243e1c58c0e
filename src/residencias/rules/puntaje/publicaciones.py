"""The additional score for research work (sección 7): each criterion of 7.1 A–H is one rule
over one publication; a publication that meets them all gives the points of its authorship
position (7.2, "Tabla 3 Puntaje Adicional"), and the sum is capped (7.2)."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from decimal import Decimal

import attrs

from residencias.domain.publicaciones import Publicacion
from residencias.domain.puntaje import Exclusion, PuntajeAdicional
from residencias.rules.puntaje.errores import PuntajeError
from residencias.rules.puntaje.exacto import exacto, fecha_larga, texto

__all__ = [
    "CRITERIOS",
    "DesglosePuntajeAdicional",
    "EstadoPublicacion",
    "EvaluacionPublicacion",
    "HallazgoCriterio",
    "Resultado",
    "autor",
    "calcular_puntaje_adicional",
    "evaluar_publicacion",
]


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
    """7.1 A: developed and published during the current prerequisite course (and 3.1, punto 10).
    A publication dated before the course began is not of that course, whatever is declared."""
    inicio, fecha = p.inicio_curso_prerrequisito, p.fecha_publicacion
    if inicio is not None and fecha is not None and fecha < inicio:
        return HallazgoCriterio(
            "A", Resultado.NO_CUMPLE,
            f"se publicó el {fecha_larga(fecha)}, antes del inicio del curso prerrequisito que cursa "
            f"({fecha_larga(inicio)}); 7.1 A pide trabajos desarrollados y publicados durante ese curso",
            "7.1 A")
    return _three_way(
        "A", p.durante_curso_prerrequisito,
        "se desarrolló y publicó durante el curso de especialización prerrequisito que cursa",
        "no se desarrolló y publicó durante el curso de especialización prerrequisito que cursa "
        "(ver también 3.1, punto 10)",
        "falta saber si se desarrolló y publicó durante el curso de especialización prerrequisito que cursa",
    )


def relacion_con_prerrequisito(_: PuntajeAdicional, p: Publicacion) -> HallazgoCriterio:
    """6.1 (Puntaje Adicional): works «directamente relacionados con la especialidad
    prerequisite»."""
    return _three_way(
        "6.1", p.relacionada_con_prerrequisito,
        "está directamente relacionada con la especialidad prerrequisito",
        "no está directamente relacionada con la especialidad prerrequisito",
        "falta saber si está directamente relacionada con la especialidad prerrequisito",
        "6.1, Puntaje Adicional",
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
            f"se publicó el {fecha_larga(p.fecha_publicacion)}, después del {fecha_larga(limit.fecha)}, "
            f"fecha máxima que fija la convocatoria{nota}", where)
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
        f"se publicó el {fecha_larga(p.fecha_publicacion)}, a más tardar el {fecha_larga(limit.fecha)}, "
        "y es accesible en PubMed®", where)


def autor(posicion: int) -> str:
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
        return HallazgoCriterio("F", Resultado.CUMPLE, f"figura como {autor(p.posicion_autoria)}",
                                limit.articulo)
    return HallazgoCriterio(
        "F", Resultado.NO_CUMPLE,
        f"figura como {autor(p.posicion_autoria)}; solo se consideran trabajos con el aspirante como primer "
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
    return p.posicion_autoria >= exclusion.autoria_desde, f"figura como {autor(p.posicion_autoria)}"


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
    ("6.1", "Relación con la especialidad prerrequisito", relacion_con_prerrequisito),
    ("7.1 A", "Periodo de realización", periodo_de_realizacion),
    ("7.1 B", "Sujetos de estudio", sujetos_de_estudio),
    ("7.1 C", "Identificación de la publicación", identificacion),
    ("7.1 D", "Indexación", indexacion),
    ("7.1 E", "Fecha de publicación", fecha_de_publicacion),
    ("7.1 F", "Autoría", autoria),
    ("7.1 G", "Tipos de artículos permitidos", tipo_permitido),
    ("7.1 H", "Publicaciones y evidencias que no se consideran", exclusiones),
)
"""The criteria of 6.1 (the works' relation to the prerequisite) and of 7.1, in the document's
order: article, heading, rule."""



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
            razon = f"{autor(position)}, 0 puntos ({row.articulo}); no cumple {fails}"
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
                                 f"{autor(position)}: {texto(row.puntos)} puntos", row.articulo, row.puntos)


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
    suma = exacto(lambda: sum((e.puntos for e in evaluaciones), Decimal(0)), "suma del puntaje adicional")
    maximo = reglas.maximo.valor
    return DesglosePuntajeAdicional(
        evaluaciones, suma, maximo, suma > maximo, min(suma, maximo), reglas.maximo.articulo
    )
