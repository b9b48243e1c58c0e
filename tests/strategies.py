"""Hypothesis strategies and valid samples shared by the test suite.

Valid samples (each loads; the files of ``tests/data/bad`` are copies of them with one defect):

- :data:`CONVOCATORIA_MINIMA`, a small convocatoria (for :func:`residencias.load_convocatoria`);
- :data:`EXPEDIENTE_MINIMO`, a small expediente (for :func:`residencias.load_expediente`);
- :func:`bundled_convocatoria_text`, the text of the bundled ``imss-cer-2026-2027`` file.

Strategies:

- :func:`yaml_like_text`: arbitrary text built mostly from YAML punctuation, keywords, field names
  and the values the reader refuses (``no``, ``010``, ``.inf``, tags, anchors...);
- :func:`plain_values`: nested dicts and lists of text, integers, booleans, null, exact
  decimals, dates and aware date-times, i.e. what the reader returns;
- :func:`yaml_documents`: :func:`plain_values` rendered as YAML by :func:`to_yaml`
  (``yaml.safe_dump``, taught to write a :class:`~decimal.Decimal` as a plain number);
- :func:`perturbed_documents`: a valid sample with one value replaced, one key dropped or one
  key misspelled, rendered as YAML (reaches the schema checks, not only the parser);
- :func:`mutated_text`: a valid sample with one textual mutation (delete, duplicate or swap
  lines, swap, delete or insert characters);
- :func:`corrupted_bytes`: a valid sample's UTF-8 bytes with a few bytes put in place of one;
- :func:`aware_instants`: aware instants in several zones, often within a minute of given bounds;
- :func:`ventanas`: calendar windows with day or exact bounds, either inclusiveness, some hours.
- :func:`curps_validas`, :func:`curps_tecleadas`, :func:`textos_curp`: valid CURPs, typed ones, near misses.
- :func:`concursos_asignacion`, :func:`listas_de_concursos`: small competitions for the assignment of 6.2.
- :func:`textos_con_marcado`: non-blank text made of HTML/SVG/XML markup, entities, quotes, template
  delimiters and control characters, with arbitrary text between (for the escaping of reports).

>>> to_yaml({"nota": Decimal("87.512"), "grado": 3, "texto": "no"})
"nota: 87.512\\ngrado: 3\\ntexto: 'no'\\n"
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import yaml
from hypothesis import strategies as st

from residencias.calendars import Accion, DiaSemana, Horario, Ventana
from residencias.domain import (
    Antecedentes,
    CatalogoEspecialidades,
    CicloAcademico,
    ConstanciaENARM,
    Convocatoria,
    Documento,
    Errata,
    Especialidad,
    EspecificacionArchivo,
    Estudios,
    Expediente,
    Fuente,
    Inconsistencia,
    Nacionalidad,
    PrerrequisitoCER,
    Publicacion,
    Residente,
    SituacionLaboral,
    TablaCER,
    TablasCER,
    TextoCitado,
    TrabajadorIMSS,
    ZonaHoraria,
)
from residencias.domain.fechas import FECHA_MAXIMA, FECHA_MINIMA
from residencias.loading.files import data_dir
from residencias.loading.yaml_reader import read_yaml

BUNDLED_DATA = Path(str(data_dir()))
"""The bundled data folder (``data/`` of the repository, or its copy inside an installed wheel)."""

__all__ = [
    "CONVOCATORIA_MINIMA",
    "EXPEDIENTE_MINIMO",
    "FIELD_NAMES",
    "bundled_convocatoria_text",
    "corrupted_bytes",
    "mutated_text",
    "perturbed_documents",
    "plain_values",
    "scalars",
    "to_yaml",
    "yaml_documents",
    "yaml_like_text",
]

CONVOCATORIA_MINIMA = """\
# Convocatoria mínima de prueba, copiada de imss-cer-2026-2027 con pocas filas.
id: prueba-cer-2026
institucion: IMSS
dependencia: "Coordinación de Educación en Salud"
titulo: "Convocatoria de prueba para los CER"
dirigida_a:
  texto: "Médicos residentes externos al IMSS"
  articulo: "1.1"
publicacion:
  fecha_hora: 2026-03-09T18:00:00-06:00
  articulo: "Portada"
zona_horaria:
  nombre: America/Mexico_City
  supuesto: "El documento no dice el huso horario."
ciclo_academico:
  nombre: "2026-2027"
  articulo: "1.1"
  inicio: 2026-03-01
  fin: 2027-02-28
fuente:
  documento: "004_c5115caac5323946.txt"
  descripcion: "Texto extraído del PDF oficial."
tablas:
  prerrequisitos:
    numero: 1
    titulo: "Tabla 1. CER activos"
    articulo: "1.2 C"
    filas:
      - cer: "Cardiología"
        ceme: "Medicina interna"
        grado: 2
        articulo: "Tabla 1 (fila 5)"
      - {cer: "Neonatología", ceme: "Pediatría", grado: 3, articulo: "Tabla 1 (fila 24)"}
  diploma_institucional:
    numero: 4
    titulo: "Tabla 4. Diploma institucional"
    articulo: "9.1"
    filas:
      - {cer: "Neonatología", ceme: "Pediatría", grado: 3, articulo: "Tabla 4 (fila 16)"}
archivos:
  - documento: "Acta de nacimiento"
    participante: todos
    articulo: "Tabla de archivos"
    nombre: ACTADENACIMIENTO
    resolucion_ppp: 200
    tamano_maximo_kb: 1024
    formato: PDF
inconsistencias:
  - id: tabla-4-citada-como-tabla-5
    descripcion: "9.1 remite a la tabla 5."
    lugares: ["9.1", "Tabla 4"]
"""
"""A small valid convocatoria: every section, block and flow style, dates and a date-time."""

EXPEDIENTE_MINIMO = """\
# Expediente de prueba de una residente de Medicina Interna.
convocatoria: imss-cer-2026-2027
aspirante:
  nombre: "Ana Pérez López"
  nacionalidad: mexicana
  estudios_licenciatura: extranjero
  correos: ["ana@example.com"]
  ceme: "Medicina Interna"
  grado: 3
  institucion: "ISSSTE"
