"""The audit as an HTML page (``residencias asignar --html``, ``Auditoria.to_html``).

What the page must hold for the example audit (``examples/asignacion``): the verdict, both hashes,
every discrepancy (five) grouped by kind with each folio linking to its explanation, the
cut-off chart and the histogram of all six CERs, the published cut-off beside the recomputed one
where they differ, the ties and their criterion, the notices and ``residencias lint``'s findings.
And what it must not: anything fetched from the network, or a raw tag taken from the input
(``test_hostile_names_are_escaped_everywhere``). The browser check is ``test_informe_navegador.py``.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, reject, settings
from hypothesis import strategies as st

import residencias
from residencias import Concurso, ConcursoInvalidoError, Sede, Solicitud, assign
from residencias.assignment import validacion
from residencias.assignment.informe import datos
from residencias.assignment.informe.modelo import ancla
from residencias.assignment.replay import Auditoria, Publicado, comparar, replay
from residencias.cli import main
from residencias.consistency import check_convocatoria
from residencias.domain.especialidades import Entrada, Especialidad
from tests.strategies import listas_de_concursos, textos_con_marcado

ROOT = Path(__file__).resolve().parents[1]
EJEMPLO = ROOT / "examples" / "asignacion"
YAML = EJEMPLO / "cer-2026-2027.yaml"
PUBLICADO = EJEMPLO / "publicado.csv"
CONVOCATORIA = ROOT / "data" / "convocatorias" / "imss-cer-2026-2027.yaml"
CERS = ("Cardiología", "Gastroenterología", "Nefrología", "Neurología", "Oncología Médica", "Reumatología")


class Pagina(HTMLParser):
    """The page as a parser sees it: elements, ids, links, text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.atributos: list[tuple[str, str, str | None]] = []
        self.texto: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        for name, value in attrs:
            self.atributos.append((tag, name, value))
            if name == "id" and value is not None:
                self.ids.append(value)
            if tag == "a" and name == "href" and value is not None:
                self.links.append(value)

    def handle_data(self, data: str) -> None:
        self.texto.append(data)

    @property
    def text(self) -> str:
        return "".join(self.texto)


def _svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(m) for m in re.findall(r"<svg\b.*?</svg>", html, flags=re.DOTALL)]


def _svg_text(svg: ET.Element) -> str:
    return " ".join(t for t in svg.itertext())


@pytest.fixture(scope="module")
def auditoria() -> Auditoria:
    return replay(YAML, esperado=PUBLICADO)


@pytest.fixture(scope="module")
def html(auditoria: Auditoria) -> str:
    convocatoria = auditoria.asignacion.politica.convocatoria
    assert convocatoria is not None
    return auditoria.to_html(check_convocatoria(convocatoria))


@pytest.fixture(scope="module")
def pagina(html: str) -> Pagina:
    return Pagina(html)


# --- The example audit: what it shows ------------------------------------------------------------------


def test_verdict_counts_and_both_hashes_are_in_the_summary(auditoria: Auditoria, pagina: Pagina) -> None:
    text = pagina.text
    assert "Con discrepancias: 5" in text
    assert auditoria.asignacion.entrada_sha256 in text
    assert hashlib.sha256(CONVOCATORIA.read_bytes()).hexdigest() in text  # the convocatoria's data file
    for cifra, que in (("300", "aspirantes"), ("98", "asignados"), ("202", "sin asignar"),
                       ("6", "concursos (CER)"), ("35", "sedes"), ("99", "plazas (1 libre)")):
        assert f"{cifra}{que}" in text, que
    assert "imss-cer-2026-2027" in text and "examples/asignacion/publicado.csv (300 folios)" in text


def test_every_discrepancy_is_listed_by_kind_and_links_to_its_explanation(
    auditoria: Auditoria, html: str, pagina: Pagina
) -> None:
    assert len(auditoria.discrepancias) == 5
    kinds = {d.tipo for d in auditoria.discrepancias}
    assert kinds == {"sede_distinta", "desperdicio", "envidia_justificada"}
    for tipo in kinds:
        assert f'id="tipo-{tipo}"' in html
    assert html.count('<table class="tabla-discrepancias">') == len(kinds)
    discrepancias = html.split('<section id="discrepancias">', 1)[1].split("</section>", 1)[0]
    for d in auditoria.discrepancias:
        for folio in d.folios:
            assert f'href="#folio-{folio}"' in discrepancias, folio
            assert f"folio-{folio}" in pagina.ids
        if d.tipo != "sede_distinta":  # those are a row of their own: folio, PI-IMSS, place, both sedes
            assert d.mensaje in html
    # the three folios of the planted discrepancies, each with its explanation as --explicar prints it
    for folio in ("398678", "391730", "690865"):
        seccion = html.split(f'id="folio-{folio}"', 1)[1].split("</article>", 1)[0]
        for line in auditoria.asignacion.explicar(folio).splitlines():
            assert line.strip() in seccion, line
        assert "Resultado publicado:" in seccion


