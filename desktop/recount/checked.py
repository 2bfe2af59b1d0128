"""A check as every view reads it: the result, the user's reviews, and the flags per claim.

The window, each export format and `recount check` all read flags through
`flags_by_claim`, so an exported report and the window never disagree about which claim
a flag belongs to. `check_with_library` is the one way a stored article is checked: it
checks the user's corrected claims when the text is stored and brings back their reviews.
No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from recount.claims.model import Article, Claim

Reviews = dict[tuple[int, int], str]  # (start, end) of a claim -> "confirmed" | "rejected" | "corrected"


def _ours(result: Any, end: Any) -> bool:
    """Whether one end of a flag is a claim of the checked article (not a stored claim)."""
    if end is None or getattr(end, "claim_id", None) is not None:
        return False
    return getattr(end, "article", None) in (None, "", getattr(getattr(result, "article", None), "id", None))


def flags_by_claim(result: Any, reviews: Reviews | None = None) -> dict[int, list[Any]]:
    """Claim index -> the flags that concern it, each once, in the order the check raised them.

    A flag concerns a claim when a match of the claim carries it, or when one end of the
    flag is this article's claim at the same offsets. A claim the user rejected ("not a
    claim") carries no flag. Claims without flags are left out.
    """
    claims = list(result.claims)
    index = {(c.start, c.end): i for i, c in enumerate(claims)}
    found: dict[int, list[Any]] = {}

    def add(i: int, flag: Any) -> None:
        bucket = found.setdefault(i, [])
        if all(f.key != flag.key for f in bucket):
            bucket.append(flag)

    for i, matches in sorted((getattr(result, "matches", None) or {}).items()):
        for m in matches:
            if getattr(m, "discrepancy", None) is not None:
                add(int(i), m.discrepancy)
    for flag in getattr(result, "flags", None) or []:
        for end in (flag.a, flag.b):
            i = index.get((end.start, end.end)) if _ours(result, end) else None
            if i is not None:
                add(i, flag)
    if reviews:
        for i in list(found):
            if reviews.get((claims[i].start, claims[i].end)) == "rejected":
                del found[i]
    return dict(sorted(found.items()))


@dataclass
class Checked:
    """A check result plus what the views show beside it (reviews, library ids)."""

    result: Any  # compare.check.CheckResult
    reviews: Reviews = field(default_factory=dict)
    claim_ids: dict[tuple[int, int], int] = field(default_factory=dict)
    article_id: int | None = None  # library id when this text is stored
    reports: int = 0
    library_ok: bool = True
    _flags: dict[int, list[Any]] | None = field(default=None, repr=False)

    def flags(self) -> dict[int, list[Any]]:
        """Claim index -> its flags, worked out once (see `flags_by_claim`)."""
        if self._flags is None:
            self._flags = flags_by_claim(self.result, self.reviews)
        return self._flags


def check_with_library(lib: Any, article: Article, thresholds: Any = None, *, progress: Any = None,
                       cancelled: Any = None) -> Checked:
    """Extract and check the article against the library (None: no library, claims only).

    When the same text is stored, its stored claims are checked (they carry the user's
    corrections) as long as their offsets still index this text, and their reviews come back.
    """
    from recount.compare.check import check_article

    kwargs: dict[str, Any] = {"progress": progress, "cancelled": cancelled}
    if thresholds is not None:
        kwargs["thresholds"] = thresholds
    if lib is None:
        return Checked(check_article(None, article, **kwargs), library_ok=False)
    article_id = lib.find_article(text=article.text)
    reviews: Reviews = {}
    ids: dict[tuple[int, int], int] = {}
    claims: list[Claim] | None = None
    if article_id is not None:
        stored = lib.claims(article_id)
        for sc in stored:
            key = (sc.claim.start, sc.claim.end)
            ids[key] = sc.id
            if sc.review:
                reviews[key] = sc.review
        if stored and all(article.text[c.claim.start : c.claim.end] == c.claim.span for c in stored):
            claims = [sc.claim for sc in stored]
    result = check_article(lib, article, claims, **kwargs)
    return Checked(result, reviews, ids, article_id, lib.count_articles())