documentos:
  - tipo: ACTADENACIMIENTO
    archivo: "acta.pdf"
  - tipo: TITULO
    archivo: "titulo.pdf"
    apostillado: true
    traducido: false
"""
"""A small valid expediente of a resident, with enumerations, a list and booleans."""


def bundled_convocatoria_text(identificador: str = "imss-cer-2026-2027") -> str:
    """The text of a bundled convocatoria file (a large valid sample)."""
    return (BUNDLED_DATA / "convocatorias" / f"{identificador}.yaml").read_text(encoding="utf-8")


_CLASSES: tuple[type, ...] = (
    CatalogoEspecialidades, CicloAcademico, Convocatoria, Documento, Errata, Especialidad,
    EspecificacionArchivo, Expediente, Fuente, Inconsistencia, PrerrequisitoCER, Publicacion,
    Residente, TablaCER, TablasCER, TextoCitado, ZonaHoraria,
)
FIELD_NAMES: tuple[str, ...] = tuple(
    sorted({field.name for cl in _CLASSES for field in attrs.fields(cl)})
)
"""Every key the schemas know, so that generated mappings often reach the field checks."""

# Pieces of YAML, and values the reader or the schemas treat specially.
_TOKENS = (
    ": ", ":", "- ", "-", "\n", "\n  ", "\n    ", "  ", " ", "#", "# nota", "{", "}", "[", "]",
    ", ", "'", '"', "&a ", "*a", "!t ", "!!str ", "!!python/object:os.system ", "| ", "> ",
    "|-\n  ", "---\n", "...\n", "? ", "<<: ", "%YAML 1.1\n", "%TAG ! tag:x,2026:\n", "\t", "\\",
    "\\u00e9", "\r\n", "\r", "\ufeff", "\x00", "\x01", "\x85", "\u2028", "é", "ñ", "😀",
    "true", "false", "no", "yes", "On", "~", "null", "0", "3", "-1", "010", "0x1F", "0o17",
    "1_000", "1:30", "190:20:30", ".inf", "-.Inf", ".nan", "87.512", "1e3", "1.5e+3", "2026-02-30",
    "2026-03-09", "2026-03-09T18:00:00", "2026-03-09T18:00:00-06:00", "2026-03-09 18:00:00 Z",
    "IMSS", "ISSSTE", "todos", "mexicana", "America/Mexico_City", "Mars/Olympus",
    "id: prueba-cer-2026\n", "convocatoria: imss-cer-2026-2027\n",
)


def yaml_like_text(max_pieces: int = 40) -> st.SearchStrategy[str]:
    """Text made of YAML punctuation, field names, odd values and arbitrary characters."""
    piece = st.one_of(
        st.sampled_from(_TOKENS),
        st.sampled_from(FIELD_NAMES).map(lambda name: name + ": "),
        st.text(max_size=6),
    )
    return st.lists(piece, max_size=max_pieces).map("".join)


_OFFSETS = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)


def scalars(texts: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Any]:
    """The scalar values the reader returns: text (``texts``, by default any), int, bool, null,
    Decimal, date, datetime (dates within the supported range, :mod:`residencias.domain.fechas`)."""
    return st.one_of(
        st.text(max_size=20) if texts is None else texts,
        st.sampled_from(FIELD_NAMES),
        st.integers(),
        st.integers(min_value=-2, max_value=6),
        st.booleans(),
        st.none(),
        st.decimals(places=3, allow_nan=False, allow_infinity=False),
        st.dates(FECHA_MINIMA, FECHA_MAXIMA),
        st.datetimes(datetime.combine(FECHA_MINIMA, time()), datetime.combine(FECHA_MAXIMA, time()),
                     timezones=_OFFSETS),
    )


def plain_values(
    leaves: st.SearchStrategy[Any] | None = None,
    keys: st.SearchStrategy[str] | None = None,
    max_leaves: int = 15,
) -> st.SearchStrategy[Any]:
    """Nested dicts (text keys, often schema field names) and lists of :func:`scalars`."""
    if keys is None:
        keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=10))
    return st.recursive(
        scalars() if leaves is None else leaves,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(keys, children, max_size=5),
        ),
        max_leaves=max_leaves,
    )


_SafeDumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's, when present


class _Dumper(_SafeDumper):  # type: ignore[misc]
    """``yaml.safe_dump``'s dumper, writing a Decimal as the plain number it is."""


def _represent_decimal(dumper: Any, value: Decimal) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:float", format(value, "f"))


_Dumper.add_representer(Decimal, _represent_decimal)


def to_yaml(value: Any) -> str:
    """``value`` as YAML text, the way ``yaml.safe_dump`` writes it (keys in their order)."""
    text: str = yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    return text


def yaml_documents(values: st.SearchStrategy[Any] | None = None) -> st.SearchStrategy[str]:
    """:func:`plain_values` (or ``values``) rendered as YAML text."""
    return (plain_values() if values is None else values).map(to_yaml)


@lru_cache(maxsize=8)
def _sample_root(text: str) -> dict[str, Any]:
    """The sample read by the project's reader (values keep their exact types); never mutated."""
    root = read_yaml(text, "muestra.yaml").root
    assert isinstance(root, dict)
    return root


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


def _copy_with(root: Any, path: tuple[Any, ...], change: Any) -> Any:
    """A deep copy of ``root`` where ``change(parent, last_key)`` edits the parent of ``path``."""
    if not path:
        return root
    copy: Any = dict(root) if isinstance(root, dict) else list(root)
    head, rest = path[0], path[1:]
    if rest:
        copy[head] = _copy_with(copy[head], rest, change)
    else:
        change(copy, head)
    return copy


@lru_cache(maxsize=8)
def _sample_paths(text: str) -> tuple[tuple[Any, ...], ...]:
    return tuple(_paths(_sample_root(text)))


_REPLACEMENTS = plain_values(max_leaves=6)
_NEW_KEYS = st.one_of(st.sampled_from(FIELD_NAMES), st.text(min_size=1, max_size=10))


