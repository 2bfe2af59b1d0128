"""The sources a user follows, what was taken from each, and what changed: db/004_sources.sql.

Functions over a `Library` (its lock and its sqlite-utils `db`); no other module writes these
tables. Each write is one transaction. Times are ISO strings in UTC, given by the caller (the
scheduler's clock), so tests control them.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from recount.watch.urls import UnsafeURL, check_url

DEFAULT_EVERY = 15  # minutes
MIN_EVERY, MAX_EVERY = 1, 7 * 24 * 60


class SourceError(ValueError):
    """A source that cannot be added or changed; `str(exc)` is the message for the user."""


@dataclass(slots=True)
class Source:
    id: int
    kind: str  # "feed" | "folder"
    location: str
    name: str | None
    every_minutes: int
    paused: bool
    added_at: str
    last_poll: str | None
    last_ok: str | None
    status: str
    last_error: str | None
    failures: int
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    polls: int
    reports: int
    last_new: int

    @property
    def label(self) -> str:
        return self.name or self.location

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(slots=True)
class Change:
    """A new flag or a moved estimate, as the "What changed" list and `watch run` show it."""

    kind: str  # "flag" | "estimate"
    type: str
    explanation: str
    article_id: int | None = None
    other_id: int | None = None
    story: str | None = None
    claim_start: int | None = None
    claim_end: int | None = None
    source_id: int | None = None
    at: str | None = None
    id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The `recount watch run --json` shape (plus the reports, to open them)."""
        return {"kind": self.kind, "story": self.story, "type": self.type, "explanation": self.explanation,
                "article": self.article_id, "other": self.other_id}


_COLUMNS = ", ".join(f.name for f in fields(Source))


