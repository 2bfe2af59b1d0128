"""A claim's copy of its report's story (db/006, claims.story_id) stays equal to the report's
story through every change, so the candidate lookups by story (compare/candidates.py, through
Library.candidate_claims) find exactly the claims of the story's reports (real SQLite files)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from recount.claims.model import Article, NumericClaim, TimeSpan
from recount.compare.stored import flags_within
from recount.library.store import Library
from recount.stories import merge, move, split


def _assign(title: str):
    def run(conn: sqlite3.Connection, article_id: int) -> None:
        row = conn.execute("SELECT id FROM stories WHERE title = ?", (title,)).fetchone()
        sid = row[0] if row else conn.execute("INSERT INTO stories (title) VALUES (?)", (title,)).lastrowid
        conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (sid, article_id))
    return run


def _add(lib: Library, n: int, value: int, story: str) -> int:
    day = f"2024-06-{n + 1:02d}"
    text = f"Report {n}. The toll stands at {value}. The flood hit Port Amsel."
    start = text.index(str(value))
    claims = [NumericClaim(span=str(value), start=start, end=start + len(str(value)),
                           sentence=f"The toll stands at {value}.", value=value, lower=value, upper=value,
                           qualifier="exact", category="killed",
                           time=TimeSpan("2024-06-01", day, "cumulative"), place="Port Amsel")]
    return lib.add_article(Article(text=text, published=day, outlet=f"Outlet {n}", id=f"r{n}"), claims,
                           within=flags_within(lib, _assign(story))).article_id


def _mismatches(lib: Library) -> int:
    return lib.db.conn.execute("SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id "
                               "WHERE c.story_id IS NOT a.story_id").fetchone()[0]


def _story(lib: Library, article_id: int) -> int:
    return lib.db.conn.execute("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()[0]


def _found(lib: Library, story: int) -> set[str]:
    return {sc.article_ref for sc in lib.candidate_claims(kind="numeric", categories=("killed",),
                                                          date_from="2024-01-01", date_to="2024-12-31",
                                                          story=story)}


def test_claims_follow_their_reports_story(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib.db") as lib:
        ids = [_add(lib, n, 100 + n, "flood" if n < 3 else "fire") for n in range(5)]
        assert _mismatches(lib) == 0
        flood, fire = _story(lib, ids[0]), _story(lib, ids[4])
        assert _found(lib, flood) == {"r0", "r1", "r2"} and _found(lib, fire) == {"r3", "r4"}
        move(lib, [ids[1]], fire)
        assert _mismatches(lib) == 0 and _found(lib, fire) == {"r1", "r3", "r4"}
        new = split(lib, fire, [ids[3]])
        assert _mismatches(lib) == 0 and _found(lib, new) == {"r3"}
        merge(lib, flood, [fire, new])
        assert _mismatches(lib) == 0 and _found(lib, flood) == {f"r{n}" for n in range(5)}


def test_an_older_library_gets_the_column_filled(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        a = _add(lib, 0, 100, "flood")
        story = _story(lib, a)
    with sqlite3.connect(path) as conn:  # as a library of schema 5 would hold it
        conn.execute("DROP TRIGGER claims_story_ai")
        conn.execute("DROP TRIGGER articles_story_au")
        conn.execute("DROP INDEX claims_story")
        conn.execute("ALTER TABLE claims DROP COLUMN story_id")
        conn.execute("PRAGMA user_version = 5")
    with Library.open(path) as lib:
        assert _mismatches(lib) == 0 and _found(lib, story) == {"r0"}