@st.composite
def perturbed_documents(draw: st.DrawFn, sample: str = CONVOCATORIA_MINIMA) -> str:
    """A valid sample with one change: a value replaced, a key dropped or a key misspelled."""
    path = draw(st.sampled_from(_sample_paths(sample)))
    kind = draw(st.sampled_from(["replace", "drop", "rename"]))
    if kind == "replace":
        new = draw(_REPLACEMENTS)

        def change(parent: Any, key: Any) -> None:
            parent[key] = new

    elif kind == "drop":

        def change(parent: Any, key: Any) -> None:
            del parent[key]

    else:
        new_key = draw(_NEW_KEYS)

        def change(parent: Any, key: Any) -> None:
            if isinstance(parent, dict):
                parent[new_key] = parent.pop(key)
            else:
                parent[key] = {new_key: parent[key]}

    return to_yaml(_copy_with(_sample_root(sample), path, change))


@st.composite
def mutated_text(draw: st.DrawFn, sample: str = CONVOCATORIA_MINIMA) -> str:
    """A valid sample with one textual mutation, as a careless edit would leave it."""
    lines = sample.splitlines(keepends=True)
    kind = draw(st.sampled_from(
        ["delete line", "duplicate line", "swap lines", "swap chars", "delete char", "insert char"]
    ))
    if kind.endswith("line") or kind.endswith("lines"):
        at = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        if kind == "delete line":
            del lines[at]
        elif kind == "duplicate line":
            lines.insert(at, lines[at])
        elif at + 1 < len(lines):
            lines[at], lines[at + 1] = lines[at + 1], lines[at]
        return "".join(lines)
    at = draw(st.integers(min_value=0, max_value=len(sample) - 1))
    if kind == "swap chars":
        if at + 1 < len(sample):
            return sample[:at] + sample[at + 1] + sample[at] + sample[at + 2:]
        return sample
    if kind == "delete char":
        return sample[:at] + sample[at + 1:]
    char = draw(st.one_of(st.sampled_from(" \t\n:-#{}[],'\"&*!|>?%@`"), st.characters()))
    return sample[:at] + char + sample[at:]


@st.composite
def corrupted_bytes(draw: st.DrawFn, sample: str = CONVOCATORIA_MINIMA) -> bytes:
    """A valid sample's UTF-8 bytes with one byte replaced by up to four arbitrary ones."""
    raw = sample.encode("utf-8")
    at = draw(st.integers(min_value=0, max_value=len(raw) - 1))
    return raw[:at] + draw(st.binary(max_size=4)) + raw[at + 1:]


# --- Calendars ------------------------------------------------------------------------------

_MX = ZoneInfo("America/Mexico_City")
_ZONES = st.sampled_from(
    [ZoneInfo("UTC"), _MX, ZoneInfo("America/Tijuana"), ZoneInfo("America/Cancun"),
     ZoneInfo("Europe/Madrid"), ZoneInfo("Asia/Tokyo"), timezone(timedelta(hours=-6)),
     timezone(timedelta(hours=5, minutes=30))]
)


def aware_instants(
    near: tuple[datetime, ...] = (),
    lo: datetime = datetime(2022, 6, 1),
    hi: datetime = datetime(2028, 1, 1),
) -> st.SearchStrategy[datetime]:
    """Aware instants in any of several zones: anywhere in [lo, hi), or within a minute of one of
    the instants ``near`` (window bounds), where answers change."""
    anywhere = st.datetimes(min_value=lo, max_value=hi, timezones=_ZONES)
    if not near:
        return anywhere
    close = st.tuples(st.sampled_from(near), st.integers(-60, 60), st.sampled_from([0, 500_000]), _ZONES).map(
        lambda t: (t[0] + timedelta(seconds=t[1], microseconds=t[2])).astimezone(t[3])
    )
    return st.one_of(anywhere, close)


@st.composite
def ventanas(draw: st.DrawFn) -> Ventana:
    """Windows with day or exact bounds (or no start), either inclusiveness, sometimes hours."""
    start_day = draw(st.dates(min_value=date(2023, 1, 1), max_value=date(2026, 12, 1)))
    length = draw(st.integers(0, 40))
    end_day = start_day + timedelta(days=length)
    exact = st.tuples(st.integers(0, 23), st.integers(0, 59)).map(lambda hm: time(*hm))
    desde: date | datetime | None = start_day
    if draw(st.booleans()):
        desde = datetime.combine(start_day, draw(exact), tzinfo=_MX)
    elif draw(st.integers(0, 5)) == 0:
        desde = None
    hasta: date | datetime = end_day
    if draw(st.booleans()):
        hasta = datetime.combine(end_day, draw(exact), tzinfo=_MX)
        if isinstance(desde, datetime) and hasta < desde:
            hasta = desde
    horario = None
    if draw(st.integers(0, 3)) == 0:
        dias = tuple(draw(st.sets(st.sampled_from(list(DiaSemana)), min_size=1)))
        opens = draw(st.integers(0, 22))
        horario = Horario(tuple(sorted(dias, key=lambda d: d.numero)), time(opens, 0),
                          time(draw(st.integers(opens + 1, 23)), 30), "horario de prueba")
    return Ventana(
        draw(st.sampled_from(list(Accion))), "ventana de prueba", "art. de prueba", desde, hasta,
        incluye_desde=draw(st.booleans()) if isinstance(desde, datetime) else True,
        incluye_hasta=draw(st.booleans()) if isinstance(hasta, datetime) else True,
        horario=horario,
    )


# --- Identifiers (CURP) -----------------------------------------------------------------------
# Valid CURPs are built from their parts; the check digit comes from python-stdnum, not from the
# code under test.

from stdnum.mx import curp as _stdnum_curp  # noqa: E402

from residencias.domain.curp import ESTADOS, PALABRAS_INCONVENIENTES  # noqa: E402

__all__ += ["curps_tecleadas", "curps_validas", "textos_curp"]

_MAYUSCULAS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_CONSONANTES_CURP = "BCDFGHJKLMNPQRSTVWXYZ"


def _palabra(alfabeto: str, largo: int) -> st.SearchStrategy[str]:
    """``largo`` characters of ``alfabeto``, drawn as one integer (far fewer choices to make)."""

    def decode(n: int) -> str:
        chars = []
        for _ in range(largo):
            n, i = divmod(n, len(alfabeto))
            chars.append(alfabeto[i])
        return "".join(chars)

    return st.integers(0, len(alfabeto) ** largo - 1).map(decode)


