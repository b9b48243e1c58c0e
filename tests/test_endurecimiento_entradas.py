"""Bad input of any shape is bad input: a :class:`ResidenciasError` with one short Spanish line (CLI:
exit 2, no traceback), never a crash, a hang or a memory blow-up. Extreme dates, huge numbers,
special files (FIFO, device, directory, link loop) given to every reader, size caps, standard
input, records named in refusals, and the public functions' own contract."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal as D  # noqa: N817
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import residencias
from residencias.assignment.fixtures import load_entrada
from residencias.assignment.replay import load_publicado
from residencias.calendars import DiasHabiles
from residencias.cli import main
from residencias.cli._argumentos import instant
from residencias.domain.expediente import Documento, Expediente
from residencias.domain.fechas import FECHA_MAXIMA, FECHA_MINIMA
from residencias.domain.personas import ConstanciaENARM, Residente
from residencias.domain.sede import Sede
from residencias.domain.validators import InvalidValue
from residencias.errors import DataFileError, InvalidQueryError, ResidenciasError
from residencias.loading.files import load_file
from residencias.rules.jpeg import COLA, read_jpeg, read_jpeg_file
from residencias.rules.puntaje import calcular_pi_imss
from residencias.text import extracto
from tests.strategies import jpeg_like_bytes
from tests.timeouts import no_hang

CER = "imss-cer-2026-2027"
XLIX = "imss-enarm-xlix-2026-tercer-periodo"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SEDES = "cer,clave,plazas\nCardiología,A,1\nCardiología,B,1\n"
ASPIRANTES = "folio,cer,opciones,puntaje\n000123,Cardiología,A|B,87.5\n000124,Cardiología,B,80\n"


def _one_line_bad_input(code: int, capsys: pytest.CaptureFixture[str], limit: int = 400) -> str:
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err
    last = err.strip().splitlines()[-1]
    assert len(last) < limit, last[:200]
    return last


# --- 1. extreme dates and instants ----------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["calendario", CER, "--en", "0001-01-01T00:00:00+00:00"],
        ["calendario", CER, "--en", "9999-12-31T23:59:59-06:00"],
        ["calendario", CER, "--seleccion-dgces", "9999-12-31"],
        ["calendario", XLIX, "--seleccion-dgces", "0001-01-01"],
        ["calendario", XLIX, "--registro", "1899-12-31"],
        ["calendario", CER, "--ics", "/dev/null", "--registro", "2200-01-01"],
        [
            "evaluar",
            CER,
            str(EXAMPLES / "expedientes" / "cer-cardiologia-cumple.yaml"),
            "--en",
            "0001-01-01T00:00:00+14:00",
        ],
    ],
)
def test_extreme_dates_on_the_command_line_are_bad_input(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    last = _one_line_bad_input(main(argv), capsys)
    assert "fuera del intervalo admitido (de 1900-01-01 a 2199-12-31)" in last


@pytest.mark.parametrize(
    "text", ["2026-03-13", "2026-03-13T16:00", "2026-03-13T16:00:00.123456", "1999-01-01"]
)
def test_the_hint_for_a_missing_offset_is_itself_a_valid_instant(text: str) -> None:
    """The --en hint used to suggest "2026-03-13-06:00", which is refused in turn."""
    with pytest.raises(Exception) as info:
        instant(text)
    hint = str(info.value).split("p. ej. ")[1].split(" ")[0]
    assert instant(hint).utcoffset() == timedelta(hours=-6)


def _expediente_xlix(seleccion: str) -> str:
    return f"convocatoria: {XLIX}\naspirante:\n  constancia_enarm:\n    fecha_seleccion_dgces: {seleccion}\n"


@pytest.mark.parametrize("dia", ["9999-12-31", "0001-01-01", "2200-01-01", "1899-12-31"])
def test_an_extreme_date_inside_a_person_file_is_refused_at_its_place(tmp_path: Path, dia: str) -> None:
    path = tmp_path / "e.yaml"
    path.write_text(_expediente_xlix(dia))
    with pytest.raises(DataFileError) as info:
        residencias.load_expediente(path)
    assert (info.value.linea, info.value.columna) == (4, 28)
    assert "fuera del intervalo admitido" in str(info.value)


def test_extreme_dates_through_the_python_api_are_refused_in_spanish() -> None:
    cal = residencias.load_calendario(XLIX)
    conv = residencias.load_convocatoria(XLIX)
    lejana = ConstanciaENARM(fecha_seleccion_dgces=date(9999, 12, 31))
    far = Expediente(
        XLIX,
        Residente(constancia_enarm=lejana, titulo_en_tramite=True),
        documentos=(Documento("CARTACOMPROMISOTITULO"), Documento("CARTACOMPROMISOCEDULA")),
    )
    calls: list[Callable[[], object]] = [
        lambda: cal.abierta("registro", en=datetime(1, 1, 1, tzinfo=UTC)),
        lambda: cal.abierta("registro", en=datetime(9999, 12, 31, 23, tzinfo=UTC)),
        lambda: cal.proximos(datetime.max.replace(tzinfo=UTC)),
        lambda: cal.ventana("entrega_titulo_cedula", seleccion_dgces=date(9999, 12, 31)),
        lambda: cal.plazos_resueltos(seleccion_dgces=date.min),
        lambda: cal.ventanas_para(date.max),
        lambda: DiasHabiles().primer_habil(date.max),
        lambda: DiasHabiles().sumar(date(2026, 1, 1), -1),
        lambda: residencias.evaluate(conv, far, datetime(2026, 3, 1, tzinfo=UTC)),
        lambda: residencias.evaluate(conv, Expediente(XLIX), datetime.min.replace(tzinfo=UTC)),
        lambda: residencias.calendars.Ventana(
            residencias.calendars.Accion.REGISTRO, "x", "1", date(2026, 1, 1), date.max
        ),
    ]
    for call in calls:
        with pytest.raises(ResidenciasError) as info:
            call()
        assert "\n" not in str(info.value)


@settings(max_examples=60, deadline=None)
@given(st.dates(), st.sampled_from(["seleccion_dgces", "registro"]))
def test_any_date_gives_a_calendar_or_a_refusal(dia: date, cual: str) -> None:
    """Dates from year 1 to 9999: a window inside the supported range, or a ResidenciasError."""
    cal = residencias.load_calendario(XLIX)
    try:
        ventanas = cal.plazos_resueltos(**{cual: dia})
    except ResidenciasError:
        pass  # a date outside the range, or one whose deadline falls outside it
    else:
        assert FECHA_MINIMA <= dia <= FECHA_MAXIMA
        assert all(v.fin(cal.zona) for v in ventanas)


# --- 1. huge numbers, and the excerpt of a bad value ------------------------------------------------


@pytest.mark.parametrize("valor", ["1e999999999", "9" * 5000, "-1e-999999999", "1" * 41])
def test_a_huge_number_on_the_command_line_is_refused_briefly(
    valor: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _one_line_bad_input(main(["puntaje", "--efiser", valor, "--promedio", "80", "--enarm", "70"]), capsys)


@pytest.mark.parametrize(
    "valor",
    [D("1e999999999"), D(10) ** 5000, 10**5000, D("1e-999999999") + 200],
    ids=["exponente", "decimal-5000", "entero-5000", "200-mas-epsilon"],
)
def test_a_huge_number_through_the_python_api_gives_a_short_message(valor: Any) -> None:
    conv = residencias.load_convocatoria(CER)
    assert conv.puntaje is not None
    with pytest.raises(ResidenciasError) as info:
        calcular_pi_imss(conv.puntaje, efiser=valor, promedio_posgrado=D(80), enarm=D(70))
    assert len(str(info.value)) < 400


def _csv_dir(tmp_path: Path, sedes: str = SEDES, aspirantes: str = ASPIRANTES) -> Path:
    folder = tmp_path / "concurso"
    folder.mkdir(exist_ok=True)
    (folder / "sedes.csv").write_text(sedes, encoding="utf-8")
    (folder / "aspirantes.csv").write_text(aspirantes, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("sedes", "aspirantes", "nombra"),
    [
        (SEDES.replace("A,1", "A," + "7" * 5000), ASPIRANTES, "sede 'A' (Cardiología)"),
        (SEDES, ASPIRANTES.replace("87.5", "8" * 5000), "folio '000123'"),
        (SEDES, ASPIRANTES.replace("87.5", "NaN"), "folio '000123'"),
        (SEDES, ASPIRANTES.replace("87.5", "1e999999999"), "folio '000123'"),
        (SEDES.replace("A,1", "A,-1"), ASPIRANTES, "sede 'A' (Cardiología)"),
        (SEDES, ASPIRANTES.replace("000124,Cardiología,B,80", "000124,Cardiología"), "folio '000124'"),
    ],
)
def test_a_bad_csv_value_is_refused_briefly_naming_its_record(
    tmp_path: Path, sedes: str, aspirantes: str, nombra: str
) -> None:
    with pytest.raises(DataFileError) as info:
        load_entrada(_csv_dir(tmp_path, sedes, aspirantes))
    assert nombra in str(info.value)
    assert len(str(info.value)) < 400


@pytest.mark.parametrize(
    ("cambio", "nombra"),
    [
        ({"puntaje": '"NaN"'}, "folio '000123'"),
        ({"puntaje": "1e-999999999"}, "folio '000123'"),
        ({"puntaje": '"' + "9" * 5000 + '"'}, "folio '000123'"),
        ({"puntaje": "[1]"}, "folio '000123'"),
        ({"plazas": "-1"}, "sede 'A'"),
        ({"plazas": "x"}, "sede 'A'"),
    ],
)
def test_a_bad_yaml_value_is_refused_naming_its_record(
    tmp_path: Path, cambio: dict[str, str], nombra: str
) -> None:
    puntaje = cambio.get("puntaje", "87.5")
    plazas = cambio.get("plazas", "1")
    path = tmp_path / "c.yaml"
    path.write_text(
        "concursos:\n  - cer: Cardiología\n    sedes:\n"
        f"      - {{clave: A, plazas: {plazas}}}\n"
        "    aspirantes:\n"
        f"      - {{folio: '000123', opciones: [A], puntaje: {puntaje}}}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as info:
        load_entrada(path)
    assert nombra in str(info.value)
    assert len(str(info.value)) < 400


def test_an_applicant_without_opciones_is_incomplete_and_an_empty_list_is_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    base = (
        "concursos:\n  - cer: Cardiología\n    sedes:\n      - {clave: A, plazas: 1}\n    aspirantes:\n"
        "      - {folio: '000123', puntaje: 87.5%s}\n"
    )
    path.write_text(base % "", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_entrada(path)
    assert "folio '000123': falta la clave 'opciones'" in str(info.value)
    assert (info.value.linea, info.value.columna) == (6, 9)
    path.write_text(base % ", opciones: []", encoding="utf-8")
    auditoria = residencias.replay(path)
    assert any("sin ninguna sede registrada" in a.mensaje for a in auditoria.asignacion.avisos)


@given(st.one_of(st.text(), st.integers(), st.decimals(allow_nan=True), st.binary(), st.lists(st.integers())))
@settings(max_examples=200, deadline=None)
def test_an_excerpt_is_short_and_on_one_line(value: object) -> None:
    shown = extracto(value)
    assert len(shown) <= 80
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in shown)


# --- 1. special files, for every reader -------------------------------------------------------------


def _special(tmp_path: Path, kind: str, name: str) -> Path:
    path = tmp_path / name
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    elif kind == "urandom":
        path.symlink_to("/dev/urandom")
    elif kind == "directory":
        path.mkdir()
    elif kind == "loop":
        (tmp_path / f"{name}.other").symlink_to(path)
        path.symlink_to(tmp_path / f"{name}.other")
    elif kind == "missing":
        pass
    return path


KINDS = ["fifo", "device", "urandom", "directory", "loop", "missing"]


def _readers(tmp_path: Path) -> Iterator[tuple[str, Callable[[Path], object]]]:
    yield "convocatoria", residencias.load_convocatoria
    yield "expediente", residencias.load_expediente
    yield "publicaciones", lambda p: load_file(p, Expediente)
    yield "concurso-yaml", load_entrada
    yield "publicado", load_publicado
    yield "jpeg", read_jpeg_file


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(), reason="POSIX")
@pytest.mark.parametrize("kind", KINDS)
def test_every_reader_refuses_a_special_file_at_once(tmp_path: Path, kind: str) -> None:
    for reader_name, read in _readers(tmp_path):
        path = _special(tmp_path, kind, f"{reader_name}.yaml")
        with no_hang(5, f"{reader_name} con {kind}"), pytest.raises(DataFileError) as info:
            read(path)
        assert "\n" not in str(info.value)
        if kind not in ("missing", "loop") and not (kind == "directory" and reader_name == "concurso-yaml"):
            assert "no un archivo regular" in str(info.value), (reader_name, str(info.value))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX")
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("which", ["sedes.csv", "aspirantes.csv"])
def test_the_csv_directory_refuses_a_special_file_at_once(tmp_path: Path, kind: str, which: str) -> None:
    folder = _csv_dir(tmp_path)
    (folder / which).unlink()
    _special(folder, kind, which)
    with no_hang(5, f"{which} con {kind}"), pytest.raises(DataFileError) as info:
        load_entrada(folder)
    assert which in str(info.value)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX")
@pytest.mark.parametrize("kind", ["fifo", "device", "urandom", "directory", "loop"])
def test_revisar_archivos_names_a_special_file_and_never_reads_it(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _special(tmp_path, kind, "ACTADENACIMIENTO.jpg")
    with no_hang(5, f"revisar-archivos con {kind}"):
        code = main(["revisar-archivos", XLIX, str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 1
    assert "ACTADENACIMIENTO.jpg" in out and "no un archivo regular" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["mostrar", "{p}"],
        ["evaluar", CER, "{p}", "--en", "2026-03-10T12:00:00-06:00"],
        ["asignar", "{p}"],
        ["asignar", str(EXAMPLES / "asignacion" / "cer-2026-2027.yaml"), "--esperado", "{p}"],
        ["puntaje", "--efiser", "80", "--promedio", "80", "--enarm", "80", "--publicaciones", "{p}"],
        ["preasignacion", "imss-enarm-xlvi-2023", "{p}"],
    ],
)
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX")
def test_every_file_reading_subcommand_refuses_a_fifo(
    tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = _special(tmp_path, "fifo", "entrada.yaml")
    with no_hang(5, " ".join(argv)):
        code = main([a.replace("{p}", str(path)) for a in argv])
    assert "es una tubería con nombre (FIFO)" in _one_line_bad_input(code, capsys)


# --- 1. size caps and standard input ------------------------------------------------------------------


def test_every_reader_has_a_cap_that_max_bytes_raises(tmp_path: Path) -> None:
    folder = _csv_dir(tmp_path)
    with pytest.raises(DataFileError, match=r"archivo demasiado grande .*suba el límite con --max-mb"):
        load_entrada(folder, max_bytes=40)
    assert load_entrada(folder, max_bytes=4096).entrada.concursos
    publicado = tmp_path / "p.csv"
    publicado.write_text("folio,sede\n000123,A\n000124,B\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="archivo demasiado grande"):
        load_publicado(publicado, max_bytes=10)
    fixture = tmp_path / "c.yaml"
    fixture.write_text("concursos: []\n" + "#" * 200 + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"formato CSV \(un directorio con sedes.csv y aspirantes.csv"):
        load_entrada(fixture, max_bytes=100)


def test_max_mb_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _csv_dir(tmp_path, aspirantes=ASPIRANTES + "#" * (2 * 1024 * 1024) + "\n")
    assert main(["asignar", str(folder), "--max-mb", "1"]) == 2
    assert "archivo demasiado grande" in capsys.readouterr().err
    assert main(["asignar", str(folder), "--max-mb", "0"]) == 2


def test_standard_input_where_it_is_accepted(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    text = (EXAMPLES / "expedientes" / "cer-cardiologia-cumple.yaml").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    assert residencias.load_expediente("-") == residencias.load_expediente(
        EXAMPLES / "expedientes" / "cer-cardiologia-cumple.yaml"
    )
    fixture = (EXAMPLES / "asignacion" / "cer-2026-2027.yaml").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(fixture)))
    desde_stdin = residencias.replay("-", esperado=EXAMPLES / "asignacion" / "publicado.csv")
    assert desde_stdin.archivo == "<entrada estándar>"
    assert (
        desde_stdin.asignacion.entrada_sha256
        == residencias.replay(EXAMPLES / "asignacion" / "cer-2026-2027.yaml").asignacion.entrada_sha256
    )
    with pytest.raises(InvalidQueryError, match="no pueden venir los dos de la entrada estándar"):
        residencias.replay("-", esperado="-")
    with pytest.raises(residencias.UnknownConvocatoriaError):
        residencias.load_convocatoria("-")  # an id or a file, never standard input


# --- 1. revisar-archivos reads only what the check needs ------------------------------------------------


def _jpeg(scan: int, padding: int = 0) -> bytes:
    app0 = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x01\x01\x2c\x01\x2c\x00\x00"
    sof = b"\xff\xc0\x00\x11\x08\x00\x10\x00\x10\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    sos = b"\xff\xda\x00\x0c\x03\x01\x00\x02\x11\x03\x11\x00\x3f\x00"
    return b"\xff\xd8" + app0 + sof + sos + b"\x12" * scan + b"\xff\xd9" + b"\x00" * padding


def test_a_jpeg_file_is_read_by_its_header_and_its_tail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "TITULO1.jpg"
    data = _jpeg(8 * 1024 * 1024)
    path.write_bytes(data)
    read: list[int] = []
    real = os.fdopen

    def counting(fd: int, *args: Any, **kwargs: Any) -> Any:
        stream = real(fd, *args, **kwargs)
        original = stream.read

        def count(n: int = -1) -> bytes:
            chunk: bytes = original(n)
            read.append(len(chunk))
            return chunk

        stream.read = count  # type: ignore[method-assign]
        return stream

    monkeypatch.setattr("residencias.loading.entrada.os.fdopen", counting)
    info = read_jpeg_file(path)
    found = (info.tamano, info.ancho, info.alto, info.fin_de_imagen, info.completo)
    assert found == (len(data), 16, 16, True, True)
    assert str(info.ppp_jfif) == "300 ppp (JFIF)"
    assert sum(read) <= 64 + COLA < len(data) // 100


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(jpeg_like_bytes())
def test_reading_a_file_by_parts_agrees_with_reading_its_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "x.jpg"
    path.write_bytes(data)
    try:
        whole = read_jpeg(data)
    except ResidenciasError:
        with pytest.raises(ResidenciasError):
            read_jpeg_file(path)
        return
    parts = read_jpeg_file(path)
    assert parts.tamano == whole.tamano
    # The header (before the first scan) is all the file version reads: what it finds, the whole
    # walk finds too (the whole walk may find more in segments after a scan).
    for field in ("ancho", "alto", "sof", "componentes", "jfif", "exif"):
        if getattr(parts, field) is not None:
            assert getattr(parts, field) == getattr(whole, field), field
    if whole.completo and whole.escaneos == 1 and whole.bytes_tras_fin == 0:
        assert parts.completo


# --- 7. the public API keeps its own contract -------------------------------------------------------------


def test_public_constructors_and_functions_refuse_in_spanish() -> None:
    conv = residencias.load_convocatoria(CER)
    cal = residencias.load_calendario(CER)
    t = datetime(2026, 3, 10, tzinfo=UTC)
    calls: list[Callable[[], object]] = [
        lambda: Sede("X", plazas=-1),
        lambda: Sede(5),  # type: ignore[arg-type]
        lambda: Sede("X", plazas="3"),  # type: ignore[arg-type]
        lambda: residencias.Solicitud(None),  # type: ignore[arg-type]
        lambda: residencias.Concurso("Cardiología", 5, []),  # type: ignore[arg-type]
        lambda: residencias.Documento(3),  # type: ignore[arg-type]
        lambda: cal.proximos(t, -1),
        lambda: cal.proximos(t, "2"),  # type: ignore[arg-type]
        lambda: conv.cers_disponibles(ceme=None, grado=2),  # type: ignore[arg-type]
        lambda: conv.cers_disponibles(ceme="Medicina interna", grado="2"),  # type: ignore[arg-type]
        lambda: residencias.load_convocatoria(""),
        lambda: residencias.load_convocatoria(None),  # type: ignore[arg-type]
        lambda: residencias.load_expediente(""),
        lambda: residencias.load_expediente(3),  # type: ignore[arg-type]
        lambda: residencias.load_entrada(None),  # type: ignore[arg-type]
        lambda: residencias.load_calendario(3.5),  # type: ignore[arg-type]
        lambda: residencias.evaluate("x", Expediente(CER), t),  # type: ignore[arg-type]
        lambda: residencias.evaluate(conv, {"convocatoria": CER}, t),  # type: ignore[arg-type]
        lambda: residencias.evaluate(conv, Expediente(CER), "2026-03-10"),  # type: ignore[arg-type]
        lambda: residencias.evaluate(conv, Expediente(CER, aspirante="Ana"), t),  # type: ignore[arg-type]
        lambda: residencias.evaluate(conv, Expediente(CER, Residente(curp=5)), t),  # type: ignore[arg-type]
        lambda: residencias.evaluate(conv, Expediente(CER, documentos=["ACTA"]), t),  # type: ignore[list-item]
        lambda: residencias.assign(5),  # type: ignore[arg-type]
        lambda: residencias.assign("Cardiología"),  # type: ignore[arg-type]
        lambda: residencias.assign([], politica="x"),  # type: ignore[arg-type]
        lambda: residencias.verify([], "x"),  # type: ignore[arg-type]
        lambda: residencias.replay(None),  # type: ignore[arg-type]
        lambda: residencias.replay(EXAMPLES / "asignacion" / "cer-2026-2027.yaml", esperado=7),  # type: ignore[arg-type]
        lambda: residencias.revisar_preasignacion(conv, None),  # type: ignore[arg-type]
        lambda: residencias.revisar_preasignacion(None, Expediente(CER)),  # type: ignore[arg-type]
    ]
    for n, call in enumerate(calls):
        with pytest.raises(ResidenciasError) as info:
            call()
        message = str(info.value)
        assert "\n" not in message and message, n
        python = ("object has no attribute", "NoneType' object", "unsupported")
        assert not any(w in message for w in python), n
    with pytest.raises(residencias.UnknownConvocatoriaError) as info:
        residencias.load_convocatoria("")
    assert "'.'" not in str(info.value) and "directorio" not in str(info.value)
    with pytest.raises(InvalidQueryError, match="falta el nombre de la especialidad"):
        conv.cers_disponibles(ceme=None, grado=2)  # type: ignore[arg-type]


def test_invalid_value_is_a_residencias_error_and_the_loader_still_places_it(tmp_path: Path) -> None:
    assert issubclass(InvalidValue, ResidenciasError) and issubclass(InvalidValue, ValueError)
    path = tmp_path / "c.yaml"
    path.write_text(
        "concursos:\n  - cer: Cardiología\n    sedes:\n      - {clave: A, plazas: -3}\n    aspirantes: []\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as info:
        load_entrada(path)
    assert str(info.value).startswith(f"{path}:4:28: sede 'A': 'plazas' vale -3")


# --- 9. random bytes, YAML and CSV to every reader, and through the CLI -------------------------------------


def _text_csv() -> st.SearchStrategy[str]:
    cell = st.one_of(
        st.text(max_size=8),
        st.sampled_from(
            ["A", "B", "000123", "Cardiología", "87.5", "-1", "NaN", "1e9", "=1+1", '"', "A|B", " ", "9" * 50]
        ),
    )
    row = st.lists(cell, min_size=0, max_size=6).map(",".join)
    header = st.sampled_from(
        [
            "cer,clave,plazas",
            "folio,cer,opciones,puntaje",
            "folio,sede",
            "folio,sede,cer",
            "folio,cer,sede,opcion,puntaje",
            "x",
        ]
    )
    return st.builds(lambda h, rows: "\n".join([h, *rows]) + "\n", header, st.lists(row, max_size=6))


_INPUT = st.one_of(
    st.binary(max_size=300), _text_csv().map(str.encode), st.text(max_size=200).map(str.encode)
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_INPUT, _INPUT)
def test_every_reader_gives_a_result_or_a_residencias_error(tmp_path: Path, a: bytes, b: bytes) -> None:
    path = tmp_path / "in.yaml"
    path.write_bytes(a)
    folder = tmp_path / "dir"
    folder.mkdir(exist_ok=True)
    (folder / "sedes.csv").write_bytes(a)
    (folder / "aspirantes.csv").write_bytes(b)
    readers: list[Callable[[], object]] = [
        lambda: residencias.load_convocatoria(path),
        lambda: residencias.load_expediente(path),
        lambda: load_entrada(path),
        lambda: load_entrada(folder),
        lambda: load_publicado(path),
        lambda: read_jpeg_file(path),
        lambda: residencias.replay(folder, esperado=path),
    ]
    for read in readers:
        try:
            with no_hang(10, "un lector"):
                read()
        except ResidenciasError as err:
            assert "\n" not in str(err)


_ARGVS = [
    ["mostrar", "{p}"],
    ["lint", "{p}"],
    ["calendario", "{p}"],
    ["evaluar", CER, "{p}", "--en", "2026-03-10T12:00:00-06:00"],
    ["preasignacion", "imss-enarm-xlvi-2023", "{p}"],
    ["puntaje", "--efiser", "80", "--promedio", "80", "--enarm", "80", "--publicaciones", "{p}"],
    ["asignar", "{p}"],
    ["asignar", "{d}", "--convocatoria", CER],
    ["asignar", str(EXAMPLES / "asignacion" / "cer-2026-2027.yaml"), "--esperado", "{p}"],
    ["revisar-archivos", XLIX, "{d}"],
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_INPUT, _INPUT, st.sampled_from(_ARGVS))
def test_every_file_reading_subcommand_exits_0_1_or_2_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], a: bytes, b: bytes, argv: list[str]
) -> None:
    path = tmp_path / "in.yaml"
    path.write_bytes(a)
    folder = tmp_path / "dir"
    folder.mkdir(exist_ok=True)
    (folder / "sedes.csv").write_bytes(a)
    (folder / "aspirantes.csv").write_bytes(b)
    (folder / "ACTADENACIMIENTO.jpg").write_bytes(b)
    with no_hang(20, " ".join(argv)):
        code = main([x.replace("{p}", str(path)).replace("{d}", str(folder)) for x in argv])
    err = capsys.readouterr().err
    assert code in (0, 1, 2)
    assert "Traceback" not in err
    if code == 2:  # one line per problem of a data file (up to 50 and a count), each a refusal
        lines = err.strip().splitlines()
        assert lines and len(lines) <= 51 and all(line.startswith("residencias: ") for line in lines), err


@pytest.mark.parametrize("escape", ["\\e[2J", "\\x1b]0;t\\x07", "\\x00", "\\x9b31m", "\\x7f"])
def test_a_control_character_written_as_a_yaml_escape_is_refused_at_its_place(
    tmp_path: Path, escape: str
) -> None:
    """Nothing from a YAML file can move a terminal's cursor or change its colours later."""
    path = tmp_path / "e.yaml"
    path.write_text(f'convocatoria: {CER}\naspirante:\n  nombre: "Ana{escape}"\n', encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        residencias.load_expediente(path)
    assert (info.value.linea, info.value.columna) == (3, 11)
    assert "carácter de control" in str(info.value)


def test_a_frame_header_after_the_first_scan_does_not_make_a_whole_image(tmp_path: Path) -> None:
    """SOI, a scan, then a frame header (SOF0) and EOI: the scan had no frame (ITU-T T.81, B.2.1,
    the frame header precedes its scans), so neither reading calls the image whole, and both say
    why (found by the property above)."""
    data = bytes.fromhex("ffd8 ffda 0002 ffc0 0008 000000000000 ffd9")
    path = tmp_path / "x.jpg"
    path.write_bytes(data)
    for info in (read_jpeg(data), read_jpeg_file(path)):
        assert (info.sof, info.escaneos, info.fin_de_imagen, info.completo) == (None, 1, True, False)
    assert any("después del primer escaneo" in p for p in read_jpeg(data).problemas)
