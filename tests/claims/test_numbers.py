"""Number expressions: values from digits and words, qualifiers and intervals."""

from __future__ import annotations

import pytest

from recount.claims.numbers import find_atoms, interval, qualifier_before


def values(text: str) -> list[float]:
    return [a.value for a in find_atoms(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2,800 people", 2800),
        ("11,300 homes", 11300),
        ("1.2 million people", 1_200_000),
        ("$4.5 billion", 4_500_000_000),
        ("40% of voters", 40),
        ("eleven people", 11),
        ("twenty-three children", 23),
        ("two hundred soldiers", 200),
        ("a dozen villages", 12),
        ("two dozen people", 24),
        ("hundreds of families", 200),
        ("thousands of people", 2000),
        ("tens of thousands of people", 20_000),
        ("a third of the city", 100 / 3),
        ("a quarter of the budget", 25),
        ("half of the homes", 50),
        ("a million people", 1_000_000),
        ("3bn dollars", 3_000_000_000),
    ],
)
def test_values(text, expected):
    got = values(text)
    assert got, text
    assert got[0] == pytest.approx(expected)


def test_currency_symbol_is_kept():
    (a,) = find_atoms("It needs $38 million.")
    assert a.currency == "$" and a.value == 38_000_000


def test_vague_words_are_flagged():
    (a,) = find_atoms("Hundreds more were stuck")
    assert a.vague


def test_fraction_needs_of():
    assert not find_atoms("a third week of fighting")
    assert find_atoms("a third of the homes")[0].fraction


def test_digits_glued_to_letters_are_not_numbers():
    assert values("The A3 highway and the G7 summit in the 1970s") == []


def test_huge_digit_runs_are_ignored_not_crashing():
    assert values("9" * 100_000) == []


@pytest.mark.parametrize(
    ("before", "qualifier"),
    [
        ("at least ", "at_least"),
        ("more than ", "more_than"),
        ("over ", "more_than"),
        ("nearly ", "about"),
        ("almost ", "about"),
        ("about ", "about"),
        ("around ", "about"),
        ("some ", "about"),
        ("roughly ", "about"),
        ("an estimated ", "about"),
        ("up to ", "up_to"),
        ("as many as ", "up_to"),
        ("fewer than ", "fewer_than"),
        ("less than ", "fewer_than"),
        ("under ", "fewer_than"),
        ("killed ", None),
    ],
)
def test_qualifiers(before, qualifier):
    text = f"They said {before}40 people"
    q, start = qualifier_before(text, text.index("40"))
    assert q == qualifier
    if qualifier:
        assert text[start:].startswith(before.strip().split()[0])


def test_intervals_follow_corpus_conventions():
    assert interval(23, "at_least") == {"lower": 23, "upper": None, "lower_inclusive": True,
                                        "upper_inclusive": True, "qualifier": "at_least"}
    more = interval(30, "more_than")
    assert more["lower"] == 30 and more["lower_inclusive"] is False and more["upper"] is None
    nearly = interval(85_000, "nearly")
    assert nearly["qualifier"] == "about" and nearly["lower"] is None and nearly["upper"] == 85_000
    about = interval(2800, "about")
    assert about["lower"] is None and about["upper"] is None
    fewer = interval(900, "fewer_than")
    assert fewer["upper"] == 900 and fewer["upper_inclusive"] is False
    up = interval(50, "up_to")
    assert up["upper"] == 50 and up["upper_inclusive"] is True and up["lower"] is None
    exact = interval(11, None)
    assert exact["lower"] == exact["upper"] == 11 and exact["qualifier"] == "exact"
    vague = interval(200, None, vague=True)
    assert vague["qualifier"] == "at_least" and vague["lower"] == 200
