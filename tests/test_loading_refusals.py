"""Each refusal of the loader, on a real bad file, at the right line and column.

The files of ``tests/data/bad`` are, unless their first line says otherwise, copies of
:data:`~tests.strategies.CONVOCATORIA_MINIMA` or :data:`~tests.strategies.EXPEDIENTE_MINIMO`
with one defect, described on their first line; :func:`test_derived_bad_file_has_one_defect`
checks that. Files that must not be committed as such (over 5 MiB, NUL and control characters)
are written here, in ``tmp_path``.
"""

from __future__ import annotations

import codecs
import difflib
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from residencias.domain import Convocatoria, Expediente
from residencias.errors import DataFileError, ResidenciasError
from residencias.loading import yaml_reader
from residencias.loading.files import load_convocatoria, load_expediente
from residencias.loading.structure import structure_document
from residencias.loading.yaml_reader import MAX_BYTES, read_yaml, read_yaml_bytes
from tests.strategies import CONVOCATORIA_MINIMA, EXPEDIENTE_MINIMO

BAD = Path(__file__).parent / "data" / "bad"

C = "convocatoria"
E = "expediente"
LOADERS: dict[str, Callable[[Path], object]] = {C: load_convocatoria, E: load_expediente}
BASES = {C: CONVOCATORIA_MINIMA, E: EXPEDIENTE_MINIMO}

# (file, loaded as, line, column, fragment of the first problem's message)
REFUSALS: list[tuple[str, str, int, int, str]] = [
    # Reading: syntax, and what YAML allows but this library does not.
    ("sintaxis-coma-faltante.yaml", C, 33, 49, "sintaxis YAML inválida: falta una ','"),
    ("sintaxis-sangria.yaml", C, 8, 4, "sintaxis YAML inválida: no se encontró la clave esperada"),
    ("varios-documentos.yaml", E, 18, 1, "más de un documento YAML"),
    ("clave-duplicada.yaml", C, 32, 9, "clave duplicada 'grado' (ya definida en la línea 31)"),
    ("ancla.yaml", C, 6, 13, "ancla '&dirigida' no permitida"),
    ("alias.yaml", C, 39, 9, "alias '*neonatologia' no permitido"),
    ("etiqueta-python.yaml", C, 5, 9, "etiqueta YAML 'tag:yaml.org,2002:python/object/apply:os.system'"),
    ("etiqueta-propia.yaml", C, 13, 11, "etiqueta YAML '!zona' no permitida"),
    ("clave-fusion.yaml", C, 33, 10, "clave de fusión '<<' no permitida"),
    ("clave-numerica.yaml", C, 28, 5, "clave '2026' no es texto"),
    ("texto-no.yaml", C, 21, 14, "'no' es ambiguo en YAML (se lee como booleano)"),
    ("booleano-yes.yaml", E, 17, 16, "'yes' es ambiguo en YAML"),
    ("numero-octal.yaml", C, 25, 13, "número '010' ambiguo"),
    ("numero-guion-bajo.yaml", C, 46, 23, "número '1_024' ambiguo"),
    ("numero-hexadecimal.yaml", C, 45, 21, "número '0xC8' ambiguo"),
    ("numero-sexagesimal.yaml", C, 45, 21, "número '3:20' ambiguo"),
    ("numero-infinito.yaml", C, 46, 23, "número '.inf' no admitido"),
    ("fecha-hora-sin-zona.yaml", C, 10, 15, "fecha y hora '2026-03-09T18:00:00' sin zona horaria"),
    ("fecha-imposible.yaml", C, 19, 8, "fecha '2027-02-29' inexistente"),
    ("anidamiento-profundo.yaml", E, 3, 75, "anidamiento de más de 64 niveles"),
    ("vacio.yaml", E, 1, 1, "archivo vacío"),
    ("solo-comentarios.yaml", E, 1, 1, "archivo vacío"),
    ("latin1.yaml", E, 4, 17, "el archivo no es UTF-8 (byte 0xe9)"),
    ("mezcla-utf8-latin1.yaml", E, 4, 23, "el archivo no es UTF-8 (byte 0xe9)"),
    # Structuring: types, keys, enumerations.
    ("clave-desconocida.yaml", C, 14, 3, "clave desconocida 'articlo'; ¿quiso decir 'articulo'?"),
    ("clave-desconocida-acento.yaml", C, 29, 9, "falta la clave obligatoria 'articulo'"),
    ("falta-clave.yaml", C, 29, 9, "falta la clave obligatoria 'ceme'"),
    ("entero-entre-comillas.yaml", C, 31, 16,
     "se esperaba un número entero, se encontró el texto '2'; quite las comillas"),
    ("entero-con-decimales.yaml", C, 33, 57, "se esperaba un número entero, se encontró el número 8.9"),
    ("entero-booleano.yaml", C, 35, 13, "se esperaba un número entero, se encontró el booleano true"),
    ("texto-booleano.yaml", C, 47, 14, "se esperaba texto, se encontró el booleano true"),
    ("texto-vacio.yaml", C, 4, 13, "se esperaba texto, se encontró un valor vacío (null)"),
    ("booleano-si.yaml", E, 16, 18, "se esperaba true o false, se encontró el texto 'si'"),
    ("fecha-sin-hora.yaml", C, 10, 15,
     "se esperaba una fecha y hora con desfase UTC, p. ej. 2026-03-09T18:00:00-06:00, "
     "se encontró la fecha 2026-03-09"),
    ("lista-por-mapa.yaml", C, 10, 3, "se esperaba un mapa (clave: valor), se encontró una lista"),
    ("raiz-lista.yaml", E, 2, 1, "se esperaba un mapa (clave: valor), se encontró una lista"),
    ("mapa-por-lista.yaml", C, 51, 14, "se esperaba una lista, se encontró un mapa"),
    ("mapa-por-lista-expediente.yaml", E, 8, 5, "se esperaba una lista, se encontró un mapa"),
    ("enum-institucion.yaml", C, 3, 14, "valor 'ISSSTE' no admitido; ¿quiso decir 'IMSS'?; "
     "valores válidos: IMSS, UNAM"),
    ("enum-participante.yaml", C, 42, 19, "valor 'todo' no admitido; ¿quiso decir 'todos'?"),
    ("enum-nacionalidad.yaml", E, 5, 17, "valor 'Mexicana' no admitido; ¿quiso decir 'mexicana'?"),
    # Validators of the domain classes.
    ("validador-grado-cero.yaml", C, 33, 57, "'grado' vale 0; se esperaba un entero mayor o igual a 1"),
    ("validador-grado-cero-expediente.yaml", E, 9, 10, "'grado' vale 0"),
    ("validador-zona-horaria.yaml", C, 13, 11, "zona horaria 'America/Ciudad_de_Mexico' desconocida"),
    ("validador-id.yaml", C, 2, 5, "identificador 'Prueba CER 2026' inválido"),
    ("validador-ciclo.yaml", C, 19, 8, "el ciclo termina (2026-02-28) antes de empezar (2027-03-01)"),
    ("expediente-grado-sin-ceme.yaml", E, 8, 10, "hay 'grado' sin 'ceme'"),
]

