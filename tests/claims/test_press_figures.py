"""What a figure is and what it counts, in constructions of real news copy the engine once
misread (sentences written by the team, after a survey of reports on other stories)."""

from __future__ import annotations

from datetime import date

from recount.claims import extract
from recount.claims.document import Document
from recount.claims.numeric import extract_numeric

PUBLISHED = date(2024, 3, 14)


def claims(text: str):
    return extract_numeric(Document.from_text(text, PUBLISHED))


def one(text: str, value: float):
    found = [c for c in claims(text) if c.value == value]
    assert found, f"no claim of {value} in {[(c.span, c.value) for c in claims(text)]}"
    return found[0]


def sourced(text: str, value: float) -> str | None:
    """The source of the figure of `value`, read by the whole engine (sources need attributions)."""
    return next(c.source for c in extract(text, PUBLISHED) if c.kind == "numeric" and c.value == value)


def values(text: str) -> list[float]:
    return [c.value for c in claims(text)]


def test_scaled_decimals_keep_the_written_digits():
    assert values("Donors pledged $8.2 billion and a further $16.9 billion for Quellin.") == [
        8_200_000_000, 16_900_000_000]
    grain = "Exports fell to 4.1 million tonnes of grain worth 2.3 million euros."
    assert one(grain, 2_300_000).unit == "EUR"


def test_magnitudes_clock_times_day_spans_ages_and_how_often_are_not_figures():
    assert values("The 5.9 magnitude tremor was felt across the region on Tuesday.") == []
    assert values("A 6.1 earthquake shook the coast.") == []
    assert values("The storm's pressure fell to 919 millibars overnight.") == []
    assert values("As of June 4, 18:00hrs, confirmed cases stood at 61, the ministry said.") == [61]
    assert values("Some 8,300 people crossed in the six days between May 2-7.") == [8_300]
    assert values("The victims were aged between 30 and 78, police said.") == []
    assert values("Families have been uprooted five or six times since the war began.") == []


def test_casualty_wording_beyond_killed_and_wounded():
    assert one("The collapse took the lives of 31 workers, officials said.", 31).category == "killed"
    assert one("Two more of the injured succumbed in the night.", 2).category == "killed"
    assert one("Three more people were shot in the square on Sunday.", 3).category == "wounded"
    assert one("Two drones were shot down over the port.", 2).category == "count"
    assert one("A gunman attacked a market on Saturday, killing 17 shoppers.", 17).category == "killed"


def test_a_toll_brought_to_a_figure_takes_the_tolls_category():
    c = one("Friday's toll brought the deaths from three days of shelling in Tarsk to 75, the monitor "
            "said.", 75)
    assert c.category == "killed"


def test_among_the_dead_first_then_the_part():
    c = one("Among the dead were at least 20 soldiers, the army said.", 20)
    assert c.category == "killed"


def test_events_and_things_a_casualty_verb_follows_are_counted_not_killed():
    assert one("The group said 31 separate raids killed civilians in the valley.", 31).category == "count"
    assert one("Two passenger trains collided and killed a driver.", 2).category == "count"
    # the counted homes of an evacuation keep their category
    assert one("Officials warned that up to 900 more homes could be ordered evacuated.", 900).category == (
        "evacuated")


def test_dollars_named_by_their_country():
    c = one("Donors have promised more than 2 billion U.S. dollars to rebuild Branholm.", 2_000_000_000)
    assert c.category == "money" and c.unit == "USD" and c.span.endswith("U.S. dollars")
    assert one("The fund holds 300 million Canadian dollars.", 300_000_000).unit == "CAD"


def test_estimates_that_range_from_one_sum_to_another_are_one_range():
    c = one("Damage estimates ranged from $4 billion to $9 billion, insurers said.", 6_500_000_000)
    assert (c.lower, c.upper) == (4_000_000_000, 9_000_000_000)
    text = "Damage estimates ranged from $4 billion to $9 billion, insurers said."
    assert sourced(text, 6_500_000_000) == "insurers"


def test_a_figure_before_a_new_clause_keeps_its_own_source():
    text = ("Branholm announced that it would give $40 million, and the World Bank said it would lend "
            "$90 million.")
    assert sourced(text, 40_000_000) == "Branholm"
    assert sourced(text, 90_000_000) == "World Bank"


