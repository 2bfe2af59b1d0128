"""The engine's fast paths give the same answers as the plain forms they replace."""

from __future__ import annotations

import random
import re

from recount.claims.dates import DATE_TRIGGERS
from recount.claims.document import split_sentences
from recount.claims.numbers import WORD_TRIGGERS, trigger_positions
from recount.claims.retrie import trie

_TOKEN_RE = re.compile(r"(?:US|[CA])?[$€£¥₹]|\d+|[A-Za-z]+")


def _reference_positions(text, *sets, start=0, end=None):
    """The straightforward tokenizer loop that trigger_positions replaced."""
    out = [[] for _ in sets]
    for tok in _TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        word = tok.group()
        if word[0].isalpha() and word[-1].isalpha():
            for i, words in enumerate(sets):
                if word.lower() in words:
                    out[i].append(tok.start())
        else:
            for lst in out:
                lst.append(tok.start())
    return out


def test_trie_matches_the_plain_alternation():
    rng = random.Random(7)
    for _ in range(2000):
        words = ["".join(rng.choice("abc") for _ in range(rng.randint(1, 4)))
                 for _ in range(rng.randint(1, 8))]
        fast = re.compile(r"\b(?:" + trie(words) + r")\b")
        plain = re.compile(r"\b(?:" + "|".join(sorted(set(words), key=len, reverse=True)) + r")\b")
        text = " ".join("".join(rng.choice("abc ") for _ in range(5)) for _ in range(5))
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_trie_of_news_verbs():
    pat = re.compile(r"\b(?:" + trie(["said", "says", "say", "stated"]) + r")\b")
    assert [m.group() for m in pat.finditer("she says they said so, he stated; sayings")] == [
        "says", "said", "stated"]


def test_trigger_positions_equal_the_token_loop():
    rng = random.Random(11)
    pieces = [*"aAbCcUSus$€£5 0,.-\n", "five", "Five", "US$", "C$", "A$", "one", "an", "May", "march",
              "hundreds", "ten", "ſix", "\u0661"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        start = rng.randint(0, len(text))
        end = rng.choice([None, rng.randint(start, len(text))])
        got = trigger_positions(text, WORD_TRIGGERS, DATE_TRIGGERS, start=start, end=end)
        assert got == _reference_positions(text, WORD_TRIGGERS, DATE_TRIGGERS, start=start, end=end)


def test_trigger_positions_on_prose():
    text = "Some 1,200 people fled on Monday, and US$5 million arrived in March."
    nums, dates = trigger_positions(text, WORD_TRIGGERS, DATE_TRIGGERS)
    assert text.index("1,200") in nums and text.index("US$") in nums
    assert text.index("Monday") in dates and text.index("March") in dates


def test_sentence_split_sees_long_dotted_runs():
    # an abbreviation check on the word before a full stop must see the whole run
    text = "The agency, the U.N., said so. Then the " + "a." * 30 + "x. It ended."
    sents = [text[s.start : s.end] for s in split_sentences(text, 0, len(text))]
    assert sents[0] == "The agency, the U.N., said so."
    assert sents[-1] == "It ended."


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


def test_prev_word_equals_the_anchored_search():
    from recount.claims.cue_context import prev_word as _prev_word

    last_word = re.compile(r"([\w']+)\W*$")
    rng = random.Random(5)
    for _ in range(5000):
        text = "".join(rng.choice(["a", "B", "'", " ", ",", "_", "7", "é", "said", "\u201d"])
                       for _ in range(rng.randint(0, 25)))
        pos = rng.randint(0, len(text))
        floor = rng.randint(0, pos)
        m = last_word.search(text, max(floor, pos - 40), pos)
        assert _prev_word(text, pos, floor) == (m.group(1).lower() if m else ""), (text, pos, floor)


def test_whole_word_helpers_equal_the_regex():
    from recount.claims.speakers import has_word, word_count

    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(["Tavrenia", "n", "a", " ", "_", "'s", "1", "Tavreniana"])
                       for _ in range(rng.randint(0, 12)))
        for word in ("Tavrenia", "Tavrenian", "a"):
            expected = len(re.findall(rf"\b{word}\b", text))
            assert word_count(text, word) == expected, (text, word)
            assert has_word(text, word) == bool(expected)


def test_date_positions_without_every_the_find_the_same_dates():
    from datetime import date
    from pathlib import Path

    from recount.claims.dates import find_dates
    from recount.claims.document import Document
    from recount.claims.numeric import NumericExtractor

    corpus = Path(__file__).resolve().parents[1] / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    texts.append("Over the weekend 40 fled; at the start of the week, THE Weekend toll rose. "
                 "the beginning of this month saw 12 arrests, then the  weekend another 3.")
    for text in texts:
        doc = Document.from_text(text, date(2025, 6, 10))
        fast_dates = NumericExtractor(doc).dates_by_sentence
        assert fast_dates == [find_dates(text, doc.published, s.start, s.end) for s in doc.sentences]
    assert any(d.kind == "period" for ds in fast_dates for d in ds)


