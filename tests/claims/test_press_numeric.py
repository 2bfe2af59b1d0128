"""Constructions of real news copy that the numeric engine once misread (sentences written by the team)."""

from __future__ import annotations

from datetime import date

from recount.claims.document import Document
from recount.claims.numeric import extract_numeric

PUBLISHED = date(2024, 3, 14)  # a Thursday


def claims(text: str, published: date = PUBLISHED):
    return extract_numeric(Document.from_text(text, published))


def one(text: str, value: float, published: date = PUBLISHED):
    found = [c for c in claims(text, published) if c.value == value]
    assert found, f"no claim of {value} in {[c.span for c in claims(text, published)]}"
    return found[0]


def test_currency_code_glued_to_the_figure():
    c = one("The trust will give EUR40 million toward the new bridge, its director said.", 40_000_000)
    assert c.category == "money" and c.unit == "EUR"
    assert one("A second lender added GBP7 million.", 7_000_000).unit == "GBP"


def test_currency_code_is_never_a_place():
    c = one("A mill owner promised €30m, and a co-op added a first gift of EUR2 million.", 2_000_000)
    assert c.place is None


def test_burned_area_is_a_figure():
    burned = one("The wildfire has burned 82,500 acres in the hills, officials said.", 82_500)
    assert burned.category == "count"
    assert one("Crews held the 64,120-acre fire along the ridge on Monday.", 64_120)


def test_emergency_numbers_are_not_figures():
    found = claims("Neighbours who called 999 were told to wait, and 911 calls doubled overnight.")
    assert all(c.value not in (999, 911) for c in found)


def test_toll_led_by_a_verb_of_change_far_from_the_noun():
    c = one("The death toll from the landslide in the northern mountain town of Orvak has climbed to 86.",
            86)
    assert c.category == "killed" and c.place == "Orvak"
    storm = one("The toll from the storm has risen to at least 412, the agency said.", 412)
    assert storm.category == "killed"


def test_possessive_country_frames_the_city():
    c = one("The toll from the quake in Veskland's western port city of Amrel has risen to 57.", 57)
    assert c.place == "Amrel"


def test_tally_named_once_then_taken_up_again():
    text = ("The list of people unaccounted for after the mudslide has 640 names, the mayor said. "
            "That list, however, soon grew to 700. As of Sunday, the number had fallen to 212.")
    assert [c.category for c in claims(text)] == ["missing", "missing", "missing"]


def test_pronoun_takes_up_a_toll():
    text = "The death toll from the blasts rose to 321. It was later revised down to 208."
    assert [c.category for c in claims(text)] == ["killed", "killed"]


def test_holiday_names_resolve_to_their_day():
    from recount.claims.dates import resolve_day

    assert resolve_day("Easter Sunday", date(2024, 4, 3)) == date(2024, 3, 31)
    assert resolve_day("Christmas Day", date(2025, 1, 6)) == date(2024, 12, 25)


def test_event_day_starts_the_running_total():
    text = ("Rescuers kept digging on Thursday. The quake struck on Monday night, when the old town's "
            "walls collapsed. The death toll has risen to 88, officials said.")
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


def test_part_in_brackets_shares_the_whole_s_time():
    found = claims("The toll is now 140 dead (12 of them children) and 300 wounded, the ministry said.")
    whole, part = found[0], found[1]
    assert part.value == 12 and part.time == whole.time


def test_holiday_and_country_adjective_are_not_places():
    c = one("Officials said 61 people died in Easter attacks on three churches.", 61)
    assert c.place != "Easter"
    gift = one("The fund received €12m from French investors.", 12_000_000)
    assert gift.place != "French"


def test_lead_with_only_a_country_adjective_places_the_story_in_that_country():
    text = ("Kenyan authorities on Friday raised the toll from the floods to 93, officials said, "
            "as rescuers searched villages along the river for survivors.\n\n"
            "Another 40 people are missing.")
    assert one(text, 40).place == "Kenya"


def test_capital_named_after_a_possessive_country():
    c = one("At least 19 people were killed in fighting near Veskland's capital, Amrel, officials said.", 19)
    assert c.place == "Amrel"


