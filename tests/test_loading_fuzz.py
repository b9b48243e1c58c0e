"""Whatever it is fed, the loader returns an object or raises :class:`ResidenciasError`.

No other exception type escapes, nothing hangs, and every refusal is one Spanish line naming a
place inside the file. The inputs come from :mod:`tests.strategies`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from residencias.domain import Convocatoria, Expediente
from residencias.errors import DataFileError, ResidenciasError
from residencias.loading.files import load_convocatoria, load_expediente
from residencias.loading.yaml_reader import read_yaml
from tests.strategies import (
    CONVOCATORIA_MINIMA,
    EXPEDIENTE_MINIMO,
    bundled_convocatoria_text,
    corrupted_bytes,
    mutated_text,
    perturbed_documents,
    plain_values,
    scalars,
    to_yaml,
    yaml_documents,
    yaml_like_text,
)
from tests.timeouts import no_hang

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SECONDS_PER_EXAMPLE = 10

LOADERS: dict[str, tuple[Callable[[Path], object], type]] = {
    "convocatoria": (load_convocatoria, Convocatoria),
    "expediente": (load_expediente, Expediente),
}
BOTH = pytest.mark.parametrize("kind", sorted(LOADERS))


def _no_hang(seconds: float = SECONDS_PER_EXAMPLE) -> AbstractContextManager[None]:
    return no_hang(seconds, "el cargador")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Where each example is written: in memory (/dev/shm) when there is one, as disks are slow."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        with tempfile.TemporaryDirectory(dir=shm, prefix="residencias-fuzz-") as directory:
            yield Path(directory)
    else:
        yield tmp_path_factory.mktemp("fuzz")


def _check_refusal(err: ResidenciasError, data: bytes | None = None, name: str = "") -> None:
    """A refusal is one line (but for line breaks in the name it was given); a data-file refusal
    names places that exist in the file."""
    assert "\n" not in str(err).replace(name, ""), str(err)
    if not isinstance(err, DataFileError):
        return
    lines = max(1, (data or b"").count(b"\n") + 1)
    for problema in err.problemas:
        assert not problema.mensaje.startswith("valor inválido ("), problema  # an unplanned error
        assert "YAML ilegible" not in problema.mensaje, problema
        assert problema.linea >= 1 and problema.columna >= 1, problema
        if data is not None:
            # Lines as YAML counts them may also break at \r, NEL, LS and PS.
            breaks = sum(data.count(sep) for sep in (b"\r", "\x85".encode(), "\u2028".encode(),
                                                     "\u2029".encode()))
            assert problema.linea <= lines + breaks + 1, problema


def _load(kind: str, path: Path, data: bytes) -> None:
    loader, cl = LOADERS[kind]
    path.write_bytes(data)
    try:
        with _no_hang():
            loaded = loader(path)
    except ResidenciasError as err:
        _check_refusal(err, data)
    else:
        assert isinstance(loaded, cl)


@BOTH
@FUZZ
@given(text=yaml_like_text())
def test_yaml_like_text(kind: str, workdir: Path, text: str) -> None:
    _load(kind, workdir / f"texto-{kind}.yaml", text.encode("utf-8", "surrogatepass"))


@BOTH
@FUZZ
@given(text=st.text(max_size=300))
def test_arbitrary_text(kind: str, workdir: Path, text: str) -> None:
    _load(kind, workdir / f"unicode-{kind}.yaml", text.encode("utf-8"))


@BOTH
@FUZZ
@given(data=st.one_of(
    st.binary(max_size=300),
    corrupted_bytes(CONVOCATORIA_MINIMA),
    corrupted_bytes(EXPEDIENTE_MINIMO),
))
def test_arbitrary_bytes(kind: str, workdir: Path, data: bytes) -> None:
    _load(kind, workdir / f"bytes-{kind}.yaml", data)


@BOTH
@FUZZ
@given(text=yaml_documents())
def test_arbitrary_yaml_values(kind: str, workdir: Path, text: str) -> None:
    _load(kind, workdir / f"valores-{kind}.yaml", text.encode("utf-8"))


@BOTH
@FUZZ
@given(data=st.data())
def test_sample_with_one_value_changed(kind: str, workdir: Path, data: st.DataObject) -> None:
    sample = CONVOCATORIA_MINIMA if kind == "convocatoria" else EXPEDIENTE_MINIMO
    text = data.draw(perturbed_documents(sample))
    _load(kind, workdir / f"perturbado-{kind}.yaml", text.encode("utf-8"))


@BOTH
@FUZZ
@given(data=st.data())
def test_sample_with_one_careless_edit(kind: str, workdir: Path, data: st.DataObject) -> None:
    sample = CONVOCATORIA_MINIMA if kind == "convocatoria" else EXPEDIENTE_MINIMO
    text = data.draw(mutated_text(sample))
    _load(kind, workdir / f"editado-{kind}.yaml", text.encode("utf-8", "surrogatepass"))


@settings(FUZZ, max_examples=100)
@given(text=mutated_text(bundled_convocatoria_text()))
def test_bundled_convocatoria_with_one_careless_edit(workdir: Path, text: str) -> None:
    _load("convocatoria", workdir / "cer-editada.yaml", text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(text=st.text(
    alphabet=st.one_of(st.characters(), st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)),
    max_size=100,
))
def test_read_yaml_takes_any_str(text: str) -> None:
    try:
        with _no_hang():
            read_yaml(text, "x.yaml")
    except ResidenciasError as err:
        _check_refusal(err)


@FUZZ
@given(identificador=st.one_of(
    st.text(max_size=30),
    st.text(max_size=20).map(lambda name: name + ".yaml"),
    st.sampled_from(["", ".", "..", "/", "imss", "imss-cer-2026-2027", "imss-cer-2026-2027.yaml"]),
))
def test_load_convocatoria_takes_any_name(identificador: str) -> None:
    try:
        with _no_hang():
            loaded = load_convocatoria(identificador)
    except ResidenciasError as err:
        _check_refusal(err, name=identificador)
    else:
        assert isinstance(loaded, Convocatoria)


@pytest.mark.parametrize("nombre", ["x" * 5000, "x" * 5000 + ".yaml", "a\x00b", "a\x00b.yaml"])
def test_load_convocatoria_takes_names_the_os_refuses(nombre: str) -> None:
    with pytest.raises(ResidenciasError):
        load_convocatoria(nombre)
    with pytest.raises(ResidenciasError):
        load_expediente(nombre)


# What safe_dump writes, the reader reads back as the same values. (Not text with NEL, LS or PS:
# PyYAML writes them raw, and YAML reads them back as line breaks. Nor control characters but tab
# and line breaks: the reader refuses them even written as escapes.)
_CONTROLS = "".join(chr(c) for c in [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)])
_ROUND_TRIP_TEXT = st.text(
    alphabet=st.characters(exclude_characters="\x85\u2028\u2029" + _CONTROLS, exclude_categories=("Cs",)),
    max_size=20,
)


@settings(FUZZ, max_examples=100)
@given(value=plain_values(leaves=scalars(texts=_ROUND_TRIP_TEXT), keys=_ROUND_TRIP_TEXT,
                          max_leaves=10))
def test_reader_reads_back_what_safe_dump_writes(value: Any) -> None:
    text = to_yaml(value)
    with _no_hang():
        root = read_yaml(text, "x.yaml").root
    assert root == value
