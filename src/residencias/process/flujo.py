"""The lifecycle of a convocatoria as a Mermaid ``stateDiagram-v2``: every status (terminal ones
end in ``[*]``), every transition an action causes, labelled with the action and its article,
and every deadline consequence, labelled "vence" with its article. The text renders in GitHub
Markdown and in Mermaid in a browser; it is generated from the data, never drawn by hand."""

from __future__ import annotations

import re

import attrs

from residencias.domain.convocatoria import Convocatoria
from residencias.domain.proceso import Actor, Desenlace
from residencias.process.replay import proceso_de

__all__ = ["Flujo", "flujo", "to_mermaid"]

_UNSAFE = re.compile(r"[:#{}<>\"\n\r`]")


def _label(text: str) -> str:
    """Text Mermaid reads as a plain label: no statement separators, quotes or markup."""
    return " ".join(_UNSAFE.sub(" ", text.replace(";", ",")).split())


def to_mermaid(convocatoria: Convocatoria) -> str:
    """The ``proceso:`` of ``convocatoria`` as Mermaid text (deterministic)."""
    proceso = proceso_de(convocatoria)
    lines = ["stateDiagram-v2", f"    %% {convocatoria.id}: {_label(proceso.descripcion)}"]
    for estatus in proceso.estatus:
        lines.append(f'    state "{_label(estatus.nombre)} ({_label(estatus.articulo)})" as {estatus.id}')
    lines.append(f"    [*] --> {proceso.inicial}")
    seen: set[tuple[str, str, str]] = set()
    for accion in proceso.acciones:
        who = "institución - " if accion.actor is Actor.INSTITUCION else ""
        for transicion in accion.transiciones:
            if transicion.hacia is None:
                continue
            for desde in transicion.desde:
                label = f"{who}{accion.id} ({_label(accion.articulo)})"
                key = (desde, transicion.hacia, label)
                if key not in seen:
                    seen.add(key)
                    lines.append(f"    {desde} --> {transicion.hacia} : {label}")
    for vencimiento in proceso.vencimientos:
        label = f"vence {vencimiento.id} ({_label(vencimiento.articulo)})"
        for desde in vencimiento.si_estatus:
            lines.append(f"    {desde} --> {vencimiento.hacia} : {label}")
    for estatus in proceso.estatus:
        if estatus.terminal:
            lines.append(f"    {estatus.id} --> [*]")
    classes = {Desenlace.EXITO: "exito", Desenlace.FRACASO: "fracaso", Desenlace.NEUTRO: "neutro"}
    lines.append("    classDef exito fill:#d8f0d8,stroke:#2e7d32")
    lines.append("    classDef fracaso fill:#f8d7d7,stroke:#b71c1c")
    lines.append("    classDef neutro fill:#eeeeee,stroke:#616161")
    for desenlace, name in classes.items():
        members = [e.id for e in proceso.estatus if e.desenlace is desenlace]
        if members:
            lines.append(f"    class {','.join(members)} {name}")
    return "\n".join(lines) + "\n"


@attrs.frozen
class Flujo:
    """A convocatoria's lifecycle: the Mermaid text and the ids it draws (what ``residencias flujo
    --json`` writes; ``version`` is that output's)."""

    version: int
    convocatoria: str
    mermaid: str
    estatus: tuple[str, ...]
    acciones: tuple[str, ...]
    vencimientos: tuple[str, ...]


def flujo(convocatoria: Convocatoria, version: int = 1) -> Flujo:
    """The lifecycle of ``convocatoria`` with its diagram."""
    proceso = proceso_de(convocatoria)
    return Flujo(version, convocatoria.id, to_mermaid(convocatoria), tuple(e.id for e in proceso.estatus),
                 tuple(a.id for a in proceso.acciones), tuple(v.id for v in proceso.vencimientos))