def test_vague_sweeps_are_not_figures():
    text = ("Hundreds of volunteers searched the hills. Voters came out in their millions. "
            "The toll could be in the thousands, aid workers warned. Scores of people died in the blasts.")
    assert claims(text) == []
    assert one("Dozens were injured in the crush.", 24).category == "wounded"


def test_the_two_parties_of_a_story_are_not_a_figure():
    assert claims("The two leaders met for talks while two rival governments claimed the city.") == []


def test_headline_figure_is_a_claim_when_it_counts_casualties_or_money():
    text = ("Flood toll rises to 212 as rain eases\n\nTop 10 pictures of the week\n\n"
            "The toll from the floods rose to 212 on Friday, the civil defence agency said.")
    values = [c.value for c in claims(text)]
    assert values == [212, 212]


def test_durations_as_ranges_and_dotted_times_are_not_figures():
    text = "Rebuilding could take between ten and 15 years, he said at 8.30am, and 15 to 20 years at worst."
    assert claims(text) == []


def test_future_clause_in_a_quote_does_not_hide_the_figure_before_it():
    text = '"The toll is at least 253, our first estimate was 290 and it will be revised," the official said.'
    assert [c.value for c in claims(text)][:2] == [253, 290]


def test_photo_caption_word_does_not_hide_a_long_paragraph():
    text = ("Images taken from above show a layer of mud across the lower town, where crews are still "
            "digging out cars and houses. The floods have displaced at least 7,400 people in the valley, "
            "according to the migration agency")
    assert one(text, 7_400).category == "displaced"


def test_restated_figures_take_the_toll_they_restate():
    text = ("Officials on Friday revised the toll from the mine blast down to 61, "
            "from the previous figure of 88. "
            "The new figure is 61. The ministry said the total death toll was 64 and not 88.")
    assert {c.category for c in claims(text)} == {"killed"}


def test_change_of_a_tally_from_one_figure_to_another():
    text = ("The list of people unaccounted for stood at 90 on Monday. "
            "He said the list grew from around 90 to more than 400 overnight.")
    assert [c.category for c in claims(text)] == ["missing", "missing", "missing"]


def test_pronoun_in_the_same_sentence_takes_the_previous_figure():
    text = "By Monday the list of missing had as many as 310 people on it before it was cut to 122 people."
    assert [c.category for c in claims(text)] == ["missing", "missing"]


def test_apposition_between_figure_and_verb():
    apposed = one("At least 52 people, including children, had been killed, medics said.", 52)
    assert apposed.category == "killed"


def test_part_among_a_whole():
    text = "The agency reported that 9 medics are among the 212 killed so far in the fighting."
    assert one(text, 9).category == "killed"
    assert one("Of those killed, 4 were aid workers.", 4).category == "killed"


def test_still_in_hospital_counts_the_wounded():
    assert one("Some 300 were treated, but only 41 remained in hospital on Monday.", 41).category == "wounded"


def test_found_missing_people_are_not_missing():
    assert one("Deputies had accounted for 1,204 missing people by Friday.", 1_204).category == "count"


def test_things_counted_do_not_take_a_casualty_word_before_them():
    text = "The police gave no breakdown of casualties from the four mosques and two markets that were hit."
    assert {c.category for c in claims(text)} == {"count"}
    assert one("The 9,300-acre fire has killed 12 people.", 9_300).category == "count"


def test_month_abbreviation_with_a_dot_is_a_date():
    text = "By Nov. 17, the list of the missing had 1,276 names on it."
    assert [c.value for c in claims(text, date(2024, 12, 1))] == [1_276]


def test_opening_day_of_a_said_clause_dates_the_running_total():
    c = one("On Tuesday, the agency's spokesman said that clinics had recorded 47 deaths.", 47)
    assert (c.time.scope, c.time.end) == ("cumulative", "2024-03-12")


def test_as_of_a_day_dates_a_list():
    c = one("As of Friday, the number of people unaccounted for had dropped to 605.", 605)
    assert (c.category, c.time.scope, c.time.start) == ("missing", "point", "2024-03-08")


def test_with_also_shares_the_time_of_the_figure_before():
    found = claims("The toll had been put at 321 on Tuesday, with about 500 people also wounded.")
    assert found[1].time == found[0].time


