"""Direct quotations: where the quoted words are, found in one linear pass per paragraph.

News style: straight or curly double quotes; a quote may run over several sentences; a
quote that runs over paragraphs leaves its closing mark off at the paragraph end and
reopens the next paragraph. So a quote never crosses a paragraph boundary here, and an
unclosed quote ends with its paragraph: it can never swallow the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from recount.claims.retrie import fast

if TYPE_CHECKING:
    from recount.claims.document import Document

OPEN_CURLY = "\u201c"
CLOSE_CURLY = "\u201d"
STRAIGHT = '"'
QUOTE_MARKS = frozenset((OPEN_CURLY, CLOSE_CURLY, STRAIGHT, "\u201e", "\u00ab", "\u00bb"))
_TRIM = " \t\n,.;:"
_MARK = fast('["\u201c\u201d\u201e\u00ab\u00bb]')
_CLOSERS = frozenset((STRAIGHT, CLOSE_CURLY, "\u00bb"))


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted stretch: `start`/`end` include the marks, `inner_*` index the words."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    paragraph: int
    closed: bool

    def words(self, text: str) -> str:
        """The quoted words without the punctuation news style puts inside the closing mark."""
        return text[self.inner_start : self.inner_end].strip(_TRIM)


def quotes_of(doc: Document) -> list[Quote]:
    """`find_quotes` for a document, computed once and shared (numeric and attributed claims)."""
    found = doc.memo.get("quotes")
    if found is None:
        found = doc.memo["quotes"] = find_quotes(doc.text, doc.paragraphs)
    return found  # type: ignore[return-value]


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Every double-quoted stretch of `text`, paragraph by paragraph, in order."""
    out: list[Quote] = []
    for index, (pstart, pend) in enumerate(paragraphs):
        open_at = -1
        for m in _MARK.finditer(text, pstart, pend):
            at, ch = m.start(), m.group()
            if open_at < 0:
                if ch not in _CLOSERS or ch == STRAIGHT or _looks_opening(text, at, pstart):
                    open_at = at
            elif ch in _CLOSERS:
                if at > open_at + 1:
                    out.append(Quote(open_at, at + 1, open_at + 1, at, index, True))
                open_at = -1
            else:  # a second opening mark: the first one was never closed
                if at - open_at > 1:
                    out.append(Quote(open_at, at, open_at + 1, at, index, False))
                open_at = at
        if open_at >= 0 and pend - open_at > 1:
            out.append(Quote(open_at, pend, open_at + 1, pend, index, False))
        if text.find("\u2018", pstart, pend) >= 0:
            _single_quotes(text, pstart, pend, index, out)
        if text.find(" '", pstart, pend) >= 0 or text.startswith("'", pstart):
            _straight_single_quotes(text, pstart, pend, index, out)
    out.sort(key=lambda q: q.start)
    return [q for q in out if q.words(text) and not _title_of_work(text, q)]


# A programme, paper or book named in quotation marks ('told "Good Morning Varnia"', 'on "Meet the
# Press"'): a title, every word capitalised, right after the word that names the medium
_MEDIUM_BEFORE = fast(r"\b(?:told|on|to|in|with|from|hosts?\s+of|programmes?|programs?|shows?|newspapers?|"
                      r"magazines?|documentary|film|book|series|podcast)\s+$", re.IGNORECASE)
_TITLE_WORDS = fast(r"(?:(?:[A-Z][\w'\u2019&-]*|of|the|and|a|in|on|for|to)\s+){0,5}[A-Z][\w'\u2019&-]*")


def _title_of_work(text: str, q: Quote) -> bool:
    words = q.words(text)
    return (len(words.split()) <= 6 and _TITLE_WORDS.fullmatch(words) is not None
            and _MEDIUM_BEFORE.search(text, max(0, q.start - 25), q.start) is not None)


# British style quotes with single curly marks: \u2018 opens; \u2019 closes only when no letter
# follows (otherwise it is an apostrophe: "the government\u2019s").
_SINGLE = fast("\u2018|\u2019(?![\\w])")


def _single_quotes(text: str, pstart: int, pend: int, index: int, out: list[Quote]) -> None:
    inside = [(q.start, q.end) for q in out if q.paragraph == index]  # in text order
    k = 0
    open_at = -1
    for m in _SINGLE.finditer(text, pstart, pend):
        at = m.start()
        while k < len(inside) and inside[k][1] <= at:
            k += 1
        if k < len(inside) and inside[k][0] <= at:
            continue  # a quote within a double-quoted stretch is part of it
        if m.group() == "\u2018":
            open_at = at if open_at < 0 else open_at
        elif open_at >= 0 and at > open_at + 1:
            out.append(Quote(open_at, at + 1, open_at + 1, at, index, True))
            open_at = -1


# Headline style with straight single marks: "vows to rebuild it 'even more beautifully'". An
# opening mark follows a space and precedes a letter; the closing one is followed by no letter;
# no apostrophe in between (so "the boys' team" and "don't" are never quotes).
_STRAIGHT_SINGLE = fast(r"(?<![\w'])'([A-Za-z][^'\n]{0,120}?[\w.!?,])'(?![\w])")


def _straight_single_quotes(text: str, pstart: int, pend: int, index: int, out: list[Quote]) -> None:
    inside = [(q.start, q.end) for q in out if q.paragraph == index]
    for m in _STRAIGHT_SINGLE.finditer(text, pstart, pend):
        if any(s <= m.start() < e for s, e in inside):
            continue  # a quote within a quote is part of it
        out.append(Quote(m.start(), m.end(), m.start(1), m.end(1), index, True))


def _looks_opening(text: str, i: int, pstart: int) -> bool:
    """A closing curly mark used as an opening one (bad typography): preceded by space or start."""
    return i == pstart or text[i - 1].isspace()


def quote_text(text: str, quotes: list[Quote]) -> str | None:
    """Fragments joined with " ... " (the corpus convention), None when there are none."""
    parts = [q.words(text) for q in quotes]
    parts = [p for p in parts if p]
    return " ... ".join(parts) if parts else None
