"""Where a figure is: constructions of real news copy the engine once misread (our own sentences)."""

from __future__ import annotations

from test_press_numeric import PUBLISHED, claims, one  # noqa: F401  (the shared helpers)


def test_currency_code_is_never_a_place():
    c = one("A mill owner promised €30m, and a co-op added a first gift of EUR2 million.", 2_000_000)
    assert c.place is None


def test_possessive_country_frames_the_city():
    c = one("The toll from the quake in Veskland's western port city of Amrel has risen to 57.", 57)
    assert c.place == "Amrel"


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
    text = ("The opposition leader refused to accept the outcome of the weekend ballot and said he would go "
            "to court.\n\nTurnout was 61 percent, the commission said.\n\n"
            "Ghana's parliament meets on Monday, and Ghana's courts sit on Tuesday.")
    assert one(text, 61).place == "Ghana"


def test_place_in_the_closing_attribution_is_the_speaker_s():
    text = "Some 1,900 people have fled fighting over Amrel, the UN co-ordinator in Veskland said."
    assert one(text, 1_900).place == "Amrel"


def test_capital_named_after_a_comma_beats_the_country():
    text = "Aid agencies are stretched in Kenya as fighting around the capital, Nairobi, has displaced 5,200."
    assert one(text, 5_200).place == "Nairobi"


def test_bodies_and_outlets_are_not_places():
    c = one("The family will give €40 million from the Harlan fund to the rebuilding.", 40_000_000)
    assert c.place != "Harlan"
    c = one("The envoy told broadcaster France-Info that €88 million had been raised.", 88_000_000)
    assert c.place != "France"


def test_the_only_country_an_article_names_is_its_story_s_place():
    text = ("The incumbent polled 9,100,233 votes, the electoral body said.\n\n"
            "Observers from Ghana's neighbours praised the calm.")
    assert one(text, 9_100_233).place == "Ghana"


def test_people_in_shelters_are_displaced():
    assert one("More than 2,000 residents were still in emergency shelters.", 2_000).category == "displaced"


def test_headline_takes_the_place_the_body_gives_its_figure():
    text = ("Quake toll rises to 147\n\n"
            "The toll from the quake in the mountain town of Orvak rose to 147 on Sunday, the agency said.")
    assert [c.place for c in claims(text)] == ["Orvak", "Orvak"]


def test_a_country_s_adjective_never_becomes_a_known_place():
    text = ("Shelling hit the Libyan capital again, officials said.\n\n"
            "Libyan field hospitals counted 43 dead on Tuesday.")
    assert one(text, 43).place != "Libyan"
