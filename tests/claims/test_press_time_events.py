"""When a figure holds: the clause that dates a running total, a wreck that starts a story, words
that go on across a paragraph, a title that rounds its lead (sentences written by the team)."""

from __future__ import annotations

from datetime import date

from recount.claims.document import Document
from recount.claims.numeric import extract_numeric

PUBLISHED = date(2024, 3, 14)  # a Thursday


def when(text: str, value: float) -> tuple[str | None, str | None, str]:
    found = [c for c in extract_numeric(Document.from_text(text, PUBLISHED)) if c.value == value]
    assert found, f"no claim of {value} in {text!r}"
    t = found[0].time
    return t.start, t.end, t.scope


def test_a_total_brought_up_by_a_dated_clause_holds_as_of_that_day():
    text = ("Four more rescuers were treated for exhaustion on Tuesday, taking the number of injured "
            "rescuers to 31.")
    assert when(text, 31)[1:] == ("2024-03-12", "cumulative")
    text = "Donors gave another $4 million on Monday, bringing the total raised to $19 million."
    assert when(text, 19_000_000)[1:] == ("2024-03-11", "cumulative")


def test_a_total_brought_up_without_a_day_holds_as_the_report_stands():
    text = "Divers recovered nine more bodies from the lake, bringing the death toll to 212."
    assert when(text, 212)[1:] == ("2024-03-14", "cumulative")


def test_a_wreck_on_a_named_day_starts_the_running_totals():
    text = ("The ferry, which capsized off the northern coast on March 2, carried 480 people. "
            "As of Thursday, 212 people have been confirmed dead.")
    assert when(text, 212) == ("2024-03-02", "2024-03-14", "cumulative")
    text = ("The bus overturned on a mountain road on March 9. Since then, 14 passengers have died in "
            "hospital.")
    assert when(text, 14)[0] == "2024-03-09"


def test_an_interval_after_a_wreck_counts_back_from_the_report():
    text = "Two weeks after the train derailed near the border, 41 people have been confirmed dead."
    assert when(text, 41)[0] == "2024-02-29"
    text = "A fortnight after the tanker ran aground, 19 crew members have been confirmed dead."
    assert when(text, 19)[0] == "2024-02-29"


def test_a_market_that_sank_by_a_figure_starts_nothing():
    text = "Shares sank 5% on Monday. The company has since cut 300 jobs."
    assert when(text, 300)[0] is None


def test_a_list_still_missing_beside_a_toll_is_a_point_in_time():
    text = "The death toll stands at 212, with 40 still missing."
    assert when(text, 40) == ("2024-03-14", "2024-03-14", "point")
    assert when(text, 212)[2] == "cumulative"


def test_the_campaign_before_a_vote_is_not_polling_day():
    text = ("Before the vote, the governor's rallies attracted tens of thousands of backers, and turnout "
            "reached 61 percent on Sunday's election day.")
    assert when(text, 20_000)[2] != "day"
    assert when(text, 61) == ("2024-03-10", "2024-03-10", "day")


def test_words_that_go_on_in_the_next_paragraph_keep_their_day():
    text = ("The fighting has killed 254 people and wounded 1,228, the health agency said on Sunday.\n\n"
            "The agency added in a post that its surgical teams had carried out 89 operations in the past "
            "week.\n\n"
            "Two more names were added to the list of the missing, which now holds 30 people.")
    assert when(text, 89) == ("2024-03-04", "2024-03-10", "period")  # the seven days up to its words
    assert when(text, 30)[1] == "2024-03-14"  # "were added": no statement goes on


def test_a_rounded_title_takes_the_day_of_the_figure_it_rounds():
    text = ("Toll from the Marvik fighting exceeds 300: agency\n\n"
            "At least 305 people are dead after the fighting for Marvik, the health agency said on "
            "Tuesday.")
    assert when(text, 300)[1:] == ("2024-03-12", "cumulative")


def test_an_onset_counted_back_in_hours_starts_the_story():
    text = ("The toll of the quake that struck the Koral valley 36 hours earlier rose to 812 "
            "on Thursday.")
    assert when(text, 812) == ("2024-03-13", "2024-03-14", "cumulative")
    text = "The storm that made landfall 50 hours ago has killed 31 people."
    assert when(text, 31)[0] == "2024-03-12"


def test_a_title_takes_the_day_its_lead_gives_the_same_figures():
    text = ("Three killed, 12 injured in market blast\n\n"
            "A bomb went off in the Varna street market on Tuesday, killing three people and injuring 12, "
            "police said.")
    assert when(text, 12) == ("2024-03-12", "2024-03-12", "day")


def test_an_event_named_with_its_day_before_the_verb_of_harm_is_that_days():
    text = "An air strike in the north of the country on Monday killed nine civilians, a monitor said."
    assert when(text, 9) == ("2024-03-11", "2024-03-11", "day")
    text = "The explosion on Tuesday, which killed 14 people, was the third this month."
    assert when(text, 14) == ("2024-03-12", "2024-03-12", "day")


