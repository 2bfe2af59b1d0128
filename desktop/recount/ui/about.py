"""The About box: what Recount is and the versions of everything it runs on (for bug reports)."""

from __future__ import annotations

import platform
import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def versions() -> dict[str, str]:
    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion

    from recount import __version__

    return {
        "Recount": __version__,
        "Qt": qVersion(),
        "PySide6": pyside,
        "Python": platform.python_version(),
        "SQLite": sqlite3.sqlite_version,
    }


def about_html() -> str:
    rows = "".join(f"<tr><td>{k}</td><td>&nbsp;{v}</td></tr>" for k, v in versions().items())
    return (
        "<h3>Recount</h3>"
        "<p>Reads the figures and quotes in a news report and checks them against earlier "
        "reports: running totals that fall, figures that conflict, quotes that drift.</p>"
        f"<table>{rows}</table>"
        "<p>MIT licence. Uses PySide6 (LGPL), sqlite-utils, RapidFuzz, selectolax, "
        "charset-normalizer, python-dateutil, text2num, platformdirs.</p>"
    )


def show_about(parent: QWidget | None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle("About Recount")
    box.setObjectName("aboutRecount")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_html())
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if parent is not None and not parent.windowIcon().isNull():
        box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
