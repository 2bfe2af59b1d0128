"""The one way the window runs long work: off the GUI thread, reporting back by signal.

Work functions are plain core functions that accept `progress(done, total, message)` and
`cancelled() -> bool` keyword arguments; they never see a widget. Results, errors and
progress arrive on the GUI thread through queued signals, so slots may touch widgets.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

_PROGRESS_INTERVAL = 0.03  # seconds: enough for a smooth bar without flooding the event loop

_running: set[Task] = set()  # keeps tasks alive until they report back


class Task(QObject):
    """A handle on background work: connect to its signals, call cancel() to stop it."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception, with `.traceback_text` set
    finished = Signal()  # after succeeded or failed, always

    # Emitted by the worker thread. They reach the slots below queued, because this object
    # lives on the GUI thread; the public signals above are then emitted on the GUI thread,
    # so plain functions connected to them run there too.
    _worker_progress = Signal(int, int, str)
    _worker_result = Signal(object)
    _worker_error = Signal(object)

    def __init__(self, name: str = "task", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._cancel = threading.Event()
        self._last_progress = 0.0
        self.done = False
        self._worker_progress.connect(self._on_progress)
        self._worker_result.connect(self._on_result)
        self._worker_error.connect(self._on_error)

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    # Called from the worker thread; signals cross to the GUI thread queued.
    def _report_progress(self, done: int, total: int, message: str = "") -> None:
        now = time.monotonic()
        if done >= total or now - self._last_progress >= _PROGRESS_INTERVAL:
            self._last_progress = now
            self._worker_progress.emit(int(done), int(total), str(message))

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progressed.emit(done, total, message)

    @Slot(object)
    def _on_result(self, result: object) -> None:
        self.done = True
        self.succeeded.emit(result)
        self.finished.emit()

    @Slot(object)
    def _on_error(self, exc: object) -> None:
        self.done = True
        self.failed.emit(exc)
        self.finished.emit()


class _Runner(QRunnable):
    def __init__(self, task: Task, fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task, self._fn, self._args, self._kwargs = task, fn, args, kwargs

    def run(self) -> None:
        task = self._task
        try:
            result = self._fn(
                *self._args, progress=task._report_progress, cancelled=task.is_cancelled, **self._kwargs
            )
        except BaseException as exc:  # every failure must reach the user, not the console
            exc.traceback_text = traceback.format_exc()  # type: ignore[attr-defined]
            task._worker_error.emit(exc)
        else:
            task._worker_result.emit(result)


def start_task(
    fn: Callable[..., Any],
    *args: Any,
    name: str = "task",
    on_success: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    pool: QThreadPool | None = None,
    **kwargs: Any,
) -> Task:
    """Run `fn(*args, progress=..., cancelled=..., **kwargs)` on a pool thread.

    Callbacks run on the GUI thread. The returned Task can be cancelled; work functions
    check `cancelled()` between units of work and return what they have.
    """
    task = Task(name)
    if on_progress:
        task.progressed.connect(on_progress)
    if on_success:
        task.succeeded.connect(on_success)
    if on_error:
        task.failed.connect(on_error)
    _running.add(task)

    def _release() -> None:
        _running.discard(task)

    task.finished.connect(_release)
    (pool or QThreadPool.globalInstance()).start(_Runner(task, fn, args, kwargs))
    return task


def running_tasks() -> list[Task]:
    """Tasks still at work: the window cancels and waits for them before it closes."""
    return list(_running)
