"""The specification of each file of the electronic expediente (the IMSS ENARM calls' table:
participante, tipo de documento, tipo de imagen, resolución, tamaño máximo, formato, nombre).

Rows the document marks "NO APLICA" are kept, with ``aplica: false`` and no file name.
"""

from __future__ import annotations

import enum
import re
from typing import Any

import attrs

from residencias.domain.validators import InvalidValue, at_least, non_empty

__all__ = ["EspecificacionArchivo", "Participante"]

_FILE_NAME = re.compile(r"[A-Z0-9]+\Z")


class Participante(enum.Enum):
    """Who must provide a file, as the table's PARTICIPANTE column says."""

    TODOS = "todos"
    MEXICANO = "mexicano"
    EXTRANJERO = "extranjero"
    TRABAJADOR_IMSS = "trabajador_imss"
    HIJO_TRABAJADOR_IMSS = "hijo_trabajador_imss"


def _file_name(_: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not _FILE_NAME.match(value):
        raise InvalidValue(
            f"nombre de archivo '{value}' inválido; el documento pide mayúsculas, sin acentos "
            "ni símbolos, p. ej. 'ACTADENACIMIENTO'",
            attribute.name,
        )


@attrs.frozen
class EspecificacionArchivo:
    """One row of the file table: which document, under which name, in which format."""

    documento: str = attrs.field(validator=non_empty)
    participante: Participante
    articulo: str = attrs.field(validator=non_empty)
    aplica: bool = True
    nombre: str | None = attrs.field(default=None, validator=_file_name)
    tipo_imagen: str | None = attrs.field(default=None, validator=non_empty)
    resolucion_ppp: int | None = attrs.field(default=None, validator=at_least(1))
    tamano_maximo_kb: int | None = attrs.field(default=None, validator=at_least(1))
    formato: str | None = attrs.field(default=None, validator=non_empty)
    nota: str | None = attrs.field(default=None, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        needed = ("nombre", "resolucion_ppp", "tamano_maximo_kb", "formato")
        if self.aplica:
            missing = [name for name in needed if getattr(self, name) is None]
            if missing:
                raise InvalidValue(
                    f"al archivo '{self.documento}' le falta '{missing[0]}'; "
                    "un archivo que aplica necesita nombre, resolución, tamaño y formato",
                    "documento",
                )
        elif self.nombre is not None:
            raise InvalidValue(
                f"el archivo '{self.documento}' no aplica y no debe tener nombre", "nombre"
            )
