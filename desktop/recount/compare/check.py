"""Check one article against the library: its claims, the earlier claims they match, its flags.

`check_article` is what `recount check` and the window call. With no library it still
extracts the claims and looks for flags within the article (headline against body).

A flag needs two things: the rules' identity tests (rules.py: same metric, or the same
words/estimate) and a match score of at least the *suggested* threshold. The rules are
stricter than the score about what a figure measures, so a flagged match is shown as
confirmed. Dismissed flags (lib.dismissed_flags()) are not raised again; claims the user
rejected are neither checked nor used.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from recount.claims.model import Article, AttributedClaim, Claim, NumericClaim
from recount.compare.match import Match, Thresholds, score_pair, status_of
from recount.compare.metric import scope
from recount.compare.names import GENERIC, words_of
from recount.compare.rules import Discrepancy, Ref, compare, fragments
from recount.compare.scan import find_discrepancies

__all__ = ["CheckResult", "Match", "Thresholds", "check_article", "library_discrepancies", "library_refs"]

Progress = Callable[[int, int, str], None]
# How far back (and forward) to look for earlier claims, by kind of figure.
LOOKBACK_DAYS = {"cumulative": 60, "day": 3, "point": 7, "period": 7, "unknown": 14}
QUOTE_DAYS = 21
# Newest first; enough for every report of a story's last weeks, few enough to stay fast.
CANDIDATE_LIMIT = 40
QUOTE_CANDIDATE_LIMIT = 30
MAX_MATCHES = 10


@dataclass(slots=True)
class CheckResult:
    article: Article
    claims: list[Claim]
    matches: dict[int, list[Match]] = field(default_factory=dict)  # claim index -> best first
    flags: list[Discrepancy] = field(default_factory=list)
    elapsed_ms: float = 0.0
    article_id: int | None = None  # the library id when this text is already stored
    cancelled: bool = False

    def to_dict(self) -> dict[str, Any]:
        """`recount check --json`: the article, its claims, their matches, the discrepancies."""
        matches = []
        for i, found in sorted(self.matches.items()):
            for m in found:
                other = m.other
                matches.append({
                    "claim": i, "score": m.score, "status": m.status, "components": m.components,
                    "other": {"article": getattr(other, "article_ref", None),
                              "claim_id": getattr(other, "id", None),
                              "published": getattr(other, "published", None),
                              "outlet": getattr(other, "outlet", None),
                              "span": other.claim.span, "sentence": other.claim.sentence},
                    "flag": m.discrepancy.key if m.discrepancy else None,
                })
        return {"article": self.article.to_dict(), "claims": [c.to_dict() for c in self.claims],
                "matches": matches, "discrepancies": [f.to_dict() for f in self.flags],
                "elapsed_ms": round(self.elapsed_ms, 1)}


def _shift(iso: str | None, days: int) -> str | None:
    if not iso:
        return None
    try:
        return (date.fromisoformat(iso[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return None


def _distinctive(*names: str | None) -> list[str]:
    words: list[str] = []
    for name in names:
        words.extend(w for w in words_of(name or "") if w not in GENERIC and len(w) > 2)
    return list(dict.fromkeys(words))


def _quote_terms(quote: str, n: int = 4) -> list[str]:
    """The longest words of a quote: rare enough to find the same words elsewhere through FTS."""
    words = sorted({w for f in fragments(quote) for w in f.split() if len(w) > 4}, key=lambda w: (-len(w), w))
    return words[:n]


def _candidates(lib: Any, ref: Ref, exclude: int | None, cache: dict | None = None) -> list[Any]:
    """Stored claims the claim may speak to, by index lookups (category, dates, FTS terms).
    Claims of one article often ask the same question: `cache` answers repeats."""
    c = ref.claim
    if isinstance(c, NumericClaim):
        sc = scope(c)
        when = ref.as_of
        if sc == "cumulative" and c.time.start:
            date_from = max(_shift(c.time.start, -1) or "", _shift(when, -LOOKBACK_DAYS["cumulative"]) or "")
            date_to = _shift(when, 7)
        else:
            back = LOOKBACK_DAYS.get(sc, 14)
            date_from, date_to = _shift(when, -back), _shift(when, back)
        terms = _distinctive(c.place, c.source) or None
        return _query(lib, cache, kind="numeric", categories=(c.category,), date_from=date_from,
                      date_to=date_to, exclude_article=exclude, terms=tuple(terms) if terms else None,
                      limit=CANDIDATE_LIMIT)
    assert isinstance(c, AttributedClaim)
    when = c.date or ref.published
    terms = _distinctive(c.speaker)[-1:] + (_quote_terms(c.quote, 3) if c.quote else [])
    if not terms:
        return []
    return _query(lib, cache, kind="attributed", date_from=_shift(when, -QUOTE_DAYS),
                  date_to=_shift(when, QUOTE_DAYS), exclude_article=exclude, terms=tuple(terms),
                  limit=QUOTE_CANDIDATE_LIMIT)


def _query(lib: Any, cache: dict | None, **kw: Any) -> list[Any]:
    if cache is None:
        return lib.candidate_claims(**kw)
    key = tuple(sorted(kw.items()))
    if key not in cache:
        cache[key] = lib.candidate_claims(**kw)
    return cache[key]


def stored_ref(sc: Any, text_loader: Callable[[], str | None] | None = None) -> Ref:
    return Ref(sc.claim, sc.article_ref, sc.published, sc.outlet, claim_id=sc.id, article_id=sc.article_id,
               text_loader=text_loader)


def _aliases(lib: Any) -> dict[str, dict[str, str]]:
    return {"speaker": lib.aliases("speaker"), "place": lib.aliases("place")}


def check_article(library: Any, article: Article, claims: list[Claim] | None = None, *,
                  thresholds: Thresholds | None = None, progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None) -> CheckResult:
    """The article's claims (extracted when None), their matches in the library, and its flags."""
    t0 = time.perf_counter()
    thresholds = thresholds or Thresholds()
    if claims is None:
        from recount.claims import extract

        claims = extract(article.text, article.published)
    result = CheckResult(article, list(claims))
    refs = [Ref(c, article.id, article.published, article.outlet, current=True, text=article.text)
            for c in claims]
    aliases: dict[str, dict[str, str]] = {}
    dismissed: dict[str, str] = {}
    exclude: int | None = None
    if library is not None:
        aliases = _aliases(library)
        dismissed = library.dismissed_flags()
        exclude = library.find_article(text=article.text)
        result.article_id = exclude
    flags: dict[str, Discrepancy] = {}
    # Within the article: headline against body, two figures for one thing.
    for f in find_discrepancies(refs, aliases, dismissed):
        flags[f.key] = f
    if library is not None:
        texts: dict[int, str | None] = {}

        def loader(article_id: int) -> Callable[[], str | None]:
            def load() -> str | None:
                if article_id not in texts:
                    stored = library.article(article_id)
                    texts[article_id] = stored.text if stored else None
                return texts[article_id]
            return load

        total = len(refs)
        asked: dict = {}
        for i, ref in enumerate(refs):
            if cancelled is not None and cancelled():
                result.cancelled = True
                break
            if progress is not None:
                progress(i, total, f"claim {i + 1} of {total}")
            found: list[Match] = []
            for sc in _candidates(library, ref, exclude, asked):
                other = stored_ref(sc, loader(sc.article_id))
                scored = score_pair(ref, other, aliases)
                if scored is None:
                    continue
                score, components = scored
                status = status_of(score, thresholds)
                if status is None:
                    continue
                flag = compare(ref, other, aliases)
                if flag is not None and flag.key in dismissed:
                    flag = None
                if flag is not None:
                    status = "confirmed"
                    flags.setdefault(flag.key, flag)
                found.append(Match(sc, score, components, status, flag, other))
            if found:
                found.sort(key=lambda m: (m.discrepancy is None, -m.score))
                result.matches[i] = found[:MAX_MATCHES]
        if progress is not None and not result.cancelled:
            progress(total, total, "done")
    result.flags = sorted(flags.values(),
                          key=lambda f: (f.b.start if f.b.article == article.id else f.a.start, f.type))
    result.elapsed_ms = (time.perf_counter() - t0) * 1000
    return result


def library_refs(lib: Any, kinds: Iterable[str] = ("numeric", "attributed")) -> list[Ref]:
    """Every usable claim of the library as a Ref (rejected claims left out)."""
    texts: dict[int, str | None] = {}

    def loader(article_id: int) -> Callable[[], str | None]:
        def load() -> str | None:
            if article_id not in texts:
                stored = lib.article(article_id)
                texts[article_id] = stored.text if stored else None
            return texts[article_id]
        return load

    refs = []
    loaders: dict[int, Callable[[], str | None]] = {}  # one per article, shared by its claims
    for kind in kinds:
        for sc in lib.iter_claims(kind=kind):
            load = loaders.get(sc.article_id)
            if load is None:
                load = loaders[sc.article_id] = loader(sc.article_id)
            refs.append(stored_ref(sc, load))
    return refs


def library_discrepancies(lib: Any, cancelled: Callable[[], bool] | None = None) -> list[Discrepancy]:
    """Every flag across the library, claims grouped by metric (never all pairs)."""
    return find_discrepancies(library_refs(lib), _aliases(lib), lib.dismissed_flags(), cancelled)
