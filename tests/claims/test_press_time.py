"""When a figure holds, in constructions of real news copy (sentences written by the team)."""

from __future__ import annotations

from datetime import date

from recount.claims.document import Document
from recount.claims.numeric import extract_numeric

PUBLISHED = date(2024, 3, 14)  # a Thursday


def one(text: str, value: float, published: date = PUBLISHED):
    found = [c for c in extract_numeric(Document.from_text(text, published)) if c.value == value]
    assert found, f"no claim of {value} in {text!r}"
    return found[0]


def when(text: str, value: float) -> tuple[str | None, str | None, str]:
    t = one(text, value).time
    return t.start, t.end, t.scope


def test_an_embedded_post_dates_its_figures_and_the_report_of_it():
    text = ("At least 61 people have died and more than 300 have been wounded in the siege of Tarvik, "
            "the relief agency confirmed via Twitter.\n"
            "Fighting began on March 2 when the northern army moved on the city.\n"
            "Siege of Tarvik: 61 dead and 302 wounded so far. Our teams are at three hospitals.\n"
            "\u2014 Relief Agency Veskland (@ReliefVesk) March 12, 2024\n"
            "The agency said it was sending more surgeons.")
    assert when(text, 302) == ("2024-03-02", "2024-03-12", "cumulative")
    assert when(text, 61)[1] == "2024-03-12"  # "confirmed via Twitter": the day of its one post


def test_a_signature_line_without_a_handle_is_not_a_post():
    text = ("Fighting began on March 2 when the northern army moved on the city.\n"
            "Siege of Tarvik: 61 dead so far.\n"
            "\u2014 the editors, March 12, 2024")
    assert when(text, 61)[1] == "2024-03-14"


def test_the_figure_a_toll_was_lowered_from_ended_the_day_before():
    text = ("The bombings struck the capital on Sunday, March 10, and the death toll climbed for two days. "
            "The health director issued the correction on Wednesday, lowering the death toll "
            "from 212 to 164.")
    assert when(text, 212) == ("2024-03-10", "2024-03-12", "cumulative")
    assert when(text, 164)[1] == "2024-03-13"


def test_a_toll_given_earlier_on_an_unsaid_day_has_no_end():
    text = ("The flood hit the valley on Sunday, March 10. "
            "The regional office had previously put the town's death toll at 1,800.")
    assert when(text, 1800) == ("2024-03-10", None, "cumulative")


def test_the_area_a_fire_burned_is_a_running_total():
    text = "The Ridge Fire broke out on March 1. It grew to more than 30,000 acres before crews contained it."
    assert when(text, 30_000) == ("2024-03-01", "2024-03-14", "cumulative")
    assert when("The Ridge Fire broke out on March 1. The 23,400-acre blaze has killed nine people.",
                23_400)[2] == "cumulative"


def test_counted_parts_of_the_event_are_of_the_event_day():
    text = ("Bombers struck two mosques and three hotels on Sunday, March 10. "
            "The spokesman gave no breakdown of casualties from the two mosques and three hotels hit by "
            "the bombers. The group said the blasts were carried out by six attackers.")
    assert when(text, 3) == ("2024-03-10", "2024-03-10", "day")
    assert when(text, 6) == ("2024-03-10", "2024-03-10", "day")


def test_an_adjective_of_collapse_does_not_date_the_count():
    text = ("The quake struck before dawn on Tuesday, March 12. Our reporters counted at least 40 "
            "collapsed buildings along the main road.")
    assert when(text, 40)[2] == "point"


def test_a_nation_of_millions_is_its_population():
    text = ("The attacks of Sunday, March 10, were the deadliest in the island state of 8 million people "
            "since the war ended.")
    assert when(text, 8_000_000) == ("2024-03-14", "2024-03-14", "point")


def test_coordinated_figures_share_a_period():
    text = ("The agency added that during the past week its surgeons carried out 41 major and 27 minor "
            "operations.")
    assert when(text, 41) == when(text, 27)
    assert when(text, 27)[2] == "period"


def test_the_year_compared_with_is_not_the_figures_time():
    text = "How can turnout in the province be 40 per cent lower than that of 2019, the candidate asked."
    assert when(text, 40)[2] != "period"


def test_a_promise_to_give_a_total_is_made_that_day():
    text = ("Two industrialists said on Tuesday the pair will contribute a total of EUR150 million "
            "to the abbey.")
    assert when(text, 150_000_000) == ("2024-03-12", "2024-03-12", "day")
    text = "Separately, the chief of the oil major Total said the firm will also give EUR90 million."
    assert when(text, 90_000_000)[2] == "day"  # a company called Total is not a running total


