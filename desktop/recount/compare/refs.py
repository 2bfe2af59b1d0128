"""A claim with what the rules need about its report (`Ref`), made from library rows.

Shared by the check of one report (compare/check.py), the library-wide sweep (compare/sweep.py)
and the series (compare/reconcile.py), so that none of them imports another for it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from recount.claims.model import Claim, NumericClaim
from recount.compare.identity import as_of, ordinal, same_metric
from recount.compare.names import fold

_UNSET = object()


@dataclass(slots=True)
class Ref:
    """A claim with what the rules need about its article."""

    claim: Claim
    article: str | None  # the id it was imported with, else the library id; None: being checked
    published: str | None
    outlet: str | None
    claim_id: int | None = None
    article_id: int | None = None
    current: bool = False  # the article being checked ("this report")
    text: str | None = None  # the article's text, when at hand
    text_loader: Callable[[], str | None] | None = None  # else how to fetch it (only when needed)
    story: int | None = None  # the story of its report (None: not known)
    siblings: Callable[[], Sequence[Claim]] | None = field(default=None, repr=False)  # its report's claims
    _folded: str | None = field(default=None, repr=False)
    _superseded: bool | None = field(default=None, repr=False)
    # What every flag of this claim says of it, made once (compare/flags.py: FlagEnd.of, flag_key)
    _end: Any = field(default=None, repr=False, compare=False)
    _key_end: str | None = field(default=None, repr=False, compare=False)
    _as_of: object = field(default=_UNSET, repr=False, compare=False)
    # What the figure rules read of the claim alone, made once (rules._traits)
    _traits: Any = field(default=None, repr=False, compare=False)

    def folded_text(self) -> str:
        """The article's text folded as names are (computed once), padded for word search."""
        if self._folded is None:
            self._folded = " " + fold(self.article_text()) + " "
        return self._folded

    def article_text(self) -> str:
        if self.text is None and self.text_loader is not None:
            self.text = self.text_loader() or ""
            self.text_loader = None
        return self.text or ""

    @property
    def as_of(self) -> str | None:
        """The day the claim speaks of (claim_as_of), made once: the rules ask it about ten
        times for each pair that raises a flag."""
        if self._as_of is _UNSET:
            self._as_of = claim_as_of(self.claim, self.published)
        return self._as_of  # type: ignore[return-value]

    @property
    def same_article_token(self) -> tuple[Any, ...]:
        return ("current",) if self.current else ("lib", self.article_id, self.article)


def claim_as_of(c: Claim, published: str | None) -> str | None:
    """The day a claim speaks of: a figure's as_of (identity.as_of), a quote's date, else the
    report's date."""
    if isinstance(c, NumericClaim):
        return as_of(c, published)
    return c.date or published


def superseded(ref: Ref) -> bool:
    """A figure its own report gives a later figure of the same metric for: history the report
    tells ("on Monday the toll stood at 207; it has risen to 290"), not the report's current
    figure, so never set against another report's figures."""
    if ref._superseded is None:
        c = ref.claim
        found = False
        if isinstance(c, NumericClaim) and ref.siblings is not None:
            mine = ordinal(as_of(c, ref.published))
            for o in ref.siblings():
                if not isinstance(o, NumericClaim) or (o.start, o.span) == (c.start, c.span) or mine is None:
                    continue
                day = ordinal(as_of(o, ref.published))
                if day is not None and day > mine and same_metric(c, ref.published, o, ref.published,
                                                                  None, True)[0]:
                    found = True
                    break
        ref._superseded = found
    return ref._superseded


def same_story(a: Ref, b: Ref) -> bool:
    """Both reports are known to be in one story."""
    return a.story is not None and a.story == b.story


def other_story(a: Ref, b: Ref) -> bool:
    """The two reports are known to be in different stories: never compared."""
    return a.story is not None and b.story is not None and a.story != b.story


