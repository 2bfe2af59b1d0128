"""Discrepancy rules: given two claims, is there a flag?

Pure functions over claims and their report's metadata (`Ref`), so the rules are tested
without SQLite and without the claims engine. Two figures are compared only when they are
in one story (when stories are known) and measure the same thing (compare/identity.py).
Types (tests/corpus/SCHEMA.md):

- cumulative_decrease: a running total given lower than an earlier one (the later interval
  lies wholly below the earlier one).
- revision: the same, where the later report says the figure was revised (revised, down to,
  counted twice...) and the source is the same (or not named on one side); and, within one
  report, a figure set against a restatement of an older one ("the previous figure of 359",
  "first estimates were 290 ... reduced to 253").
- conflict: the same metric at the same moment (same as-of day) from two reports, or twice
  in one report, with intervals that do not overlap: tolls, votes, money, any count.
- attribution_conflict: the same figure credited to two different bodies (any category:
  "11,300 dead" from the Red Crescent in one report, from the UN in another).
- quote_drift and quotes credited to someone else: compare/quotes.py.

A restated older figure speaks of the past: it is never set against another report's
figures. Within one article only same-moment conflicts and restatements are raised: an
article that tells how a toll grew is explaining, not contradicting itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from recount.claims.countries import COUNTRIES
from recount.claims.model import NumericClaim
from recount.compare.credits import (  # noqa: F401  (importable from here, as before)
    ATTRIBUTION_DAYS,
    ATTRIBUTION_MIN_VALUE,
    disowned,
    disowned_rule,
    distinct_sources,
    relayed,
    same_estimate_rule,
    same_source,
    sister_bodies,
)
from recount.compare.figure_roles import EVENT_TOLLS as _EVENT_TOLLS
from recount.compare.figure_roles import REVISION as _REVISION
from recount.compare.figure_roles import (
    confirmed_floor,
    count_stage,
    fell,
    figures_fell,
    floor_below,
    margin,
    one_day_of_two_reports,
    states_start,
    sub_total,
)
from recount.compare.figure_words import (
    PARTIAL,
    count_progress,
    denied,
    increment,
    projected,
    restated,
    summed_part,
)
from recount.compare.flags import (  # noqa: F401  (importable from here, as before)
    Discrepancy,
    FlagEnd,
    cap,
    days_words,
    flag_key,
    gave,
    make_flag,
    ordered,
    report_name,
    what_counted,
)
from recount.compare.identity import (
    day_gap,
    given,
    one_gift,
    same_metric,
    scope,
    several_places,
    what_differs,
    when_differs,
    where_differs,
)
from recount.compare.metric import format_date, format_figure, interval, metric_label
from recount.compare.names import GENERIC, place_contains, place_relation, same_family, words_of
from recount.compare.quotes import compare_attributed, quote_similarity  # noqa: F401
from recount.compare.refs import Ref, other_story, superseded
from recount.compare.refs import same_story as in_one_story
from recount.compare.revisions import restatement_rule as _restatement_rule
from recount.compare.revisions import revised as _revised

# Categories where a figure is one body's estimate rather than a tally everyone repeats.
ESTIMATE_CATEGORIES = frozenset({"troops", "money", "percent", "count"})
# A figure less than this share of another of the same metric is more likely a part of it (a
# district's toll, the day's dead, one hospital's wounded) than a contradiction of it; within one
# report the share is higher still, unless the digits are the same ("880" against "880 million").
PART_SHARE = 0.3
PART_SHARE_SAME_REPORT = 0.5


def compare(a: Ref, b: Ref, aliases: Mapping[str, Mapping[str, str]] | None = None) -> Discrepancy | None:
    """The flag two claims raise, if any. `aliases`: {"speaker": {...}, "place": {...}}."""
    if a.claim.kind != b.claim.kind or other_story(a, b):
        return None
    aliases = aliases or {}
    if isinstance(a.claim, NumericClaim):
        return compare_numeric(a, b, aliases)
    return compare_attributed(a, b, aliases)


def _digits(x: float) -> str:
    return f"{x:f}".rstrip("0").rstrip(".").replace(".", "").rstrip("0")


def part_of_whole(ca: NumericClaim, cb: NumericClaim, same_article: bool) -> bool:
    """One figure is so much smaller than the other that it is more likely a part of it."""
    lo, hi = sorted((abs(float(ca.value)), abs(float(cb.value))))
    if hi <= 0:
        return False
    if same_article and _digits(lo) == _digits(hi):
        return False  # the same digits: a dropped "million" is a conflict, not a part
    return lo / hi < (PART_SHARE_SAME_REPORT if same_article else PART_SHARE)


def apart(a: NumericClaim, b: NumericClaim) -> bool:
    """The two figures cannot both be right: their intervals do not meet, even at a bound
    ("more than 18,000" and "18,000" are one figure in news wording), except one giver's sum,
    an exact act ("more than €100m" and "€100m" pledged by one donor disagree)."""
    ia, ib = interval(a), interval(b)
    if one_gift(a, b) and "cumulative" not in (scope(a), scope(b)):
        return ia.below(ib) or ib.below(ia)
    return ia.hi < ib.lo or ib.hi < ia.lo


def same_figure(a: Ref, b: Ref, aliases: Mapping[str, Mapping[str, str]]) -> bool:
    """Whether two figures measure the same thing (compare/identity.py), allowing two place
    names for one metric when one body's running total is meant, or when each report names
    the other's place for a count of the same moment."""
    ca, cb = a.claim, b.claim
    assert isinstance(ca, NumericClaim) and isinstance(cb, NumericClaim)
    if a.same_article_token == b.same_article_token and (ca.place is None) != (cb.place is None):
        return False  # one report's figure of a named place and one of no place said: often its whole
    ok, why = same_metric(ca, a.published, cb, b.published, aliases.get("place"), in_one_story(a, b))
    if not ok and why == "different places" and a.same_article_token != b.same_article_token:
        ok = same_teller_total(a, b, aliases.get("speaker")) or same_story(a, b)
    return ok


