"""Quote finding: straight and curly marks, multi-sentence quotes, unclosed marks, linear time."""

from __future__ import annotations

from recount.claims.document import split_paragraphs
from recount.claims.quotes import find_quotes, quote_text


def words(text: str) -> list[str]:
    return [q.words(text) for q in find_quotes(text, split_paragraphs(text))]


def test_straight_and_curly_quotes() -> None:
    text = 'He said "the dam held," and later: \u201cWe were lucky.\u201d'
    assert words(text) == ["the dam held", "We were lucky"]


def test_quote_over_several_sentences_is_one_stretch() -> None:
    assert words('"One. Two? Three!" she said.') == ["One. Two? Three!"]


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = 'The note said "come at once\n\nThen "a second" quote.'
    found = find_quotes(text, split_paragraphs(text))
    assert [q.words(text) for q in found] == ["come at once", "a second"]
    assert not found[0].closed and found[0].end == text.index("\n")


def test_reopened_curly_quote_closes_the_previous_one() -> None:
    text = "\u201cfirst part \u201csecond part\u201d"
    assert words(text) == ["first part", "second part"]


def test_offsets_index_the_text() -> None:
    text = 'A "b c" d \u201ce f\u201d'
    for q in find_quotes(text, split_paragraphs(text)):
        assert text[q.start] in '"\u201c' and text[q.inner_start : q.inner_end] in ("b c", "e f")


def test_empty_and_punctuation_only_quotes_are_dropped() -> None:
    assert words('"" and " , " and "ok"') == ["ok"]


def test_quote_text_joins_fragments_like_the_corpus() -> None:
    text = '"First bit," he said. "Second bit."'
    assert quote_text(text, find_quotes(text, split_paragraphs(text))) == "First bit ... Second bit"
    assert quote_text(text, []) is None


def test_thousands_of_marks_in_one_paragraph() -> None:
    text = '"x" ' * 5000 + '"unclosed'
    found = find_quotes(text, split_paragraphs(text))
    assert len(found) == 5001


def test_straight_single_marks_in_headline_style() -> None:
    text = "Mayor vows to reopen the bridge 'within a month' as repairs begin"
    assert words(text) == ["within a month"]


def test_apostrophes_are_not_single_quotes() -> None:
    assert words("The boys' team won, and the coach's plan didn't change.") == []
    assert words('He said "the \'old\' bridge held" today.') == ["the 'old' bridge held"]
