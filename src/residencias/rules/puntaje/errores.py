"""The errors of the score computations, each a :class:`~residencias.errors.ResidenciasError`."""

from __future__ import annotations

from residencias.errors import ResidenciasError

__all__ = ["CalificacionInvalidaError", "EquivalenciaRequeridaError", "PuntajeError"]


class PuntajeError(ResidenciasError):
    """A score that cannot be computed as asked (a publication declared twice, a number that
    would need rounding)."""


class CalificacionInvalidaError(PuntajeError):
    """A grade that is not a finite Decimal within its scale, or a scale the calls do not convert."""


class EquivalenciaRequeridaError(CalificacionInvalidaError):
    """A grade on scale 5 without the official equivalence document."""
