"""The Sources panel, the What changed list and their docks in the real window (qtbot, offscreen)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from _watch_site import Route, page, rss
from PySide6.QtCore import Qt

from recount.ui.changes_panel import ChangesPanel
from recount.ui.sources_panel import SourcesPanel
from recount.watch.sources import Change, Source

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui"))
from _window_helpers import temp_settings

from recount.ui.main_window import MainWindow


def _source(sid, **kw) -> Source:
    base = dict(id=sid, kind="feed", location=f"https://news.example.org/{sid}.xml", name=None,
                every_minutes=15, paused=False, added_at="2025-03-08T12:00:00+00:00", last_poll=None,
                last_ok=None, status="new", last_error=None, failures=0, etag=None, last_modified=None,
                body_hash=None, polls=0, reports=0, last_new=0)
    base.update(kw)
    return Source(**base)


def test_sources_panel_shows_status_and_errors_as_plain_text(qtbot):
    panel = SourcesPanel()
    qtbot.addWidget(panel)
    hostile = "<b>bold</b><a href='file:///etc/passwd'>click</a>"
    panel.set_sources([_source(1, name="Valley <i>News</i>", status="error", last_error=hostile,
                               last_poll="2025-03-08T12:00:00+00:00"), _source(2, paused=True)])
    assert panel.table.item(0, 0).text() == "Valley <i>News</i>"
    assert panel.table.item(0, 5).text() == hostile
    assert "&lt;b&gt;bold&lt;/b&gt;" in panel.table.item(0, 5).toolTip()
    assert [panel.table.item(r, 1).text() for r in range(2)] == ["error", "paused"]
    assert panel.table.item(0, 2).text() == "2025-03-08 12:00"
    assert not panel.remove_button.isEnabled()
    panel.table.selectRow(1)
    assert panel.pause_button.text() == "Res&ume"
    with qtbot.waitSignal(panel.pauseRequested) as paused:
        panel.pause_button.click()
    assert paused.args == [2, False]
    with qtbot.waitSignal(panel.removeRequested) as removed:
        panel.remove_button.click()
    assert removed.args == [2]
    with qtbot.waitSignal(panel.pollRequested) as polled:
        panel.poll_all_button.click()
    assert polled.args == [[]]
    panel.address.setText("https://news.example.org/feed")
    with qtbot.waitSignal(panel.addRequested) as added:
        qtbot.keyClick(panel.address, Qt.Key.Key_Return)
    assert added.args == ["https://news.example.org/feed"]


def test_the_edit_dialog_gives_the_new_name_and_interval(qtbot):
    panel = SourcesPanel()
    qtbot.addWidget(panel)
    panel.set_sources([_source(7, name="Old name", every_minutes=15)])
    panel.table.selectRow(0)
    panel.edit_button.click()
    dialog = panel.edit_dialog
    assert dialog.name.text() == "Old name" and dialog.every.value() == 15
    dialog.name.setText("Valley News")
    dialog.every.setValue(45)
    with qtbot.waitSignal(panel.editRequested) as edited:
        dialog.accept()
    assert edited.args == [7, "Valley News", 45]


def test_changes_panel_lists_newest_first_and_opens_a_change(qtbot):
    panel = ChangesPanel()
    qtbot.addWidget(panel)
    assert "Nothing has changed yet" in panel.header.text()
    changes = [Change("flag", "cumulative_decrease", "The toll fell from 52 to 35.", article_id=3, id=2,
                      at="2025-03-08T12:05:00+00:00", story="Ardenvale floods"),
               Change("estimate", "estimate_up", "Ardenvale, killed: best estimate 40 → 52", article_id=2,
                      id=1, at="2025-03-08T12:00:00+00:00")]
    panel.set_changes(changes)
    assert [panel.list.item(i).text() for i in range(2)] == [
        "⚑ [Ardenvale floods] The toll fell from 52 to 35.", "↕ Ardenvale, killed: best estimate 40 → 52"]
    assert panel.header.text() == "2 changes, newest first"
    with qtbot.waitSignal(panel.changeOpened) as opened:
        panel.list.itemActivated.emit(panel.list.item(1))
    assert opened.args[0] is changes[1]


def _mark(item) -> None:
    item.setData(Qt.ItemDataRole.UserRole + 1, "drawn before")


def _marked(item) -> bool:
    return item.data(Qt.ItemDataRole.UserRole + 1) == "drawn before"


def test_the_changes_list_adds_only_the_new_lines(qtbot):
    panel = ChangesPanel()
    qtbot.addWidget(panel)
    old = [Change("flag", "cumulative_decrease", f"Line {n}.", article_id=n, id=n,
                  at=f"2025-03-08T12:0{n}:00") for n in (3, 2, 1)]
    panel.set_changes(old)
    for i in range(3):
        _mark(panel.list.item(i))
    new = [Change("estimate", "estimate_up", f"Line {n}.", article_id=n, id=n, at=f"2025-03-08T12:0{n}:00")
           for n in (5, 4)]
    panel.set_changes(new + old[:2])  # two new lines; the oldest leaves (recent_changes' limit)
    assert [panel.list.item(i).text() for i in range(panel.list.count())] == [
        "↕ Line 5.", "↕ Line 4.", "⚑ Line 3.", "⚑ Line 2."]
    assert [_marked(panel.list.item(i)) for i in range(4)] == [False, False, True, True]
    assert panel.header.text() == "4 changes, newest first"
    with qtbot.waitSignal(panel.changeOpened) as opened:
        panel.list.itemActivated.emit(panel.list.item(2))
    assert opened.args[0] is old[0]
    renamed = [Change(c.kind, c.type, c.explanation, article_id=c.article_id, id=c.id, at=c.at,
                      story="Floods") for c in new + old[:2]]
    panel.set_changes(renamed)  # a story renamed: every line says so
    assert [panel.list.item(i).text() for i in range(4)] == [
        "↕ [Floods] Line 5.", "↕ [Floods] Line 4.", "⚑ [Floods] Line 3.", "⚑ [Floods] Line 2."]
    panel.set_changes([])
    assert panel.list.count() == 0 and "Nothing has changed yet" in panel.header.text()


def test_the_sources_table_rewrites_only_what_changed(qtbot):
    panel = SourcesPanel()
    qtbot.addWidget(panel)
    panel.show()
    many = [_source(n, name=f"Feed {n}") for n in range(1, 41)]
    panel.set_sources(many)
    for c in range(6):
        _mark(panel.table.item(3, c))
    panel.table.selectRow(3)
    panel.set_sources(many, busy={4})
    assert panel.table.item(3, 1).text() == "polling…" and _marked(panel.table.item(3, 1))
    assert panel.selected_id() == 4
    panel.show_busy({5, 6})
    statuses = [panel.table.item(r, 1).text() for r in range(2, 7)]
    assert statuses == ["new", "new", "polling…", "polling…", "new"]
    many[3] = _source(4, name="Feed 4", status="error", last_error="HTTP 503 Service Unavailable", reports=2)
    panel.set_sources(many[2:])  # two removed above it, its poll ended in an error
    assert panel.table.rowCount() == 38
    assert [panel.table.item(1, c).text() for c in (0, 1, 3, 5)] == [
        "Feed 4", "error", "2", "HTTP 503 Service Unavailable"]
    assert panel.table.item(1, 0).data(Qt.ItemDataRole.UserRole) == 4 and panel.selected_id() == 4
    assert "HTTP 503" in panel.table.item(1, 1).toolTip()
    metrics = panel.table.fontMetrics()  # the columns sized once hold their widest words
    for c, widest in ((1, "not modified"), (2, "2025-03-08 12:00"), (4, "10080 min")):
        assert panel.table.columnWidth(c) > metrics.horizontalAdvance(widest)


@pytest.fixture
def window(qtbot, tmp_path):
    win = MainWindow(tmp_path / "library.db", temp_settings(tmp_path), first_run=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.library_state == "open", timeout=10000)
    qtbot.waitUntil(lambda: win.watch.scheduler is not None, timeout=5000)
    return win


def test_the_window_follows_a_feed_and_says_what_changed(qtbot, window, site):
    for key in ("toll-40", "toll-52", "toll-35"):
        site.routes[f"/news/{key}"] = Route(page(key))
    site.routes["/feed.xml"] = Route(rss(site, [("Forty", "/news/toll-40", "2025-03-03", None),
                                                ("Fifty-two", "/news/toll-52", "2025-03-05", None),
                                                ("Thirty-five", "/news/toll-35", "2025-03-07", None)]),
                                     content_type="application/rss+xml")
    watch = window.watch
    watch.sources_dock.show()
    assert watch.sources_dock.isVisible() and [a.text() for a in window.menuBar().actions()][-2:] == [
        "&Sources", "&Help"]
    with qtbot.waitSignal(watch.polled, timeout=60000) as polled:
        watch.sources_panel.address.setText(site.url("/feed.xml"))
        watch.sources_panel.add_button.click()
    report = polled.args[0]
    assert [(r.status, r.new) for r in report.sources] == [("ok", 3)]
    assert len(report.changes) == 3
    qtbot.waitUntil(lambda: watch.changes_panel.list.count() == 3, timeout=10000)
    texts = [watch.changes_panel.list.item(i).text() for i in range(3)]
    story = f"[{watch.changes_panel.changes[0].story}] "  # the reports' story as titled now (db/003)
    assert {c.story for c in watch.changes_panel.changes} == {story[1:-2]} and "Ardenvale" in story
    assert texts[0] == f"↕ {story}Ardenvale, killed: best estimate 52 → 35 (regional health office, 7 March)"
    assert texts[1].startswith(f"⚑ {story}Regional health office (Northline) gave 52 killed")  # the latest
    assert texts[2] == f"↕ {story}Ardenvale, killed: best estimate 40 → 52 (regional health office, 5 March)"
    assert watch.sources_panel.table.item(0, 1).text() == "ok"
    assert watch.sources_panel.table.item(0, 3).text() == "3"
    watch.sources_panel.table.selectRow(0)
    with qtbot.waitSignal(watch.refreshed, timeout=10000):
        watch.sources_panel.pause_button.click()
    assert watch.sources_panel.table.item(0, 1).text() == "paused" and watch.sources_panel.sources[0].paused
    assert window.report_count() == 3
    # Opening a change shows its report, checked, with the changed claim selected.
    flag = next(c for c in watch.changes_panel.changes if c.kind == "flag")
    with qtbot.waitSignal(window.checkFinished, timeout=30000):
        watch.open_change(flag)
    row = window.selected_row()
    assert row is not None and row.claim.start == flag.claim_start and row.flags
    assert "35" in window.article_pane.text()


def test_a_tray_notice_only_when_the_window_is_in_the_background(qtbot, window):
    change = Change("flag", "cumulative_decrease", "The toll fell from 52 to 35.", article_id=1)
    watch = window.watch
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    watch.notify([change])
    assert watch.last_notice is None
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized, timeout=3000)
    watch.notify([change, change])
    assert watch.last_notice == "⚑ The toll fell from 52 to 35.\n…and 1 more"


def test_pausing_stops_polling(qtbot, window, site):
    site.routes["/feed.xml"] = Route(rss(site, []), content_type="application/rss+xml")
    watch = window.watch
    watch.pause_action.setChecked(True)
    assert watch.scheduler.paused
    with qtbot.waitSignal(watch.refreshed, timeout=10000):
        watch.add(site.url("/feed.xml"))
    qtbot.waitUntil(lambda: watch.poll_task is not None and watch.poll_task.done, timeout=10000)
    assert site.hits("/feed.xml") == 0
    watch.pause_action.setChecked(False)
    with qtbot.waitSignal(watch.polled, timeout=10000):
        watch.poll([])
    assert site.hits("/feed.xml") == 1


def test_the_window_polls_in_a_process_of_its_own_and_stops_it_on_closing(qtbot, window, site):
    import os

    from test_poll_process import process_gone

    site.routes["/news/toll-40"] = Route(page("toll-40"))
    site.routes["/feed.xml"] = Route(rss(site, [("Forty", "/news/toll-40", "2025-03-03", None)]),
                                     content_type="application/rss+xml")
    watch = window.watch
    told = []
    watch.sourcePolled.connect(lambda result: told.append((result.source_id, result.status)))
    with qtbot.waitSignal(watch.polled, timeout=60000) as polled:
        watch.add(site.url("/feed.xml"))
    assert [(r.status, r.new, r.error) for r in polled.args[0].sources] == [("ok", 1, None)]
    assert told == [(polled.args[0].sources[0].source_id, "ok")]  # told as its poll ended, before the end
    child = watch.scheduler.child_pid
    assert child is not None and child != os.getpid()  # the window's process did not parse or check
    qtbot.waitUntil(lambda: window.report_count() == 1, timeout=10000)
    window.close()
    assert watch.scheduler is None and not watch.timer.isActive()
    assert process_gone(child)
