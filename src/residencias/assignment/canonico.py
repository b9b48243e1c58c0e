"""``entrada_sha256``: one hash per competition input, whatever its form.

The canonical form is compact JSON (keys sorted, UTF-8) of: the convocatoria id and the sha256 of
the convocatoria's data file (``convocatoria_sha256``: the formula, the tie-break and Tabla 1 that
decided the seats, so a modified copy of the file under the same id gives another hash); the
competitions sorted by the CER's catalogue name (so an alias gives the same hash); in each, the
sedes sorted by identifier (with clave, subsede, plazas and nombre) and the applicants sorted by
folio, each with the fields given (folio, options, puntaje, efiser, promedio_posgrado, enarm,
puntaje_adicional, publicaciones; an absent field is left out) and numbers written exactly,
without trailing zeros (``87.5`` and ``87.50`` are the same; ``80`` and
``80.000000000000000000000000001`` are not: no rounding). Texts are stripped of surrounding blanks
when read, in YAML and in CSV alike. The order of each applicant's options is kept: it is their
preference. Row order, key order, number format and file format (YAML or CSV) do not change the
hash; any other change of any field does.

:func:`entrada_sha256` feeds the hash in one pass, competition by competition, with the bytes
:func:`entrada_canonica` would give as one JSON text (a test compares the two), without building
that second copy of the input: an applicant with only a PI-IMSS is written directly, any other
through the JSON encoder.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from itertools import chain, repeat
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from residencias.assignment.concurso import solo_puntaje
from residencias.assignment.politica import folio_key, por_folio
from residencias.jsonable import texto_json, to_data

if TYPE_CHECKING:
    from residencias.assignment.concurso import Solicitud
    from residencias.assignment.validacion import ConcursoPreparado

__all__ = ["entrada_canonica", "entrada_sha256", "numero_canonico"]


def numero_canonico(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros, written from its own digits and exponent (no
    context: nothing is rounded, whatever the number of digits).

    >>> numero_canonico(Decimal("87.50")), numero_canonico(Decimal("100")), numero_canonico(Decimal("0.0"))
    ('87.5', '100', '0')
    >>> numero_canonico(Decimal("80.000000000000000000000000001"))
    '80.000000000000000000000000001'
    >>> numero_canonico(Decimal("1E+3")), numero_canonico(Decimal("-0.0500"))
    ('1000', '-0.05')
    """
    sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):  # NaN and infinities never reach a prepared competition
        return str(value)
    text = "".join(map(str, digits)).lstrip("0")
    if not text:
        return "0"
    stripped = text.rstrip("0")
    exponent += len(text) - len(stripped)
    text = stripped
    if exponent >= 0:
        text += "0" * exponent
    else:
        whole, fraction = text[:exponent], text[exponent:]
        text = f"{whole or '0'}.{fraction.rjust(-exponent, '0')}"
    return ("-" if sign else "") + text


_NUMEROS = ("puntaje", "efiser", "promedio_posgrado", "enarm", "puntaje_adicional")


def _aspirante(s: Solicitud) -> dict[str, Any]:
    out: dict[str, Any] = {"folio": s.folio}
    if s.opciones:
        out["opciones"] = list(s.opciones)
    for campo in _NUMEROS:
        value = getattr(s, campo)
        if value is not None:
            out[campo] = numero_canonico(value)
    if s.publicaciones:
        out["publicaciones"] = [_sin_vacios(to_data(p)) for p in s.publicaciones]
    return out


def _sin_vacios(value: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in value.items() if v is not None and v != []}


def entrada_canonica(convocatoria: str | None, concursos: Iterable[ConcursoPreparado],
                     convocatoria_sha256: str | None = None) -> dict[str, Any]:
    """The canonical form, as plain data."""
    out = []
    for c in sorted(concursos, key=lambda c: c.cer):
        sedes = [
            _sin_vacios({"id": clave, "clave": s.clave, "subsede": s.subsede, "plazas": s.plazas,
                         "nombre": s.nombre})
            for clave, s in sorted(c.sedes.items())
        ]
        aspirantes = [_aspirante(s) for s in sorted(c.aspirantes, key=lambda s: folio_key(s.folio))]
        out.append({"cer": c.cer, "sedes": sedes, "aspirantes": aspirantes})
    return _sin_vacios({"convocatoria": convocatoria, "convocatoria_sha256": convocatoria_sha256,
                        "concursos": out})


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


_TEXTO = texto_json


def _numero(value: Decimal) -> str:
    """:func:`numero_canonico`, quicker for the usual decimal written plainly (``87.5120``)."""
    text = str(value)
    if "E" in text or text[0] == "-":
        return numero_canonico(value)
    return text.rstrip("0").rstrip(".") if "." in text else text


