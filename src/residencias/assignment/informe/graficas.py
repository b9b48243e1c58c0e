"""The audit's charts as inline SVG, drawn with the standard library (``xml.etree``).

Two charts per CER:

- :func:`grafica_cortes`: every sede of the CER, one row each: the range of PI-IMSS admitted
  there, its cut-off (the lowest PI-IMSS admitted, 6.2, punto 1), occupied over offered plazas,
  and, where the published result fills it differently, the published cut-off beside it;
- :func:`histograma`: the PI-IMSS of the CER's applicants, assigned and unassigned, stacked by
  interval, with the lowest cut-off of the CER marked.

Every text from the input (CER and sede names, folios) goes through ``ElementTree``, which
escapes it, so the SVG is well-formed XML whatever the names hold. Positions are computed with
``Decimal`` and written with one decimal; no JavaScript is needed to read a chart.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from residencias.assignment.informe.modelo import FilaSede

__all__ = ["COLORES", "grafica_cortes", "histograma"]

COLORES = {
    "calculado": "#1f4e79",
    "rango": "#b9cde3",
    "publicado": "#c2410c",
    "sin_asignar": "#c4c9cf",
    "rejilla": "#e3e6ea",
    "eje": "#5b6470",
    "texto": "#1d232b",
    "tenue": "#6b7480",
}

_PASOS = tuple(
    Decimal(p) for p in ("0.001", "0.002", "0.005", "0.01", "0.02", "0.05", "0.1", "0.2", "0.5", "1", "2",
                         "5", "10", "20", "50", "100", "200", "500", "1000")
)
_NO_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_FUENTE = "DejaVu Sans, Liberation Sans, Arial, sans-serif"


def _texto(value: str) -> str:
    """Text that XML 1.0 can hold: other characters become U+FFFD."""
    return _NO_XML.sub("\ufffd", value)


def _corto(value: str, n: int) -> str:
    return value if len(value) <= n else value[: n - 1] + "…"


def _n(value: Decimal, decimales: int = 1) -> str:
    return f"{value:.{decimales}f}"


def _el(parent: ET.Element, tag: str, text: str | None = None, **attributes: object) -> ET.Element:
    """A child element; ``font_size`` is written ``font-size``; every value and text is escaped."""
    element = ET.SubElement(parent, tag, {k.replace("_", "-"): _texto(str(v)) for k, v in attributes.items()})
    if text is not None:
        element.text = _texto(text)
    return element


def _svg(ident: str, ancho: int, alto: int, titulo: str, descripcion: str, clase: str) -> ET.Element:
    svg = ET.Element("svg", {
        "xmlns": "http://www.w3.org/2000/svg",
        "viewBox": f"0 0 {ancho} {alto}",
        "width": str(ancho),
        "height": str(alto),
        "role": "img",
        "class": clase,
        "aria-labelledby": f"{ident}-titulo {ident}-desc",
        "font-family": _FUENTE,
        "font-size": "12",
        "fill": COLORES["texto"],
    })
    _el(svg, "title", titulo, id=f"{ident}-titulo")
    _el(svg, "desc", descripcion, id=f"{ident}-desc")
    return svg


def _paso(extension: Decimal, marcas: int) -> Decimal:
    for paso in _PASOS:
        if extension / paso <= marcas:
            return paso
    return _PASOS[-1]


def _rango(lo: Decimal, hi: Decimal, marcas: int, minimo: Decimal = Decimal("0.001")
           ) -> tuple[Decimal, Decimal, Decimal]:
    """A range with round ends that holds ``lo..hi`` (widened about its middle to ``minimo``), and
    its step (at most ``marcas`` steps)."""
    if hi - lo < minimo:
        lo, hi = (lo + hi - minimo) / 2, (lo + hi + minimo) / 2
    paso = _paso(hi - lo, marcas)
    inicio = (lo / paso).to_integral_value(rounding=ROUND_FLOOR) * paso
    fin = (hi / paso).to_integral_value(rounding=ROUND_CEILING) * paso
    if fin == inicio:
        fin = inicio + paso
    return inicio, fin, paso


def _decimales(paso: Decimal) -> int:
    exponent = paso.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _x(value: Decimal, lo: Decimal, hi: Decimal, x0: int, x1: int) -> Decimal:
    return x0 + (value - lo) * (x1 - x0) / (hi - lo)


def _marcas(lo: Decimal, hi: Decimal, paso: Decimal) -> list[Decimal]:
    out, value = [], lo
    while value <= hi:
        out.append(value)
        value += paso
    return out


# --- Cut-offs per sede --------------------------------------------------------------------------------

_FILA = 26
_ARRIBA = 40
_X0, _X1 = 214, 560
_ANCHO = 860


def _leyenda(svg: ET.Element, y: int, comparado: bool) -> None:
    x = _X0
    _el(svg, "rect", x=x, y=y - 5, width=26, height=8, fill=COLORES["rango"])
    _el(svg, "text", "PI-IMSS de los admitidos", x=x + 32, y=y + 3, font_size=11)
    x += 190
    _el(svg, "circle", cx=x + 6, cy=y - 1, r=5, fill=COLORES["calculado"])
    _el(svg, "text", "corte según 6.2 (recalculado)", x=x + 16, y=y + 3, font_size=11)
    if comparado:
        x += 205
        _rombo(svg, Decimal(x + 6), Decimal(y - 1))
        _el(svg, "text", "corte publicado, donde difiere", x=x + 16, y=y + 3, font_size=11)


def _rombo(svg: ET.Element, cx: Decimal, cy: Decimal) -> None:
    r = Decimal(6)
    puntos = f"{_n(cx)},{_n(cy - r)} {_n(cx + r)},{_n(cy)} {_n(cx)},{_n(cy + r)} {_n(cx - r)},{_n(cy)}"
    _el(svg, "polygon", points=puntos, fill="#ffffff", stroke=COLORES["publicado"], stroke_width=2.5)


def _publicado_texto(s: FilaSede) -> str:
    if not s.difiere:
        return "igual"
    corte = "sin corte" if s.corte_publicado is None else str(s.corte_publicado)
    return corte if s.ocupadas_publicado == s.ocupadas else f"{corte} ({s.ocupadas_publicado}/{s.plazas})"


def grafica_cortes(ident: str, cer: str, sedes: Sequence[FilaSede], comparado: bool) -> str:
    """The cut-off chart of one CER (``comparado``: a published result was given)."""
    alto = _ARRIBA + _FILA * max(len(sedes), 1) + 72
    titulo = f"{cer}: puntaje de corte por sede (6.2, punto 1)"
    descripcion = "; ".join(
        f"{s.clave}: {s.ocupadas} de {s.plazas} plazas, corte "
        f"{'sin admitidos' if s.corte is None else s.corte}"
        + (f", publicado {_publicado_texto(s)}" if s.difiere else "")
        for s in sedes
    )
    svg = _svg(ident, _ANCHO, alto, titulo, descripcion, "grafica grafica-cortes")
    valores = [v for s in sedes for v in (s.corte, s.maximo, s.corte_publicado) if v is not None]
    if valores:
        lo, hi, paso = _rango(min(valores), max(valores), 7, minimo=Decimal(2))
    else:
        lo, hi, paso = Decimal(0), Decimal(100), Decimal(10)
    fondo = _ARRIBA + _FILA * max(len(sedes), 1)
    cabeza = {"font_size": 11, "font_weight": "bold", "fill": COLORES["tenue"]}
    _el(svg, "text", "Sede", x=_X0 - 10, y=22, text_anchor="end", **cabeza)
    _el(svg, "text", "PI-IMSS de los admitidos y corte", x=(_X0 + _X1) // 2, y=22, text_anchor="middle",
        **cabeza)
    _el(svg, "text", "Ocup./plazas", x=604, y=22, text_anchor="middle", **cabeza)
    _el(svg, "text", "Corte 6.2", x=722, y=22, text_anchor="end", **cabeza)
    if comparado:
        _el(svg, "text", "Publicado", x=_ANCHO - 10, y=22, text_anchor="end", **cabeza)
    for marca in _marcas(lo, hi, paso):
        x = _n(_x(marca, lo, hi, _X0, _X1))
        _el(svg, "line", x1=x, x2=x, y1=_ARRIBA - 8, y2=fondo, stroke=COLORES["rejilla"])
        _el(svg, "text", _n(marca, _decimales(paso)), x=x, y=fondo + 16, text_anchor="middle", font_size=11,
            fill=COLORES["tenue"])
    _el(svg, "line", x1=_X0, x2=_X1, y1=fondo, y2=fondo, stroke=COLORES["eje"])
    _el(svg, "text", "PI-IMSS (6.1); el corte es el del último admitido", x=(_X0 + _X1) // 2, y=fondo + 34,
        text_anchor="middle", font_size=11, fill=COLORES["eje"])
    for i, s in enumerate(sedes):
        y = _ARRIBA + _FILA * i + _FILA // 2
        fila = _el(svg, "g", **{"class": "fila-sede difiere" if s.difiere else "fila-sede"})
        _el(fila, "title", f"{s.clave}{f' — {s.nombre}' if s.nombre else ''}")
        if i % 2 == 0:
            _el(fila, "rect", x=4, y=y - _FILA // 2, width=_ANCHO - 8, height=_FILA, fill="#f6f7f9")
        _el(fila, "text", _corto(s.clave, 30), x=_X0 - 10, y=y + 4, text_anchor="end")
        if s.corte is not None and s.maximo is not None:
            x0, x1 = _x(s.corte, lo, hi, _X0, _X1), _x(s.maximo, lo, hi, _X0, _X1)
            _el(fila, "rect", x=_n(x0), y=y - 4, width=_n(max(x1 - x0, Decimal(2))), height=8,
                fill=COLORES["rango"])
        if s.difiere and s.corte_publicado is not None:
            xp = _x(s.corte_publicado, lo, hi, _X0, _X1)
            if s.corte is not None:
                xc = _x(s.corte, lo, hi, _X0, _X1)
                _el(fila, "line", x1=_n(xc), x2=_n(xp), y1=y, y2=y, stroke=COLORES["publicado"],
                    stroke_width=1.5, stroke_dasharray="3 2")
            _rombo(fila, xp, Decimal(y))
        if s.corte is not None:
            _el(fila, "circle", cx=_n(_x(s.corte, lo, hi, _X0, _X1)), cy=y, r=5, fill=COLORES["calculado"])
        else:
            _el(fila, "text", "sin admitidos", x=_X0 + 4, y=y + 4, font_size=11, fill=COLORES["tenue"],
                font_style="italic")
        _el(fila, "text", f"{s.ocupadas}/{s.plazas}", x=604, y=y + 4, text_anchor="middle")
        _el(fila, "text", "—" if s.corte is None else str(s.corte), x=722, y=y + 4, text_anchor="end",
            fill=COLORES["calculado"], font_weight="bold")
        if comparado:
            _el(fila, "text", _publicado_texto(s), x=_ANCHO - 10, y=y + 4, text_anchor="end", font_size=11,
                fill=COLORES["publicado"] if s.difiere else COLORES["tenue"],
                font_weight="bold" if s.difiere else "normal")
    _leyenda(svg, fondo + 56, comparado)
    return ET.tostring(svg, encoding="unicode")


# --- Distribution of PI-IMSS --------------------------------------------------------------------------

_H_ANCHO, _H_ALTO = 860, 236
_HX0, _HX1, _HY0, _HY1 = 60, 840, 34, 186


def histograma(ident: str, cer: str, asignados: Sequence[Decimal], sin_asignar: Sequence[Decimal],
               corte_minimo: Decimal | None) -> str:
    """The PI-IMSS of one CER's applicants, assigned (below) and unassigned (above), by interval."""
    todos = [*asignados, *sin_asignar]
    titulo = f"{cer}: distribución del PI-IMSS de asignados y sin asignar (6.1; 6.2)"
    descripcion = f"{len(asignados)} asignados y {len(sin_asignar)} sin asignar"
    if not todos:
        svg = _svg(ident, _H_ANCHO, 40, titulo, descripcion, "grafica grafica-histograma")
        _el(svg, "text", "Sin aspirantes en este CER.", x=_H_ANCHO // 2, y=24, text_anchor="middle",
            fill=COLORES["tenue"])
        return ET.tostring(svg, encoding="unicode")
    svg = _svg(ident, _H_ANCHO, _H_ALTO, titulo, descripcion, "grafica grafica-histograma")
    lo, hi, ancho = _rango(min(todos), max(todos), 24)
    if max(todos) == hi:
        hi += ancho  # intervals are [a, a + ancho): the highest score needs one of its own
    n = int((hi - lo) / ancho)
    con, sin = [0] * n, [0] * n
    for cuenta, valores in ((con, asignados), (sin, sin_asignar)):
        for v in valores:
            cuenta[min(int((v - lo) / ancho), n - 1)] += 1
    _, ymax, ypaso = _rango(Decimal(0), Decimal(max(a + b for a, b in zip(con, sin, strict=True))), 5)
    ypaso = max(ypaso, Decimal(1))

    def y(v: Decimal) -> Decimal:
        return _HY1 - v * (_HY1 - _HY0) / ymax

    for marca in _marcas(Decimal(0), ymax, ypaso):
        _el(svg, "line", x1=_HX0, x2=_HX1, y1=_n(y(marca)), y2=_n(y(marca)), stroke=COLORES["rejilla"])
        _el(svg, "text", str(int(marca)), x=_HX0 - 6, y=_n(y(marca) + 4), text_anchor="end", font_size=11,
            fill=COLORES["tenue"])
    paso_x = Decimal(_HX1 - _HX0) / n
    for i in range(n):
        x = _HX0 + paso_x * i
        desde = lo + ancho * i
        grupo = _el(svg, "g")
        _el(grupo, "title", f"PI-IMSS de {desde} a menos de {desde + ancho}: {con[i]} asignados, "
                            f"{sin[i]} sin asignar")
        base = Decimal(_HY1)
        for numero, color in ((con[i], COLORES["calculado"]), (sin[i], COLORES["sin_asignar"])):
            if numero:
                alto = Decimal(numero) * (_HY1 - _HY0) / ymax
                _el(grupo, "rect", x=_n(x + 1), y=_n(base - alto), width=_n(paso_x - 2), height=_n(alto),
                    fill=color)
                base -= alto
    etiquetas = max(1, n // 12)
    decimales = _decimales(ancho)
    for i in range(0, n + 1, etiquetas):
        xt = _n(_HX0 + paso_x * i)
        _el(svg, "line", x1=xt, x2=xt, y1=_HY1, y2=_HY1 + 4, stroke=COLORES["eje"])
        _el(svg, "text", _n(lo + ancho * i, decimales), x=xt, y=_HY1 + 17, text_anchor="middle", font_size=11,
            fill=COLORES["tenue"])
    _el(svg, "line", x1=_HX0, x2=_HX1, y1=_HY1, y2=_HY1, stroke=COLORES["eje"])
    _el(svg, "line", x1=_HX0, x2=_HX0, y1=_HY0 - 6, y2=_HY1, stroke=COLORES["eje"])
    if corte_minimo is not None:
        xc = _n(_HX0 + (corte_minimo - lo) * (_HX1 - _HX0) / (hi - lo))
        _el(svg, "line", x1=xc, x2=xc, y1=_HY0 - 8, y2=_HY1, stroke=COLORES["publicado"], stroke_width=1.5,
            stroke_dasharray="4 3")
        derecha = corte_minimo - lo > (hi - lo) * 2 / 3
        _el(svg, "text", f"corte más bajo del CER: {corte_minimo}", x=xc, y=_HY0 - 12,
            text_anchor="end" if derecha else "start", font_size=11, fill=COLORES["publicado"])
    unidad = "punto" if ancho == 1 else "puntos"
    _el(svg, "text", f"PI-IMSS (6.1), en intervalos de {ancho} {unidad}", x=_HX1, y=_HY1 + 36,
        text_anchor="end", font_size=11, fill=COLORES["eje"])
    _el(svg, "text", "Aspirantes", x=16, y=(_HY0 + _HY1) // 2, text_anchor="middle", font_size=11,
        fill=COLORES["eje"], transform=f"rotate(-90 16 {(_HY0 + _HY1) // 2})")
    ly = _HY1 + 36
    _el(svg, "rect", x=_HX0 + 10, y=ly - 9, width=12, height=12, fill=COLORES["calculado"])
    _el(svg, "text", f"asignados ({len(asignados)})", x=_HX0 + 28, y=ly + 1, font_size=11)
    _el(svg, "rect", x=_HX0 + 150, y=ly - 9, width=12, height=12, fill=COLORES["sin_asignar"])
    _el(svg, "text", f"sin asignar ({len(sin_asignar)})", x=_HX0 + 168, y=ly + 1, font_size=11)
    return ET.tostring(svg, encoding="unicode")
