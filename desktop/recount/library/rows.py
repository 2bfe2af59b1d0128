"""How claims and articles are stored: the columns, the stored shapes and their conversions.

Shared by every part of the library (store.py and the modules it is made of); no SQL runs here.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from recount.claims.model import Article, AttributedClaim, Claim, NumericClaim, TimeSpan, claim_from_dict

ARTICLE_FIELDS = ("ext_id", "title", "outlet", "url", "published")

# Claim columns, in table order; `time` is flattened into time_start/time_end/scope.
_CLAIM_COLUMNS = (
    "kind", "start", "end", "span", "sentence",
    "value", "lower", "upper", "lower_inclusive", "upper_inclusive", "qualifier", "category",
    "subject", "unit", "time_start", "time_end", "scope", "place", "source",
    "speaker", "speaker_role", "verb", "quote", "date",
)
_BOOL_COLUMNS = ("lower_inclusive", "upper_inclusive")
_KNOWN_KEYS = {*_CLAIM_COLUMNS, "time"}
_INSERT_CLAIM = (
    "INSERT INTO claims (article_id, {cols}, as_of, extra) VALUES (?, {marks}, ?, ?)".format(
        cols=", ".join(f'"{c}"' for c in _CLAIM_COLUMNS), marks=", ".join("?" * len(_CLAIM_COLUMNS))
    )
)
_SELECT_CLAIMS = """
SELECT c.id, c.article_id, {cols}, c.extra,
       a.published, a.outlet, a.ext_id, a.title,
       r.decision, r.correction, r.note
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN reviews r ON r.claim_id = c.id
""".format(cols=", ".join(f'c."{c}"' for c in _CLAIM_COLUMNS))
# Uses the partial index articles_deleted (migration 002): the deleted set is small.
_NOT_DELETED = "c.article_id NOT IN (SELECT id FROM articles WHERE deleted_at IS NOT NULL)"
_SELECT_ARTICLES = (
    "SELECT a.id, a.ext_id, a.title, a.outlet, a.url, a.published, a.text, a.added_at, a.deleted_at "
    "FROM articles a"
)
# An as_of that sorts as a date (iter_claims_by_date): YYYY-MM-DD, anything after it.
_ISO_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _iso(value: date | str | None) -> str | None:
    if value is None or isinstance(value, str):
        return value or None
    return value.isoformat()


@dataclass(frozen=True, slots=True)
class AddResult:
    """What add_article did: the article's id, and False when that text was already stored."""

    article_id: int
    added: bool


@dataclass(slots=True)
class StoredArticle:
    id: int
    ext_id: str | None
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    text: str
    added_at: str
    deleted_at: str | None = None

    @property
    def ref(self) -> str:
        """The id to show and print: the one it was imported with, else the library's own."""
        return self.ext_id or str(self.id)

    def to_article(self) -> Article:
        return Article(
            text=self.text, published=self.published, title=self.title, outlet=self.outlet,
            url=self.url, id=self.ref, published_from="metadata" if self.published else "unknown",
        )


@dataclass(slots=True)
class StoredClaim:
    """A claim as stored, with what the matcher needs about its article (no second query).

    `claim` holds the corrected values when the user corrected it (then `original` holds
    the extracted ones); `review` is "confirmed", "rejected", "corrected" or None.
    """

    id: int
    article_id: int
    claim: Claim
    published: str | None
    outlet: str | None
    ext_id: str | None
    title: str | None
    review: str | None = None
    review_note: str | None = None
    original: Claim | None = None

    @property
    def article_ref(self) -> str:
        """The article's id as imported (JSONL/CSV/sidecar id), else the library's own id."""
        return self.ext_id or str(self.article_id)


@dataclass(frozen=True, slots=True)
class Review:
    claim_id: int
    decision: str
    correction: dict[str, Any] | None
    note: str | None
    at: str


def claim_row(claim: Claim, published: str | None) -> tuple[list[Any], str | None, str | None]:
    """Column values of a claim (table order), its as_of date, and its extra JSON."""
    data = claim.to_dict()
    time = data.get("time") or {}
    flat = {**data, "time_start": time.get("start"), "time_end": time.get("end"),
            "scope": time.get("scope")}
    values = [flat.get(col) for col in _CLAIM_COLUMNS]
    for col in _BOOL_COLUMNS:
        i = _CLAIM_COLUMNS.index(col)
        if values[i] is not None:
            values[i] = int(bool(values[i]))
    extra = {k: v for k, v in data.items() if k not in _KNOWN_KEYS}
    as_of = (time.get("end") or time.get("start")) if claim.kind == "numeric" else data.get("date")
    return values, as_of or published, json.dumps(extra) if extra else None

def claim_dict_from_row(row: Sequence[Any]) -> dict[str, Any]:
    """The claim JSON of a row whose first columns are _CLAIM_COLUMNS then extra."""
    data = dict(zip(_CLAIM_COLUMNS, row, strict=False))
    extra = row[len(_CLAIM_COLUMNS)]
    for col in _BOOL_COLUMNS:
        if data[col] is not None:
            data[col] = bool(data[col])
    for col in ("value", "lower", "upper"):  # REAL columns give 30.0 back for 30
        if isinstance(data[col], float) and data[col].is_integer():
            data[col] = int(data[col])
    data["time"] = {"start": data.pop("time_start"), "end": data.pop("time_end"),
                    "scope": data.pop("scope") or "unknown"}
    if data["kind"] == "attributed":
        data = {k: data[k] for k in ("kind", "span", "start", "end", "sentence", "speaker",
                                      "speaker_role", "verb", "quote", "date")}
    if extra:
        data.update(json.loads(extra))
    return data

def apply_correction(claim: Claim, correction: dict[str, Any]) -> Claim:
    """The claim with the user's corrected fields (claim JSON names; `time` may be partial)."""
    data = claim.to_dict()
    for key, value in correction.items():
        if key == "time" and isinstance(value, dict):
            data["time"] = {**data.get("time", {}), **value}
        else:
            data[key] = value
    return claim_from_dict(data)

def _stored_claim(row: Sequence[Any]) -> StoredClaim:
    n = len(_CLAIM_COLUMNS)
    claim_id, article_id = row[0], row[1]
    claim = _claim_from_row(row[2:2 + n + 1])
    published, outlet, ext_id, title, decision, correction, note = row[n + 3:n + 10]
    original = None
    if correction:
        original = claim
        claim = apply_correction(claim, json.loads(correction))
    return StoredClaim(claim_id, article_id, claim, published, outlet, ext_id, title, decision, note,
                       original)

def _number(value: float | None) -> float | int | None:
    return int(value) if isinstance(value, float) and value.is_integer() else value

def _claim_from_row(row: Sequence[Any]) -> Claim:
    """claim_dict_from_row + claim_from_dict without the dicts: this runs for every candidate."""
    if row[-1]:  # fields only a newer engine knows: take the general path
        return claim_from_dict(claim_dict_from_row(row))
    (kind, start, end, span, sentence, value, lower, upper, lower_inc, upper_inc, qualifier, category,
     subject, unit, time_start, time_end, scope, place, source, speaker, speaker_role, verb, quote,
     said_on) = row[:-1]
    if kind == "attributed":
        return AttributedClaim(span, start, end, sentence or "", speaker, speaker_role, verb, quote, said_on)
    return NumericClaim(
        span, start, end, sentence or "", _number(value), _number(lower), _number(upper),
        True if lower_inc is None else bool(lower_inc), True if upper_inc is None else bool(upper_inc),
        qualifier or "exact", category or "count", subject, unit,
        TimeSpan(time_start, time_end, scope or "unknown"), place, source)
