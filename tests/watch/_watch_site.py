"""A small news site on 127.0.0.1 for the watch tests: feeds and pages this team wrote.

Every text here is invented (Ardenvale and its floods do not exist). `Site` serves routes a
test sets, answers conditional GETs, and records each request's headers.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (timeouts)
    stream: int = 0  # send this many 64 KB chunks without a Content-Length (huge bodies)


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Route | Callable[[BaseHTTPRequestHandler], None]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = site.routes.get(urlsplit(self.path).path)
                if route is None:
                    self._send(404, b"<html><body><h1>404 Not Found</h1></body></html>", "text/html")
                    return
                if callable(route):
                    route(self)
                    return
                if route.delay:
                    time.sleep(route.delay)
                etag_hit = route.etag and self.headers.get("If-None-Match") == route.etag
                since = self.headers.get("If-Modified-Since")
                date_hit = route.last_modified and since == route.last_modified
                if etag_hit or date_hit:
                    self._send(304, b"", None, route)
                    return
                if route.stream:
                    self.send_response(route.status)
                    self.send_header("Content-Type", route.content_type)
                    self.send_header("Connection", "close")
                    self.end_headers()
                    try:
                        for _ in range(route.stream):
                            self.wfile.write(b"<p>" + b"x" * 65530 + b"</p>")
                    except OSError:
                        pass
                    self.close_connection = True
                    return
                self._send(route.status, route.body, route.content_type, route)

            def _send(self, status: int, body: bytes, ctype: str | None, route: Route | None = None) -> None:
                self.send_response(status)
                if ctype:
                    self.send_header("Content-Type", ctype)
                if route is not None:
                    if route.etag:
                        self.send_header("ETag", route.etag)
                    if route.last_modified:
                        self.send_header("Last-Modified", route.last_modified)
                    for k, v in route.headers.items():
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body:
                    self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(1 for p, _h in self.requests if urlsplit(p).path == path)

    def start(self) -> Site:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# ---------------------------------------------------------------- invented reports

FILLER = (
    "Rescue teams worked through the night along the river banks, and volunteers carried food and "
    "blankets to the schools that now serve as shelters. Roads to the northern villages remained "
    "closed, and officials asked residents to stay away from the damaged bridges until engineers "
    "had inspected them."
)

REPORTS = {
    "toll-40": ("2025-03-03", "Floods in Ardenvale kill at least 40",
                "ARDENVALE, March 3, 2025 (Northline) - At least 40 people have been killed in flooding in "
                "Ardenvale since Saturday, the regional health office said on Monday."),
    "toll-52": ("2025-03-05", "Ardenvale flood toll rises to 52",
                "ARDENVALE, March 5, 2025 (Northline) - The death toll from flooding in Ardenvale has "
                "risen to 52 since Saturday, the regional health office said on Wednesday."),
    "toll-35": ("2025-03-07", "Ardenvale counts its dead",
                "ARDENVALE, March 7, 2025 (Valley Post) - The regional health office said on Friday that 35 "
                "people have been killed in flooding in Ardenvale since Saturday."),
}


def page(key: str, *, extra_meta: str = "", charset: str = "utf-8") -> bytes:
    """An article page: navigation and a footer around the report, metadata in the head."""
    published, title, lead = REPORTS[key]
    html = (f"<!doctype html><html><head><meta charset='{charset}'><title>{title} | Valley News</title>"
            f"<meta property='article:published_time' content='{published}T08:00:00Z'>{extra_meta}</head>"
            "<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
            f"<h1>{title}</h1><p>{lead}</p><p>{FILLER}</p></article>"
            "<footer>Copyright Valley News. <a href='/terms'>Terms</a></footer></body></html>")
    return html.encode(charset)


def rss(site: Site, items: list[tuple[str, str, str | None, str | None]],
        title: str = "Valley News") -> bytes:
    """items: (title, link path or full URL or "", date or None, summary or None)."""
    parts = [f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{title}</title>"
             f"<link>{site.base}/</link><description>Test feed</description>"]
    for item_title, link, when, summary in items:
        parts.append("<item>")
        parts.append(f"<title>{item_title}</title>")
        if link:
            href = link if "://" in link or link.startswith(("javascript:", "file:")) else site.url(link)
            href = href.replace("&", "&amp;")
            parts.append(f"<link>{href}</link><guid>{href}</guid>")
        if when:
            day = datetime.fromisoformat(when).replace(tzinfo=UTC) + timedelta(hours=9)
            parts.append(f"<pubDate>{day.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>")
        if summary:
            parts.append(f"<description><![CDATA[{summary}]]></description>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


def atom(site: Site, items: list[tuple[str, str, str]]) -> bytes:
    """items: (title, link path, date)."""
    entries = "".join(
        f"<entry><title>{t}</title><link href='{site.url(p)}'/><id>{site.url(p)}</id>"
        f"<updated>{d}T09:00:00Z</updated><summary>{t}</summary></entry>" for t, p, d in items)
    return (f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            f"<title>Valley Atom</title><id>{site.base}/atom</id><updated>2025-03-07T09:00:00Z</updated>"
            f"{entries}</feed>").encode()


def json_feed(site: Site, items: list[tuple[str, str, str]]) -> bytes:
    import json

    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Valley JSON",
                       "items": [{"id": p, "url": site.url(p), "title": t, "date_published": f"{d}T09:00:00Z",
                                  "content_text": t} for t, p, d in items]}).encode()
