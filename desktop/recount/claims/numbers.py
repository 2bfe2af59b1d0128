"""Number expressions in news prose: where they are, what value, what interval the wording allows.

Digits ("2,800", "1.2 million", "$4.5 billion", "40%"), number words ("eleven",
"twenty-three", "two dozen"), vague plurals ("hundreds" -> at least 200: the smallest
reading, see tests/corpus/README.md) and fractions ("a third of" -> 33.3 percent).
Every pattern is anchored on short, bounded context so that time stays linear in the
length of the text (no nested quantifiers over unbounded input).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from operator import not_, or_
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from recount.claims.document import Document

from recount.claims.retrie import fast, rx

UNITS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}
SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000,
                "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000}
MAX_DIGITS = 15  # longer digit runs are identifiers or noise, never a reported figure

_NW = r"(?:" + "|".join(sorted(UNITS + TENS, key=len, reverse=True)) + r")"
_WORD_NUM = rf"{_NW}(?:-{_NW})?(?:(?:\s+|\s+and\s+|-)(?:{_NW}(?:-{_NW})?|hundred|thousand|million|billion))*"
# "2,800", "100 000" (a space, no-break or thin space between thousands), "4.5", and the Indian
# grouping of lakhs and crores ("3,00,000", "1,64,000", "12,34,56,789")
_DIGITS = (r"\d{1,2}(?:,\d{2})+,\d{3}(?!\d)(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|"
           r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d|[,.]\d)|\d+(?:\.\d+)?")
# "$4.5 billion", "$1.6-billion grant", "$10.2m", "7 bn euros", "$7.5B" (a bare B only after a currency sign)
_SCALE = (r"(?:(?:\s*|-)(?:hundred|thousand|million|billion|trillion|lakhs?|crores?)\b|(?:bn|mn|m|k)\b|"
          r"\s(?:bn|mn)\b|(?(cur)b\b))")
# a currency named as an adjective after a figure: "a 2.5-billion-euro loan", "a 40-dollar fine"
ADJECTIVAL_CURRENCIES = "dollar|euro|pound|yuan|yen|rupee|rouble|ruble|franc"
_CURRENCY_SYM = r"(?:US\$|C\$|A\$|\$|€|£|¥|₹|(?:USD|EUR|GBP|JPY|CHF|INR|Rs\.?)(?=\s?\d))"

# One alternation, tried left to right at each position; longest forms first.
ATOM_RE = fast(
    rf"""
    (?P<cur>{_CURRENCY_SYM}\s?)?
    (?:
        (?P<tens_of>tens\s+of\s+thousands|hundreds\s+of\s+thousands|tens\s+of\s+millions)
      | (?P<vague>dozens|scores|hundreds|thousands|millions|billions)
      | (?P<part_scale>(?:half|a\s+quarter|three[\s-]quarters|a\s+third|two[\s-]thirds)(?:\s+of)?\s+a\s+
            (?:million|billion))\b
      | (?P<dozen>(?:a|one|two|three|four|five|six|half\s+a)\s+dozen)
      | (?P<frac>(?:a|one|two)[\s-](?:third|quarter|fifth|tenth)s?|half|three[\s-]quarters|two[\s-]thirds)
            (?=\s+of\b)
      | (?P<a_scale>an?\s+(?:hundred|thousand|million|billion))\b
      | (?P<digits>(?(cur)|(?<![\w.,:/])(?<![A-Za-z]-))(?:{_DIGITS}))(?P<scale>{_SCALE})?(?![\w]|/\d)
      | (?P<words>\b{_WORD_NUM})\b(?P<wscale>\s+(?:hundred|thousand|million|billion))?
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)

_FRACTIONS = {"third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0, "half": 50.0}
_VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000,
          "billions": 2_000_000_000}
_TENS_OF = {"tens of thousands": 20_000, "hundreds of thousands": 200_000, "tens of millions": 20_000_000}


@dataclass(slots=True)
class Atom:
    """One number as written: offsets into the text it was found in, its value and flags."""

    start: int
    end: int
    value: float
    currency: str | None = None
    vague: bool = False  # "hundreds": the smallest reading, an at-least figure
    fraction: bool = False  # "a third of": a percentage
    is_words: bool = False
    digits_only: str | None = None  # the digit run as written, for year/identifier checks


