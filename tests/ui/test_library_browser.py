"""Library browser over a real temporary library: paging, search, open, edit, delete + Undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from corpus_support import fill_with_corpus
from recount.claims.model import Article
from recount.library.store import Library
from recount.ui import articles_model
from recount.ui.library_browser import ArticlesModel, LibraryBrowser, search_query

CORPUS = Path(__file__).parent.parent / "corpus"


def _fill(lib: Library) -> int:
    return fill_with_corpus(lib)


@pytest.fixture
def lib(library_file):
    library = Library.open(library_file)
    _fill(library)
    yield library
    library.close()


def _select(browser: LibraryBrowser, row: int) -> int:
    index = browser.model.index(row, 0)
    browser.view.selectionModel().select(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    browser.view.setCurrentIndex(index)
    return browser.model.row(row).id


def _row_of_title(browser: LibraryBrowser, words: str) -> int:
    for r in range(browser.model.rowCount()):
        if words in (browser.model.row(r).title or ""):
            return r
    raise AssertionError(words)


def test_table_lists_reports_newest_first_with_claim_counts(browser, lib):
    model = browser.model
    assert model.rowCount() == lib.count_articles() > 15
    published = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert published == sorted(published, reverse=True)
    r = _row_of_title(browser, "Ostrelo death toll climbs")
    assert model.index(r, 1).data() == "The Sarvana Herald"
    assert int(model.index(r, 3).data()) == len(lib.claims(model.row(r).id)) > 0
    assert browser.count_label.text() == f"{lib.count_articles()} reports"


def test_model_passes_qtmodeltester(qtmodeltester, lib, monkeypatch):
    monkeypatch.setattr(articles_model, "PAGE_SIZE", 4)
    model = ArticlesModel()
    model.set_library(lib)
    qtmodeltester.check(model)
    # Qt's tester runs its checks (and so fetchMore) inside a reset it watches and then
    # blames the model, so a searched model gets a tester of its own.
    searched = ArticlesModel()
    searched.set_library(lib)
    searched.set_search("siege Ostrelo")
    qtmodeltester.check(searched)


def test_pages_are_fetched_as_needed(lib, monkeypatch):
    monkeypatch.setattr(articles_model, "PAGE_SIZE", 5)
    model = ArticlesModel()
    model.set_library(lib)
    from PySide6.QtCore import QModelIndex

    assert model.rowCount() == 5 and model.canFetchMore(QModelIndex())
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    ids = [model.row(r).id for r in range(model.rowCount())]
    assert len(ids) == len(set(ids)) == lib.count_articles()


def test_search_finds_words_and_never_errors(browser, qtbot):
    browser.search.setText("Kharadin")
    qtbot.waitUntil(lambda: browser.model.searching() and browser.model.rowCount() > 0, timeout=2000)
    titles = [browser.model.row(r).title for r in range(browser.model.rowCount())]
    assert titles and all(t for t in titles)
    assert browser.model.rowCount() < 10 and "match" in browser.count_label.text()
    for nasty in ['WHO\'s "AND (', "NEAR(", "*", "-", 'a OR "b']:
        browser.search.setText(nasty)
        browser._run_search()
    assert not browser.findChildren(QMessageBox)
    browser.search.setText("")
    browser._run_search()
    assert not browser.model.searching()


def test_prefix_search_while_typing(browser):
    browser.search.setText("Ostre")
    browser._run_search()
    assert browser.model.rowCount() >= 5
    assert search_query("Ostre") == '"Ostre"*'
    assert search_query("siege of ") == '"siege" AND "of"'
    assert search_query('" ( )') is None


def test_double_click_and_enter_open_the_report(browser, qtbot):
    article_id = _select(browser, 2)
    rect = browser.view.visualRect(browser.model.index(2, 0))
    with qtbot.waitSignal(browser.articleOpened, timeout=1000) as blocker:
        # A real double-click is a press/release followed by a double-click event.
        qtbot.mouseClick(browser.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(browser.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [article_id]
    browser.view.setFocus()
    with qtbot.waitSignal(browser.articleOpened, timeout=1000) as blocker:
        qtbot.keyClick(browser.view, Qt.Key.Key_Return)
    assert blocker.args == [article_id]


def test_delete_asks_then_undo_restores(browser, lib, qtbot):
    before = lib.count_articles()
    article_id = _select(browser, 0)
    box = browser.delete_selected()
    assert isinstance(box, QMessageBox) and box.isVisible()
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    cancel.click()
    assert lib.count_articles() == before  # Cancel deletes nothing

    _select(browser, 0)
    box = browser.delete_selected()
    delete = next(b for b in box.buttons() if b.text() == "Delete")
    with qtbot.waitSignal(browser.articlesChanged, timeout=1000):
        delete.click()
    assert lib.count_articles() == before - 1
    assert lib.article(article_id).deleted_at is not None
    assert browser.model.row_of(article_id) is None
    assert browser.undo_bar.isVisible() and "Deleted" in browser.undo_label.text()

    with qtbot.waitSignal(browser.articlesChanged, timeout=1000):
        qtbot.mouseClick(browser.undo_button, Qt.MouseButton.LeftButton)
    assert lib.count_articles() == before
    assert lib.article(article_id).deleted_at is None
    assert browser.model.row_of(article_id) is not None
    assert browser.selected_ids() == [article_id]
    assert not browser.undo_bar.isVisible()


def test_delete_several_with_the_delete_key(browser, lib, qtbot):
    before = lib.count_articles()
    sel = browser.view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for r in (1, 3):
        sel.select(browser.model.index(r, 0), flags)
    browser.view.setFocus()
    qtbot.keyClick(browser.view, Qt.Key.Key_Delete)
    box = browser.findChild(QMessageBox, "confirmDelete")
    assert box is not None and "these 2 reports" in box.text()
    with qtbot.waitSignal(browser.articlesChanged, timeout=2000):
        next(b for b in box.buttons() if b.text() == "Delete").click()
    assert lib.count_articles() == before - 2
    with qtbot.waitSignal(browser.articlesChanged, timeout=2000):
        browser.undo()
    assert lib.count_articles() == before


def test_edit_details_is_validated_persisted_and_undoable(browser, lib, qtbot):
    row = _row_of_title(browser, "Ostrelo death toll climbs")
    article_id = _select(browser, row)
    old_title = lib.article(article_id).title
    dialog = browser.edit_selected()
    assert dialog is not None and dialog.edits["title"].text() == old_title
    dialog.edits["title"].setText("Ostrelo toll: ministry figures <revised>")
    dialog.edits["published"].setText("10 March")
    dialog.accept()
    assert dialog.isVisible() and "YYYY-MM-DD" in dialog.error.text()  # refused, nothing saved
    assert lib.article(article_id).title == old_title
    dialog.edits["published"].setText("2025-03-11")
    with qtbot.waitSignal(browser.articlesChanged, timeout=1000):
        dialog.accept()
    stored = lib.article(article_id)
    assert stored.title == "Ostrelo toll: ministry figures <revised>" and stored.published == "2025-03-11"
    r = browser.model.row_of(article_id)
    assert browser.model.index(r, 0).data() == stored.title
    with qtbot.waitSignal(browser.articlesChanged, timeout=2000):
        browser.undo()
    assert lib.article(article_id).title == old_title
    assert lib.article(article_id).published == "2025-03-10"


def test_refresh_shows_reports_added_elsewhere(browser, lib):
    before = browser.model.rowCount()
    lib.add_article(Article(text="A brand new report about Kessel aid convoys.", published="2026-01-02",
                            title="Kessel convoys", outlet="Test Wire"), [])
    browser.refresh()
    assert browser.model.rowCount() == before + 1
    assert browser.model.row(0).title == "Kessel convoys"


def test_without_a_library_nothing_is_enabled(qtbot):
    w = LibraryBrowser()
    qtbot.addWidget(w)
    assert w.model.rowCount() == 0 and not w.delete_button.isEnabled() and not w.search.isEnabled()
    assert w.delete_selected() is None and w.edit_selected() is None


def test_narrow_dock_hides_minor_columns(browser, qtbot):
    browser.resize(300, 500)
    qtbot.waitUntil(lambda: browser.view.isColumnHidden(4))
    assert [browser.view.isColumnHidden(c) for c in range(5)] == [False, True, False, True, True]
    browser.resize(900, 500)
    qtbot.waitUntil(lambda: not browser.view.isColumnHidden(4))
    assert not any(browser.view.isColumnHidden(c) for c in range(5))


def test_read_only_library_refuses_delete_with_a_clear_message(qtbot, lib, library_file):
    ro = Library.open(library_file, read_only=True)
    try:
        w = LibraryBrowser()
        qtbot.addWidget(w)
        w.set_library(ro)
        w.show()
        before = ro.count_articles()
        article_id = _select(w, 0)
        box = w.delete_selected()
        with qtbot.waitSignal(w.busyChanged, timeout=2000, check_params_cb=lambda busy: not busy):
            next(b for b in box.buttons() if b.text() == "Delete").click()
        messages = [m for m in w.findChildren(QMessageBox) if m.objectName() == "recountMessage"]
        assert messages and "cannot be written" in messages[-1].text()
        assert ro.count_articles() == before and w.model.row_of(article_id) is not None
        assert not w.undo_bar.isVisible() and w.undo_stack.count() == 0  # nothing to undo
    finally:
        ro.close()


def test_unreadable_library_is_reported_not_raised(qtbot, lib):
    w = LibraryBrowser()
    qtbot.addWidget(w)
    w.set_library(lib)
    lib.close()  # e.g. the file went away under the window
    w.refresh()
    assert w.model.rowCount() == 0
    assert w.findChildren(QMessageBox)  # a dialog, not an exception in a slot


def test_a_locked_library_never_holds_up_the_window(qtbot, lib, library_file):
    """Another program holds the write lock: the delete waits on a worker, the window stays
    responsive, and the user is told the library is busy; nothing changes."""
    import sqlite3

    writer = Library.open(library_file, timeout=0.5)
    blocker = sqlite3.connect(str(library_file), isolation_level=None)
    try:
        w = LibraryBrowser()
        qtbot.addWidget(w)
        w.set_library(lib, writer=writer)
        w.show()
        before = lib.count_articles()
        article_id = _select(w, 0)
        blocker.execute("BEGIN IMMEDIATE")
        box = w.delete_selected()
        next(b for b in box.buttons() if b.text() == "Delete").click()
        # The click returned while the write still waits for the lock on a worker (on the GUI
        # thread it would have failed before returning): the window stays usable meanwhile.
        assert w.busy() and not w.task.done and w.progress.isVisible() and not w.delete_button.isEnabled()
        qtbot.waitUntil(lambda: not w.busy(), timeout=5000)
        messages = [m for m in w.findChildren(QMessageBox) if m.objectName() == "recountMessage"]
        assert messages and "busy" in messages[-1].text().lower()
        assert w.model.row_of(article_id) is not None and w.undo_stack.count() == 0
        blocker.execute("ROLLBACK")
        assert lib.count_articles() == before
    finally:
        blocker.close()
        writer.close()


def test_a_failed_undo_leaves_the_undo_stack_where_the_library_is(browser, lib, qtbot, library_file):
    article_id = _select(browser, 0)
    box = browser.delete_selected()
    with qtbot.waitSignal(browser.articlesChanged, timeout=2000):
        next(b for b in box.buttons() if b.text() == "Delete").click()
    assert browser.undo_stack.index() == 1
    ro = Library.open(library_file, read_only=True)
    try:
        browser._writer = ro  # the file became read-only meanwhile
        with qtbot.waitSignal(browser.busyChanged, timeout=2000, check_params_cb=lambda busy: not busy):
            browser.undo()
        assert browser.undo_stack.index() == 1 and browser.undo_stack.canUndo()
        assert lib.article(article_id).deleted_at is not None
    finally:
        ro.close()