_INICIALES = _palabra(_MAYUSCULAS, 4).filter(lambda t: t not in PALABRAS_INCONVENIENTES)
_DIAS = st.integers(0, 73_048)  # days from 1900-01-01 to 2099-12-31
_SEXOS = st.sampled_from("HM")
_CLAVES_ESTADO = st.sampled_from(sorted(ESTADOS))
_CONSONANTES_INTERNAS = _palabra(_CONSONANTES_CURP, 3)
_HOMOCLAVE_1900 = st.sampled_from("0123456789")
_HOMOCLAVE_2000 = st.sampled_from(_MAYUSCULAS)


@st.composite
def curps_validas(draw: st.DrawFn) -> str:
    """A valid CURP in canonical form: 4 letters (no inconvenient word), a real birth date from
    1900 to 2099, H or M, a state code, 3 consonants, a homoclave that tells the century (a digit
    before 2000, a letter from 2000 on) and the check digit python-stdnum computes."""
    nacimiento = date(1900, 1, 1) + timedelta(days=draw(_DIAS))
    cuerpo = (
        draw(_INICIALES)
        + nacimiento.strftime("%y%m%d")
        + draw(_SEXOS)
        + draw(_CLAVES_ESTADO)
        + draw(_CONSONANTES_INTERNAS)
        + draw(_HOMOCLAVE_1900 if nacimiento.year < 2000 else _HOMOCLAVE_2000)
    )
    return cuerpo + _stdnum_curp.calc_check_digit(cuerpo + "0")


_MASCARAS = st.integers(0, 2**18 - 1)  # bit i: character i in lower case
_SEPARADORES = st.lists(
    st.tuples(st.integers(0, 18), st.sampled_from([" ", "-", "  ", "\t", " - "])), max_size=5
)


@st.composite
def curps_tecleadas(draw: st.DrawFn) -> tuple[str, str]:
    """``(as typed, canonical)``: a valid CURP in mixed case, with blanks and hyphens between
    some characters and around it."""
    canonica = draw(curps_validas())
    minusculas = draw(_MASCARAS)
    chars = [c.lower() if minusculas >> i & 1 else c for i, c in enumerate(canonica)]
    for at, separador in sorted(draw(_SEPARADORES), reverse=True):
        chars.insert(at, separador)
    return "".join(chars), canonica


_CAMBIOS = st.sampled_from(["replace", "delete", "insert", "cut", "any"])
_CARACTERES_CERCANOS = st.one_of(st.sampled_from("ÑñAEIOU0123456789 -XZ&"), st.characters())


@st.composite
def textos_curp(draw: st.DrawFn) -> str:
    """Text near a CURP: a valid one with a character replaced, deleted, inserted (often Ñ, a
    vowel, a digit or a blank), cut short or lengthened; or any text at all."""
    kind = draw(_CAMBIOS)
    if kind == "any":
        return draw(st.text(max_size=30))
    canonica = draw(curps_validas())
    at = draw(st.integers(min_value=0, max_value=len(canonica) - 1))
    char = draw(_CARACTERES_CERCANOS)
    if kind == "replace":
        return canonica[:at] + char + canonica[at + 1:]
    if kind == "delete":
        return canonica[:at] + canonica[at + 1:]
    if kind == "insert":
        return canonica[:at] + char + canonica[at:]
    return canonica[:at]


# --- Scores: grades on base 100 and declared publications (CER 6.1, sección 7) ---------------

from residencias.domain.publicaciones import (  # noqa: E402
    FuenteEvidencia,
    TipoPublicacion,
)
from residencias.domain.publicaciones import Publicacion as PublicacionDeclarada  # noqa: E402


def calificaciones_base_100(places: int = 3) -> st.SearchStrategy[Decimal]:
    """Exact base-100 grades from 0 to 100, with up to ``places`` decimals."""
    return st.decimals(min_value=0, max_value=100, places=places, allow_nan=False, allow_infinity=False)


_ISSNS = ("0028-0836", "0140-6736", "1533-4406", "0098-7484", "1756-1833", "0003-4819")

# For each fact: the values that meet 7.1, and any value it may take (unfavourable ones included).
_HECHOS: dict[str, tuple[st.SearchStrategy[Any], st.SearchStrategy[Any]]] = {
    "tipo": (st.sampled_from([TipoPublicacion.ESTUDIO_DE_COHORTES, TipoPublicacion.REVISION_SISTEMATICA]),
             st.sampled_from(list(TipoPublicacion))),
    "posicion_autoria": (st.integers(1, 2), st.integers(1, 12)),
    "issn": (st.sampled_from(_ISSNS), st.sampled_from((*_ISSNS, False))),
    "indexada_medline": (st.just(True), st.booleans()),
    "fecha_publicacion": (st.dates(date(2023, 3, 1), date(2024, 12, 1)),
                          st.dates(date(2020, 1, 1), date(2026, 12, 31))),
    "seres_humanos": (st.just(True), st.booleans()),
    "durante_curso_prerrequisito": (st.just(True), st.booleans()),
    "relacionada_con_prerrequisito": (st.just(True), st.booleans()),
    "area_medicina_humana": (st.just(True), st.booleans()),
    "fuente": (st.just(FuenteEvidencia.PUBMED), st.sampled_from(list(FuenteEvidencia))),
}
_FAVORABLES = st.fixed_dictionaries({name: good for name, (good, _) in _HECHOS.items()})
_CUALESQUIERA = st.fixed_dictionaries(
    {name: st.one_of(good, good, anything, st.none()) for name, (good, anything) in _HECHOS.items()}
)
_TITULOS = st.sampled_from(["Cohorte de sepsis", "Ensayo en asma", "Caso raro", "Revisión"])
_IDENTIFICADOR = st.sampled_from(["si", "si", "si", "no", "desconocido"])


