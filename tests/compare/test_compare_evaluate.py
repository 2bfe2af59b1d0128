"""Flag scores on the annotated corpus (through a real temporary library), with floors a little
below the targets (recall >= 0.9, no false alarms) so that a regression fails loudly."""

from __future__ import annotations

from pathlib import Path

import pytest

from recount.compare.evaluate import format_flag_scores, score_flags


@pytest.fixture(scope="module")
def scores() -> dict:
    return score_flags(Path(__file__).parent.parent / "corpus")


def test_flags_with_the_annotated_claims(scores: dict) -> None:
    annotated = scores["annotated"]
    assert annotated["expected"] == 12
    assert annotated["recall"] >= 0.9
    assert annotated["type_accuracy"] >= 0.9
    assert annotated["false_alarms"] == 0
    assert annotated["other_flags"] <= 2


def test_flags_with_the_engines_claims(scores: dict) -> None:
    assert scores["claims"] == "engine"
    assert scores["recall"] >= 0.75
    assert scores["false_alarms"] == 0
    assert scores["other_flags"] <= 4


def test_scores_print_for_recount_eval(scores: dict) -> None:
    text = format_flag_scores(scores)
    assert "recall" in text and "false alarms" in text and "annotated claims" in text
