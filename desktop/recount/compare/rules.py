"""Discrepancy rules: given two claims that speak to the same thing, is there a flag?

Pure functions over claims and their article's metadata (`Ref`), so the rules are tested
without SQLite and without the claims engine. Types (tests/corpus/SCHEMA.md):

- cumulative_decrease: a running total given lower than an earlier one (intervals compared:
  the later interval lies wholly below the earlier one).
- revision: the same, where the later report says the figure was revised (revised, down to,
  counted twice...) and the source is the same (or not named on one side).
- conflict: the same metric at the same moment (same as-of day) from two reports whose
  intervals do not overlap. A point-in-time count (missing, detained) and a day's count are
  only ever compared at the same moment; a running total that grows is never flagged.
- attribution_conflict: the same words (quotes) or the same estimate (troops, money,
  counts, per cent) credited to different speakers or sources.
- quote_drift: the same speaker, the same occasion, a quote reproduced with other words.

Within one article only same-moment conflicts are raised: an article that tells how a toll
was revised is explaining, not contradicting itself.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from recount.claims.model import AttributedClaim, Claim, NumericClaim
from recount.compare.diff import word_diff
from recount.compare.metric import (
    CATEGORY_WORDS,
    as_of,
    day_gap,
    format_date,
    format_figure,
    interval,
    metric_label,
    same_metric,
    scope,
)
from recount.compare.names import GENERIC, fold, names_match, place_relation, words_of

# Categories where a figure is one body's estimate rather than a tally everyone repeats:
# the same figure credited to two different bodies is an attribution conflict.
ESTIMATE_CATEGORIES = frozenset({"troops", "money", "percent", "count"})
# Same speaker, similar words: drift from this similarity (rapidfuzz partial_ratio of the
# best-aligned fragments) up to identical. Below it the quotes are different statements.
DRIFT_MIN = 72.0
# ...and sharing at least this share of the shorter quote's content words: two different
# sentences of one speaker ("we will not negotiate with terrorists" / "... under fire") differ
# in what they are about, a drifted quote mostly in how it is put.
DRIFT_SHARED_WORDS = 0.55
_FUNCTION_WORDS = frozenset(
    "a an the and or but of to in on at for with by from as is are was were be been being it its this "
    "that these those we you they he she i our your their his her my me us them not no will would "
    "shall should can could may might must have has had do does did so if then than there here".split()
)
# Different speakers: the same words from this similarity, on quotes of at least this many words.
SAME_WORDS_MIN = 92.0
SAME_WORDS_MIN_WORDS = 5
# Quotes of the same speaker are the same occasion when their dates agree, or, lacking dates,
# when the reports are this close.
OCCASION_DAYS = 7
# Reports further apart than this are not compared for attribution of the same estimate.
ATTRIBUTION_DAYS = 14
_REVISION = re.compile(
    r"\b(revis\w*|correct\w*|down to|lowered|lower(?:ed)? (?:its|the)|reduc\w*|cut (?:its|the)|"
    r"downgrad\w*|double[- ]count\w*|counted twice|over-?count\w*|adjusted)\b",
    re.IGNORECASE,
)
_SMALL = "zero one two three four five six seven eight nine ten".split()
_QUOTE_NORM = re.compile(r"[^\w\s]")


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
    _folded: str | None = field(default=None, repr=False)

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
        c = self.claim
        if isinstance(c, NumericClaim):
            return as_of(c, self.published)
        return c.date or self.published

    @property
    def same_article_token(self) -> tuple[Any, ...]:
        return ("current",) if self.current else ("lib", self.article_id, self.article)


@dataclass(slots=True)
class FlagEnd:
    """One side of a flag: which claim of which report."""

    article: str | None
    span: str
    start: int
    end: int
    published: str | None
    outlet: str | None
    who: str | None  # the figure's source or the quote's speaker
    claim_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "span": self.span, "start": self.start, "end": self.end,
                "published": self.published}

    @classmethod
    def of(cls, ref: Ref) -> FlagEnd:
        c = ref.claim
        who = c.source if isinstance(c, NumericClaim) else c.speaker
        return cls(ref.article, c.span, c.start, c.end, ref.published, ref.outlet, who, ref.claim_id)


@dataclass(slots=True)
class Discrepancy:
    type: str
    metric: str
    a: FlagEnd  # the earlier report (or the first in text order within one article)
    b: FlagEnd
    explanation: str
    key: str
    diff: list[tuple[str, str]] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """DESIGN.md "discrepancies" JSON, plus the stable `key` (and `diff` for quote_drift)."""
        out: dict[str, Any] = {"type": self.type, "metric": self.metric, "a": self.a.to_dict(),
                               "b": self.b.to_dict(), "explanation": self.explanation, "key": self.key}
        if self.diff is not None:
            out["diff"] = [list(op) for op in self.diff]
        return out


def flag_key(kind: str, a: Ref, b: Ref) -> str:
    """Stable across re-checks and ids: what was said (span, offsets) by which outlet on which day."""
    ends = sorted(json.dumps([r.outlet or "", r.published or "", r.claim.start, r.claim.span])
                  for r in (a, b))
    return hashlib.sha1("|".join([kind, *ends]).encode("utf-8")).hexdigest()[:16]


def _ordered(a: Ref, b: Ref) -> tuple[Ref, Ref]:
    """Earlier report first; within one article (or one day) the library's before the new one."""
    ka = (a.as_of or "", a.published or "", a.current, a.claim.start)
    kb = (b.as_of or "", b.published or "", b.current, b.claim.start)
    return (a, b) if ka <= kb else (b, a)