def one_estimate(a: Ref, b: Ref, aliases: Mapping[str, Mapping[str, str]]) -> bool:
    """An estimate (troops, money, a count, a per cent) given for two spans of time ("$4.5 billion"
    of a week's damage, "$4.5 billion" on the day of an assessment) is still one estimate when
    the figure is the same: only what, whose and where must agree (two places of one story
    agree when each report names the other's)."""
    ca, cb = a.claim, b.claim
    assert isinstance(ca, NumericClaim) and isinstance(cb, NumericClaim)
    if ca.category not in ESTIMATE_CATEGORIES or float(ca.value) != float(cb.value):
        return False
    places = aliases.get("place")
    family = given(ca) and given(cb) and same_family(ca.source, cb.source)  # one gift, two credits
    if what_differs(ca, cb) is not None and not family:
        return False
    # one story seen at two scales: each report names the other's place ("Kessel" / "Velmora")
    return where_differs(ca, cb, places, in_one_story(a, b)) is None or (
        in_one_story(a, b) and _mentions(b.folded_text(), ca.place) and _mentions(a.folded_text(), cb.place))


def _may_flag(a: Ref, b: Ref) -> bool:
    """A cheap first look at two reports' figures (most pairs of a story are a total that grew):
    only the same value (credited to two bodies), figures of one day that cannot both be
    right, or a later figure below an earlier one can raise a flag."""
    ca, cb = a.claim, b.claim
    assert isinstance(ca, NumericClaim) and isinstance(cb, NumericClaim)
    gap = day_gap(a.as_of, b.as_of)
    if gap is None:
        return False
    ia, ib = interval(ca), interval(cb)
    first, later = ordered(a, b)
    i_first, i_later = interval(first.claim), interval(later.claim)  # type: ignore[arg-type]
    if not (ia.hi < ib.lo or ib.hi < ia.lo):  # (or a later floor far below: figure_roles.fell)
        return float(ca.value) == float(cb.value) or (
            gap > 0 and floor_below(i_first.lo, i_later.hi, float(later.claim.value)))  # type: ignore[union-attr]
    return gap == 0 or i_later.hi < i_first.lo or one_gift(ca, cb)  # one giver's sum: any day


