"""The ``proceso:`` block of a convocatoria, as data: the lifecycle the document describes.

- ``estatus``: every status the document names (or that its steps imply), each cited; a
  ``terminal`` status ends the person's process, with its ``desenlace`` (exito, fracaso,
  neutro) and why in ``descripcion``.
- ``acciones``: what happens to an expediente. Each action has an ``actor`` (the aspirante, or
  the institution, whose acts the person records as they learn of them), a place (``donde``),
  the window it must happen in (``ventana``: an action of ``calendario:``, a window or a derived
  deadline; ``hasta_dato``: a deadline carried by an earlier event's data, such as the validity
  printed on a letter; ``en_cita``: within ``ventana``, the appointment an earlier event gave, from
  its time to the close of that day's service hours), its ``transiciones`` (from which
  statuses, to which status), the actions that must precede it (``requiere``, optionally only
  those after the last ``requiere_tras``), whether it can happen once (``una_vez``), the data
  its event carries (``datos``), and to whom it applies (``aplica_si``, over the person's facts).
- ``vencimientos``: what a missed deadline does. At the end of a window (``ventana`` or the
  window of ``accion``), a person still in one of ``si_estatus`` who has not done ``accion``
  goes to ``hacia``: "no hacerlo se considera rechazo", "queda fuera del proceso", "alumno
  irregular". A ``veto`` adds a ban with its years and scope.

Every item cites its ``articulo``; where the document is silent, ``supuesto`` states the choice.
Which references resolve (statuses, actions, windows) is checked when the file loads.
"""

from __future__ import annotations

import enum
import re
from functools import cached_property
from typing import Any

import attrs

from residencias.domain.condiciones import Condicion
from residencias.domain.validators import InvalidValue, at_least, non_empty
from residencias.domain.ventana import Accion
from residencias.text import quiso_decir

__all__ = [
    "AccionProceso",
    "Actor",
    "CampoDato",
    "Desenlace",
    "Estatus",
    "Lugar",
    "Proceso",
    "RefDato",
    "TipoDato",
    "Transicion",
    "Vencimiento",
    "Veto",
]

_ID = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*\Z")


