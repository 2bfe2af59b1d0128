"""The interval a figure's wording allows, and its metric's label.

Whether two figures measure the same thing is decided in compare/identity.py (its names are
importable from here too).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from recount.claims.model import NumericClaim
from recount.compare.identity import (  # noqa: F401  (the one home of metric identity)
    START_TOLERANCE_DAYS,
    SUBJECT_CATEGORIES,
    as_of,
    day_gap,
    metric_key,
    same_metric,
    scope,
    subject_group,
)

# Words live in recount.wording (one home for the window, exports, CLI and explanations);
# these names stay importable here for the rules.
from recount.wording import CATEGORY_LABELS as CATEGORY_WORDS  # noqa: F401
from recount.wording import category_label
from recount.wording import figure_in_prose as format_figure  # noqa: F401
from recount.wording import prose_date as format_date  # noqa: F401
from recount.wording import unit_of as _unit  # noqa: F401

# "about N" allows this much either way when the report gives no bounds.
ABOUT_TOLERANCE = 0.15


@dataclass(frozen=True, slots=True)
class Interval:
    """The values a figure's wording allows; `hi` may be inf ("at least 23")."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def below(self, other: Interval) -> bool:
        """Every value of self is below every value of other (no overlap)."""
        if self.hi < other.lo:
            return True
        return self.hi == other.lo and (self.hi_open or other.lo_open)

    def disjoint(self, other: Interval) -> bool:
        return self.below(other) or other.below(self)


def interval(claim: NumericClaim) -> Interval:
    """The interval of "at least 23", "more than 30", "about 2,800", "fewer than 40", "12-15";
    an exact figure written with decimals stands for what rounds to it ("49.2%" is 49.17%,
    "$4.1m" is $4.11m), a whole number for itself."""
    iv = _interval(claim.value, claim.lower, claim.upper, claim.qualifier, claim.lower_inclusive,
                   claim.upper_inclusive)
    if iv.lo == iv.hi and (half := _rounding(claim.span, float(claim.value))):
        return Interval(iv.lo - half, iv.hi + half)
    return iv


_WRITTEN = re.compile(r"(\d[\d,]*)\.(\d+)")


@lru_cache(maxsize=65536)
def _rounding(span: str, value: float) -> float:
    """Just under half a unit of the figure's last written decimal, scaled as its value is
    ("4.1" of "$4.1m": 50,000), so that 3.4 and 3.5 stay apart; 0 for a whole number."""
    m = _WRITTEN.search(span)
    if m is None:
        return 0.0
    written = float(m.group(1).replace(",", "") + "." + m.group(2))
    if written == 0:
        return 0.0
    return 0.4999 * 10 ** -len(m.group(2)) * abs(value / written)


@lru_cache(maxsize=65536)
def _interval(value: float, lo: float | None, hi: float | None, qualifier: str, lower_inclusive: bool,
              upper_inclusive: bool) -> Interval:
    v = float(value)
    if qualifier == "about" or (lo is None and hi is None and qualifier != "exact"):
        lo_v = float(lo) if lo is not None else v * (1 - ABOUT_TOLERANCE)
        hi_v = float(hi) if hi is not None else v * (1 + ABOUT_TOLERANCE)
        return Interval(lo_v, hi_v)
    if lo is None and hi is None:
        return Interval(v, v)
    lo_v = float(lo) if lo is not None else 0.0
    hi_v = float(hi) if hi is not None else math.inf
    return Interval(lo_v, hi_v, lo_open=lo is not None and not lower_inclusive,
                    hi_open=hi is not None and not upper_inclusive)


def metric_label(claim: NumericClaim, published: str | None = None) -> str:
    """"killed · Tripoli · since 2019-04-04": what is counted, where, and when."""
    what = category_label(claim.category)
    group = subject_group(claim)
    if group and claim.category not in ("troops", "count"):
        what = f"{what} ({group})"
    if claim.category == "count" and claim.subject:
        what = claim.subject
    parts = [what]
    if claim.place:
        parts.append(claim.place)
    sc = scope(claim)
    when = as_of(claim, published)
    if sc == "cumulative" and claim.time.start:
        parts.append(f"since {claim.time.start}")
    elif sc == "day" and when:
        parts.append(f"on {when}")
    elif sc == "period" and claim.time.start:
        parts.append(f"{claim.time.start} to {when}")
    elif sc == "point" and when:
        parts.append(f"as of {when}")
    return " · ".join(parts)
