"""Benchmark: the SIICES assignment (6.2) of 100,000 generated applicants with :func:`assign`, and the
same serial dictatorship written by hand in about 15 lines, on the same in-memory instance in the
same run. Prints seconds, the ratio library / by hand, the cost of the bitácora and records, the
verifier, the CSV replay end to end, peak memory and how the time grows with the instance.

    PYTHONPATH=src .venv/bin/python benchmarks/asignar.py [--aspirantes N] [--repeticiones R] [--perfil]

Instance (seeded ``random.Random``, built as plain Python data first): 20 options per applicant,
distinct sedes of their CER; 2,500 applicants and 50 sedes per CER, so 100,000 applicants give 40 CER
(real catalogue names) and 2,000 sedes; 0 to 4 plazas per sede, so most applicants try all 20
options and stay unassigned; PI-IMSS with 3 decimals from 50 to 100 (ties happen); folios of 7
digits, zero-padded, so that the library's tie-break without convocatoria (the components are
absent, so: folio ascending, by number) is plain text order for the loop by hand.

Timings (``time.perf_counter``): the shared 2-core host stalls at random, for up to a second and
often enough that a run of a second rarely escapes (a pure-CPU 5 ms loop measured here: median
5 ms, 99th percentile 500 ms), and it has slow spells. So, as ``evaluar_expedientes.py`` does per
chunk, the main figure of each measure is the sum over the CER of the best of R runs (default 3) on
that CER alone: the loop by hand on that pool, ``assign(concurso)``, its records, ``verify`` of its
seats; the bitácoras in blocks of 250 folios. The CER are independent competitions, so the sum is
the work of the whole instance. The R runs are interleaved (every CER, then every CER again...), so
that one slow spell does not spoil all the runs of a CER, with ``gc.collect()`` before each pass
(not before each run: with 100,000 applicants alive it would cost more than many of the runs).
Records, bitácoras and ``to_data`` are cached on a result, so each run gets a fresh result (not
timed). The CSV replay is timed on one CER in ``MUESTRA_CER`` (a directory each) and scaled to all
applicants. Beside these, the column "entera" gives one whole call on the whole instance (best of R
with ``gc.collect()`` before each run for the loop by hand and ``assign``; one run for ``verify`` and
for the replay of the whole CSV directory): what a user waits for, stalls included.

Memory: peak with ``tracemalloc`` in a separate pass (Python allocations made during the whole call;
it slows the call, so those runs are not timed) for the input objects, the loop by hand, ``assign``
and ``assign`` with its records, cortes and empates (kept on the result; a bitácora is built per call
and not kept); for the CSV replay, the growth of the peak RSS (``VmHWM`` of ``/proc/self/status``:
``ru_maxrss`` would start at this script's size, which Linux carries over to the program a child
starts) of a child process that runs ``replay(directorio).to_json()`` on the whole directory, over
its peak after importing the library (that run also gives the whole-call time).

Growth: the loop by hand and ``assign`` on the first quarter, the first half and all of the CER
(25,000, 50,000 and 100,000 applicants by default) with the pool fixed (2,500 applicants, 50 sedes,
20 options each), so the number of CER, and of sedes, grows in proportion to N (up to 40 CER; past
100,000 applicants the pools grow instead). Time per applicant × option should stay flat.

Aim (issue): ``assign`` costs at most 3x the loop by hand. Not a test: it prints figures and never
fails on speed. ``--perfil`` adds a cProfile of one whole ``assign`` call (top 15 by cumulative time).
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import gc
import json
import os
import pstats
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import partial
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import residencias
from residencias import load_catalogo
from residencias.assignment.asignacion import Asignacion, assign
from residencias.assignment.concurso import Concurso, Solicitud
from residencias.assignment.replay import replay
from residencias.assignment.verificacion import verify
from residencias.domain.sede import Sede

T = TypeVar("T")

SEED = 20261122
OPCIONES = 20
POR_CER = 2_500  # applicants per CER pool
SEDES_POR_CER = 50
MAX_CER = 40
BLOQUE = 250  # folios per timed block of bitácoras
MUESTRA = 10  # explicar() is timed on one folio in MUESTRA
MUESTRA_CER = 4  # the CSV replay is timed per CER on one CER in MUESTRA_CER

Aspirante = tuple[str, tuple[str, ...], Decimal]  # folio, ordered options, PI-IMSS


class Grupo(NamedTuple):
    """One CER pool as plain data: the CER's catalogue name, (clave, plazas) per sede, applicants."""

    cer: str
    sedes: list[tuple[str, int]]
    aspirantes: list[Aspirante]


