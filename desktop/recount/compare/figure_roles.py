"""What a figure is in its report, beyond what it counts, when that changes what it may meet.

- a **margin**: the gap between two tallies ("won by 40,000 votes", "a lead of 3 points", or
  "beat her rival with almost 4m votes" when the report's own tallies differ by about that
  much) is not a tally, and is never set against one;
- **two reports of one day**: a running total given for the day of two reports published
  that same day is not a conflict when the two credit different bodies (or none): the order
  of the reports within the day is unknown and the higher figure may simply be the later
  count ("pledges reached 880 million" in the morning, "donations hit 1 billion" at night).
  One body's update told two ways the same day ("758 wounded" / "756 wounded", both the
  health agency's) is still a conflict;
- a **running total's floor**: "at least 3,958 dead" after "at least 11,300 dead" is a fall in
  news wording, though the two bounds still meet, when the later report speaks of a revision
  (in the figure's sentence or the next): a later open-ended running total ("at least N", "more
  than N") whose N lies below the earlier figure by more than rounding (ABOUT_TOLERANCE: "more
  than 150,000 acres" after "151,272 acres" is the same count, rounded) is read as the count N.
  Without a word of revision a lower floor is one body's partial count, not a fall.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from functools import lru_cache

from recount.claims.dates import find_dates
from recount.claims.model import NumericClaim
from recount.compare.credits import same_source
from recount.compare.figure_words import PARTIAL, count_progress, partial_count, snapshot
from recount.compare.flags import ordered
from recount.compare.holders import words_before_number
from recount.compare.identity import as_of, counted, scope
from recount.compare.metric import ABOUT_TOLERANCE, interval
from recount.compare.refs import Ref

_QUALIFIERS = (r"(?:(?:about|almost|nearly|some|around|over|more than|less than|fewer than|just|roughly|only|"
               r"a|an)\s+)*")
# Words before a figure that make it the gap between two tallies: "a margin of", "a lead of",
# "won by", "ahead by", "beat her rival by".
_MARGIN_BEFORE = re.compile(
    r"\b(?:(?:margin|lead|majority)\s+of|(?:won|wins?|winning|lost|loses|lose|losing|leads?|leading|ahead|"
    r"behind|trails?|trailing)\s+by|(?:beat\w*|defeat\w*|trounc\w*|edg\w*|outpoll\w*)\s+[^.;:\d]{0,60}?\bby)\s+"
    + _QUALIFIERS + r"$",
    re.IGNORECASE,
)


@lru_cache(maxsize=65536)
def _margin_words(span: str, sentence: str | None) -> bool:
    pos = sentence.find(span) if sentence else -1
    head = (sentence[max(0, pos - 100):pos] if sentence and pos >= 0 else "") + words_before_number(span)
    return bool(_MARGIN_BEFORE.search(head))


def _difference_of_siblings(ref: Ref) -> bool:
    """The figure is (within its bounds) the difference of two other figures of its report
    counting the same thing at the same moment: 3,821,884 beside 15,084,862 and 11,262,978."""
    c = ref.claim
    assert isinstance(c, NumericClaim)
    if ref.siblings is None:
        return False
    mine = counted(c.subject, c.span, c.sentence)
    when = as_of(c, ref.published)
    others = [o for o in ref.siblings()
              if isinstance(o, NumericClaim) and (o.start, o.span) != (c.start, c.span)
              and o.category == c.category and scope(o) == scope(c) and as_of(o, ref.published) == when
              and float(o.value) > float(c.value)]
    # the larger tally must count what the margin counts ("15,084,862 votes"); the smaller may
    # leave it unsaid ("compared with 998,412 for her rival")
    tops = {float(o.value) for o in others if counted(o.subject, o.span, o.sentence) & mine}
    values = {float(o.value) for o in others}
    span = interval(c)
    return any(span.lo <= hi - lo <= span.hi for hi in tops for lo in values if lo < hi)


def margin(ref: Ref) -> bool:
    """The figure is a margin between two tallies, not a tally (counts only)."""
    c = ref.claim
    if not isinstance(c, NumericClaim) or c.category != "count":
        return False
    return _margin_words(c.span, c.sentence) or _difference_of_siblings(ref)


# the tolls of an event that still move on its day and after it
EVENT_TOLLS = frozenset({"killed", "wounded", "injured_or_killed"})


def one_day_of_two_reports(first: Ref, later: Ref, speakers: Mapping[str, str] | None) -> bool:
    """Two reports of one day give a running total for that day, credited to different bodies
    or to none: which came later in the day is unknown, so two figures are no conflict. So
    with the toll of that day's event ("killing eight people", then "killing nine"), whoever
    gives it: the wounded die and the missing are found as the day goes on."""
    cf, cl = first.claim, later.claim
    assert isinstance(cf, NumericClaim) and isinstance(cl, NumericClaim)
    day = (first.published or "")[:10]
    event_toll = scope(cf) == scope(cl) == "day" and cf.category in EVENT_TOLLS
    running = scope(cf) == scope(cl) == "cumulative"
    if not day or day != (later.published or "")[:10] or not (running or event_toll):
        return False
    if (first.as_of or "")[:10] != day or (later.as_of or "")[:10] != day:
        return False  # a day both reports look back on: its count was settled
    return event_toll or not same_source(cf.source, cl.source, speakers)





# Words that say a figure was revised ("revised", "down to", "counted twice", "adjusting").
REVISION = re.compile(
    r"\b(revis\w*|correct\w*|down to|lowered|lower(?:ed)? (?:its|the)|reduc\w*|cut (?:its|the)|"
    r"downgrad\w*|double[- ]count\w*|counted twice|over-?count\w*|adjust(?:ed|ing|ment))\b",
    re.IGNORECASE,
)


def revised_near(ref: Ref) -> bool:
    """The report says, in the figure's sentence or the next, that figures were revised."""
    c = ref.claim
    text = ref.article_text()
    pos = text.find(c.sentence) if (text and c.sentence) else -1
    if pos < 0:
        return bool(REVISION.search(c.sentence or ""))
    after = text[pos + len(c.sentence or ""):pos + len(c.sentence or "") + 300]
    next_sentence = re.split(r"(?<=[.!?])\s", after.lstrip(), maxsplit=1)[0]
    return bool(REVISION.search(c.sentence or "") or REVISION.search(next_sentence))


