"""The window's frame: menus and toolbar, wiring, layout memory, background work with its
progress and errors, the status bar, enabled actions, drag and drop, closing.

A mixin of MainWindow; it holds no state of its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QThreadPool
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QToolBar

from recount.ui import errors
from recount.ui.workers import Task, running_tasks, start_task


class FrameMixin:
    """Menus, wiring, layout, background work, status, actions, drops, closing."""

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

    def _run(self, fn: Any, *args: Any, name: str, doing: str, on_success: Any, quiet: bool = False,
             show_progress: bool = False) -> Task:
        """Start background work; its error becomes a dialog, its progress the status bar, and
        once it succeeded, what it changed in the library is announced (ui/changes.py)."""

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
            self.changes.after(fn)
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
        self.status_label.setText(self.session.status(self.library_path.name, self.library is not None))
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
