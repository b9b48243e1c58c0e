"""Rendering the audit page with Jinja2 (templates in ``plantillas/``, shipped in the package).

Jinja2 is imported here, inside :func:`to_html`, and only when a page is asked for: importing the
library or running any other command does not load it. Autoescaping is on for every template
(``autoescape=True``: ``select_autoescape`` would leave a ``.html.j2`` template unescaped), so
every value from the input is escaped; the charts are inserted as markup because ElementTree has
already escaped every text in them. The page has no script and loads nothing: a
Content-Security-Policy of ``default-src 'none'`` (inline styles only) makes the browser refuse any
request, so nothing planted in the input could fetch or run anything either.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import metadata
from typing import TYPE_CHECKING

from residencias.assignment.informe.datos import construir
from residencias.assignment.informe.graficas import grafica_cortes, histograma
from residencias.assignment.informe.modelo import AuditoriaInforme, ObservacionInforme, ancla

if TYPE_CHECKING:
    import jinja2

__all__ = ["to_html"]

PLANTILLA = "auditoria.html.j2"


@cache
def _entorno() -> jinja2.Environment:
    import jinja2  # noqa: PLC0415 (only when a page is rendered)

    return jinja2.Environment(
        loader=jinja2.PackageLoader("residencias.assignment.informe", "plantillas"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _version() -> str:
    try:
        return metadata.version("residencias")
    except metadata.PackageNotFoundError:
        return "(sin instalar)"


def to_html(auditoria: AuditoriaInforme, observaciones: Iterable[ObservacionInforme] | None = None) -> str:
    """The audit as one HTML page: no script, no external resource, printable on A4.

    ``observaciones``: what ``residencias lint`` reports for the convocatoria used (for example
    ``residencias.lint(auditoria.asignacion.convocatoria)``); ``None`` leaves that section out,
    saying so. The same audit gives the same bytes.
    """
    from markupsafe import Markup  # noqa: PLC0415 (Jinja2's own, loaded with it)

    informe = construir(auditoria, observaciones)
    graficas = {}
    for n, c in enumerate(informe.cers, start=1):
        cortes = [s.corte for s in c.sedes if s.corte is not None]
        graficas[c.cer] = (
            Markup(grafica_cortes(f"g{n}c", c.cer, c.sedes, informe.comparado)),
            Markup(histograma(f"g{n}h", c.cer, c.asignados, c.sin_asignar, min(cortes) if cortes else None)),
        )
    return _entorno().get_template(PLANTILLA).render(
        informe=informe, graficas=graficas, ancla=ancla, version=_version()
    )
