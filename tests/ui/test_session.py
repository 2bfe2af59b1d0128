"""The window's session without a window: stale results dropped, staleness, re-selection by
offsets, walking flags; and the change signal the views refresh themselves from."""

from __future__ import annotations

import pytest
from _window_helpers import CHECK_TIMEOUT, corpus_article, fill_library, temp_settings

from recount.checked import check_with_library
from recount.library.store import Library
from recount.ui import operations
from recount.ui.changes import STORED, Changes, changes_of
from recount.ui.session import Session

EARLIER = ["ostrelo-meridian-2025-03-06", "ostrelo-herald-2025-03-10", "ostrelo-continental-2025-03-12"]
LATER = "ostrelo-continental-2025-03-17"


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """A real check of the later Ostrelo report against a real library of the earlier ones."""
    path = tmp_path_factory.mktemp("session") / "library.db"
    fill_library(path, EARLIER)
    article = corpus_article(LATER)
    with Library.open(path) as lib:
        return check_with_library(lib, article), article.text


def test_a_result_of_older_text_is_dropped(checked):
    result, text = checked
    session = Session()
    started_under = session.edited()
    session.edited()  # the user typed on while the check ran
    assert not session.accept(result, text, started_under, 12.0)
    assert session.rows == [] and session.checked is None
    assert session.accept(result, text, session.generation, 12.0)
    assert len(session.rows) == len(result.result.claims) and session.checked is result
    assert session.last_check_ms == pytest.approx(result.result.elapsed_ms)


def test_staleness_and_the_claims_a_review_may_use(checked):
    result, text = checked
    session = Session()
    assert session.stale(text) and session.claims_if_current(text) is None
    session.accept(result, text, session.generation, 1.0)
    assert not session.stale(text)
    assert session.claims_if_current(text) == list(result.result.claims)
    assert session.stale(text + " More.") and session.claims_if_current(text + " More.") is None
    session.cleared()
    assert session.stale(text) and session.rows == []


def test_the_selected_claim_is_found_again_by_its_offsets(checked):
    result, text = checked
    session = Session()
    session.accept(result, text, session.generation, 1.0)
    target = next(r for r in session.rows if "174" in r.claim.span)
    assert session.select(target.index) is target
    again = session.edited()
    session.accept(result, text, again, 1.0)  # a re-check: new row objects, same offsets
    assert session.reselect() == target.index
    assert session.select(-1) is None and session.reselect() is None


def test_flags_are_walked_in_text_order_with_wrap_around(checked):
    result, text = checked
    session = Session()
    session.accept(result, text, session.generation, 1.0)
    flagged = session.flagged()
    assert flagged, "the falling running total is flagged"
    assert session.next_flag(-1, +1) == flagged[0]
    assert session.next_flag(flagged[-1], +1) == flagged[0]
    assert session.next_flag(flagged[0], -1) == flagged[-1]
    assert session.flag(session.rows[flagged[0]].flags[0].key) is session.rows[flagged[0]].flags[0]
    assert session.summary() == f"{len(session.rows)} claims, {len(flagged)} flagged"
    assert Session().next_flag(0, +1) is None


def test_status_names_the_library_and_its_reports():
    session = Session()
    assert session.status("lib.db", False) == "opening lib.db…"
    session.library_is("open", 1)
    assert session.status("lib.db", True) == "lib.db · 1 report"
    session.library_is("failed")
    assert session.status("lib.db", False) == "no library"
    with pytest.raises(ValueError):
        session.library_is("half-open")


def test_operations_say_what_they_change(qtbot):
    assert changes_of(operations.save) == STORED
    assert "reviews" in changes_of(operations.review)
    assert changes_of(operations.dismiss) == {"flags"}
    assert changes_of(operations.load) == frozenset()  # reads change nothing
    bus = Changes()
    with qtbot.waitSignal(bus.changed) as heard:
        bus.after(operations.update_report, source="browser")
    assert heard.args == [frozenset({"reports"}), "browser"]
    with pytest.raises(ValueError, match="unknown kinds"):
        bus.announce({"weather"})


def test_a_save_in_the_window_refreshes_the_browser_by_the_change_signal(qtbot, tmp_path):
    from recount.ui.main_window import MainWindow

    path = tmp_path / "library.db"
    fill_library(path, EARLIER)
    window = MainWindow(path, temp_settings(tmp_path), first_run=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.library_state == "open", timeout=5000)
    with qtbot.waitSignal(window.checkFinished, timeout=CHECK_TIMEOUT):
        window.show_article(corpus_article(LATER))
    before = window.browser.model.rowCount()
    heard = []
    window.changes.changed.connect(lambda kinds, source: heard.append(kinds))
    with qtbot.waitSignal(window.taskFinished, timeout=CHECK_TIMEOUT):
        window.save_to_library()
    assert heard and "reports" in heard[0]
    assert window.browser.model.rowCount() == before + 1  # nobody called browser.refresh()
    qtbot.waitUntil(lambda: window.reports == before + 1, timeout=5000)
    window.close()


def test_a_story_decision_is_announced_to_the_other_views(qtbot, tmp_path):
    from recount.ui.main_window import MainWindow

    window = MainWindow(tmp_path / "library.db", temp_settings(tmp_path), first_run=False)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.library_state == "open", timeout=5000)
    with qtbot.waitSignal(window.changes.changed) as heard:
        window.browser.story_view.storiesChanged.emit()  # what the story view emits after a write
    assert heard.args == [frozenset({"stories"}), window.browser]
    window.close()
