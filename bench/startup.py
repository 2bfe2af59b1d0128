"""Start-up to a usable window, from the source tree: launch → window shown and painted.

    .venv/bin/python bench/startup.py [--runs 7] [--db PATH]

Each run is a fresh Python process (offscreen unless a display is set, throwaway settings, a
temporary library unless --db) that builds the real main window, shows it, waits for the
first paint and prints a breakdown. The parent times the whole thing from spawn to the
"ready" line (interpreter start, imports, library opened, window built and painted).
Target: ≤ 1 s. Prints median, min and max.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

CHILD = r"""
import time
t0 = time.perf_counter()
import sys, json, tempfile
from pathlib import Path
from recount.ui.app import ensure_display
ensure_display(True)
from PySide6.QtCore import QTimer
t_qt = time.perf_counter()
from recount.ui.app import make_app
from recount.ui.automation import temporary_settings
from recount.ui.main_window import MainWindow
t_import = time.perf_counter()
app = make_app()
tmp = Path(tempfile.mkdtemp())
db = Path(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] else tmp / "library.db"
window = MainWindow(db, temporary_settings(tmp), first_run=False)
t_built = time.perf_counter()
window.show()

def ready():
    t_ready = time.perf_counter()
    ms = lambda a, b: round((b - a) * 1000, 1)
    print(json.dumps({"qt_import": ms(t0, t_qt), "ui_import": ms(t_qt, t_import),
                      "build": ms(t_import, t_built), "show": ms(t_built, t_ready),
                      "in_process": ms(t0, t_ready)}), flush=True)
    window.close()
    app.quit()

QTimer.singleShot(0, ready)
app.exec()
from PySide6.QtCore import QThreadPool
QThreadPool.globalInstance().waitForDone(5000)
"""


def one_run(db: str) -> tuple[float, dict]:
    env = dict(os.environ)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, db], stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    ready = (time.perf_counter() - start) * 1000
    proc.wait(timeout=60)
    return ready, json.loads(line)


def main() -> int:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=fmt)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--db", default="", help="open this library instead of a new one")
    args = parser.parse_args()
    one_run(args.db)  # warm the OS file cache once, as a second launch would be
    walls, parts = [], []
    for _ in range(args.runs):
        wall, part = one_run(args.db)
        walls.append(wall)
        parts.append(part)
    print(f"startup to a usable window over {args.runs} runs (python {sys.version.split()[0]}, "
          f"platform {os.environ.get('QT_QPA_PLATFORM') or 'offscreen unless a display is set'}):")
    print(f"  spawn → painted window: median {statistics.median(walls):.0f} ms "
          f"(min {min(walls):.0f}, max {max(walls):.0f}); target ≤ 1000 ms")
    for key in ("qt_import", "ui_import", "build", "show", "in_process"):
        print(f"  {key:<11} median {statistics.median(p[key] for p in parts):6.1f} ms")
    return 0 if statistics.median(walls) <= 1000 else 1


if __name__ == "__main__":
    sys.exit(main())
