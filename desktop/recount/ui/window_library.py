"""The window's library half: opening the file (two connections), counting, importing,
the first-run samples, and opening reports from files or the library.

A mixin of MainWindow (it uses the window's widgets, session and `_run`); no state of its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileDialog, QMessageBox

from recount.ui import errors, operations
from recount.ui.article_pane import ARTICLE_SUFFIXES
from recount.ui.changes import STORED
from recount.ui.workers import Task, running_tasks, start_task


def app_icon() -> QIcon:
    """The packaging engineer's icon (hicolor PNGs, else the SVG), empty when not shipped."""
    from recount.paths import resources_dir

    icon = QIcon()
    icons = resources_dir() / "icons"
    for png in sorted(icons.glob("hicolor/*/apps/*.png")):
        icon.addFile(str(png))
    if icon.isNull():
        for name in ("recount.svg", "io.github.recount.Recount.svg"):
            if (icons / name).is_file():
                icon.addFile(str(icons / name))
                break
    return icon


FEATURED_SAMPLE = "ostrelo-continental-2025-03-17.txt"  # a running total that falls: flags at once


def sample_files() -> list[Path]:
    from recount.paths import resources_dir

    return sorted((resources_dir() / "samples").glob("*.txt"))


class LibraryMixin:
    """Opening the library and reports; importing."""

    def _warm_up(self) -> None:
        if not self._closing:
            start_task(operations.warm_up, name="warm up")

    def open_library(self, path: Path, initial: bool = False) -> Task:
        """Open the library file on a worker (a busy, slow or large file never holds up the window).

        Until it is open, checks list the claims without comparing them and run again once it
        is; if it cannot be opened, the window says why and works without a library.
        """
        self._close_libraries()
        self.library_path = Path(path)
        self.session.library_is("opening")
        self._update_status()
        wanted = self.library_path

        def opened(libraries: tuple[Any, Any, int]) -> None:
            gui, work, reports = libraries
            if self._closing or wanted != self.library_path:
                gui.close()  # the user switched library (or closed) meanwhile
                work.close()
                return
            self.library, self.work_library = gui, work
            self.session.library_is("open", reports)
            self.browser.setEnabled(True)
            self.browser.set_library(gui, writer=work)  # reads here, writes on workers
            self.timeline.set_library(gui)  # clicking a point looks its report up here
            self._update_status()
            self._update_actions()
            if initial and self._first_run:
                QTimer.singleShot(0, self._offer_samples)
            if not self.article_pane.is_empty():
                self.check_now()  # now with the library to compare against
            self.libraryReady.emit(True)

        def failed(exc: BaseException) -> None:
            if wanted != self.library_path:
                return
            self.session.library_is("failed")
            self.browser.setEnabled(False)
            self._update_status()
            self._update_actions()
            self.error_dialog = errors.report(self, exc, f"open the library {wanted}")
            self.libraryReady.emit(False)

        return start_task(operations.open_library, wanted, name="open library", on_success=opened,
                          on_error=failed)

    def has_library(self) -> bool:
        return self.library_state == "open"

    def _close_libraries(self) -> None:
        """Close both connections, once the work that uses them has stopped."""
        if self.library is None and self.work_library is None:
            return
        for task in running_tasks():
            task.cancel()
        QThreadPool.globalInstance().waitForDone(3000)
        for lib in (self.library, self.work_library):
            if lib is not None:
                lib.close()
        self.library = self.work_library = None

    def _refresh_count(self) -> None:
        """Recount the reports on a worker, then update the status bar."""
        if self.work_library is None:
            return

        def counted(n: int) -> None:
            self.session.reports = n
            self._update_status()

        self._run(operations.count, self.work_library, name="count", doing="count the reports",
                  on_success=counted, quiet=True)

    def report_count(self) -> int:
        """The number of reports now (a direct query: for tests and the first-run offer)."""
        return 0 if self.library is None else self.library.count_articles()

    def _library_changed(self, kinds: frozenset[str] | None = None, source: object = None) -> None:
        """The window's part of a change: the report count, and the check when what it compares
        against changed. Called without `kinds`, it announces a change of stored reports."""
        if kinds is None:
            self.changes.announce(STORED, source)
            return
        if "reports" in kinds:
            self._refresh_count()
        if self.article_pane.is_empty():
            return
        if "reviews" in kinds or kinds == {"flags"}:
            self.check_now()  # the user's decision on this check (review, dismissal): at once
        elif kinds & STORED:
            self._schedule_check()  # what it is compared against changed: after a pause

    def _offer_samples(self) -> None:
        if self.library is None or self.settings.samples_offered or self.report_count() > 0:
            return
        self.settings.samples_offered = True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Welcome to Recount",
            "Your library is empty. Load a few sample reports (an invented siege and peace-talks "
            "story, eight reports) so you can see how Recount flags figures and quotes that change?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("samplesOffer")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(
            lambda code: self.load_samples() if code == QMessageBox.StandardButton.Yes else None
        )
        self.samples_box = box
        box.open()

    def load_samples(self, open_featured: bool = True) -> Task:
        """Import the bundled sample reports, then open one whose flags show at once."""
        files = sample_files()

        def done(report: Any) -> None:
            self._import_done(report)
            featured = [f for f in files if f.name == FEATURED_SAMPLE]
            if open_featured and featured and self.article_pane.is_empty():
                self.open_file(str(featured[0]))

        return self._run(operations.import_files, self.work_library, files, name="samples",
                         doing="load the sample reports", on_success=done, show_progress=True)

    def import_paths(self, paths: list[Path] | None = None) -> Any:
        """The import dialog (progress, Cancel, summary); it starts at once when given paths."""
        from recount.ui.import_dialog import ImportDialog

        dialog = ImportDialog(self.library_path, [Path(p) for p in paths or []], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.importFinished.connect(self._imported)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _imported(self, _report: Any) -> None:
        self.changes.after(operations.import_files)  # the dialog imported on a worker of its own
        self.taskFinished.emit("import")

    def _import_done(self, report: Any) -> None:
        summary = report.summary() if hasattr(report, "summary") else ""
        self.statusBar().showMessage(f"Import: {summary}", 8000)
        if getattr(report, "stopped", None):
            message = f"The import stopped.\n\n{report.stopped}"
            self.error_dialog = errors.show_message(self, "Recount", message)

    def choose_import(self) -> None:
        self.import_paths()

    def new_article(self) -> None:
        from recount.claims.model import Article

        self.session.cleared()
        self._cancel_check()
        self.article_pane.set_article(Article(text=""))
        self._set_title(None)
        self._show_rows()
        self._update_actions()
        self.article_pane.editor.setFocus()

    def choose_file(self) -> None:
        pattern = " ".join(f"*{s}" for s in ARTICLE_SUFFIXES)
        name, _ = QFileDialog.getOpenFileName(
            self, "Open a report", self.settings.last_folder, f"Reports ({pattern});;All files (*)"
        )
        if name:
            self.settings.last_folder = str(Path(name).parent)
            self.open_file(name)

    def open_file(self, path: str) -> Task:
        """Read a file (on a worker: large or slow files never freeze the window) and check it."""
        return self._run(operations.read_file, str(path), name="read", doing=f"open {Path(path).name}",
                         on_success=self.show_article)

    def open_stored(self, article_id: int) -> Task | None:
        if article_id is None or int(article_id) < 0:
            return None
        return self._run(operations.load, self.work_library, int(article_id), name="load",
                         doing="open the report", on_success=self.show_article)

    def show_article(self, article: Any) -> None:
        self.session.cleared()
        self._cancel_check()
        self.article_pane.set_article(article)
        self._set_title(article.title)
        self._show_rows()
        self.check_now()