def _days_words(n: int) -> str:
    if n == 0:
        return "the same day"
    word = _SMALL[n] if n < len(_SMALL) else str(n)
    return f"{word} day{'s' if n != 1 else ''} later"


def _report(ref: Ref) -> str:
    return "this report" if ref.current else (ref.outlet or f"report {ref.article}")


def _gave(ref: Ref) -> str:
    """"the UN (Continental Wire)" or "Continental Wire" or "this report"."""
    c = ref.claim
    src = c.source if isinstance(c, NumericClaim) else c.speaker
    if src:
        return f"{src} ({_report(ref)})" if not ref.current else f"{src}, in this report,"
    return _report(ref)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _what(c: NumericClaim) -> str:
    if c.category in ("count", "money", "percent"):
        return c.subject or ""
    return CATEGORY_WORDS.get(c.category, c.category)


def compare(a: Ref, b: Ref, aliases: Mapping[str, Mapping[str, str]] | None = None) -> Discrepancy | None:
    """The flag two claims raise, if any. `aliases`: {"speaker": {...}, "place": {...}}."""
    if a.claim.kind != b.claim.kind:
        return None
    aliases = aliases or {}
    if isinstance(a.claim, NumericClaim):
        return compare_numeric(a, b, aliases)
    return compare_attributed(a, b, aliases)


def _same_source(x: str | None, y: str | None, speakers: Mapping[str, str] | None) -> bool:
    return bool(x and y and names_match(x, y, speakers))


def compare_numeric(a: Ref, b: Ref, aliases: Mapping[str, Mapping[str, str]]) -> Discrepancy | None:
    ca, cb = a.claim, b.claim
    assert isinstance(ca, NumericClaim) and isinstance(cb, NumericClaim)
    same_article = a.same_article_token == b.same_article_token
    speakers = aliases.get("speaker")
    places = aliases.get("place")
    if not interval(ca).disjoint(interval(cb)):
        # Figures that agree raise no interval flag; only the same estimate credited twice can.
        return None if same_article else _same_estimate_rule(a, b, speakers, places)
    ok, why = same_metric(ca, a.published, cb, b.published, places)
    if not ok and why == "different places" and not same_article:
        ok = same_teller_total(a, b, speakers) or same_story(a, b)
    if ok and same_article and ca.sentence and ca.sentence == cb.sentence:
        ok = False  # figures listed in one sentence are different things ("killed 174 and wounded 500")
    if ok:
        flag = _interval_rule(a, b, same_article, speakers)
        if flag is not None:
            return flag
    if same_article:
        return None
    return _same_estimate_rule(a, b, speakers, places)


def _mentions(folded: str, place: str | None) -> bool:
    core = [w for w in words_of(place or "") if w not in GENERIC and len(w) > 2]
    return bool(core) and all(f" {w} " in folded for w in core)


def same_teller_total(a: Ref, b: Ref, speakers: Mapping[str, str] | None = None) -> bool:
    """One body's running total of one event: same source, same start day. Its place names may
    differ between reports ("Varn valley" / "Kessel province") without making it another metric."""
    ca, cb = a.claim, b.claim
    assert isinstance(ca, NumericClaim) and isinstance(cb, NumericClaim)
    return (scope(ca) == scope(cb) == "cumulative" and bool(ca.time.start) and ca.time.start == cb.time.start
            and _same_source(ca.source, cb.source, speakers))


def same_story(a: Ref, b: Ref) -> bool:
    """Two places of one story: each report names the other's place ("Varn valley" / "Kessel
    province"), so the two names may be one place seen at two scales. Figures of one day or
    moment only."""
    ca, cb = a.claim, b.claim
    assert isinstance(ca, NumericClaim) and isinstance(cb, NumericClaim)
    if not ca.place or not cb.place or not _story_time(a, b):
        return False
    return _mentions(b.folded_text(), ca.place) and _mentions(a.folded_text(), cb.place)


