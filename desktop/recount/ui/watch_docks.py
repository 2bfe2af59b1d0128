"""Following sources in the window: the Sources and What changed docks, the poll timer, the tray.

`install_watch(window)` is the whole hook into the main window. Every library access runs on a
worker (`workers.start_task` with `recount.watch.actions`); a poll's worker waits for a
process of its own (watch/poll_process.py), where the sources are polled a few at a time
(watch/scheduler.py), so the window waits neither for the network nor for the interpreter
lock. When a poll finds changes while the window is in the background, the system tray says so.
"""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu, QSystemTrayIcon

from recount.ui.changes_panel import ChangesPanel, change_text
from recount.ui.sources_panel import SourcesPanel
from recount.ui.workers import Task, start_task
from recount.watch import actions

TICK_MS = 30_000  # how often the window asks which sources are due
SHOW_PROGRESS_MS = 1000


class WatchController(QObject):
    """Owns the two docks and the scheduler of the window's library."""

    refreshed = Signal()  # the panels show the library's sources and changes
    polled = Signal(object)  # a poll finished: its RunReport
    sourcePolled = Signal(object)  # one source's poll ended, while others go on: its PollResult

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.scheduler: Any = None
        self.poll_task: Task | None = None
        self.busy: set[int] = set()
        self.last_notice: str | None = None
        self.sources_panel = SourcesPanel()
        self.changes_panel = ChangesPanel()
        self.sources_dock = self._dock("Sources", "sourcesDock", self.sources_panel)
        self.changes_dock = self._dock("What changed", "changesDock", self.changes_panel)
        window.splitDockWidget(self.sources_dock, self.changes_dock, Qt.Orientation.Horizontal)
        self.pause_action = QAction("&Pause following sources", self)
        self.pause_action.setCheckable(True)
        self.pause_action.toggled.connect(self.set_paused)
        self.poll_action = QAction("Poll all sources &now", self)
        self.poll_action.triggered.connect(lambda: self.poll([]))
        bar = window.menuBar()
        menu = QMenu("&Sources", bar)
        help_menu = bar.actions()[-1] if bar.actions() else None  # Sources goes before Help
        bar.insertMenu(help_menu, menu) if help_menu is not None else bar.addMenu(menu)
        for act in (self.sources_dock.toggleViewAction(), self.changes_dock.toggleViewAction(), None,
                    self.poll_action, self.pause_action):
            menu.addSeparator() if act is None else menu.addAction(act)
        self.menu = menu
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(window.windowIcon(), self)
        p = self.sources_panel
        p.addRequested.connect(self.add)
        p.editRequested.connect(lambda sid, name, every: self._change(actions.edit, sid, name, every))
        p.pauseRequested.connect(lambda sid, paused: self._change(actions.edit, sid, None, None, paused))
        p.removeRequested.connect(lambda sid: self._change(actions.remove, sid))
        p.pollRequested.connect(self.poll)
        self.changes_panel.changeOpened.connect(self.open_change)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        # During a long poll the panels show each source's outcome, at most once a second.
        self.refresh_soon = QTimer(self)
        self.refresh_soon.setSingleShot(True)
        self.refresh_soon.setInterval(SHOW_PROGRESS_MS)
        self.refresh_soon.timeout.connect(self.refresh)
        self.sourcePolled.connect(self._source_polled)
        window.libraryReady.connect(self._library_ready)
        window.installEventFilter(self)  # its Close stops the polling process

    def _dock(self, title: str, name: str, widget: Any) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        return dock

    # ---------------------------------------------------------------- library
    def _lib(self) -> Any:
        return self.window.work_library if self.window.has_library() else None

    def _library_ready(self, ok: bool) -> None:
        from recount.watch.poll_process import PollProcess

        self.close()
        if not ok or self._lib() is None:
            return
        self.scheduler = PollProcess(self._lib())  # polls in a process of its own (poll_process.py)
        if self.pause_action.isChecked():
            self.scheduler.pause()
        self.refresh()
        self.timer.start()
        QTimer.singleShot(2000, self.tick)  # what fell due while Recount was closed

    def close(self) -> None:
        """Stop polling: the window or its library closes."""
        self.timer.stop()
        self.refresh_soon.stop()
        if self.scheduler is not None:
            self.scheduler.close()
            self.scheduler = None

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.close()
        return False

    def refresh(self) -> Task | None:
        lib = self._lib()
        if lib is None:
            return None

        def shown(snapshot: tuple[list[Any], list[Any]]) -> None:
            sources, changes = snapshot
            self.sources_panel.set_sources(sources, self.busy)
            self.changes_panel.set_changes(changes)
            scheduler = self.scheduler
            if sources and scheduler is not None and not scheduler.started:
                # the polling process loads its modules now, before the first poll needs them
                start_task(actions.start_polling, scheduler, name="start polling", on_error=self._failed)
            self.refreshed.emit()

        return start_task(actions.snapshot, lib, name="sources", on_success=shown, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.sources_panel.show_message(str(getattr(exc, "user_message", None) or exc))
        self.refresh()

    # ---------------------------------------------------------------- user actions
    def add(self, target: str) -> Task | None:
        lib = self._lib()
        if lib is None:
            self.sources_panel.show_message("The library is not open: sources live in the library.")
            return None

        def added(source: Any) -> None:
            self.sources_panel.address.clear()
            self.sources_panel.show_message(f"Following {source.location}; polling it now.")
            self.refresh()
            self.poll([source.id])

        return start_task(actions.add, lib, target, name="add source", on_success=added,
                          on_error=self._failed)

    def _change(self, fn: Any, *args: Any) -> Task | None:
        lib = self._lib()
        if lib is None:
            return None
        self.sources_panel.show_message("")
        return start_task(fn, lib, *args, name="edit source", on_success=lambda _r: self.refresh(),
                          on_error=self._failed)

    def set_paused(self, paused: bool) -> None:
        if self.scheduler is not None:
            self.scheduler.pause() if paused else self.scheduler.resume()
        self.sources_panel.show_message("Following is paused." if paused else "")

    def tick(self) -> None:
        if not getattr(self.window, "_closing", False):
            self.poll(None)

    def poll(self, ids: list[int] | None) -> Task | None:
        """Poll `ids` ([]: every source; None: the due ones) unless a poll is already running."""
        if self.scheduler is None:
            return None
        if self.poll_task is not None and not self.poll_task.done:
            if ids is not None:  # the user asked: say why nothing starts
                self.sources_panel.show_message("A poll is under way; try again when it has finished.")
            return None
        everything = ids == []
        self.busy = {s.id for s in self.sources_panel.sources} if everything else set(ids or [])
        if self.busy:
            self.sources_panel.show_busy(self.busy)
        task = start_task(actions.poll, self.scheduler, ids or None, everything, name="poll sources",
                          on_success=self._polled, on_error=self._failed,
                          on_source=self._tell_source)
        self.poll_task = task
        return task

    def _tell_source(self, result: Any) -> None:
        """On the poll's worker thread: the signal reaches _source_polled queued, on this thread."""
        with contextlib.suppress(RuntimeError):  # the window is gone meanwhile: nobody to tell
            self.sourcePolled.emit(result)

    @Slot(object)
    def _source_polled(self, result: Any) -> None:
        self.busy.discard(result.source_id)
        if not self.refresh_soon.isActive():
            self.refresh_soon.start()

    def _polled(self, report: Any) -> None:
        self.refresh_soon.stop()
        self.busy = set()
        if report.imported:
            self._announce()
        self.refresh()
        if report.changes:
            self.notify(report.changes)
        self.polled.emit(report)

    def _announce(self) -> None:
        """New reports are in the library: the window's views re-read it (its change signal when
        it has one, ui/changes.py; else the library browser and the current check directly)."""
        changes = getattr(self.window, "changes", None)
        if changes is not None and hasattr(changes, "announce"):
            changes.announce({"reports", "claims", "flags", "stories", "sources"}, self)
        else:
            self.window.browser.refresh()
            self.window._library_changed()

    def notify(self, changes: list[Any]) -> None:
        """A tray message when the window is not in front; the list itself says it otherwise."""
        n = len(changes)
        text = change_text(changes[0]) + (f"\n…and {n - 1} more" if n > 1 else "")
        self.window.statusBar().showMessage(f"{n} change{'s' if n != 1 else ''} from followed sources", 8000)
        if self.window.isActiveWindow() and not self.window.isMinimized():
            return
        self.last_notice = text
        if self.tray is not None:
            self.tray.show()
            self.tray.showMessage("Recount: what changed", text, QSystemTrayIcon.MessageIcon.Information,
                                  10000)

    # ---------------------------------------------------------------- opening a change
    def open_change(self, change: Any) -> Task | None:
        """Open the change's report; once checked, select its claim (the comparison shows the other)."""
        window = self.window
        if change.article_id is None:
            return None

        def failed() -> None:
            window.checkFinished.disconnect(select)
            window.checkFailed.disconnect(failed)

        def select() -> None:
            failed()
            target = next((r.index for r in window.rows if r.claim.start == change.claim_start), None)
            if target is not None:
                window.claims_panel.select_claim(target)
            else:
                window.select_flag(+1)

        window.checkFinished.connect(select)
        window.checkFailed.connect(failed)
        return window.open_stored(change.article_id)


def install_watch(window: Any) -> WatchController:
    """Add the docks, the Sources menu and the poll timer to the main window."""
    return WatchController(window)
