"""The SIICES assignment (imss-cer-2026-2027, 6.2): worked cases, the tie-break supuesto, refusals
with their folio and field, fixtures (YAML and CSV) with positions, the input hash, the replay
against a published result, the CLI, and the direct pre-assignment of the ENARM calls."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from residencias import (
    ConcursoInvalidoError,
    DataFileError,
    InvalidQueryError,
    PoliticaAsignacion,
    ResidenciasError,
    assign,
    load_convocatoria,
    load_entrada,
    load_expediente,
    replay,
    revisar_preasignacion,
)
from residencias.assignment.concurso import Concurso, Solicitud
from residencias.assignment.replay import celda_segura, load_publicado
from residencias.cli import main
from residencias.domain.asignacion import Criterio
from residencias.domain.expediente import Expediente
from residencias.domain.personas import ConstanciaENARM, Residente
from residencias.domain.sede import Sede
from residencias.rules.preasignacion import EstadoPreasignacion

CER = load_convocatoria("imss-cer-2026-2027")
POLITICA = PoliticaAsignacion.de(CER)
ROOT = Path(__file__).resolve().parent.parent


def d(value: str | int) -> Decimal:
    return Decimal(value)


def _cardiologia(*aspirantes: Solicitud, plazas: tuple[int, int] = (1, 1)) -> Concurso:
    return Concurso("Cardiología", [Sede("CMN-SXXI", plazas[0]), Sede("HE-LA-RAZA", plazas[1])], aspirantes)


# --- 6.2 on worked cases --------------------------------------------------------------------------


def test_second_option_when_the_first_is_taken_by_a_higher_score() -> None:
    """6.2 puntos 1–4: the higher PI-IMSS takes CMN-SXXI; the next gets their 2nd option; the last
    finds both full and stays unassigned; the bitácora names who took each last plaza."""
    a = assign(
        _cardiologia(
            Solicitud("000123", ["CMN-SXXI", "HE-LA-RAZA"], puntaje=d("87.512")),
            Solicitud("000045", ["CMN-SXXI"], puntaje=d("88.100")),
            Solicitud("000200", ["CMN-SXXI", "HE-LA-RAZA"], puntaje=d("80")),
        )
    )
    assert [(r.folio, r.sede, r.opcion, r.posicion) for r in a.asignaciones] == [
        ("000045", "CMN-SXXI", 1, 1),
        ("000123", "HE-LA-RAZA", 2, 2),
        ("000200", None, None, 3),
    ]
    assert a.explicar("000200").splitlines() == [
        "Folio 000200 (Cardiología): PI-IMSS 80, lugar 3 de 3 en el orden de prioridad (6.2, punto 1).",
        "  1.ª opción CMN-SXXI: sin plaza libre; su última plaza (1 de 1) fue para el folio 000045, con "
        "PI-IMSS 88.100; para obtenerla hacía falta un PI-IMSS mayor que 88.100, o igual ganando el "
        "desempate (6.2, punto 2).",
        "  2.ª opción HE-LA-RAZA: sin plaza libre; su última plaza (1 de 1) fue para el folio 000123, con "
        "PI-IMSS 87.512; para obtenerla hacía falta un PI-IMSS mayor que 87.512, o igual ganando el "
        "desempate (6.2, punto 2).",
        "Resultado: no asignado; ninguna de sus 2 opciones tenía plaza libre cuando le tocó (6.2, punto 4).",
    ]
    cortes = {c.sede: (c.plazas, c.ocupadas, c.puntaje_corte, c.folio_corte) for c in a.cortes}
    assert cortes == {"CMN-SXXI": (1, 1, d("88.100"), "000045"), "HE-LA-RAZA": (1, 1, d("87.512"), "000123")}


def test_cut_off_is_the_lowest_admitted_and_empty_sedes_have_none() -> None:
    """Per sede: plazas, occupied, and the PI-IMSS of the last admitted (the lowest, 6.2 punto 1)."""
    a = assign(
        _cardiologia(
            Solicitud("1", ["CMN-SXXI"], puntaje=d("90")),
            Solicitud("2", ["CMN-SXXI"], puntaje=d("70.5")),
            Solicitud("3", ["CMN-SXXI"], puntaje=d("85")),
            plazas=(3, 2),
        )
    )
    corte = a.corte("Cardiología", "CMN-SXXI")
    assert (corte.ocupadas, corte.libres, corte.puntaje_corte, corte.folio_corte) == (3, 0, d("70.5"), "2")
    vacia = a.corte("Cardiología", "HE-LA-RAZA")
    assert (vacia.plazas, vacia.ocupadas, vacia.puntaje_corte) == (2, 0, None)


def test_a_sede_with_no_plazas_is_explained_as_such() -> None:
    a = assign(_cardiologia(Solicitud("1", ["CMN-SXXI", "HE-LA-RAZA"], puntaje=d("90")), plazas=(0, 1)))
    assert "la sede no ofrece plazas en este concurso (6.2, punto 2)" in a.explicar("1")
    assert a.resultado("1").opcion == 2
    assert any("0 plazas" in aviso.mensaje for aviso in a.avisos)


def test_pools_are_independent_per_cer() -> None:
    """6.2: each CER's applicants compete only for that CER's sedes, even with equal sede claves."""
    cardio = _cardiologia(Solicitud("1", ["CMN-SXXI"], puntaje=d("70")))
    nefro = Concurso("Nefrología", [Sede("CMN-SXXI", 1)], [Solicitud("2", ["CMN-SXXI"], puntaje=d("99"))])
    a = assign([nefro, cardio])
    assert a.sede_de() == {"1": "CMN-SXXI", "2": "CMN-SXXI"}
    assert [c.cer for c in a.cortes] == ["Cardiología", "Cardiología", "Nefrología"]


# --- tie-break: the supuesto of the data ---------------------------------------------------------


def test_the_cer_call_declares_the_tie_break_as_a_supuesto() -> None:
    """6.2 states no tie-break; the data says so and orders EFISER, posgrado, ENARM, folio."""
    datos = CER.asignacion
    assert datos is not None and datos.articulo == "6.2"
    assert datos.desempate.criterios == (
        Criterio.EFISER,
        Criterio.PROMEDIO_POSGRADO,
        Criterio.ENARM,
        Criterio.FOLIO,
    )
    assert datos.desempate.supuesto.startswith("La convocatoria no dice cómo se ordena")
    with pytest.raises(InvalidQueryError, match="no declara asignación"):
        PoliticaAsignacion.de(load_convocatoria("imss-enarm-xlvi-2023"))


def test_equal_pi_imss_is_settled_by_efiser_and_the_tie_is_reported_as_deciding_the_seat() -> None:
    """Same PI-IMSS (84.00 = 0.50·80 + 0.45·90 + 0.05·70 = 0.50·82 + 0.45·88 + 0.05·68): the
    higher EFISER goes first and takes the only plaza; the tie is listed as decisive."""
    a = assign(
        _cardiologia(
            Solicitud("000200", ["CMN-SXXI"], efiser=d(80), promedio_posgrado=d(90), enarm=d(70)),
            Solicitud("000100", ["CMN-SXXI"], efiser=d(82), promedio_posgrado=d(88), enarm=d(68)),
        ),
        POLITICA,
    )
    assert [r.puntaje for r in a.asignaciones] == [d("84.00"), d("84.00")]
    assert a.sede_de() == {"000100": "CMN-SXXI", "000200": None}
    (empate,) = a.empates
    assert empate.folios == ("000100", "000200") and empate.sedes == ("CMN-SXXI",) and empate.decisivo
    (sep,) = empate.separaciones
    assert (sep.criterio, sep.valor_antes, sep.valor_despues) == (Criterio.EFISER, d(82), d(80))
    assert "va después del folio 000100 por EFISER (80 contra 82)" in a.explicar("000200")


def test_a_criterion_missing_in_the_group_is_skipped_for_all_and_reported() -> None:
    """Only one of the tied has an EFISER: the grades are skipped for the whole group and the folio
    decides (lowest first, as a number), whatever the order of the input."""
    solicitudes = [
        Solicitud("100", ["CMN-SXXI"], puntaje=d("90"), efiser=d(99)),
        Solicitud("99", ["CMN-SXXI"], puntaje=d("90.0")),
    ]
    for order in (solicitudes, solicitudes[::-1]):
        a = assign(_cardiologia(*order))
        (empate,) = a.empates
        assert empate.folios == ("99", "100")
        assert [o.criterio for o in empate.omisiones] == [
            Criterio.EFISER,
            Criterio.PROMEDIO_POSGRADO,
            Criterio.ENARM,
        ]
        assert empate.omisiones[0].folios == ("99",)
        assert a.sede_de()["99"] == "CMN-SXXI"


def test_a_tie_that_decides_no_seat_is_listed_but_not_decisive() -> None:
    a = assign(
        _cardiologia(
            Solicitud("1", ["CMN-SXXI"], puntaje=d(80)), Solicitud("2", ["HE-LA-RAZA"], puntaje=d(80))
        )
    )
    (empate,) = a.empates
    assert not empate.decisivo and empate.sedes == ()


# --- PI-IMSS from components (6.1, Tabla 2; sección 7) --------------------------------------------


def test_pi_imss_from_components_and_the_bonus() -> None:
    a = assign(
        _cardiologia(
            Solicitud(
                "1",
                ["CMN-SXXI"],
                efiser=d(80),
                promedio_posgrado=d(90),
                enarm=d(70),
                puntaje_adicional=d("0.075"),
            )
        ),
        POLITICA,
    )
    assert a.resultado("1").puntaje == d("84.075")


@pytest.mark.parametrize(
    ("solicitud", "politica", "fragment"),
    [
        (
            Solicitud(
                "7", ["CMN-SXXI"], puntaje=d("84.01"), efiser=d(80), promedio_posgrado=d(90), enarm=d(70)
            ),
            POLITICA,
            "folio '7', campo 'puntaje': el PI-IMSS dado (84.01) no coincide con el que dan sus "
            "componentes (84.00",
        ),
        (
            Solicitud("7", ["CMN-SXXI"], efiser=d(80), promedio_posgrado=d(90), enarm=d(70)),
            None,
            "hace falta la convocatoria que da la fórmula",
        ),
        (
            Solicitud(
                "7",
                ["CMN-SXXI"],
                efiser=d(80),
                promedio_posgrado=d(90),
                enarm=d(70),
                puntaje_adicional=d("0.55"),
            ),
            POLITICA,
            "campo 'puntaje_adicional': 0.55 está fuera",
        ),
        (Solicitud("7", ["CMN-SXXI"], efiser=d(80)), POLITICA, "faltan: promedio_posgrado, enarm"),
        (
            Solicitud("7", ["CMN-SXXI"], puntaje=d("100.51")),
            POLITICA,
            "campo 'puntaje': 100.51 está fuera del intervalo de 0 a 100.50",
        ),
        (Solicitud("7", ["CMN-SXXI"], puntaje=d("100.51")), None, "de 0 a 100.5 "),
        (Solicitud("7", ["CMN-SXXI"], puntaje=d("NaN")), None, "campo 'puntaje': el número NaN no es finito"),
        (Solicitud("7", ["CMN-SXXI"], puntaje=87.5), None, "se esperaba un número Decimal"),  # type: ignore[arg-type]
        (
            Solicitud("7", ["CMN-SXXI"], puntaje=d("90"), efiser=d("101")),
            None,
            "campo 'efiser': 101 está fuera",
        ),
    ],
)
def test_bad_scores_are_refused_naming_folio_and_field(
    solicitud: Solicitud, politica: PoliticaAsignacion | None, fragment: str
) -> None:
    with pytest.raises(ConcursoInvalidoError) as caught:
        assign(_cardiologia(solicitud), politica)
    assert fragment in str(caught.value)


def test_every_problem_is_listed_with_its_path() -> None:
    concurso = Concurso(
        "Cardiología",
        [Sede("A", 1), Sede("A", 2), Sede("B")],
        [
            Solicitud("1", ["A", "C", "A"], puntaje=d(80)),
            Solicitud("1", ["B"], puntaje=d(70)),
        ],
    )
    with pytest.raises(ConcursoInvalidoError) as caught:
        assign(concurso)
    assert [str(d) for d in caught.value.defectos] == [
        "concursos[0].sedes[1].clave: sede 'A' repetida en el concurso de 'Cardiología'",
        "concursos[0].sedes[2]: sede 'B': falta 'plazas', el número de plazas ofertadas",
        "concursos[0].aspirantes[0].opciones[1]: folio '1', campo 'opciones': la opción 2 'C' no es una sede "
        "del concurso de Cardiología",
        "concursos[0].aspirantes[0].opciones[2]: folio '1', campo 'opciones': la sede 'A' se repite "
        "(opción 3); cada sede se elige una vez",
        "concursos[0].aspirantes[1].folio: folio '1', campo 'folio': folio repetido (ya está en "
        "concursos[0].aspirantes[0]); cada aspirante participa una sola vez",
    ]
    assert str(caught.value).endswith("(y 4 problemas más)")


def test_cer_names_are_resolved_through_the_catalogue_and_tabla_1() -> None:
    sedes = [Sede("A", 1)]
    with pytest.raises(ConcursoInvalidoError, match="'Medicina Interna' no es un CER de la Tabla 1"):
        assign(Concurso("medicina interna", sedes, []), POLITICA)
    with pytest.raises(
        ConcursoInvalidoError, match=r"CER desconocido 'Cardiologa'.*¿quiso decir 'Cardiología'"
    ):
        assign(Concurso("Cardiologa", sedes, []))
    with pytest.raises(ConcursoInvalidoError, match="ya se dio en concursos\\[0\\]"):
        assign([Concurso("Cardiología", sedes, []), Concurso("CARDIOLOGIA", sedes, [])])


def test_plazas_must_be_a_whole_number() -> None:
    """The Sede refuses them itself, naming the sede, with a ResidenciasError."""
    for plazas in (True, 2.5):
        with pytest.raises(ResidenciasError, match=r"sede 'A': 'plazas' vale .*; se esperaba un entero"):
            assign(Concurso("Cardiología", [Sede("A", plazas)], []))  # type: ignore[arg-type]


# --- fixtures ------------------------------------------------------------------------------------

YAML = """\
convocatoria: imss-cer-2026-2027
concursos:
  - cer: Cardiología
    sedes:
      - {clave: CMN-SXXI, plazas: 1, nombre: "UMAE Hospital de Cardiología, CMN Siglo XXI"}
      - {clave: HE-LA-RAZA, plazas: 1}
    aspirantes:
      - folio: "000123"
        puntaje: "87.512"
        opciones: [CMN-SXXI, HE-LA-RAZA]
      - {folio: "000045", efiser: 90, promedio_posgrado: 88, enarm: 70, opciones: [CMN-SXXI]}
      - {folio: "000200", puntaje: 80, opciones: [CMN-SXXI, HE-LA-RAZA]}
