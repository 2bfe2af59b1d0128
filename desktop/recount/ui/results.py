"""Plain-Python views of a check result for the window: labels, intervals, flags per claim.

No Qt here, so the wording the user reads is tested without a QApplication.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from recount.claims.model import AttributedClaim, Claim, NumericClaim

CURRENCY = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}

CATEGORY_LABELS = {
    "killed": "killed",
    "wounded": "wounded",
    "displaced": "displaced",
    "missing": "missing",
    "arrested": "arrested",
    "evacuated": "evacuated",
    "injured_or_killed": "killed or injured",
    "troops": "troops",
    "money": "money",
    "percent": "percentage",
    "count": "other count",
}

FLAG_LABELS = {
    "cumulative_decrease": "Running total fell",
    "conflict": "Conflicting figures",
    "revision": "Revised by its source",
    "attribution_conflict": "Credited to someone else",
    "quote_drift": "Quote reworded",
}


def number(value: float | int | None) -> str:
    """2800 -> "2,800"; 38000000 -> "38 million"; 4.5e9 -> "4.5 billion"."""
    if value is None:
        return "?"
    v = float(value)
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(v) >= size:
            scaled = v / size
            if round(scaled, 2) == scaled:
                return f"{scaled:g} {word}"
    if v.is_integer():
        return f"{int(v):,}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def _with_unit(text: str, claim: NumericClaim) -> str:
    unit = claim.unit
    if not unit:
        return text
    if unit == "%":
        return f"{text}%"
    symbol = CURRENCY.get(unit.upper())
    return f"{symbol}{text}" if symbol else f"{text} {unit}"


def interval(claim: NumericClaim) -> str:
    """The interval the wording allows: "≥ 23", "> 30", "≈ 2,800", "< 900", "23–27", "174"."""
    lo, hi = claim.lower, claim.upper

    def n(v: float | None) -> str:
        return _with_unit(number(v), claim)

    if claim.qualifier == "about" or (lo is None and hi is None):
        return f"≈ {n(claim.value)}"
    if lo is not None and hi is not None:
        if lo == hi:
            return n(lo)
        return f"{n(lo)}–{n(hi)}"
    if lo is not None:
        return f"{'≥' if claim.lower_inclusive else '>'} {n(lo)}"
    return f"{'≤' if claim.upper_inclusive else '<'} {n(hi)}"


def short_date(iso: str | None) -> str:
    """"2025-03-17" -> "17 Mar 2025"; anything unparsable is shown as given."""
    if not iso:
        return ""
    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {d:%b %Y}"


def when(claim: Claim, full: bool = False) -> str:
    """When the figure holds. The table shows a running total by its start ("since 3 Mar 2025");
    `full` adds the day it is counted to, for the comparison pane."""
    if isinstance(claim, AttributedClaim):
        return short_date(claim.date)
    t = claim.time
    if t.scope == "cumulative":
        since = f"since {short_date(t.start)}" if t.start else "running total"
        return f"{since}, to {short_date(t.end)}" if t.end and full else since
    if t.scope == "day":
        return f"on {short_date(t.end or t.start)}"
    if t.scope == "period":
        return f"{short_date(t.start)} – {short_date(t.end)}".strip(" –")
    if t.scope == "point":
        return f"as of {short_date(t.end or t.start)}" if (t.end or t.start) else "at a moment"
    return short_date(t.end or t.start)


def what(claim: Claim) -> str:
    if isinstance(claim, AttributedClaim):
        return claim.verb or "said"
    label = CATEGORY_LABELS.get(claim.category, claim.category)
    if claim.subject and claim.subject not in ("people",):
        return f"{label} ({claim.subject})"
    return label


def figure(claim: Claim, full: bool = False) -> str:
    """The figure's interval, or the quote (cut to 60 characters for the table unless `full`)."""
    if isinstance(claim, NumericClaim):
        return interval(claim)
    if claim.quote:
        q = claim.quote if full or len(claim.quote) <= 60 else claim.quote[:57].rstrip() + "…"
        return f"“{q}”"
    return ""


def who(claim: Claim) -> str:
    if isinstance(claim, AttributedClaim):
        if claim.speaker and claim.speaker_role:
            return f"{claim.speaker}, {claim.speaker_role}"
        return claim.speaker or ""
    return claim.source or ""


def where(claim: Claim) -> str:
    return claim.place or "" if isinstance(claim, NumericClaim) else ""


def kind_label(claim: Claim) -> str:
    return "figure" if isinstance(claim, NumericClaim) else "attributed"


@dataclass
class ClaimRow:
    """One row of the claims table: the claim, what it matched and what was flagged."""

    index: int
    claim: Claim
    matches: list[Any] = field(default_factory=list)
    flags: list[Any] = field(default_factory=list)
    review: str | None = None  # "confirmed" | "rejected" | "corrected"
    claim_id: int | None = None  # library id, when the article is stored


def rows_for(result: Any, reviews: dict[tuple[int, int], str] | None = None) -> list[ClaimRow]:
    """Rows from a CheckResult: each claim with its matches and the flags that point at it.

    A flag belongs to a claim of this article when the match carries it, or when one end of
    the flag is this article's span (claim_id None: the article being checked is not stored).
    """
    reviews = reviews or {}
    matches: dict[int, list[Any]] = getattr(result, "matches", None) or {}
    by_span: dict[tuple[int, int], list[Any]] = {}
    for d in getattr(result, "flags", None) or []:
        for end in {(e.start, e.end) for e in (d.a, d.b) if getattr(e, "claim_id", None) is None}:
            by_span.setdefault(end, []).append(d)
    rows: list[ClaimRow] = []
    for i, claim in enumerate(result.claims):
        found = list(matches.get(i, []))
        flags: list[Any] = []
        keys: set[str] = set()
        for d in [getattr(m, "discrepancy", None) for m in found] + by_span.get((claim.start, claim.end), []):
            if d is not None and d.key not in keys:
                keys.add(d.key)
                flags.append(d)
        review = reviews.get((claim.start, claim.end))
        if review == "rejected":  # the user said this is not a claim: nothing to flag
            flags = []
        rows.append(ClaimRow(i, claim, found, flags, review))
    return rows


def flag_label(kind: str) -> str:
    return FLAG_LABELS.get(kind, kind.replace("_", " ").capitalize())


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def utf16_offsets(text: str) -> list[int] | None:
    """Qt counts UTF-16 units, Python code points: they differ after each character outside
    the BMP (emoji and the like). The positions of those characters, or None when there are none."""
    found = [m.start() for m in _ASTRAL.finditer(text)]
    return found or None


def to_qt(astral: list[int] | None, index: int) -> int:
    """Python index -> Qt position: one extra unit for every astral character before it."""
    if not astral:
        return index
    return index + bisect_left(astral, index)


def from_qt(astral: list[int] | None, position: int) -> int:
    """Qt position -> Python index (a position inside a surrogate pair maps to its character)."""
    if not astral:
        return position
    index = position
    for k, at in enumerate(astral):  # astral characters are rare: a short walk
        if at + k < position:
            index -= 1
        else:
            break
    return max(0, index)
