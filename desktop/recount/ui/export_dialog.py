"""Export the current check: a save dialog with one filter per format, the write on a worker.

The formats and the writing live in recount.export (no Qt); this module only asks where,
runs `export_check` through the worker helper and tells the user how it went: the path on
success, a plain reason on failure (disk full, read-only folder), a copyable report for a bug.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from recount.export import DEFAULT_AUTHOR, FORMATS, ExportError, export_check, format_for_path
from recount.ui import errors
from recount.ui.settings import APP, ORG
from recount.ui.workers import Task, start_task

# QSettings keys (shared with the settings dialog, if it offers them)
AUTHOR_KEY = "export/author"  # who signs ClaimReview exports: a person or an organisation
FOLDER_KEY = "export/folder"
FORMAT_KEY = "export/format"

Ask = Callable[[QWidget | None, str, str], tuple[str, str | None]]


def file_filters() -> list[tuple[str, str]]:
    """(format, Qt file-dialog filter) pairs, e.g. ('html', 'HTML report (*.html)')."""
    return [(fmt, f"{label} (*{suffix})") for fmt, (suffix, label) in FORMATS.items()]


def suggested_name(result: Any, fmt: str) -> str:
    """A file name from the article's title (or id), safe on every OS."""
    article = getattr(result, "article", None)
    base = getattr(article, "title", None) or getattr(article, "id", None) or "recount-check"
    slug = re.sub(r"[^\w]+", "-", base.lower(), flags=re.UNICODE).strip("-")[:60] or "recount-check"
    return f"{slug}{FORMATS[fmt][0]}"


def _ask_with_dialog(parent: QWidget | None, start: str, preferred: str) -> tuple[str, str | None]:
    filters = file_filters()
    selected = next((f for fmt, f in filters if fmt == preferred), filters[0][1])
    joined = ";;".join(f for _, f in filters)
    path, chosen = QFileDialog.getSaveFileName(parent, "Export check", start, joined, selected)
    fmt = next((fmt for fmt, f in filters if f == chosen), None)
    return path, fmt


def resolve_target(path: str, fmt: str | None) -> tuple[Path, str]:
    """The file and format to write: a known suffix wins; a bare name gets the filter's suffix."""
    target = Path(path)
    by_suffix = format_for_path(target)
    if by_suffix is not None:
        return target, by_suffix
    fmt = fmt or "html"
    return target.with_name(target.name + FORMATS[fmt][0]), fmt


def export_to(parent: QWidget | None, result: Any, path: str | Path, fmt: str | None = None, *,
              author: str | None = None, on_done: Callable[[Path | None], None] | None = None,
              reviews: dict | None = None) -> Task:
    """Write `result` to `path` on a worker; tell the user the outcome (boxes opened, not exec'd).

    `reviews` are the user's decisions on the claims, so the file flags what the window flags."""
    target, fmt = resolve_target(str(path), fmt)

    def succeeded(written: Path) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "Export finished",
                          f"The check was exported as {FORMATS[fmt][1]} to\n{written}", parent=parent)
        box.setObjectName("exportDone")
        box.addButton(QMessageBox.StandardButton.Ok)
        show = box.addButton("Show folder", QMessageBox.ButtonRole.ActionRole)
        show.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(written.parent))))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        if on_done:
            on_done(written)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, ExportError):
            text = f"The check was not exported.\n\n{exc.user_message}"
            box = errors.show_message(parent, "Export failed", text)
            box.setObjectName("exportFailed")
        else:
            errors.report(parent, exc, "export the check")
        if on_done:
            on_done(None)

    return start_task(export_check, result, target, fmt, author=author or DEFAULT_AUTHOR, reviews=reviews,
                      name="export", on_success=succeeded, on_error=failed)


def choose_and_export(parent: QWidget | None, result: Any, *, settings: QSettings | None = None,
                      ask: Ask | None = None, reviews: dict | None = None) -> Task | None:
    """Ask where and in which format, then export. Returns the running Task, or None if cancelled.

    `ask(parent, start_path, preferred_format) -> (path, format)` replaces the file dialog
    (tests, scripted use). The last folder and format are remembered in QSettings.
    """
    if result is None:
        errors.show_message(parent, "Nothing to export", "Check an article first, then export the result.",
                            QMessageBox.Icon.Information)
        return None
    store = settings if settings is not None else QSettings(ORG, APP)
    preferred = str(store.value(FORMAT_KEY, "html"))
    if preferred not in FORMATS:
        preferred = "html"
    folder = str(store.value(FOLDER_KEY, "") or Path.home())
    start = str(Path(folder) / suggested_name(result, preferred))
    path, fmt = (ask or _ask_with_dialog)(parent, start, preferred)
    if not path:
        return None
    target, fmt = resolve_target(path, fmt)
    store.setValue(FOLDER_KEY, str(target.parent))
    store.setValue(FORMAT_KEY, fmt)
    author = str(store.value(AUTHOR_KEY, "") or "").strip() or None
    return export_to(parent, result, target, fmt, author=author, reviews=reviews)
