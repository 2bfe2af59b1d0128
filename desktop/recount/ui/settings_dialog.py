"""Settings: where the library lives and how sure a match must be to be suggested or confirmed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)


class SettingsDialog(QDialog):
    """Edits a copy of the values; the window applies them on accept (`values()`)."""

    def __init__(self, library: Path, thresholds: tuple[float, float], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recount settings")
        self.setObjectName("settingsDialog")
        self.library = QLineEdit(str(library))
        self.library.setAccessibleName("Library file")
        self.library.setToolTip("The SQLite file that holds your reports, claims and reviews")
        browse = QPushButton("Choose…")
        browse.setToolTip("Choose another library file (a new file is created when it does not exist)")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.library, 1)
        row.addWidget(browse)

        self.suggested = QDoubleSpinBox()
        self.confirmed = QDoubleSpinBox()
        for box, name, tip, value in (
            (self.suggested, "Suggest a match from",
             "Claims scoring at least this are shown as possible matches for you to review", thresholds[0]),
            (self.confirmed, "Confirm a match from",
             "Claims scoring at least this are treated as the same figure and may be flagged", thresholds[1]),
        ):
            box.setRange(0.0, 1.0)
            box.setSingleStep(0.05)
            box.setDecimals(2)
            box.setValue(value)
            box.setAccessibleName(name)
            box.setToolTip(tip)
        self.suggested.valueChanged.connect(self._keep_order)
        self.confirmed.valueChanged.connect(self._keep_order)

        form = QFormLayout(self)
        form.addRow("&Library file", row)
        form.addRow(QLabel("Match thresholds (0 = anything, 1 = identical):"))
        form.addRow("&Suggest from", self.suggested)
        form.addRow("&Confirm from", self.confirmed)
        ok_cancel = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok_cancel)
        defaults = buttons.addButton(QDialogButtonBox.StandardButton.RestoreDefaults)
        defaults.clicked.connect(self._defaults)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, self.sizeHint().height())

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Library file", self.library.text(), "Recount library (*.db *.sqlite);;All files (*)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if name:
            self.library.setText(name)

    def _keep_order(self) -> None:
        if self.suggested.value() > self.confirmed.value():
            if self.sender() is self.suggested:
                self.confirmed.setValue(self.suggested.value())
            else:
                self.suggested.setValue(self.confirmed.value())

    def _defaults(self) -> None:
        from recount.ui.settings import _default_thresholds

        s, c = _default_thresholds()
        self.suggested.setValue(s)
        self.confirmed.setValue(c)

    def values(self) -> tuple[Path, tuple[float, float]]:
        path = Path(self.library.text().strip()).expanduser()
        return path, (self.suggested.value(), self.confirmed.value())