def now_iso(when: datetime | None = None) -> str:
    return (when or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")


def _conn(lib: Any):
    return lib.db.conn


def _write(lib: Any, sql: str, params: Iterable[Any] = ()) -> int:
    """One statement in its own IMMEDIATE transaction (the library's write discipline)."""
    with lib._lock:
        conn = _conn(lib)
        conn.execute("BEGIN IMMEDIATE")
        try:
            cur = conn.execute(sql, tuple(params))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return int(cur.lastrowid or 0)


def _read(lib: Any, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
    with lib._lock:
        return _conn(lib).execute(sql, tuple(params)).fetchall()


def classify(target: str) -> tuple[str, str]:
    """("feed", url) or ("folder", absolute path); SourceError for anything else."""
    target = target.strip()
    if "://" in target:
        try:
            return "feed", check_url(target)
        except UnsafeURL as exc:
            raise SourceError(str(exc)) from None
    path = Path(os.path.expanduser(target)).resolve()
    if not path.is_dir():
        what = "is not a folder" if path.exists() else "does not exist"
        raise SourceError(f"{target} {what}: give an http(s) feed URL or a folder of reports")
    return "folder", str(path)


def _every(every: int | None) -> int:
    value = DEFAULT_EVERY if every is None else int(every)
    if not MIN_EVERY <= value <= MAX_EVERY:
        raise SourceError(f"the interval must be between {MIN_EVERY} and {MAX_EVERY} minutes")
    return value


def add_source(lib: Any, target: str, name: str | None = None, every: int | None = None,
               now: str | None = None) -> Source:
    kind, location = classify(target)
    minutes = _every(every)
    if _read(lib, "SELECT id FROM sources WHERE location = ?", (location,)):
        raise SourceError(f"{location} is already followed")
    sid = _write(lib, "INSERT INTO sources (kind, location, name, every_minutes, added_at) "
                      "VALUES (?, ?, ?, ?, ?)",
                 (kind, location, (name or "").strip() or None, minutes, now or now_iso()))
    found = get_source(lib, sid)
    assert found is not None
    return found


def get_source(lib: Any, source_id: int) -> Source | None:
    rows = _read(lib, f"SELECT {_COLUMNS} FROM sources WHERE id = ?", (source_id,))
    return _source(rows[0]) if rows else None


def list_sources(lib: Any) -> list[Source]:
    return [_source(r) for r in _read(lib, f"SELECT {_COLUMNS} FROM sources ORDER BY id")]


def _source(row: tuple) -> Source:
    s = Source(*row)
    s.paused = bool(s.paused)
    return s


def remove_source(lib: Any, source_id: int) -> bool:
    """Forget a source; the reports it brought stay in the library."""
    with lib._lock:
        if not _read(lib, "SELECT 1 FROM sources WHERE id = ?", (source_id,)):
            return False
        _write(lib, "DELETE FROM sources WHERE id = ?", (source_id,))
    return True


def edit_source(lib: Any, source_id: int, *, name: str | None = None, every: int | None = None,
                paused: bool | None = None) -> Source:
    if get_source(lib, source_id) is None:
        raise SourceError(f"there is no source {source_id}")
    if name is not None:
        _write(lib, "UPDATE sources SET name = ? WHERE id = ?", (name.strip() or None, source_id))
    if every is not None:
        _write(lib, "UPDATE sources SET every_minutes = ? WHERE id = ?", (_every(every), source_id))
    if paused is not None:
        _write(lib, "UPDATE sources SET paused = ?, failures = CASE WHEN ? THEN failures ELSE 0 END "
                    "WHERE id = ?", (int(paused), int(paused), source_id))
    found = get_source(lib, source_id)
    assert found is not None
    return found


def record_poll(lib: Any, source_id: int, *, at: str, status: str, error: str | None, new: int,
                etag: str | None = None, last_modified: str | None = None, body_hash: str | None = None,
                keep_validators: bool = False) -> None:
    """The outcome of one poll: status, error, counts, back-off, and the validators for next time."""
    failed = status == "error"
    sql = ("UPDATE sources SET last_poll = ?, status = ?, last_error = ?, polls = polls + 1, "
           "reports = reports + ?, last_new = ?, failures = CASE WHEN ? THEN failures + 1 ELSE 0 END, "
           "last_ok = CASE WHEN ? THEN last_ok ELSE ? END")
    params: list[Any] = [at, status, error, new, new, int(failed), int(failed), at]
    if not keep_validators:
        sql += ", etag = ?, last_modified = ?, body_hash = ?"
        params += [etag, last_modified, body_hash]
    _write(lib, sql + " WHERE id = ?", [*params, source_id])


# ---------------------------------------------------------------- items taken from sources


def known_keys(lib: Any, keys: Iterable[str]) -> set[str]:
    """Which of these item keys were taken before (by any source)."""
    keys = list(keys)
    found: set[str] = set()
    for i in range(0, len(keys), 500):
        chunk = keys[i:i + 500]
        marks = ", ".join("?" * len(chunk))
        found.update(r[0] for r in _read(lib, f"SELECT key FROM source_items WHERE key IN ({marks})", chunk))
    return found


def remember_items(lib: Any, items: Iterable[tuple[str, int | None, int | None, int | None, int | None]],
                   at: str) -> None:
    """(key, source_id, article_id, size, mtime_ns) rows, in one transaction."""
    rows = [(k, s, a, size, m, at) for k, s, a, size, m in items]
    if not rows:
        return
    with lib._lock:
        conn = _conn(lib)
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.executemany("INSERT OR REPLACE INTO source_items (key, source_id, article_id, size, "
                             "mtime_ns, seen_at) VALUES (?, ?, ?, ?, ?, ?)", rows)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def file_states(lib: Any, source_id: int) -> dict[str, tuple[int | None, int | None]]:
    """path -> (size, mtime_ns) of the files already taken from a folder source."""
    rows = _read(lib, "SELECT key, size, mtime_ns FROM source_items "
                      "WHERE source_id = ? AND key LIKE 'file:%'", (source_id,))
    return {key[5:]: (size, mtime) for key, size, mtime in rows}


# ---------------------------------------------------------------- what changed


def add_changes(lib: Any, changes: list[Change], at: str) -> None:
    if not changes:
        return
    with lib._lock:
        conn = _conn(lib)
        conn.execute("BEGIN IMMEDIATE")
        try:
            for c in changes:
                cur = conn.execute(
                    "INSERT INTO source_changes (at, source_id, article_id, other_id, kind, story, type, "
                    "explanation, claim_start, claim_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (at, c.source_id, c.article_id, c.other_id, c.kind, c.story, c.type, c.explanation,
                     c.claim_start, c.claim_end))
                c.id, c.at = cur.lastrowid, at
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def recent_changes(lib: Any, limit: int = 200) -> list[Change]:
    """Newest first, each with its report's story as titled now (titles follow their reports)."""
    sql = ("SELECT c.kind, c.type, c.explanation, c.article_id, c.other_id, {story}, c.claim_start, "
           "c.claim_end, c.source_id, c.at, c.id FROM source_changes c {join} "
           "ORDER BY c.at DESC, c.id DESC LIMIT ?")
    try:
        rows = _read(lib, sql.format(story="COALESCE(s.title, c.story)",
                                     join="LEFT JOIN articles a ON a.id = c.article_id "
                                          "LEFT JOIN stories s ON s.id = a.story_id"), (limit,))
    except sqlite3.OperationalError:  # a library without stories
        rows = _read(lib, sql.format(story="c.story", join=""), (limit,))
    return [Change(*r) for r in rows]
