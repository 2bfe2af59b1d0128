"""What the window asks of the core, one short function per user action (no Qt here).

Each runs on a worker thread through `workers.start_task`, so each opens its own
connection to the library file (cheap, and no connection is shared between threads),
and accepts the `progress=` / `cancelled=` keywords the helper passes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from recount.claims.model import Article, Claim


class NotInLibrary(LookupError):
    """A report or claim the window pointed at is gone from the library (deleted meanwhile)."""


def _open(path: Path):
    from recount.library.store import Library

    return Library.open(path, create=True)


def open_library(path: Path, *, progress=None, cancelled=None):
    """The window's own connection (for the library browser); created on first use."""
    from recount.library.store import Library

    return Library.open(path, create=True, timeout=5.0)


@dataclass
class Checked:
    """A check result plus what the window shows beside it."""

    result: Any  # compare.check.CheckResult
    reviews: dict[tuple[int, int], str] = field(default_factory=dict)  # (start, end) -> decision
    claim_ids: dict[tuple[int, int], int] = field(default_factory=dict)
    article_id: int | None = None  # library id when this text is stored
    reports: int = 0
    library_ok: bool = True


def check(
    path: Path | None, article: Article, thresholds: Any = None, *, progress=None, cancelled=None
) -> Checked:
    """Extract and check the article against the library at `path` (None: no library)."""
    from recount.compare.check import check_article

    kwargs: dict[str, Any] = {"progress": progress, "cancelled": cancelled}
    if thresholds is not None:
        kwargs["thresholds"] = thresholds
    if path is None:
        return Checked(check_article(None, article, **kwargs), library_ok=False)
    with _open(path) as lib:
        article_id = lib.find_article(text=article.text)
        reviews: dict[tuple[int, int], str] = {}
        ids: dict[tuple[int, int], int] = {}
        claims: list[Claim] | None = None
        if article_id is not None:
            stored = lib.claims(article_id)
            for sc in stored:
                key = (sc.claim.start, sc.claim.end)
                ids[key] = sc.id
                if sc.review:
                    reviews[key] = sc.review
            # The user's corrections live on the stored claims: check those, as long as
            # their offsets still index this text (the same text up to whitespace may not).
            if stored and all(article.text[c.claim.start : c.claim.end] == c.claim.span for c in stored):
                claims = [sc.claim for sc in stored]
        result = check_article(lib, article, claims, **kwargs)
        return Checked(result, reviews, ids, article_id, lib.count_articles())


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


def save(path: Path, article: Article, claims: list[Claim] | None, *, progress=None, cancelled=None) -> int:
    """Store the article with its claims (idempotent); returns its library id."""
    if claims is None:
        from recount.claims import extract

        claims = extract(article.text, article.published)
    with _open(path) as lib:
        return lib.add_article(article, claims).article_id


def load(path: Path, article_id: int, *, progress=None, cancelled=None) -> Article:
    with _open(path) as lib:
        stored = lib.article(article_id)
        if stored is None:
            raise NotInLibrary(f"Report {article_id} is no longer in the library.")
        return stored.to_article()


def _stored_claim_id(lib, article: Article, claims: list[Claim], claim: Claim) -> int:
    """The library id of this claim, saving the article first when it is not stored yet."""
    article_id = lib.find_article(text=article.text)
    if article_id is None:
        article_id = lib.add_article(article, claims).article_id
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
    path: Path,
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
    with _open(path) as lib:
        claim_id = _stored_claim_id(lib, article, claims, claim)
        lib.set_review(claim_id, decision, correction, note)
        return claim_id


def dismiss(path: Path, flag_key: str, note: str | None, *, progress=None, cancelled=None) -> str:
    with _open(path) as lib:
        lib.dismiss_flag(flag_key, note)
    return flag_key


def stats(path: Path, *, progress=None, cancelled=None) -> int:
    with _open(path) as lib:
        return lib.count_articles()


def series(path: Path, claim: Claim, published: str | None, *, progress=None, cancelled=None) -> Any:
    """The claim's metric across the library, this article's figure included (as of `published`)."""
    from recount.compare.reconcile import series_for_claim

    with _open(path) as lib:
        return series_for_claim(lib, claim, published)


def import_files(path: Path, paths: list[Path], *, progress=None, cancelled=None) -> Any:
    from recount.library.importer import import_paths

    with _open(path) as lib:
        return import_paths(lib, paths, progress=progress, cancelled=cancelled)


def timed(fn, *args: Any, **kwargs: Any) -> tuple[Any, float]:
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, (time.perf_counter() - t0) * 1000
