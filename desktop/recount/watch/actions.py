"""What the window asks of the watch core, one function per user action (no Qt here).

Each accepts the `progress=` / `cancelled=` keywords of `ui.workers.start_task`, which runs
them on a worker thread with the window's worker connection to the library.
"""

from __future__ import annotations

from typing import Any

from recount.watch import sources as store
from recount.watch.scheduler import RunReport, Scheduler


def add(lib: Any, target: str, *, progress=None, cancelled=None) -> store.Source:
    return store.add_source(lib, target)


def edit(lib: Any, source_id: int, name: str | None = None, every: int | None = None,
         paused: bool | None = None, *, progress=None, cancelled=None) -> store.Source:
    return store.edit_source(lib, source_id, name=name, every=every, paused=paused)


def remove(lib: Any, source_id: int, *, progress=None, cancelled=None) -> bool:
    return store.remove_source(lib, source_id)


def snapshot(lib: Any, *, progress=None, cancelled=None) -> tuple[list[store.Source], list[store.Change]]:
    """The sources and the latest changes, for the two panels."""
    return store.list_sources(lib), store.recent_changes(lib)


def poll(scheduler: Scheduler, ids: list[int] | None = None, everything: bool = False, *,
         on_source=None, progress=None, cancelled=None) -> RunReport:
    """Poll the due sources (or `ids`, or every one) on the scheduler's library (the window's
    scheduler is a PollProcess: the polling runs in a process of its own); `on_source(result)`
    as each source's poll ends."""
    return scheduler.run(ids=ids, everything=everything, cancelled=cancelled, progress=progress,
                         on_result=on_source)


def start_polling(scheduler: Any, *, progress=None, cancelled=None) -> None:
    """Start the window's polling process ahead of its first poll (poll_process.py)."""
    scheduler.start()