# Files written from scratch rather than copied from a sample with one defect.
NOT_DERIVED = {
    "varios-documentos.yaml", "vacio.yaml", "solo-comentarios.yaml", "raiz-lista.yaml",
    "anidamiento-profundo.yaml", "latin1.yaml", "mezcla-utf8-latin1.yaml",
}


def _refusal(loader: str, path: Path) -> DataFileError:
    with pytest.raises(DataFileError) as info:
        LOADERS[loader](path)
    return info.value


@pytest.mark.parametrize(
    ("name", "loader", "linea", "columna", "fragmento"),
    REFUSALS,
    ids=[row[0].removesuffix(".yaml") for row in REFUSALS],
)
def test_bad_file_is_refused_at_its_place(
    name: str, loader: str, linea: int, columna: int, fragmento: str
) -> None:
    path = BAD / name
    err = _refusal(loader, path)
    assert isinstance(err, ResidenciasError)
    assert (err.linea, err.columna) == (linea, columna), str(err)
    assert fragmento in err.problemas[0].mensaje
    assert err.archivo == str(path)
    assert str(err).startswith(f"{path}:{linea}:{columna}: {err.problemas[0].mensaje}")
    assert "\n" not in str(err), "un mensaje cabe en una línea"


def test_every_bad_file_is_in_the_table() -> None:
    on_disk = sorted(p.name for p in BAD.iterdir())
    assert on_disk == sorted(row[0] for row in REFUSALS)


