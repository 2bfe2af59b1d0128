"""Social-media posts embedded in a report, and the day each was posted.

Online copy quotes a post and then its signature line ("— Relief Agency (@handle) March 12,
2024"); the figures in the post, and the report's "confirmed via Twitter", hold as of that day,
which is often the day before publication.
"""

from __future__ import annotations

from datetime import date

from recount.claims import time_words as tw
from recount.claims.dates import DateRef
from recount.claims.document import Document


def post_days(doc: Document, dates_by_sentence: list[list[DateRef]]) -> dict[int, date]:
    """Paragraph index -> day posted, for each signature line and the post's own line before it."""
    days: dict[int, date] = {}
    for s, dates in zip(doc.sentences, dates_by_sentence, strict=True):
        if not dates or dates[-1].first is None or dates[-1].first > doc.published:
            continue
        start, end = doc.paragraphs[s.paragraph]
        if tw.POST_SIGNATURE.match(doc.text, start, end):
            days[s.paragraph] = dates[-1].first
            if s.paragraph > 0:
                days[s.paragraph - 1] = dates[-1].first
    return days

