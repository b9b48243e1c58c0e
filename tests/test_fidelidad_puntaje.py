"""Regressions of the «Fidelity» issue about the CER score (items 19 and 20, and the omitted
conditions on publications: 6.1 and 7.1 A against the start of the course)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

import residencias
from residencias.cli import main
from residencias.domain.publicaciones import FuenteEvidencia, Publicacion, TipoPublicacion
from residencias.rules.puntaje import (
    CalificacionInvalidaError,
    EstadoPublicacion,
    EvaluacionPublicacion,
    Resultado,
    evaluar_publicacion,
    promedio_en_base_100,
)

CER = "imss-cer-2026-2027"


def _publicacion(**cambios: object) -> Publicacion:
    facts: dict[str, object] = {
        "tipo": TipoPublicacion.ESTUDIO_DE_COHORTES, "posicion_autoria": 1, "issn": "0028-0836",
        "doi": "10.1000/x", "indexada_medline": True, "fecha_publicacion": date(2024, 6, 1),
        "seres_humanos": True, "durante_curso_prerrequisito": True, "relacionada_con_prerrequisito": True,
        "area_medicina_humana": True, "fuente": FuenteEvidencia.PUBMED,
    }
    facts.update(cambios)
    return Publicacion("Cohorte", **facts)  # type: ignore[arg-type]


def _evaluar(p: Publicacion) -> EvaluacionPublicacion:
    puntaje = residencias.load_convocatoria(CER).puntaje
    assert puntaje is not None
    return evaluar_publicacion(puntaje.puntaje_adicional, p)


# --- 19. a grade plainly on another scale is refused and pointed to the conversion (2.1 d) -------------


def test_puntaje_cli_rechaza_promedio_en_escala_10(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["puntaje", "--efiser", "80", "--promedio", "9.5", "--enarm", "70"])
    _, err = capsys.readouterr()
    assert code == 2 and "escala de 10" in err and "2.1 d" in err and "--escala-promedio" in err


def test_puntaje_cli_toma_la_escala_como_argumento(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["puntaje", "--efiser", "80", "--promedio", "9.5", "--enarm", "70", "--escala-promedio", "10",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == "86.25"  # 0.50·80 + 0.45·95 + 0.05·70
    assert main(["puntaje", "--efiser", "80", "--promedio", "4.1", "--enarm", "70",
                 "--escala-promedio", "5"]) == 2
    assert "equivalencia" in capsys.readouterr().err


@pytest.mark.parametrize(("valor", "escala", "esperado"), [
    ("95", 100, "95"), ("9.5", 10, "95"), ("100", 100, "100"), ("10.5", 100, "10.5"), ("0", 100, "0"),
])
def test_promedio_en_base_100(valor: str, escala: int, esperado: str) -> None:
    assert promedio_en_base_100(Decimal(valor), escala) == Decimal(esperado)


@pytest.mark.parametrize("valor", ["9.5", "10", "8.88", "0.1"])
def test_promedio_de_10_o_menos_en_base_100_se_rechaza(valor: str) -> None:
    with pytest.raises(CalificacionInvalidaError, match="escala de 10"):
        promedio_en_base_100(Decimal(valor))


# --- 20. the clash of 7.1 E with 7.1 A, stated exactly ---------------------------------------------


def test_nota_del_corte_de_publicaciones_dice_donde_choca() -> None:
    conv = residencias.load_convocatoria(CER)
    assert conv.puntaje is not None
    nota = conv.puntaje.puntaje_adicional.fecha_maxima_publicacion.nota or ""
    inconsistencia = next(i for i in conv.inconsistencias if i.id == "fecha-limite-de-publicaciones")
    for texto in (nota, inconsistencia.descripcion):
        assert "uno o dos años" in texto and "grado 1" in texto and "grado 2" in texto
        assert "3 o más grados" in texto
        assert "difícilmente" not in texto


# --- omitted: 6.1 «directamente relacionados»; 7.1 A against the course's start -----------------------


def test_publicacion_no_relacionada_con_el_prerrequisito_no_puntua() -> None:
    evaluacion = _evaluar(_publicacion(relacionada_con_prerrequisito=False))
    assert evaluacion.estado is EstadoPublicacion.RECHAZADA and evaluacion.puntos == 0
    assert evaluacion.incumplidos[0].articulo == "6.1, Puntaje Adicional"
    assert _evaluar(_publicacion(relacionada_con_prerrequisito=None)).estado is EstadoPublicacion.PENDIENTE


def test_publicacion_anterior_al_inicio_del_curso_no_es_del_curso() -> None:
    antes = _evaluar(_publicacion(fecha_publicacion=date(2024, 2, 1),
                                  inicio_curso_prerrequisito=date(2024, 3, 1)))
    hallazgo = next(h for h in antes.hallazgos if h.criterio == "A")
    assert hallazgo.resultado is Resultado.NO_CUMPLE and "antes del inicio del curso" in hallazgo.razon
    despues = _evaluar(_publicacion(fecha_publicacion=date(2024, 6, 1),
                                    inicio_curso_prerrequisito=date(2024, 3, 1)))
    assert despues.estado is EstadoPublicacion.VALIDA
