"""The library-wide flag sweep: candidate pairs streamed in as-of order.

The same groups and sliding windows as scan.candidate_pairs, swept over the library one kind
and category at a time (every group is within one category), so that only the claims of the
last few weeks of each group are in memory. A claim enters each of its groups; it meets the
earlier members still within the group's window that have not yet met MAX_NEIGHBOURS later
neighbours: exactly the pairs candidate_pairs gives, since there each claim meets its next
later neighbours in (date, id) order.
"""

from __future__ import annotations

import heapq
import sqlite3
import sys
import tempfile
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import groupby
from pathlib import Path
from typing import Any

from recount.claims.model import AttributedClaim, NumericClaim
from recount.compare.identity import START_TOLERANCE_DAYS, giver_key, scope, subject_group
from recount.compare.pair_filter import PairTest, signature
from recount.compare.refs import (
    Ref,
    claim_as_of,
    claims_cache,
    figures_cache,
    library_ref,
    story_map,
    text_cache,
)
from recount.compare.scan import (
    ATTRIBUTION_DAYS,
    COMMON_SHINGLE,
    LOOKBACK_DAYS,
    MAX_NEIGHBOURS,
    _ordinal,
    _runs,
    _shift,
    _speaker_key,
)

_CROSS, _NO_START = 1, 2  # a group's pairing condition (None: every pair)
Membership = tuple[tuple, int, int | None, int]  # group key, window in days, condition, side


def memberships(ref: Ref, speakers: Mapping[str, str] | None = None,
                common: set[int] | frozenset[int] = frozenset()) -> list[Membership]:
    """The groups of candidate_pairs a claim belongs to. `common`: hashes of the stock
    four-word runs (found in more than COMMON_SHINGLE quotes), which group nothing."""
    c = ref.claim
    out: list[Membership] = []
    story = ref.story
    if isinstance(c, NumericClaim):
        sc = scope(c)
        base = (story, c.category, subject_group(c) or "")
        if sc == "cumulative":
            if c.time.start:
                s = c.time.start[:10]
                out.append((("T", *base, s), LOOKBACK_DAYS, None, 0))
                for d in range(1, START_TOLERANCE_DAYS + 1):  # starts a day apart meet
                    hi = _shift(s, d)
                    if hi:
                        out.append((("X", *base, s, hi), LOOKBACK_DAYS, _CROSS, 0))
                    lo = _shift(s, -d)
                    if lo and _shift(lo, d) == s:
                        out.append((("X", *base, lo, s), LOOKBACK_DAYS, _CROSS, 1))
            out.append((("M", *base, (ref.as_of or "")[:7]), 31, _NO_START, 0 if c.time.start else 1))
        elif sc in ("day", "point", "period"):
            out.append((("D", *base, sc, ref.as_of or ""), 0, None, 0))
        if c.source:
            out.append((("E", story, c.category, float(c.value)), ATTRIBUTION_DAYS, None, 0))
            out += [(("E", story, "gift", g), ATTRIBUTION_DAYS, None, 0) for g in [giver_key(c)] if g]
    elif isinstance(c, AttributedClaim) and c.quote and c.speaker:
        out.append((("S", story, _speaker_key(c.speaker, speakers)), ATTRIBUTION_DAYS, None, 0))
        for run in _runs(c.quote):
            if hash(run) not in common:
                out.append((("R", story, run), ATTRIBUTION_DAYS, None, 0))
    return out


