"""Speaker phrases: people vs bodies vs groups, names vs roles, coreference within an article."""

from __future__ import annotations

import pytest

from recount.claims.coreference import SpeakerIndex
from recount.claims.speakers import Mention, analyse


@pytest.mark.parametrize(
    ("phrase", "kind", "name", "role"),
    [
        ("Kremlin spokesman Dmitry Peskov", "person", "Dmitry Peskov", "Kremlin spokesman"),
        ("U.S. Secretary of State Mike Pompeo", "person", "Mike Pompeo", "U.S. Secretary of State"),
        ("Dr. Hana Veit", "person", "Hana Veit", None),
        ("Jonas Pell of the Farmers' Union", "person", "Jonas Pell", "Farmers' Union"),
        ("the Ministry of Water", "org", "Ministry of Water", None),
        ("Velmora's Finance Ministry", "org", "Finance Ministry", "Velmora's Finance Ministry"),
        ("the Health Ministry in Sarvana", "org", "Health Ministry", None),
        ("The National Relief Bureau (NRB)", "org", "National Relief Bureau", None),
        ("UNICEF", "org", "UNICEF", None),
        ("residents", "group", "residents", None),
        ("Residents reached by telephone", "group", "residents", None),
        ("Western diplomats", "group", "Western diplomats", None),
        ("she", "pronoun", "she", None),
        ("Moro", "other", "Moro", None),
    ],
)
def test_analyse(phrase: str, kind: str, name: str, role: str | None) -> None:
    m = analyse(phrase)
    assert m is not None
    assert (m.kind, m.name, m.role) == (kind, name, role)


@pytest.mark.parametrize(
    "phrase", ["", "the", "an accusation the ministry", "Despite", "which", "that the", "x " * 20]
)
def test_not_speakers(phrase: str) -> None:
    assert analyse(phrase) is None


def test_possessor_of_a_statement_speaks() -> None:
    assert analyse("Pompeo's statement") == Mention("other", "Pompeo", None, "Pompeo")


def test_index_resolves_surname_pronoun_group_and_acronym() -> None:
    text = "Finance Minister Lars Ebbe met the Coastal Relief Agency (CRA) and the Port Council."
    index = SpeakerIndex(text)
    lars = index.resolve(analyse("Finance Minister Lars Ebbe"))
    index.note(lars)
    agency = index.resolve(analyse("the Coastal Relief Agency"))
    index.note(agency)
    council = index.resolve(analyse("the Port Council"))
    index.note(council)
    assert index.resolve(analyse("Ebbe")) is lars
    assert index.resolve(analyse("he")) is lars
    assert index.resolve(analyse("the agency")).name == "Coastal Relief Agency (CRA)"
    assert index.resolve(analyse("the council")).name == "Port Council"
    assert index.resolve(analyse("CRA")).name == "Coastal Relief Agency (CRA)"
    assert index.resolve(analyse("the ministry")).name == "ministry"  # none named: kept as said


def test_full_name_found_anywhere_in_the_article() -> None:
    index = SpeakerIndex("Later, the envoy Petra Lind arrived.")
    assert index.resolve(analyse("Lind")).name == "Petra Lind"


def test_her_ministry_is_the_ministry_of_the_minister() -> None:
    index = SpeakerIndex("")
    index.note(index.resolve(analyse("Foreign Minister Ada Rell")))
    assert index.resolve(analyse("her ministry")).name == "Foreign Ministry"


def test_the_government_is_the_government_of_the_datelines_country() -> None:
    index = SpeakerIndex("PORT ELM, Marovia, June 2 (Wire) - The government said roads were shut.")
    assert index.resolve(analyse("The government")).name == "Marovian government"
    assert index.resolve(analyse("the army")).name == "Marovian army"
    plain = SpeakerIndex("The government said roads were shut.")
    assert plain.resolve(analyse("The government")).name == "government"


def test_country_from_possessives_when_the_dateline_has_none() -> None:
    text = "KESTRA, June 2 - Ostalia's Health Ministry said 40 died. Ostalia is poor. The army said little."
    assert SpeakerIndex(text).resolve(analyse("The army")).name == "Ostalian army"


def test_list_of_speakers_expands_known_acronyms() -> None:
    m = analyse("The UN, the EU, and Russia")
    assert m is not None and m.kind == "org"
    assert SpeakerIndex("").resolve(m).name == "United Nations, the European Union, and Russia"


def test_company_descriptor_and_legal_suffix_are_not_the_name() -> None:
    assert analyse("Paint maker Verolux").name == "Verolux"
    assert analyse("Paint maker Verolux").kind == "org"
    assert analyse("Banque Ostral SA").name == "Banque Ostral"


def test_role_name_and_affiliation() -> None:
    found = analyse("Chief Executive Ilse Varga of shipping group Nordlane")
    assert (found.kind, found.name, found.role) == ("person", "Ilse Varga", "Chief Executive")


def test_a_place_after_a_preposition_is_not_a_name() -> None:
    found = analyse("the UN envoy to Kessaria")
    assert found is None or found.kind != "person"


def test_object_pronoun_after_according_to() -> None:
    assert analyse("him").name == "he"


def test_titles_of_honour_are_dropped() -> None:
    assert analyse("Alhaji Musa Danjuma").name == "Musa Danjuma"


def test_body_names_keep_the_acronym_the_report_defines() -> None:
    index = SpeakerIndex("The Harbour Safety Board (HSB) said on Monday that 3 ships were lost.")
    assert index.body_name("Harbour Safety Board") == "Harbour Safety Board (HSB)"
    assert index.body_name("United Nations Office for Ports") == "UN Office for Ports"
    assert index.body_name("World Health Organisation") == "World Health Organization"


def test_national_bodies_in_a_report_about_one_real_country() -> None:
    text = "LIMA - Peru's health ministry said 30 people died in Peru after the storm."
    index = SpeakerIndex(text)
    assert index.resolve(analyse("the health ministry")).name == "Peru Health Ministry"
    assert index.resolve(analyse("Police")).name == "Peru police"
    assert index.resolve(analyse("the government")).name == "Government of Peru"
    assert index.resolve(analyse("Peru's foreign ministry")).name == "Peru foreign ministry"


def test_no_country_for_an_invented_place() -> None:
    index = SpeakerIndex("OSTRELO, Tavrenia - The health ministry said the toll rose.")
    assert index.resolve(analyse("the health ministry")).name == "health ministry"


def test_the_source_stays_anonymous_and_the_official_is_the_role_just_named() -> None:
    index = SpeakerIndex("Government spokesman Arvo Penn spoke. A government source said more.")
    index.note(index.resolve(analyse("Government spokesman Arvo Penn")))
    assert index.resolve(analyse("the source")).name == "source"
    director = index.resolve(analyse("the director general"))
    index.note(director)
    assert index.resolve(analyse("The official")) is director


def test_a_role_of_the_group_names_the_group() -> None:
    index = SpeakerIndex("")
    index.note(index.resolve(analyse("The Vell Relief Society")))
    assert index.resolve(analyse("The Secretary General of the society")).name == (
        "Secretary General of the Vell Relief Society"
    )
