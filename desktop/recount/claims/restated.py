"""One figure said twice in a report: a headline restating the lead, a total repeated, a
figure broken down in brackets.

The numeric pass reads each mention on its own; here the mentions of one figure are made to
agree on what the report says once (what is counted, where, and on which day it held).
"""

from __future__ import annotations

import re

from recount.claims.document import Document
from recount.claims.model import NumericClaim
from recount.claims.retrie import fast

# words in a bracket that make its figures another figure, not parts ("up from 200", "previously 359")
_NOT_PARTS = fast(r"\b(?:from|previously|earlier|before|after|up|down|last|compared|against|versus|vs|"
                 r"than|of|in\s+\d{4})\b", re.IGNORECASE)
# between a figure and the bracket that breaks it down: at most a few words ("deaths (", "cases (")
_BEFORE_BRACKET = fast(r"(?:\s+[\w-]+){0,3}\s*\(")


def settle(claims: list[NumericClaim], headlines: set[int], doc: Document) -> None:
    """Every agreement of this module, in order: titles, brackets, then restated totals."""
    if headlines:
        headline_as_body(claims, headlines, doc)
    bracketed_parts(claims, doc.text)
    one_figure_one_day(claims, doc.published.isoformat())


def bracketed_parts(claims: list[NumericClaim], text: str) -> None:
    """"466 deaths (431 confirmed, 35 probable)": the parts in brackets count what the
    figure before them counts, where and when it does (sums in another currency are left alone)."""
    for i, c in enumerate(claims):
        if c.category == "money":
            continue
        opening = text.rfind("(", 0, c.start)
        closing = text.find(")", c.end)
        if opening < 0 or closing < 0 or text.rfind(")", opening, c.start) >= 0:
            continue  # not inside a bracket
        inside = [p for p in claims if opening < p.start and p.end <= closing]
        if len(inside) < 2 or _NOT_PARTS.search(text, opening, closing):
            continue  # "(up from 200 on Monday)", "(previously 359)": another figure, not parts
        whole = next((p for p in reversed(claims[:i]) if p.end <= opening), None)
        if whole is None or whole.category == "money" or whole.end < opening - 40:
            continue
        if _BEFORE_BRACKET.fullmatch(text, whole.end, opening + 1) is None:
            continue
        c.category, c.time = whole.category, whole.time
        c.place = whole.place or c.place
        c.source = whole.source or c.source


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
        head = next((ps for ps, pe in spans if ps <= claim.start < pe), None)
        if head is None:
            continue
        later = [c for c in claims if c is not claim and c.category == claim.category and c.start > claim.end]
        body = next((c for c in later if c.value == claim.value), None)
        same = body is not None
        if body is None and (claim.lower, claim.upper) != (claim.value, claim.value):
            body = next((c for c in later if c.time.scope == claim.time.scope), None)
            body = body if body is not None and _within(body, claim) else None
        if body is None:
            continue
        # a rounded title that names its own place keeps it ("... in southern Varnia after
        # killing nearly 2,000" over the body's "1,490 in Orsk": the body gives a part)
        named = r"\b(?:in|across|near)\s+(?:the\s+)?" + re.escape(claim.place or "")
        own = bool(claim.place) and re.search(named, doc.text[head:claim.start]) is not None
        if same and not own:  # the title's place was a guess: the body's figure says (even "nowhere said")
            claim.place = body.place
        elif not own:
            claim.place = body.place or claim.place
        # "Four killed, 15 injured in festival shooting" over "... opened fire Sunday, injuring 15"
        # "Ministry reports 5 new deaths" over "... five deaths over two days"
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
