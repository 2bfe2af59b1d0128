"""`listed_flags` reads the stored flags a page at a time (compare/stored.py `_pages`): a day of
later reports is never split between pages, whatever the page size (real SQLite files)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import recount.compare.stored as stored
from recount.claims.model import Article, NumericClaim, TimeSpan
from recount.compare.stored import flags_within, listed_flags
from recount.library.store import Library


def _assign(conn: sqlite3.Connection, article_id: int) -> None:
    row = conn.execute("SELECT id FROM stories WHERE title = 'flood'").fetchone()
    sid = row[0] if row else conn.execute("INSERT INTO stories (title) VALUES ('flood')").lastrowid
    conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (sid, article_id))


def _add(lib: Library, n: int, value: int, day: str) -> None:
    text = f"Bulletin {n} from the flooded valley. The toll stands at {value}. Rescuers kept digging."
    start = text.index(str(value))
    claim = NumericClaim(span=str(value), start=start, end=start + len(str(value)),
                         sentence=f"The toll stands at {value}.", value=value, lower=value, upper=value,
                         qualifier="exact", category="killed",
                         time=TimeSpan("2024-06-01", day, "cumulative"), place="Port Amsel")
    lib.add_article(Article(text=text, published=day, outlet=f"Outlet {n}", id=f"r{n}"), [claim],
                    within=flags_within(lib, _assign))


@pytest.fixture
def library(tmp_path: Path) -> Path:
    path = tmp_path / "lib.db"
    reports = [(400, "2024-06-03"), (390, "2024-06-04"), (300, "2024-06-06"), (310, "2024-06-06"),
               (305, "2024-06-06"), (200, "2024-06-08"), (150, "2024-06-09"), (140, "2024-06-09")]
    with Library.open(path) as lib:
        for n, (value, day) in enumerate(reports, start=1):
            _add(lib, n, value, day)
    return path


def _listed(path: Path) -> list[dict]:
    with Library.open(path) as lib:
        return [f.to_dict() for f in listed_flags(lib)]


def test_pages_of_any_size_list_the_same_flags(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with sqlite3.connect(library) as conn:
        days = [r[0] for r in conn.execute("SELECT b_published FROM flags ORDER BY b_published")]
    assert len(days) > len(set(days)) > 2  # several flags share a later report's day
    whole = _listed(library)
    assert whole
    for size in (1, 2, 3, 5):
        monkeypatch.setattr(stored, "_PAGE", size)
        assert _listed(library) == whole
