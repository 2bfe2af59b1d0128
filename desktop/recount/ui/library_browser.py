"""The library browser: stored reports in a table, full-text search, open, edit, delete with Undo.

The table model (articles_model.py) holds only the rows it has shown, a page at a time.
Every change (delete, restore, edit; library_writes.py) is a `ui.operations` function run by
the worker helper on the window's *writing* connection, so a locked library never freezes the window; the
command enters the undo stack once the write succeeded, and failures (locked, read-only,
disk full) reach the user through ui.errors with nothing changed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from recount.ui import errors
from recount.ui.articles_model import ArticleRow, ArticlesModel, search_query
from recount.ui.library_writes import LibraryWrites
from recount.ui.metadata_dialog import FIELDS, MetadataDialog
from recount.ui.plain_delegate import PlainTextDelegate
from recount.ui.story_view import StoryView
from recount.ui.workers import Task

__all__ = ["ArticleRow", "ArticlesModel", "LibraryBrowser", "MetadataDialog", "search_query"]

# ---------------------------------------------------------------------- the browser


class LibraryBrowser(LibraryWrites, QWidget):
    """Stored reports: search, open (double-click/Enter), edit details, delete with Undo."""

    articleOpened = Signal(int)
    articlesChanged = Signal()
    busyChanged = Signal(bool)  # a write started (True) or reported back (False)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library: Any = None  # reads (GUI thread)
        self._writer: Any = None  # writes (worker threads): the window's second connection
        self.task: Task | None = None  # the write running now, if any
        self._replaying = False  # moving the undo stack back after a failed undo/redo
        self.changes: Any = None  # the window's ui.changes.Changes: writes announce there
        self._confirm: QMessageBox | None = None  # the Delete question (made once)
        self._delete_choice: Any = None
        self._to_delete: list[ArticleRow] = []  # what the open question is about
        self.undo_stack = QUndoStack(self)
        self.model = ArticlesModel(self)
        self.model.loadFailed.connect(lambda exc: errors.report(self, exc, "read the library"))

        self.search = QLineEdit()
        self.search.setObjectName("librarySearch")
        self.search.setPlaceholderText("Search reports…")
        self.search.setToolTip("Find reports by words in their title or text (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search reports")
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self._run_search)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._run_search)
        self.count_label = QLabel()
        self.count_label.setObjectName("libraryCount")

        self.view = QTableView()
        self.view.setObjectName("libraryTable")
        self.view.setAccessibleName("Stored reports")
        self.view.setModel(self.model)
        self.view.setItemDelegate(PlainTextDelegate(self.view, right_columns=frozenset({3})))  # Claims
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, chars in ((1, 18), (2, 11), (3, 7), (4, 16)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, self.fontMetrics().horizontalAdvance("M" * chars) * 7 // 10 + 16)
        self.view.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.view.selectionModel().selectionChanged.connect(self._update_actions)

        self.open_button = QPushButton("&Open")
        self.edit_button = QPushButton("&Edit details…")
        self.delete_button = QPushButton("&Delete")
        for b, tip in ((self.open_button, "Open the selected report in the window (Enter)"),
                       (self.edit_button, "Change its title, outlet, date, URL or import id"),
                       (self.delete_button, "Remove the selected reports from the library (Del); undoable")):
            b.setToolTip(tip)
        self.open_button.clicked.connect(self.open_selected)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)

        self._actions()
        self.undo_bar = self._make_undo_bar()
        self.progress = QProgressBar()
        self.progress.setObjectName("libraryProgress")
        self.progress.setAccessibleName("Library change in progress")
        self.progress.setMaximumWidth(180)
        self.progress.setMinimumWidth(1)  # shrinks to nothing in a narrow dock
        self.progress.setTextVisible(False)
        keep = self.progress.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # showing it changes no size: nothing else is laid out again
        self.progress.setSizePolicy(keep)
        self.progress.hide()

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.progress)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        self.story_view = StoryView()  # the same reports grouped by story (stories/)
        self.story_view.articleOpened.connect(self.articleOpened)
        self.story_view.storiesChanged.connect(self._stories_changed)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.view, "Reports")
        self.tabs.addTab(self.story_view, "Stories")
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self._update_actions()
        self._update_count()

    def _actions(self) -> None:
        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut

        def action(text: str, keys: Any, slot: Any) -> QAction:
            a = QAction(text, self)
            a.setShortcuts(keys if isinstance(keys, list) else [keys])
            a.setShortcutContext(scope)
            a.triggered.connect(slot)
            self.addAction(a)
            return a

        self.open_action = action("Open", [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)],
                                  self.open_selected)
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.addAction(self.open_action)
        self.removeAction(self.open_action)
        delete_keys = QKeySequence(QKeySequence.StandardKey.Delete)
        self.delete_action = action("Delete", delete_keys, self.delete_selected)
        self.undo_action = action("&Undo", QKeySequence(QKeySequence.StandardKey.Undo), self.undo)
        self.redo_action = action("&Redo", QKeySequence(QKeySequence.StandardKey.Redo), self.redo)
        self.undo_stack.canUndoChanged.connect(self._update_actions)
        self.undo_stack.canRedoChanged.connect(self._update_actions)
        focus = action("Search", QKeySequence(QKeySequence.StandardKey.Find), self.search.setFocus)
        focus.setText("Search reports")

    def resizeEvent(self, event: QResizeEvent) -> None:
        """In a narrow dock, drop the least useful columns rather than scroll sideways."""
        super().resizeEvent(event)
        width = self.width()
        self.view.setColumnHidden(4, width < 640)  # Added
        self.view.setColumnHidden(3, width < 520)  # Claims
        self.view.setColumnHidden(1, width < 360)  # Outlet
        self._place_undo_bar()

    # ------------------------------------------------------------------ public API

    def set_library(self, library: Any, writer: Any = None) -> None:
        """Show `library` (a recount.library.store.Library read on the GUI thread) or None.

        `writer` is the connection the workers write through (default: `library` itself); a
        separate one keeps the GUI thread's reads from ever waiting on a write's lock."""
        self._library = library
        self._writer = writer if writer is not None else library
        self.undo_stack.clear()
        self.undo_bar.hide()
        self.model.set_library(library)
        self.story_view.set_library(library, self._writer)
        self._update_count()
        self._update_actions()

    def library(self) -> Any:
        return self._library

    def refresh(self) -> None:
        """Re-read the library (after an import or a save elsewhere), keeping the selection if it can."""
        selected = self.selected_ids()
        self.model.reload()
        self.story_view.refresh()
        self._reselect(selected)
        self._update_count()

    def library_changed(self, kinds: frozenset[str], source: object = None) -> None:
        """A change announced elsewhere (import, save, a story edit): re-read what it touched."""
        if source is not self and kinds & {"reports", "claims", "stories"}:
            self.refresh()

    def _stories_changed(self) -> None:
        """A story decision was written (the story view shows it): tell the other views."""
        if self.changes is not None:
            self.changes.announce({"stories"}, source=self)

    def busy(self) -> bool:
        return self.task is not None

    def undo(self) -> None:
        if not self.busy():
            self.undo_stack.undo()

    def redo(self) -> None:
        if not self.busy():
            self.undo_stack.redo()

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.row(r).id for r in rows]

    # ------------------------------------------------------------------ actions

    def open_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.articleOpened.emit(ids[0])

    def _open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.articleOpened.emit(self.model.row(row).id)

    def edit_selected(self) -> MetadataDialog | None:
        """Open the details dialog for the first selected report (window-modal, not blocking)."""
        ids = self.selected_ids()
        if not ids or self._library is None:
            return None
        try:
            stored = self._library.article(ids[0])
        except Exception as exc:
            errors.report(self, exc, "read the report")
            return None
        if stored is None:
            self.refresh()
            return None
        old = {k: getattr(stored, k) for k, _ in FIELDS}
        dialog = MetadataDialog(old, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(result: int) -> None:
            if result != QDialog.DialogCode.Accepted:
                return
            new = dialog.values()
            changed = {k: v for k, v in new.items() if v != old.get(k)}
            if changed:
                self._start_update(stored.id, changed, push={k: old[k] for k in changed})

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def delete_selected(self) -> QMessageBox | None:
        """Ask, then delete the selected reports (undoable). Returns the confirmation box."""
        ids = self.selected_ids()
        if not ids or self._library is None or self.busy():
            return None
        rows = [self.model.row(self.model.row_of(i)) for i in ids]  # type: ignore[arg-type]
        name = f"“{rows[0].title or 'Untitled report'}”" if len(rows) == 1 else f"these {len(rows)} reports"
        box = self._confirm_box()
        box.setText(f"Delete {name} from the library?\n\nIts claims will no longer be compared with "
                    "new articles. You can undo this.")
        box.setDefaultButton(self._delete_choice)
        self._to_delete = rows
        box.open()
        return box

    def _confirm_box(self) -> QMessageBox:
        """The Delete question, made once and asked again (building it was a third of the GUI
        thread's time for asking it)."""
        if self._confirm is None:
            box = QMessageBox(QMessageBox.Icon.Question, "Delete from library", "", parent=self)
            box.setObjectName("confirmDelete")
            self._delete_choice = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.finished.connect(self._confirmed)
            self._confirm = box
        return self._confirm

    def _confirmed(self) -> None:
        rows, self._to_delete = self._to_delete, []
        if rows and self._confirm is not None and self._confirm.clickedButton() is self._delete_choice:
            self._start_delete(rows)

    # ------------------------------------------------------------------ applying changes


    def _run_search(self) -> None:
        self._debounce.stop()
        if self._library is None:
            return
        try:
            self.model.set_search(self.search.text())
        except Exception as exc:
            errors.report(self, exc, "search the library")
        self._update_count()
        self._update_actions()

    def _reselect(self, ids: list[int]) -> None:
        """Select these reports' rows in one change (one selectionChanged, one repaint)."""
        selection = self.view.selectionModel()
        rows = [r for r in (self.model.row_of(i) for i in ids) if r is not None]
        chosen = QItemSelection()
        for row in rows:
            chosen.select(self.model.index(row, 0), self.model.index(row, 0))
        flags = QItemSelectionModel.SelectionFlag
        selection.select(chosen, flags.ClearAndSelect | flags.Rows)
        if rows:
            first = self.model.index(rows[0], 0)
            self.view.scrollTo(first)
            selection.setCurrentIndex(first, flags.NoUpdate)
        self._update_actions()

    def _update_actions(self, *_: Any) -> None:
        has = bool(self.view.selectionModel().selectedRows()) and self._library is not None
        idle = not self.busy()
        self.open_button.setEnabled(has)
        for w in (self.edit_button, self.delete_button, self.delete_action):
            w.setEnabled(has and idle)
        self.open_action.setEnabled(has)
        self.undo_action.setEnabled(idle and self.undo_stack.canUndo())
        self.redo_action.setEnabled(idle and self.undo_stack.canRedo())
        self.undo_button.setEnabled(idle)
        self.search.setEnabled(self._library is not None)

    def _update_count(self) -> None:
        if self._library is None:
            self.count_label.setText("No library")
            return
        if self.model.searching():
            n = self.model.rowCount()
            more = "" if self.model.all_loaded() else "+"
            self.count_label.setText(f"{n:,}{more} match{'es' if n != 1 or more else ''}")
            return
        try:
            total = self._library.count_articles()
        except Exception:
            total = self.model.rowCount()
        self.count_label.setText(f"{total:,} report{'s' if total != 1 else ''}")
