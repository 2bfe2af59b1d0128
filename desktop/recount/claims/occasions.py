"""The one occasion a report's words were spoken at.

A report about a news conference dates it once ("the minister held a news conference on
Thursday") and then quotes it for paragraphs ("he said"): the figures in those words were
given that day, not on the day the report came out. Only a pronoun's words are read this way
(a named speaker may be someone new), and only in a report whose every dated statement so far
names one day; a second day said means the words may be of either. (Attributed claims keep
their own rule, claims/attribution_dates.py: a speaker's later words take the speaker's day.)
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from recount.claims.cues import REPORTING_VERBS
from recount.claims.dates import DateRef, find_dates
from recount.claims.document import Document
from recount.claims.retrie import fast, trie

# an occasion of words named with its day: "gave a hastily called news briefing on Friday"
_OCCASION = fast(r"\b(?:held|gave|hosted|called|convened|at|during|in)\s+(?:a|an|the|his|her|their|its)\s+"
                 r"(?:[\w-]+\s+){0,3}?(?:(?:press|news)\s+(?:conference|briefing)|briefing|speech|address|"
                 r"interview|statement)\b", re.IGNORECASE)


# a pronoun's words: "He said", "said he", "she added"
_PRONOUN_CUE = fast(r"\b(?:[Hh]e|[Ss]he)\s+(?:also\s+)?(?:said|added|told|noted|explained|stressed|"
                    r"insisted)\b|\bsaid\s+(?:he|she)\b")


@cache
def _said_on() -> re.Pattern[str]:
    """A reporting verb right before its day: "said Thursday", "told reporters late on Monday"
    (not "said they heard blasts Sunday night": that day is the blasts')."""
    return fast(r"\b(?:" + trie(REPORTING_VERBS) + r")\s+(?:(?:reporters|journalists|lawmakers|parliament)"
                r"\s+)?(?:(?:late|early)\s+)?(?:on\s+)?$", re.IGNORECASE)


class Occasions:
    """The statements a report dates, in reading order (computed on first use): each one's
    sentence and day."""

    def __init__(self, doc: Document, dates_by_sentence: list[list[DateRef]]) -> None:
        self.doc = doc
        self.dates_by_sentence = dates_by_sentence
        self._days: list[tuple[int, date]] | None = None

    def _dated(self) -> list[tuple[int, date]]:
        if self._days is None:
            text, out = self.doc.text, []
            for i, s in enumerate(self.doc.sentences):
                occasion = _OCCASION.search(text, s.start, s.end)
                for d in self.dates_by_sentence[i]:
                    if d.kind == "day" and d.first and (
                            occasion or _said_on().search(text, max(s.start, d.start - 60), d.start)):
                        out.append((i, d.first))
                        break
            self._days = out
        return self._days

    def day_of(self, si: int) -> date | None:
        """The one day the report's statements before sentence `si` were made, when `si` gives
        a pronoun's words ("he said") and no other day was said before it."""
        s = self.doc.sentences[si]
        if not _PRONOUN_CUE.search(self.doc.text, s.start, s.end):
            return None
        days = {day for i, day in self._dated() if i < si}
        return days.pop() if len(days) == 1 else None


def occasions_of(doc: Document, dates_by_sentence: list[list[DateRef]] | None = None) -> Occasions:
    """The report's occasions, built once and kept on the document (from the dates the numeric
    pass has found, else found here)."""
    found = doc.memo.get("occasions")
    if not isinstance(found, Occasions):
        dates = dates_by_sentence or [find_dates(doc.text, doc.published, s.start, s.end)
                                      for s in doc.sentences]
        found = doc.memo["occasions"] = Occasions(doc, dates)
    return found
