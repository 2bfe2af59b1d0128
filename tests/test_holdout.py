"""Extraction on articles the engine was not tuned on: floors well under the corpus's, so a
rule that only fits the corpus sentences shows up here first."""

from __future__ import annotations

from pathlib import Path

from recount.evaluation import score_extraction

HOLDOUT = Path(__file__).parent / "holdout"


def test_engine_reads_unseen_reports_reasonably():
    scores = score_extraction(HOLDOUT)
    numeric, attributed = scores["numeric"], scores["attributed"]
    assert numeric["f1"] >= 0.85, numeric
    assert attributed["f1"] >= 0.85, attributed
    assert numeric["fields"]["interval"] >= 0.9 and attributed["fields"]["speaker"] >= 0.9
