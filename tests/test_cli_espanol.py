"""A Spanish command line through and through: argparse's own words (usage, headings, complaints)
in Spanish, every argument with its help, the exit codes in every ``--help``, and the English of
the standard library (csv, json, the recursion limit) put in Spanish where it reaches the user."""

from __future__ import annotations

import argparse
import ast
import gettext
import inspect
import re
from pathlib import Path

import pytest

from residencias.cli import _parser
from residencias.cli._traduccion import (
    CATALOGO,
    CATALOGO_PLURAL,
    en_espanol,
    ngettext,
    traducir,
    traducir_fragmentos,
)
from tests.cli_correr import correr

ROOT = Path(__file__).parent.parent
ENGLISH = re.compile(
    r"\b(usage|show this help|positional arguments|options:|the following arguments|invalid choice|"
    r"expected one argument|unrecognized arguments|required|error:|argument |choose from|default:|"
    r"ambiguous|not allowed|field larger|Expecting|recursion|nesting)\b"
)


def _argparse_messages() -> tuple[set[str], set[tuple[str, str]]]:
    """Every literal message argparse passes through gettext, read from its source (this Python's)."""
    singles: set[str] = set()
    plurals: set[tuple[str, str]] = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        literals = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if node.func.id == "_" and len(literals) == 1:
            singles.add(literals[0])
        elif node.func.id == "ngettext" and len(literals) == 2:
            plurals.add((literals[0], literals[1]))
    return singles, plurals


def test_the_catalogue_has_every_message_of_this_pythons_argparse() -> None:
    singles, plurals = _argparse_messages()
    assert len(singles) > 25
    assert singles - set(CATALOGO) == set()
    assert plurals - set(CATALOGO_PLURAL) == set()


def test_translations_keep_their_placeholders() -> None:
    for english, spanish in CATALOGO.items():
        placeholders = re.compile(r"%\(\w+\)[sr]|%[sr]")
        assert placeholders.findall(english) == placeholders.findall(spanish), english
    for (one, many), (uno, varios) in CATALOGO_PLURAL.items():
        assert one.count("%s") == uno.count("%s") and many.count("%s") == varios.count("%s")
    assert ngettext("expected %s argument", "expected %s arguments", 1) == "se esperaba %s valor"
    assert ngettext("expected %s argument", "expected %s arguments", 2) == "se esperaban %s valores"


def test_argparse_speaks_spanish_only_inside_the_command() -> None:
    before = argparse.__dict__["_"]
    with en_espanol():
        assert argparse.__dict__["_"] is traducir
    assert argparse.__dict__["_"] is before is gettext.gettext
    assert correr("--help").codigo == 0
    assert argparse.__dict__["_"] is gettext.gettext  # restored after a run


def _every_parser() -> list[tuple[str, argparse.ArgumentParser]]:
    with en_espanol():
        parser = _parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return [("residencias", parser), *((f"residencias {n}", p) for n, p in sub.choices.items())]