"""

PERMUTED_YAML = """\
concursos:
  - aspirantes:
      - {opciones: [CMN-SXXI, HE-LA-RAZA], puntaje: 80, folio: "000200"}
      - {opciones: [CMN-SXXI], enarm: 70, promedio_posgrado: 88, efiser: 90, folio: "000045"}
      - {opciones: [CMN-SXXI, HE-LA-RAZA], folio: "000123", puntaje: 87.512}
    sedes:
      - {plazas: 1, clave: HE-LA-RAZA}
      - {nombre: "UMAE Hospital de Cardiología, CMN Siglo XXI", clave: CMN-SXXI, plazas: 1}
    cer: cardiologia
convocatoria: imss-cer-2026-2027
"""

SEDES_CSV = """\
cer,clave,plazas,nombre
cardiologia,HE-LA-RAZA,1,
Cardiología,CMN-SXXI,1,"UMAE Hospital de Cardiología, CMN Siglo XXI"
"""

ASPIRANTES_CSV = """\
folio,cer,puntaje,efiser,promedio_posgrado,enarm,opciones
000200,Cardiología,80.0,,,,CMN-SXXI|HE-LA-RAZA
000045,Cardiología,,90.0,88,70.00,CMN-SXXI
000123,CARDIOLOGÍA,87.5120,,,,CMN-SXXI | HE-LA-RAZA
"""


def _write(
    tmp_path: Path, yaml_text: str = YAML, sedes: str = SEDES_CSV, aspirantes: str = ASPIRANTES_CSV
) -> tuple[Path, Path]:
    fixture = tmp_path / "concurso.yaml"
    fixture.write_text(yaml_text, encoding="utf-8")
    directory = tmp_path / "csv"
    directory.mkdir(exist_ok=True)
    (directory / "sedes.csv").write_text(sedes, encoding="utf-8")
    (directory / "aspirantes.csv").write_text(aspirantes, encoding="utf-8")
    return fixture, directory


def test_yaml_and_csv_give_the_same_input_hash_and_result(tmp_path: Path) -> None:
    """Row order, key order, number format (87.512 / 87.5120) and format do not change the hash."""
    fixture, directory = _write(tmp_path)
    a = replay(fixture).asignacion
    b = replay(directory, convocatoria="imss-cer-2026-2027").asignacion
    assert a.entrada_sha256 == b.entrada_sha256
    assert a.sede_de() == b.sede_de() == {"000045": "CMN-SXXI", "000123": "HE-LA-RAZA", "000200": None}
    assert a.resultado("000045").puntaje == d("88.10")


def test_the_hash_changes_with_the_order_of_an_applicants_options(tmp_path: Path) -> None:
    fixture, _ = _write(tmp_path)
    other = tmp_path / "otro.yaml"
    other.write_text(
        YAML.replace(
            'opciones: [CMN-SXXI, HE-LA-RAZA]\n      - {folio: "000045"',
            'opciones: [HE-LA-RAZA, CMN-SXXI]\n      - {folio: "000045"',
        ),
        encoding="utf-8",
    )
    assert replay(fixture).asignacion.entrada_sha256 != replay(other).asignacion.entrada_sha256


def test_without_convocatoria_the_hash_differs_and_components_are_refused(tmp_path: Path) -> None:
    _, directory = _write(tmp_path)
    with pytest.raises(DataFileError) as caught:
        replay(directory)
    assert str(caught.value).startswith(f"{directory / 'aspirantes.csv'}:3:1: folio '000045': para calcular")


@pytest.mark.parametrize(
    ("change", "where", "fragment"),
    [
        (('folio: "000123"', "folio: 123"), "8:16", "se esperaba texto, se encontró el entero 123"),
        (
            (
                'opciones: [CMN-SXXI, HE-LA-RAZA]\n      - {folio: "000045"',
                'opciones: [CMN-SXXI, HE-LARAZA]\n      - {folio: "000045"',
            ),
            "10:30",
            "la opción 2 'HE-LARAZA' no es una sede del concurso de Cardiología; ¿quiso decir 'HE-LA-RAZA'?",
        ),
        (('folio: "000200"', 'folio: "000123"'), "12:17", "folio '000123', campo 'folio': folio repetido"),
        (
            ("plazas: 1, nombre", "plazas: -1, nombre"),
            "5:35",
            "'plazas' vale -1; se esperaba un entero mayor o igual a 0",
        ),
        (("cer: Cardiología", "cer: Medicina Interna"), "3:10", "no es un CER de la Tabla 1"),
        (
            ("convocatoria: imss-cer-2026-2027", "convocatoria: imss-enarm-xlvi-2023"),
            "1:15",
            "no declara asignación de sede",
        ),
        (
            ('puntaje: "87.512"', 'puntaje: "87,512"'),
            "9:18",
            "se esperaba un número decimal como 87.5, se encontró el texto '87,512'",
        ),
        (
            ("opciones: [CMN-SXXI]}", "opcion: [CMN-SXXI]}"),
            "11:73",
            "clave desconocida 'opcion'; ¿quiso decir 'opciones'?",
        ),
    ],
)
def test_yaml_fixture_problems_are_positioned(
    tmp_path: Path, change: tuple[str, str], where: str, fragment: str
) -> None:
    fixture, _ = _write(tmp_path, YAML.replace(*change, 1))
    with pytest.raises(DataFileError) as caught:
        load_entrada(fixture)
    first = str(caught.value)
    assert first.startswith(f"{fixture}:{where}: "), first
    assert fragment in first


@pytest.mark.parametrize(
    ("archivo", "sedes", "aspirantes", "where", "fragment"),
    [
        (
            "sedes.csv",
            SEDES_CSV.replace("plazas,nombre", "plaza,nombre"),
            ASPIRANTES_CSV,
            "1:11",
            "columna desconocida 'plaza'; ¿quiso decir 'plazas'?",
        ),
        (
            "sedes.csv",
            SEDES_CSV.replace("HE-LA-RAZA,1,", "HE-LA-RAZA,2.5,"),
            ASPIRANTES_CSV,
            "2:24",
            "columna 'plazas': se esperaba un entero mayor o igual a 0, se encontró '2.5'",
        ),
        (
            "aspirantes.csv",
            SEDES_CSV,
            ASPIRANTES_CSV.replace("CMN-SXXI|HE-LA-RAZA", "CMN-SXXI|HGZ-1"),
            "2:28",
            "la opción 2 'HGZ-1' no es una sede del concurso de Cardiología",
        ),
        (
            "aspirantes.csv",
            SEDES_CSV,
            ASPIRANTES_CSV.replace("000200,Cardiología", "000200,Nefrología"),
            "2:8",
            "el CER 'Nefrología' no tiene sedes en sedes.csv",
        ),
        (
            "aspirantes.csv",
            SEDES_CSV,
            ASPIRANTES_CSV.replace("80.0", "-80"),
            "2:20",
            "se esperaba un número decimal sin signo",
        ),
        (
            "aspirantes.csv",
            SEDES_CSV,
            ASPIRANTES_CSV.replace("000123,CARDIOLOGÍA,87.5120,,,,", "000123,CARDIOLOGÍA,87.5120,,,"),
            "4:1",
            "la fila tiene 6 celdas y la cabecera 7",
        ),
        (
            "aspirantes.csv",
            SEDES_CSV,
            "folio,cer,puntaje\n",
            "1:1",
            "falta la columna obligatoria 'opciones'",
        ),
        ("sedes.csv", "", ASPIRANTES_CSV, "1:1", "falta la cabecera"),
    ],
)
def test_csv_fixture_problems_are_positioned(
    tmp_path: Path, archivo: str, sedes: str, aspirantes: str, where: str, fragment: str
) -> None:
    _, directory = _write(tmp_path, sedes=sedes, aspirantes=aspirantes)
    with pytest.raises(DataFileError) as caught:
        load_entrada(directory, "imss-cer-2026-2027")
    problems = [str(p) for p in caught.value.problemas]
    assert any(p.startswith(f"{directory / archivo}:{where}: ") and fragment in p for p in problems), problems


def test_csv_with_bom_is_read_and_non_utf8_is_refused_at_the_byte(tmp_path: Path) -> None:
    _, directory = _write(tmp_path)
    (directory / "sedes.csv").write_bytes(b"\xef\xbb\xbf" + SEDES_CSV.encode())
    assert replay(directory, convocatoria="imss-cer-2026-2027").asignacion.sede_de()["000045"] == "CMN-SXXI"
    (directory / "sedes.csv").write_bytes(SEDES_CSV.encode("latin-1"))
    with pytest.raises(DataFileError, match=r"sedes.csv:3:10: el archivo no es UTF-8 \(byte 0xed\)"):
        load_entrada(directory, "imss-cer-2026-2027")


# --- replay against a published result ------------------------------------------------------------


def test_published_result_is_compared_folio_by_folio_and_checked_against_6_2(tmp_path: Path) -> None:
    """Swapping two seats: both folios differ, one seat is not among the options, and the higher
    PI-IMSS envies the lower one's seat (6.2 punto 1)."""
    fixture, _ = _write(tmp_path)
    published = tmp_path / "publicado.csv"
    published.write_text("folio,sede\n000123,CMN-SXXI\n000045,HE-LA-RAZA\n000200,\n", encoding="utf-8")
    auditoria = replay(fixture, esperado=published)
    assert [(d.tipo, d.folios) for d in auditoria.discrepancias] == [
        ("sede_distinta", ("000045",)),
        ("sede_distinta", ("000123",)),
        ("sede_no_solicitada", ("000045",)),
        ("envidia_justificada", ("000045", "000123")),
    ]
    assert not auditoria.conforme


