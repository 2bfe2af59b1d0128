"""When do two figures measure the same thing? The one home of that rule.

Precision first: a fact-checker who meets nine wrong flags for one right one stops reading
flags. So two figures are the same metric only when everything that says what they count
agrees, and an unknown never makes them agree by default:

- what: the same category and unit; for counts, money and per cents the same thing counted
  (the engine's subject, else the noun that follows the number: "votes", "hotels", "acres");
- whose: the same group (a part is never set against its whole: civilians against all dead,
  children against everyone), and the same place or a district of it, never one place against
  a total of several ("in Kessel and Varn") or a place against another;
- when: the same kind of figure (a running total, a day's count, a moment's count, a
  period), known on both sides. A running total is identified by its start (a day either way;
  a start given on one side only is taken from the story), the others by their as-of day.

Every candidate lookup (compare/candidates.py), the library-wide sweep (compare/sweep.py), the
scores (compare/match.py), the rules (compare/rules.py) and the series (compare/reconcile.py)
use these functions and these windows, so they cannot disagree about what may be compared.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from recount.claims.model import NumericClaim
from recount.compare.holders import (
    RESOURCE_WORDS,
    TALLY_WORDS,
    bracket_owner,
    dispatcher,
    holder,
    owners,
    tally_holder,
    words_before_number,
)
from recount.compare.names import fold, names_match, place_relation
from recount.compare.subsets import subject_group
from recount.compare.thing_states import state
from recount.wording import unit_of as unit

# Running totals from different outlets may start a day apart ("since April 4" / "April 5").
START_TOLERANCE_DAYS = 1
# How far apart (days) the as-of dates of two figures may be for them to be looked up as
# candidates of each other, by kind of figure. A running total is compared over weeks (it may
# be revised or fall); a day's, a moment's or a period's count only at the same moment (flags),
# though matches for review are shown a few days either way.
FLAG_WINDOW_DAYS = {"cumulative": 60, "day": 0, "point": 0, "period": 0}
MATCH_WINDOW_DAYS = {"cumulative": 60, "day": 3, "point": 7, "period": 7}
# A later report may give an earlier moment's total: look this far ahead too.
AHEAD_DAYS = 7
# Quotes and attributions: the same words credited elsewhere, or drifting, within this many days.
QUOTE_WINDOW_DAYS = 14
# Categories that say nothing of what is counted ("$45 million", "40 per cent", "3 hospitals").
SUBJECT_CATEGORIES = frozenset({"count", "money", "percent"})
_WORD = re.compile(r"[A-Za-z]+")
# Words right after a figure that make it a subset: "5,000 displaced people have been able to
# return home", "40 were rescued alive", "12 were released".
# A place naming several places: "Kessel and Varn", "Kessel, Varn", "two provinces" (but "the
# Old Quarter and eastern suburbs of Ostrelo" names parts of one place).
_JOIN = re.compile(r"\s*(?:\band\b|&|,)\s*", re.IGNORECASE)
_SEVERAL_WORDS = re.compile(r"\b(?:two|three|four|five|several|both) (?:countries|nations|provinces|states|"
                            r"regions|districts|cities|towns)\b", re.IGNORECASE)
_NUMBERISH = re.compile(r"^(?:[\d.,]+|[$€£¥]|[\d.,]+[a-z]{0,2})$")
# Words between a number and what it counts that say nothing of what is counted.
_FILLER = frozenset(
    "more than about some around over nearly almost at least another other others additional further "
    "new of the a an million billion thousand hundred bn m k per cent percent people persons were "
    "was had have has been are is still reportedly".split())


def as_of(claim: NumericClaim, published: str | None) -> str | None:
    """The day a figure speaks of: the end of its time span, else its start, else the report's
    date (the library stores the same in claims.as_of)."""
    return claim.time.end or claim.time.start or published


def day_gap(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return None


def shift(iso: str | None, days: int) -> str | None:
    """An ISO day moved by `days` (None when there is no usable date)."""
    if not iso:
        return None
    try:
        return (date.fromisoformat(iso[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return None


def ordinal(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def scope(claim: NumericClaim) -> str:
    return claim.time.scope or "unknown"


def _stem(word: str) -> str:
    w = word.lower()
    for end in ("ies", "es", "s"):
        if w.endswith(end) and len(w) - len(end) >= 3:
            return w[: -len(end)] + ("y" if end == "ies" else "")
    return w


def counted(subject: str | None, span: str, sentence: str | None) -> frozenset[str]:
    """What a count counts: the engine's subject, else the first words after the number in the
    span (or, when the span ends at the number, in the sentence): "three hotels hit" -> hotel,
    "151,272-acre blaze" -> acre, "15,191,847 votes" -> vote. Empty when nothing says."""
    if subject:
        return frozenset(_stem(w) for w in _WORD.findall(subject) if w.lower() not in _FILLER)
    text = span
    if sentence:
        pos = sentence.find(span)
        if pos >= 0:
            text = span + sentence[pos + len(span):pos + len(span) + 40]
    tokens = re.findall(r"[\w$€£.,]+", text.replace("-", " "))
    seen_number = False
    words: list[str] = []
    for raw in tokens:
        tok = raw.strip(".,") or raw
        low = tok.lower()
        if _NUMBERISH.match(low) or low in _NUMBER_WORDS:
            if words:
                break  # the next figure's words are its own ("12 tanks, 4 D-30 howitzers")
            seen_number = True
            continue
        if not seen_number:
            continue
        if low in _FILLER:
            continue
        if not tok.isalpha():
            break
        if len(tok) == 1:
            continue  # a model's letter ("6 D-20 cannons")
        words.append(_stem(low))
        if len(words) == 2:
            break
    return frozenset(words)


# A count that follows a share and "in" counts where that share holds: "25 percent in 34 states"
# (states where a candidate reached a quarter of the vote) is not "won in 19 states".
_CONDITION = re.compile(r"(\d[\d,.]*)\s*(?:%|per ?cent\b|percent\b)(?:\W+\w+){0,4}?\W+(?:in|across)\W+$",
                        re.IGNORECASE)


# What became of the counts a court weighed: "guilty on three counts", "acquitted on five", "could
# not agree on two", "charged with ten": each outcome is its own tally
_OUTCOME = re.compile(r"\b(guilty|convicted|acquitted|cleared|deadlocked|hung|"
                      r"(?:could\s+not|couldn't|failed\s+to|unable\s+to)\s+(?:agree|reach)|charged|charges|indicted|"
                      r"dismissed|dropped|pleaded|faces|facing|sentenced|mistrial)\b", re.IGNORECASE)


@lru_cache(maxsize=65536)
def outcome(span: str, sentence: str | None) -> str | None:
    """The outcome the words right before a count give it ("found her guilty on three counts"), or None."""
    if not sentence or (pos := sentence.find(span)) < 0:
        return None
    lead = words_before_number(span)
    found = _OUTCOME.findall(sentence[max(0, pos - 50):pos] + (lead if lead != span else ""))
    if not found:
        return None
    word = found[-1].split()[0].lower()
    return _OUTCOME_OF.get(word, word)


_OUTCOME_OF = {"convicted": "guilty", "cleared": "acquitted", "charges": "charged", "indicted": "charged",
               "faces": "charged", "facing": "charged", **dict.fromkeys(
                   ("could", "couldn't", "failed", "unable", "deadlocked", "hung", "mistrial"), "undecided")}


# holders.py's words as counted() gives them ("votes" -> "vot")
_TALLY_STEMS = frozenset(map(_stem, TALLY_WORDS))
_RESOURCE_STEMS = frozenset(map(_stem, RESOURCE_WORDS))


@lru_cache(maxsize=65536)
def condition(span: str, sentence: str | None) -> str | None:
    """The figure a count is counted under ("40" for "40% of the vote in 18 provinces"), or None."""
    if not sentence:
        return None
    pos = sentence.find(span)
    if pos < 0:
        return None
    before = sentence[max(0, pos - 60):pos] + words_before_number(span)
    m = _CONDITION.search(before)
    return m.group(1).rstrip(".,").replace(",", "") if m else None


_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve dozen dozens hundreds thousands "
    "millions".split())


@lru_cache(maxsize=16384)
def several_places(place: str | None) -> bool:
    """"Kessel and Varn", "Kessel, Varn", "both countries": a total over several places, never
    set against one of them. Parts of one place ("north and east of Varn") are not several."""
    if not place:
        return False
    if _SEVERAL_WORDS.search(place):
        return True
    parts = [p for p in _JOIN.split(place) if p.strip()]
    if len(parts) < 2 or re.search(r"\bof\b", parts[-1]):
        return False
    return sum(1 for p in parts if any(w[:1].isupper() for w in p.split())) >= 2


# A sum someone gives: its source is the giver, and two givers' sums are two things.
_GIVING = re.compile(r"\b(?:donat\w*|pledg\w*|give[ns]?|gave|giving|contribut\w*|offer\w*|grant\w*|"
                     r"gift\w*|promis\w*|commit\w*|from the|from)\b", re.IGNORECASE)


def given(claim: NumericClaim) -> bool:
    """A sum given by someone (a pledge, a donation, a grant), not an estimate of one."""
    return bool(claim.sentence and _GIVING.search(claim.sentence))


def one_gift(a: NumericClaim, b: NumericClaim) -> bool:
    """Two sums given, by one named giver on both sides (not a running total of gifts)."""
    return (a.category == b.category == "money" and given(a) and given(b)
            and names_match(a.source, b.source))


def giver_key(claim: NumericClaim) -> str | None:
    """The last word of a sum's giver, for grouping (one_gift then asks names_match): two reports
    of one gift meet whatever day and kind of time each gives it."""
    if claim.category != "money" or not claim.source or not given(claim):
        return None
    words = fold(claim.source).split()
    return words[-1] if words else None


def what_differs(a: NumericClaim, b: NumericClaim) -> str | None:
    """Why two figures do not count the same thing (category, unit, group, thing counted, whose
    it is), or None. A pledge or any other sum that is not a running total is someone's: its
    source (the giver) must be named on both sides and be the same."""
    if a.category != b.category:
        return "different category"
    if unit(a) != unit(b):
        return "different unit"
    if subject_group(a) != subject_group(b):
        return "a part is not the whole"
    if bracket_owner(a) != bracket_owner(b):
        return "someone else's figure"  # "Kessel (68)": the district's own figure
    if a.category in ("count", "percent"):
        wa, wb = counted(a.subject, a.span, a.sentence), counted(b.subject, b.span, b.sentence)
        if not wa or not wb or not (wa & wb):
            return "different things counted"
        if a.category == "count" and condition(a.span, a.sentence) != condition(b.span, b.sentence):
            return "different things counted"  # "25% in 34 states" is not "won in 19 states"
        oa, ob = owners(a.span), owners(b.span)
        if (oa or ob) and not oa & ob:
            return "someone else's figure"  # "30 Velmari tanks" / "14 Ostrani tanks", or tanks of no one said
        if (wa | wb) & _TALLY_STEMS:
            ta, tb = tally_holder(a), tally_holder(b)
            if ta != tb and not ta & tb:
                return "someone else's figure"  # "the coalition won 81 seats" / "out of 219 seats"
        if a.category == "count" and state(a.span, a.sentence) != state(b.span, b.sentence):
            return "different things counted"  # rooms that collapsed are not rooms damaged
        if (wa | wb) & _RESOURCE_STEMS and not (dispatcher(a) & dispatcher(b)):
            return "someone else's figure"  # the fire service's 82 vehicles are not the army's 110
        if a.category == "count" and outcome(a.span, a.sentence) != outcome(b.span, b.sentence):
            return "different things counted"  # counts a jury convicted on are not those it acquitted on
    elif a.category == "money" and a.subject and b.subject and fold(a.subject) != fold(b.subject):
        return "different things counted"
    if a.category in SUBJECT_CATEGORIES and not (scope(a) == scope(b) == "cumulative"):
        ha, hb = holder(a), holder(b)
        if ha and hb and not (ha & hb):
            return "someone else's figure"
    if a.category == "money" and not (scope(a) == scope(b) == "cumulative") and (given(a) or given(b)) \
            and not (a.source and b.source and names_match(a.source, b.source)):
        return "someone else's gift"
    return None


def when_differs(a: NumericClaim, pub_a: str | None, b: NumericClaim, pub_b: str | None) -> str | None:
    """Why two figures are not of the same kind of time, or None. A running total's start
    given on one side only does not part them (reports often leave out "since when")."""
    sa, sb = scope(a), scope(b)
    if "unknown" in (sa, sb) and "cumulative" not in (sa, sb) and one_gift(a, b):
        return None  # one giver's sum: the pledge is one act, whenever a report gives it
    if sa != sb or sa == "unknown":
        return "different kind of figure"
    if sa == "cumulative":
        gap = day_gap(a.time.start, b.time.start)
        if gap is not None and gap > START_TOLERANCE_DAYS:
            return "running totals with different starts"
    elif sa == "period" and (day_gap(a.time.start, b.time.start) != 0
                             or day_gap(as_of(a, pub_a), as_of(b, pub_b)) != 0):
        return "different periods"
    return None


def where_differs(a: NumericClaim, b: NumericClaim, places: dict[str, str] | None = None,
                  same_story: bool = False) -> str | None:
    """Why two figures are not of the same place, or None. A place unknown on one side is only
    accepted within one story (the story says where); several places never meet one."""
    if several_places(a.place) != several_places(b.place):
        return "a part is not the whole"
    rel = place_relation(a.place, b.place, places)
    if rel == "different":
        return "different places"
    if rel == "unknown" and not same_story and (a.place or b.place):
        return "place unknown"
    if rel == "within" and _is_site(a.place) != _is_site(b.place):
        return "a part is not the whole"  # "Civil Hospital Karachi" has seen some of Karachi's dead
    return None


_SITE = re.compile(r"^(?:(?:the\s+)?(?:other|remaining)\s+\w+\s+of|elsewhere\s+in|the\s+rest\s+of)\s|"
                   r"\b(?:hospital|medical|clinic|morgue|infirmary|airport|station|school|"
                   r"stadium|prison|jail|market|mall|mosque|church|temple|camp|factory|plant|mine)\b",
                   re.IGNORECASE)


def _is_site(place: str | None) -> bool:
    """A building or site within a place, or the rest of a place ("other parts of Sindh"): its
    figures are a part of the place's."""
    return bool(place and _SITE.search(place))


