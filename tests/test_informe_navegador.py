"""The example audit's HTML page in a real browser: headless Chromium driven by Selenium.

The page loads from a file with no console error (a request the page's Content-Security-Policy
refused, an SVG attribute the browser rejected, would each be one), its first cut-off chart and its
discrepancy tables are visible, and a folio's link scrolls to that folio's explanation.

It needs Debian's ``chromium`` and ``chromium-driver`` (``apt-get install chromium chromium-driver``);
without them the tests skip and say so, unless ``RESIDENCIAS_EXIGIR_NAVEGADOR`` is set (``.ci/run``
sets it: CI must run them). The screenshot is always taken; it is written to the path in
``RESIDENCIAS_CAPTURA`` (relative to the repository) only when asked, which is how
``docs/auditoria.png`` is made::

    RESIDENCIAS_CAPTURA=docs/auditoria.png .venv/bin/python -m pytest tests/test_informe_navegador.py
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from residencias.assignment.replay import replay
from residencias.consistency import check_convocatoria

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
except ImportError:  # the extra 'test' brings it; the tests then skip and say so
    webdriver = None

ROOT = Path(__file__).resolve().parents[1]
ANCHO, ALTO = 1200, 1750
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
         f"--window-size={ANCHO},{ALTO}")


def _sin_navegador(motivo: str) -> None:
    if os.environ.get("RESIDENCIAS_EXIGIR_NAVEGADOR"):
        pytest.fail(f"{motivo}, y RESIDENCIAS_EXIGIR_NAVEGADOR pide el navegador")
    pytest.skip(f"{motivo}: instale chromium y chromium-driver (apt-get install chromium chromium-driver)")


@pytest.fixture(scope="module")
def navegador(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if webdriver is None:
        _sin_navegador("no hay navegador: falta selenium (extra 'test')")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if driver is None and Path("/usr/bin/chromedriver").exists():
        driver = "/usr/bin/chromedriver"
    if chromium is None or driver is None:
        donde = {"chromium": chromium, "chromedriver": driver}
        _sin_navegador("no hay navegador: " + ", ".join(
            f"{k} {'no encontrado' if v is None else 'en ' + v}" for k, v in donde.items()))
    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-perfil')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(str(driver)), options=options)
    try:
        yield browser
    finally:
        browser.quit()


@pytest.fixture(scope="module")
def pagina(navegador: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The example audit, as the README's first command writes it (paths relative to the
    repository), opened from a file."""
    with contextlib.chdir(ROOT):
        auditoria = replay("examples/asignacion/cer-2026-2027.yaml",
                           esperado="examples/asignacion/publicado.csv")
    convocatoria = auditoria.asignacion.politica.convocatoria
    assert convocatoria is not None
    path = tmp_path_factory.mktemp("pagina") / "auditoria.html"
    path.write_text(auditoria.to_html(check_convocatoria(convocatoria)), encoding="utf-8")
    navegador.get(path.as_uri())
    return navegador


def _consola(navegador: Any) -> list[dict[str, Any]]:
    return [e for e in navegador.get_log("browser") if e["level"] in {"SEVERE", "WARNING"}]


def test_page_loads_offline_with_no_console_error(pagina: Any) -> None:
    assert pagina.execute_script("return document.readyState") == "complete"
    assert pagina.title.startswith("Auditoría de la asignación de sedes de los CER (6.2)")
    assert _consola(pagina) == []
    # nothing was fetched: the page is its only resource
    recursos = pagina.execute_script("return performance.getEntriesByType('resource').length")
    assert recursos == 0


def test_screenshot_shows_the_verdict(pagina: Any, tmp_path: Path) -> None:
    pagina.execute_script("window.scrollTo(0, 0)")
    captura = tmp_path / "auditoria.png"
    assert pagina.save_screenshot(str(captura))
    data = captura.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    ancho = int.from_bytes(data[16:20], "big")
    assert ancho == ANCHO
    destino = os.environ.get("RESIDENCIAS_CAPTURA")
    if destino:
        target = Path(destino) if Path(destino).is_absolute() else ROOT / destino
        target.write_bytes(data)
    veredicto = pagina.find_element("id", "veredicto")
    assert veredicto.is_displayed() and "Con discrepancias: 5" in veredicto.text


def test_the_charts_and_the_discrepancy_tables_are_visible(pagina: Any) -> None:
    graficas = pagina.find_elements("css selector", "svg.grafica-cortes")
    assert len(graficas) == 6 and len(pagina.find_elements("css selector", "svg.grafica-histograma")) == 6
    primera = graficas[0]
    pagina.execute_script("arguments[0].scrollIntoView()", primera)
    assert primera.is_displayed()
    assert primera.size["width"] > 600 and primera.size["height"] > 200  # drawn at its size, not collapsed
    puntos = pagina.execute_script("return arguments[0].querySelectorAll('circle').length", primera)
    assert puntos >= 8  # Cardiología: a cut-off for each of its 8 sedes, plus the legend
    tablas = pagina.find_elements("css selector", "table.tabla-discrepancias")
    assert len(tablas) == 3 and all(t.is_displayed() for t in tablas)
    filas = pagina.find_elements("css selector", "table.tabla-discrepancias tbody tr")
    assert len(filas) == 5 and all(f.is_displayed() for f in filas)
    assert "UMAE-HE-CMNO (4.ª opción)" in filas[1].text


def test_a_folio_link_scrolls_to_its_explanation(pagina: Any) -> None:
    pagina.execute_script("window.scrollTo(0, 0)")
    enlace = pagina.find_element("css selector", '#discrepancias a[href="#folio-398678"]')
    enlace.click()
    assert pagina.execute_script("return location.hash") == "#folio-398678"
    assert pagina.execute_script("return document.querySelector(':target').id") == "folio-398678"
    arriba = pagina.execute_script(
        "return document.getElementById('folio-398678').getBoundingClientRect().top")
    assert abs(arriba) < 5  # the explanation is now at the top of the window
    assert pagina.execute_script("return window.scrollY") > 5000
    explicacion = pagina.find_element("id", "folio-398678")
    assert explicacion.is_displayed() and "Folio 398678 (Neurología): PI-IMSS 83.3560" in explicacion.text
    assert _consola(pagina) == []
