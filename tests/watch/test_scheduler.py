"""The scheduler on a clock the tests move: intervals, back-off, pause, the parallel limit."""

from __future__ import annotations

from _watch_site import Route

from recount.watch.scheduler import Scheduler, next_poll
from recount.watch.sources import add_source, edit_source, get_source


def _ok_feed(site, path="/ok.xml"):
    empty = b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title></channel></rss>"
    site.routes[path] = Route(empty, content_type="application/rss+xml")
    return site.url(path)


def test_a_source_is_due_at_once_then_every_interval(site, lib, clock):
    src = add_source(lib, _ok_feed(site), every=30)
    sched = Scheduler(lib, clock=clock)
    assert [s.id for s in sched.due()] == [src.id]
    assert [r.status for r in sched.run().sources] == ["ok"]
    assert sched.due() == []
    clock.advance(29)
    assert sched.run().sources == []
    clock.advance(1)
    assert [s.id for s in sched.due()] == [src.id]
    assert next_poll(get_source(lib, src.id)) == clock.now


def test_a_failing_source_backs_off_and_recovers(site, lib, clock):
    site.routes["/down.xml"] = Route(b"", status=503)
    src = add_source(lib, site.url("/down.xml"), every=10)
    sched = Scheduler(lib, clock=clock)
    waits = []
    for _ in range(4):
        start = clock.now
        assert [r.status for r in sched.run().sources] == ["error"]
        while not sched.due():
            clock.advance(5)
        waits.append((clock.now - start).total_seconds() / 60)
    assert waits == [20, 40, 80, 160]  # 10 minutes doubled per failure in a row
    assert get_source(lib, src.id).failures == 4
    _ok_feed(site, "/down.xml")
    assert [r.status for r in sched.run().sources] == ["ok"]
    assert get_source(lib, src.id).failures == 0
    clock.advance(10)
    assert len(sched.due()) == 1


def test_paused_sources_and_a_paused_scheduler_poll_nothing(site, lib, clock):
    src = add_source(lib, _ok_feed(site))
    edit_source(lib, src.id, paused=True)
    sched = Scheduler(lib, clock=clock)
    assert sched.due() == [] and sched.run(everything=True).sources == []
    edit_source(lib, src.id, paused=False)
    sched.pause()
    assert sched.run().sources == [] and site.hits("/ok.xml") == 0
    sched.resume()
    assert [r.status for r in sched.run().sources] == ["ok"]


def test_sources_are_polled_in_parallel_within_the_limit(site, lib, clock):
    for n in range(6):
        site.routes[f"/slow{n}.xml"] = Route(b"<rss version='2.0'><channel><title>s</title></channel></rss>",
                                             content_type="application/rss+xml", delay=0.3)
        add_source(lib, site.url(f"/slow{n}.xml"))
    sched = Scheduler(lib, clock=clock, parallel=2)
    report = sched.run()
    assert [r.status for r in report.sources] == ["ok"] * 6
    assert sched.most_running == 2


def test_pausing_during_a_poll_stops_it_at_the_next_step_and_loses_nothing(site, lib, clock):
    import threading

    from _watch_site import page, rss

    for n in range(8):
        site.routes[f"/slow/{n}"] = Route(page("toll-40").replace(b"Rescue teams", f"Team {n}".encode()),
                                          delay=1.0)
    site.routes["/many.xml"] = Route(rss(site, [(f"Report {n}", f"/slow/{n}", "2025-03-03", None)
                                                for n in range(8)]), content_type="application/rss+xml")
    add_source(lib, site.url("/many.xml"))
    sched = Scheduler(lib, clock=clock)
    threading.Timer(0.1, sched.pause).start()  # while the first pages are on their way
    (paused,) = sched.run().sources
    assert paused.status == "partial" and "paused" in paused.error
    assert paused.new < 8 and lib.count_articles() == paused.new
    sched.resume()
    (rest,) = sched.run(everything=True).sources
    assert paused.new + rest.new == 8 and lib.count_articles() == 8


def test_each_source_is_told_as_its_poll_ends(site, lib, clock):
    ok = add_source(lib, _ok_feed(site))
    site.routes["/down.xml"] = Route(b"", status=503)
    down = add_source(lib, site.url("/down.xml"))
    told = []
    report = Scheduler(lib, clock=clock).run(everything=True, on_result=told.append)
    assert sorted((r.source_id, r.status) for r in told) == [(ok.id, "ok"), (down.id, "error")]
    assert sorted(told, key=lambda r: r.source_id) == sorted(report.sources, key=lambda r: r.source_id)