def compare_numeric(a: Ref, b: Ref, aliases: Mapping[str, Mapping[str, str]]) -> Discrepancy | None:
    ca, cb = a.claim, b.claim
    assert isinstance(ca, NumericClaim) and isinstance(cb, NumericClaim)
    same_article = a.same_article_token == b.same_article_token
    if not same_article and not _may_flag(a, b):
        return None
    speakers = aliases.get("speaker")
    ta, tb = _traits(a), _traits(b)
    ra, rb = ta[0], tb[0]
    if same_article and ca.sentence and ca.sentence == cb.sentence and not (ra or rb):
        return None  # figures listed in one sentence are different things ("killed 174 and wounded 500")
    if same_article and (ta[1] or tb[1]):
        return None  # "media channels are saying 270, but the official toll is 238": the report tells both
    if ca.source and cb.source and sister_bodies(ca.source, cb.source):
        return None  # one kind of body of two places ("the Kessel relief office" / "the Ostia relief office")
    if ta[2] or tb[2]:
        return None  # a forecast, a denied figure, a count's progress, what a count grew by, a summed part
    sa, sb = ta[3], tb[3]
    if (sa != sb and (sa or sb)) or PARTIAL in (sa, sb):
        return None  # a count taken at another stage ("with 99% of boxes opened" / "with all counted"),
        # or at a stage not said ("partial results", "tallies by media groups"): another hour's
    da, db = ta[4], tb[4]
    if da or db:
        if same_article or (da and db):
            return None
        return disowned_rule(b if da else a, a if da else b, speakers)
    if not same_figure(a, b, aliases):
        if not same_article and not (ra or rb) and one_estimate(a, b, aliases):
            return same_estimate_rule(a, b, speakers)
        if not same_article and not (ra or rb):
            return whole_below_part(a, b, aliases)
        return None
    if ra or rb:
        # a restated older figure is set only against its own report's current figure
        if not same_article or (ra and rb):
            return None
        return _restatement_rule(a if ra else b, b if ra else a)
    # History a report tells ("on Monday the toll stood at 207") is not its current figure: it
    # may contradict another report's figure for that day, or be credited to someone else, but
    # is never set against later figures. (Asked last: it reads the reports' other claims.)
    if not apart(ca, cb) and (same_article or not figures_fell(a, b)):
        if same_article:
            return None
        return same_estimate_rule(a, b, speakers)
    if part_of_whole(ca, cb, same_article) or margin(a) != margin(b):
        return None  # a part of the whole; a margin against a tally (asked last: reads the report's claims)
    flag = _interval_rule(a, b, same_article, speakers)
    if flag is not None and not same_article and flag.type != "conflict" and (superseded(a) or superseded(b)):
        return None
    return flag


def _traits(ref: Ref) -> tuple[bool, bool, bool, str | None, bool, bool, bool]:
    """What compare_numeric reads of one figure alone (restated, relayed, no current count,
    count stage, disowned, a sub-total, a start its sentence states), made once per Ref: a
    figure meets many others in a sweep."""
    t = ref._traits
    if t is None:
        c = ref.claim
        assert isinstance(c, NumericClaim)
        t = ref._traits = (restated(c), relayed(c.source),
                           any(f(c) for f in (projected, denied, count_progress, increment, summed_part)),
                           count_stage(ref), disowned(c), sub_total(ref), states_start(c))
    return t


def whole_below_part(a: Ref, b: Ref, aliases: Mapping[str, Mapping[str, str]]) -> Discrepancy | None:
    """A running total of a place, given later lower than an earlier running total of a part
    of it ("6,400 dead in Kelso", then "2,900 dead in Varnia"): the whole cannot count fewer
    than its part. The reports must say the one place lies in the other (names.place_contains);
    a part's figure below the whole's is no contradiction and raises nothing."""
    ca, cb = a.claim, b.claim
    assert isinstance(ca, NumericClaim) and isinstance(cb, NumericClaim)
    if not (ca.place and cb.place and ca.place != cb.place and scope(ca) == scope(cb) == "cumulative"):
        return None  # (cheap tests first: this is asked of every pair the scores block)
    if float(ca.value) == float(cb.value) or not in_one_story(a, b):
        return None
    first, later = ordered(a, b)
    cf, cl = first.claim, later.claim
    assert isinstance(cf, NumericClaim) and isinstance(cl, NumericClaim)
    if float(cl.value) > float(cf.value) or a.same_article_token == b.same_article_token:
        return None
    if not fell(first, later) or what_differs(cf, cl) or when_differs(cf, None, cl, None):
        return None
    if place_relation(cf.place, cl.place, aliases.get("place")) != "different" or several_places(cl.place):
        return None
    if not (place_contains(cl.place, cf.place, later.article_text())
            or place_contains(cl.place, cf.place, first.article_text())):
        return None
    if superseded(a) or superseded(b):
        return None
    return _interval_rule(first, later, False, aliases.get("speaker"))


def _mentions(folded: str, place: str | None) -> bool:
    core = [w for w in words_of(place or "") if w not in GENERIC and len(w) > 2]
    return bool(core) and all(f" {w} " in folded for w in core)


def same_teller_total(a: Ref, b: Ref, speakers: Mapping[str, str] | None = None) -> bool:
    """One body's running total of one event: same source, same start day. Its place names may
    differ between reports ("Varn valley" / "Kessel province") without making it another metric."""
    ca, cb = a.claim, b.claim
    assert isinstance(ca, NumericClaim) and isinstance(cb, NumericClaim)
    return (scope(ca) == scope(cb) == "cumulative" and bool(ca.time.start) and ca.time.start == cb.time.start
            and same_source(ca.source, cb.source, speakers))


