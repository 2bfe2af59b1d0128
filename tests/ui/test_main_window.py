"""The main window end to end: real temporary libraries, real widgets offscreen, real workers."""

from __future__ import annotations

from pathlib import Path

import pytest
from _window_helpers import CHECK_TIMEOUT, CORPUS, corpus_article, fill_library, open_dialogs, temp_settings
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from recount.library.store import Library
from recount.ui.main_window import MainWindow
from recount.ui.review import CorrectionDialog, NoteDialog

EARLIER = ["ostrelo-meridian-2025-03-06", "ostrelo-herald-2025-03-10", "ostrelo-continental-2025-03-12",
           "ostrelo-eastwatch-2025-03-12"]
LATER = "ostrelo-continental-2025-03-17"


@pytest.fixture
def make_window(qtbot, tmp_path):
    def make(library: Path | None = None, settings=None, first_run: bool = False) -> MainWindow:
        window = MainWindow(library or tmp_path / "library.db", settings or temp_settings(tmp_path),
                            first_run=first_run)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.library_state != "opening", timeout=5000)
        window.activateWindow()  # shortcuts reach the active window only
        qtbot.waitUntil(lambda: QApplication.activeWindow() is not None, timeout=2000)
        return window

    return make


@pytest.fixture
def ostrelo_library(tmp_path) -> Path:
    path = tmp_path / "ostrelo.db"
    fill_library(path, EARLIER)
    return path


def check(qtbot, window: MainWindow, article=None) -> None:
    with qtbot.waitSignal(window.checkFinished, timeout=CHECK_TIMEOUT):
        if article is not None:
            window.show_article(article)
        else:
            window.check_now()


def select_span(window: MainWindow, span: str):
    row = next(r for r in window.rows if r.claim.span == span or span in r.claim.span)
    assert window.claims_panel.select_claim(row.index)
    return row


def test_paste_then_check_lists_the_claims(qtbot, make_window):
    window = make_window()
    text = (CORPUS / f"{LATER}.txt").read_text(encoding="utf-8")
    with qtbot.waitSignal(window.checkFinished, timeout=CHECK_TIMEOUT):
        window.article_pane.editor.setPlainText(text)  # like a paste: re-checked after the pause
    assert window.rows
    assert window.claims_panel.model.rowCount() == len(window.rows)
    spans = {r.claim.span for r in window.rows}
    assert any("174" in s for s in spans)
    assert "checked in" in window.status_label.text()
    assert len(window.article_pane.editor.extraSelections()) == len(window.rows)


def test_ctrl_return_checks_and_edits_recheck(qtbot, make_window):
    window = make_window()
    editor = window.article_pane.editor
    editor.setPlainText("At least 23 people were killed in Ostrelo on Tuesday, the Health Ministry said.")
    window._recheck.stop()
    with qtbot.waitSignal(window.checkFinished, timeout=CHECK_TIMEOUT):
        qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    first = [r.claim.span for r in window.rows]
    assert any("23" in s for s in first)
    # Typing more schedules a new check; only the final text's claims are shown.
    with qtbot.waitSignal(window.checkFinished, timeout=CHECK_TIMEOUT):
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        editor.insertPlainText(" More than 400 were wounded.")
    assert any("400" in r.claim.span for r in window.rows)
    assert window._checked_text == editor.toPlainText()


def test_comparison_shows_matches_from_the_library(qtbot, make_window, ostrelo_library):
    window = make_window(ostrelo_library)
    check(qtbot, window, corpus_article(LATER))
    matched = [r for r in window.rows if r.matches]
    assert matched, "no claim of the later report matched the earlier ones"
    row = matched[0]
    window.claims_panel.select_claim(row.index)
    text = window.comparison.text()
    other = row.matches[0].other
    assert other.outlet in text
    assert "score" in text
    assert other.claim.span in text


