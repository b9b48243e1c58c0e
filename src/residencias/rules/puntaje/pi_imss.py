"""The Puntaje Integrado IMSS (6.1, Tabla 2): three weighted grades on base 100 plus the
additional score of sección 7, computed exactly, with its breakdown in Spanish."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from residencias.domain.publicaciones import Publicacion
from residencias.domain.puntaje import ParametrosPuntaje
from residencias.rules.puntaje.conversion import base_100
from residencias.rules.puntaje.exacto import exacto, multiply, texto
from residencias.rules.puntaje.publicaciones import (
    DesglosePuntajeAdicional,
    EstadoPublicacion,
    calcular_puntaje_adicional,
)

__all__ = ["DesglosePIIMSS", "Termino", "calcular_pi_imss"]


@attrs.frozen
class Termino:
    """One term of the PI-IMSS: the grade (base 100), its weight and their product."""

    concepto: str
    valor: Decimal
    peso: Decimal
    producto: Decimal
    articulo: str

    def __str__(self) -> str:
        return (f"{self.concepto}: {texto(self.valor)} × {texto(self.peso)} = {texto(self.producto)} "
                f"({self.articulo})")


_ESTADOS = {
    EstadoPublicacion.VALIDA: "cuenta",
    EstadoPublicacion.RECHAZADA: "rechazada",
    EstadoPublicacion.PENDIENTE: "pendiente de información",
}


@attrs.frozen
class DesglosePIIMSS:
    """The PI-IMSS and how it was reached: ``total`` is the sum of the three products and the
    additional points, exactly."""

    efiser: Termino
    promedio_posgrado: Termino
    enarm: Termino
    puntaje_adicional: DesglosePuntajeAdicional
    total: Decimal

    @property
    def terminos(self) -> tuple[Termino, Termino, Termino]:
        return (self.efiser, self.promedio_posgrado, self.enarm)

    def explicar(self) -> str:
        """The score in Spanish, for the resident, citing the articles."""
        adicional = self.puntaje_adicional
        lines = [f"Puntaje Integrado IMSS (PI-IMSS): {texto(self.total)} (6.1, Tabla 2; sección 7)"]
        lines.extend(f"  {t}" for t in self.terminos)
        lines.append(
            f"  Puntaje adicional por publicaciones: {texto(adicional.puntos)} ({adicional.articulo})")
        parts = " + ".join(texto(x) for x in (*(t.producto for t in self.terminos), adicional.puntos))
        lines.append(f"  Total: {parts} = {texto(self.total)}")
        lines.append("")
        lines.extend(_explain_bonus(adicional))
        return "\n".join(lines)


def _explain_bonus(adicional: DesglosePuntajeAdicional) -> list[str]:
    evaluaciones = adicional.evaluaciones
    if not evaluaciones:
        return ["Publicaciones (sección 7): no se declaró ninguna; el puntaje adicional es 0."]
    counts = {estado: sum(1 for e in evaluaciones if e.estado is estado) for estado in EstadoPublicacion}
    lines = [
        "Publicaciones (sección 7; cada una debe cumplir todos los criterios de 7.1 A a 7.1 H): "
        f"cuentan {counts[EstadoPublicacion.VALIDA]}, rechazadas {counts[EstadoPublicacion.RECHAZADA]}, "
        f"pendientes de información {counts[EstadoPublicacion.PENDIENTE]}."
    ]
    for number, e in enumerate(evaluaciones, start=1):
        head = f"  {number}. «{e.publicacion.titulo}»: {_ESTADOS[e.estado]}; {e.razon}"
        if e.estado is EstadoPublicacion.VALIDA:
            lines.append(f"{head} ({e.articulo}); cumple 7.1 A a 7.1 H.")
            continue
        if e.estado is EstadoPublicacion.PENDIENTE:
            head += f"; sumaría hasta {texto(e.puntos_posibles)} si se confirma lo que falta"
        lines.append(head + ".")
        shown = e.incumplidos if e.estado is EstadoPublicacion.RECHAZADA else e.pendientes
        lines.extend(f"     - {h}" for h in shown)
        if e.estado is EstadoPublicacion.RECHAZADA and e.pendientes:
            lines.append(f"     (además falta dato en: {', '.join(h.articulo for h in e.pendientes)})")
    if adicional.tope_aplicado:
        lines.append(
            f"  Suma de las publicaciones: {texto(adicional.suma)}; el máximo es {texto(adicional.maximo)} "
            f"({adicional.articulo}), así que cuentan {texto(adicional.puntos)}.")
    else:
        lines.append(
            f"  Suma de las publicaciones: {texto(adicional.suma)} (máximo {texto(adicional.maximo)}, "
            f"{adicional.articulo}).")
    return lines


def calcular_pi_imss(
    parametros: ParametrosPuntaje,
    *,
    efiser: Decimal,
    promedio_posgrado: Decimal,
    enarm: Decimal,
    publicaciones: Iterable[Publicacion] = (),
) -> DesglosePIIMSS:
    """The PI-IMSS of 6.1, Tabla 2, with its breakdown.

    ``efiser`` (the EFISER grade), ``promedio_posgrado`` (the average of the posgrado cycles,
    as the constancia of 3.1, punto 7 states it) and ``enarm`` are base-100 Decimals from 0 to
    100; convert other scales first with :func:`convertir_calificacion`.

    >>> from residencias import load_convocatoria
    >>> parametros = load_convocatoria("imss-cer-2026-2027").puntaje
    >>> d = calcular_pi_imss(parametros, efiser=Decimal("80"), promedio_posgrado=Decimal("90"),
    ...                      enarm=Decimal("70"))
    >>> print(d.explicar())
    Puntaje Integrado IMSS (PI-IMSS): 84.00 (6.1, Tabla 2; sección 7)
      EFISER: 80 × 0.50 = 40.00 (6.1, Tabla 2)
      Promedio de los ciclos académicos de posgrado cursados: 90 × 0.45 = 40.50 (6.1, Tabla 2)
      ENARM: 70 × 0.05 = 3.50 (6.1, Tabla 2)
      Puntaje adicional por publicaciones: 0 (7.2; 6.1, Puntaje Adicional)
      Total: 40.00 + 40.50 + 3.50 + 0 = 84.00
    <BLANKLINE>
    Publicaciones (sección 7): no se declaró ninguna; el puntaje adicional es 0.
    """
    pesos = parametros.ponderaciones
    grades = (
        ("EFISER", base_100(efiser, "la calificación del EFISER"), pesos.efiser),
        ("Promedio de los ciclos académicos de posgrado cursados",
         base_100(promedio_posgrado, "el promedio de posgrado"), pesos.promedio_posgrado),
        ("ENARM", base_100(enarm, "la calificación del ENARM"), pesos.enarm),
    )
    terms = [
        Termino(name, value, weight.peso, multiply(value, weight.peso, f"producto de {name}"),
                weight.articulo)
        for name, value, weight in grades
    ]
    adicional = calcular_puntaje_adicional(parametros.puntaje_adicional, publicaciones)
    total = exacto(lambda: terms[0].producto + terms[1].producto + terms[2].producto + adicional.puntos,
                    "total del PI-IMSS")
    return DesglosePIIMSS(terms[0], terms[1], terms[2], adicional, total)