class _Textos(dict[str, str]):
    """Texts as JSON writes them, each encoded once (any text not yet seen is encoded on demand)."""

    def __missing__(self, key: str) -> str:
        value = self[key] = _TEXTO(key)
        return value


def _numeros(decimales: list[Decimal]) -> Iterable[str]:
    """:func:`_numero` of each decimal; when all are written plainly with a decimal point (``87.510``),
    their text without its trailing zeros (and point), column by column."""
    textos = list(map(str, decimales))
    juntos = "".join(textos)
    if juntos.count(".") == len(textos) and "E" not in juntos and "-" not in juntos:
        return map(str.rstrip, map(str.rstrip, textos, repeat("0")), repeat("."))
    return map(_numero, decimales)


_BLOQUE = 8192
"""Applicants written at a time."""
_FOLIO = attrgetter("folio")
_OPCIONES = attrgetter("opciones")
_PUNTAJE = attrgetter("puntaje")
_ENTRE = '"},{"folio":'


def _aspirante_texto(s: Solicitud, textos: _Textos) -> str:
    """The canonical text of one applicant (as :func:`_aspirante`, then JSON)."""
    if (s.efiser is None and s.promedio_posgrado is None and s.enarm is None and s.puntaje is not None
            and s.puntaje_adicional is None and not s.publicaciones):
        opciones = ',"opciones":[' + ",".join(map(textos.__getitem__, s.opciones)) + "]" if s.opciones else ""
        return f'{{"folio":{_TEXTO(s.folio)}{opciones},"puntaje":"{_numero(s.puntaje)}"}}'
    return _json(_aspirante(s))


def _aspirantes(concurso: ConcursoPreparado) -> Iterator[str]:
    """The canonical text of the applicants, by folio, :data:`_BLOQUE` at a time (each block their
    texts joined by ``,``). A block where every applicant gives only a PI-IMSS and options, and
    every sede identifier is written in JSON as it is, is written column by column."""
    aspirantes = concurso.aspirantes
    textos = _Textos({clave: _TEXTO(clave) for clave in concurso.sedes})  # options name them
    tal_cual = all(texto == f'"{clave}"' for clave, texto in textos.items())
    orden = por_folio(list(map(_FOLIO, aspirantes)))
    for inicio in range(0, len(orden), _BLOQUE):
        bloque = list(map(aspirantes.__getitem__, orden[inicio:inicio + _BLOQUE]))
        if tal_cual and solo_puntaje(bloque) and 0 not in map(len, map(_OPCIONES, bloque)):
            texto = "".join(chain.from_iterable(zip(
                map(_TEXTO, map(_FOLIO, bloque)), repeat(',"opciones":["'),
                map('","'.join, map(_OPCIONES, bloque)), repeat('"],"puntaje":"'),
                _numeros(list(map(_PUNTAJE, bloque))), repeat(_ENTRE))))
            yield '{"folio":' + texto[: -len(_ENTRE)] + '"}'
        else:
            yield ",".join([_aspirante_texto(s, textos) for s in bloque])


def _partes(convocatoria: str | None, concursos: Iterable[ConcursoPreparado],
            convocatoria_sha256: str | None) -> Iterator[str]:
    """The canonical JSON text, competition by competition (keys in sorted order, as ``sort_keys``)."""
    yield "{"
    ordered = sorted(concursos, key=lambda c: c.cer)
    after = ""
    if ordered:
        yield '"concursos":['
        for n, c in enumerate(ordered):
            sedes = [_sin_vacios({"id": clave, "clave": s.clave, "subsede": s.subsede, "plazas": s.plazas,
                                  "nombre": s.nombre}) for clave, s in sorted(c.sedes.items())]
            yield f'{"," if n else ""}{{"aspirantes":['
            for k, bloque in enumerate(_aspirantes(c)):
                yield "," + bloque if k else bloque
            yield f'],"cer":{_json(c.cer)},"sedes":{_json(sedes)}}}'
        yield "]"
        after = ","
    for key, value in (("convocatoria", convocatoria), ("convocatoria_sha256", convocatoria_sha256)):
        if value is not None:
            yield f'{after}"{key}":{_json(value)}'
            after = ","
    yield "}"


def entrada_sha256(convocatoria: str | None, concursos: Iterable[ConcursoPreparado],
                   convocatoria_sha256: str | None = None) -> str:
    """The sha256 (hex) of :func:`entrada_canonica` as compact, key-sorted UTF-8 JSON, fed in one
    pass (see the module docstring)."""
    digest = hashlib.sha256()
    for part in _partes(convocatoria, concursos, convocatoria_sha256):
        digest.update(part.encode("utf-8"))
    return digest.hexdigest()
