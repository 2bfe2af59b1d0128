"""Places: locative phrases, datelines, the lead, and what is not a place."""

from __future__ import annotations

from datetime import date

from recount.claims.document import Document
from recount.claims.locatives import locatives
from recount.claims.places import PlaceFinder


def names(text: str) -> list[str]:
    return list(dict.fromkeys(n for _p, n, _r in sorted(locatives(text, 0, len(text)))))


def test_locative_phrases():
    assert names("Floods hit homes in southern Arlen.") == ["southern Arlen"]
    assert names("The boat capsized near the village of Esk.") == ["Esk"]
    assert "Tolmin" in names("They were killed in the western part of Tolmin.")
    assert names("Damage in Harlow district was severe.")[0] == "Harlow district"


def test_organisations_and_days_are_not_places():
    assert names("The International Organization for Migration said so.") == []
    assert names("It happened in March, the Ministry of Health said.") == []
    assert names("the Tavrenian city was shelled") == []
    assert names("Nine people died in Marlow on Monday.") == ["Marlow"]


def test_dateline_and_main_place():
    text = ("Storm batters coast\n\nPORT ELM, Norland, June 3 (Wire) - Heavy rain flooded towns in "
            "northern Norland on Sunday, officials said, forcing thousands from their homes.\n\n"
            "The agency said 300 people were in shelters.")
    pf = PlaceFinder(Document.from_text(text, date(2024, 6, 3)))
    assert pf.dateline == "Port Elm"
    assert pf.main == "northern Norland"
    last = len(pf.doc.sentences) - 1
    assert pf.for_claim(last, 0, 0) == "northern Norland"


def test_a_bodys_country_is_not_the_place_of_the_figure():
    text = "Velda's Health Ministry said 40 people had died in Korva province."
    pf = PlaceFinder(Document.from_text(text, date(2024, 6, 3)))
    assert pf.for_claim(0, text.index("40"), text.index("40") + 2) == "Korva province"


def test_subordinate_clause_place_is_another_event():
    text = "Ten people were killed in Arvo on Tuesday, when troops advanced into Belk."
    pf = PlaceFinder(Document.from_text(text, date(2024, 6, 5)))
    assert pf.for_claim(0, text.index("Ten"), text.index("Ten") + 3) == "Arvo"


def test_agency_dateline_without_a_date():
    text = "KHARIV, Ostland (AP) \u2014 Shelling killed 3 people on Monday, officials said."
    pf = PlaceFinder(Document.from_text(text, date(2024, 6, 3)))
    assert pf.dateline == "Khariv"
    assert pf.for_claim(0, 0, 0) == "Khariv"