def test_every_internal_link_has_its_target_and_ids_are_unique(pagina: Pagina) -> None:
    assert len(pagina.ids) == len(set(pagina.ids))
    for href in pagina.links:
        assert href.startswith("#"), href  # nothing leaves the page
        assert href[1:] in pagina.ids, href


def test_sede_distinta_rows_say_by_how_much_and_where(html: str) -> None:
    fila = html.split('href="#folio-398678"', 1)[1].split("</tr>", 1)[0]
    assert "83.3560" in fila and "13 de 50" in fila
    assert "UMAE-HE-CMN-LA-RAZA (1.ª opción)" in fila and "UMAE-HE-CMNO (4.ª opción)" in fila
    fila = html.split('href="#folio-690865"', 1)[1].split("</tr>", 1)[0]
    assert "HGR-1-CULIACAN (5.ª opción)" in fila and "sin asignar" in fila


def test_each_cer_has_its_cut_off_chart_and_histogram(auditoria: Auditoria, html: str) -> None:
    svgs = _svgs(html)
    cortes = [s for s in svgs if "grafica-cortes" in s.get("class", "")]
    histogramas = [s for s in svgs if "grafica-histograma" in s.get("class", "")]
    assert len(cortes) == len(histogramas) == 6 and len(svgs) == 12
    ns = "{http://www.w3.org/2000/svg}"
    assert [s.findtext(f"{ns}title") for s in cortes] == [f"{c}: puntaje de corte por sede (6.2, punto 1)"
                                                          for c in CERS]
    for svg, cer in zip(cortes, CERS, strict=True):
        text = _svg_text(svg)
        for corte in auditoria.asignacion.cortes:
            if corte.cer == cer:
                assert corte.sede in text and f"{corte.ocupadas}/{corte.plazas}" in text
                assert str(corte.puntaje_corte) in text
        assert "PI-IMSS (6.1); el corte es el del último admitido" in text  # the axis is labelled
    for svg, cer in zip(histogramas, CERS, strict=True):
        assert cer in (svg.findtext(f"{ns}title") or "")
        text = _svg_text(svg)
        assert "Aspirantes" in text and "PI-IMSS (6.1), en intervalos de" in text
    # every applicant is in one bar: the legends add up to the 300
    leyendas = [re.search(r"asignados \((\d+)\).*sin asignar \((\d+)\)", _svg_text(s)) for s in histogramas]
    assert sum(int(m[1]) + int(m[2]) for m in leyendas if m) == 300
    assert sum(int(m[1]) for m in leyendas if m) == 98
    for n in range(1, 13):
        assert f"Figura {n}." in html


def test_published_cut_off_is_beside_the_recomputed_one_where_they_differ(html: str) -> None:
    svgs = {s.findtext("{http://www.w3.org/2000/svg}title"): s for s in _svgs(html)}
    neuro = svgs["Neurología: puntaje de corte por sede (6.2, punto 1)"]
    filas = {g.findtext("{http://www.w3.org/2000/svg}title"): _svg_text(g)
             for g in neuro.iter("{http://www.w3.org/2000/svg}g")}
    difieren = [g for g in neuro.iter("{http://www.w3.org/2000/svg}g") if "difiere" in g.get("class", "")]
    assert len(difieren) == 1
    la_raza = next(t for k, t in filas.items() if k and k.startswith("UMAE-HE-CMN-LA-RAZA"))
    assert "83.3560" in la_raza and "83.3295" in la_raza  # recomputed, and the published (391730's)
    onco = svgs["Oncología Médica: puntaje de corte por sede (6.2, punto 1)"]
    culiacan = next(_svg_text(g) for g in onco.iter("{http://www.w3.org/2000/svg}g")
                    if "difiere" in g.get("class", ""))
    assert "HGR-1-CULIACAN" in culiacan and "1/2" in culiacan and "sin corte (0/2)" in culiacan
    assert sum("difiere" in g.get("class", "") for s in svgs.values()
               for g in s.iter("{http://www.w3.org/2000/svg}g")) == 2


