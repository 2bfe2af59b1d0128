"""The "What changed" list: new flags and moved estimates from followed sources, newest first.

Each line is plain text (the explanation may quote a page's words); activating one asks the
window to open that report beside the earlier one it contradicts or updates.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

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
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName("What changed: new flags and moved estimates")
        self.list.itemActivated.connect(self._opened)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.header)
        lay.addWidget(self.list, 1)
        self.set_changes([])

    def set_changes(self, changes: list[Any]) -> None:
        """Newest first, as recent_changes gives them."""
        self.changes = list(changes)
        self.list.clear()
        for change in self.changes:
            item = QListWidgetItem(change_text(change))
            when = (change.at or "")[:16].replace("T", " ")
            item.setToolTip(plain_tip(f"{when} UTC · {change.type}\n{change.explanation}\n"
                                      "Double-click to open the report beside the earlier one."))
            item.setData(Qt.ItemDataRole.UserRole, change.id)
            self.list.addItem(item)
        n = len(self.changes)
        self.header.setText("Nothing has changed yet: new reports that raise a flag or move an estimate "
                            "show here." if not n else f"{n} change{'s' if n != 1 else ''}, newest first")

    def _opened(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        if 0 <= row < len(self.changes):
            self.changeOpened.emit(self.changes[row])
