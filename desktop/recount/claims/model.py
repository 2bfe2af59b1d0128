"""The claim records every layer shares: engine output, library rows, CLI JSON, window rows.

Plain dataclasses so the core stays free of Qt and of any storage detail. Field names
follow tests/corpus/SCHEMA.md; `to_dict` gives exactly the JSON contract of the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Scope = Literal["cumulative", "day", "period", "point", "unknown"]
Qualifier = Literal["exact", "at_least", "more_than", "about", "up_to", "fewer_than", "range"]

CATEGORIES = (
    "killed",
    "wounded",
    "displaced",
    "missing",
    "arrested",
    "evacuated",
    "injured_or_killed",
    "troops",
    "money",
    "percent",
    "count",
)
SCOPES = ("cumulative", "day", "period", "point", "unknown")
QUALIFIERS = ("exact", "at_least", "more_than", "about", "up_to", "fewer_than", "range")


def _plain_number(value: float | int | None) -> float | int | None:
    """JSON readers expect 30, not 30.0, for a whole count."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """When a figure holds: ISO dates resolved against the publication date."""

    start: str | None = None
    end: str | None = None
    scope: Scope = "unknown"

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "scope": self.scope}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> TimeSpan:
        data = data or {}
        return cls(data.get("start"), data.get("end"), data.get("scope") or "unknown")


@dataclass(slots=True)
class NumericClaim:
    """A figure the article states, with the interval its wording allows."""

    span: str
    start: int
    end: int
    sentence: str
    value: float
    lower: float | None
    upper: float | None
    lower_inclusive: bool = True
    upper_inclusive: bool = True
    qualifier: Qualifier = "exact"
    category: str = "count"
    subject: str | None = None  # what is counted: people, civilians, children, soldiers...
    unit: str | None = None  # currency code or "%" where it matters
    time: TimeSpan = field(default_factory=TimeSpan)
    place: str | None = None
    source: str | None = None
    kind: Literal["numeric"] = "numeric"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "span": self.span,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "value": _plain_number(self.value),
            "lower": _plain_number(self.lower),
            "upper": _plain_number(self.upper),
            "lower_inclusive": self.lower_inclusive,
            "upper_inclusive": self.upper_inclusive,
            "qualifier": self.qualifier,
            "category": self.category,
            "subject": self.subject,
            "unit": self.unit,
            "time": self.time.to_dict(),
            "place": self.place,
            "source": self.source,
        }


@dataclass(slots=True)
class AttributedClaim:
    """Words credited to a person or body: who, with which verb, what, when."""

    span: str
    start: int
    end: int
    sentence: str
    speaker: str | None
    speaker_role: str | None = None
    verb: str | None = None
    quote: str | None = None  # direct quotation; fragments joined with " ... "
    date: str | None = None  # ISO date the words were said, when the article says
    kind: Literal["attributed"] = "attributed"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "span": self.span,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "speaker": self.speaker,
            "speaker_role": self.speaker_role,
            "verb": self.verb,
            "quote": self.quote,
            "date": self.date,
        }


Claim = NumericClaim | AttributedClaim


def claim_from_dict(data: dict[str, Any], text: str | None = None) -> Claim:
    """Rebuild a claim from its JSON form (CLI output, library row or corpus annotation).

    Corpus annotations carry no offsets; given the article text, the first occurrence of
    the span is used so that annotated claims can stand in for engine output in tests.
    """
    start, end = data.get("start"), data.get("end")
    if start is None and text is not None:
        start = text.find(data["span"])
        end = start + len(data["span"]) if start >= 0 else -1
    common = {
        "span": data["span"],
        "start": -1 if start is None else int(start),
        "end": -1 if end is None else int(end),
        "sentence": data.get("sentence") or "",
    }
    if data.get("kind") == "attributed":
        return AttributedClaim(
            **common,
            speaker=data.get("speaker"),
            speaker_role=data.get("speaker_role"),
            verb=data.get("verb"),
            quote=data.get("quote"),
            date=data.get("date"),
        )
    return NumericClaim(
        **common,
        value=data["value"],
        lower=data.get("lower"),
        upper=data.get("upper"),
        lower_inclusive=data.get("lower_inclusive", True),
        upper_inclusive=data.get("upper_inclusive", True),
        qualifier=data.get("qualifier") or "exact",
        category=data.get("category") or "count",
        subject=data.get("subject"),
        unit=data.get("unit"),
        time=TimeSpan.from_dict(data.get("time")),
        place=data.get("place"),
        source=data.get("source"),
    )


@dataclass(slots=True)
class Article:
    """An article as read: its text (offsets point into it) and what is known about it."""

    text: str
    published: str | None = None  # ISO date
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    id: str | None = None  # the id it was imported with (JSONL/CSV id, corpus id, file stem)
    published_from: Literal["argument", "metadata", "dateline", "today", "unknown"] = "unknown"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published,
            "published_from": self.published_from,
            "length": len(self.text),
        }
