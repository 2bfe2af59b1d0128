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


def test_phone_hint_is_in_every_phone_number():
    from recount.claims.figures import PHONE_HINT, PHONE_RE

    rng = random.Random(23)
    for _ in range(20000):
        text = "".join(rng.choice(["1", "23", "456", " ", ".", "-", "(", ")", "+", "a"]) for _ in range(12))
        for m in PHONE_RE.finditer(text):
            assert PHONE_HINT.search(m.group()), text
