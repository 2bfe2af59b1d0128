"""Fixtures the window's widget tests share."""

from __future__ import annotations

import pytest

from recount.ui.library_browser import LibraryBrowser


@pytest.fixture
def browser(qtbot, lib):
    """A shown library browser over the test module's `lib` library."""
    w = LibraryBrowser()
    qtbot.addWidget(w)
    w.resize(900, 500)
    w.set_library(lib)
    w.show()
    qtbot.waitExposed(w)
    return w
