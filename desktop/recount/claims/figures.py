"""Which number expressions are figures a report states, and which are something else.

Dates, years, ages, times of day, durations, measurements, scores, identifiers ("Route 14",
"Resolution 2817"), phone and emergency numbers, page furniture; ranges ("between 400 and
600") become one figure. The numeric engine asks here before it reads what a figure counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from recount.claims.categories import tells_a_figure
from recount.claims.dates import DateRef
from recount.claims.document import Sentence
from recount.claims.numbers import ADJECTIVAL_CURRENCIES, Atom, find_atoms
from recount.claims.retrie import fast, leading, rx

_IDENT_BEFORE = fast(
    r"\b(?:routes?|highways?|road|interstate|motorway|resolution|no\.|number|nos\.|article|flight|section|"
    r"chapter|room|gate|platform|line|bus|block|building|unit|apartment|channel|level|category|grade|"
    r"phase|stage|class|pier|terminal|ward|sector|camp|brigade|division|battalion|regiment|corps|"
    r"paragraph|title|amendment|version|model|episode|season|volume|vol\.|issue|page|p\.|tel\.?|phone|"
    r"fax|hotline|call|dial|code|postcode|zip|station|exit|junction|kilometre|km|mile|door|seat|row|lot|case|file|"
    r"law|decree|bill|act|order|protocol|convention|session|summit|top|magnitude|covid|g|f|su|mig|boeing|airbus|"
    r"u\.s\.|sr|interstate|zones?)\s*[-#]?\s*$",
    re.IGNORECASE,
)
_IDENT_LONGEST = 12  # characters of the longest word above ("resolution", "convention": 10)


def ident_before(before: str) -> bool:
    r"""`_IDENT_BEFORE.search(before)`, started where a match can start: its word ends where
    the trailing `\s*[-#]?\s*` begins, so only the last few characters need trying."""
    core = before.rstrip()
    if core[-1:] in ("-", "#"):
        core = core[:-1].rstrip()
    return _IDENT_BEFORE.search(before, max(0, len(core) - _IDENT_LONGEST)) is not None


_DURATION_AFTER = fast(
    r"^(?:[- ](?:and\s+a\s+half\s+)?|\s+(?:more|long|straight|consecutive|full|whole)\s+)?"
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centuries|weekends?)\b",
    re.IGNORECASE,
)
# Measurements are not counts of anything a report tallies: distances, depths, weights, temperatures.
_MEASURE_AFTER = fast(
    r"^\s*(?:km|kms|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|feet|foot|ft|inch(?:es)?|cm|mm|kg|kilograms?|"
    r"grams?|tonnes?|tons?|degrees?|°|kph|km/h|mph|knots?|litres?|liters?|"
    r"gallons?|calories|kw|mw|gw|kwh|mwh|gwh|watts?|volts?|magnitude|millibars?|mb|hpa|hectopascals?|"
    r"on\s+the\s+richter|(?-i:[CF])(?=[\s,.;)]|$)|"
    # "18 million pounds of concrete": a weight (not "pounds of aid")
    r"pounds?\s+of\s+(?!(?:aid|funds?|funding|money|cash|investments?|support|assistance|relief|donations?|"
    r"spending|debts?|taxes|taxpayers?|public|new|fresh|extra|additional|emergency|government)\b)[a-z]+)"
    r"(?![\w-])",
    re.IGNORECASE,
)
# "a vote of 13-0", "won 2-1": scores and tallies, not ranges
_SCORE = fast(r"^\s*(?:[-\u2013]|to)\s*(\d+(?:,\d{3})*)\b")  # ("10,000-15,000" is a range, not a score)
# "Apollo 11", "Title 42", "Channel 4": a name followed by a number is an identifier. Words
# that may stand capitalised before a figure (sentence starts, qualifiers, days) are not names.
_NOT_NAME_BEFORE = frozenset(
    "about nearly some almost around over more fewer less up at between roughly only just another all the "
    "a an on in since by for of to from with and or but than as said says told while after before during "
    "until including among approximately estimated exactly least most further total last this overall "
    "altogether officially police officials authorities reportedly nationwide worldwide under below above "
    "upwards close approaching circa as no not many much maximum minimum well ca "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# "a 12-year-old", "a 3-0 win" are not counts; "a 151,272-acre blaze" is the burned area
# ("a 2.5-billion-euro loan" is a sum)
_HYPHEN_COMPOUND = fast(rf"^-(?!\d|(?:acre|hectare|square|{ADJECTIVAL_CURRENCIES})\b)[a-z]", re.IGNORECASE)
# Emergency numbers: "911 calls", "called 999"
_SERVICE_NUMBER = fast(r"^\s*(?:calls?|callers?|operators?|dispatch\w*|lines?|services?)\b", re.IGNORECASE)
# "That list swelled to", "the number had dropped to", "It was later reduced to"
_CALLED = fast(r"\b(?:call(?:ed|ing)?|dial(?:l?ed|l?ing)?)\s*$", re.IGNORECASE)
_SERVICE_NUMBERS = frozenset(("911", "999", "112", "000", "111", "119", "110", "100", "101"))
AGE_BEFORE = fast(
    r"(?:\baged|\bage\s+of|\bages(?:\s+of)?|\b(?:children|kids|people|adults|those|men|women|boys|girls|"
    r"anyone|residents|patients|voters)\s+(?:under|over|aged|above|below|older\s+than|younger\s+than))\s*"
    r"(?:(?:between|from|around|about|roughly|over|under|less\s+than|more\s+than|below|above)\s+)?"
    r"(?:\d{1,3}\s*(?:and|to|-|\u2013)\s*)?$",
    re.IGNORECASE,
)
# "a 7.8 magnitude earthquake", "hit with a 3.8M quake": a magnitude, not a count
_QUAKE_AFTER = fast(r"^\s*(?:earthquake|quake|tremor|temblor|aftershock)s?\b", re.IGNORECASE)
# "18:00hrs": a time of day; "August 21-27": the end of a span of days; "five or six times": how often
_CLOCK_AFTER = fast(r"^[:.]\d\d(?:\s*(?:hrs|hours|h|GMT|UTC|local))?\b", re.IGNORECASE)
_DAY_SPAN_BEFORE = fast(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
                        r"\s*[-\u2013]\s*$")
_DAY_SPAN_AFTER = fast(r"^\s*(?:and|to|-|\u2013)\s*\d{1,2}\s+"
                       r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)")
_TIMES_AFTER = fast(r"^\s*(?:or\s+\w+\s+)?times\b", re.IGNORECASE)
PHONE_RE = leading(r"+(\d", r"\+?\(?\d{2,4}\)?(?:[ .-]\d{2,4}){2,4}\b|\b\d{3}[-.]\d{4}\b")
# what every PHONE_RE match holds: digits joined by a space, dot or dash (found by re's fast scan)
PHONE_HINT = rx(r"\d\)?[ .-]\d")
_PAGE_FURNITURE = fast(
    r"^(?:page\s+\d|updated|posted|published|share|comments?|photo|image|video|read\s+more|"
    r"advertisement|copyright|©|\d+\s+(?:comments?|shares?|views?))\b",
    re.IGNORECASE,
)
# "between ten and 15 years", "15 to 20 years": a duration written as a range
_RANGE_DURATION = fast(r"^\s*(?:and|to|or|-|\u2013)\s*(?:\d+|[a-z]+)\s+(?:years?|months?|weeks?|days?|hours?|"
                       r"minutes?|decades?)\b", re.IGNORECASE)
_OF_THE_BEFORE = fast(r"\b(?:of|out\s+of)\s+(?:the|its|their|his|her)\s*$", re.IGNORECASE)
_ONE_OK = fast(r"^\s+(?:person|man|woman|child|boy|girl|soldier|civilian|officer|policeman|baby|"
                     r"in\s+(?:\d|ten|five|four|three|six|eight|twenty|a\s+hundred)|out\s+of|"
                     r"of\s+(?:whom|them)\s+(?:was|were|has|had|is))\b",
                     re.IGNORECASE)


# "we will run this inquiry with 100% and complete openness", "110 percent committed": a speaker's
# emphasis, not a share of anything
_EMPHASIS_PERCENT = fast(r"^\s*(?:%|per\s*cent|percent)\s+(?:and\s+|of\s+(?:my|our|his|her|their)\s+)?"
                         r"(?:sure|certain|committed|confident|behind|focused|honest|transparent|transparency|"
                         r"correct|right|wrong|true|clear|convinced|effort|commitment|complete|completely|"
                         r"totally|accurate|safe|dedicated|guaranteed|real|genuine|legitimate|fake|false|"
                         r"innocent|guilty|fine|healthy|responsible|ready|serious|authentic)\b",
                         re.IGNORECASE)


# the first year of a span written "1964-85": the two digits after it are its last year
_YEAR_DASH_BEFORE = fast(r"\b(?:1[89]|20)\d\d\s*[-\u2013]\s*$")
# a street address: "8777 Collins Ave.", "100 West Younger Avenue"
_ADDRESS_AFTER = fast(r"^\s+(?:(?:North|South|East|West|N\.?|S\.?|E\.?|W\.?)\s+)?(?:[A-Z][\w'-]+\s+){1,3}"
                      r"(?:Ave|Avenue|St|Street|Road|Rd|Blvd|Boulevard|Drive|Dr|Lane|Ln|Way|Place|Pl|Court|Ct|"
                      r"Highway|Hwy|Parkway|Pkwy)\b")
# the number of sources a report cites: "according to two officials", "two people familiar with the
# matter said": who tells, not what is told
_SOURCE_NOUN = (r"^\s+(?:[\w-]+\s+){0,3}?(?:officials?|sources?|diplomats?|witnesses|aides|people\s+familiar|"
                r"persons\s+familiar|people\s+briefed|people\s+with\s+knowledge)\b")
_SOURCES_AFTER = fast(_SOURCE_NOUN + r"[^.;]{0,50}?\b(?:said|say|says|told)\b", re.IGNORECASE)
_SOURCES_CITED = fast(_SOURCE_NOUN, re.IGNORECASE)
_ACCORDING_BEFORE = fast(r"\baccording\s+to\s+$", re.IGNORECASE)
_CLOCK_WORDS_AFTER = fast(r"^\s+(?:past|to)\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                          r"twelve|noon|midnight)\b|^\s+o['\u2019]clock\b", re.IGNORECASE)  # (after "at")
_CLOCK_WORDS_BEFORE = fast(r"\b(?:at|by|around|about)\s+(?:a\s+)?(?:quarter|half|\w+)\s+(?:past|to)\s+$",
                           re.IGNORECASE)
_AT_WORD_BEFORE = fast(r"\b(?:at|by|around|about|until)\s+$", re.IGNORECASE)
_METRES_AFTER = fast(r"^\s*(?:below|above|deep|high|tall|long|wide|away|underground|beneath|under|down|"
                     r"up|underwater|inland|offshore|from\s+the|of\s+(?:road|track|pipe|tunnel|rope|water))\b",
                     re.IGNORECASE)
_EVERY_BEFORE = fast(r"\bevery\s+$", re.IGNORECASE)
_OF_A_UNIT = fast(r"^\s+of\s+an?\s+(?:mile|kilomet(?:re|er)|km|met(?:re|er)|hour|minute|second|inch|foot|"
                  r"yard|century|decade|lap|point|percentage\s+point)\b", re.IGNORECASE)
_OR_MORE = fast(r"^\s+or\s+more\b", re.IGNORECASE)
_DEFINED = fast(r"\b(?:defined|defines|define|definition)\b", re.IGNORECASE)


@dataclass(slots=True)
class Figure:
    """A number expression about to become a claim (one atom or a merged range)."""

    start: int
    end: int
    value: float
    lower: float | None = None
    upper: float | None = None
    is_range: bool = False
    atom: Atom | None = None
    ratio: bool = False  # "one in five", "2 out of 3": a share, reported as a percentage


def _is_prose(text: str) -> bool:
    """A paragraph that reads as a sentence (ends with punctuation, or is long)."""
    if _PAGE_FURNITURE.match(text):
        return False
    # the end test first, read from the end (a `$`-anchored search tries every position)
    return text.rstrip()[-1:] in _PROSE_END or len(text.split()) >= 25


_PROSE_END = tuple(".!?\"\u201d\u2019)")


def body_paragraphs(text: str, paragraphs: list[tuple[int, int]]) -> set[int]:
    """Paragraphs that can hold claims. Before the first prose paragraph, every unpunctuated
    line is page furniture (headline, kicker, caption, menu); after it, only short lines and
    furniture patterns are: a bullet list of figures in the body is content."""
    out: set[int] = set()
    started = False
    for i, (ps, pe) in enumerate(paragraphs):
        para = text[ps:pe]
        if _is_prose(para):
            started = True
            out.add(i)
        elif started and not _PAGE_FURNITURE.match(para) and (
            len(para.split()) >= 5 or rx(r"\s*[-\u2022*\u2013]\s").match(para)
        ):
            out.add(i)
    return out


def skip_atom(text: str, a: Atom, s: Sentence, dates: list[DateRef], times: list[tuple[int, int]]) -> bool:
    """Numbers that are not claims: dates, ages, durations, identifiers, ordinals ..."""
    before = text[max(s.start, a.start - 40) : a.start]
    after = text[a.end : min(s.end, a.end + 40)]
    if any(d.start <= a.start < d.end or a.start <= d.start < a.end for d in dates):
        return True
    if any(ts <= a.start < te for ts, te in times):
        return True
    if (_HYPHEN_COMPOUND.match(after) or _DURATION_AFTER.match(after) or _MEASURE_AFTER.match(after)
            or _RANGE_DURATION.match(after) or _TIMES_AFTER.match(after)):
        return True
    if a.value in (100, 110, 1000) and _EMPHASIS_PERCENT.match(after):
        return True
    if a.digits_only and len(a.digits_only) == 2 and _YEAR_DASH_BEFORE.search(before):
        return True  # "the regime that lasted from 1964-85": a span of years, not a count
    if _ADDRESS_AFTER.match(after) or _SOURCES_AFTER.match(after) or (
            _ACCORDING_BEFORE.search(before) and _SOURCES_CITED.match(after)):
        return True  # a street number; the sources a report cites ("two officials said")
    if a.is_words and ((_CLOCK_WORDS_AFTER.match(after) and _AT_WORD_BEFORE.search(before))
                       or _CLOCK_WORDS_BEFORE.search(before)):
        return True  # "the blast came at four past ten": a time of day
    if a.currency is None and text[a.end - 1 : a.end] == "m" and text[a.end - 2 : a.end - 1].isdigit() and (
            _METRES_AFTER.match(after) or _EVERY_BEFORE.search(before)):
        return True  # "the men trapped 114m below ground", "air pumped every 150m": metres
    if _OF_A_UNIT.match(after):
        return True  # "went down barely a third of a mile off the pier": a distance
    if _OR_MORE.match(after) and _DEFINED.search(text, s.start, s.end):
        return True  # "defined as an attack where five or more people are hurt": a threshold
    if _QUAKE_AFTER.match(after) and (a.value < 10 or (a.digits_only and float(a.digits_only) < 10)):
        return True
    if a.digits_only and (_CLOCK_AFTER.match(after) or (a.value <= 31 and (
            _DAY_SPAN_BEFORE.search(before) or _DAY_SPAN_AFTER.match(after)))):
        return True  # ("between 24 and 25 August": the first day of a span)
    # scores and votes, "13-0", "passed 52 to 48" (but "fell from 121 to 98" is a change)
    score = _SCORE.match(after)
    if score and a.digits_only and float(score.group(1).replace(",", "")) <= a.value and not rx(
            r"\bfrom\s*$").search(before):
        return True
    if a.digits_only:
        prev = rx(r"(?:\bfrom\s+)?(\d+)\s*(?:[-\u2013]|\bto)\s*$").search(before)
        if prev and not prev.group().startswith("from") and float(prev.group(1)) >= a.value:
            return True
        name = rx(r"(?<![-\u2013\u2014:(\"\u201c]\s)\b([A-Z][a-z]+)\s+$").search(before)
        if name and name.group(1).lower() not in _NOT_NAME_BEFORE and not tells_a_figure(name.group(1)):
            return True
    if a.digits_only is not None:
        if a.digits_only in _SERVICE_NUMBERS and (
            _SERVICE_NUMBER.match(after) or _CALLED.search(before)
        ):
            return True
        if a.currency is None and (ident_before(before) or before.endswith(("#", "No ", "no. "))):
            return True  # ("top 10" is a rank, "top $6.2B" a sum)
        if AGE_BEFORE.search(before):
            return True
        # "Dana Kesler, 52, who ..." / "Orvell, 47, a former doctor"
        if (rx(r"[A-Z][\w'-]+,\s*$").search(before) and a.value < 120
                and rx(r"^\s*(?:,|\.(?:\s|$)|;|\s+(?:who|said|says|told)\b)").match(after)):
            return True
        if "." not in a.digits_only and "," not in a.digits_only and a.digits_only.startswith("0"):
            return True  # "007", leading zeros: codes
    if a.is_words:
        word = text[a.start : a.end]
        if word.lower() == "one" and (not _ONE_OK.match(after) or (
                a.start == s.start and not rx(r"\s+(?:in|out\s+of|of)\b").match(after))):
            # "One man could be seen …": a sentence's first "one" names a person, not a count
            # ("One protester was killed" is counted by word_figures; "One of them died" is kept)
            return True
        if word[:1].isupper() and a.start != s.start and not before.rstrip().endswith(
            ('"', "\u201c", ":", "-", "\u2013", "\u2014", "(", "a.m.", "p.m.")
        ):
            return True  # "the Big Three", "Group of Seven": names, not counts
        if AGE_BEFORE.search(before):
            return True
    # "Two of the three bridges": the whole of which a part was counted
    if _OF_THE_BEFORE.search(before):
        prev = rx(r"(\S+)\s+(?:of|out\s+of)\s+(?:the|its|their|his|her)\s*$", re.IGNORECASE).search(before)
        if prev and find_atoms(prev.group(1)):
            return True
    return False


def merge_ranges(text: str, atoms: list[Atom]) -> list[Figure]:
    """'between 400 and 600', '400-600', '40 to 60 percent' become one figure (value: midpoint)."""
    out: list[Figure] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms):
            b = atoms[i + 1]
            gap = text[a.end : b.start]
            lead = text[max(0, a.start - 14) : a.start].lower()
            is_between = rx(r"\s+and\s+").fullmatch(gap) and lead.rstrip().endswith("between")
            is_dash = rx(r"\s*[-\u2013]\s*").fullmatch(gap)
            is_to = rx(r"\s+to\s+").fullmatch(gap) and (
                not lead.rstrip().endswith("from") or rx(r"\brang(?:ed|ing|es|e)\s+from\s*$").search(lead))
            # "nearer 1,500 or 1,800", "two or three": one estimate's two ends
            is_or = rx(r"\s+or\s+").fullmatch(gap) and a.value < b.value <= 3 * a.value
            is_ratio = rx(r"\s+(?:in|out\s+of)\s+").fullmatch(gap)
            if is_ratio and not a.vague and not b.vague and 0 < a.value < b.value <= 1000 and not b.currency:
                share = 100 * a.value / b.value
                out.append(Figure(a.start, b.end, share, atom=_merged_atom(a, b), ratio=True))
                i += 2
                continue
            if (is_between or is_dash or is_to or is_or) and not a.vague and not b.vague:
                lo, hi = a.value, b.value
                # "$3-5 million": the scale written once applies to both ends
                if hi > lo * 100 and a.digits_only and b.digits_only and b.value != float(
                    b.digits_only.replace(",", "")
                ):
                    lo = lo * (b.value / float(b.digits_only.replace(",", "")))
                if lo < hi:
                    start = a.start
                    if is_between:
                        lead_start = max(0, a.start - 12)
                        pos = text[lead_start : a.start].lower().rfind("between")
                        found = lead_start + pos if pos >= 0 else -1
                        start = found if found >= 0 else a.start
                    if a.currency is None and b.currency:
                        a.currency = b.currency
                    out.append(Figure(start, b.end, (lo + hi) / 2, lo, hi, True, _merged_atom(a, b)))
                    i += 2
                    continue
        out.append(Figure(a.start, a.end, a.value, atom=a))
        i += 1
    return out


def _merged_atom(a: Atom, b: Atom) -> Atom:
    return Atom(a.start, b.end, b.value, currency=a.currency or b.currency, is_words=a.is_words,
                digits_only=b.digits_only, fraction=a.fraction or b.fraction)



def kept_next_start(atoms: list[Atom], after: int, default: int) -> int:
    for a in atoms:
        if a.start >= after:
            return a.start
    return default