@st.composite
def publicaciones_declaradas(draw: st.DrawFn, numero: int = 0) -> PublicacionDeclarada:
    """A declared publication: half the time every fact meets 7.1, else each fact is drawn from
    favourable, unfavourable and unknown (``None``) values. ``numero`` makes the DOI and PMID
    unique within a list (a repeated one is refused)."""
    facts = draw(st.one_of(_FAVORABLES, _CUALESQUIERA))
    doi, pmid = draw(_IDENTIFICADOR), draw(_IDENTIFICADOR)
    return PublicacionDeclarada(
        titulo=f"{draw(_TITULOS)} {numero}",
        doi={"si": f"10.1000/prueba.{numero}", "no": False}.get(doi),
        pmid={"si": str(30_000_000 + numero), "no": False}.get(pmid)
        if facts["fuente"] is not FuenteEvidencia.PUBMED else None,
        **facts,
    )


@st.composite
def listas_de_publicaciones(draw: st.DrawFn, max_size: int = 14) -> list[PublicacionDeclarada]:
    """Lists of declared publications with distinct DOIs and PMIDs."""
    size = draw(st.integers(0, max_size))
    return [draw(publicaciones_declaradas(numero=n)) for n in range(size)]


# ---------------------------------------------------------------------------------------------
# JPEG-like bytes, for residencias.rules.jpeg (added with tests/test_revision_archivos.py).
#
# - jpeg_like_bytes: arbitrary bytes, or a JPEG signature followed by a few pieces (segments with
#   right or wrong declared lengths, JFIF and EXIF segments with random fields and offsets, scans
#   with stuffed bytes and restart markers, end-of-image markers, raw bytes), then sometimes cut
#   short or with one byte replaced: enough to reach every branch of the segment walk.

__all__ += ["jpeg_like_bytes"]


def _jpeg_segment(marker: int, payload: bytes, declared: int | None = None) -> bytes:
    length = len(payload) + 2 if declared is None else declared
    return bytes([0xFF, marker]) + (length & 0xFFFF).to_bytes(2, "big") + payload


@st.composite
def _jpeg_jfif_segments(draw: st.DrawFn) -> bytes:
    fields = bytes([draw(st.integers(0, 255)) for _ in range(3)])
    density = b"".join(draw(st.integers(0, 0xFFFF)).to_bytes(2, "big") for _ in range(2))
    payload = b"JFIF\x00" + fields + density + draw(st.binary(max_size=4))
    return _jpeg_segment(0xE0, payload[: draw(st.integers(5, len(payload)))])


@st.composite
def _jpeg_exif_segments(draw: st.DrawFn) -> bytes:
    """EXIF segments: often well formed (IFD0 at 8, values after the entries), often not."""
    order = draw(st.sampled_from([b"II", b"MM", b"II", b"MM", b"XX"]))
    endian: Any = "little" if order == b"II" else "big"
    tags = draw(st.permutations([0x011A, 0x011B, 0x0128, 0x0112, 0xFFFF]))
    n = draw(st.integers(0, 4))
    data_at = 8 + 2 + 12 * n + 4
    area = draw(st.binary(min_size=8 * n, max_size=8 * n + 16))
    entries = b""
    for index in range(n):
        tag = tags[index]
        kind = draw(st.sampled_from([5, 5, 5, 3, 3, 4, 10, 0]))
        value = draw(st.one_of(st.just(data_at + 8 * index), st.integers(0, 3), st.integers(0, 0xFFFFFFFF)))
        entries += tag.to_bytes(2, endian) + kind.to_bytes(2, endian) + (1).to_bytes(4, endian)
        entries += value.to_bytes(4, endian)
    count = draw(st.one_of(st.just(n), st.just(n), st.integers(0, 0xFFFF)))
    offset = draw(st.one_of(st.just(8), st.just(8), st.integers(0, 64), st.integers(0, 0xFFFFFFFF)))
    magic = draw(st.sampled_from([42, 42, 42, 43]))
    tiff = order + magic.to_bytes(2, endian) + offset.to_bytes(4, endian) + count.to_bytes(2, endian)
    tiff += entries + b"\x00" * 4 + area
    return _jpeg_segment(0xE1, b"Exif\x00\x00" + tiff)


_JPEG_SCAN_BYTES = st.lists(
    st.one_of(st.binary(min_size=1, max_size=4), st.sampled_from([b"\xff\x00", b"\xff\xd3", b"\xff\xff"])),
    max_size=6,
).map(b"".join)

_JPEG_PIECES = st.one_of(
    st.builds(_jpeg_segment, st.integers(0, 255), st.binary(max_size=20)),
    st.builds(_jpeg_segment, st.integers(0, 255), st.binary(max_size=20), st.integers(0, 0xFFFF)),
    _jpeg_jfif_segments(),
    _jpeg_exif_segments(),
    st.builds(lambda head, body: _jpeg_segment(0xC0, head) + body, st.binary(max_size=8), st.just(b"")),
    st.builds(lambda head, scan: _jpeg_segment(0xDA, head) + scan, st.binary(max_size=6), _JPEG_SCAN_BYTES),
    st.sampled_from([b"\xff\xd9", b"\xff\xd8", b"\xff\xd0", b"\xff\x00", b"\xff\xff", b"\xff"]),
    st.binary(max_size=8),
)


@st.composite
def jpeg_like_bytes(draw: st.DrawFn) -> bytes:
    """Arbitrary bytes, or bytes built like a JPEG and then perhaps cut short or corrupted."""
    if draw(st.integers(0, 4)) == 0:
        return draw(st.binary(max_size=64))
    data = b"\xff\xd8" + b"".join(draw(st.lists(_JPEG_PIECES, max_size=8)))
    action = draw(st.integers(0, 3))
    if action == 1 and len(data) > 2:
        data = data[: draw(st.integers(2, len(data) - 1))]
    elif action == 2 and len(data) > 2:
        at = draw(st.integers(2, len(data) - 1))
        data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1 :]
    elif action == 3:
        data += b"\xff\xd9"
    return data


# --- Expedientes for the rule evaluator --------------------------------------------------------

_CEMES = ("Medicina interna", "Pediatría", "Anestesiología", "Cirugía general", "Neurocirugía", "Neurología",
          "Gineco obstetricia", "Psiquiatría")
_CERS = ("Cardiología", "Neonatología", "Neurocirugía pediátrica", "Terapia Endovascular Neurológica",
         "Hematología", "Urología", "Reumatología pediátrica")
