"""Reconciliation: every report kept, revisions recorded, the conservative headline."""

from __future__ import annotations

from recount.compare.diff import format_diff, word_diff
from recount.compare.reconcile import Observation, reconcile


def _obs(as_of, value, source=None, outlet="Harbour Post", lower=None, upper=None):
    lower = value if lower is None and upper is None else lower
    upper = value if upper is None and lower == value else upper
    return Observation(as_of, outlet, source, value, lower, upper, f"{outlet}-{as_of}", None, as_of)


def test_a_revision_down_is_recorded_not_dropped() -> None:
    rec = reconcile([_obs("2024-06-05", 312, "Coast Guard"), _obs("2024-06-06", 347, "Coast Guard"),
                     _obs("2024-06-09", 289, "Coast Guard")])
    assert [o.value for o in rec.series] == [312, 347, 289]
    assert [o.revised_down for o in rec.series] == [False, True, False]
    assert [o.superseded for o in rec.series] == [True, True, False]
    assert (rec.low, rec.best, rec.high) == (289, 289, 289)


def test_best_is_the_conservative_figure_of_the_latest_day() -> None:
    rec = reconcile([
        _obs("2024-06-10", 121, "Health Ministry"),
        _obs("2024-06-12", 192, "United Nations", lower=192, upper=None),
        _obs("2024-06-12", 150, None, outlet="Amsel Courier"),
    ])
    assert rec.best == 150
    assert rec.low == 121 and rec.high == 192  # "at least 192" adds 192, not infinity


def test_old_reports_of_other_sources_leave_the_current_window() -> None:
    rec = reconcile([_obs("2024-05-01", 10, "Red Cross"), _obs("2024-06-12", 40, "Coast Guard")])
    assert (rec.low, rec.best, rec.high) == (40, 40, 40)
    assert len(rec.series) == 2


def test_a_point_in_time_count_uses_only_the_latest_day() -> None:
    rec = reconcile([_obs("2024-06-03", 85, "A"), _obs("2024-06-05", 12, "B")], cumulative=False)
    assert (rec.low, rec.best, rec.high) == (12, 12, 12)


def test_no_observations() -> None:
    assert reconcile([]).best is None


def test_word_diff_of_two_quotes() -> None:
    ops = word_diff("We will not sit at the same table as men who shell bread queues.",
                    "We will never sit at a table with men who shell bread lines.")
    assert ops[0] == ("equal", "We will")
    assert ("delete", "not") in ops and ("insert", "never") in ops
    assert "".join(t for op, t in ops if op != "delete").replace(" ", "") == \
        "We will never sit at a table with men who shell bread lines.".replace(" ", "")
    assert format_diff(ops).startswith("We will [-not-] {+never+} sit")


def test_word_diff_ignores_case_and_punctuation() -> None:
    assert word_diff("Every house, rebuilt.", "every house rebuilt") == [("equal", "every house rebuilt")]


def test_a_forecast_or_a_denied_figure_is_no_observation_of_a_toll(num, ref) -> None:
    from recount.compare.reconcile import _same

    toll = ref(num("212 people", 212, end="2024-06-04", sentence="The storm has killed 212 people."),
               "a", "2024-06-04", "One")
    forecast = ref(num("around 900", 900, qualifier="about", end="2024-06-05",
                       sentence="The toll could rise to around 900, the president said."),
                   "b", "2024-06-05", "Two")
    denied_one = ref(num("300", 300, end="2024-06-05",
                         sentence="The toll is 230 and not 300, officials said."), "c", "2024-06-05", "Three")
    later = ref(num("230 people", 230, end="2024-06-05", sentence="The storm has killed 230 people."),
                "d", "2024-06-05", "Four")
    assert _same(toll, later, {})
    assert not _same(toll, forecast, {}) and not _same(toll, denied_one, {})
