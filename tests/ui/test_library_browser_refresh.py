"""The library browser after its own writes: only the rows that changed move, over a real library.

A delete removes rows, a restore (Undo) puts them back in the library's order with their claim
counts, an edit rewrites its row: no reset of the table, no re-read of its pages on the GUI
thread, the selection kept; and the busy bar and undo message never change the browser's size
(which would lay the whole window out again).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QMessageBox

from corpus_support import fill_with_corpus
from recount.library.store import Library
from recount.ui import articles_model
from recount.ui.articles_model import ArticleRow, ArticlesModel
from recount.ui.library_browser import LibraryBrowser


@pytest.fixture
def lib(library_file):
    library = Library.open(library_file)
    fill_with_corpus(library)
    yield library
    library.close()


class Resets:
    """Counts the model's resets and the rows it inserted or removed."""

    def __init__(self, model: ArticlesModel) -> None:
        self.resets = self.inserted = self.removed = 0
        model.modelReset.connect(self._reset)
        model.rowsInserted.connect(self._inserted)
        model.rowsRemoved.connect(self._removed)

    def _reset(self) -> None:
        self.resets += 1

    def _inserted(self, _parent, first: int, last: int) -> None:
        self.inserted += last - first + 1

    def _removed(self, _parent, first: int, last: int) -> None:
        self.removed += last - first + 1


def _select_rows(browser: LibraryBrowser, rows: list[int]) -> list[int]:
    sel = browser.view.selectionModel()
    sel.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for r in rows:
        sel.select(browser.model.index(r, 0), flags)
    return [browser.model.row(r).id for r in rows]


def _table(model: ArticlesModel) -> list[tuple]:
    return [(model.row(r).id, *(model.index(r, c).data() for c in range(5))) for r in range(model.rowCount())]


def _delete(browser: LibraryBrowser, qtbot) -> None:
    box = browser.delete_selected()
    with qtbot.waitSignal(browser.articlesChanged, timeout=3000):
        next(b for b in box.buttons() if b.text() == "Delete").click()


def test_undoing_a_delete_puts_the_rows_back_in_place_without_a_reset_or_a_reread(
        browser, lib, qtbot, monkeypatch):
    before = _table(browser.model)
    ids = _select_rows(browser, [1, 3, 4])
    counts = Resets(browser.model)
    reads: list[object] = []
    real_articles = lib.articles
    monkeypatch.setattr(lib, "articles", lambda *a, **k: reads.append(a) or real_articles(*a, **k))

    _delete(browser, qtbot)
    assert all(browser.model.row_of(i) is None for i in ids)
    assert counts.removed == 3 and browser.count_label.text() == f"{lib.count_articles()} reports"

    with qtbot.waitSignal(browser.articlesChanged, timeout=3000):
        browser.undo()
    assert _table(browser.model) == before  # same rows, same order, same claim counts
    assert counts.inserted == 3 and counts.resets == 0 and reads == []
    assert browser.selected_ids() == ids
    assert browser.count_label.text() == f"{lib.count_articles()} reports" == f"{len(before)} reports"


def test_a_restored_report_past_the_loaded_pages_arrives_with_its_page(lib, monkeypatch):
    monkeypatch.setattr(articles_model, "PAGE_SIZE", 5)
    model = ArticlesModel()
    model.set_library(lib)
    listed = lib.articles(limit=1000, with_text=False)
    late, early = listed[8], listed[2]  # one past the first page, one on it
    lib.delete_articles([late.id, early.id])
    model.reload()
    lib.restore_articles([late.id, early.id])
    rows = [ArticleRow(a.id, a.title, a.outlet, a.published, a.added_at, a.url, a.ext_id)
            for a in (late, early)]

    model.insert_rows(rows, lib.claim_counts([late.id, early.id]))
    assert model.rowCount() == 6 and model.row_of(early.id) == 2 and model.row_of(late.id) is None
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert [model.row(r).id for r in range(model.rowCount())] == [a.id for a in listed]
    assert model.index(2, 3).data() == f"{len(lib.claims(early.id)):,}"


def test_undo_while_searching_shows_the_report_among_the_matches(browser, lib, qtbot):
    browser.search.setText("Ostrelo")
    browser._run_search()
    matches = _table(browser.model)
    assert len(matches) >= 3
    ids = _select_rows(browser, [0])
    _delete(browser, qtbot)
    assert browser.model.row_of(ids[0]) is None
    with qtbot.waitSignal(browser.articlesChanged, timeout=3000):
        browser.undo()
    assert browser.model.searching() and sorted(_table(browser.model)) == sorted(matches)
    assert browser.selected_ids() == ids


