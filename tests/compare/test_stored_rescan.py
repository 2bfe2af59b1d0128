"""`rescan` (compare/stored.py) stores exactly the sweep's flags, writing only the rows that
differ from those stored: unchanged rows keep their place, changed ones are rewritten, flags
no longer raised are removed (real SQLite files)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from recount.claims.model import Article, NumericClaim, TimeSpan
from recount.compare.stored import flags_within, rescan
from recount.library.store import Library

COLUMNS = "key, type, a_claim_id, b_claim_id, a_article_id, b_article_id, story_id, b_published, data"


def _assign(conn: sqlite3.Connection, article_id: int) -> None:
    row = conn.execute("SELECT id FROM stories WHERE title = 'flood'").fetchone()
    sid = row[0] if row else conn.execute("INSERT INTO stories (title) VALUES ('flood')").lastrowid
    conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (sid, article_id))


def _add(lib: Library, n: int, value: int, day: str) -> None:
    text = f"Report {n} on the flood in Port Amsel. The toll stands at {value}. More words of the report."
    start = text.index(str(value))
    claim = NumericClaim(span=str(value), start=start, end=start + len(str(value)),
                         sentence=f"The toll stands at {value}.", value=value, lower=value, upper=value,
                         qualifier="exact", category="killed",
                         time=TimeSpan("2024-06-01", day, "cumulative"), place="Port Amsel")
    lib.add_article(Article(text=text, published=day, outlet=f"Outlet {n}", id=f"r{n}"), [claim],
                    within=flags_within(lib, _assign))


def _rows(path: Path) -> dict[str, tuple]:
    with sqlite3.connect(path) as conn:
        return {r[1]: r for r in conn.execute(f"SELECT rowid, {COLUMNS} FROM flags")}


def test_rescan_rewrites_only_what_differs(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        for n, (value, day) in enumerate([(120, "2024-06-04"), (90, "2024-06-06"), (80, "2024-06-08"),
                                          (150, "2024-06-09")], start=1):
            _add(lib, n, value, day)
    stored = _rows(path)
    assert len(stored) >= 3
    keys = sorted(stored)
    with sqlite3.connect(path) as conn:  # one row out of date, one flag the rules no longer raise
        conn.execute("UPDATE flags SET data = '{}' WHERE key = ?", (keys[0],))
        conn.execute("INSERT INTO flags SELECT 'stale', type, a_claim_id, b_claim_id, a_article_id, "
                     "b_article_id, story_id, b_published, data FROM flags WHERE key = ?", (keys[1],))
    with Library.open(path) as lib:
        assert rescan(lib)
        assert rescan(lib, jobs=2)
    after = _rows(path)
    assert sorted(after) == keys  # the stale flag is gone, none is missing
    for key in keys:
        assert after[key][2:] == stored[key][2:]  # every row as the sweep gives it
    for key in keys[1:]:
        assert after[key][0] == stored[key][0]  # unchanged rows were not rewritten


def test_rescan_rewrites_the_table_whole_when_most_rows_differ(tmp_path: Path, monkeypatch) -> None:
    import recount.compare.stored as stored

    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        for n, (value, day) in enumerate([(120, "2024-06-04"), (90, "2024-06-06"), (80, "2024-06-08")]):
            _add(lib, n + 1, value, day)
    before = _rows(path)
    with sqlite3.connect(path) as conn:  # every row out of date, and one flag no longer raised
        conn.execute("UPDATE flags SET data = '{}'")
        conn.execute("INSERT INTO flags SELECT 'stale', type, a_claim_id, b_claim_id, a_article_id, "
                     "b_article_id, story_id, b_published, data FROM flags LIMIT 1")
    monkeypatch.setattr(stored, "_REWRITE_AFTER", 1)
    indexes = _indexes(path)
    assert len(indexes) >= 3
    with Library.open(path) as lib:
        assert rescan(lib)
    after = _rows(path)
    assert sorted(after) == sorted(before)
    assert all(after[k][2:] == before[k][2:] for k in before)
    assert _indexes(path) == indexes  # made again after the rows, as the schema has them
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _indexes(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'flags' "
                            "ORDER BY name").fetchall()


def test_rescan_checks_foreign_keys_again_after(tmp_path: Path) -> None:
    """The rescan writes its flags with the foreign keys unchecked (their claim ids come from the
    library itself); the connection checks them again afterwards, cancelled or not, and what it
    wrote satisfies them."""
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        for n, (value, day) in enumerate([(120, "2024-06-04"), (90, "2024-06-06")], start=1):
            _add(lib, n, value, day)
        with sqlite3.connect(path) as conn:
            conn.execute("DELETE FROM flags")
        assert rescan(lib)
        assert lib.db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert not rescan(lib, cancelled=lambda: True)
        assert lib.db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM flags").fetchone()[0] >= 1
        assert conn.execute("PRAGMA foreign_key_check(flags)").fetchall() == []
