"""Every flag among many claims without comparing all pairs.

Claims are grouped so that only claims that could measure the same thing meet: running
totals by (category, group, start day; a day either way), totals without a start by as-of
month, a day's or a moment's count by its day, estimates by value (same figure, other
source), quotes by speaker (drift) and by shared four-word runs (the same words credited to
someone else; a run found in more than COMMON_SHINGLE quotes is a stock phrase and skipped).
Within a group, each claim meets at most MAX_NEIGHBOURS later reports within a few weeks:
a sliding window, never all pairs of a big group.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping

from recount.claims.model import AttributedClaim, NumericClaim
from recount.compare.flags import Discrepancy
from recount.compare.identity import (
    FLAG_WINDOW_DAYS,
    QUOTE_WINDOW_DAYS,
    START_TOLERANCE_DAYS,
    giver_key,
    ordinal,
    scope,
    shift,
    subject_group,
)
from recount.compare.match import Thresholds, reaches
from recount.compare.names import apply_alias, skeleton, words_of
from recount.compare.quotes import fragments
from recount.compare.refs import (
    Ref,
)
from recount.compare.rules import compare

SHINGLE = 4
# A four-word run found in more quotes than this is a stock phrase: it says nothing.
COMMON_SHINGLE = 50
# At most this many later neighbours per claim in a group (newest reports of a metric).
MAX_NEIGHBOURS = 60
# Running totals are compared with reports up to this many days later (compare/identity.py).
LOOKBACK_DAYS = FLAG_WINDOW_DAYS["cumulative"]
ATTRIBUTION_DAYS = QUOTE_WINDOW_DAYS
_ordinal = ordinal


def _shift(iso: str, days: int) -> str:
    return shift(iso, days) or ""


def _windowed(members: list[int], refs: list[Ref], days: int,
              keep: Callable[[int, int], bool] | None = None) -> Iterator[tuple[int, int]]:
    """Pairs of members whose as-of dates are at most `days` apart, each with at most
    MAX_NEIGHBOURS later neighbours (a sliding window, never all pairs of a big group)."""
    dated = sorted((d, i) for i in members if (d := _ordinal(refs[i].as_of)) is not None)
    for k, (d, i) in enumerate(dated):
        taken = 0
        for d2, j in dated[k + 1:]:
            if d2 - d > days or taken >= MAX_NEIGHBOURS:
                break
            if keep is None or keep(i, j):
                taken += 1
                yield (i, j) if i < j else (j, i)


def _speaker_key(name: str, speakers: Mapping[str, str] | None) -> str:
    w = words_of(apply_alias(name, speakers))
    return skeleton(w[-1]) if w else ""


def _runs(quote: str) -> set[str]:
    runs = set()
    for frag in fragments(quote):
        words = frag.split()
        for k in range(0, max(1, len(words) - SHINGLE + 1)):
            runs.add(" ".join(words[k:k + SHINGLE]))
    return runs


def candidate_pairs(refs: list[Ref], aliases: Mapping[str, Mapping[str, str]] | None = None
                    ) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) worth comparing. A pair may come twice (from two groups); flags are
    deduplicated by key."""
    speakers = (aliases or {}).get("speaker")
    totals: dict[tuple, list[int]] = defaultdict(list)  # running totals by start day
    by_month: dict[tuple, list[int]] = defaultdict(list)  # and by as-of month (for unknown starts)
    moments: dict[tuple, list[int]] = defaultdict(list)
    estimates: dict[tuple, list[int]] = defaultdict(list)
    speakers_of: dict[tuple, list[int]] = defaultdict(list)
    shingles: dict[tuple, list[int]] = defaultdict(list)
    for i, r in enumerate(refs):
        c = r.claim
        if isinstance(c, NumericClaim):
            sc = scope(c)
            base = (r.story, c.category, subject_group(c) or "")
            if sc == "cumulative":
                if c.time.start:
                    totals[(*base, c.time.start[:10])].append(i)
                by_month[(*base, (r.as_of or "")[:7])].append(i)
            elif sc in ("day", "point", "period"):
                moments[(*base, sc, r.as_of or "")].append(i)
            if c.source:
                estimates[(r.story, c.category, float(c.value))].append(i)
                for gift in filter(None, [giver_key(c)]):  # one giver's sum, any day (one_gift)
                    estimates[(r.story, "gift", gift)].append(i)
        elif isinstance(c, AttributedClaim) and c.quote and c.speaker:
            speakers_of[(r.story, _speaker_key(c.speaker, speakers))].append(i)
            for run in _runs(c.quote):
                shingles[(r.story, run)].append(i)
    horizon = LOOKBACK_DAYS
    for key, members in totals.items():
        yield from _windowed(members, refs, horizon)
        for d in range(1, START_TOLERANCE_DAYS + 1):  # starts a day apart meet
            other = totals.get((*key[:3], _shift(key[3], d)))
            if other:
                mine = set(members)
                yield from _windowed(members + other, refs, horizon,
                                     lambda i, j, m=mine: (i in m) != (j in m))
    no_start = {i for i, r in enumerate(refs) if isinstance(r.claim, NumericClaim) and not r.claim.time.start}
    if no_start:
        for members in by_month.values():
            if any(i in no_start for i in members):
                yield from _windowed(members, refs, 31, lambda i, j: i in no_start or j in no_start)
    for members in moments.values():
        yield from _windowed(members, refs, 0)
    for members in estimates.values():
        yield from _windowed(members, refs, ATTRIBUTION_DAYS)
    seen: set[tuple[int, int]] = set()
    groups = [m for m in speakers_of.values()] + [m for m in shingles.values() if len(m) <= COMMON_SHINGLE]
    for members in groups:
        for pair in _windowed(members, refs, ATTRIBUTION_DAYS):
            if pair not in seen:
                seen.add(pair)
                yield pair


def _share_siblings(refs: list[Ref]) -> None:
    """Refs given without their report's claims get those among `refs` (same report)."""
    by_report: dict[tuple, list] = defaultdict(list)
    for r in refs:
        by_report[r.same_article_token].append(r.claim)
    for r in refs:
        if r.siblings is None:
            claims = by_report[r.same_article_token]
            r.siblings = lambda claims=claims: claims


def find_discrepancies(refs: list[Ref], aliases: Mapping[str, Mapping[str, str]] | None = None,
                       dismissed: Mapping[str, str] | None = None,
                       cancelled: Callable[[], bool] | None = None,
                       thresholds: Thresholds | None = None) -> list[Discrepancy]:
    """Every flag among `refs` (dismissed keys left out), in a stable order.

    As in check_article, a flag needs the rules' identity tests and a match score of at least
    the suggested threshold."""
    floor = (thresholds or Thresholds()).suggested
    _share_siblings(refs)
    flags: dict[str, Discrepancy] = {}
    for n, (i, j) in enumerate(candidate_pairs(refs, aliases)):
        if cancelled is not None and n % 1000 == 0 and cancelled():
            break
        flag = compare(refs[i], refs[j], aliases)
        if flag is None or (dismissed and flag.key in dismissed):
            continue
        if reaches(refs[i], refs[j], aliases, floor):
            flag.extra["story"] = refs[j].story  # for compare/fold.py
            flags.setdefault(flag.key, flag)
    return sorted(flags.values(), key=lambda f: (f.b.published or "", f.type, f.a.article or "", f.a.start))