def test_people_harmed_when_the_event_happened_are_the_events_day():
    text = ("Six people were killed on Tuesday when eleven carriages of a night train bound for the coast "
            "from the mountain towns derailed near Orsk. More than 30 passengers were also injured when the "
            "train ran off the tracks.")
    assert when(text, 30) == ("2024-03-12", "2024-03-12", "day")


def test_a_title_takes_the_period_its_lead_gives_the_same_figure():
    text = ("Health ministry reports 5 new deaths\n\n"
            "The ministry said it had recorded five deaths from the fever in the last two days.")
    assert when(text, 5)[2] == "period"
    titles = [c for c in extract_numeric(Document.from_text(text, PUBLISHED)) if c.value == 5]
    assert len({(c.time.start, c.time.end, c.time.scope) for c in titles}) == 1


def test_people_staying_in_shelters_as_of_a_day_are_a_count_of_that_moment():
    text = "The governor's office said about 3,100 evacuees were staying in 52 shelters as of Monday morning."
    assert when(text, 3100) == ("2024-03-11", "2024-03-11", "point")


def test_votes_counted_after_the_country_went_to_the_polls_are_polling_days():
    text = ("The president won 2.3 million votes, or 58 percent, the electoral commission announced. "
            "Voters went to the polls on Monday to choose a president and 180 lawmakers.")
    assert when(text, 2_300_000) == ("2024-03-11", "2024-03-11", "day")


def test_parts_in_brackets_count_what_the_figure_before_them_counts():
    text = ("Since the outbreak began on January 9, there have been 912 cases (870 confirmed, 42 probable), "
            "including 466 deaths (431 confirmed, 35 probable), the ministry said on Tuesday.")
    claims = {c.value: c for c in extract_numeric(Document.from_text(text, PUBLISHED))}
    assert claims[431].category == claims[35].category == "killed"
    assert claims[431].time == claims[466].time
    assert claims[870].category == claims[912].category


def test_a_bracket_with_an_older_figure_is_not_a_breakdown():
    text = "The toll rose to 250 (up from 200 on Monday), officials said."
    assert when(text, 200)[1] == "2024-03-11"


def test_a_closed_bracket_between_a_figure_and_its_day_is_an_aside():
    text = "The attack killed 31 people (19 men and 12 women) on Tuesday."
    assert when(text, 31) == when(text, 19) == ("2024-03-12", "2024-03-12", "day")


def test_an_abbreviation_between_an_onset_and_its_day_ends_no_sentence():
    text = ("A gunman shot dead two diners at a riverside cafe before officers stopped him, police say.\n"
            "Diners fled after shots rang out and the attack began around 9:15 p.m on Monday night.")
    assert when(text, 2)[0] == "2024-03-11"
    text = ("The cyclone, which made landfall in the U.K. Tuesday, has killed 12 people. About 900 people "
            "were staying in 30 shelters as of Thursday.")
    assert when(text, 12)[0] == "2024-03-12"


def test_a_figure_reported_earlier_is_not_the_reports_own_moment():
    text = ("The toll in the Dravin crash has risen to 190, the railway said on Tuesday. "
            "Earlier it was reported that 150 people had died.")
    assert when(text, 190)[1] == "2024-03-12"
    assert when(text, 150)[1] is None
    text = "The toll was earlier given as 190, which the state revised down to 175 on Sunday."
    assert when(text, 190)[1] is None
    assert when(text, 175) == (None, "2024-03-10", "cumulative")


def test_a_figure_denied_in_favour_of_another_is_the_older_one():
    text = "After removing duplicates, the collector said the toll is 175 and not 190."
    assert when(text, 175)[1] == "2024-03-14"
    assert when(text, 190)[1] == "2024-03-13"


def test_a_new_speakers_words_are_not_dated_by_an_earlier_statement():
    text = ("The chief secretary spoke on Thursday. \"The railway on Monday said the toll was 190. "
            "After checking every body, the collector has informed us that the toll is 175.\"")
    assert when(text, 190)[1] == "2024-03-11"
    assert when(text, 175)[1] == "2024-03-14"
    text = ("The agency said on Monday that 190 people had died. It said 40 of them were children.")
    assert when(text, 40)[1] == "2024-03-11"  # a pronoun goes on with the same speaker


def test_a_clock_time_is_neither_a_figure_nor_a_year():
    text = "The official count of the dead as of 2130 GMT on Wednesday was 96, the minister said."
    claims = extract_numeric(Document.from_text(text, PUBLISHED))
    assert [c.value for c in claims] == [96]
    assert (claims[0].category, claims[0].time.end) == ("killed", "2024-03-13")
    text = "As of 10 p.m. on Tuesday, 40 people had been confirmed dead."
    assert when(text, 40)[1:] == ("2024-03-12", "cumulative")


