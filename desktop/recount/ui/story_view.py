"""The library's reports grouped by story, with the user's story decisions.

A tree: each story (title, reports, dates) over its reports, filled when expanded so that a
library of 50,000 reports opens at once. Rename, merge, split and move are `ui.operations`
functions run by the worker helper on the window's writing connection; the tree is read
again when they report back. Nothing here touches the library on the GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recount.ui import errors, operations
from recount.ui.workers import Task, start_task

STORY_ROLE = Qt.ItemDataRole.UserRole  # story id on a story row
ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 1  # article id on a report row


class StoryView(QWidget):
    """Stories and their reports; rename, merge, split, move."""

    articleOpened = Signal(int)
    storiesChanged = Signal()  # a decision was written
    loaded = Signal()  # the tree shows the library as it is now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reader: Any = None
        self._writer: Any = None
        self.stories: list[Any] = []
        self.task: Task | None = None
        self._stale = False
        self.tree = QTreeWidget()
        self.tree.setObjectName("storyTree")
        self.tree.setAccessibleName("Stories and their reports")
        self.tree.setHeaderLabels(["Story / report", "Outlet", "Dates"])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # titles take what is left
        for column, chars in ((1, 14), (2, 12)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, self.fontMetrics().horizontalAdvance("M" * chars) * 7 // 10 + 12)
        self.tree.itemExpanded.connect(self._fill)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self.tree.itemSelectionChanged.connect(self._update_actions)
        self.summary = QLabel()
        self.summary.setObjectName("storySummary")
        self.rename_button = QPushButton("&Rename…")
        self.merge_button = QPushButton("&Merge")
        self.split_button = QPushButton("&Split off")
        self.move_button = QPushButton("Mo&ve to…")
        for button, tip, slot in (
                (self.rename_button, "Give the selected story a title of your own", self.rename_selected),
                (self.merge_button, "Put the selected stories together (into the largest)",
                 self.merge_selected),
                (self.split_button, "Take the selected reports out of their story into a new one",
                 self.split_selected),
                (self.move_button, "Put the selected reports in another story", self.move_selected)):
            button.setToolTip(tip)
            button.clicked.connect(slot)
        buttons = QGridLayout()  # two by two: the library dock may be narrow
        for i, button in enumerate((self.rename_button, self.merge_button, self.move_button,
                                    self.split_button)):
            buttons.addWidget(button, i // 2, i % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._update_actions()

    # ------------------------------------------------------------------ loading
    def set_library(self, reader: Any, writer: Any = None) -> None:
        """Show the stories of a library (None: none); reads run on `writer`'s worker connection."""
        self._reader = reader
        self._writer = writer if writer is not None else reader
        self.refresh()

    def refresh(self) -> Task | None:
        """Read the stories again; while the view is hidden, only once it is shown."""
        if not self.isVisible() and self._writer is not None:
            self._stale = True
            return None
        self._stale = False
        if self._writer is None:
            self.stories = []
            self.tree.clear()
            self.summary.setText("No library")
            self._update_actions()
            return None
        self.summary.setText("Reading stories…")
        return self._run(operations.stories_list, self._writer, doing="read the stories", done=self._show,
                         progress=self._progress)

    def _progress(self, done: int, total: int, message: str) -> None:
        """Reports of a library made before stories are placed first: say how far that is."""
        self.summary.setText(f"{message}: {done:,} of {total:,}…" if total else "Reading stories…")

    def resizeEvent(self, event: QResizeEvent) -> None:
        """In a narrow dock the titles keep the room: outlet and dates go first."""
        super().resizeEvent(event)
        self.tree.setColumnHidden(2, self.width() < 420)
        self.tree.setColumnHidden(1, self.width() < 340)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _show(self, stories: list[Any]) -> None:
        expanded = {self._story_id(self.tree.topLevelItem(i)) for i in range(self.tree.topLevelItemCount())
                    if self.tree.topLevelItem(i).isExpanded()}
        self.stories = stories
        self.tree.clear()
        for story in stories:
            dates = " – ".join(dict.fromkeys(d for d in (story.first_date, story.last_date) if d))
            n = len(story.article_ids)
            item = QTreeWidgetItem([f"{story.title} · {n} report{'s' if n != 1 else ''}", "", dates])
            item.setData(0, STORY_ROLE, story.id)
            item.setToolTip(0, f"Story {story.id}" + (" (title given by you)" if story.title_by_user else ""))
            item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            self.tree.addTopLevelItem(item)
            if story.id in expanded:
                item.setExpanded(True)
        n = sum(len(s.article_ids) for s in stories)
        self.summary.setText(f"{len(stories)} stor{'ies' if len(stories) != 1 else 'y'}, {n} reports")
        self._update_actions()
        self.loaded.emit()

    def _fill(self, item: QTreeWidgetItem) -> None:
        """A story's reports, added the first time it is expanded."""
        if item.childCount() or self._story_id(item) is None:
            return
        story = next((s for s in self.stories if s.id == self._story_id(item)), None)
        if story is None:
            return
        for article_id, ref, (title, outlet, published) in zip(story.article_ids, story.refs, story.details,
                                                               strict=True):
            child = QTreeWidgetItem([title or ref, outlet or "", published or ""])
            child.setData(0, ARTICLE_ROLE, article_id)
            child.setToolTip(0, ref)
            item.addChild(child)

    # ------------------------------------------------------------------ selection
    @staticmethod
    def _story_id(item: QTreeWidgetItem | None) -> int | None:
        value = item.data(0, STORY_ROLE) if item is not None else None
        return int(value) if value is not None else None

    def selected_stories(self) -> list[int]:
        return [sid for item in self.tree.selectedItems() if (sid := self._story_id(item)) is not None]

    def selected_reports(self) -> list[tuple[int, int]]:
        """(story id, article id) of the selected report rows."""
        found = []
        for item in self.tree.selectedItems():
            article_id = item.data(0, ARTICLE_ROLE)
            if article_id is not None and item.parent() is not None:
                found.append((self._story_id(item.parent()), int(article_id)))
        return found

    def _update_actions(self) -> None:
        stories, reports = self.selected_stories(), self.selected_reports()
        idle = self.task is None or self.task.done
        self.rename_button.setEnabled(idle and len(stories) == 1 and not reports)
        self.merge_button.setEnabled(idle and len(stories) >= 2 and not reports)
        one_story = len({s for s, _ in reports}) == 1
        self.split_button.setEnabled(idle and bool(reports) and one_story and not stories)
        self.move_button.setEnabled(idle and bool(reports) and not stories and len(self.stories) > 1)

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        article_id = item.data(0, ARTICLE_ROLE)
        if article_id is not None:
            self.articleOpened.emit(int(article_id))

    # ------------------------------------------------------------------ decisions
    def rename_selected(self, title: str | None = None) -> Task | None:
        (sid,) = self.selected_stories()[:1] or (None,)
        if sid is None:
            return None
        if title is None:
            current = next((s.title for s in self.stories if s.id == sid), "")
            title, ok = QInputDialog.getText(self, "Rename story", "Title:", text=current)
            if not ok:
                return None
        return self._decide(operations.story_rename, sid, title, doing="rename the story")

    def merge_selected(self) -> Task | None:
        ids = self.selected_stories()
        if len(ids) < 2:
            return None
        size = {s.id: len(s.article_ids) for s in self.stories}
        into = max(ids, key=lambda i: (size.get(i, 0), -i))
        others = [i for i in ids if i != into]
        return self._decide(operations.story_merge, into, others, doing="merge the stories")

    def split_selected(self, title: str | None = None) -> Task | None:
        reports = self.selected_reports()
        if not reports or len({s for s, _ in reports}) != 1:
            return None
        return self._decide(operations.story_split, reports[0][0], [a for _, a in reports], title,
                            doing="split the story")

    def move_selected(self, story_id: int | None = None) -> Task | None:
        reports = self.selected_reports()
        if not reports:
            return None
        if story_id is None:
            choices = [s for s in self.stories if s.id not in {sid for sid, _ in reports}]
            labels = [f"{s.title}  [{s.id}]" for s in choices]
            label, ok = QInputDialog.getItem(self, "Move to story", "Story:", labels, 0, False)
            if not ok or label not in labels:
                return None
            story_id = choices[labels.index(label)].id
        return self._decide(operations.story_move, [a for _, a in reports], story_id,
                            doing="move the reports")

    def _decide(self, fn: Any, *args: Any, doing: str) -> Task | None:
        if self._writer is None or (self.task is not None and not self.task.done):
            return None

        def done(_result: Any) -> None:
            self.storiesChanged.emit()
            self.refresh()

        return self._run(fn, self._writer, *args, doing=doing, done=done)

    def _run(self, fn: Any, *args: Any, doing: str, done: Any, progress: Any = None) -> Task:
        def failed(exc: BaseException) -> None:
            from recount.stories import StoryError

            self.summary.setText(f"Could not {doing}")
            if isinstance(exc, StoryError):  # a decision that cannot be made: say why
                self.error_dialog = errors.show_message(self, "Recount", f"Could not {doing}.\n\n{exc}")
            else:
                self.error_dialog = errors.report(self, exc, doing)
            self._update_actions()

        self.task = start_task(fn, *args, name=doing, on_success=done, on_error=failed, on_progress=progress)
        self.task.finished.connect(self._update_actions)
        self._update_actions()
        return self.task
