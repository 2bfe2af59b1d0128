"""Dates written together: "between March 2 and April 2" (one period) and "on 7 and 11
February" (two days sharing a month). dates.find_dates asks these after it resolves each date."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from recount.claims.retrie import fast

if TYPE_CHECKING:
    from recount.claims.dates import DateRef

# "on 7 and 11 February", "February 7 and 11": the other day shares the month
_DAY_AND_BEFORE = fast(r"\b(\d{1,2})\s+(?:and|or|&)\s+$")
_AND_DAY_AFTER = fast(r"\s+(?:and|or|&)\s+(\d{1,2})\b(?![,.]?\d)")


def paired_day(text: str, ref: DateRef) -> DateRef | None:
    written = text[ref.start:ref.end]
    assert ref.first is not None
    m = _DAY_AND_BEFORE.search(text, max(0, ref.start - 12), ref.start) if written[:1].isdigit() else None
    if m is None and written[-1:].isdigit():
        m = _AND_DAY_AFTER.match(text, ref.end)
    if m is None:
        return None
    at = (m.start(1), m.end(1))
    try:
        day = ref.first.replace(day=int(text[at[0]:at[1]]))
    except ValueError:
        return None
    return replace(ref, start=at[0], end=at[1], first=day, last=day)


_SPAN_GAP = fast(r"\s*(?:and|to|until|till|through|-|\u2013)\s*")
_SPAN_LEAD = fast(r"\b(?:between|from)\s+$", re.IGNORECASE)


def spans(text: str, refs: list[DateRef]) -> list[DateRef]:
    """ "between March 2 and April 2", "from May 1 to May 9": one period, not two days."""
    out: list[DateRef] = []
    i = 0
    while i < len(refs):
        a = refs[i]
        b = refs[i + 1] if i + 1 < len(refs) else None
        if (b is not None and a.kind == b.kind == "day" and a.first and b.last and a.first < b.last
                and _SPAN_GAP.fullmatch(text, a.end, b.start)
                and _SPAN_LEAD.search(text, max(0, a.start - 9), a.start)):
            out.append(replace(a, end=b.end, last=b.last, kind="period"))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