def test_a_past_event_named_before_a_figure_dates_it_as_history():
    text = "The collapse came six years after a fire at the Belan mill that left 51 workers dead."
    assert when(text, 51) == ("2018-01-01", "2018-12-31", "period")
    text = "The appeal follows a November fire that killed 112 workers at another factory."
    assert when(text, 112) == ("2023-11-01", "2023-11-30", "period")
    text = "It was the worst accident since 212 passengers drowned when a barge capsized in 2009."
    assert when(text, 212) == ("2009-01-01", "2009-12-31", "period")
    text = "More than 2,000 workers have lost their lives in quarry accidents over the past 50 years."
    assert when(text, 2000)[2] == "period"
    text = "Since 2011, 304 people have died in ferry accidents."  # a running total from 2011 (unchanged)
    assert when(text, 304) == ("2011-01-01", "2024-03-14", "cumulative")


def test_a_toll_in_an_event_dated_by_its_own_clause_holds_as_of_the_words():
    text = ("The regional secretary on Saturday confirmed that the toll had climbed to 241 in the derailment "
            "that occurred near Velmora on Friday evening.")
    assert when(text, 241) == ("2024-03-08", "2024-03-09", "cumulative")


def test_overnight_and_within_the_past_day_are_the_span_before_the_words():
    text = ("Health officials said on Monday that four more patients had died overnight, bringing the "
            "outbreak's toll to 61.")
    assert when(text, 4) == ("2024-03-10", "2024-03-11", "period")
    assert when(text, 61)[1:] == ("2024-03-11", "cumulative")
    text = "Officials said another five infants had perished within the past day."
    assert when(text, 5)[2] == "period"
    text = ("The toll from the blasts has climbed to 318, with several patients dying of wounds "
            "overnight, police said.")
    assert when(text, 318)[2] == "cumulative"  # the night is the other clause's


def test_as_of_a_day_dates_a_count_and_an_act_is_no_day_of_words():
    text = ("As of 3 March, there were 412 suspected cholera cases in Dunmore province, the health "
            "ministry said. The ministry declared an outbreak on February 20 and has recorded more than 900 "
            "cases so far.")
    assert when(text, 412)[1] == "2024-03-03"
    assert when(text, 900)[1:] == ("2024-03-14", "cumulative")
    text = ("With a wide area hit by Monday's earthquake and close to 5,400 buildings reported to have "
            "fallen, rescuers were stretched thin.")
    assert when(text, 5400)[1] == "2024-03-14"  # "by Monday's earthquake" is no "by Monday"


def test_an_event_named_in_another_sentence_or_counted_back_starts_the_story():
    text = ("Officials now count more than 1,100 dead. Aid teams keep arriving after Saturday's "
            "6.9 magnitude quake.")
    assert when(text, 1100)[0] == "2024-03-09"
    assert when("Three days after the storm, the toll stood at 205.", 205)[0] == "2024-03-11"
    assert when("Since mid-June the toll has climbed to 730.", 730)[0] == "2023-06-15"


def test_a_start_said_without_its_year_has_already_come():
    assert when("Since 3 July, 140 people have died in the floods.", 140)[0] == "2023-07-03"
    text = ("The relief agency reported 58 deaths on 10 March, bringing the total since 2 March to 230.")
    assert when(text, 230)[1:] == ("2024-03-10", "cumulative")


def test_a_toll_announced_earlier_is_undated():
    assert when("The authorities had earlier announced a toll of 199.", 199)[1] is None


def test_a_day_between_the_subject_and_its_verb_dates_the_act():
    assert when("Donors on Tuesday pledged 3 billion euros.", 3e9)[:2] == ("2024-03-12", "2024-03-12")
    assert when("Divers on Monday pulled 11 people from the hull.", 11)[1] == "2024-03-11"
    assert when("The march brought together, Thursday, March 7, 84,000 people.", 84_000)[1] == "2024-03-07"
    assert when("The ministry on Monday said 40 people had died.", 40)[1] == "2024-03-11"  # said that day


def test_two_days_sharing_a_month_are_dates_not_figures():
    from recount.claims.document import Document
    from recount.claims.numeric import extract_numeric

    for text in ("Two more strike days were called for 7 and 11 February.",
                 "Unions will march again on February 7 and 11, a spokesman said."):
        values = [c.value for c in extract_numeric(Document.from_text(text, PUBLISHED))]
        assert 7 not in values and 11 not in values


def test_an_earlier_attack_of_the_year_is_history_not_the_toll():
    # "earlier in the year" dates a past event: its dead are not the running toll of this one
    text = ("A blast at a rally in Orvane killed 44 people on Sunday. A similar bombing in Tesk earlier "
            "in the year cost more than 90 lives.")
    claims = extract_numeric(Document.from_text(text, PUBLISHED))
    past = next(c for c in claims if c.value == 90)
    assert past.time.scope == "period" and past.time.start == f"{PUBLISHED.year}-01-01"


def test_an_events_toll_in_a_relative_clause_is_not_the_main_clauses_day():
    text = "A week after the landslide that killed 310, the schools of Orvane reopened on Monday."
    found = [c for c in extract_numeric(Document.from_text(text, PUBLISHED)) if c.value == 310]
    assert found and found[0].time.scope != "day"
