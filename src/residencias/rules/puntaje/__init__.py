"""Scores: grades on base 100, the Puntaje Integrado IMSS (PI-IMSS) and the publication bonus.

The CER call (imss-cer-2026-2027) orders applicants by the PI-IMSS (6.1, Tabla 2)::

    PI-IMSS = 0.50 × EFISER + 0.45 × promedio de posgrado + 0.05 × ENARM + puntaje adicional

Every grade is on base 100; the ENARM calls say how to carry other scales to base 100
(imss-enarm-xlvi-2023 2.1 d; imss-enarm-xlix-2026-tercer-periodo 2.1 d), see
:func:`convertir_calificacion`. The additional score (sección 7) gives, per publication that meets
every criterion of 7.1 A–H, 0.05 to a first author and 0.025 to a second author (7.2, "Tabla 3
Puntaje Adicional"), up to 0.50 in all (7.2). Weights, points, the cap, the cut-off date and the
kinds of article are data, in the ``puntaje:`` block of the convocatoria's YAML file, each cited.

All numbers are :class:`~decimal.Decimal`, computed exactly: an operation that would have to
round is refused, never rounded.

>>> from decimal import Decimal
>>> from residencias import load_convocatoria
>>> parametros = load_convocatoria("imss-cer-2026-2027").puntaje
>>> d = calcular_pi_imss(parametros, efiser=Decimal("80"), promedio_posgrado=Decimal("90"),
...                      enarm=Decimal("70"))
>>> d.total
Decimal('84.00')
>>> convertir_calificacion(Decimal("8.88"), 10)
Decimal('88.8')
"""

from residencias.domain.puntaje import (
    Exclusion,
    FechaCitada,
    ParametrosPuntaje,
    Ponderacion,
    Ponderaciones,
    PosicionCitada,
    PuntajeAdicional,
    PuntosPorAutoria,
    TipoPermitido,
    ValorCitado,
)
from residencias.rules.puntaje.conversion import (
    ARTICULO_CONVERSION,
    convertir_calificacion,
    promedio_en_base_100,
)
from residencias.rules.puntaje.errores import (
    CalificacionInvalidaError,
    EquivalenciaRequeridaError,
    PuntajeError,
)
from residencias.rules.puntaje.pi_imss import DesglosePIIMSS, Termino, calcular_pi_imss
from residencias.rules.puntaje.publicaciones import (
    CRITERIOS,
    DesglosePuntajeAdicional,
    EstadoPublicacion,
    EvaluacionPublicacion,
    HallazgoCriterio,
    Resultado,
    calcular_puntaje_adicional,
    evaluar_publicacion,
)

__all__ = [
    "ARTICULO_CONVERSION",
    "CRITERIOS",
    "CalificacionInvalidaError",
    "DesglosePIIMSS",
    "DesglosePuntajeAdicional",
    "EquivalenciaRequeridaError",
    "EstadoPublicacion",
    "EvaluacionPublicacion",
    "Exclusion",
    "FechaCitada",
    "HallazgoCriterio",
    "ParametrosPuntaje",
    "Ponderacion",
    "Ponderaciones",
    "PosicionCitada",
    "PuntajeAdicional",
    "PuntajeError",
    "PuntosPorAutoria",
    "Resultado",
    "Termino",
    "TipoPermitido",
    "ValorCitado",
    "calcular_pi_imss",
    "calcular_puntaje_adicional",
    "convertir_calificacion",
    "evaluar_publicacion",
    "promedio_en_base_100",
]
