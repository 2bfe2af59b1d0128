"""The one home of the words a user reads about a claim or a flag (no Qt).

The window, every export, the CLI and the checker's explanations all word numbers,
intervals, dates, categories and flag types through these functions, so a figure reads
the same wherever it is shown. Two registers exist on purpose:

- compact (`interval`, `short_date`): tables, badges, CSV cells: "≥ 23", "17 Mar 2025";
- prose (`figure_in_prose`, `prose_date`): sentences: "at least 23", "17 March".
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

CURRENCY = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}

# What a category counts, as a reader says it (tables, filters, metric labels, explanations).
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

# A flag's type as its badge, heading, CSV cell and ClaimReview rating name it.
FLAG_LABELS = {
    "cumulative_decrease": "Running total fell",
    "conflict": "Conflicting figures",
    "revision": "Revised by its source",
    "attribution_conflict": "Credited to someone else",
    "quote_drift": "Quote reworded",
}

# What each type of flag means, for tooltips and the reports' legend.
FLAG_MEANINGS = {
    "cumulative_decrease": "A running total is lower than one reported earlier; totals only grow.",
    "conflict": "Two reports give figures for the same thing that cannot both be true.",
    "revision": "The same source changed its own figure between reports.",
    "attribution_conflict": "The same estimate is credited to different sources.",
    "quote_drift": "The same speaker's words are quoted differently.",
}


# --------------------------------------------------------------------------- numbers


def number(value: float | int | None) -> str:
    """2800 -> "2,800"; 38000000 -> "38 million"; 4.5e9 -> "4.5 billion"; 33.333 -> "33.33"."""
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


# "EUR100 million": a code may run into the digits
_MONEY = re.compile(r"([$€£¥])|\b(USD|EUR|GBP|dollars?|euros?|pounds?)(?:\b|(?=\d))", re.I)
_MONEY_UNITS = {"$": "USD", "dollar": "USD", "dollars": "USD", "usd": "USD", "€": "EUR", "eur": "EUR",
                "euro": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP", "¥": "JPY"}


def unit_of(claim: Any) -> str | None:
    """The figure's unit in capitals ("USD", "%"), read from the span for money without one.

    Reads by attribute with defaults, so a timeline observation (no unit) is worded too."""
    unit = getattr(claim, "unit", None)
    if unit:
        return unit.upper()
    if getattr(claim, "category", None) == "money":
        m = _MONEY.search(getattr(claim, "span", "") or "")
        if m:
            sym = (m.group(1) or m.group(2) or "").lower()
            return _MONEY_UNITS.get(sym, sym.upper())
    return None


def _with_unit(text: str, claim: Any) -> str:
    unit = unit_of(claim)
    if unit == "%" or (unit is None and getattr(claim, "category", None) == "percent"):
        return f"{text}%"
    if not unit:
        return text
    symbol = CURRENCY.get(unit)
    return f"{symbol}{text}" if symbol else f"{text} {getattr(claim, 'unit', None) or unit.lower()}"


def interval(claim: Any) -> str:
    """The interval the wording allows, compactly: "≥ 23", "> 30", "≈ 2,800", "< 900", "23–27"."""
    lo, hi = claim.lower, claim.upper

    def n(v: float | None) -> str:
        return _with_unit(number(v), claim)

    if claim.qualifier == "about" or (lo is None and hi is None):
        return f"≈ {n(claim.value)}"
    if lo is not None and hi is not None:
        return n(lo) if lo == hi else f"{n(lo)}–{n(hi)}"
    if lo is not None:
        return f"{'≥' if claim.lower_inclusive else '>'} {n(lo)}"
    return f"{'≤' if claim.upper_inclusive else '<'} {n(hi)}"


def figure_in_prose(claim: Any) -> str:
    """The figure as a journalist would repeat it: "at least 192", "about 12,000", "fewer than 40"."""
    v, lo, hi, q = claim.value, claim.lower, claim.upper, claim.qualifier

    def n(x: float | None) -> str:
        return _with_unit(number(x if x is not None else v), claim)

    if q == "range" and lo is not None and hi is not None:
        return f"between {n(lo)} and {n(hi)}"
    if q == "about":
        return f"nearly {n(hi)}" if lo is None and hi is not None else f"about {n(v)}"
    if q in ("at_least", "more_than") or (lo is not None and hi is None):
        more = not getattr(claim, "lower_inclusive", True) or q == "more_than"
        return f"{'more than' if more else 'at least'} {n(lo)}"
    if q in ("up_to", "fewer_than") or (hi is not None and lo is None):
        fewer = not getattr(claim, "upper_inclusive", True) or q == "fewer_than"
        return f"{'fewer than' if fewer else 'up to'} {n(hi)}"
    return n(v)


# --------------------------------------------------------------------------- dates


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def short_date(iso: str | None) -> str:
    """"2025-03-17" -> "17 Mar 2025"; anything unparsable is shown as given."""
    d = _day(iso)
    if d is None:
        return iso or ""
    return f"{d.day} {d:%b %Y}"


def prose_date(iso: str | None, with_year: bool = False) -> str:
    """"2025-04-14" -> "14 April" (or "14 April 2025"), for sentences."""
    if not iso:
        return "an unknown date"
    d = _day(iso)
    if d is None:
        return iso
    text = f"{d.day} {d.strftime('%B')}"
    return f"{text} {d.year}" if with_year else text


# --------------------------------------------------------------------------- claims


def is_numeric(claim: Any) -> bool:
    return getattr(claim, "kind", None) == "numeric"


def category_label(category: str | None) -> str:
    return CATEGORY_LABELS.get(category or "", category or "")


def when(claim: Any, full: bool = False) -> str:
    """When the figure holds: "since 3 Mar 2025", "on 11 Mar 2025", "as of …", a quote's date.

    `full` adds the day a running total is counted to ("since 3 Mar 2025, to 17 Mar 2025")."""
    if not is_numeric(claim):
        return short_date(getattr(claim, "date", None))
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


def what(claim: Any) -> str:
    """What is counted ("killed (civilians)"), or the verb of an attributed claim."""
    if not is_numeric(claim):
        return claim.verb or "said"
    label = category_label(claim.category)
    if claim.subject and claim.subject not in ("people",):
        return f"{label} ({claim.subject})"
    return label


def figure(claim: Any, full: bool = False) -> str:
    """The figure's interval, or the quote (cut to 60 characters for tables unless `full`)."""
    if is_numeric(claim):
        return interval(claim)
    quote = getattr(claim, "quote", None)
    if quote:
        q = quote if full or len(quote) <= 60 else quote[:57].rstrip() + "…"
        return f"“{q}”"
    return ""


def who(claim: Any) -> str:
    """The source of a figure, or the speaker (with role) of an attributed claim."""
    if not is_numeric(claim):
        if claim.speaker and claim.speaker_role:
            return f"{claim.speaker}, {claim.speaker_role}"
        return claim.speaker or ""
    return claim.source or ""


def where(claim: Any) -> str:
    return (claim.place or "") if is_numeric(claim) else ""


def kind_label(claim: Any) -> str:
    return "figure" if is_numeric(claim) else "attributed"


# --------------------------------------------------------------------------- flags


def flag_label(kind: str | None) -> str:
    """"cumulative_decrease" -> "Running total fell"."""
    if not kind:
        return "Discrepancy"
    return FLAG_LABELS.get(kind, kind.replace("_", " ").capitalize())


def flag_meaning(kind: str | None) -> str:
    return FLAG_MEANINGS.get(kind or "", "")


def flag_line(flag: Any) -> str:
    """"Running total fell: <the flag's explanation>" (tooltips, CSV, the CLI)."""
    return f"{flag_label(flag.type)}: {flag.explanation}"
