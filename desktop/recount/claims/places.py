"""Where a figure is about: the relation pass over the places an article names.

The places themselves come from locatives.py. Here: the figure's clause first, then earlier in
its paragraph, then the story's main place (the lead, a headline's country, the dateline, the
country the article names most); never a body, a person, a speaker's seat or a sub-location.
"""

from __future__ import annotations

import re
from functools import cache

from recount.claims.countries import COUNTRIES, COUNTRY_OF, countries_in, first_country
from recount.claims.cues import REPORTING_VERBS
from recount.claims.document import Document
from recount.claims.locatives import (
    DATELINE_RE,
    NOT_PLACE,
    ROAD_WORDS,
    SUFFIXED_RE,
    clean_place,
    hints,
    locatives,
)
from recount.claims.numbers import tokens_of
from recount.claims.retrie import fast, initials, leading, rx, trie

_CLAUSE_END = fast(r",\s+(?:when|after|as|while|before|because|although|whereas|only\s+\w+ing|"
                   r"except|but)\b")
_PART_BEFORE = fast(
    r"\b(?:most|many|some|all|several|one|two|three|dozens|hundreds)\s+of\s+(?:them|whom)\b[^,;.]{0,40}$"
    r"|\b(?:including|among\s+them|such\s+as)\s+[^,;.]{0,30}$",
    re.IGNORECASE,
)


_ADJECTIVES = frozenset(COUNTRY_OF) - COUNTRIES  # "Libyan", never a place by itself


@cache
def _attribution_tail() -> re.Pattern[str]:
    """A reporting verb closing the sentence after a place (compiled on first use)."""
    return fast(r"[^,;.\d]{0,50}?\b(?:" + trie(list(REPORTING_VERBS)) + r")\b[^,;\d]{0,30}[.;]?\s*$")
_ATTRIBUTION_HEAD = fast(r",\s+(?:the|a|an)\s+[^,;\d]{0,60}$")


def _in_attribution(text: str, pos: int, end: int) -> bool:
    """A place inside the closing attribution ("..., the UN co-ordinator in Libya said"): where
    the speaker sits, not what the figure is about."""
    return bool(_ATTRIBUTION_HEAD.search(text, max(0, pos - 70), pos)) and bool(
        _attribution_tail().match(text, pos, min(len(text), end + 1)))


_ORG_NOUN_AFTER = fast(r"\s+(?:fund|funds|group|company|companies|foundation|family|holding|firm|bank|"
                       r"agency|ministry|council|party|fans?|brand|chain|charity|trust|institute|network)\b")


def _is_part_or_org(text: str, pos: int, name: str) -> bool:
    """A sub-location of the figure ("most of them in Oberkell"), a body's country
    ("Velmora's Civil Protection Agency", "Libya's UN-backed government") or a body itself
    ("from the Harlan fund", "of the Ostrel group")."""
    if _PART_BEFORE.search(text[max(0, pos - 70) : pos]):
        return True
    after = text[pos + len(name) : pos + len(name) + 30]
    if _ORG_NOUN_AFTER.match(after):
        return True
    if rx(r"(?:'s|\u2019s)\s+(?:[A-Z]|UN-|U\.)").match(after):
        return True
    # "Libya's eastern coastal city of Derna": the country frames the place the figure is about
    return bool(rx(r"(?:'s|\u2019s)\s+(?:[a-z-]+\s+){0,3}(?:city|town|village|port|capital|province|region|"
                   r"district|island)(?:\s+of|,)?\s+[A-Z]").match(after))


