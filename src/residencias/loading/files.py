"""Loading convocatorias, the specialty catalogue and expedientes, bundled or from a path.

The bundled files live in the repository's top-level ``data/`` folder (``data/convocatorias/`` and
the shared catalogues beside it). A wheel carries that folder inside the package, as
``residencias/data`` (``force-include`` in ``pyproject.toml``), where :mod:`importlib.resources`
finds it; an editable install or a source checkout has no such folder in the package, and reads
the repository's ``data/`` instead (see :func:`data_dir`).

>>> "imss-cer-2026-2027" in convocatorias_disponibles()
True
>>> load_convocatoria("imss-cer-2026-2027").publicacion.fecha_hora.isoformat()
'2026-03-09T18:00:00-06:00'
"""

from __future__ import annotations

import os
from functools import cache, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import attrs

from residencias.domain.especialidades import CatalogoEspecialidades
from residencias.errors import DataFileError, InvalidQueryError, Problema, UnknownConvocatoriaError
from residencias.loading.structure import structure_document
from residencias.loading.yaml_reader import YamlDocument, read_yaml_bytes, read_yaml_file
from residencias.text import extracto

if TYPE_CHECKING:  # imported where read: a seat assignment from CSV needs none of them
    from residencias.domain.convocatoria import Convocatoria
    from residencias.domain.expediente import Expediente
    from residencias.domain.historia import Historia, Posicion

__all__ = [
    "archivos_de_convocatoria",
    "bundled_path",
    "convocatorias_disponibles",
    "data_dir",
    "load_catalogo",
    "load_convocatoria",
    "load_expediente",
    "load_expediente_e_historia",
    "load_file",
    "load_historia",
    "nombre_de_archivo",
]

T = TypeVar("T")

_SUFFIX = ".yaml"


_SOURCE_DATA = Path(__file__).resolve().parents[3] / "data"
"""``data/`` of the repository, seen from ``src/residencias/loading/files.py``."""


@cache
def data_dir() -> Traversable:
    """Where the bundled data is: inside the installed package (a wheel), else the repository's
    top-level ``data/`` (an editable install or a source checkout). Never both, never neither."""
    packaged = resources.files("residencias").joinpath("data")
    if packaged.is_dir():
        return packaged
    if (_SOURCE_DATA / "convocatorias").is_dir():
        return _SOURCE_DATA
    raise DataFileError([Problema(  # a broken installation
        "residencias/data", 1, 1, "no se encuentran los datos de las convocatorias: ni dentro del "
        f"paquete instalado ni en {_SOURCE_DATA}; reinstale el paquete")])


def _data() -> Traversable:
    return data_dir()


def _convocatorias_dir() -> Traversable:
    return _data().joinpath("convocatorias")


def bundled_path(identificador: str) -> str:
    """The name a bundled convocatoria file is reported under (its path inside the package)."""
    return f"data/convocatorias/{identificador}{_SUFFIX}"


def convocatorias_disponibles() -> tuple[str, ...]:
    """The ids of the bundled convocatorias, sorted."""
    return tuple(
        sorted(
            entry.name[: -len(_SUFFIX)]
            for entry in _convocatorias_dir().iterdir()
            if entry.name.endswith(_SUFFIX)
        )
    )


def nombre_de_archivo(path: object, que: str = "el archivo") -> str | os.PathLike[str]:
    """``path`` if it names a file (text or a path object), else :class:`InvalidQueryError`."""
    if isinstance(path, str | os.PathLike) and not isinstance(path, bytes):
        text = os.fspath(path)
        if isinstance(text, str) and text:
            return path
        if isinstance(text, str):
            raise InvalidQueryError(f"{que}: nombre vacío; se esperaba la ruta de un archivo")
    raise InvalidQueryError(f"{que}: se esperaba la ruta de un archivo (texto o pathlib.Path), se "
                            f"recibió {type(path).__name__}")


def load_file(path: str | os.PathLike[str], cl: type[T]) -> T:
    """Read a YAML file strictly into ``cl``; any problem raises :class:`DataFileError`.
    ``-`` reads standard input."""
    path = nombre_de_archivo(path)
    return structure_document(read_yaml_file(path, estandar=True), cl)


@lru_cache(maxsize=1)
def load_catalogo() -> CatalogoEspecialidades:
    """The bundled specialty catalogue (``data/especialidades.yaml``)."""
    data = _data().joinpath("especialidades.yaml").read_bytes()
    document = read_yaml_bytes(data, "data/especialidades.yaml")
    return structure_document(document, CatalogoEspecialidades)


def _with_catalogue(document: YamlDocument) -> YamlDocument:
    """A convocatoria file may carry its own ``especialidades``; without it, the bundled one."""
    root = document.root
    if isinstance(root, dict) and "especialidades" not in root:
        root = {**root, "especialidades": load_catalogo()}
        return attrs.evolve(document, root=root)
    return document


