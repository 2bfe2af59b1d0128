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


def test_currencies_named_by_their_country_and_short_scales():
    assert (one("The bank will pay 4 billion Swiss francs.", 4e9).unit) == "CHF"
    assert one("Losses are guaranteed up to 9 billion Swedish crowns.", 9e9).unit == "SEK"
    assert one("The lender set aside 600 million TL for the quake zone.", 6e8).unit == "TRY"
    assert one("The penalty was 3 bn euros, the court said.", 3e9).unit == "EUR"
    fund = one("Pledges for Kessland now top $6.2B, the fund said.", 6.2e9)
    assert fund.category == "money" and fund.unit == "USD"
    assert [c.value for c in claims("He served 7b of the statute's terms.")] != [7e9]  # no sign: no billions


def test_currency_code_glued_to_the_figure():
    c = one("The trust will give EUR40 million toward the new bridge, its director said.", 40_000_000)
    assert c.category == "money" and c.unit == "EUR"
    assert one("A second lender added GBP7 million.", 7_000_000).unit == "GBP"


def test_burned_area_is_a_figure():
    burned = one("The wildfire has burned 82,500 acres in the hills, officials said.", 82_500)
    assert burned.category == "count"
    assert one("Crews held the 64,120-acre fire along the ridge on Monday.", 64_120)


def test_emergency_numbers_are_not_figures():
    found = claims("Neighbours who called 999 were told to wait, and 911 calls doubled overnight.")
    assert all(c.value not in (999, 911) for c in found)


def test_tally_named_once_then_taken_up_again():
    text = ("The list of people unaccounted for after the mudslide has 640 names, the mayor said. "
            "That list, however, soon grew to 700. As of Sunday, the number had fallen to 212.")
    assert [c.category for c in claims(text)] == ["missing", "missing", "missing"]


def test_pronoun_takes_up_a_toll():
    text = "The death toll from the blasts rose to 321. It was later revised down to 208."
    assert [c.category for c in claims(text)] == ["killed", "killed"]


def test_part_in_brackets_shares_the_whole_s_time():
    found = claims("The toll is now 140 dead (12 of them children) and 300 wounded, the ministry said.")
    whole, part = found[0], found[1]
    assert part.value == 12 and part.time == whole.time


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
    text = "Repairs could need between seven and 12 years, she said at 9.45am, and 12 to 18 years at worst."
    assert claims(text) == []


def test_future_clause_in_a_quote_does_not_hide_the_figure_before_it():
    text = ('"The toll is at least 286, our initial estimate was 330 and it will be revised," '
            'the official said.')
    assert [c.value for c in claims(text)][:2] == [286, 330]


def test_photo_caption_word_does_not_hide_a_long_paragraph():
    text = ("Images taken from above show a layer of mud across the lower town, where crews are still "
            "digging out cars and houses. The high water has displaced at least 7,400 residents of the "
            "valley, according to the migration agency")
    assert one(text, 7_400).category == "displaced"


def test_restated_figures_take_the_toll_they_restate():
    text = ("Officials on Friday revised the toll from the mine blast down to 61, "
            "from the previous figure of 88. "
            "The new figure is 61. The ministry said the total death toll was 64 and not 88.")
    assert {c.category for c in claims(text)} == {"killed"}


def test_change_of_a_tally_from_one_figure_to_another():
    text = ("The list of people unaccounted for stood at 90 on Monday. "
            "She said the list grew from roughly 90 to more than 400 overnight.")
    assert [c.category for c in claims(text)] == ["missing", "missing", "missing"]


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


def test_sites_and_days_in_a_toll_sentence_are_not_the_toll():
    text = "The toll from the blasts at four chapels in Orlin has risen from 27 to 29, officials said."
    assert [(c.value, c.category) for c in claims(text)] == [(4, "count"), (27, "killed"), (29, "killed")]
    assert one("The toll rose to 80 over the three hottest days of the pilgrimage.", 3).category == "count"


def test_with_also_shares_the_time_of_the_figure_before():
    found = claims("The toll was put at 274 on Monday, with some 390 people also wounded.")
    assert found[1].time == found[0].time


def test_almost_is_approximate_and_exceeds_is_a_lower_bound():
    almost = one("The fund has raised almost $700 million.", 700_000_000)
    assert (almost.lower, almost.upper) == (None, None)
    exceeds = one("Flood toll exceeds 300 in the delta", 300)
    assert (exceeds.lower, exceeds.upper, exceeds.lower_inclusive) == (300, None, False)


def test_crowd_sizes_of_an_order_of_magnitude_stay_figures():
    c = one("Tens of thousands of people marched through the capital on Sunday.", 20_000)
    assert c.lower == 20_000


def test_forecasts_are_not_figures():
    found = claims("The death count was expected to climb past 90, with 250 people still missing.")
    assert [c.value for c in found] == [250]


def test_thousands_separated_by_spaces():
    assert one("Roads to Amrel, a coastal city of about 100 000, were cut.", 100_000).lower is None
    assert [c.value for c in claims("In 2019 300 families moved.")] == [300]


def test_function_word_never_heads_a_figure_s_noun():
    c = one("Quake toll in the valley rises above 300 as search goes on", 300)
    assert c.span == "above 300"


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
