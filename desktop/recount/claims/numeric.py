"""Numeric claims: every reported figure with its interval, category, time and place.

`extract_numeric(doc)` walks the document sentence by sentence: number expressions come
from numbers.py, what they count from categories.py, dates from dates.py, places from
places.py. This module decides what is *not* a claim (dates, years, ages, times of day,
durations, ordinals, identifiers such as "Route 14" or "Resolution 2817", phone numbers,
page furniture) and what time a figure holds for (day / cumulative / period / point).
`source` is left to claims/sources.py, which gets the sentence offsets it needs from the
claim (`start`, `end`, `sentence`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from recount.claims.categories import (
    CHANGE_TO,
    TALLY_SUBJECT,
    categorize,
    is_currency_word,
    is_percent,
    tally_category,
)
from recount.claims.dates import DATE_TRIGGERS, TIME_OF_DAY_RE, DateRef, find_dates, iso
from recount.claims.document import Document, Sentence
from recount.claims.model import NumericClaim, TimeSpan
from recount.claims.numbers import (
    WORD_TRIGGERS,
    Atom,
    find_atoms,
    interval,
    qualifier_before,
    tokens_of,
    trigger_positions,
)
from recount.claims.places import PlaceFinder
from recount.claims.quotes import Quote, quotes_of
from recount.claims.retrie import fast, leading, rx

STORY_WINDOW = timedelta(days=60)  # a running total's start is recent; older dates are history
LOOK_BACK = 4  # sentences of the same paragraph searched for a figure's date or place

_IDENT_BEFORE = fast(
    r"\b(?:routes?|highways?|road|interstate|motorway|resolution|no\.|number|nos\.|article|flight|section|"
    r"chapter|room|gate|platform|line|bus|block|building|unit|apartment|channel|level|category|grade|"
    r"phase|stage|class|pier|terminal|ward|sector|camp|brigade|division|battalion|regiment|corps|"
    r"paragraph|title|amendment|version|model|episode|season|volume|vol\.|issue|page|p\.|tel\.?|phone|"
    r"fax|hotline|call|dial|code|postcode|zip|station|exit|junction|kilometre|km|mile|door|seat|row|lot|case|file|"
    r"law|decree|bill|act|order|protocol|convention|session|summit|top|magnitude|covid|g|f|su|mig|boeing|airbus)\s*[-#]?\s*$",
    re.IGNORECASE,
)
_IDENT_LONGEST = 12  # characters of the longest word above ("resolution", "convention": 10)


def _ident_before(before: str) -> bool:
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
    r"gallons?|calories|kw|mw|gw|kwh|mwh|gwh|watts?|volts?)(?![\w-])",
    re.IGNORECASE,
)
# "a vote of 13-0", "won 2-1": scores and tallies, not ranges
_SCORE = fast(r"^\s*(?:[-\u2013]|to)\s*(\d+)\b")
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
_HYPHEN_COMPOUND = fast(r"^-(?!\d|(?:acre|hectare|square)\b)[a-z]", re.IGNORECASE)
# Emergency numbers: "911 calls", "called 999"
_SERVICE_NUMBER = fast(r"^\s*(?:calls?|callers?|operators?|dispatch\w*|lines?|services?)\b", re.IGNORECASE)
# "That list swelled to", "the number had dropped to", "It was later reduced to"
_CARRIED_SUBJECT = fast(
    r"^\s*(?:[A-Z][\w ]{0,20}?,\s*)?(?:(?i:the|that|this|its|their)\s+(?:\w+\s+)?"
    r"(?P<noun>toll|tally|count|number|total|list|figure|estimate)|(?P<noun2>It|it))\b",
)
_HAS_TALLY = fast(r"\b(?:has|had|have|includes|included|contains|contained|totals|totalled|totaled|is|was)\s+"
                  r"(?:now\s+)?$", re.IGNORECASE)
_CALLED = fast(r"\b(?:call(?:ed|ing)?|dial(?:l?ed|l?ing)?)\s*$", re.IGNORECASE)
_SERVICE_NUMBERS = frozenset(("911", "999", "112", "000", "111", "119", "110", "100", "101"))
_AGE_BEFORE = fast(
    r"(?:\baged|\bage\s+of|\bages\s+of|\b(?:children|kids|people|adults|those|men|women|boys|girls|anyone|"
    r"residents|patients|voters)\s+(?:under|over|aged|above|below|older\s+than|younger\s+than))\s*$",
    re.IGNORECASE,
)
_PHONE_RE = leading(r"+(\d", r"\+?\(?\d{2,4}\)?(?:[ .-]\d{2,4}){2,4}\b|\b\d{3}[-.]\d{4}\b")
_PAGE_FURNITURE = fast(
    r"^(?:page\s+\d|updated|posted|published|share|comments?|photo|image|video|read\s+more|"
    r"advertisement|copyright|©|\d+\s+(?:comments?|shares?|views?))",
    re.IGNORECASE,
)
_REPORT_VERB = fast(
    r"\b(?:said|says|told|announced|reported|stated|confirmed|estimated|added|warned|statement|bulletin|"
    r"conference|briefing|published|released|announcement)\b[^.;\d]{0,40}$",
    re.IGNORECASE,
)
_TOLL_BEFORE = fast(
    r"\b(?:toll|tally|total|number\s+of\s+(?:people|dead|deaths|victims|casualties))\b|"
    r"\b(?:rose|risen|climbed|jumped|increased|reached|climbing|rising|revised\b[^.]{0,40}?\bdown)\s+to\s*$|"
    r"\bdown\s+to\s*$|\bwas\s*$|\bthe\s*$",
    re.IGNORECASE,
)
_PERFECT = fast(r"\b(?:have|has|had)\s+(?:now\s+|so\s+far\s+|already\s+)?been\b|\b(?:have|has|had)\s+"
                      r"(?:now\s+)?(?:died|fled|left|lost|risen|reached|crossed|returned)\b", re.IGNORECASE)
_ACCUMULATING = fast(
    r"\b(?:been|were|was)\s+(?:\w+\s+)?(?:destroyed|damaged|reported|recorded|registered|counted|affected|"
    r"confirmed|detained|arrested|killed|wounded|injured|displaced|evacuated|rescued)\b",
    re.IGNORECASE,
)
_STILL = fast(r"\b(?:still|remain|remains|remained|remaining|currently)\b", re.IGNORECASE)
_RATE = fast(r"^(?:[\w-]+\s+){0,3}?(?:a|per|each|every)\s+(?:day|week|month|year|hour)\b"
                   r"(?!\s+(?:earlier|ago|later|before|after|on))|"
                   r"^(?:[\w-]+\s+){0,3}?(?:daily|weekly|monthly|annually)\b", re.IGNORECASE)
_POPULATION = fast(r"\b(?:population|inhabitants|pre-war|before\s+the\s+(?:war|conflict|fighting)|"
                         r"home\s+to)\b", re.IGNORECASE)
_BEFORE_WAR = fast(r"\b(?:pre-war|before\s+the\s+(?:war|conflict|fighting|siege|invasion))\b",
                         re.IGNORECASE)
_FUTURE_PERIOD = fast(r"\b(?:over|in|for|during)\s+the\s+(?:next|coming|following)\b|"
                            r"\bnext\s+(?:year|month|week)\b", re.IGNORECASE)
_SO_FAR = fast(r"\bso\s+far\b|\bto\s+date\b|\bin\s+all\b|\baltogether\b", re.IGNORECASE)
_SINCE = fast(r"\bsince\b", re.IGNORECASE)
_EVENT = fast(
    r"\b(?:struck|hit|began|begun|begins|started|broke\s+out|erupted|launched|opened|landed|"
    r"made\s+landfall)\b[^.;]{0,70}?$",
    re.IGNORECASE,
)
_EVENT_POSSESSIVE = fast(
    r"^(?:'s|\u2019s)?\s+(?:\w+\s+)?(?:quake|earthquake|attack|attacks|blast|bombing|explosion|storm|flood|floods|"
    r"fire|crash|shooting|strike|strikes|disaster|tsunami|cyclone|hurricane|typhoon|landslide|offensive)\b",
    re.IGNORECASE,
)
_DATE_TRIGGERS_BUT_THE = DATE_TRIGGERS - {"the"}
_THE_DATE = fast(r"(?<![A-Za-z])the\s+(?:start|beginning|weekend)", re.IGNORECASE)
_CASUALTY_CATS = ("killed", "wounded", "injured_or_killed", "displaced", "arrested", "evacuated")
_MONEY_PAREN = fast(r"^\s*[\w-]+\s*\(\s*(?:US\$|\$|€|£|¥)", re.IGNORECASE)
_CURRENCY_CODE = fast(r"^\s*(?:USD|EUR|GBP|JPY|CNY|CHF|RUB|INR)\b")
_OF_THE_BEFORE = fast(r"\b(?:of|out\s+of)\s+(?:the|its|their|his|her)\s*$", re.IGNORECASE)
_PARTICIPLE = fast(r",\s+(?:killing|wounding|injuring|leaving|displacing|forcing|sending)\b",
                         re.IGNORECASE)
_PARTICIPLE_END = fast(
    r"\b(?:killing|wounding|injuring|leaving|displacing)\s+"
    r"(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+|nearly\s+|another\s+)?$",
    re.IGNORECASE,
)
_CURRENCY_TAIL = fast(r"\s*(?:(?:million|billion|thousand|trillion|bn|mn)\s+)?[A-Za-z]+")
_HEAD_FUNCTION_WORD = fast(
    r"\b(?:of|the|and|or|were|are|was|is|be|been|have|had|has|to|for|in|on|at|from|by|with|a|an|it|"
    r"could|would|will|may|might|said|who|that|which)\b",
    re.IGNORECASE,
)
# "up from about 800", "down from nearly 2,000", "compared with 40", "than 300 a year earlier"
_COMPARED_FIGURE = fast(
    r"\b(?:from|than|compared\s+(?:with|to)|against)\s+(?:(?:about|around|some|nearly|almost|roughly|"
    r"more\s+than|less\s+than|fewer\s+than|over|under|just|an\s+estimated|at\s+least)\s+)*"
    r"(?:\S*\d|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few)\s+(?:dozen|hundred|thousand|million)|"
    r"dozens|hundreds|thousands|millions)",
    re.IGNORECASE,
)
# In a quotation: wording that makes a figure a hypothesis or a promise, and wording that
# makes it a report of what happened.
_HYPOTHETICAL = fast(
    r"\b(?:can|could|would|will|might|may|should|must|shall|if|unless|imagine|suppose|whether|"
    r"cannot|can't|won't|wouldn't|couldn't|wo|ca)\b|['\u2019](?:ll|d)\b",
    re.IGNORECASE,
)
# "a thousand of us", "a million times": a figure of speech, not a count
_RHETORICAL = fast(
    r"(?:a|one)\s+(?:hundred|thousand|million|billion)\s+(?:of\s+(?:us|you|them)|times|ways|reasons|"
    r"questions|miles)\b|(?:hundreds|thousands|millions)\s+(?:of\s+)?(?:times|ways|reasons)\b",
    re.IGNORECASE,
)
_PART_OF = fast(r"\b(?:including|among\s+them|among\s+whom|of\s+whom)\s+$", re.IGNORECASE)
_ONE_OK = fast(r"^\s+(?:person|man|woman|child|boy|girl|soldier|civilian|officer|policeman|baby|"
                     r"in\s+(?:\d|ten|five|four|three|six|eight|twenty|a\s+hundred)|out\s+of)\b",
                     re.IGNORECASE)


@dataclass(slots=True)
class _Figure:
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


def _body_paragraphs(text: str, paragraphs: list[tuple[int, int]]) -> set[int]:
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


def _skip_atom(text: str, a: Atom, s: Sentence, dates: list[DateRef], times: list[tuple[int, int]]) -> bool:
    """Numbers that are not claims: dates, ages, durations, identifiers, ordinals ..."""
    before = text[max(s.start, a.start - 40) : a.start]
    after = text[a.end : min(s.end, a.end + 40)]
    if any(d.start <= a.start < d.end or a.start <= d.start < a.end for d in dates):
        return True
    if any(ts <= a.start < te for ts, te in times):
        return True
    if _HYPHEN_COMPOUND.match(after) or _DURATION_AFTER.match(after) or _MEASURE_AFTER.match(after):
        return True
    # scores and votes, "13-0", "passed 52 to 48" (but "fell from 121 to 98" is a change)
    score = _SCORE.match(after)
    if score and a.digits_only and float(score.group(1)) <= a.value and not rx(r"\bfrom\s*$").search(before):
        return True
    if a.digits_only:
        prev = rx(r"(?:\bfrom\s+)?(\d+)\s*(?:[-\u2013]|\bto)\s*$").search(before)
        if prev and not prev.group().startswith("from") and float(prev.group(1)) >= a.value:
            return True
        name = rx(r"(?<![-\u2013\u2014:(\"\u201c]\s)\b([A-Z][a-z]+)\s+$").search(before)
        if name and name.group(1).lower() not in _NOT_NAME_BEFORE:
            return True
    if a.digits_only is not None:
        if a.digits_only in _SERVICE_NUMBERS and (
            _SERVICE_NUMBER.match(after) or _CALLED.search(before)
        ):
            return True
        if _ident_before(before) or before.endswith(("#", "No ", "no. ")):
            return True
        if _AGE_BEFORE.search(before):
            return True
        # "Dana Kesler, 52, who ..." / "Orvell, 47, a former doctor"
        if (rx(r"[A-Z][\w'-]+,\s*$").search(before) and a.value < 120
                and rx(r"^\s*(?:,|\.(?:\s|$)|;|\s+(?:who|said|says|told)\b)").match(after)):
            return True
        if "." not in a.digits_only and "," not in a.digits_only and a.digits_only.startswith("0"):
            return True  # "007", leading zeros: codes
    if a.is_words:
        word = text[a.start : a.end]
        if word.lower() == "one" and not _ONE_OK.match(after):
            return True
        if word[:1].isupper() and a.start != s.start and not before.rstrip().endswith(
            ('"', "\u201c", ":", "-", "\u2013", "\u2014", "(")
        ):
            return True  # "the Big Three", "Group of Seven": names, not counts
        if _AGE_BEFORE.search(before):
            return True
    # "Two of the three bridges": the whole of which a part was counted
    if _OF_THE_BEFORE.search(before):
        prev = rx(r"(\S+)\s+(?:of|out\s+of)\s+(?:the|its|their|his|her)\s*$", re.IGNORECASE).search(before)
        if prev and find_atoms(prev.group(1)):
            return True
    return False


def _merge_ranges(text: str, atoms: list[Atom]) -> list[_Figure]:
    """'between 400 and 600', '400-600', '40 to 60 percent' become one figure (value: midpoint)."""
    out: list[_Figure] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms):
            b = atoms[i + 1]
            gap = text[a.end : b.start]
            lead = text[max(0, a.start - 9) : a.start].lower()
            is_between = rx(r"\s+and\s+").fullmatch(gap) and lead.rstrip().endswith("between")
            is_dash = rx(r"\s*[-\u2013]\s*").fullmatch(gap)
            is_to = rx(r"\s+to\s+").fullmatch(gap) and not lead.rstrip().endswith("from")
            is_ratio = rx(r"\s+(?:in|out\s+of)\s+").fullmatch(gap)
            if is_ratio and not a.vague and not b.vague and 0 < a.value < b.value <= 1000 and not b.currency:
                share = 100 * a.value / b.value
                out.append(_Figure(a.start, b.end, share, atom=_merged_atom(a, b), ratio=True))
                i += 2
                continue
            if (is_between or is_dash or is_to) and not a.vague and not b.vague:
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
                    out.append(_Figure(start, b.end, (lo + hi) / 2, lo, hi, True, _merged_atom(a, b)))
                    i += 2
                    continue
        out.append(_Figure(a.start, a.end, a.value, atom=a))
        i += 1
    return out


def _merged_atom(a: Atom, b: Atom) -> Atom:
    return Atom(a.start, b.end, b.value, currency=a.currency or b.currency, is_words=a.is_words,
                digits_only=b.digits_only, fraction=a.fraction or b.fraction)


class NumericExtractor:
    """State shared across one document: places, the story's start date, attribution dates."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.pub = doc.published
        self.places = PlaceFinder(doc)
        self._num_pos, date_pos = trigger_positions(doc.text, WORD_TRIGGERS, _DATE_TRIGGERS_BUT_THE,
                                                    tokenized=tokens_of(doc))
        # "the" starts a date only as "the weekend" / "the start of ...": one scan finds those,
        # instead of trying DATE_RE at every "the" of the article (a third of the tries)
        the = [m.start() for m in _THE_DATE.finditer(doc.text)]
        self._date_pos = sorted(date_pos + the) if the else date_pos
        self.dates_by_sentence: list[list[DateRef]] = [
            find_dates(doc.text, doc.published, s.start, s.end, self._date_pos) for s in doc.sentences
        ]
        self._quotes: list[Quote] = []
        self._quote_starts: list[int] | None = None
        self._said_cache: dict[int, date | None] = {}
        self._since_cache: dict[int, tuple[bool, date | None, DateRef | None]] = {}
        self._said_ref_cache: dict[int, bool] = {}
        self.story_start = self._story_start()

    # ---------------------------------------------------------------- story
    def _story_start(self) -> date | None:
        """When the story's running totals start: a 'since' date or an event's date, if recent."""
        text = self.doc.text
        best: date | None = None
        for s, dates in zip(self.doc.sentences, self.dates_by_sentence, strict=True):
            for d in dates:
                if d.kind not in ("day",) or d.first is None:
                    continue
                if not (_minus(self.pub, STORY_WINDOW) <= d.first <= self.pub):
                    continue
                before = text[max(s.start, d.start - 90) : d.start]
                after = text[d.end : d.end + 40]
                is_since = bool(rx(r"\bsince\b[^.;,]{0,70}$", re.IGNORECASE).search(before))
                is_event = bool(_EVENT.search(before)) or bool(_EVENT_POSSESSIVE.match(after))
                if (is_since or is_event) and (best is None or d.first < best):
                    best = d.first
        return best

    # ---------------------------------------------------------------- time
    def _since(self, si: int) -> tuple[bool, date | None, DateRef | None]:
        """(has a since-phrase, its start date, the date ref it uses) for the sentence
        (once per sentence: every figure of the sentence asks)."""
        found = self._since_cache.get(si)
        if found is None:
            found = self._since_cache[si] = self._find_since(si)
        return found

    def _find_since(self, si: int) -> tuple[bool, date | None, DateRef | None]:
        s = self.doc.sentences[si]
        text = self.doc.text
        for m in _SINCE.finditer(text, s.start, s.end):
            comma = text.find(",", m.end(), s.end)
            limit = min(m.end() + 80, comma if comma >= 0 else s.end)
            for d in self.dates_by_sentence[si]:
                if m.end() <= d.start < limit:
                    return True, d.first, d
            return True, None, None
        return False, None, None

    def _attribution_date(self, si: int) -> date | None:
        """The day the figure was given ('the ministry said on Sunday'), in the sentence or before."""
        sents = self.doc.sentences
        i = si
        # a bounded look back (news paragraphs are short; a pasted wall of text must stay linear)
        while i >= max(0, si - LOOK_BACK) and sents[i].paragraph == sents[si].paragraph:
            said = self._said_date(i)
            if said is not None:
                return said
            i -= 1
        return None

    def _is_said(self, d: DateRef, sentence_start: int) -> bool:
        """Whether a date tells when something was said ('the ministry said on Sunday')."""
        hit = self._said_ref_cache.get(d.start)
        if hit is None:
            text = self.doc.text
            hit = bool(_REPORT_VERB.search(text[max(sentence_start, d.start - 45) : d.start]))
            self._said_ref_cache[d.start] = hit
        return hit

    def _said_date(self, i: int) -> date | None:
        """The first 'said on <day>' date of sentence i (computed once per sentence)."""
        if i in self._said_cache:
            return self._said_cache[i]
        s = self.doc.sentences[i]
        found = None
        for d in self.dates_by_sentence[i]:
            if d.kind == "day" and self._is_said(d, s.start):
                found = d.first
                break
        self._said_cache[i] = found
        return found

    def _time(self, si: int, fig: _Figure, category: str, after_full: str) -> TimeSpan:
        doc, text = self.doc, self.doc.text
        s = doc.sentences[si]
        sentence = text[s.start : s.end]
        dates = self.dates_by_sentence[si]
        pub = self.pub

        if _POPULATION.search(text[max(s.start, fig.start - 45) : fig.start]) or (
            category == "count" and _BEFORE_WAR.search(after_full[:60])
        ):
            return TimeSpan(None, None, "point")
        if _RATE.match(after_full[:50].lstrip()):
            return TimeSpan(None, None, "unknown")

        has_since, since_date, since_ref = self._since(si)
        # History: "since 1987, when a quake ... killed 2,000"; "An earthquake on March 2, 1987, killed"
        for d in dates:
            if not (d.first and d.last and d.last < _minus(pub, timedelta(days=365))):
                continue
            if d is since_ref and not rx(r"\bwhen\b").search(text[d.end : fig.start]):
                continue  # "since October 19, 2024, 60,000 have left": a running total's start
            return TimeSpan(iso(d.first), iso(d.last), "day" if d.kind == "day" else "period")

        att = self._attribution_date(si)
        day_ref = self._day_ref(si, fig, since_ref)
        period_ref = next((d for d in dates if d.kind in ("period", "month") and d is not since_ref
                           and not self._is_said(d, s.start)
                           and not _figure_between(text, fig, d)), None)
        if period_ref is None and self.story_start is not None:
            # "over the following day": from the event the story is about
            following = next((d for d in dates if d.kind.startswith("following:")), None)
            if following is not None:
                days = int(following.kind.split(":")[1])
                try:
                    until = min(pub, self.story_start + timedelta(days=days))
                except OverflowError:
                    until = pub
                period_ref = DateRef(following.start, following.end, self.story_start, until, "period")
        start = since_date if has_since and since_date else self.story_start
        tail = text[max(s.start, fig.start - 60) : fig.start]
        toll = bool(_TOLL_BEFORE.search(tail)) and category == "killed"
        perfect = bool(_PERFECT.search(after_full[:80]))
        still = bool(_STILL.search(after_full[:60]))

        if category == "missing" or (still and category in ("displaced", "count", "troops")):
            d = att or pub
            return TimeSpan(iso(d), iso(d), "point")
        if category in _CASUALTY_CATS:
            if toll:
                end = day_ref.first if day_ref else (att or pub)
                return TimeSpan(iso(start), iso(end), "cumulative")
            if day_ref and not perfect:
                return TimeSpan(iso(day_ref.first), iso(day_ref.last), "day")
            if period_ref and not has_since:
                return TimeSpan(iso(period_ref.first), iso(period_ref.last), "period")
            return TimeSpan(iso(start), iso(att or pub), "cumulative")
        if category == "money" and _FUTURE_PERIOD.search(after_full):
            return TimeSpan(iso(att or pub), None, "period")
        if period_ref and not has_since and category not in ("count",):
            return TimeSpan(iso(period_ref.first), iso(period_ref.last), "period")
        if category in ("count",):
            if day_ref and not perfect:
                return TimeSpan(iso(day_ref.first), iso(day_ref.last), "day")
            if has_since or _SO_FAR.search(sentence) or (perfect and _ACCUMULATING.search(after_full[:80])):
                return TimeSpan(iso(start), iso(att or pub), "cumulative")
            if period_ref:
                return TimeSpan(iso(period_ref.first), iso(period_ref.last), "period")
        d = att or pub
        return TimeSpan(iso(d), iso(d), "point")

    def _day_ref(self, si: int, fig: _Figure, since_ref: DateRef | None) -> DateRef | None:
        """A day the figure happened on ('killed on Tuesday'), not when it was said."""
        text = self.doc.text
        s = self.doc.sentences[si]
        since_pos = None
        m = _SINCE.search(text, fig.end, s.end)
        if m:
            since_pos = m.start()
        for d in self.dates_by_sentence[si]:
            if d.kind != "day" or d is since_ref:
                continue
            if self._is_said(d, s.start):
                continue
            if _EVENT_POSSESSIVE.match(text[d.end : d.end + 30]) or text[d.start : d.end].endswith(
                ("'s", "\u2019s")
            ):
                continue
            if d.start >= fig.end:
                if since_pos is not None and d.start > since_pos:
                    continue
                between = text[fig.end : d.start]
                # "rose to 121 from 98 on Saturday", "1,200 now, up from about 800 on Monday":
                # the day belongs to the nearer figure, the one it is compared with
                if rx(r"\bfrom\s+\S*\d").search(between) or _COMPARED_FIGURE.search(between):
                    continue
                if rx(r"[;]|\b(?:when|after|before|because|while)\b").search(between):
                    continue
                return d
            # "On Sunday, 12 people were killed"; "struck the city on Tuesday, killing at least 14"
            if d.end <= fig.start:
                if rx(r"\s*(?:on\s+)?", re.IGNORECASE).fullmatch(text[s.start : d.start]):
                    return d
                between = text[d.end : fig.start]
                if len(between) <= 120 and _PARTICIPLE.search(between) and (
                    not rx(r"\d").search(between) or _PARTICIPLE_END.search(between)
                ):
                    return d
        return None

    # ---------------------------------------------------------------- claims
    def run(self) -> list[NumericClaim]:
        doc, text = self.doc, self.doc.text
        out: list[NumericClaim] = []
        prose_paragraphs = _body_paragraphs(text, doc.paragraphs)
        for si, s in enumerate(doc.sentences):
            if s.paragraph not in prose_paragraphs:
                continue
            atoms = find_atoms(text, s.start, s.end, self._num_pos)
            if not atoms:
                continue
            dates = self.dates_by_sentence[si]
            times = [(m.start(), m.end()) for m in TIME_OF_DAY_RE.finditer(text, s.start, s.end)]
            phones = [(m.start(), m.end()) for m in _PHONE_RE.finditer(text, s.start, s.end)
                      if len(rx(r"\D").sub("", m.group())) >= 7]
            kept = []
            prev_ident: Atom | None = None
            for a in atoms:
                if _skip_atom(text, a, s, dates, times + phones):
                    lead = text[max(s.start, a.start - 40) : a.start]
                    is_ident = a.digits_only is not None and bool(
                        _ident_before(lead) or _AGE_BEFORE.search(lead)
                    )
                    prev_ident = a if is_ident else None
                    continue
                # "Routes 14 and 15", "kilometre 40 to 52": the list goes on
                if prev_ident is not None and rx(r"\s*(?:,|and|or|to|through|-|\u2013)\s*").fullmatch(
                    text[prev_ident.end : a.start]
                ):
                    prev_ident = a
                    continue
                prev_ident = None
                kept.append(a)
            previous: NumericClaim | None = None
            for fig in _merge_ranges(text, kept):
                next_start = kept_next_start(kept, fig.end, s.end)
                claim = self._claim(si, s, fig, next_start)
                if claim is None or self._quoted_aside(fig):
                    continue
                # "killed 18 people, including six children": a part shares the whole's metric
                if previous is not None and claim.category == "count" and _PART_OF.search(
                    text[max(s.start, claim.start - 30) : claim.start]
                ):
                    claim.category, claim.time, claim.place = previous.category, previous.time, previous.place
                out.append(claim)
                previous = claim
        return out

    def _carried_category(self, si: int, lead: str) -> str | None:
        """A tally named earlier and taken up again: "The list of people unaccounted for has
        1,011 entries. ... That list soon swelled to 1,200"; "The toll rose to 359. It was
        later revised to 253". Only when a verb of change leads the figure and its subject
        is a bare tally word or a pronoun."""
        bare = lead.lstrip()
        bare = bare[4:] if bare[:4].lower() == "the " else bare
        if _HAS_TALLY.search(lead[-45:]) and TALLY_SUBJECT.match(bare):
            return tally_category(lead)  # "The list of people unaccounted for has 1,011 entries"
        if not CHANGE_TO.search(lead[-45:]):
            return None
        subject = _CARRIED_SUBJECT.match(lead)
        if subject is None:
            return None
        text = self.doc.text
        noun = (subject.group("noun") or subject.group("noun2")).lower()
        # the same tally word named earlier, else the nearest earlier tally that names a category
        earlier = [self.doc.sentences[i] for i in range(si - 1, max(-1, si - 6), -1)]
        for sent in earlier:
            words = text[sent.start : sent.end]
            at = words.lower().rfind(noun) if noun not in ("it", "that", "this") else 0
            cat = tally_category(words[max(0, at - 40) :]) if at >= 0 else None
            if cat:
                return cat
        for sent in earlier:
            cat = tally_category(text[sent.start : sent.end])
            if cat:
                return cat
        return None

    def _quoted_aside(self, fig: _Figure) -> bool:
        """A figure inside a direct quote that reports nothing the speaker says is so: a
        hypothesis or a threat ("They can arrest a thousand of us"), a promise ("we will
        rebuild 300 homes"), a figure of speech ("a million times"). What the speaker says
        happened or is the case ("We have buried 40 people", "500 families live here")
        stays a claim: a fact-checker tracks those."""
        if self._quote_starts is None:
            self._quotes = quotes_of(self.doc)
            self._quote_starts = [q.inner_start for q in self._quotes]
        i = bisect_right(self._quote_starts, fig.start) - 1
        if i < 0 or fig.start >= self._quotes[i].inner_end:
            return False
        q, text = self._quotes[i], self.doc.text
        if _RHETORICAL.match(text, fig.start, q.inner_end):
            return True
        lo = max(q.inner_start, max(text.rfind(c, q.inner_start, fig.start) for c in ".;!?") + 1)
        stops = [p for p in (text.find(c, fig.end, q.inner_end) for c in ".;!?") if p >= 0]
        return bool(_HYPOTHETICAL.search(text, lo, min(stops, default=q.inner_end)))

    def _claim(self, si: int, s: Sentence, fig: _Figure, next_start: int) -> NumericClaim | None:
        text = self.doc.text
        a = fig.atom
        assert a is not None
        after_raw = text[fig.end : min(s.end, fig.end + 200)]
        after_clause = text[fig.end : min(next_start, fig.end + 200)]
        clause_start = max(s.start, fig.start - 120)
        before = text[clause_start : fig.start]

        qualifier, q_start = (None, fig.start) if fig.is_range else qualifier_before(text, fig.start)
        if q_start < s.start:
            qualifier, q_start = None, fig.start

        unit: str | None = None
        category: str
        subject: str | None = None
        pct = is_percent(after_raw) or a.fraction or fig.ratio
        money = bool(
            a.currency
            or is_currency_word(after_raw)
            or _MONEY_PAREN.match(after_raw)
            or _CURRENCY_CODE.match(after_raw)
        )
        if pct:
            category, unit = "percent", "%"
        elif money:
            category = "money"
            unit = _currency_unit(a.currency, after_raw)
        else:
            category, subject = categorize(before, after_clause, text[s.start : s.end])
            if category == "count":
                category = self._carried_category(si, text[s.start : fig.start]) or category

        # value, interval
        if fig.is_range:
            iv = {"lower": fig.lower, "upper": fig.upper, "lower_inclusive": True, "upper_inclusive": True,
                  "qualifier": "range"}
        else:
            iv = interval(fig.value, qualifier, a.vague)

        # span: qualifier + number (+ unit) + head noun
        span_start = q_start
        span_end = fig.end
        m = rx(r"(\s*(?:%|percent\b|per\s+cent\b))", re.IGNORECASE).match(after_raw)
        if m:
            span_end += m.end()
        elif category == "money" and is_currency_word(after_raw):
            # "15 million euros", "2.3 trillion yen"
            span_end += _CURRENCY_TAIL.match(after_raw).end()
        head = rx(r"\s+(?:of\s+)?((?:[A-Za-z][\w-]*\s+){0,2}?)"
                        r"(people|civilians|children|soldiers|troops|fighters|residents|families|"
                        r"dead|wounded|injured|deaths|casualties|refugees|homes|villages|buildings|"
                        r"(?!(?:this|thus|was|has|its|his|hers|ours|theirs|less|unless|across|perhaps|plus|"
                        r"minus|always|whereas|is|as|us)\b)[a-z]{3,}s)\b").match(
            text[span_end : min(s.end, span_end + 60)]
        )
        if head and not _HEAD_FUNCTION_WORD.search(head.group(1) or ""):
            span_end += head.end()
        span_start = max(span_start, s.start)
        time = self._time(si, fig, category, after_raw)
        place = self.places.for_claim(si, fig.start, fig.end)
        return NumericClaim(
            span=text[span_start:span_end],
            start=span_start,
            end=span_end,
            sentence=text[s.start : s.end],
            value=fig.value,
            unit=unit,
            category=category,
            subject=subject,
            time=time,
            place=place,
            source=None,
            **iv,
        )


