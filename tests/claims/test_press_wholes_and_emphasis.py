"""Constructions from unseen press stories (December 5 survey) the engine misread: lives a
disaster claimed, a toll "climbing past" a figure, a country-wide toll whose sentence names
only its worst-hit parts, a headline that names its own place, and a speaker's "100%" of
emphasis. Every sentence here was written by the team about invented places."""

from __future__ import annotations

import pytest
from test_press_numeric import PUBLISHED, claims, one  # (the shared helpers)

from recount.claims.attribution import extract_attributed
from recount.claims.document import Document


def test_lives_claimed_or_cost_are_the_dead_but_lives_saved_are_not():
    assert one("The heatwave has claimed 432 lives across the plains.", 432).category == "killed"
    assert one("The war cost 50,000 lives.", 50_000).category == "killed"
    assert one("The sinking led to the loss of nine lives.", 9).category == "killed"
    assert one("The floods took at least 12 lives on Monday.", 12).category == "killed"
    assert one("The lifeboat crews saved 200 lives last winter.", 200).category != "killed"


def test_climbing_past_a_figure_is_more_than_it():
    c = one("The toll was climbing past 280 on Saturday, officials said.", 280)
    assert c.qualifier == "more_than" and c.lower == 280 and c.upper is None
    assert one("The count edged past 1,000 overnight.", 1000).qualifier == "more_than"


def test_a_country_wide_toll_is_not_its_worst_hit_part():
    text = ("Eight days of heat have now cost about 1,300 lives across the country, mostly in Orsk "
            "and Tamar provinces.\n\nIn Orsk, the worst-hit province, 870 people have died.")
    assert one(text, 1300).place == "nationwide"
    assert one(text, 870).place == "Orsk"
    known = "LIMA, Peru (AP) — The heat has now cost about 1,300 lives across the country, mostly in Orsk."
    assert one(known, 1300).place == "Peru"


def test_a_rounded_headline_keeps_the_place_it_names():
    text = ("Heat wave relents in southern Peru after killing almost 1,800 people\n\n"
            "In Orsk alone the heat has left at least 1,640 people dead.")
    assert one(text, 1800).place == "southern Peru"
    assert one(text, 1640).place == "Orsk"


def test_a_headline_clause_ends_at_a_semicolon():
    text = ("Heat toll nears 1,300; Orsk hardest hit with 870 dead\n\n"
            "The heat has now cost about 1,300 lives across the country, mostly in the south.\n\n"
            "In Orsk, 870 people have died.")
    assert one(text, 1300).place != "Orsk"


def test_a_speakers_hundred_per_cent_is_emphasis_not_a_share():
    text = ('"We will run this inquiry with 100% and complete openness," the chief executive said. '
            "He said he was 110 percent committed.\n\nAt the hearing she said the letter was "
            '"100 percent genuine." Turnout reached 100% in two districts.')
    assert [c.value for c in claims(text) if c.category == "percent"] == [100]


def test_a_pronouns_words_after_a_dated_news_conference_are_of_that_day():
    text = ("The foreign minister of Varnia held a late-night news conference in Kessel on Tuesday.\n\n"
            "Officials spoke of a breakdown in the talks.\n\n"
            "He said Varnia had sought relief from five of the 11 measures.")
    assert one(text, 5).time.end == "2024-03-12"  # Tuesday before Thursday 14 March
    two_days = text.replace("Officials spoke", "The envoy said on Wednesday he spoke")
    assert one(two_days, 5).time.end == "2024-03-14"  # two days said: the words stay the report's
    named = text.replace("He said", "A trade analyst said")
    assert one(named, 5).time.end == "2024-03-14"


def test_a_day_in_a_clause_about_the_disaster_starts_its_running_totals():
    text = ("Prosecutors said the fire, which took 400 firefighters to bring under control on Monday night, "
            "was probably an accident.\n\nPledges to rebuild the hall have reached €880 million.")
    assert one(text, 880_000_000).time.start == "2024-03-11"


