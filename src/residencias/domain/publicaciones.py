"""A scientific publication an applicant declares for the additional score of the CER call
(imss-cer-2026-2027, sección 7).

Only the facts are recorded here; whether they meet 7.1 A–H is decided by
:mod:`residencias.rules.puntaje`. Every fact but the title is optional, and a fact that is absent
is unknown, never false: an unknown fact leaves the publication pending, not rejected.

The identifiers (``issn``, ``doi``, ``pmid``) take three forms: the identifier itself, ``False``
when the applicant declares the publication has none, or ``None`` when it is not known.

>>> p = Publicacion("Mortalidad en sepsis", tipo=TipoPublicacion.ESTUDIO_DE_COHORTES,
...                 posicion_autoria=1, issn="0028-0836", doi="10.1000/xyz123")
>>> p.tipo.etiqueta
'estudio de cohortes'
>>> Publicacion("Caso raro", issn="0028-0835")
Traceback (most recent call last):
...
residencias.domain.validators.InvalidValue: 'issn' vale '0028-0835': no es un ISSN válido ...
"""

from __future__ import annotations

import enum
import re
from datetime import date
from typing import Any, Literal

import attrs

from residencias.domain.validators import InvalidValue, non_empty
from residencias.text import mostrar

__all__ = ["FuenteEvidencia", "Publicacion", "TipoPublicacion", "issn_valido"]


class TipoPublicacion(enum.Enum):
    """The kind of a publication: the kinds 7.1 G allows, the kinds 7.1 H excludes, and ``otro``
    for a kind neither lists (a narrative review, an editorial), which 7.1 G does not allow."""

    # 7.1 G, Artículos descriptivos
    ESTUDIO_DE_CORTE_TRANSVERSAL = "estudio_de_corte_transversal"
    ESTUDIO_POBLACIONAL = "estudio_poblacional"
    ESTUDIO_CORRELACIONAL = "estudio_correlacional"
    # 7.1 G, Artículos analíticos
    ESTUDIO_DE_CASOS_Y_CONTROLES = "estudio_de_casos_y_controles"
    ESTUDIO_DE_COHORTES = "estudio_de_cohortes"
    ESTUDIO_DE_PRUEBAS_DIAGNOSTICAS = "estudio_de_pruebas_diagnosticas"
    REVISION_SISTEMATICA = "revision_sistematica"
    # 7.1 G, Estudios cuasi experimentales
    CUASI_EXPERIMENTAL_TRANSVERSAL = "cuasi_experimental_transversal"
    CUASI_EXPERIMENTAL_LONGITUDINAL = "cuasi_experimental_longitudinal"
    # 7.1 G, Ensayos clínicos
    ENSAYO_CLINICO_ALEATORIO_ENMASCARADO = "ensayo_clinico_aleatorio_enmascarado"
    # 7.1 H 1
    REPORTE_DE_CASO = "reporte_de_caso"
    SERIE_DE_CASOS = "serie_de_casos"
    # 7.1 H 3
    MEMORIA = "memoria"
    CARTEL = "cartel"
    RESUMEN_DE_CONGRESO = "resumen_de_congreso"
    CONSTANCIA_DE_CONGRESO = "constancia_de_congreso"
    REVISTA_DE_CONGRESO = "revista_de_congreso"
    # 7.1 H 4
    SUPLEMENTO = "suplemento"
    BOLETIN = "boletin"
    CARTA_AL_EDITOR = "carta_al_editor"
    # 7.1 H 5
    CONSTANCIA_DE_PUBLICACION = "constancia_de_publicacion"
    CONSTANCIA_DE_ACEPTACION = "constancia_de_aceptacion"
    CORREO_DE_ACEPTACION = "correo_de_aceptacion"
    # 7.1 H 6
    FOLLETO = "folleto"
    TRIPTICO = "triptico"
    PANFLETO = "panfleto"
    DOCUMENTO_PROMOCIONAL_FARMACEUTICO = "documento_promocional_farmaceutico"
    # 7.1 H 7
    LIBRO = "libro"
    CAPITULO_DE_LIBRO = "capitulo_de_libro"
    # neither list
    OTRO = "otro"

    @property
    def etiqueta(self) -> str:
        """How a person reads the kind, in Spanish."""
        return _ETIQUETAS[self]


