"""Benchmark: evaluate 10,000 generated expedientes against imss-cer-2026-2027 with the
declarative evaluator, and the same checks written by hand in Python for one category (Mexican
residents with studies in Mexico), in the same run. Prints expedientes per second and the ratio.

    .venv/bin/python benchmarks/evaluar_expedientes.py [N]

Aim (issue 4): the declarative evaluator costs at most 5x the hand-written function. Then the
batch of the speed issue: the same expedientes as YAML files in a temporary folder, through
``evaluar_lote`` (what ``residencias evaluar ID CARPETA`` runs), against reading each file with
``yaml.CSafeLoader`` and running the function by hand (aim: at most 5x). Not a test: it prints
figures and never fails on speed.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from stdnum.mx import curp as stdnum_curp

import residencias
from residencias.domain import Antecedentes, ConstanciaENARM, Documento, Estudios, Expediente, Nacionalidad
from residencias.domain.personas import Residente
from residencias.jsonable import to_data
from residencias.process.lote import evaluar_lote

CER = "imss-cer-2026-2027"
EN = datetime(2026, 3, 10, 12, tzinfo=ZoneInfo("America/Mexico_City"))
DOCUMENTS = ("IDENTIFICACION", "ACTADENACIMIENTO", "CURP", "TITULO", "CEDULA", "CERTIFICADO",
             "CONSTANCIACEME", "INTERNADO", "SERVICIOSOCIAL", "CONSTANCIAENARM", "SOLICITUD")
PAIRS = (("Medicina interna", 2, "Cardiología"), ("Medicina interna", 3, "Cardiología"),
         ("Pediatría", 3, "Neonatología"), ("Neurocirugía", 5, "Neurocirugía pediátrica"),
         ("Anestesiología", 3, "Anestesiología pediátrica"), ("Cirugía general", 1, "Urología"))


def generate(n: int, seed: int = 20261122) -> list[Expediente]:
    """Mexican residents with studies in Mexico; each fact true, false or unknown at random, and so
    each formality the rules ask of a document (3.1: identification «vigente», constancia of the
    CEME from the university, solicitud signed in blue ink and last printed, certified copy of an
    ENARM constancia before the XLV) and the CURP (valid, mistyped or not given)."""
    rng = random.Random(seed)

    def maybe(p_true: float = 0.9) -> bool | None:
        x = rng.random()
        return None if x > 0.97 else x < p_true

    formalities = {"IDENTIFICACION": ("vigente",), "CONSTANCIACEME": ("emitido_por_universidad",),
                   "SOLICITUD": ("firmado_tinta_azul", "ultima_impresion"),
                   "CONSTANCIAENARM": ("copia_certificada",)}
    curps = ("PEGA950101MDFRRN09", "PEGA950101MDFRRN08", None)
    out = []
    for _ in range(n):
        ceme, grado, cer = rng.choice(PAIRS)
        antecedentes = Antecedentes(proceso_penal=not maybe(0.97), litigio_contra_imss=not maybe(0.98),
                                    fraude_o_corrupcion=not maybe(0.99), cer_concluido=not maybe(0.95),
                                    informacion_falsa=not maybe(0.99))
        edicion = rng.choice([43, 46, 47])
        persona = Residente(
            nacionalidad=Nacionalidad.MEXICANA, estudios_licenciatura=Estudios.MEXICO,
            curp=rng.choices(curps, weights=(90, 5, 5))[0],
            institucion=rng.choice(["Secretaría de Salud", "ISSSTE", "IMSS"]), ceme=ceme, grado=grado,
            cer_solicitado=cer, ingreso_ced_por_enarm=maybe(), inscrito_ceme_ciclo_2025_2026=maybe(),
            grado_aprobado_ciclo_2025_2026=maybe(), grados_previos_aprobados=maybe(),
            constancia_enarm=ConstanciaENARM(
                edicion=edicion, digital_con_qr=maybe(0.8),
                categoria=rng.choices([Nacionalidad.MEXICANA, Nacionalidad.EXTRANJERA, None],
                                      weights=(90, 5, 5))[0]),
            antecedentes=antecedentes,
        )
        documentos = tuple(Documento(t, **{f: maybe(0.97) for f in formalities.get(t, ())})
                           for t in DOCUMENTS if rng.random() < 0.96)
        if rng.random() < 0.2:
            documentos += (Documento("DIPLOMAINSTITUCIONAL"),)
        out.append(Expediente(CER, persona, documentos))
    return out


def _all(*values: bool | None) -> bool | None:
    """Kleene's «and»: false if any is false, else unknown if any is unknown."""
    return False if False in values else None if None in values else True


