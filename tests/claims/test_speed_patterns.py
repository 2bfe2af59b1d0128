"""The engine's rewritten patterns match exactly what their plain forms match."""

from __future__ import annotations

import random
import re

from recount.claims.retrie import trie


def _module_patterns():
    import importlib

    for name in ("document", "numbers", "dates", "categories", "places", "numeric", "attribution",
                 "speakers", "quotes", "sources", "place_filters", "time_words", "figures", "locatives",
                 "cue_context", "coreference", "word_figures", "attribution_frames", "person_names"):
        module = importlib.import_module(f"recount.claims.{name}")
        for key, value in vars(module).items():
            value = getattr(value, "raw", value)  # a literals.Gated pattern: the pattern it tests for
            if isinstance(value, re.Pattern):
                yield f"{name}.{key}", value


def test_first_character_lookahead_keeps_every_match():
    from pathlib import Path

    from recount.claims.retrie import fast, first_chars

    corpus = Path(__file__).resolve().parents[1] / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))][:6]
    texts.append("Route 9, No. 4 -- 'It's 10:30 p.m.' (AP) + 44 20 7946 0958; U.N. ſ K \u201cquoted\u201d")
    checked = 0
    for name, pattern in _module_patterns():
        plain = re.compile(pattern.pattern, pattern.flags)
        quick = fast(pattern.pattern, pattern.flags)
        if first_chars(pattern.pattern, pattern.flags) is None:
            continue
        checked += 1
        for text in texts:
            assert [m.span() for m in plain.finditer(text)] == [m.span() for m in quick.finditer(text)], name
            for end in range(40, len(text), 97):
                window = text[end - 40 : end]
                a, b = plain.search(window), quick.search(window)
                assert (a and a.span()) == (b and b.span()), name
    assert checked > 50


def test_first_chars_gives_up_when_unsure():
    from recount.claims.retrie import first_chars

    assert first_chars(r"a?") is None  # may match empty
    assert first_chars(r".x") is None  # any character
    assert first_chars(r"[^a]b") is None  # negated class
    assert first_chars(r"(?i:x)y") is None  # flags change inside
    assert set(first_chars(r"\b(?:said|told)\b") or "") == {"s", "t"}


def test_needed_words_are_in_every_match():
    """A scan skipped because none of a pattern's needed words is in the text would have found
    nothing: every match of every module pattern holds one of them."""
    from pathlib import Path

    from recount.claims.literals import might_match, needed_words

    corpus = Path(__file__).resolve().parents[1] / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    told = 0
    for name, pattern in _module_patterns():
        needed = needed_words(pattern.pattern, pattern.flags)
        told += bool(needed)
        for text in texts:
            for m in pattern.finditer(text):
                if m.end() > m.start():
                    assert might_match(m.group(), needed), (name, m.group(), needed)
    assert told > 20


def test_needed_words_of_small_patterns():
    from recount.claims.literals import might_match, needed_words

    assert set(needed_words(r"\b(?:s(?:a(?:id|ys)|tated))\b")) == {"said", "says", "stated"}
    assert set(needed_words(r"x(?:ab)?c")) == {"xabc", "xc"}
    assert needed_words(r"(?i)said") == ()  # case-insensitive: not told
    assert needed_words(r"[a-z]+\d") == ()  # classes only
    assert set(needed_words(r"\d+ (?:people|persons)")) == {" people", " persons"}
    rng = random.Random(13)
    pieces = ["ab", "a", "b", "c", "x", "(?:ab|c)", "b?", "[ab]", "\\d", "(?:x|yz)+", "\\s+"]
    for _ in range(3000):
        pattern = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 5)))
        needed = needed_words(pattern)
        text = "".join(rng.choice("abcxyz 1") for _ in range(rng.randint(0, 12)))
        if re.search(pattern, text) and re.search(pattern, text).group():
            assert might_match(text, needed), (pattern, text, needed)


def test_no_lookahead_where_re_scans_by_prefix():
    """A pattern `re` already scans for by its literal prefix or first-character set keeps that
    fast scan (a lookahead in front would make it try a match at every position)."""
    from recount.claims.retrie import fast

    assert fast(r",\s+(?:when|after)").pattern == r",\s+(?:when|after)"
    assert fast(r"[A-Z][a-z]+,\s+\d").pattern == r"[A-Z][a-z]+,\s+\d"
    assert fast(r"\b(?:said|told)\b").pattern.startswith("(?=[")  # a word boundary first: no prefix
    assert fast(r"\bsaid", re.IGNORECASE).pattern.startswith("(?=[")
    assert fast(r"(?i)said").pattern == "(?i)said"  # global flags stay first


def test_bounded_words_equal_the_trie_after_a_word_boundary():
    from recount.claims.retrie import bounded_words

    rng = random.Random(17)
    for _ in range(1500):
        words = ["".join(rng.choice("abA") for _ in range(rng.randint(1, 4)))
                 for _ in range(rng.randint(1, 6))]
        plain = re.compile(r",|\b(?:" + trie(words) + r")\b")
        quick = re.compile("|".join([",", *bounded_words(words)]))
        text = "".join(rng.choice(["a", "b", "A", "ab", " ", ",", "_", "1", "é"]) for _ in range(12))
        spans = [m.span() for m in quick.finditer(text)]
        assert [m.span() for m in plain.finditer(text)] == spans, (words, text)


