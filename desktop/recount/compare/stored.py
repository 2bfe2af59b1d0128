"""Flags kept as reports arrive (db/005_flags.sql): written when a report is stored, in its
transaction, and listed by `recount discrepancies` without recomputing anything.

- `flags_within(library, assign)`: the callback for `Library.add_article(..., within=...)`:
  the report's story first (the stories' assigner), then its claims checked within that story
  (against each other and against the story's earlier and later reports) and the flags
  written, so that a report killed mid-import leaves neither report nor flags.
- `listed_flags(library)`: the stored flags, with the user's decisions applied: dismissed
  flags, rejected claims and deleted reports left out; reports whose claims were reviewed or
  whose story the user changed after their check are checked again first.
- `rescan(library)`: every flag recomputed by the library-wide sweep (compare/sweep.py) and
  stored again (`recount discrepancies --rescan`).

A read-only library is never written: stale reports are checked in memory.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from recount.compare.candidates import candidates
from recount.compare.flags import Discrepancy
from recount.compare.fold import Folder
from recount.compare.match import Thresholds, reaches
from recount.compare.refs import Ref, aliases_of, claims_cache, stored_ref, story_of
from recount.compare.rules import compare

# Above this many reports to check again (an upgraded library, many decisions), a full sweep
# is cheaper than one check per report.
RESCAN_FROM = 500

_INSERT = ("INSERT OR REPLACE INTO flags (key, type, a_claim_id, b_claim_id, a_article_id, b_article_id, "
           "story_id, b_published, data) SELECT ?, ?, ?, ?, a.article_id, b.article_id, ab.story_id, ?, ? "
           "FROM claims a, claims b JOIN articles ab ON ab.id = b.article_id WHERE a.id = ? AND b.id = ?")
# A rescan compares this many rows with those stored before deciding to rewrite the table whole.
_REWRITE_AFTER = 20_000
_ROW_COLUMNS = "key, type, a_claim_id, b_claim_id, a_article_id, b_article_id, story_id, b_published, data"
_ALL_CHECKED = ("INSERT INTO flag_checks (article_id, checked_at) SELECT id, ? FROM articles WHERE true "
                "ON CONFLICT (article_id) DO UPDATE SET checked_at = excluded.checked_at")
_CHECKED = ("INSERT INTO flag_checks (article_id, checked_at) VALUES (?, ?) "
            "ON CONFLICT (article_id) DO UPDATE SET checked_at = excluded.checked_at")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def article_flags(lib: Any, article_id: int, thresholds: Thresholds | None = None) -> list[Discrepancy]:
    """Every flag the stored report raises within its story: its claims against each other and
    against the story's other reports (as-of windows both ways, so import order does not
    matter). Dismissed flags are kept (they are left out when listed)."""
    from recount.compare.scan import find_discrepancies

    floor = (thresholds or Thresholds()).suggested
    article = lib.article(article_id)
    if article is None:
        return []
    story = story_of(lib, article_id)
    aliases = aliases_of(lib)
    own = [sc for sc in lib.claims(article_id) if sc.review != "rejected"]
    own_claims = [sc.claim for sc in own]
    refs = [Ref(sc.claim, sc.article_ref, sc.published, sc.outlet, claim_id=sc.id, article_id=article_id,
                text=article.text, story=story, siblings=lambda: own_claims) for sc in own]
    siblings = claims_cache(lib)
    flags = {f.key: f for f in find_discrepancies(refs, aliases, None, thresholds=thresholds)}
    texts: dict[int, str | None] = {}

    def loader(other_id: int) -> Callable[[], str | None]:
        def load() -> str | None:
            if other_id not in texts:
                stored = lib.article(other_id)
                texts[other_id] = stored.text if stored else None
            return texts[other_id]
        return load

    asked: dict = {}
    for ref in refs:
        for sc in candidates(lib, ref, article_id, asked, for_flags=True):
            other = stored_ref(sc, loader(sc.article_id), story, siblings(sc.article_id))
            flag = compare(ref, other, aliases)
            if flag is None or flag.key in flags:
                continue
            if reaches(ref, other, aliases, floor):
                flags[flag.key] = flag
    for flag in flags.values():
        flag.extra["story"] = story
    return list(flags.values())


def _write(conn: sqlite3.Connection, flags: Iterable[Discrepancy]) -> None:
    rows = []
    for f in flags:
        if f.a.claim_id is None or f.b.claim_id is None:
            continue
        rows.append((f.key, f.type, f.a.claim_id, f.b.claim_id, f.b.published or "",
                     f.record_json(), f.a.claim_id, f.b.claim_id))
    conn.executemany(_INSERT, rows)


def store_article_flags(lib: Any, conn: sqlite3.Connection, article_id: int) -> int:
    """Replace the report's stored flags by a fresh check (inside the caller's transaction)."""
    flags = article_flags(lib, article_id)
    conn.execute("DELETE FROM flags WHERE a_article_id = ? OR b_article_id = ?", (article_id, article_id))
    _write(conn, flags)
    conn.execute(_CHECKED, (article_id, _now()))
    return len(flags)


def flags_within(lib: Any, assign: Callable[[sqlite3.Connection, int], None] | None = None
                 ) -> Callable[[sqlite3.Connection, int], None]:
    """The `within` callback of Library.add_article: the report's story (assign), then its flags."""
    def run(conn: sqlite3.Connection, article_id: int) -> None:
        if assign is not None:
            assign(conn, article_id)
        store_article_flags(lib, conn, article_id)
    return run