def test_falling_running_total_is_flagged_and_explained(qtbot, make_window, ostrelo_library):
    window = make_window(ostrelo_library)
    check(qtbot, window, corpus_article(LATER))
    row = select_span(window, "174")
    kinds = {d.type for d in row.flags}
    assert kinds & {"cumulative_decrease", "revision"}, kinds
    text = window.comparison.text()
    assert "192" in text and "174" in text
    assert row.flags[0].explanation in text
    assert "Running total fell" in text or "Revised" in text
    # F8 walks the flags; the flagged row carries the flag mark.
    window.claims_panel.select_claim(0)
    window.actions_.next_flag.trigger()
    assert window.selected_row().flags


def test_timeline_shows_the_metric_series(qtbot, make_window, ostrelo_library):
    window = make_window(ostrelo_library)
    check(qtbot, window, corpus_article(LATER))
    with qtbot.waitSignal(window.seriesShown, timeout=CHECK_TIMEOUT):
        select_span(window, "174")
    assert window.timeline.point_count() >= 2
    # Clicking an earlier report's point opens that report in the window.
    earlier = next(i for i in range(window.timeline.point_count())
                   if window.timeline.observation(i).published != "2025-03-17")
    with qtbot.waitSignal(window.checkFinished, timeout=CHECK_TIMEOUT):
        qtbot.mouseClick(window.timeline, Qt.MouseButton.LeftButton,
                         pos=window.timeline.point_positions()[earlier].toPoint())
    assert window.article_pane.published.text() != "2025-03-17"


def test_review_decisions_are_stored_and_survive_reopening(qtbot, make_window, tmp_path):
    library = tmp_path / "reviews.db"
    window = make_window(library)
    article = corpus_article(LATER)
    check(qtbot, window, article)
    trucks = select_span(window, "22 trucks")
    with qtbot.waitSignal(window.checkFinished, timeout=CHECK_TIMEOUT):
        window.actions_.reject.trigger()
    assert next(r for r in window.rows if r.claim.span == trucks.claim.span).review == "rejected"

    # Correct another claim through its dialog, as a user would.
    killed = select_span(window, "174")
    window.actions_.correct.trigger()
    dialog = next(d for d in open_dialogs(CorrectionDialog))
    dialog.fields["value"].setText("175")
    dialog.fields["lower"].setText("175")
    dialog.fields["upper"].setText("175")
    with qtbot.waitSignal(window.checkFinished, timeout=CHECK_TIMEOUT):
        dialog.accept()
    window.close()

    with Library.open(library) as lib:
        article_id = lib.find_article(text=article.text)
        assert article_id is not None
        by_span = {sc.claim.span: sc for sc in lib.claims(article_id)}
    assert by_span[trucks.claim.span].review == "rejected"
    corrected = by_span[killed.claim.span]
    assert corrected.review == "corrected" and corrected.claim.value == 175

    again = make_window(library)
    check(qtbot, again, article)
    shown = {r.claim.span: r for r in again.rows}
    assert shown[trucks.claim.span].review == "rejected"
    assert shown[killed.claim.span].claim.value == 175


def test_dismissed_flag_is_stored_and_not_raised_again(qtbot, make_window, ostrelo_library):
    window = make_window(ostrelo_library)
    check(qtbot, window, corpus_article(LATER))
    row = select_span(window, "174")
    flag = row.flags[0]
    window.comparison.dismissFlag.emit(flag.key)
    dialog = next(d for d in open_dialogs(NoteDialog))
    dialog.note.setText("the 12 March figure double-counted")
    with qtbot.waitSignal(window.checkFinished, timeout=CHECK_TIMEOUT):
        dialog.accept()
    assert all(d.key != flag.key for r in window.rows for d in r.flags)
    with Library.open(ostrelo_library) as lib:
        assert lib.dismissed_flags()[flag.key] == "the 12 March figure double-counted"