class PairSweep:
    """Candidate pairs of claims fed in (date, id) order, holding only the live windows.

    A group with a pairing condition keeps its members in lanes, so that a claim walks only
    the members it may pair with, in the order they came: a cross group (starts a day apart)
    one lane per start, a month's group its members and, apart, those without a start."""

    def __init__(self, test: PairTest | None = None, speakers: Mapping[str, str] | None = None) -> None:
        # group key -> (window days, condition, lanes of members: [day, id, ref, side, taken, signature])
        self.groups: dict[tuple, tuple[int, int | None, tuple[deque[list], ...]]] = {}
        self._pruned_day = 0
        self.test = test  # pair_filter.may_flag: pairs that cannot flag are met but not given
        self.speakers = speakers  # the speaker aliases, for the claims' signatures

    def add(self, day: int, cid: int, ref: Ref, groups: list[Membership]) -> Iterator[tuple[Ref, Ref]]:
        """Pairs (lower id first) of this claim with earlier claims; feed claims in (day, id) order.
        A pair found through two groups is given once (it counts as a neighbour in both). With a
        test, a pair it rules out still counts as a neighbour (the same pairs, fewer given)."""
        met: set[int] = set()
        test = self.test
        sig = signature(ref, self.speakers) if test is not None and groups else None
        for key, days, cond, side in groups:
            g = self.groups.get(key)
            if g is None:
                g = self.groups[key] = (days, cond, (deque(),) if cond is None else (deque(), deque()))
            lanes = g[2]
            # the members this claim may pair with: all; the other start's; those without a start
            if cond is None:
                lane = lanes[0]
            elif cond == _CROSS:
                lane = lanes[1 - side]
            else:
                lane = lanes[0] if side else lanes[1]
            while lane and (day - lane[0][0] > days or lane[0][4] >= MAX_NEIGHBOURS):
                lane.popleft()
            for m in lane:
                if m[4] >= MAX_NEIGHBOURS:
                    continue
                m[4] += 1
                other = m[1]
                if other not in met:
                    met.add(other)
                    if test is None or test(m[5], sig, m[0] == day):
                        yield (m[2], ref) if other < cid else (ref, m[2])
            member = [day, cid, ref, side, 0, sig]
            if cond is None:
                lanes[0].append(member)
            elif cond == _CROSS:
                lanes[side].append(member)
            else:
                lanes[0].append(member)
                if side:
                    lanes[1].append(member)
        if day - self._pruned_day > 7:
            self.prune(day)

    def prune(self, day: int) -> None:
        """Forget members out of every window (and groups left empty)."""
        self._pruned_day = day
        for key in list(self.groups):
            days, cond, lanes = self.groups[key]
            live = tuple([m for m in lane if day - m[0] <= days and m[4] < MAX_NEIGHBOURS] for lane in lanes)
            if not any(live):
                del self.groups[key]
            elif any(len(a) != len(b) for a, b in zip(live, lanes, strict=True)):
                self.groups[key] = (days, cond, tuple(deque(lane) for lane in live))


def _partition_streams(lib: Any, kind: str, corrected: set[int]) -> dict[str | None, list[Iterator]]:
    """Per effective category (a numeric claim without one counts as 'count', as the claim
    model does) the library's date-ordered streams of that category."""
    out: dict[str | None, list[Iterator]] = defaultdict(list)
    for cat in lib.claim_categories(kind):
        eff = (cat or "count") if kind == "numeric" else None
        out[eff].append(sc for sc in lib.iter_claims_by_date(kind, cat) if sc.id not in corrected)
    return out


def _odd_claims(lib: Any, kind: str, corrected: set[int]) -> list[Any]:
    """Claims that cannot come from the date-ordered streams: corrected ones (their date or
    category may have changed) and those with no or an odd as_of. Few; held in memory."""
    odd = [sc for cat in lib.claim_categories(kind) for sc in lib.iter_claims_by_date(kind, cat, dated=False)
           if sc.id not in corrected]
    for cid in sorted(corrected):
        sc = lib.claim(cid)
        if sc is not None and sc.claim.kind == kind and sc.review != "rejected":
            article = lib.article(sc.article_id)
            if article is not None and not getattr(article, "deleted_at", None):
                odd.append(sc)
    return odd


