"""The one vocabulary of reporting cues (claims/cues.py): every pass reads the same words."""

from __future__ import annotations

from datetime import date

import pytest

from recount.claims.attribution import extract_attributed
from recount.claims.cues import CUE, SAID_BEFORE, is_speech
from recount.claims.document import Document


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.verb) for c in extract_attributed(Document.from_text(text, date(2025, 3, 8)))]


@pytest.mark.parametrize(
    "verb", ["stressed", "decried", "queried", "disclosed", "explained", "declared", "vowed", "claimed",
             "tweeted", "wrote", "warned", "described"],
)
def test_verbs_beyond_said_are_cues(verb: str) -> None:
    assert CUE.fullmatch(verb)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mayor Tilda Okonjo stressed that the shelters were full.", [("Tilda Okonjo", "stressed")]),
        ("The harbour master disclosed that 40 boats had sunk.", [("harbour master", "disclosed")]),
        ("Senator Ruben Vask decried what he called a cover-up.", [("Ruben Vask", "decried")]),
        ("The Relief Office tweeted that roads were closed.", [("Relief Office", "tweeted")]),
        ("Governor Amal Brisk wrote on Twitter that help was coming.", [("Amal Brisk", "wrote")]),
    ],
)
def test_new_verbs_find_their_speaker(text: str, expected: list[tuple[str, str]]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("cue", "after", "speech"),
    [
        ("promised", " an inquiry into the collapse.", False),
        ("promised", " that an inquiry would follow.", True),
        ("cited", " health reasons for the delay.", False),
        ("cited", " the Coastal Guard as its source.", True),
        ("described", " the damage as severe.", True),
        ("described", " a journey of three days.", False),
        ("states", " of emergency were declared.", False),
        ("states", " that 12 bridges were closed.", True),
        ("rejected", " the figures, saying they were too low.", False),
        ("rejected", " the figures as too low.", True),
    ],
)
def test_speech_only_in_its_frame(cue: str, after: str, speech: bool) -> None:
    text = cue + after
    assert is_speech(cue, text, len(cue), len(text)) is speech


def test_said_before_a_date_uses_the_same_verbs() -> None:
    # numeric.py asks whether a date is the day something was said: the cue list is the same.
    assert SAID_BEFORE.search("the port authority disclosed on ")
    assert SAID_BEFORE.search("Ms Farrow tweeted late on ")
    assert not SAID_BEFORE.search("the flood reached the town on ")


def test_said_before_equals_the_pattern_it_replaces() -> None:
    import random
    import re

    from recount.claims.cues import SAID_WORDS

    words = "|".join(sorted(SAID_WORDS, key=len, reverse=True))
    pattern = re.compile(r"\b(?:" + words + r")\b[^.;\d]{0,40}$", re.IGNORECASE)
    rng = random.Random(11)
    pieces = ["said", "Said ", " on ", "statement", "x", ".", ";", "7", " ", "_", "saidx", "warned", "\u00e9"]
    for _ in range(4000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) + " " * rng.randint(0, 45)
        assert SAID_BEFORE.search(s) == bool(pattern.search(s)), repr(s)