def test_class_first_name_patterns_equal_their_lookbehind_first_forms():
    """person_names' name runs and apposed names open with the capital and check the character
    before it afterwards: the same matches as the lookbehind in front."""
    from pathlib import Path

    from recount.claims.person_names import _APPOSED_PERSON, _NAME_RUN

    plain_run = re.compile(_NAME_RUN.pattern.replace(r"([A-Z](?<![\w'\u2019.-][A-Z])",
                                                     r"(?<![\w'\u2019.-])([A-Z]", 1))
    plain_apposed = re.compile(_APPOSED_PERSON.pattern.replace(r"([A-Z](?<=, [A-Z])", r"(?<=, )([A-Z]", 1))
    assert plain_run.pattern != _NAME_RUN.pattern and plain_apposed.pattern != _APPOSED_PERSON.pattern
    corpus = Path(__file__).resolve().parents[1] / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    rng = random.Random(19)
    pieces = ["Ana", "Ruiz", " ", ", ", "de ", ".", "'", "-", "x", "\u00c9l", "A", ",", " who", "\n",
              "\u2019"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(3000)]
    for text in texts:
        for plain, quick in ((plain_run, _NAME_RUN), (plain_apposed, _APPOSED_PERSON)):
            spans = [m.span(1) for m in quick.finditer(text)]
            assert [m.span(1) for m in plain.finditer(text)] == spans, text


def test_gated_patterns_give_the_answers_of_their_pattern():
    """A pattern behind the test for its needed words finds what the pattern finds, window by
    window (searches, scans, substitutions), in any case for a case-insensitive one."""
    from pathlib import Path

    from recount.claims.literals import Gated

    corpus = Path(__file__).resolve().parents[1] / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))][:8]
    texts += [t.upper() for t in texts[:2]] + ["Killed in \u0130stanbul, \u017fix KILLED \u0131n Velmar"]
    gated = []
    for module in ("categories", "numeric", "place_filters", "time_words", "figures", "cue_context"):
        import importlib

        gated += [v for v in vars(importlib.import_module(f"recount.claims.{module}")).values()
                  if isinstance(v, Gated)]
    assert len(gated) > 10
    for g in gated:
        for text in texts:
            assert [m.span() for m in g.finditer(text)] == [m.span() for m in g.raw.finditer(text)]
            for end in range(60, len(text), 71):
                a, b = g.search(text, end - 60, end), g.raw.search(text, end - 60, end)
                assert (a and a.span()) == (b and b.span()), g.pattern
                window = text[end - 60 : end]
                assert g.sub("", window) == g.raw.sub("", window)


def test_sentence_end_equals_its_lookahead_form():
    from recount.claims.document import _SENTENCE_END

    plain = re.compile(r"(?=[.!?\n])(?:[.!?]+[\"'\u201d\u2019)\]]*(?=\s+|$)|\n\s*\n|\n)")
    rng = random.Random(29)
    pieces = [".", "!", "?", "\n", " ", "\"", "'", "\u201d", ")", "]", "a", "\u2019", "\t", "..."]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        spans = [m.span() for m in _SENTENCE_END.finditer(text)]
        assert [m.span() for m in plain.finditer(text)] == spans, text


def test_literal_first_patterns_equal_their_plain_forms():
    """Patterns rewritten to open with a literal or a class (the check behind the first
    character moved into a lookbehind) find what their plain forms find."""
    from pathlib import Path

    from recount.claims import body_names, countries, cue_context, locatives, numbers, place_filters
    from recount.claims.countries import COUNTRIES, COUNTRY_OF

    part_rest = locatives.PART_OF_RE.pattern[locatives.PART_OF_RE.pattern.index(r"\s+(?:the\s+|"):]
    pairs = [
        (r"(?<![\w-])(?:" + trie(COUNTRIES | set(COUNTRY_OF)) + r")(?![\w]|-[A-Z])", countries.country_re()),
        (r"\b([A-Z][a-z]{3,}(?:ian|an))\s+(?:government|army|authorities|police|Prime Minister|President|"
         r"Health|Interior|Foreign|Defence|Defense|Finance)\b", body_names._NATIONAL_ADJECTIVE),
        (r"\b[A-Z][\w'-]+(?: [A-Z][\w'-]+)* (?:Front|Movement|Group|Brigades?|Militia|Alliance|Army|Ministry|"
         r"Agency)\b", body_names._NAMED_BODY),
        (r"[,;:\"\u201c\u201d]|\bthat\b|\b(?:would|will|had|has|was|were|is|are)\b", cue_context._WORDS_END),
        (r"(?<=\s)of\s+(?:the\s+)?(?:[A-Z]|north|south|east|west|central)", locatives._PART_OF_HINT),
        (r"(?:US|[CA])?[$€£¥₹]|\d+|[A-Za-z]+", numbers._TOKEN_RE),
        (r"\bon\s+" + cue_context.DAY_PHRASE, cue_context.ON_DATE),
        (r"\b([A-Z][a-z'\u2019-]+),\s+\d{1,3},", place_filters._AGED),
        (r"\b([A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){1,3}),?\s+(?:has\s+)?$",
         place_filters._NAME_BEFORE),
        (r"\b(?:in|on|at|near|across|around|to|from)" + part_rest, locatives.PART_OF_RE),
    ]
    corpus = Path(__file__).resolve().parents[1] / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    rng = random.Random(31)
    pieces = ["Libya", "n", "s", "Libyan", "-", "-A", "France", " ", "\n", "of", " of ", "that", "was", "_",
              "\u00e9", ",", "Front", "Ana", "'s", "ian", "Army", "the", "North", "US$", "C$", "5", "USD"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(5000)]
    for plain, quick in pairs:
        plain = re.compile(plain)
        for text in texts:
            found = [(m.span(), m.groups()) for m in quick.finditer(text)]
            assert [(m.span(), m.groups()) for m in plain.finditer(text)] == found, (plain.pattern[:30], text)