def _word_value(s: str) -> float | None:
    # text2num is imported on first use: most articles write figures in digits, and the
    # import costs ~20 ms of the engine's start-up budget.
    from text_to_num import text2num

    s = rx(r"\s+").sub(" ", s.lower().strip())
    try:
        return float(text2num(s, "en"))
    except (ValueError, KeyError, IndexError):
        return None


_THOUSANDS_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009")


def _digits_value(s: str) -> float | None:
    raw = s.replace(",", "").translate(_THOUSANDS_SPACES)
    if len(raw.replace(".", "")) > MAX_DIGITS:
        return None
    try:
        return float(raw)
    except ValueError:
        return None


# `(?:US|[CA])?[$€£¥₹]|\d+|[A-Za-z]+`, written to open with the class of its first characters
# and read the rest from the character taken (lookbehinds): re finds tokens by its fast scan
_TOKEN_RE = fast(r"[A-Za-z\d$€£¥₹]"
                 r"(?:(?<=U)S[$€£¥₹]|(?<=[CA])[$€£¥₹]|(?<=[$€£¥₹])|(?<=\d)\d*|(?<=[A-Za-z])[A-Za-z]*)")
_CODE_TRIGGERS = frozenset(("usd", "eur", "gbp", "jpy", "chf", "inr", "rs"))
WORD_TRIGGERS = frozenset(
    [*UNITS, *TENS, *SCALES, *_CODE_TRIGGERS, "a", "an", "half", "dozens", "scores", "hundreds", "thousands",
     "millions", "billions", "tens"]
)


_TOKEN_SPLIT = fast(f"({_TOKEN_RE.pattern})")


def tokens(text: str) -> tuple[list[int], list[str]]:
    """(offsets, tokens) of the `_TOKEN_RE` tokens of `text`: one C-level split."""
    parts = _TOKEN_SPLIT.split(text)  # separator, token, separator, token, ..., separator
    return list(accumulate(map(len, parts), initial=0))[1::2], parts[1::2]


def tokens_of(doc: Document) -> tuple[list[int], list[str]]:
    """`tokens(doc.text)`, computed once per document (numbers, dates and cues share it)."""
    found = doc.memo.get("tokens")
    if found is None:
        found = doc.memo["tokens"] = tokens(doc.text)
    return found  # type: ignore[return-value]


def trigger_positions(text: str, *trigger_sets: frozenset[str], start: int = 0, end: int | None = None,
                      tokenized: tuple[list[int], list[str]] | None = None) -> list[list[int]]:
    """For each set of trigger words, the offsets of tokens that could start a match:
    digits and currency signs always, words when in the set. One pass over the text serves
    every set (numbers and dates share it).

    Tokens are `_TOKEN_RE` matches; the filtering runs in C (split, accumulate, map,
    compress): a Python step per token cost ~0.1 ms per article.
    """
    if tokenized is not None and start == 0 and end is None:
        starts, toks = tokenized  # `tokens(text)`, already made
    else:
        if start > 0 or (end is not None and end < len(text)):
            text = text[start:end]
        parts = _TOKEN_SPLIT.split(text)  # separator, token, separator, token, ..., separator
        starts = list(accumulate(map(len, parts), initial=start))[1::2]
        toks = parts[1::2]
    lowered = list(map(str.lower, toks))
    always = list(map(not_, map(str.isalpha, toks)))  # digits, currency signs
    return [list(compress(starts, map(or_, map(t.__contains__, lowered), always))) for t in trigger_sets]


def scan(pattern: re.Pattern[str], triggers: frozenset[str], text: str, start: int, end: int,
         positions: list[int] | None = None):
    """Matches of `pattern` that begin at a token which could start one, left to right.

    Same result as `finditer` for these patterns, several times faster: the big
    alternation is tried only at digits, currency signs and trigger words. `positions`
    (from `trigger_positions` over the whole text) saves re-tokenising each sentence.
    """
    if positions is None:
        positions = trigger_positions(text, triggers, start=start, end=end)[0]
    pos = start
    # by index, not a slice: a slice copies every later position for every sentence, which
    # made long texts quadratic (16x the corpus took 18-19x the time)
    for i in range(bisect_left(positions, start), len(positions)):
        s = positions[i]
        if s >= end:
            break
        if s < pos:
            continue
        m = pattern.match(text, s, end)
        if m and m.end() > s:
            pos = m.end()
            yield m


