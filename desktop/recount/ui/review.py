"""Review dialogs: correct a claim's fields, dismiss a flag with a note.

Both open non-modally-blocking (`open()`) and call back with the user's answer, so the
window stays responsive and tests can fill them in like a user.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from recount import wording
from recount.claims.model import CATEGORIES, Claim, NumericClaim

DECISIONS = ("confirmed", "rejected", "corrected")


def _number(text: str) -> float | int | None:
    text = text.strip().replace(",", "")
    if not text:
        return None
    value = float(text)
    return int(value) if value.is_integer() else value


class CorrectionDialog(QDialog):
    """The claim's fields, editable; `correction()` gives only the fields the user changed."""

    def __init__(self, claim: Claim, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("correctionDialog")
        self.setWindowTitle("Correct claim")
        self.claim = claim
        self.fields: dict[str, QLineEdit | QComboBox] = {}
        form = QFormLayout(self)
        intro = QLabel(f"“{claim.span}”\n\nChange what Recount read wrong. Later checks use your values.")
        intro.setWordWrap(True)
        form.addRow(intro)
        data = claim.to_dict()
        if isinstance(claim, NumericClaim):
            for key, label in (("value", "&Value"), ("lower", "&At least"), ("upper", "At &most")):
                edit = QLineEdit("" if data[key] is None else f"{data[key]:g}")
                edit.setAccessibleName(label.replace("&", ""))
                self.fields[key] = edit
                form.addRow(label, edit)
            cat = QComboBox()
            for c in CATEGORIES:
                cat.addItem(wording.category_label(c), c)
            cat.setCurrentIndex(max(0, cat.findData(claim.category)))
            cat.setAccessibleName("Category")
            self.fields["category"] = cat
            form.addRow("&Category", cat)
            keys = (("place", "&Place"), ("source", "&Source"))
        else:
            keys = (("speaker", "&Speaker"), ("speaker_role", "&Role"), ("quote", "&Quote"))
        for key, label in keys:
            edit = QLineEdit(data.get(key) or "")
            edit.setAccessibleName(label.replace("&", ""))
            self.fields[key] = edit
            form.addRow(label, edit)
        self.error = QLabel()
        form.addRow(self.error)
        ok_cancel = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok_cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def correction(self) -> dict[str, Any]:
        data = self.claim.to_dict()
        out: dict[str, Any] = {}
        for key, widget in self.fields.items():
            if isinstance(widget, QComboBox):
                value: Any = widget.currentData()
            elif key in ("value", "lower", "upper"):
                value = _number(widget.text())
            else:
                value = widget.text().strip() or None
            if value != data.get(key):
                out[key] = value
        return out

    def _accept(self) -> None:
        try:
            fix = self.correction()
        except ValueError:
            self.error.setText("Figures must be numbers, e.g. 174 or 2,300.")
            return
        if "value" in fix and fix["value"] is None:
            self.error.setText("A figure needs a value.")
            return
        self.accept()


def ask_correction(parent: QWidget, claim: Claim, done: Callable[[dict[str, Any]], None]) -> CorrectionDialog:
    dialog = CorrectionDialog(claim, parent)

    def finished(code: int) -> None:
        if code == QDialog.DialogCode.Accepted:
            fix = dialog.correction()
            if fix:
                done(fix)
        dialog.deleteLater()

    dialog.finished.connect(finished)
    dialog.open()
    return dialog


class NoteDialog(QDialog):
    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(title)
        form = QFormLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        form.addRow(label)
        self.note = QLineEdit()
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("Why? (kept with the library)")
        form.addRow("&Note", self.note)
        ok_cancel = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok_cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(480, self.sizeHint().height())


def ask_dismiss_note(parent: QWidget, explanation: str, done: Callable[[str], None]) -> NoteDialog:
    dialog = NoteDialog(
        "Dismiss flag",
        f"{explanation}\n\nDismiss this flag? It will not be raised again for these two reports.",
        parent,
    )

    def finished(code: int) -> None:
        if code == QDialog.DialogCode.Accepted:
            done(dialog.note.text().strip())
        dialog.deleteLater()

    dialog.finished.connect(finished)
    dialog.open()
    return dialog
