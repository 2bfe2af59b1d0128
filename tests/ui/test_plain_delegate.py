"""The library table's cells, drawn by PlainTextDelegate, look as Qt's own delegate draws them.

Rendered for real (offscreen) from a real library: the same pixels as QStyledItemDelegate,
the selection in the highlight colour, figures aligned right, long titles elided.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QStyledItemDelegate

from corpus_support import fill_with_corpus
from recount.library.store import Library
from recount.ui.library_browser import LibraryBrowser
from recount.ui.plain_delegate import PlainTextDelegate


@pytest.fixture
def browser(qtbot, library_file):
    lib = Library.open(library_file)
    fill_with_corpus(lib)
    w = LibraryBrowser()
    qtbot.addWidget(w)
    w.resize(900, 420)
    w.set_library(lib)
    w.show()
    qtbot.waitExposed(w)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    w.view.selectionModel().select(w.model.index(1, 0), flags)
    yield w
    lib.close()


def _image(browser: LibraryBrowser) -> QImage:
    browser.view.viewport().update()
    return browser.view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def _ink(image: QImage, x0: int, x1: int, y0: int, y1: int, near: QColor) -> list[int]:
    """The x of every pixel in the box close to the colour `near` (the text's ink)."""
    found = []
    for y in range(y0, y1):
        for x in range(x0, x1):
            c = image.pixelColor(x, y)
            if abs(c.red() - near.red()) + abs(c.green() - near.green()) + abs(c.blue() - near.blue()) < 150:
                found.append(x)
    return found


def test_the_browser_draws_its_cells_with_the_plain_delegate_as_qt_would(browser, qtbot):
    assert isinstance(browser.view.itemDelegate(), PlainTextDelegate)
    plain = _image(browser)
    browser.view.setItemDelegate(QStyledItemDelegate(browser.view))
    qt = _image(browser)
    assert plain.size() == qt.size()
    differing = sum(plain.pixel(x, y) != qt.pixel(x, y)
                    for y in range(0, plain.height(), 2) for x in range(0, plain.width(), 2))
    assert differing / ((plain.width() // 2) * (plain.height() // 2)) < 0.01


def test_selection_alignment_and_eliding(browser):
    view, model = browser.view, browser.model
    image = _image(browser)
    palette = view.palette()
    group = QPalette.ColorGroup.Active if view.isActiveWindow() else QPalette.ColorGroup.Inactive
    highlight = palette.color(group, QPalette.ColorRole.Highlight)
    selected, plain = view.visualRect(model.index(1, 0)), view.visualRect(model.index(2, 0))
    corner = image.pixelColor(selected.right() - 2, selected.bottom() - 2)
    assert corner == highlight and image.pixelColor(plain.right() - 2, plain.bottom() - 2) != highlight

    text = palette.color(group, QPalette.ColorRole.Text)
    claims, title = view.visualRect(model.index(2, 3)), view.visualRect(model.index(2, 0))
    figures = _ink(image, claims.left(), claims.right(), claims.top(), claims.bottom(), text)
    words = _ink(image, title.left(), title.right(), title.top(), title.bottom(), text)
    assert figures and max(figures) >= claims.right() - 6 and min(figures) > claims.center().x()
    assert words and min(words) <= title.left() + 6

    view.setColumnWidth(1, 60)  # a narrow Outlet column: the outlet is cut short with "…"
    outlet = model.index(2, 1).data()
    assert view.fontMetrics().horizontalAdvance(outlet) > 60
    cell = view.visualRect(model.index(2, 1))
    ours = _image(browser).copy(cell)
    view.setItemDelegate(QStyledItemDelegate(view))
    assert ours == _image(browser).copy(cell)  # elided just as Qt elides it
    view.setItemDelegate(PlainTextDelegate(view))
    view.setColumnWidth(1, 400)
    assert ours != _image(browser).copy(cell)  # the whole outlet, when it fits
