"""Polling feeds end to end: a real server, a real library, the real claims engine and checker."""

from __future__ import annotations

from _watch_site import FILLER, Route, page, rss

from recount.watch.fetch import Fetcher
from recount.watch.scheduler import Scheduler
from recount.watch.sources import add_source, get_source, list_sources, recent_changes


def _feed(site, path="/feed.xml", items=None, **route):
    items = items if items is not None else [
        ("Floods in Ardenvale kill at least 40", "/news/toll-40?utm_source=rss", "2025-03-03", "Forty dead."),
        ("Ardenvale flood toll rises to 52", "/news/toll-52", "2025-03-05", "Toll rises."),
        ("Ardenvale counts its dead", "/news/toll-35", "2025-03-07", "Thirty-five dead."),
    ]
    site.routes[path] = Route(rss(site, items), content_type="application/rss+xml", **route)
    return site.url(path)


def _pages(site):
    for key in ("toll-40", "toll-52", "toll-35"):
        site.routes[f"/news/{key}"] = Route(page(key))


def test_a_feed_is_read_checked_stored_and_what_changed_is_said(site, lib, clock):
    _pages(site)
    source = add_source(lib, _feed(site, etag='"1"'), name="Valley News")
    report = Scheduler(lib, clock=clock).run()
    assert [(r.status, r.new, r.error) for r in report.sources] == [("ok", 3, None)]
    stored = [lib.article(i) for i in report.imported]
    assert [a.published for a in stored] == ["2025-03-03", "2025-03-05", "2025-03-07"]  # oldest first
    assert stored[0].title == "Floods in Ardenvale kill at least 40"
    assert "Rescue teams worked" in stored[0].text and "Copyright" not in stored[0].text
    assert stored[0].url.endswith("/news/toll-40?utm_source=rss")
    kinds = {(c.kind, c.type) for c in report.changes}
    assert ("estimate", "estimate_up") in kinds  # 40 -> 52
    assert ("flag", "cumulative_decrease") in kinds  # 52 -> 35
    up = next(c for c in report.changes if c.type == "estimate_up")
    assert up.explanation == "Ardenvale, killed: best estimate 40 → 52 (regional health office, 5 March)"
    assert up.article_id == report.imported[1] and up.other_id == report.imported[0]
    flag = next(c for c in report.changes if c.kind == "flag")
    assert flag.article_id == report.imported[2] and flag.other_id in report.imported[:2]
    assert {c.id for c in recent_changes(lib)} == {c.id for c in report.changes}
    stories = {c.story for c in recent_changes(lib)}  # the story's title as it is now
    assert len(stories) == 1 and "Ardenvale" in stories.pop()
    assert recent_changes(lib)[0].article_id == report.imported[2]  # newest first
    assert get_source(lib, source.id).reports == 3

    clock.advance(15)
    again = Scheduler(lib, clock=clock).run()
    assert [(r.status, r.new) for r in again.sources] == [("not modified", 0)]
    assert site.requests[-1][1]["if-none-match"] == '"1"'
    assert lib.count_articles() == 3


def test_a_feed_served_again_unchanged_without_validators_is_not_parsed_again(site, lib, clock, monkeypatch):
    _pages(site)
    add_source(lib, _feed(site))
    Scheduler(lib, clock=clock).run()
    import recount.watch.poll as poll

    parsed = []
    real = poll.parse_feed
    monkeypatch.setattr(poll, "parse_feed", lambda *a: parsed.append(1) or real(*a))
    clock.advance(15)
    assert [(r.status, r.new) for r in Scheduler(lib, clock=clock).run().sources] == [("not modified", 0)]
    assert parsed == []
    # New bytes, but every entry's link is known: still nothing to parse.
    _feed(site, items=[("Forty", "/news/toll-40?utm_campaign=x", "2025-03-03", "changed words")])
    clock.advance(15)
    assert [(r.status, r.new) for r in Scheduler(lib, clock=clock).run().sources] == [("ok", 0)]
    assert parsed == []
    site.routes["/news/more"] = Route(page("toll-52").replace(b"Rescue", b"Later, rescue"))
    _feed(site, items=[("Forty", "/news/toll-40", "2025-03-03", None),
                       ("More", "/news/more", "2025-03-06", None)])
    clock.advance(15)
    assert [(r.status, r.new) for r in Scheduler(lib, clock=clock).run().sources] == [("ok", 1)]
    assert parsed == [1]


def test_the_same_report_is_never_stored_twice(site, lib, clock):
    _pages(site)
    add_source(lib, _feed(site))
    Scheduler(lib, clock=clock).run()
    hits = site.hits("/news/toll-40")
    # Another feed links the same page with other tracking parameters, and the same text at a new URL.
    site.routes["/mirror/forty"] = Route(page("toll-40"))
    add_source(lib, _feed(site, "/other.xml", [
        ("Forty dead", "/news/toll-40?utm_medium=social&fbclid=abc", "2025-03-03", "x"),
        ("Forty dead again", "/mirror/forty", "2025-03-03", "y")]))
    report = Scheduler(lib, clock=clock).run(everything=True)
    assert sum(r.new for r in report.sources) == 0 and report.changes == []
    assert site.hits("/news/toll-40") == hits  # known URL: not even fetched
    assert lib.count_articles() == 3