# --- the instance --------------------------------------------------------------------------------


def generate(n: int, seed: int = SEED) -> list[Grupo]:
    """``n`` applicants in pools of ``POR_CER`` (at most ``MAX_CER`` pools), as plain data."""
    rng = random.Random(seed)
    pools = max(1, min(MAX_CER, round(n / POR_CER)))
    nombres = rng.sample(sorted(e.nombre for e in load_catalogo().especialidades), pools)
    claves = [f"S{j:03d}" for j in range(1, SEDES_POR_CER + 1)]  # the same claves in every CER
    grupos = [Grupo(cer, [(c, rng.randint(0, 4)) for c in claves], []) for cer in nombres]
    folios = list(range(1, n + 1))
    rng.shuffle(folios)
    for p, g in enumerate(grupos):  # pool by pool, so that each pool's objects lie together in memory
        for folio in folios[p::pools]:
            milesimas = rng.randint(50_000, 100_000)
            puntaje = Decimal(f"{milesimas // 1000}.{milesimas % 1000:03d}")
            g.aspirantes.append((f"{folio:07d}", tuple(rng.sample(claves, OPCIONES)), puntaje))
    return grupos


def to_concursos(grupos: Sequence[Grupo]) -> list[Concurso]:
    """The same instance as the library's input objects."""
    return [Concurso(g.cer, [Sede(clave, plazas) for clave, plazas in g.sedes],
                     [Solicitud(folio, opciones, puntaje=p) for folio, opciones, p in g.aspirantes])
            for g in grupos]