def test_still_belongs_to_its_own_figure():
    text = "As of Thursday, 212 people have been confirmed dead and 35 are still missing."
    c = one(text, 212)
    assert c.category == "killed" and c.time.scope == "cumulative"
    assert one(text, 35).time.scope == "point"


def test_reporting_periods_and_running_totals_of_an_epidemic():
    assert one("The ministry reported 14 new deaths in the last 24 hours.", 14).time.scope == "period"
    assert one("Confirmed infections stand at 63 in all, the ministry said.", 63).time.scope == "cumulative"
    raids = one("At least 45 civilians were killed in air raids between March 2 and April 2.", 45).time
    assert (raids.start, raids.end, raids.scope) == ("2024-03-02", "2024-04-02", "period")


def test_refuge_rates_and_personnel():
    assert one("About 5,000 people are seeking refuge in 30 schools in Tarsk.", 5_000).category == "displaced"
    assert one("More than 500 people an hour crossed the border on Sunday.", 500).time.scope == "unknown"
    assert one("Later, 40 medical personnel arrived at the site.", 40).category == "count"
    assert one("The army sent 400 personnel to the border.", 400).category == "troops"


def test_a_sentence_after_a_clock_time_keeps_its_figure():
    text = ("Over 40 people were hurt when the train left the rails near Tarsk around 5.10 a.m. "
            "Three passengers have been critically injured, officials said.")
    assert one(text, 3).category == "wounded"


def test_a_date_in_an_aside_is_not_the_figures():
    t = one("Mr Halvard, who seized power in a coup 12 years ago, won 71% of the vote in 2019.", 71).time
    assert (t.start, t.end) == ("2019-01-01", "2019-12-31")


def test_a_news_outlet_relays_the_figures_of_the_body_it_names():
    text = "The agency said the toll rose to 3,381, the Tarsk Daily reported."
    assert sourced(text, 3_381) == "agency"
    text = ("The country's director general for prisons issued the correction on Friday, "
            "cutting the death toll from 268 to 212, The Guardian reported.")
    assert "director general for prisons" in (sourced(text, 212) or "")
    assert sourced("Reuters reported that 40 people were killed in the blast.", 40) == "Reuters"


def test_no_one_and_one_of_whom_are_figures():
    text = ("The fire chief said 500 firefighters had fought the blaze, one of whom was hurt. "
            "No one was killed.")
    assert one(text, 1).category == "wounded"
    zero = one(text, 0)
    assert zero.category == "killed" and zero.span == "No one"
    assert one("Nobody was hurt in the second blast, police said.", 0).category == "wounded"
    assert values("No one knows how many were killed.") == []


def test_one_person_harmed_is_a_figure_of_one():
    killed = one("A protester was killed and 14 others were injured when police fired on the march.", 1)
    assert killed.category == "killed"
    assert one("One firefighter died and two others were hurt fighting the blaze.", 1).category == "killed"
    assert one("An off-duty police officer was also wounded in the attack.", 1).category == "wounded"
    assert one("No one was hurt in the collapse, the council said.", 0).category == "wounded"


def test_a_person_who_is_not_harmed_is_not_a_figure():
    assert values("A spokesman said the road would reopen. One witness described a loud bang.") == []
    # "a pilot and a nurse died" are two people: not one, and not counted word by word
    assert 1 not in values("In the south, a pilot and a nurse died when their car hit a fallen tree.")


def test_the_people_a_casualty_verb_counts_are_its_victims():
    assert one("The lorry driver had killed three pedestrians before he was stopped.", 3).category == "killed"
    assert one("Gunmen shot dead four shopkeepers in the market on Tuesday.", 4).category == "killed"


def test_a_part_among_the_wounded_is_wounded_whatever_its_noun():
    text = "Two traffic wardens were among the 23 people wounded in the blast, the ministry said."
    assert one(text, 2).category == "wounded"


def test_a_body_that_estimates_or_puts_a_sum_at_a_figure_is_its_source():
    assert sourced("The Orvo Development Bank estimates the damage at $2.5 billion.", 2.5e9) == \
        "Orvo Development Bank"
    assert sourced("The Orvo Development Bank puts the damage at \u20ac900 million.", 9e8) == \
        "Orvo Development Bank"