def test_save_to_library_and_open_it_again(qtbot, make_window, tmp_path):
    window = make_window(tmp_path / "save.db")
    check(qtbot, window, corpus_article(LATER))
    assert window.report_count() == 0
    with qtbot.waitSignal(window.taskFinished, timeout=CHECK_TIMEOUT, check_params_cb=lambda n: n == "save"):
        qtbot.keyClick(window.article_pane.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.report_count() == 1
    assert "1 report" in window.status_label.text()
    stored_id = window.library.articles()[0].id

    window.new_article()
    assert window.article_pane.is_empty() and not window.rows
    with qtbot.waitSignal(window.checkFinished, timeout=CHECK_TIMEOUT):
        window.browser.articleOpened.emit(stored_id)
    assert window.article_pane.outlet.text() == "Continental Wire"
    assert window.article_pane.published.text() == "2025-03-17"


def test_open_and_drop_a_file(qtbot, make_window, tmp_path):
    window = make_window()
    with qtbot.waitSignal(window.checkFinished, timeout=CHECK_TIMEOUT):
        window.open_file(str(CORPUS / f"{LATER}.txt"))
    assert "174 people" in window.article_pane.text()
    assert window.article_pane.published.text() == "2025-03-17"  # from the dateline

    page = tmp_path / "report.html"
    page.write_text(
        "<html><head><title>Convoy reaches Ostrelo</title>"
        '<meta property="og:site_name" content="Harbour Post"></head><body><article>'
        "<p>A convoy of 40 trucks reached Ostrelo on Sunday, the World Food Programme said.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(page))])
    editor = window.article_pane.editor
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.checkFinished, timeout=CHECK_TIMEOUT):
        editor.dropEvent(drop)
    assert "40 trucks" in window.article_pane.text()
    assert window.article_pane.title.text() == "Convoy reaches Ostrelo"


def test_first_run_offers_the_sample_reports(qtbot, make_window, tmp_path):
    window = make_window(tmp_path / "new.db", first_run=True)
    qtbot.waitUntil(lambda: bool(open_dialogs()), timeout=5000)
    offer = window.samples_box
    assert "sample" in offer.text()
    with qtbot.waitSignal(window.checkFinished, timeout=60000):
        offer.done(offer.standardButton(offer.button(offer.StandardButton.Yes)).value)
    assert window.report_count() == 8
    assert any(r.flags for r in window.rows), "the featured sample shows no flag"
    # Offered once only.
    window.close()
    again = make_window(tmp_path / "other.db", settings=window.settings, first_run=True)
    qtbot.wait(50)
    assert not any(d.isVisible() for d in open_dialogs() if d.parent() is again)


def test_window_geometry_is_remembered(qtbot, make_window, tmp_path):
    settings = temp_settings(tmp_path)
    window = make_window(settings=settings)
    window.resize(780, 560)  # the offscreen screen is small; restoreGeometry keeps windows on it
    window.close()
    again = make_window(settings=temp_settings(tmp_path))
    assert (again.width(), again.height()) == (780, 560)


def test_about_shows_versions(qtbot, make_window):
    import sqlite3

    window = make_window()
    assert not window.windowIcon().isNull()
    window.actions_.about.trigger()
    box = window.about_box
    assert "PySide6" in box.text() and sqlite3.sqlite_version in box.text()
    box.done(0)


def test_every_action_has_a_tooltip_and_frequent_ones_a_shortcut(make_window):
    window = make_window()
    a = window.actions_
    for action in vars(a).values():
        assert action.toolTip()
    for action in (a.open, a.check, a.save, a.import_, a.export, a.next_flag, a.confirm, a.reject,
                   a.correct, a.dismiss, a.library, a.find):
        assert not action.shortcut().isEmpty(), action.text()


def test_import_from_the_window_refreshes_the_library(qtbot, make_window, tmp_path):
    window = make_window(tmp_path / "import.db")
    imported = lambda name: name == "import"  # noqa: E731
    with qtbot.waitSignal(window.taskFinished, timeout=CHECK_TIMEOUT, check_params_cb=imported):
        dialog = window.import_paths([CORPUS / f"{n}.txt" for n in EARLIER])
    assert window.report_count() == len(EARLIER)
    qtbot.waitUntil(lambda: f"{len(EARLIER)} reports" in window.status_label.text(), timeout=5000)
    assert window.browser.model.rowCount() == len(EARLIER)
    dialog.done(0)


def test_export_of_the_current_check_is_parseable(qtbot, make_window, ostrelo_library, tmp_path):
    import json

    window = make_window(ostrelo_library)
    check(qtbot, window, corpus_article(LATER))
    target = tmp_path / "check.json"
    window.export(ask=lambda parent, start, fmt: (str(target), "json"))
    qtbot.waitUntil(target.exists, timeout=CHECK_TIMEOUT)
    qtbot.waitUntil(lambda: bool(open_dialogs()), timeout=CHECK_TIMEOUT)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert len(data["claims"]) == len(window.rows)
    assert {d["type"] for d in data["discrepancies"]} & {"cumulative_decrease", "revision"}
    for d in open_dialogs():
        d.done(0)


def test_clicking_a_highlight_selects_its_row_and_comparison(qtbot, make_window, ostrelo_library):
    window = make_window(ostrelo_library)
    check(qtbot, window, corpus_article(LATER))
    row = next(r for r in window.rows if "174" in r.claim.span)
    editor = window.article_pane.editor
    cursor = editor.textCursor()
    cursor.setPosition(row.claim.start + 2)
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=editor.cursorRect(cursor).center())
    assert window.selected_row() is row
    assert editor.textCursor().selectedText() == row.claim.span
    assert row.flags[0].explanation in window.comparison.text()


