"""``python -m residencias``: the same command line as ``residencias``."""

import sys

from residencias.cli import main

if __name__ == "__main__":
    sys.exit(main())
