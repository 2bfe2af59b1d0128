"""The window's polls, run in a process of their own, so the window's thread never waits on them.

Why a process: a poll is seconds of Python work (feedparser, the page reader, the claims
engine, the checker, sqlite rows), and the first one also imports feedparser and its XML
modules. On threads of the window's process all of it holds the interpreter lock that the
window's thread needs for every event it handles: measured with bench/watch.py --stalls and
py-spy, the window stalled 60-160 ms at the start of each poll while four threads imported
and parsed feeds and sixteen read pages (docs/watching.md, "Speed"). In a process of its own
the poll competes only for a core, which the operating system shares in far smaller slices.

The child runs exactly what `recount watch run` runs: `Scheduler.run` on the library file.
The window's worker thread first chooses the sources on its own connection (a tick with
nothing due starts no process), then waits for the child's RunReport. One child serves the
window's library: started by its first poll (so imports are paid once, off the window's
process), stopped by close() with the window or the library, and by a watchdog thread when
the window's process goes away without closing it. Spawned, never forked (the window has
threads); the frozen app calls multiprocessing.freeze_support() first (packaging/recount_main.py).
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import BrokenExecutor, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from recount.watch.poll import PollResult
from recount.watch.scheduler import Clock, RunReport, Scheduler, choose, system_clock

WAIT_SECONDS = 0.1  # how often the waiting thread looks at cancelled() while the child polls
# Polling is background work: when the window's thread and the poll both want a core (2 cores,
# other programs busy), the operating system serves the window first.
NICENESS = 10


class PollProcessFailed(Exception):
    """The polling process stopped in the middle of a poll (killed, or crashed twice)."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


class PollProcess:
    """What the window uses as its scheduler: Scheduler's run / pause / resume, the polling
    itself in a child process. `child_pid` is the process that ran the last poll."""

    def __init__(self, lib: Any, *, clock: Clock = system_clock) -> None:
        self.lib = lib  # the window's worker connection: it chooses the sources
        self.path = str(lib.path)
        self.timeout = float(getattr(lib, "timeout", 5.0))
        self.clock = clock
        self._ctx = multiprocessing.get_context("spawn")
        self._stop: Any = None  # an Event, made with the child (it starts a helper process on POSIX)
        self._results: Any = None  # a Queue: (poll number, PollResult) as each source's poll ends
        self._polls = 0
        self._paused = False
        self._pool: ProcessPoolExecutor | None = None
        self._closed = False
        self._lock = threading.Lock()
        self.child_pid: int | None = None

    @property
    def started(self) -> bool:
        return self._pool is not None

    @property
    def paused(self) -> bool:
        return self._paused

    def pause(self) -> None:
        self._paused = True
        self._stop_child(True)

    def resume(self) -> None:
        self._paused = False
        self._stop_child(False)

    def _stop_child(self, stop: bool) -> None:
        """Set: the child stops its poll at the next step; cleared for the next poll."""
        if self._stop is not None:
            self._stop.set() if stop else self._stop.clear()

    def run(self, *, everything: bool = False, ids: Iterable[int] | None = None,
            cancelled: Callable[[], bool] | None = None, progress: Any = None,
            on_result: Callable[[PollResult], None] | None = None) -> RunReport:
        """Poll the due sources (every unpaused one with `everything`, or exactly `ids`) in the
        child; returns its RunReport. `on_result` is given each source's result as its poll ends
        (here, on the calling thread); `progress` is not reported."""
        if self._paused or self._closed:
            return RunReport()
        chosen = [s.id for s in choose(self.lib, self.clock(), ids=ids, everything=everything)]
        if not chosen:
            return RunReport()
        for attempt in (1, 2):
            pool = self._ensure_pool()
            self._stop_child(False)
            if self._paused:  # paused meanwhile
                self._stop_child(True)
            try:
                self._polls += 1
                future = pool.submit(_poll_in_child, self.path, self.timeout, chosen, self._polls)
                self.child_pid, report = self._wait(future, cancelled, on_result)
                return report
            except BrokenExecutor:  # the child died (killed, out of memory): a new one, once
                self._drop(pool)
                if attempt == 2:
                    raise PollProcessFailed("The process that polls the sources stopped unexpectedly; "
                                            "the next poll starts a new one.") from None
        return RunReport()

    def _wait(self, future: Any, cancelled: Callable[[], bool] | None,
              on_result: Callable[[PollResult], None] | None) -> tuple[int, RunReport]:
        while True:
            try:
                done = future.result(timeout=WAIT_SECONDS)
            except FutureTimeout:
                if cancelled is not None and cancelled():
                    self._stop_child(True)
                self._tell(on_result)
                continue
            self._tell(on_result)  # what has arrived (the report has them all anyway)
            return done

    def _tell(self, on_result: Callable[[PollResult], None] | None) -> None:
        results = self._results
        while results is not None:
            try:
                poll, result = results.get_nowait()
            except (queue.Empty, OSError, EOFError):
                return
            if poll == self._polls and on_result is not None:  # not a late one of an earlier poll
                on_result(result)

    def start(self) -> Any:
        """Start the child now rather than at the first poll: its imports (feedparser, the claims
        engine) take a second or two. Returns a future of its process id (None once closed)."""
        try:
            return self._ensure_pool().submit(_ready)
        except (PollProcessFailed, BrokenExecutor, RuntimeError):  # closed meanwhile: nothing to start
            return None

    def close(self, wait: bool = False) -> None:
        """Stop the child (after the poll under way reaches its next step)."""
        self._stop_child(True)
        with self._lock:
            self._closed = True
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=True)

    def _ensure_pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._closed:
                raise PollProcessFailed("Polling has stopped: the window or its library was closed.")
            if self._stop is None:
                self._stop = self._ctx.Event()
            if self._pool is None:
                self._results = self._ctx.Queue()  # new: a killed child may have left half a message
                shared = (self._stop, self._results)
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=self._ctx,
                                                 initializer=_start_child, initargs=shared)
            return self._pool

    def _drop(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is pool:
                self._pool = None
        pool.shutdown(wait=False, cancel_futures=True)


# ---------------------------------------------------------------- in the child

_stop_event: Any = None
_results: Any = None
_library: Any = None  # the child's connection, kept between polls


def _start_child(stop: Any, results: Any) -> None:
    global _stop_event, _results
    _stop_event, _results = stop, results
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C in a terminal is the window's to handle
    if hasattr(os, "nice"):
        os.nice(NICENESS)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), name="watch parent", daemon=True).start()


def _ready() -> int:
    """What every poll needs, imported once (the child is started before the first poll)."""
    import feedparser  # noqa: F401

    import recount.compare.stored
    import recount.watch.pages  # noqa: F401
    from recount.claims import extract

    extract("Warm-up: at least 3 people were killed on Monday, officials said.", "2025-01-06")
    return os.getpid()


def _exit_with(parent: Any) -> None:
    """The window's process is gone (killed, crashed): go too. A report being stored is rolled
    back by SQLite, as when any program stops mid-transaction."""
    parent.join()
    os._exit(0)


def _poll_in_child(path: str, timeout: float, ids: list[int], poll: int) -> tuple[int, RunReport]:
    global _library
    from recount.library.store import Library

    if _library is None or str(_library.path) != path:
        if _library is not None:
            _library.close()
            _library = None
        _library = Library.open(path, create=False, timeout=timeout)
    report = Scheduler(_library).run(ids=ids, cancelled=_stop_event.is_set,
                                     on_result=lambda result: _results.put((poll, result)))
    return os.getpid(), report
