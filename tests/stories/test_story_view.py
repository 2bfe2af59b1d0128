"""The story view in a real window (offscreen) over a real library: grouped reports, decisions
made through workers, and the pasted article's story in the main window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from story_reports import REPORTS, story_of

from recount import stories
from recount.claims.model import Article
from recount.library.importer import import_articles
from recount.library.store import Library
from recount.ui.library_browser import LibraryBrowser
from recount.ui.story_view import StoryView


def _article(report: dict[str, str]) -> Article:
    return Article(text=report["text"], published=report["published"], title=report["title"],
                   outlet=report["outlet"], id=report["id"], published_from="metadata")


@pytest.fixture
def lib(library_file: Path):
    library = Library.open(library_file)
    import_articles(library, [(r["id"], _article(r)) for r in REPORTS])
    yield library
    library.close()


@pytest.fixture
def view(qtbot, lib):
    w = StoryView()
    qtbot.addWidget(w)
    w.resize(800, 500)
    w.show()
    qtbot.waitExposed(w)
    with qtbot.waitSignal(w.loaded, timeout=10000):
        w.set_library(lib)
    return w


def _story_item(view: StoryView, name: str):
    for i in range(view.tree.topLevelItemCount()):
        item = view.tree.topLevelItem(i)
        story = next(s for s in view.stories if s.id == view._story_id(item))
        if story_of(story.refs[0]) == name:
            return item, story
    raise AssertionError(name)


def _select(view: StoryView, items) -> None:
    view.tree.clearSelection()
    for item in items:
        view.tree.setCurrentItem(item, 0, QItemSelectionModel.SelectionFlag.Select)


def test_reports_are_grouped_by_story(view, lib):
    assert view.tree.topLevelItemCount() == 4
    assert view.summary.text() == f"4 stories, {len(REPORTS)} reports"
    item, story = _story_item(view, "flood")
    assert item.childCount() == 0  # filled when expanded
    item.setExpanded(True)
    assert [item.child(i).toolTip(0) for i in range(item.childCount())] == story.refs
    assert item.child(0).text(0) == "Floodwater cuts Varnessa off as Keldor dam gives way"
    assert item.child(0).text(1) == "Tidewire" and item.child(0).text(2) == "2025-09-11"
    assert {story_of(r) for r in story.refs} == {"flood"}
    assert item.text(0) == f"{story.title} · 3 reports" and item.text(2) == "2025-09-11 – 2025-09-16"


def test_rename_merge_split_move_run_on_workers(qtbot, view, lib):
    flood, flood_story = _story_item(view, "flood")
    _select(view, [flood])
    assert view.rename_button.isEnabled() and not view.merge_button.isEnabled()
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.rename_selected("Varnessa flood")
    assert "Varnessa flood" in [s.title for s in stories.list_stories(lib)]

    bridge, bridge_story = _story_item(view, "bridge")
    flood, _ = _story_item(view, "flood")
    _select(view, [flood, bridge])
    assert view.merge_button.isEnabled()
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.merge_selected()
    assert view.tree.topLevelItemCount() == 3
    merged = stories.story_of(lib, bridge_story.article_ids[0])
    assert merged.id == flood_story.id  # into the larger story

    item, _ = _story_item(view, "flood")
    item.setExpanded(True)
    rows = [item.child(i) for i in range(item.childCount())]
    bridge_rows = [row for row in rows if story_of(row.toolTip(0)) == "bridge"]
    _select(view, bridge_rows)
    assert view.split_button.isEnabled() and view.move_button.isEnabled()
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.split_selected()
    assert view.tree.topLevelItemCount() == 4
    assert stories.story_of(lib, bridge_story.article_ids[0]).id != flood_story.id

    museum, museum_story = _story_item(view, "museum")
    museum.setExpanded(True)
    _select(view, [museum.child(0)])
    _, count_story = _story_item(view, "count")
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.move_selected(count_story.id)
    moved = museum_story.article_ids[0]
    assert stories.story_of(lib, moved).id == count_story.id
    assert stories.decided(lib)[moved] == count_story.id


def test_a_refused_decision_says_why(qtbot, view, lib):
    flood, flood_story = _story_item(view, "flood")
    flood.setExpanded(True)
    _select(view, [flood.child(i) for i in range(flood.childCount())])  # every report: not a split
    task = view.split_selected()
    qtbot.waitUntil(lambda: task.done, timeout=10000)
    assert "not none or all" in view.error_dialog.text()
    view.error_dialog.close()
    assert len(stories.story_of(lib, flood_story.article_ids[0]).article_ids) == 3


def test_the_library_browser_has_a_stories_tab_that_opens_reports(qtbot, lib):
    browser = LibraryBrowser()
    qtbot.addWidget(browser)
    browser.resize(900, 500)
    browser.set_library(lib)
    browser.show()
    qtbot.waitExposed(browser)
    assert browser.story_view.tree.topLevelItemCount() == 0  # hidden: not read yet
    with qtbot.waitSignal(browser.story_view.loaded, timeout=10000):
        browser.tabs.setCurrentWidget(browser.story_view)
    item = browser.story_view.tree.topLevelItem(0)
    item.setExpanded(True)
    with qtbot.waitSignal(browser.articleOpened, timeout=2000) as opened:
        browser.story_view._double_clicked(item.child(0), 0)
    assert opened.args[0] in next(s.article_ids for s in browser.story_view.stories)


def test_a_pasted_article_shows_which_story_it_joins(qtbot, library_file: Path, tmp_path: Path):
    from PySide6.QtCore import QSettings

    from recount.ui.main_window import MainWindow
    from recount.ui.settings import Settings

    held_back = "count-courier-2026-03-05"
    with Library.open(library_file) as lib:
        import_articles(lib, [(r["id"], _article(r)) for r in REPORTS if r["id"] != held_back])
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(library_file, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.library_state != "opening", timeout=5000)
    pasted = _article(next(r for r in REPORTS if r["id"] == held_back))
    with qtbot.waitSignal(window.checkFinished, timeout=30000):
        window.show_article(pasted)
    qtbot.waitUntil(lambda: window.story_label.text() != "", timeout=10000)
    label = window.story_label.text()
    assert label.startswith("Joins story: ") and ("sure" in label or "likely" in label)
    with Library.open(library_file) as lib:
        count_title = stories.story_of(lib, lib.find_article(ext_id="count-ledger-2026-03-02")).title
    assert count_title in label
    assert "quorvia" in window.story_label.toolTip()


def test_reports_stored_without_a_story_are_placed_when_the_view_opens(qtbot, library_file: Path):
    """A library from before stories: the view places its reports on a worker, then lists them."""
    with Library.open(library_file) as lib:
        for r in REPORTS:
            lib.add_article(_article(r), [])  # no story step, as an old library's reports
        assert stories.list_stories(lib) == []
        w = StoryView()
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        seen: list[str] = []
        with qtbot.waitSignal(w.loaded, timeout=20000):
            task = w.set_library(lib) or w.task
            task.progressed.connect(lambda done, total, message: seen.append(message))
        assert w.tree.topLevelItemCount() == 4
        assert seen and seen[-1] == "Placing reports in stories"
