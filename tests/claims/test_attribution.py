"""Attributed claims: cues, speakers, roles, coreference, quotes and dates (invented news texts)."""

from __future__ import annotations

from datetime import date

import pytest

from recount.claims.attribution import extract_attributed
from recount.claims.dates import resolve_day
from recount.claims.document import Document
from recount.claims.model import AttributedClaim

PUBLISHED = date(2024, 10, 12)  # a Saturday


def claims(text: str, published: date = PUBLISHED) -> list[AttributedClaim]:
    found = extract_attributed(Document.from_text(text, published))
    for c in found:
        assert c.span == text[c.start : c.end]
    return found


def only(text: str) -> AttributedClaim:
    found = claims(text)
    assert len(found) == 1, [c.span for c in found]
    return found[0]


def test_subject_before_verb_with_role_and_date() -> None:
    c = only("Harbour Authority spokeswoman Ina Velk said on Tuesday that two cranes had collapsed.")
    assert c.speaker == "Ina Velk"
    assert c.speaker_role == "Harbour Authority spokeswoman"
    assert c.verb == "said"
    assert c.date == "2024-10-08"
    assert c.span == "Harbour Authority spokeswoman Ina Velk said on Tuesday"
    assert c.quote is None


def test_inverted_attribution_after_a_quote_with_apposition_role() -> None:
    c = only('"The bridge is gone, and the ferry is all we have," said Tomas Reyl, a ferry captain.')
    assert (c.speaker, c.speaker_role) == ("Tomas Reyl", "ferry captain")
    assert c.quote == "The bridge is gone, and the ferry is all we have"
    assert c.span == "said Tomas Reyl"


def test_quote_over_sentences_and_a_continued_quote_are_joined() -> None:
    text = (
        'Mayor Oda Strand visited the camp.\n\n"We lost the school. We lost the clinic," she said. '
        '"We will not lose the town."'
    )
    found = claims(text)
    assert [c.speaker for c in found] == ["Oda Strand"]
    assert found[0].quote == "We lost the school. We lost the clinic ... We will not lose the town"


def test_quote_paragraph_without_attribution_continues_the_previous_speaker() -> None:
    text = (
        '"The pumps failed at midnight," engineer Rufus Dale told reporters.\n\n'
        '"By dawn the lower town was under water."\n\n'
        "The council met later."
    )
    c = only(text)
    assert c.speaker == "Rufus Dale"
    assert c.quote == "The pumps failed at midnight ... By dawn the lower town was under water"


def test_reported_speech_with_quoted_fragment() -> None:
    c = only('Governor Lise Amund said the dam was "holding for now" but could fail.')
    assert c.quote == "holding for now"


def test_surname_and_pronoun_resolve_to_the_full_name() -> None:
    text = (
        "Interior Minister Karel Bruck said 40 officers had been sent. "
        "Bruck said more would follow. He said the roads were closed."
    )
    found = claims(text)
    assert [c.speaker for c in found] == ["Karel Bruck"] * 3
    assert all(c.speaker_role == "Interior Minister" for c in found)


def test_surname_first_resolves_to_a_full_name_given_later() -> None:
    text = "Falk said the talks had failed. The envoy, Mira Falk, arrived on Monday."
    assert only(text).speaker == "Mira Falk"


def test_she_and_he_follow_the_gender_already_used() -> None:
    text = (
        "Hospital spokeswoman Ana Rusk said the ward was full. "
        "Army spokesman Pavel Hrin said the road was open. "
        "She said 12 nurses were on duty. He said a convoy was coming."
    )
    assert [c.speaker for c in claims(text)] == ["Ana Rusk", "Pavel Hrin", "Ana Rusk", "Pavel Hrin"]


def test_pronoun_finds_a_person_introduced_without_words() -> None:
    text = (
        "Rescuers reached the village. Among them was a nurse, Edda Lorn, who had walked all night. "
        '"We had no light," she told reporters.'
    )
    assert only(text).speaker == "Edda Lorn"


def test_the_ministry_and_the_agency_resolve_to_the_body_named_before() -> None:
    text = (
        "The Ministry of Water said on Friday that 3,000 wells were dry. "
        "The Relief Coordination Agency said aid was on its way. "
        "The ministry said rationing would begin. The agency said it needed $2 million."
    )
    found = claims(text)
    assert [c.speaker for c in found] == [
        "Ministry of Water",
        "Relief Coordination Agency",
        "Ministry of Water",
        "Relief Coordination Agency",
    ]