def test_population_now_and_before_the_war():
    assert one("The port, home to 90,000 people, was flooded.", 90_000).time.start == "2024-03-14"
    assert one("Before the war, the town was home to some 80,000 people.", 80_000).time.start is None


def test_almost_is_approximate_and_exceeds_is_a_lower_bound():
    almost = one("The fund has raised almost $700 million.", 700_000_000)
    assert (almost.lower, almost.upper) == (None, None)
    exceeds = one("Flood toll exceeds 300 in the delta", 300)
    assert (exceeds.lower, exceeds.upper, exceeds.lower_inclusive) == (300, None, False)


def test_named_site_is_the_place_of_the_figure():
    c = one("Pledges to rebuild the St Aldric cathedral in Marlow have reached €90 million.",
            90_000_000)
    assert c.place == "St Aldric"


def test_country_named_in_the_headline_places_a_lead_without_places():
    text = ("Kenya raises blast toll to 88\n\n"
            "The death toll from the blasts around the coast rose to 88 on Monday, the police said.")
    assert [c.place for c in claims(text)] == ["Kenya", "Kenya"]


def test_people_are_never_places():
    text = ("It was a crushing defeat for Chief Emeka Obi, who said the count was flawed. "
            "Obi won 4,100,000 votes.")
    assert one(text, 4_100_000).place is None


def test_story_country_when_the_lead_names_no_place():
    text = ("The opposition leader rejected the results of last weekend's vote and said he would go "
            "to court.\n\nTurnout was 61 percent, the commission said.\n\n"
            "Ghana's parliament meets on Monday, and Ghana's courts sit on Tuesday.")
    assert one(text, 61).place == "Ghana"


def test_place_in_the_closing_attribution_is_the_speaker_s():
    text = "Some 1,900 people have fled fighting over Amrel, the UN co-ordinator in Veskland said."
    assert one(text, 1_900).place == "Amrel"


def test_capital_named_after_a_comma_beats_the_country():
    text = "Aid agencies are stretched in Kenya as fighting around the capital, Nairobi, has displaced 5,200."
    assert one(text, 5_200).place == "Nairobi"


def test_figure_after_a_toll_in_another_clause_has_its_own_day():
    c = one("The death toll from the fire is now 71 after eight bodies were found on Wednesday.", 8)
    assert (c.time.scope, c.time.start) == ("day", "2024-03-13")


def test_period_inside_a_reported_clause_belongs_to_the_figure():
    c = one("The agency added on Twitter that in the past week its teams handled 89 surgeries.", 89)
    assert c.time.scope == "period"


def test_event_verb_far_before_its_day_starts_the_story():
    text = ("The clashes, which raised fears of a wider war in the region, began after the commander of a "
            "rebel coalition in the hills ordered his units to seize the valley from the government "
            "on March 4. "
            "At least 64 people have been killed, the agency said.")
    assert one(text, 64).time.start == "2024-03-04"


def test_day_an_event_verb_was_reported_is_not_the_event_s_day():
    text = ("At least 174 people have been killed since the rebels launched their offensive on the city, "
            "the agency said on Tuesday.")
    assert one(text, 174).time.start != "2024-03-12"


def test_votes_belong_to_polling_day_even_when_announced_later():
    text = ("Yesterday, the president was re-elected after the March 9 presidential election "
            "with almost 2m votes more than his rival.")
    c = one(text, 2_000_000)
    assert (c.time.scope, c.time.start) == ("day", "2024-03-09")


def test_polling_day_across_a_hard_line_break():
    text = ("The commission declared the winner after the count of the 9 March\n\n"
            "election. He polled 5,191,804 votes in all.")
    assert one(text, 5_191_804).time.start == "2024-03-09"


def test_bodies_and_outlets_are_not_places():
    c = one("The family will give €40 million from the Harlan fund to the rebuilding.", 40_000_000)
    assert c.place != "Harlan"
    c = one("The envoy told broadcaster France-Info that €88 million had been raised.", 88_000_000)
    assert c.place != "France"


def test_the_only_country_an_article_names_is_its_story_s_place():
    text = ("The incumbent polled 9,100,233 votes, the electoral body said.\n\n"
            "Observers from Ghana's neighbours praised the calm.")
    assert one(text, 9_100_233).place == "Ghana"


