"""Every subcommand, with and without ``--json``, on every bundled convocatoria and every example of
``examples/``: the exit code is 0, 1 or 2 as the README says (1 exactly when the JSON answer is a
negative one, 2 with one line per problem and nothing on the standard output), never a traceback,
the same code with and without ``--json``, and JSON that follows its schema (``docs/esquemas/``).

Paths that depend on the test's temporary directory are written ``{nombre}`` in a case and filled
in by the fixture ``lugares``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import residencias
from residencias.domain.archivos import Participante
from tests.cli_correr import correr, revisar
from tests.test_revision_archivos import BUENO, PNG, expediente

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
EXPEDIENTES_DIR = EXAMPLES / "expedientes"
EXPEDIENTES = sorted(EXPEDIENTES_DIR.glob("*.yaml"))
HISTORIAS_DIR = EXAMPLES / "historias"
HISTORIAS = sorted(p for p in HISTORIAS_DIR.glob("*") if p.suffix in {".yaml", ".json"})
CONVOCATORIAS = residencias.convocatorias_disponibles()
ASIGNACION = EXAMPLES / "asignacion"
CATEGORIAS = ("mexicano-mexico", "mexicano-extranjero", "extranjero", "trabajador-imss",
              "hijo-trabajador-imss")
INSTANTES = {
    "imss-cer-2026-2027": "2026-03-10T12:00:00-06:00",
    "imss-enarm-xlix-2026-tercer-periodo": "2026-02-19T12:00:00-06:00",
    "imss-enarm-xlvi-2023": "2023-02-20T12:00:00-06:00",
    "unam-primer-ingreso-2026": "2026-01-20T12:00:00-06:00",
    "unam-regularizacion-2025": "2025-07-10T12:00:00-06:00",
}


def _cases() -> Iterator[tuple[str, ...]]:
    yield ("convocatorias",)
    yield ("lint",)
    for c in CONVOCATORIAS:
        yield ("mostrar", c)
        yield ("lint", c)
        yield ("calendario", c)
        yield ("calendario", c, "--en", INSTANTES[c], "--seleccion-dgces", "2026-02-17",
               "--registro", "2026-02-18", "--ics", "{dir}/calendario.ics")
        yield ("documentos", c)
        yield ("documentos", c, *(x for cat in CATEGORIAS for x in ("--categoria", cat)))
        yield ("cer", "--ceme", "Medicina interna", "--grado", "2", "--convocatoria", c)
        yield ("cer", "--ceme", "Medicina interna", "--grado", "3", "--convocatoria", c)
        yield ("puntaje", "--efiser", "80", "--promedio", "90", "--enarm", "70", "--convocatoria", c,
               "--publicaciones", str(EXAMPLES / "puntaje" / "publicaciones.yaml"))
        for carpeta in ("{completo}", "{mezclado}", "{vacio}"):
            yield ("revisar-archivos", c, carpeta)
        yield ("flujo", c)
    for h in HISTORIAS:
        # each history against its own convocatoria, at the end of its events and a year later
        own = residencias.load_historia(h)
        last = own.eventos[-1].instante if own.eventos else None
        for en in ([last.isoformat()] if last else []) + ["2027-12-31T00:00:00-06:00"]:
            yield ("pasos", own.convocatoria, str(h), "--en", en)
        yield ("pasos", own.convocatoria, str(h), "--en", "2027-12-31T00:00:00-06:00", "--ics", "{dir}/p.ics")
    for i, e in enumerate(EXPEDIENTES):
        # each example against its own convocatoria, and against another one (a refusal, 2)
        own = re.search(r"^convocatoria: (\S+)$", e.read_text(encoding="utf-8"), re.MULTILINE)
        assert own, e
        other = [c for c in CONVOCATORIAS if c != own.group(1)][i % (len(CONVOCATORIAS) - 1)]
        for c in (own.group(1), other):
            yield ("evaluar", c, str(e), "--en", INSTANTES[c])
            yield ("preasignacion", c, str(e))
    yaml, csv = str(ASIGNACION / "cer-2026-2027.yaml"), str(ASIGNACION / "cer-2026-2027-csv")
    publicado = str(ASIGNACION / "publicado.csv")
    yield ("asignar", yaml)
    yield ("asignar", yaml, "--esperado", publicado, "--reporte", "{dir}/r.md", "--csv", "{dir}/s.csv")
    yield ("asignar", yaml, "--explicar", "736574", "--explicar", "993830")
    yield ("asignar", yaml, "--explicar", "000000")
    yield ("asignar", csv)
    yield ("asignar", csv, "--convocatoria", "imss-cer-2026-2027", "--esperado", publicado)
    yield ("asignar", str(ASIGNACION))


CASOS = list(_cases())


@pytest.fixture(scope="module")
def lugares(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    base = tmp_path_factory.mktemp("cli-matriz")
    completo, mezclado, vacio = base / "completo", base / "mezclado", base / "vacio"
    for d in (completo, mezclado, vacio):
        d.mkdir()
    for c in ("imss-enarm-xlvi-2023", "imss-enarm-xlix-2026-tercer-periodo"):
        expediente(completo, residencias.load_convocatoria(c), frozenset({Participante.MEXICANO}))
    (mezclado / "CURP.jpg").write_bytes(BUENO)
    (mezclado / "acta de nacimiento.JPG").write_bytes(BUENO)
    (mezclado / "TITULO.jpg").write_bytes(PNG)
    (mezclado / "\x1b[31mrojo.jpg").write_bytes(b"")
    return {"dir": str(base), "completo": str(completo), "mezclado": str(mezclado), "vacio": str(vacio)}


def _fill(case: tuple[str, ...], lugares: dict[str, str]) -> tuple[str, ...]:
    return tuple(arg.format(**lugares) if "{" in arg else arg for arg in case)


def _id(case: tuple[str, ...]) -> str:
    return " ".join(Path(a).name if "/" in a else a for a in case)


@pytest.mark.parametrize("case", CASOS, ids=[_id(c) for c in CASOS])
def test_every_subcommand_with_and_without_json(case: tuple[str, ...], lugares: dict[str, str]) -> None:
    argv = _fill(case, lugares)
    text = correr(*argv)
    data = correr(*argv, "--json")
    revisar(text)
    revisar(data)
    assert text.codigo == data.codigo, (text, data)


def test_the_matrix_covers_every_subcommand_and_every_answer() -> None:
    """The cases reach every subcommand and each of the exit codes 0, 1 and 2."""
    ordenes = {c[0] for c in CASOS}
    assert ordenes == {"convocatorias", "mostrar", "cer", "calendario", "evaluar", "documentos",
                       "revisar-archivos", "puntaje", "preasignacion", "asignar", "lint", "pasos", "flujo"}
    assert len(CASOS) > 120
    convocatorias_evaluadas = {c[1] for c in CASOS if c[0] == "evaluar"}
    assert convocatorias_evaluadas == set(CONVOCATORIAS)
    assert {c[2] for c in CASOS if c[0] == "evaluar"} == {str(e) for e in EXPEDIENTES}


@pytest.mark.parametrize(("case", "code"), [
    (("cer", "--ceme", "Medicina interna", "--grado", "2"), 0),
    (("cer", "--ceme", "Medicina interna", "--grado", "3"), 1),
    (("cer", "--ceme", "Medicina interna", "--grado", "2", "--convocatoria", "unam-primer-ingreso-2026"), 2),
    # over time, on 10 March, without a history, the complete file still has every step ahead: 1
    (("evaluar", "imss-cer-2026-2027", str(EXPEDIENTES_DIR / "cer-cardiologia-cumple.yaml"),
      "--en", "2026-03-10T12:00:00-06:00"), 1),
    (("evaluar", "imss-cer-2026-2027", str(EXPEDIENTES_DIR / "cer-neonatologia-pendiente-diploma.yaml"),
      "--en", "2026-05-05T00:00:00-06:00",
      "--historia", str(HISTORIAS_DIR / "cer-adscrito-neonatologia.yaml")), 0),
    (("evaluar", "imss-cer-2026-2027", str(EXPEDIENTES_DIR / "cer-grado-no-coincide.yaml"),
      "--en", "2026-03-10T12:00:00-06:00"), 1),
    (("evaluar", "unam-primer-ingreso-2026", str(EXPEDIENTES_DIR / "cer-grado-no-coincide.yaml"),
      "--en", "2026-03-10T12:00:00-06:00"), 2),
    (("preasignacion", "imss-enarm-xlvi-2023", str(EXPEDIENTES_DIR / "xlvi-extranjero-completo-cumple.yaml")),
     0),
    (("preasignacion", "imss-enarm-xlvi-2023", str(EXPEDIENTES_DIR / "xlvi-sede-distinta-no-cumple.yaml")),
     1),
    (("revisar-archivos", "imss-enarm-xlix-2026-tercer-periodo", "{completo}"), 0),
    (("revisar-archivos", "imss-enarm-xlix-2026-tercer-periodo", "{mezclado}"), 1),
    (("revisar-archivos", "imss-cer-2026-2027", "{completo}"), 2),
    (("asignar", str(ASIGNACION / "cer-2026-2027.yaml")), 0),
    (("asignar", str(ASIGNACION / "cer-2026-2027.yaml"), "--esperado", str(ASIGNACION / "publicado.csv")), 1),
    (("asignar", str(ASIGNACION / "cer-2026-2027.yaml"), "--explicar", "000000"), 2),
    (("puntaje", "--efiser", "80", "--promedio", "90", "--enarm", "70", "--convocatoria",
      "imss-enarm-xlvi-2023"), 2),
    (("lint",), 0),
])
def test_known_answers_have_their_exit_code(case: tuple[str, ...], code: int,
                                            lugares: dict[str, str]) -> None:
    for extra in ((), ("--json",)):
        run = correr(*_fill(case, lugares), *extra)
        assert run.codigo == code, run
        revisar(run)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize("case", [
    ("convocatorias",),
    ("mostrar", "imss-cer-2026-2027"),
    ("cer", "--ceme", "Neurocirugía", "--grado", "5"),
    ("calendario", "unam-primer-ingreso-2026", "--en", "2026-02-05T10:00:00-06:00"),
    ("evaluar", "imss-cer-2026-2027", str(EXPEDIENTES_DIR / "cer-grado-no-coincide.yaml"),
     "--en", "2026-03-10T12:00:00-06:00"),
    ("documentos", "imss-enarm-xlix-2026-tercer-periodo"),
    ("revisar-archivos", "imss-enarm-xlvi-2023", "{mezclado}"),
    ("puntaje", "--efiser", "80", "--promedio", "90", "--enarm", "70",
     "--publicaciones", str(EXAMPLES / "puntaje" / "publicaciones.yaml")),
    ("preasignacion", "imss-enarm-xlvi-2023", str(EXPEDIENTES_DIR / "xlvi-sede-distinta-no-cumple.yaml")),
    ("asignar", str(ASIGNACION / "cer-2026-2027.yaml"), "--explicar", "736574"),
    ("lint",),
    ("mostrar", "convocatoria-que-no-existe-ñ"),
    ("--help",),
    ("asignar", "--help"),
], ids=lambda c: c[0])
def test_an_ascii_or_latin1_terminal_gets_replacements_not_a_crash(
    case: tuple[str, ...], encoding: str, lugares: dict[str, str]
) -> None:
    argv = _fill(case, lugares)
    reference = correr(*argv)
    text = correr(*argv, encoding=encoding)
    assert text.codigo == reference.codigo
    assert "Traceback" not in text.errores
    # each character the encoding lacks is one '?'
    assert text.salida == reference.salida.encode(encoding, "replace").decode(encoding)
    assert text.errores == reference.errores.encode(encoding, "replace").decode(encoding)
    if case[0] == "--help" or "--help" in case:
        return
    data = correr(*argv, "--json", encoding=encoding)
    assert data.codigo == reference.codigo
    assert data.salida.isascii() or encoding != "ascii"
    assert data.json == correr(*argv, "--json").json  # escaped, not replaced: nothing lost
