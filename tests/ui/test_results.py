"""The words the window shows for a claim: intervals, dates, labels; flags attached to claims."""

from __future__ import annotations

import pytest

from recount import wording
from recount.checked import Checked
from recount.claims.model import AttributedClaim, NumericClaim, TimeSpan
from recount.compare.rules import Discrepancy, FlagEnd
from recount.ui import results


def numeric(value, lower, upper, *, qualifier="exact", lo_inc=True, hi_inc=True, unit=None, start=0, end=5):
    return NumericClaim(span="x" * (end - start), start=start, end=end, sentence="", value=value,
                        lower=lower, upper=upper, lower_inclusive=lo_inc, upper_inclusive=hi_inc,
                        qualifier=qualifier, unit=unit)


@pytest.mark.parametrize(
    ("claim", "shown"),
    [
        (numeric(23, 23, None, qualifier="at_least"), "≥ 23"),
        (numeric(30, 30, None, qualifier="more_than", lo_inc=False), "> 30"),
        (numeric(2800, None, None, qualifier="about"), "≈ 2,800"),
        (numeric(900, None, 900, qualifier="fewer_than", hi_inc=False), "< 900"),
        (numeric(50, None, 50, qualifier="up_to"), "≤ 50"),
        (numeric(25, 23, 27, qualifier="range"), "23–27"),
        (numeric(174, 174, 174), "174"),
        (numeric(38_000_000, 38_000_000, 38_000_000, unit="USD"), "$38 million"),
        (numeric(4.5e9, 4.5e9, 4.5e9, unit="USD"), "$4.5 billion"),
        (numeric(12.5, 12.5, 12.5, unit="%"), "12.5%"),
    ],
)
def test_interval_wording(claim, shown):
    assert wording.interval(claim) == shown


def test_when_reads_like_a_date_not_a_code():
    c = numeric(174, 174, 174)
    c.time = TimeSpan("2025-03-03", "2025-03-17", "cumulative")
    assert wording.when(c) == "since 3 Mar 2025"
    assert wording.when(c, full=True) == "since 3 Mar 2025, to 17 Mar 2025"
    c.time = TimeSpan("2025-03-11", "2025-03-11", "day")
    assert wording.when(c) == "on 11 Mar 2025"
    c.time = TimeSpan(None, None, "unknown")
    assert wording.when(c) == ""


def test_attributed_claim_columns():
    c = AttributedClaim(span="Hensby said", start=0, end=11, sentence="", speaker="Clara Hensby",
                        speaker_role="UN spokeswoman", verb="said", quote="The corridor is a lifeline",
                        date="2025-03-17")
    assert wording.kind_label(c) == "attributed"
    assert wording.figure(c) == "“The corridor is a lifeline”"
    assert wording.who(c) == "Clara Hensby, UN spokeswoman"
    assert wording.when(c) == "17 Mar 2025"


class _Result:
    def __init__(self, claims, matches, flags):
        self.claims, self.matches, self.flags = claims, matches, flags


def test_flags_attach_to_the_claim_of_this_article_by_span():
    mine = numeric(174, 174, 174, start=40, end=57)
    other = numeric(12, 12, 12, start=100, end=102)
    flag = Discrepancy(
        type="cumulative_decrease", metric="killed · Ostrelo",
        a=FlagEnd("ostrelo-continental-2025-03-12", "192", 10, 13, "2025-03-12", "Continental Wire", None, 7),
        b=FlagEnd(None, "x" * 17, 40, 57, "2025-03-17", "Continental Wire", None, None),
        explanation="fell", key="k1",
    )
    rows = results.rows_for(Checked(_Result([mine, other], {}, [flag]), {(100, 102): "rejected"}))
    assert [len(r.flags) for r in rows] == [1, 0]
    assert rows[1].review == "rejected"


def test_a_rejected_claim_carries_no_flag():
    mine = numeric(174, 174, 174, start=40, end=57)
    flag = Discrepancy("conflict", "m", FlagEnd("a", "s", 1, 2, None, None, None, 3),
                       FlagEnd(None, "s", 40, 57, None, None, None, None), "e", "k")
    rows = results.rows_for(Checked(_Result([mine], {}, [flag]), {(40, 57): "rejected"}))
    assert rows[0].flags == []


def test_qt_offsets_count_utf16_units():
    text = "a😀b 23 killed"
    offsets = results.utf16_offsets(text)
    assert offsets is not None
    assert results.to_qt(offsets, text.index("23")) == text.index("23") + 1
    assert results.from_qt(offsets, results.to_qt(offsets, 4)) == 4
    assert results.utf16_offsets("plain text") is None


def test_qt_offsets_round_trip_with_several_emoji():
    text = "😀a😀b 12 killed"
    astral = results.utf16_offsets(text)
    for i in range(len(text) + 1):
        q = results.to_qt(astral, i)
        assert q == len(text[:i].encode("utf-16-le")) // 2
        assert results.from_qt(astral, q) == i


def test_wording_and_operations_need_no_qt():
    import subprocess
    import sys

    code = ("import sys, recount.ui.results, recount.ui.operations; "
            "sys.exit('PySide6' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0