def stale_articles(lib: Any) -> list[int]:
    """Reports (not deleted) never checked, or checked before the user reviewed one of their
    claims or decided their story."""
    sql = """
        SELECT a.id FROM articles a LEFT JOIN flag_checks fc ON fc.article_id = a.id
        WHERE a.deleted_at IS NULL AND (
            fc.checked_at IS NULL
            OR EXISTS (SELECT 1 FROM story_decisions d
                       WHERE d.article_id = a.id AND d.decided_at >= fc.checked_at)
            OR EXISTS (SELECT 1 FROM claims c JOIN reviews r ON r.claim_id = c.id
                       WHERE c.article_id = a.id AND r.at >= fc.checked_at))
        ORDER BY a.id"""
    with lib._lock:
        return [int(r[0]) for r in lib.db.conn.execute(sql)]


def refresh(lib: Any, cancelled: Callable[[], bool] | None = None) -> list[Discrepancy]:
    """Bring the stored flags up to date with the user's decisions. Returns the flags of stale
    reports when the library cannot be written (they are then listed from memory)."""
    stale = stale_articles(lib)
    if not stale:
        return []
    if lib.read_only:
        found: dict[str, Discrepancy] = {}
        for article_id in stale:
            for f in article_flags(lib, article_id):
                found.setdefault(f.key, f)
        return list(found.values())
    if len(stale) > RESCAN_FROM:
        rescan(lib, cancelled=cancelled)
        return []
    for article_id in stale:
        if cancelled is not None and cancelled():
            break
        with lib._writing() as conn:
            store_article_flags(lib, conn, article_id)
    return []


def rescan(lib: Any, cancelled: Callable[[], bool] | None = None, jobs: int = 1) -> bool:
    """Every flag recomputed (the library-wide sweep) and stored again, every report marked
    checked, in one transaction. False when cancelled (the stored flags are left as they were).

    The sweep's workers write each flag as the library stores it (ids, story, JSON record) into
    a scratch file; here the rows are only copied (no flag is rebuilt in this process)."""
    from recount.compare.scan_parallel import _scratch, scan_into

    if lib.read_only:
        return True
    with tempfile.TemporaryDirectory(prefix="recount-rescan-") as tmp:
        db = _scratch(Path(tmp) / "flags.db")
        try:
            # held through the scan: no report arrives unchecked meanwhile
            with lib._lock, _no_foreign_keys(lib.db.conn), lib._writing() as conn:
                if not scan_into(lib, db, Path(tmp), cancelled, jobs=jobs, keep_dismissed=True):
                    raise _Cancelled
                _replace_all(conn, db, lib.path)
                if cancelled is not None and cancelled():
                    raise _Cancelled
                conn.execute(_ALL_CHECKED, (_now(),))
        except _Cancelled:
            return False
        finally:
            db.close()
    return True