def test_acronym_defined_in_the_article_and_well_known_bodies() -> None:
    text = (
        "The National Relief Bureau (NRB) said on Friday that 900 families were in shelters. "
        "The NRB said more tents were needed. The UN said it would help."
    )
    found = claims(text)
    # The acronym the report defines is kept after the name; the UN is a household name.
    bureau = "National Relief Bureau (NRB)"
    assert [c.speaker for c in found] == [bureau, bureau, "United Nations"]


def test_apposition_between_commas_gives_speaker_and_role() -> None:
    c = only("Pell Odun, a spokesman for the Coastal Guard, said the search would resume.")
    assert c.speaker == "Pell Odun"
    assert c.speaker_role == "spokesman for the Coastal Guard"


def test_role_before_name_in_apposition() -> None:
    c = only("The agency's director, Lea Sorn, told a news conference that the count was final.")
    assert c.speaker == "Lea Sorn"
    assert c.speaker_role == "agency's director"


def test_according_to_is_a_claim_without_a_date() -> None:
    c = only("About 200 homes were destroyed on Friday, according to the Regional Housing Office.")
    assert c.speaker == "Regional Housing Office"
    assert c.verb == "according to"
    assert c.date is None
    assert c.span == "according to the Regional Housing Office"


def test_main_clause_subject_for_participle_and_coordinated_verbs() -> None:
    a = only("Premier Ivo Lask defended the curfew on Sunday, saying it had saved lives.")
    assert (a.speaker, a.verb, a.date) == ("Ivo Lask", "saying", "2024-10-06")
    b = only("Senator Rhea Molt visited the port and warned that the docks were unsafe.")
    assert (b.speaker, b.verb) == ("Rhea Molt", "warned")
    assert b.span == "Senator Rhea Molt visited the port and warned"


def test_one_claim_for_two_verbs_of_the_same_speaker() -> None:
    c = only("The weather office said more rain was due and warned of landslides.")
    assert c.speaker == "weather office"


def test_groups_speak_too() -> None:
    found = claims("Residents said the water rose within minutes. Critics say the levee was neglected.")
    assert [c.speaker.lower() for c in found] == ["residents", "critics"]


@pytest.mark.parametrize(
    "text",
    [
        "She did not say how many had died.",
        "Two deaths were reported in the north.",
        "The figure was announced late.",
        "Asked to comment, the firm declined.",
        "Despite calls for calm, crowds gathered.",
    ],
)
def test_not_claims(text: str) -> None:
    assert claims(text) == []


def test_cues_inside_a_quotation_are_the_speakers_words() -> None:
    c = only('"Wait until the engineers say it is safe," the fire chief said.')
    assert c.speaker == "fire chief"


def test_headline_is_not_a_claim() -> None:
    text = "Governor says the port will reopen\n\nHarbour Master Ilse Boon said it would reopen on Monday."
    assert only(text).speaker == "Ilse Boon"


def test_unclosed_quote_stays_in_its_paragraph() -> None:
    text = 'A sign read "no entry to the quay\n\nThe coast guard said on Friday: "Stay away from the cliffs."'
    c = only(text)
    assert c.speaker == "coast guard"
    assert c.quote == "Stay away from the cliffs"


def test_date_of_words_inherited_by_the_same_speaker_and_lead_defaults() -> None:
    text = (
        "KESTRA, Oct. 12 (Valley Post) - Two bridges fell, the Roads Agency said on Thursday.\n\n"
        "The agency said repairs would take a month.\n\n"
        "Para three.\n\nPara four.\n\nPara five.\n\nPara six.\n\n"
        "A local historian said the bridges were built in 1890."
    )
    found = claims(text)
    assert [(c.speaker, c.date) for c in found] == [
        ("Roads Agency", "2024-10-10"),
        ("Roads Agency", "2024-10-10"),
        ("local historian", None),
    ]


def test_fronted_phrase_gives_the_date() -> None:
    c = only("In a radio address on Wednesday, the commander, Ota Brel, said the siege would end.")
    assert (c.speaker, c.date) == ("Ota Brel", "2024-10-09")


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Saturday", date(2024, 10, 12)),
        ("Friday evening", date(2024, 10, 11)),
        ("Sunday", date(2024, 10, 6)),
        ("October 3", date(2024, 10, 3)),
        ("April 8, 2019", date(2019, 4, 8)),
        ("yesterday", date(2024, 10, 11)),
        ("February 30", None),
    ],
)
def test_resolve_day(phrase: str, expected: date | None) -> None:
    assert resolve_day(phrase, PUBLISHED) == expected


def test_empty_and_punctuation_only_text() -> None:
    assert claims("") == []
    assert claims('"""\n\n,,, said') == []


