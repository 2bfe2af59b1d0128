"""quote_drift finds the same speaker's words however each outlet phrased the cue (issue 9)."""

from __future__ import annotations

from recount.claims.model import AttributedClaim
from recount.compare.quotes import shared_words, word_root
from recount.compare.rules import compare


def _said(span: str, speaker: str, quote: str, verb: str, date: str | None) -> AttributedClaim:
    return AttributedClaim(span=span, start=0, end=len(span), sentence=f"{span} “{quote}”.", speaker=speaker,
                           speaker_role=None, verb=verb, quote=quote, date=date)


def test_the_cue_wording_does_not_matter(ref) -> None:
    a = _said("In a short speech at the harbour on Monday night, she said", "Ilena Drask",
              "the harbour is the heart of our lives", "said", "2024-06-03")
    b = _said("She described it as", "Ilena Drask", "the heart of our life", "described", None)
    flag = compare(ref(a, "x", "2024-06-04", "Northgate"), ref(b, "y", "2024-06-04", "Meridian"))
    assert flag is not None and flag.type == "quote_drift"


def test_inflections_count_as_the_same_word() -> None:
    assert word_root("lives") == word_root("life") and word_root("rebuilt") == word_root("rebuild")
    assert shared_words("we will rebuild the old bridge", "the old bridge will be rebuilt") == 1.0


def test_two_statements_of_one_speaker_are_not_a_drift(ref) -> None:
    a = _said("Drask said", "Ilena Drask", "we will not negotiate with the smugglers", "said", "2024-06-03")
    b = _said("Drask added", "Ilena Drask", "the port will reopen on Friday morning", "added", "2024-06-03")
    assert compare(ref(a, "x", "2024-06-04", "Northgate"), ref(b, "y", "2024-06-04", "Meridian")) is None


def test_quotes_of_two_stories_never_meet(ref) -> None:
    a = _said("Drask said", "Ilena Drask", "the harbour is the heart of our lives", "said", "2024-06-03")
    b = _said("Drask said", "Ilena Drask", "the harbour is the heart of our life", "said", "2024-06-03")
    assert compare(ref(a, "x", "2024-06-04", "N", story=1), ref(b, "y", "2024-06-04", "M", story=1))
    assert compare(ref(a, "x", "2024-06-04", "N", story=1), ref(b, "y", "2024-06-04", "M", story=2)) is None


def test_a_fragment_too_short_to_say_which_statement_is_no_drift(ref) -> None:
    a = _said("Drask announces", "Ilena Drask", "will be reopened", "announces", "2024-06-03")
    b = _said("Drask said", "Ilena Drask", "the bridge will be reopened before winter", "said", "2024-06-03")
    assert compare(ref(a, "x", "2024-06-04", "Northgate"), ref(b, "y", "2024-06-04", "Meridian")) is None


def test_the_same_words_spelled_apart_are_no_drift(ref) -> None:
    a = _said("Drask said", "Ilena Drask", "the armoured column of the Kestrel brigade was stopped at dawn",
              "said", "2024-06-03")
    b = _said("Drask said", "Ilena Drask", "the armored column of the Kestrell brigade was stopped at dawn",
              "said", "2024-06-03")
    assert compare(ref(a, "x", "2024-06-04", "Northgate"), ref(b, "y", "2024-06-04", "Meridian")) is None


def test_another_form_of_a_word_is_drift_not_spelling(ref) -> None:
    a = _said("Drask said", "Ilena Drask", "we will close every productive shaft in the northern valley",
              "said", "2024-06-03")
    b = _said("Drask said", "Ilena Drask", "we will close every production shaft in the northern valley",
              "said", "2024-06-03")
    flag = compare(ref(a, "x", "2024-06-04", "Northgate"), ref(b, "y", "2024-06-04", "Meridian"))
    assert flag is not None and flag.type == "quote_drift"


def test_words_credited_to_an_unnamed_group_and_to_a_named_person_are_no_conflict(ref) -> None:
    words = "a free press is paid for by everyone who reads it"
    group = _said("the family's attorneys said", "family's attorneys", words, "said", "2024-06-03")
    named = _said("Dana Orlov, the family's lawyer, told", "Dana Orlov", words, "told", "2024-06-03")
    other = _said("Ilena Drask told", "Ilena Drask", words, "told", "2024-06-03")
    theirs = ref(named, "y", "2024-06-04", "Meridian")
    assert compare(ref(group, "x", "2024-06-04", "Northgate"), theirs) is None
    flag = compare(ref(other, "x", "2024-06-04", "Northgate"), theirs)
    assert flag is not None and flag.type == "attribution_conflict"  # two people named: one is wrong
