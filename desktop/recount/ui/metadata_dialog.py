"""The dialog that edits a stored report's details (its text is its identity and stays)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

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

