"""Sentences and paragraphs with their offsets, computed once and shared by every extractor.

Hand-rolled rather than a tokenizer library: news prose needs only a few abbreviation
rules, and this keeps import time and per-article cost near zero (see bench/extract.py).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from recount.claims.retrie import fast, rx

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    (
        "mr mrs ms dr prof gen lt col maj capt sgt st mt ft jr sr sen rep gov pres no vs etc inc ltd "
        "co corp dept est approx jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.u "
        "a.m p.m i.e e.g"
    ).split()
)
_INITIALS = fast(r"(?:[a-z]\.){1,2}[a-z]")
# `[.!?]+["'”’)\]]*(?=\s+|$)|\n\s*\n|\n`, written to open with its first character (and read
# the rest from it, in lookbehinds): `re` then finds the candidates by its fast scan for them
_SENTENCE_END = fast(r"[.!?\n](?:(?<=[.!?])[.!?]*[\"'\u201d\u2019)\]]*(?=\s+|$)|(?<=\n)\s*\n|(?<=\n))")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int

    def text(self, doc: Document) -> str:
        return doc.text[self.start : self.end]


@dataclass(slots=True)
class Document:
    """The article text plus its segmentation; offsets always index `text`."""

    text: str
    published: date
    sentences: list[Sentence] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    # results more than one extractor needs (e.g. the direct quotes), computed once
    memo: dict[str, object] = field(default_factory=dict)

    @classmethod
    def from_text(cls, text: str, published: date) -> Document:
        doc = cls(text=text, published=published)
        doc.paragraphs = split_paragraphs(text)
        doc.sentences = [
            s for i, (ps, pe) in enumerate(doc.paragraphs) for s in split_sentences(text, ps, pe, i)
        ]
        return doc

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding `offset` (a C-level binary search: called per claim and cue)."""
        starts = self.memo.get("starts")
        if starts is None or len(starts) != len(self.sentences):  # type: ignore[arg-type]
            starts = self.memo["starts"] = [s.start for s in self.sentences]
        i = bisect_right(starts, offset) - 1  # type: ignore[arg-type]
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None


class Memo(dict):
    """`memo[key]` is `fn(key)`, computed on first use: a per-sentence answer that every figure
    of the sentence asks for."""

    def __init__(self, fn) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, key):
        value = self[key] = self.fn(key)
        return value


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraphs are runs of non-blank lines; pasted articles use one line per paragraph. A line
    cut mid-sentence (no closing punctuation, the next line going on in lower case: text
    copied from a page that wraps its lines) is joined to the next."""
    spans: list[tuple[int, int]] = []
    for m in rx(r"[^\n]+").finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            if spans and text[start].islower() and text[spans[-1][1] - 1] not in _CLOSING:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return spans


# (a bracket closes no sentence: "President Buhari of the ruling party (APC)" ¶ "polled 15 million votes")
_CLOSING = frozenset('.!?:;"\u201d\u2019')


def split_sentences(text: str, start: int, end: int, paragraph: int = 0) -> list[Sentence]:
    """Split text[start:end] at sentence ends, skipping abbreviations and initials."""
    out: list[Sentence] = []
    begin = start
    for m in _SENTENCE_END.finditer(text, start, end):
        stop = m.end()
        if m.group().startswith("."):
            word = _last_token(text, begin, m.start())
            token = word.lower().rstrip(".")
            # "Dr.", "U.S.", an initial ("J. Ruiz") or dotted initials ("D.K. Pathak") end no sentence
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or _INITIALS.fullmatch(token):
                continue
            nxt = text[stop : stop + 2].lstrip()
            if nxt and nxt[0].islower():
                continue
        elif m.group()[0] == "\n" and text[m.start() - 1] not in _CLOSING and text[stop:stop + 1].islower():
            continue  # a line wrapped mid-sentence (see split_paragraphs)
        _push(text, begin, stop, paragraph, out)
        begin = stop
    _push(text, begin, end, paragraph, out)
    return out


_RUN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")


def _last_token(text: str, begin: int, end: int) -> str:
    """The run of letters and dots that ends at `end` (or just before a final newline there),
    not before `begin`: what `re.search(r"([A-Za-z.]+)$", text[begin:end])` finds, read
    backwards (a `$`-anchored search tries every position of the sentence so far)."""
    stop = end - 1 if end > begin and text[end - 1] == "\n" else end
    i = stop
    while i > begin and text[i - 1] in _RUN_CHARS:
        i -= 1
    return text[i:stop]


MAX_SENTENCE = 1000  # characters; longer runs without a full stop are not prose but a wall of text


def _push(text: str, start: int, end: int, paragraph: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    # A "sentence" of a megabyte (no full stops) would make every per-sentence step
    # quadratic: cut it at a comma, semicolon or space before the limit.
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = max(text.rfind(", ", start, limit), text.rfind("; ", start, limit))
        if cut <= start + MAX_SENTENCE // 2:
            cut = text.rfind(" ", start, start + MAX_SENTENCE)
        cut = cut + 1 if cut > start else start + MAX_SENTENCE
        _push(text, start, cut, paragraph, out)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append(Sentence(start, end, paragraph))
