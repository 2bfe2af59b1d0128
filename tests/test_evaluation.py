"""The scorer itself: perfect on the annotations, and it notices each kind of mistake."""

from __future__ import annotations

import dataclasses
from datetime import date

from recount.claims.model import claim_from_dict
from recount.evaluation import (
    corpus_articles,
    match_claims,
    names_match,
    quotes_match,
    score_extraction,
    speakers_match,
)


def _gold_extractor(corpus_dir):
    by_text = {text: ann for _p, text, ann in corpus_articles(corpus_dir)}

    def extract(text: str, published: date | None):
        return [claim_from_dict(c, text) for c in by_text[text]["claims"]]

    return extract


def test_gold_scores_perfectly(corpus_dir):
    scores = score_extraction(corpus_dir, _gold_extractor(corpus_dir))
    for kind in ("numeric", "attributed"):
        assert scores[kind]["f1"] == 1.0
        assert all(v == 1.0 for v in scores[kind]["fields"].values())


def test_wrong_values_and_fields_are_counted(corpus_dir):
    gold = _gold_extractor(corpus_dir)

    def spoiled(text, published):
        out = []
        for c in gold(text, published):
            if c.kind == "numeric" and c.value == 174:
                continue  # a miss
            if c.kind == "numeric" and c.category == "killed":
                c = dataclasses.replace(c, category="wounded")
            out.append(c)
        return out

    scores = score_extraction(corpus_dir, spoiled, keep_errors=True)
    assert scores["numeric"]["recall"] < 1.0
    assert scores["numeric"]["precision"] == 1.0
    assert scores["numeric"]["fields"]["category"] < 0.8
    assert scores["numeric"]["fields"]["place"] == 1.0
    kinds = {e["error"] for e in scores["errors"]}
    assert {"missed", "wrong category"} <= kinds


def test_repeated_span_uses_the_overlapping_occurrence():
    text = "About 40 people died. Later, about 40 people died again."
    gold = [{"kind": "numeric", "span": "about 40 people", "value": 40}]
    second = text.rfind("about 40 people")
    pred = claim_from_dict({"span": "40 people", "start": second + 6, "end": second + 15, "value": 40})
    hits, missed, spurious = match_claims(text, gold, [pred])
    assert len(hits) == 1 and not missed and not spurious


def test_value_must_match_for_a_hit():
    text = "At least 12 people were hurt."
    gold = [{"kind": "numeric", "span": "At least 12 people", "value": 12}]
    pred = claim_from_dict({"span": "12 people", "start": 9, "end": 18, "value": 13})
    hits, missed, spurious = match_claims(text, gold, [pred])
    assert not hits and missed and spurious


def test_name_normalisation():
    assert names_match("the United Nations", "United Nations")
    assert names_match("WHO", "World Health Organization")
    assert names_match("U.N.", "UN")
    assert names_match("Ostrelo", "Halm checkpoint, Ostrelo")
    assert names_match("Marek Tolland", "Marek Toland")
    assert not names_match("Health Ministry", "Finance Ministry")
    assert not names_match("the ministry", "Health Ministry")
    assert not names_match(None, "Tripoli")
    assert names_match(None, None)
    assert speakers_match("Pompeo", "Mike Pompeo")
    assert not speakers_match("Mike Pompeo", "Clara Hensby")


def test_quote_normalisation():
    assert quotes_match("\u201cWe will stay,\u201d", '"we will stay"')
    assert not quotes_match("We will stay", "We will leave tomorrow morning")


def test_values_compare_at_the_precision_they_were_annotated_with():
    from recount.evaluation import _num_eq

    assert _num_eq(33.3, 100 / 3)  # "a third", annotated to one decimal
    assert _num_eq(30, 30.0)
    assert not _num_eq(2800, 2802)
    assert not _num_eq(20, 20.04)  # a whole number is compared exactly
    assert not _num_eq(33.3, 33.4)