DOCUMENT_KINDS = (
    "IDENTIFICACION", "IDENTIFICACION1", "IDENTIFICACION2", "ACTADENACIMIENTO", "CURP", "TITULO", "TITULO1",
    "TITULO2", "CEDULA", "CERTIFICADO", "CONSTANCIACEME", "INTERNADO", "SERVICIOSOCIAL", "CONSTANCIAENARM",
    "PUNTAJENARM", "SOLICITUD", "BT09", "TARJETONDEPAGO", "TARJETONPADRE", "DIPLOMAINSTITUCIONAL",
    "CARTACOMPROMISOTITULO", "CARTACOMPROMISOCEDULA", "DOCUMENTOMIGRATORIO", "OFICIOSUFICIENCIA",
    "OFICIOSUFICIENCIAREQUISITOPREVIO", "HISTORIAACADEMICA", "GRADOESPECIALISTA",
)
_MAYBE_BOOL = st.one_of(st.none(), st.booleans())


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


documentos = st.builds(
    Documento,
    tipo=st.sampled_from(DOCUMENT_KINDS),
    expedido_en_extranjero=_MAYBE_BOOL,
    apostillado=_MAYBE_BOOL,
    notariado=_MAYBE_BOOL,
    traducido=_MAYBE_BOOL,
    en_espanol=_MAYBE_BOOL,
    vigente=_MAYBE_BOOL,
    emitido_por_universidad=_MAYBE_BOOL,
    copia_certificada=_MAYBE_BOOL,
    firmado_tinta_azul=_MAYBE_BOOL,
    ultima_impresion=_MAYBE_BOOL,
)
"""Documents of the kinds the bundled rules name, with any formalities stated or not."""


def _unique_kinds(docs: list[Documento]) -> tuple[Documento, ...]:
    return tuple({d.tipo: d for d in docs}.values())


@st.composite
def expedientes(draw: st.DrawFn, convocatoria: str = "imss-cer-2026-2027") -> Expediente:
    """Well-typed expedientes: each fact stated or absent, values drawn from those the rules read."""
    antecedentes = Antecedentes(**{f.name: draw(_MAYBE_BOOL) for f in attrs.fields(Antecedentes)})
    trabajador = draw(_maybe(st.builds(
        TrabajadorIMSS, plaza_definitiva=_MAYBE_BOOL, marca_ocupacion=_maybe(st.sampled_from(["00", "01"])),
        antiguedad_anios=_maybe(st.decimals(min_value=0, max_value=30, places=1)),
        relacion_laboral_vigente=_MAYBE_BOOL)))
    selections = [date(2026, 2, 16), date(2026, 2, 17), date(2026, 2, 18)]
    constancia = draw(_maybe(st.builds(
        ConstanciaENARM, edicion=_maybe(st.integers(40, 50)),
        categoria=_maybe(st.sampled_from(list(Nacionalidad))),
        sede=_maybe(st.sampled_from(["HGZ 1", "CMN SXXI"])),
        subsede=_maybe(st.sampled_from(["UMF 2", "HGR 1"])),
        fecha_seleccion_dgces=_maybe(st.sampled_from(selections)),
        digital_con_qr=_MAYBE_BOOL)))
    ceme = draw(_maybe(st.sampled_from(_CEMES)))
    persona = Residente(
        nacionalidad=draw(_maybe(st.sampled_from(list(Nacionalidad)))),
        categoria_enarm=draw(_maybe(st.sampled_from(list(Nacionalidad)))),
        categoria_registrada=draw(_maybe(st.sampled_from(list(Nacionalidad)))),
        estudios_licenciatura=draw(_maybe(st.sampled_from(list(Estudios)))),
        estudios_especialidad=draw(_maybe(st.sampled_from(list(Estudios)))),
        grado_de_especialista=draw(_MAYBE_BOOL),
        trabajador_imss=trabajador,
        hijo_trabajador_imss=draw(_MAYBE_BOOL),
        situacion_padre_imss=draw(_maybe(st.sampled_from(list(SituacionLaboral)))),
        constancia_enarm=constancia,
        sede_registrada=draw(_maybe(st.sampled_from(["HGZ 1", "CMN SXXI"]))),
        subsede_registrada=draw(_maybe(st.sampled_from(["UMF 2", "HGR 1"]))),
        aceptado_en_sede=draw(_MAYBE_BOOL),
        examenes_medicos_aptos=draw(_MAYBE_BOOL),
        curso_induccion_acreditado=draw(_MAYBE_BOOL),
        aval_unam_vigente=draw(_MAYBE_BOOL),
        titulo_en_tramite=draw(_MAYBE_BOOL),
        cedula_en_tramite=draw(_MAYBE_BOOL),
        servicio_social_concluido=draw(_maybe(st.dates(date(2024, 1, 1), date(2026, 12, 31)))),
        fecha_registro=draw(_maybe(st.dates(date(2023, 1, 1), date(2026, 12, 31)))),
        ingreso_previo_unam=draw(_MAYBE_BOOL),
        especialidad_a_cursar=draw(_maybe(st.sampled_from(["Pediatría", "Neonatología", "Medicina Familiar",
                                                            "Especialidad inexistente"]))),
        convalida_estudios=draw(_MAYBE_BOOL),
        convalidacion_realizada=draw(_MAYBE_BOOL),
        numero_cuenta_unam=draw(_maybe(st.sampled_from(["090258885", "EM0000001"]))),
        ultimo_periodo_inscrito=draw(_maybe(st.integers(2018, 2026))),
        curp=draw(_maybe(st.sampled_from(["TEMA950315MNLRXN03", "XXXX999999XXXXXX99"]))),
        antecedentes=antecedentes,
        ceme=ceme,
        grado=draw(_maybe(st.integers(1, 6))) if ceme is not None else None,
        institucion=draw(_maybe(st.sampled_from(["Secretaría de Salud", "ISSSTE", "IMSS", "I.M.S.S.",
                                                 "Hospital Ángeles", "IMSS-Bienestar"]))),
        ingreso_ced_por_enarm=draw(_MAYBE_BOOL),
        inscrito_ceme_ciclo_2025_2026=draw(_MAYBE_BOOL),
        grado_aprobado_ciclo_2025_2026=draw(_MAYBE_BOOL),
        grados_previos_aprobados=draw(_MAYBE_BOOL),
        cer_solicitado=draw(_maybe(st.sampled_from(_CERS))),
    )
    docs = draw(_maybe(st.lists(documentos, max_size=len(DOCUMENT_KINDS)).map(_unique_kinds)))
    return Expediente(convocatoria, persona, docs, archivos_conformes=draw(_MAYBE_BOOL),
                      archivos_legibles=draw(_MAYBE_BOOL))


