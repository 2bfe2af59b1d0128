"""Every place of a text where one of a document's own names stands, found once per document.

The place pass asks, for each figure, which of the names the article uses as places stand in
the figure's sentence. A regex alternation of those names had to be compiled for every
document (a tenth of the place pass); `str.find` over a copy of the text whose separators are
all spaces finds the same hits in C, and each figure then reads its slice by bisection.
The hits are those `\\b(name|…)\\b(?!-[A-Z])` gives, longest name first: a space in a name
stands for any space or a hyphen in the text ("Saint Aubin" is also "Saint-Aubin"), and a
name followed by "-Capital" is part of another name ("Velmora-Info" is an outlet).
"""

from __future__ import annotations

import sys

from recount.claims.retrie import fast

_SEPARATORS = {c: " " for c in range(min(sys.maxunicode, 0x3000) + 1) if chr(c).isspace() or c == ord("-")}
# the same characters (`\s` is `str.isspace`), for text that is not ASCII: there `str.translate`
# looks every character up in the dict (about 60 ns each, 0.1 ms for a report with curly quotes)
_SEPARATOR_RE = fast(r"[\s-]")


def _flatten(text: str) -> str:
    """`text.translate(_SEPARATORS)`: C's fast path for ASCII text, else one regex substitution."""
    return text.translate(_SEPARATORS) if text.isascii() else _SEPARATOR_RE.sub(" ", text)


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"


def _boundary(text: str, at: int) -> bool:
    before = at > 0 and _is_word(text[at - 1])
    after = at < len(text) and _is_word(text[at])
    return before != after


def _fits(text: str, at: int, name: str) -> bool:
    """text[at:] spells `name`, a space of the name standing for a space or hyphen."""
    for i, c in enumerate(name):
        t = text[at + i]
        if c == " " and (t.isspace() or t == "-"):
            continue
        if t != c:
            return False
    return True


def name_hits(text: str, names: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, spelling in the text) of each name, left to right, never overlapping."""
    if not names:
        return []
    flat = _flatten(text)
    found: list[tuple[int, int, str]] = []
    for name in set(names):
        key = name.translate(_SEPARATORS)
        at = flat.find(key)
        while at >= 0:
            end = at + len(name)
            if (_boundary(text, at) and _boundary(text, end) and _fits(text, at, name)
                    and not (text[end : end + 1] == "-" and "A" <= text[end + 1 : end + 2] <= "Z")):
                found.append((at, end, text[at:end]))
            at = flat.find(key, at + 1)
    found.sort(key=lambda h: (h[0], h[0] - h[1]))
    out: list[tuple[int, int, str]] = []
    last = -1
    for hit in found:
        if hit[0] >= last:
            out.append(hit)
            last = hit[1]
    return out