def find_atoms(
    text: str, start: int = 0, end: int | None = None, positions: list[int] | None = None
) -> list[Atom]:
    """Every number expression in text[start:end], in order."""
    out: list[Atom] = []
    for m in scan(ATOM_RE, WORD_TRIGGERS, text, start, len(text) if end is None else end, positions):
        cur = (m.group("cur") or "").strip() or None
        g = m.lastgroup
        value: float | None
        atom_kw: dict = {}
        if m.group("tens_of"):
            value = float(_TENS_OF[rx(r"\s+").sub(" ", m.group("tens_of").lower())])
            atom_kw["vague"] = True
        elif m.group("vague"):
            value = float(_VAGUE[m.group("vague").lower()])
            atom_kw["vague"] = True
        elif m.group("part_scale"):  # "half a million", "a quarter of a million"
            words = rx(r"[\s-]+").sub(" ", m.group("part_scale").lower()).split()
            share = {"half": 0.5, "quarter": 0.25, "quarters": 0.75, "third": 1 / 3, "thirds": 2 / 3}
            part = next(share[w] for w in words if w in share)
            value = float(f"{part * SCALES[words[-1]]:.12g}")
            atom_kw["is_words"] = True
        elif m.group("dozen"):
            head = m.group("dozen").lower().split()[0]
            value = 6.0 if head == "half" else 12.0 * ({"a": 1, "one": 1}.get(head) or _word_value(head) or 1)
            atom_kw["is_words"] = True
        elif m.group("frac"):
            f = rx(r"[\s-]+").sub(" ", m.group("frac").lower())
            if f == "half":
                value = 50.0
            elif f == "three quarters":
                value = 75.0
            elif f == "two thirds":
                value = 200 / 3
            else:
                n, part = f.split(" ", 1)
                value = _FRACTIONS[part.rstrip("s")] * (2 if n == "two" else 1)
            atom_kw["fraction"] = True
            atom_kw["is_words"] = True
        elif m.group("a_scale"):
            value = float(SCALES[m.group("a_scale").split()[-1].lower()])
            atom_kw["is_words"] = True
        elif m.group("digits"):
            value = _digits_value(m.group("digits"))
            scale = (m.group("scale") or "").strip().lstrip("-").lower()
            if value is not None and scale:
                # 8.2 * 1e9 is 8199999999.999999 in binary: keep the digits the writer meant
                value = float(f"{value * (SCALES.get(scale) or SHORT_SCALES.get(scale, 1)):.12g}")
            atom_kw["digits_only"] = m.group("digits")
        else:
            value = _word_value(m.group("words"))
            ws = (m.group("wscale") or "").strip().lower()
            if value is not None and ws:
                value = float(f"{value * SCALES[ws]:.12g}")
            atom_kw["is_words"] = True
        del g
        if value is None:
            continue
        out.append(Atom(m.start(), m.end(), value, currency=cur, **atom_kw))
    return out


# ------------------------------------------------------------------ qualifiers

