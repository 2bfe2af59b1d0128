"""The background-work helper: results, errors, progress and cancel arrive on the GUI thread."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread

from recount.ui.workers import running_tasks, start_task


def _count(n: int, *, progress, cancelled):
    done = 0
    for i in range(n):
        if cancelled():
            break
        time.sleep(0.002)
        done = i + 1
        progress(done, n, f"item {done}")
    return done


def test_result_and_progress_arrive_on_gui_thread(qtbot):
    gui = QThread.currentThread()
    seen_threads, results, progress = [], [], []
    task = start_task(
        _count,
        20,
        on_success=lambda r: (results.append(r), seen_threads.append(QThread.currentThread())),
        on_progress=lambda d, t, m: progress.append((d, t)),
    )
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert results == [20]
    assert seen_threads == [gui]
    assert progress and progress[-1] == (20, 20)
    assert task not in running_tasks()


def test_error_is_delivered_with_traceback(qtbot):
    def boom(*, progress, cancelled):
        raise ValueError("bad input")

    errors = []
    task = start_task(boom, on_error=errors.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert isinstance(errors[0], ValueError)
    assert "bad input" in errors[0].traceback_text


def test_cancel_stops_work_early(qtbot):
    started = threading.Event()

    def slow(*, progress, cancelled):
        started.set()
        n = 0
        while not cancelled() and n < 5000:
            time.sleep(0.001)
            n += 1
        return n

    results = []
    task = start_task(slow, on_success=results.append)
    assert started.wait(2)
    task.cancel()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert results and results[0] < 5000
