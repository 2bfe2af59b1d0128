"""Builders for claims and refs, so each test states only what matters to it."""

from __future__ import annotations

from typing import Any

import pytest

from recount.claims.model import AttributedClaim, NumericClaim, TimeSpan
from recount.compare.rules import Ref

QUALIFIER_BOUNDS = {
    "exact": lambda v: (v, v, True, True),
    "at_least": lambda v: (v, None, True, True),
    "more_than": lambda v: (v, None, False, True),
    "fewer_than": lambda v: (None, v, True, False),
    "up_to": lambda v: (None, v, True, True),
    "about": lambda v: (None, None, True, True),
}


def make_num(span: str, value: float, *, qualifier: str = "exact", category: str = "killed",
             scope: str = "cumulative", start: str | None = "2024-06-01", end: str | None = None,
             place: str | None = "Port Amsel", source: str | None = None, sentence: str | None = None,
             subject: str | None = None, offset: int = 0, **over: Any) -> NumericClaim:
    lower, upper, li, ui = QUALIFIER_BOUNDS[qualifier](value)
    fields = dict(lower=lower, upper=upper, lower_inclusive=li, upper_inclusive=ui)
    fields.update(over)
    sentence = sentence or f"{span} in {place or 'the region'}."
    return NumericClaim(span=span, start=offset, end=offset + len(span), sentence=sentence, value=value,
                        qualifier=qualifier, category=category, subject=subject,
                        time=TimeSpan(start, end, scope), place=place, source=source, **fields)


def make_quote(span: str, speaker: str | None, quote: str | None, *, date: str | None = "2024-06-03",
               sentence: str | None = None, offset: int = 0) -> AttributedClaim:
    return AttributedClaim(span=span, start=offset, end=offset + len(span),
                           sentence=sentence or f"“{quote}”, {span}.", speaker=speaker, quote=quote,
                           date=date, verb="said")


def make_ref(claim: Any, article: str, published: str, outlet: str, **kw: Any) -> Ref:
    return Ref(claim, article, published, outlet, **kw)


@pytest.fixture
def num():
    return make_num


@pytest.fixture
def quote():
    return make_quote


@pytest.fixture
def ref():
    return make_ref
