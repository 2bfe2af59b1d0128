"""Stories in a library: assign a report as it is stored, list, and the user's decisions.

assigner(article) gives the callback Library.add_article runs inside the report's own
transaction, so a report and its story are stored together or not at all. The user's moves,
merges and splits are recorded in story_decisions: the matcher never moves those reports
again (rebuild keeps them where the user put them). Each call is one transaction of the
library's own (its lock, its error messages).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from recount.claims.model import Article
from recount.stories import profiles
from recount.stories.features import Features, features_of
from recount.stories.matcher import Placement


class StoryError(ValueError):
    """A story decision that cannot be made; the message says why, for the user."""


@dataclass(slots=True)
class Story:
    """A story as listed: its reports' library ids and the ids to print (import id, else own)."""

    id: int
    title: str
    title_by_user: bool
    first_date: str | None
    last_date: str | None
    article_ids: list[int] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    # each report's title, outlet and date, for the window
    details: list[tuple[str | None, str | None, str | None]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "articles": list(self.refs),
                "first_date": self.first_date, "last_date": self.last_date,
                "title_by_user": self.title_by_user}


class Assigner:
    """The story step of storing one report: features read before the transaction (no lock
    held while the text is read), placement and profile update inside it."""

    def __init__(self, article: Article) -> None:
        self.features: Features = features_of(article.text, article.title, _day(article.published))
        self.placement: Placement | None = None
        self.story_id: int | None = None

    def __call__(self, conn: sqlite3.Connection, article_id: int) -> None:
        self.placement = profiles.placement(conn, self.features)
        story_id = self.placement.story_id or profiles.new_story(conn, self.features)
        profiles.add_report(conn, story_id, article_id, self.features)
        self.story_id = story_id


def assigner(article: Article) -> Assigner:
    """The callback to pass as Library.add_article(..., within=assigner(article))."""
    return Assigner(article)


def preview(lib: Any, article: Article) -> Placement:
    """Which story the article would join, and how sure that is (nothing is written)."""
    features = features_of(article.text, article.title, _day(article.published))
    with lib._reading() as conn:
        return profiles.placement(conn, features)


