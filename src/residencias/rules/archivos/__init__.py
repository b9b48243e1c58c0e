"""Checking the real files of an electronic expediente against a convocatoria's file table.

The IMSS ENARM calls (XLVI, 2.1 nota 2; XLIX, 2.2.3) give one row per document: who provides it
(PARTICIPANTE), the resolution (300 ppp), the maximum size (400 KB), the format (Jpg / JPG) and
the file name (NOMBRE), and add: "Los archivos deben subirse con el nombre especificado igual que
en la columna NOMBRE (En mayúsculas, sin acentos y sin símbolos)"; "Si no cumple con las
especificaciones se cancela el registro".

:func:`revisar_archivos` looks at every file of a directory and every row of the table that
applies to the person (``aplica`` and PARTICIPANTE ``todos`` or one of theirs), and gives one
:class:`HallazgoArchivo` per row and per file: ``cumple`` (every check passes), ``no_cumple``
(a check fails, or the file matches no row that applies) or ``falta`` (no file for the row).
A file's checks (:class:`Comprobacion`) are its name, the JPEG signature, completeness (the
end-of-image marker ``FF D9``), its size and its resolution (JFIF and EXIF, read by
:mod:`residencias.rules.jpeg`).

A near miss is matched to its row and gets the right name suggested: the name is folded with
:func:`clave_de_nombre` (NFKD, accents dropped, only A-Z and 0-9 kept, upper case) and compared with
the column NOMBRE, then with :mod:`difflib` for typos.

>>> clave_de_nombre("Acta de Nacimiento")
'ACTADENACIMIENTO'
>>> clave_de_nombre("título_1 (reverso)")
'TITULO1REVERSO'

Where the documents are silent the check has to choose; each choice is a ``supuesto`` listed in
:data:`SUPUESTOS`, kept in every :class:`RevisionArchivos` and cited by each finding it decided.
"""

from residencias.rules.archivos.hallazgos import (
    Aspecto,
    Comprobacion,
    HallazgoArchivo,
    Resultado,
    RevisionArchivos,
)
from residencias.rules.archivos.nombres import clave_de_nombre, nombre_esperado
from residencias.rules.archivos.revision import revisar_archivos
from residencias.rules.archivos.supuestos import BYTES_POR_KB as BYTES_POR_KB
from residencias.rules.archivos.supuestos import EXTENSION as EXTENSION
from residencias.rules.archivos.supuestos import (
    SUPUESTO_EXIF_SIN_UNIDAD,
    SUPUESTO_EXTENSION,
    SUPUESTO_KB,
    SUPUESTO_NO_ESPERADOS,
    SUPUESTO_PPP_DESCONOCIDA,
    SUPUESTO_PPP_DISCREPANTE,
    SUPUESTO_PPP_EXACTA,
    SUPUESTO_PPP_REDONDEO,
    SUPUESTOS,
)

__all__ = [
    "SUPUESTOS",
    "SUPUESTO_EXIF_SIN_UNIDAD",
    "SUPUESTO_EXTENSION",
    "SUPUESTO_KB",
    "SUPUESTO_NO_ESPERADOS",
    "SUPUESTO_PPP_DESCONOCIDA",
    "SUPUESTO_PPP_DISCREPANTE",
    "SUPUESTO_PPP_EXACTA",
    "SUPUESTO_PPP_REDONDEO",
    "Aspecto",
    "Comprobacion",
    "HallazgoArchivo",
    "Resultado",
    "RevisionArchivos",
    "clave_de_nombre",
    "nombre_esperado",
    "revisar_archivos",
]