def test_ties_notices_supuestos_and_lint_are_shown(auditoria: Auditoria, pagina: Pagina) -> None:
    text = pagina.text
    desempates = text.split("4. Empates de PI-IMSS", 1)[1].split("5. Avisos", 1)[0]
    assert "608289 antes que 504343: EFISER (76.4 contra 75.5)" in desempates
    assert "682713 antes que 709055: folio" in desempates
    assert desempates.count("UMAE-HC-CMN-SXXI") == 1 and desempates.count("UMAE-HE-CMN-SXXI") == 1
    for aviso in auditoria.asignacion.avisos:
        assert aviso.mensaje in text
    convocatoria = auditoria.asignacion.politica.convocatoria
    assert convocatoria is not None and convocatoria.asignacion is not None
    assert convocatoria.asignacion.nota in text  # the reading of 6.2
    assert convocatoria.asignacion.desempate.supuesto in text
    assert "Cardiología: UMAE-HC-CMN-SXXI (folios 608289, 504343)" in text  # what the supuesto decided
    assert "ordena por EFISER, promedio de posgrado, ENARM, folio" in text
    observaciones = residencias.lint("imss-cer-2026-2027")
    assert len(observaciones) > 10
    for o in observaciones:
        assert o.codigo in text and o.mensaje in text


def test_the_page_is_self_contained_and_prints_on_a4(html: str, pagina: Pagina) -> None:
    assert pagina.tags["script"] == pagina.tags["link"] == pagina.tags["img"] == pagina.tags["iframe"] == 0
    for tag, name, value in pagina.atributos:
        assert name not in {"src", "srcset", "action", "formaction", "background"}, (tag, name)
        if name == "xmlns":
            assert value == "http://www.w3.org/2000/svg"
            continue
        assert not (value or "").lower().startswith(("http:", "https:", "//", "data:", "javascript:"))
    assert "url(" not in html and "@import" not in html and "@font-face" not in html
    assert "default-src 'none'" in html  # and the browser would refuse anything else
    assert re.search(r"@page\s*\{\s*size:\s*A4", html)
    assert re.search(r"tr, figure, svg[^{]*\{\s*break-inside: avoid", html)
    assert pagina.tags["html"] == 1 and '<html lang="es">' in html


def test_same_audit_same_bytes_and_csv_input_gives_the_same_page(auditoria: Auditoria, html: str) -> None:
    convocatoria = auditoria.asignacion.politica.convocatoria
    assert convocatoria is not None
    assert auditoria.to_html(check_convocatoria(convocatoria)) == html
    otra = replay(EJEMPLO / "cer-2026-2027-csv", esperado=PUBLICADO, convocatoria="imss-cer-2026-2027")
    assert otra.to_html(check_convocatoria(convocatoria)).replace(otra.archivo, auditoria.archivo) == html


def test_without_a_published_result_the_page_is_the_assignment_alone() -> None:
    html = replay(YAML).to_html()
    text = Pagina(html).text
    assert "Sin resultado publicado que comparar" in text
    assert "No se dio un resultado publicado" in text and "Con discrepancias" not in text
    assert 'class="tabla-discrepancias"' not in html and "Corte publ." not in html
    assert len(_svgs(html)) == 12
    assert "No incluidas: esta página se generó sin consultar" in text  # lint not given to to_html()
    assert 'id="folio-608289"' in html  # the ties that decided a seat are still explained


def test_a_published_result_equal_to_6_2_is_conforme(auditoria: Auditoria, tmp_path: Path) -> None:
    publicado = tmp_path / "igual.csv"
    filas = [f"{r.folio},{r.sede or ''}" for r in auditoria.asignacion.asignaciones]
    publicado.write_text("folio,sede\n" + "\n".join(filas) + "\n", encoding="utf-8")
    text = Pagina(replay(YAML, esperado=publicado).to_html(())).text
    assert "Conforme" in text and "misma sede para cada uno de sus 300 folios" in text
    assert "Ninguna: el resultado publicado" in text
    assert "no encontró nada en la convocatoria imss-cer-2026-2027" in text