def same_story(a: Ref, b: Ref) -> bool:
    """Two places of one story: each report names the other's place ("Varn valley" / "Kessel
    province"), so the two names may be one place seen at two scales. Figures of one day or
    moment only (a running total of a town and one of its province share a story and a
    start but not a count: a part is not the whole)."""
    ca, cb = a.claim, b.claim
    assert isinstance(ca, NumericClaim) and isinstance(cb, NumericClaim)
    if not ca.place or not cb.place:
        return False
    if (ca.place in COUNTRIES) != (cb.place in COUNTRIES):
        return False  # a country's count and a city's ("1.2 million across Varnia" / "500,000 in Orsk")
    sc = scope(ca)
    if not (sc == scope(cb) and sc in ("day", "point") and day_gap(a.as_of, b.as_of) == 0):
        return False
    return _mentions(b.folded_text(), ca.place) and _mentions(a.folded_text(), cb.place)


_VAGUE = re.compile(r"^\W*(?:\w+\s+){0,2}?(?:dozens|scores|hundreds|thousands|millions)\b"
                    r"(?!\s+of\s+thousands)", re.IGNORECASE)


# a report that tells its toll grew during the day: "authorities later gave an update: 15 dead"
_UPDATE = re.compile(r"\b(?:later|update[sd]?|updating|since\s+(?:risen|climbed|grown)|has\s+now|"
                     r"now\s+stands?)\b", re.IGNORECASE)


def _updated_in_text(a: NumericClaim, b: NumericClaim) -> bool:
    """The report's later mention is higher and says it updates the earlier one."""
    early, late = (a, b) if a.start < b.start else (b, a)
    return float(late.value) > float(early.value) and bool(_UPDATE.search(late.sentence or ""))


def _interval_rule(a: Ref, b: Ref, same_article: bool, speakers: Mapping[str, str] | None
                   ) -> Discrepancy | None:
    first, later = ordered(a, b)
    cf, cl = first.claim, later.claim
    assert isinstance(cf, NumericClaim) and isinstance(cl, NumericClaim)
    gap = day_gap(first.as_of, later.as_of)
    if gap is None:
        return None
    tf, tl = _traits(first), _traits(later)
    if (tf[5] and not tl[6]) or (tl[5] and not tf[6]):
        return None  # a count since a date its report gives inside a longer one: not that one
    label = metric_label(cl, later.published)
    what = what_counted(cl)
    if gap == 0 or one_gift(cf, cl):  # (one giver's sum is one act, whatever day reports give it)
        if same_article and (cf.start == cl.start or scope(cl) != "cumulative" or _updated_in_text(cf, cl)):
            return None  # within one report only running totals: its day's counts may be parts
        later_higher = (first.published or "") < (later.published or "") and float(cl.value) > float(cf.value)
        event_toll = scope(cl) == "day" and cl.category in _EVENT_TOLLS  # ("killing 15 on Friday", then 16)
        if not same_article and (scope(cl) == "cumulative" or event_toll) and (
                later_higher or one_day_of_two_reports(first, later, speakers)):
            return None  # a later report's higher total for that day: the day's count went on

        moved = (first.published or "") < (later.published or "") and (
            float(cl.value) < float(cf.value) or scope(cl) != "cumulative")
        if not same_article and moved and (flag := _revised(first, later, label, what, gap, speakers)):
            return flag  # "the office has revised the toll to 41", "the third estimate": the report's word
        if confirmed_floor(cf, cl):
            return None  # "94 confirmed missing" and "at least 128 missing" the same day: floor and estimate
        place = f" in {cl.place or cf.place}" if (cl.place or cf.place) else ""
        when = {"day": "on", "point": "as of", "cumulative": "as of", "period": "up to"}.get(scope(cl), "on")
        since = f" since {format_date(cl.time.start)}" if scope(cl) == "cumulative" and cl.time.start else ""
        text = (f"{cap(gave(first))} gives {format_figure(cf)} {what}{place}{since} {when} "
                f"{format_date(first.as_of)}; {gave(later)} gives {format_figure(cl)} for the same "
                f"{'day' if scope(cl) == 'day' else 'moment'}: both cannot be true.")
        return make_flag("conflict", label, first, later, text)
    if same_article or scope(cl) != "cumulative":
        return None  # a day's or a moment's count may differ on another day; a total may grow
    if not fell(first, later) or _VAGUE.search(cl.span):
        return None  # ("injuring hundreds" after "over 450 injured": a word for many, not a lower count)
    if flag := _revised(first, later, label, what, gap, speakers):
        return flag
    since = f" since {format_date(cl.time.start)}" if cl.time.start else ""
    revised = bool(_REVISION.search(cl.sentence or "") or _REVISION.search(cl.span))
    text = (f"{cap(gave(first))} gave {format_figure(cf)} {what}{since} on {format_date(first.as_of)}; "
            f"{gave(later)}, {days_words(gap)}, gives {format_figure(cl)}"
            f"{'' if revised else ', with no revision explained'}.")
    return make_flag("cumulative_decrease", label, first, later, text)