def test_an_edit_rewrites_its_row_only_and_keeps_the_selection(browser, lib, qtbot):
    ids = _select_rows(browser, [2])
    claims_before = browser.model.index(2, 3).data()
    counts = Resets(browser.model)
    changed: list[tuple[int, int]] = []
    browser.model.dataChanged.connect(lambda top, bottom, *_: changed.append((top.row(), bottom.row())))
    dialog = browser.edit_selected()
    dialog.edits["title"].setText("A title written by the test")
    with qtbot.waitSignal(browser.articlesChanged, timeout=3000):
        dialog.accept()
    assert lib.article(ids[0]).title == "A title written by the test"
    assert browser.model.index(2, 0).data() == "A title written by the test"
    assert browser.model.index(2, 3).data() == claims_before  # the claim count is kept
    assert changed == [(2, 2)] and counts.resets == counts.inserted == counts.removed == 0
    assert browser.selected_ids() == ids
    with qtbot.waitSignal(browser.articlesChanged, timeout=3000):
        browser.undo()
    assert browser.model.index(2, 0).data() == lib.article(ids[0]).title != "A title written by the test"


def test_the_busy_bar_and_the_undo_message_never_resize_the_browser(browser, qtbot):
    """A change of the browser's size hints lays the whole window out again and repaints it."""
    hints = (browser.minimumSizeHint(), browser.sizeHint())
    table = browser.view.viewport().size()
    browser.progress.show()
    browser.show_undo_bar("Deleted “" + "a very long title that goes on and on " * 8 + "”.")
    qtbot.waitUntil(lambda: browser.undo_bar.isVisible())
    assert (browser.minimumSizeHint(), browser.sizeHint()) == hints
    assert browser.view.viewport().size() == table  # the bar lies over the table's foot
    bar = browser.undo_bar.geometry()
    assert browser.view.viewport().geometry().contains(bar) and bar.bottom() > table.height() - 60
    assert browser.undo_button.isVisible() and browser.undo_button.width() > 0
    browser.undo_bar.hide()
    browser.progress.hide()
    assert (browser.minimumSizeHint(), browser.sizeHint()) == hints
    browser.resize(300, 500)  # in a narrow dock the busy bar's place shrinks away
    browser.progress.show()
    qtbot.waitUntil(lambda: browser.progress.width() < 60)
    assert browser.delete_button.width() >= browser.delete_button.minimumSizeHint().width()


def test_failed_delete_leaves_rows_and_claims_alone(browser, lib, qtbot, library_file):
    before = _table(browser.model)
    ro = Library.open(library_file, read_only=True)
    try:
        browser._writer = ro
        _select_rows(browser, [0])
        box = browser.delete_selected()
        with qtbot.waitSignal(browser.busyChanged, timeout=3000, check_params_cb=lambda busy: not busy):
            next(b for b in box.buttons() if b.text() == "Delete").click()
        assert _table(browser.model) == before
        assert [m for m in browser.findChildren(QMessageBox) if m.objectName() == "recountMessage"]
    finally:
        ro.close()


def test_the_browser_reads_while_another_connection_holds_a_write_open(qtbot, lib, library_file):
    """The GUI thread's connection (WAL) reads past an open write at once: with no busy timeout
    at all, a read that had to wait for the lock would fail instead."""
    import sqlite3

    reader = Library.open(library_file, timeout=0)
    writer = sqlite3.connect(str(library_file), isolation_level=None)
    try:
        first = lib.articles(limit=1, with_text=False)[0]
        writer.execute("PRAGMA cache_size = 1")  # the write spills to disk, as a big one does:
        writer.execute("BEGIN IMMEDIATE")  # without WAL that takes the lock readers wait on
        writer.execute("UPDATE articles SET title = 'Not committed'")
        w = LibraryBrowser()
        qtbot.addWidget(w)
        w.set_library(reader)
        w.refresh()
        assert not w.findChildren(QMessageBox)  # no "library is busy"
        assert w.model.rowCount() == lib.count_articles() and w.model.row(0).title == first.title
        assert w.count_label.text() == f"{lib.count_articles()} reports"
        writer.execute("ROLLBACK")
    finally:
        writer.close()
        reader.close()


def test_the_delete_question_is_asked_again_about_the_rows_selected_now(browser, lib, qtbot):
    first = _select_rows(browser, [0])[0]
    box = browser.delete_selected()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert lib.article(first).deleted_at is None
    third = _select_rows(browser, [2])[0]
    again = browser.delete_selected()
    assert again is box and again.isVisible()  # the same box, made once
    assert (browser.model.row(2).title or "Untitled report") in again.text()
    with qtbot.waitSignal(browser.articlesChanged, timeout=3000):
        next(b for b in again.buttons() if b.text() == "Delete").click()
    assert lib.article(third).deleted_at is not None and lib.article(first).deleted_at is None
    assert browser.model.row_of(third) is None and browser.model.row_of(first) is not None
