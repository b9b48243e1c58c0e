"""What the library writes can be trusted: outputs never destroy inputs and are written atomically;
reports are safe to open (HTML, Markdown, CSV formulas, terminal escapes); the input hash
identifies the input, every field of it; the published-result comparison is strict and helpful;
and the tests that guard findings and document lists enumerate instead of sampling."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from datetime import date, datetime, timedelta
from decimal import Decimal as D  # noqa: N817
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import residencias
from residencias.assignment.canonico import entrada_sha256, numero_canonico
from residencias.assignment.concurso import Concurso, Entrada, Solicitud
from residencias.assignment.replay import SIN_SEDE, load_publicado
from residencias.assignment.validacion import ConcursoPreparado
from residencias.calendars import Calendario
from residencias.cli import main
from residencias.cli._salida import write_text
from residencias.domain.archivos import Participante
from residencias.domain.condiciones import Condicion
from residencias.domain.expediente import Documento, Expediente
from residencias.domain.hechos import FACTS
from residencias.domain.publicaciones import FuenteEvidencia, Publicacion, TipoPublicacion
from residencias.domain.reglas import TipoRegla
from residencias.domain.sede import Sede
from residencias.errors import InvalidQueryError
from residencias.escapado import celda_csv, celda_csv_original, markdown, terminal
from residencias.loading.files import convocatorias_disponibles
from residencias.loading.structure import structure_document
from residencias.loading.yaml_reader import YamlDocument
from residencias.rules.archivos import revisar_archivos
from residencias.rules.archivos.filas import check_participantes, filas_pedidas
from residencias.rules.checklist import Categoria, checklist, hechos_de_categorias
from residencias.rules.dictamen import Resultado

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "asignacion" / "cer-2026-2027.yaml"
PUBLICADO = ROOT / "examples" / "asignacion" / "publicado.csv"
CER = "imss-cer-2026-2027"
EN_CER = "2026-04-20T12:00:00-06:00"


# --- 2. outputs never destroy inputs, and are written atomically --------------------------------------------


@pytest.fixture
def audit(tmp_path: Path) -> Path:
    shutil.copy(EXAMPLE, tmp_path / "c.yaml")
    shutil.copy(PUBLICADO, tmp_path / "p.csv")
    (tmp_path / "enlace.csv").symlink_to(tmp_path / "p.csv")
    csvdir = tmp_path / "csv"
    shutil.copytree(ROOT / "examples" / "asignacion" / "cer-2026-2027-csv", csvdir)
    shutil.copy(ROOT / "data" / "convocatorias" / f"{CER}.yaml", tmp_path / "conv.yaml")
    shutil.copy(ROOT / "examples" / "historias" / "cer-adscrito-neonatologia.yaml", tmp_path / "h.yaml")
    (tmp_path / "lote").mkdir()
    shutil.copy(ROOT / "examples" / "expedientes" / "cer-cardiologia-cumple.yaml",
                tmp_path / "lote" / "a.yaml")
    return tmp_path


@pytest.mark.parametrize(
    "argv",
    [
        ["asignar", "c.yaml", "--csv", "c.yaml"],
        ["asignar", "c.yaml", "--reporte", "c.yaml"],
        ["asignar", "c.yaml", "--esperado", "p.csv", "--csv", "p.csv"],
        ["asignar", "c.yaml", "--esperado", "p.csv", "--reporte", "enlace.csv"],
        ["asignar", "c.yaml", "--esperado", "enlace.csv", "--csv", "./p.csv"],
        ["asignar", "csv", "--convocatoria", CER, "--csv", "csv/sedes.csv"],
        ["asignar", "csv", "--convocatoria", CER, "--reporte", "csv/../csv/aspirantes.csv"],
        ["asignar", "csv", "--convocatoria", "conv.yaml", "--csv", "conv.yaml"],
        ["asignar", "c.yaml", "--csv", str(ROOT / "data" / "convocatorias" / f"{CER}.yaml")],
        ["asignar", "c.yaml", "--csv", "nuevo.csv", "--reporte", "./nuevo.csv"],
        ["calendario", "conv.yaml", "--ics", "conv.yaml"],
        ["calendario", CER, "--ics", str(ROOT / "data" / "convocatorias" / f"{CER}.yaml")],
        ["calendario", CER, "--ics", str(ROOT / "data" / "especialidades.yaml")],
        ["asignar", "c.yaml", "--lectura", "rondas", "--html", "c.yaml"],
        ["pasos", CER, "h.yaml", "--en", EN_CER, "--ics", "h.yaml"],
        ["pasos", CER, "h.yaml", "--en", EN_CER, "--ics", "./h.yaml", "--json"],
        ["pasos", "conv.yaml", "h.yaml", "--en", EN_CER, "--ics", "conv.yaml"],
        ["pasos", CER, "h.yaml", "--en", EN_CER, "--ics",
         str(ROOT / "data" / "convocatorias" / f"{CER}.yaml")],
        ["evaluar", CER, "lote", "--en", EN_CER, "--csv", "lote/a.yaml"],
        ["evaluar", CER, "lote/a.yaml", "h.yaml", "--en", EN_CER, "--csv", "lote/../lote/a.yaml", "--json"],
    ],
)
def test_an_output_that_is_an_input_is_refused_before_anything_is_written(
    audit: Path, argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(audit)
    before = {p: p.read_bytes() for p in audit.rglob("*") if p.is_file()}
    bundled = {p: p.read_bytes() for p in (ROOT / "data").rglob("*.yaml")}
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "no se sobrescribe" in err or "es el mismo archivo que" in err
    assert {p: p.read_bytes() for p in audit.rglob("*") if p.is_file()} == before
    assert {p: p.read_bytes() for p in (ROOT / "data").rglob("*.yaml")} == bundled


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    audit: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    report = audit / "r.md"
    report.write_text("viejo\n")

    def broken(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("residencias.cli._salida.os.replace", broken)
    assert main(["asignar", str(audit / "c.yaml"), "--reporte", str(report)]) == 2
    assert "no se pudo escribir" in capsys.readouterr().err
    assert report.read_text() == "viejo\n"
    assert sorted(p.name for p in audit.iterdir() if p.name.startswith(".")) == []


def test_outputs_are_complete_files_with_ordinary_permissions_and_links_are_kept(audit: Path) -> None:
    target = audit / "salida.csv"
    target.write_text("viejo")
    os.chmod(target, 0o640)
    (audit / "vinculo.csv").symlink_to(target)
    assert (
        main(
            [
                "asignar",
                str(audit / "c.yaml"),
                "--csv",
                str(audit / "vinculo.csv"),
                "--reporte",
                str(audit / "nuevo.md"),
            ]
        )
        == 0
    )
    assert (audit / "vinculo.csv").is_symlink()
    assert target.read_text().startswith("folio,cer,sede,opcion,puntaje\n")
    assert os.stat(target).st_mode & 0o777 == 0o640
    assert (audit / "nuevo.md").read_text().endswith("\n")
    assert not [p for p in audit.iterdir() if p.name.endswith(".tmp")]


# --- 3. reports are safe to open ----------------------------------------------------------------------------

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "![i](http://x/y.png)",
    "a|b",
    "`code`",
    "**b**",
    "_i_",
    "&lt;",
    '=HYPERLINK("http://x")',
    "+1",
    "-1",
    "@SUM(A1)",
    "  =1",
    '"=1',
    "'+1",
    "\tx",
    "a\nb",
    "~~s~~",
    "# título",
    "\\|",
]

_hostile = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(alphabet="<>&[]()|`*_~#!\\=+-@\"' ax\t\n\r", min_size=1, max_size=12).filter(lambda s: s.strip()),
)


@settings(max_examples=80, deadline=None)
@given(st.lists(_hostile, min_size=4, max_size=4, unique_by=str.strip))
def test_no_value_from_input_reaches_the_report_raw(values: list[str]) -> None:
    folio, clave, nombre, otro = (v for v in values)
    sedes = [Sede(clave, 1, nombre=nombre), Sede("B" + otro.strip(), 1)]
    concurso = Concurso(
        "Cardiología",
        sedes,
        [
            Solicitud(folio, [sedes[0].identificador, sedes[1].identificador], puntaje=D(90)),
            Solicitud(folio + "2", [sedes[0].identificador], puntaje=D(90)),
        ],
    )
    asignacion = residencias.assign(concurso)
    auditoria = residencias.Auditoria("<archivo>.yaml", asignacion, None, ())
    report = auditoria.to_markdown()
    assert "<" not in report.replace("&lt;", "")  # no raw HTML from input at all
    for line in report.splitlines():
        assert "](" not in line.replace("\\](", "")  # no link or image from input
    tables: list[list[str]] = []
    previous = ""
    for line in report.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append(line)
        previous = line
    assert tables
    for table in tables:  # every row of a table has as many cell separators as its header
        assert len({len(re.findall(r"(?<!\\)\|", line.replace("\\\\", ""))) for line in table}) == 1, table
    rows = list(csv.reader(io.StringIO(auditoria.to_csv(), newline="")))
    for row in rows[1:]:
        for cell in row:
            assert cell.startswith("'") or not re.match("[\\s\"']*[=+\\-@\t\r]", cell), cell
    assert {celda_csv_original(r[0]) for r in rows[1:]} == {folio.strip(), (folio + "2").strip()}


@given(st.text())
def test_escapes_hold_for_any_text(text: str) -> None:
    assert celda_csv_original(celda_csv(text)) == text
    assert celda_csv(text).startswith("'") or not re.match("[\\s\"']*[=+\\-@\t\r]", celda_csv(text))
    shown = terminal(text)
    assert not any((ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F for c in shown)
    md = markdown(text)
    assert "<" not in md and ">" not in md and "\n" not in md
    assert not re.search(r"(?<!\\)[\[\]|`*_]", md.replace("\\\\", ""))


def test_file_names_printed_by_revisar_archivos_lose_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "A\x1b[2J\x1b]0;titulo\x07B\u202e.jpg").write_bytes(b"x")
    (tmp_path / "C\rD.jpg").write_bytes(b"x")
    assert main(["revisar-archivos", "imss-enarm-xlix-2026-tercer-periodo", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\r" not in out and "\x07" not in out and "\u202e" not in out


# --- 4 and 8. the input hash identifies the input, every field of it ----------------------------------------


def _pub(**cambios: Any) -> Publicacion:
    base = Publicacion(
        "Estudio",
        TipoPublicacion.ESTUDIO_DE_CORTE_TRANSVERSAL,
        1,
        "0028-0836",
        "10.1000/x.1",
        "38000001",
        True,
        date(2024, 6, 15),
        True,
        True,
        True,
        FuenteEvidencia.PUBMED,
    )
    return attrs.evolve(base, **cambios)


def _base() -> tuple[str, list[Sede], list[Solicitud]]:
    sedes = [Sede("A", 2, nombre="Hospital A", subsede="U1"), Sede("B", 1)]
    aspirantes = [
        Solicitud(
            "000123",
            ["A/U1", "B"],
            efiser=D("90"),
            promedio_posgrado=D("88"),
            enarm=D("70"),
            puntaje_adicional=D("0.05"),
        ),
        Solicitud("000124", ["B"], puntaje=D("80.5")),
        Solicitud(
            "000125",
            ["B", "A/U1"],
            efiser=D("91"),
            promedio_posgrado=D("85"),
            enarm=D("60"),
            publicaciones=(_pub(), _pub(titulo="Otro", doi="10.1000/x.2", pmid="38000002")),
        ),
    ]
    return "Cardiología", sedes, aspirantes


def _hash(
    cer: str,
    sedes: list[Sede],
    aspirantes: list[Solicitud],
    convocatoria: str | None = CER,
    sha: str | None = "abc",
) -> str:
    preparado = ConcursoPreparado(
        0, cer, {s.identificador: s for s in sedes}, tuple(aspirantes), tuple(D(0) for _ in aspirantes)
    )
    return entrada_sha256(convocatoria, [preparado], sha)


def _otro(value: Any, field: attrs.Attribute[Any]) -> Any:
    """Another valid value for a field (the mutation of one field of the canonical form)."""
    if value is None and "date" in str(field.type):
        return date(2024, 3, 1)
    if isinstance(value, bool) or (value is None and "bool" in str(field.type)):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, D):
        return value + D("0.001")
    if isinstance(value, date):
        return value + timedelta(days=1)
    if isinstance(value, TipoPublicacion | FuenteEvidencia):
        return next(m for m in type(value) if m is not value)
    valid = {"issn": "0317-8471", "doi": "10.1000/otro", "pmid": "38000009"}
    if field.name in valid:
        return valid[field.name]
    if isinstance(value, str):
        return value + "9"
    if value is None and "Decimal" in str(field.type):
        return D("1")
    if value is None and "str" in str(field.type):
        return "X"
    raise AssertionError(f"sin mutación para {field.name} = {value!r}")


def test_every_hashed_field_changes_the_hash_when_it_changes() -> None:
    """Enumerate, not sample: each field of each class of the input, mutated in turn."""
    cer, sedes, aspirantes = _base()
    base = _hash(cer, sedes, aspirantes)
    seen: set[tuple[str, str]] = set()

    def changes(cl: type, name: str, h: str) -> None:
        assert h != base, f"{cl.__name__}.{name} no cambia el hash"
        seen.add((cl.__name__, name))

    changes(Entrada, "convocatoria", _hash(cer, sedes, aspirantes, convocatoria="otra"))
    changes(Entrada, "convocatoria_sha256", _hash(cer, sedes, aspirantes, sha="abd"))
    changes(Entrada, "concursos", entrada_sha256(CER, [], "abc"))
    changes(Concurso, "cer", _hash("Nefrología", sedes, aspirantes))
    changes(Concurso, "sedes", _hash(cer, sedes[:1], aspirantes))
    changes(Concurso, "aspirantes", _hash(cer, sedes, aspirantes[:2]))
    for field in attrs.fields(Sede):
        for i, sede in enumerate(sedes):
            other = [
                *sedes[:i],
                attrs.evolve(sede, **{field.name: _otro(getattr(sede, field.name), field)}),
                *sedes[i + 1 :],
            ]
            changes(Sede, field.name, _hash(cer, other, aspirantes))
    for field in attrs.fields(Solicitud):
        for i, s in enumerate(aspirantes):
            value = getattr(s, field.name)
            if field.name == "opciones":
                new: Any = tuple(reversed(value)) if len(value) > 1 else (*value, "A/U1")
            elif field.name == "publicaciones":
                new = value[:-1] if value else (_pub(),)
            else:
                new = _otro(value, field)
            other_s = [*aspirantes[:i], attrs.evolve(s, **{field.name: new}), *aspirantes[i + 1 :]]
            changes(Solicitud, field.name, _hash(cer, sedes, other_s))
    for field in attrs.fields(Publicacion):
        pubs = aspirantes[2].publicaciones
        mutated = attrs.evolve(pubs[0], **{field.name: _otro(getattr(pubs[0], field.name), field)})
        other_s = [*aspirantes[:2], attrs.evolve(aspirantes[2], publicaciones=(mutated, pubs[1]))]
        changes(Publicacion, field.name, _hash(cer, sedes, other_s))
    every = {
        (cl.__name__, f.name)
        for cl in (Entrada, Concurso, Sede, Solicitud, Publicacion)
        for f in attrs.fields(cl)
    } | {("Entrada", "convocatoria_sha256")}
    assert seen == every


def test_the_hash_does_not_round_numbers() -> None:
    assert numero_canonico(D("80")) != numero_canonico(D("80.000000000000000000000000001"))
    cer, sedes, aspirantes = _base()
    near = [
        *aspirantes[:1],
        attrs.evolve(aspirantes[1], puntaje=D("80.500000000000000000000000001")),
        *aspirantes[2:],
    ]
    assert _hash(cer, sedes, aspirantes) != _hash(cer, sedes, near)
    assert _hash(
        cer, sedes, [*aspirantes[:1], attrs.evolve(aspirantes[1], puntaje=D("80.50000")), *aspirantes[2:]]
    ) == _hash(cer, sedes, aspirantes)


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_the_canonical_number_is_the_same_number(value: D) -> None:
    text = numero_canonico(value)
    assert D(text) == value
    assert "E" not in text and (
        text == "0" or (not text.rstrip("0").endswith(".") and ("." not in text or not text.endswith("0")))
    )


def test_the_hash_covers_the_convocatoria_data_and_shows_it(audit: Path) -> None:
    copia = audit / "conv.yaml"
    text = copia.read_text(encoding="utf-8")
    assert "  - {cer: Cardiología" in text or "Cardiología" in text
    modificada = audit / "conv2.yaml"
    modificada.write_text(text.replace("titulo:", "titulo: ", 1) + "\n# modificada\n", encoding="utf-8")
    a = residencias.replay(audit / "csv", convocatoria=str(copia))
    b = residencias.replay(audit / "csv", convocatoria=str(modificada))
    assert a.asignacion.convocatoria == b.asignacion.convocatoria == CER
    assert a.asignacion.convocatoria_sha256 != b.asignacion.convocatoria_sha256
    assert a.asignacion.entrada_sha256 != b.asignacion.entrada_sha256
    sha = a.asignacion.convocatoria_sha256
    assert sha is not None
    assert (
        sha in a.to_text()
        and sha in a.to_markdown()
        and json.loads(a.to_json())["convocatoria_sha256"] == sha
    )


def test_whitespace_around_texts_means_the_same_in_yaml_and_csv(tmp_path: Path) -> None:
    yaml_path = tmp_path / "c.yaml"
    yaml_path.write_text(
        "concursos:\n  - cer: ' Cardiología '\n    sedes:\n"
        "      - {clave: ' A ', plazas: 1, nombre: ' H A '}\n"
        "    aspirantes:\n      - {folio: ' 000123 ', opciones: [' A '], puntaje: 87.5}\n",
        encoding="utf-8",
    )
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "sedes.csv").write_text(
        "cer,clave,plazas,nombre\n Cardiología , A ,1, H A \n", encoding="utf-8"
    )
    (folder / "aspirantes.csv").write_text(
        "folio,cer,opciones,puntaje\n 000123 ,Cardiología, A ,87.5\n", encoding="utf-8"
    )
    a, b = residencias.replay(yaml_path), residencias.replay(folder)
    assert a.asignacion.entrada_sha256 == b.asignacion.entrada_sha256
    assert a.asignacion.sede_de() == b.asignacion.sede_de() == {"000123": "A"}
    assert Solicitud(" 000123 ", [" A "]) == Solicitud("000123", ["A"])


# --- 5. the published-result comparison ---------------------------------------------------------------------


def test_own_csv_output_is_accepted_as_the_published_result(
    audit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = audit / "out.csv"
    assert main(["asignar", str(audit / "c.yaml"), "--csv", str(out)]) == 0
    assert main(["asignar", str(audit / "c.yaml"), "--esperado", str(out)]) == 0
    assert "discrepancias: 0" in capsys.readouterr().out
    for folder in ("csv",):
        out2 = audit / "out2.csv"
        assert main(["asignar", str(audit / folder), "--convocatoria", CER, "--csv", str(out2)]) == 0
        assert main(["asignar", str(audit / folder), "--convocatoria", CER, "--esperado", str(out2)]) == 0


def _audit_with(tmp_path: Path, rows: list[str], header: str = "folio,sede") -> residencias.Auditoria:
    publicado = tmp_path / "pub.csv"
    publicado.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return residencias.replay(_small(tmp_path), esperado=publicado)


def _small(tmp_path: Path) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(
        "concursos:\n  - cer: Cardiología\n    sedes:\n"
        "      - {clave: A, plazas: 1}\n      - {clave: B, plazas: 1}\n"
        "    aspirantes:\n      - {folio: '000292', opciones: [A, B], puntaje: 90}\n"
        "      - {folio: '000300', opciones: [A], puntaje: 80}\n"
        "  - cer: Nefrología\n    sedes:\n      - {clave: N, plazas: 1}\n"
        "    aspirantes:\n      - {folio: '000400', opciones: [N], puntaje: 70}\n",
        encoding="utf-8",
    )
    return path


def test_the_cer_column_is_checked(tmp_path: Path) -> None:
    bien = _audit_with(
        tmp_path, ["000292,A,cardiologia", "000300,,Cardiología", "000400,N,Nefrología"], "folio,sede,cer"
    )
    assert bien.conforme, bien.discrepancias
    mal = _audit_with(
        tmp_path, ["000292,A,Nefrología", "000300,,Cardiología", "000400,N,Neurocirugía"], "folio,sede,cer"
    )
    distintos = [d for d in mal.discrepancias if d.tipo == "cer_distinto"]
    assert [d.folios for d in distintos] == [("000292",), ("000400",)]
    assert "concursó por Cardiología; publicado en el CER 'Nefrología'" in distintos[0].mensaje


@pytest.mark.parametrize("vacia", [*sorted(SIN_SEDE), "Sin Asignar", "NO  ASIGNADO", "NINGUNA", " — "])
def test_every_documented_spelling_of_no_seat_is_accepted(tmp_path: Path, vacia: str) -> None:
    auditoria = _audit_with(tmp_path, ["000292,A", f"000300,{vacia}", "000400,N"])
    assert auditoria.conforme, auditoria.discrepancias


def test_a_folio_without_its_leading_zeros_is_named_in_both_discrepancies(tmp_path: Path) -> None:
    auditoria = _audit_with(tmp_path, ["292,A", "000300,", "000400,N"])
    by_kind = {d.tipo: d for d in auditoria.discrepancias}
    assert "¿es 000292 sin sus ceros a la izquierda?" in by_kind["folio_no_publicado"].mensaje
    assert "¿es el folio 000292 sin sus ceros a la izquierda?" in by_kind["folio_desconocido"].mensaje


def test_a_published_puntaje_is_checked_and_a_bad_one_refused(tmp_path: Path) -> None:
    header = "folio,cer,sede,opcion,puntaje"
    ok = _audit_with(
        tmp_path,
        ["000292,Cardiología,A,1,90.00", "000300,Cardiología,,,80", "000400,Nefrología,N,1,70"],
        header,
    )
    assert ok.conforme
    mal = _audit_with(
        tmp_path,
        ["000292,Cardiología,A,1,90.01", "000300,Cardiología,,,80", "000400,Nefrología,N,1,70"],
        header,
    )
    assert [d.tipo for d in mal.discrepancias] == ["puntaje_distinto"]
    with pytest.raises(residencias.DataFileError, match="folio '000300': columna 'puntaje'"):
        _audit_with(tmp_path, ["000292,Cardiología,A,1,90", "000300,Cardiología,,,ochenta"], header)


def test_load_publicado_reads_back_escaped_cells(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("folio,sede\n'-12,'=A\n13,\n", encoding="utf-8")
    assert dict(load_publicado(path).sedes) == {"-12": "=A", "13": None}


# --- 8. pending and overdue findings carry their article and deadline ---------------------------------------


def _satisfy(c: Condicion | None, hechos: dict[str, Any], docs: set[str]) -> None:
    """Facts that make a condition of the simple forms the data uses true."""
    if c is None:
        return
    if c.documento is not None:
        docs.add(c.documento)
    elif c.todas is not None:
        for inner in c.todas:
            _satisfy(inner, hechos, docs)
    elif c.hecho is not None and c.es is not None:
        hechos[c.hecho] = c.es.value if hasattr(c.es, "value") else c.es
    elif c.hecho is not None and c.declarado is True:
        kind = FACTS[c.hecho]
        hechos[c.hecho] = {bool: True, int: 1, str: "x", date: "2026-01-01"}.get(kind, True)
    else:
        raise AssertionError(f"forma de condición sin satisfactor en esta prueba: {c}")


def _expediente(conv: str, hechos: dict[str, Any], docs: set[str]) -> Expediente:
    root: dict[str, Any] = {
        "convocatoria": conv,
        "aspirante": {},
        "documentos": [{"tipo": d} for d in sorted(docs)],
    }
    for path, value in hechos.items():
        node = root
        parts = path.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return structure_document(YamlDocument("prueba", root, {}, {}), Expediente)


_PLAZOS = [
    (c, r.id)
    for c in convocatorias_disponibles()
    for r in (
        residencias.load_convocatoria(c).requisitos.reglas
        if residencias.load_convocatoria(c).requisitos
        else ()
    )
    if r.tipo is TipoRegla.ALTERNATIVA and r.plazo is not None
]


def test_there_are_rules_with_a_deadline_to_check() -> None:
    assert len(_PLAZOS) >= 5


@pytest.mark.parametrize(("ident", "regla_id"), _PLAZOS)
def test_a_pending_or_overdue_finding_carries_its_article_and_deadline(ident: str, regla_id: str) -> None:
    conv = residencias.load_convocatoria(ident)
    assert conv.requisitos is not None
    regla = next(r for r in conv.requisitos.reglas if r.id == regla_id)
    hechos: dict[str, Any] = {
        "aspirante.constancia_enarm.fecha_seleccion_dgces": date(2026, 2, 17)
        if "2026" in ident
        else date(2023, 2, 10)
    }
    docs: set[str] = set()
    _satisfy(regla.aplica_si, hechos, docs)
    _satisfy(regla.alternativa, hechos, docs)
    main = regla.condicion
    if main is not None and main.hecho is not None and isinstance(main.es, bool):
        hechos.setdefault(main.hecho, not main.es)  # the rule itself unmet: its alternative decides
    cal = Calendario.de(conv)
    plazo = next(p for p in cal.plazos if p.accion is regla.plazo)
    referencia = hechos["aspirante.constancia_enarm.fecha_seleccion_dgces"] if plazo.por_aspirante else None
    ventana = cal.plazo(regla.plazo, referencia=referencia)
    assert isinstance(ventana.hasta, date)
    vence = ventana.hasta
    expediente = _expediente(ident, hechos, docs)
    for dia, esperado in ((vence, Resultado.PENDIENTE), (vence + timedelta(days=1), Resultado.NO_CUMPLE)):
        en = datetime.combine(dia, datetime.min.time(), tzinfo=cal.zona) + timedelta(hours=12)
        hallazgo = next(
            h for h in residencias.evaluar_requisitos(conv, expediente, en).hallazgos if h.regla == regla_id
        )
        assert hallazgo.resultado is esperado, (dia, hallazgo.razon)
        assert hallazgo.vence == vence
        assert dict(hallazgo.parametros) == {"plazo": regla.plazo.value, "articulo_plazo": ventana.articulo}
        assert vence.isoformat() in hallazgo.razon and ventana.articulo in hallazgo.razon
        assert hallazgo.articulo == regla.articulo


# --- 8. a required document removed from a call's list is never "cumple" ------------------------------------

_JPEG_300 = (
    b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x01\x01\x2c\x01\x2c\x00\x00"
    b"\xff\xc0\x00\x11\x08\x00\x10\x00\x10\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    b"\xff\xda\x00\x0c\x03\x01\x00\x02\x11\x03\x11\x00\x3f\x00\x12\x34\xff\xd9"
)

_CASOS = [
    (c, frozenset(q))
    for c in convocatorias_disponibles()
    if residencias.load_convocatoria(c).archivos
    for q in (
        {Participante.MEXICANO},
        {Participante.EXTRANJERO},
        {Participante.MEXICANO, Participante.TRABAJADOR_IMSS},
        {Participante.MEXICANO, Participante.HIJO_TRABAJADOR_IMSS},
    )
]


def test_there_are_file_tables_to_check() -> None:
    assert len(_CASOS) >= 8


@pytest.mark.parametrize(
    ("ident", "quienes"),
    _CASOS,
    ids=lambda v: str(v) if isinstance(v, str) else "+".join(sorted(p.value for p in v)),
)
def test_a_complete_file_minus_any_one_required_document_is_not_cumple(
    tmp_path: Path, ident: str, quienes: frozenset[Participante]
) -> None:
    conv = residencias.load_convocatoria(ident)
    pedidas = filas_pedidas(conv, check_participantes(quienes))
    assert pedidas
    for fila in pedidas:
        (tmp_path / f"{fila.nombre}.jpg").write_bytes(_JPEG_300)
    assert revisar_archivos(conv, tmp_path, quienes).ok
    for fila in pedidas:
        path = tmp_path / f"{fila.nombre}.jpg"
        path.unlink()
        revision = revisar_archivos(conv, tmp_path, quienes)
        assert not revision.ok, fila.nombre
        assert [h.nombre for h in revision.fallidos] == [fila.nombre]
        path.write_bytes(_JPEG_300)


def test_a_checklist_document_removed_is_never_cumple_for_its_rule() -> None:
    """For every call with requirements and every category, each document of the checklist: with it
    the rule asking for it is not "no cumple"; without it, that rule is never "cumple"."""
    casos = [
        frozenset({c})
        for c in (Categoria.MEXICANO_MEXICO, Categoria.MEXICANO_EXTRANJERO, Categoria.EXTRANJERO)
    ]
    casos += [
        frozenset({Categoria.MEXICANO_MEXICO, Categoria.TRABAJADOR_IMSS}),
        frozenset({Categoria.MEXICANO_MEXICO, Categoria.HIJO_TRABAJADOR_IMSS}),
    ]
    checked = 0
    for ident in convocatorias_disponibles():
        conv = residencias.load_convocatoria(ident)
        if conv.requisitos is None:
            continue
        en = datetime.combine(
            conv.publicacion.fecha_hora.date() if conv.publicacion.fecha_hora else date(2026, 1, 1),
            datetime.min.time(),
            tzinfo=Calendario.de(conv).zona,
        )
        for categorias in casos:
            # a document the rule qualifies only "si se presenta" is not required by that rule
            items = [i for i in checklist(conv, categorias) if not i.segun_su_caso
                     and not any(r.startswith("si se presenta") for r in i.requisitos)]
            base = hechos_de_categorias(ident, categorias)
            todos = tuple(
                Documento(i.documento, apostillado=True, notariado=True, traducido=True, en_espanol=True)
                for i in items
            )
            for item in items:
                sin = attrs.evolve(base, documentos=tuple(d for d in todos if d.tipo != item.documento))
                hallazgo = next(
                    h for h in residencias.evaluate(conv, sin, en).hallazgos if h.regla == item.regla
                )
                assert hallazgo.resultado is not Resultado.CUMPLE, (ident, categorias, item.documento)
                checked += 1
    assert checked > 50


def test_invalid_query_error_is_raised_for_an_output_directory(audit: Path) -> None:
    with pytest.raises(InvalidQueryError, match="es un directorio"):
        write_text(str(audit / "csv"), "x")