def test_estimates_from_a_kind_of_body_are_that_bodys():
    text = "Insured losses may reach $6 billion, according to estimates from the consultancy Marlow Risk."
    assert sourced(text, 6e9) == "Marlow Risk"
    text = "The state-owned lender Orvo Bank said it would write off $300 million in farm loans."
    assert sourced(text, 3e8) == "Orvo Bank"


def test_people_ordered_to_evacuate_are_evacuations():
    ordered = one("Officials said 850,000 people had been ordered to evacuate before landfall.", 850_000)
    assert ordered.category == "evacuated"
    under = one("Some 120,000 residents are under mandatory evacuation orders.", 120_000)
    assert under.category == "evacuated"


def test_results_announced_by_a_body_are_that_bodys():
    text = ("The incumbent took 61 percent, according to partial results released by the election "
            "board on Friday.")
    assert sourced(text, 61) == "election board"


def test_a_state_news_agency_relays_the_body_it_quotes():
    text = ("The Civil Protection Agency said 2,912 people had now died, the state-run Kessa news "
            "agency reported.")
    assert sourced(text, 2912) == "Civil Protection Agency"


def test_a_corrected_figure_announced_in_the_future_tense_is_a_claim():
    text = ('"Our count stands at 212. We first said 268, and it will be revised to 212," the '
            'health director said.')
    assert values(text).count(212) == 2


def test_a_giver_described_around_its_name_is_that_name():
    text = "The fund now holds:\n- \u20ac150m from the Orvane perfume group and two family trusts"
    assert sourced(text, 150e6) == "Orvane"
    text = "The fund now holds:\n- \u20ac15m from the investment arm of the Delac family, owners of a chain"
    assert sourced(text, 15e6) == "Delac"


def test_a_toll_that_rose_sharply_is_still_the_toll():
    text = ("The number of dead after a 6.9-magnitude tremor in Velmora has climbed steeply to over 900, "
            "state television reported.")
    assert one(text, 900).category == "killed"


def test_a_sentences_first_one_is_a_person_unless_harmed():
    assert values("One woman could be seen pinning photos of the missing to a fence.") == []
    assert one("One rescuer was injured when the wall fell.", 1).category == "wounded"


def test_a_verb_that_kills_soldiers_counts_them_as_killed():
    assert one("The blast killed 12 soldiers and wounded 30.", 12).category == "killed"
    assert one("The army deployed 3,000 soldiers to the border.", 3000).category == "troops"


def test_a_bare_figure_after_and_counts_what_the_one_before_counts():
    text = "Floods killed 120 people in the north and 45 in the south."
    assert one(text, 45).category == "killed"
    text = "The quake killed 2,400 people in 1981 and 650 in 1996."
    assert one(text, 650).category == "killed"


def test_a_list_of_parts_opened_by_included_shares_its_first_items_count():
    text = "The dead included 64 women, 38 men, 11 girls and 7 boys, the district office said."
    assert [(c.value, c.category) for c in claims(text)] == [
        (64, "killed"), (38, "killed"), (11, "killed"), (7, "killed")]


def test_a_share_of_a_million_is_a_figure_not_a_million():
    assert one("Close to half a million people have left the valley.", 500_000).category == "displaced"
    assert values("Nearly a quarter of a million people fled.") == [250_000]
    assert values("Three-quarters of a million people fled.") == [750_000]
    assert values("A third of the town fled.") == [100 / 3]  # a share, as before


def test_figures_listed_before_respectively_count_the_nouns_in_order():
    text = "Cases and deaths in the outbreak have risen to 6,118 and 149 respectively, the ministry said."
    assert [(c.value, c.category) for c in claims(text)] == [(6118, "count"), (149, "killed")]
    text = "The storm killed and injured 31 and 97 people respectively."
    assert [(c.value, c.category) for c in claims(text)] == [(31, "killed"), (97, "wounded")]


def test_cases_are_counted_not_killed_whatever_follows():
    text = "The outbreak has reached nine districts with 3 815 cases and 88 associated deaths."
    assert [(c.value, c.category) for c in claims(text)][1:] == [(3815, "count"), (88, "killed")]


