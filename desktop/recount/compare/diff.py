"""Word-level difference of two quotes, for showing how a quote drifted between reports."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\S+")
_CURLY = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def _key(word: str) -> str:
    """Compare words without case or surrounding punctuation: "Queues." equals "queues"."""
    return re.sub(r"^\W+|\W+$", "", word.translate(_CURLY).casefold())


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """(op, text) runs turning quote `a` into quote `b`; op is "equal", "delete" or "insert".

    A replaced run is given as a delete then an insert, so a view only needs three styles.
    Words keep their original spelling and punctuation; runs are joined with single spaces.
    """
    wa, wb = _TOKEN.findall(a or ""), _TOKEN.findall(b or "")
    matcher = SequenceMatcher(a=[_key(w) for w in wa], b=[_key(w) for w in wb], autojunk=False)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(("equal", " ".join(wb[j1:j2])))
            continue
        if i2 > i1:
            out.append(("delete", " ".join(wa[i1:i2])))
        if j2 > j1:
            out.append(("insert", " ".join(wb[j1:j2])))
    return out


def format_diff(ops: list[tuple[str, str]]) -> str:
    """Plain-text rendering: [-removed-] {+added+}, as `git diff --word-diff` does."""
    parts = []
    for op, text in ops:
        parts.append(text if op == "equal" else f"[-{text}-]" if op == "delete" else f"{{+{text}+}}")
    return " ".join(parts)
