"""Which earlier claims does a claim speak to? Blocking, then a rapidfuzz score in [0, 1].

Blocking keeps only figures that measure the same thing (compare/identity.py, through
rules.same_figure: one home for that rule) or quotes of the same person or words.
The score weighs the components below; the weights favour *what, where and when* over the
wording, because two reports of one toll rarely share a sentence.

Two thresholds, as claim-matching tools use: a match scoring at least `suggested` is shown
for review; at least `confirmed` is treated as the same claim, and only confirmed matches
raise flags.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from recount.claims.model import AttributedClaim, NumericClaim
from recount.compare.flags import Discrepancy
from recount.compare.identity import day_gap, scope
from recount.compare.metric import interval
from recount.compare.names import name_similarity, place_relation
from recount.compare.quotes import quote_similarity
from recount.compare.refs import Ref
from recount.compare.rules import one_estimate, same_figure, whole_below_part

NUMERIC_WEIGHTS = {"category": 0.15, "place": 0.25, "time": 0.3, "source": 0.1, "sentence": 0.1,
                   "value": 0.1}
SPEAKER_WEIGHTS = {"speaker": 0.45, "quote": 0.35, "date": 0.2}
WORDS_WEIGHTS = {"quote": 0.6, "date": 0.25, "sentence": 0.15}
# How far apart two as-of dates may be and still count as "about the same time".
TIME_HORIZON_DAYS = 30


@dataclass(frozen=True, slots=True)
class Thresholds:
    suggested: float = 0.55
    confirmed: float = 0.75


@dataclass(slots=True)
class Match:
    """An earlier claim this claim speaks to (`other`: a library StoredClaim, or a Ref)."""

    other: Any
    score: float
    components: dict[str, float]
    status: str  # "suggested" | "confirmed"
    discrepancy: Discrepancy | None = None
    ref: Ref | None = field(default=None, repr=False)


def _time_score(gap: int | None) -> float:
    if gap is None:
        return 0.5
    return max(0.0, 1.0 - gap / TIME_HORIZON_DAYS)


def _numeric_components(a: Ref, b: Ref, aliases: Mapping[str, Mapping[str, str]], sentence: bool = True
                        ) -> dict[str, float] | None:
    """The components of two figures' score (without the sentences' likeness when `sentence`
    is False), or None when blocking says they cannot measure the same thing."""
    ca, cb = a.claim, b.claim
    assert isinstance(ca, NumericClaim) and isinstance(cb, NumericClaim)
    if not same_figure(a, b, aliases) and not one_estimate(a, b, aliases) \
            and whole_below_part(a, b, aliases) is None:
        return None  # never a figure of another thing, place, group or kind of time
    comp: dict[str, float] = {"category": 1.0}
    if scope(ca) == scope(cb) == "cumulative":
        start_gap = day_gap(ca.time.start, cb.time.start)
        comp["time"] = 1.0 if start_gap == 0 else 0.85 if start_gap == 1 else 0.6
    else:
        gap = day_gap(a.as_of, b.as_of)
        comp["time"] = 1.0 if gap == 0 else 0.4 * _time_score(gap)
    rel = place_relation(ca.place, cb.place, aliases.get("place"))
    comp["place"] = {"same": 1.0, "within": 0.85, "unknown": 0.5, "different": 0.0}[rel]
    if rel == "different":
        comp["place"] = 0.6  # one body's total or one moment under two place names (rules.same_figure)
    if ca.source and cb.source:
        comp["source"] = name_similarity(ca.source, cb.source, aliases.get("speaker"))
    else:
        comp["source"] = 0.5
    if sentence:
        comp["sentence"] = fuzz.token_set_ratio(ca.sentence or ca.span, cb.sentence or cb.span) / 100.0
    ia, ib = interval(ca), interval(cb)
    if not ia.disjoint(ib):
        comp["value"] = 1.0
    else:
        lo, hi = sorted((float(ca.value), float(cb.value)))
        comp["value"] = lo / hi if hi > 0 else 0.0
    return comp


def _weighted(comp: dict[str, float]) -> float:
    return round(sum(NUMERIC_WEIGHTS[k] * v for k, v in comp.items()), 4)


def score_numeric(a: Ref, b: Ref, aliases: Mapping[str, Mapping[str, str]] | None = None
                  ) -> tuple[float, dict[str, float]] | None:
    """Score of two figures, or None when blocking says they cannot measure the same thing."""
    comp = _numeric_components(a, b, aliases or {})
    if comp is None:
        return None
    return _weighted(comp), {k: round(v, 3) for k, v in comp.items()}


def reaches(a: Ref, b: Ref, aliases: Mapping[str, Mapping[str, str]] | None, floor: float) -> bool:
    """score_pair(a, b, aliases)[0] >= floor, without the sentences' likeness when the other
    components reach the floor alone (every component is at least 0 and a float sum only grows
    with a term added, so the whole score is at least theirs): what a library-wide scan asks
    of each of its million flags."""
    if isinstance(a.claim, NumericClaim) and isinstance(b.claim, NumericClaim):
        comp = _numeric_components(a, b, aliases or {}, sentence=False)
        if comp is None:
            return False
        if _weighted(comp) >= floor:
            return True
    scored = score_pair(a, b, aliases)
    return scored is not None and scored[0] >= floor


def score_attributed(a: Ref, b: Ref, aliases: Mapping[str, Mapping[str, str]] | None = None
                     ) -> tuple[float, dict[str, float]] | None:
    """Score of two attributions: the same speaker, or (for quotes) the same words."""
    ca, cb = a.claim, b.claim
    assert isinstance(ca, AttributedClaim) and isinstance(cb, AttributedClaim)
    aliases = aliases or {}
    comp: dict[str, float] = {}
    comp["speaker"] = name_similarity(ca.speaker, cb.speaker, aliases.get("speaker"))
    if ca.quote and cb.quote:
        sim, contained = quote_similarity(ca.quote, cb.quote)
        comp["quote"] = 1.0 if contained else sim / 100.0
    else:
        comp["quote"] = fuzz.token_set_ratio(ca.sentence or ca.span, cb.sentence or cb.span) / 100.0 * 0.8
    gap = day_gap(ca.date, cb.date) if ca.date and cb.date else None
    comp["date"] = (1.0 if gap == 0 else 0.5 * _time_score(gap)) if gap is not None else \
        0.5 * _time_score(day_gap(a.published, b.published))
    comp["sentence"] = fuzz.token_set_ratio(ca.sentence or ca.span, cb.sentence or cb.span) / 100.0
    by_speaker = sum(SPEAKER_WEIGHTS[k] * comp[k] for k in SPEAKER_WEIGHTS) if comp["speaker"] >= 1.0 else 0.0
    by_words = sum(WORDS_WEIGHTS[k] * comp[k] for k in WORDS_WEIGHTS) if ca.quote and cb.quote else 0.0
    score = max(by_speaker, by_words)
    if score <= 0.0:
        return None
    return round(score, 4), {k: round(v, 3) for k, v in comp.items()}


def score_pair(a: Ref, b: Ref, aliases: Mapping[str, Mapping[str, str]] | None = None
               ) -> tuple[float, dict[str, float]] | None:
    if a.claim.kind != b.claim.kind:
        return None
    if isinstance(a.claim, NumericClaim):
        return score_numeric(a, b, aliases)
    return score_attributed(a, b, aliases)


def status_of(score: float, thresholds: Thresholds) -> str | None:
    if score >= thresholds.confirmed:
        return "confirmed"
    if score >= thresholds.suggested:
        return "suggested"
    return None
