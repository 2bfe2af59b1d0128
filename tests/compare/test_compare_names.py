"""Name variants: the same person or body under other spellings, and the places within places."""

from __future__ import annotations

import pytest

from recount.compare.names import names_match, place_relation


@pytest.mark.parametrize(("a", "b"), [
    ("Khalifa Haftar", "Khalifa Hifter"),
    ("Yusuf Kharadin", "Youssef Kharadine"),
    ("Marek Tolland", "Marek Toland"),
    ("Emil Stravos", "Agency chief Emil Stavos"),
    ("Drask", "Foreign Minister Ilena Drask"),
    ("WHO", "World Health Organization"),
    ("Health Ministry", "the Ministry of Health"),
    ("U.N.", "UN"),
])
def test_variants_of_one_name_match(a: str, b: str) -> None:
    assert names_match(a, b)
    assert names_match(b, a)


@pytest.mark.parametrize(("a", "b"), [
    ("Ilena Drask", "Aurel Vantesh"),
    ("Health Ministry", "Finance Ministry"),
    ("the ministry", "Health Ministry"),
    ("World Bank", "Finance Ministry"),
    ("Marek Tolland", "Tavrenian army"),
    ("Anna Lindqvist", "Peter Lindqvist"),
    (None, "Health Ministry"),
])
def test_different_people_and_bodies_do_not_match(a: str | None, b: str) -> None:
    assert not names_match(a, b)


def test_the_alias_table_is_applied_first() -> None:
    aliases = {"The Strongman": "Khalifa Haftar"}
    assert not names_match("The Strongman", "Haftar")
    assert names_match("The Strongman", "Haftar", aliases)


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("southern Tripoli", "Tripoli", "within"),
    ("Old Quarter and eastern suburbs of Ostrelo", "Ostrelo", "within"),
    ("Kessel province", "Kessel", "same"),
    ("Tripoli", "Benghazi", "different"),
    ("Varn valley", "Kessel province", "different"),
    (None, "Tripoli", "unknown"),
])
def test_place_relation(a: str | None, b: str, expected: str) -> None:
    assert place_relation(a, b) == expected


def test_place_aliases() -> None:
    assert place_relation("Old Harbour", "Vessa") == "different"
    assert place_relation("Old Harbour", "Vessa", {"Old Harbour": "Vessa"}) == "same"
