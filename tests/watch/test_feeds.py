"""Feed documents this team wrote: RSS 2.0, Atom, JSON Feed, and the broken kinds."""

from __future__ import annotations

import pytest
from _watch_site import Site, atom, json_feed, rss

from recount.watch.feeds import NotAFeed, parse_feed, quick_links

SITE = Site.__new__(Site)
SITE.base = "http://127.0.0.1:9"


def test_rss_atom_and_json_feed_give_links_titles_and_dates():
    items = [("Floods in Ardenvale", "/a", "2025-03-03"), ("Toll rises", "/b", "2025-03-05")]
    for data in (rss(SITE, [(t, p, d, "A summary.") for t, p, d in items]), atom(SITE, items),
                 json_feed(SITE, items)):
        feed = parse_feed(data, SITE.base + "/feed")
        assert feed.problem is None
        assert [(e.title, e.link, e.published) for e in feed.entries] == [
            ("Floods in Ardenvale", SITE.base + "/a", "2025-03-03"),
            ("Toll rises", SITE.base + "/b", "2025-03-05")]


def test_a_truncated_feed_gives_what_it_holds_and_says_it_is_malformed():
    data = rss(SITE, [("One", "/one", "2025-03-03", "First."), ("Two", "/two", "2025-03-04", "Second.")])
    cut = data[: data.index(b"<item>", data.index(b"<item>") + 1) + 20]
    feed = parse_feed(cut)
    assert feed.problem and feed.problem.startswith("malformed feed, ")
    assert feed.entries[0].link == SITE.base + "/one"


@pytest.mark.parametrize("data, words", [
    (b"<!doctype html><html><head><title>Oops</title></head><body><h1>Server error</h1></body></html>",
     "an HTML page"),
    (b"", "empty answer"),
    (b"\x00\x01\x02 binary", "not a feed"),
    (b'{"version": "https://jsonfeed.org/version/1.1", "items": [', "malformed JSON"),
    (b'{"hello": "world"}', "not a JSON Feed"),
])
def test_what_is_not_a_feed_says_what_it_is(data, words):
    with pytest.raises(NotAFeed, match=words):
        parse_feed(data)


def test_feed_bytes_are_never_opened_as_a_file_name(tmp_path):
    secret = tmp_path / "secret.xml"
    secret.write_bytes(rss(SITE, [("Private", "/private", "2025-03-03", "Not for the web.")]))
    with pytest.raises(NotAFeed):
        parse_feed(str(secret).encode())


def test_entries_without_link_or_date_and_with_unsafe_links():
    data = rss(SITE, [("No link", "", None, "<p>Only a summary.</p>"),
                      ("Script", "javascript:alert(1)", "2025-03-03", "x"),
                      ("Local", "file:///etc/passwd", "2025-03-03", "y")])
    entries = parse_feed(data).entries
    assert [(e.link, e.published) for e in entries] == [
        (None, None), (None, "2025-03-03"), (None, "2025-03-03")]
    assert "Only a summary." in entries[0].summary


def test_quick_links_only_when_each_entry_has_exactly_one_link():
    items = [("A", "/a?x=1&y=2", "2025-03-03", "s"), ("B", "/b", "2025-03-04", "s")]
    assert quick_links(rss(SITE, items)) == [SITE.base + "/a?x=1&y=2", SITE.base + "/b"]
    assert quick_links(atom(SITE, [("A", "/a", "2025-03-03")])) == [SITE.base + "/a"]
    assert quick_links(rss(SITE, [("A", "/a", "2025-03-03", "s"), ("No link", "", None, "s")])) is None
    assert quick_links(rss(SITE, [])) is None
    assert quick_links(json_feed(SITE, [("A", "/a", "2025-03-03")])) is None
    relative = b"<rss><channel><item><link>/rel</link></item></channel></rss>"
    assert quick_links(relative, "http://127.0.0.1:9/feed.xml") == ["http://127.0.0.1:9/rel"]


def test_an_entry_keeps_the_day_its_publisher_wrote():
    data = (b"<rss version='2.0'><channel><title>t</title><item><title>Late</title>"
            b"<link>http://127.0.0.1:9/late</link><pubDate>Tue, 04 Mar 2025 23:30:00 -0500</pubDate>"
            b"</item><item><title>Odd</title><link>http://127.0.0.1:9/odd</link>"
            b"<pubDate>2025-03-06T01:00:00+09:00</pubDate></item></channel></rss>")
    assert [e.published for e in parse_feed(data).entries] == ["2025-03-04", "2025-03-06"]
