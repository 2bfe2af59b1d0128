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
