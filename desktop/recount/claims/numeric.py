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

from recount.claims.categories import (
    ALIVE_NOUNS,
    CHANGE_TO,
    TALLY_SUBJECT,
    categorize,
    is_percent,
    names_things,
    tally_category,
)
from recount.claims.coordination import clause_after, link_to_previous, respectively
from recount.claims.dates import DATE_TRIGGERS, TIME_OF_DAY_RE, DateRef, find_dates
from recount.claims.document import Document, Sentence
from recount.claims.figures import (
    AGE_BEFORE,
    PHONE_HINT,
    PHONE_RE,
    Figure,
    body_paragraphs,
    ident_before,
    kept_next_start,
    merge_ranges,
    skip_atom,
)
from recount.claims.layout import headline_paragraphs
from recount.claims.model import NumericClaim
from recount.claims.money import currency_tail, currency_unit, is_currency_word, is_money
from recount.claims.numbers import (
    WORD_TRIGGERS,
    Atom,
    find_atoms,
    interval,
    qualifier_before,
    scan,
    tokens_of,
    trigger_positions,
)
from recount.claims.places import PlaceFinder
from recount.claims.quotes import Quote, quotes_of
from recount.claims.restated import settle
from recount.claims.retrie import fast, rx
from recount.claims.timing import TimeReader
from recount.claims.word_figures import word_atoms

_DATE_TRIGGERS_BUT_THE = DATE_TRIGGERS - {"the"}
_THE_DATE = fast(r"(?<![A-Za-z])the\s+(?:start|beginning|weekend|previous\s+(?:week|month|year))",
                 re.IGNORECASE)

_CARRIED_SUBJECT = fast(
    r"^\s*(?:[A-Z][\w ]{0,20}?,\s*)?(?:(?i:the|that|this|its|their)\s+(?:\w+\s+)?"
    r"(?P<noun>toll|tally|count|number|total|list|figure|estimate)|(?P<noun2>It|it))\b",
)
_HEDGE = fast(r"\b(?:could|may|might|would)\s+(?:be|reach|rise)\b[^.;]{0,15}$|\bin\s+their\s+$",
              re.IGNORECASE)
# "expected to climb past 90", "likely to exceed 1,000": a forecast, not a figure anyone gave
_FORECAST = fast(r"\b(?:expected|likely|set|forecast|projected|predicted|feared)\s+to\s+(?:climb|rise|reach|"
                 r"exceed|top|pass|surpass|hit|go|grow|increase)\b(?:\s+(?:past|above|beyond|over|to))?\s*$",
                 re.IGNORECASE)
_PAIR_NOUN = fast(r"\s+(?:rival\s+|main\s+|opposing\s+|warring\s+)?(?:sides|leaders|countries|nations|"
                  r"governments|parties|rivals|camps|delegations|presidents|teams|powers|superpowers|koreas|"
                  r"allies|factions)\b", re.IGNORECASE)
_ORDER_OF = fast(r"(?:tens|hundreds)\s+of\s+(?:thousands|millions)", re.IGNORECASE)
_OF_AFTER = fast(r"\s+of\b", re.IGNORECASE)
_CASUALTY = frozenset(("killed", "wounded", "injured_or_killed", "displaced", "missing", "arrested",
                       "evacuated"))
# a tally word governing the figure: "the previous figure of", "The new figure is", "lowering the
# total from", "the death toll ... by", "our first estimates were"
_TALLY_NEAR = fast(
    r"\b(?:the|a|its|their|our|this|that)\s+(?:[\w-]+\s+){0,3}?(?P<noun>figure|toll|tally|total|count|"
    r"estimates?|number|list)\b(?:\s+(?:of|is|was|were|stood|stands|from|to|at|by|now|had|has|have)|"
    r"(?:[^,;.\d]|\d{4}\s+(?:GMT|UTC)){0,90}?\s+(?:by|to|from|at|of|(?:given|put|listed)\s+as|has|had|was|were|is|"
    r"stood|stands))?\s*(?:(?:at\s+least|more\s+than|over|nearly|about|around|"
    r"almost|some|roughly|as\s+many\s+as|up\s+to)\s+)?$",
    re.IGNORECASE,
)
_PRONOUN_SUBJECT = fast(r"\b(?P<noun2>it|that|this)\s+(?:was|is|had\s+been|has\s+been|will\s+be)?\s*"
                        r"(?:\w+\s+)?"
                        r"(?:\w+\s+)?$", re.IGNORECASE)
_COORDINATED = fast(r"\s*(?:\w+\s+)?(?:and\s+not|not|to|and\s+then|then)\s+"
                    r"(?:(?:more\s+than|at\s+least|about|"
                    r"around|nearly|over|almost|some|roughly)\s+)?$", re.IGNORECASE)
_AREA = fast(r"-?\s*(?P<unit>acres?|hectares?)\b", re.IGNORECASE)  # "146,000 acres", "a 151,272-acre blaze"
_HAS_TALLY = fast(r"\b(?:has|had|have|includes|included|contains|contained|totals|totalled|totaled|is|was)\s+"
                  r"(?:now\s+)?$", re.IGNORECASE)