def same_metric(a: NumericClaim, pub_a: str | None, b: NumericClaim, pub_b: str | None,
                aliases: dict[str, str] | None = None, same_story: bool = False) -> tuple[bool, str]:
    """Whether two figures measure the same thing, with the reason when they do not.
    `aliases`: the library's place aliases; `same_story`: both reports are in one story."""
    why = what_differs(a, b) or when_differs(a, pub_a, b, pub_b) or where_differs(a, b, aliases, same_story)
    return (why is None), (why or "")


def metric_key(claim: NumericClaim, published: str | None = None) -> tuple[str, ...]:
    """A grouping key: figures with different keys never measure the same thing.

    Coarser than `same_metric` (the place is left out, since "southern Tripoli" and
    "Tripoli" must meet, and a running total's start is kept to the month so that starts a
    day apart meet): use it to group, then `same_metric` on pairs within a group.
    """
    sc = scope(claim)
    when = ""
    if sc == "cumulative" and claim.time.start:
        when = claim.time.start[:7]
    elif sc in ("day", "point", "period"):
        when = (as_of(claim, published) or "")[:10]
    return (claim.category, subject_group(claim) or "", sc, when)


def lookup_window(claim: NumericClaim, when: str | None, for_flags: bool = False
                  ) -> tuple[str | None, str | None]:
    """The as-of dates (from, to) of the figures this one may be compared with.

    For review (a report being checked): a running total from its start (a day earlier) or at
    most 60 days back, AHEAD_DAYS ahead; a day's or a moment's count a few days either way.
    For flags (a report being stored, whatever the order reports arrive in): a running total
    60 days either way; any other figure QUOTE_WINDOW_DAYS either way (the same estimate
    credited to another body is looked for that far; conflicts need the same day)."""
    sc = scope(claim)
    if for_flags:
        days = FLAG_WINDOW_DAYS["cumulative"] if sc == "cumulative" else QUOTE_WINDOW_DAYS
        return shift(when, -days), shift(when, days)
    if sc == "cumulative":
        back = shift(when, -MATCH_WINDOW_DAYS["cumulative"])
        if claim.time.start:
            back = max(back or "", shift(claim.time.start, -START_TOLERANCE_DAYS) or "") or None
        return back, shift(when, AHEAD_DAYS)
    days = MATCH_WINDOW_DAYS.get(sc, MATCH_WINDOW_DAYS["point"])
    return shift(when, -days), shift(when, days)
