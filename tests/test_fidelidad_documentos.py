"""Regressions of the «Fidelity» issue about documents, checklists and the facts of a person file
(items 4, 5, 12, 13, 16, 17 and 18). The rule outcomes themselves are data-driven cases in
``tests/casos/``; these tests guard what a case cannot: checklists, loading, refusals, output."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest

import residencias
from residencias.cli import main
from residencias.domain.instituciones import reconocer
from residencias.domain.validators import InvalidValue
from residencias.rules.checklist import Categoria, ItemDocumento, checklist, lista_de_documentos

CDMX = ZoneInfo("America/Mexico_City")
PRIMER_INGRESO = "unam-primer-ingreso-2026"
REGULARIZACION = "unam-regularizacion-2025"
XLVI = "imss-enarm-xlvi-2023"
XLIX = "imss-enarm-xlix-2026-tercer-periodo"
CER = "imss-cer-2026-2027"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _items(conv_id: str, *categorias: Categoria) -> tuple[ItemDocumento, ...]:
    return checklist(residencias.load_convocatoria(conv_id), frozenset(categorias))


def _by_doc(items: tuple[ItemDocumento, ...]) -> dict[str, list[ItemDocumento]]:
    out: dict[str, list[ItemDocumento]] = {}
    for item in items:
        out.setdefault(item.documento, []).append(item)
    return out


# --- 4. checklists list the documents «según su caso», with their condition ------------------------


def test_primer_ingreso_lista_todo_lo_que_puede_pedirse() -> None:
    docs = _by_doc(_items(PRIMER_INGRESO, Categoria.MEXICANO_MEXICO))
    # título and cédula (a requisito rule, Requisitos obligatorios) are asked of everyone
    assert not docs["TITULO"][0].segun_su_caso and not docs["CEDULA"][0].segun_su_caso
    # OSA or OSA with requisito previo: both, each conditional on the form of entry
    for documento in ("OFICIOSUFICIENCIA", "OFICIOSUFICIENCIAREQUISITOPREVIO"):
        item = docs[documento][0]
        assert item.segun_su_caso and item.condicion and "ingreso_indirecto" in item.condicion, documento
    # the foreign-specialty documents: the grado, or certificado parcial + plan + pénsum, apostillados
    for documento in ("GRADOESPECIALISTA", "CERTIFICADOPARCIAL", "PLANESTUDIOS", "PENSUM"):
        item = docs[documento][0]
        assert item.segun_su_caso and "estudios_especialidad" in (item.condicion or ""), documento
        assert item.requisitos == ("apostillado",), documento
    assert docs["HISTORIAACADEMICA"][0].segun_su_caso


def test_regularizacion_lista_los_documentos_de_especialidad_en_el_extranjero() -> None:
    docs = _by_doc(_items(REGULARIZACION, Categoria.MEXICANO_MEXICO))
    for documento in ("GRADOESPECIALISTA", "CERTIFICADOPARCIAL", "PLANESTUDIOS", "PENSUM",
                      "EQUIVALENCIAPROMEDIO", "DICTAMENEXTEMPORANEO"):
        assert docs[documento][0].segun_su_caso and docs[documento][0].condicion, documento


def test_documento_en_una_alternativa_es_segun_su_caso() -> None:
    docs = _by_doc(_items(XLIX, Categoria.MEXICANO_MEXICO))
    carta = docs["CARTACOMPROMISOTITULO"][0]
    assert carta.segun_su_caso and carta.condicion and "titulo_en_tramite" in carta.condicion
    assert not docs["TITULO2"][0].segun_su_caso


# --- 12. the checklist says which documents need notary and apostille --------------------------------


@pytest.mark.parametrize(("conv_id", "categoria", "reglas"), [
    (XLIX, Categoria.MEXICANO_EXTRANJERO, {"xlix-2.2.2"}),
    (XLVI, Categoria.MEXICANO_EXTRANJERO, {"xlvi-mx-extranjero"}),
    (XLVI, Categoria.EXTRANJERO, {"xlvi-ext-b-c-d", "xlvi-ext-generados-en-el-extranjero"}),
    (CER, Categoria.MEXICANO_EXTRANJERO, {"cer-3.1-13"}),
])
def test_lista_dice_que_documentos_se_apostillan(conv_id: str, categoria: Categoria,
                                                 reglas: set[str]) -> None:
    items = [i for i in _items(conv_id, categoria) if i.regla in reglas]
    assert {i.documento for i in items} >= {"CERTIFICADO"}
    for item in items:
        assert any("apostillado si fue expedido en el extranjero" in r for r in item.requisitos), item


def test_mexicano_con_estudios_en_mexico_no_tiene_apostilles() -> None:
    items = _items(XLIX, Categoria.MEXICANO_MEXICO)
    assert not any("apostillado" in r for i in items for r in i.requisitos)


# --- 13, 18. a call that excludes the case, or says nothing of it, does not list documents ------------


@pytest.mark.parametrize(("conv_id", "categoria", "tipo", "articulo"), [
    (CER, "extranjero", "exclusion", "Convocan; 1.1"),
    (CER, "trabajador-imss", "silencio", "Convocan; 1.1; 1.2"),
    (XLIX, "extranjero", "silencio", "2.2"),
])
def test_documentos_de_un_caso_no_cubierto(capsys: pytest.CaptureFixture[str], conv_id: str, categoria: str,
                                            tipo: str, articulo: str) -> None:
    code, out, _ = run(capsys, "documentos", conv_id, "--categoria", categoria, "--json")
    data = json.loads(out)
    assert code == 1 and data["documentos"] == []
    assert [r["tipo"] for r in data["restricciones"]] == [tipo]
    assert data["restricciones"][0]["articulo"].startswith(articulo)
    code, out, _ = run(capsys, "documentos", conv_id, "--categoria", categoria)
    assert code == 1 and "no cubre este caso" in out and "PUNTAJENARM" not in out


def test_casos_cubiertos_no_tienen_restricciones() -> None:
    for conv_id, categorias in ((CER, {Categoria.MEXICANO_MEXICO}), (XLIX, {Categoria.MEXICANO_EXTRANJERO}),
                                (XLVI, {Categoria.EXTRANJERO}), (XLIX, {Categoria.TRABAJADOR_IMSS})):
        lista = lista_de_documentos(residencias.load_convocatoria(conv_id), frozenset(categorias))
        assert lista.cubierto and lista.documentos, conv_id


# --- 5. the UNAM account number is validated on load (Instructivo, paso 4) ----------------------------


@pytest.mark.parametrize("numero", ["12345", "90-25888-5", "EM12", "0902588851"])
def test_numero_de_cuenta_unam_invalido_se_rechaza_al_cargar(tmp_path: Path, numero: str) -> None:
    path = tmp_path / "e.yaml"
    path.write_text(f"convocatoria: {PRIMER_INGRESO}\naspirante:\n  numero_cuenta_unam: '{numero}'\n",
                    encoding="utf-8")
    with pytest.raises(residencias.DataFileError) as info:
        residencias.load_expediente(path)
    message = str(info.value)
    assert f"{path}:3:" in message and "número de cuenta UNAM" in message and "paso 4" in message
    with pytest.raises(InvalidValue):
        residencias.Residente(numero_cuenta_unam=numero)


@pytest.mark.parametrize("numero", ["090258885", "9025888-5", "EM0000001"])
def test_numero_de_cuenta_unam_valido_se_acepta(numero: str) -> None:
    assert residencias.Residente(numero_cuenta_unam=numero).numero_cuenta_unam == numero


def test_evaluar_con_cuenta_invalida_sale_con_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "e.yaml"
    path.write_text(f"convocatoria: {PRIMER_INGRESO}\naspirante:\n  numero_cuenta_unam: '12345'\n",
                    encoding="utf-8")
    code, _, err = run(capsys, "evaluar", PRIMER_INGRESO, str(path), "--en", "2026-02-10T10:00:00-06:00")
    assert code == 2 and "tiene 5 dígitos" in err


# --- 16. institution names: a normalised, declared comparison ------------------------------------------


@pytest.mark.parametrize(("nombre", "es_imss"), [
    ("IMSS", True), ("imss", True), ("I.M.S.S.", True), ("I. M. S. S.", True),
    ("Instituto Mexicano del Seguro Social", True), ("INSTITUTO MEXICANO DEL SEGURO SOCIAL", True),
    ("IMSS UMAE Hospital de Especialidades CMN Siglo XXI", True), ("UMAE 25 (IMSS)", True),
    ("ISSSTE", False), ("Secretaría de Salud", False),
    ("Secretaría de Salud, Hospital General de México", False), ("SEDENA", False),
    ("Instituto Nacional de Cardiología", False), ("Servicios de Salud de Nuevo León", False),
    ("IMSS-Bienestar", None), ("Hospital Ángeles", None), ("Clínica del Sur", None), ("", None),
])
def test_reconocer_institucion(nombre: str, es_imss: bool | None) -> None:
    assert reconocer(nombre).es_imss is es_imss


def test_cer_1_2_declara_el_supuesto_cuando_decide() -> None:
    conv = residencias.load_convocatoria(CER)
    en = datetime(2026, 3, 10, 12, tzinfo=CDMX)
    for nombre, resultado in (("I.M.S.S.", "no_cumple"), ("ISSSTE", "cumple")):
        e = residencias.Expediente(CER, residencias.Residente(institucion=nombre))
        h = next(h for h in residencias.evaluate(conv, e, en=en).hallazgos if h.regla == "cer-1.2")
        assert h.resultado.value == resultado and "[supuesto:" in h.razon
    e = residencias.Expediente(CER, residencias.Residente(institucion="IMSS"))
    h = next(h for h in residencias.evaluate(conv, e, en=en).hallazgos if h.regla == "cer-1.2")
    assert h.resultado.value == "no_cumple" and "[supuesto:" not in h.razon


# --- 17. an unknown CEME or CER is refused with a hint, never read as «not in Tabla 1» ------------------


@pytest.mark.parametrize(("campo", "valor", "sugerencia"), [
    ("ceme", "Medicina intena", "Medicina Interna"),
    ("cer_solicitado", "Cardiologia pediatrca", "Cardiología Pediátrica"),
])
def test_evaluar_rechaza_especialidad_desconocida(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                  campo: str, valor: str, sugerencia: str) -> None:
    conv = residencias.load_convocatoria(CER)
    datos = {"ceme": "Medicina interna", "grado": 2, "cer_solicitado": "Cardiología", campo: valor}
    persona = attrs.evolve(residencias.Residente(), **datos)
    with pytest.raises(residencias.UnknownEspecialidadError, match=sugerencia):
        residencias.evaluate(conv, residencias.Expediente(CER, persona),
                             en=datetime(2026, 3, 10, tzinfo=CDMX))
    path = tmp_path / "e.yaml"
    lines = "".join(f"  {k}: {v}\n" for k, v in datos.items())
    path.write_text(f"convocatoria: {CER}\naspirante:\n{lines}", encoding="utf-8")
    code, out, err = run(capsys, "evaluar", CER, str(path), "--en", "2026-03-10T12:00:00-06:00")
    assert code == 2 and not out and sugerencia in err and "no cumple" not in err


# --- omitted: the consequence of files that fail the table or are illegible ---------------------------


@pytest.mark.parametrize(("conv_id", "articulo", "ilegible"), [
    (XLVI, "2.1 nota 2 c", "7. Aclaraciones sustantivas"),
    (XLIX, "2.2.3 c)", "7.1"),
])
def test_revisar_archivos_dice_la_consecuencia(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                               conv_id: str, articulo: str, ilegible: str) -> None:
    code, out, _ = run(capsys, "revisar-archivos", conv_id, str(tmp_path))
    assert code == 1
    assert f"Consecuencia ({articulo}):" in out and "cancela" in out
    assert f"Legibilidad, que esta revisión no comprueba ({ilegible}):" in out
    code, out, _ = run(capsys, "revisar-archivos", conv_id, str(tmp_path), "--json")
    data = json.loads(out)
    assert {(c["por"], c["articulo"]) for c in data["consecuencias"]} == {
        ("archivos_conformes", articulo), ("archivos_legibles", ilegible)}