# Wording before a number -> qualifier. Longest first; matched against the words just before.
_QUALIFIERS: list[tuple[str, str]] = [
    (r"at\s+least", "at_least"),
    (r"no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than", "at_least"),
    (r"upwards\s+of|in\s+excess\s+of|more\s+than|over|above|just\s+over|well\s+over|exceeds?|exceeded|"
     r"exceeding|tops?|topped|surpass(?:e[sd])?|surpassing|pass(?:e[sd])?|cross(?:e[sd])?|"
     r"(?:climb(?:s|ed|ing)?|ris(?:es|en|ing)|rose|go(?:es|ne|ing)|went|soar(?:s|ed|ing)?|edg(?:es|ed|ing)|"
     r"creep(?:s|ing)?|crept|push(?:es|ed|ing)|mov(?:es|ed|ing)|jump(?:s|ed|ing)?|shot|surg(?:es|ed|ing))\s+past",
     "more_than"),
    (r"just\s+under", "nearly"),
    # "almost 4m", "nearly 300,000": the press means about that much, not a ceiling
    (r"about|around|some|roughly|approximately|an\s+estimated|estimated|an\s+approximate|nearly|almost|"
     r"close\s+to|approaching|nearing|nears|neared|approaches|approached|heading\s+for(?:\s+the)?|"
     r"circa|ca\.|about\s+an?|more\s+or\s+less|or\s+so", "about"),
    (r"up\s+to|as\s+many\s+as|as\s+much\s+as|at\s+most|no\s+more\s+than|not\s+more\s+than|a\s+maximum\s+of",
     "up_to"),
    (r"fewer\s+than|less\s+than|under|below", "fewer_than"),
]
_PHRASAL_OVER = fast(r"\b(?:hand(?:ed|s|ing)?|turn(?:ed|s|ing)?|took|take[sn]?|taking|sign(?:ed|s|ing)?|"
                     r"pass(?:ed|es|ing)?)\s+$", re.IGNORECASE)
_RISEN_UP = fast(r"\b(?:gone|went|goes|go|going|shot|moved|crept|climbed)\s+$", re.IGNORECASE)
_QUAL_RE = fast(
    r"(?:^|(?<=\W))(?P<q>" + "|".join(f"(?:{p})" for p, _ in _QUALIFIERS) + r")\s+$",
    re.IGNORECASE,
)


def qualifier_before(text: str, pos: int) -> tuple[str | None, int]:
    """The qualifier that ends right before `pos` and where it starts (else None, pos)."""
    window = text[max(0, pos - 40) : pos]
    m = _QUAL_RE.search(window)
    if not m:
        return None, pos
    name = _qualifier_name(rx(r"\s+").sub(" ", m.group("q").lower()))
    if name is None or (m.group("q").lower() == "over" and _PHRASAL_OVER.search(window, 0, m.start("q"))):
        return None, pos  # "handed over 312 bodies": a verb's particle, not "more than"
    if name == "up_to" and _RISEN_UP.search(window, 0, m.start("q")):
        return None, pos  # "the toll has gone up to 1,240": the figure reached, not a ceiling
    return name, pos - len(window) + m.start("q")


@lru_cache(maxsize=256)
def _qualifier_name(q: str) -> str | None:
    """The class of a qualifier's wording ("more than" -> "more_than"), first in list order."""
    for pattern, name in _QUALIFIERS:
        if re.fullmatch(pattern, q, re.IGNORECASE):
            return name
    return None


def interval(value: float, qualifier: str | None, vague: bool = False) -> dict:
    """lower/upper/inclusiveness/qualifier for a single figure (corpus conventions)."""
    if vague and qualifier in (None, "at_least", "more_than"):
        return {"lower": value, "upper": None, "lower_inclusive": True, "upper_inclusive": True,
                "qualifier": "at_least"}
    if qualifier == "at_least":
        return {"lower": value, "upper": None, "lower_inclusive": True, "upper_inclusive": True,
                "qualifier": "at_least"}
    if qualifier == "more_than":
        return {"lower": value, "upper": None, "lower_inclusive": False, "upper_inclusive": True,
                "qualifier": "more_than"}
    if qualifier == "nearly":
        return {"lower": None, "upper": value, "lower_inclusive": True, "upper_inclusive": True,
                "qualifier": "about"}
    if qualifier == "about":
        return {"lower": None, "upper": None, "lower_inclusive": True, "upper_inclusive": True,
                "qualifier": "about"}
    if qualifier == "up_to":
        return {"lower": None, "upper": value, "lower_inclusive": True, "upper_inclusive": True,
                "qualifier": "up_to"}
    if qualifier == "fewer_than":
        return {"lower": None, "upper": value, "lower_inclusive": True, "upper_inclusive": False,
                "qualifier": "fewer_than"}
    return {"lower": value, "upper": value, "lower_inclusive": True, "upper_inclusive": True,
            "qualifier": "exact"}