def _story_time(a: Ref, b: Ref) -> bool:
    """Cheap test first (no article text): one story's figures share a start day or a moment."""
    ca, cb = a.claim, b.claim
    assert isinstance(ca, NumericClaim) and isinstance(cb, NumericClaim)
    sc = scope(ca)
    # Only figures of the same day or moment: a running total of a town and one of its
    # province share a story and a start but not a count (a part is not the whole).
    return sc == scope(cb) and sc in ("day", "point") and day_gap(a.as_of, b.as_of) == 0


def _interval_rule(a: Ref, b: Ref, same_article: bool, speakers: Mapping[str, str] | None
                   ) -> Discrepancy | None:
    first, later = _ordered(a, b)
    cf, cl = first.claim, later.claim
    assert isinstance(cf, NumericClaim) and isinstance(cl, NumericClaim)
    gap = day_gap(first.as_of, later.as_of)
    if gap is None:
        return None
    i_first, i_later = interval(cf), interval(cl)
    label = metric_label(cl, later.published)
    what = _what(cl)
    if gap == 0:
        if not i_first.disjoint(i_later):
            return None
        if same_article and cf.start == cl.start:
            return None
        place = f" in {cl.place or cf.place}" if (cl.place or cf.place) else ""
        when = {"day": "on", "point": "as of", "cumulative": "as of", "period": "up to"}.get(scope(cl), "on")
        since = f" since {format_date(cl.time.start)}" if scope(cl) == "cumulative" and cl.time.start else ""
        text = (f"{_cap(_gave(first))} gives {format_figure(cf)} {what}{place}{since} {when} "
                f"{format_date(first.as_of)}; {_gave(later)} gives {format_figure(cl)} for the same "
                f"{'day' if scope(cl) == 'day' else 'moment'}: both cannot be true.")
        return _flag("conflict", label, first, later, text)
    if same_article or scope(cl) != "cumulative":
        return None  # a day's or a moment's count may differ on another day; a total may grow
    if not i_later.below(i_first):
        return None
    since = f" since {format_date(cl.time.start)}" if cl.time.start else ""
    revised = bool(_REVISION.search(cl.sentence or "") or _REVISION.search(cl.span))
    same_src = _same_source(cf.source, cl.source, speakers) or (revised and (not cf.source or not cl.source))
    if revised and same_src:
        src = cl.source or cf.source or _report(later)
        text = (f"{src} revised its count of {what}{since} down: {format_figure(cf)} "
                f"({_report(first)}, {format_date(first.as_of)}) became {format_figure(cl)} "
                f"({_report(later)}, {format_date(later.as_of)}), {_days_words(gap)}.")
        return _flag("revision", label, first, later, text)
    text = (f"{_cap(_gave(first))} gave {format_figure(cf)} {what}{since} on {format_date(first.as_of)}; "
            f"{_gave(later)}, {_days_words(gap)}, gives {format_figure(cl)}"
            f"{'' if revised else ', with no revision explained'}.")
    return _flag("cumulative_decrease", label, first, later, text)


def _same_estimate_rule(a: Ref, b: Ref, speakers: Mapping[str, str] | None,
                        places: Mapping[str, str] | None) -> Discrepancy | None:
    """The same estimate (e.g. "1,500 fighters", "$4.5 billion") credited to two different bodies."""
    ca, cb = a.claim, b.claim
    assert isinstance(ca, NumericClaim) and isinstance(cb, NumericClaim)
    if ca.category != cb.category or ca.category not in ESTIMATE_CATEGORIES:
        return None
    if float(ca.value) != float(cb.value) or not ca.source or not cb.source:
        return None
    if ca.category == "count" and (not ca.subject or fold(ca.subject) != fold(cb.subject)):
        return None
    if ca.subject and cb.subject and fold(ca.subject) != fold(cb.subject):
        return None  # "$4.5 billion in damage" is not "$4.5 billion in aid"
    if not (any(ch.isdigit() for ch in ca.span) and any(ch.isdigit() for ch in cb.span)):
        return None  # "hundreds", "dozens": not a distinctive figure anyone could be credited with
    if place_relation(ca.place, cb.place, places) == "different":
        return None
    gap = day_gap(a.as_of, b.as_of)
    if gap is None or gap > ATTRIBUTION_DAYS:
        return None
    if _same_source(ca.source, cb.source, speakers):
        return None
    first, later = _ordered(a, b)
    cf, cl = first.claim, later.claim
    assert isinstance(cf, NumericClaim) and isinstance(cl, NumericClaim)
    text = (f"{_cap(_report(first))} credits {format_figure(cf)} {_what(cf)} to {cf.source}; "
            f"{_report(later)} credits {format_figure(cl)} to {cl.source}.")
    return _flag("attribution_conflict", metric_label(cl, later.published), first, later, text)