_ETIQUETAS: dict[TipoPublicacion, str] = {
    TipoPublicacion.ESTUDIO_DE_CORTE_TRANSVERSAL: "estudio de corte transversal",
    TipoPublicacion.ESTUDIO_POBLACIONAL: "estudio poblacional",
    TipoPublicacion.ESTUDIO_CORRELACIONAL: "estudio correlacional",
    TipoPublicacion.ESTUDIO_DE_CASOS_Y_CONTROLES: "estudio de casos y controles",
    TipoPublicacion.ESTUDIO_DE_COHORTES: "estudio de cohortes",
    TipoPublicacion.ESTUDIO_DE_PRUEBAS_DIAGNOSTICAS: "estudio de pruebas diagnósticas",
    TipoPublicacion.REVISION_SISTEMATICA: "revisión sistemática",
    TipoPublicacion.CUASI_EXPERIMENTAL_TRANSVERSAL: "estudio cuasi experimental (estrategia transversal)",
    TipoPublicacion.CUASI_EXPERIMENTAL_LONGITUDINAL: "estudio cuasi experimental (estrategia longitudinal)",
    TipoPublicacion.ENSAYO_CLINICO_ALEATORIO_ENMASCARADO:
        "ensayo clínico con enmascaramiento y asignación aleatoria",
    TipoPublicacion.REPORTE_DE_CASO: "reporte de caso",
    TipoPublicacion.SERIE_DE_CASOS: "serie de casos",
    TipoPublicacion.MEMORIA: "memoria de congreso, foro o taller",
    TipoPublicacion.CARTEL: "cartel",
    TipoPublicacion.RESUMEN_DE_CONGRESO: "resumen de congreso, foro o taller",
    TipoPublicacion.CONSTANCIA_DE_CONGRESO: "constancia de congreso, foro o taller",
    TipoPublicacion.REVISTA_DE_CONGRESO: "revista de congreso, foro o taller",
    TipoPublicacion.SUPLEMENTO: "suplemento",
    TipoPublicacion.BOLETIN: "boletín",
    TipoPublicacion.CARTA_AL_EDITOR: "carta al editor",
    TipoPublicacion.CONSTANCIA_DE_PUBLICACION: "constancia de publicación",
    TipoPublicacion.CONSTANCIA_DE_ACEPTACION: "constancia de aceptación de la editorial",
    TipoPublicacion.CORREO_DE_ACEPTACION: "respuesta o correo electrónico de aceptación de la editorial",
    TipoPublicacion.FOLLETO: "folleto",
    TipoPublicacion.TRIPTICO: "tríptico",
    TipoPublicacion.PANFLETO: "panfleto",
    TipoPublicacion.DOCUMENTO_PROMOCIONAL_FARMACEUTICO:
        "documento de empresa farmacéutica con fines de promoción",
    TipoPublicacion.LIBRO: "libro",
    TipoPublicacion.CAPITULO_DE_LIBRO: "capítulo de libro",
    TipoPublicacion.OTRO: "otro tipo de publicación",
}


class FuenteEvidencia(enum.Enum):
    """Where the evidence of the publication comes from. 7.1 E asks that it be accessible in
    PubMed®; 7.1 H 2 refuses results from social networks, metasearch engines and commercial
    sites (ResearchGate, Amazon)."""

    PUBMED = "pubmed"
    REVISTA = "revista"
    RESEARCHGATE = "researchgate"
    AMAZON = "amazon"
    RED_SOCIAL = "red_social"
    METABUSCADOR = "metabuscador"
    SITIO_COMERCIAL = "sitio_comercial"

    @property
    def etiqueta(self) -> str:
        return _FUENTES[self]


_FUENTES: dict[FuenteEvidencia, str] = {
    FuenteEvidencia.PUBMED: "PubMed",
    FuenteEvidencia.REVISTA: "el sitio de la revista",
    FuenteEvidencia.RESEARCHGATE: "ResearchGate",
    FuenteEvidencia.AMAZON: "Amazon",
    FuenteEvidencia.RED_SOCIAL: "una red social",
    FuenteEvidencia.METABUSCADOR: "un metabuscador",
    FuenteEvidencia.SITIO_COMERCIAL: "un sitio web comercial",
}

_ISSN = re.compile(r"[0-9]{4}-[0-9]{3}[0-9X]\Z")
_DOI = re.compile(r"10\.[0-9]{4,9}(\.[0-9]+)*/\S+\Z")
_PMID = re.compile(r"[1-9][0-9]{0,9}\Z")


def issn_valido(texto: str) -> bool:
    """An ISSN written NNNN-NNNC whose check digit (ISO 3297, modulo 11) is right.

    >>> issn_valido("0028-0836"), issn_valido("0028-0835"), issn_valido("00280836")
    (True, False, False)
    """
    if not _ISSN.match(texto):
        return False
    digits = texto.replace("-", "")
    total = sum(int(d) * weight for d, weight in zip(digits[:7], range(8, 1, -1), strict=True))
    check = (11 - total % 11) % 11
    return digits[7] == ("X" if check == 10 else str(check))


