"""Scores of the CER call: grades on base 100, the PI-IMSS (6.1, Tabla 2) and the publication
bonus (sección 7), checked against the documents' own examples and as properties.

Sources (../shared/seeds): 004 (imss-cer-2026-2027) 6.1, 7, 3.1 punto 10; 002 (XLVI) and 003
(XLIX) 2.1 d, "Registrar todas las calificaciones ... con base a 100".
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import residencias
from residencias.domain.publicaciones import FuenteEvidencia, Publicacion, TipoPublicacion, issn_valido
from residencias.domain.validators import InvalidValue
from residencias.rules.puntaje import (
    CalificacionInvalidaError,
    DesglosePIIMSS,
    EquivalenciaRequeridaError,
    EstadoPublicacion,
    EvaluacionPublicacion,
    ParametrosPuntaje,
    PuntajeError,
    Resultado,
    calcular_pi_imss,
    calcular_puntaje_adicional,
    convertir_calificacion,
    evaluar_publicacion,
)
from tests.strategies import bundled_convocatoria_text, calificaciones_base_100, listas_de_publicaciones

CER = "imss-cer-2026-2027"


@lru_cache(maxsize=1)
def _parametros() -> ParametrosPuntaje:
    puntaje = residencias.load_convocatoria(CER).puntaje
    assert puntaje is not None
    return puntaje


def _valida(titulo: str = "Cohorte de sepsis", **cambios: Any) -> Publicacion:
    """A publication that meets every criterion of 7.1 as first author, with changes."""
    facts: dict[str, Any] = {
        "tipo": TipoPublicacion.ESTUDIO_DE_COHORTES,
        "posicion_autoria": 1,
        "issn": "0028-0836",
        "doi": "10.1000/" + titulo.replace(" ", "-").casefold(),
        "pmid": None,
        "indexada_medline": True,
        "fecha_publicacion": date(2024, 6, 1),
        "seres_humanos": True,
        "durante_curso_prerrequisito": True,
        "relacionada_con_prerrequisito": True,
        "area_medicina_humana": True,
        "fuente": FuenteEvidencia.PUBMED,
    }
    facts.update(cambios)
    return Publicacion(titulo, **facts)


def _evaluar(publicacion: Publicacion) -> EvaluacionPublicacion:
    return evaluar_publicacion(_parametros().puntaje_adicional, publicacion)


def _hallazgo(evaluacion: EvaluacionPublicacion, criterio: str) -> Any:
    (found,) = [h for h in evaluacion.hallazgos if h.criterio == criterio]
    return found


def _pi(efiser: str, posgrado: str, enarm: str, publicaciones: Any = ()) -> DesglosePIIMSS:
    return calcular_pi_imss(_parametros(), efiser=Decimal(efiser), promedio_posgrado=Decimal(posgrado),
                            enarm=Decimal(enarm), publicaciones=publicaciones)


# --- base 100: the examples of XLVI 2.1 d and XLIX 2.1 d ---------------------------------------


def test_escala_100_se_registra_tal_cual_88_8() -> None:
    convertida = convertir_calificacion(Decimal("88.8"), 100)
    assert convertida == Decimal("88.8")
    assert str(convertida) == "88.8"


def test_escala_10_8_88_se_registra_88_8() -> None:
    convertida = convertir_calificacion(Decimal("8.88"), 10)
    assert str(convertida) == "88.8"


def test_escala_5_con_equivalencia_4_1_se_registra_82_0() -> None:
    convertida = convertir_calificacion(Decimal("4.1"), 5, con_equivalencia=True)
    assert str(convertida) == "82.0"


def test_escala_5_sin_equivalencia_se_rechaza() -> None:
    with pytest.raises(EquivalenciaRequeridaError) as info:
        convertir_calificacion(Decimal("4.1"), 5)
    assert isinstance(info.value, residencias.ResidenciasError)
    assert "documento oficial de equivalencia" in str(info.value)
    assert "2.1 d" in str(info.value)


@pytest.mark.parametrize("escala", [7, 20, 0, 1000])
def test_otra_escala_se_rechaza(escala: int) -> None:
    with pytest.raises(CalificacionInvalidaError, match="escala"):
        convertir_calificacion(Decimal("6"), escala)


@pytest.mark.parametrize(("valor", "escala"), [("10.5", 10), ("-1", 100), ("100.01", 100), ("5.1", 5)])
def test_fuera_de_la_escala_se_rechaza(valor: str, escala: int) -> None:
    with pytest.raises(CalificacionInvalidaError, match=f"escala de {escala}"):
        convertir_calificacion(Decimal(valor), escala, con_equivalencia=True)


@pytest.mark.parametrize("valor", [8.88, "8.88", True, Decimal("NaN"), Decimal("Infinity")])
def test_solo_decimal_finito(valor: Any) -> None:
    with pytest.raises(CalificacionInvalidaError):
        convertir_calificacion(valor, 10)


# --- the puntaje block of the YAML, as the document writes it ---------------------------------


def test_ponderaciones_de_la_tabla_2() -> None:
    pesos = _parametros().ponderaciones
    assert (pesos.efiser.peso, pesos.promedio_posgrado.peso, pesos.enarm.peso) == (
        Decimal("0.50"), Decimal("0.45"), Decimal("0.05"))
    for peso in (pesos.efiser, pesos.promedio_posgrado, pesos.enarm):
        assert peso.articulo == "6.1, Tabla 2"
        assert type(peso.peso) is Decimal


def test_puntos_por_autoria_tope_y_fecha() -> None:
    adicional = _parametros().puntaje_adicional
    assert adicional.maximo.valor == Decimal("0.50")
    assert "7.2" in adicional.maximo.articulo
    assert adicional.autoria_maxima.posicion == 2
    assert adicional.autoria_maxima.articulo == "7.1 F"
    assert [adicional.puntos_de(n).puntos for n in (1, 2, 3, 4, 40)] == [
        Decimal("0.05"), Decimal("0.025"), Decimal(0), Decimal(0), Decimal(0)]
    assert "Tabla 3 Puntaje Adicional" in adicional.puntos_de(1).articulo
    assert "7.1 H 9" in adicional.puntos_de(3).articulo
    assert adicional.fecha_maxima_publicacion.fecha == date(2024, 12, 1)
    assert adicional.fecha_maxima_publicacion.articulo == "7.1 E"
    nota = adicional.fecha_maxima_publicacion.nota
    assert nota is not None and "fecha-limite-de-publicaciones" in nota


def test_la_fecha_de_corte_es_una_inconsistencia_declarada() -> None:
    conv = residencias.load_convocatoria(CER)
    assert "fecha-limite-de-publicaciones" in {i.id for i in conv.inconsistencias}


def test_tipos_permitidos_y_excluidos_cubren_el_enum() -> None:
    adicional = _parametros().puntaje_adicional
    permitidos = {t.tipo for t in adicional.tipos_permitidos}
    excluidos = {t for e in adicional.exclusiones for t in e.tipos}
    assert permitidos.isdisjoint(excluidos)
    assert permitidos | excluidos | {TipoPublicacion.OTRO} == set(TipoPublicacion)
    assert len(permitidos) == 10
    assert [e.numero for e in adicional.exclusiones] == list(range(1, 10))
    assert all(e.articulo == f"7.1 H {e.numero}" for e in adicional.exclusiones)
    por_numero = {e.numero: e for e in adicional.exclusiones}
    assert set(por_numero[1].tipos) == {TipoPublicacion.REPORTE_DE_CASO, TipoPublicacion.SERIE_DE_CASOS}
    assert FuenteEvidencia.RESEARCHGATE in por_numero[2].fuentes
    assert FuenteEvidencia.PUBMED not in por_numero[2].fuentes
    assert TipoPublicacion.CAPITULO_DE_LIBRO in por_numero[7].tipos
    assert por_numero[8].area_distinta_a_medicina_humana
    assert por_numero[9].autoria_desde == 3


def test_ponderaciones_que_no_suman_100_no_cargan(tmp_path: Path) -> None:
    texto = bundled_convocatoria_text(CER)
    assert texto.count("peso: 0.45\n") == 1
    archivo = tmp_path / "cer.yaml"
    archivo.write_text(texto.replace("peso: 0.45\n", "peso: 0.40\n"), encoding="utf-8")
    with pytest.raises(residencias.DataFileError, match=r"las ponderaciones suman 0\.95"):
        residencias.load_convocatoria(archivo)


def test_otras_convocatorias_no_tienen_puntaje() -> None:
    for identificador in residencias.convocatorias_disponibles():
        if identificador != CER:
            assert residencias.load_convocatoria(identificador).puntaje is None


# --- the PI-IMSS: a worked example ---------------------------------------------------------------


def test_pi_imss_80_90_70_es_84_00() -> None:
    desglose = _pi("80", "90", "70")
    assert [t.producto for t in desglose.terminos] == [Decimal("40.00"), Decimal("40.50"), Decimal("3.50")]
    assert [t.peso for t in desglose.terminos] == [Decimal("0.50"), Decimal("0.45"), Decimal("0.05")]
    assert all(t.articulo == "6.1, Tabla 2" for t in desglose.terminos)
    assert desglose.puntaje_adicional.puntos == 0
    assert desglose.total == Decimal("84.00")
    assert str(desglose.total) == "84.00"


def test_pi_imss_con_publicaciones_suma_exacta() -> None:
    desglose = _pi("80", "90", "70", [_valida("Primera"), _valida("Segunda", posicion_autoria=2)])
    assert desglose.puntaje_adicional.puntos == Decimal("0.075")
    assert desglose.total == Decimal("84.075")
    texto = desglose.explicar()
    assert "84.075" in texto
    assert "40.00 + 40.50 + 3.50 + 0.075 = 84.075" in texto
    assert "6.1, Tabla 2" in texto
    assert "primer autor: 0.05 puntos" in texto
    assert "segundo autor: 0.025 puntos" in texto


def test_pi_imss_de_calificaciones_convertidas() -> None:
    promedio = convertir_calificacion(Decimal("8.88"), 10)
    desglose = calcular_pi_imss(_parametros(), efiser=Decimal("75.5"), promedio_posgrado=promedio,
                                enarm=Decimal("64.3"))
    assert desglose.total == Decimal("37.75") + Decimal("39.960") + Decimal("3.215")


@pytest.mark.parametrize(("campo", "valor"), [
    ("efiser", Decimal("100.5")), ("promedio_posgrado", Decimal("-0.1")), ("enarm", Decimal("888")),
])
def test_calificacion_fuera_de_base_100_se_rechaza(campo: str, valor: Decimal) -> None:
    valores = {"efiser": Decimal(80), "promedio_posgrado": Decimal(90), "enarm": Decimal(70), campo: valor}
    with pytest.raises(CalificacionInvalidaError, match="de 0 a 100"):
        calcular_pi_imss(_parametros(), **valores)


def test_float_se_rechaza_en_el_pi_imss() -> None:
    with pytest.raises(CalificacionInvalidaError, match="Decimal"):
        calcular_pi_imss(_parametros(), efiser=80.5, promedio_posgrado=Decimal(90),  # type: ignore[arg-type]
                         enarm=Decimal(70))


def test_sin_redondeo_calcula_con_todos_los_digitos() -> None:
    desglose = _pi("99.999999999999999999999999999999", "0", "0")
    assert desglose.efiser.producto == Decimal("49.9999999999999999999999999999995")


# --- the publication bonus, criterion by criterion ------------------------------------------------


def test_primer_autor_0_05() -> None:
    evaluacion = _evaluar(_valida())
    assert evaluacion.estado is EstadoPublicacion.VALIDA
    assert evaluacion.puntos == Decimal("0.05")
    assert [h.resultado for h in evaluacion.hallazgos] == [Resultado.CUMPLE] * 9
    assert [h.criterio for h in evaluacion.hallazgos] == ["6.1", *"ABCDEFGH"]
    assert [h.articulo for h in evaluacion.hallazgos] == ["6.1, Puntaje Adicional",
                                                          *(f"7.1 {x}" for x in "ABCDEFGH")]


def test_segundo_autor_0_025() -> None:
    evaluacion = _evaluar(_valida(posicion_autoria=2))
    assert evaluacion.estado is EstadoPublicacion.VALIDA
    assert evaluacion.puntos == Decimal("0.025")


@pytest.mark.parametrize("posicion", [3, 4, 9])
def test_tercer_autor_y_posteriores_0(posicion: int) -> None:
    evaluacion = _evaluar(_valida(posicion_autoria=posicion))
    assert evaluacion.estado is EstadoPublicacion.RECHAZADA
    assert evaluacion.puntos == 0
    assert _hallazgo(evaluacion, "F").resultado is Resultado.NO_CUMPLE
    h = _hallazgo(evaluacion, "H")
    assert h.resultado is Resultado.NO_CUMPLE
    assert h.articulo == "7.1 H 9"
    assert "0 puntos (7.1 F; 7.1 H 9)" in evaluacion.razon


def test_reporte_de_caso_rechazado_por_7_1_h_1() -> None:
    evaluacion = _evaluar(_valida(tipo=TipoPublicacion.REPORTE_DE_CASO))
    assert evaluacion.estado is EstadoPublicacion.RECHAZADA
    assert evaluacion.puntos == 0
    h = _hallazgo(evaluacion, "H")
    assert h.resultado is Resultado.NO_CUMPLE
    assert h.articulo == "7.1 H 1"
    assert "reporte de caso" in h.razon
    assert _hallazgo(evaluacion, "G").resultado is Resultado.NO_CUMPLE


@pytest.mark.parametrize(("tipo", "numero"), [
    (TipoPublicacion.SERIE_DE_CASOS, 1), (TipoPublicacion.CARTEL, 3),
    (TipoPublicacion.RESUMEN_DE_CONGRESO, 3), (TipoPublicacion.MEMORIA, 3),
    (TipoPublicacion.SUPLEMENTO, 4), (TipoPublicacion.BOLETIN, 4),
    (TipoPublicacion.CARTA_AL_EDITOR, 4), (TipoPublicacion.CONSTANCIA_DE_ACEPTACION, 5),
    (TipoPublicacion.FOLLETO, 6), (TipoPublicacion.LIBRO, 7), (TipoPublicacion.CAPITULO_DE_LIBRO, 7),
])
def test_tipos_excluidos_citan_su_punto_de_7_1_h(tipo: TipoPublicacion, numero: int) -> None:
    h = _hallazgo(_evaluar(_valida(tipo=tipo)), "H")
    assert h.resultado is Resultado.NO_CUMPLE
    assert h.articulo == f"7.1 H {numero}"


def test_varias_exclusiones_se_citan_todas() -> None:
    evaluacion = _evaluar(_valida(tipo=TipoPublicacion.CARTA_AL_EDITOR, posicion_autoria=3))
    assert _hallazgo(evaluacion, "H").articulo == "7.1 H 4; 7.1 H 9"


def test_sin_doi_no_cumple_7_1_c() -> None:
    evaluacion = _evaluar(_valida(doi=False))
    h = _hallazgo(evaluacion, "C")
    assert h.resultado is Resultado.NO_CUMPLE
    assert h.articulo == "7.1 C"
    assert "no tiene DOI" in h.razon
    assert evaluacion.estado is EstadoPublicacion.RECHAZADA
    assert evaluacion.puntos == 0


def test_doi_desconocido_es_falta_dato_no_incumplimiento() -> None:
    evaluacion = _evaluar(_valida(doi=None))
    h = _hallazgo(evaluacion, "C")
    assert h.resultado is Resultado.FALTA_DATO
    assert evaluacion.estado is EstadoPublicacion.PENDIENTE


def test_medline_desconocido_es_falta_dato() -> None:
    evaluacion = _evaluar(_valida(indexada_medline=None))
    h = _hallazgo(evaluacion, "D")
    assert h.resultado is Resultado.FALTA_DATO
    assert h.articulo == "7.1 D"
    assert "MEDLINE" in h.razon
    assert evaluacion.estado is EstadoPublicacion.PENDIENTE
    assert evaluacion.puntos == 0
    assert evaluacion.puntos_posibles == Decimal("0.05")
    assert evaluacion.incumplidos == ()
    assert "pendiente de información" in _pi("80", "90", "70", [_valida(indexada_medline=None)]).explicar()


def test_revista_no_indexada_en_medline_no_cumple() -> None:
    assert _hallazgo(_evaluar(_valida(indexada_medline=False)), "D").resultado is Resultado.NO_CUMPLE


@pytest.mark.parametrize(("campo", "criterio"), [
    ("durante_curso_prerrequisito", "A"), ("seres_humanos", "B"), ("indexada_medline", "D"),
])
def test_hechos_booleanos(campo: str, criterio: str) -> None:
    assert _hallazgo(_evaluar(_valida(**{campo: False})), criterio).resultado is Resultado.NO_CUMPLE
    assert _hallazgo(_evaluar(_valida(**{campo: None})), criterio).resultado is Resultado.FALTA_DATO


def test_fecha_de_corte_incluida() -> None:
    en_la_fecha = _evaluar(_valida(fecha_publicacion=date(2024, 12, 1)))
    assert _hallazgo(en_la_fecha, "E").resultado is Resultado.CUMPLE
    h = _hallazgo(_evaluar(_valida(fecha_publicacion=date(2024, 12, 2))), "E")
    assert h.resultado is Resultado.NO_CUMPLE
    assert h.articulo == "7.1 E"
    assert "1 de diciembre de 2024" in h.razon


def test_fecha_desconocida_es_falta_dato() -> None:
    assert _hallazgo(_evaluar(_valida(fecha_publicacion=None)), "E").resultado is Resultado.FALTA_DATO


def test_accesible_en_pubmed() -> None:
    desde_revista = _valida(fuente=FuenteEvidencia.REVISTA)
    assert _hallazgo(_evaluar(desde_revista), "E").resultado is Resultado.FALTA_DATO
    con_pmid = _valida(fuente=FuenteEvidencia.REVISTA, pmid="31978945")
    assert _hallazgo(_evaluar(con_pmid), "E").resultado is Resultado.CUMPLE
    fuera = _valida(fuente=FuenteEvidencia.REVISTA, pmid=False)
    assert _hallazgo(_evaluar(fuera), "E").resultado is Resultado.NO_CUMPLE


def test_evidencia_de_researchgate_7_1_h_2() -> None:
    h = _hallazgo(_evaluar(_valida(fuente=FuenteEvidencia.RESEARCHGATE, pmid="31978945")), "H")
    assert h.resultado is Resultado.NO_CUMPLE
    assert h.articulo == "7.1 H 2"
    assert "ResearchGate" in h.razon


def test_tema_fuera_de_medicina_humana_7_1_h_8() -> None:
    h = _hallazgo(_evaluar(_valida(area_medicina_humana=False)), "H")
    assert (h.resultado, h.articulo) == (Resultado.NO_CUMPLE, "7.1 H 8")
    assert _hallazgo(_evaluar(_valida(area_medicina_humana=None)), "H").resultado is Resultado.FALTA_DATO


def test_tipo_no_listado_no_es_permitido() -> None:
    evaluacion = _evaluar(_valida(tipo=TipoPublicacion.OTRO))
    assert _hallazgo(evaluacion, "G").resultado is Resultado.NO_CUMPLE
    assert _hallazgo(evaluacion, "H").resultado is Resultado.CUMPLE


def test_solo_titulo_queda_pendiente_en_todo() -> None:
    evaluacion = _evaluar(Publicacion("Sin datos"))
    assert [h.resultado for h in evaluacion.hallazgos] == [Resultado.FALTA_DATO] * 9
    assert evaluacion.estado is EstadoPublicacion.PENDIENTE


def test_incumplir_pesa_mas_que_faltar_dato() -> None:
    evaluacion = _evaluar(_valida(doi=False, indexada_medline=None))
    assert evaluacion.estado is EstadoPublicacion.RECHAZADA
    texto = _pi("80", "90", "70", [_valida(doi=False, indexada_medline=None)]).explicar()
    assert "falta dato en: 7.1 D" in texto


def test_tope_de_0_50_con_11_primeros_autores() -> None:
    publicaciones = [_valida(f"Cohorte {n}") for n in range(11)]
    adicional = calcular_puntaje_adicional(_parametros().puntaje_adicional, publicaciones)
    assert adicional.suma == Decimal("0.55")
    assert adicional.puntos == Decimal("0.50")
    assert adicional.tope_aplicado
    desglose = _pi("80", "90", "70", publicaciones)
    assert desglose.total == Decimal("84.50")
    assert "el máximo es 0.50" in desglose.explicar()


def test_exactamente_en_el_tope_no_lo_aplica() -> None:
    adicional = calcular_puntaje_adicional(_parametros().puntaje_adicional,
                                           [_valida(f"Cohorte {n}") for n in range(10)])
    assert (adicional.suma, adicional.puntos) == (Decimal("0.50"), Decimal("0.50"))
    assert not adicional.tope_aplicado


def test_doi_repetido_se_rechaza() -> None:
    with pytest.raises(PuntajeError, match="dos veces"):
        _pi("80", "90", "70", [_valida("Uno", doi="10.1000/x"), _valida("Dos", doi="10.1000/X")])


def test_explicar_cita_los_articulos() -> None:
    texto = _pi("80", "90", "70", [
        _valida("Caso", tipo=TipoPublicacion.REPORTE_DE_CASO),
        _valida("Sin DOI", doi=False),
        _valida("Medline", indexada_medline=None),
        _valida("Tercero", posicion_autoria=3),
    ]).explicar()
    for cita in ("6.1, Tabla 2", "7.1 H 1", "7.1 C", "7.1 D", "7.1 H 9", "7.2"):
        assert cita in texto
    assert "rechazada" in texto
    assert "pendiente de información" in texto
    assert "no cumple 7.1 H 1" in texto
    assert "falta dato 7.1 D" in texto


# --- the declared publication -----------------------------------------------------------------


@pytest.mark.parametrize(("campos", "mensaje"), [
    ({"issn": "0028-0835"}, "ISSN válido"),
    ({"issn": "00280836"}, "ISSN válido"),
    ({"doi": "https://doi.org/10.1000/x"}, "DOI"),
    ({"pmid": "PMC123"}, "PMID"),
    ({"posicion_autoria": 0}, "mayor o igual a 1"),
    ({"posicion_autoria": True}, "mayor o igual a 1"),
    ({"indexada_medline": "si"}, "true, false"),
    ({"fecha_publicacion": "2024-01-01"}, "AAAA-MM-DD"),
    ({"fuente": "pubmed"}, "pubmed"),
    ({"fuente": FuenteEvidencia.PUBMED, "pmid": False}, "PubMed"),
])
def test_publicacion_rechaza_datos_mal_escritos(campos: dict[str, Any], mensaje: str) -> None:
    with pytest.raises(InvalidValue, match=mensaje):
        Publicacion("Título", **campos)


def test_issn_con_x_como_digito_verificador() -> None:
    assert issn_valido("2434-561X")
    assert Publicacion("t", issn="2434-561X").issn == "2434-561X"


# --- properties ---------------------------------------------------------------------------------


def _sin_float(value: Any) -> None:
    assert not isinstance(value, float), value
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            _sin_float(getattr(value, field.name))
    elif isinstance(value, tuple | list):
        for item in value:
            _sin_float(item)


@settings(max_examples=100, deadline=None)
@given(calificaciones_base_100(), calificaciones_base_100(), calificaciones_base_100(),
       listas_de_publicaciones())
def test_total_es_la_suma_del_desglose(
    efiser: Decimal, posgrado: Decimal, enarm: Decimal, publicaciones: list[Publicacion]
) -> None:
    desglose = calcular_pi_imss(_parametros(), efiser=efiser, promedio_posgrado=posgrado, enarm=enarm,
                                publicaciones=publicaciones)
    adicional = desglose.puntaje_adicional
    assert desglose.total == sum((t.producto for t in desglose.terminos), Decimal(0)) + adicional.puntos
    for termino in desglose.terminos:
        assert termino.producto == termino.valor * termino.peso
    assert adicional.suma == sum((e.puntos for e in adicional.evaluaciones), Decimal(0))
    assert adicional.puntos == min(adicional.suma, adicional.maximo)
    assert adicional.tope_aplicado == (adicional.suma > adicional.maximo)
    assert 0 <= adicional.puntos <= Decimal("0.50")
    assert 0 <= desglose.total <= Decimal("100.50")
    for value in (desglose.total, adicional.puntos, adicional.suma, *(
            x for t in desglose.terminos for x in (t.valor, t.peso, t.producto)),
            *(e.puntos for e in adicional.evaluaciones)):
        assert type(value) is Decimal
    _sin_float(desglose)
    assert desglose.explicar()


@settings(max_examples=100, deadline=None)
@given(listas_de_publicaciones(), st.randoms(use_true_random=False))
def test_el_orden_de_las_publicaciones_no_importa(publicaciones: list[Publicacion], rng: Any) -> None:
    barajadas = list(publicaciones)
    rng.shuffle(barajadas)
    uno = _pi("80", "90", "70", publicaciones)
    otro = _pi("80", "90", "70", barajadas)
    assert uno == otro
    assert uno.explicar() == otro.explicar()


@settings(max_examples=100, deadline=None)
@given(listas_de_publicaciones(max_size=13))
def test_agregar_una_publicacion_nunca_baja_el_puntaje(publicaciones: list[Publicacion]) -> None:
    reglas = _parametros().puntaje_adicional
    for n in range(len(publicaciones)):
        antes = calcular_puntaje_adicional(reglas, publicaciones[:n]).puntos
        despues = calcular_puntaje_adicional(reglas, publicaciones[: n + 1]).puntos
        assert despues >= antes


@settings(max_examples=100, deadline=None)
@given(listas_de_publicaciones())
def test_una_publicacion_puntua_solo_si_cumple_todo(publicaciones: list[Publicacion]) -> None:
    adicional = calcular_puntaje_adicional(_parametros().puntaje_adicional, publicaciones)
    for e in adicional.evaluaciones:
        resultados = {h.resultado for h in e.hallazgos}
        if e.puntos > 0:
            assert resultados == {Resultado.CUMPLE}
            assert e.estado is EstadoPublicacion.VALIDA
        if Resultado.NO_CUMPLE in resultados:
            assert e.estado is EstadoPublicacion.RECHAZADA
        elif Resultado.FALTA_DATO in resultados:
            assert e.estado is EstadoPublicacion.PENDIENTE
        assert e.puntos in {Decimal(0), Decimal("0.05"), Decimal("0.025")}


@settings(max_examples=100, deadline=None)
@given(st.decimals(min_value=0, max_value=10, places=3), st.decimals(min_value=0, max_value=5, places=3))
def test_conversiones_exactas(diez: Decimal, cinco: Decimal) -> None:
    assert convertir_calificacion(diez, 10) == diez * 10
    assert convertir_calificacion(cinco, 5, con_equivalencia=True) == cinco * 20
    assert type(convertir_calificacion(diez, 10)) is Decimal