# The scratch table's rows (compare/scan_parallel.py) as rows of the flags table.
_SCRATCH = ("SELECT key, type, a_claim, b_claim, a_article, b_article, story, b_pub, data FROM main.flags s "
            "WHERE s.a_claim IS NOT NULL AND s.b_claim IS NOT NULL")
_SAME_ROW = ("EXISTS (SELECT 1 FROM lib.flags f WHERE f.key = s.key AND f.type IS s.type "
             "AND f.a_claim_id IS s.a_claim AND f.b_claim_id IS s.b_claim "
             "AND f.a_article_id IS s.a_article AND f.b_article_id IS s.b_article "
             "AND f.story_id IS s.story AND f.b_published IS s.b_pub AND f.data IS s.data)")
_INSERT_ROW = f"INSERT OR REPLACE INTO flags ({_ROW_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
# The page cache (PRAGMA cache_size, negative: KiB) while the flags table is written whole: 64 MB.
REWRITE_CACHE_KB = -65536


def _replace_all(conn: sqlite3.Connection, db: sqlite3.Connection, library: Path) -> None:
    """Make the flags table (of `conn`, the library's connection in its write transaction) hold
    exactly the scratch table's flags (`db`, compare/scan_parallel.py), writing only what
    differs: a rescan mostly finds the flags already stored, and rewriting a million rows and
    their four indexes costs more than comparing them. The scratch connection compares, with
    the library attached (it reads what the library's transaction has not yet changed), so
    that comparing is SQLite's work, not a loop of Python over every flag; it notes only the
    keys that differ, and the library is detached before anything is written. When most rows
    differ (the rules changed since the flags were stored; judged on the first _REWRITE_AFTER
    rows), the table is emptied and written whole, its other indexes made again after the rows,
    with a page cache of REWRITE_CACHE_KB (the workers have ended: the memory is free)."""
    db.execute("ATTACH DATABASE ? AS lib", (str(library),))
    try:
        first = db.execute(f"SELECT count(*), coalesce(sum(NOT {_SAME_ROW}), 0) "
                           f"FROM ({_SCRATCH} ORDER BY rowid LIMIT ?) s", (_REWRITE_AFTER,)).fetchone()
        whole = first[0] >= _REWRITE_AFTER and 2 * first[1] > first[0]
        if not whole:
            db.execute("CREATE TEMP TABLE IF NOT EXISTS rescan_differ (key TEXT)")
            db.execute("CREATE TEMP TABLE IF NOT EXISTS rescan_gone (key TEXT)")
            db.execute(f"INSERT INTO temp.rescan_differ SELECT s.key FROM ({_SCRATCH}) s "
                       f"WHERE NOT {_SAME_ROW}")
            db.execute(f"INSERT INTO temp.rescan_gone SELECT key FROM lib.flags "
                       f"WHERE key NOT IN (SELECT key FROM ({_SCRATCH}))")
    finally:
        db.commit()
        db.execute("DETACH DATABASE lib")
    if whole:
        indexes = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                               "AND tbl_name = 'flags' AND sql IS NOT NULL").fetchall()
        cache = conn.execute("PRAGMA cache_size").fetchone()[0]
        conn.execute(f"PRAGMA cache_size = {REWRITE_CACHE_KB}")  # the key index stays in memory
        try:
            for name, _sql in indexes:
                conn.execute(f'DROP INDEX "{name}"')
            conn.execute("DELETE FROM flags")
            conn.executemany(_INSERT_ROW, db.execute(f"{_SCRATCH} ORDER BY rowid"))
            for _name, sql in indexes:
                conn.execute(sql)
        finally:
            conn.execute(f"PRAGMA cache_size = {int(cache)}")
        return
    conn.executemany(_INSERT_ROW, db.execute(f"{_SCRATCH} AND s.key IN (SELECT key FROM temp.rescan_differ) "
                                             "ORDER BY rowid"))
    conn.executemany("DELETE FROM flags WHERE key = ?", db.execute("SELECT key FROM temp.rescan_gone"))
    db.execute("DROP TABLE temp.rescan_differ")
    db.execute("DROP TABLE temp.rescan_gone")


