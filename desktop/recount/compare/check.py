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
from typing import Any

from recount.claims.model import Article, Claim
from recount.compare.candidates import candidates
from recount.compare.fold import fold_flags
from recount.compare.match import Match, Thresholds, score_pair, status_of
from recount.compare.refs import Ref, aliases_of, claims_cache, stored_ref, story_map, story_of
from recount.compare.rules import Discrepancy, compare
from recount.compare.scan import find_discrepancies

__all__ = ["CheckResult", "Match", "Thresholds", "check_article", "library_discrepancies", "library_refs",
           "stored_ref"]

Progress = Callable[[int, int, str], None]
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


def check_article(library: Any, article: Article, claims: list[Claim] | None = None, *,
                  thresholds: Thresholds | None = None, progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None, story: int | None = None) -> CheckResult:
    """The article's claims (extracted when None), their matches in the library, and its flags.

    Claims are compared only within the report's story: `story` (a pasted report: the story it
    would join), else the stored report's own story; with neither, the library is searched
    without a story filter."""
    t0 = time.perf_counter()
    thresholds = thresholds or Thresholds()
    if claims is None:
        from recount.claims import extract

        claims = extract(article.text, article.published)
    result = CheckResult(article, list(claims))
    aliases: dict[str, dict[str, str]] = {}
    dismissed: dict[str, str] = {}
    exclude: int | None = None
    if library is not None:
        aliases = aliases_of(library)
        dismissed = library.dismissed_flags()
        exclude = library.find_article(text=article.text)
        result.article_id = exclude
        if story is None:
            story = story_of(library, exclude)
    own = list(claims)
    refs = [Ref(c, article.id, article.published, article.outlet, current=True, text=article.text,
                story=story, siblings=lambda: own) for c in claims]
    siblings = claims_cache(library)
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
            for sc in candidates(library, ref, exclude, asked):
                other = stored_ref(sc, loader(sc.article_id), story, siblings(sc.article_id))
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
    kept = fold_flags(flags.values(), story)  # one flag per change (compare/fold.py)
    keys = {f.key for f in kept}
    for found_matches in result.matches.values():
        for m in found_matches:
            if m.discrepancy is not None and m.discrepancy.key not in keys:
                m.discrepancy = None
    result.flags = sorted(kept,
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
    stories = story_map(lib)
    loaders: dict[int, Callable[[], str | None]] = {}  # one per article, shared by its claims
    for kind in kinds:
        for sc in lib.iter_claims(kind=kind):
            load = loaders.get(sc.article_id)
            if load is None:
                load = loaders[sc.article_id] = loader(sc.article_id)
            refs.append(stored_ref(sc, load, stories.get(sc.article_id)))
    return refs


def library_discrepancies(lib: Any, cancelled: Callable[[], bool] | None = None) -> list[Discrepancy]:
    """Every flag across the library, claims grouped by metric (never all pairs)."""
    return find_discrepancies(library_refs(lib), aliases_of(lib), lib.dismissed_flags(), cancelled)