def test_a_pledge_with_no_day_of_its_own_is_undated():
    # a past or reported pledge: made some day before the report, which the report does not say
    text = "A shipping family has pledged EUR10 million to the fund, its trust said."
    assert when(text, 10_000_000) == (None, "2024-03-14", "unknown")
    text = "The two brothers said they would give more than EUR40m to the restoration work."
    assert when(text, 40_000_000) == (None, "2024-03-14", "unknown")
    text = "The town council announced EUR5m, and the province promised EUR2m."
    assert [when(text, v)[2] for v in (5_000_000, 2_000_000)] == ["unknown", "unknown"]
    text = "The two brothers said on Tuesday they would give more than EUR40m to the restoration work."
    assert when(text, 40_000_000) == ("2024-03-12", "2024-03-12", "day")


def test_pledges_that_have_reached_a_sum_are_a_running_total():
    text = "Pledges To Rebuild The Abbey Total To Almost $500 Million"
    assert when(text, 500_000_000)[2] == "cumulative"


def test_a_budget_up_to_a_day_ahead_is_a_period():
    text = "The agency said on Tuesday it needed $8.4m to fund its relief work up to April 30."
    assert when(text, 8_400_000) == ("2024-03-12", "2024-04-30", "period")


def test_a_missing_list_told_as_a_past_change_is_undated():
    text = ("The list of people unaccounted for after the mudslide has 640 names, the mayor said. "
            "She said the list grew from roughly 90 to more than 600 as calls came in.")
    assert when(text, 600)[2] == "unknown"
    assert when(text, 90)[2] == "unknown"
    assert when(text, 640)[2] == "point"  # the list as it stands


def test_the_states_a_country_is_made_of_are_not_a_result():
    text = ("Voters went to the polls in Saturday's presidential election, held on March 9. "
            "Results were collated from all 28 states before the winner was declared.")
    assert when(text, 28) == ("2024-03-09", "2024-03-09", "point")


def test_a_tally_of_victims_in_a_death_toll_sentence_is_the_dead():
    c = one("Could the blaze's death toll end up well above the present count of 52 victims?", 52)
    assert c.category == "killed"


def test_a_year_right_after_a_figure_is_that_figures():
    text = "Earthquakes in the valley killed 2,400 people in 1981 and 650 in 1996, the institute said."
    assert when(text, 2400)[:2] == ("1981-01-01", "1981-12-31")
    assert when(text, 650)[:2] == ("1996-01-01", "1996-12-31")


def test_the_year_of_the_figure_compared_with_is_not_the_new_figures():
    text = "Turnout reached 58 per cent, down from 64 per cent in 2020, the commission said on Monday."
    assert when(text, 58)[:2] == ("2024-03-11", "2024-03-11")
    assert when(text, 64)[:2] == ("2020-01-01", "2020-12-31")
    text = "Sales fell 31% to $4.1 billion, hurt by a $900 million fine over a 2019 data breach."
    assert when(text, 4.1e9)[0] != "2019-01-01"


def test_a_conversion_in_brackets_does_not_part_a_figure_from_its_year():
    text = "The minister said $2.3 billion (\u20ac1.9 billion) had been pledged for 2020-2021."
    assert when(text, 2.3e9)[0] == "2020-01-01"


def test_bringing_a_total_to_a_figure_makes_it_a_running_total():
    assert when("Crews freed nine more people overnight, bringing the number rescued to 214.", 214)[2] == \
        "cumulative"
    assert when("Six new cases were confirmed, taking the total to 47.", 47)[2] == "cumulative"
    assert when("A further $15 million took the total pledged to $380 million.", 380e6)[2] == "cumulative"
    # a headcount can fall: the people in a camp are counted at a point
    assert when("New arrivals bring the number of people in the camp to 9,000.", 9000)[2] == "point"


def test_a_missing_list_stands_as_of_the_time_its_clause_names():
    text = ("Early last week the list of the missing fell to about 300, but over the weekend it "
            "climbed to more than 900.")
    assert when(text, 900) == ("2024-03-09", "2024-03-10", "point")
    assert when("On Tuesday, 35 people were still missing.", 35) == ("2024-03-12", "2024-03-12", "point")


def test_as_of_a_day_a_cumulative_count_stands_then():
    text = ('"As of March 12, 2024, 18:00hrs, we have recorded 63 confirmed infections in all," '
            'the ministry said.')
    assert when(text, 63) == (None, "2024-03-12", "cumulative")


def test_new_cases_in_the_last_hours_are_a_period_beside_a_cumulative_count():
    text = ("Infections stand at 63 in all, after five more confirmed cases were logged over the past "
            "48 hours, the agency added.")
    assert when(text, 5)[2] == "period"
    assert when(text, 63)[2] == "cumulative"


