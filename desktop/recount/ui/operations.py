"""What the window asks of the core, one short function per user action (no Qt here).

Each runs on a worker thread through `workers.start_task` and accepts the `progress=` /
`cancelled=` keywords the helper passes. They share the window's *worker* connection to
the library (a `Library` is thread-safe: one lock around its connection); the GUI thread
reads through a second connection of its own, so a long check never blocks the library
browser. Opening the file once matters: `Library.open` verifies the file, which takes
long on a large library.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from recount.checked import Checked, check_with_library
from recount.claims.model import Article, Claim

LIBRARY_TIMEOUT = 5.0  # seconds a write waits for another program's lock before giving up


class NotInLibrary(LookupError):
    """A report or claim the window pointed at is gone from the library (deleted meanwhile)."""


def warm_up(*, progress=None, cancelled=None) -> None:
    """Import the core off the GUI thread after start-up, so the first check, selection or
    import does not pause the window while Python loads modules."""
    import recount.claims.extract
    import recount.compare.check
    import recount.compare.reconcile
    import recount.export
    import recount.library.importer
    import recount.reading  # noqa: F401
    from recount.claims import extract

    extract("Warm-up: at least 3 people were killed on Monday, officials said.", "2025-01-06")


def open_library(path: Path, *, progress=None, cancelled=None) -> tuple[Any, Any, int]:
    """Two connections to the library (GUI thread, workers) and its number of reports."""
    from recount.library.store import Library

    gui = Library.open(path, create=True, timeout=LIBRARY_TIMEOUT)
    try:
        work = Library.open(path, create=True, timeout=LIBRARY_TIMEOUT)
    except BaseException:
        gui.close()
        raise
    return gui, work, work.count_articles()


def check(lib: Any, article: Article, thresholds: Any = None, *, progress=None, cancelled=None) -> Checked:
    """Extract and check the article against the library (None: no library, claims only)."""
    return check_with_library(lib, article, thresholds, progress=progress, cancelled=cancelled)


def read_file(path: str, *, progress=None, cancelled=None) -> Article:
    """Read a report as the importer would (a NAME.json sidecar supplies its metadata);
    for a JSON Lines/CSV file, its first article."""
    from recount.library.importer import iter_entries
    from recount.reading import UnreadableFile

    p = Path(path)
    if not p.is_file():
        raise UnreadableFile(f"{p}: no such file" if not p.exists() else f"{p}: is not a file")
    for entry in iter_entries(p):
        if entry.article is None:
            raise UnreadableFile(f"{p.name}: {entry.error or 'cannot be read'}")
        return entry.article
    raise UnreadableFile(f"{p.name}: holds no article")


def save(lib: Any, article: Article, claims: list[Claim] | None, *, progress=None,
         cancelled=None) -> tuple[int, int]:
    """Store the article with its claims (idempotent): its library id and the report count."""
    if claims is None:
        from recount.claims import extract

        claims = extract(article.text, article.published)
    from recount.compare.stored import on_store

    article_id = lib.add_article(article, claims, within=on_store(lib, article)).article_id
    return article_id, lib.count_articles()


def load(lib: Any, article_id: int, *, progress=None, cancelled=None) -> Article:
    stored = lib.article(article_id)
    if stored is None:
        raise NotInLibrary(f"Report {article_id} is no longer in the library.")
    return stored.to_article()


def _stored_claim_id(lib, article: Article, claims: list[Claim], claim: Claim) -> int:
    """The library id of this claim, saving the article first when it is not stored yet."""
    article_id = lib.find_article(text=article.text)
    if article_id is None:
        from recount.compare.stored import on_store

        article_id = lib.add_article(article, claims, within=on_store(lib, article)).article_id
    for sc in lib.claims(article_id):
        c = sc.original or sc.claim
        if (c.start, c.end) == (claim.start, claim.end):
            return sc.id
    # Stored with an older extraction: bring its claims up to date, then find it.
    lib.replace_claims(article_id, claims)
    for sc in lib.claims(article_id):
        if (sc.claim.start, sc.claim.end) == (claim.start, claim.end):
            return sc.id
    raise NotInLibrary("This claim could not be found in the stored report.")


def review(
    lib: Any,
    article: Article,
    claims: list[Claim],
    claim: Claim,
    decision: str | None,
    correction: dict[str, Any] | None = None,
    note: str | None = None,
    *,
    progress=None,
    cancelled=None,
) -> int:
    """Record a decision on one claim of the current article (stored first if need be)."""
    claim_id = _stored_claim_id(lib, article, claims, claim)
    lib.set_review(claim_id, decision, correction, note)
    return claim_id


def dismiss(lib: Any, flag_key: str, note: str | None, *, progress=None, cancelled=None) -> str:
    lib.dismiss_flag(flag_key, note)
    return flag_key


def delete_reports(lib: Any, ids: list[int], *, progress=None, cancelled=None) -> list[int]:
    """Hide reports from lists and checks, all in one transaction (undo: restore_reports)."""
    if progress:
        progress(0, 1, "Deleting")
    deleted = lib.delete_articles(ids)
    if progress:
        progress(1, 1, "Deleted")
    return deleted


def restore_reports(lib: Any, ids: list[int], *, progress=None, cancelled=None) -> dict[int, int]:
    """Bring deleted reports back in one transaction; their claim counts, read here, so the
    library browser shows the rows again without reading its list on the GUI thread."""
    if progress:
        progress(0, 1, "Restoring")
    lib.restore_articles(ids)
    counts = lib.claim_counts(ids)
    if progress:
        progress(1, 1, "Restored")
    return counts


def update_report(lib: Any, article_id: int, fields: dict[str, Any], *, progress=None,
                  cancelled=None) -> Any:
    """Write a report's new details; the stored report as it now reads (None if gone)."""
    lib.update_article(article_id, **fields)
    return lib.article(article_id)


