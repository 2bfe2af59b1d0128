"""bench/watch.py's GUI phase, its tools: the site in a process of its own, and a stall meter
that also says how long the window's thread waited for a core.

Kept apart from bench/watch.py (one command) so each file stays small.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "watch"))

from _watch_site import Route, Site


class SiteProcess:
    """The site of the GUI phase served from a process of its own. The server's threads in the
    window's process would compete with the window's thread for the interpreter lock, which no
    real news site does; `--site-in-process` measures it that way all the same."""

    def __init__(self) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")
        self.conn, theirs = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(theirs,), daemon=True)
        self.proc.start()
        self.base = self.conn.recv()
        self.routes: dict[str, Route] = {}

    def url(self, path: str) -> str:
        return self.base + path

    def publish(self) -> None:
        """Send the routes set so far; returns once the server has them."""
        self.conn.send(self.routes)
        self.conn.recv()

    def stop(self) -> None:
        self.conn.send(None)
        self.proc.join(10)


def _serve(conn) -> None:
    site = Site().start()
    conn.send(site.base)
    while (routes := conn.recv()) is not None:
        site.routes.update(routes)
        conn.send(True)
    site.stop()


def run_queue_ms() -> float:
    """How long this thread has waited for a core, in ms (Linux: /proc schedstat); 0 elsewhere."""
    try:
        with open("/proc/thread-self/schedstat") as f:
            return int(f.read().split()[1]) / 1e6
    except (OSError, IndexError, ValueError):
        return 0.0


def stall_meter():
    """gui_stall.StallMeter (the same 5 ms tick), also noting at each tick how long the GUI
    thread waited for a core: a stall with little CPU of its own and little of that wait was
    spent waiting for the interpreter lock."""
    from gui_stall import StallMeter

    class Meter(StallMeter):
        def start(self) -> None:
            self.queued: list[float] = []
            self.last_queue = run_queue_ms()
            super().start()

        def _tick(self) -> None:
            queue = run_queue_ms()
            self.queued.append(queue - self.last_queue)
            self.last_queue = queue
            super()._tick()

    return Meter()


def worst_gaps(meter, n: int = 6) -> list[tuple[float, float, float, float]]:
    """The meter's n longest gaps in time order: (ms since it started, stall ms, the GUI
    thread's own CPU ms, ms it waited for a core)."""
    at, stamped = 0.0, []
    for gap, cpu, queued in zip(meter.gaps, meter.busy, meter.queued, strict=False):
        at += gap + 5
        stamped.append((at, gap, cpu, queued))
    return sorted(sorted(stamped, key=lambda t: -t[1])[:n])
