"""Watched folders: new and changed files, files being written, a folder that disappears."""

from __future__ import annotations

import os
import shutil
import time

from _watch_site import FILLER, REPORTS

from recount.watch.fetch import Fetcher
from recount.watch.poll import poll_source
from recount.watch.sources import add_source, get_source


def _write(path, key, old=True):
    _published, _title, lead = REPORTS[key]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{lead}\n\n{FILLER}\n", encoding="utf-8")
    if old:
        os.utime(path, (time.time() - 60, time.time() - 60))


def _poll(lib, sid, clock, now_ts=None):
    return poll_source(lib, get_source(lib, sid), Fetcher(), now=clock(), now_ts=now_ts)


def test_new_and_changed_files_are_taken_once(tmp_path, lib, clock):
    folder = tmp_path / "reports"
    _write(folder / "monday.txt", "toll-40")
    _write(folder / "deep" / "wednesday.md", "toll-52")
    _write(folder / ".hidden.txt", "toll-35")
    (folder / "notes.pdf").write_bytes(b"%PDF")
    src = add_source(lib, str(folder))
    first = _poll(lib, src.id, clock)
    assert (first.status, first.new) == ("ok", 2)
    assert [c.type for c in first.changes] == ["estimate_up"]
    assert _poll(lib, src.id, clock).new == 0
    _write(folder / "monday.txt", "toll-35")  # rewritten: a new report
    changed = _poll(lib, src.id, clock)
    assert changed.new == 1 and lib.count_articles() == 3
    assert any(c.kind == "flag" for c in changed.changes)


def test_a_file_being_written_waits_for_the_next_poll(tmp_path, lib, clock):
    folder = tmp_path / "incoming"
    _write(folder / "fresh.txt", "toll-40", old=False)
    src = add_source(lib, str(folder))
    assert _poll(lib, src.id, clock, now_ts=time.time()).new == 0
    assert _poll(lib, src.id, clock, now_ts=time.time() + 5).new == 1


def test_unreadable_files_are_reported_once_and_the_rest_goes_on(tmp_path, lib, clock):
    folder = tmp_path / "mixed"
    _write(folder / "good.txt", "toll-40")
    (folder / "broken.txt").write_bytes(bytes(range(256)) * 8)
    os.utime(folder / "broken.txt", (time.time() - 60, time.time() - 60))
    src = add_source(lib, str(folder))
    first = _poll(lib, src.id, clock)
    assert (first.status, first.new) == ("partial", 1)
    assert first.error == "broken.txt: not a text file (binary data)"
    assert _poll(lib, src.id, clock).status == "ok"


def test_a_folder_that_disappears_is_an_error_and_loses_nothing(tmp_path, lib, clock):
    folder = tmp_path / "gone"
    _write(folder / "monday.txt", "toll-40")
    src = add_source(lib, str(folder))
    assert _poll(lib, src.id, clock).new == 1
    shutil.rmtree(folder)
    result = _poll(lib, src.id, clock)
    assert (result.status, result.error) == ("error", f"folder {folder} is missing")
    assert get_source(lib, src.id).failures == 1 and lib.count_articles() == 1
