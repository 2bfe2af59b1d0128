"""The library browser: stored reports in a table, full-text search, open, edit, delete with Undo.

The table model holds only the rows it has shown (a page at a time, fetched as the user
scrolls, like Anki's browser), so a library of 100,000 reports opens as fast as one of ten.
Every change (delete, restore, edit) is a `ui.operations` function run by the worker helper
on the window's *writing* connection, so a locked library never freezes the window; the
command enters the undo stack once the write succeeded, and failures (locked, read-only,
disk full) reach the user through ui.errors with nothing changed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from recount.ui import errors, operations
from recount.ui.workers import Task, start_task

PAGE_SIZE = 200
UNDO_BAR_SECONDS = 12
_WORD = re.compile(r"\w+", re.UNICODE)

Index = QModelIndex | QPersistentModelIndex


def search_query(text: str) -> str | None:
    """Typed text as an FTS5 query of plain words (the last one as a prefix, for search-as-you-type).

    Operators and punctuation lose their meaning, so nothing typed can be a syntax error.
    """
    words = list(dict.fromkeys(_WORD.findall(text or "")))
    if not words:
        return None
    quoted = ['"{}"'.format(w.replace('"', '""')) for w in words]
    if not text[-1].isspace():
        quoted[-1] += "*"
    return " AND ".join(quoted)


@dataclass(slots=True)
class ArticleRow:
    """What the table shows of a stored report (its text stays in the library)."""

    id: int
    title: str | None
    outlet: str | None
    published: str | None
    added_at: str | None
    url: str | None
    ext_id: str | None


def _added(value: str | None) -> str:
    if not value:
        return ""
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value[:16]
    if moment.tzinfo is not None:
        moment = moment.astimezone()  # stored in UTC, shown in the user's time
    return moment.strftime("%Y-%m-%d %H:%M")


class ArticlesModel(QAbstractTableModel):
    """Stored reports, newest first (best matches first when searching), a page at a time."""

    COLUMNS = ("Title", "Outlet", "Published", "Claims", "Added")
    ArticleIdRole = Qt.ItemDataRole.UserRole + 1
    loadFailed = Signal(object)  # the exception, when the library could not be read

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._library: Any = None
        self._query: str | None = None
        self._rows: list[ArticleRow] = []
        self._exhausted = True
        self._claims: dict[int, int] = {}

    # ---- loading

    def set_library(self, library: Any) -> None:
        self._library = library
        self.reload()

    def set_search(self, text: str) -> None:
        self._query = search_query(text)
        self.reload()

    def searching(self) -> bool:
        return self._query is not None

    def reload(self) -> None:
        # The first page is read inside the reset: views see one consistent change.
        self.beginResetModel()
        self._rows, self._claims = [], {}
        self._exhausted = self._library is None
        failure = None
        try:
            if self._library is not None:
                self._rows = self._page(0)
                self._exhausted = len(self._rows) < PAGE_SIZE
        except Exception as exc:  # shown by the browser; the table stays usable (empty)
            self._rows, self._exhausted, failure = [], True, exc
        finally:
            self.endResetModel()
        if failure is not None:
            self.loadFailed.emit(failure)

    def _page(self, offset: int) -> list[ArticleRow]:
        """A page of reports and their claim counts: two queries, whatever the page size."""
        found = self._library.articles(self._query, limit=PAGE_SIZE, offset=offset)
        self._claims.update(self._library.claim_counts(a.id for a in found))
        return [_row(a) for a in found]

    def canFetchMore(self, parent: Index) -> bool:  # Qt API
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index) -> None:  # Qt API
        if parent.isValid() or self._exhausted:
            return
        try:
            rows = self._page(len(self._rows))
        except Exception as exc:  # called by the view from C++: report, don't raise
            self._exhausted = True
            self.loadFailed.emit(exc)
            return
        known = {r.id for r in self._rows}
        rows = [r for r in rows if r.id not in known]  # a report added meanwhile shifts the pages
        if len(rows) < PAGE_SIZE:
            self._exhausted = True
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        else:
            self._exhausted = True

    def all_loaded(self) -> bool:
        return self._exhausted

    # ---- reading

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API default
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.COLUMNS[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section == 3:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row(self, row: int) -> ArticleRow:
        return self._rows[row]

    def row_of(self, article_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.id == article_id:
                return i
        return None

    def _claim_count(self, article_id: int) -> int:
        """Read with the row's page (never while painting); -1 when unknown."""
        return self._claims.get(article_id, -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return r.title or r.ext_id or f"Report {r.id}"
            if col == 1:
                return r.outlet or ""
            if col == 2:
                return r.published or ""
            if col == 3:
                n = self._claim_count(r.id)
                return "" if n < 0 else f"{n:,}"
            if col == 4:
                return _added(r.added_at)
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            parts = [r.title or "(no title)"]
            if r.url:
                parts.append(r.url)
            if r.ext_id:
                parts.append(f"Imported as {r.ext_id}")
            return "\n".join(parts)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.ArticleIdRole:
            return r.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    # ---- changing (after the library changed)

    def remove_ids(self, ids: set[int]) -> None:
        for i in range(len(self._rows) - 1, -1, -1):
            if self._rows[i].id in ids:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i]
                self.endRemoveRows()

    def update_row(self, stored: Any) -> None:
        """Show a report's new details (a StoredArticle read back by the worker that wrote them)."""
        i = self.row_of(stored.id)
        if i is None:
            return
        self._rows[i] = _row(stored)
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.COLUMNS) - 1))


