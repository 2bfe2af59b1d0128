"""Story profiles in the library: read the candidates for a report, add or take out a report.

Every function takes an open sqlite3 connection and runs inside the caller's transaction (the
report's own, when it is stored), so a report and its story are written together or not at all.
Tables (db/003_stories.sql): stories, story_terms (term, story_id) -> weight, docs, and
term_stats term -> docs, stories.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime

from recount.stories.features import TITLED, Features, features_of
from recount.stories.matcher import Placement, Profile, place
from recount.stories.titles import make_title

# A term held by more stories than this is not read story by story: it tells them apart
# little, and its rows would be most of what a lookup reads in a large library.
STORY_CEILING = 100
TITLE_TERMS = 40  # a story's most shared terms considered for its title
_BATCH = 500  # bound parameters per IN (...) list


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(items), _BATCH):
        yield items[i:i + _BATCH]


def library_size(conn: sqlite3.Connection) -> int:
    """Reports that have a story (the matcher's count of documents)."""
    return int(conn.execute("SELECT coalesce(sum(size), 0) FROM stories").fetchone()[0])


def term_docs(conn: sqlite3.Connection, terms: list[str]) -> dict[str, tuple[int, int]]:
    """term -> (reports holding it, stories holding it), for the terms the library knows."""
    found: dict[str, tuple[int, int]] = {}
    for chunk in _chunks(terms):
        marks = ", ".join("?" * len(chunk))
        for term, docs, stories in conn.execute(
                f"SELECT term, docs, stories FROM term_stats WHERE term IN ({marks})", chunk):
            found[term] = (int(docs), int(stories))
    return found


def candidates(conn: sqlite3.Connection, features: Features,
               exclude: Iterable[int] = ()) -> tuple[list[Profile], dict[str, int], int]:
    """The stories that share a term with the report (with those terms), the library's
    document counts of the report's terms, and the library's size."""
    terms = list(features.terms)
    stats = term_docs(conn, terms)
    docs = {t: d for t, (d, _) in stats.items()}
    lookup = [t for t, (_, stories) in stats.items() if stories <= STORY_CEILING and t != TITLED]
    held: dict[int, dict[str, int]] = {}
    for chunk in _chunks(lookup):
        marks = ", ".join("?" * len(chunk))
        for term, story_id, n in conn.execute(
                f"SELECT term, story_id, docs FROM story_terms WHERE term IN ({marks})", chunk):
            held.setdefault(int(story_id), {})[term] = int(n)
    for story_id in exclude:
        held.pop(story_id, None)
    profiles: list[Profile] = []
    ids = list(held)
    for i in range(0, len(ids), _BATCH):
        chunk_ids = ids[i:i + _BATCH]
        marks = ", ".join("?" * len(chunk_ids))
        if TITLED in features.terms:  # held by most stories: read for these ones only
            for sid, n in conn.execute(f"SELECT story_id, docs FROM story_terms WHERE term = ? "
                                       f"AND story_id IN ({marks})", (TITLED, *chunk_ids)):
                held[int(sid)][TITLED] = int(n)
        for sid, size, first, last, title in conn.execute(
                f"SELECT id, size, first_date, last_date, title FROM stories WHERE id IN ({marks})",
                chunk_ids):
            profiles.append(Profile(int(sid), int(size), first, last, title, held[int(sid)]))
    return profiles, docs, library_size(conn)


def placement(conn: sqlite3.Connection, features: Features, exclude: Iterable[int] = ()) -> Placement:
    """Where the report would go now (nothing written)."""
    profiles, docs, reports = candidates(conn, features, exclude)
    return place(features, profiles, docs, reports)


def new_story(conn: sqlite3.Connection, features: Features, title: str | None = None) -> int:
    """An empty story titled from the report's own names (or `title`, kept as the user's)."""
    made = make_title({t: (1, w) for t, w in features.terms.items()}, features.labels, features.published)
    cur = conn.execute(
        "INSERT INTO stories (title, title_by_user, created_at) VALUES (?, ?, ?)",
        (title or made, 1 if title else 0, now()))
    return int(cur.lastrowid or 0)


def add_report(conn: sqlite3.Connection, story_id: int, article_id: int, features: Features) -> None:
    """Put the report in the story: its story_id, the story's profile, size, dates and title."""
    conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))
    terms = list(features.terms)
    existing: set[str] = set()
    for chunk in _chunks(terms):
        marks = ", ".join("?" * len(chunk))
        existing.update(r[0] for r in conn.execute(
            f"SELECT term FROM story_terms WHERE story_id = ? AND term IN ({marks})", (story_id, *chunk)))
    conn.executemany(
        "INSERT INTO story_terms (term, story_id, weight, docs) VALUES (?, ?, ?, 1) "
        "ON CONFLICT (term, story_id) DO UPDATE SET weight = weight + excluded.weight, docs = docs + 1",
        [(t, story_id, w) for t, w in features.terms.items()])
    conn.executemany(
        "INSERT INTO term_stats (term, docs, stories) VALUES (?, 1, 1) "
        "ON CONFLICT (term) DO UPDATE SET docs = docs + 1, stories = stories + excluded.stories",
        [(t,) for t in terms if t not in existing])
    conn.executemany("UPDATE term_stats SET docs = docs + 1 WHERE term = ?",
                     [(t,) for t in terms if t in existing])
    published = features.published
    conn.execute(
        "UPDATE stories SET size = size + 1, "
        "first_date = CASE WHEN ? IS NULL THEN first_date WHEN first_date IS NULL OR ? < first_date "
        "THEN ? ELSE first_date END, "
        "last_date = CASE WHEN ? IS NULL THEN last_date WHEN last_date IS NULL OR ? > last_date "
        "THEN ? ELSE last_date END WHERE id = ?",
        (published, published, published, published, published, published, story_id))
    retitle(conn, story_id, features.labels)


