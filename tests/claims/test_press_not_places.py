"""Words that stand where places do but are not places (sentences written by the team, after a
survey of reports on other stories)."""

from __future__ import annotations

from datetime import date

from recount.claims.document import Document
from recount.claims.numeric import extract_numeric

PUBLISHED = date(2024, 3, 14)


def place_of(text: str, value: float) -> str | None:
    found = [c for c in extract_numeric(Document.from_text(text, PUBLISHED)) if c.value == value]
    assert found, f"no claim of {value}"
    return found[0].place


def test_diseases_faiths_currencies_and_compounds_are_not_places():
    assert place_of("Three new Ebola infections were reported on Friday.", 3) is None
    assert place_of("A bomber hit a Sunni mosque during Sunday prayers, killing 19 people.", 19) is None
    assert place_of("The minister announced Rs 5 lakh for each family.", 500_000) is None
    assert place_of("US-led strikes killed at least 12 villagers overnight.", 12) is None


def test_companies_are_not_places():
    text = "The regulator imposed a $1.9 billion penalty on its Quorix unit on Tuesday."
    assert place_of(text, 1_900_000_000) is None
    text = "Sanjay Varn, the former chief executive of Delta Ledger Systems, agreed to pay $800 million."
    assert place_of(text, 800_000_000) is None


def test_people_named_with_their_age_are_not_places():
    text = ("Marek Doval and Ilse Kamp, former executives of a shipping group who were convicted of "
            "taking $150 million from it, were sentenced on Monday.\n"
            "Doval, 58, and Kamp, 45, were convicted in June on 14 fraud charges.\n"
            "Prosecutors said the pair used the money to furnish a flat for Doval with a $6,000 curtain.")
    assert place_of(text, 150_000_000) is None


def test_a_capital_inside_a_surname_is_no_capital():
    text = "Judge Anna Obel ordered Marek Rigas to pay $12 million in restitution."
    assert place_of(text, 12_000_000) is None
    assert place_of("A rally in Lusaka drew 5,000 people.", 5_000) == "Lusaka"


def test_a_state_named_with_of_keeps_the_whole_name():
    text = "In the Democratic Republic of the Congo, 1,760 infections have been recorded so far."
    assert place_of(text, 1_760) == "Democratic Republic of the Congo"



def test_a_candidate_after_a_share_is_no_place():
    text = "With most ballots counted, Okonjo had 50.5 per cent against 49.5 per cent for Halvard."
    assert place_of(text, 49.5) is None
    assert place_of("The mayor took 61% of the vote to 39% for Brannock in Velmar.", 39) == "Velmar"


def test_where_visitors_come_from_is_no_place_of_the_figure():
    text = "In Orvane, a nurse from Tesk said 40 patients were moved to the hall."
    assert place_of(text, 40) == "Orvane"
