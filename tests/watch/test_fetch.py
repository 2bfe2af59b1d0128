"""The fetcher against a real server on 127.0.0.1: conditional GET, caps, redirects, timeouts."""

from __future__ import annotations

import pytest
from _watch_site import Route, Site

from recount.watch.fetch import Fetcher, FetchError
from recount.watch.urls import UnsafeURL, check_url, url_key


def test_conditional_get_and_user_agent(site):
    site.routes["/feed"] = Route(b"<rss/>", etag='"v1"', last_modified="Sat, 08 Mar 2025 09:00:00 GMT")
    first = Fetcher().get(site.url("/feed"))
    assert first.status == 200 and first.body == b"<rss/>"
    assert first.etag == '"v1"' and first.last_modified.startswith("Sat, 08 Mar")
    again = Fetcher().get(site.url("/feed"), etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.body == b""
    headers = site.requests[-1][1]
    assert headers["if-none-match"] == '"v1"'
    assert headers["user-agent"].startswith("Recount/")


def test_redirects_are_followed_up_to_the_cap(site):
    site.routes["/a"] = Route(status=301, headers={"Location": "/b"})
    site.routes["/b"] = Route(status=302, headers={"Location": site.url("/c")})
    site.routes["/c"] = Route(b"here")
    got = Fetcher().get(site.url("/a"))
    assert got.body == b"here" and got.url == site.url("/c")
    site.routes["/loop"] = Route(status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="more than 5 redirects"):
        Fetcher().get(site.url("/loop"))
    assert site.hits("/loop") == 6


def test_a_redirect_to_a_local_file_is_refused(site):
    site.routes["/sneaky"] = Route(status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError, match="only http and https"):
        Fetcher().get(site.url("/sneaky"))


def test_huge_bodies_are_cut_off(site):
    site.routes["/declared"] = Route(b"y" * 200_000)
    site.routes["/endless"] = Route(stream=50)  # about 3 MB, no Content-Length
    small = Fetcher(max_bytes=100_000)
    with pytest.raises(FetchError, match=r"too large \(200,000 bytes"):
        small.get(site.url("/declared"))
    with pytest.raises(FetchError, match=r"too large \(more than 100,000 bytes"):
        small.get(site.url("/endless"))


def test_slow_servers_time_out(site):
    site.routes["/slow"] = Route(b"late", delay=1.5)
    with pytest.raises(FetchError, match="timed out"):
        Fetcher(timeout=0.3).get(site.url("/slow"))


@pytest.mark.parametrize("status, words", [(404, "HTTP 404 Not Found"),
                                           (500, "HTTP 500 Internal Server Error")])
def test_error_statuses_say_which(site, status, words):
    site.routes["/bad"] = Route(b"oops", status=status)
    with pytest.raises(FetchError, match=words):
        Fetcher().get(site.url("/bad"))


def test_a_closed_port_is_a_clear_error():
    closed = Site()  # bound, then closed without serving: nothing listens on its port
    url = closed.url("/x")
    closed.server.server_close()
    with pytest.raises(FetchError, match=r"refused|connection failed"):
        Fetcher(timeout=2).get(url)


@pytest.mark.parametrize("url", ["ftp://example.org/feed", "file:///etc/passwd", "javascript:alert(1)",
                                 "http:///nohost", "feed.xml", "http://exa mple.org/"])
def test_only_http_and_https_urls_with_a_host(url):
    with pytest.raises(UnsafeURL):
        check_url(url)


def test_url_key_drops_tracking_parameters_but_keeps_the_rest():
    base = url_key("https://news.example.org/world/ardenvale-floods?id=7")
    decorated = "HTTPS://News.Example.org:443/world/ardenvale-floods/?utm_source=rss&id=7&fbclid=x#top"
    assert url_key(decorated) == base
    assert url_key("https://news.example.org/world/ardenvale-floods?id=8") != base
    assert url_key("http://news.example.org/world/ardenvale-floods?id=7") != base