def test_a_name_after_a_role_is_a_person_not_a_place():
    text = ("NEW YORK (AP) — Crypto founder Sam Kelter was sentenced Thursday for a fraud on thousands "
            "of customers.\n\nJudge Lewis Ward gave an analysis of Kelter and his crimes, leaving "
            "customers short over $11 billion.")
    assert {c.place for c in claims(text)} == {"New York"}


def test_indian_digit_grouping_reads_lakhs_and_crores():
    text = "Close to 2,50,000 refugees have come to Orsk. Officials counted 1,72,000."
    assert [c.value for c in claims(text)] == [250_000, 172_000]
    assert one("The fund holds 12,34,56,789 rupees and 1,234,567 dollars.", 123_456_789).category == "money"


def test_a_places_size_is_no_toll():
    c = one("The toll in Kessel, a metropolis of some 4 million people, now stands at 1,000.", 4_000_000)
    assert c.category == "count"
    assert one("The toll in Kessel, a metropolis of some 4 million people, now stands at 1,000.",
               1000).category == "killed"


@pytest.mark.parametrize(("sentence", "value", "category"), [
    ("Nationals of 14 countries are among the 212 people killed.", 14, "count"),
    ("The capsizing left three people dead and 27 survivors.", 27, "count"),
    ("The quake flattened 4,300 houses and left 9,100 more damaged.", 9_100, "count"),
    ("Over 600 army medics are treating the injured.", 600, "count"),
    ("The flood toll stood at 212 with many villagers still missing.", 212, "killed"),
])
def test_what_is_not_a_casualty_figure(sentence, value, category):
    assert one(sentence, value).category == category


def test_measures_are_not_figures():
    text = "Crews removed 18 million pounds of concrete. Temperatures reached 47 C in Orsk and 45C in Tamar."
    assert claims(text) == []
    assert one("The fund raised 5 million pounds of aid.", 5_000_000).category == "money"


def test_two_clauses_joined_by_and_keep_their_own_verbs():
    text = "At least 40 were killed and 12 were injured."
    assert [(c.value, c.category) for c in claims(text)] == [(40, "killed"), (12, "wounded")]
    pupils = claims("Nineteen pupils and three teachers died.")
    assert [c.category for c in pupils] == ["killed", "killed"]


def test_scare_quotes_and_an_adjective_before_the_place_do_not_cut_the_clause():
    assert one('The toll rose to 79, with another 61 "possibly" unaccounted for.', 61).category == "missing"
    text = "Of those killed, 317 died in the worst-hit Orsk County and 45 in Tamar County."
    assert one(text, 317).place == "Orsk County" and one(text, 45).place == "Tamar County"


def test_a_toll_that_nears_a_figure_is_about_it_and_a_definitions_threshold_is_none():
    assert one("Varnia flood toll nears 260 as rescuers dig on", 260).qualifier == "about"
    text = "The index defines a mass attack as one where five or more people are hurt. Five men fled."
    assert [c.value for c in claims(text)] == [5] and claims(text)[0].start > text.index("Five men") - 1


def test_a_line_wrapped_after_a_bracket_goes_on_in_the_next():
    text = ("According to the commission, President Ama Odu of the ruling Unity Party (UP)\n\n"
            "took 12,408,316 votes and beat his rival.")
    assert "Odu" in (one(text, 12_408_316).sentence or "")


def test_a_hospitals_dead_are_the_hospitals_and_the_rest_of_a_place_is_not_the_place():
    text = ("KESSEL: The toll at the city's Brannock Medical Centre has climbed to 241 since Saturday. "
            "Orsk General Hospital has seen 110 dead.\n\n"
            "On Tuesday, 188 died in Kessel and 14 more died in other districts of Varnia.")
    assert one(text, 241).place.startswith("Brannock")
    assert one(text, 110).place.startswith("Orsk General")
    assert one(text, 14).place == "other districts of Varnia"


