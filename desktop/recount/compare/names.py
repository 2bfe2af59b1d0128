"""Do two names denote the same speaker, source or place?

Reports spell the same person several ways (Haftar / Hifter, Kharadin / Kharadine,
Tolland / Toland, Stravos / Stavos) and shorten names ("Drask" for "Ilena Drask", "the
agency" for "Civil Protection Agency"). Matching is deliberately forgiving on spelling and
strict on meaning: a surname must agree (by spelling, by its consonant skeleton, or by
rapidfuzz ratio), and a first name, when both give one, must not contradict it.
The library's alias table (variant -> canonical) is applied first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

from rapidfuzz import fuzz

# Titles and roles that precede names; dropped before comparing.
_TITLES = frozenset(
    "mr mrs ms dr prof president prime minister foreign interior defence defense finance health "
    "secretary general governor mayor spokesman spokeswoman spokesperson chief commander gen "
    "general col colonel lt sir lord king queen envoy ambassador senator deputy agency head "
    "official director".split()
)
TITLES = _TITLES  # (public: a credit made only of titles names no body, compare/credits.py)
_STOP = frozenset("the of for and in on de al el la le".split())
# Words that name a kind of body, not which one: "the ministry" is not "Health Ministry".
GENERIC = frozenset(
    "ministry agency government officials official police army authorities authority office "
    "department service council city district province region town village spokesman "
    "spokeswoman spokesperson military forces force rebels group organisation organization".split()
)
# Words of a place name that say which part of it, so "southern Tripoli" lies within "Tripoli".
_PLACE_PARTS = frozenset(
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest northeastern northwestern southeastern southwestern outskirts "
    "suburbs suburb centre center city old quarter district province region area areas "
    "greater downtown capital of the and valley".split()
)
# Of those, the words that make a smaller area of the place ("southern Tripoli").
_SUBAREA = frozenset(
    "north south east west northern southern eastern western central northeast northwest southeast "
    "southwest northeastern northwestern southeastern southwestern outskirts suburbs suburb old quarter "
    "downtown centre center".split()
)
SURNAME_RATIO = 85.0
# Words that make a speaker a body rather than a person ("World Health Organization", "UN Office
# for the Coordination of Humanitarian Affairs", "the Red Crescent").
_BODY_WORDS = GENERIC | frozenset(
    "organization organisation office nations ministry committee commission council cross crescent union "
    "bank fund programme program company corporation group party association institute foundation federation "
    "coalition assembly parliament congress court agency bureau unicef".split())
_ACRONYM = re.compile(r"\b[A-Z]{3,}\b")
_JOINED = re.compile(r"\s+(?:and|&)\s+|,\s*")


@lru_cache(maxsize=16384)
def role_only(name: str | None) -> bool:
    """A role named with at most its country or town, no one's name: "Varnia Prime Minister",
    "the prime minister of Varnia", "the Kessel mayor". Any holder of the role may be meant."""
    words = [w for w in re.findall(r"[\w'\u2019-]+", name or "") if w.lower() not in ("the", "a", "an")]
    at = [i for i, w in enumerate(words) if w.lower() in _TITLES]
    if not at:
        return False
    before, after = words[: at[0]], words[at[-1] + 1 :]
    if after[:1] and after[0].lower() == "of":
        after = after[2:]  # "the prime minister of Varnia"
    between = [w for w in words[at[0] : at[-1] + 1] if w.lower() not in _TITLES]
    return len(before) <= 1 and not after and not between


def unnamed(name: str | None) -> bool:
    """A speaker told by what they are, not who ("family attorneys", "the victims' relatives",
    "officials"): the person another report names may be one of them."""
    words = re.findall(r"[\w\u2019'-]+", name or "")
    # (plural: "the army", "the ministry" are one body the story knows; "the unions" are several)
    return bool(words) and all(w[:1].islower() for w in words) and words[-1].endswith("s") \
        and not words[-1].endswith("ss")


def is_body(name: str | None) -> bool:
    """The speaker is an organisation (a word of a body's name, or an acronym: "WHO", "OCHA"),
    not a person."""
    if not name:
        return False
    return bool(_ACRONYM.search(name)) or any(w in _BODY_WORDS for w in words_of(name))


def fold(text: str | None) -> str:
    """Case, accents, possessives, dots and punctuation folded; whitespace collapsed."""
    if not text:
        return ""
    return _fold(text) if len(text) < 200 else _fold.__wrapped__(text)


@lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    s = unicodedata.normalize("NFKD", text)
    if not s.isascii():
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.casefold().replace("\u2019", "'")
    s = re.sub(r"'s\b", "", s)
    s = s.replace(".", "")
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^the ", "", s)


_FOLDED_ALIASES: dict[int, tuple[Mapping[str, str], dict[str, str]]] = {}


def apply_alias(name: str, aliases: Mapping[str, str] | None) -> str:
    if not aliases:
        return name
    cached = _FOLDED_ALIASES.get(id(aliases))
    if cached is None or cached[0] is not aliases:
        if len(_FOLDED_ALIASES) > 64:
            _FOLDED_ALIASES.clear()
        cached = (aliases, {fold(k): v for k, v in aliases.items()})
        _FOLDED_ALIASES[id(aliases)] = cached
    return cached[1].get(fold(name), name)


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """Consonants with doubled letters collapsed: Haftar/Hifter -> hftr, Tolland/Toland -> tlnd."""
    s = re.sub(r"[aeiouy]", "", word)
    return re.sub(r"(.)\1+", r"\1", s)


@lru_cache(maxsize=65536)
def words_of(name: str) -> tuple[str, ...]:
    return tuple(w for w in fold(name).split() if w not in _STOP)


def _initials(words: tuple[str, ...]) -> str:
    return "".join(w[0] for w in words)


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) >= 4 and len(b) >= 4:
        if skeleton(a) == skeleton(b) and len(skeleton(a)) >= 3:
            return True
        return fuzz.ratio(a, b) >= SURNAME_RATIO
    return False


@lru_cache(maxsize=65536)
def _names_match(a: str, b: str) -> bool:
    wa, wb = words_of(a), words_of(b)
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    # Acronyms: "WHO" = "World Health Organization", "OCHA" vs its long form.
    if len(wa) == 1 and len(wb) > 1 and wa[0] == _initials(wb):
        return True
    if len(wb) == 1 and len(wa) > 1 and wb[0] == _initials(wa):
        return True
    na = [w for w in wa if w not in _TITLES]
    nb = [w for w in wb if w not in _TITLES]
    # A person: the surnames agree, and first names (when both have one) do not contradict.
    if na and nb and _same_word(na[-1], nb[-1]) and not (set(na[-1:]) <= GENERIC):
        fa, fb = na[:-1], nb[:-1]
        if not fa or not fb:
            return True
        ga, gb = _given(a), _given(b)
        if len(ga) > 1 and len(gb) > 1 and ga != gb and (" " in ga or " " in gb):
            return False  # "Jean-Marc Tolland" is not "Jean Tolland": a compound given name is its own
        return fa[0][0] == fb[0][0]  # Yusuf / Youssef, M. / Mohammed; not Anna / Peter
    # A body: every distinctive word of the shorter name is in the longer one
    # ("Health Ministry" = "the Ministry of Health"), but a bare generic word is not enough.
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if set(short) <= GENERIC:
        return False
    return all(any(_same_word(w, x) for x in long_) for w in short)


def _given(name: str) -> str:
    """The given name of a person's name as written ("jean marc" for "Dr Jean-Marc Tolland"),
    "" when there is none (one word)."""
    words = [w for w in name.split() if fold(w) and fold(w) not in _TITLES]
    return fold(words[0]) if len(words) >= 2 else ""


def same_family(a: str | None, b: str | None) -> bool:
    """Two people of one surname, not one person ("Marie Tolland" / "Jean-Marc Tolland"): a
    gift or a statement credited to one in a report and to the other in another."""
    if not a or not b or is_body(a) or is_body(b):
        return False
    people_a, people_b = _JOINED.split(a), _JOINED.split(b)  # "Jean Tolland and Marie Tolland"
    if any(names_match(x, y) for x in people_a for y in people_b):
        return False  # one of them is credited on both sides
    for x in people_a:
        for y in people_b:
            wa = [w for w in words_of(x) if w not in _TITLES]
            wb = [w for w in words_of(y) if w not in _TITLES]
            if len(wa) >= 2 and len(wb) >= 2 and _same_word(wa[-1], wb[-1]):
                return True
    return False


def names_match(a: str | None, b: str | None, aliases: Mapping[str, str] | None = None) -> bool:
    """Whether two speaker/source names denote the same person or body."""
    if not a or not b:
        return False
    a, b = apply_alias(a, aliases), apply_alias(b, aliases)
    return _names_match(a, b)


def name_similarity(a: str | None, b: str | None, aliases: Mapping[str, str] | None = None) -> float:
    """1.0 for the same person or body, else a rapidfuzz similarity in [0, 0.8]."""
    if not a or not b:
        return 0.0
    if names_match(a, b, aliases):
        return 1.0
    return 0.8 * fuzz.token_set_ratio(fold(a), fold(b)) / 100.0


@lru_cache(maxsize=65536)
def _place_core(name: str) -> frozenset[str]:
    return frozenset(w for w in words_of(name) if w not in _PLACE_PARTS)


def place_relation(a: str | None, b: str | None, aliases: Mapping[str, str] | None = None) -> str:
    """"same", "within" (one place names a part of the other) or "different"; "unknown" if either is None.

    "southern Tripoli" lies within "Tripoli"; "Old Quarter and eastern suburbs of Ostrelo"
    within "Ostrelo"; "Kessel province" is the same as "Kessel".
    """
    if not a or not b:
        return "unknown"
    a, b = apply_alias(a, aliases), apply_alias(b, aliases)
    if fold(a) == fold(b):
        return "same"
    ca, cb = _place_core(a), _place_core(b)
    if not ca or not cb:
        return "different"
    if ca == cb:
        parts = (set(words_of(a)) ^ set(words_of(b))) & _SUBAREA
        return "within" if parts else "same"
    a_in_b = all(any(_same_word(w, x) for x in cb) for w in ca)
    if a_in_b or all(any(_same_word(w, x) for x in ca) for w in cb):
        return "within"
    return "different"


def _place_pattern(name: str) -> str:
    """The name's core words in their order (a set would lose it: "Kemra Junction")."""
    return r"\s+".join(re.escape(w) for w in dict.fromkeys(words_of(name)) if w not in _PLACE_PARTS)


def _contains(whole: str, part: str, text: str) -> bool:
    w, p = _place_pattern(whole), _place_pattern(part)
    if not w or not p or w == p:
        return False
    low = text.casefold().replace("\u2019", "'")
    kinds = r"(?:city|town|port|village|province|region|district|county|state|island)"
    patterns = (
        rf"\b{w}\w*(?:'s)?\s+(?:[a-z-]+\s+){{0,3}}?{kinds}\s+of\s+{p}\b",  # "the Varnian city of Kelso"
        rf"\b{w}'s\s+(?:[a-z-]+\s+){{0,3}}?{p}\b",  # "Varnia's Kelso", "Varnia's northern Kelso"
        # "Kelso, Varnia", "Kelso, northern Varnia" (not a list: "Kelso, Varnia and Ostia")
        rf"(?<!,\s)\b{p},\s+(?:[a-z-]+\s+)?{w}\b(?!\s+(?:and|or|&)\s|,\s+[\w'-]+(?:\s+[\w'-]+)?,?\s+(?:and|or)\s)",
        # "Kelso in northern Varnia", "Kelso station in Ostia's Varnia"
        rf"\b{p}(?:\s+[a-z-]+)?\s+in\s+(?:[\w-]+'s\s+)?(?:[a-z-]+\s+){{0,2}}?{w}\b",
    )
    return any(re.search(pat, low) for pat in patterns)


def place_contains(whole: str | None, part: str | None, text: str | None) -> bool:
    """The report's own words put `part` inside `whole` ("the northern Varnian city of Kelso",
    "Varnia's Kelso", "Kelso, Varnia", "Kelso in northern Varnia"): there is no gazetteer, so a
    report must say it."""
    if not whole or not part or not text:
        return False
    return _contains(whole, part, text if len(text) < 20000 else text[:20000])
