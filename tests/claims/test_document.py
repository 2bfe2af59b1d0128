"""Sentences and paragraphs with offsets."""

from __future__ import annotations

from datetime import date

from recount.claims.document import Document


def test_sentences_split_at_full_stops_not_abbreviations():
    text = "U.S. Secretary of State Mike Pompeo spoke. Dr. Ann Lee said 5 people died. It rained."
    doc = Document.from_text(text, date(2024, 1, 1))
    got = [s.text(doc) for s in doc.sentences]
    assert got == [
        "U.S. Secretary of State Mike Pompeo spoke.",
        "Dr. Ann Lee said 5 people died.",
        "It rained.",
    ]


def test_paragraphs_and_offsets():
    text = "First para one. Two.\n\nSecond para.\n"
    doc = Document.from_text(text, date(2024, 1, 1))
    assert [text[a:b] for a, b in doc.paragraphs] == ["First para one. Two.", "Second para."]
    assert [s.paragraph for s in doc.sentences] == [0, 0, 1]
    for s in doc.sentences:
        assert doc.sentence_at(s.start) == s
    assert doc.sentence_at(len(text) + 5) is None


def test_empty_text():
    doc = Document.from_text("", date(2024, 1, 1))
    assert doc.sentences == [] and doc.paragraphs == []


def test_a_wall_of_text_is_cut_into_bounded_sentences():
    from recount.claims.document import MAX_SENTENCE

    text = "officials said 11 people were killed, " * 400
    doc = Document.from_text(text, date(2024, 1, 1))
    assert len(doc.sentences) > 1
    assert all(s.end - s.start <= MAX_SENTENCE for s in doc.sentences)
    joined = "".join(text[s.start : s.end] for s in doc.sentences).replace(" ", "")
    assert joined == text.replace(" ", "")


def test_a_line_wrapped_mid_sentence_is_joined_to_the_next():
    text = ("According to the commission, the incumbent\n\npolled 9,204,118 votes to defeat his rival.\n\n"
            "Turnout was low.\n\nobservers said nothing.")
    doc = Document.from_text(text, date(2024, 3, 14))
    first = doc.sentences[0]
    assert text[first.start : first.end].endswith("to defeat his rival.")
    # a line that ends its sentence stays a paragraph of its own, whatever the next begins with
    assert any(text[s.start : s.end] == "Turnout was low." for s in doc.sentences)
