"""A refusal, as the command line says it: its exit code, a stable kind, one Spanish line, and
every problem of a data file; in text on the standard error, or as JSON (``--json``, on the
standard output, shape in ``docs/esquemas/error.schema.json``).

Kinds (``tipo``) and exit codes:

======================== ==== =====================================================================
tipo                     code when
======================== ==== =====================================================================
argumentos_invalidos     2    the arguments do not parse (an unknown option, a missing value...)
archivo_invalido         2    a data file that cannot be read or does not match its schema
convocatoria_desconocida 2    an id that names no bundled convocatoria and no file
especialidad_desconocida 2    a specialty the catalogue does not know
consulta_invalida        2    a question the data cannot answer as asked
entrada_invalida         2    any other refusal of the library (:class:`ResidenciasError`)
salida_no_escrita        2    the standard output or a report cannot be written (a full disk)
error_interno            3    anything else: a defect of the program, never a finding
======================== ==== =====================================================================
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from residencias.cli._argumentos import ArgumentosInvalidosError
from residencias.cli._salida import EXIT_BAD_INPUT, EXIT_INTERNAL, SalidaNoEscritaError
from residencias.cli._traduccion import traducir_fragmentos
from residencias.errors import (
    DataFileError,
    InvalidQueryError,
    Problema,
    ResidenciasError,
    UnknownConvocatoriaError,
    UnknownEspecialidadError,
)

__all__ = ["JSON_VERSION", "MAX_LINEAS", "Rechazo", "rechazo"]


def one_line(mensaje: str) -> str:
    """:func:`residencias.loading.yaml_reader.one_line`, imported when a refusal is written (so that
    the command does not load the YAML machinery to start)."""
    from residencias.loading.yaml_reader import one_line as escaped

    return escaped(mensaje)


JSON_VERSION = 1
"""The version of the JSON shape of a refusal (``docs/esquemas/error.schema.json``)."""
MAX_LINEAS = 50
"""In text, the problems of a data file listed one per line up to this many, then a count."""

DEPURAR = "para ver el detalle, repita con --depurar o con RESIDENCIAS_DEPURAR=1"

_KINDS: tuple[tuple[type[BaseException], str], ...] = (
    (ArgumentosInvalidosError, "argumentos_invalidos"),
    (SalidaNoEscritaError, "salida_no_escrita"),
    (DataFileError, "archivo_invalido"),
    (UnknownConvocatoriaError, "convocatoria_desconocida"),
    (UnknownEspecialidadError, "especialidad_desconocida"),
    (InvalidQueryError, "consulta_invalida"),
    (ResidenciasError, "entrada_invalida"),
)


@attrs.frozen
class Rechazo:
    """What the command says when it refuses or fails."""

    codigo: int
    tipo: str
    mensaje: str
    problemas: tuple[Problema, ...] = ()

    def lineas(self, prog: str = "residencias") -> list[str]:
        """The text form: one line; for a data file with several problems, one more line for each,
        up to :data:`MAX_LINEAS`, then how many more ``--json`` lists."""
        lines = [f"{prog}: {self.mensaje}"]
        rest = self.problemas[1:]
        for p in rest[: MAX_LINEAS - 1]:
            lines.append(f"{prog}: {one_line(str(p))}")
        hidden = len(rest) - (MAX_LINEAS - 1)
        if hidden > 0:
            lines.append(f"{prog}: … y {hidden} problema{'s' if hidden > 1 else ''} más "
                         "(con --json se listan todos)")
        return lines

    def to_data(self) -> dict[str, Any]:
        """The JSON form: ``{"version": 1, "error": {...}}``."""
        first = self.problemas[0] if self.problemas else None
        return {
            "version": JSON_VERSION,
            "error": {
                "codigo": self.codigo,
                "tipo": self.tipo,
                "mensaje": self.mensaje,
                "archivo": first.archivo if first else None,
                "linea": first.linea if first else None,
                "columna": first.columna if first else None,
                "problemas": [
                    {"archivo": p.archivo, "linea": p.linea, "columna": p.columna, "mensaje": p.mensaje}
                    for p in self.problemas
                ],
            },
        }


def _flat(text: str, limit: int = 300) -> str:
    flat = re.sub(r"\s+", " ", text).strip()
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def rechazo(exc: BaseException) -> Rechazo:
    """The refusal an exception stands for."""
    for kind, tipo in _KINDS:
        if isinstance(exc, kind):
            problemas = tuple(
                attrs.evolve(p, mensaje=one_line(traducir_fragmentos(p.mensaje)))
                for p in (exc.problemas if isinstance(exc, DataFileError) else ())
            )
            mensaje = one_line(traducir_fragmentos(str(exc)))
            return Rechazo(EXIT_BAD_INPUT, tipo, mensaje, problemas)
    detail = _flat(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)
    return Rechazo(
        EXIT_INTERNAL,
        "error_interno",
        f"error interno ({detail}); es un defecto del programa, no un resultado sobre los datos; {DEPURAR}",
    )
