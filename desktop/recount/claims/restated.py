"""One figure said twice in a report: a headline restating the lead, a total repeated.

The numeric pass reads each mention on its own; here the mentions of one figure are made to
agree on what the report says once (where, and on which day it held).
"""

from __future__ import annotations

from recount.claims.document import Document
from recount.claims.model import NumericClaim


def _within(c: NumericClaim, title: NumericClaim) -> bool:
    return (title.lower is None or c.value >= title.lower) and (title.upper is None or c.value <= title.upper)


def headline_as_body(claims: list[NumericClaim], headlines: set[int], doc: Document) -> None:
    """A title restates its report's figure: it takes the place the body gives the same
    figure ("Death toll rises to 147" ... "the toll rose to 147 in the capital"), and the day
    it held when the body dates it. A rounded title ("Toll exceeds 200") restates the body's
    first figure of that tally its words allow ("at least 205 killed, the agency said Tuesday")."""
    spans = [doc.paragraphs[i] for i in sorted(headlines)]
    published = doc.published.isoformat()
    for claim in claims:
        if not any(ps <= claim.start < pe for ps, pe in spans):
            continue
        later = [c for c in claims if c is not claim and c.category == claim.category and c.start > claim.end]
        body = next((c for c in later if c.value == claim.value), None)
        same = body is not None
        if body is None and (claim.lower, claim.upper) != (claim.value, claim.value):
            body = next((c for c in later if c.time.scope == claim.time.scope), None)
            body = body if body is not None and _within(body, claim) else None
        if body is None:
            continue
        claim.place = body.place or claim.place
        # "Four killed, 15 injured in festival shooting" over "... opened fire Sunday, injuring 15"
        # "Ministry reports 7 new deaths" over "... seven deaths in the last two days"
        undated = claim.time.end == published
        if (same and (claim.time.start is None or undated)) or (
                undated and body.time.end != published and body.time.scope == "cumulative"):
            claim.time = body.time


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
