"""The package's plumbing: model round-trips, segmentation offsets, CLI dispatch."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from recount.claims.document import Document
from recount.claims.model import NumericClaim, TimeSpan, claim_from_dict
from recount.cli import _split_global_db


def test_numeric_claim_round_trips_through_json_form():
    claim = NumericClaim("More than 30 people", 5, 24, "s", 30.0, 30.0, None, False, True, "more_than",
                         "killed", time=TimeSpan("2019-04-04", "2019-04-08", "cumulative"))
    data = claim.to_dict()
    assert data["value"] == 30 and isinstance(data["value"], int)
    assert claim_from_dict(data) == claim


def test_sentences_cover_text_with_exact_offsets():
    text = "Gen. Haftar's army attacked. U.S. troops left.\n\nMore than 30 people died, the U.N. said."
    doc = Document.from_text(text, date(2019, 4, 8))
    got = [text[s.start : s.end] for s in doc.sentences]
    assert got == [
        "Gen. Haftar's army attacked.",
        "U.S. troops left.",
        "More than 30 people died, the U.N. said.",
    ]
    assert doc.sentence_at(text.index("30")).paragraph == 1


def test_db_option_is_accepted_anywhere():
    assert _split_global_db(["--db", "a.db", "check", "x"]) == ("a.db", ["check", "x"])
    assert _split_global_db(["check", "x", "--db=b.db"]) == ("b.db", ["check", "x"])


def test_cli_help_lists_commands():
    out = subprocess.run([sys.executable, "-m", "recount", "--help"], capture_output=True, text=True)
    assert out.returncode == 0
    for command in ("extract", "import", "check", "discrepancies", "metrics", "eval"):
        assert command in out.stdout