# --- Assignment (CER 6.2) --------------------------------------------------------------------

from itertools import permutations, product  # noqa: E402

from residencias.assignment.concurso import Concurso, Solicitud  # noqa: E402
from residencias.domain.sede import Sede  # noqa: E402

__all__ += ["CERS_ASIGNACION", "PUNTAJES_EMPATADOS", "concursos_asignacion", "listas_de_concursos"]

CERS_ASIGNACION = ("Cardiología", "Nefrología", "Neurología")
"""CER names the specialty catalogue knows, for competitions (each CER is one competition)."""

PUNTAJES_EMPATADOS = (*(Decimal(n) for n in range(60, 65)), Decimal("87.5"), Decimal("87.50"),
                      Decimal("100.5"))
"""Few PI-IMSS values, so that ties are frequent; ``87.5`` and ``87.50`` are the same score."""

_SEDES_ASIGNACION = (("CMN-SXXI", None), ("HE-LA-RAZA", None), ("HGR-1", "UMF-20"), ("HGR-1", None),
                     ("UMAE-25", None), ("HGZ-2", "UMF-7"), ("HP-CMN", None), ("HGO-4", None))
_GRADOS_ASIGNACION = (None, Decimal(0), Decimal(80), Decimal(90), Decimal("90.0"), Decimal(100))
# EFISER, promedio de posgrado and ENARM: all three need the convocatoria's formula, so at most two;
# a third of the time none (one draw each: generation dominates the cost of these tests)
_TRIOS_ASIGNACION = st.sampled_from([(None, None, None)] * 45
                                    + [t for t in product(_GRADOS_ASIGNACION, repeat=3) if None in t])
_PUNTAJE_ASIGNACION = st.sampled_from(PUNTAJES_EMPATADOS)
# zero-padded and plain digits (``"000045"`` and ``"45"`` are different folios), and a few others
_FOLIOS_ASIGNACION = st.sampled_from([f for n in range(300) for f in (f"{n:06d}", str(n))]
                                     + ["A-1", "A-10", "B-7", "X", "0x1F", "12A"] * 20)


