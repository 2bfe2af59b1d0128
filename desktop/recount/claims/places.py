"""Where a figure is about: places named in the sentence, the paragraph, the lead or the dateline.

No gazetteer (invented and real places alike must work, offline): a place is a capitalised
name after a locative preposition ("in southern Lusara", "near the village of Esk", "at
Halm"), a dateline city ("OSTRELO, Tavrenia, March 17 (Continental Wire) -"), or a later
mention of a name already seen in such a position ("fled Ostrelo").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from itertools import compress

from recount.claims.countries import COUNTRIES, COUNTRY_OF, countries_in, first_country
from recount.claims.cues import REPORTING_VERBS
from recount.claims.document import Document
from recount.claims.numbers import tokens_of
from recount.claims.retrie import fast, initials, leading, rx, trie

_DIRECTION = (r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
              r"(?:ern)?\s+)")
_NAME = r"[A-Z][\w'\u2019-]*(?:\s+(?:(?:of|de|al|el|la|upon|on)\s+)?[A-Z][\w'\u2019-]*){0,3}"
_SUFFIX = (r"(?:\s+(?:district|districts|province|region|valley|county|state|city|town|village|area|"
           r"highway|camp|river|basin|delta|checkpoint|suburbs?|quarter|governorate|oblast|prefecture))?")
# factored by prefix: one word followed by whitespace matches the same either way
_PREPS = trie(
    "in at near across from around outside inside into toward towards throughout of for over "
    "capital, city,".split()
)
LOCATIVE_RE = fast(
    rf"\b(?P<prep>{_PREPS})\s+(?:the\s+)?(?P<place>{_DIRECTION}?{_NAME}{_SUFFIX})"
)
# "in the southern part of Tripoli", "on the outskirts of Kharkiv", "near the village of Esk"
PART_OF_RE = fast(
    rf"\b(?:in|on|at|near|across|around|to|from)\s+(?:the\s+|[A-Z][\w-]+(?:'s|\u2019s)\s+)(?:[A-Za-z-]+\s+){{0,3}}?(?:part|parts|outskirts|edge|"
    rf"suburbs?|centre|center|north|south|east|west|heart|districts?|areas?|region|province|city|town|"
    rf"villages?|valley)\s+of\s+(?:the\s+)?(?P<place>{_DIRECTION}?{_NAME}{_SUFFIX})"
)
# "the Notre Dame cathedral", "Ain Zara detention centre": a named site is where a figure is
LANDMARK_RE = fast(
    r"(?=[A-Z])\b(?P<place>(?:[A-Z][\w'\u2019-]*\s+){0,3}[A-Z][\w'\u2019-]*)\s+(?:cathedral|church|mosque|temple|"
    r"synagogue|shrine|hospital|airport|stadium|bridge|dam|prison|jail|refinery|mine|plant|factory|market|"
    r"hotel|university|school|palace|square|detention\s+cent(?:re|er)|camp)\b"
)
# "Kessel province", "Pellmouth district": a name with a place word is a place wherever it stands.
SUFFIXED_RE = fast(
    r"(?=[A-Z])\b(?P<place>(?:[A-Z][\w'\u2019-]*\s+){0,2}[A-Z][\w'\u2019-]*\s+(?:district|districts|province|region|"
    r"valley|county|governorate|oblast|prefecture))\b"
)
STRONG_PREPS = frozenset(
    "in at near across around outside inside throughout toward towards capital, city,".split()
)
# "OSTRELO, Tavrenia, March 17 (Wire) -", "SARVANA, March 10 -", "KHARIV, Ostland (AP) --"
DATELINE_RE = fast(
    r"(?P<city>[A-Z][A-Z'. -]+(?:/[A-Z][A-Z'. -]+)*)"
    r"(?:,\s+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.?\s+\d)(?P<region>[A-Z][\w'. -]+?))?"
    r"(?:,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.?\s+\d{1,2}\b"
    r"|\s+\([A-Z][\w .&/-]{0,40}\)\s*[-\u2013\u2014])"
)
# Capitalised words that are never places (or make a name an organisation, a day, a month).
_NOT_PLACE = frozenset(
    (
        "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
        "july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec "
        "ministry agency organization organisation office council committee front union nations bank "
        "press wire times news daily herald courier dispatch programme program institute university "
        "service services cross crescent fund party army forces force government police department "
        "commission court parliament assembly reuters ap afp bbc un who unicef iom wfp icrc eu nato "
        "president minister prime governor general colonel spokesman spokeswoman secretary director "
        "mr mrs ms dr the a an this that these those it he she they we i his her their its our "
        "state security league group operation affairs red no nos number easter christmas ramadan eid "
        "passover diwali thanksgiving alhaji sir chief sheikh imam prof gen col capt sgt lt"
    ).split()
)
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_ADJ_NOUN = fast(r"^[A-Z][a-z]+(?:an|ian|ese|ish)$")
_DEMONYM = fast(r"^[A-Z][a-z]+(?:ian|ese|ish)\s+[a-z]")


def _clean(place: str) -> str | None:
    """Trim a captured name at the first word that cannot be part of a place ("Marlow on Monday")."""
    place = rx(r"['\u2019]s\b").sub("", place).strip(" ,.")
    words: list[str] = []
    for w in place.split():
        low = w.lower().strip("'\u2019")
        if any(ch.isdigit() for ch in w):
            break  # "EUR5", "Route 9" is handled by the caller: digits end a place name
        if w[:1].isupper() and low in _NOT_PLACE:
            if low in _TIME_WORDS:
                break  # "Marlow on Monday": the name ended before the day
            return None  # "Ostrelo Liberation Front", "Health Ministry": an organisation
        words.append(w)
    while words and words[-1].lower() in ("of", "de", "al", "el", "la", "upon", "on"):
        words.pop()
    if not any(w[:1].isupper() for w in words):
        return None
    return " ".join(words)


# Literal words every PART_OF_RE / SUFFIXED_RE match contains: where a range has none,
# the (slow to scan) pattern cannot match there and is not tried.
_PART_OF_HINT = fast(r"(?<=\s)of\s+(?:the\s+)?(?:[A-Z]|north|south|east|west|central)")  # at the "of"
_LANDMARK_HINT = fast(r"(?<=[A-Za-z'\u2019-]\s)(?:cathedral|church|mosque|temple|synagogue|shrine|hospital|"
                      r"airport|stadium|bridge|dam|prison|jail|refinery|mine|plant|factory|market|hotel|"
                      r"university|school|palace|square|detention|camp)\b")
_SUFFIX_HINT = fast(
    trie("district province region valley county governorate oblast prefecture".split())
)


def hints(text: str, tokenized: tuple[list[int], list[str]] | None = None
          ) -> tuple[list[int], list[int], list[int] | None, list[int]]:
    """Offsets of the PART_OF_RE, SUFFIXED_RE and LANDMARK_RE hints in the whole text, and (from
    the article's tokens, when given) of the prepositions LOCATIVE_RE starts with (for `locatives`)."""
    landmarks = [m.start() for m in _LANDMARK_HINT.finditer(text)]
    if tokenized is None:
        return ([m.start() for m in _PART_OF_HINT.finditer(text)],
                [m.start() for m in _SUFFIX_HINT.finditer(text)], None, landmarks)
    starts, words = tokenized
    # a SUFFIXED_RE match ends in one of these words as a whole token
    suffixes = list(compress(starts, map(_SUFFIX_WORDS.__contains__, words)))
    preps = list(compress(starts, map(_PREP_WORDS.__contains__, words)))
    return [m.start() for m in _PART_OF_HINT.finditer(text)], suffixes, preps, landmarks


_SUFFIX_WORDS = frozenset(
    "district districts province region valley county governorate oblast prefecture".split()
)


_PREP_WORDS = frozenset(
    "in at near across from around outside inside into toward towards throughout of for over capital "
    "city".split()
)


def _locative_matches(text: str, start: int, end: int, preps: list[int] | None):
    """LOCATIVE_RE.finditer(text, start, end), tried only at the given preposition offsets
    when there are some (a match starts at a preposition token, so the result is the same)."""
    if preps is None:
        yield from LOCATIVE_RE.finditer(text, start, end)
        return
    last_end = -1
    for i in range(bisect_left(preps, start), len(preps)):
        at = preps[i]
        if at >= end:
            break
        if at < last_end:
            continue
        m = LOCATIVE_RE.match(text, at, end)
        if m is not None:
            last_end = m.end()
            yield m


def _any_in(positions: list[int] | None, start: int, end: int) -> bool:
    if positions is None:
        return True
    i = bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


def locatives(
    text: str, start: int, end: int,
    hint: tuple[list[int], list[int], list[int] | None, list[int]] | None = None
) -> list[tuple[int, str, int]]:
    """(offset, name, rank) of places named in text[start:end]; rank 0 is the most reliable.

    `hint` (from `hints(text)`) lets a range skip the patterns that cannot match in it."""
    out: list[tuple[int, str, int]] = []
    part_pos, suffix_pos, prep_pos, landmark_pos = hint if hint is not None else (None, None, None, None)
    for m in PART_OF_RE.finditer(text, start, end) if _any_in(part_pos, start, end) else ():
        name = _clean(m.group("place"))
        if name:
            out.append((m.start(), name, 0))
    for m in LANDMARK_RE.finditer(text, start, end) if _any_in(landmark_pos, start, end) else ():
        name = _clean(m.group("place"))
        if name and name.strip() not in COUNTRY_OF:
            out.append((m.start(), name, 0))
    for m in SUFFIXED_RE.finditer(text, start, end) if _any_in(suffix_pos, start, end) else ():
        name = _clean(m.group("place"))
        if name and not _DEMONYM.match(m.group("place")):
            words = name.split()
            while len(words) > 2 and words[0].lower() in _NOT_PLACE:
                words = words[1:]
            out.append((m.start(), name, 0))
    for m in _locative_matches(text, start, end, prep_pos):
        raw = m.group("place")
        # "International Organization for Migration": a capitalised word before the
        # preposition means we are inside a multi-word name, not a location phrase.
        before = text[max(start, m.start() - 30) : m.start()].rstrip()
        prev = before.split()[-1] if before.split() else ""
        if prev[:1].isupper() and m.group("prep") in ("of", "for") and not prev.endswith(","):
            continue
        # "the Health Ministry in Sarvana said": where the source sits, not what the figure is about
        if prev.lower() in _NOT_PLACE and prev[:1].isupper():
            continue
        # "the Libyan capital", "Tavrenian city": a demonym followed by a common noun;
        # "from French tycoons": a country's adjective is never itself the place
        adjective = raw.strip() in COUNTRY_OF
        if adjective or _DEMONYM.match(raw) or (" " not in raw.strip() and _ADJ_NOUN.match(raw)
                                   and rx(r" [a-z]").match(text[m.end("place") : m.end("place") + 2])):
            continue
        name = _clean(raw)
        if name and name.rsplit(None, 1)[-1].lower() in ROAD_WORDS:
            # "near Route 9", "on Highway 401": the number is part of a road's name
            num = _ROAD_NUMBER.match(text, m.end("place"), end)
            if num:
                name = f"{name} {num[1]}"
        if name:
            rank = 0 if m.group("prep") in STRONG_PREPS else 1
            out.append((m.start("place"), name, rank))
    return out


ROAD_WORDS = frozenset(("route", "highway", "interstate", "motorway", "road", "autobahn", "freeway"))
_ROAD_NUMBER = fast(r"\s+(\d{1,4}[A-Z]?)\b")

_CLAUSE_END = fast(r",\s+(?:when|after|as|while|before|because|although|whereas|only\s+\w+ing|"
                   r"except|but)\b")
_PART_BEFORE = fast(
    r"\b(?:most|many|some|all|several|one|two|three|dozens|hundreds)\s+of\s+(?:them|whom)\b[^,;.]{0,40}$"
    r"|\b(?:including|among\s+them|such\s+as)\s+[^,;.]{0,30}$",
    re.IGNORECASE,
)


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
        if last not in COUNTRIES and last.lower() not in _NOT_PLACE:
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
                    if (word.lower() not in _NOT_PLACE and word.lower() not in ROAD_WORDS
                            and word not in self.people):
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
        return _clean(m.group("place")) if m else None

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