def test_cues_from_tokens_equal_the_full_scan():
    from itertools import compress
    from pathlib import Path

    from recount.claims.cues import CUE as _CUE
    from recount.claims.cues import CUE_WORDS as _CUE_WORDS
    from recount.claims.numbers import tokens

    corpus = Path(__file__).resolve().parents[1] / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    rng = random.Random(9)
    pieces = ["said", "according to", "called for", "calls on", "x", "é", "_", "5", " ", ",", "saying",
              "According to", "Said", "warned", "US$", "'"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 20))) for _ in range(3000)]
    for text in texts:
        starts, words = tokens(text)
        got, last_end = [], -1
        for at in compress(starts, map(_CUE_WORDS.__contains__, words)):
            if at < last_end:
                continue
            m = _CUE.match(text, at)
            if m:
                last_end = m.end()
                got.append(m.span())
        assert got == [m.span() for m in _CUE.finditer(text)], text


def test_locatives_from_preposition_tokens_equal_the_scan():
    from datetime import date
    from pathlib import Path

    from recount.claims.document import Document
    from recount.claims.locatives import hints, locatives
    from recount.claims.numbers import tokens

    corpus = Path(__file__).resolve().parents[1] / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    texts.append("Fighting near Esk, in the capital, Ostrelo, and into North Varn; of Kessel province. "
                 "Xin Lusara, din Halm, in  Pell, inPell, (in Tor) for Amra City, near Route 9.")
    for text in texts:
        doc = Document.from_text(text, date(2025, 6, 10))
        fast_hint = hints(text, tokens(text))
        for s in doc.sentences:
            slow = locatives(text, s.start, s.end)
            assert locatives(text, s.start, s.end, fast_hint) == slow, text[s.start : s.end]


def test_identifier_check_from_the_end_equals_the_full_search():
    from recount.claims.figures import _IDENT_BEFORE, _IDENT_LONGEST
    from recount.claims.figures import ident_before as _ident_before

    words = _IDENT_BEFORE.pattern.split(r"\b(?:", 1)[1].split(r")\s*", 1)[0].split("|")
    assert max(len(w.replace("\\", "").rstrip("?")) for w in words) <= _IDENT_LONGEST
    rng = random.Random(4)
    pieces = ["Route", "route ", "No.", " no. ", "#", "-", " ", "resolution", "x", "km", "convention ", "\t"]
    for _ in range(5000):
        before = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        assert _ident_before(before) == bool(_IDENT_BEFORE.search(before)), before


def test_words_before_the_verb_read_from_the_end_equal_the_patterns():
    from recount.claims.cue_context import DATE_BEFORE_VERB as _DATE_BEFORE_VERB
    from recount.claims.cue_context import SKIP_BEFORE_VERB as _SKIP_BEFORE_VERB
    from recount.claims.cue_context import may_end_in_day as _may_end_in_day
    from recount.claims.cue_context import skip_before_verb as _skip_before_verb

    rng = random.Random(8)
    pieces = [" has", " also", "has", " Has", "  ", "\t", " later", "x", ",", " on", " Monday", " morning",
              " April 7", ", 2019", " said", " hasten", "\u00a0", " the army", "5"]
    for _ in range(8000):
        left = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))
        assert _skip_before_verb(left) == _SKIP_BEFORE_VERB.sub("", left), repr(left)
        if _DATE_BEFORE_VERB.search(left):
            assert _may_end_in_day(left), repr(left)


def test_last_token_read_backwards_equals_the_anchored_search():
    from recount.claims.document import _last_token

    rng = random.Random(6)
    for _ in range(5000):
        text = "".join(rng.choice(["a", "Z", ".", " ", "\n", "é", "7", "U.N", "Mr"])
                       for _ in range(rng.randint(0, 12)))
        end = rng.randint(0, len(text))
        begin = rng.randint(0, end)
        m = re.search(r"([A-Za-z.]+)$", text[begin:end])
        assert _last_token(text, begin, end) == (m.group(1) if m else ""), (text, begin, end)


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


def test_first_category_equals_one_search_per_category():
    from pathlib import Path

    from recount.claims.categories import CATEGORY_PATTERNS, _match_category

    def reference(text):
        best = (None, 1 << 30)
        for name, pat in CATEGORY_PATTERNS:
            m = pat.search(text)
            if m and m.start() < best[1]:
                best = (name, m.start())
        return best

    corpus = Path(__file__).resolve().parents[1] / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    texts += ["killed or wounded", "were shot dead", "the dead and injured fled", "KILLED", "dying to leave"]
    for text in texts:
        for start in range(0, len(text), 37):
            window = text[start : start + 90]
            assert _match_category(window) == reference(window), window


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


def test_phone_hint_is_in_every_phone_number():
    from recount.claims.figures import PHONE_HINT, PHONE_RE

    rng = random.Random(23)
    for _ in range(20000):
        text = "".join(rng.choice(["1", "23", "456", " ", ".", "-", "(", ")", "+", "a"]) for _ in range(12))
        for m in PHONE_RE.finditer(text):
            assert PHONE_HINT.search(m.group()), text


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
