"""Driving the real window without a person: `--screenshot` for the docs, `--smoke` for packaging.

Both start the full app, wait on the window's own signals (never on fixed sleeps alone)
and give up with a message after a timeout.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QSettings, QThreadPool, QTimer

from recount.ui.settings import Settings


def wait_for(signal, timeout_ms: int) -> bool:
    """Spin the event loop until `signal` fires (True) or the timeout passes (False)."""
    loop = QEventLoop()
    fired = []

    def hit(*_args) -> None:
        fired.append(True)
        loop.quit()

    signal.connect(hit)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(timeout_ms)
    loop.exec()
    timer.stop()
    with contextlib.suppress(RuntimeError, TypeError):
        signal.disconnect(hit)
    return bool(fired)


def settle(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save_and_close(window, out: Path, settle_ms: int = 300) -> bool:
    """Let the window finish painting, save a picture of it to `out`, then close it and wait for
    its background work (the one ending every headless picture: --screenshot, the benches)."""
    settle(settle_ms)
    out.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(out))
    window.close()
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    QThreadPool.globalInstance().waitForDone(5000)
    return ok


def temporary_settings(folder: Path) -> Settings:
    """Settings in a throwaway file: automated runs never touch the user's preferences."""
    return Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))


def _check_file(window, article: Path, timeout_ms: int) -> bool:
    finished = []
    window.checkFinished.connect(lambda: finished.append(True))
    window.checkFailed.connect(lambda: finished.append(False))
    window.open_file(str(article))
    deadline = time.monotonic() + timeout_ms / 1000
    while not finished and time.monotonic() < deadline:
        wait_for(window.taskFinished, 200)
    return bool(finished and finished[-1])


def screenshot(out: Path, db: Path, article: Path | None, size: tuple[int, int], tab: str = "comparison",
               claim: str | None = None, library_dock: bool = False, dark: bool = False,
               timeout_ms: int = 60000, stories: bool = False) -> int:
    from recount.ui.app import make_app
    from recount.ui.main_window import MainWindow

    app = make_app()
    if dark:
        from recount.ui.theme import dark_palette

        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    with tempfile.TemporaryDirectory() as tmp:
        window = MainWindow(db, temporary_settings(Path(tmp)), first_run=False)
        window.resize(*size)
        window.show()
        if window.library_state == "opening":
            wait_for(window.libraryReady, timeout_ms)
        if library_dock or stories:
            window.library_dock.show()
        if stories:  # the reports grouped by story, the first two stories opened
            view = window.browser.story_view
            window.browser.tabs.setCurrentWidget(view)
            if not view.stories:
                wait_for(view.loaded, timeout_ms)
            for i in range(min(2, view.tree.topLevelItemCount())):
                view.tree.topLevelItem(i).setExpanded(True)
        settle(100)
        if article is not None:
            if not _check_file(window, article, timeout_ms):
                print(f"recount: could not check {article}", file=sys.stderr)
                window.close()
                return 1
            if claim:
                target = next((r.index for r in window.rows if claim in r.claim.span), None)
                if target is not None:
                    window.claims_panel.select_claim(target)
            else:
                window.select_flag(+1)
            row = window.selected_row()
            if row is not None and tab == "timeline":
                window.lower_tabs.setCurrentWidget(window.timeline)
            if row is not None and row.claim.kind == "numeric":
                wait_for(window.seriesShown, 5000)
        ok = save_and_close(window, out, 300)
    if not ok:
        print(f"recount: could not write {out}", file=sys.stderr)
        return 1
    print(f"screenshot: {out}")
    return 0


def smoke(started: float, timeout_ms: int = 60000) -> int:
    """Full app offscreen: samples into a temporary library, a sample checked, one line printed."""
    from recount.ui.app import make_app
    from recount.ui.main_window import FEATURED_SAMPLE, MainWindow, sample_files

    app = make_app()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        window = MainWindow(folder / "library.db", temporary_settings(folder), first_run=False)
        window.show()
        app.processEvents()
        startup_ms = (time.perf_counter() - started) * 1000
        if window.library_state == "opening" and not wait_for(window.libraryReady, timeout_ms):
            print("smoke failed: the library did not open", file=sys.stderr)
            return 1
        if window.library_state != "open":
            print("smoke failed: the library could not be opened", file=sys.stderr)
            return 1
        samples = sample_files()
        if not samples:
            print("smoke failed: no sample reports bundled", file=sys.stderr)
            return 1
        window.load_samples(open_featured=False)
        if not wait_for(window.taskFinished, timeout_ms) or window.report_count() == 0:
            print("smoke failed: the sample reports could not be imported", file=sys.stderr)
            window.close()
            return 1
        featured = next((p for p in samples if p.name == FEATURED_SAMPLE), samples[-1])
        if not _check_file(window, featured, timeout_ms):
            print(f"smoke failed: checking {featured.name} did not finish", file=sys.stderr)
            window.close()
            return 1
        claims = len(window.rows)
        flags = sum(1 for r in window.rows if r.flags)
        ms = window.last_check_ms or 0.0
        polled = _poll_a_folder(window, folder / "watched", timeout_ms)
        if not polled:
            print("smoke failed: polling a watched folder imported nothing", file=sys.stderr)
            window.close()
            return 1
        reports = window.report_count()
        window.close()
        app.processEvents()
        QThreadPool.globalInstance().waitForDone(5000)
    if claims == 0:
        print("smoke failed: no claims found in the sample report", file=sys.stderr)
        return 1
    print(
        f"smoke ok: {claims} claims, {flags} flagged, {reports} reports ({polled} by polling), "
        f"startup {startup_ms:.0f} ms, check {ms:.0f} ms"
    )
    return 0


# A report the smoke test drops into a watched folder (written by the team).
_WATCHED_REPORT = """Smoke test: river flooding in Ardenvale

ARDENVALE, March 9, 2025 (Valley Post) - At least 41 people have been killed in flooding in
Ardenvale since Saturday, the regional health office said on Sunday.
"""


def _poll_a_folder(window: Any, folder: Path, timeout_ms: int) -> int | None:
    """Follow a folder and poll it, as a user does from the Sources panel: the poll runs in a
    process of its own (watch/poll_process.py), so a packaged app must be able to start one.
    Returns how many reports it imported, None when it did not finish."""
    folder.mkdir()
    report_file = folder / "ardenvale.txt"
    report_file.write_text(_WATCHED_REPORT, encoding="utf-8")
    a_minute_ago = time.time() - 60  # a file still being written is left for the next poll
    os.utime(report_file, (a_minute_ago, a_minute_ago))
    done: list[Any] = []

    def finished(report: Any) -> None:
        done.append(report)

    window.watch.polled.connect(finished)
    if window.watch.add(str(folder)) is None:
        return None
    if not done and not wait_for(window.watch.polled, timeout_ms):
        return None
    report = done[-1] if done else None
    return len(report.imported) if report is not None else None
