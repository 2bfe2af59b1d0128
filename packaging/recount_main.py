"""Entry point of the frozen app (PyInstaller): the same as the `recount` console script."""

import multiprocessing
import sys

from recount.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless unless a worker process is ever spawned
    sys.exit(main())
