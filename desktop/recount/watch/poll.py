"""One poll of one source: fetch or list, read what is new, store it, record the source's status.

Nothing a server or a folder does stops the poll of another source, and a bad entry does not
stop the others of its feed: each problem becomes the source's status ("partial" with the
reasons, or "error") and the items not stored are tried again next time. Pages are fetched a
few at a time (PAGE_WORKERS); reports are stored one by one, oldest first, so estimates move
in the order the reports were published.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from recount.library.errors import LibraryError
from recount.watch import folders
from recount.watch.feeds import Entry, NotAFeed, parse_feed, quick_links
from recount.watch.fetch import Fetcher, FetchError
from recount.watch.ingest import ingest
from recount.watch.pages import Read, entry_article
from recount.watch.sources import (
    Change,
    Source,
    file_states,
    known_keys,
    now_iso,
    record_poll,
    remember_items,
)
from recount.watch.urls import UnsafeURL, check_url, url_key

PAGE_WORKERS = 4
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, " \
              "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5"
MAX_NOTES = 5


@dataclass(slots=True)
class PollResult:
    source_id: int
    url: str
    status: str  # ok | not modified | partial | error | paused
    new: int = 0
    error: str | None = None
    imported: list[int] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """One source of `recount watch run --json`."""
        return {"id": self.source_id, "url": self.url, "status": self.status, "new": self.new,
                "error": self.error}


def poll_source(lib: Any, source: Source, fetcher: Fetcher, *, now: datetime,
                cancelled: Callable[[], bool] | None = None, now_ts: float | None = None) -> PollResult:
    """Poll `source` once and record the outcome on it (never raises for a source's fault)."""
    at = now_iso(now)
    result = PollResult(source.id, source.location, "ok")
    notes: list[str] = []
    validators: tuple[str | None, str | None, str | None] | None = None
    try:
        if source.kind == "folder":
            # file times are the file system's wall clock, whatever clock the scheduler runs on
            _poll_folder(lib, source, at, now_ts if now_ts is not None else time.time(), result, notes,
                         cancelled)
        else:
            validators = _poll_feed(lib, source, fetcher, at, result, notes, cancelled)
    except (FetchError, NotAFeed, folders.FolderGone) as exc:
        result.status, result.error = "error", str(exc)
    if result.status != "error" and notes:
        result.status = "partial"
        more = f" (and {len(notes) - MAX_NOTES} more)" if len(notes) > MAX_NOTES else ""
        result.error = "; ".join(notes[:MAX_NOTES]) + more
    etag, modified, digest = validators or (None, None, None)
    record_poll(lib, source.id, at=at, status=result.status, error=result.error, new=result.new,
                etag=etag, last_modified=modified, body_hash=digest, keep_validators=validators is None)
    return result


def _poll_feed(lib: Any, source: Source, fetcher: Fetcher, at: str, result: PollResult, notes: list[str],
               cancelled: Callable[[], bool] | None) -> tuple[str | None, str | None, str | None] | None:
    """Poll a feed; the validators to keep (ETag, Last-Modified, body hash), None to keep the old."""
    response = fetcher.get(source.location, etag=source.etag, last_modified=source.last_modified,
                           accept=FEED_ACCEPT)
    if response.not_modified:
        result.status = "not modified"
        return None
    digest = hashlib.sha256(response.body).hexdigest()
    if digest == source.body_hash and source.status in ("ok", "not modified"):
        result.status = "not modified"  # a server without validators sent the same bytes again
        return response.etag, response.last_modified, digest
    quick = quick_links(response.body, response.url)
    if quick and all(_safe(link) for link in quick):
        keys = [url_key(link) for link in quick]
        if len(known_keys(lib, keys)) == len(set(keys)):
            return response.etag, response.last_modified, digest  # every entry known: nothing to parse
    feed = parse_feed(response.body, response.url, response.content_type)
    if feed.problem:
        notes.append(feed.problem)
    keyed = [(entry_key(source.id, e), e) for e in feed.entries]
    keyed = [(k, e) for k, e in keyed if k is not None]
    taken = known_keys(lib, (k for k, _e in keyed))
    fresh: dict[str, Entry] = {}
    for k, e in keyed:
        if k not in taken:
            fresh.setdefault(k, e)  # one entry twice in a feed is one report
    if fresh:
        outlet = source.name or feed.title
        with ThreadPoolExecutor(max_workers=min(PAGE_WORKERS, len(fresh))) as pool:
            reads = list(pool.map(lambda e: entry_article(e, fetcher, outlet) if not _stop(cancelled) else
                                  Read(None, "paused"), fresh.values()))
        order = sorted(zip(fresh, fresh.values(), reads, strict=True),
                       key=lambda t: (t[1].published is None, t[1].published or ""))
        for key, entry, read in order:
            if _stop(cancelled):
                notes.append("paused before every entry was stored")
                break
            if read.article is None:
                notes.append(f"{_what(entry)}: {read.note}")
                continue
            if read.note:
                notes.append(f"{_what(entry)}: {read.note}")
            _store(lib, read.article, key, source.id, at, result, notes, _what(entry))
    if notes:  # something was not stored: read the same bytes again next time
        digest = None
    return response.etag, response.last_modified, digest


def _poll_folder(lib: Any, source: Source, at: str, now_ts: float, result: PollResult, notes: list[str],
                 cancelled: Callable[[], bool] | None) -> None:
    items = folders.changed(folders.scan(source.location), file_states(lib, source.id))
    for item in items:
        if _stop(cancelled):
            notes.append("paused before every file was read")
            break
        if not folders.settled(item, now_ts):
            continue  # still being written, probably: next poll
        for article, why in folders.read_item(item):
            if article is None:
                if why:  # unreadable: said once, tried again when the file changes
                    notes.append(f"{item.path.name}: {why}")
                    remember_items(lib, [(item.key, source.id, None, item.size, item.mtime_ns)], at)
                continue
            _store(lib, article, item.key, source.id, at, result, notes, item.path.name, item.size,
                   item.mtime_ns)


def _store(lib: Any, article: Any, key: str, source_id: int, at: str, result: PollResult, notes: list[str],
           what: str, size: int | None = None, mtime_ns: int | None = None) -> None:
    """Store one report. A library problem (disk full, locked) stops the source's poll; anything
    else (the claims engine failing on one text) is that report's note, and the rest goes on."""
    try:
        done = ingest(lib, article, key=key, source_id=source_id, at=at, size=size, mtime_ns=mtime_ns)
    except LibraryError:
        raise
    except Exception as exc:
        notes.append(f"{what}: could not be stored ({type(exc).__name__}: {exc})")
        return
    if done.added:
        result.new += 1
        result.imported.append(done.article_id)
        result.changes.extend(done.changes)


def entry_key(source_id: int, entry: Entry) -> str | None:
    """The entry's URL without tracking parameters; else its id or its words, within its feed."""
    if entry.link:
        return url_key(entry.link)
    basis = entry.id or f"{entry.title or ''}\n{entry.summary or ''}".strip()
    if not basis:
        return None
    return f"entry:{source_id}:{hashlib.sha1(basis.encode('utf-8')).hexdigest()[:20]}"


def _safe(link: str) -> bool:
    try:
        check_url(link)
    except UnsafeURL:
        return False
    return True


def _what(entry: Entry) -> str:
    return (entry.title or entry.link or entry.id or "an entry")[:80]


def _stop(cancelled: Callable[[], bool] | None) -> bool:
    return cancelled is not None and cancelled()
