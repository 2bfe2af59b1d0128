"""Plain-Python rows of a check for the window, and Qt's UTF-16 offsets.

No Qt here. The words themselves (intervals, dates, labels) live in recount.wording; which
flags belong to which claim in recount.checked.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from recount.checked import Checked
from recount.claims.model import Claim


@dataclass
class ClaimRow:
    """One row of the claims table: the claim, what it matched and what was flagged."""

    index: int
    claim: Claim
    matches: list[Any] = field(default_factory=list)
    flags: list[Any] = field(default_factory=list)
    review: str | None = None  # "confirmed" | "rejected" | "corrected"
    claim_id: int | None = None  # library id, when the article is stored


def rows_for(checked: Checked) -> list[ClaimRow]:
    """Rows of a check: each claim with its matches, its flags (`Checked.flags`, the one rule
    every view and export reads), the user's review and its library id."""
    flags = checked.flags()
    matches: dict[int, list[Any]] = getattr(checked.result, "matches", None) or {}
    rows: list[ClaimRow] = []
    for i, claim in enumerate(checked.result.claims):
        key = (claim.start, claim.end)
        rows.append(ClaimRow(i, claim, list(matches.get(i, [])), list(flags.get(i, [])),
                             checked.reviews.get(key), checked.claim_ids.get(key)))
    return rows


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
