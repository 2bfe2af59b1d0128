"""Which figure of a sentence a time phrase belongs to: relations read after the dates are found.

"2,000 killed in 1987 and 300 in 1999", "down from 67% in 2019", "X, who took power in 2012,
won 71%": a date in the sentence of a figure is often another figure's, an aside's or the base
of a comparison. TimeReader (timing.py) asks these questions of each date it considers, and
asks here which day a figure happened on ("killed on Tuesday"; "found on Tuesday, bringing the
toll to 212").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from recount.claims import time_words as tw
from recount.claims.dates import DateRef
from recount.claims.figures import Figure
from recount.claims.retrie import rx

# "89 major and 63 minor", "killed 75 people and injured 310 others": one clause's figures
_COORDINATED = rx(r"\d[\d,.]*(?:\s+[a-z-]+)?,?\s+(?:and|or)(?:\s+(?:[a-z]+ed|left|hurt))?\s+$")
_COMPARED_LEAD = rx(r"\b(?:compared\s+(?:to|with)|against|versus)\s+$")
_RELATIVE_FIGURE = rx(r",\s+(?:which|that)\b[^.;]*\d")  # a relative clause with a figure of its own
_ASIDE = rx(r"\([^()]*\)")  # a closed bracket: an aside between a figure and its day
_CONVERSION = rx(r"^\s*\([^()]{1,40}\)")  # the same figure in another currency or unit


def in_aside(text: str, s_start: int, s_end: int, d: DateRef, fig: Figure) -> bool:
    """A date in a relative clause between commas that does not hold the figure."""
    left = text.rfind(",", s_start, d.start)
    right = text.find(",", d.end, s_end)
    if left < 0 or right < 0 or left < fig.start < right:
        return False
    return tw.ASIDE_OPENING.match(text, left + 1, d.start) is not None


def comparison_base(text: str, sentence_start: int, d: DateRef) -> bool:
    return tw.COMPARISON_BASE.search(text, max(sentence_start, d.start - 40), d.start) is not None


# a figure inside a relative clause about an event: "the quake that killed 1,200", "the storm,
# which left 40 dead"
_IN_RELATIVE = rx(r"\b(?:that|which)\s+(?:had\s+)?(?:killed|left|injured|wounded|claimed|displaced|"
                  r"destroyed)\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+|nearly\s+|over\s+)?$",
                  re.IGNORECASE)


def other_clause(text: str, fig: Figure, d: DateRef) -> bool:
    """A time phrase after the figure, in a clause of its own ("grew to 40,000 hectares before crews
    contained last week"): the phrase dates that clause."""
    return d.start >= fig.end and tw.CLAUSE_TURN.search(text, fig.end, d.start) is not None


def figure_between(text: str, fig: Figure, d: DateRef) -> bool:
    """Another figure stands between this one and a time phrase: the phrase is the other's."""
    between = text[fig.end : d.start] if d.start >= fig.end else text[d.end : fig.start]
    if d.start < fig.start and _COMPARED_LEAD.search(between):
        return True  # "9,400 arrived over March 1-7, against 3,900": the date is the first's
    # "in the past week ... 89 major and 63 minor"; "$4.4 billion (€3.6 billion) promised for 2004"
    between = (_COORDINATED if d.start < fig.start else _CONVERSION).sub("", between)
    return bool(rx(r"\d|\b(?:dozen|hundreds|thousands|millions)\b").search(between))


def _possessive(text: str, d: DateRef) -> bool:
    """"Sunday's attacks", "Tuesday's statement": the day of an event or of words, not a figure's."""
    return (text[d.start : d.end].endswith(("'s", "\u2019s"))
            or tw.EVENT_POSSESSIVE.match(text[d.end : d.end + 30]) is not None)  # (^: a slice, not pos)


def brought_on(text: str, dates: list[DateRef], tail_at: int, tail: str,
               since_ref: DateRef | None) -> date | None:
    """The day of the clause a "bringing the total to" figure closes, if that clause names one.
    `tail`: the text before the figure, from `tail_at`."""
    m = tw.BRINGING_TOTAL.search(tail)
    if m is None:
        return None
    at = tail_at + m.start()
    for d in reversed(dates):
        if (d.kind == "day" and d.first is not None and d.end <= at and d is not since_ref
                and not _possessive(text, d)):
            return d.first
    return None


def figure_day(text: str, s_start: int, s_end: int, dates: list[DateRef], fig: Figure,
               since_ref: DateRef | None, is_said: Callable[[DateRef, int], bool]) -> DateRef | None:
    """A day the figure happened on ('killed on Tuesday'), not when it was said."""
    since_pos = None
    m = tw.SINCE.search(text, fig.end, s_end)
    if m:
        since_pos = m.start()
    for d in dates:
        if d.kind != "day" or d is since_ref or is_said(d, s_start):
            continue
        if tw.STATEMENT_OF_DAY.match(text, d.end, min(len(text), d.end + 40)) or _possessive(text, d):
            continue  # "Tuesday's statement by the police": when it was said
        if d.start >= fig.end:
            if since_pos is not None and d.start > since_pos:
                continue
            between = _ASIDE.sub("", text[fig.end : d.start])  # "killed 31 (19 men, 12 women) on Tuesday"
            if _RELATIVE_FIGURE.search(between):
                continue  # "put at 190, which the state cut to 175 on Sunday": the nearer figure's day
            # "rose to 121 from 98 on Saturday", "1,200 now, up from about 800 on Monday":
            # the day belongs to the nearer figure, the one it is compared with
            if rx(r"\bfrom\s+\S*\d").search(between) or tw.COMPARED_FIGURE.search(between):
                continue
            if "," in between and _IN_RELATIVE.search(text, max(s_start, fig.start - 40), fig.start):
                continue  # "A week after the quake that killed 1,200, schools reopened on Monday"
            if rx(r"[;(]|\b(?:after|before|because|while)\b").search(between) or (
                    "when" in between and not tw.WHEN_ONSET.search(between)):
                continue  # (but "killed when nine coaches derailed early Friday": that day)
            return d
        # "On Sunday, 12 people were killed"; "struck the city on Tuesday, killing at least 14"
        if d.end <= fig.start:
            if tw.SUBJECT_ON.fullmatch(text, s_start, d.start) and tw.DAY_THEN_VERB.fullmatch(
                    text, d.end, fig.start):
                return d  # "Donors on Tuesday pledged four billion euros": the act's day
            if rx(r",\s*").fullmatch(text, d.end, fig.start) and tw.COMMA_DAY_BEFORE.search(
                    text, max(s_start, d.start - 50), d.start):
                return d  # "brought together, Thursday, March 9, 310,000 demonstrators"
            if tw.said_after_day().match(text, d.end, fig.start):
                continue  # "On Tuesday, the spokesman said that ... 47 deaths": when it was said
            if rx(r"\s*(?:on\s+)?", re.IGNORECASE).fullmatch(text[s_start : d.start]):
                return d
            if tw.DAY_THEN_HARM.fullmatch(text, d.end, fig.start):
                return d  # "an air strike on Monday killed nine", "the blast on Tuesday, which killed 14"
            between = text[d.end : fig.start]
            if len(between) <= 120 and tw.PARTICIPLE.search(between) and (
                not rx(r"\d").search(between) or tw.PARTICIPLE_END.search(between)
            ):
                return d
    return None


def own_dates(text: str, fig: Figure, dates: list[DateRef]) -> bool:
    """Whether a date of the sentence may be the figure's: before it, or after it in its clause
    ("put at 190, which the government revised to 175 on Sunday": Sunday is the other's)."""
    return any(d.end <= fig.start or not tw.OTHER_CLAUSE.search(text, fig.end, d.start) for d in dates)


def campaign(text: str, start: int, at: int) -> bool:
    """Whether the clause of a figure at `at` is set before the vote ("Before the vote, ...")."""
    m = tw.BEFORE_VOTE.search(text, start, at)
    return m is not None and tw.NEXT_CLAUSE.search(text, m.end(), at) is None
