"""The domain objects exist, load from YAML, compare by value and cannot be changed."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
import yaml

import residencias
from residencias.domain import Documento, Residente, Sede
from residencias.domain.personas import Estudios, Nacionalidad
from tests.strategies import BUNDLED_DATA

DATA = Path(__file__).parent / "data"


def test_expediente_loads_with_typed_facts() -> None:
    expediente = residencias.load_expediente(DATA / "expediente_residente.yaml")
    persona = expediente.aspirante
    assert expediente.convocatoria == "imss-cer-2026-2027"
    assert persona.nacionalidad is Nacionalidad.MEXICANA
    assert persona.estudios_licenciatura is Estudios.MEXICO
    assert (persona.ceme, persona.grado) == ("Medicina interna", 2)
    assert persona.telefonos == ("8112345678", "5512345678")
    assert expediente.documentos[2] == Documento("TITULO1", "TITULO1.jpg", apostillado=False)


def test_absent_facts_are_unknown_not_false() -> None:
    persona = Residente()
    assert persona.nacionalidad is None
    assert persona.grado is None
    assert Documento("CURP").apostillado is None


def test_the_same_file_loads_to_equal_objects() -> None:
    a = residencias.load_expediente(DATA / "expediente_residente.yaml")
    b = residencias.load_expediente(DATA / "expediente_residente.yaml")
    assert a == b
    assert hash(a) == hash(b)
    assert attrs.evolve(a, convocatoria="otra") != a


def test_domain_objects_are_frozen() -> None:
    sede = Sede("CMN-SXXI", plazas=3)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        sede.plazas = 4  # type: ignore[misc]


def test_bundled_convocatorias_compare_by_value() -> None:
    cer = residencias.load_convocatoria("imss-cer-2026-2027")
    path = BUNDLED_DATA / "convocatorias" / "imss-cer-2026-2027.yaml"
    assert residencias.load_convocatoria(path) == cer


@pytest.mark.parametrize("plazas", [-1, -10])
def test_negative_plazas_are_refused(plazas: int) -> None:
    with pytest.raises(ValueError, match="mayor o igual a 0"):
        Sede("X", plazas=plazas)


def test_grado_without_ceme_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "e.yaml"
    path.write_text("convocatoria: imss-cer-2026-2027\naspirante:\n  grado: 2\n", encoding="utf-8")
    with pytest.raises(residencias.DataFileError) as info:
        residencias.load_expediente(path)
    assert (info.value.linea, info.value.columna) == (3, 10)
    assert "'grado' sin 'ceme'" in str(info.value)


def test_a_convocatoria_may_carry_its_own_catalogue(tmp_path: Path) -> None:
    package = BUNDLED_DATA
    catalogue = yaml.safe_load((package / "especialidades.yaml").read_text(encoding="utf-8"))
    gineco = next(e for e in catalogue["especialidades"] if e["id"] == "ginecologia-y-obstetricia")
    gineco["alias"].append("GyO")
    inline = yaml.safe_dump({"especialidades": catalogue}, allow_unicode=True, sort_keys=False)
    own = tmp_path / "propia.yaml"
    source = (package / "convocatorias" / "imss-cer-2026-2027.yaml").read_text(encoding="utf-8")
    own.write_text(source + inline, encoding="utf-8")
    conv = residencias.load_convocatoria(own)
    assert conv.especialidades != residencias.load_catalogo()
    found = conv.cers_disponibles(ceme="GyO", grado=4)
    assert found[0].fila.cer == "Biología de la reproducción humana"
