"""`match.reaches` (what the library-wide scan asks of each flag's pair) answers exactly as the
match score does: `score_pair(a, b)[0] >= floor`, though it skips the sentences' likeness when
the other components reach the floor alone."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from recount.compare.match import Thresholds, reaches, score_pair
from recount.compare.refs import aliases_of
from recount.compare.sweep import library_sweep
from recount.library.store import Library

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    sys.path.insert(0, str(BENCH))
    try:
        from make_library import make_library
    finally:
        sys.path.remove(str(BENCH))
    path = tmp_path_factory.mktemp("reach") / "gen.db"
    make_library(path, claims=3000, seed=11)
    return path


def test_reaches_is_the_score_against_the_floor(generated: Path) -> None:
    scored = numeric = 0
    with Library.open(generated, create=False, read_only=True) as lib:
        aliases = aliases_of(lib)
        for n, (a, b) in enumerate(library_sweep(lib)):
            if n % 3:
                continue
            score = score_pair(a, b, aliases)
            for floor in (Thresholds().suggested, Thresholds().confirmed, 0.0, 1.0):
                assert reaches(a, b, aliases, floor) == (score is not None and score[0] >= floor)
            if score is not None:
                scored += 1
                numeric += a.claim.kind == "numeric"
                for floor in (score[0], score[0] + 0.0001, score[0] - 0.0001):  # at the score itself
                    assert reaches(a, b, aliases, floor) == (score[0] >= floor)
    assert scored > 200 and numeric > 100  # enough pairs, of figures and of quotes
