"""The window's polls in a process of their own (watch/poll_process.py), against the real site
on 127.0.0.1 and a real library file: stored as `recount watch run` stores, paused, cancelled,
a killed child replaced, and no child left behind when the window's process goes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from _watch_site import Route, page, rss

from recount.watch.poll_process import PollProcess
from recount.watch.scheduler import Scheduler
from recount.watch.sources import add_source, get_source, list_sources

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(") ", 1)[-1].startswith("Z"))  # a zombie is gone


def process_gone(pid: int, seconds: float = 30.0) -> bool:
    """Wait (without asserting how long it takes) for `pid` to end."""
    end = time.monotonic() + seconds
    while process_alive(pid) and time.monotonic() < end:
        time.sleep(0.05)
    return not process_alive(pid)


def _feed(site, keys=("toll-40", "toll-52", "toll-35"), path="/feed.xml", delay=0.0) -> str:
    items = []
    for n, key in enumerate(keys):
        site.routes[f"/news/{key}"] = Route(page(key), delay=delay)
        items.append((f"Report {n}", f"/news/{key}", f"2025-03-0{3 + 2 * n}", None))
    site.routes[path] = Route(rss(site, items), content_type="application/rss+xml")
    return site.url(path)


@pytest.fixture
def poller(lib):
    proc = PollProcess(lib)
    yield proc
    proc.close(wait=True)


def test_a_poll_runs_in_a_child_process_and_is_stored_in_the_library(site, lib, poller):
    src = add_source(lib, _feed(site))
    report = poller.run(everything=True)
    assert [(r.source_id, r.status, r.new) for r in report.sources] == [(src.id, "ok", 3)]
    assert poller.child_pid is not None and poller.child_pid != os.getpid()
    if hasattr(os, "getpriority"):  # background work: the window's thread gets a core first
        ours, child = (os.getpriority(os.PRIO_PROCESS, pid) for pid in (0, poller.child_pid))
        assert child == min(ours + 10, 19)
    assert len(report.changes) == 3 and all(c.article_id in report.imported for c in report.changes)
    assert lib.count_articles() == 3  # the window's own connection reads what the child stored
    stored = get_source(lib, src.id)
    assert stored.status == "ok" and stored.reports == 3 and stored.last_poll is not None
    first = poller.child_pid
    again = poller.run(ids=[src.id])  # the same child serves the next poll: its imports are paid once
    assert [(r.status, r.new) for r in again.sources] == [("not modified", 0)] and poller.child_pid == first
    assert lib.count_articles() == 3


def test_started_ahead_the_child_serves_the_first_poll_and_nothing_after_closing(site, lib):
    src = add_source(lib, _feed(site, keys=("toll-40",)))
    poller = PollProcess(lib)
    assert not poller.started
    pid = poller.start().result(timeout=120)  # its modules loaded before any poll
    assert poller.started and pid != os.getpid()
    report = poller.run(ids=[src.id])
    assert [(r.status, r.new) for r in report.sources] == [("ok", 1)] and poller.child_pid == pid
    poller.close(wait=True)
    assert process_gone(pid)
    assert poller.start() is None and poller.run(everything=True).sources == [] and not poller.started


def test_each_source_is_told_from_the_child_as_its_poll_ends(site, lib, poller):
    first = add_source(lib, _feed(site, keys=("toll-40",), path="/a.xml"))
    second = add_source(lib, _feed(site, keys=("toll-52",), path="/b.xml"))
    told = []
    report = poller.run(everything=True, on_result=told.append)
    assert sorted((r.source_id, r.status, r.new) for r in told) == [(first.id, "ok", 1), (second.id, "ok", 1)]

    def outcome(results):
        ordered = sorted(results, key=lambda r: r.source_id)
        return [(r.imported, [c.explanation for c in r.changes]) for r in ordered]

    assert outcome(told) == outcome(report.sources)
    told.clear()
    poller.run(ids=[first.id], on_result=told.append)  # nothing of the last poll comes again
    assert [(r.source_id, r.status) for r in told] == [(first.id, "not modified")]


def test_the_same_sources_are_chosen_as_by_the_scheduler(site, lib, poller, clock):
    polled = add_source(lib, _feed(site, keys=("toll-40",), path="/a.xml"))
    waiting = add_source(lib, _feed(site, keys=("toll-52",), path="/b.xml"))
    Scheduler(lib, clock=clock).run(ids=[polled.id])  # polled now: not due for 15 minutes
    poller.clock = clock
    report = poller.run()
    assert [r.source_id for r in report.sources] == [waiting.id]
    assert [(s.id, s.reports) for s in list_sources(lib)] == [(polled.id, 1), (waiting.id, 1)]


def test_nothing_due_starts_no_process(site, lib, poller, clock):
    Scheduler(lib, clock=clock).run(ids=[add_source(lib, _feed(site)).id])
    poller.clock = clock
    assert poller.run().sources == [] and poller.child_pid is None and poller._pool is None


def test_paused_then_cancelled_then_resumed(site, lib, poller):
    src = add_source(lib, _feed(site, delay=0.5))
    poller.pause()
    assert poller.paused and poller.run(everything=True).sources == [] and site.hits("/feed.xml") == 0
    poller.resume()
    report = poller.run(everything=True, cancelled=lambda: True)  # the window closing, say
    assert [r.status for r in report.sources] in (["paused"], ["partial"])
    assert len(report.imported) < 3
    report = poller.run(ids=[src.id])  # the stop of the last poll does not stop this one
    assert [r.status for r in report.sources] == ["ok"] and lib.count_articles() == 3


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL")
def test_a_killed_child_is_replaced_at_the_next_poll(site, lib, poller):
    src = add_source(lib, _feed(site, keys=("toll-40",)))
    poller.run(everything=True)
    first = poller.child_pid
    os.kill(first, signal.SIGKILL)
    assert process_gone(first)
    _feed(site, keys=("toll-40", "toll-52"))
    report = poller.run(ids=[src.id])
    assert [(r.status, r.new) for r in report.sources] == [("ok", 1)]
    assert poller.child_pid not in (None, first)


def test_a_library_error_in_the_child_reaches_the_caller(site, lib, tmp_path):
    add_source(lib, _feed(site))
    poller = PollProcess(lib)
    poller.path = str(tmp_path / "gone.db")  # the file is not there for the child
    try:
        with pytest.raises(Exception) as caught:
            poller.run(everything=True)
        assert "no library" in getattr(caught.value, "user_message", str(caught.value)).lower()
    finally:
        poller.close(wait=True)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_child_does_not_outlive_the_window_process(tmp_path):
    """The window's process killed (no close()): its polling child goes too."""
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text("ARDENVALE, March 3, 2025 - At least 40 people have been killed in "
                                  "flooding since Saturday, the regional health office said on Monday.\n",
                                  encoding="utf-8")
    old = time.time() - 60
    os.utime(folder / "a.txt", (old, old))
    script = textwrap.dedent(f"""
        import os, sys
        from recount.library.store import Library
        from recount.watch.poll_process import PollProcess
        from recount.watch.sources import add_source
        if __name__ == "__main__":
            lib = Library.open({str(tmp_path / 'library.db')!r})
            add_source(lib, {str(folder)!r})
            poller = PollProcess(lib)
            report = poller.run(everything=True)
            print(poller.child_pid, len(report.imported), flush=True)
            os._exit(0)  # as if killed: nothing is closed
    """)
    (tmp_path / "window.py").write_text(script, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(DESKTOP))
    done = subprocess.run([sys.executable, str(tmp_path / "window.py")], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    child, imported = (int(x) for x in done.stdout.split())
    assert imported == 1
    assert process_gone(child)
