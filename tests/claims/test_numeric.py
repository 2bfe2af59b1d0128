"""The numeric engine on sentences written for these tests (not from the corpus)."""

from __future__ import annotations

from datetime import date

import pytest

from recount.claims.document import Document
from recount.claims.numeric import extract_numeric

PUB = date(2024, 6, 12)  # a Wednesday


def claims(text: str, pub: date = PUB):
    return extract_numeric(Document.from_text(text, pub))


def one(text: str, pub: date = PUB):
    found = claims(text, pub)
    assert len(found) == 1, [c.span for c in found]
    return found[0]


# ------------------------------------------------------------------ values, intervals


@pytest.mark.parametrize(
    ("text", "value", "lower", "upper", "qualifier"),
    [
        ("At least 23 people were killed in Marlow, officials said.", 23, 23, None, "at_least"),
        ("More than 30 people have died in the region.", 30, 30, None, "more_than"),
        ("Over 400 people were injured, the hospital said.", 400, 400, None, "more_than"),
        ("Nearly 9,000 residents have fled their homes.", 9000, None, None, "about"),
        ("Almost 70 people were arrested overnight.", 70, None, None, "about"),
        ("About 2,650 people have been displaced.", 2650, None, None, "about"),
        ("Around 150 soldiers were deployed to the border.", 150, None, None, "about"),
        ("Some 12,000 people were evacuated from the coast.", 12000, None, None, "about"),
        ("Roughly 60 people are missing.", 60, None, None, "about"),
        ("An estimated 5,000 people have fled.", 5000, None, None, "about"),
        ("Up to 50 people may have died.", 50, None, 50, "up_to"),
        ("As many as 300 fighters have been killed.", 300, None, 300, "up_to"),
        ("Fewer than 90 people crossed the border on Monday.", 90, None, 90, "fewer_than"),
        ("Under 20 people were hurt.", 20, None, 20, "fewer_than"),
        ("Between 400 and 600 homes have been destroyed.", 500, 400, 600, "range"),
        ("Officials said 40-60 people were wounded.", 50, 40, 60, "range"),
        ("Officials said 40 to 60 people were wounded.", 50, 40, 60, "range"),
        ("Eleven people died in the fire.", 11, 11, 11, "exact"),
        ("Two dozen people were treated for smoke inhalation.", 24, 24, 24, "exact"),
        ("A dozen villages were flooded.", 12, 12, 12, "exact"),
        ("Hundreds were left homeless.", 200, 200, None, "at_least"),
        ("Tens of thousands of people have fled the city.", 20000, 20000, None, "at_least"),
    ],
)


def test_interval(text, value, lower, upper, qualifier):
    c = one(text)
    assert (c.value, c.lower, c.upper, c.qualifier) == (value, lower, upper, qualifier)
    assert c.span == text[c.start : c.end]


def test_more_than_is_exclusive_and_fewer_than_too():
    assert one("More than 30 people died.").lower_inclusive is False
    assert one("Fewer than 30 people died.").upper_inclusive is False
    assert one("At least 30 people died.").lower_inclusive is True


def test_money_and_percent():
    m = one("The appeal seeks $4.5 billion for reconstruction.")
    assert (m.category, m.value, m.unit) == ("money", 4_500_000_000, "USD")
    e = one("The bloc pledged 15 million euros in aid.")
    assert (e.category, e.value, e.unit) == ("money", 15_000_000, "EUR")
    p = one("Turnout was 40% in the capital.")
    assert (p.category, p.value) == ("percent", 40)
    q = one("About 30 percent of the harvest was lost.")
    assert (q.category, q.qualifier) == ("percent", "about")
    third = one("A third of the homes were damaged.")
    assert third.category == "percent" and third.value == pytest.approx(33.333, rel=1e-3)


# ------------------------------------------------------------------ categories


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Fourteen people were killed in the blast.", "killed"),
        ("The death toll rose to 41 on Tuesday.", "killed"),
        ("Rescuers recovered 12 bodies from the river.", "killed"),
        ("The attack left 9 dead and 30 wounded.", "killed"),
        ("At least 25 people were hurt.", "wounded"),
        ("The clashes injured 18 protesters.", "wounded"),
        ("Officials reported 60 casualties after the attack.", "injured_or_killed"),
        ("About 4,000 people have fled the town.", "displaced"),
        ("Some 700 families were made homeless by the fire.", "displaced"),
        ("The agency counted 10,000 refugees at the border.", "displaced"),
        ("At least 15 fishermen are still missing.", "missing"),
        ("Police said 46 people had been detained.", "arrested"),
        ("More than 3,000 people were evacuated by boat.", "evacuated"),
        ("The army has deployed 2,500 troops to the province.", "troops"),
        ("The group said 800 fighters were defending the town.", "troops"),
        ("Engineers inspected 40 bridges.", "count"),
    ],
)


def test_category(text, category):
    assert claims(text)[0].category == category


def test_second_figure_in_a_coordination_takes_its_own_category():
    found = claims("At least 12 people were killed and 40 wounded in the attack.")
    assert [c.category for c in found] == ["killed", "wounded"]
    found = claims("The quake killed 312 people and injured more than 1,400.")
    assert [c.category for c in found] == ["killed", "wounded"]


def test_subject():
    assert one("Nine civilians were killed on Monday.").subject == "civilians"
    assert one("The strike killed 7 children.").subject == "children"


def test_captured_soldiers_are_not_a_troop_strength():
    assert one("The rebels said they had captured 20 government soldiers.").category == "count"


# ------------------------------------------------------------------ not claims


