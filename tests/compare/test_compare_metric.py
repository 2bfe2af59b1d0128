"""Intervals, metric identity and the way figures are written back in explanations."""

from __future__ import annotations

import math

from recount.compare.metric import format_figure, interval, metric_key, metric_label, same_metric


def test_at_least_23_and_more_than_30_agree(num) -> None:
    a = interval(num("at least 23 people", 23, qualifier="at_least"))
    b = interval(num("more than 30 people", 30, qualifier="more_than"))
    assert not a.disjoint(b)
    assert b.lo == 30 and b.lo_open and math.isinf(b.hi)


def test_exact_figures_that_differ_are_disjoint(num) -> None:
    at_least_45 = interval(num("at least 45 people", 45, qualifier="at_least"))
    assert interval(num("14 people", 14)).disjoint(at_least_45)


def test_fewer_than_is_open_at_its_bound(num) -> None:
    fewer = interval(num("fewer than 40", 40, qualifier="fewer_than"))
    assert fewer.disjoint(interval(num("40 people", 40)))
    assert not fewer.disjoint(interval(num("39 people", 39)))


def test_about_allows_some_room(num) -> None:
    about = interval(num("about 1,500", 1500, qualifier="about"))
    assert not about.disjoint(interval(num("1,400", 1400)))
    assert about.disjoint(interval(num("1,000", 1000)))


def test_a_day_count_is_not_a_running_total(num) -> None:
    day = num("11 killed on Sunday", 11, scope="day", start="2024-06-02", end="2024-06-02")
    total = num("at least 23 killed since", 23, qualifier="at_least", end="2024-06-02")
    ok, why = same_metric(day, "2024-06-03", total, "2024-06-03")
    assert not ok and "kind" in why


def test_killed_is_not_a_lumped_casualty_figure(num) -> None:
    lumped = num("50 casualties", 50, category="injured_or_killed")
    ok, _ = same_metric(num("30 killed", 30), None, lumped, None)
    assert not ok


def test_a_part_is_not_the_whole(num) -> None:
    ok, why = same_metric(num("14 civilians", 14), None, num("205 dead", 205), None)
    assert not ok and "part" in why


def test_people_returning_home_are_not_the_displaced(num) -> None:
    back = num("Fewer than 500 displaced people", 500, qualifier="fewer_than", category="displaced",
               sentence="Fewer than 500 displaced people have been able to return home.")
    ok, _ = same_metric(back, None, num("9,000 people", 9000, category="displaced"), None)
    assert not ok


def test_running_totals_a_day_apart_in_start_are_one_metric(num) -> None:
    a = num("at least 20", 20, qualifier="at_least", start="2024-06-01", end="2024-06-04")
    b = num("31 people", 31, start="2024-06-02", end="2024-06-06", place="southern Port Amsel")
    assert same_metric(a, None, b, None)[0]
    c = num("31 people", 31, start="2024-05-20", end="2024-06-06")
    assert not same_metric(a, None, c, None)[0]


def test_money_needs_the_same_currency(num) -> None:
    a = num("$45 million", 45e6, category="money", scope="point", unit="USD", subject="aid")
    b = num("45 million tavrens", 45e6, category="money", scope="point", subject="aid")
    assert not same_metric(a, None, b, None)[0]


def test_figures_are_written_as_a_journalist_would(num) -> None:
    assert format_figure(num("At least 192", 192, qualifier="at_least")) == "at least 192"
    assert format_figure(num("more than 1,400", 1400, qualifier="more_than")) == "more than 1,400"
    assert format_figure(num("fewer than 40", 40, qualifier="fewer_than")) == "fewer than 40"
    assert format_figure(num("about 12,000", 12000, qualifier="about")) == "about 12,000"
    assert format_figure(num("$4.5 billion", 4.5e9, category="money", unit="USD")) == "$4.5 billion"


def test_metric_label_and_key(num) -> None:
    claim = num("killed 30", 30, place="Tripoli", start="2019-04-04", end="2019-04-08")
    assert metric_label(claim) == "killed · Tripoli · since 2019-04-04"
    day = num("11 killed", 11, scope="day", start="2019-04-07", end="2019-04-07")
    assert metric_label(day) == "killed · Port Amsel · on 2019-04-07"
    assert metric_key(claim) != metric_key(day)
