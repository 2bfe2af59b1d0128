"""Feed bytes -> entries: RSS 2.0 and Atom through feedparser, JSON Feed (1.0/1.1) here.

feedparser is given the bytes as a stream, never as a string: given bytes or a string it
first tries to open them as a file name or fetch them as a URL, and a feed must not be able
to make Recount read a local file or go anywhere. Only entries' http(s) links are kept.
"""

from __future__ import annotations

import html
import io
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from recount.watch.urls import UnsafeURL, check_url


class NotAFeed(Exception):
    """Bytes that hold no feed; `str(exc)` says what they look like instead."""


@dataclass(slots=True)
class Entry:
    link: str | None  # http(s) only; None when the entry has none (its summary is the report)
    id: str | None
    title: str | None = None
    summary: str | None = None  # HTML or text, as the feed gave it
    published: str | None = None  # ISO date


@dataclass(slots=True)
class Feed:
    title: str | None
    entries: list[Entry] = field(default_factory=list)
    problem: str | None = None  # the feed was read only in part (malformed, truncated)


def parse_feed(data: bytes, url: str = "", content_type: str = "") -> Feed:
    """The entries of a feed document; NotAFeed when it is none (an HTML page, an error page)."""
    head = data[:512].lstrip()
    if head.startswith((b"{", b"\xef\xbb\xbf{")) or "json" in content_type:
        return _json_feed(data)
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data), response_headers={
        "content-location": url, "content-type": content_type or "application/xml"})
    if not parsed.get("version") and not parsed.entries:
        low = data[:2048].lower()
        if b"<html" in low or b"<!doctype html" in low:
            raise NotAFeed("an HTML page, not a feed")
        if not data.strip():
            raise NotAFeed("empty answer, not a feed")
        raise NotAFeed(f"not a feed ({_bozo(parsed) or 'no RSS, Atom or JSON Feed found'})")
    feed = Feed(parsed.feed.get("title"))
    for e in parsed.entries:
        summary = _feed_content(e) or e.get("summary")
        published = _local_date(e.get("published") or e.get("updated")) or \
            _date(e.get("published_parsed") or e.get("updated_parsed"))
        feed.entries.append(Entry(_link(e.get("link")), e.get("id"), e.get("title"), summary, published))
    if parsed.get("bozo"):
        feed.problem = f"malformed feed, {len(feed.entries)} entries read ({_bozo(parsed)})"
    return feed


_ITEM = re.compile(rb"<(?:item|entry)[\s>]")
_LINK = re.compile(rb"<link>\s*([^<\s]+)\s*</link>|<link\b[^>]*?\bhref\s*=\s*[\"']([^\"']+)[\"'][^>]*>")


def quick_links(data: bytes, url: str = "") -> list[str] | None:
    """The entries' links of a plain RSS/Atom feed, found without parsing it, or None when they
    cannot be told apart this way (no entries, or not exactly one link per entry; JSON).

    Why: parsing a feed with feedparser costs tens of milliseconds; a poll of a feed whose
    entries are all known needs only their links. Anything unusual goes to the real parser.
    """
    from urllib.parse import urljoin

    first = data.find(b"<item")
    first = data.find(b"<entry") if first < 0 else first
    if first < 0:
        return None
    body = data[first:]
    items = len(_ITEM.findall(body))
    links = [(m[1] or m[2]).decode("utf-8", "replace") for m in _LINK.finditer(body)]
    if not items or len(links) != items:
        return None
    return [urljoin(url, html.unescape(link)) for link in links]


def _feed_content(e: Any) -> str | None:
    content = e.get("content") or []
    values = [c.get("value") for c in content if c.get("value")]
    return max(values, key=len) if values else None


def _bozo(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    if exc is None:
        return ""
    text = str(getattr(exc, "getMessage", lambda: exc)()) or type(exc).__name__
    return text[:200]


def _link(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return check_url(value)
    except UnsafeURL:
        return None  # javascript:, file:, mailto: ... are never followed


def _local_date(raw: Any) -> str | None:
    """The day as the publisher wrote it ("Tue, 04 Mar 2025 23:30:00 -0500" is the 4th, though
    it is the 5th in UTC): a report's "on Monday" counts from its own day."""
    if not isinstance(raw, str) or not raw.strip():
        return None
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(raw.strip()).date().isoformat()  # RSS (RFC 822)
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(raw.strip().replace("Z", "+00:00")).date().isoformat()  # Atom
    except ValueError:
        return None  # another wording: feedparser's reading (in UTC)


def _date(struct: Any) -> str | None:
    if not struct:
        return None
    try:
        return datetime(*struct[:6], tzinfo=UTC).date().isoformat()
    except (TypeError, ValueError):
        return None


def _json_feed(data: bytes) -> Feed:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise NotAFeed("JSON that is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise NotAFeed(f"malformed JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(doc, dict) or not str(doc.get("version", "")).startswith("https://jsonfeed.org/"):
        raise NotAFeed("JSON, but not a JSON Feed (no jsonfeed.org version)")
    items = doc.get("items")
    if not isinstance(items, list):
        raise NotAFeed("a JSON Feed without items")
    feed = Feed(doc.get("title") if isinstance(doc.get("title"), str) else None)
    skipped = 0
    for item in items:
        if not isinstance(item, dict):
            skipped += 1
            continue
        summary = item.get("content_text") or item.get("content_html") or item.get("summary")
        published = _json_date(item.get("date_published") or item.get("date_modified"))
        ident = item.get("id")
        feed.entries.append(Entry(_link(item.get("url")), str(ident) if ident is not None else None,
                                  _str(item.get("title")), _str(summary), published))
    if skipped:
        feed.problem = f"{skipped} items of the JSON Feed are not objects"
    return feed


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _json_date(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return None