def _identifier(pattern: re.Pattern[str] | None, what: str) -> Any:
    def check(_: Any, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None or value is False:
            return
        if not isinstance(value, str):
            raise InvalidValue(
                f"'{attribute.name}' vale {mostrar(value)}; se esperaba el identificador como texto, "
                "false si la publicación no lo tiene, o nada si no se sabe",
                attribute.name,
            )
        valid = issn_valido(value) if pattern is None else bool(pattern.match(value))
        if not valid:
            raise InvalidValue(
                f"'{attribute.name}' vale '{value}': no es {what}; si la publicación no tiene "
                f"{attribute.name.upper()}, escriba false",
                attribute.name,
            )

    return check


def _position(_: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if type(value) is not int or value < 1:
        raise InvalidValue(
            f"'{attribute.name}' vale {mostrar(value)}; se esperaba la posición del aspirante entre los "
            "autores, un entero mayor o igual a 1 (1 = primer autor)",
            attribute.name,
        )


def _optional_bool(_: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and type(value) is not bool:
        raise InvalidValue(
            f"'{attribute.name}' vale {mostrar(value)}; se esperaba true, false o nada (desconocido)",
            attribute.name,
        )


def _optional_date(_: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and type(value) is not date:
        raise InvalidValue(f"'{attribute.name}' vale {mostrar(value)}; se esperaba una fecha AAAA-MM-DD",
                           attribute.name)


def _optional_enum(cl: type[enum.Enum]) -> Any:
    def check(_: Any, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, cl):
            raise InvalidValue(
                f"'{attribute.name}' vale {mostrar(value)}; se esperaba uno de: "
                + ", ".join(str(m.value) for m in cl),
                attribute.name,
            )

    return check


@attrs.frozen
class Publicacion:
    """One publication as the applicant declares it (CER 3.1, punto 10; sección 7).

    - ``titulo``: the title, which names the publication in explanations;
    - ``tipo``: its kind (7.1 G, 7.1 H);
    - ``posicion_autoria``: the applicant's position among the authors, 1 = first (7.1 F, 7.1 H 9);
    - ``issn``, ``doi`` (7.1 C) and ``pmid`` (PubMed identifier, 7.1 E): the identifier, ``False``
      if the publication has none, ``None`` if unknown;
    - ``indexada_medline``: the journal's status in the NLM Catalog is "Currently indexed for
      MEDLINE" (7.1 D);
    - ``fecha_publicacion``: its publication date (7.1 E);
    - ``seres_humanos``: the research had human beings as subjects (7.1 B);
    - ``durante_curso_prerrequisito``: developed and published during the current prerequisite
      course (7.1 A; 3.1, punto 10);
    - ``inicio_curso_prerrequisito``: the day the current prerequisite course began, against which
      the publication date is checked (7.1 A: a work published before it is not of that course);
    - ``relacionada_con_prerrequisito``: the work is directly related to the prerequisite
      specialty (6.1, Puntaje Adicional: «directamente relacionados con la especialidad
      prerequisite»);
    - ``area_medicina_humana``: its subject is specialised human medicine (7.1 H 8);
    - ``fuente``: where the evidence comes from (7.1 E, 7.1 H 2).
    """

    titulo: str = attrs.field(validator=non_empty)
    tipo: TipoPublicacion | None = attrs.field(default=None, validator=_optional_enum(TipoPublicacion))
    posicion_autoria: int | None = attrs.field(default=None, validator=_position)
    issn: str | Literal[False] | None = attrs.field(
        default=None, validator=_identifier(None, "un ISSN válido (forma NNNN-NNNC, con dígito verificador)")
    )
    doi: str | Literal[False] | None = attrs.field(
        default=None, validator=_identifier(_DOI, "un DOI (p. ej. 10.1000/xyz123, sin «https://doi.org/»)")
    )
    pmid: str | Literal[False] | None = attrs.field(
        default=None, validator=_identifier(_PMID, "un PMID (el número de PubMed, p. ej. 31978945)")
    )
    indexada_medline: bool | None = attrs.field(default=None, validator=_optional_bool)
    fecha_publicacion: date | None = attrs.field(default=None, validator=_optional_date)
    seres_humanos: bool | None = attrs.field(default=None, validator=_optional_bool)
    durante_curso_prerrequisito: bool | None = attrs.field(default=None, validator=_optional_bool)
    area_medicina_humana: bool | None = attrs.field(default=None, validator=_optional_bool)
    fuente: FuenteEvidencia | None = attrs.field(default=None, validator=_optional_enum(FuenteEvidencia))
    inicio_curso_prerrequisito: date | None = attrs.field(default=None, validator=_optional_date)
    relacionada_con_prerrequisito: bool | None = attrs.field(default=None, validator=_optional_bool)

    def __attrs_post_init__(self) -> None:
        if self.fuente is FuenteEvidencia.PUBMED and self.pmid is False:
            raise InvalidValue(
                "la evidencia viene de PubMed pero 'pmid' dice que no está en PubMed; corrija uno de los dos",
                "pmid",
            )

    @property
    def en_pubmed(self) -> bool | None:
        """Whether it is accessible in PubMed® (7.1 E): a PMID or evidence taken from PubMed says
        yes, ``pmid: false`` says no; otherwise unknown."""
        if isinstance(self.pmid, str) or self.fuente is FuenteEvidencia.PUBMED:
            return True
        if self.pmid is False:
            return False
        return None
