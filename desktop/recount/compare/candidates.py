"""Which stored claims may a claim speak to? Index lookups only, within its story.

A figure's candidates: the same kind and category, of the same story when its story is
known, with as-of dates in the window compare/identity.py gives its kind of figure (the
place and source words narrow the search only when no story does). A quote's candidates: the
speaker's surname or the quote's longest words through FTS, within QUOTE_WINDOW_DAYS. The
newest CANDIDATE_LIMIT figures / QUOTE_CANDIDATE_LIMIT quotes.
"""

from __future__ import annotations

from typing import Any

from recount.claims.model import AttributedClaim, NumericClaim
from recount.compare.identity import QUOTE_WINDOW_DAYS, lookup_window, shift
from recount.compare.names import GENERIC, words_of
from recount.compare.quotes import fragments
from recount.compare.refs import Ref

# Newest first; enough for every report of a story's last weeks, few enough to stay fast.
CANDIDATE_LIMIT = 40
QUOTE_CANDIDATE_LIMIT = 30


def distinctive(*names: str | None) -> list[str]:
    """The words of names that say which one (not "ministry", not "the")."""
    words: list[str] = []
    for name in names:
        words.extend(w for w in words_of(name or "") if w not in GENERIC and len(w) > 2)
    return list(dict.fromkeys(words))


def quote_terms(quote: str, n: int = 4) -> list[str]:
    """The longest words of a quote: rare enough to find the same words elsewhere through FTS."""
    words = sorted({w for f in fragments(quote) for w in f.split() if len(w) > 4}, key=lambda w: (-len(w), w))
    return words[:n]


def candidates(lib: Any, ref: Ref, exclude: int | None, cache: dict | None = None,
               for_flags: bool = False) -> list[Any]:
    """Stored claims (StoredClaim) the claim may speak to. Claims of one article often ask the
    same question: `cache` answers repeats."""
    c = ref.claim
    story = ref.story
    if isinstance(c, NumericClaim):
        date_from, date_to = lookup_window(c, ref.as_of, for_flags)
        # Within a story every figure of the window is a candidate; without one, the place or
        # source words narrow a review (not flags: another report may name the place otherwise).
        terms = None if story is not None or for_flags else (distinctive(c.place, c.source) or None)
        return _query(lib, cache, kind="numeric", categories=(c.category,), date_from=date_from,
                      date_to=date_to, exclude_article=exclude, terms=tuple(terms) if terms else None,
                      limit=CANDIDATE_LIMIT, story=story)
    assert isinstance(c, AttributedClaim)
    when = c.date or ref.published
    terms = distinctive(c.speaker)[-1:] + (quote_terms(c.quote, 3) if c.quote else [])
    if not terms:
        return []
    return _query(lib, cache, kind="attributed", date_from=shift(when, -QUOTE_WINDOW_DAYS),
                  date_to=shift(when, QUOTE_WINDOW_DAYS), exclude_article=exclude, terms=tuple(terms),
                  limit=QUOTE_CANDIDATE_LIMIT, story=story)


def _query(lib: Any, cache: dict | None, **kw: Any) -> list[Any]:
    if kw.get("story") is None:
        kw.pop("story", None)
    if cache is None:
        return lib.candidate_claims(**kw)
    key = tuple(sorted(kw.items()))
    if key not in cache:
        cache[key] = lib.candidate_claims(**kw)
    return cache[key]