@pytest.mark.parametrize(("name", "parser"), _every_parser(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_argument_has_help(name: str, parser: argparse.ArgumentParser) -> None:
    for action in parser._actions:
        assert action.help and action.help != argparse.SUPPRESS, (name, action.dest)
        assert not ENGLISH.search(action.help), (name, action.help)


@pytest.mark.parametrize("orden", [n.removeprefix("residencias").strip() for n, _ in _every_parser()])
def test_every_help_is_spanish_and_states_the_exit_codes(orden: str) -> None:
    run = correr(*([orden] if orden else []), "--help")
    assert run.codigo == 0 and run.errores == ""
    text = run.salida
    assert text.startswith(f"uso: residencias {orden}".rstrip() + " ")
    assert "\nopciones:\n" in text
    assert "muestra esta ayuda y termina" in text
    assert "--depurar" in text
    assert "códigos de salida:\n  0    respuesta positiva" in text
    for code in ("  1    respuesta negativa", "  2    entrada inválida", "  3    error interno",
                 "  141  ", "  130  "):
        assert code in text, (orden, code)
    assert not ENGLISH.search(text), ENGLISH.search(text)


@pytest.mark.parametrize(("argv", "expected"), [
    ((), "faltan argumentos obligatorios: ORDEN"),
    (("asignar",), "faltan argumentos obligatorios: CONCURSO"),
    (("evaluar", "imss-cer-2026-2027"), "faltan argumentos obligatorios: EXPEDIENTE, --en"),
    (("asignr",), "argumento ORDEN: valor no válido: 'asignr' (elija entre 'convocatorias', "),
    (("asignr",), "¿quiso decir 'asignar'?"),
    (("documentos", "imss-cer-2026-2027", "--categoria", "extranjera"), "¿quiso decir 'extranjero'?"),
    (("cer", "--ceme"), "argumento --ceme: se esperaba un valor"),
    (("lint", "a", "b"), "argumentos no reconocidos: b"),
    (("convocatorias", "--js"), "argumentos no reconocidos: --js"),  # no abbreviations
    (("cer", "--ceme", "Pediatría", "--grado", "2.5"), "argumento --grado: '2.5' no es un número entero"),
    (("calendario", "imss-cer-2026-2027", "--en", "mañana"), "'mañana' no es un instante ISO 8601"),
    (("calendario", "imss-cer-2026-2027", "--registro", "2026-02-30"),
     "'2026-02-30' no es una fecha AAAA-MM-DD"),
    (("puntaje", "--efiser", "NaN", "--promedio", "1", "--enarm", "1"), "'NaN' no es un número finito"),
])
def test_argument_errors_are_spanish_in_one_line(argv: tuple[str, ...], expected: str) -> None:
    for extra in ((), ("--json",)):
        run = correr(*argv, *extra)
        assert run.codigo == 2
        assert run.errores.count("\n") == 1
        assert run.errores.startswith("residencias: argumentos inválidos: ")
        assert expected in run.errores
        assert "--help'" in run.errores
        assert not ENGLISH.search(run.errores), run.errores
        if extra:
            error = run.json["error"]
            assert error["tipo"] == "argumentos_invalidos"
            assert expected in error["mensaje"]


@pytest.mark.parametrize(("english", "spanish"), [
    ("CSV mal formado (field larger than field limit (131072))",
     "CSV mal formado (un campo supera el límite de 131072 caracteres)"),
    ("CSV mal formado (',' expected after '\"')", "CSV mal formado (se esperaba ',' después de '\"')"),
    ("CSV mal formado (unexpected end of data)",
     "CSV mal formado (los datos terminan antes de tiempo (¿unas comillas sin cerrar?))"),
    ("JSON ilegible (Expecting value: line 1 column 5 (char 4))",
     "JSON ilegible (se esperaba un valor en la línea 1, columna 5)"),
    ("x (Expecting ',' delimiter: line 3 column 1 (char 9))",
     "x (se esperaba el separador ',' en la línea 3, columna 1)"),
    ("maximum recursion depth exceeded while calling a Python object", "anidamiento demasiado profundo"),
    ("exceeded maximum nesting depth", "anidamiento demasiado profundo"),
    ("no se pudo leer el archivo (Permission denied)", "no se pudo leer el archivo (Permission denied)"),
])
def test_standard_library_english_is_put_in_spanish(english: str, spanish: str) -> None:
    assert traducir_fragmentos(english) == spanish


def _csv_dir(tmp_path: Path, aspirantes: str) -> Path:
    (tmp_path / "sedes.csv").write_text("cer,clave,plazas\nCardiología,S1,1\n", encoding="utf-8")
    (tmp_path / "aspirantes.csv").write_text(aspirantes, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("text", "spanish"), [
    ("a: !x!y foo\n", "sintaxis YAML inválida (prefijo de etiqueta no definido)"),
    ("%YAML 2.0\n---\na: 1\n", "(documento YAML incompatible (se requiere la versión 1.x))"),
    ('a: "\\x4"\n', "(se esperaba un número hexadecimal)"),
    ("a: &\n", "(se esperaba una letra o un dígito)"),
    ("a: !<foo\n", "(no se encontró el '>' esperado)"),
])
def test_libyaml_english_is_put_in_spanish_end_to_end(tmp_path: Path, text: str, spanish: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    run = correr("mostrar", str(path))
    assert run.codigo == 2
    assert spanish in run.errores
    assert run.errores.isascii() is False and not re.search(r"\b(found|did not|expected)\b", run.errores)


@pytest.mark.parametrize(("aspirantes", "spanish"), [
    ("folio,cer,puntaje,opciones\n1,Cardiología,80," + "S" * 140_000 + "\n", "un campo supera el límite de"),
    ('folio,cer,puntaje,opciones\n1,Cardiología,80,"S1\n', "los datos terminan antes de tiempo"),
    ('folio,cer,puntaje,opciones\n1,Cardiología,80,"S1"x\n', "se esperaba ',' después de '\"'"),
])
def test_a_broken_csv_is_said_in_spanish_end_to_end(tmp_path: Path, aspirantes: str, spanish: str) -> None:
    directory = _csv_dir(tmp_path, aspirantes)
    for extra in ((), ("--json",)):
        run = correr("asignar", str(directory), *extra)
        assert run.codigo == 2
        assert spanish in run.errores
        assert not ENGLISH.search(run.errores), run.errores
        if extra:
            assert spanish in run.json["error"]["problemas"][0]["mensaje"]