@pytest.mark.parametrize(
    ("name", "loader"),
    [(row[0], row[1]) for row in REFUSALS if row[0] not in NOT_DERIVED],
    ids=[row[0].removesuffix(".yaml") for row in REFUSALS if row[0] not in NOT_DERIVED],
)
def test_derived_bad_file_has_one_defect(name: str, loader: str) -> None:
    """Past its first line (the description of the defect), the file differs from its sample in
    one place only, so the refusal is about that defect and nothing else."""
    bad = (BAD / name).read_text(encoding="utf-8").splitlines()
    base = BASES[loader].splitlines()
    assert bad[0].startswith("# Defecto: ")
    hunks = [op for op in difflib.SequenceMatcher(None, base[1:], bad[1:]).get_opcodes()
             if op[0] != "equal"]
    assert len(hunks) == 1, hunks


@pytest.mark.parametrize(("loader", "text"), [(C, CONVOCATORIA_MINIMA), (E, EXPEDIENTE_MINIMO)])
def test_the_samples_load(loader: str, text: str, tmp_path: Path) -> None:
    path = tmp_path / "muestra.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = LOADERS[loader](path)
    assert isinstance(loaded, Convocatoria if loader == C else Expediente)


def test_misspelt_key_reports_both_the_missing_and_the_unknown_key() -> None:
    err = _refusal(C, BAD / "clave-desconocida-acento.yaml")
    assert [(p.linea, p.columna) for p in err.problemas] == [(29, 9), (32, 9)]
    assert "clave desconocida 'artículo'; ¿quiso decir 'articulo'?" in err.problemas[1].mensaje
    assert str(err).endswith("(y 1 problema más)")


# Refusals of files that are not committed: written here.


def _write(tmp_path: Path, data: bytes | str) -> Path:
    path = tmp_path / "archivo.yaml"
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_file_over_max_bytes_is_refused_before_reading(tmp_path: Path) -> None:
    text = CONVOCATORIA_MINIMA.encode("utf-8")
    padding = b"# relleno\n" * ((MAX_BYTES - len(text)) // 10 + 1)
    path = _write(tmp_path, text + padding)
    assert path.stat().st_size > MAX_BYTES
    err = _refusal(C, path)
    assert (err.linea, err.columna) == (1, 1)
    assert "archivo demasiado grande" in str(err)
    assert f"el máximo es {MAX_BYTES} bytes (5 MiB)" in str(err)


def test_file_of_exactly_max_bytes_is_read(tmp_path: Path) -> None:
    text = EXPEDIENTE_MINIMO.encode("utf-8")
    path = _write(tmp_path, text + b"#" * (MAX_BYTES - len(text)))
    assert path.stat().st_size == MAX_BYTES
    assert isinstance(load_expediente(path), Expediente)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="sin /dev/zero")
def test_endless_device_is_refused_not_read_forever() -> None:
    err = _refusal(E, Path("/dev/zero"))
    assert "es un dispositivo, no un archivo regular" in str(err)


@pytest.mark.parametrize(
    ("inserted", "fragmento"),
    [("\x00", "carácter nulo"), ("\x01", "carácter U+0001 no permitido"),
     ("\x7f", "carácter U+007F no permitido")],
)
def test_control_character_is_refused_at_its_place(
    inserted: str, fragmento: str, tmp_path: Path
) -> None:
    text = EXPEDIENTE_MINIMO.replace('"ISSSTE"', f'"ISS{inserted}STE"')
    err = _refusal(E, _write(tmp_path, text))
    assert (err.linea, err.columna) == (10, 20)
    assert fragmento in str(err)


def test_lone_surrogate_in_text_is_refused() -> None:
    with pytest.raises(DataFileError, match=r"^x\.yaml:2:4: carácter U\+D800"):
        read_yaml("a: 1\nb: \ud800\n", "x.yaml")


def test_bad_byte_after_a_bom_is_reported_in_characters_after_the_bom() -> None:
    with pytest.raises(DataFileError) as info:
        read_yaml_bytes(codecs.BOM_UTF8 + 'a: "Ñu'.encode() + b"\xe9" + b'"\n', "x.yaml")
    assert (info.value.linea, info.value.columna) == (1, 7)
    assert "(byte 0xe9)" in str(info.value)


