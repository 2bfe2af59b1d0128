"""The library-wide scan in worker processes: each partition's flags into a scratch database,
then read back in date order. Kept apart from sweep.py (which finds the pairs) so that each
reads on its own; the CLI (`recount discrepancies --rescan`) and the stored flags call it."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from recount.compare.flags import Discrepancy
from recount.compare.match import Thresholds, reaches
from recount.compare.pair_filter import may_flag
from recount.compare.refs import Ref, aliases_of
from recount.compare.rules import compare
from recount.compare.sweep import library_sweep, partitions

# A flag as the library stores it (db/005_flags.sql: claim and report ids, story, the record as
# JSON), made in the worker, with the columns of the library-wide order before it.
_FLAGS_TABLE = ("CREATE TABLE IF NOT EXISTS flags (key TEXT PRIMARY KEY, b_pub TEXT, type TEXT, a_art TEXT, "
                "a_start INTEGER, b_art TEXT, b_start INTEGER, a_claim INTEGER, b_claim INTEGER, "
                "a_article INTEGER, b_article INTEGER, story INTEGER, data TEXT)")
_INSERT_FLAGS = "INSERT OR IGNORE INTO flags VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
_ORDER = "ORDER BY b_pub, type, a_art, a_start, b_art, b_start, key"

def _scratch(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute(_FLAGS_TABLE)
    return db


def _flag_row(f: Discrepancy, a: Ref, b: Ref) -> tuple:
    return (f.key, f.b.published or "", f.type, f.a.article or "", f.a.start, f.b.article or "", f.b.start,
            f.a.claim_id, f.b.claim_id, *((a.article_id, b.article_id) if f.a.claim_id == a.claim_id
                                          else (b.article_id, a.article_id)),
            b.story, f.record_json())


def _flags_into(lib: Any, db: sqlite3.Connection, kind: str, category: str | None, floor: float,
                cancelled: Callable[[], bool] | None = None, keep_dismissed: bool = False) -> bool:
    """The flags of one part of the library into a scratch table; False when cancelled."""
    aliases = aliases_of(lib)
    dismissed = {} if keep_dismissed else lib.dismissed_flags()
    rows: list[tuple] = []
    for n, (a, b) in enumerate(library_sweep(lib, kinds=(kind,), cancelled=cancelled, only=category,
                                                       test=may_flag)):
        if cancelled is not None and n % 1000 == 0 and cancelled():
            return False
        flag = compare(a, b, aliases)
        if flag is None or flag.key in dismissed:
            continue
        if reaches(a, b, aliases, floor):
            rows.append(_flag_row(flag, a, b))
            if len(rows) >= 5000:
                db.executemany(_INSERT_FLAGS, rows)
                rows.clear()
    db.executemany(_INSERT_FLAGS, rows)
    db.commit()
    return not (cancelled is not None and cancelled())


def _part_worker(path: str, kind: str, category: str | None, out: str, floor: float,
                 keep_dismissed: bool = False) -> str:
    """One part, in a worker process: its own read-only connection and scratch file."""
    from recount.library.store import Library

    with Library.open(path, create=False, read_only=True) as lib:
        db = _scratch(Path(out))
        try:
            _flags_into(lib, db, kind, category, floor, keep_dismissed=keep_dismissed)
        finally:
            db.close()
    return out


def iter_library_discrepancies(lib: Any, cancelled: Callable[[], bool] | None = None,
                               thresholds: Thresholds | None = None, jobs: int = 1,
                               keep_dismissed: bool = False) -> Iterator[Discrepancy]:
    """Every flag across the library (dismissed ones left out unless keep_dismissed), streamed:
    the claims are swept in date order and the flags kept in a scratch SQLite file until
    sorted, so memory stays bounded whatever the library's size. Same flags as
    find_discrepancies(library_refs(lib)); order by (later report's date, type, earlier
    article, start), then the other side.

    jobs > 1: the library's parts (kind, category) are scanned in that many worker processes
    (spawned, each with a read-only connection); `cancelled` is then asked between parts."""
    with tempfile.TemporaryDirectory(prefix="recount-scan-") as tmp:
        db = _scratch(Path(tmp) / "flags.db")
        try:
            if not scan_into(lib, db, Path(tmp), cancelled, thresholds, jobs, keep_dismissed):
                return
            for (data,) in db.execute(f"SELECT data FROM flags {_ORDER}"):
                yield Discrepancy.from_record(json.loads(data))
        finally:
            db.close()


def scan_into(lib: Any, db: sqlite3.Connection, tmp: Path, cancelled: Callable[[], bool] | None = None,
              thresholds: Thresholds | None = None, jobs: int = 1, keep_dismissed: bool = False) -> bool:
    """Every flag across the library into the scratch table of `db` (_scratch; `tmp` a folder
    for the workers' files). False when cancelled."""
    floor = (thresholds or Thresholds()).suggested
    parts = partitions(lib)
    if jobs > 1 and len(parts) > 1:
        return _parallel(lib, db, parts, floor, tmp, jobs, cancelled, keep_dismissed)
    for kind, category in parts:
        if not _flags_into(lib, db, kind, category, floor, cancelled, keep_dismissed):
            return False
    return True


def _weight(lib: Any, part: tuple[str, str | None]) -> float:
    kind, category = part
    counts = lib.count_claims_by_category(kind)
    if kind == "attributed":
        return float(sum(counts.values()))
    return float(sum(n for c, n in counts.items() if (c or "count") == category))


def _parallel(lib: Any, db: sqlite3.Connection, parts: list[tuple[str, str | None]], floor: float,
              tmp: Path, jobs: int, cancelled: Callable[[], bool] | None,
              keep_dismissed: bool = False) -> bool:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Biggest parts first (by claims: a quote and a figure cost about the same to scan on the
    # benchmark library), so that no big part is left running alone at the end.
    ordered = sorted(parts, key=lambda p: -_weight(lib, p))
    ctx = multiprocessing.get_context("spawn")  # no fork: the caller may hold threads (the window)
    with ProcessPoolExecutor(max_workers=min(jobs, len(parts)), mp_context=ctx) as pool:
        futures = {p: pool.submit(_part_worker, str(lib.path), p[0], p[1], str(tmp / f"part{n}.db"), floor,
                                  keep_dismissed)
                   for n, p in enumerate(ordered)}
        for p in parts:  # merged in the serial order, so the same flag wins a shared key
            out = futures[p].result()
            if cancelled is not None and cancelled():
                for f in futures.values():
                    f.cancel()
                return False
            db.execute("ATTACH DATABASE ? AS part", (out,))
            db.execute("INSERT OR IGNORE INTO flags SELECT * FROM part.flags ORDER BY rowid")
            db.commit()
            db.execute("DETACH DATABASE part")
            Path(out).unlink()
    return True
