"""Import files and folders into the library without freezing the window.

The importer runs on a worker thread with its own `Library` connection (SQLite connections
must not cross threads); the dialog shows progress with the current file, can be cancelled
(what was imported stays), and ends with a copyable summary of added / skipped / failed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFontDatabase, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from recount.ui import errors
from recount.ui.workers import Task, start_task

FILE_FILTER = "Reports (*.txt *.md *.markdown *.html *.htm *.jsonl *.ndjson *.csv);;All files (*)"
_STEPS = 1000  # the bar counts thousandths: byte totals may exceed what a Qt int holds


def run_import(library_path: str | os.PathLike[str], paths: list[str], *,
               progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> Any:
    """Worker function: open the library on this thread, import, close. Returns the ImportReport."""
    from recount.library.importer import import_paths
    from recount.library.store import Library

    def scaled(done: int, total: int, message: str) -> None:
        progress(min(_STEPS, done * _STEPS // total) if total else 0, _STEPS, message)

    with Library.open(library_path) as library:
        return import_paths(library, paths, progress=scaled, cancelled=cancelled)


def summary_text(report: Any) -> str:
    """The report in plain text, one line per item, for the details box and the clipboard."""
    lines = [_headline(report)]
    if getattr(report, "stopped", None):
        lines += ["", f"Stopped: {report.stopped}"]
    for title, items, show_reason in (("Failed", report.failed, True), ("Skipped", report.skipped, True),
                                      ("Added", report.added, False)):
        if not items:
            continue
        lines += ["", f"{title} ({len(items)}):"]
        for item in items:
            if show_reason and item.reason:
                lines.append(f"  {item.name} — {item.reason}")
            else:
                claims = getattr(item, "claims", 0)
                lines.append(f"  {item.name} ({claims} claim{'s' if claims != 1 else ''})")
    return "\n".join(lines) + "\n"


def _headline(report: Any) -> str:
    a, s, f = len(report.added), len(report.skipped), len(report.failed)
    text = f"Added {a} report{'s' if a != 1 else ''} · skipped {s} · failed {f}"
    if getattr(report, "cancelled", False):
        text = f"Import cancelled. {text} (the reports added before you cancelled are kept)"
    return text


class ImportDialog(QDialog):
    """Choose files/folders (unless given), import them in the background, then summarise."""

    importFinished = Signal(object)  # the ImportReport

    def __init__(self, library_path: str | os.PathLike[str], paths: Iterable[str | os.PathLike[str]] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import reports")
        self.setObjectName("importDialog")
        self.setMinimumWidth(520)
        self.library_path = Path(library_path)
        self.paths: list[str] = [str(p) for p in paths]
        self.task: Task | None = None
        self.report: Any = None
        self._autostart = bool(self.paths)
        self._close_when_done = False

        self.pages = QStackedWidget()
        self.pages.addWidget(self._choose_page())
        self.pages.addWidget(self._progress_page())
        self.pages.addWidget(self._summary_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._refresh_list()

    # ------------------------------------------------------------------ pages

    def _choose_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel("Choose the reports to add to the library: text, Markdown or web pages, "
                       "whole folders, JSON Lines or CSV files.")
        intro.setWordWrap(True)
        self.path_list = QListWidget()
        self.path_list.setAccessibleName("Files and folders to import")
        self.path_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        add_files = QPushButton("Add &files…")
        add_folder = QPushButton("Add f&older…")
        self.remove_button = QPushButton("&Remove")
        add_files.clicked.connect(self._ask_files)
        add_folder.clicked.connect(self._ask_folder)
        self.remove_button.clicked.connect(self._remove_selected)
        self.start_button = QPushButton("&Import")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        close = QPushButton("Close")
        close.clicked.connect(self.reject)
        side = QVBoxLayout()
        for b in (add_files, add_folder, self.remove_button):
            side.addWidget(b)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.path_list, 1)
        middle.addLayout(side)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        bottom.addWidget(self.start_button)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(middle, 1)
        layout.addLayout(bottom)
        return page

    def _progress_page(self) -> QWidget:
        page = QWidget()
        self.progress_title = QLabel("Importing…")
        font = self.progress_title.font()
        font.setBold(True)
        self.progress_title.setFont(font)
        self.current_label = QLabel(" ")
        self.current_label.setObjectName("currentFile")
        self.current_label.setTextFormat(Qt.TextFormat.PlainText)
        self.current_label.setMinimumWidth(460)
        self.bar = QProgressBar()
        self.bar.setRange(0, _STEPS)
        self.bar.setValue(0)
        self.bar.setAccessibleName("Import progress")
        self.cancel_button = QPushButton("&Cancel")
        self.cancel_button.setToolTip("Stop after the current report; what was imported stays in the library")
        self.cancel_button.clicked.connect(self.cancel)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.progress_title)
        layout.addWidget(self.bar)
        layout.addWidget(self.current_label)
        layout.addStretch(1)
        layout.addLayout(bottom)
        return page

    def _summary_page(self) -> QWidget:
        page = QWidget()
        self.headline = QLabel()
        self.headline.setObjectName("importHeadline")
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.stopped_label = QLabel()
        self.stopped_label.setWordWrap(True)
        self.stopped_label.hide()
        self.details = QPlainTextEdit()
        self.details.setObjectName("importDetails")
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Import details")
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.copy_button = QPushButton("&Copy details")
        self.copy_button.setToolTip("Copy the list of added, skipped and failed files")
        self.copy_button.clicked.connect(self.copy_details)
        done = QPushButton("Close")
        done.setDefault(True)
        done.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.copy_button)
        bottom.addStretch(1)
        bottom.addWidget(done)
        layout = QVBoxLayout(page)
        layout.addWidget(self.headline)
        layout.addWidget(self.stopped_label)
        layout.addWidget(self.details, 1)
        layout.addLayout(bottom)
        return page

    # ------------------------------------------------------------------ choosing

    def add_paths(self, paths: Iterable[str | os.PathLike[str]]) -> None:
        for p in paths:
            text = str(p)
            if text and text not in self.paths:
                self.paths.append(text)
        self._refresh_list()

    def _ask_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Add reports", "", FILE_FILTER)
        self.add_paths(files)

    def _ask_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Add a folder of reports")
        if folder:
            self.add_paths([folder])

    def _remove_selected(self) -> None:
        rows = sorted((self.path_list.row(i) for i in self.path_list.selectedItems()), reverse=True)
        for r in rows:
            del self.paths[r]
        self._refresh_list()

    def _refresh_list(self) -> None:
        self.path_list.clear()
        style = self.style()
        folder_icon = style.standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        file_icon = style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        for p in self.paths:
            self.path_list.addItem(QListWidgetItem(folder_icon if Path(p).is_dir() else file_icon, p))
        self.start_button.setEnabled(bool(self.paths))
        self.remove_button.setEnabled(bool(self.paths))

    # ------------------------------------------------------------------ running

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._autostart:
            self._autostart = False
            QTimer.singleShot(0, self.start)

    def is_running(self) -> bool:
        return self.task is not None and not self.task.done

    def start(self) -> Task | None:
        """Begin importing the chosen paths (once)."""
        if self.is_running() or not self.paths:
            return None
        self._autostart = False
        folders = sum(1 for p in self.paths if Path(p).is_dir())
        files = len(self.paths) - folders
        what = " and ".join(f"{n} {word}{'s' if n != 1 else ''}"
                            for n, word in ((folders, "folder"), (files, "file")) if n)
        self.progress_title.setText(f"Importing {what} into {self.library_path.name}…")
        self.pages.setCurrentIndex(1)
        self.cancel_button.setEnabled(True)
        self.task = start_task(run_import, self.library_path, list(self.paths), name="import",
                               on_success=self._finished, on_error=self._failed, on_progress=self._progress)
        return self.task

    def cancel(self) -> None:
        if self.is_running():
            assert self.task is not None
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_title.setText("Cancelling… the reports already imported stay in the library.")

    def _progress(self, done: int, total: int, message: str) -> None:
        self.bar.setMaximum(max(1, total))
        self.bar.setValue(done)
        if message and message != "done":
            metrics = self.current_label.fontMetrics()
            width = max(200, self.current_label.width())
            self.current_label.setText(metrics.elidedText(message, Qt.TextElideMode.ElideMiddle, width))
            self.current_label.setToolTip(message)

    def _finished(self, report: Any) -> None:
        self.report = report
        self.headline.setText(_headline(report))
        if report.stopped:
            self.stopped_label.setText(f"The import stopped: {report.stopped}")
            self.stopped_label.show()
        self.details.setPlainText(summary_text(report))
        self.pages.setCurrentIndex(2)
        self.importFinished.emit(report)
        if self._close_when_done:
            super().reject()

    def _failed(self, exc: BaseException) -> None:
        # The library could not be opened (locked, read-only, damaged...) or a bug: nothing imported.
        self.headline.setText("Nothing was imported.")
        message = errors.known_message(exc)
        self.details.setPlainText(message or errors.bug_report(exc))
        self.pages.setCurrentIndex(2)
        if self._close_when_done:
            super().reject()
        else:
            errors.report(self, exc, "import the reports")

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details.toPlainText())

    # ------------------------------------------------------------------ closing

    def reject(self) -> None:
        """Esc / Close while running cancels first and closes when the worker has stopped."""
        if self.is_running():
            self._close_when_done = True
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_running():
            self._close_when_done = True
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)
