"""The library browser's writes: delete, restore and edit as undoable commands run off the GUI thread.

Each write is a `ui.operations` function started by the worker helper on the browser's
writing connection, so a locked library never holds up the window. A command enters the
undo stack only once its write succeeded; when a replayed undo or redo fails, the stack is
moved back without writing, so it always says what the library holds.

After a write only the rows it changed are touched (removed, put back in their place with
the claim counts the worker read, rewritten), and the Undo bar lies over the foot of the
table, so nothing else is read, laid out or painted again (bench/gui_stall.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolButton

from recount.ui import errors, operations
from recount.ui.articles_model import ArticleRow
from recount.ui.workers import Task, start_task

if TYPE_CHECKING:
    from recount.ui.library_browser import LibraryBrowser

UNDO_BAR_SECONDS = 12


class _Command(QUndoCommand):
    """A write already made when pushed (its first redo does nothing); undo and redo write again
    through the browser, on a worker."""

    def __init__(self, text: str, browser: LibraryBrowser) -> None:
        super().__init__(text)
        self.browser = browser
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
        elif not self.browser._replaying:
            self.write(forward=True)

    def undo(self) -> None:
        if not self.browser._replaying:
            self.write(forward=False)

    def write(self, forward: bool) -> None:
        raise NotImplementedError


class _DeleteCommand(_Command):
    def __init__(self, browser: LibraryBrowser, rows: list[ArticleRow]) -> None:
        n = len(rows)
        super().__init__(f"delete {n} report{'s' if n != 1 else ''}", browser)
        self.rows = rows

    def write(self, forward: bool) -> None:
        if forward:
            self.browser._start_delete(self.rows, replay=True)
        else:
            self.browser._start_restore(self.rows)


class _EditCommand(_Command):
    def __init__(self, browser: LibraryBrowser, article_id: int, old: dict, new: dict) -> None:
        super().__init__("edit report details", browser)
        self.article_id, self.old, self.new = article_id, old, new

    def write(self, forward: bool) -> None:
        self.browser._start_update(self.article_id, self.new if forward else self.old, undoing=not forward)



class LibraryWrites:
    """The write half of LibraryBrowser (a mixin: it uses the browser's model, stack and widgets)."""

    _writer: Any
    _replaying: bool
    changes: Any
    task: Task | None

    def _make_undo_bar(self) -> QFrame:
        """A bar over the foot of the table, outside any layout: showing or hiding it resizes
        nothing, so the table is not laid out and painted again for it."""
        bar = QFrame(self.view)
        bar.setObjectName("undoBar")
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        bar.setAutoFillBackground(True)
        bar.setBackgroundRole(self.palette().ColorRole.ToolTipBase)
        self.undo_label = QLabel()
        self.undo_label.setForegroundRole(self.palette().ColorRole.ToolTipText)
        # A long title never widens the dock (that would lay the whole window out again).
        self.undo_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.undo_button = QPushButton("&Undo")
        self.undo_button.setObjectName("undoButton")
        self.undo_button.setToolTip("Put the deleted reports back (Ctrl+Z)")
        self.undo_button.clicked.connect(self.undo)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Hide")
        close.setAccessibleName("Hide this message")
        close.clicked.connect(bar.hide)
        row = QHBoxLayout(bar)
        row.setContentsMargins(8, 2, 2, 2)
        row.addWidget(self.undo_label, 1)
        row.addWidget(self.undo_button)
        row.addWidget(close)
        self._bar_timer = QTimer(self, singleShot=True, interval=UNDO_BAR_SECONDS * 1000)
        self._bar_timer.timeout.connect(bar.hide)
        bar.hide()
        return bar

    def _place_undo_bar(self) -> None:
        area = self.view.viewport().geometry()
        height = self.undo_bar.sizeHint().height()
        self.undo_bar.setGeometry(area.left() + 4, area.bottom() - height - 3, max(area.width() - 8, 0),
                                  height)

    def show_undo_bar(self, text: str) -> None:
        """Say what was done, with an Undo button, for UNDO_BAR_SECONDS."""
        self.undo_label.setText(text)
        self._place_undo_bar()
        self.undo_bar.raise_()
        self.undo_bar.show()
        self._bar_timer.start()

    def _write(self, fn: Any, *args: Any, doing: str, done: Any, failed: Any = None) -> Task:
        """Run one write of ui.operations on a worker: a busy bar here, errors in a dialog."""
        self.progress.setRange(0, 0)  # busy until the worker reports
        self.progress.setToolTip(f"{doing.capitalize()}…")
        self.progress.show()

        def finish() -> None:
            self.task = None
            self.progress.hide()
            self._update_actions()
            self.busyChanged.emit(False)

        def succeeded(value: Any) -> None:
            finish()
            done(value)
            if self.changes is not None:  # the other views refresh themselves from this
                self.changes.after(fn, source=self)

        def errored(exc: BaseException) -> None:
            finish()
            self.error_box = errors.report(self, exc, doing)
            if failed is not None:
                failed()

        # One transaction has no steps to count: a busy bar, never a repaint per step.
        self.task = start_task(fn, self._writer, *args, name=doing, on_success=succeeded, on_error=errored)
        self._update_actions()
        self.busyChanged.emit(True)
        return self.task

    def _step_back(self, undo: bool) -> None:
        """A replayed undo/redo failed: move the stack back without writing again."""
        self._replaying = True
        try:
            self.undo_stack.redo() if undo else self.undo_stack.undo()
        finally:
            self._replaying = False

    def _start_delete(self, rows: list[ArticleRow], replay: bool = False) -> Task:
        def done(deleted: list[int]) -> None:
            gone = [r for r in rows if r.id in set(deleted)]
            self.model.remove_ids(set(deleted))
            if not replay and gone:
                self.undo_stack.push(_DeleteCommand(self, gone))
            if gone:
                what = f"“{gone[0].title or 'Untitled report'}”" if len(gone) == 1 else f"{len(gone)} reports"
                self.show_undo_bar(f"Deleted {what}.")
                self.articlesChanged.emit()
            self._update_count()

        what = "the report" if len(rows) == 1 else f"{len(rows)} reports"
        return self._write(operations.delete_reports, [r.id for r in rows], doing=f"delete {what}",
                           done=done, failed=(lambda: self._step_back(undo=False)) if replay else None)

    def _start_restore(self, rows: list[ArticleRow]) -> Task:
        def done(claims: dict[int, int]) -> None:
            self.undo_bar.hide()
            self.model.insert_rows(rows, claims)  # only these rows: no re-read, no reset
            self._reselect([r.id for r in rows])
            self._update_count()
            self.articlesChanged.emit()

        what = "the report" if len(rows) == 1 else f"{len(rows)} reports"
        return self._write(operations.restore_reports, [r.id for r in rows], doing=f"restore {what}",
                           done=done, failed=lambda: self._step_back(undo=True))

    def _start_update(self, article_id: int, fields: dict[str, Any], push: dict | None = None,
                      undoing: bool = False) -> Task:
        """Write new details; `push` (the old values) puts the edit on the undo stack once written."""
        def done(stored: Any) -> None:
            if stored is not None:
                self.model.update_row(stored)
            if push is not None:
                self.undo_stack.push(_EditCommand(self, article_id, push, fields))
            self.articlesChanged.emit()

        def failed() -> None:
            if push is None:  # a replayed undo or redo: put the stack back where the library is
                self._step_back(undo=undoing)

        return self._write(operations.update_report, article_id, fields, doing="save the report's details",
                           done=done, failed=failed)

    # ------------------------------------------------------------------ helpers
