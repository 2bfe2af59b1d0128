"""The main window: article on the left; claims, comparison and timeline on the right.

The window wires widgets to the core through `operations` (run on worker threads by
`workers.start_task`) and shows the results; the widgets themselves only show and forward.
What it is working on (the check, its staleness, the selection) is a plain `Session`; what
the library's writes changed arrives on one `Changes` signal, and each view refreshes
itself from it. The library (window_library.py), claim (window_claims.py) and frame
(window_frame.py) halves are mixins of this class.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QProgressBar,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from recount.ui import actions as actions_mod
from recount.ui import errors, operations
from recount.ui.article_pane import ArticlePane
from recount.ui.changes import Changes
from recount.ui.claims_table import ClaimsPanel
from recount.ui.comparison import ComparisonPane
from recount.ui.session import Session
from recount.ui.settings import Settings
from recount.ui.window_claims import ClaimsMixin
from recount.ui.window_frame import FrameMixin
from recount.ui.window_library import FEATURED_SAMPLE, LibraryMixin, app_icon, sample_files
from recount.ui.workers import Task, start_task

__all__ = ["FEATURED_SAMPLE", "RECHECK_DELAY_MS", "MainWindow", "app_icon", "sample_files"]

RECHECK_DELAY_MS = 600


class MainWindow(FrameMixin, LibraryMixin, ClaimsMixin, QMainWindow):
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
        self.session = Session()
        self.changes = Changes(self)
        self._check_task: Task | None = None
        self._series_task: Task | None = None
        self._first_run = first_run
        self._closing = False

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
        self.changes.changed.connect(self._library_changed)
        self._restore_layout()

        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.setInterval(RECHECK_DELAY_MS)
        self._recheck.timeout.connect(self.check_now)

        self.open_library(self.library_path, initial=True)
        self._update_actions()
        QTimer.singleShot(50, self._warm_up)

    # ------------------------------------------------------------------ the session, read by views and tests
    rows = property(lambda self: self.session.rows)
    checked = property(lambda self: self.session.checked)
    reports = property(lambda self: self.session.reports)
    library_state = property(lambda self: self.session.library_state)
    last_check_ms = property(lambda self: self.session.last_check_ms)
    _checked_text = property(lambda self: self.session.checked_text)
    _generation = property(lambda self: self.session.generation)

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
        self.browser.changes = self.changes  # its writes announce what they changed
        self.changes.changed.connect(self.browser.library_changed)
        from recount.ui.watch_docks import install_watch

        self.watch = install_watch(self)  # Sources and What changed docks, polling (docs/watching.md)

    def _edited(self) -> None:
        self.session.edited()
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
            self.session.cleared()
            self._show_rows()
            self._update_actions()
            return None
        gen = self.session.generation
        thresholds = self._thresholds()
        library = self.work_library if self.has_library() else None
        self.statusBar().showMessage("Checking…")
        started = time.perf_counter()

        def done(checked: operations.Checked) -> None:
            wall_ms = (time.perf_counter() - started) * 1000
            if task.is_cancelled() or not self.session.accept(checked, article.text, gen, wall_ms):
                return  # the text changed meanwhile; a newer check is on its way
            self._checked()
            self._show_story(article, gen)

        def failed(exc: BaseException) -> None:
            if not self.session.wanted(gen) or task.is_cancelled():
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
            if self.session.wanted(gen):
                self.story_label.setText(placement.describe())
                self.story_label.setToolTip(", ".join(t[2:] for t in placement.shared))

        start_task(operations.story_preview, self.work_library, article, name="story", on_success=shown)

    def _thresholds(self) -> Any:
        return self.settings.thresholds_object()

    def _checked(self) -> None:
        """Show the session's new check: rows, highlights, the claim selected before it."""
        self._show_rows()
        again = self.session.reselect()
        if again is not None:
            self.claims_panel.select_claim(again)
        self.statusBar().showMessage(self.session.summary(), 6000)
        self._update_status()
        self._update_actions()
        self.checkFinished.emit()

    def _show_rows(self) -> None:
        rows, text = self.session.rows, self.session.checked_text
        self.claims_panel.model.set_rows(rows)
        if rows:
            self.article_pane.show_claims(rows, text)
        else:
            self.article_pane.clear_claims()
        self.comparison.show_row(None)
        self.timeline.set_series(None)