def count(lib: Any, *, progress=None, cancelled=None) -> int:
    return lib.count_articles()


def series(lib: Any, claim: Claim, published: str | None, *, progress=None, cancelled=None) -> Any:
    """The claim's metric across the library, this article's figure included (as of `published`)."""
    from recount.compare.reconcile import series_for_claim

    return series_for_claim(lib, claim, published)


def import_files(lib: Any, paths: list[Path], *, progress=None, cancelled=None) -> Any:
    from recount.library.importer import import_paths

    return import_paths(lib, paths, progress=progress, cancelled=cancelled)


def timed(fn, *args: Any, **kwargs: Any) -> tuple[Any, float]:
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, (time.perf_counter() - t0) * 1000


# ---------------------------------------------------------------------- stories


def stories_list(lib: Any, *, progress=None, cancelled=None) -> list[Any]:
    """The stories with their reports; reports of a library made before stories are placed first."""
    from recount.stories import assign_missing, list_stories

    assign_missing(lib, progress=(lambda done, total: progress(done, total, "Placing reports in stories"))
                   if progress else None)
    return list_stories(lib)


def story_preview(lib: Any, article: Article, *, progress=None, cancelled=None) -> Any:
    """Which story the article joins (or would join, unsaved), and how sure that is."""
    from recount import stories

    stored = lib.find_article(text=article.text)
    if stored is not None:
        story = stories.story_of(lib, stored)
        if story is not None:
            return stories.Placement(story.id, 1.0, 0.0, story.title, stored=True)
    return stories.preview(lib, article)


def story_move(lib: Any, article_ids: list[int], story_id: int | None, title: str | None = None, *,
               progress=None, cancelled=None) -> int:
    from recount.stories import move

    return move(lib, article_ids, story_id, title)


def story_merge(lib: Any, into: int, others: list[int], *, progress=None, cancelled=None) -> int:
    from recount.stories import merge

    return merge(lib, into, others)


def story_split(lib: Any, story_id: int, article_ids: list[int], title: str | None = None, *,
                progress=None, cancelled=None) -> int:
    from recount.stories import split

    return split(lib, story_id, article_ids, title)


def story_rename(lib: Any, story_id: int, title: str, *, progress=None, cancelled=None) -> int:
    from recount.stories import rename

    rename(lib, story_id, title)
    return story_id