def library_sweep(lib: Any, kinds: Iterable[str] = ("numeric", "attributed"),
                  cancelled: Callable[[], bool] | None = None,
                  undated: Callable[[Any], None] | None = None,
                  every: Callable[[Any], None] | None = None,
                  only: str | None = "*", test: PairTest | None = None) -> Iterator[tuple[Ref, Ref]]:
    """Every candidate pair of the library's claims (as candidate_pairs over library_refs, each
    pair once), one kind and category at a time, in as-of order. `undated` is given the claims
    without a usable as-of date, which pair with nothing; `every` every other claim
    (StoredClaim), before its pairs. `only`: one category (None: quotes), else all. `test`
    (pair_filter.may_flag): only the pairs that may raise a flag."""
    speakers = lib.aliases("speaker")
    corrected = {r.claim_id for r in lib.reviews() if r.decision == "corrected"}
    texts = text_cache(lib)
    stories = story_map(lib)
    for kind in kinds:
        if only != "*" and (only is None) != (kind == "attributed"):
            continue
        common = _common_runs(lib) if kind == "attributed" else frozenset()
        streams = _partition_streams(lib, kind, corrected)
        odd: dict[str | None, list[tuple[int, int, Any]]] = defaultdict(list)
        for sc in _odd_claims(lib, kind, corrected):
            day = _ordinal(claim_as_of(sc.claim, sc.published))
            eff = sc.claim.category if kind == "numeric" else None
            if only != "*" and eff != only:
                continue
            if day is not None:
                odd[eff].append((day, sc.id, sc))
                streams.setdefault(eff, [])
            elif undated is not None:
                undated(sc)
        for eff in sorted(streams, key=lambda k: k or ""):
            if only != "*" and eff != only:
                continue
            dated = [_dated(stream, undated) for stream in streams[eff]]
            merged = heapq.merge(*dated, sorted(odd.get(eff, [])), key=lambda t: t[0])
            sweep = PairSweep(test, speakers)
            siblings = figures_cache(lib, eff) if eff is not None else claims_cache(lib)
            for n, (day, same_day) in enumerate(groupby(merged, key=lambda t: t[0])):
                if cancelled is not None and cancelled():
                    return
                if n % 64 == 0:
                    bound_rule_caches()
                for _d, cid, sc in sorted(same_day, key=lambda t: t[1]):
                    if every is not None:
                        every(sc)
                    ref = library_ref(sc, texts, stories.get(sc.article_id), siblings(sc.article_id))
                    yield from sweep.add(day, cid, ref, memberships(ref, speakers, common))


# The rules keep what they read of a claim's sentence in caches of 16,384-65,536 entries, each
# holding the sentence: in a sweep a claim is asked about only while it is in a window, so past
# this many entries a cache is emptied (a worker of a 1M library stays near 100 MB, not 190;
# 4,096 since the ninth session: the same CPU, some 10 MB less across the processes).
CACHE_BOUND = 4096


def bound_rule_caches(limit: int = CACHE_BOUND) -> None:
    """Empty the rules' caches (recount.compare's modules) that hold more than `limit` entries:
    the same answers, computed again for the claims still in a window."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("recount.compare.") or module is None:
            continue
        for obj in list(vars(module).values()):
            info = getattr(obj, "cache_info", None)
            if info is not None and callable(info) and info().currsize > limit:
                obj.cache_clear()


def _dated(stream: Iterable[Any], undated: Callable[[Any], None] | None = None
           ) -> Iterator[tuple[int, int, Any]]:
    for sc in stream:
        day = _ordinal(claim_as_of(sc.claim, sc.published))
        if day is not None:
            yield day, sc.id, sc
        elif undated is not None:
            undated(sc)


def _common_runs(lib: Any) -> frozenset[int]:
    """Hashes of the four-word runs found in more than COMMON_SHINGLE quotes, counted in a
    scratch SQLite file rather than in memory (a big library has millions of runs)."""
    with tempfile.TemporaryDirectory(prefix="recount-scan-") as tmp:
        db = sqlite3.connect(Path(tmp) / "runs.db")
        try:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            db.execute("CREATE TABLE runs (h INTEGER)")
            rows: list[tuple[int]] = []
            for sc in lib.iter_claims(kind="attributed"):
                c = sc.claim
                if isinstance(c, AttributedClaim) and c.quote and c.speaker:
                    rows.extend((hash(run),) for run in _runs(c.quote))
                    if len(rows) > 50_000:
                        db.executemany("INSERT INTO runs VALUES (?)", rows)
                        rows.clear()
            db.executemany("INSERT INTO runs VALUES (?)", rows)
            found = db.execute("SELECT h FROM runs GROUP BY h HAVING count(*) > ?", (COMMON_SHINGLE,))
            return frozenset(h for (h,) in found)
        finally:
            db.close()


def partitions(lib: Any, kinds: Iterable[str] = ("numeric", "attributed")) -> list[tuple[str, str | None]]:
    """The (kind, category) parts a library-wide scan can go through independently (every
    group is within one), in the order the serial scan takes them."""
    out: list[tuple[str, str | None]] = []
    # A correction may move a figure to a category no stored claim has.
    corrected = [lib.claim(r.claim_id) for r in lib.reviews() if r.decision == "corrected"]
    for kind in kinds:
        if kind == "attributed":
            if lib.claim_categories(kind):
                out.append((kind, None))
        else:
            cats = {c or "count" for c in lib.claim_categories(kind)}
            cats.update(sc.claim.category for sc in corrected if sc is not None and sc.claim.kind == kind)
            out.extend((kind, c) for c in sorted(cats))
    return out
