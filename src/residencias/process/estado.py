"""What a replayed history gives: the ``Estado`` at an instant (status, what happened, the
consequences incurred, each cited) and the ``Paso``s that come next; and the refusal of an event
the documents do not allow."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import attrs

from residencias.domain.historia import Posicion
from residencias.domain.proceso import Actor, Desenlace, Estatus, Lugar
from residencias.errors import ResidenciasError

__all__ = ["Consecuencia", "Estado", "EventoRechazadoError", "Paso", "Situacion", "Suceso", "VetoVigente"]


class EventoRechazadoError(ResidenciasError):
    """An event the documents do not allow (outside its window, in the wrong status, before a
    prerequisite, repeated where the document says "una única vez"), with its article and the
    event's place in the file."""

    def __init__(self, mensaje: str, *, indice: int | None, posicion: Posicion | None, articulo: str,
                 accion: str) -> None:
        where = f"{posicion}: " if posicion is not None else ""
        which = f"evento {indice + 1}" if indice is not None else "evento nuevo"
        super().__init__(f"{where}{which} ({accion}): {mensaje} ({articulo})")
        self.indice = indice
        self.posicion = posicion
        self.articulo = articulo
        self.accion = accion
        self.mensaje = mensaje


@attrs.frozen
class VetoVigente:
    """A ban incurred: from what, since when, until when (``None``: with no end)."""

    alcance: str
    articulo: str
    desde: date
    hasta: date | None
    nota: str | None = None

    def linea(self) -> str:
        until = f"hasta el {self.hasta.isoformat()}" if self.hasta else "sin fecha de término"
        return f"veto: {self.alcance}, desde el {self.desde.isoformat()} {until} ({self.articulo})"


@attrs.frozen
class Consecuencia:
    """A consequence the person incurred: a missed deadline, or an act with consequences
    (a renuncia, an annulment), at an instant, with its article."""

    origen: str
    descripcion: str
    articulo: str
    instante: datetime
    automatica: bool
    veto: VetoVigente | None = None
    supuesto: str | None = None

    def linea(self) -> str:
        how = "al vencer el plazo" if self.automatica else "por el evento"
        text = f"{self.instante.isoformat()} ({how} '{self.origen}'): {self.descripcion} ({self.articulo})"
        return text + (f"; {self.veto.linea()}" if self.veto else "")


@attrs.frozen
class Suceso:
    """One step of the replay: a recorded event, or a deadline that fired on its own."""

    instante: datetime
    origen: str
    descripcion: str
    articulo: str
    estatus_antes: str
    estatus_despues: str
    automatico: bool
    indice: int | None = None


@attrs.frozen
class Estado:
    """Where a person stands at instant ``en``: the status (terminal or not, and why), every
    step that led there, the consequences incurred, and what could not be decided."""

    convocatoria: str
    en: datetime
    estatus: Estatus
    sucesos: tuple[Suceso, ...]
    consecuencias: tuple[Consecuencia, ...]
    realizadas: tuple[str, ...]
    desde: datetime | None
    """When the current status began (``None``: the initial status, from the start)."""
    incertidumbres: tuple[str, ...] = ()
    supuestos: tuple[str, ...] = ()
    eventos_posteriores: int = 0
    """Events of the history after ``en``, left out of this state."""
    antes_de_publicacion: bool = False

    @property
    def terminal(self) -> bool:
        return self.estatus.terminal

    @property
    def desenlace(self) -> Desenlace | None:
        return self.estatus.desenlace

    @property
    def vetos(self) -> tuple[VetoVigente, ...]:
        return tuple(c.veto for c in self.consecuencias if c.veto is not None)

    def explicar(self) -> str:
        """The state in Spanish, for the person: status, history, consequences."""
        e = self.estatus
        lines = [f"Estatus al {self.en.isoformat()}: {e.nombre} ({e.articulo})."]
        if self.antes_de_publicacion:
            lines.append("La convocatoria aún no se publicaba en ese instante.")
        if e.terminal and e.desenlace is not None:
            lines.append(f"Proceso terminado ({_DESENLACE[e.desenlace]}): {e.descripcion}")
        else:
            lines.append(e.descripcion)
        if self.sucesos:
            lines.append("Lo que ha pasado:")
            for s in self.sucesos:
                mark = "automático" if s.automatico else f"evento {(s.indice or 0) + 1}"
                lines.append(f"  - {s.instante.isoformat()} [{mark}] {s.descripcion} ({s.articulo}): "
                             f"{s.estatus_antes} → {s.estatus_despues}")
        if self.consecuencias:
            lines.append("Consecuencias:")
            lines.extend(f"  - {c.linea()}" for c in self.consecuencias)
        if self.incertidumbres:
            lines.append("Falta información:")
            lines.extend(f"  - {i}" for i in self.incertidumbres)
        if self.supuestos:
            lines.append("Supuestos usados:")
            lines.extend(f"  - {s}" for s in self.supuestos)
        if self.eventos_posteriores:
            lines.append(f"({self.eventos_posteriores} evento(s) de la historia son posteriores a este "
                         "instante y no cuentan aquí.)")
        return "\n".join(lines)


_DESENLACE = {Desenlace.EXITO: "con éxito", Desenlace.FRACASO: "sin éxito",
              Desenlace.NEUTRO: "sin éxito ni sanción en esta convocatoria"}


def _deadline(hasta: datetime, incluye: bool) -> str:
    """"a más tardar" an instant; a window closing at 00:00 (excluded) ends with the day before."""
    if not incluye and hasta.time() == time(0, 0):
        day = (hasta - timedelta(days=1)).date()
        return f"a más tardar el {day.isoformat()} (todo el día)"
    return f"a más tardar {hasta.isoformat()}" if incluye else f"antes de {hasta.isoformat()}"


@attrs.frozen
class Paso:
    """A next step: what to do (or what the institution will do), where, from when and by when,
    its article, and what happens if it is missed."""

    accion: str
    que: str
    actor: Actor
    donde: Lugar | None
    articulo: str
    desde: datetime | None
    hasta: datetime | None
    incluye_hasta: bool = True
    donde_detalle: str | None = None
    descripcion: str | None = None
    si_no: str | None = None
    articulo_si_no: str | None = None
    obligatorio: bool = False
    aplica: bool | None = True
    falta: str | None = None
    supuestos: tuple[str, ...] = ()

    def linea(self) -> str:
        who = "usted" if self.actor is Actor.ASPIRANTE else "la institución"
        when = []
        if self.desde is not None:
            when.append(f"desde {self.desde.isoformat()}")
        if self.hasta is not None:
            when.append(_deadline(self.hasta, self.incluye_hasta))
        elif self.falta:
            when.append(f"fecha límite desconocida: falta {self.falta}")
        where = self.donde.etiqueta if self.donde is not None else ""
        if self.donde_detalle:
            where += f" ({self.donde_detalle})"
        where = f" — {where}" if where else ""
        plazo = ", ".join(when) or "sin plazo en el documento"
        text = f"[{who}] {self.que}{where}; {plazo} ({self.articulo})"
        if self.aplica is None:
            text += " [si le aplica]"
        if self.si_no:
            text += f". Si no: {self.si_no} ({self.articulo_si_no})"
        return text


@attrs.frozen
class Situacion:
    """Where a person stands and what comes next, at one instant: what ``residencias pasos
    --json`` writes (``version`` is that output's; ``datos_sha256``, the convocatoria data's)."""

    version: int
    convocatoria: str
    datos_sha256: str | None
    en: datetime
    terminal: bool
    estado: Estado
    pasos: tuple[Paso, ...]