def remove_report(conn: sqlite3.Connection, article_id: int) -> int | None:
    """Take the report out of its story (the profile loses its terms); returns the story it
    left, deleted when it is left empty. The terms are read again from the stored text."""
    row = conn.execute("SELECT story_id, text, title, published FROM articles WHERE id = ?",
                       (article_id,)).fetchone()
    if row is None or row[0] is None:
        return None
    story_id = int(row[0])
    features = features_of(row[1], row[2], row[3])
    held: set[str] = set()  # only what the story holds (the report's details may have been edited since)
    for chunk in _chunks(list(features.terms)):
        marks = ", ".join("?" * len(chunk))
        held.update(r[0] for r in conn.execute(
            f"SELECT term FROM story_terms WHERE story_id = ? AND term IN ({marks})", (story_id, *chunk)))
    terms = [t for t in features.terms if t in held]
    conn.executemany("UPDATE story_terms SET weight = weight - ?, docs = docs - 1 "
                     "WHERE term = ? AND story_id = ?", [(features.terms[t], t, story_id) for t in terms])
    gone = []
    for chunk in _chunks(terms):
        marks = ", ".join("?" * len(chunk))
        gone.extend(r[0] for r in conn.execute(
            f"SELECT term FROM story_terms WHERE story_id = ? AND docs <= 0 AND term IN ({marks})",
            (story_id, *chunk)))
    conn.executemany("DELETE FROM story_terms WHERE term = ? AND story_id = ?", [(t, story_id) for t in gone])
    conn.executemany("UPDATE term_stats SET docs = docs - 1 WHERE term = ?", [(t,) for t in terms])
    conn.executemany("UPDATE term_stats SET stories = stories - 1 WHERE term = ?", [(t,) for t in gone])
    conn.execute("DELETE FROM term_stats WHERE docs <= 0")
    conn.execute("UPDATE articles SET story_id = NULL WHERE id = ?", (article_id,))
    conn.execute("UPDATE stories SET size = size - 1 WHERE id = ?", (story_id,))
    drop_if_empty(conn, story_id)
    refresh_dates(conn, story_id)
    return story_id


def drop_if_empty(conn: sqlite3.Connection, story_id: int) -> bool:
    left = conn.execute("SELECT count(*) FROM articles WHERE story_id = ?", (story_id,)).fetchone()[0]
    if left:
        return False
    for (term,) in conn.execute("SELECT term FROM story_terms WHERE story_id = ?", (story_id,)).fetchall():
        conn.execute("UPDATE term_stats SET stories = stories - 1 WHERE term = ?", (term,))
    conn.execute("DELETE FROM term_stats WHERE stories <= 0")
    conn.execute("DELETE FROM story_decisions WHERE story_id = ?", (story_id,))
    conn.execute("DELETE FROM story_terms WHERE story_id = ?", (story_id,))
    conn.execute("DELETE FROM stories WHERE id = ?", (story_id,))
    return True


def refresh_dates(conn: sqlite3.Connection, story_id: int) -> None:
    conn.execute(
        "UPDATE stories SET first_date = (SELECT min(published) FROM articles WHERE story_id = stories.id), "
        "last_date = (SELECT max(published) FROM articles WHERE story_id = stories.id) WHERE id = ?",
        (story_id,))


def retitle(conn: sqlite3.Connection, story_id: int, labels: dict[str, str]) -> None:
    """Title the story from its most shared terms (not when the user named it). While a story is
    small its title follows it; past twenty reports only every tenth report may change it."""
    row = conn.execute("SELECT title_by_user, size, first_date FROM stories WHERE id = ?",
                       (story_id,)).fetchone()
    if row is None or row[0] or (row[1] > 20 and row[1] % 10):
        return
    held = {t: (int(d), float(w)) for t, d, w in conn.execute(
        "SELECT term, docs, weight FROM story_terms WHERE story_id = ? "
        "ORDER BY docs DESC, weight DESC LIMIT ?",
        (story_id, TITLE_TERMS))}
    if not any(t in labels for t in held):
        return
    conn.execute("UPDATE stories SET title = ? WHERE id = ?", (make_title(held, labels, row[2]), story_id))