# ---------------------------------------------------------------- quotes


@lru_cache(maxsize=32768)
def normalise_quote(q: str) -> str:
    q = q.translate(str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'}))
    q = _QUOTE_NORM.sub(" ", q.casefold())
    return re.sub(r"\s+", " ", q).strip()


@lru_cache(maxsize=32768)
def fragments(q: str) -> tuple[str, ...]:
    parts = [normalise_quote(p) for p in re.split(r"\.\.\.|\u2026", q)]
    return tuple(p for p in parts if p)


def shared_words(qa: str, qb: str) -> float:
    """Share of the shorter quote's content words found in the other quote."""
    wa = {w for f in fragments(qa) for w in f.split() if w not in _FUNCTION_WORDS}
    wb = {w for f in fragments(qb) for w in f.split() if w not in _FUNCTION_WORDS}
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return len(short & long_) / len(short) if short else 0.0


def quote_similarity(qa: str, qb: str) -> tuple[float, bool]:
    """(similarity 0-100 of the best-aligned fragments, whether one quote is contained in the other)."""
    fa, fb = fragments(qa), fragments(qb)
    if not fa or not fb:
        return 0.0, False
    ja, jb = " ".join(fa), " ".join(fb)
    short, long_ = (fa, jb) if len(ja) <= len(jb) else (fb, ja)
    contained = all(f in long_ for f in short)
    best = max(fuzz.partial_ratio(x, y) if min(len(x), len(y)) >= 12 else 0.0 for x in fa for y in fb)
    return best, contained


def compare_attributed(a: Ref, b: Ref, aliases: Mapping[str, Mapping[str, str]]) -> Discrepancy | None:
    ca, cb = a.claim, b.claim
    assert isinstance(ca, AttributedClaim) and isinstance(cb, AttributedClaim)
    if not ca.quote or not cb.quote or not ca.speaker or not cb.speaker:
        return None
    if a.same_article_token == b.same_article_token:
        return None
    speakers = aliases.get("speaker")
    sim, contained = quote_similarity(ca.quote, cb.quote)
    first, later = _ordered(a, b)
    cf, cl = first.claim, later.claim
    assert isinstance(cf, AttributedClaim) and isinstance(cl, AttributedClaim)
    if names_match(ca.speaker, cb.speaker, speakers):
        if contained or sim < DRIFT_MIN or shared_words(ca.quote, cb.quote) < DRIFT_SHARED_WORDS:
            return None
        if ca.date and cb.date:
            if ca.date != cb.date:
                return None
        elif (day_gap(a.published, b.published) or 0) > OCCASION_DAYS:
            return None
        ops = word_diff(cf.quote or "", cl.quote or "")
        text = (f"{_cap(_report(first))} quotes {cf.speaker} as saying \u201c{_short(cf.quote)}\u201d; "
                f"{_report(later)} quotes the same occasion as \u201c{_short(cl.quote)}\u201d.")
        label = f"{cl.speaker}, {format_date(cl.date or cf.date, with_year=True)}" if (cl.date or cf.date) \
            else str(cl.speaker)
        return _flag("quote_drift", label, first, later, text, diff=ops)
    short_words = min(len(" ".join(fragments(ca.quote)).split()), len(" ".join(fragments(cb.quote)).split()))
    if short_words < SAME_WORDS_MIN_WORDS or not (contained or sim >= SAME_WORDS_MIN):
        return None
    gap = day_gap(a.as_of, b.as_of)
    if gap is not None and gap > ATTRIBUTION_DAYS:
        return None
    text = (f"{_cap(_report(first))} credits \u201c{_short(cf.quote)}\u201d to {cf.speaker}; "
            f"{_report(later)} credits the same words to {cl.speaker}.")
    label = f"\u201c{_short(cl.quote, 40)}\u201d"
    return _flag("attribution_conflict", label, first, later, text)


def _short(q: str | None, limit: int = 90) -> str:
    q = (q or "").strip()
    return q if len(q) <= limit else q[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


def _flag(kind: str, metric: str, first: Ref, later: Ref, text: str,
          diff: list[tuple[str, str]] | None = None) -> Discrepancy:
    text = re.sub(r" {2,}", " ", text)
    return Discrepancy(kind, metric, FlagEnd.of(first), FlagEnd.of(later), text, flag_key(kind, first, later),
                       diff)
