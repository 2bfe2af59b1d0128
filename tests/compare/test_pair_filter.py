"""The library-wide scan's cheap look at a pair (compare/pair_filter.py) never hides a flag:
held to the rules on dense random pairs, and on the sweep of a real temporary library."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from corpus_support import fill_with_corpus
from recount.compare.identity import ordinal
from recount.compare.pair_filter import may_flag, signature
from recount.compare.refs import aliases_of
from recount.compare.rules import _may_flag, compare
from recount.compare.sweep import library_sweep
from recount.library.store import Library

QUALIFIERS = ("exact", "exact", "at_least", "more_than", "fewer_than", "about")
WORDS = ("the port will stay closed until the storm passes and the roads are cleared "
         "we will rebuild every house the water took from us").split()


def _refs(rng: random.Random, n: int, num, quote, ref) -> list:
    day0 = date(2024, 3, 1)
    out = []
    for k in range(n):
        published = (day0 + timedelta(days=rng.randrange(6))).isoformat()
        if rng.random() < 0.6:
            value = rng.choice((10, 12, 20, 25, 40, 41, 300))
            c = num(f"{k} killed", value, qualifier=rng.choice(QUALIFIERS),
                    scope=rng.choice(("cumulative", "day", "point")), start="2024-02-28",
                    end=published if rng.random() < 0.5 else None, place=rng.choice(("Varn", None)),
                    source=rng.choice((None, "the ministry", "Red Cross")), subject="people",
                    offset=rng.randrange(0, 400, 20))
        else:
            first = rng.randrange(len(WORDS) - 8)
            words = WORDS[first:first + rng.randrange(3, 9)]
            if rng.random() < 0.3:
                words = [w if rng.random() < 0.7 else "again" for w in words]
            c = quote(f"said {k}", rng.choice(("Amina Tarek", "Jon Brill", "the Red Cross", "Red Cross")),
                      " ".join(words),
                      date=rng.choice((None, published)), offset=rng.randrange(0, 400, 20))
        out.append(ref(c, f"art{rng.randrange(n // 2)}", published, rng.choice(("Wire", "Post")),
                       article_id=k, story=1))
    return out


@pytest.mark.parametrize("seed", [1, 2])
def test_a_pair_the_filter_rules_out_raises_nothing(seed: int, num, quote, ref) -> None:
    rng = random.Random(seed)
    refs = _refs(rng, 300, num, quote, ref)
    passed = ruled_out = 0
    for _ in range(20000):
        a, b = rng.sample(refs, 2)
        if a.claim.kind != b.claim.kind:
            continue
        if ordinal(a.as_of) > ordinal(b.as_of):
            a, b = b, a
        ok = may_flag(signature(a), signature(b), ordinal(a.as_of) == ordinal(b.as_of))
        if a.claim.kind == "numeric" and a.same_article_token != b.same_article_token:
            assert ok == _may_flag(a, b)  # figures: exactly the rules' own first look
        if ok:
            passed += 1
        else:
            ruled_out += 1
            assert compare(a, b) is None and compare(b, a) is None
    assert passed > 1000 and ruled_out > 1000  # both sides exercised


def test_the_filtered_sweep_gives_every_pair_that_flags(tmp_path: Path) -> None:
    """On a real library: the pairs with the filter are those without it that pass it, and every
    pair that raises a flag is among them."""
    with Library.open(tmp_path / "lib.db") as lib:
        fill_with_corpus(lib)
        aliases = aliases_of(lib)
        for kind in ("numeric", "attributed"):
            every = [(a.claim_id, b.claim_id, a, b) for a, b in library_sweep(lib, kinds=(kind,))]
            kept = {(a.claim_id, b.claim_id) for a, b in library_sweep(lib, kinds=(kind,), test=may_flag)}
            flagged = {(i, j) for i, j, a, b in every if compare(a, b, aliases) is not None}
            assert flagged and flagged <= kept
            assert kept < {(i, j) for i, j, _a, _b in every}