def _structure_convocatoria(document: YamlDocument) -> Convocatoria:
    from residencias.domain.convocatoria import Convocatoria  # noqa: PLC0415 (see the imports)

    convocatoria = structure_document(_with_catalogue(document), Convocatoria)
    return attrs.evolve(convocatoria, datos_sha256=document.sha256)


@cache
def _load_bundled(identificador: str) -> Convocatoria:
    archivo = bundled_path(identificador)
    data = _convocatorias_dir().joinpath(identificador + _SUFFIX).read_bytes()
    document = read_yaml_bytes(data, archivo)
    convocatoria = _structure_convocatoria(document)
    if convocatoria.id != identificador:
        raise DataFileError(
            [document.problem(("id",), f"el id '{convocatoria.id}' no coincide con el nombre del "
                              f"archivo; se esperaba '{identificador}'")]
        )
    return convocatoria


def load_convocatoria(id_or_path: str | os.PathLike[str]) -> Convocatoria:
    """A convocatoria by bundled id (see :func:`convocatorias_disponibles`) or by file path.

    Raises :class:`UnknownConvocatoriaError` for a name that is neither, and
    :class:`DataFileError` for a file that does not read or does not match the schema.
    """
    if not isinstance(id_or_path, str | os.PathLike) or isinstance(os.fspath(id_or_path), bytes):
        raise InvalidQueryError(f"se esperaba el id de una convocatoria o la ruta de su archivo YAML, "
                                f"se recibió {type(id_or_path).__name__}")
    text = os.fspath(id_or_path)
    known = convocatorias_disponibles()
    if not text.strip():
        raise UnknownConvocatoriaError(extracto(text), known)
    if text in known and not isinstance(id_or_path, os.PathLike):
        return _load_bundled(text)
    path = Path(text)
    if isinstance(id_or_path, os.PathLike) or _names_a_file(path):
        return _structure_convocatoria(read_yaml_file(path))
    raise UnknownConvocatoriaError(extracto(text), known)


def _names_a_file(path: Path) -> bool:
    """Whether a name given for a convocatoria is meant as a path (it exists, or ends in .yaml)."""
    if path.suffix in {".yaml", ".yml"}:
        return True
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def archivos_de_convocatoria(id_or_path: str | os.PathLike[str] | None) -> tuple[str, ...]:
    """The files a convocatoria is read from (its YAML and the bundled catalogue), for a command
    that must not write over them; none for a name that is neither an id nor a file."""
    catalogo = _data().joinpath("especialidades.yaml")
    out = [str(catalogo)] if isinstance(catalogo, os.PathLike) else []
    if id_or_path is None:
        return tuple(out)
    text = os.fspath(id_or_path)
    if text in convocatorias_disponibles() and not isinstance(id_or_path, os.PathLike):
        bundled = _convocatorias_dir().joinpath(text + _SUFFIX)
        if isinstance(bundled, os.PathLike):
            out.append(str(bundled))
    elif text:
        out.append(text)
    return tuple(out)


def load_expediente(path: str | os.PathLike[str]) -> Expediente:
    """An expediente (facts and documents of one person) from a YAML file (``-``: standard input)."""
    from residencias.domain.expediente import Expediente  # noqa: PLC0415 (see the imports)

    return load_file(nombre_de_archivo(path, "el expediente"), Expediente)


def _positions(document: YamlDocument, key: str, count: int) -> tuple[Posicion, ...]:
    from residencias.domain.historia import Posicion  # noqa: PLC0415 (see the imports)

    out = []
    for index in range(count):
        where = document.position((key, index))
        out.append(Posicion(document.archivo, where.linea, where.columna))
    return tuple(out)


def load_historia(path: str | os.PathLike[str]) -> Historia:
    """A person's history in a convocatoria, from a YAML file, or a JSON file (``.json``: dates and
    instants written as ISO 8601 text), read as strictly as every other file (``-``: standard
    input, YAML); each event keeps its place in the file, so that a refusal can point at it."""
    from residencias.domain.historia import Historia  # noqa: PLC0415 (see the imports)

    path = nombre_de_archivo(path, "la historia")
    document = read_yaml_file(path, estandar=True)
    historia = structure_document(document, Historia, json=Path(path).suffix.lower() == ".json")
    return attrs.evolve(historia, posiciones=_positions(document, "eventos", len(historia.eventos)))


def load_expediente_e_historia(path: str | os.PathLike[str]) -> tuple[Expediente, Historia | None]:
    """An expediente and the history it carries (``historia:``), with the place of each event,
    read once."""
    from residencias.domain.expediente import Expediente  # noqa: PLC0415 (see the imports)
    from residencias.domain.historia import Historia  # noqa: PLC0415

    document = read_yaml_file(nombre_de_archivo(path, "el expediente"), estandar=True)
    expediente = structure_document(document, Expediente)
    if expediente.historia is None:
        return expediente, None
    return expediente, Historia(expediente.convocatoria, expediente.historia, expediente.aspirante,
                                _positions(document, "historia", len(expediente.historia)))