def test_missing_and_unknown_folios_in_the_published_result(tmp_path: Path) -> None:
    fixture, _ = _write(tmp_path)
    published = tmp_path / "publicado.csv"
    published.write_text(
        "folio,sede\n000123,HE-LA-RAZA\n000045,CMN-SXXI\n999999,HE-LA-RAZA\n", encoding="utf-8"
    )
    kinds = [(d.tipo, d.folios) for d in replay(fixture, esperado=published).discrepancias]
    assert kinds == [("folio_no_publicado", ("000200",)), ("folio_desconocido", ("999999",))]


def test_the_published_result_refuses_repeated_folios(tmp_path: Path) -> None:
    published = tmp_path / "publicado.csv"
    published.write_text("folio,sede\n1,A\n1,B\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"publicado.csv:3:1: folio '1' repetido \(ya en la línea 2\)"):
        load_publicado(published)


def test_formula_cells_are_escaped_in_csv_output() -> None:
    assert [celda_segura(v) for v in ("=1+1", "+52", "-3", "@SUM(A1)", "\tx", "000123", "")] == [
        "'=1+1",
        "'+52",
        "'-3",
        "'@SUM(A1)",
        "'\tx",
        "000123",
        "",
    ]


# --- CLI -----------------------------------------------------------------------------------------


def test_cli_json_has_the_documented_shape_and_is_byte_identical_under_permutation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixture, directory = _write(tmp_path)
    assert main(["asignar", str(fixture), "--json"]) == 0
    first = capsys.readouterr().out
    data = json.loads(first)
    assert list(data) == [
        "entrada_sha256",
        "convocatoria",
        "convocatoria_sha256",
        "asignaciones",
        "cortes",
        "desempates",
        "discrepancias",
        "lecturas",
        "explicaciones",
    ]
    assert data["asignaciones"][0] == {
        "folio": "000045",
        "cer": "Cardiología",
        "sede": "CMN-SXXI",
        "opcion": 1,
        "puntaje": "88.10",
    }
    assert data["cortes"][1] == {
        "cer": "Cardiología",
        "sede": "HE-LA-RAZA",
        "plazas": 1,
        "ocupadas": 1,
        "puntaje_corte": "87.512",
    }
    assert main(["asignar", str(directory), "--convocatoria", "imss-cer-2026-2027", "--json"]) == 0
    second = capsys.readouterr().out
    assert json.loads(second)["entrada_sha256"] == data["entrada_sha256"]
    shuffled = tmp_path / "permutado.yaml"
    shuffled.write_text(PERMUTED_YAML, encoding="utf-8")
    assert main(["asignar", str(shuffled), "--json"]) == 0
    assert capsys.readouterr().out == first


def test_cli_exit_codes_report_and_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fixture, _ = _write(
        tmp_path,
        YAML.replace('folio: "000200"', 'folio: "=2+3|x"').replace(
            "UMAE Hospital de Cardiología, CMN Siglo XXI", "UMAE | Cardiología"
        ),
    )
    published = tmp_path / "publicado.csv"
    published.write_text("folio,sede\n000123,HE-LA-RAZA\n000045,CMN-SXXI\n=2+3|x,\n", encoding="utf-8")
    report, seats = tmp_path / "r.md", tmp_path / "s.csv"
    assert (
        main(
            [
                "asignar",
                str(fixture),
                "--esperado",
                str(published),
                "--reporte",
                str(report),
                "--csv",
                str(seats),
                "--explicar",
                "000123",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "discrepancias: 0" in out and "Resultado: asignado a HE-LA-RAZA, su 2.ª opción (6.2)." in out
    assert "\n'=2+3|x,Cardiología,,,80\n" in seats.read_text(encoding="utf-8")
    text = report.read_text(encoding="utf-8")
    assert (
        "## Sedes" in text
        and "| Cardiología | CMN-SXXI | UMAE \\| Cardiología | 1 | 1 | 88.10 | 000045 |" in text
    )
    assert "Ninguna: el resultado publicado" in text
    published.write_text("folio,sede\n000123,CMN-SXXI\n000045,HE-LA-RAZA\n=2+3|x,\n", encoding="utf-8")
    assert main(["asignar", str(fixture), "--esperado", str(published)]) == 1
    assert main(["asignar", str(tmp_path / "no-existe.yaml")]) == 2
    assert "no se pudo leer el archivo" in capsys.readouterr().err
    assert main(["asignar", str(fixture), "--explicar", "000124"]) == 2
    assert "folio '000124' desconocido en este concurso; ¿quiso decir '000123'" in capsys.readouterr().err


# --- direct pre-assignment (ENARM calls) ----------------------------------------------------------


def test_direct_pre_assignment_annuls_a_different_sede_citing_xlvi_1_3() -> None:
    expediente = load_expediente(ROOT / "examples/expedientes/xlvi-sede-distinta-no-cumple.yaml")
    resultado = revisar_preasignacion(load_convocatoria("imss-enarm-xlvi-2023"), expediente)
    assert (resultado.estado, resultado.articulo) == (EstadoPreasignacion.ANULADA, "1.3")
    assert (resultado.sede_registrada, resultado.sede_constancia) == (
        "HGZ 1 Tlaxcala",
        "HE Centro Médico Nacional Siglo XXI",
    )
    assert "registro ANULADO" in resultado.explicar()


def test_direct_pre_assignment_confirms_sede_and_subsede_citing_xlix_1_4(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = ROOT / "examples/expedientes/xlix-mexicana-completo-cumple.yaml"
    resultado = revisar_preasignacion(
        load_convocatoria("imss-enarm-xlix-2026-tercer-periodo"), load_expediente(path)
    )
    assert resultado.estado is EstadoPreasignacion.CONFIRMADA
    assert resultado.articulo.startswith("1.4")
    assert main(["preasignacion", "imss-enarm-xlix-2026-tercer-periodo", str(path)]) == 0
    xlvi = ROOT / "examples/expedientes/xlvi-sede-distinta-no-cumple.yaml"
    assert main(["preasignacion", "imss-enarm-xlvi-2023", str(xlvi), "--json"]) == 1
    assert json.loads(capsys.readouterr().out.split("\n", 4)[-1])["estado"] == "anulada"


def test_direct_pre_assignment_needs_the_facts_and_an_enarm_call() -> None:
    xlix = load_convocatoria("imss-enarm-xlix-2026-tercer-periodo")
    sin_sede = Expediente(xlix.id, Residente(constancia_enarm=ConstanciaENARM(sede="HGR 1", subsede="HGZ 8")))
    assert revisar_preasignacion(xlix, sin_sede).estado is EstadoPreasignacion.FALTA_INFORMACION
    solo_sede = Expediente(
        xlix.id,
        Residente(sede_registrada="HGR 1", constancia_enarm=ConstanciaENARM(sede="HGR 1", subsede="HGZ 8")),
    )
    assert revisar_preasignacion(xlix, solo_sede).estado is EstadoPreasignacion.FALTA_INFORMACION
    with pytest.raises(InvalidQueryError, match="no asigna sede por pre-asignación directa"):
        revisar_preasignacion(CER, Expediente(CER.id))


def test_publications_in_a_yaml_fixture_give_the_bonus_of_seccion_7(tmp_path: Path) -> None:
    """The sample publications give 0.075 (first author 0.05 + second author 0.025; the case
    report is excluded by 7.1 H 1), as `residencias puntaje` computes: 84.00 + 0.075."""
    sample = (ROOT / "examples/puntaje/publicaciones.yaml").read_text(encoding="utf-8")
    items = sample.split("publicaciones:\n", 1)[1]
    indented = "\n".join("        " + line if line.strip() else line for line in items.splitlines())
    fixture = tmp_path / "pubs.yaml"
    fixture.write_text(
        "convocatoria: imss-cer-2026-2027\nconcursos:\n  - cer: Cardiología\n    sedes:\n"
        '      - {clave: A, plazas: 1}\n    aspirantes:\n      - folio: "1"\n        efiser: 80\n'
        "        promedio_posgrado: 90\n        enarm: 70\n        opciones: [A]\n"
        f"        publicaciones:\n{indented}\n",
        encoding="utf-8",
    )
    assert replay(fixture).asignacion.resultado("1").puntaje == d("84.075")


def test_subsedes_are_options_of_their_own(tmp_path: Path) -> None:
    """8.1: the result names "la sede y subsede (si aplica)"; a subsede is chosen as `clave/subsede`,
    in YAML and in CSV alike."""
    fixture = tmp_path / "subsedes.yaml"
    fixture.write_text(
        "concursos:\n  - cer: Cardiología\n    sedes:\n"
        "      - {clave: HGR-1, subsede: UMF-20, plazas: 1}\n"
        "      - {clave: HGR-1, subsede: UMF-7, plazas: 1}\n"
        "    aspirantes:\n"
        '      - {folio: "1", puntaje: 90, opciones: [HGR-1/UMF-20, HGR-1/UMF-7]}\n'
        '      - {folio: "2", puntaje: 80, opciones: [HGR-1/UMF-20, HGR-1/UMF-7]}\n',
        encoding="utf-8",
    )
    directory = tmp_path / "csv"
    directory.mkdir()
    (directory / "sedes.csv").write_text(
        "cer,clave,subsede,plazas\nCardiología,HGR-1,UMF-7,1\nCardiología,HGR-1,UMF-20,1\n", encoding="utf-8"
    )
    (directory / "aspirantes.csv").write_text(
        "folio,cer,puntaje,opciones\n2,Cardiología,80,HGR-1/UMF-20|HGR-1/UMF-7\n"
        "1,Cardiología,90,HGR-1/UMF-20|HGR-1/UMF-7\n",
        encoding="utf-8",
    )
    a, b = replay(fixture).asignacion, replay(directory).asignacion
    assert a.sede_de() == b.sede_de() == {"1": "HGR-1/UMF-20", "2": "HGR-1/UMF-7"}
    assert a.entrada_sha256 == b.entrada_sha256