def test_victims_grouped_by_nationality_and_captives_of_a_siege():
    text = "Twenty-six foreigners of seven nationalities were killed in the siege."
    assert [(c.value, c.category) for c in claims(text)] == [(26, "killed"), (7, "count")]
    text = "Eighteen gunmen were killed and three captured, the army said."
    assert [(c.value, c.category) for c in claims(text)] == [(18, "killed"), (3, "count")]  # not killed


def test_a_count_after_a_share_is_no_share_and_sums_added_are_no_words():
    text = ("The fatality rate was 2.3 percent, the ministry said, adding that the total number of "
            "infections since the outbreak began stood at 4,206.")
    assert [(c.value, c.category) for c in claims(text)] == [(2.3, "percent"), (4206, "count")]
    found = extract("Retail added (0.4 pp) to output, while farming added 0.2 points.", PUBLISHED)
    assert [c for c in found if c.kind == "attributed"] == []
    fire = extract("Lena Ost, a deputy chief of the Norland Fire Service, said 12 crews were at the site.",
                   PUBLISHED)
    assert all(c.place != "Norland Fire" for c in fire if c.kind == "numeric")


def test_who_is_counted_is_said_once_for_a_list():
    text = "Of the crews, 5 firefighters are missing, 11 injured and 2 in critical condition."
    crews = [(5, None), (11, "firefighters"), (2, "firefighters")]
    assert [(c.value, c.subject) for c in claims(text)] == crews
    text = "The blast killed 40 people and wounded 120."
    assert [c.subject for c in claims(text)] == ["people", None]


def test_the_verb_after_a_list_of_victims_counts_the_first_figure():
    # the predicate follows every noun phrase of the list, not the first one
    assert one("Nine pupils, a bus driver and the gunman are dead, the sheriff said.", 9).category == "killed"
    assert one("Police said 14 pupils and one bus driver had been killed.", 14).category == "killed"
    assert one("The attacker left 14 pupils and one guard dead at the school.", 14).category == "killed"
    # a verb said before the figure governs it; the next clause has its own subject
    assert one("The blast hurt 12 people and the driver of the bus was killed.", 12).category == "wounded"
    assert one("At least 12 people were killed and 30 wounded in the raid.", 12).category == "killed"


def test_a_headline_verb_is_no_name_before_its_figure():
    assert one("Gale Kills 12 Hikers, 17 Injured", 12).category == "killed"
    assert one("Death Toll Hits 200 In Flooded Valley", 200).category == "killed"
    assert values("Voyager 2 probe sends data") == []  # a name and its number


def test_a_list_item_with_a_noun_of_its_own_keeps_it():
    found = {c.value: c for c in claims("A landslide killed 12 children and 2 teachers on Monday.")}
    assert found[12].subject == "children" and found[2].subject != "children"


def test_a_clause_with_its_own_verb_does_not_borrow_the_next_ones():
    text = "Funerals for 120 residents have been held and the bodies of 20 visitors were flown home."
    assert one(text, 120).category == "count"
    text = "Deaths from the blast reached 212 people, and the injured numbered 400."
    assert one(text, 212).category == "killed"


def test_a_toll_put_at_or_as_a_figure_far_from_the_verb():
    text = "The council put the death toll from Sunday's collapse of the covered market as 58."
    assert one(text, 58).category == "killed"
    assert one("Officials put the number of people missing at 120.", 120).category == "missing"


def test_a_part_told_after_its_whole_is_that_group():
    found = one("So far, 41 of the 160 dead were women, the coast guard said.", 41)
    assert (found.category, found.subject) == ("killed", "women")


def test_miners_still_trapped_are_missing():
    assert one("About 90 miners are still trapped, the company said.", 90).category == "missing"


def test_a_span_of_years_written_short_is_no_count():
    assert values("The junta that ruled from 1971-89 left 434 people dead or missing.") == [434]


def test_of_the_victims_a_group_is_a_part_of_the_dead():
    found = one("Of the 64 victims, 19 were children, the prosecutor said.", 19)
    assert (found.category, found.subject) == ("killed", "children")