def test_a_sources_workplace_is_not_where_the_figure_is():
    text = ("Eleven people died when shells struck the market in the Old Quarter, according to a doctor "
            "at the city's Saint Ivo Hospital.")
    assert one(text, 11).place == "Old Quarter"


def test_a_speaker_after_a_place_and_two_role_words_is_the_name():
    text = '"We are still searching," said North Varnia province police chief Paulus Wender.'
    found = extract_attributed(Document.from_text(text, PUBLISHED))
    assert [c.speaker for c in found] == ["Paulus Wender"]


def test_times_of_day_and_fractions_of_a_unit_are_no_figures():
    text = ("The plane crashed at 8.44 local time. It landed at 9.15, officials said. The boat sank "
            "barely a third of a mile off the pier. The index closed at 12.50 points.")
    assert [c.value for c in claims(text)] == [12.5]


def test_an_evacuation_of_people_and_a_range_written_with_a_dash():
    assert one("The floods forced the emergency evacuation of about 64,000 people.",
               64_000).category == "evacuated"
    [c] = claims("Between them, an estimated 7,000-9,500 refugees reached Orsk, officials said.")
    assert (c.lower, c.upper) == (7_000, 9_500)
    assert [c.value for c in claims("The council backed the plan 11-3 on Monday.")] != [11]


def test_addresses_clock_zones_and_the_sources_cited_are_no_figures():
    text = ("Crews met at 4410 Harbour Ave. and at 12 North Velden Street. The blast came at 3.15pm "
            "(08.15 BST). The van was stolen, according to three police officials. Two people familiar "
            "with the plan said 40 were held.")
    assert [c.value for c in claims(text)] == [40]


def test_a_programme_named_in_quotation_marks_is_no_quote():
    text = 'Andy Kell told "Morning Varnia" that he was sad. "We lost everything," he said.'
    found = extract_attributed(Document.from_text(text, PUBLISHED))
    assert [c.quote for c in found if c.quote] == ["We lost everything"]


def test_a_partitive_of_a_figure_and_an_official_after_a_list_of_places():
    text = "KESSEL: Of the 212 deaths, 190 were counted in Kessel and nine in the rest of Varnia."
    assert one(text, 190).category == "killed"
    listed = ("Of the dead, five were in Orsk and one each in Tamar, Velden and Brenn, said a senior "
              "provincial health official.")
    found = extract_attributed(Document.from_text(listed, PUBLISHED))
    assert [c.speaker for c in found] != ["Brenn"] and found and "official" in (found[0].speaker or "")


@pytest.mark.parametrize(("sentence", "value", "category"), [
    ("A total of 640 residents from 150 households have been evacuated to schools.", 640, "evacuated"),
    ("A total of 640 residents from 150 households have been evacuated to schools.", 150, "count"),
    ("Rescuers said 9 of 11 trapped miners were dead.", 9, "killed"),
    ("Rescuers said 9 of 11 trapped miners were dead.", 11, "count"),
    ("Two people have died and five, including a child, went missing.", 5, "missing"),
    ("The toll rose after four injured people succumbed overnight.", 4, "killed"),
    ("The toll in Orsk had even crossed 60 by Friday.", 60, "killed"),
    ("The toll rose to 121 from 98 on Saturday.", 98, "killed"),
])
def test_the_verb_after_a_grouping_or_an_aside_is_the_first_figures(sentence, value, category):
    assert one(sentence, value).category == category


def test_metres_routes_and_clock_words_are_no_figures():
    text = ("Crews drilled toward the men 240m below the surface, pumping air every 90m. Traffic was "
            "closed on U.S. 52 near Orsk. The blast came at four past ten.")
    assert claims(text) == []
    assert one("The alliance won 4m votes.", 4_000_000).category == "count"