def _ident(_: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not _ID.match(value):
        raise InvalidValue(f"identificador '{value}' inválido; se esperaban minúsculas sin acentos, "
                           "dígitos y guiones bajos, p. ej. 'envio_a_validacion'", attribute.name)


def _idents(_: Any, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for item in value:
        _ident(_, attribute, item)
    if len(set(value)) != len(value):
        raise InvalidValue(f"'{attribute.name}' repite un identificador", attribute.name)


class Actor(enum.Enum):
    """Who acts: the person, or the institution (validation, results, OOAD, Servicios Escolares)."""

    ASPIRANTE = "aspirante"
    INSTITUCION = "institucion"


class Lugar(enum.Enum):
    """Where an action happens, as the documents name the places."""

    PORTAL = "portal"
    VENTANILLA = "ventanilla"
    CAJAS = "cajas"
    OOAD = "ooad"
    SEDE_ACADEMICA = "sede_academica"
    SEDE_DEL_EXAMEN = "sede_del_examen"
    CORREO = "correo"
    TELEFONO = "telefono"
    DIVISION_DE_POSGRADO = "division_de_posgrado"
    DGIRE = "dgire"

    @property
    def etiqueta(self) -> str:
        return {
            Lugar.PORTAL: "en el portal",
            Lugar.VENTANILLA: "en ventanilla",
            Lugar.CAJAS: "en cajas",
            Lugar.OOAD: "en el OOAD",
            Lugar.SEDE_ACADEMICA: "en la sede académica",
            Lugar.SEDE_DEL_EXAMEN: "en la sede del examen",
            Lugar.CORREO: "por correo electrónico",
            Lugar.TELEFONO: "por teléfono",
            Lugar.DIVISION_DE_POSGRADO: "ante la División de Estudios de Posgrado",
            Lugar.DGIRE: "ante la DGIRE (Dirección General de Incorporación y Revalidación de Estudios)",
        }[self]


class Desenlace(enum.Enum):
    """How a terminal status ends the process for the person."""

    EXITO = "exito"
    FRACASO = "fracaso"
    NEUTRO = "neutro"


class TipoDato(enum.Enum):
    """The type of a datum an event carries."""

    TEXTO = "texto"
    FECHA = "fecha"
    INSTANTE = "instante"
    BOOLEANO = "booleano"


@attrs.frozen
class Estatus:
    """A status of the person's expediente or participation."""

    id: str = attrs.field(validator=_ident)
    nombre: str = attrs.field(validator=non_empty)
    articulo: str = attrs.field(validator=non_empty)
    descripcion: str = attrs.field(validator=non_empty)
    terminal: bool = False
    desenlace: Desenlace | None = None
    supuesto: str | None = attrs.field(default=None, validator=non_empty)
    nota: str | None = attrs.field(default=None, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        if self.terminal != (self.desenlace is not None):
            raise InvalidValue("un estatus terminal lleva 'desenlace' (exito, fracaso o neutro), y "
                               "solo uno terminal lo lleva", "desenlace")


@attrs.frozen
class CampoDato:
    """A datum an action's event carries (the folio printed, an appointment, a letter's validity)."""

    nombre: str = attrs.field(validator=_ident)
    tipo: TipoDato
    descripcion: str = attrs.field(validator=non_empty)
    obligatorio: bool = False
    articulo: str | None = attrs.field(default=None, validator=non_empty)
    en_ventana: Accion | None = None
    """A day or an instant that must fall inside this calendar window (an appointment given for
    the delivery period, inside its service hours)."""
    valor_requerido: bool | None = None
    """A yes/no the event must state with this value (a representative must bring the carta poder)."""

    def __attrs_post_init__(self) -> None:
        if self.en_ventana is not None and self.tipo not in {TipoDato.FECHA, TipoDato.INSTANTE}:
            raise InvalidValue("'en_ventana' va solo en datos de tipo fecha o instante", "en_ventana")
        if self.valor_requerido is not None and self.tipo is not TipoDato.BOOLEANO:
            raise InvalidValue("'valor_requerido' va solo en datos de tipo booleano", "valor_requerido")


@attrs.frozen
class RefDato:
    """A datum of the last event of an earlier action (``accion``), by name (``dato``)."""

    accion: str = attrs.field(validator=_ident)
    dato: str = attrs.field(validator=_ident)
    supuesto: str | None = attrs.field(default=None, validator=non_empty)


@attrs.frozen
class Transicion:
    """From any of the statuses ``desde``, the action leads to ``hacia`` (``None``: stays)."""

    desde: tuple[str, ...] = attrs.field(validator=_idents)
    hacia: str | None = attrs.field(default=None, validator=attrs.validators.optional(_ident))

    def __attrs_post_init__(self) -> None:
        if not self.desde:
            raise InvalidValue("una transición parte de al menos un estatus", "desde")


@attrs.frozen
class Veto:
    """A ban: how long (``anos``, or ``indefinido``) and from what (``alcance``)."""

    alcance: str = attrs.field(validator=non_empty)
    articulo: str = attrs.field(validator=non_empty)
    anos: int | None = attrs.field(default=None, validator=at_least(1))
    indefinido: bool = False
    nota: str | None = attrs.field(default=None, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        if (self.anos is None) != self.indefinido:
            raise InvalidValue("un veto dura 'anos' o es 'indefinido: true'; exactamente uno", "anos")


@attrs.frozen
class AccionProceso:
    """One action of the process; see the module docstring."""

    id: str = attrs.field(validator=_ident)
    nombre: str = attrs.field(validator=non_empty)
    articulo: str = attrs.field(validator=non_empty)
    actor: Actor
    donde: Lugar
    transiciones: tuple[Transicion, ...]
    descripcion: str | None = attrs.field(default=None, validator=non_empty)
    donde_detalle: str | None = attrs.field(default=None, validator=non_empty)
    ventana: Accion | None = None
    hasta_dato: RefDato | None = None
    en_cita: RefDato | None = None
    requiere: tuple[str, ...] = attrs.field(default=(), validator=_idents)
    requiere_tras: str | None = attrs.field(default=None, validator=attrs.validators.optional(_ident))
    una_vez: bool = False
    eventual: bool = False
    """Something that may happen (a renuncia, a sanction), not a step to expect: never listed
    among the next steps."""
    aplica_si: Condicion | None = None
    datos: tuple[CampoDato, ...] = ()
    consecuencia: str | None = attrs.field(default=None, validator=non_empty)
    veto: Veto | None = None
    supuesto: str | None = attrs.field(default=None, validator=non_empty)
    nota: str | None = attrs.field(default=None, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        if not self.transiciones:
            raise InvalidValue("una acción lleva al menos una transición", "transiciones")
        if self.hasta_dato is not None and (self.ventana is not None or self.en_cita is not None):
            raise InvalidValue("'hasta_dato' da por sí solo el plazo de la acción; no va con 'ventana' ni "
                               "'en_cita'", "hasta_dato")
        if self.en_cita is not None and self.ventana is None:
            raise InvalidValue("'en_cita' fija el día y la hora dentro de una 'ventana' (su periodo y su "
                               "horario de atención); falta 'ventana'", "en_cita")
        if self.requiere_tras is not None and not self.requiere:
            raise InvalidValue("'requiere_tras' acota 'requiere', que falta", "requiere_tras")
        names = [d.nombre for d in self.datos]
        if len(set(names)) != len(names):
            raise InvalidValue("'datos' repite un nombre", "datos")
        seen: set[str] = set()
        for transicion in self.transiciones:
            repeated = seen.intersection(transicion.desde)
            if repeated:
                raise InvalidValue(f"el estatus '{sorted(repeated)[0]}' sale de dos transiciones de la misma "
                                   "acción", "transiciones")
            seen.update(transicion.desde)

    @cached_property
    def desde(self) -> frozenset[str]:
        """Every status the action may happen from."""
        return frozenset(s for t in self.transiciones for s in t.desde)

    def destino(self, estatus: str) -> str | None:
        """The status the action leads to from ``estatus`` (``None``: stays)."""
        for transicion in self.transiciones:
            if estatus in transicion.desde:
                return transicion.hacia
        raise InvalidValue(f"la acción '{self.id}' no parte del estatus '{estatus}'")

    def campo(self, nombre: str) -> CampoDato | None:
        return next((d for d in self.datos if d.nombre == nombre), None)


@attrs.frozen
class Vencimiento:
    """What a missed deadline does; see the module docstring."""

    id: str = attrs.field(validator=_ident)
    si_estatus: tuple[str, ...] = attrs.field(validator=_idents)
    hacia: str = attrs.field(validator=_ident)
    consecuencia: str = attrs.field(validator=non_empty)
    articulo: str = attrs.field(validator=non_empty)
    accion: str | None = attrs.field(default=None, validator=attrs.validators.optional(_ident))
    ventana: Accion | None = None
    veto: Veto | None = None
    aplica_si: Condicion | None = None
    supuesto: str | None = attrs.field(default=None, validator=non_empty)
    nota: str | None = attrs.field(default=None, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        if not self.si_estatus:
            raise InvalidValue("un vencimiento se aplica desde al menos un estatus", "si_estatus")
        if self.accion is None and self.ventana is None:
            raise InvalidValue("un vencimiento cuenta desde el cierre de 'ventana' o de la ventana de "
                               "'accion'; falta uno de los dos", "accion")


@attrs.frozen
class Proceso:
    """The ``proceso:`` block: statuses, actions and deadline consequences, checked on load."""

    articulo: str = attrs.field(validator=non_empty)
    descripcion: str = attrs.field(validator=non_empty)
    inicial: str = attrs.field(validator=_ident)
    estatus: tuple[Estatus, ...]
    acciones: tuple[AccionProceso, ...]
    vencimientos: tuple[Vencimiento, ...] = ()
    accion_de_registro: str | None = attrs.field(default=None, validator=attrs.validators.optional(_ident))
    """The action whose day is the person's registration date, for deadlines counted from it."""
    nota: str | None = attrs.field(default=None, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        statuses = _unique([e.id for e in self.estatus], "estatus")
        actions = _unique([a.id for a in self.acciones], "acciones")
        _unique([v.id for v in self.vencimientos], "vencimientos")
        if self.inicial not in statuses:
            raise InvalidValue(f"el estatus inicial '{self.inicial}' no está en 'estatus'", "inicial")
        if self.estatus_por_id[self.inicial].terminal:
            raise InvalidValue("el estatus inicial no puede ser terminal", "inicial")
        for accion in self.acciones:
            self._check_action(accion, statuses, actions)
        for vencimiento in self.vencimientos:
            self._check_deadline(vencimiento, statuses, actions)
        if self.accion_de_registro is not None:
            _known(self.accion_de_registro, actions, "'accion_de_registro'", "acción")

    def _check_action(self, accion: AccionProceso, statuses: set[str], actions: set[str]) -> None:
        where = f"la acción '{accion.id}'"
        for transicion in accion.transiciones:
            for name in (*transicion.desde, *((transicion.hacia,) if transicion.hacia else ())):
                _known(name, statuses, where, "estatus")
        for name in (*accion.requiere, *((accion.requiere_tras,) if accion.requiere_tras else ())):
            _known(name, actions, where, "acción")
        for ref in (accion.hasta_dato, accion.en_cita):
            if ref is not None:
                self._check_ref(ref, where)

    def _check_deadline(self, vencimiento: Vencimiento, statuses: set[str], actions: set[str]) -> None:
        where = f"el vencimiento '{vencimiento.id}'"
        for name in (*vencimiento.si_estatus, vencimiento.hacia):
            _known(name, statuses, where, "estatus")
        if vencimiento.accion is not None:
            _known(vencimiento.accion, actions, where, "acción")
            accion = self.accion_por_id[vencimiento.accion]
            if vencimiento.ventana is None and accion.ventana is None and accion.hasta_dato is None:
                raise InvalidValue(f"{where} cuenta desde la ventana de la acción '{accion.id}', que no "
                                   "tiene ventana", "vencimientos")
        if vencimiento.veto is not None and not self.estatus_por_id[vencimiento.hacia].terminal:
            raise InvalidValue(f"{where} impone un veto sin terminar el proceso", "vencimientos")

    def _check_ref(self, ref: RefDato, where: str) -> None:
        source = self.accion_por_id.get(ref.accion)
        if source is None:
            _known(ref.accion, set(self.accion_por_id), where, "acción")
            return
        campo = source.campo(ref.dato)
        if campo is None or campo.tipo not in {TipoDato.FECHA, TipoDato.INSTANTE}:
            raise InvalidValue(f"{where} toma una fecha del dato '{ref.dato}' de '{ref.accion}', que no "
                               "declara ese dato como fecha o instante", "acciones")

    @cached_property
    def estatus_por_id(self) -> dict[str, Estatus]:
        return {e.id: e for e in self.estatus}

    @cached_property
    def accion_por_id(self) -> dict[str, AccionProceso]:
        return {a.id: a for a in self.acciones}

    def alcanzables(self) -> frozenset[str]:
        """Every status reachable from the initial one, by actions or missed deadlines."""
        edges: dict[str, set[str]] = {}
        for accion in self.acciones:
            for transicion in accion.transiciones:
                for desde in transicion.desde:
                    edges.setdefault(desde, set()).add(transicion.hacia or desde)
        for vencimiento in self.vencimientos:
            for desde in vencimiento.si_estatus:
                edges.setdefault(desde, set()).add(vencimiento.hacia)
        seen = {self.inicial}
        pending = [self.inicial]
        while pending:
            for target in edges.get(pending.pop(), ()):
                if target not in seen:
                    seen.add(target)
                    pending.append(target)
        return frozenset(seen)

    def sin_salida(self) -> tuple[str, ...]:
        """The statuses that are not terminal but that no expected action (one that is not
        ``eventual``) and no deadline ever leaves: a person there would wait forever."""
        leaving = {d for a in self.acciones if not a.eventual for t in a.transiciones if t.hacia
                   for d in t.desde if d != t.hacia}
        leaving.update(d for v in self.vencimientos for d in v.si_estatus if d != v.hacia)
        return tuple(e.id for e in self.estatus if not e.terminal and e.id not in leaving)

    def ventanas_citadas(self) -> frozenset[Accion]:
        """Every calendar action the process ties an action or a deadline to."""
        cited = {a.ventana for a in self.acciones if a.ventana is not None}
        cited.update(v.ventana for v in self.vencimientos if v.ventana is not None)
        cited.update(d.en_ventana for a in self.acciones for d in a.datos if d.en_ventana is not None)
        return frozenset(cited)


def _unique(ids: list[str], field: str) -> set[str]:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise InvalidValue(f"'{field}' repite el identificador '{item}'", field)
        seen.add(item)
    return seen


def _known(name: str, known: set[str], where: str, what: str) -> None:
    if name not in known:
        raise InvalidValue(f"{where} nombra {what} desconocido '{name}'{quiso_decir(name, sorted(known))}",
                           "acciones")
