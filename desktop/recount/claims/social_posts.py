"""Signature lines, and the day an embedded social-media post was posted.

Online copy quotes a post and then its signature line ("— Relief Agency (@handle) March 12,
2024"); the figures in the post, and the report's "confirmed via Twitter", hold as of that day,
which is often the day before publication.
"""

from __future__ import annotations

from datetime import date

from recount.claims.dates import DateRef
from recount.claims.document import Document
from recount.claims.retrie import fast

# A line that signs what stands above it: "-Lena Ostrova, chair, Kell Heritage Trust" under a pull
# quote, "— Relief Agency (@ReliefVesk) March 12, 2024" under an embedded post (handle, then day).
SIGNATURE = fast(
    r"(?P<dash>[\u2014\u2013-]{1,2})\s*(?P<name>[A-Z][^,()\n]{1,80}?)\s*"
    r"(?P<more>(?:,\s*[^,()\n]{1,60}?){0,2})\s*(?P<handle>\(@\w{1,30}\))?"
    r"(?=\s*(?:,|$|(?P<day>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})\s*$))"
)



def post_days(doc: Document, dates_by_sentence: list[list[DateRef]]) -> dict[int, date]:
    """Paragraph index -> day posted, for each signature line and the post's own line before it."""
    days: dict[int, date] = {}
    for s, dates in zip(doc.sentences, dates_by_sentence, strict=True):
        if not dates or dates[-1].first is None or dates[-1].first > doc.published:
            continue
        start, end = doc.paragraphs[s.paragraph]
        m = SIGNATURE.match(doc.text, start, end)
        if m and m["handle"] and m["day"]:
            days[s.paragraph] = dates[-1].first
            if s.paragraph > 0:
                days[s.paragraph - 1] = dates[-1].first
    return days

