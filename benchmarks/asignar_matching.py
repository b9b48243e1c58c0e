"""Benchmark (issue "Speed", row 3): the whole command ``residencias asignar FIXTURE.yaml --json``
on a 5,000-applicant YAML fixture, against the ``matching`` package (the Python hospital-resident
solver, daffidwilde/matching 1.4.3) solving the same instance in process: hospitals rank the
applicants by PI-IMSS (ties by folio), which gives the same seats as 6.2 read serially.

    .venv/bin/pip install matching   # for this benchmark only; never a dependency
    PYTHONPATH=src .venv/bin/python benchmarks/asignar_matching.py [-n 3]

The command is timed as a whole process (start-up, YAML reading and checking, hash, both readings
of 6.2, JSON); ``matching`` by the seconds of ``game.solve()`` alone, measured inside its own
process (the instance built before the clock starts), best of N. The seats are compared folio by
folio. Aim: the command at least 20x faster. It also prints the floor of any YAML reading built on
libyaml: the seconds ``yaml.parse`` (C) takes just to give the fixture's events, beside what the aim
leaves to the whole command. Not a test: it prints figures and never fails.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
import time
from pathlib import Path

from _comun import PYTHON, RESIDENCIAS, correr, generar

RESOLVER = r'''
import json, sys, time, warnings
from decimal import Decimal
import yaml
from matching.games import HospitalResident
warnings.simplefilter("ignore")
data = yaml.load(open(sys.argv[1], encoding="utf-8"), Loader=yaml.CSafeLoader)
residents, hospitals, capacities = {}, {}, {}
for c in data["concursos"]:
    for s in c["sedes"]:
        if s["plazas"]:  # matching cannot hold a hospital without capacity; it takes no one anyway
            capacities[c["cer"] + ":" + s["clave"]] = s["plazas"]
            hospitals[c["cer"] + ":" + s["clave"]] = []
    order = sorted(c["aspirantes"], key=lambda a: (-Decimal(a["puntaje"]), a["folio"]))
    for a in order:
        residents[a["folio"]] = [c["cer"] + ":" + o for o in a["opciones"] if c["cer"] + ":" + o in hospitals]
        for h in residents[a["folio"]]:
            hospitals[h].append(a["folio"])
game = HospitalResident.create_from_dictionaries(residents, hospitals, capacities)
begin = time.perf_counter()
solution = game.solve(optimal="resident")
seconds = time.perf_counter() - begin
seats = {}
for h, rs in solution.items():
    for r in rs:
        seats[r.name] = h.name.split(":", 1)[1]
print(json.dumps({"segundos": seconds, "asignados": seats}))
'''


def escribir_yaml(path: Path, n: int) -> None:
    grupos = generar(n, 2, 50, 20, 10)
    lines = ["concursos:"]
    for cer, sedes, aspirantes in grupos:
        lines += [f"  - cer: {cer}", "    sedes:"]
        lines += [f"      - {{clave: {clave}, plazas: {plazas}}}" for clave, plazas in sedes]
        lines.append("    aspirantes:")
        lines += [f"      - {{folio: \"{folio}\", puntaje: \"{puntaje}\", opciones: [{', '.join(ops)}]}}"
                  for folio, puntaje, ops in aspirantes]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _solo_libyaml(fixture: Path) -> float:
    """Seconds libyaml's C parser takes just to turn the fixture into events (``yaml.parse`` with
    ``CSafeLoader``), in process: the least any YAML reading built on it costs (the strict reader
    of the library builds its values and positions from these events)."""
    import yaml  # noqa: PLC0415 (a dependency of the library; only this measure needs it here)

    data = fixture.read_bytes()
    begin = time.perf_counter()
    for _ in yaml.parse(data, Loader=yaml.CSafeLoader):
        pass
    return time.perf_counter() - begin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=3, help="corridas de cada lado (por omisión 3)")
    parser.add_argument("--aspirantes", type=int, default=5_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="residencias-bench-") as tmp:
        fixture = Path(tmp) / "concurso.yaml"
        escribir_yaml(fixture, args.aspirantes)
        print(f"instancia: {args.aspirantes:,} aspirantes, 2 CER × 50 sedes, 20 opciones; YAML de "
              f"{fixture.stat().st_size / 2**20:.2f} MB")
        comando = [*RESIDENCIAS, "asignar", str(fixture), "--json"]
        salida = Path(tmp) / "salida.json"
        runs = [correr(comando, str(salida)) for _ in range(args.n + 1)][1:]
        mine = {r["folio"]: r["sede"] for r in json.loads(salida.read_text(encoding="utf-8"))["asignaciones"]}
        solves = []
        for _ in range(args.n):
            done = subprocess.run([PYTHON, "-c", RESOLVER, str(fixture)], capture_output=True, text=True,
                                  check=True)
            solves.append(json.loads(done.stdout))
        theirs = solves[0]["asignados"]
        distintos = sum(mine[f] != theirs.get(f) for f in mine)
        best_a = min(r.segundos for r in runs)
        best_b = min(s["segundos"] for s in solves)
        print("residencias asignar FIXTURE.yaml --json contra matching (HospitalResident.solve)")
        print(f"  residencias asignar, proceso entero           {best_a:8.3f} s  "
              f"{max(r.max_kb for r in runs) / 1024:8.1f} MB")
        print(f"  matching, solo game.solve() en su proceso     {best_b:8.3f} s")
        print(f"  razón (matching / residencias, mejor de {args.n}): {best_b / best_a:.1f}x más rápido; "
              f"folios con otra sede: {distintos}")
        print("  meta: >= 20x más rápido")
        piso = min(_solo_libyaml(fixture) for _ in range(args.n))
        print(f"  piso de cualquier lectura YAML con libyaml: yaml.parse (C) solo da los eventos del archivo "
              f"en {piso:.3f} s; la meta deja al comando entero {best_b / 20:.3f} s")


if __name__ == "__main__":
    main()