def story_of(lib: Any, article_id: int) -> Story | None:
    with lib._reading() as conn:
        row = conn.execute("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None or row[0] is None:
        return None
    found = list_stories(lib, [int(row[0])])
    return found[0] if found else None


def list_stories(lib: Any, ids: Iterable[int] | None = None, include_deleted: bool = False) -> list[Story]:
    """Stories with their reports (oldest first), the most recent story first."""
    alive = "" if include_deleted else " AND a.deleted_at IS NULL"
    where, params = "", []
    if ids is not None:
        wanted = list(ids)
        where = f" AND s.id IN ({', '.join('?' * len(wanted))})" if wanted else " AND 0"
        params = wanted
    sql = ("SELECT s.id, s.title, s.title_by_user, s.first_date, s.last_date, a.id, a.ext_id, "
           "a.title, a.outlet, a.published "
           f"FROM stories s JOIN articles a ON a.story_id = s.id WHERE 1{alive}{where} "
           "ORDER BY s.last_date DESC, s.id DESC, a.published, a.id")
    stories: dict[int, Story] = {}
    with lib._reading() as conn:
        for row in conn.execute(sql, params):
            sid, aid, ext = row[0], row[5], row[6]
            story = stories.get(sid)
            if story is None:
                story = stories[sid] = Story(sid, row[1], bool(row[2]), row[3], row[4])
            story.article_ids.append(int(aid))
            story.refs.append(ext or str(aid))
            story.details.append((row[7], row[8], row[9]))
    return list(stories.values())


def resolve_article(lib: Any, ref: str | int) -> int:
    """A report named by its import id or its library id; StoryError when there is none."""
    with lib._reading() as conn:
        row = conn.execute("SELECT id FROM articles WHERE ext_id = ? AND deleted_at IS NULL ORDER BY id "
                           "LIMIT 1", (str(ref),)).fetchone()
        if row is None and str(ref).isdigit():
            row = conn.execute("SELECT id FROM articles WHERE id = ?", (int(ref),)).fetchone()
    if row is None:
        raise StoryError(f"there is no report {ref} in the library")
    return int(row[0])


def move(lib: Any, article_ids: Iterable[int], story_id: int | None, title: str | None = None) -> int:
    """Put reports in a story (None: a new one, named `title` if given); returns the story.
    The reports are recorded as placed by the user."""
    ids = list(dict.fromkeys(article_ids))
    if not ids:
        raise StoryError("no report to move")
    with lib._writing() as conn:
        return _move(conn, ids, story_id, title)


def _move(conn: sqlite3.Connection, ids: list[int], story_id: int | None, title: str | None) -> int:
    marks = ", ".join("?" * len(ids))
    rows = {r[0]: r for r in conn.execute(
        f"SELECT id, text, title, published, story_id FROM articles WHERE id IN ({marks})", ids)}
    missing = [i for i in ids if i not in rows]
    if missing:
        raise StoryError(f"there is no report {missing[0]} in the library")
    known = story_id is None or conn.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone()
    if not known:
        raise StoryError(f"there is no story {story_id}")
    feats = {i: features_of(rows[i][1], rows[i][2], rows[i][3]) for i in ids}
    if story_id is None:
        story_id = profiles.new_story(conn, feats[ids[0]], title)
    for article_id in ids:
        if rows[article_id][4] == story_id:
            continue
        profiles.remove_report(conn, article_id)
        profiles.add_report(conn, story_id, article_id, feats[article_id])
    conn.executemany(
        "INSERT INTO story_decisions (article_id, story_id, decided_at) VALUES (?, ?, ?) "
        "ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, "
        "decided_at = excluded.decided_at",
        [(i, story_id, profiles.now()) for i in ids])
    if title:
        conn.execute("UPDATE stories SET title = ?, title_by_user = 1 WHERE id = ?", (title, story_id))
    return story_id


def merge(lib: Any, into: int, others: Iterable[int]) -> int:
    """Put every report of the other stories into `into`; the others are gone after."""
    other_ids = [o for o in dict.fromkeys(others) if o != into]
    if not other_ids:
        raise StoryError("name at least one other story to merge")
    with lib._writing() as conn:
        for sid in (into, *other_ids):
            if conn.execute("SELECT 1 FROM stories WHERE id = ?", (sid,)).fetchone() is None:
                raise StoryError(f"there is no story {sid}")
        marks = ", ".join("?" * len(other_ids))
        ids = [r[0] for r in conn.execute(f"SELECT id FROM articles WHERE story_id IN ({marks})", other_ids)]
        if ids:
            _move(conn, ids, into, None)
        for sid in other_ids:
            profiles.drop_if_empty(conn, sid)
    return into


def split(lib: Any, story_id: int, article_ids: Iterable[int], title: str | None = None) -> int:
    """Take some reports out of a story into a new one; returns the new story."""
    ids = list(dict.fromkeys(article_ids))
    with lib._writing() as conn:
        inside = {r[0] for r in conn.execute("SELECT id FROM articles WHERE story_id = ?", (story_id,))}
        if not inside:
            raise StoryError(f"there is no story {story_id}")
        outside = [i for i in ids if i not in inside]
        if outside:
            raise StoryError(f"report {outside[0]} is not in story {story_id}")
        if not ids or set(ids) >= inside:
            raise StoryError("a split needs some of the story's reports, not none or all of them")
        return _move(conn, ids, None, title)


def rename(lib: Any, story_id: int, title: str) -> None:
    """Name a story; the matcher keeps the user's title from then on."""
    title = " ".join(title.split())
    if not title:
        raise StoryError("a story's title cannot be empty")
    with lib._writing() as conn:
        cur = conn.execute("UPDATE stories SET title = ?, title_by_user = 1 WHERE id = ?", (title, story_id))
        if cur.rowcount == 0:
            raise StoryError(f"there is no story {story_id}")


def decided(lib: Any) -> dict[int, int]:
    """article id -> story id, for every report the user placed."""
    with lib._reading() as conn:
        return {int(a): int(s) for a, s in conn.execute("SELECT article_id, story_id FROM story_decisions")}


def assign_missing(lib: Any, progress: Callable[[int, int], None] | None = None, batch: int = 200) -> int:
    """Give a story to every report that has none (a library made before stories), oldest
    first, `batch` reports per transaction; returns how many were placed."""
    with lib._reading() as conn:
        todo = [r[0] for r in conn.execute(
            "SELECT id FROM articles WHERE story_id IS NULL ORDER BY published, id")]
    for start in range(0, len(todo), batch):
        with lib._writing() as conn:
            for article_id in todo[start:start + batch]:
                row = conn.execute("SELECT text, title, published, story_id FROM articles WHERE id = ?",
                                   (article_id,)).fetchone()
                if row is None or row[3] is not None:
                    continue
                features = features_of(row[0], row[1], row[2])
                place = profiles.placement(conn, features)
                sid = place.story_id or profiles.new_story(conn, features)
                profiles.add_report(conn, sid, article_id, features)
        if progress is not None:
            progress(min(start + batch, len(todo)), len(todo))
    return len(todo)


def _day(value: object) -> str | None:
    if value is None:
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return text[:10] or None