_HEAD_FUNCTION_WORD = fast(
    r"\b(?:of|the|and|or|were|are|was|is|be|been|have|had|has|to|for|in|on|at|from|by|with|a|an|it|"
    r"could|would|will|may|might|said|who|that|which|as|when|while|after|before|because|if)\b",
    re.IGNORECASE,
)
# "up from about 800", "down from nearly 2,000", "compared with 40", "than 300 a year earlier"
_HYPOTHETICAL = fast(
    r"\b(?:can|could|would|will|might|may|should|must|shall|if|unless|imagine|suppose|whether|"
    r"cannot|can't|won't|wouldn't|couldn't|wo|ca)\b|['\u2019](?:ll|d)\b",
    re.IGNORECASE,
)
_ANNOUNCED_REVISION = fast(r"\b(?:will|would|is\s+to|are\s+to)\s+be\s+(?:reduced|revised|lowered|raised|"
                           r"corrected|updated|cut|brought\s+down)\s+(?:down\s+|up\s+)?to\s+$", re.IGNORECASE)
# "a thousand of us", "a million times": a figure of speech, not a count
_RHETORICAL = fast(
    r"(?:a|one)\s+(?:hundred|thousand|million|billion)\s+(?:of\s+(?:us|you|them)|times|ways|reasons|"
    r"questions|miles)\b|(?:hundreds|thousands|millions)\s+(?:of\s+)?(?:times|ways|reasons)\b",
    re.IGNORECASE,
)


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
        self._headlines: set[int] = set()
        self._previous: NumericClaim | None = None
        self._si = 0
        self._quote_starts: list[int] | None = None
        self.timing = TimeReader(doc, self.dates_by_sentence)

    def run(self) -> list[NumericClaim]:
        doc, text = self.doc, self.doc.text
        out: list[NumericClaim] = []
        prose_paragraphs = body_paragraphs(text, doc.paragraphs)
        headlines = self._headlines = headline_paragraphs(doc)
        for si, s in enumerate(doc.sentences):
            self._si = si
            if s.paragraph not in prose_paragraphs and s.paragraph not in headlines:
                continue
            atoms = find_atoms(text, s.start, s.end, self._num_pos)
            worded = word_atoms(text, s.start, s.end)  # "No one was killed", "One protester died"
            starts = {w.start for w in worded}
            if worded:
                atoms = sorted([*(a for a in atoms if a.start not in starts), *worded], key=lambda a: a.start)
            if not atoms:
                continue
            dates = self.dates_by_sentence[si]
            # a time of day starts a digit run, and every digit run starts a token of `_num_pos`:
            # tried there only, not at every character of the sentence (same matches)
            times = [(m.start(), m.end()) for m in scan(TIME_OF_DAY_RE, WORD_TRIGGERS, text, s.start, s.end,
                                                         self._num_pos)]
            phones = [(m.start(), m.end()) for m in PHONE_RE.finditer(text, s.start, s.end)
                      if len(rx(r"\D").sub("", m.group())) >= 7
                      ] if PHONE_HINT.search(text, s.start, s.end) else []
            kept = []
            prev_ident: Atom | None = None
            for a in atoms:
                if a.start not in starts and skip_atom(text, a, s, dates, times + phones):
                    lead = text[max(s.start, a.start - 40) : a.start]
                    is_ident = a.digits_only is not None and bool(
                        ident_before(lead) or AGE_BEFORE.search(lead)
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
            part_of = False
            self._previous = None
            for fig in merge_ranges(text, kept):
                next_start = kept_next_start(kept, fig.end, s.end)
                claim = self._claim(si, s, fig, next_start)
                if claim is None or self._quoted_aside(fig) or self._not_a_count(fig, claim):
                    continue
                if s.paragraph in headlines and s.paragraph not in prose_paragraphs and (
                        claim.category not in _CASUALTY and claim.category != "money"):
                    continue
                # when and where only for a figure kept: the two costliest reads of a claim
                after_raw = text[fig.end : min(s.end, fig.end + 200)]
                claim.time = self.timing.time_of(si, fig, claim.category, after_raw)
                claim.place = self.places.for_claim(si, fig.start, fig.end)
                part_of = link_to_previous(text, s.end, fig.start, fig.end, claim, previous, part_of)
                out.append(claim)
                previous = self._previous = claim
        settle(out, headlines, doc)
        respectively(out, text)
        return out

    def _carried_category(self, si: int, lead: str, previous: NumericClaim | None, at: int) -> str | None:
        """A tally named earlier and taken up again: "The list of people unaccounted for has
        1,011 entries. ... That list soon swelled to 1,200"; "The toll rose to 412. It was
        later revised to 286"; "the earlier figure of 412"; "cutting the total from 412 to
        286"; "the toll was 330 and not 412". Only when a tally word, a pronoun subject or a
        coordinated figure leads this one."""
        text = self.doc.text
        bare = lead.lstrip()
        bare = bare[4:] if bare[:4].lower() == "the " else bare
        if _HAS_TALLY.search(lead[-45:]) and TALLY_SUBJECT.match(bare):
            return tally_category(lead)  # "The list of people unaccounted for has 1,011 entries"
        if (previous is not None and previous.category != "count" and at - previous.end < 40
                and _COORDINATED.match(text, previous.end, at)):
            return previous.category  # "was 330 and not 412", "from 412 to 286"
        window = lead[-130:]
        near = _TALLY_NEAR.search(window)
        noun: str | None = None
        if near is not None:
            named = tally_category(window[near.start() :])
            if named:
                return named  # "the death toll ... by more than 100", "total death toll was 330"
            if previous is not None and previous.category != "count":
                return previous.category  # "down to 61, from the previous figure of 88"
            noun = near.group("noun").lower()
        elif CHANGE_TO.search(lead[-45:]):
            subject = _CARRIED_SUBJECT.match(lead) or _PRONOUN_SUBJECT.search(lead[-60:])
            if subject is None:
                return None
            groups = subject.groupdict()
            noun = (groups.get("noun") or groups["noun2"]).lower()
            if noun in ("it", "that", "this") and previous is not None and previous.category != "count":
                return previous.category  # "as many as 1,450 names before it was trimmed to 720"
        else:
            return None
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

    def _not_a_count(self, fig: Figure, claim: NumericClaim) -> bool:
        """Words that name a number without counting anything a reader could check: a vague
        plural that is not a casualty figure ("hundreds of deputies", "in their millions",
        "could be in the thousands"), and the two parties of a story ("the two leaders")."""
        text = self.doc.text
        if _FORECAST.search(text, max(0, fig.start - 60), fig.start):
            return True
        if fig.atom is not None and fig.atom.vague:
            hedged = _HEDGE.search(text[max(0, fig.start - 30) : fig.start])
            headline = self.doc.sentences[self._si].paragraph in self._headlines
            if _ORDER_OF.match(text, fig.atom.start, fig.atom.end):
                return hedged is not None or headline  # "tens of thousands marched": a crowd's size
            sweep = _OF_AFTER.match(text, fig.atom.end, min(len(text), fig.atom.end + 5)) is not None
            return hedged is not None or sweep or headline or claim.category not in _CASUALTY
        return fig.value == 2 and _PAIR_NOUN.match(text, fig.end, min(len(text), fig.end + 30)) is not None

    def _quoted_aside(self, fig: Figure) -> bool:
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
        if _RHETORICAL.match(text, fig.start, q.inner_end) or (fig.atom is not None and fig.atom.vague):
            return True  # "we have displaced thousands of people": a speaker's sweep, not a count
        # the clause of the figure: "the toll is at least 286, our initial estimate was 330 and it
        # will be reduced": the future of the last clause does not make the first a promise
        lo = max(q.inner_start, max(text.rfind(c, q.inner_start, fig.start) for c in ".;!?,") + 1)
        stops = [p for p in (text.find(c, fig.end, q.inner_end) for c in (".", ";", "!", "?", ",", " and "))
                 if p >= 0]
        if _ANNOUNCED_REVISION.search(text, lo, fig.start):
            return False  # "it will be cut to 212": the corrected figure, announced
        return bool(_HYPOTHETICAL.search(text, lo, min(stops, default=q.inner_end)))

    def _claim(self, si: int, s: Sentence, fig: Figure, next_start: int) -> NumericClaim | None:
        text = self.doc.text
        a = fig.atom
        assert a is not None
        after_raw = text[fig.end : min(s.end, fig.end + 200)]
        after_clause = clause_after(text, s.end, fig.end, next_start)
        clause_start = max(s.start, fig.start - 200)
        before = text[clause_start : fig.start]

        qualifier, q_start = (None, fig.start) if fig.is_range else qualifier_before(text, fig.start)
        if q_start < s.start:
            qualifier, q_start = None, fig.start

        unit: str | None = None
        category: str
        subject: str | None = None
        pct = is_percent(after_raw) or a.fraction or fig.ratio
        money = is_money(a.currency, after_raw)
        if pct:
            category, unit = "percent", "%"
        elif money:
            category = "money"
            unit = currency_unit(a.currency, after_raw)
        elif _AREA.match(after_raw):
            category, unit = "count", _AREA.match(after_raw).group("unit").lower().rstrip("s") + "s"
        else:
            category, subject = categorize(before, after_clause, text[s.start : s.end])
            if category == "count" and subject not in ALIVE_NOUNS and not names_things(after_clause):
                carried = self._carried_category(si, text[s.start : fig.start], self._previous, fig.start)
                if carried == "percent":
                    carried = None  # a share needs its own sign: "infections stood at 3,118" is a count
                category = carried or category

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
            span_end += currency_tail(after_raw)
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
        return NumericClaim(
            span=text[span_start:span_end],
            start=span_start,
            end=span_end,
            sentence=text[s.start : s.end],
            value=fig.value,
            unit=unit,
            category=category,
            subject=subject,  # time and place: set by `run` for a figure it keeps
            source=None,
            **iv,
        )


def extract_numeric(doc: Document) -> list[NumericClaim]:
    """Every numeric claim of the document, in text order."""
    if not doc.text.strip():
        return []
    return NumericExtractor(doc).run()