def test_bad_pages_fall_back_to_the_summary_and_say_why(site, lib, clock):
    summary = ("<p>ARDENVALE, March 6 - At least 44 people were killed in flooding in Ardenvale, "
               "officials said.</p>")
    site.routes["/gone"] = Route(b"nope", status=404)
    site.routes["/soft-404"] = Route(b"<html><head><title>Page not found</title></head><body>"
                                     b"<h1>404 - Page not found</h1><p>Try the home page.</p></body></html>")
    site.routes["/huge"] = Route(stream=120)  # ~8 MB
    site.routes["/binary"] = Route(bytes(range(256)) * 40, content_type="application/octet-stream")
    url = _feed(site, items=[("Gone", "/gone", "2025-03-06", summary),
                             ("Soft", "/soft-404", "2025-03-06", summary.replace("44", "45")),
                             ("Huge", "/huge", "2025-03-06", summary.replace("44", "46")),
                             ("Binary", "/binary", "2025-03-06", summary.replace("44", "47")),
                             ("Nothing", "/gone2", "2025-03-06", None)])
    add_source(lib, url)
    report = Scheduler(lib, clock=clock).run()
    (result,) = report.sources
    assert result.status == "partial" and result.new == 4
    assert "Gone: page: HTTP 404 Not Found; the feed's summary was used" in result.error
    assert "Soft: page: reads as an error page" in result.error
    assert "Huge: page: too large" in result.error
    assert "Binary: page: not a text page" in result.error
    assert "Nothing: page: HTTP 404 Not Found; and no summary to use instead" in result.error
    texts = sorted(lib.article(i).text for i in result.imported)
    assert texts[0].startswith("ARDENVALE, March 6 - At least 44 people") and "<p>" not in texts[0]
    assert get_source(lib, list_sources(lib)[0].id).status == "partial"


def test_non_utf8_pages_entries_without_link_or_date(site, lib, clock):
    body = page("toll-52", charset="windows-1252").replace(b"Rescue teams",
                                                           b"Caf\xe9 owners and rescue teams")
    site.routes["/latin"] = Route(body, content_type="text/html; charset=windows-1252")
    site.routes["/latin-nocharset"] = Route(page("toll-40", charset="windows-1252").replace(
        b"Rescue teams", b"The caf\xe9s shut and rescue teams"), content_type="text/html")
    url = _feed(site, items=[("Declared", "/latin", "2025-03-05", None),
                             ("Undated", "/latin-nocharset", None, None),
                             ("Linkless", "", "2025-03-08", f"<p>ARDENVALE, March 8 - {FILLER}</p>")])
    add_source(lib, url)
    (result,) = Scheduler(lib, clock=clock).run().sources
    assert (result.status, result.new) == ("ok", 3), result.error
    by_title = {lib.article(i).title: lib.article(i) for i in result.imported}
    assert "Café owners" in by_title["Declared"].text
    assert "The cafés shut" in by_title["Undated"].text
    assert by_title["Undated"].published == "2025-03-03"  # from the page, the entry has none
    assert by_title["Linkless"].published == "2025-03-08" and by_title["Linkless"].url is None
    clock.advance(20)
    (again,) = Scheduler(lib, clock=clock).run().sources
    assert again.new == 0 and lib.count_articles() == 3  # the linkless entry is known by its words


def test_failing_feeds_get_a_status_and_do_not_stop_the_others(site, lib, clock):
    _pages(site)
    good = add_source(lib, _feed(site))
    site.routes["/broken.xml"] = Route(b"<rss version='2.0'><channel><title>x</title><item><title>a",
                                       content_type="application/rss+xml")
    site.routes["/error.xml"] = Route(b"down", status=500)
    site.routes["/html.xml"] = Route(b"<!doctype html><html><body><p>Maintenance</p></body></html>")
    site.routes["/slow.xml"] = Route(b"", delay=1.5)
    ids = [add_source(lib, site.url(p)).id for p in ("/broken.xml", "/error.xml", "/html.xml", "/slow.xml")]
    report = Scheduler(lib, clock=clock, fetcher=Fetcher(timeout=0.5)).run()
    by_id = {r.source_id: r for r in report.sources}
    assert (by_id[good.id].status, by_id[good.id].new) == ("ok", 3)
    assert by_id[ids[1]].error == "HTTP 500 Internal Server Error"
    assert by_id[ids[2]].error == "an HTML page, not a feed"
    assert "timed out" in by_id[ids[3]].error
    assert by_id[ids[0]].status in ("partial", "error")
    assert by_id[ids[0]].error.startswith(("malformed feed", "not a feed"))
    for sid in ids[1:]:
        s = get_source(lib, sid)
        assert (s.status, s.failures, s.last_error) == ("error", 1, by_id[sid].error)
    assert lib.count_articles() == 3


def test_an_engine_failure_on_one_report_is_its_note_and_the_rest_is_stored(site, lib, clock, monkeypatch):
    import recount.claims

    _pages(site)
    add_source(lib, _feed(site))
    real = recount.claims.extract

    def failing(text, published=None):
        if "52" in text:
            raise RuntimeError("engine fault")
        return real(text, published)

    monkeypatch.setattr(recount.claims, "extract", failing)
    (result,) = Scheduler(lib, clock=clock).run().sources
    assert (result.status, result.new) == ("partial", 2)
    assert "rises to 52: could not be stored (RuntimeError: engine fault)" in result.error
    monkeypatch.setattr(recount.claims, "extract", real)
    clock.advance(15)
    (again,) = Scheduler(lib, clock=clock).run().sources
    assert (again.status, again.new) == ("ok", 1) and lib.count_articles() == 3
