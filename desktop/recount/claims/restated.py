"""One figure said twice in a report: a headline restating the lead, a total repeated.

The numeric pass reads each mention on its own; here the mentions of one figure are made to
agree on what the report says once (where, and on which day it held).
"""

from __future__ import annotations

from recount.claims.document import Document
from recount.claims.model import NumericClaim


def headline_as_body(claims: list[NumericClaim], headlines: set[int], doc: Document) -> None:
    """A title restates its report's figure: it takes the place the body gives the same
    figure ("Death toll rises to 147" ... "the toll rose to 147 in the capital")."""
    spans = [doc.paragraphs[i] for i in sorted(headlines)]
    for claim in claims:
        if not any(ps <= claim.start < pe for ps, pe in spans):
            continue
        body = next((c for c in claims if c is not claim and c.value == claim.value
                     and c.category == claim.category and c.start > claim.end), None)
        if body is not None:
            claim.place = body.place or claim.place


def one_figure_one_day(claims: list[NumericClaim], published: str) -> None:
    """The same running total restated in one report is one figure: where one mention says
    when it held ("345 killed ... by 28 April"), the mentions left at publication day take it."""
    dated: dict[tuple[float, str], NumericClaim] = {}
    for c in claims:
        if c.time.scope == "cumulative" and c.time.end not in (None, published):
            dated.setdefault((c.value, c.category), c)
    for c in claims:
        src = dated.get((c.value, c.category))
        if src is not None and c.time.scope == "cumulative" and c.time.end == published:
            c.time = src.time
