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

>>> to_yaml({"nota": Decimal("87.512"), "grado": 3, "texto": "no"})
"nota: 87.512\\ngrado: 3\\ntexto: 'no'\\n"
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import yaml
from hypothesis import strategies as st

from residencias.calendars import Accion, DiaSemana, Horario, Ventana
from residencias.domain import (
    CatalogoEspecialidades,
    CicloAcademico,
    Convocatoria,
    Documento,
    Errata,
    Especialidad,
    EspecificacionArchivo,
    Expediente,
    Fuente,
    Inconsistencia,
    PrerrequisitoCER,
    Publicacion,
    Residente,
    TablaCER,
    TablasCER,
    TextoCitado,
    ZonaHoraria,
)
from residencias.loading.yaml_reader import read_yaml

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
    data = resources.files("residencias").joinpath("data", "convocatorias", identificador + ".yaml")
    return data.read_text(encoding="utf-8")


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
    Decimal, date, datetime."""
    return st.one_of(
        st.text(max_size=20) if texts is None else texts,
        st.sampled_from(FIELD_NAMES),
        st.integers(),
        st.integers(min_value=-2, max_value=6),
        st.booleans(),
        st.none(),
        st.decimals(places=3, allow_nan=False, allow_infinity=False),
        st.dates(),
        st.datetimes(timezones=_OFFSETS),
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


@st.composite
def curps_validas(draw: st.DrawFn) -> str:
    """A valid CURP in canonical form: 4 letters (no inconvenient word), a real birth date from
    1900 to 2099, H or M, a state code, 3 consonants, a homoclave that tells the century (a digit
    before 2000, a letter from 2000 on) and the check digit python-stdnum computes."""
    iniciales = draw(_palabra(_MAYUSCULAS, 4).filter(lambda t: t not in PALABRAS_INCONVENIENTES))
    nacimiento = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
    homoclave = draw(st.sampled_from("0123456789" if nacimiento.year < 2000 else _MAYUSCULAS))
    cuerpo = (
        iniciales
        + nacimiento.strftime("%y%m%d")
        + draw(st.sampled_from("HM"))
        + draw(st.sampled_from(sorted(ESTADOS)))
        + draw(_palabra(_CONSONANTES_CURP, 3))
        + homoclave
    )
    return cuerpo + _stdnum_curp.calc_check_digit(cuerpo + "0")


@st.composite
def curps_tecleadas(draw: st.DrawFn) -> tuple[str, str]:
    """``(as typed, canonical)``: a valid CURP in mixed case, with blanks and hyphens between
    some characters and around it."""
    canonica = draw(curps_validas())
    minusculas = draw(st.integers(0, 2 ** len(canonica) - 1))  # bit i: character i in lower case
    chars = [c.lower() if minusculas >> i & 1 else c for i, c in enumerate(canonica)]
    separadores = draw(st.lists(
        st.tuples(st.integers(0, len(canonica)), st.sampled_from([" ", "-", "  ", "\t", " - "])),
        max_size=5,
    ))
    for at, separador in sorted(separadores, reverse=True):
        chars.insert(at, separador)
    return "".join(chars), canonica


@st.composite
def textos_curp(draw: st.DrawFn) -> str:
    """Text near a CURP: a valid one with a character replaced, deleted, inserted (often Ñ, a
    vowel, a digit or a blank), cut short or lengthened; or any text at all."""
    kind = draw(st.sampled_from(["replace", "delete", "insert", "cut", "any"]))
    if kind == "any":
        return draw(st.text(max_size=30))
    canonica = draw(curps_validas())
    at = draw(st.integers(min_value=0, max_value=len(canonica) - 1))
    char = draw(st.one_of(st.sampled_from("ÑñAEIOU0123456789 -XZ&"), st.characters()))
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


def _maybe(values: st.SearchStrategy[Any], none_weight: int = 1) -> st.SearchStrategy[Any]:
    return st.one_of(*([st.none()] * none_weight), values)


@st.composite
def publicaciones_declaradas(
    draw: st.DrawFn, numero: int = 0, completa: bool | None = None
) -> PublicacionDeclarada:
    """A declared publication: every fact drawn, often the favourable one, sometimes unknown
    (``None``) or unfavourable. ``numero`` makes the DOI and PMID unique within a list;
    ``completa=True`` draws no unknown fact."""
    favourable = draw(st.integers(0, 2)) > 0
    known = completa if completa is not None else draw(st.booleans())

    def fact(good: Any, bad: st.SearchStrategy[Any]) -> Any:
        value = good if favourable else draw(st.one_of(st.just(good), bad))
        if not known and draw(st.integers(0, 4)) == 0:
            return None
        return value

    return PublicacionDeclarada(
        titulo=draw(st.sampled_from(["Cohorte de sepsis", "Ensayo en asma", "Caso raro", "Revisión"]))
        + f" {numero}",
        tipo=fact(draw(st.sampled_from([TipoPublicacion.ESTUDIO_DE_COHORTES,
                                        TipoPublicacion.REVISION_SISTEMATICA])),
                  st.sampled_from(list(TipoPublicacion))),
        posicion_autoria=fact(draw(st.integers(1, 2)), st.integers(1, 12)),
        issn=fact(draw(st.sampled_from(_ISSNS)), st.just(False)),
        doi=fact(f"10.1000/prueba.{numero}", st.just(False)),
        pmid=fact(str(30_000_000 + numero), st.none()),
        indexada_medline=fact(True, st.booleans()),
        fecha_publicacion=fact(draw(st.dates(date(2023, 3, 1), date(2024, 12, 1))),
                               st.dates(date(2020, 1, 1), date(2026, 12, 31))),
        seres_humanos=fact(True, st.booleans()),
        durante_curso_prerrequisito=fact(True, st.booleans()),
        area_medicina_humana=fact(True, st.booleans()),
        fuente=fact(FuenteEvidencia.PUBMED, st.sampled_from(list(FuenteEvidencia))),
    )


@st.composite
def listas_de_publicaciones(draw: st.DrawFn, max_size: int = 14) -> list[PublicacionDeclarada]:
    """Lists of declared publications with distinct DOIs and PMIDs (a repeated one is refused)."""
    size = draw(st.integers(0, max_size))
    return [draw(publicaciones_declaradas(numero=n)) for n in range(size)]
