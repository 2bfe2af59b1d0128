"""Regression floors for attributed claims on the annotated corpus (targets in docs/claims-attribution.md).

The floors sit a little under the measured scores so a regression fails here while small
trade-offs between rules stay possible; `recount eval tests/corpus` prints the figures.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from recount.claims.attribution import extract_attributed
from recount.claims.document import Document
from recount.claims.model import Claim
from recount.evaluation import score_extraction

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _attributed_only(text: str, published: date | None) -> list[Claim]:
    return list(extract_attributed(Document.from_text(text, published or date.today())))


@pytest.fixture(scope="module")
def scores() -> dict:
    return score_extraction(CORPUS, _attributed_only)["attributed"]


def test_attributed_f1_floor(scores: dict) -> None:
    assert scores["f1"] >= 0.93, scores
    assert scores["precision"] >= 0.90 and scores["recall"] >= 0.96, scores


@pytest.mark.parametrize(("field", "floor"), [("speaker", 0.95), ("quote", 0.97), ("date", 0.90)])
def test_attributed_field_floors(scores: dict, field: str, floor: float) -> None:
    assert scores["fields"][field] >= floor, scores["fields"]


def test_every_span_is_the_text_it_points_at() -> None:
    for txt in sorted(CORPUS.glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        for c in extract_attributed(Document.from_text(text, date(2025, 6, 1))):
            assert text[c.start : c.end] == c.span
            assert c.sentence and c.span in text
