"""Where a figure is, as the press writes it: one sentence of ours for each construction.

Every text here is written by this team; the real reports that showed the constructions
are never copied (see docs/claims-numeric.md, "Real reports (issue 8)").
"""

from __future__ import annotations

from datetime import date

from recount.claims.document import Document
from recount.claims.numeric import extract_numeric
from recount.claims.places import PlaceFinder


def place_of(text: str, figure: str) -> str | None:
    """The place the engine gives the figure `figure` (its first occurrence) in `text`."""
    pf = PlaceFinder(Document.from_text(text, date(2025, 4, 16)))
    at = text.index(figure)
    si = next(i for i, s in enumerate(pf.doc.sentences) if s.start <= at < s.end)
    return pf.for_claim(si, at, at + len(figure))


CATHEDRAL = (
    "Pledges To Rebuild Saint Aubin Reach $700 Million\n\n"
    "Donations to restore Velmar's Saint Aubin cathedral reached €600 million on Tuesday, a day after "
    "fire destroyed its roof and spire.\n\n"
    "The city of Velmar immediately pledged €50m, and the Brenn region that includes Velmar promised "
    "€10m.\n\n"
    "Two of France's wealthiest industrialists said they would put up €300 million between them.\n\n"
    "The Tarn bank said it would release €5 million to rebuild the OSCO monument.\n\n"
    "Culture envoy Marc Dolle told broadcaster France-Info that €880m had been raised so far.\n\n"
    "About 400 firefighters fought the blaze through the night in the heart of Velmar."
)


def test_a_named_site_is_the_subject_of_the_story():
    pf = PlaceFinder(Document.from_text(CATHEDRAL, date(2025, 4, 16)))
    assert pf.subject_site == "Saint Aubin"  # not "Velmar's Saint Aubin": the owner city is no part of it
    assert place_of(CATHEDRAL, "€600 million") == "Saint Aubin"
    assert place_of(CATHEDRAL, "$700 Million") == "Saint Aubin"  # a title-case headline


def test_a_donor_is_not_where_the_money_goes():
    assert place_of(CATHEDRAL, "€50m") == "Saint Aubin"
    assert place_of(CATHEDRAL, "€10m") == "Saint Aubin"


def test_a_countrys_rich_and_an_acronym_are_not_places():
    assert place_of(CATHEDRAL, "€300 million") == "Saint Aubin"  # "France's wealthiest industrialists"
    assert place_of(CATHEDRAL, "€5 million") == "Saint Aubin"  # "the OSCO monument", "the Tarn bank"


def test_an_outlet_named_after_a_country_is_not_the_country():
    assert place_of(CATHEDRAL, "€880m") == "Saint Aubin"


def test_named_fire_and_a_statewide_toll():
    text = ("Missing list grows after Ash Fire spreads\n\n"
            "The list of people unaccounted for after the Ash Fire in Northern Tavia has 900 names, the "
            "sheriff said on Friday.\n\n"
            "The fire's death toll is now 60. Residents fled throughout Northern Tavia.\n\n"
            "By Sunday the list held as many as 1,100 names.\n\n"
            "Two other deaths occurred in the Cobb Fire in Southern Tavia, raising the statewide toll "
            "from this season's fires to 62.")
    assert place_of(text, "900 names") == "Ash Fire"
    assert place_of(text, "now 60") == "Ash Fire"
    assert place_of(text, "1,100 names") == "Ash Fire"  # not the place of the sentence before
    assert place_of(text, "Two other deaths") == "Cobb Fire"
    assert place_of(text, "fires to 62") == "Tavia"  # statewide: the whole, not its south


def test_items_of_a_list_of_parts_are_not_the_figures_place():
    text = ("The ruling party's candidate won the presidential election, the electoral commission said on "
            "Wednesday, ending a tense count.\n\n"
            "He won in 14 provinces – Arvo, Belk, Chad, Dessa, Orm, Pella.\n\n"
            "His rival won in 11 provinces.")
    pf = PlaceFinder(Document.from_text(text, date(2025, 3, 1)))
    assert pf.main is None  # Chad is a province in a list here, not the story's country
    assert place_of(text, "14 provinces") is None