def test_explanations_are_capped_first_folios_first(
    auditoria: Auditoria, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A published result far from 6.2 names thousands of folios: the page explains the first
    ``MAX_EXPLICACIONES`` (those the discrepancies are about come first) and says how many it left."""
    monkeypatch.setattr(datos, "MAX_EXPLICACIONES", 2)
    html = auditoria.to_html(())
    pagina = Pagina(html)
    assert sorted(i for i in pagina.ids if i.startswith("folio-")) == ["folio-391730", "folio-398678"]
    assert "otros 5 que nombran las discrepancias quedan sin explicación aquí" in pagina.text
    assert "#folio-690865" not in pagina.links and "690865" in pagina.text
    for href in pagina.links:
        assert href[1:] in pagina.ids


# --- The command line ------------------------------------------------------------------------------------


def test_cli_writes_the_page_with_lint_and_keeps_the_exit_code(
    tmp_path: Path, html: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "auditoria.html"
    assert main(["asignar", str(YAML), "--esperado", str(PUBLICADO), "--html", str(out)]) == 1
    assert f"HTML escrito en {out}" in capsys.readouterr().out
    escrito = out.read_text(encoding="utf-8")
    assert escrito.replace(str(YAML), "") == html.replace(replay(YAML).archivo, "")
    assert main(["asignar", str(YAML), "--html", str(out)]) == 0
    assert "Sin resultado publicado que comparar" in out.read_text(encoding="utf-8")
    assert main(["asignar", str(YAML), "--html", str(tmp_path / "no-existe" / "a.html")]) == 2
    capsys.readouterr()


def test_jinja2_is_imported_only_when_a_page_is_rendered() -> None:
    code = (
        "import sys, residencias, residencias.cli\n"
        "from residencias.assignment.replay import replay\n"
        "a = replay(sys.argv[1])\n"
        "a.to_markdown(); residencias.cli.main(['convocatorias'])\n"
        "assert 'jinja2' not in sys.modules, 'jinja2 importado sin pedir HTML'\n"
        "a.to_html()\n"
        "assert 'jinja2' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code, str(YAML)], check=True, capture_output=True)


# --- Hostile input -----------------------------------------------------------------------------------------

MALOS = (
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "a&b'\"</svg>",
)
SEDE = "</svg><script>alert(2)</script>"
NOMBRE = "<img src=x onerror=alert(3)> & \"comillas\" 'simples'"
CER = "Cardio<script>alert(4)</script>&\"'</svg>"

CONCURSO = """\
concursos:
  - cer: 'Cardio<script>alert(4)</script>&"''</svg>'
    sedes:
      - clave: "</svg><script>alert(2)</script>"
        plazas: 1
        nombre: "<img src=x onerror=alert(3)> & \\"comillas\\" 'simples'"
      - {clave: "S&B", plazas: 1}
    aspirantes:
      - folio: "<script>alert(1)</script>"
        puntaje: "90"
        opciones: ["</svg><script>alert(2)</script>", "S&B"]
      - folio: "\\"><img src=x onerror=alert(1)>"
        puntaje: "80"
        opciones: ["</svg><script>alert(2)</script>", "S&B"]
      - {folio: "a&b'\\"</svg>", puntaje: "70", opciones: ["S&B"]}
      - {folio: "ok-1", puntaje: "70", opciones: ["S&B"]}
"""
PUBLICADO_MALO = (
    'folio,sede\n"<script>alert(1)</script>",S&B\n"""><img src=x onerror=alert(1)>",'
    '"</svg><script>alert(2)</script>"\n"<b>fuera</b>",S&B\nok-1,\n'
)


@pytest.fixture
def hostil(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Auditoria:
    """An audit whose folios, sede and CER names are markup. The bundled catalogue names no such
    CER (a user's own convocatoria file could): the test adds one to it."""
    catalogo = validacion.load_catalogo()
    extra = Especialidad("cer-hostil", CER, Entrada.INDIRECTA, "prueba")
    monkeypatch.setattr(validacion, "load_catalogo",
                        lambda: attrs.evolve(catalogo, especialidades=(*catalogo.especialidades, extra)))
    (tmp_path / "concurso.yaml").write_text(CONCURSO, encoding="utf-8")
    (tmp_path / "publicado.csv").write_text(PUBLICADO_MALO, encoding="utf-8")
    return replay(tmp_path / "concurso.yaml", esperado=tmp_path / "publicado.csv")


def test_hostile_names_are_escaped_everywhere(hostil: Auditoria) -> None:
    a = hostil.asignacion
    assert {r.folio for r in a.asignaciones} == {*MALOS, "ok-1"} and {r.cer for r in a.asignaciones} == {CER}
    tipos = {d.tipo for d in hostil.discrepancias}
    assert tipos >= {"sede_distinta", "envidia_justificada", "folio_desconocido"}
    html = hostil.to_html()
    pagina = Pagina(html)
    # no element planted by the input exists; the page parses into the elements it should
    assert pagina.tags["script"] == pagina.tags["img"] == 0
    assert pagina.tags["svg"] == len(_svgs(html)) == 2
    for raw in (*MALOS, SEDE, NOMBRE, CER, "<b>fuera</b>"):
        assert raw not in html, raw
        assert raw in pagina.text, raw  # shown, as text
    assert "<script" not in html.lower() and "<img" not in html.lower()
    # each SVG is well-formed XML and carries the names as text
    for svg in _svgs(html):
        assert CER in (svg.findtext("{http://www.w3.org/2000/svg}title") or "")
    cortes = _svg_text(_svgs(html)[0])
    assert SEDE[:29] in cortes and f"{SEDE} — {NOMBRE}" in cortes
    # every folio of a discrepancy links to its explanation, through an anchor that is a plain word
    for folio in MALOS:
        assert ancla(folio) in pagina.ids and f"#{ancla(folio)}" in pagina.links
        assert re.fullmatch(r"folio-[A-Za-z0-9_-]+", ancla(folio))
    for href in pagina.links:
        assert href[1:] in pagina.ids
    # a folio outside the competition has no explanation to link to
    assert "<b>fuera</b>" in pagina.text and "#" + ancla("<b>fuera</b>") not in pagina.links
    for tag, name, value in pagina.atributos:
        assert not name.startswith("on"), (tag, name, value)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(folios=st.lists(textos_con_marcado(), min_size=2, max_size=4, unique=True),
       clave=textos_con_marcado(), nombre=textos_con_marcado())
def test_any_name_is_text_in_the_page_and_in_its_charts(folios: list[str], clave: str, nombre: str) -> None:
    folios = [f.strip() for f in folios]  # a folio is read without surrounding blanks (README)
    assume(clave.strip() != "B" and "/" not in clave and all(folios) and len(set(folios)) == len(folios))
    sedes = [Sede(clave, 1, nombre=nombre), Sede("B", 1)]
    try:
        a = assign(Concurso("Cardiología", sedes, [Solicitud(f, [clave, "B"], puntaje=Decimal(90 - i))
                                                    for i, f in enumerate(folios)]))
    except ConcursoInvalidoError:
        reject()
    seats = a.sede_de()
    seats[folios[0]], seats[folios[1]] = seats[folios[1]], seats[folios[0]]  # a discrepancy to link
    publicado = Publicado("publicado.csv", seats)
    auditoria = Auditoria("concurso.yaml", a, publicado, comparar(a, publicado))
    html = auditoria.to_html(())
    pagina = Pagina(html)
    assert pagina.tags["script"] == pagina.tags["img"] == 0
    assert pagina.tags["svg"] == 2 == len(_svgs(html))  # each parses as XML
    assert len(pagina.ids) == len(set(pagina.ids))
    for href in pagina.links:
        assert href[1:] in pagina.ids
    for folio in folios[:2]:
        assert f"#{ancla(folio)}" in pagina.links
    for name in (*folios[:2], clave.strip(), nombre.strip()):  # texts are read stripped
        if name.isprintable():
            assert name in pagina.text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(concursos=listas_de_concursos(max_aspirantes=8), data=st.data())
def test_any_competition_and_published_result_gives_a_complete_page(
    concursos: list[Concurso], data: st.DataObject
) -> None:
    a = assign(concursos)
    sedes = {c.cer: list(c.sedes) for c in a.preparados}
    seats = {r.folio: data.draw(st.sampled_from([None, *sedes[r.cer]])) for r in a.asignaciones}
    publicado = Publicado("publicado.csv", seats)
    auditoria = Auditoria("concurso.yaml", a, publicado, comparar(a, publicado))
    html = auditoria.to_html(())
    pagina = Pagina(html)
    assert len(_svgs(html)) == 2 * len(a.preparados)
    assert len(pagina.ids) == len(set(pagina.ids))
    filas = re.findall(r'<table class="tabla-discrepancias">.*?</table>', html, flags=re.DOTALL)
    assert sum(f.count("<tr>") - 1 for f in filas) == len(auditoria.discrepancias)
    for href in pagina.links:
        assert href[1:] in pagina.ids
    veredicto = "Conforme" if auditoria.conforme else f"Con discrepancias: {len(auditoria.discrepancias)}"
    assert veredicto in pagina.text


def test_anchors_are_one_per_folio() -> None:
    folios = ["a b", "a_b", "a-b", "a_20_b", "ñ", "n\u0303", "A1", "a1", "<", "_3c_"]
    assert len({ancla(f) for f in folios}) == len(folios)