def _any(*values: bool | None) -> bool | None:
    """Kleene's «or»: true if any is true, else unknown if any is unknown."""
    return True if True in values else None if None in values else False


def by_hand(conv: residencias.Convocatoria, e: Expediente) -> tuple[str, tuple[str, ...]]:
    """The same checks as the CER rules, for Mexican residents with studies in Mexico, by hand."""
    p, a = e.aspirante, e.aspirante.antecedentes
    fails: list[str] = []
    missing = False

    def require(rule: str, value: bool | None) -> None:
        nonlocal missing
        if value is None:
            missing = True
        elif not value:
            fails.append(rule)

    require("cer-convocan", None if p.nacionalidad is None else p.nacionalidad is Nacionalidad.MEXICANA)
    imss = {"IMSS", "Instituto Mexicano del Seguro Social"}
    require("cer-1.2", None if p.institucion is None else p.institucion not in imss)
    require("cer-1.2-a", p.ingreso_ced_por_enarm)
    require("cer-1.2-b", p.inscrito_ceme_ciclo_2025_2026)
    require("cer-1.2-c", p.grado_aprobado_ciclo_2025_2026)
    open_ = None
    if p.cer_solicitado and p.ceme and p.grado:
        open_ = conv.cer_abierto(p.cer_solicitado, p.ceme, p.grado)
    require("cer-1.3", open_)
    require("cer-1.4", p.grados_previos_aprobados)
    penal = True if a.proceso_penal or a.litigio_contra_imss else (
        None if a.proceso_penal is None or a.litigio_contra_imss is None else False)
    require("cer-1.5-a", None if penal is None else not penal)
    require("cer-1.5-b", None if a.fraude_o_corrupcion is None else not a.fraude_o_corrupcion)
    cer = conv.especialidades.buscar(p.cer_solicitado) if p.cer_solicitado else None
    exempt = cer is not None and cer.id in {"neurocirugia-pediatrica", "terapia-endovascular-neurologica",
                                           "neurofisiologia-clinica"}
    require("cer-1.5-c", True if exempt else (None if a.cer_concluido is None else not a.cer_concluido))
    require("cer-1.6", None if a.informacion_falsa is None else not a.informacion_falsa)
    if p.curp is not None:
        require("cer-3.1-3-curp-valida", stdnum_curp.is_valid(p.curp))
    docs = {d.tipo: d for d in e.documentos or ()}

    def document(kind: str, *formalities: str) -> bool | None:
        found = docs.get(kind)
        if found is None:
            return False
        return _all(*(getattr(found, f) for f in formalities))

    for rule, kind, formalities in (
            ("cer-3.1-1", "IDENTIFICACION", ("vigente",)), ("cer-3.1-2", "ACTADENACIMIENTO", ()),
            ("cer-3.1-3", "CURP", ()), ("cer-3.1-4", "TITULO", ()), ("cer-3.1-5", "CEDULA", ()),
            ("cer-3.1-6", "CERTIFICADO", ()), ("cer-3.1-7", "CONSTANCIACEME", ("emitido_por_universidad",)),
            ("cer-3.1-8", "INTERNADO", ()), ("cer-3.1-9", "SERVICIOSOCIAL", ()),
            ("cer-3.1-11", "CONSTANCIAENARM", ()),
            ("cer-3.1-12", "SOLICITUD", ("firmado_tinta_azul", "ultima_impresion"))):
        require(rule, document(kind, *formalities))
    if "CONSTANCIAENARM" in docs:
        c = p.constancia_enarm
        edicion = c.edicion if c is not None else None
        before = None if edicion is None else edicion < 45
        categoria = None if c is None or c.categoria is None else c.categoria is Nacionalidad.MEXICANA
        require("cer-3.1-11-forma", _any(
            _all(before, document("CONSTANCIAENARM", "copia_certificada"), categoria),
            _all(None if before is None else not before, None if c is None else c.digital_con_qr)))
    pending = bool(p.cer_solicitado and p.ceme and conv.requiere_diploma(p.cer_solicitado, p.ceme)
                   and "DIPLOMAINSTITUCIONAL" not in docs)
    outcome = ("no_cumple" if fails else "falta_informacion" if missing else "pendiente" if pending
               else "cumple")
    return outcome, tuple(sorted(fails))