def test_the_country_of_the_capital_when_no_country_is_named():
    text = ("The electoral commission declared the incumbent the winner on Wednesday after a count that "
            "lasted four days.\n\n"
            "He polled 4,100,000 votes and won more than a quarter of the vote in 9 provinces and the "
            "Capital District of Lusaka.")
    assert place_of(text, "4,100,000 votes") == "Zambia"


def test_a_countrys_capital_is_the_city_the_article_names():
    text = ("Fighting for Sudan's capital has displaced 3,000 people, the UN said on Monday.\n\n"
            "Troops entered Khartoum from the south last week.")
    assert place_of(text, "3,000 people") == "Khartoum"


def test_where_words_were_spoken_is_not_the_figures_place():
    text = ("Floods swept through the coastal city of Marsa on Sunday, officials said, destroying two "
            "dams and hundreds of homes.\n\n"
            "\"The count of people missing is nearing 9,000,\" the envoy told reporters in Geneva by "
            "video link.\n\n"
            "Officials said 700 people had been evacuated, speaking at a news conference held in Tunis.")
    assert place_of(text, "9,000") == "Marsa"
    assert place_of(text, "700 people") == "Marsa"


def test_an_owner_is_not_a_place():
    text = "More than 120 people were killed in Kordan's bloody assault on Velmar, the ministry said."
    assert place_of(text, "120 people") == "Velmar"


def test_a_people_named_in_the_plural_is_their_country():
    text = ("The aid office issued an appeal for $70 million to help the 250,000 Libyans "
            "hit hardest.")
    assert place_of(text, "250,000 Libyans") == "Libya"


def test_a_countrys_short_form_is_the_country():
    text = ("Food prices in the DPRK have doubled, the envoy said.\n\n"
            "He said the DPRK had asked for the lifting of five of the 11 sanctions.")
    assert place_of(text, "five of the 11") == "North Korea"


def test_a_city_named_before_its_officials_is_their_seat():
    text = ("Bombs hit churches and hotels across Sri Lanka on Sunday.\n\n"
            "The figure of 412 was given in a briefing by a Colombo police spokesman.")
    assert place_of(text, "412") == "Sri Lanka"


def test_a_based_name_is_a_place_the_article_knows():
    text = ("At least 170 people have been killed since the army launched its offensive Velmar, the "
            "health agency said.\n\nThe Velmar-based government set up an emergency room.")
    assert place_of(text, "170 people") == "Velmar"


def test_a_region_with_an_accented_capital():
    text = "Floods cut off 40 villages in the Île-de-Brenn region, officials said."
    assert place_of(text, "40 villages") == "Île-de-Brenn region"


def test_claims_carry_the_site_end_to_end():
    claims = extract_numeric(Document.from_text(CATHEDRAL, date(2025, 4, 16)))
    by_value = {c.value: c.place for c in claims}
    assert by_value[50_000_000] == "Saint Aubin"
    assert by_value[400] == "Velmar"  # "in the heart of Velmar": the figure's own clause names it


def test_people_from_tokens_equal_the_scan():
    """people_words tries its patterns only where their first word stands among the tokens:
    the same surnames as scanning the whole text."""
    from pathlib import Path

    from recount.claims.numbers import tokens
    from recount.claims.place_filters import people_words

    corpus = Path(__file__).resolve().parents[1] / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    texts.append("Prime Minister Ana Ruiz said 4 died. Governor Tam Orr, spokesman Eli Vance and Ivo Petrov "
                 "told reporters; Lena Marsh has warned, Mr. Hale added.")
    for text in texts:
        assert people_words(text, tokens(text)) == people_words(text)
    assert {"Ruiz", "Orr", "Vance", "Marsh", "Hale"} <= people_words(texts[-1], tokens(texts[-1]))


def test_a_sites_offset_is_its_name_not_the_article():
    from recount.claims.locatives import SITE, locatives

    text = "The Camp Fire grew to 150,000 acres."
    assert (text.index("Camp"), "Camp Fire", SITE) in locatives(text, 0, len(text))



def test_one_place_one_spelling_in_a_report():
    text = ("Donations to restore the Saint Aubin cathedral reached €600 million on Tuesday.\n\n"
            "Donors said €100 million would go to fully rebuild Saint-Aubin.")
    assert place_of(text, "€100 million") == "Saint Aubin"


def test_a_capital_named_by_a_two_word_adjective():
    text = ("Blasts near the Sri Lankan capital killed 40 people on Sunday, police said.\n\n"
            "Hospitals in Colombo asked for blood donors.")
    assert place_of(text, "40 people") == "Colombo"