def _minus(d: date, delta: timedelta) -> date:
    """d - delta, clamped at the first representable date (any publication date is accepted)."""
    try:
        return d - delta
    except OverflowError:
        return date.min


def _figure_between(text: str, fig: _Figure, d: DateRef) -> bool:
    """Another figure stands between this one and a time phrase: the phrase is the other's."""
    between = text[fig.end : d.start] if d.start >= fig.end else text[d.end : fig.start]
    return bool(rx(r"\d|\b(?:dozen|hundreds|thousands|millions)\b").search(between))


def kept_next_start(atoms: list[Atom], after: int, default: int) -> int:
    for a in atoms:
        if a.start >= after:
            return a.start
    return default


def _currency_unit(symbol: str | None, after: str) -> str | None:
    sym = (symbol or "").replace(" ", "")
    table = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
             "C$": "CAD", "A$": "AUD", "Rs": "INR", "Rs.": "INR",
             **{c: c for c in ("USD", "EUR", "GBP", "JPY", "CHF", "INR")}}
    if sym in table:
        return table[sym]
    words = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "yen": "JPY", "yuan": "CNY", "rouble": "RUB",
             "ruble": "RUB", "rupee": "INR"}
    for word in after.lower().split()[:2]:
        for k, v in words.items():
            if word.startswith(k):
                return v
    code = _CURRENCY_CODE.match(after)
    if code:
        return code.group().strip()
    return None


def extract_numeric(doc: Document) -> list[NumericClaim]:
    """Every numeric claim of the document, in text order."""
    if not doc.text.strip():
        return []
    return NumericExtractor(doc).run()
