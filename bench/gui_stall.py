"""The longest the GUI thread stalls while the window imports and checks: target ≤ 50 ms.

    .venv/bin/python bench/gui_stall.py [--claims 100000] [--articles 300]

A QTimer ticks every 5 ms on the GUI thread; the largest gap between two ticks, minus the
5 ms interval, is the longest the window could not respond. Measured, on the real window
(offscreen unless a display is set), while it:

  1. imports a folder of --articles generated reports into a library of --claims claims
     (bench/make_library.py), through the Import dialog, progress bar and all;
  2. checks a long report (every corpus article joined: hundreds of claims) against it, then
     shows the rows, highlights and comparison;
  3. walks the flagged and numeric claims, each selection drawing the comparison and timeline.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

TARGET_MS = 50.0


class StallMeter:
    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.gaps: list[float] = []

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(max((now - self.last) * 1000 - 5, 0.0))
        self.last = now

    def start(self) -> None:
        self.gaps = []
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> tuple[float, float, int]:
        """Longest stall, 99th percentile of the gaps, and how many stalls exceeded the target."""
        self.timer.stop()
        self._tick()
        gaps = sorted(self.gaps)
        p99 = gaps[min(len(gaps) - 1, int(len(gaps) * 0.99))]
        return gaps[-1], p99, sum(1 for g in gaps if g > TARGET_MS)


def write_reports(folder: Path, count: int, seed: int = 7) -> None:
    """Corpus articles with their figures changed: unique texts that read like news."""
    rng = random.Random(seed)
    sources = sorted((ROOT / "tests" / "corpus").glob("*.txt"))
    folder.mkdir(parents=True)
    for i in range(count):
        text = sources[i % len(sources)].read_text(encoding="utf-8")
        text = re.sub(r"\b\d{2,3}\b", lambda m: str(int(m.group()) + rng.randint(1, 40)), text)
        (folder / f"report-{i:04d}.txt").write_text(f"{text}\n\n(Report {i})\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=100_000, help="claims in the library (default 100,000)")
    parser.add_argument("--articles", type=int, default=300, help="reports imported (default 300)")
    args = parser.parse_args()

    from recount.ui.app import ensure_display

    ensure_display(True)
    from make_library import make_library
    from recount.claims.model import Article
    from recount.ui.app import make_app
    from recount.ui.automation import temporary_settings, wait_for
    from recount.ui.main_window import MainWindow

    app = make_app()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        make_library(folder / "library.db", claims=args.claims)
        write_reports(folder / "import", args.articles)
        print(f"set-up: library of {args.claims:,} claims and {args.articles} reports to import "
              f"in {time.perf_counter() - t0:.1f} s")

        window = MainWindow(folder / "library.db", temporary_settings(folder), first_run=False)
        window.resize(1280, 800)
        window.show()
        meter = StallMeter()
        results: list[tuple[str, tuple[float, float, int], float]] = []

        meter.start()
        started = time.perf_counter()
        if window.library_state == "opening":
            wait_for(window.libraryReady, 30000)
        results.append(("open window + library", meter.stop(), time.perf_counter() - started))

        meter.start()
        started = time.perf_counter()
        dialog = window.import_paths([folder / "import"])
        while not wait_for(window.taskFinished, 600_000):
            pass
        results.append((f"import {args.articles} reports", meter.stop(), time.perf_counter() - started))
        dialog.done(0)

        text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "corpus")
                                                                          .glob("*.txt")))
        article = Article(text=text, published="2025-08-13", outlet="Bench Wire", title="Everything at once")
        meter.start()
        started = time.perf_counter()
        window.show_article(article)
        wait_for(window.checkFinished, 600_000)
        phase = f"check {len(window.rows)} claims + show"
        results.append((phase, meter.stop(), time.perf_counter() - started))

        picks = [r.index for r in window.rows if r.flags or r.claim.kind == "numeric"][:40]
        meter.start()
        started = time.perf_counter()
        for index in picks:
            window.claims_panel.select_claim(index)
            wait_for(window.seriesShown, 2000)
        results.append((f"select {len(picks)} claims (comparison + timeline)", meter.stop(),
                        time.perf_counter() - started))
        window.close()
        app.processEvents()

    import os

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    cores = os.cpu_count()
    print(f"GUI-thread stalls (target ≤ {TARGET_MS:.0f} ms; {cores} cores, load average {load:.1f}):")
    print(f"  {'phase':<45} {'longest':>8} {'p99':>7} {'> target':>9}")
    worst = 0.0
    for name, (longest, p99, over), seconds in results:
        worst = max(worst, longest)
        print(f"  {name:<45} {longest:6.1f} ms {p99:5.1f} ms {over:6d}     ({seconds:.1f} s)")
    print(f"worst: {worst:.1f} ms — {'OK' if worst <= TARGET_MS else 'over target'}")
    return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
