"""The supuestos: each choice the file check makes where the documents are silent (extension, KB,
resolution, files no row asks for), and the readings they fix (``.jpg``, 1 KB = 1000 bytes)."""

from __future__ import annotations

__all__ = [
    "BYTES_POR_KB",
    "EXTENSION",
    "SUPUESTOS",
    "SUPUESTO_EXIF_SIN_UNIDAD",
    "SUPUESTO_EXTENSION",
    "SUPUESTO_KB",
    "SUPUESTO_NO_ESPERADOS",
    "SUPUESTO_PPP_DESCONOCIDA",
    "SUPUESTO_PPP_DISCREPANTE",
    "SUPUESTO_PPP_EXACTA",
    "SUPUESTO_PPP_REDONDEO",
]

BYTES_POR_KB = 1000
"""The reading of "KB" (see :data:`SUPUESTO_KB`)."""

EXTENSION = ".jpg"

SUPUESTO_EXTENSION = (
    "Extensión: la tabla da el formato («Jpg» o «JPG», según la convocatoria) y el nombre sin "
    "extensión; se acepta «.jpg» con cualquier combinación de mayúsculas y minúsculas (el nombre, en "
    "cambio, debe ser el de la columna NOMBRE, en mayúsculas); «.jpeg» no es la extensión del formato "
    "escrito y no cumple: se sugiere el mismo nombre con «.jpg»."
)
SUPUESTO_KB = (
    "Tamaño: los documentos dicen «400 KB» sin decir si 1 KB son 1000 o 1024 bytes; se lee "
    "1 KB = 1000 bytes (400 KB = 400,000 bytes), la lectura más estricta: un archivo que cumple aquí "
    "cumple con las dos lecturas."
)
SUPUESTO_PPP_EXACTA = (
    "Resolución: la tabla da un solo valor (300 ppp) sin decir «mínimo» ni «máximo»; se exige ese valor "
    "en los dos ejes, así que una resolución mayor tampoco cumple."
)
SUPUESTO_PPP_REDONDEO = (
    "Resolución: los ppp se comparan redondeados al entero más cercano, porque JFIF guarda enteros y "
    "300 ppp no es un número entero de puntos por centímetro (118 puntos/cm = 299.72 ppp cuenta como 300)."
)
SUPUESTO_PPP_DISCREPANTE = (
    "Resolución: si JFIF y EXIF declaran resoluciones distintas no se sabe cuál leerá el sistema de "
    "registro; no se da por cumplida y se informan las dos."
)
SUPUESTO_PPP_DESCONOCIDA = (
    "Resolución: si el archivo no la declara (ni JFIF con unidades ni EXIF) es desconocida, y una "
    "resolución desconocida no se da por cumplida."
)
SUPUESTO_EXIF_SIN_UNIDAD = (
    "Resolución: un EXIF sin ResolutionUnit se lee en pulgadas, el valor por omisión de las normas "
    "EXIF y TIFF."
)
SUPUESTO_NO_ESPERADOS = (
    "Archivos no esperados: un archivo del directorio que no corresponde a ninguna fila de la tabla que "
    "aplique al aspirante no cumple, porque no puede subirse con un nombre de la columna NOMBRE."
)

SUPUESTOS: tuple[str, ...] = (
    SUPUESTO_EXTENSION,
    SUPUESTO_KB,
    SUPUESTO_PPP_EXACTA,
    SUPUESTO_PPP_REDONDEO,
    SUPUESTO_PPP_DISCREPANTE,
    SUPUESTO_PPP_DESCONOCIDA,
    SUPUESTO_EXIF_SIN_UNIDAD,
    SUPUESTO_NO_ESPERADOS,
)
"""Every choice the check makes where the documents are silent, in the order they are numbered."""