@lru_cache(maxsize=256)
def _listas_de_sedes(ids: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Every ordered subset of ``ids``, interleaved by length: index ``i`` has length
    ``i % (len(ids) + 1)``, so one drawn integer gives every length equally often (0: empty)."""
    por_largo = [list(permutations(ids, k)) for k in range(len(ids) + 1)]
    largos = len(por_largo)
    total = largos * max(len(p) for p in por_largo)
    return tuple(por_largo[i % largos][(i // largos) % len(por_largo[i % largos])] for i in range(total))


def _concurso_asignacion(draw: st.DrawFn, cer: str, folios: list[str], max_sedes: int,
                         max_plazas: int) -> Concurso:
    chosen = draw(st.lists(st.sampled_from(_SEDES_ASIGNACION), min_size=1, max_size=max_sedes, unique=True))
    plazas_y_nombre = st.sampled_from(list(product(range(max_plazas + 1), [None, "Hospital"])))
    sedes = [Sede(clave, *draw(plazas_y_nombre), subsede=subsede) for clave, subsede in chosen]
    listas = _listas_de_sedes(tuple(s.identificador for s in sedes))
    opciones = st.integers(0, len(listas) - 1).map(listas.__getitem__)
    aspirantes = [Solicitud(folio, draw(opciones), draw(_PUNTAJE_ASIGNACION), *draw(_TRIOS_ASIGNACION))
                  for folio in folios]
    return Concurso(cer, sedes, aspirantes)


@st.composite
def concursos_asignacion(draw: st.DrawFn, max_sedes: int = 6, max_aspirantes: int = 12,
                         max_plazas: int = 3) -> Concurso:
    """One valid competition of a CER: 1..``max_sedes`` sedes (some subsedes, ``clave/subsede``)
    with 0..``max_plazas`` plazas each; up to ``max_aspirantes`` applicants with unique folios
    (zero-padded and plain digits, so ``"000045"`` and ``"45"`` may meet, and a few non-digit
    ones), each with an ordered subset of the sedes (possibly empty), a PI-IMSS from
    :data:`PUNTAJES_EMPATADOS` and sometimes up to two tie-break grades (EFISER, promedio de
    posgrado, ENARM: all three would need the convocatoria's formula)."""
    cer = draw(st.sampled_from(CERS_ASIGNACION))
    folios = draw(st.lists(_FOLIOS_ASIGNACION, max_size=max_aspirantes, unique=True))
    return _concurso_asignacion(draw, cer, folios, max_sedes, max_plazas)


@st.composite
def listas_de_concursos(draw: st.DrawFn, max_concursos: int = 2, max_sedes: int = 6, max_aspirantes: int = 12,
                        max_plazas: int = 3) -> list[Concurso]:
    """1..``max_concursos`` competitions as :func:`concursos_asignacion`, with distinct CERs and
    no folio in two of them (a folio takes part once, in one CER)."""
    cers = draw(st.lists(st.sampled_from(CERS_ASIGNACION), min_size=1, max_size=max_concursos, unique=True))
    folios = draw(st.lists(_FOLIOS_ASIGNACION, max_size=max_aspirantes * len(cers), unique=True))
    cuts = sorted(draw(st.integers(0, len(folios))) for _ in cers[1:])
    parts = [folios[a:b] for a, b in zip([0, *cuts], [*cuts, len(folios)], strict=True)]
    return [_concurso_asignacion(draw, cer, part[:max_aspirantes], max_sedes, max_plazas)
            for cer, part in zip(cers, parts, strict=True)]


# --- histories of a person in a convocatoria's process -------------------------------------------



from residencias.domain.historia import Dato, Evento, Historia  # noqa: E402
from residencias.domain.personas import Residente  # noqa: E402
from residencias.domain.proceso import CampoDato, TipoDato  # noqa: E402
from residencias.loading.files import load_convocatoria  # noqa: E402
from residencias.process.estado import EventoRechazadoError  # noqa: E402
from residencias.process.registro import registrar  # noqa: E402
from residencias.process.replay import Corrida  # noqa: E402

OFFSETS = st.sampled_from([timezone(timedelta(hours=h, minutes=m)) for h, m in
                           ((-6, 0), (0, 0), (-12, 0), (14, 0), (5, 30), (-3, -30), (9, 0))])
"""Fixed UTC offsets an instant may be written in (any offset is the same instant)."""

_CER_PAIRS = (("Pediatría", 3, "Neonatología"), ("Medicina interna", 2, "Cardiología"),
              ("Cirugía General", 4, "Coloproctología"))


@st.composite
def aspirantes_de_proceso(draw: st.DrawFn) -> Residente:
    """The facts a process reads to decide what applies: a CEME/grado/CER (in or out of Tabla 4),
    a DGCES selection date (staggered registration), nationality and IMSS employment; any may be
    unknown."""
    ceme, grado, cer = draw(st.sampled_from(_CER_PAIRS))
    seleccion = draw(st.sampled_from([None, date(2026, 2, 16), date(2026, 2, 17), date(2026, 2, 18)]))
    return Residente(
        ceme=ceme, grado=grado, cer_solicitado=cer,
        nacionalidad=draw(st.sampled_from([None, Nacionalidad.MEXICANA, Nacionalidad.EXTRANJERA])),
        categoria_enarm=draw(st.sampled_from([None, Nacionalidad.MEXICANA, Nacionalidad.EXTRANJERA])),
        constancia_enarm=ConstanciaENARM(fecha_seleccion_dgces=seleccion),
        trabajador_imss=draw(st.sampled_from([None, TrabajadorIMSS(relacion_laboral_vigente=True),
                                              TrabajadorIMSS(relacion_laboral_vigente=False)])),
        titulo_en_tramite=draw(st.sampled_from([None, True, False])),
        curp=draw(st.sampled_from([None, "GOMC960512MDFRRL05"])),
    )


def _valor(draw: st.DrawFn, campo: CampoDato, instante: datetime) -> Any:
    if campo.tipo is TipoDato.TEXTO:
        return draw(st.sampled_from(["x", "HE CMN La Raza", "CER-000001"]))
    if campo.tipo is TipoDato.BOOLEANO:
        return draw(st.booleans())
    if campo.tipo is TipoDato.FECHA:
        return instante.date() + timedelta(days=draw(st.integers(0, 40)))
    return (instante + timedelta(minutes=draw(st.integers(0, 60 * 24 * 20)))).replace(second=0, microsecond=0)


def inicio_de(conv: Any) -> datetime:
    """When a convocatoria's process starts: its publication, or, where the document gives none
    (UNAM), the opening of its earliest window."""
    if conv.publicacion.fecha_hora is not None:
        return conv.publicacion.fecha_hora  # type: ignore[no-any-return]
    zona = ZoneInfo(conv.zona_horaria.nombre)
    opens = [i for v in conv.calendario.ventanas if (i := v.inicio(zona)) is not None]
    return min(opens)


@st.composite
def historias_de_proceso(draw: st.DrawFn, convocatoria: str, max_eventos: int = 14) -> Historia:
    """A history the library accepts, grown one event at a time with :func:`registrar`: each try
    draws an action (nine times in ten one the current status allows, else any, sanctions and
    renuncias included) and an instant, most often inside that action's window for the person as
    the history stands (so that the whole lifecycle is explored), sometimes anywhere ahead; events
    the documents refuse are dropped. Instants come in random UTC offsets."""
    conv = load_convocatoria(convocatoria)
    assert conv.proceso is not None
    acciones = conv.proceso.acciones
    historia = Historia(convocatoria, (), draw(aspirantes_de_proceso()))
    t = inicio_de(conv) - timedelta(days=draw(st.integers(0, 3)))
    for _ in range(draw(st.integers(0, max_eventos))):
        corrida = Corrida(conv, historia)
        corrida.run(t)
        posibles = [a for a in acciones if corrida.estatus in a.desde and not a.eventual]
        if posibles and draw(st.integers(0, 9)) > 0:
            accion = draw(st.sampled_from(posibles))
        else:
            accion = draw(st.sampled_from(acciones))
        ventana = corrida.ventana(accion)
        jump = timedelta(minutes=draw(st.integers(0, 60 * 24 * 60)))
        instante = t + jump
        if ventana is not None and ventana.fin is not None and draw(st.integers(0, 3)) > 0:
            start = max(t, ventana.inicio or t)
            if ventana.fin > start:
                span = int((ventana.fin - start).total_seconds())
                instante = start + timedelta(seconds=draw(st.integers(0, span)))
        instante = instante.astimezone(draw(OFFSETS)).replace(microsecond=0)
        if instante < t:
            continue
        datos = tuple(Dato(c.nombre, _valor(draw, c, instante)) for c in accion.datos
                      if c.obligatorio or draw(st.booleans()))
        try:
            historia = registrar(conv, historia, Evento(accion.id, instante, datos))
        except EventoRechazadoError:
            continue
        t = instante
    return historia


# --- text that a report must escape ----------------------------------------------------------------

_MARCADO = ("<script>", "</script>", "<img src=x onerror=alert(1)>", "</svg>", "<svg onload=alert(1)>",
            "<![CDATA[", "]]>", "<!--", "-->", "&", "&amp;", "&#60;", '"', "'", "`", "{{", "}}", "{%",
            "\x00", "\x0b", "\x1f", "\u2028", "\ufeff", "\U0001f600", "javascript:", "#", " ")


def textos_con_marcado(max_piezas: int = 5) -> st.SearchStrategy[str]:
    """Non-blank text of markup pieces (:data:`_MARCADO`) and arbitrary text between them."""
    pieza = st.one_of(st.sampled_from(_MARCADO), st.text(max_size=4))
    return st.lists(pieza, min_size=1, max_size=max_piezas).map("".join).filter(lambda t: bool(t.strip()))
