"""The Sources panel: the feeds and folders Recount follows, their status and last error.

It only shows and forwards: each button emits a signal that the watch controller
(watch_docks.py) turns into work on a worker thread. Everything that came from the web (feed
names, error messages) is shown as plain text; tooltips are escaped, so markup in them is
shown as written and never acted on.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

COLUMNS = ("Name", "Status", "Last poll", "Reports", "Every", "Last error")
COLUMN_WIDEST = ("not modified", "2025-12-28 23:59", "99999", "10080 min")  # Status … Every


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` exactly: escaped inside rich text, so '<b>' stays '<b>'."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else ""


class SourceDialog(QDialog):
    """Edit a source's name and polling interval."""

    def __init__(self, source: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit source")
        self.name = QLineEdit(source.name or "")
        self.name.setPlaceholderText(source.location)
        self.every = QSpinBox()
        self.every.setRange(1, 7 * 24 * 60)
        self.every.setSuffix(" min")
        self.every.setValue(source.every_minutes)
        form = QFormLayout(self)
        where = QLabel(source.location)
        where.setTextFormat(Qt.TextFormat.PlainText)
        where.setWordWrap(True)
        form.addRow("Address:", where)
        form.addRow("&Name:", self.name)
        form.addRow("Poll &every:", self.every)
        std = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(std.Ok | std.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class SourcesPanel(QWidget):
    addRequested = Signal(str)  # a URL or a folder path
    editRequested = Signal(int, str, int)  # id, name, minutes
    pauseRequested = Signal(int, bool)
    removeRequested = Signal(int)
    pollRequested = Signal(list)  # source ids; [] = every source

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sources: list[Any] = []
        self.address = QLineEdit()
        self.address.setPlaceholderText("Feed address (https://…) or folder")
        self.address.setAccessibleName("Feed address or folder to follow")
        self.address.returnPressed.connect(self._add)
        self.add_button = QPushButton("&Add")
        self.add_button.clicked.connect(self._add)
        self.folder_button = QPushButton("Folder…")
        self.folder_button.clicked.connect(self._choose_folder)
        top = QHBoxLayout()
        top.addWidget(self.address, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.folder_button)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        # The middle columns hold words and figures of known width: sized once from the font.
        # Fitted to their contents instead, they measured every row again for each cell changed
        # (a refresh of 200 sources took 3-6 s of the window's thread).
        metrics = self.table.fontMetrics()
        for c, widest in enumerate(COLUMN_WIDEST, start=1):
            self.table.setColumnWidth(c, max(metrics.horizontalAdvance(t) for t in (widest, COLUMNS[c])) + 14)
        self.table.setColumnWidth(0, 190)
        self.table.setAccessibleName("Followed sources")
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self._edit())

        self.edit_button = QPushButton("&Edit…")
        self.pause_button = QPushButton("&Pause")
        self.remove_button = QPushButton("&Remove")
        self.poll_button = QPushButton("Poll &now")
        self.poll_all_button = QPushButton("Poll a&ll")
        self.edit_button.clicked.connect(self._edit)
        self.pause_button.clicked.connect(self._pause)
        self.remove_button.clicked.connect(self._remove)
        self.poll_button.clicked.connect(lambda: self.pollRequested.emit([s.id for s in self._selected()]))
        self.poll_all_button.clicked.connect(lambda: self.pollRequested.emit([]))
        row = QHBoxLayout()
        for b in (self.edit_button, self.pause_button, self.remove_button, self.poll_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.poll_all_button)

        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Sources message")

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addLayout(row)
        lay.addWidget(self.message)
        self._update_buttons()

    # ---------------------------------------------------------------- showing
    def set_sources(self, sources: list[Any], busy: set[int] | None = None) -> None:
        """Show `sources`, rewriting only the cells whose text changed (at the start of a poll,
        the statuses)."""
        keep = self.selected_id()
        self.sources = list(sources)
        busy = busy or set()
        self.table.setRowCount(len(self.sources))
        for r, s in enumerate(self.sources):
            cells = (s.label, _status(s, busy), _short_time(s.last_poll), str(s.reports),
                     f"{s.every_minutes} min", s.last_error or "")
            for c, text in enumerate(cells):
                tip = plain_tip(s.location if c == 0 else (s.last_error or "") if c in (1, 5) else "")
                self._set_cell(r, c, text, tip, s.id)
            if keep == s.id:
                self.table.selectRow(r)
        self._update_buttons()

    def show_busy(self, busy: set[int]) -> None:
        """Mark the sources being polled: only their status cells change."""
        for r, s in enumerate(self.sources):
            item = self.table.item(r, 1)
            status = _status(s, busy)
            if item is not None and item.text() != status:
                item.setText(status)

    def _set_cell(self, row: int, column: int, text: str, tip: str, source_id: int) -> None:
        item = self.table.item(row, column)
        if item is None:
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, source_id)
            item.setToolTip(tip)
            self.table.setItem(row, column, item)
            return
        if item.text() != text:
            item.setText(text)
        if item.toolTip() != tip:
            item.setToolTip(tip)
        if item.data(Qt.ItemDataRole.UserRole) != source_id:
            item.setData(Qt.ItemDataRole.UserRole, source_id)

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def selected_id(self) -> int | None:
        chosen = self._selected()
        return chosen[0].id if chosen else None

    def select(self, source_id: int) -> None:
        for r, s in enumerate(self.sources):
            if s.id == source_id:
                self.table.selectRow(r)

    def _selected(self) -> list[Any]:
        rows = {i.row() for i in self.table.selectedItems()}
        return [self.sources[r] for r in sorted(rows) if r < len(self.sources)]

    def _update_buttons(self) -> None:
        chosen = self._selected()
        for b in (self.edit_button, self.pause_button, self.remove_button, self.poll_button):
            b.setEnabled(bool(chosen))
        self.pause_button.setText("Res&ume" if chosen and chosen[0].paused else "&Pause")
        self.poll_all_button.setEnabled(bool(self.sources))

    # ---------------------------------------------------------------- forwarding
    def _add(self) -> None:
        target = self.address.text().strip()
        if target:
            self.addRequested.emit(target)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Follow a folder of reports")
        if folder:
            self.addRequested.emit(folder)

    def _edit(self) -> None:
        chosen = self._selected()
        if not chosen:
            return
        dialog = SourceDialog(chosen[0], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sid = chosen[0].id

        def done(code: int) -> None:
            if code == QDialog.DialogCode.Accepted:
                self.editRequested.emit(sid, dialog.name.text(), dialog.every.value())

        dialog.finished.connect(done)
        self.edit_dialog = dialog
        dialog.open()

    def _pause(self) -> None:
        chosen = self._selected()
        if chosen:
            self.pauseRequested.emit(chosen[0].id, not chosen[0].paused)

    def _remove(self) -> None:
        chosen = self._selected()
        if chosen:
            self.removeRequested.emit(chosen[0].id)


def _status(source: Any, busy: set[int]) -> str:
    return "polling…" if source.id in busy else ("paused" if source.paused else source.status)


def _short_time(iso: str | None) -> str:
    """"2025-03-08 12:00" (UTC) from an ISO time; "never" when never polled."""
    if not iso:
        return "never"
    return iso[:16].replace("T", " ")
