"""Benchmark (issue "Speed", rows 2 and 4): the whole command ``residencias asignar DIR --json`` on a
CSV concurso, against the bare algorithm a user could write (``_comun.BUCLE_A_MANO``: the same CSV
with ``csv.DictReader``, sorted by Decimal PI-IMSS, serial dictatorship), both as whole processes,
best of N alternated runs, with each one's peak memory (``os.wait4``'s ``ru_maxrss``).

    PYTHONPATH=src .venv/bin/python benchmarks/asignar_csv.py            # 100,000 applicants
    PYTHONPATH=src .venv/bin/python benchmarks/asignar_csv.py --millon   # 1,000,000 (about 220 MB)

Instance (seeded, written to a temporary directory, never committed): by default 100,000
applicants in 40 CER of 50 sedes (2,000 sedes), 20 options each, plazas uniform from 0 to 40
(about 40,000); ``--millon``: 1,000,000 applicants, 20 CER of 100 sedes. The command does the
whole audit: reading and checking, the input hash, both readings of 6.2 and their differences, the
JSON; the loop by hand only the seats. Both must seat the same number of applicants (printed).

Aims: 100,000: at most 2x the time and 2x the memory of the loop by hand; 1,000,000: at most 25 s
and 1 GB. Not a test: it prints figures and never fails.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from _comun import BUCLE_A_MANO, PYTHON, RESIDENCIAS, comparar, correr, escribir_csv, generar, informe


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--millon", action="store_true", help="1,000,000 aspirantes, 20 CER × 100 sedes")
    parser.add_argument("-n", type=int, default=None, help="corridas de cada lado (5; 2 con --millon)")
    args = parser.parse_args()
    n = args.n or (2 if args.millon else 5)
    aspirantes, cers, sedes = (1_000_000, 20, 100) if args.millon else (100_000, 40, 50)
    with tempfile.TemporaryDirectory(prefix="residencias-bench-") as tmp:
        directorio = Path(tmp) / "concurso"
        size = escribir_csv(generar(aspirantes, cers, sedes, 20, 20), directorio)
        print(f"instancia: {aspirantes:,} aspirantes, {cers} CER × {sedes} sedes, 20 opciones; CSV de "
              f"{size / 2**20:,.0f} MB (en {tmp}, se borra al final)")
        comando = [*RESIDENCIAS, "asignar", str(directorio), "--json", "--max-mb", "512"]
        a_mano = [PYTHON, "-c", BUCLE_A_MANO, str(directorio)]
        salida = Path(tmp) / "salida.json"
        correr(comando, str(salida))
        seats = [r["sede"] for r in json.loads(salida.read_text(encoding="utf-8"))["asignaciones"]]
        correr(a_mano, str(salida))
        print(f"  asignados: {sum(s is not None for s in seats):,} según el comando, "
              f"{int(salida.read_text(encoding='utf-8')):,} según el bucle a mano")
        salida.unlink()
        c = comparar(comando, a_mano, n)
        meta = ("<= 25 s y <= 1 GB" if args.millon else "<= 2x en tiempo y <= 2x en memoria")
        informe(f"residencias asignar DIR --json contra el bucle a mano ({aspirantes:,} aspirantes)",
                "residencias asignar DIR --json", "bucle a mano (csv.DictReader)", c, n, meta)


if __name__ == "__main__":
    main()
