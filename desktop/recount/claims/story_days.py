"""The days a whole report turns on: when its event began (the start of its running totals)
and the day of the vote it is about. Read once per document by claims/timing.py, which dates
each figure against them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from recount.claims import time_words as tw
from recount.claims.dates import DateRef, days_before
from recount.claims.document import Document
from recount.claims.retrie import fast, rx

# "the fire, which took 400 firefighters to bring under control on Monday night": a day in a
# clause about the disaster itself is the disaster's
_EVENT_CLAUSE = fast(
    r"\bthe\s+(?:[\w-]+\s+){0,2}?(?:fire|blaze|wildfire|quake|earthquake|storm|flood|floods|flooding|"
    r"attack|attacks|blast|bombing|bombings|explosion|crash|collapse|eruption|landslide|shooting|"
    r"cyclone|hurricane|typhoon|tsunami),?\s+(?:which|that)\b[^.;]{0,140}$", re.IGNORECASE)

IsSaid = Callable[[DateRef, int], bool]
SaidDate = Callable[[int], "date | None"]


def story_start(doc: Document, dates_by_sentence: list[list[DateRef]], is_said: IsSaid,
                said_date: SaidDate) -> date | None:
    """When the story's running totals start: a 'since' date or an event's date, if recent."""
    text, pub = doc.text, doc.published
    best: date | None = None
    for s, dates in zip(doc.sentences, dates_by_sentence, strict=True):
        for d in dates:
            if d.kind not in ("day",) or d.first is None:
                continue
            if not (days_before(pub, tw.STORY_WINDOW) <= d.first <= pub):
                continue
            before = text[max(s.start, d.start - 260) : d.start]
            after = text[d.end : d.end + 40]
            is_since = bool(rx(r"\bsince\b[^.;,]{0,70}$", re.IGNORECASE).search(before[-90:]))
            # "since X launched its offensive, the agency said on Tuesday": the verb's event is
            # not on the day the words were said
            onset = tw.EVENT.search(before)
            if onset is not None and tw.OWN_TIME.search(before, onset.start()):
                onset = None  # "a storm that hit two days earlier kept climbing on Tuesday"
            while onset is not None and tw.RESPONSE_ONSET.match(before, onset.start()):
                # "started a massive cleanup on Sunday": the response, not the event (but
                # "launched a probe into the fire, which broke out on Monday" has one)
                onset = tw.EVENT.search(before, onset.start() + 1)
            told = is_said(d, s.start)
            is_event = ((onset is not None and not told)
                        or bool(tw.EVENT_POSSESSIVE.match(after))
                        or bool(tw.WHEN_EVENT.match(text, d.end, min(s.end, d.end + 160)))
                        or (not told and _EVENT_CLAUSE.search(before[-160:]) is not None))
            if (is_since or is_event) and (best is None or d.first < best):
                best = d.first
    if best is None:
        best = _event_by_interval(doc, said_date)
    return best


def polling_day(doc: Document, dates_by_sentence: list[list[DateRef]]) -> date | None:
    """The day of the vote the report is about ("Saturday's presidential election", "the
    election held on February 23"), if it names one."""
    text = doc.text
    for s, dates in zip(doc.sentences, dates_by_sentence, strict=True):
        for d in dates:
            if d.kind != "day" or d.first is None or d.first > doc.published:
                continue
            after = tw.ELECTION_AFTER.match(text, d.end, min(len(text), d.end + 40))
            if after or tw.ELECTION_BEFORE.search(text[max(s.start, d.start - 70) : d.start]):
                return d.first
    return None


def _event_by_interval(doc: Document, said_date: SaidDate) -> date | None:
    """"a week after the storm hit", "three days after the quake struck": counted back
    from the day the sentence speaks of (its said-date, else publication)."""
    text = doc.text
    for si, s in enumerate(doc.sentences):
        m = tw.INTERVAL_AFTER.search(text, s.start, s.end)
        if m is None:
            continue
        raw = m.group("n").lower()
        n = int(raw) if raw.isdigit() else tw.SMALL_NUMBERS.get(raw, 1)
        unit = m.group("unit").lower()
        days = n * (14 if unit.startswith("fortnight") else 7 if unit.startswith("week") else 1)
        anchor = said_date(si) or doc.published
        return days_before(anchor, timedelta(days=days))
    return None