def _row(a: Any) -> ArticleRow:
    return ArticleRow(a.id, a.title, a.outlet, a.published, a.added_at, a.url, a.ext_id)


# ---------------------------------------------------------------------- metadata dialog

FIELDS = (("title", "Title"), ("outlet", "Outlet"), ("published", "Published"), ("url", "URL"),
          ("ext_id", "Import id"))


class MetadataDialog(QDialog):
    """Edit a report's title, outlet, date, URL and import id (its text is its identity)."""

    def __init__(self, values: dict[str, str | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit report details")
        self.setObjectName("metadataDialog")
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key, label in FIELDS:
            edit = QLineEdit(values.get(key) or "")
            edit.setObjectName(f"edit_{key}")
            edit.setAccessibleName(label)
            if key == "published":
                edit.setPlaceholderText("YYYY-MM-DD")
            form.addRow(f"&{label}:", edit)
            self.edits[key] = edit
        self.edits["title"].setMinimumWidth(380)
        self.error = QLabel()
        self.error.setObjectName("metadataError")
        self.error.setStyleSheet("color: palette(link)")
        self.error.setWordWrap(True)
        self.error.hide()
        std = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(std.Save | std.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def values(self) -> dict[str, str | None]:
        return {k: (e.text().strip() or None) for k, e in self.edits.items()}

    def validation_error(self) -> str | None:
        published = self.values()["published"]
        if published:
            try:
                dt.date.fromisoformat(published)
            except ValueError:
                return f"“{published}” is not a date: write it as YYYY-MM-DD, e.g. 2025-03-17."
        return None

    def accept(self) -> None:
        problem = self.validation_error()
        if problem:
            self.error.setText(problem)
            self.error.show()
            self.edits["published"].setFocus()
            return
        super().accept()


# ---------------------------------------------------------------------- undoable commands


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


# ---------------------------------------------------------------------- the browser


class LibraryBrowser(QWidget):
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
        self.progress.setTextVisible(True)
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
        layout.addWidget(self.view, 1)
        layout.addWidget(self.undo_bar)
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

    def _make_undo_bar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("undoBar")
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        bar.setAutoFillBackground(True)
        bar.setBackgroundRole(self.palette().ColorRole.ToolTipBase)
        self.undo_label = QLabel()
        self.undo_label.setForegroundRole(self.palette().ColorRole.ToolTipText)
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        """In a narrow dock, drop the least useful columns rather than scroll sideways."""
        super().resizeEvent(event)
        width = self.width()
        self.view.setColumnHidden(4, width < 640)  # Added
        self.view.setColumnHidden(3, width < 520)  # Claims
        self.view.setColumnHidden(1, width < 360)  # Outlet

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
        self._update_count()
        self._update_actions()

    def library(self) -> Any:
        return self._library

    def refresh(self) -> None:
        """Re-read the library (after an import or a save elsewhere), keeping the selection if it can."""
        selected = self.selected_ids()
        self.model.reload()
        self._reselect(selected)
        self._update_count()

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
        box = QMessageBox(QMessageBox.Icon.Question, "Delete from library",
                          f"Delete {name} from the library?\n\nIts claims will no longer be compared with "
                          "new articles. You can undo this.", parent=self)
        box.setObjectName("confirmDelete")
        delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(delete)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done() -> None:
            if box.clickedButton() is delete:
                self._start_delete(rows)

        box.finished.connect(done)
        box.open()
        return box

    # ------------------------------------------------------------------ applying changes

    def _write(self, fn: Any, *args: Any, doing: str, done: Any, failed: Any = None) -> Task:
        """Run one write of ui.operations on a worker: progress here, errors in a dialog."""
        self.progress.setRange(0, 0)  # busy until the worker reports
        self.progress.setFormat(f"{doing.capitalize()}…")
        self.progress.show()

        def finish() -> None:
            self.task = None
            self.progress.hide()
            self._update_actions()
            self.busyChanged.emit(False)

        def succeeded(value: Any) -> None:
            finish()
            done(value)

        def errored(exc: BaseException) -> None:
            finish()
            self.error_box = errors.report(self, exc, doing)
            if failed is not None:
                failed()

        def progressed(step: int, total: int, message: str) -> None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(step)

        self.task = start_task(fn, self._writer, *args, name=doing, on_success=succeeded, on_error=errored,
                               on_progress=progressed)
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
                self.undo_label.setText(f"Deleted {what}.")
                self.undo_bar.show()
                self._bar_timer.start()
                self.articlesChanged.emit()
            self._update_count()

        what = "the report" if len(rows) == 1 else f"{len(rows)} reports"
        return self._write(operations.delete_reports, [r.id for r in rows], doing=f"delete {what}",
                           done=done, failed=(lambda: self._step_back(undo=False)) if replay else None)

    def _start_restore(self, rows: list[ArticleRow]) -> Task:
        def done(_restored: list[int]) -> None:
            self.undo_bar.hide()
            self.model.reload()
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
        selection = self.view.selectionModel()
        selection.clearSelection()
        first = True
        for article_id in ids:
            row = self.model.row_of(article_id)
            if row is None:
                continue
            flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
            selection.select(self.model.index(row, 0), flags)
            if first:
                self.view.scrollTo(self.model.index(row, 0))
                selection.setCurrentIndex(self.model.index(row, 0), selection.SelectionFlag.NoUpdate)
                first = False
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
