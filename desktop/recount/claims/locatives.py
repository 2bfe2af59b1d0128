"""Place phrases a text names: the mention pass of where a figure is.

No gazetteer (invented and real places alike must work, offline): a place is a capitalised
name after a locative preposition ("in southern Lusara", "near the village of Esk", "at
Halm"), "the X cathedral", "Kessel province", or a dateline city ("OSTRELO, Tavrenia,
March 17 (Continental Wire) -"). Which of them a figure is about is places.py's relation pass.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import compress

from recount.claims.countries import ALIASES, COUNTRY_OF
from recount.claims.retrie import bounded_words, fast, rx, trie

# capitals with accents too ("Île-de-France region"): `re` has no \p{Lu}
UP = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_DIRECTION = (r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
              r"(?:ern)?\s+)")
_WORD = rf"(?:[{UP}]\.(?:[{UP}]\.)+|[{UP}][\w'\u2019-]*)"  # "U.S.", "D.C." keep their dots
_NAME = rf"{_WORD}(?:\s+(?:(?:of|de|al|el|la|upon|on)\s+)?{_WORD}){{0,3}}"
_SUFFIX = (r"(?:\s+(?:district|districts|province|region|valley|county|state|city|town|village|area|"
           r"highway|camp|river|basin|delta|checkpoint|suburbs?|quarter|governorate|oblast|prefecture))?")
# factored by prefix: one word followed by whitespace matches the same either way
# (and a sentence's first word: "In Velmar County, the toll rose to 11")
_OPENING_PREPS = "In At Near Across Around Outside Inside Throughout".split()
_PREPS = trie(
    "in at near across from around outside inside into toward towards throughout of for over "
    "capital, city,".split() + _OPENING_PREPS
)
# "in neighbouring Kessel", "in nearby Ostia": a place's neighbour is still that place
_NEIGHBOURING = r"(?:(?:neighbouring|neighboring|nearby|adjacent|adjoining)\s+)"
LOCATIVE_RE = fast(
    rf"\b(?P<prep>{_PREPS})\s+(?:the\s+)?{_NEIGHBOURING}?(?P<place>{_DIRECTION}?{_NAME}{_SUFFIX})"
)
# "in the southern part of Tripoli", "on the outskirts of Kharkiv", "near the village of Esk"
PART_OF_RE = fast(
    "(?:" + "|".join(bounded_words("in on at near across around to from".split(), after="")) + ")"
    rf"\s+(?:the\s+|[A-Z][\w-]+(?:'s|\u2019s)\s+)(?:[A-Za-z-]+\s+){{0,3}}?(?:part|parts|outskirts|edge|"
    rf"suburbs?|centre|center|north|south|east|west|heart|districts?|areas?|region|province|city|town|"
    rf"villages?|valley)\s+of\s+(?:the\s+)?(?P<place>{_DIRECTION}?{_NAME}{_SUFFIX})"
)
# "the Notre Dame cathedral", "Ain Zara detention centre": a named site is where a figure is
# "the Camp Fire", "the Harlow fire", "the Esk blaze": a named fire is where its toll is
LANDMARK_RE = fast(
    rf"(?=[{UP}])\b(?P<place>(?:[{UP}][\w'\u2019-]*\s+){{0,3}}[{UP}][\w'\u2019-]*)\s+(?:cathedral|church|mosque|"
    r"temple|synagogue|shrine|[Hh]ospital|[Mm]edical\s+[Cc]ent(?:re|er)|[Cc]linic|[Mm]orgue|airport|stadium|bridge|dam|prison|jail|refinery|mine|plant|factory|market|"
    r"hotel|university|school|palace|square|detention\s+cent(?:re|er)|camp|[Ff]ire|blaze)\b"
    # (a fire service is a body, not a fire: "the Dastrow Fire Service", "Norland Fire Department")
    r"(?!\s+(?:[Ss]ervice|[Dd]epartment|[Bb]rigade|[Ss]tation|[Aa]uthority|[Cc]hief|[Cc]rews?|[Ff]ighters)\b)"
)
# "to rebuild the Esk Abbey", "fire-ravaged Saint Aubin": the object of a repair or a ruin is a site
SITE_OBJECT_RE = (
    rf"\b(?:rebuild(?:ing)?|restor(?:e|ing)|reconstruct(?:ing)?|repair(?:ing)?|ravaged|gutted|engulfed)\s+"
    rf"(?:the\s+)?(?P<place>[{UP}][\w'\u2019-]*(?:\s+[{UP}][\w'\u2019-]*){{0,3}})"
)
# "the storm hit northeastern Arlen", "an assault on Esk": what a disaster or an attack strikes is a place
STRUCK_RE = (
    rf"\b(?:hit|struck|battered|lashed|pounded|swept\s+(?:through|across)|(?:assault|attacks?|offensive|advance|"
    rf"march|push|raids?|strikes?)\s+(?:on|against))\s+(?:the\s+)?"
    rf"(?P<place>{_DIRECTION}?[{UP}][\w'\u2019-]*(?:\s+[{UP}][\w'\u2019-]*){{0,2}})"
)
# "Kessel province", "Pellmouth district": a name with a place word is a place wherever it stands.
SUFFIXED_RE = fast(
    rf"(?=[{UP}])\b(?P<place>(?:[{UP}][\w'\u2019-]*\s+){{0,2}}[{UP}][\w'\u2019-]*\s+(?:district|districts|province|region|"
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
    r"|\s+\([A-Z][\w .&/-]{0,40}\)\s*[-\u2013\u2014]"
    r"|\s+(?:[\u2013\u2014]|--)\s)"  # "KESSEL, Varnia — The ...": a city in capitals, then a dash
)
# Capitalised words that are never places (or make a name an organisation, a day, a month).
NOT_PLACE = frozenset(
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
        "hurricane typhoon cyclone storm "
        "passover diwali thanksgiving alhaji sir chief sheikh imam prof gen col capt sgt lt"
    ).split()
)
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_ADJ_NOUN = fast(r"^[A-Z][a-z]+(?:an|ian|ese|ish)$")
_DEMONYM = fast(r"^[A-Z][a-z]+(?:ian|ese|ish)\s+[a-z]")


def clean_place(place: str) -> str | None:
    """Trim a captured name at the first word that cannot be part of a place ("Marlow on Monday")."""
    owned = rx(r"^[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?['\u2019]s\s+(?=(?:[A-Z][\w.-]*\s+){1,2}(?:region|province|"
               r"state|district|county|valley|area)\b)").match(place)
    if owned:  # "Varnia's Kessel region": the region, a part of Varnia
        place = place[owned.end():]
    place = rx(r"['\u2019]s\b").sub("", place).strip(" ,")
    if place.endswith(".") and not rx(r"\b(?:[A-Z]\.){2,}$").search(place):
        place = place.rstrip(".")
    words: list[str] = []
    for w in place.split():
        low = w.lower().strip("'\u2019")
        if any(ch.isdigit() for ch in w):
            break  # "EUR5", "Route 9" is handled by the caller: digits end a place name
        if w.isupper() and w.replace(".", "") not in ALIASES and (len(w) > 1 or not words):
            break  # "Tarn LNA", "of OSCO": an acronym names a body (countries' are in ALIASES)
        if w[:1].isupper() and low in NOT_PLACE:
            if low in _TIME_WORDS:
                break  # "Marlow on Monday": the name ended before the day
            return None  # "Ostrelo Liberation Front", "Health Ministry": an organisation
        words.append(w)
    while words and words[-1].lower() in ("of", "de", "al", "el", "la", "upon", "on"):
        words.pop()
    if not any(w[:1].isupper() for w in words) or words == [words[0][:1]]:
        return None
    return " ".join(words)


# Literal words every PART_OF_RE / SUFFIXED_RE match contains: where a range has none,
# the (slow to scan) pattern cannot match there and is not tried.
_PART_OF_HINT = fast(r"of(?<=\sof)\s+(?:the\s+)?(?:[A-Z]|north|south|east|west|central)")  # at the "of"
LANDMARK_WORDS = _LANDMARK_WORDS = frozenset(
    "cathedral church mosque temple synagogue shrine hospital airport stadium bridge dam prison jail "
    "refinery mine plant factory market hotel university school palace square detention camp fire Fire "
    "blaze Hospital medical Medical clinic Clinic morgue Morgue".split()
)
_LANDMARK_HINT = fast(r"(?<=[\w'\u2019-]\s)(?:" + "|".join(sorted(_LANDMARK_WORDS)) + r")\b")
_SUFFIX_HINT = fast(
    trie("district province region valley county governorate oblast prefecture".split())
)


Hints = tuple[list[int], list[int], list[int] | None, list[int], list[int] | None]


def hints(text: str, tokenized: tuple[list[int], list[str]] | None = None) -> Hints:
    """Offsets of the PART_OF_RE, SUFFIXED_RE and LANDMARK_RE hints in the whole text, and (from
    the article's tokens, when given) of the prepositions LOCATIVE_RE starts with and the verbs
    SITE_OBJECT_RE / STRUCK_RE start with (for `locatives`)."""
    if tokenized is None:
        return ([m.start() for m in _PART_OF_HINT.finditer(text)],
                [m.start() for m in _SUFFIX_HINT.finditer(text)], None,
                [m.start() for m in _LANDMARK_HINT.finditer(text)], None)
    starts, words = tokenized
    # a SUFFIXED_RE / LANDMARK_RE match ends in one of these words as a whole token; the three
    # sets are rare words, picked out in one pass over the tokens
    rare = list(map(_RARE_WORDS.__contains__, words))
    suffixes: list[int] = []
    landmarks: list[int] = []
    verbs: list[int] = []
    lists = {"s": suffixes, "l": landmarks, "v": verbs}
    for at, word in zip(compress(starts, rare), compress(words, rare), strict=True):
        lists[_RARE_WORDS[word]].append(at)
    preps = list(compress(starts, map(_PREP_WORDS.__contains__, words)))
    return [m.start() for m in _PART_OF_HINT.finditer(text)], suffixes, preps, landmarks, verbs


# the words SITE_OBJECT_RE and STRUCK_RE start with
_VERB_WORDS = frozenset(
    "rebuild rebuilding restore restoring reconstruct reconstructing repair repairing ravaged gutted "
    "engulfed hit struck battered lashed pounded swept assault attack attacks offensive advance march push "
    "raid raids strike strikes".split()
)


def _verb_matches(pattern: re.Pattern[str], text: str, start: int, end: int, verbs: list[int] | None):
    """pattern.finditer(text, start, end), tried only at the verbs found among the tokens."""
    if verbs is None:
        yield from pattern.finditer(text, start, end)
        return
    for i in range(bisect_left(verbs, start), len(verbs)):
        if verbs[i] >= end:
            break
        m = pattern.match(text, verbs[i], end)
        if m is not None:
            yield m


_SUFFIX_WORDS = frozenset(
    "district districts province region valley county governorate oblast prefecture".split()
)
_RARE_WORDS = {**dict.fromkeys(_VERB_WORDS, "v"), **dict.fromkeys(_LANDMARK_WORDS, "l"),
               **dict.fromkeys(_SUFFIX_WORDS, "s")}


_PREP_WORDS = frozenset(
    "in at near across from around outside inside into toward towards throughout of for over capital "
    "city".split() + _OPENING_PREPS
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


_NAME_BEFORE_SITE = fast(r"(?P<place>(?:[A-Z][\w'\u2019-]*\s+){0,3}[A-Z][\w'\u2019-]*)\s+$")


def _landmarks(text: str, start: int, end: int, positions: list[int] | None):
    """LANDMARK_RE.finditer(text, start, end), read back from each site word found among the
    article's tokens (a name right before "cathedral", "hospital" ...) when those are known."""
    if positions is None:
        yield from LANDMARK_RE.finditer(text, start, end)
        return
    for i in range(bisect_left(positions, start), len(positions)):
        at = positions[i]
        if at >= end:
            break
        m = _NAME_BEFORE_SITE.search(text, max(start, at - 90), at)
        if m is not None and LANDMARK_RE.match(text, m.start(), end):
            yield m


def _any_in(positions: list[int] | None, start: int, end: int) -> bool:
    if positions is None:
        return True
    i = bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


def _site_name(raw: str) -> str:
    """"The Camp", "Velmar's Saint Aubin": a site's name without an article or an owner city."""
    return rx(_SITE_OWNER).sub("", raw)


_SITE_OWNER = (rf"^(?:The\s+|[{UP}][\w-]*(?:'s?|\u2019s?)\s+)+(?=[{UP}])")
_SITE_WORD = (r"\s+([A-Z][a-z]+)\b")


_CARE_NAME = (r"^[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3}\s+"
              r"(?:Hospital|Medical\s+Cent(?:re|er)|Clinic)$")
SITE = -1  # the rank of a named site or event ("the Esk cathedral", "the Camp Fire"): the most specific


def locatives(
    text: str, start: int, end: int,
    hint: Hints | None = None
) -> list[tuple[int, str, int]]:
    """(offset, name, rank) of places named in text[start:end]; rank 0 is the most reliable.

    `hint` (from `hints(text)`) lets a range skip the patterns that cannot match in it."""
    out: list[tuple[int, str, int]] = []
    part_pos, suffix_pos, prep_pos, landmark_pos, verbs = hint if hint is not None else (None,) * 5
    for m in PART_OF_RE.finditer(text, start, end) if _any_in(part_pos, start, end) else ():
        name = clean_place(m.group("place"))
        if name:
            out.append((m.start(), name, 0))
    for m in _landmarks(text, start, end, landmark_pos):
        # "Velmar's Saint Aubin cathedral": the city owning a site is not part of its name
        raw = _site_name(m.group("place"))
        at = m.end("place") - len(raw)
        site = rx(_SITE_WORD).match(text, m.end("place"), end)
        if site:
            raw = f"{raw} {site[1]}"  # "the Camp Fire", "Saint Aubin Cathedral": the site word is in the name
        # ("Orsk General Hospital", "Liaquat National Hospital": a hospital's name keeps its words)
        name = clean_place(raw) or (raw if rx(_CARE_NAME).search(raw) else None)
        if name and name.strip() not in COUNTRY_OF:
            out.append((at, name, SITE))
    if _any_in(verbs, start, end):
        for m in _verb_matches(rx(SITE_OBJECT_RE), text, start, end, verbs):
            raw = _site_name(m.group("place"))
            name = clean_place(raw)
            if name and name not in COUNTRY_OF and name not in COUNTRY_OF.values():
                out.append((m.end("place") - len(raw), name, SITE))
        for m in _verb_matches(rx(STRUCK_RE), text, start, end, verbs):
            name = clean_place(m.group("place"))
            if name and name not in COUNTRY_OF:
                out.append((m.start("place"), name, 1))
    for m in SUFFIXED_RE.finditer(text, start, end) if _any_in(suffix_pos, start, end) else ():
        name = clean_place(m.group("place"))
        if name and not _DEMONYM.match(m.group("place")):
            words = name.split()
            while len(words) > 2 and words[0].lower() in NOT_PLACE:
                words = words[1:]
            out.append((m.start(), name, 0))
    for m in _locative_matches(text, start, end, prep_pos):
        if m.group("prep")[0].isupper() and text[start : m.start()].strip(" \"'\u201c\u2018"):
            continue  # "Death Toll In Mexico Quake Rises": a title-case headline, not a sentence's opening
        raw = m.group("place")
        # "International Organization for Migration": a capitalised word before the
        # preposition means we are inside a multi-word name, not a location phrase.
        before = text[max(start, m.start() - 30) : m.start()].rstrip()
        prev = before.split()[-1] if before.split() else ""
        if prev[:1].isupper() and m.group("prep") in ("of", "for") and not prev.endswith(","):
            continue
        # "the Health Ministry in Sarvana said": where the source sits, not what the figure is about
        if prev.lower() in NOT_PLACE and prev[:1].isupper():
            continue
        # "the Libyan capital", "Tavrenian city": a demonym followed by a common noun;
        # "from French tycoons": a country's adjective is never itself the place
        adjective = raw.strip() in COUNTRY_OF
        if adjective or _DEMONYM.match(raw) or (" " not in raw.strip() and _ADJ_NOUN.match(raw)
                                   and rx(r" [a-z]").match(text[m.end("place") : m.end("place") + 2])):
            continue
        name = clean_place(raw)
        if name and name.rsplit(None, 1)[-1].lower() in ROAD_WORDS:
            # "near Route 9", "on Highway 401": the number is part of a road's name
            num = _ROAD_NUMBER.match(text, m.end("place"), end)
            if num:
                name = f"{name} {num[1]}"
        if name:
            rank = 0 if m.group("prep").lower() in STRONG_PREPS else 1
            out.append((m.start("place"), name, rank))
    return out


ROAD_WORDS = frozenset(("route", "highway", "interstate", "motorway", "road", "autobahn", "freeway"))
_ROAD_NUMBER = fast(r"\s+(\d{1,4}[A-Z]?)\b")
