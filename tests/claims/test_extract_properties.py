"""Properties of the whole engine on arbitrary and hostile input: it never raises, every span is
the text it points at, and pathological inputs (1 MB on one line, 100k digits, thousands of
quote marks) finish. No timing asserts: bench/extract.py measures speed."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recount.claims import extract

PUBLISHED = date(2025, 3, 12)

# Text built from the pieces that drive the engine, mixed with arbitrary unicode.
_PIECES = st.sampled_from(
    [
        " said ", " told ", " according to ", ", he said", " she said. ", '"', "\u201c", "\u201d", "'",
        ",", ".", "\n", "\n\n", " ", "  ", "at least ", "more than ", "about ", "between ", " and ",
        "1", "23", "2,800", "1.5 million", "$4.5 billion", "40%", "eleven", "hundreds", "on Sunday",
        "since April 4", "killed", "wounded", "displaced", "people", "The ministry", "the agency",
        "UN", "Prime Minister Ana Vell", "Vell", "(OCHA)", "OSTRELO, March 17 (Wire) - ", "\u00e9",
        "\u0640", "\u200b", "\t", "-", "\u2014",
    ]
)
_TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=80).map("".join),
)


def _check(text: str) -> None:
    for claim in extract(text, PUBLISHED):
        assert 0 <= claim.start <= claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.span
        claim.to_dict()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_extract_never_raises_and_spans_index_the_text(text: str) -> None:
    _check(text)


@settings(max_examples=50, deadline=None)
@given(_TEXT, st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)))
def test_any_publication_date(text: str, published: date) -> None:
    for claim in extract(text, published):
        assert text[claim.start : claim.end] == claim.span


_ONE_MB_SCRIPT = """
import sys
from datetime import date
from recount.claims import extract
sentence = 'The ministry said 11 people were killed on Monday, "a dark day," according to the UN. '
text = sentence * (1_000_000 // len(sentence))
claims = extract(text, date(2025, 3, 12))
assert claims and all(text[c.start : c.end] == c.span for c in claims)
print(len(claims))
"""


def test_one_megabyte_on_one_line() -> None:
    """Run in a child process with a watchdog: a super-linear rule must fail here, not hang CI.
    The bound is two orders of magnitude above the linear cost (~3 s), so it times nothing."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", _ONE_MB_SCRIPT], capture_output=True, text=True, timeout=180
        )
    except subprocess.TimeoutExpired:
        pytest.fail("extract() did not finish 1 MB on one line within 180 s: a rule is not linear")
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout.strip()) > 10_000


def test_hundred_thousand_digits() -> None:
    text = "Officials said " + "7" * 100_000 + " people were displaced."
    _check(text)


def test_five_thousand_quote_marks() -> None:
    _check('"' * 5000)
    _check('He said "' + "a, " * 5000)  # unclosed: must not swallow what follows
    text = ("\u201cyes,\u201d she said. " * 2500) + "\n\nThe agency said 40 people died."
    claims = extract(text, PUBLISHED)
    assert any(c.kind == "attributed" and c.speaker and "agency" in c.speaker for c in claims)


def test_empty_whitespace_and_control_text() -> None:
    for text in ("", " ", "\n\n\n", "\x00\x01", "\ufeff"):
        _check(text)