def test_crowd_sizes_of_an_order_of_magnitude_stay_figures():
    c = one("Tens of thousands of people marched through the capital on Sunday.", 20_000)
    assert c.lower == 20_000


def test_event_possessive_period_dates_the_event_not_the_figure():
    text = "The ministry estimated on Friday that this week's floods caused about $2.1 billion in damage."
    assert one(text, 2_100_000_000).time.scope != "period"


def test_a_sum_nothing_dates_holds_for_an_unknown_time():
    c = one("The agency issued an emergency appeal for $71.4 million to meet urgent needs.", 71_400_000)
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


def test_forecasts_are_not_figures():
    found = claims("The death count was expected to climb past 90, with 250 people still missing.")
    assert [c.value for c in found] == [250]


def test_thousands_separated_by_spaces():
    assert one("Roads to Amrel, a coastal city of about 100 000, were cut.", 100_000).lower is None
    assert [c.value for c in claims("In 2019 300 families moved.")] == [300]


def test_function_word_never_heads_a_figure_s_noun():
    c = one("Quake toll in the valley rises above 300 as search goes on", 300)
    assert c.span == "above 300"


def test_what_a_story_has_done_so_far_is_a_running_total():
    assert one("Crews have carried out at least 38 rescues.", 38).time.scope == "cumulative"
    found = claims("The fire has destroyed about 9,700 homes and scorched 146,000 acres.")
    assert [c.time.scope for c in found] == ["cumulative", "cumulative"]
    assert one("He said the fire destroyed 30 homes on Monday.", 30).time.scope == "day"


def test_people_in_shelters_are_displaced():
    assert one("More than 2,000 residents were still in emergency shelters.", 2_000).category == "displaced"


def test_headline_takes_the_place_the_body_gives_its_figure():
    text = ("Quake toll rises to 147\n\n"
            "The toll from the quake in the mountain town of Orvak rose to 147 on Sunday, the agency said.")
    assert [c.place for c in claims(text)] == ["Orvak", "Orvak"]


def test_holiday_naming_an_event_is_not_the_day_words_were_said():
    text = "Authorities on Wednesday revised the toll from the Easter bombings down to 188, officials said."
    c = one(text, 188, date(2024, 4, 4))  # Easter Sunday fell on 31 March 2024
    assert (c.time.scope, c.time.end) == ("cumulative", "2024-04-03")


def test_a_day_s_statement_is_when_it_was_said():
    c = one("The figure of 359 came from Tuesday's statement by a police spokesman.", 359)
    assert c.time.scope != "day"


def test_a_period_in_a_clause_of_its_own_or_of_an_onset_does_not_date_the_figure():
    c = one("The fire grew to more than 90,000 acres before it was contained last week.", 90_000)
    assert c.time.scope != "period"
    c = one("Fighting that began last week has displaced 2,800 people so far, the agency said.", 2_800)
    assert c.time.scope == "cumulative"


def test_a_parenthetical_figure_keeps_its_own_day():
    text = "The fire has destroyed about 9,700 homes (an increase of 500 homes on Friday)."
    assert one(text, 9_700).time.scope == "cumulative"


def test_pledges_that_total_a_sum_are_a_running_total():
    assert one("Pledges to rebuild the library already total almost $70 million.", 70_000_000).time.scope == \
        "cumulative"


def test_a_country_s_adjective_never_becomes_a_known_place():
    text = ("Shelling hit the Libyan capital again, officials said.\n\n"
            "Libyan medical facilities reported 47 deaths on Tuesday.")
    assert one(text, 47).place != "Libyan"


def test_a_previous_figure_was_given_before_the_new_one():
    text = "Officials on Thursday revised the toll down to 61, from the previous figure of 88."
    old = one(text, 88)
    assert (old.time.scope, old.time.end) == ("cumulative", "2024-03-13")


def test_one_running_total_restated_in_a_report_holds_for_one_day():
    text = ("Death toll reaches at least 345 in the siege\n\n"
            "The agency said on Tuesday that 345 people were killed in the city by 28 February.")
    assert {c.time.end for c in claims(text)} == {"2024-02-28"}


