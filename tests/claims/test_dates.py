"""Date expressions resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from recount.claims.dates import find_dates, weekday_on_or_before

PUB = date(2025, 3, 12)  # a Wednesday


def first(text: str, pub: date = PUB):
    refs = find_dates(text, pub)
    assert refs, text
    return refs[0]


@pytest.mark.parametrize(
    ("text", "first_day", "last_day", "kind"),
    [
        ("on April 7", date(2025, 4, 7), date(2025, 4, 7), "day"),  # soon after: this year
        ("on November 7", date(2024, 11, 7), date(2024, 11, 7), "day"),  # months ahead: last year
        ("on March 3", date(2025, 3, 3), date(2025, 3, 3), "day"),
        ("on 3 March", date(2025, 3, 3), date(2025, 3, 3), "day"),
        ("on March 2, 1987,", date(1987, 3, 2), date(1987, 3, 2), "day"),
        ("Aug. 9", date(2024, 8, 9), date(2024, 8, 9), "day"),
        ("on Sunday", date(2025, 3, 9), date(2025, 3, 9), "day"),
        ("on Wednesday", date(2025, 3, 12), date(2025, 3, 12), "day"),
        ("last Thursday", date(2025, 3, 6), date(2025, 3, 6), "day"),
        ("yesterday", date(2025, 3, 11), date(2025, 3, 11), "day"),
        ("last week", date(2025, 3, 3), date(2025, 3, 9), "period"),
        ("earlier in the year", date(2025, 1, 1), date(2025, 12, 31), "period"),  # this year's
        ("later in the month", date(2025, 3, 1), date(2025, 3, 31), "period"),
        ("over the past two days", date(2025, 3, 11), date(2025, 3, 12), "period"),  # the last day counts
        ("in the past 24 hours", date(2025, 3, 11), date(2025, 3, 12), "period"),
        ("since the weekend", date(2025, 3, 8), date(2025, 3, 9), "period"),
        ("in 1987", date(1987, 1, 1), date(1987, 12, 31), "year"),
        ("since October", date(2024, 10, 1), date(2024, 10, 31), "month"),
    ],
)
def test_resolution(text, first_day, last_day, kind):
    ref = first(text)
    assert (ref.first, ref.last, ref.kind) == (first_day, last_day, kind)


def test_offsets_point_at_the_words():
    text = "Clashes erupted on March 28 near the city."
    ref = first(text, date(2019, 4, 8))
    assert text[ref.start : ref.end] == "March 28"


def test_numbers_that_are_not_years():
    assert find_dates("2,019 people and 2019 people", PUB) == []


def test_month_abbreviation_is_not_a_prefix_of_march():
    ref = first("since March 3, the UN said")
    assert ref.first == date(2025, 3, 3)


def test_weekday_on_or_before():
    assert weekday_on_or_before(6, date(2025, 3, 12)) == date(2025, 3, 9)
    assert weekday_on_or_before(2, date(2025, 3, 12)) == date(2025, 3, 12)


def test_resolve_day_is_the_one_resolver_for_short_phrases():
    from recount.claims.dates import resolve_day

    published = date(2025, 4, 10)  # a Thursday
    assert resolve_day("April 20", published) == date(2025, 4, 20)  # near future stays this year
    assert resolve_day("December 28", published) == date(2024, 12, 28)  # far ahead: last year
    assert resolve_day("Saturday", published) == date(2025, 4, 5)
    assert resolve_day("last night", published) == date(2025, 4, 9)
    assert resolve_day("Monday night", published) == date(2025, 4, 7)
    assert resolve_day("next week", published) is None  # a period, not a day


def test_written_day_is_read_with_the_same_patterns_as_every_date():
    from recount.claims.dates import written_day

    today = date(2025, 4, 10)
    assert written_day("SARVANA, Monday, April 8 -", today=today) == (date(2025, 4, 8), False)
    assert written_day("Published 8 April 2019 10:15", today=today) == (date(2019, 4, 8), True)
    assert written_day("Aug. 9 (Wire)", today=today) == (date(2024, 8, 9), False)  # never ahead of today
    assert written_day("Aug. 9 (Wire)", year=2023, today=today) == (date(2023, 8, 9), False)
    assert written_day("no date here", today=today) is None


def test_hours_ago_and_hours_earlier_name_the_day_they_reach():
    pub = date(2024, 3, 14)
    found = {(d.first, d.kind) for d in find_dates("It struck 36 hours earlier, about an hour ago.", pub)}
    assert found == {(date(2024, 3, 13), "day"), (date(2024, 3, 14), "day")}


def test_a_day_that_has_come_goes_back_a_year_when_it_lies_ahead():
    from recount.claims.dates import not_after

    assert not_after(date(2024, 7, 3), date(2024, 3, 14)) == date(2023, 7, 3)
    assert not_after(date(2024, 2, 29), date(2024, 1, 14)) == date(2023, 2, 28)
    assert not_after(date(2024, 3, 1), date(2024, 3, 14)) == date(2024, 3, 1)
