"""When each source is polled, and polling several at once: the same code for the window and cron.

A source is due `every_minutes` after its last poll; after failures in a row it waits twice as
long each time (at most BACKOFF_CAP_MINUTES), so a dead feed is not hammered; a paused source
is never due. Time comes from a clock the caller gives (tests move it by hand). Sources are
polled on at most PARALLEL_SOURCES threads; one source's failure is its own status, never the
run's.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from recount.watch.fetch import Fetcher
from recount.watch.poll import PollResult, poll_source
from recount.watch.sources import Change, Source, list_sources

PARALLEL_SOURCES = 4
BACKOFF_CAP_MINUTES = 24 * 60
Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def _parse(iso: str | None) -> datetime | None:
    if not iso:
        return None
    try:
        value = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def wait_minutes(source: Source) -> int:
    """Minutes between polls: the interval, doubled per failure in a row, capped."""
    if source.failures <= 0:
        return source.every_minutes
    cap = max(BACKOFF_CAP_MINUTES, source.every_minutes)
    return min(source.every_minutes * 2 ** min(source.failures, 16), cap)


def next_poll(source: Source) -> datetime | None:
    """When the source is next due (None: paused; the distant past when never polled: due now)."""
    if source.paused:
        return None
    last = _parse(source.last_poll)
    if last is None:
        return datetime.min.replace(tzinfo=UTC)
    return last + timedelta(minutes=wait_minutes(source))


def is_due(source: Source, now: datetime) -> bool:
    when = next_poll(source)
    return when is not None and when <= now


def choose(lib: Any, now: datetime, *, ids: Iterable[int] | None = None,
           everything: bool = False) -> list[Source]:
    """The sources a run polls: exactly `ids` when given, else every unpaused one with
    `everything`, else the due ones."""
    if ids is not None:
        wanted = set(ids)
        return [s for s in list_sources(lib) if s.id in wanted]
    if everything:
        return [s for s in list_sources(lib) if not s.paused]
    return [s for s in list_sources(lib) if is_due(s, now)]


@dataclass(slots=True)
class RunReport:
    sources: list[PollResult] = field(default_factory=list)

    @property
    def imported(self) -> list[int]:
        return [i for r in self.sources for i in r.imported]

    @property
    def changes(self) -> list[Change]:
        return [c for r in self.sources for c in r.changes]

    def to_dict(self) -> dict[str, Any]:
        """`recount watch run --json`."""
        return {"sources": [r.to_dict() for r in self.sources], "imported": self.imported,
                "changes": [c.to_dict() for c in self.changes]}


class Scheduler:
    """Polls the library's sources; `pause()` stops new polls and the ones running at their next step."""

    def __init__(self, lib: Any, *, fetcher: Fetcher | None = None, clock: Clock = system_clock,
                 parallel: int = PARALLEL_SOURCES) -> None:
        self.lib = lib
        self.fetcher = fetcher or Fetcher()
        self.clock = clock
        self.parallel = max(1, parallel)
        self._paused = threading.Event()
        self._lock = threading.Lock()
        self.running = 0  # polls in progress now (the tests read the parallel limit here)
        self.most_running = 0

    @property
    def paused(self) -> bool:
        return self._paused.is_set()

    def pause(self) -> None:
        self._paused.set()

    def resume(self) -> None:
        self._paused.clear()

    def due(self) -> list[Source]:
        return choose(self.lib, self.clock())

    def run(self, *, everything: bool = False, ids: Iterable[int] | None = None,
            cancelled: Callable[[], bool] | None = None,
            progress: Callable[[int, int, str], None] | None = None,
            on_result: Callable[[PollResult], None] | None = None) -> RunReport:
        """Poll the due sources (every unpaused one with `everything`, or exactly `ids`);
        `on_result` is given each source's result as soon as its poll ends (the window shows it)."""
        chosen = choose(self.lib, self.clock(), ids=ids, everything=everything)
        report = RunReport()
        if not chosen or self.paused:
            return report

        def stop() -> bool:
            return self.paused or (cancelled is not None and cancelled())

        done = [0]

        def one(source: Source) -> PollResult:
            if stop():
                return PollResult(source.id, source.location, "paused")
            with self._lock:
                self.running += 1
                self.most_running = max(self.most_running, self.running)
            try:
                return poll_source(self.lib, source, self.fetcher, now=self.clock(), cancelled=stop)
            except Exception as exc:  # a library problem (disk full, locked) or a bug: the run goes on
                message = getattr(exc, "user_message", None) or \
                    f"internal error ({type(exc).__name__}: {exc})"
                return PollResult(source.id, source.location, "error", error=message)
            finally:
                with self._lock:
                    self.running -= 1
                    done[0] += 1
                    if progress is not None:
                        progress(done[0], len(chosen), source.label)

        def told(source: Source) -> PollResult:
            result = one(source)
            if on_result is not None:
                on_result(result)
            return result

        with ThreadPoolExecutor(max_workers=min(self.parallel, len(chosen))) as pool:
            report.sources = list(pool.map(told, chosen))
        return report


def run_poll(lib: Any, ids: list[int] | None = None, everything: bool = False, *,
             scheduler: Scheduler | None = None, progress=None, cancelled=None) -> RunReport:
    """For `workers.start_task`: one pass over the due (or given) sources."""
    return (scheduler or Scheduler(lib)).run(everything=everything, ids=ids, cancelled=cancelled,
                                             progress=progress)