def test_a_sum_written_as_a_hyphenated_adjective_is_money():
    c = one("The regional bank approved a 2.5-billion-euro loan for the port on Friday.", 2_500_000_000)
    assert (c.category, c.unit) == ("money", "EUR")
    c = one("The union pledged a $1.6-billion grant to rebuild the island's schools.", 1_600_000_000)
    assert (c.category, c.unit) == ("money", "USD")
    assert not [c for c in extract_numeric(Document.from_text("A 12-year-old boy was hurt.", PUBLISHED))
                if c.value == 12]


def test_a_figure_with_its_own_verb_or_noun_keeps_its_own_category():
    text = ("The toll in the crash rose to 190 on Monday. A total of 900 people were admitted to "
            "hospitals, and 610 of them were discharged.")
    assert one(text, 900).category == one(text, 610).category == "wounded"
    assert one("Some 120 were confirmed dead and 240 had been rescued.", 240).category != "killed"
    assert one("The fever has killed nine people, with 31 confirmed cases.", 31).category != "killed"
    assert one("The blast killed 120 in the north and 45 in the south.", 45).category == "killed"
    text = "With two more patients succumbing to their injuries, the toll rose to 177."
    assert one(text, 2).category == "killed"


def test_over_after_a_verb_it_belongs_to_is_no_qualifier():
    c = one("Officers have now handed over 287 bodies to relatives.", 287)
    assert (c.lower, c.upper) == (287, 287)
    c = one("Rescuers said over 40 people are still missing.", 40)
    assert (c.lower, c.upper) == (40, None)


def test_people_trapped_in_a_collapse_are_missing_and_those_in_critical_condition_wounded():
    text = ("The governor said more than 150 miners were still trapped underground and 22 people "
            "remained in critical condition.")
    assert one(text, 150).category == "missing"
    assert one(text, 22).category == "wounded"
    text = "Some 2,600 asylum seekers remain trapped in holding camps near the border."
    assert one(text, 2600).category != "missing"


def test_the_parts_a_toll_includes_are_counted_as_it_is():
    text = "The toll of 52 includes 40 civilians, seven police officers and five gunmen, the army said."
    assert [one(text, v).category for v in (40, 7, 5)] == ["killed", "killed", "killed"]
    text = "The bus carried 37 passengers, including four infants, and five crew members."
    assert one(text, 5).category == "count"
    assert one("Nine attackers are in custody, police said.", 9).category == "arrested"
    found = extract_numeric(Document.from_text("Among them were 12 children aged less than 5.", PUBLISHED))
    assert [c.value for c in found] == [12]


def test_the_victims_of_an_attack_are_its_dead():
    assert one("Among the victims were 12 children, the ministry said.", 12).category == "killed"
    assert one("The ministry had said 31 of the victims were visitors from abroad.", 31).category == "killed"


def test_a_toll_that_climbed_past_or_passes_a_figure_is_above_it():
    for text, value in (("Police say the toll has climbed past 4,800.", 4800), ("Toll climbs past 700", 700),
                        ("Quake toll passes 1,900", 1900)):
        c = one(text, value)
        assert (c.lower, c.upper) == (value, None)


def test_the_next_people_of_a_list_of_the_dead_are_dead_too():
    text = "Of the dead, 131 were children and 88 women."
    assert one(text, 88).category == "killed"
    assert one("The quake killed 40 people and destroyed 300 homes.", 300).category == "count"


def test_a_toll_that_has_gone_up_to_a_figure_reached_it():
    c = one("The toll has gone up to 1,240, officials said.", 1240)
    assert (c.lower, c.upper) == (1240, 1240)
    c = one("Up to 50 people may have died.", 50)
    assert (c.lower, c.upper) == (None, 50)


def test_people_who_fell_victim_to_a_disaster_died():
    text = "Orlo was hardest hit, officials said, with some 40 residents falling victim to the mudslides."
    assert one(text, 40).category == "killed"


def test_the_first_day_of_a_span_of_days_is_no_figure():
    found = extract_numeric(Document.from_text("The agency counted 45 deaths between 24 and 25 August.",
                                               PUBLISHED))
    assert [c.value for c in found] == [45]