def fell(first: Ref, later: Ref) -> bool:
    """A later running total lies below an earlier one: wholly (the intervals do not meet), or,
    when the later report speaks of a revision, its floor ("at least N") below the earlier
    figure by more than rounding (one body's partial "at least" count is no fall)."""
    cf, cl = first.claim, later.claim
    assert isinstance(cf, NumericClaim) and isinstance(cl, NumericClaim)
    i_first, i_later = interval(cf), interval(cl)
    if i_later.hi < i_first.lo:
        return True
    return scope(cl) == "cumulative" and floor_below(i_first.lo, i_later.hi, float(cl.value)) \
        and revised_near(later)


def floor_below(first_lo: float, later_hi: float, later_value: float) -> bool:
    """A later open-ended figure ("at least N") whose N lies below an earlier figure's lower
    bound by more than rounding (also compare/pair_filter.py's first look at two figures)."""
    return later_hi == float("inf") and later_value < first_lo * (1 - ABOUT_TOLERANCE)


def figures_fell(a: Ref, b: Ref) -> bool:
    """`fell` for two figures of different days, taken in date order."""
    first, later = ordered(a, b)
    if (first.as_of or "")[:10] == (later.as_of or "")[:10]:
        return False  # one day's figures: a conflict or nothing, never a fall
    return fell(first, later)


# the word that opens a running total's start: "since August 8", "since the flood struck on Aug. 8"
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)


def states_start(claim: NumericClaim) -> bool:
    """Whether the figure's own sentence dates its running total's start: a day, read by the
    claims engine's one date resolver, within a few words after "since"."""
    sentence = claim.sentence or ""
    since = _SINCE.search(sentence)
    if since is None:
        return False
    return any(d.kind == "day" for d in find_dates(sentence, _ANY_DAY, since.end(), since.end() + 80))


_ANY_DAY = date(2000, 1, 1)  # (only whether a day is named matters, not which)


def sub_total(ref: Ref) -> bool:
    """A running total since a date its sentence names, beside a higher total of the same
    kind and day in its own report that names no start ("the toll has risen to 417 ... 265 of
    them since the floods of August 8"): the part of a longer count, not the count itself."""
    c = ref.claim
    if not isinstance(c, NumericClaim) or scope(c) != "cumulative" or ref.siblings is None \
            or not states_start(c):
        return False
    day = as_of(c, ref.published)
    return any(isinstance(o, NumericClaim) and o.category == c.category and scope(o) == "cumulative"
               and float(o.value) > float(c.value) and as_of(o, ref.published) == day
               and not states_start(o) for o in ref.siblings())


def count_stage(ref: Ref) -> str | None:
    """The progress of the count a share was taken at: its sentence's, else the one a sentence
    shortly before it in its report gave ("... with all ballot boxes counted. The third candidate
    received 5.2%")."""
    c = ref.claim
    assert isinstance(c, NumericClaim)
    own = snapshot(c)
    if own or c.category != "percent":
        return own
    if partial_count(c.sentence):
        return PARTIAL  # "Partial results put Okonjo at 52%"
    if ref.siblings is None:
        return None
    before = [o for o in ref.siblings() if isinstance(o, NumericClaim) and c.start - 600 < o.start < c.start
              and o.sentence != c.sentence]
    for o in sorted(before, key=lambda o: -o.start):
        if (level := snapshot(o)) is not None:
            return level
        if count_progress(o):  # "... level with 88 per cent of the ballots counted."
            return f"{float(o.value):g}%"
        if partial_count(o.sentence):
            return PARTIAL
    return None


_CONFIRMED = re.compile(r"\b(?:confirmed|verified|identified|registered)\b", re.IGNORECASE)


def confirmed_floor(a: NumericClaim, b: NumericClaim) -> bool:
    """The lower of two same-day figures is a count of the confirmed ("94 people confirmed as
    missing", "the official toll stood at 1,774"), the higher one not, or a guess ("probably
    closer to 2,000"): the confirmed are a floor under any estimate."""
    low, high = (a, b) if float(a.value) < float(b.value) else (b, a)
    if _near(_OFFICIAL, low) and _near(_HEDGED, high):
        return True
    return _near(_CONFIRMED, low, 40, 40) and not _near(_CONFIRMED, high, 40, 40)


_OFFICIAL = re.compile(r"\bofficial\s+(?:death\s+)?(?:toll|count|figure|tally)\b", re.IGNORECASE)
_HEDGED = re.compile(r"\b(?:probably|possibly|likely|closer\s+to|could|may|might|perhaps|feared)\b",
                     re.IGNORECASE)


def _near(words: re.Pattern[str], c: NumericClaim, before: int = 60, after: int = 20) -> bool:
    """Whether `words` stand in the figure's sentence within `before` characters of it or `after`."""
    sentence = c.sentence or ""
    pos = sentence.find(c.span)
    return pos >= 0 and bool(words.search(sentence, max(0, pos - before), pos + len(c.span) + after))