def test_missing_file_and_directory_are_refused(tmp_path: Path) -> None:
    err = _refusal(E, tmp_path / "no-existe.yaml")
    assert "no se pudo leer el archivo" in str(err)
    err = _refusal(E, tmp_path)
    assert "es un directorio" in str(err)
    err = _refusal(E, Path("exp\x00ediente.yaml"))
    assert "nombre de archivo inválido" in str(err)


@pytest.mark.parametrize(
    ("text", "linea", "columna", "fragmento"),
    [
        ("titulo: Convocatoria: CER\n", 1, 21, "no se permite un valor de mapa aquí"),
        ("lugares: [9.1, Tabla 4\n", 2, 1, "falta una ',' o el ']' que cierra la lista"),
        ("fila: {cer: A ceme: B}\n", 1, 19, "falta una ',' o la '}' que cierra el mapa"),
        ("a: 1\n- b\n", 2, 1, "no se encontró la clave esperada"),
        ("a:\n  - b\n  c: 1\n", 3, 3, "no se encontró el '-' esperado de la lista"),
        ("a: 1\n...\nb: 2\n", 3, 1, "contenido inesperado tras el fin del documento"),
        ('a: "sin cerrar\n', 2, 1, "el archivo termina antes de cerrar una estructura"),
        ("a: @b\n", 1, 4, "carácter que no puede iniciar un elemento"),
        ("\ta: 1\n", 1, 1, "carácter que no puede iniciar un elemento"),
        ('a: "\\q"\n', 1, 5, "secuencia de escape desconocida"),
    ],
)
def test_common_syntax_errors_are_explained_in_spanish(
    text: str, linea: int, columna: int, fragmento: str
) -> None:
    with pytest.raises(DataFileError) as info:
        read_yaml(text, "x.yaml")
    err = info.value
    assert (err.linea, err.columna) == (linea, columna), str(err)
    assert f"sintaxis YAML inválida: {fragmento}" in str(err)


@pytest.mark.parametrize(
    ("text", "linea", "columna", "fragmento"),
    [
        ('convocatoria: x\n"a\\nb": 1\n', 2, 1, r"clave desconocida 'a\nb'"),
        ('convocatoria: x\n"a\\rb": 1\n"a\\rb": 2\n', 3, 1, r"clave duplicada 'a\rb'"),
        ('convocatoria: x\naspirante: {nacionalidad: "mexi\\u2028cana"}\n', 2, 27,
         r"valor 'mexi\u2028cana' no admitido"),
        ('convocatoria: "\\n\\n"\naspirante: {grado: "1\\n"}\n', 2, 20, r"el texto '1\n'"),
    ],
)
def test_quoted_line_breaks_do_not_break_the_message_line(
    text: str, linea: int, columna: int, fragmento: str
) -> None:
    with pytest.raises(DataFileError) as info:
        structure_document(read_yaml(text, "x.yaml"), Expediente)
    err = info.value
    assert (err.linea, err.columna) == (linea, columna), str(err)
    assert fragmento in str(err)
    assert len(str(err).splitlines()) == 1


def test_integer_too_long_for_python_is_refused_not_crashed() -> None:
    with pytest.raises(DataFileError, match=r"^x\.yaml:2:8: número de 5000 caracteres demasiado largo"):
        read_yaml("a: 1\ngrado: " + "9" * 5000 + "\n", "x.yaml")


# What the strict reader keeps, exactly.


@attrs.frozen
class _Calificacion:
    promedio: Decimal
    cuando: datetime


def test_decimals_are_exact_never_float() -> None:
    root = read_yaml("promedio: 87.512\notros: [0.1, -2.50, '3.125', 10]\n", "x.yaml").root
    assert root == {"promedio": Decimal("87.512"),
                    "otros": [Decimal("0.1"), Decimal("-2.50"), "3.125", 10]}
    assert isinstance(root, dict)
    assert type(root["promedio"]) is Decimal
    assert str(root["otros"][1]) == "-2.50"
    document = read_yaml("promedio: 87.512\ncuando: 2026-03-09T18:00:00-06:00\n", "x.yaml")
    loaded = structure_document(document, _Calificacion)
    assert type(loaded.promedio) is Decimal
    assert str(loaded.promedio) == "87.512"
    assert loaded.promedio * 1000 == 87512