# "President Ana Ruiz", "Alhaji Ibrahim Sule", "Ana Ruiz said": people, whose names are never
# places ("a crushing defeat for Sule" names no location)
_TITLES = (
    "President Vice President Prime Minister Minister Mr Mrs Ms Dr Prof Sir Dame Alhaji Chief General Gen "
    "Colonel Col Sheriff Governor Gov Mayor Senator Sen Rep Pope King Queen Prince Princess Judge Justice "
    "Bishop Rev Imam Rabbi Sheikh Commander Captain Capt Lieutenant Lt Sergeant Sgt Secretary Spokesman "
    "Spokeswoman spokesman spokeswoman spokesperson chairman director"
).split()
_TITLED = fast(
    "(?=[" + initials(_TITLES) + r"])\b(?:" + trie(_TITLES) + r")\.?"
    r"\s+((?:[A-Z][\w'\u2019-]+\s+){0,3}[A-Z][\w'\u2019-]+)"
)
@cache
def _speech_verb() -> re.Pattern[str]:
    """A reporting verb (compiled on first use: the engine's import stays fast)."""
    return fast(r"(?<=\s)(?:" + trie(
        [w for w in REPORTING_VERBS if w not in ("put", "puts", "placed", "called")]) + r")\b")
_NAME_BEFORE = fast(r"\b([A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){1,3}),?\s+(?:has\s+)?$")


def _people_words(text: str) -> frozenset[str]:
    """Surnames of the people an article names (after a title, or as the subject of a
    reporting verb with a first and last name); countries stay places ("Russia said")."""
    found = [m.group(1) for m in _TITLED.finditer(text)]
    for verb in _speech_verb().finditer(text):
        m = _NAME_BEFORE.search(text, max(0, verb.start() - 70), verb.start())
        if m:
            found.append(m.group(1))
    names: set[str] = set()
    for name in found:
        last = name.split()[-1]
        if last not in COUNTRIES and last.lower() not in NOT_PLACE:
            names.add(last)
    return frozenset(names)


