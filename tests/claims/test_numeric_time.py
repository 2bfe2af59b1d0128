"""When numeric claims hold: days, running totals, periods and moments (invented news texts)."""

from __future__ import annotations

from test_numeric import PUB, claims, one  # noqa: F401  (the shared helpers)


def test_day_on_a_weekday():
    c = one("Nine people were killed on Sunday in the capital.")
    assert (c.time.scope, c.time.start, c.time.end) == ("day", "2024-06-09", "2024-06-09")


def test_day_yesterday():
    c = one("Five people died yesterday, the police said.")
    assert (c.time.scope, c.time.start) == ("day", "2024-06-11")


def test_running_total_since_a_date():
    c = one("More than 200 people have been killed since May 28, the ministry said.")
    assert (c.time.scope, c.time.start, c.time.end) == ("cumulative", "2024-05-28", "2024-06-12")


def test_since_fighting_broke_out_on_a_date():
    c = one("At least 60 people have died since fighting broke out on June 1.")
    assert (c.time.scope, c.time.start, c.time.end) == ("cumulative", "2024-06-01", "2024-06-12")


def test_running_total_ends_when_it_was_said():
    c = one("The ministry said on Monday that 90 people had been wounded since June 1.")
    assert (c.time.scope, c.time.start, c.time.end) == ("cumulative", "2024-06-01", "2024-06-10")


def test_story_start_is_carried_to_later_totals():
    text = ("Fighting broke out on June 3 in the north.\n\n"
            "At least 48 people have been killed so far, the Red Cross said.")
    c = one(text)
    assert (c.time.scope, c.time.start, c.time.end) == ("cumulative", "2024-06-03", "2024-06-12")


def test_toll_rose_to_on_a_day_is_a_running_total():
    text = "The storm hit on June 8.\n\nThe toll rose to 31 on Tuesday, the agency said."
    c = one(text)
    assert (c.time.scope, c.time.start, c.time.end) == ("cumulative", "2024-06-08", "2024-06-11")


def test_rose_from_figure_keeps_its_own_day():
    text = "The toll rose to 121 from 98 on Saturday, the spokesman said."
    a, b = claims(text)
    assert (a.value, a.time.end) == (121, "2024-06-12")
    assert (b.value, b.time.end, b.time.scope) == (98, "2024-06-08", "cumulative")


def test_last_week_and_past_days_are_periods():
    c = one("Twelve people were killed last week in the valley.")
    assert (c.time.scope, c.time.start, c.time.end) == ("period", "2024-06-03", "2024-06-09")
    c = one("Twenty people were arrested over the past two days.")
    assert (c.time.scope, c.time.start, c.time.end) == ("period", "2024-06-11", "2024-06-12")


def test_missing_is_a_point_in_time():
    c = one("Some 40 people remain missing, the governor said on Tuesday.")
    assert (c.time.scope, c.time.start) == ("point", "2024-06-11")


def test_history_with_a_year():
    c = one("An earthquake in the same region in 1999 killed more than 2,000 people.")
    assert (c.time.scope, c.time.start, c.time.end) == ("period", "1999-01-01", "1999-12-31")


def test_rate_has_no_dates():
    c = one("Up to 3,000 people a day could cross, the minister said.")
    assert c.time.scope == "unknown" and c.time.start is None


def test_population_is_a_point_without_dates():
    c = one("Before the war, the town was home to some 80,000 people.")
    assert (c.category, c.time.scope, c.time.start) == ("count", "point", None)


def test_last_year_is_a_period_for_any_figure():
    text = "Last year, floods caused an estimated $30 billion in damage."
    c = one(text)
    assert c.category == "money"
    assert (c.time.scope, c.time.start, c.time.end) == ("period", "2023-01-01", "2023-12-31")


def test_toll_since_an_event_to_a_figure():
    c = one("The strikes took the death toll since the offensive began on June 2 to more than 640.")
    assert (c.category, c.time.scope, c.time.start) == ("killed", "cumulative", "2024-06-02")


def test_past_week_and_start_of_month():
    c = one("About 1,200 people have been wounded in the past week alone.")
    assert (c.time.scope, c.time.start, c.time.end) == ("period", "2024-06-06", "2024-06-12")  # seven days
    c = one("The hospital has treated 3,400 patients since the start of the month.")
    assert (c.time.scope, c.time.start) == ("cumulative", "2024-06-01")


def test_a_month_is_a_period():
    c = one("Inflation rose to 12.5 percent in May, the central bank said.")
    assert c.category == "percent"
    assert (c.time.scope, c.time.start, c.time.end) == ("period", "2024-05-01", "2024-05-31")


def test_a_week_earlier_is_not_a_rate():
    found = claims("The clinic admitted 190 patients on Sunday, up from 45 a week earlier.")
    assert [c.time.scope for c in found][1] != "unknown"


def test_future_weekday_and_years_ago():
    c = one("A campaign reaching 250,000 people is due to start on Thursday.")
    assert c.time.start == "2024-06-13"
    c = one("Two years ago, a similar outbreak killed nearly 900 people.")
    assert (c.time.scope, c.time.start) == ("period", "2022-01-01")


def test_camp_population_holds_on_the_day_of_the_report():
    c = one("The camps, home to about 400,000 people who fled the east, are full.")
    assert (c.time.scope, c.time.start) == ("point", c.time.end)
    assert c.time.start is not None


def test_participle_clause_takes_the_day_of_the_event():
    found = claims("Missiles hit a market in Khariv on Tuesday, killing at least 14 people and wounding 52.")
    assert [(c.category, c.time.scope, c.time.start) for c in found] == [
        ("killed", "day", "2024-06-11"),
        ("wounded", "day", "2024-06-11"),
    ]


def test_month_and_year():
    c = one("Since the invasion in February 2022, more than 10,500 civilians have been killed.")
    assert (c.time.scope, c.time.start) == ("cumulative", "2022-02-01")


def test_over_the_following_day_counts_from_the_event():
    text = ("The quake struck before dawn on Monday, officials said.\n\n"
            "At least a dozen strong aftershocks shook the region over the following day.")
    c = one(text)
    assert (c.time.scope, c.time.start, c.time.end) == ("period", "2024-06-10", "2024-06-11")