def write_csv(grupos: Sequence[Grupo], directory: Path) -> None:
    """``sedes.csv`` (cer,clave,plazas) and ``aspirantes.csv`` (folio,cer,puntaje,opciones)."""
    with (directory / "sedes.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["cer", "clave", "plazas"])
        writer.writerows((g.cer, clave, plazas) for g in grupos for clave, plazas in g.sedes)
    with (directory / "aspirantes.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["folio", "cer", "puntaje", "opciones"])
        writer.writerows((folio, g.cer, puntaje, "|".join(opciones))
                         for g in grupos for folio, opciones, puntaje in g.aspirantes)


# --- the serial dictatorship by hand ----------------------------------------------------------------


def serial_dictatorship(grupos: Sequence[Grupo]) -> dict[str, str | None]:
    """Per CER: highest PI-IMSS first (ties: folio ascending), each takes their first option with a
    plaza left, or nothing. Folio -> sede."""
    seats: dict[str, str | None] = {}
    for g in grupos:
        libres = dict(g.sedes)
        orden = sorted(g.aspirantes, key=itemgetter(0))  # folio ascending (same length, all digits)
        orden.sort(key=itemgetter(2), reverse=True)  # PI-IMSS descending; stable, so ties stay by folio
        for folio, opciones, _ in orden:
            for clave in opciones:
                if libres[clave]:
                    libres[clave] -= 1
                    seats[folio] = clave
                    break
            else:
                seats[folio] = None
    return seats


# --- measuring ---------------------------------------------------------------------------------------


def timed(function: Callable[[], T]) -> tuple[float, T]:
    """Seconds of one run, and its result."""
    begin = time.perf_counter()
    result = function()
    return time.perf_counter() - begin, result


def best_of(repeat: int, function: Callable[[], T]) -> tuple[float, T]:
    """The best of ``repeat`` runs, ``gc.collect()`` before each, and the result of the last one."""
    best = float("inf")
    result: T | None = None
    for _ in range(repeat):
        result = None  # drop the previous result before collecting, so its freeing is not timed
        gc.collect()
        seconds, result = timed(function)
        best = min(best, seconds)
    assert result is not None
    return best, result


def per_chunk(repeat: int, chunks: Sequence[Callable[[], object]]) -> float:
    """The sum over the chunks of the best of ``repeat`` runs of each. The runs are interleaved
    (all chunks, then all again...), so that a slow spell of the host does not hit every run of
    one chunk; ``gc.collect()`` before each pass."""
    best = [float("inf")] * len(chunks)
    for _ in range(repeat):
        gc.collect()
        for k, chunk in enumerate(chunks):
            best[k] = min(best[k], timed(chunk)[0])
    return sum(best)


def traced(function: Callable[[], object]) -> int:
    """Peak bytes of the Python allocations made during the call (``tracemalloc``)."""
    gc.collect()
    tracemalloc.start()
    result = function()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del result
    gc.collect()
    return peak


def all_bitacoras(asignacion: Asignacion, folios: Sequence[str]) -> int:
    """Builds the bitácora of every folio; the number of attempts (``Intento``) built."""
    return sum(len(asignacion.bitacora(folio)) for folio in folios)


def all_explicar(asignacion: Asignacion, folios: Sequence[str]) -> int:
    """Writes the explanation of every folio; the number of characters written."""
    return sum(len(asignacion.explicar(folio)) for folio in folios)


def with_records(asignacion: Asignacion) -> Asignacion:
    """``asignacion`` with its records, cortes and empates built (they are kept on it; a bitácora is
    built on each call and not kept)."""
    _ = asignacion.asignaciones, asignacion.cortes, asignacion.empates
    return asignacion


PASOS = ("assign", "asignaciones", "bitacora", "cortes", "empates", "explicar", "to_data")


class PorCer(NamedTuple):
    """(2) and (3): per step, the sum over CER (and blocks) of the best of R; and what was built."""

    pasos: dict[str, float]
    intentos: int
    explicar_chars: int


def assign_per_cer(concursos: Sequence[Concurso], repeat: int) -> PorCer:
    """(2) and (3), per CER: ``assign``; on that fresh result its records, the bitácoras (per block
    of ``BLOQUE`` folios), cortes, empates and ``explicar`` of one folio in ``MUESTRA``; ``to_data``
    on another fresh result. Runs interleaved as in :func:`per_chunk`."""
    best: dict[tuple[str, int, int], float] = {}

    def keep(key: tuple[str, int, int], seconds: float) -> None:
        best[key] = min(best.get(key, float("inf")), seconds)

    folios = [[s.folio for s in c.aspirantes] for c in concursos]
    intentos = chars = 0
    for _ in range(repeat):
        gc.collect()
        intentos = chars = 0
        for i, c in enumerate(concursos):
            seconds, fresh = timed(partial(assign, c))
            keep(("assign", i, 0), seconds)
            for k in range(0, len(folios[i]), BLOQUE):  # the first block also builds the folio index
                seconds, built = timed(partial(all_bitacoras, fresh, folios[i][k:k + BLOQUE]))
                keep(("bitacora", i, k), seconds)
                intentos += built
            for name in ("asignaciones", "cortes", "empates"):  # cached properties of the result
                keep((name, i, 0), timed(partial(attrgetter(name), fresh))[0])
            seconds, written = timed(partial(all_explicar, fresh, folios[i][::MUESTRA]))
            keep(("explicar", i, 0), seconds)
            chars += written
            fresh = assign(c)
            keep(("to_data", i, 0), timed(fresh.to_data)[0])
            del fresh
    pasos = dict.fromkeys(PASOS, 0.0)
    for (name, _, _), seconds in best.items():
        pasos[name] += seconds
    return PorCer(pasos, intentos, chars)


class EnMemoria(NamedTuple):
    """The figures of (1) to (5) on the in-memory instance."""

    hand: float
    hand_entera: float
    pasos: dict[str, float]
    assign_entera: float
    verify: float
    verify_entera: float
    violaciones: int
    desacuerdos: int
    asignados: int
    empates: int
    decisivos: int
    intentos: int
    explicar_chars: int
    seats: dict[str, str | None]
    sha256: str

    @property
    def con_bitacora(self) -> float:
        return sum(self.pasos[name] for name in ("assign", "asignaciones", "bitacora", "cortes", "empates"))


def measure_in_memory(grupos: Sequence[Grupo], concursos: Sequence[Concurso], repeat: int) -> EnMemoria:
    """(1) by hand, (2) and (3) ``assign`` and its records, (4) agreement, (5) ``verify``."""
    t_hand = per_chunk(repeat, [partial(serial_dictatorship, [g]) for g in grupos])
    t_hand_whole, seats_hand = best_of(repeat, partial(serial_dictatorship, grupos))
    por_cer = assign_per_cer(concursos, repeat)
    t_assign_whole, asignacion = best_of(repeat, partial(assign, concursos))
    seats = asignacion.sede_de()
    disagreements = sum(seats_hand.get(folio, "?") != seat for folio, seat in seats.items())
    disagreements += len(seats_hand.keys() - seats.keys())
    own_seats = [{s.folio: seats[s.folio] for s in c.aspirantes} for c in concursos]
    chunks = [partial(verify, c, mine) for c, mine in zip(concursos, own_seats, strict=True)]
    t_verify = per_chunk(repeat, chunks)
    gc.collect()
    t_verify_whole, verificacion = timed(partial(verify, concursos, seats))
    return EnMemoria(
        t_hand, t_hand_whole, por_cer.pasos, t_assign_whole, t_verify, t_verify_whole,
        len(verificacion.violaciones), disagreements, sum(seat is not None for seat in seats.values()),
        len(asignacion.empates), sum(e.decisivo for e in asignacion.empates), por_cer.intentos,
        por_cer.explicar_chars, seats, asignacion.entrada_sha256,
    )


CHILD = """
import json, sys, time
from residencias.assignment.replay import replay

def peak_kb():  # VmHWM: this program's own peak (ru_maxrss would start at its parent's size)
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))

before = peak_kb()
begin = time.perf_counter()
auditoria = replay(sys.argv[1])
middle = time.perf_counter()
text = auditoria.to_json()
end = time.perf_counter()
after = peak_kb()
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write(text)
print(json.dumps({"replay": middle - begin, "to_json": end - middle, "antes_kb": before, "max_kb": after}))
"""


class Reproduccion(NamedTuple):
    """The figures of (6), and its memory."""

    replay: float  # per CER, scaled to all applicants
    to_json: float
    total: float
    entera: float  # the whole directory, one run in a child process
    rss_kb: int  # growth of that child's maximum RSS
    csv_bytes: int
    json_chars: int
    desacuerdos: int
    mismo_sha256: bool


def replay_once(directory: Path) -> tuple[float, float]:
    """Seconds of ``replay`` and of ``to_json``, one run each."""
    t_replay, auditoria = timed(partial(replay, directory))
    return t_replay, timed(auditoria.to_json)[0]


def measure_replay(grupos: Sequence[Grupo], seats: dict[str, str | None], sha256: str,
                   repeat: int) -> Reproduccion:
    """(6) and its part of (7): write the CSV directories (not timed): the whole instance, and one
    per sampled CER; time ``replay`` + ``to_json`` on each sampled CER, and once on the whole."""
    with tempfile.TemporaryDirectory(prefix="asignar-bench-") as tmp:
        whole = Path(tmp) / "todo"
        whole.mkdir()
        write_csv(grupos, whole)
        csv_bytes = sum(p.stat().st_size for p in whole.iterdir())
        directories = []
        for k, g in enumerate(grupos[::MUESTRA_CER]):
            directories.append(Path(tmp) / f"cer-{k}")
            directories[-1].mkdir()
            write_csv([g], directories[-1])
        sampled = sum(len(g.aspirantes) for g in grupos[::MUESTRA_CER])
        best = [(float("inf"), float("inf"), float("inf"))] * len(directories)
        for _ in range(repeat):  # interleaved, as in per_chunk
            gc.collect()
            for k, directory in enumerate(directories):
                t_replay, t_json = replay_once(directory)
                old = best[k]
                best[k] = (min(old[0], t_replay), min(old[1], t_json), min(old[2], t_replay + t_json))
        t_replay, t_json, t_total = (sum(b[column] for b in best) for column in range(3))
        out = Path(tmp) / "salida.json"
        env = dict(os.environ)
        src = str(Path(residencias.__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
        child = subprocess.run([sys.executable, "-c", CHILD, str(whole), str(out)], env=env, check=True,
                               capture_output=True, text=True)
        figures: dict[str, Any] = json.loads(child.stdout)
        text = out.read_text(encoding="utf-8")
    data = json.loads(text)
    desacuerdos = sum(seats[r["folio"]] != r["sede"] for r in data["asignaciones"])
    scale = sum(len(g.aspirantes) for g in grupos) / sampled
    return Reproduccion(t_replay * scale, t_json * scale, t_total * scale,
                        figures["replay"] + figures["to_json"], figures["max_kb"] - figures["antes_kb"],
                        csv_bytes, len(text), desacuerdos, data["entrada_sha256"] == sha256)


def growth_point(grupos: Sequence[Grupo], concursos: Sequence[Concurso],
                 repeat: int) -> tuple[int, int, float, float]:
    """(8): applicants, CER, seconds by hand and of ``assign`` (sums per CER) for these CER."""
    t_hand = per_chunk(repeat, [partial(serial_dictatorship, [g]) for g in grupos])
    t_assign = per_chunk(repeat, [partial(assign, c) for c in concursos])
    return sum(len(g.aspirantes) for g in grupos), len(grupos), t_hand, t_assign


# --- printing ------------------------------------------------------------------------------------------


def mb(n: float) -> str:
    return f"{n / 2**20:,.1f} MB"


def per_option(seconds: float, n: int) -> str:
    return f"{seconds / (n * OPCIONES) * 1e9:,.0f} ns"


def print_table(m: EnMemoria, rep: Reproduccion, t_build: float, n: int) -> None:
    sample = len(range(0, n, MUESTRA))  # about n / MUESTRA
    rows: list[tuple[str, float, float | None, int]] = [
        ("(1) bucle a mano (dictadura serial, ~15 líneas)", m.hand, m.hand_entera, n),
        ("(2) assign: validación, orden, bitácora compacta", m.pasos["assign"], m.assign_entera, n),
        ("(3)   .asignaciones (todos los registros)", m.pasos["asignaciones"], None, n),
        ("      .bitacora(folio), todos los folios", m.pasos["bitacora"], None, n),
        ("      .cortes", m.pasos["cortes"], None, n),
        ("      .empates", m.pasos["empates"], None, n),
        ("    assign con bitácora: (2) + las cuatro anteriores", m.con_bitacora, None, n),
        (f"      .explicar(folio), 1 de cada {MUESTRA} folios", m.pasos["explicar"], None, sample),
        ("      .to_data() sobre un resultado nuevo", m.pasos["to_data"], None, n),
        ("(5) verify(concursos, sede_de())", m.verify, m.verify_entera, n),
        (f"(6) replay(directorio CSV) (1 de cada {MUESTRA_CER} CER, escalado)", rep.replay, None, n),
        ("      .to_json()", rep.to_json, None, n),
        ("    replay + to_json, de extremo a extremo", rep.total, rep.entera, n),
        ("    (construir Concurso/Solicitud/Sede; aparte)", t_build, None, n),
    ]
    width = max(len(row[0]) for row in rows)
    print(f"{'medida':<{width}}  {'s':>8}  {'× a mano':>8}  {'por asp.×opc.':>13}  {'entera s':>8}")
    for label, seconds, whole, count in rows:
        entera = "" if whole is None else f"{whole:8.3f}"
        print(f"{label:<{width}}  {seconds:8.3f}  {seconds / m.hand:7.1f}x  "
              f"{per_option(seconds, count):>13}  {entera:>8}")
    print("s: suma por CER (o bloque) del mejor de R; entera s: una llamada sobre toda la instancia")
    print("(mejor de R en (1) y (2), una corrida en (5) y (6)); por asp.×opc.: s / (aspirantes × 20)")
    print()
    print(f"razón assign / a mano: {m.pasos['assign'] / m.hand:.1f}x (meta: <= 3x); llamada entera: "
          f"{m.assign_entera / m.hand_entera:.1f}x")
    print(f"razón assign con bitácora / a mano: {m.con_bitacora / m.hand:.1f}x")
    print(f"CSV: {mb(rep.csv_bytes)} en disco; JSON: {rep.json_chars / 2**20:,.1f} M caracteres; "
          f"explicar: {m.explicar_chars / sample:,.0f} caracteres por folio")


def print_memory(rows: Sequence[tuple[str, str]]) -> None:
    print("(7) memoria, pasada aparte")
    for label, figure in rows:
        print(f"  {label:<72} {figure}")
    max_rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    label = "RSS máximo de este proceso (resource.getrusage, todo el guion)"
    print(f"  {label:<72} {max_rss_kb / 1024:,.0f} MB")


def print_growth(growth: Sequence[tuple[int, int, float, float]]) -> None:
    print(f"(8) crecimiento (por CER fijo: {POR_CER:,} aspirantes, {SEDES_POR_CER} sedes, "
          f"{OPCIONES} opciones; CER y sedes crecen con N)")
    print(f"  {'aspirantes':>10}  {'CER':>4}  {'a mano s':>9}  {'por asp.×opc.':>13}  {'assign s':>9}  "
          f"{'por asp.×opc.':>13}  {'razón':>6}")
    for size, cers, hand, lib in growth:
        print(f"  {size:>10,}  {cers:>4}  {hand:9.3f}  {per_option(hand, size):>13}  {lib:9.3f}  "
              f"{per_option(lib, size):>13}  {lib / hand:5.1f}x")


_INICIO = time.perf_counter()


def etapa(nombre: str) -> None:
    """Progress on stderr, so that stdout is only the figures."""
    print(f"[{time.perf_counter() - _INICIO:6.0f} s] {nombre}", file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark de assign contra la dictadura serial a mano.")
    parser.add_argument("--aspirantes", type=int, default=100_000, help="aspirantes (por omisión 100,000)")
    parser.add_argument("--repeticiones", type=int, default=3, help="mejor de R corridas (por omisión 3)")
    parser.add_argument("--perfil", action="store_true", help="cProfile de una llamada entera de assign")
    args = parser.parse_args()
    n: int = args.aspirantes
    repeat: int = args.repeticiones
    started = time.perf_counter()

    etapa("generar la instancia")
    grupos = generate(n)
    t_build = per_chunk(repeat, [partial(to_concursos, [g]) for g in grupos])
    concursos = to_concursos(grupos)
    print(f"aspirantes: {n:,} en {len(grupos)} CER, {OPCIONES} opciones cada uno; sedes: "
          f"{sum(len(g.sedes) for g in grupos):,} ({SEDES_POR_CER} por CER); plazas: "
          f"{sum(p for g in grupos for _, p in g.sedes):,}; aspirante×opción: {n * OPCIONES:,}; "
          f"mejor de {repeat}")

    etapa("en memoria: (1) a (5)")
    m = measure_in_memory(grupos, concursos, repeat)
    etapa("reproducción CSV: (6)")
    rep = measure_replay(grupos, m.seats, m.sha256, repeat)
    etapa("memoria: (7)")
    memory = [
        ("construir los objetos de entrada (tracemalloc, pico)", mb(traced(partial(to_concursos, grupos)))),
        ("(1) bucle a mano (tracemalloc, pico)", mb(traced(partial(serial_dictatorship, grupos)))),
        ("(2) assign(concursos) (tracemalloc, pico)", mb(traced(partial(assign, concursos)))),
        ("    assign + registros, cortes y empates (tracemalloc, pico)",
         mb(traced(lambda: with_records(assign(concursos))))),
        ("(6) replay + to_json, directorio entero (pico RSS de un hijo − tras importar)",
         mb(rep.rss_kb * 1024)),
    ]
    etapa("crecimiento")
    growth = [growth_point(grupos[:k], concursos[:k], repeat) for k in (max(1, len(grupos) // 4),
                                                                      max(1, len(grupos) // 2))]
    growth.append((n, len(grupos), m.hand, m.pasos["assign"]))
    etapa("fin")

    print(f"asignados: {m.asignados:,} de {n:,}; empates de PI-IMSS: {m.empates:,} ({m.decisivos:,} "
          f"decidieron una plaza); intentos en la bitácora completa: {m.intentos:,}")
    print(f"(4) desacuerdos de sede entre el bucle a mano y assign: {m.desacuerdos}")
    print(f"    desacuerdos de sede entre replay(CSV) y assign: {rep.desacuerdos}; "
          f"mismo entrada_sha256: {'sí' if rep.mismo_sha256 else 'NO'}")
    print(f"(5) verify sobre el resultado de assign: {m.violaciones} violaciones")
    print()
    print_table(m, rep, t_build, n)
    print()
    print_memory(memory)
    print()
    print_growth(growth)
    print()
    print(f"duración del guion: {time.perf_counter() - started:.0f} s")

    if args.perfil:
        print()
        print("cProfile de assign(concursos), llamada entera, 15 primeras por tiempo acumulado:")
        profile = cProfile.Profile()
        profile.runcall(assign, concursos)
        pstats.Stats(profile, stream=sys.stdout).sort_stats("cumulative").print_stats(15)


if __name__ == "__main__":
    main()
