"""Flags kept as reports arrive (issue 9): stored with the report in one transaction, listed by
`recount discrepancies`, recomputed by `--rescan`, the user's decisions respected by both."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from recount.claims.model import Article, NumericClaim, TimeSpan
from recount.compare.stored import flags_within, listed_flags, rescan
from recount.library.store import Library
from recount.stories import move

TEXT = "Report {n} on the flood in Port Amsel. The toll stands at {v}. " + "Filler words of the report. " * 3


def _toll(value: int, day: str, offset: int) -> NumericClaim:
    span = str(value)
    return NumericClaim(span=span, start=offset, end=offset + len(span),
                        sentence=f"The toll stands at {value}.", value=value, lower=value, upper=value,
                        qualifier="exact", category="killed",
                        time=TimeSpan("2024-06-01", day, "cumulative"), place="Port Amsel")


def _story(name: str):
    """A story step that puts the report in the story called `name` (the matcher's own tests
    are elsewhere: here the story is given, so the checker is what is tested)."""
    def assign(conn: sqlite3.Connection, article_id: int) -> None:
        row = conn.execute("SELECT id FROM stories WHERE title = ?", (name,)).fetchone()
        sid = row[0] if row else conn.execute("INSERT INTO stories (title) VALUES (?)", (name,)).lastrowid
        conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (sid, article_id))
    return assign


def _add(lib: Library, n: int, value: int, day: str, story: str = "flood", outlet: str | None = None) -> int:
    text = TEXT.format(n=n, v=value)
    claim = _toll(value, day, text.index(str(value)))
    article = Article(text=text, published=day, outlet=outlet or f"Outlet {n}", id=f"r{n}")
    return lib.add_article(article, [claim], within=flags_within(lib, _story(story))).article_id


def _keys(flags) -> list[str]:
    return sorted(f.key for f in flags)


@pytest.fixture
def lib(tmp_path: Path):
    with Library.open(tmp_path / "lib.db") as library:
        yield library


def test_flags_are_stored_with_the_report_and_match_a_rescan(lib: Library) -> None:
    _add(lib, 1, 120, "2024-06-04")
    _add(lib, 2, 90, "2024-06-06")  # a running total that fell
    stored = list(listed_flags(lib))
    assert [f.type for f in stored] == ["cumulative_decrease"]
    assert lib.db.conn.execute("SELECT count(*) FROM flags").fetchone()[0] == 1
    assert rescan(lib)
    assert _keys(listed_flags(lib)) == _keys(stored)


def test_a_report_killed_mid_import_leaves_neither_report_nor_flags(lib: Library) -> None:
    _add(lib, 1, 120, "2024-06-04")
    text = TEXT.format(n=2, v=90)
    claim = _toll(90, "2024-06-06", text.index("90"))

    def dies(conn: sqlite3.Connection, article_id: int) -> None:
        flags_within(lib, _story("flood"))(conn, article_id)
        assert conn.execute("SELECT count(*) FROM flags").fetchone()[0] == 1  # written, then...
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        lib.add_article(Article(text=text, published="2024-06-06", id="r2"), [claim], within=dies)
    assert lib.count_articles() == 1
    assert lib.db.conn.execute("SELECT count(*) FROM flags").fetchone()[0] == 0


def test_reports_of_two_stories_are_never_compared(lib: Library) -> None:
    _add(lib, 1, 120, "2024-06-04", story="flood")
    _add(lib, 2, 90, "2024-06-06", story="fire")
    assert list(listed_flags(lib)) == []
    assert rescan(lib) and list(listed_flags(lib)) == []


def test_user_decisions_are_respected_by_both_paths(lib: Library) -> None:
    a = _add(lib, 1, 120, "2024-06-04")
    b = _add(lib, 2, 90, "2024-06-06")
    c = _add(lib, 3, 80, "2024-06-07", story="other")
    flag = next(iter(listed_flags(lib)))
    lib.dismiss_flag(flag.key, "checked with the agency")
    assert list(listed_flags(lib)) == []
    assert rescan(lib) and list(listed_flags(lib)) == []  # dismissed stays dismissed after a rescan
    lib.undismiss_flag(flag.key)
    assert _keys(listed_flags(lib)) == [flag.key]
    claim_b = lib.claims(b)[0].id
    lib.set_review(claim_b, "rejected")
    assert list(listed_flags(lib)) == []
    assert rescan(lib) and list(listed_flags(lib)) == []
    lib.set_review(claim_b, None)
    rescan(lib)
    assert len(list(listed_flags(lib))) == 1
    # The user moves report 3 into the flood story: it is checked again there (90 -> 80: its
    # fall is set against the latest earlier report and the first, compare/fold.py).
    move(lib, [c], lib.db.conn.execute("SELECT story_id FROM articles WHERE id = ?", (a,)).fetchone()[0])
    moved = list(listed_flags(lib))
    assert {(f.a.article, f.b.article) for f in moved} == {("r1", "r2"), ("r2", "r3"), ("r1", "r3")}
    assert rescan(lib) and _keys(listed_flags(lib)) == _keys(moved)


def test_recount_discrepancies_lists_stored_flags_and_rescans(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        _add(lib, 1, 120, "2024-06-04")
        _add(lib, 2, 90, "2024-06-06")
    run = [sys.executable, "-m", "recount", "--db", str(path), "discrepancies", "--json"]
    listed = subprocess.run(run, capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0, listed.stderr
    rescanned = subprocess.run([*run, "--rescan"], capture_output=True, text=True, timeout=120)
    assert rescanned.returncode == 0, rescanned.stderr
    assert json.loads(listed.stdout) == json.loads(rescanned.stdout)
    assert [d["type"] for d in json.loads(listed.stdout)["discrepancies"]] == ["cumulative_decrease"]
