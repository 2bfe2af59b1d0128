"""What a figure measures (its metric) and the interval its wording allows.

Two figures are comparable only when they measure the same thing (DESIGN.md "When do two
figures measure the same thing?"): the same category (killed is not injured_or_killed),
the same group (a part is not the whole: "14 civilians" among "205 dead"), the same or an
enclosing place, and the same kind of time: a running total identified by its start (a day
either way), a day's count by its day, a point-in-time count by its moment.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from recount.claims.model import NumericClaim
from recount.compare.names import fold, place_relation

# Words live in recount.wording (one home for the window, exports, CLI and explanations);
# these names stay importable here for the rules.
from recount.wording import CATEGORY_LABELS as CATEGORY_WORDS  # noqa: F401
from recount.wording import category_label
from recount.wording import figure_in_prose as format_figure  # noqa: F401
from recount.wording import prose_date as format_date  # noqa: F401
from recount.wording import unit_of as _unit

# "about N" allows this much either way when the report gives no bounds.
ABOUT_TOLERANCE = 0.15
# Running totals from different outlets may start a day apart ("since April 4" / "April 5").
START_TOLERANCE_DAYS = 1

# Categories that say nothing of what is counted ("$45 million", "40 per cent", "3 hospitals"):
# comparable only when the engine names the same subject.
SUBJECT_CATEGORIES = frozenset({"count", "money", "percent"})
# Words naming a group that is part of a whole: figures about different groups differ in metric.
_GROUPS = {
    "civilian": "civilians", "civilians": "civilians",
    "child": "children", "children": "children", "kids": "children", "minors": "children",
    "woman": "women", "women": "women",
    "soldier": "soldiers", "soldiers": "soldiers", "troops": "soldiers",
    "fighter": "fighters", "fighters": "fighters", "militants": "fighters", "combatants": "fighters",
    "rebels": "fighters",
    "police": "police", "policemen": "police", "officers": "police",
    "journalists": "journalists", "reporters": "journalists",
    "medics": "medics", "doctors": "medics", "nurses": "medics",
    "staff": "staff", "workers": "workers", "volunteers": "volunteers",
    "students": "students", "pupils": "students",
    "migrants": "migrants", "refugees": "refugees",
    "foreigners": "foreigners", "tourists": "tourists",
    "households": "households", "families": "households", "homes": "buildings",
    "houses": "buildings", "buildings": "buildings",
}
_WORD = re.compile(r"[A-Za-z]+")


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
    """The interval of "at least 23", "more than 30", "about 2,800", "fewer than 40", "12-15"."""
    v = float(claim.value)
    lo, hi = claim.lower, claim.upper
    if claim.qualifier == "about" or (lo is None and hi is None and claim.qualifier != "exact"):
        lo_v = float(lo) if lo is not None else v * (1 - ABOUT_TOLERANCE)
        hi_v = float(hi) if hi is not None else v * (1 + ABOUT_TOLERANCE)
        return Interval(lo_v, hi_v)
    if lo is None and hi is None:
        return Interval(v, v)
    lo_v = float(lo) if lo is not None else 0.0
    hi_v = float(hi) if hi is not None else math.inf
    return Interval(lo_v, hi_v, lo_open=lo is not None and not claim.lower_inclusive,
                    hi_open=hi is not None and not claim.upper_inclusive)


# Words right after a figure that make it a subset: "5,000 displaced people have been able to
# return home", "40 were rescued alive", "12 were released".
_SUBSET = re.compile(
    r"^\W*(?:\w+\W+){0,6}?(?:return\w*|rescued|found alive|released|freed|discharged|recovered|"
    r"treated|identified|buried)\b", re.IGNORECASE)


def subject_group(claim: NumericClaim) -> str | None:
    """The group counted when it is a part of the whole (civilians, children...), else None."""
    return _group(claim.subject, claim.span, claim.sentence)


@lru_cache(maxsize=65536)
def _group(subject: str | None, span: str, sentence: str | None) -> str | None:
    for word in _WORD.findall((subject or span).lower()):
        if word in _GROUPS:
            return _GROUPS[word]
    if sentence:
        pos = sentence.find(span)
        if pos >= 0:
            m = _SUBSET.match(sentence[pos + len(span):])
            if m:
                return "subset:" + m.group(0).split()[-1].lower()
    return None


def as_of(claim: NumericClaim, published: str | None) -> str | None:
    """The date a figure speaks of: the end of its time span, else its start, else publication."""
    return claim.time.end or claim.time.start or published


def day_gap(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return None


def scope(claim: NumericClaim) -> str:
    return claim.time.scope or "unknown"


def same_metric(a: NumericClaim, pub_a: str | None, b: NumericClaim, pub_b: str | None,
                aliases: dict[str, str] | None = None) -> tuple[bool, str]:
    """Whether two figures measure the same thing, with the reason when they do not."""
    if a.category != b.category:
        return False, "different category"
    if a.category in SUBJECT_CATEGORIES and (not a.subject or fold(a.subject) != fold(b.subject or "")):
        return False, "different things counted"
    if _unit(a) != _unit(b):
        return False, "different unit"
    if subject_group(a) != subject_group(b):
        return False, "a part is not the whole"
    sa, sb = scope(a), scope(b)
    if sa != sb or sa == "unknown":
        return False, "different kind of figure"
    if sa == "cumulative":
        gap = day_gap(a.time.start, b.time.start)  # None: one report does not say since when
        if gap is not None and gap > START_TOLERANCE_DAYS:
            return False, "running totals with different starts"
    elif sa == "period" and (day_gap(a.time.start, b.time.start) != 0
                             or day_gap(as_of(a, pub_a), as_of(b, pub_b)) != 0):
        return False, "different periods"
    rel = place_relation(a.place, b.place, aliases)
    if rel == "different":
        return False, "different places"
    return True, ""


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


def metric_key(claim: NumericClaim, published: str | None = None) -> tuple[str, ...]:
    """A grouping key: figures with different keys never measure the same thing.

    Coarser than `same_metric` (the place is left out, since "southern Tripoli" and
    "Tripoli" must meet, and a running total's start is kept to the week so that starts a
    day apart meet): use it to group, then `same_metric` on pairs within a group.
    """
    sc = scope(claim)
    when = ""
    if sc == "cumulative" and claim.time.start:
        when = claim.time.start[:7]
    elif sc in ("day", "point", "period"):
        when = (as_of(claim, published) or "")[:10]
    return (claim.category, subject_group(claim) or "", sc, when)
