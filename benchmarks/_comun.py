"""Shared by the benchmark scripts: seeded instances written to a temporary directory, and whole
commands timed as child processes (wall time and peak memory of each run, best of N).

Timing: ``time.perf_counter`` around ``os.posix_spawn`` + ``os.wait4``, which also gives that one
child's resource usage (``ru_maxrss``: its peak resident memory), in a small launcher process
(:data:`LANZADOR`: a child of this script would inherit this script's peak RSS). The host is shared and noisy
(2 cores): each side runs N times, alternating A B A B..., and the best run of each is reported,
with the ratio of the bests (and the median ratio of the pairs, as a check)."""

from __future__ import annotations

import csv
import os
import random
import statistics
import subprocess
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

SEED = 20261126
RAIZ = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
RESIDENCIAS = [PYTHON, "-m", "residencias"]

def generar(n: int, cers: int, sedes: int, opciones: int, plazas_media: int, seed: int = SEED
            ) -> list[tuple[str, list[tuple[str, int]], list[tuple[str, str, list[str]]]]]:
    """``n`` applicants spread over ``cers`` CER of ``sedes`` sedes each (plazas uniform from 0 to
    twice ``plazas_media``); each applicant lists ``opciones`` distinct sedes of their CER and has a
    PI-IMSS with 3 decimals from 50 to 100; folios of 7 digits, shuffled."""
    from residencias import load_catalogo  # noqa: PLC0415 (only the generator needs the library)

    rng = random.Random(seed)
    nombres = rng.sample(sorted(e.nombre for e in load_catalogo().especialidades), cers)
    claves = [f"HGR-{j:04d}" for j in range(1, sedes + 1)]
    grupos: list[tuple[str, list[tuple[str, int]], list[tuple[str, str, list[str]]]]] = [
        (cer, [(c, rng.randint(0, 2 * plazas_media)) for c in claves], []) for cer in nombres]
    folios = list(range(1, n + 1))
    rng.shuffle(folios)
    for k, folio in enumerate(folios):
        milesimas = rng.randint(50_000, 100_000)
        grupos[k % cers][2].append((f"{folio:07d}", f"{milesimas // 1000}.{milesimas % 1000:03d}",
                           rng.sample(claves, opciones)))
    return grupos


def escribir_csv(grupos: Sequence[tuple[str, list[tuple[str, int]], list[tuple[str, str, list[str]]]]],
                 directorio: Path) -> int:
    """``sedes.csv`` and ``aspirantes.csv``; their size in bytes."""
    directorio.mkdir(parents=True, exist_ok=True)
    with (directorio / "sedes.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["cer", "clave", "plazas"])
        w.writerows((cer, clave, plazas) for cer, sedes, _ in grupos for clave, plazas in sedes)
    with (directorio / "aspirantes.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["folio", "cer", "puntaje", "opciones"])
        w.writerows((folio, cer, puntaje, "|".join(ops)) for cer, _, aspirantes in grupos
                    for folio, puntaje, ops in aspirantes)
    return sum(p.stat().st_size for p in directorio.iterdir())


BUCLE_A_MANO = r'''
import csv, sys
from decimal import Decimal
d = sys.argv[1]
libres = {}
with open(d + "/sedes.csv", encoding="utf-8", newline="") as f:
    for r in csv.DictReader(f):
        libres[(r["cer"], r["clave"])] = int(r["plazas"])
with open(d + "/aspirantes.csv", encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f))
rows.sort(key=lambda r: r["folio"])
rows.sort(key=lambda r: Decimal(r["puntaje"]), reverse=True)
seats = {}
for r in rows:
    seats[r["folio"]] = None
    for clave in r["opciones"].split("|"):
        k = (r["cer"], clave)
        if libres[k]:
            libres[k] -= 1
            seats[r["folio"]] = clave
            break
print(sum(s is not None for s in seats.values()))
'''
"""The bare algorithm a user could write: read the same CSV with csv.DictReader, sort by Decimal
PI-IMSS (ties by folio, all folios of 7 digits), serial dictatorship."""


class Corrida(NamedTuple):
    segundos: float
    max_kb: int
    codigo: int


LANZADOR = r"""
import os, sys, time
report, argv = int(sys.argv[1]), sys.argv[2:]
begin = time.perf_counter()
pid = os.posix_spawn(argv[0], argv, os.environ)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - begin
os.write(report, f"{seconds!r} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}".encode())
"""
"""Runs one command and reports its wall time, peak RSS and exit code through a pipe. A small
process of its own, because Linux carries a process's peak RSS over to the program it starts
(``ru_maxrss`` of a child begins at the RSS its parent had when it forked, kept across ``exec``):
started from this script, which holds the generated instance, a child small in memory would
report this script's size. The launcher's own size (that of a bare interpreter) is below what
any measured command uses."""


def correr(argv: Sequence[str], salida: str = os.devnull) -> Corrida:
    """One run of a command, its standard output to ``salida``: wall seconds, peak RSS (KiB), exit
    code, measured by :data:`LANZADOR` (the first word of ``argv`` must be a path)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(RAIZ / "src"), env.get("PYTHONPATH")) if p)
    read, write = os.pipe()
    try:
        with open(salida, "wb") as out:
            subprocess.run([PYTHON, "-c", LANZADOR, str(write), *argv], stdout=out, stderr=subprocess.DEVNULL,
                           env=env, pass_fds=(write,), check=True)
        os.close(write)
        write = -1
        with os.fdopen(read, "rb") as report:
            read = -1
            seconds, max_kb, code = report.read().split()
    finally:
        for fd in (read, write):
            if fd >= 0:
                os.close(fd)
    return Corrida(float(seconds), int(max_kb), int(code))


class Comparacion(NamedTuple):
    a: Corrida  # best of N (time); its memory: the largest of the N
    b: Corrida
    razon_mediana: float


def comparar(a: Sequence[str], b: Sequence[str], n: int) -> Comparacion:
    """A and B alternately, ``n`` times each after one warm-up run of each."""
    correr(a)
    correr(b)
    runs_a: list[Corrida] = []
    runs_b: list[Corrida] = []
    for _ in range(n):
        runs_a.append(correr(a))
        runs_b.append(correr(b))
    best_a = min(runs_a, key=lambda r: r.segundos)
    best_b = min(runs_b, key=lambda r: r.segundos)
    ratios = [x.segundos / y.segundos for x, y in zip(runs_a, runs_b, strict=True)]
    return Comparacion(Corrida(best_a.segundos, max(r.max_kb for r in runs_a), best_a.codigo),
                       Corrida(best_b.segundos, max(r.max_kb for r in runs_b), best_b.codigo),
                       statistics.median(ratios))


def informe(titulo: str, nombre_a: str, nombre_b: str, c: Comparacion, n: int, meta: str) -> None:
    """Both sides, the ratios (time and memory) and the aim, from the same run."""
    print(titulo)
    print(f"  {nombre_a:<44} {c.a.segundos:8.3f} s  {c.a.max_kb / 1024:8.1f} MB  (salida {c.a.codigo})")
    print(f"  {nombre_b:<44} {c.b.segundos:8.3f} s  {c.b.max_kb / 1024:8.1f} MB  (salida {c.b.codigo})")
    print(f"  razón tiempo (mejor de {n} / mejor de {n}): {c.a.segundos / c.b.segundos:.2f}x; mediana de las "
          f"razones por par: {c.razon_mediana:.2f}x; razón memoria (pico RSS): "
          f"{c.a.max_kb / c.b.max_kb:.2f}x")
    print(f"  meta: {meta}")


def decimal_ok(text: str) -> Decimal:
    return Decimal(text)