WIRE = (
    "Army says 40 killed in border clashes\n\n"
    "KORVA, June 3 (Wire) - At least 40 fighters were killed in clashes near the border on Monday, "
    "the army said in a statement.\n\n"
    '"Our forces will pursue them," army spokesman Colonel Tamer al-Rifai said, adding that five '
    "soldiers had also died.\n\n"
    "U.N. Secretary-General Ana Ruiz called for restraint. \u201cCivilians must be protected,\u201d "
    "Ruiz told reporters in New York on Monday.\n\n"
    "The White House said it was monitoring the situation. A senior official, speaking on condition "
    "of anonymity, said talks had been briefed.\n\n"
    "According to a bulletin from the Interior Ministry, 150 suspects have been arrested.\n\n"
    "Piet de Vries, the U.N. envoy, said last week that talks would resume. He said he was "
    '"cautiously optimistic".\n\n'
    "Rights Watch said in a report on Wednesday that 1,000 homes had been demolished. "
    "\u2018This is collective punishment,\u2019 said Sara Whit, the group\u2019s director."
)


def test_wire_story_in_another_house_style() -> None:
    got = [(c.speaker, c.quote, c.date) for c in claims(WIRE, date(2019, 6, 3))]
    assert got == [
        ("army", None, "2019-06-03"),
        ("Tamer al-Rifai", "Our forces will pursue them", "2019-06-03"),
        ("Ana Ruiz", None, "2019-06-03"),
        ("Ana Ruiz", "Civilians must be protected", "2019-06-03"),
        ("White House", None, None),
        ("senior official", None, None),
        ("Interior Ministry", None, None),
        ("Piet de Vries", None, None),
        ("Piet de Vries", "cautiously optimistic", None),
        ("Rights Watch", None, "2019-05-29"),
        ("Sara Whit", "This is collective punishment", None),
    ]


def test_armed_groups_and_countries_as_speakers() -> None:
    text = (
        "MARNE, Oct. 12 (Wire) - Fighting spread as General Ivo Dask's self-styled Northern Liberation "
        "Army advanced.\n\n"
        "Dask's forces said they had taken the airport. Rebels said they would hold it.\n\n"
        "The Ostavian government denied that. Ostavia says the airport is still open."
    )
    got = [c.speaker for c in claims(text)]
    assert got == [
        "Northern Liberation Army",
        "Northern Liberation Army",
        "Ostavian government",
        "Ostavian government",
    ]


AP_STYLE = (
    "Storm kills 14 in coastal towns\n\n"
    "PORT BELLA, Ocalia (AP) \u2014 A storm killed at least 14 people, officials said Tuesday.\n\n"
    "Gov. Maria Lenz told The Associated Press that crews were still searching. \u201cWe are not "
    "done,\u201d Lenz said. \u201cWe will not stop.\u201d\n\n"
    "Sen. Rob Tanner, a Republican, criticized the response. He said the state had \u201cfailed its "
    "people,\u201d and called for an inquiry.\n\n"
    "The Ocalian Red Cross said it had opened 30 shelters. A spokesperson for the group, Lina Obi, "
    "said about 2,000 people were staying in them.\n\n"
    "\u201cPeople lost everything,\u201d said resident Carla Pinto, 62, standing outside her home."
)


def test_ap_style_titles_weekdays_and_group_spokespeople() -> None:
    got = [(c.speaker, c.speaker_role, c.quote, c.date) for c in claims(AP_STYLE, date(2024, 9, 17))]
    assert got == [
        ("officials", None, None, "2024-09-17"),
        ("Maria Lenz", "Gov.", None, "2024-09-17"),
        ("Maria Lenz", "Gov.", "We are not done ... We will not stop", "2024-09-17"),
        ("Rob Tanner", "Sen.", "failed its people", "2024-09-17"),  # third paragraph: the lead's day
        ("Ocalian Red Cross", None, None, None),
        ("Lina Obi", "Ocalian Red Cross spokesperson", None, None),
        ("Carla Pinto", "resident", "People lost everything", None),
    ]


def test_it_said_refers_to_the_body_last_named() -> None:
    text = "The Harbour Agency closed the port on Monday. It said 40 ships were waiting."
    assert only(text).speaker == "Harbour Agency"
    assert claims("Fishermen protested. They said the closure was unfair.") == []  # no antecedent spoke


def test_a_day_after_publication_is_last_year_for_words_said() -> None:
    found = claims("The mayor of Pellan, Ivo Restak, said on Dec. 24 that the bridge would reopen.")
    assert found[0].date == "2023-12-24"
