"""When the words were said: the date of each attributed claim, from the day next to the cue,
the speaker's earlier dated words, or the lead's news day. Days are resolved by the engine's
one resolver (dates.resolve_day).
"""

from __future__ import annotations

from datetime import date

from recount.claims.cue_context import ON_DATE, Cue
from recount.claims.cues import REPORT_NOUNS
from recount.claims.dates import resolve_day
from recount.claims.document import Document
from recount.claims.layout import lead_paragraphs, outlet_words
from recount.claims.retrie import fast, rx


def resolve_dates(doc: Document, cues: list[Cue]) -> None:
    """Explicit days first; else the speaker's earlier dated words; else the lead's news day.

    A speaker's later words in the same report are read as the same statement (the corpus
    does so). Attributions in the opening paragraphs, and interviews given to the outlet
    itself ("told the Courier"), are the day's news when the lead dates its news to the
    publication day ("said on Friday", "rose to 347 on Friday, the agency said"); when the
    lead's news is older or undated, they stay undated.
    """
    last: dict[str, str] = {}
    lead = lead_paragraphs(doc)
    outlet = outlet_words(doc.text)
    story_day: str | None = None
    first_lead = min(lead) if lead else -1
    seen_lead = False
    for c in cues:
        when = _said_on(c.date, doc.published) if c.date else None
        key = c.speaker.name.lower() if c.speaker else ""
        if not seen_lead and c.sentence.paragraph == first_lead and c.verb != "according to":
            seen_lead = True
            story_day = when.isoformat() if when else _news_day(doc, c)
        if when is not None:
            c.date = when.isoformat()
        elif c.verb == "according to":
            c.date = None  # a source of figures, not words said on a day
        elif key in last:
            c.date = last[key]
        elif _ON_THE_SPOT.search(doc.text, c.span_start, c.span_end):
            c.date = doc.published.isoformat()  # "X, visiting a camp, said": reported on the day
        elif c.sentence.paragraph in lead or _told_outlet(doc.text, c, outlet):
            c.date = story_day
        else:
            c.date = None
        if c.date and key and not c.passive:
            last[key] = c.date
    # "a corrected report by the ministry" (undated), later "the ministry released a statement
    # on Friday": a body's published report is its one dated statement of the article
    days: dict[str, set[str]] = {}
    for c in cues:
        if c.date and c.speaker:
            days.setdefault(c.speaker.name.lower(), set()).add(c.date)
    for c in cues:
        known = days.get(c.speaker.name.lower(), set()) if c.speaker else set()
        if c.date is None and c.verb in REPORT_NOUNS and len(known) == 1:
            c.date = next(iter(known))


def _said_on(phrase: str, published: date) -> date | None:
    """The day of `phrase`; words are never said after the report, so a day that resolves
    after publication ("said on Dec. 24" in an October report) is last year's."""
    day = resolve_day(phrase, published)
    if day is not None and day > published:
        try:
            return day.replace(year=day.year - 1)
        except ValueError:  # February 29
            return None
    return day


def _news_day(doc: Document, cue: Cue) -> str | None:
    """The publication day when the lead sentence dates its news to it, else None."""
    published = doc.published.isoformat()
    for m in ON_DATE.finditer(doc.text, cue.sentence.start, cue.sentence.end):
        day = resolve_day(m["when"], doc.published)
        if day is not None and day.isoformat() == published:
            return published
    return None


_ON_THE_SPOT = fast(r",\s+(?:speaking|visiting|touring|addressing)\b(?!\s+on\s+condition)")


def _told_outlet(text: str, cue: Cue, outlet: set[str]) -> bool:
    if cue.verb != "told" or not outlet:
        return False
    after = text[cue.verb_end : cue.verb_end + 40]
    m = rx(r"\s+(?:the\s+)?((?:[A-Z][\w'-]+\s*){1,3})").match(after)
    return bool(m and set(m[1].split()) & outlet)
