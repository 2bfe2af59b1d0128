"""A cheap look at a candidate pair before the rules, for sweeps over many claims.

Most candidate pairs of a story raise nothing: a running total that grew, two quotes of one
speaker about other things. The rules say so too, but each asks it through a Python call on
two `Ref`s (about 10 µs a pair); a library-wide scan meets tens of millions of pairs. Here each
claim gets a small signature once (its report, its interval, its quote's content words), and
a pair is passed on to the rules only when the signatures allow a flag.

The tests are *necessary conditions* of the rules, read from them (never a second copy of a
rule's meaning): a figure pair passes exactly when `rules._may_flag` would let it through
(and every pair of one report passes, as the rules judge those themselves); a quote pair
passes only when `quotes.compare_attributed`'s first tests (other report, enough shared
content words) pass. `tests/compare/test_pair_filter.py` holds the filter to the rules on
generated pairs, and the scans to the same flags with and without it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from recount.claims.model import AttributedClaim, NumericClaim
from recount.compare.figure_roles import floor_below
from recount.compare.identity import given, ordinal
from recount.compare.metric import interval
from recount.compare.names import apply_alias, is_body, words_of
from recount.compare.quotes import DRIFT_MIN_CONTENT_WORDS, DRIFT_SHARED_WORDS, OCCASION_DAYS, content_roots
from recount.compare.refs import Ref

# A signature: (report token, then what the kind's test needs). Figures: (token, lo, hi,
# value, a sum given by a named giver); quotes: (token, content roots or None when the quote
# cannot be compared, the speaker's words after the aliases, the quote's date, its report's
# day as an ordinal, whether the speaker is a body).
Signature = tuple[Any, ...]


def signature(ref: Ref, speakers: Mapping[str, str] | None = None) -> Signature:
    """What the pair test needs of one claim, computed once (`speakers`: the library's speaker
    aliases, as the rules are given them)."""
    c = ref.claim
    token = ref.same_article_token
    if isinstance(c, NumericClaim):
        iv = interval(c)
        gift = c.category == "money" and bool(c.source) and given(c)  # may be one_gift: any day
        return (token, iv.lo, iv.hi, float(c.value), gift)
    if isinstance(c, AttributedClaim) and c.quote and c.speaker:
        roots = content_roots(c.quote)
        if len(roots) < DRIFT_MIN_CONTENT_WORDS:
            return (token, None)
        who = tuple(words_of(apply_alias(c.speaker, speakers))) or None
        return (token, roots, who, c.date, ordinal(ref.published), is_body(c.speaker))
    return (token, None)


def may_flag(earlier: Signature, later: Signature, same_day: bool) -> bool:
    """Whether two claims (the first's as-of day not after the second's) may raise a flag.

    Figures (as rules._may_flag): two reports' figures whose intervals meet only when the
    value is the same (credited to two bodies); of one day, any figures that cannot both be
    right; across days, only a later figure wholly below the earlier one (or a later floor far
    below it: figure_roles.floor_below), or two sums given (identity.one_gift, any day). Figures
    of one report always pass. Quotes (as
    compare_attributed's first tests): of two reports, sharing
    at least DRIFT_SHARED_WORDS of the shorter quote's content words, and when one speaker's,
    possibly of one occasion (quotes._one_occasion)."""
    if len(later) == 5:  # figures
        if earlier[0] == later[0]:
            return True
        _t, lo_a, hi_a, v_a, gift_a = earlier
        _t, lo_b, hi_b, v_b, gift_b = later
        if not (hi_a < lo_b or hi_b < lo_a):  # (a later floor far below: figure_roles.fell)
            return v_a == v_b or (not same_day and floor_below(lo_a, hi_b, v_b))
        return same_day or hi_b < lo_a or (gift_a and gift_b)
    ra, rb = earlier[1], later[1]
    if ra is None or rb is None or earlier[0] == later[0]:
        return False
    short, long_ = (ra, rb) if len(ra) <= len(rb) else (rb, ra)
    if len(short & long_) / len(short) < DRIFT_SHARED_WORDS:  # as quotes.shared_words
        return False
    if earlier[2] is None or earlier[2] != later[2]:
        return True
    # one speaker (the same words: names.names_match) on two occasions: quotes._one_occasion,
    # whichever of the two is the rules' first (a body's threshold only when both are bodies)
    if earlier[3] and later[3]:
        return earlier[3] == later[3]
    pa, pb = earlier[4], later[4]
    gap = abs(pa - pb) if pa is not None and pb is not None else 0
    return gap <= (0 if earlier[5] and later[5] else OCCASION_DAYS)


PairTest = Callable[[Signature, Signature, bool], bool]