@pytest.mark.parametrize(
    "text",
    [
        "The ceasefire began on March 3, 2024.",
        "In 1998 the border war ended.",
        "The blast happened at 3:42 a.m. on Monday.",
        "Anna Berg, 52, said she had lost everything.",
        "A 34-year-old nurse was among them.",
        "The talks lasted 72 hours.",
        "It was the third day of fighting.",
        "Trucks were stuck on Route 14 near the checkpoint.",
        "The Security Council adopted Resolution 2817.",
        "For help, call 0800 555 0199 at any time.",
        "He lived in a five-storey block.",
        "It was one of the oldest hospitals in the north.",
        "The A3 highway was closed.",
        "Houses built in the 1970s collapsed.",
    ],
)


def test_not_claims(text):
    assert claims(text) == [], [c.span for c in claims(text)]


def test_furniture_lines_are_skipped_and_a_headline_verb_counts_its_figure():
    text = ("Quake kills 300 in mountain province\n\nUpdated 14 June\n\n"
            "The quake killed 312 people, officials said.")
    found = claims(text)
    assert [(c.value, c.category) for c in found] == [(300, "killed"), (312, "killed")]


# ------------------------------------------------------------------ place


def test_place_from_the_sentence():
    assert one("At least 23 people were killed in southern Marlow on Monday.").place == "southern Marlow"


def test_place_from_the_dateline():
    text = "KESTA, Norland, June 12 (Wire) - Nine people died on Tuesday, police said."
    assert one(text).place == "Kesta"


def test_place_from_the_lead_is_carried():
    text = ("Floods swept through Arlen province on Friday, officials said.\n\n"
            "At least 14 people have died since then, the ministry said.")
    assert one(text).place == "Arlen province"


def test_offsets_and_sentence():
    text = "Intro line here.\n\nNearly 85,000 people have been displaced, the agency said."
    c = one(text)
    assert text[c.start : c.end] == c.span and c.span.startswith("Nearly 85,000")
    assert c.sentence == text[text.index("Nearly") :]


def test_share_one_in_five_is_a_percentage():
    c = one("Officials said one in five schools had no water.")
    assert (c.category, c.value) == ("percent", 20)
    c = one("Two out of three clinics were closed, the agency said.")
    assert c.category == "percent" and c.value == pytest.approx(66.667, rel=1e-3)


def test_identifier_lists_and_local_phone_numbers():
    assert claims("Highway 7 is closed between kilometre 40 and 52.") == []
    assert claims("Call the hotline at 555-0134 for information.") == []


def test_a_verb_across_a_clause_break_does_not_count():
    c = one("Officials said the death toll could rise as 14 villages remain cut off.")
    assert c.category == "count"


def test_a_part_shares_the_metric_of_the_whole():
    found = claims("Air strikes killed 18 people on Thursday, including six children, officials said.")
    got = [(c.value, c.category, c.time.scope) for c in found]
    assert got == [(18, "killed", "day"), (6, "killed", "day")]


def test_refugees_crossing_a_border_are_displaced():
    assert one("The agency said 85,000 people had crossed into Kalda.").category == "displaced"
    assert one("About 2,000 people crossed the checkpoint through the corridor.").category == "evacuated"


def test_ages_after_a_name_or_a_group():
    assert claims("We need help, said nurse Amal Idris, 29.") == []
    assert [c.value for c in claims("Four in 10 cases were children under five.")] == [40]


@pytest.mark.parametrize(
    "text",
    [
        "The quake struck 40 km (25 miles) north of the city at a depth of 10 kilometres.",
        "The magnitude 6.1 aftershock was felt far away.",
        "The council passed the text by a vote of 13-0.",
        "The home side won 2-1 on Sunday.",
        "The city ranked in the top 10 again.",
        "Temperatures fell to minus 5C overnight.",
    ],
)


def test_measurements_scores_and_ranks_are_not_claims(text):
    assert claims(text) == [], [c.span for c in claims(text)]


def test_a_currency_word_must_follow_the_number():
    assert one("The city ranked 10 and won praise.").category != "money"
    assert one("Aid worth $3-5 million was pledged.").lower == 3_000_000


def test_returnees_are_not_displaced():
    assert one("Fewer than 900 displaced families have returned home, the agency said.").category == "count"


def test_bullet_list_in_the_body_is_content():
    text = ("Quake toll climbs\n\nThe quake struck on Monday, officials said.\n\n"
            "Key figures\n\n- 312 people killed\n- 1,400 injured")
    assert [c.value for c in claims(text)] == [312, 1400]


def test_currency_word_is_part_of_the_span():
    c = one("The government has spent 2.3 trillion yen.")
    assert (c.span, c.unit, c.value) == ("2.3 trillion yen", "JPY", 2.3e12)


def test_spans_and_subjects():
    assert one("Between 400 and 600 homes were destroyed.").span == "Between 400 and 600 homes"
    c = one("The agency said it needed $38 million to feed people.")
    assert c.span == "$38 million"
    c = one("The government ordered up to 3,000 tents for families.")
    assert (c.span, c.subject) == ("up to 3,000 tents", None)
    assert one("He said about 1,500 OLF fighters were defending the city.").span == "about 1,500 OLF fighters"


@pytest.mark.parametrize(
    "text",
    [
        "Apollo 11 was launched that year.",
        "Title 42 expired and Section 230 was debated.",
        "Children aged 5 to 11 were vaccinated.",
        "The bill passed 52 to 48 in the Senate.",
    ],
)


def test_names_with_numbers_ages_and_votes(text):
    assert claims(text) == [], [c.span for c in claims(text)]


def test_a_fall_from_one_figure_to_another_keeps_both():
    assert [c.value for c in claims("The official toll fell from 121 to 98.")] == [121, 98]
