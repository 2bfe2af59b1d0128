"""Which figure of a sentence a time phrase belongs to: relations read after the dates are found.

"2,000 killed in 1987 and 300 in 1999", "down from 67% in 2019", "X, who took power in 2012,
won 71%": a date in the sentence of a figure is often another figure's, an aside's or the base
of a comparison. TimeReader (timing.py) asks these questions of each date it considers.
"""

from __future__ import annotations

from recount.claims import time_words as tw
from recount.claims.dates import DateRef
from recount.claims.figures import Figure
from recount.claims.retrie import rx

# "89 major and 63 minor", "killed 75 people and injured 310 others": one clause's figures
_COORDINATED = rx(r"\d[\d,.]*(?:\s+[a-z-]+)?,?\s+(?:and|or)(?:\s+(?:[a-z]+ed|left|hurt))?\s+$")
_COMPARED_LEAD = rx(r"\b(?:compared\s+(?:to|with)|against|versus)\s+$")
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