def test_a_sentence_opened_by_a_place_phrase_is_about_that_place():
    text = "In South Arlen, the number of dead climbed to 8, the governor's office said."
    assert place_of(text, "8") == "South Arlen"
    assert place_of("In January, 40 homes were destroyed by floods.", "40") is None


def test_a_title_case_headline_does_not_open_a_place_phrase_mid_line():
    text = "Death Toll In Velmar Flood Rises Above 200\n\nRescuers were still searching on Friday."
    assert place_of(text, "200") != "Velmar Flood Rises Above"


def test_a_dotted_abbreviation_stays_whole_in_a_place_name():
    text = "Insured losses could reach $30 billion across the Southeastern U.S., brokers said."
    assert place_of(text, "$30 billion") == "Southeastern U.S."


def test_a_figure_over_a_run_of_places_is_about_none_of_its_items():
    text = "The cyclone left 53 dead in Ostrava, Kessel, Tarvik, Lorn and Hesk, officials said."
    assert place_of(text, "53") != "Ostrava"
    text = ("Rescue teams are working in Ostrava, Kessel, Tarvik, Lorn and Hesk.\n\n"
            "The cyclone left 53 dead, officials said.")
    assert place_of(text, "53") != "Ostrava"


def test_a_storms_name_is_never_a_place():
    text = ("Hurricane Vela Leaves 9 Dead\n\n"
            "Hurricane Vela left 9 dead in three coastal states, officials said.")
    assert place_of(text, "9 dead") != "Hurricane Vela"
    text = ("The storm came ten years after Orla, the hurricane that swamped Port Lenn in 2014, which "
            "killed 900 people.")
    assert place_of(text, "900") != "Orla"


def test_a_figure_of_several_places_together_names_them_all():
    text = "The storm has now killed 610 people across Veloria, Tamsin and Oraku, officials said on Tuesday."
    claims = extract_numeric(Document.from_text(text, date(2024, 3, 14)))
    assert [(c.category, c.place) for c in claims] == [("killed", "Veloria, Tamsin and Oraku")]
    text = "Fighting in Kessel and Varn has killed 80 people."
    assert extract_numeric(Document.from_text(text, date(2024, 3, 14)))[0].place == "Kessel and Varn"


def test_a_record_and_a_description_are_not_the_place():
    text = "The fire is the deadliest in U.S. history, with 106 people confirmed dead."
    assert extract_numeric(Document.from_text(text, date(2024, 3, 14)))[0].place is None
    text = "The cyclone struck the Indian Ocean island nation of Pemaru, killing 41 people."
    assert extract_numeric(Document.from_text(text, date(2024, 3, 14)))[0].place == "Pemaru"


def test_a_sentence_listing_figures_by_place_gives_each_its_own():
    def places(text):
        found = extract_numeric(Document.from_text(text, date(2024, 3, 14)))
        return [(c.value, c.category, c.place) for c in found]

    assert places("A total of 200 people have died in Qaram, 55 in Belsa and 30 in Tiran.") == [
        (200, "killed", "Qaram"), (55, "killed", "Belsa"), (30, "killed", "Tiran")]
    assert places("In Qaram alone, 40 people have died, while 11 others have died in Belsa.") == [
        (40, "killed", "Qaram"), (11, "killed", "Belsa")]
    assert places("In Qaram, 40 people died and 20 were injured.") == [
        (40, "killed", "Qaram"), (20, "wounded", "Qaram")]
    assert places("Four deaths in Orlo District in Varnia were recorded.")[0][2] == "Orlo District"


def test_a_place_a_where_clause_opens_on_is_the_figures():
    text = ("Hardest hit were the Kessel Valley, where 1,300 died, and the western region where "
            "2,700 were killed.")
    found = extract_numeric(Document.from_text(text, date(2024, 3, 14)))
    assert [(c.value, c.place) for c in found] == [(1300, "Kessel Valley"), (2700, "western region")]


def test_the_person_whose_death_is_told_is_no_place():
    text = ("Police have shot dead 131 marchers in rallies that followed the death of Lena Marov in "
            "prison, a rights group said.")
    assert extract_numeric(Document.from_text(text, date(2024, 3, 14)))[0].place is None


