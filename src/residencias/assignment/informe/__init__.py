"""The audit of a seat assignment (imss-cer-2026-2027, 6.2) as one self-contained HTML page.

:func:`to_html` renders a replay (:class:`~residencias.assignment.replay.Auditoria`): the summary
with the input's and the convocatoria's hashes and the verdict, every discrepancy by kind with a
link to its folio's explanation, per CER a chart of every sede's cut-off and a histogram of PI-IMSS,
the ties and the criterion that settled each, the notices and the data's own inconsistencies.
Modules: :mod:`.modelo` (what is read from a replay, and the parts of the page), :mod:`.datos`
(building them), :mod:`.graficas` (the SVG charts), :mod:`.pagina` (Jinja2, imported only when a
page is rendered) and the templates in ``plantillas/``.
"""

from residencias.assignment.informe.pagina import to_html

__all__ = ["to_html"]
