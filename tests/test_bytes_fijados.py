"""Pinned bytes: the speed work (issue "Speed") may change how outputs are computed, never what
they are. These digests were taken before that work; a change of format must be declared and these
values updated with it, in the same commit."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from decimal import Decimal as D  # noqa: N817
from pathlib import Path

import pytest

import residencias
from residencias.assignment.canonico import entrada_canonica, entrada_sha256
from residencias.assignment.concurso import Solicitud
from residencias.assignment.validacion import ConcursoPreparado
from residencias.domain.publicaciones import FuenteEvidencia, Publicacion, TipoPublicacion
from residencias.domain.sede import Sede
from tests.cli_correr import correr

RAIZ = Path(__file__).resolve().parents[1]
YAML = "examples/asignacion/cer-2026-2027.yaml"  # relative: the text output names the file as given
CSV = "examples/asignacion/cer-2026-2027-csv"
PUBLICADO = "examples/asignacion/publicado.csv"
CER = "imss-cer-2026-2027"

ENTRADA_EJEMPLO = "4a83164993f1a4e74d2b87ea21223aa752a3ce3544357a4ab01eff0fb678260a"


@pytest.fixture(autouse=True)
def _en_la_raiz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(RAIZ)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@pytest.mark.parametrize(
    ("argv", "digest"),
    [
        (("asignar", YAML, "--json"), "1d6432df7620207f7322b340e6a988656cc812b39b15352d6eb867e50e22b0d6"),
        (("asignar", YAML), "7150241402a0574fc94f3034aad556642f4ac287e18eb77a4bc5ffffd90c5351"),
        (("asignar", CSV, "--convocatoria", CER, "--json"),
         "1d6432df7620207f7322b340e6a988656cc812b39b15352d6eb867e50e22b0d6"),
        (("asignar", YAML, "--esperado", PUBLICADO, "--json"),
         "d6c28015c6c3d5db3eaa78ebf34887a394886c217f371ce2fd41b0a90fd795ff"),
        (("asignar", YAML, "--esperado", PUBLICADO),
         "2f906a6dbb702b94b89cf5eec75fa3d9adbac337df6bfbad00e1e0c0408d6cad"),
        # Declared change: the rounds reading's input hash now folds in the convocatoria's data, as the
        # serial one does (it was ebff5c38…, a hash of the applicants alone); nothing else moved.
        (("asignar", YAML, "--lectura", "rondas", "--esperado", PUBLICADO, "--explicar", "000292", "--json"),
         "3d1d634e9f9bec0b1771b950d8d9c07dca6ed6228c75940d1ad1a012282230fd"),
    ],
)
def test_asignar_prints_the_pinned_bytes_twice(argv: tuple[str, ...], digest: str) -> None:
    """The same bytes as before the speed work, and the same on a second run (nothing depends on
    the run: no clock, no hash seed, no set order)."""
    first, second = correr(*argv), correr(*argv)
    assert first.salida == second.salida
    assert _sha(first.salida) == digest, argv


def test_entrada_sha256_of_the_bundled_example_is_pinned() -> None:
    """The input hash of the bundled example, in YAML and in CSV, is the value it had before the
    hash was computed in one streaming pass."""
    assert residencias.replay(YAML).asignacion.entrada_sha256 == ENTRADA_EJEMPLO
    assert residencias.replay(CSV, convocatoria=CER).asignacion.entrada_sha256 == ENTRADA_EJEMPLO


def _pub(titulo: str, doi: str, pmid: str) -> Publicacion:
    return Publicacion(titulo, TipoPublicacion.ESTUDIO_DE_CORTE_TRANSVERSAL, 1, "0028-0836", doi, pmid, True,
                       date(2024, 6, 15), True, True, True, FuenteEvidencia.PUBMED)


def _preparados() -> list[ConcursoPreparado]:
    """Every kind of field the canonical form writes: subsede, nombre, exact long numbers, trailing
    zeros, components, bonus, publications, no options, texts outside ASCII, two CER out of order."""
    sedes = [Sede("B", 1), Sede("A", 2, nombre="Hospital \"A\" — Ñuñoa", subsede="U1"), Sede("C", 0)]
    aspirantes = (
        Solicitud("000125", ["B", "A/U1"], efiser=D("91"), promedio_posgrado=D("85.10"), enarm=D("60"),
                  publicaciones=(_pub("Estudio", "10.1000/x.1", "38000001"),
                                 _pub("Otro\tcon tab", "10.1000/x.2", "38000002"))),
        Solicitud("000123", ["A/U1", "B"], efiser=D("90"), promedio_posgrado=D("88"), enarm=D("70"),
                  puntaje_adicional=D("0.050")),
        Solicitud("124", ["B"], puntaje=D("80.000000000000000000000000001")),
        Solicitud("A-7", [], puntaje=D("1E+1")),
        Solicitud("9", ["C"], puntaje=D("0.0")),
    )
    otro = ConcursoPreparado(1, "Cardiología", {"S": Sede("S", 3)}, (Solicitud("1", ["S"], puntaje=D("7")),),
                             (D(7),))
    uno = ConcursoPreparado(0, "Neurología", {s.identificador: s for s in sedes}, aspirantes,
                            tuple(D(0) for _ in aspirantes))
    return [uno, otro]


def test_entrada_sha256_of_every_kind_of_field_is_pinned() -> None:
    con = "d82ca21b46d5cc69f81016bc07bf033321d149a4224ec25c27d7d54f76acd60a"
    sin = "eba1417cd4192aea35194d5bd84093b52e447fe034862e31d329009066f99df8"
    assert entrada_sha256(CER, _preparados(), "abc") == con
    assert entrada_sha256(None, _preparados()) == sin
    assert entrada_canonica(None, _preparados())["concursos"][0]["cer"] == "Cardiología"


@pytest.mark.parametrize("argv", [(YAML,), (CSV, "--convocatoria", CER)])
def test_both_readings_report_the_same_input_hash(argv: tuple[str, ...]) -> None:
    """The input hash covers the applicants and the convocatoria's data, whichever reading of 6.2
    runs: an auditor compares it across runs, so it cannot depend on ``--lectura``."""
    hashes = {json.loads(correr("asignar", *argv, "--lectura", lectura, "--json").salida)["entrada_sha256"]
              for lectura in ("serial", "rondas")}
    assert hashes == {ENTRADA_EJEMPLO}
