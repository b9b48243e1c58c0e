"""Benchmark (issue "Speed", row 1): start-up. ``residencias --version`` as a whole process, against
the bare interpreter (``python -c pass``), best of N alternated runs, with peak memory; and which
heavy libraries a plain ``import residencias`` loads (none, as tests/test_arranque.py pins).

    PYTHONPATH=src .venv/bin/python benchmarks/arranque.py [-n 15]

Aim: ``residencias --version`` within 0.10 s. Not a test: it prints figures and never fails.
"""

from __future__ import annotations

import argparse
import subprocess

from _comun import PYTHON, RESIDENCIAS, comparar, informe


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=15, help="corridas de cada lado (por omisión 15)")
    n = parser.parse_args().n
    c = comparar([*RESIDENCIAS, "--version"], [PYTHON, "-c", "pass"], n)
    informe("arranque: residencias --version contra el intérprete solo", "residencias --version",
            "python -c pass", c, n, "residencias --version <= 0.10 s")
    code = ("import sys, residencias\nprint(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'cattrs', 'holidays', 'icalendar', 'stdnum', 'jinja2', 'yaml'}))")
    loaded = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    print(f"  bibliotecas pesadas que carga 'import residencias': {loaded}")


if __name__ == "__main__":
    main()