@contextmanager
def _no_foreign_keys(conn: sqlite3.Connection) -> Iterator[None]:
    """The flags' foreign keys left unchecked while a rescan writes them (the caller holds the
    library's lock, outside any transaction). Every claim id written was read from the library
    under the same write transaction, so each check would pass; on a 1M library they were most
    of the time of writing the table (two lookups of a claims row per flag, 668,146 flags)."""
    was = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        if was:
            conn.execute("PRAGMA foreign_keys = ON")


class _Cancelled(Exception):
    """Rolls a cancelled rescan back."""


_LISTED = """
    SELECT f.data, ab.story_id, f.key IN (SELECT flag_key FROM dismissed_flags), f.b_published FROM flags f
    JOIN articles aa ON aa.id = f.a_article_id JOIN articles ab ON ab.id = f.b_article_id
    WHERE aa.deleted_at IS NULL AND ab.deleted_at IS NULL
      AND f.a_claim_id NOT IN (SELECT claim_id FROM reviews WHERE decision = 'rejected')
      AND f.b_claim_id NOT IN (SELECT claim_id FROM reviews WHERE decision = 'rejected')
      AND (aa.story_id IS ab.story_id)
      AND {page}
    ORDER BY f.b_published"""
_PAGE = 2000


def _order(f: Discrepancy) -> tuple:
    """The library-wide order (as compare/scan.py sorts): the later report's date, the type, then
    the earlier side and the other side."""
    return (f.b.published or "", f.type, f.a.article or "", f.a.start, f.b.article or "", f.b.start, f.key)


def _read(rows: list) -> list[Discrepancy]:
    flags = []
    for data, story, dismissed, _day in rows:
        flag = Discrepancy.from_record(json.loads(data))
        flag.extra.update(story=story, dismissed=bool(dismissed))
        flags.append(flag)
    return flags


def _pages(lib: Any) -> Iterator[list[Discrepancy]]:
    """The stored flags (dismissed ones marked, not left out: a dismissed flag still stands for
    its change when flags are folded), one day of later reports or more at a time, each page in
    _order (a day's flags are never split between pages)."""
    last = ""
    while True:
        with lib._lock:
            sql = _LISTED.format(page="f.b_published > ?") + f" LIMIT {_PAGE}"
            rows = lib.db.conn.execute(sql, (last,)).fetchall()
        if not rows:
            return
        if len(rows) == _PAGE:  # the last day may go on past the page: left to the next page
            tail = rows[-1][3]  # (the column holds the flag's b.published, "" for none)
            rows = [r for r in rows if r[3] != tail]
            if not rows:  # one day fills the page: read it whole
                with lib._lock:
                    rows = lib.db.conn.execute(_LISTED.format(page="f.b_published = ?"), (tail,)).fetchall()
        last = rows[-1][3]
        yield sorted(_read(rows), key=_order)


def listed_flags(lib: Any, cancelled: Callable[[], bool] | None = None) -> Iterator[Discrepancy]:
    """The stored flags as `recount discrepancies` lists them (see the module's docstring),
    folded to one flag per change (compare/fold.py)."""
    extra = refresh(lib, cancelled)
    dismissed = lib.dismissed_flags() if extra else {}
    seen: set[str] = set()
    folder = Folder()
    for page in _pages(lib):  # no long read lock held, memory bounded by a page
        if extra:
            seen.update(flag.key for flag in page)
        for flag in folder.fold(page):
            if not flag.extra.get("dismissed"):
                yield flag
    for flag in folder.fold(sorted(extra, key=_order)):
        if flag.key not in seen and flag.key not in dismissed:
            yield flag


def on_store(lib: Any, article: Any) -> Callable[[sqlite3.Connection, int], None]:
    """What storing a report runs inside its transaction: its story, then its flags. The one
    callback every path that stores a report passes to Library.add_article(within=...)."""
    from recount.stories import assigner

    return flags_within(lib, assigner(article))