def stored_ref(sc: Any, text_loader: Callable[[], str | None] | None = None, story: int | None = None,
               siblings: Callable[[], Sequence[Claim]] | None = None) -> Ref:
    """A library claim (StoredClaim) as a Ref."""
    return Ref(sc.claim, sc.article_ref, sc.published, sc.outlet, claim_id=sc.id, article_id=sc.article_id,
               text_loader=text_loader, story=story, siblings=siblings)


def claims_cache(lib: Any, keep: int = 4096) -> Callable[[int | None], Callable[[], Sequence[Claim]]]:
    """Article id -> a loader of its (not rejected) claims, the last `keep` articles cached:
    what `superseded` reads, only for the few pairs that would raise a flag."""
    @lru_cache(maxsize=keep)
    def claims(article_id: int | None) -> tuple[Claim, ...]:
        if lib is None or article_id is None:
            return ()
        return tuple(sc.claim for sc in lib.claims(article_id) if sc.review != "rejected")

    def loader(article_id: int | None) -> Callable[[], Sequence[Claim]]:
        return lambda: claims(article_id)

    return loader


def figures_cache(lib: Any, category: str, keep: int = 4096
                  ) -> Callable[[int | None], Callable[[], Sequence[Claim]]]:
    """As claims_cache, for a sweep of one category of figures: an article's figures of that
    category only (Library.figures_of). The rules read no other claim of a figure's report:
    `superseded` asks same_metric, which needs the same category, and `margin` keeps that
    category's figures."""
    @lru_cache(maxsize=keep)
    def claims(article_id: int | None) -> tuple[Claim, ...]:
        if lib is None or article_id is None:
            return ()
        return tuple(lib.figures_of(article_id, category))

    def loader(article_id: int | None) -> Callable[[], Sequence[Claim]]:
        return lambda: claims(article_id)

    return loader


def aliases_of(lib: Any) -> dict[str, dict[str, str]]:
    """The library's alias tables as the rules take them."""
    if lib is None:
        return {}
    return {"speaker": lib.aliases("speaker"), "place": lib.aliases("place")}


def story_map(lib: Any) -> dict[int, int | None]:
    """Article id -> story id for every report of the library (one small query: a few bytes
    an article), so a sweep over millions of claims needs no join per claim."""
    if lib is None:
        return {}
    conn = lib.db.conn
    with lib._lock:
        try:
            rows = conn.execute("SELECT id, story_id FROM articles").fetchall()
        except Exception:  # a library without stories (older schema, read-only): no story known
            return {}
    return {int(i): s for i, s in rows}


def story_of(lib: Any, article_id: int | None) -> int | None:
    if lib is None or article_id is None:
        return None
    with lib._lock:
        try:
            row = lib.db.conn.execute("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
        except Exception:
            return None
    return None if row is None else row[0]


class LibraryRef(Ref):
    """A library claim whose article text (only the same-place rule reads it) comes from a
    cache shared by all the claims of the article, instead of a copy held by each claim."""

    __slots__ = ("_texts",)

    def folded_text(self) -> str:
        return self._texts(self.article_id)[1]

    def article_text(self) -> str:
        return self._texts(self.article_id)[0]


def text_cache(lib: Any, keep: int = 1024) -> Callable[[int | None], tuple[str, str]]:
    """Article id -> (text, folded text padded for word search), the last `keep` articles."""
    @lru_cache(maxsize=keep)
    def texts(article_id: int | None) -> tuple[str, str]:
        stored = lib.article(article_id) if article_id is not None else None
        text = (stored.text if stored else None) or ""
        return text, " " + fold(text) + " "

    return texts


def library_ref(sc: Any, texts: Callable[[int | None], tuple[str, str]], story: int | None = None,
                siblings: Callable[[], Sequence[Claim]] | None = None) -> Ref:
    ref = LibraryRef(sc.claim, sc.article_ref, sc.published, sc.outlet, claim_id=sc.id,
                     article_id=sc.article_id, story=story, siblings=siblings)
    ref._texts = texts
    return ref
