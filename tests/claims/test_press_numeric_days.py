"""When a figure holds: constructions of real news copy the engine once misread (our own sentences)."""

from __future__ import annotations

from datetime import date

from test_press_numeric import PUBLISHED, claims, one

from recount.claims.document import Document
from recount.claims.numeric import extract_numeric


def test_toll_led_by_a_verb_of_change_far_from_the_noun():
    c = one("The death toll from the landslide in the northern mountain town of Orvak has climbed to 86.",
            86)
    assert c.category == "killed" and c.place == "Orvak"
    storm = one("The toll from the storm has risen to at least 412, the agency said.", 412)
    assert storm.category == "killed"


def test_holiday_names_resolve_to_their_day():
    from recount.claims.dates import resolve_day

    assert resolve_day("Easter Sunday", date(2024, 4, 3)) == date(2024, 3, 31)
    assert resolve_day("Christmas Day", date(2025, 1, 6)) == date(2024, 12, 25)


def test_event_day_starts_the_running_total():
    text = ("Rescuers kept digging on Thursday. The quake struck on Monday night, when the old town's "
            "walls collapsed. Officials now count 88 dead.")
    c = one(text, 88)
    assert c.time.scope == "cumulative" and c.time.start == "2024-03-11"


def test_interval_after_the_event_dates_it():
    c = one("Four days after the cyclone hit the coast, the death toll stood at 61.", 61)
    assert c.time.start == "2024-03-10"


def test_vote_results_belong_to_polling_day():
    text = ("The incumbent won Saturday's presidential election, the commission said on Wednesday. "
            "She polled 8,120,455 votes and carried 21 provinces.")
    c = one(text, 8_120_455)
    assert (c.time.scope, c.time.start) == ("day", "2024-03-09")


def test_pledge_is_made_on_a_day_and_a_fund_total_runs():
    pledge = one("A shipping family said on Tuesday it will donate €40 million to the rebuilding.",
                 40_000_000)
    assert (pledge.time.scope, pledge.time.start) == ("day", "2024-03-12")
    fund = one("Pledges to rebuild the old library have reached €310 million.", 310_000_000)
    assert fund.time.scope == "cumulative"


def test_by_a_date_ends_a_running_total():
    c = one("The agency said 412 people were killed in the region by 10 March.", 412)
    assert (c.time.scope, c.time.end) == ("cumulative", "2024-03-10")


def test_opening_day_of_a_said_clause_is_not_the_day_of_the_deaths():
    c = one("On Tuesday, the agency's spokesman said clinics had recorded 47 deaths.", 47)
    assert c.time.scope == "cumulative"


def test_arrests_held_now_are_a_running_total():
    assert one("Police said 26 people were now under arrest over the attacks.", 26).time.scope == "cumulative"


def test_pronoun_in_the_same_sentence_takes_the_previous_figure():
    text = "By Monday the list of missing had some 310 names on it before it was trimmed to 122 people."
    assert [c.category for c in claims(text)] == ["missing", "missing"]


def test_month_abbreviation_with_a_dot_is_a_date():
    text = "By Nov. 17, the list of the missing had 1,276 names on it."
    assert [c.value for c in claims(text, date(2024, 12, 1))] == [1_276]


def test_opening_day_of_a_said_clause_dates_the_running_total():
    c = one("On Tuesday, the agency's spokesman said that clinics had recorded 47 deaths.", 47)
    assert (c.time.scope, c.time.end) == ("cumulative", "2024-03-12")


def test_as_of_a_day_dates_a_list():
    c = one("As of Friday, the number of people unaccounted for had dropped to 605.", 605)
    assert (c.category, c.time.scope, c.time.start) == ("missing", "point", "2024-03-08")


def test_population_now_and_before_the_war():
    assert one("The port, home to 90,000 people, was flooded.", 90_000).time.start == "2024-03-14"
    assert one("Before the war, the town was home to some 80,000 people.", 80_000).time.start is None


def test_figure_after_a_toll_in_another_clause_has_its_own_day():
    c = one("The blaze has now claimed 71 lives after crews found eight bodies on Wednesday.", 8)
    assert (c.time.scope, c.time.start) == ("day", "2024-03-13")


def test_period_inside_a_reported_clause_belongs_to_the_figure():
    c = one("The charity added online that over the past week its surgeons carried out 89 operations.", 89)
    assert c.time.scope == "period"


def test_event_verb_far_before_its_day_starts_the_story():
    text = ("The clashes, which raised fears of a wider war in the region, began after the commander of a "
            "rebel coalition in the hills ordered his units to seize the valley from the government "
            "on March 4. "
            "At least 64 people have been killed, the agency said.")
    assert one(text, 64).time.start == "2024-03-04"


