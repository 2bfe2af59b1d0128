"""The "What changed" list: new flags and moved estimates from followed sources, newest first.

Each line is plain text (the explanation may quote a page's words); activating one asks the
window to open that report beside the earlier one it contradicts or updates.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from recount.ui.sources_panel import plain_tip

MARKS = {"flag": "⚑", "estimate": "↕"}


def change_text(change: Any) -> str:
    """"⚑ [Story] explanation" — the line shown for a change."""
    story = f"[{change.story}] " if change.story else ""
    return f"{MARKS.get(change.kind, '•')} {story}{change.explanation}"


class ChangesPanel(QWidget):
    changeOpened = Signal(object)  # the Change

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.changes: list[Any] = []
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        # Wrapped lines are measured one by one: 200 of them took 30-45 ms of one event; laid
        # out in batches, the window answers between them.
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(25)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName("What changed: new flags and moved estimates")
        self.list.itemActivated.connect(self._opened)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.header)
        lay.addWidget(self.list, 1)
        self.set_changes([])

    def set_changes(self, changes: list[Any]) -> None:
        """Newest first, as recent_changes gives them. Only what differs from the list shown is
        touched: after a poll, the new lines at the top and the oldest leaving at the bottom."""
        new = list(changes)
        kept = _kept_below(self.changes, new)
        if kept is None:
            self.list.clear()
            kept = 0
            fresh = new
        else:
            fresh = new[:len(new) - kept]
            while self.list.count() > kept:
                self.list.takeItem(self.list.count() - 1)
        for row, change in enumerate(fresh):
            self.list.insertItem(row, _item(change))
        self.changes = new
        n = len(self.changes)
        self.header.setText("Nothing has changed yet: new reports that raise a flag or move an estimate "
                            "show here." if not n else f"{n} change{'s' if n != 1 else ''}, newest first")

    def _opened(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        if 0 <= row < len(self.changes):
            self.changeOpened.emit(self.changes[row])


def _item(change: Any) -> QListWidgetItem:
    item = QListWidgetItem(change_text(change))
    when = (change.at or "")[:16].replace("T", " ")
    item.setToolTip(plain_tip(f"{when} UTC · {change.type}\n{change.explanation}\n"
                              "Double-click to open the report beside the earlier one."))
    item.setData(Qt.ItemDataRole.UserRole, change.id)
    return item


def _kept_below(shown: list[Any], new: list[Any]) -> int | None:
    """How many lines shown stay as they are, below the new ones (the oldest of them may
    leave at the bottom); None when the list must be redrawn (a line removed or reworded,
    a story renamed)."""
    if not shown or not new or shown[0].id is None:
        return None
    ids = [c.id for c in new]
    try:
        top = ids.index(shown[0].id)
    except ValueError:
        return None
    kept = len(new) - top
    if len(shown) < kept or ids[top:] != [c.id for c in shown[:kept]]:
        return None
    if any(change_text(a) != change_text(b) for a, b in zip(new[top:], shown, strict=False)):
        return None
    return kept