class PlaceFinder:
    """Places of one document: known names, the story's main place, per-sentence lookups."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        text = doc.text
        self.dateline: str | None = None
        self.main: str | None = None
        self._by_sentence: dict[int, str | None] = {}
        known: dict[str, str] = {}
        self.dateline_span: tuple[int, int] = (0, 0)
        for ps, pe in doc.paragraphs[:8]:
            m = DATELINE_RE.match(text, ps, pe)
            if m:
                cities = [c.strip().title() for c in m.group("city").split("/") if c.strip()]
                self.dateline = cities[0]
                for c in cities:
                    known[c.lower()] = c
                dash = rx(r"\)\s*[-\u2013\u2014]\s*|\s[-\u2013\u2014]\s").search(text[m.end() : m.end() + 80])
                self.dateline_span = (ps, m.end() + (dash.end() if dash else 0))
                break
        self._hints = hints(text, tokens_of(doc))
        self.people = _people_words(text)
        self._loc_cache: dict[tuple[int, int], list[tuple[int, str, int]]] = {}
        self._span_cache: dict[tuple[int, int], str | None] = {}
        for s in doc.sentences:
            for _pos, name, _rank in self._locatives(s.start, s.end):
                for word in rx(r"[A-Z][\w-]+").findall(name):
                    if (word.lower() not in NOT_PLACE and word.lower() not in ROAD_WORDS
                            and word not in self.people and word not in _ADJECTIVES):
                        known.setdefault(word.lower(), word)
        self.known = known
        # behind a lookahead on the names' first letters (see retrie.leading): scanned per claim
        self._known_re = (
            leading("".join(sorted({re.escape(k[0]) for k in known.values()})),
                    r"\b(" + "|".join(re.escape(k) for k in sorted(known.values(), key=len, reverse=True))
                    + r")\b")
            if known else None
        )
        self.main = self._main_place()

    def _main_place(self) -> str | None:
        """The first place of the lead (the first prose paragraph), else the dateline city."""
        text = self.doc.text
        for ps, pe in self.doc.paragraphs:
            para = text[ps:pe]
            if len(para.split()) < 12 or para.rstrip()[-1:] not in (".", "!", "?", '"', "\u201d"):
                continue
            body_start = ps
            if self.dateline_span[0] == ps:
                body_start = self.dateline_span[1]
            first_sentence_end = next((s.end for s in self.doc.sentences if s.end > body_start), pe)
            found = self.in_span(body_start, first_sentence_end)
            if not found:
                found = self.in_span(body_start, pe)
            return (found or self._first_region() or self._lead_country(body_start, pe)
                    or self._headline_country(ps) or self.dateline or self._article_country())
        return (self._first_region() or self._headline_country(len(text)) or self.dateline
                or self._article_country())

    def _article_country(self) -> str | None:
        """The country the article names most often (by name or adjective, twice at least): the
        story's country when neither the lead nor the dateline names a place."""
        counts: dict[str, int] = {}
        for country in countries_in(self.doc.text):
            counts[country] = counts.get(country, 0) + 1
        best = max(counts.items(), key=lambda kv: kv[1], default=(None, 0))
        return best[0] if best[1] >= 2 or len(counts) == 1 else None

    def _headline_country(self, before: int) -> str | None:
        """The country a title line names ("Quake toll in Veskland rises"), for a lead that names none."""
        for ps, pe in self.doc.paragraphs[:3]:
            if ps >= before:
                break
            found = self._lead_country(ps, pe)
            if found:
                return found
        return None

    def _lead_country(self, start: int, end: int) -> str | None:
        """"Sri Lankan authorities revised the toll": a lead that names no place but a
        country, or a country's adjective, is about that country."""
        found = first_country(self.doc.text, start, end)
        return found[1] if found else None

    def _first_region(self) -> str | None:
        """The first 'X province/region/district' of the article: the story's area."""
        m = SUFFIXED_RE.search(self.doc.text)
        return clean_place(m.group("place")) if m else None

    def in_span(self, start: int, end: int) -> str | None:
        """The first place named in text[start:end]: a locative phrase or a known name."""
        ds, de = self.dateline_span
        if ds <= start < de:
            start = de
        key = (start, end)
        if key in self._span_cache:
            return self._span_cache[key]
        found = self._in_span(start, end)
        self._span_cache[key] = found
        return found

    def _locatives(self, start: int, end: int) -> list[tuple[int, str, int]]:
        key = (start, end)
        if key not in self._loc_cache:
            self._loc_cache[key] = locatives(self.doc.text, start, end, self._hints)
        return self._loc_cache[key]

    def _in_span(self, start: int, end: int) -> str | None:
        text = self.doc.text
        cands = list(self._locatives(start, end))
        if self._known_re:
            for m in self._known_re.finditer(text, start, end):
                # skip names inside organisations ("Ostrelo Liberation Front")
                nxt = rx(r"\s+([A-Z]\w+)").match(text[m.end() : m.end() + 40])
                if nxt and not any(c[0] <= m.start() < c[0] + len(c[1]) for c in cands):
                    continue
                cands.append((m.start(), m.group(1), 1))
        cands = [c for c in cands if not _is_part_or_org(text, c[0], c[1])
                 and c[1].split()[-1] not in self.people and not _in_attribution(text, c[0], end)]
        if not cands:
            return None
        # the more specific place first: "in Libya as fighting around the capital, Tripoli"
        cands.sort(key=lambda c: (c[2], c[1] in COUNTRIES, c[0], -len(c[1])))
        return cands[0][1]

    def for_claim(self, sentence_index: int, start: int, end: int) -> str | None:
        """Place of a figure: its clause, else earlier in its paragraph, else the lead/dateline.

        The clause ends where a subordinate clause after a comma begins (", when government
        forces advanced into Verdal"): places there belong to another event.
        """
        sents = self.doc.sentences
        s = sents[sentence_index]
        cut = _CLAUSE_END.search(self.doc.text, end, s.end)
        here = self.in_span(s.start, cut.start() if cut else s.end)
        if here:
            return here
        i = sentence_index - 1
        while i >= max(0, sentence_index - 4) and sents[i].paragraph == s.paragraph:
            p = self.in_span(sents[i].start, sents[i].end)
            if p:
                return p
            i -= 1
        return self.main
