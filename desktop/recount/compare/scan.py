"""Every flag among many claims without comparing all pairs.

Claims are grouped so that only claims that could measure the same thing meet: figures by
(category, group, kind of time) and then by as-of month (running totals; a month meets the
next) or as-of day (a day's or a moment's count); estimates also by value (same figure,
other source); quotes by speaker (drift) and by shared four-word runs (the same words
credited to someone else).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from itertools import combinations

from recount.claims.model import AttributedClaim, NumericClaim
from recount.compare.match import Thresholds, score_pair
from recount.compare.metric import scope, subject_group
from recount.compare.names import fold, skeleton, words_of
from recount.compare.rules import ESTIMATE_CATEGORIES, Discrepancy, Ref, compare, fragments

SHINGLE = 4


def _next_month(month: str) -> str:
    try:
        y, m = int(month[:4]), int(month[5:7])
    except ValueError:
        return ""
    return f"{y + m // 12:04d}-{m % 12 + 1:02d}"


def _speaker_key(name: str, speakers: Mapping[str, str] | None) -> str:
    if speakers:
        folded = {fold(k): v for k, v in speakers.items()}
        name = folded.get(fold(name), name)
    w = words_of(name)
    return skeleton(w[-1]) if w else ""


def candidate_pairs(refs: list[Ref], aliases: Mapping[str, Mapping[str, str]] | None = None
                    ) -> Iterable[tuple[int, int]]:
    """Index pairs (i < j) worth comparing; each pair once."""
    speakers = (aliases or {}).get("speaker")
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, r in enumerate(refs):
        c = r.claim
        if isinstance(c, NumericClaim):
            sc = scope(c)
            base = ("n", c.category, subject_group(c) or "", sc)
            if sc == "cumulative":
                buckets[(*base, (r.as_of or "")[:7])].append(i)
            elif sc in ("day", "point", "period"):
                buckets[(*base, r.as_of or "")].append(i)
            if c.category in ESTIMATE_CATEGORIES and c.source:
                buckets[("est", c.category, float(c.value))].append(i)
        elif isinstance(c, AttributedClaim) and c.quote and c.speaker:
            buckets[("spk", _speaker_key(c.speaker, speakers))].append(i)
            for frag in fragments(c.quote):
                words = frag.split()
                for k in range(0, max(1, len(words) - SHINGLE + 1)):
                    buckets[("q", " ".join(words[k:k + SHINGLE]))].append(i)
    seen: set[tuple[int, int]] = set()
    for key, members in buckets.items():
        groups = [members]
        if key[0] == "n" and key[3] == "cumulative":  # totals of one month meet the next month's
            other = buckets.get((*key[:4], _next_month(key[4])))
            if other:
                groups.append(members + other)
        for group in groups:
            for i, j in combinations(sorted(set(group)), 2):
                if (i, j) not in seen:
                    seen.add((i, j))
                    yield i, j


def find_discrepancies(refs: list[Ref], aliases: Mapping[str, Mapping[str, str]] | None = None,
                       dismissed: Mapping[str, str] | None = None,
                       cancelled: Callable[[], bool] | None = None,
                       thresholds: Thresholds | None = None) -> list[Discrepancy]:
    """Every flag among `refs` (dismissed keys left out), in a stable order.

    As in check_article, a flag needs the rules' identity tests and a match score of at least
    the suggested threshold."""
    floor = (thresholds or Thresholds()).suggested
    flags: dict[str, Discrepancy] = {}
    for n, (i, j) in enumerate(candidate_pairs(refs, aliases)):
        if cancelled is not None and n % 1000 == 0 and cancelled():
            break
        flag = compare(refs[i], refs[j], aliases)
        if flag is None or (dismissed and flag.key in dismissed):
            continue
        scored = score_pair(refs[i], refs[j], aliases)
        if scored is not None and scored[0] >= floor:
            flags.setdefault(flag.key, flag)
    return sorted(flags.values(), key=lambda f: (f.b.published or "", f.type, f.a.article or "", f.a.start))