@pytest.mark.parametrize(
    ("written", "expected"),
    [("87.512", Decimal("87.512")), ("'87.512'", Decimal("87.512")), ("10", Decimal(10))],
)
def test_decimal_field_takes_a_number_or_quoted_decimal_text(
    written: str, expected: Decimal
) -> None:
    document = read_yaml(f"promedio: {written}\ncuando: 2026-03-09T18:00:00Z\n", "x.yaml")
    loaded = structure_document(document, _Calificacion)
    assert loaded.promedio == expected
    assert type(loaded.promedio) is Decimal


def test_aware_datetimes_keep_their_offset(tmp_path: Path) -> None:
    convocatoria = load_convocatoria(_write(tmp_path, CONVOCATORIA_MINIMA))
    fecha_hora = convocatoria.publicacion.fecha_hora
    assert fecha_hora is not None
    assert fecha_hora.utcoffset() == timedelta(hours=-6)
    assert fecha_hora.isoformat() == "2026-03-09T18:00:00-06:00"
    assert convocatoria.ciclo_academico.inicio == date(2026, 3, 1)
    utc = read_yaml("a: 2026-03-09 18:00:00.5 Z\nb: 2026-03-09T18:00:00+05:30\n", "x.yaml").root
    assert utc == {
        "a": datetime(2026, 3, 9, 18, 0, 0, 500000, tzinfo=UTC),
        "b": datetime(2026, 3, 9, 18, 0, tzinfo=timezone(timedelta(hours=5, minutes=30))),
    }


def test_quoted_number_like_text_stays_text(tmp_path: Path) -> None:
    text = EXPEDIENTE_MINIMO.replace('  grado: 3\n', '  grado: 3\n  folio: "010"\n  curp: \'no\'\n')
    persona = load_expediente(_write(tmp_path, text)).aspirante
    assert persona.folio == "010"
    assert persona.curp == "no"
    root = read_yaml("a: '010'\nb: \"1_000\"\nc: '0x1F'\nd: '1:30'\ne: 'yes'\n", "x.yaml").root
    assert root == {"a": "010", "b": "1_000", "c": "0x1F", "d": "1:30", "e": "yes"}


@pytest.mark.parametrize(("loader", "text"), [(C, CONVOCATORIA_MINIMA), (E, EXPEDIENTE_MINIMO)])
def test_bom_prefixed_file_loads_like_the_same_file_without_it(
    loader: str, text: str, tmp_path: Path
) -> None:
    plain = LOADERS[loader](_write(tmp_path, text))
    with_bom = LOADERS[loader](_write(tmp_path, codecs.BOM_UTF8 + text.encode("utf-8")))
    assert with_bom == plain


def test_bom_does_not_shift_reported_columns(tmp_path: Path) -> None:
    for data in (b"convocatoria: 12\n", codecs.BOM_UTF8 + b"convocatoria: 12\n"):
        err = _refusal(E, _write(tmp_path, data))
        assert (err.linea, err.columna) == (1, 15)
        assert "se esperaba texto, se encontró el entero 12" in str(err)


def test_the_meaning_of_a_plain_scalar_does_not_depend_on_what_was_read_before(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader keeps the kind of the plain scalars it has resolved (a fixture repeats its sede
    names thousands of times), up to a bound: read with a full memory, an empty one, or none,
    every value and every position are the same."""
    text = ("a: [x, 1, 1.50, 2026-03-09, 'no', true, null, ~, HGR-0001, 2026-03-09T10:00:00-06:00]\n"
            "b: {c: 12, 'd': e}\n")

    def read() -> tuple[object, list[object]]:
        doc = read_yaml(text, "ej.yaml")
        return doc.root, [doc.position(("a", k)) for k in range(10)] + [doc.key_position(("b", "d"))]

    first = read()
    assert read() == first  # with the kinds of the first reading kept
    monkeypatch.setattr(yaml_reader, "_KINDS", {})
    monkeypatch.setattr(yaml_reader, "_MAX_KINDS", 0)  # nothing kept: each resolved anew
    assert read() == first
    assert first[0] == {"a": ["x", 1, Decimal("1.50"), date(2026, 3, 9), "no", True, None, None, "HGR-0001",
                              datetime(2026, 3, 9, 10, tzinfo=timezone(timedelta(hours=-6)))],
                        "b": {"c": 12, "d": "e"}}
    with pytest.raises(DataFileError, match=r"ej.yaml:1:5: 'no' es ambiguo"):
        read_yaml("a: [no]\n", "ej.yaml")