def test_a_response_that_starts_is_not_the_event_running_totals_count_from():
    text = ("Crews began a huge clean-up along the coast on Tuesday.\n\n"
            "The cyclone has killed at least 52 people, officials said.")
    assert when(text, 52)[0] is None
    text = ("Investigators opened an inquiry into the fire, which started at the depot on Monday.\n\n"
            "Donations for the rebuilding have reached $30 million.")
    assert when(text, 30e6)[0] == "2024-03-11"


def test_a_sum_is_a_running_total_only_when_it_is_reached_not_merely_named_after_hit():
    text = "Regulators last month hit the carrier with a record $1.9 billion fine over its pricing."
    assert when(text, 1.9e9)[2] != "cumulative"
    text = "Pledges for the rebuilding have reached \u20ac700 million (about $760 million)."
    assert when(text, 760e6)[2] == "cumulative"


def test_accounts_that_rise_are_not_running_totals():
    text = "Quarterly revenue rose to $18.4 billion from $15.2 billion, the company said."
    assert when(text, 18.4e9)[2] != "cumulative"


def test_a_figure_before_a_holiday_held_by_that_day():
    text = "The register held 1,300 names in mid-November and was trimmed to 640 people before Thanksgiving."
    assert when(text, 640) == (None, "2023-11-23", "unknown")


def test_quarters_are_periods_of_their_year():
    text = "The airline said it lost $410 million in the second quarter of 2023."
    assert when(text, 410e6)[:2] == ("2023-04-01", "2023-06-30")
    text = "The carmaker earned $2.1 billion in the fourth quarter, it said on Tuesday."
    assert when(text, 2.1e9)[:2] == ("2023-10-01", "2023-12-31")


def test_as_of_late_a_day_a_count_is_a_total_by_then():
    text = "Rescuers had freed more than 50 survivors as of late Wednesday."
    assert when(text, 50) == (None, "2024-03-13", "cumulative")


def test_a_second_casualty_verb_in_one_clause_shares_its_period():
    text = "In June, a crash between two ferries killed 75 people and injured 310 others."
    assert when(text, 310)[:2] == ("2023-06-01", "2023-06-30")


def test_a_total_over_a_named_period_is_that_periods_not_a_running_total():
    text = ("This week, the monitor said a total of 180 civilians died in air raids between January 20 "
            "and February 20, more than in any month since the campaign began on May 2, 2021.")
    assert when(text, 180) == ("2024-01-20", "2024-02-20", "period")


def test_an_onset_dated_by_its_own_words_does_not_take_the_later_day():
    text = ("Casualties from a storm that hit the coast two days earlier kept climbing on Thursday.\n\n"
            "Nearly 3,000 deaths had been counted by Thursday night.")
    assert when(text, 3000)[0] != "2024-03-14"


def test_a_figure_credited_to_a_report_holds_as_of_the_day_the_body_released_it():
    from recount.claims import extract

    text = ("Officials lowered the toll of the blasts following an updated bulletin from the Health "
            "Ministry. Its latest figure is 212.\n\nThe ministry released a statement Tuesday explaining "
            "that several victims had been listed twice.")
    figure = next(c for c in extract(text, PUBLISHED) if c.kind == "numeric" and c.value == 212)
    assert figure.time.end == "2024-03-12"


def test_money_does_not_speak():
    from recount.claims import extract

    text = "Funds pledged for the abbey's repair have passed \u20ac40 million since the fire."
    assert [c for c in extract(text, PUBLISHED) if c.kind == "attributed"] == []


def test_a_span_of_days_and_the_week_before_it():
    text = ("Arrivals reached 9,400 over March 1-7, against 3,900 in the previous week.")
    assert when(text, 9400) == ("2024-03-01", "2024-03-07", "period")
    assert when(text, 3900)[2] == "period" and when(text, 3900)[0] != "2024-03-01"


def test_killed_when_the_event_happened_on_a_day_is_that_days():
    text = ("Seven passengers died and 12 were hurt when four carriages of a commuter train derailed "
            "outside Orlan early Tuesday, a rail official said.")
    assert when(text, 7) == ("2024-03-12", "2024-03-12", "day")


def test_a_figure_from_a_previous_report_ends_before_the_new_one():
    text = ("The agency now counts 2,958 dead, lower than a previous report that put 9,300 dead.")
    assert when(text, 9300)[1] == "2024-03-13"
    assert when(text, 2958)[1] == "2024-03-14"


def test_fresh_deaths_reported_on_a_day_are_that_days_count():
    text = "A total of 14 fresh deaths were reported on Tuesday, taking the toll to 96."
    assert when(text, 14) == ("2024-03-12", "2024-03-12", "day")
    assert when(text, 96)[2] == "cumulative"