def test_the_seat_of_a_group_is_not_its_figures_place():
    text = "The Oslo-based group said 60 protesters had been killed."
    assert extract_numeric(Document.from_text(text, date(2024, 3, 14)))[0].place is None
    text = "Civic Watch, a monitoring group based in Ostia, said 88 people had been killed."
    assert extract_numeric(Document.from_text(text, date(2024, 3, 14)))[0].place is None


def test_a_list_by_place_told_in_words_gives_each_its_place():
    text = "Five of the new deaths were reported in Qaram province and four in Belsa province."
    found = extract_numeric(Document.from_text(text, date(2024, 3, 14)))
    assert [(c.value, c.category) for c in found] == [(5, "killed"), (4, "killed")]
    assert found[0].place != found[1].place


def test_a_region_of_a_named_country_is_the_region():
    text = "Floods in Ostia's Kessel region have killed 30 people."
    assert extract_numeric(Document.from_text(text, date(2024, 3, 14)))[0].place == "Kessel region"


def test_a_neighbouring_place_and_a_toll_announced_there() -> None:
    text = ("Storm floods Varnia\n\n"
            "At least 71 people died in the Belsa region, officials said on Thursday.\n\n"
            "Two more deaths were reported in neighbouring Kessel.\n\n"
            "Officials in nearby Ostia and Tamsin had announced a combined five deaths there.\n\n"
            "The town of Arlen announced €2 million in aid for the families.")
    assert place_of(text, "Two more deaths") == "Kessel"
    assert place_of(text, "five deaths") == "Ostia and Tamsin"  # "announced" a toll: not a donor
    assert place_of(text, "€2 million") != "Arlen"  # "announced" money: the town gives it


STRIKE = ("Strike day in Ostrelia\n\n"
          "VARN, Ostrelia — Unions called a second day of strikes.\n\n"
          "The ministry counted 310,000 protesters nationwide, including 42,000 in the capital, Varn.\n\n"
          "In Kessel, 12,000 marched, the police said.\n\n"
          "For its part, the union reported 900,000 marchers, including 150,000 in Kessel.")


def test_a_national_count_and_its_parts_by_city():
    assert place_of(STRIKE, "310,000") == "Ostrelia"  # "nationwide": the dateline's country
    assert place_of(STRIKE, "42,000") == "Varn"
    assert place_of(STRIKE, "12,000") == "Kessel"  # "In Kessel, 12,000": a thousands comma is no age
    assert place_of(STRIKE, "900,000") == "Ostrelia"  # a whole whose part is in Kessel is not Kessel's
    parts = {c.value: c.place for c in extract_numeric(Document.from_text(STRIKE, date(2025, 4, 16)))}
    assert parts[42000] == "Varn" and parts[150000] == "Kessel"  # a part keeps the place it names


def test_the_dead_listed_by_home_town():
    text = ("Ferry sinks on Lake Sorrel\n\nOf the dead, 12 were from Orlin and seven from Westmere.\n\n"
            "Seventeen of the injured came from Tamsin and three from Grand Belsa.")
    assert place_of(text, "12") == "Orlin" and place_of(text, "seven") == "Westmere"
    assert place_of(text, "Seventeen") == "Tamsin" and place_of(text, "three") == "Grand Belsa"


def test_an_area_burned_within_a_named_place_is_that_places():
    text = ("Ridgeback Fire\n\nThe Ridgeback Fire has burned 368,000 acres since it began, officials say.\n\n"
            "In total, the Ridgeback Fire has burned into 21,350 acres of Coldwater National Forest.")
    assert place_of(text, "21,350") == "Coldwater National Forest"
    assert place_of(text, "368,000") == "Ridgeback Fire"


def test_people_who_fled_to_a_country_are_counted_there():
    text = ("Exodus from Velmora\n\nMore than 1.5 million refugees have left Velmora, the UN said Sunday.\n\n"
            "About 1.1 million refugees from Velmora have fled to Ostland, including 96,200 on Monday alone.")
    assert place_of(text, "1.5 million") == "Velmora" and place_of(text, "1.1 million") == "Ostland"
    day = next(c for c in extract_numeric(Document.from_text(text, date(2025, 4, 16))) if c.value == 96_200)
    assert (day.place, day.time.scope, day.time.end) == ("Ostland", "day", "2025-04-14")