def test_day_an_event_verb_was_reported_is_not_the_event_s_day():
    text = ("No fewer than 166 people have died since the militia began its assault on the port, "
            "the agency said on Tuesday.")
    assert one(text, 166).time.start != "2024-03-12"


def test_votes_belong_to_polling_day_even_when_announced_later():
    text = ("Yesterday, the president was re-elected after the March 9 presidential election "
            "with almost 2m votes more than his rival.")
    c = one(text, 2_000_000)
    assert (c.time.scope, c.time.start) == ("day", "2024-03-09")


def test_polling_day_across_a_hard_line_break():
    text = ("The commission declared the winner after the count of the 9 March\n\n"
            "election. He polled 5,191,804 votes in all.")
    assert one(text, 5_191_804).time.start == "2024-03-09"


def test_event_possessive_period_dates_the_event_not_the_figure():
    text = "The ministry estimated on Friday that this week's floods caused about $2.1 billion in damage."
    assert one(text, 2_100_000_000).time.scope != "period"


def test_a_sum_nothing_dates_holds_for_an_unknown_time():
    c = one("The charity launched an urgent call for $63.2 million to cover shelter and food.", 63_200_000)
    assert (c.time.scope, c.time.start, c.time.end) == ("unknown", None, "2024-03-14")


def test_money_appealed_for_keeps_the_appeal_s_period():
    text = "The agency said it had received a quarter of the $12 million it appealed for last week."
    assert one(text, 12_000_000).time.scope == "period"


def test_a_change_by_some_amount_is_not_a_running_total():
    text = "The official toll was reduced by 106 after autopsy reports were reconciled, the ministry said."
    c = one(text, 106)
    assert (c.category, c.time.scope) == ("killed", "unknown")


def test_subjects_joined_by_and_share_the_verb_after_both():
    found = claims("At least 19 pupils and three teachers died when the school collapsed.")
    assert [(c.value, c.category) for c in found] == [(19, "killed"), (3, "killed")]


def test_what_a_story_has_done_so_far_is_a_running_total():
    assert one("Crews have carried out at least 38 rescues.", 38).time.scope == "cumulative"
    found = claims("The blaze has burned down about 8,400 houses and blackened 131,000 acres.")
    assert [c.time.scope for c in found] == ["cumulative", "cumulative"]
    assert one("He said the fire destroyed 30 homes on Monday.", 30).time.scope == "day"


def test_holiday_naming_an_event_is_not_the_day_words_were_said():
    text = "Authorities on Wednesday revised the toll from the Easter bombings down to 188, officials said."
    c = one(text, 188, date(2024, 4, 4))  # Easter Sunday fell on 31 March 2024
    assert (c.time.scope, c.time.end) == ("cumulative", "2024-04-03")


def test_a_day_s_statement_is_when_it_was_said():
    c = one("The figure of 359 came from Tuesday's statement by a police spokesman.", 359)
    assert c.time.scope != "day"


def test_a_period_in_a_clause_of_its_own_or_of_an_onset_does_not_date_the_figure():
    c = one("The blaze spread over more than 84,000 acres until crews held it last week.", 84_000)
    assert c.time.scope != "period"
    c = one("Clashes that broke out last week have displaced 2,600 people so far, the agency said.", 2_600)
    assert c.time.scope == "cumulative"


def test_a_parenthetical_figure_keeps_its_own_day():
    text = "The blaze has burned down about 8,400 houses (up by 500 houses on Friday)."
    assert one(text, 8_400).time.scope == "cumulative"


def test_pledges_that_total_a_sum_are_a_running_total():
    assert one("Pledges to rebuild the library already total almost $70 million.", 70_000_000).time.scope == \
        "cumulative"


def test_a_previous_figure_was_given_before_the_new_one():
    text = "Officials on Thursday revised the toll down to 61, from the previous figure of 88."
    old = one(text, 88)
    assert (old.time.scope, old.time.end) == ("cumulative", "2024-03-13")


def test_one_running_total_restated_in_a_report_holds_for_one_day():
    text = ("Siege toll climbs to at least 317\n\n"
            "The agency said on Tuesday that 317 people had died in the city by 28 February.")
    assert {c.time.end for c in claims(text)} == {"2024-02-28"}


def test_the_first_day_of_a_span_of_days_is_no_figure():
    found = extract_numeric(Document.from_text("The agency counted 45 deaths between 24 and 25 August.",
                                               PUBLISHED))
    assert [c.value for c in found] == [45]
