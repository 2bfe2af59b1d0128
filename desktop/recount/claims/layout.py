"""Layout of a report: headline, dateline, byline, lead; where the story starts and who tells it.

Read by the attribution passes (a headline's "says" is no claim; the lead dates the news;
the outlet citing its own tally is no source). Computed from the first lines only.
"""

from __future__ import annotations

import re

from recount.claims.document import Document
from recount.claims.retrie import fast, rx

# "OSTRELO, Tavrenia, March 17 (Continental Wire) - " at the start of the lead.
DATELINE = fast(
    r"[A-Z][A-Z.'/ -]{2,40}(?:,[^,\n]{1,40}){0,2}?(?:\s*\([^)\n]{1,60}\))?\s*[-\u2013\u2014]+\s+"
)


def headline_paragraphs(doc: Document) -> set[int]:
    """Paragraphs before the story starts that read as headlines (no final punctuation)."""
    out: set[int] = set()
    for i, (s, e) in enumerate(doc.paragraphs[:3]):
        line = doc.text[s:e]
        if len(line) < 160 and line[-1:] not in '.!?"”':
            out.add(i)
        else:
            break
    return out


def outlet_words(text: str) -> set[str]:
    m = rx(r"\(([A-Z][^)\n]{1,50})\)\s*[-–—]").search(text[:1500]) or rx(
        r"^By\s+[^,\n]+,\s*([^\n]{2,50})$", re.M
    ).search(text[:1500])
    if not m:
        return set()
    return {w for w in rx(r"[A-Z][\w'-]+").findall(m[1]) if w.lower() not in ("the",)}


LEAD_PARAGRAPHS = 3  # the lead and the two paragraphs after it


def lead_paragraphs(doc: Document) -> set[int]:
    heads = headline_paragraphs(doc)
    body = [i for i in range(len(doc.paragraphs)) if i not in heads]
    # A byline paragraph ("By Vera Simunek, The Herald") is not the story's lead.
    body = [i for i in body if not rx(r"By\s").match(doc.text[doc.paragraphs[i][0] : doc.paragraphs[i][1]])]
    return set(body[:LEAD_PARAGRAPHS])


def outlet_name(text: str) -> str | None:
    """The outlet named in the dateline ("OSTRELO, March 17 (Continental Wire) -")."""
    m = rx(r"\(([A-Z][^)\n]{1,50})\)\s*[-\u2013\u2014]").search(text[:1500])
    return m[1].strip() if m else None
