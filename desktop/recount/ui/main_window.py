"""The main window: article on the left; claims, comparison and timeline on the right.

The window wires widgets to the core through `operations` (run on worker threads by
`workers.start_task`) and shows the results; the widgets themselves only show and forward.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from recount.claims.model import NumericClaim
from recount.ui import actions as actions_mod
from recount.ui import errors, operations, review
from recount.ui.article_pane import ARTICLE_SUFFIXES, ArticlePane
from recount.ui.claims_table import ClaimsPanel
from recount.ui.comparison import ComparisonPane
from recount.ui.results import ClaimRow, rows_for
from recount.ui.settings import Settings
from recount.ui.workers import Task, running_tasks, start_task

RECHECK_DELAY_MS = 600


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


class MainWindow(QMainWindow):
    """Recount's window. `checkFinished` fires when a check's results are on screen."""

    checkFinished = Signal()
    libraryReady = Signal(bool)  # the library file opened (True) or could not be (False)
    checkFailed = Signal()
    seriesShown = Signal()
    taskFinished = Signal(str)  # name of a background task that reported back

    def __init__(
        self, library_path: Path, settings: Settings | None = None, *, first_run: bool = True
    ) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.library_path = Path(library_path)
        self.library: Any = None  # the GUI thread's connection (library browser, counts)
        self.work_library: Any = None  # the workers' connection (checks, saves, reviews...)
        self.reports = 0  # report count, refreshed by workers
        self.checked: operations.Checked | None = None
        self.rows: list[ClaimRow] = []
        self._generation = 0
        self._check_task: Task | None = None
        self._series_task: Task | None = None
        self._checked_text = ""
        self._selected_key: tuple[int, int] | None = None
        self._first_run = first_run
        self._closing = False
        self.library_state = "opening"  # "opening" | "open" | "failed"

        self.setWindowTitle("Recount")
        self.setObjectName("recountMain")
        icon = app_icon()
        if not icon.isNull():
            self.setWindowIcon(icon)
        self.setAcceptDrops(True)

        self.actions_ = actions_mod.build(self)
        self._build_widgets()
        self._build_menus()
        self._build_docks()
        self._connect()
        self._restore_layout()

        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.setInterval(RECHECK_DELAY_MS)
        self._recheck.timeout.connect(self.check_now)

        self.open_library(self.library_path, initial=True)
        self._update_actions()
        QTimer.singleShot(50, self._warm_up)

    def _warm_up(self) -> None:
        if not self._closing:
            start_task(operations.warm_up, name="warm up")

    # ------------------------------------------------------------------ building
    def _build_widgets(self) -> None:
        self.article_pane = ArticlePane()
        self.claims_panel = ClaimsPanel()
        self.claims_panel.context_actions = [
            self.actions_.confirm, self.actions_.reject, self.actions_.correct, self.actions_.clear_review,
            None, self.actions_.dismiss,
        ]
        self.comparison = ComparisonPane()
        from recount.ui.timeline import TimelineWidget

        self.timeline = TimelineWidget()
        self.timeline.setAccessibleName("Timeline of reported figures")
        self.lower_tabs = QTabWidget()
        self.lower_tabs.setDocumentMode(True)
        self.lower_tabs.addTab(self.comparison, "Comparison")
        self.lower_tabs.addTab(self.timeline, "Timeline")
        self.lower_tabs.setAccessibleName("Comparison and timeline")

        claims_box = QWidget()
        lay = QVBoxLayout(claims_box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.claims_panel)
        review_bar = QToolBar("Review")
        review_bar.setObjectName("reviewBar")
        review_bar.setAccessibleName("Review the selected claim")
        review_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        review_bar.addWidget(QLabel(" Selected claim: "))
        for act in self.actions_.review_actions():
            review_bar.addAction(act)
        lay.addWidget(review_bar)

        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.setObjectName("rightSplitter")
        self.right.addWidget(claims_box)
        self.right.addWidget(self.lower_tabs)
        self.right.setStretchFactor(0, 4)
        self.right.setStretchFactor(1, 5)
        self.main = QSplitter(Qt.Orientation.Horizontal)
        self.main.setObjectName("mainSplitter")
        self.main.addWidget(self.article_pane)
        self.main.addWidget(self.right)
        self.main.setStretchFactor(0, 4)
        self.main.setStretchFactor(1, 6)
        self.main.setSizes([500, 780])
        self.right.setSizes([300, 380])
        self.setCentralWidget(self.main)

        self.status_label = QLabel()
        self.status_label.setAccessibleName("Library status")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.progress.setAccessibleName("Progress")
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.status_label)
        self.story_label = QLabel()  # which story the checked article joins (stories/)
        self.story_label.setObjectName("storyLabel")
        self.story_label.setAccessibleName("Story of this report")
        self.statusBar().addPermanentWidget(self.story_label)

    def _build_menus(self) -> None:
        a = self.actions_
        file = self.menuBar().addMenu("&File")
        items = (a.new, a.open, None, a.save, a.import_, a.export, None, a.settings,
                 None, a.quit)
        for act in items:
            file.addSeparator() if act is None else file.addAction(act)
        claims = self.menuBar().addMenu("&Claims")
        for act in (a.check, a.find, a.next_flag, a.prev_flag, None, *a.review_actions()):
            claims.addSeparator() if act is None else claims.addAction(act)
        self.view_menu = self.menuBar().addMenu("&View")
        self.view_menu.addAction(a.library)
        helpm = self.menuBar().addMenu("&Help")
        helpm.addAction(a.about)

        tb = QToolBar("Main")
        tb.setObjectName("mainToolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tb.setMovable(False)
        for act in (a.open, a.check, a.save, None, a.import_, a.export, None, a.library, a.next_flag):
            tb.addSeparator() if act is None else tb.addAction(act)
        self.addToolBar(tb)
        self.toolbar = tb

    def _build_docks(self) -> None:
        from recount.ui.library_browser import LibraryBrowser

        self.browser = LibraryBrowser()
        self.library_dock = QDockWidget("Library", self)
        self.library_dock.setObjectName("libraryDock")
        self.library_dock.setWidget(self.browser)
        self.library_dock.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
            | Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.library_dock.hide()
        self.library_dock.visibilityChanged.connect(self.actions_.library.setChecked)
        self.actions_.library.toggled.connect(self.library_dock.setVisible)
        self.browser.articleOpened.connect(self.open_stored)
        self.browser.articlesChanged.connect(self._library_changed)
        from recount.ui.watch_docks import install_watch

        self.watch = install_watch(self)  # Sources and What changed docks, polling (docs/watching.md)

    def _connect(self) -> None:
        a = self.actions_
        a.new.triggered.connect(self.new_article)
        a.open.triggered.connect(self.choose_file)
        a.check.triggered.connect(self.check_now)
        a.save.triggered.connect(self.save_to_library)
        a.import_.triggered.connect(self.choose_import)
        a.export.triggered.connect(lambda: self.export())
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(self._focus_filter)
        a.next_flag.triggered.connect(lambda: self.select_flag(+1))
        a.prev_flag.triggered.connect(lambda: self.select_flag(-1))
        a.confirm.triggered.connect(lambda: self.review_selected("confirmed"))
        a.reject.triggered.connect(lambda: self.review_selected("rejected"))
        a.correct.triggered.connect(self.correct_selected)
        a.clear_review.triggered.connect(lambda: self.review_selected(None))
        a.dismiss.triggered.connect(self.dismiss_selected)
        a.settings.triggered.connect(self.open_settings)
        a.about.triggered.connect(self.show_about)

        self.article_pane.edited.connect(self._edited)
        self.article_pane.editor.fileDropped.connect(self.open_file)
        self.article_pane.editor.claimClicked.connect(self.claims_panel.select_claim)
        self.claims_panel.claimSelected.connect(self._claim_selected)
        self.comparison.openArticle.connect(self.open_stored)
        self.comparison.dismissFlag.connect(self.dismiss_flag)
        self.timeline.pointActivated.connect(self.open_stored)

    # ------------------------------------------------------------------ layout memory
    def _restore_layout(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = self.settings.state()
        if state is not None:
            self.restoreState(state)
        for name, splitter in (("main", self.main), ("right", self.right)):
            saved = self.settings.splitter(name)
            if saved is not None:
                splitter.restoreState(saved)

    def _save_layout(self) -> None:
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.save_splitter("main", self.main.saveState())
        self.settings.save_splitter("right", self.right.saveState())
        self.settings.sync()

    # ------------------------------------------------------------------ library
    def open_library(self, path: Path, initial: bool = False) -> Task:
        """Open the library file on a worker (a busy, slow or large file never holds up the window).

        Until it is open, checks list the claims without comparing them and run again once it
        is; if it cannot be opened, the window says why and works without a library.
        """
        self._close_libraries()
        self.library_path = Path(path)
        self.library_state = "opening"
        self._update_status()
        wanted = self.library_path

        def opened(libraries: tuple[Any, Any, int]) -> None:
            gui, work, reports = libraries
            if self._closing or wanted != self.library_path:
                gui.close()  # the user switched library (or closed) meanwhile
                work.close()
                return
            self.library, self.work_library, self.reports = gui, work, reports
            self.library_state = "open"
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
            self.library_state = "failed"
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
            self.reports = n
            self._update_status()

        self._run(operations.count, self.work_library, name="count", doing="count the reports",
                  on_success=counted, quiet=True)

    def report_count(self) -> int:
        """The number of reports now (a direct query: for tests and the first-run offer)."""
        return 0 if self.library is None else self.library.count_articles()

    def _library_changed(self) -> None:
        self._refresh_count()
        if not self.article_pane.is_empty():
            self._schedule_check()

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
        self.browser.refresh()
        self._library_changed()
        self.taskFinished.emit("import")

    def _import_done(self, report: Any) -> None:
        self.browser.refresh()
        self._library_changed()
        summary = report.summary() if hasattr(report, "summary") else ""
        self.statusBar().showMessage(f"Import: {summary}", 8000)
        if getattr(report, "stopped", None):
            message = f"The import stopped.\n\n{report.stopped}"
            self.error_dialog = errors.show_message(self, "Recount", message)

    def choose_import(self) -> None:
        self.import_paths()

    # ------------------------------------------------------------------ article in
    def new_article(self) -> None:
        from recount.claims.model import Article

        self._generation += 1
        self._cancel_check()
        self.article_pane.set_article(Article(text=""))
        self._set_title(None)
        self._show_rows([], "")
        self.checked = None
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
        self._generation += 1
        self._cancel_check()
        self.article_pane.set_article(article)
        self._set_title(article.title)
        self._show_rows([], "")
        self.check_now()

    # ------------------------------------------------------------------ checking
    def _edited(self) -> None:
        self._generation += 1
        self._cancel_check()
        self._recheck.start()
        self._update_actions()

    def _schedule_check(self) -> None:
        self._recheck.start()

    def _cancel_check(self) -> None:
        if self._check_task is not None and not self._check_task.done:
            self._check_task.cancel()
        self._check_task = None

    def check_now(self) -> Task | None:
        """Check the article as it is now; a check still running is cancelled first."""
        self._recheck.stop()
        self._cancel_check()
        article = self.article_pane.article()
        if not article.text.strip():
            self._show_rows([], "")
            self.checked = None
            self._update_actions()
            return None
        gen = self._generation
        thresholds = self._thresholds()
        library = self.work_library if self.has_library() else None
        self.statusBar().showMessage("Checking…")
        started = time.perf_counter()

        def done(checked: operations.Checked) -> None:
            if gen != self._generation or task.is_cancelled():
                return  # the text changed meanwhile; a newer check is on its way
            self._checked(checked, article.text, (time.perf_counter() - started) * 1000)
            self._show_story(article, gen)

        def failed(exc: BaseException) -> None:
            if gen != self._generation or task.is_cancelled():
                return
            self.statusBar().showMessage("Check failed", 5000)
            self.error_dialog = errors.report(self, exc, "check this report")
            self.checkFailed.emit()

        task = start_task(operations.check, library, article, thresholds, name="check",
                          on_success=done, on_error=failed)
        self._check_task = task
        return task

    def _show_story(self, article: Any, gen: int) -> None:
        """Say which story the checked article joins, and how sure that is (on a worker)."""
        self.story_label.clear()
        if not self.has_library():
            return

        def shown(placement: Any) -> None:
            if gen == self._generation:
                self.story_label.setText(placement.describe())
                self.story_label.setToolTip(", ".join(t[2:] for t in placement.shared))

        start_task(operations.story_preview, self.work_library, article, name="story", on_success=shown)

    def _thresholds(self) -> Any:
        return self.settings.thresholds_object()

    def _checked(self, checked: operations.Checked, text: str, wall_ms: float) -> None:
        self.checked = checked
        if checked.library_ok:
            self.reports = checked.reports
        rows = rows_for(checked)
        keep = self._selected_key
        self._show_rows(rows, text)
        if keep is not None:
            for row in rows:
                if (row.claim.start, row.claim.end) == keep:
                    self.claims_panel.select_claim(row.index)
                    break
        elapsed = getattr(checked.result, "elapsed_ms", None) or wall_ms
        self.last_check_ms = float(elapsed)
        flags = sum(1 for r in rows if r.flags)
        self.statusBar().showMessage(
            f"{len(rows)} claims, {flags} flagged" if rows else "No figures or quotes found", 6000
        )
        self._update_status()
        self._update_actions()
        self.checkFinished.emit()

    last_check_ms: float | None = None

    def _show_rows(self, rows: list[ClaimRow], text: str) -> None:
        self.rows = rows
        self._checked_text = text
        self.claims_panel.model.set_rows(rows)
        if rows:
            self.article_pane.show_claims(rows, text)
        else:
            self.article_pane.clear_claims()
        self.comparison.show_row(None)
        self.timeline.set_series(None)

    # ------------------------------------------------------------------ selection
    def row(self, claim_index: int) -> ClaimRow | None:
        return self.rows[claim_index] if 0 <= claim_index < len(self.rows) else None

    def selected_row(self) -> ClaimRow | None:
        return self.row(self.claims_panel.selected_claim())

    def _claim_selected(self, claim_index: int) -> None:
        row = self.row(claim_index)
        self._selected_key = (row.claim.start, row.claim.end) if row else None
        label = self.article_pane.outlet.text().strip() or "This report"
        published = self.article_pane.published.text().strip()
        if published:
            from recount.wording import short_date

            label = f"{label} · {short_date(published)}"
        self.comparison.show_row(row, label)
        if row is not None:
            self.article_pane.select_claim(claim_index)
            if row.flags:
                self.lower_tabs.setCurrentWidget(self.comparison)
        self._update_actions()
        self._load_series(row)

    def _load_series(self, row: ClaimRow | None) -> None:
        if self._series_task is not None and not self._series_task.done:
            self._series_task.cancel()
        if row is None or not isinstance(row.claim, NumericClaim) or not self.has_library():
            self.timeline.set_series(None)
            return
        gen = self._generation
        claim = row.claim

        def done(series: Any) -> None:
            if gen == self._generation and self.selected_row() is row:
                self.timeline.set_series(series, current=claim)
                self.seriesShown.emit()

        published = self.checked.result.article.published if self.checked is not None else None
        self._series_task = self._run(operations.series, self.work_library, claim, published, name="series",
                                      doing="draw the timeline", on_success=done, quiet=True)

    def select_flag(self, step: int) -> None:
        """Select the next (+1) or previous (-1) flagged claim in text order, wrapping around."""
        flagged = [r.index for r in self.rows if r.flags]
        if not flagged:
            self.statusBar().showMessage("No flagged claims", 3000)
            return
        current = self.claims_panel.selected_claim()
        if step > 0:
            after = [i for i in flagged if i > current]
            target = after[0] if after else flagged[0]
        else:
            before = [i for i in flagged if i < current]
            target = before[-1] if before else flagged[-1]
        self.claims_panel.select_claim(target)

    def _focus_filter(self) -> None:
        self.claims_panel.search.setFocus()
        self.claims_panel.search.selectAll()

    # ------------------------------------------------------------------ saving, review
    def _current_claims(self) -> list[Any] | None:
        if self.checked is None or self._checked_text != self.article_pane.text():
            return None
        return list(self.checked.result.claims)

    def save_to_library(self) -> Task | None:
        if self.article_pane.is_empty():
            self.statusBar().showMessage("Nothing to save: the article is empty", 4000)
            return None
        article = self.article_pane.article()

        def done(saved: tuple[int, int]) -> None:
            article_id, self.reports = saved
            self.statusBar().showMessage(f"Saved to the library (report {article_id})", 5000)
            self.browser.refresh()
            self._update_status()

        return self._run(operations.save, self.work_library, article, self._current_claims(), name="save",
                         doing="save the report to the library", on_success=done)

    def _reviewable(self) -> ClaimRow | None:
        row = self.selected_row()
        if row is None or self._current_claims() is None:
            self.statusBar().showMessage("Select a claim of the checked article first", 4000)
            return None
        return row

    def review_selected(self, decision: str | None, correction: dict | None = None) -> Task | None:
        row = self._reviewable()
        if row is None:
            return None
        article = self.article_pane.article()
        claims = self._current_claims() or []

        def done(_claim_id: int) -> None:
            self.claims_panel.model.set_review(row.index, decision)
            what = {"confirmed": "Confirmed", "rejected": "Rejected", "corrected": "Corrected"}.get(
                decision or "", "Cleared the review of")
            self.statusBar().showMessage(f"{what} “{row.claim.span}”", 5000)
            self.browser.refresh()
            self.check_now()  # corrections and rejections change what is flagged

        return self._run(operations.review, self.work_library, article, claims, row.claim, decision,
                         correction, name="review", doing="record your review", on_success=done)

    def correct_selected(self) -> None:
        row = self._reviewable()
        if row is None:
            return
        self.correction_dialog = review.ask_correction(
            self, row.claim, lambda fix: self.review_selected("corrected", fix)
        )

    def dismiss_selected(self) -> None:
        row = self.selected_row()
        if row is None or not row.flags:
            self.statusBar().showMessage("The selected claim has no flag to dismiss", 4000)
            return
        self.dismiss_flag(row.flags[0].key)

    def dismiss_flag(self, key: str) -> None:
        flag = next((d for r in self.rows for d in r.flags if d.key == key), None)
        explanation = flag.explanation if flag is not None else ""

        def chosen(note: str) -> None:
            self._run(operations.dismiss, self.work_library, key, note or None, name="dismiss",
                      doing="dismiss the flag", on_success=lambda _k: self.check_now())

        self.note_dialog = review.ask_dismiss_note(self, explanation, chosen)

    # ------------------------------------------------------------------ export
    def export(self, ask: Any = None) -> None:
        """Export the current check; `ask` stands in for the file dialog (scripted use, tests)."""
        if self.checked is None:
            self.statusBar().showMessage("Check an article first, then export the check", 4000)
            return
        from recount.ui.export_dialog import choose_and_export

        self.export_task = choose_and_export(self, self.checked.result, settings=self.settings.store, ask=ask,
                                             reviews=self.checked.reviews)

    # ------------------------------------------------------------------ settings, about
    def open_settings(self) -> None:
        from recount.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.library_path, self.settings.thresholds, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(code: int) -> None:
            if code != SettingsDialog.DialogCode.Accepted:
                return
            path, thresholds = dialog.values()
            self.settings.thresholds = thresholds
            if path != self.library_path:
                self.settings.library_path = path
                self.open_library(path)
            self.settings.sync()
            if not self.article_pane.is_empty():
                self.check_now()

        dialog.finished.connect(finished)
        self.settings_dialog = dialog
        dialog.open()

    def show_about(self) -> None:
        from recount.ui.about import show_about

        self.about_box = show_about(self)

    # ------------------------------------------------------------------ plumbing
    def _run(self, fn: Any, *args: Any, name: str, doing: str, on_success: Any, quiet: bool = False,
             show_progress: bool = False) -> Task:
        """Start background work; its error becomes a dialog, its progress the status bar."""

        def failed(exc: BaseException) -> None:
            if self._closing:  # the window is gone: nobody to tell
                return
            self.progress.hide()
            if not quiet:
                self.error_dialog = errors.report(self, exc, doing)
            self.taskFinished.emit(name)

        def succeeded(value: Any) -> None:
            if self._closing:
                return
            self.progress.hide()
            on_success(value)
            self.taskFinished.emit(name)

        def progressed(done: int, total: int, message: str) -> None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done)
            self.progress.setFormat(f"{doing.capitalize()}: %p%")

        if show_progress:
            self.progress.setValue(0)
            self.progress.show()
        return start_task(fn, *args, name=name, on_success=succeeded, on_error=failed,
                          on_progress=progressed if show_progress else None)

    def _set_title(self, title: str | None) -> None:
        """The report's headline; Qt adds the application name ("… — Recount")."""
        self.setWindowTitle(title.strip() if title and title.strip() else "Recount")

    def _update_status(self) -> None:
        names = {"open": self.library_path.name, "opening": f"opening {self.library_path.name}…",
                 "failed": "no library"}
        parts = [names[self.library_state]]
        if self.library is not None:
            n = self.reports
            parts.append(f"{n:,} report{'s' if n != 1 else ''}")
        if self.last_check_ms is not None:
            parts.append(f"checked in {self.last_check_ms:.0f} ms")
        self.status_label.setText(" · ".join(parts))
        self.status_label.setToolTip(str(self.library_path))

    def _update_actions(self) -> None:
        has_text = not self.article_pane.is_empty()
        checked = self.checked is not None
        row = self.selected_row()
        self.actions_.check.setEnabled(has_text)
        usable = self.has_library()
        self.actions_.save.setEnabled(has_text and usable)
        self.actions_.export.setEnabled(checked)
        for act in (self.actions_.confirm, self.actions_.reject, self.actions_.correct,
                    self.actions_.clear_review):
            act.setEnabled(row is not None and usable)
        self.actions_.dismiss.setEnabled(row is not None and bool(row.flags) and usable)
        flagged = any(r.flags for r in self.rows)
        self.actions_.next_flag.setEnabled(flagged)
        self.actions_.prev_flag.setEnabled(flagged)
        self.actions_.import_.setEnabled(usable)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "article_pane"):
            self.article_pane.refresh_colours()
            self.comparison.show_row(self.comparison.row)
        super().changeEvent(event)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        """A dropped report opens; a dropped folder (or several files) goes to the import dialog."""
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        if len(paths) == 1 and paths[0].is_file():
            self.open_file(str(paths[0]))
        elif self.has_library():
            self.import_paths(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True
        self._recheck.stop()
        self._save_layout()
        for task in running_tasks():
            task.cancel()
        QThreadPool.globalInstance().waitForDone(3000)
        self._close_libraries()
        super().closeEvent(event)