CHUNK = 250
REPEAT = 5


def best_time(function: object, items: list[Expediente]) -> float:
    """Seconds for all items, as the sum over chunks of the best of REPEAT runs of each chunk: the
    machine this runs on is shared, and a stall of the host would otherwise count as our time."""
    total = 0.0
    for start in range(0, len(items), CHUNK):
        chunk = items[start:start + CHUNK]
        runs = []
        for _ in range(REPEAT):
            begin = time.perf_counter()
            for e in chunk:
                function(e)  # type: ignore[operator]
            runs.append(time.perf_counter() - begin)
        total += min(runs)
    return total


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    conv = residencias.load_convocatoria(CER)
    expedientes = generate(n)
    residencias.evaluar_requisitos(conv, expedientes[0], EN)  # warm caches

    declarative = [residencias.evaluar_requisitos(conv, e, EN) for e in expedientes]
    manual = [by_hand(conv, e) for e in expedientes]
    t_declarative = best_time(lambda e: residencias.evaluar_requisitos(conv, e, EN), expedientes)
    t_manual = best_time(lambda e: by_hand(conv, e), expedientes)

    disagreements = sum(
        (d.resultado.value, tuple(sorted(d.reglas_que_fallan()))) != m
        for d, m in zip(declarative, manual, strict=True)
    )
    print(f"expedientes: {n} ({CER}, mexicanos con estudios en México); "
          f"tiempos: mejor de {REPEAT} por bloque de {CHUNK}")
    print(f"evaluador declarativo: {t_declarative:.3f} s, {n / t_declarative:,.0f} expedientes/s")
    print(f"función escrita a mano: {t_manual:.3f} s, {n / t_manual:,.0f} expedientes/s")
    print(f"razón declarativo / a mano: {t_declarative / t_manual:.1f}x (meta: <= 5x)")
    print(f"desacuerdos en resultado o reglas que fallan: {disagreements}")
    lote(conv, expedientes, t_manual)


def _limpio(value: Any) -> Any:
    """JSON data without the empty members (what a person writes in an expediente file)."""
    if isinstance(value, dict):
        return {k: _limpio(v) for k, v in value.items() if v is not None and v not in ([], {})}
    if isinstance(value, list):
        return [_limpio(v) for v in value]
    return value


def lote(conv: residencias.Convocatoria, expedientes: list[Expediente], t_manual: float) -> None:
    """The batch (``residencias evaluar ID CARPETA``, :func:`residencias.process.lote.evaluar_lote`):
    the same expedientes written as YAML files in a temporary folder, read with the strict reader
    and evaluated over time, against the function by hand on the objects plus a plain
    ``yaml.CSafeLoader`` read of each file; one run each (a folder of 10,000 files)."""
    with tempfile.TemporaryDirectory(prefix="residencias-lote-") as tmp:
        for k, e in enumerate(expedientes):
            text = yaml.safe_dump(_limpio(to_data(e)), allow_unicode=True, sort_keys=False)
            (Path(tmp) / f"{k:05d}.yaml").write_text(text, encoding="utf-8")
        begin = time.perf_counter()
        resultado = evaluar_lote(conv, [tmp], EN)
        t_lote = time.perf_counter() - begin
        begin = time.perf_counter()
        for k, e in enumerate(expedientes):
            with (Path(tmp) / f"{k:05d}.yaml").open(encoding="utf-8") as f:
                yaml.load(f, Loader=yaml.CSafeLoader)
            by_hand(conv, e)
        t_plano = time.perf_counter() - begin
    n = len(expedientes)
    print(f"lote de {n} archivos (evaluar_lote, lectura estricta de cada YAML incluida): {t_lote:.2f} s, "
          f"{t_lote / n * 1e3:.2f} ms por expediente")
    print(f"lectura con yaml.CSafeLoader + función a mano: {t_plano:.2f} s, {t_plano / n * 1e3:.2f} ms por "
          f"expediente (solo la función a mano: {t_manual / n * 1e3:.3f} ms)")
    print(f"razón lote / (lectura + a mano): {t_lote / t_plano:.1f}x (meta: <= 5x); veredictos: "
          f"{resultado.por_resultado()}")


if __name__ == "__main__":
    main()
