"""A flag and its two ends, its stable key, and the words every rule's explanation shares.

Kept apart from the rules (compare/rules.py for figures, compare/quotes.py for quotes) so
that the window, the exports and the stored flags (compare/stored.py) read flags without
importing the rules.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from recount.claims.model import NumericClaim
from recount.compare.refs import Ref
from recount.wording import CATEGORY_LABELS as CATEGORY_WORDS

# A sentence ending otherwise is a headline or a caption ("Toll rises to 147: WHO").
_FINAL_PUNCTUATION = '.!?"”'
_SMALL = "zero one two three four five six seven eight nine ten".split()
# json.dumps(..., ensure_ascii=False) without making an encoder each time; a string alone.
_JSON = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
_STR = json.encoder.encode_basestring


@dataclass(slots=True)
class FlagEnd:
    """One side of a flag: which claim of which report."""

    article: str | None
    span: str
    start: int
    end: int
    published: str | None
    outlet: str | None
    who: str | None  # the figure's source or the quote's speaker
    claim_id: int | None = None
    # What compare/fold.py needs to tell one change from another: a figure's value, category
    # and as-of day, and whether the claim stands in a headline or a signature line (no final
    # punctuation).
    value: float | None = None
    category: str | None = None
    as_of: str | None = None
    headline: bool = False
    _json: str | None = field(default=None, repr=False, compare=False)  # to_record as JSON, made once

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "span": self.span, "start": self.start, "end": self.end,
                "published": self.published}

    @classmethod
    def of(cls, ref: Ref) -> FlagEnd:
        """The end a claim makes in every flag (made once per Ref and shared: ends are never
        changed once made)."""
        if ref._end is None:
            ref._end = cls._of(ref)
        return ref._end

    @classmethod
    def _of(cls, ref: Ref) -> FlagEnd:
        c = ref.claim
        if isinstance(c, NumericClaim):
            sentence = (c.sentence or "").rstrip()
            return cls(ref.article, c.span, c.start, c.end, ref.published, ref.outlet, c.source, ref.claim_id,
                       float(c.value), c.category, ref.as_of,
                       bool(sentence) and sentence[-1] not in _FINAL_PUNCTUATION)
        sentence = (c.sentence or "").rstrip()
        return cls(ref.article, c.span, c.start, c.end, ref.published, ref.outlet, c.speaker, ref.claim_id,
                   headline=bool(sentence) and sentence[-1] not in _FINAL_PUNCTUATION)

    def to_record(self) -> dict[str, Any]:
        """Everything, for the stored flags (to_dict is the public JSON)."""
        out = {**self.to_dict(), "outlet": self.outlet, "who": self.who, "claim_id": self.claim_id}
        if self.value is not None:
            out.update(value=self.value, category=self.category, as_of=self.as_of)
        if self.headline:
            out["headline"] = True
        return out

    def record_json(self) -> str:
        """json.dumps(self.to_record(), ensure_ascii=False), made once."""
        if self._json is None:
            self._json = _JSON(self.to_record())
        return self._json

    @classmethod
    def from_record(cls, d: dict[str, Any]) -> FlagEnd:
        value = d.get("value")
        return cls(d.get("article"), d.get("span") or "", int(d.get("start") or 0), int(d.get("end") or 0),
                   d.get("published"), d.get("outlet"), d.get("who"), d.get("claim_id"),
                   float(value) if value is not None else None, d.get("category"), d.get("as_of"),
                   bool(d.get("headline")))


@dataclass(slots=True)
class Discrepancy:
    type: str
    metric: str
    a: FlagEnd  # the earlier report (or the first in text order within one article)
    b: FlagEnd
    explanation: str
    key: str
    diff: list[tuple[str, str]] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """DESIGN.md "discrepancies" JSON, plus the stable `key` (and `diff` for quote_drift)."""
        out: dict[str, Any] = {"type": self.type, "metric": self.metric, "a": self.a.to_dict(),
                               "b": self.b.to_dict(), "explanation": self.explanation, "key": self.key}
        if self.diff is not None:
            out["diff"] = [list(op) for op in self.diff]
        return out

    def to_record(self) -> dict[str, Any]:
        """The stored form: to_dict with both ends in full."""
        return {**self.to_dict(), "a": self.a.to_record(), "b": self.b.to_record()}

    def record_json(self) -> str:
        """json.dumps(self.to_record(), ensure_ascii=False), from the ends' JSON made once (a
        library-wide rescan writes a million flags, most of whose ends recur)."""
        text = (f'{{"type": {_STR(self.type)}, "metric": {_STR(self.metric)}, '
                f'"a": {self.a.record_json()}, "b": {self.b.record_json()}, '
                f'"explanation": {_STR(self.explanation)}, "key": {_STR(self.key)}')
        if self.diff is not None:
            text += f', "diff": {_JSON([list(op) for op in self.diff])}'
        return text + "}"

    @classmethod
    def from_record(cls, d: dict[str, Any]) -> Discrepancy:
        diff = [(op, text) for op, text in d["diff"]] if d.get("diff") is not None else None
        return cls(d["type"], d.get("metric") or "", FlagEnd.from_record(d["a"]), FlagEnd.from_record(d["b"]),
                   d.get("explanation") or "", d["key"], diff)


def _key_end(r: Ref) -> str:
    if r._key_end is None:
        r._key_end = json.dumps([r.outlet or "", r.published or "", r.claim.start, r.claim.span])
    return r._key_end


def flag_key(kind: str, a: Ref, b: Ref) -> str:
    """Stable across re-checks and ids: what was said (span, offsets) by which outlet on which day."""
    ends = sorted((_key_end(a), _key_end(b)))
    return hashlib.sha1("|".join([kind, *ends]).encode("utf-8")).hexdigest()[:16]


def ordered(a: Ref, b: Ref) -> tuple[Ref, Ref]:
    """Earlier report first; within one article (or one day) the library's before the new one."""
    ka = (a.as_of or "", a.published or "", a.current, a.claim.start)
    kb = (b.as_of or "", b.published or "", b.current, b.claim.start)
    return (a, b) if ka <= kb else (b, a)


def days_words(n: int) -> str:
    if n == 0:
        return "the same day"
    word = _SMALL[n] if n < len(_SMALL) else str(n)
    return f"{word} day{'s' if n != 1 else ''} later"


def report_name(ref: Ref) -> str:
    return "this report" if ref.current else (ref.outlet or f"report {ref.article}")


def gave(ref: Ref) -> str:
    """"the UN (Continental Wire)" or "Continental Wire" or "this report"."""
    c = ref.claim
    src = c.source if isinstance(c, NumericClaim) else c.speaker
    if src:
        return f"{src} ({report_name(ref)})"
    return report_name(ref)


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def what_counted(c: NumericClaim) -> str:
    if c.category in ("count", "money", "percent"):
        return c.subject or ""
    return CATEGORY_WORDS.get(c.category, c.category)


def make_flag(kind: str, metric: str, first: Ref, later: Ref, text: str,
              diff: list[tuple[str, str]] | None = None) -> Discrepancy:
    text = re.sub(r" {2,}", " ", text)
    return Discrepancy(kind, metric, FlagEnd.of(first), FlagEnd.of(later), text, flag_key(kind, first, later),
                       diff)