def test_editing_the_date_rechecks_with_the_new_date(qtbot, make_window):
    window = make_window()
    text = "The Health Ministry said on Sunday that at least 23 people had been killed since Friday."
    with qtbot.waitSignal(window.checkFinished, timeout=CHECK_TIMEOUT):
        window.article_pane.editor.setPlainText(text)
        window.article_pane.published.setText("2025-03-17")
    first = next(r.claim for r in window.rows if r.claim.kind == "numeric")
    with qtbot.waitSignal(window.checkFinished, timeout=CHECK_TIMEOUT):
        window.article_pane.published.clear()
        qtbot.keyClicks(window.article_pane.published, "2025-06-10")
    again = next(r.claim for r in window.rows if r.claim.kind == "numeric")
    assert first.time.end != again.time.end
    assert (again.time.end or "").startswith("2025-06")


def test_opening_a_report_over_typed_text_can_be_undone(qtbot, make_window):
    window = make_window()
    editor = window.article_pane.editor
    typed = "My own notes: at least 12 people were hurt."
    editor.setPlainText(typed)
    with qtbot.waitSignal(window.checkFinished, timeout=CHECK_TIMEOUT):
        window.open_file(str(CORPUS / f"{LATER}.txt"))
    assert "174 people" in editor.toPlainText()
    editor.undo()
    assert editor.toPlainText() == typed


def test_an_edit_during_a_check_never_shows_stale_results(qtbot, make_window, ostrelo_library):
    from recount.ui.main_window import RECHECK_DELAY_MS

    window = make_window(ostrelo_library)
    editor = window.article_pane.editor
    shown: list[str] = []
    window.checkFinished.connect(lambda: shown.append(window._checked_text))
    long_text = "\n\n".join((CORPUS / f"{n}.txt").read_text(encoding="utf-8") for n in [*EARLIER, LATER])
    editor.setPlainText(long_text)
    window.check_now()  # a long check starts...
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.insertPlainText("\n\nAt least 999 people were evacuated on Sunday.")  # ...and the user types on
    qtbot.waitUntil(lambda: bool(shown), timeout=CHECK_TIMEOUT)
    qtbot.wait(RECHECK_DELAY_MS + 200)
    assert shown and all(text == editor.toPlainText() for text in shown)
    assert any("999" in r.claim.span for r in window.rows)
