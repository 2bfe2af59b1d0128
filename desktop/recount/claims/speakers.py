"""Mention pass: the people, bodies and groups a phrase names, before any coreference.

Splits "Kremlin spokesman Dmitry Peskov" into a name and a role, tells people from
organisations and from groups ("residents", "diplomats"), and finds the people a report
introduces in passing ("Halina Brosk, a survivor, ..."). Who "the ministry" or "he" is
comes later, in the relation pass (coreference.py). Word lists, not a model: news English
names its sources in a small number of ways, and this keeps the engine fast and predictable.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from recount.claims.cues import REPORT_NOUNS
from recount.claims.retrie import fast, rx, trie
from recount.claims.speaker_groups import COUNT_LEAD, GROUP_NOUNS, PLURAL_PEOPLE

Kind = Literal["person", "org", "group", "pronoun", "other"]

PRONOUNS = {"he": "m", "she": "f", "they": "", "it": ""}
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
TITLES = frozenset("dr dr. mr mr. mrs mrs. ms ms. prof prof. professor sir dame alhaji".split())
# Words that make a phrase a role ("Defence Ministry spokesman Colonel ...").
ROLE_WORDS = frozenset(
    """spokesman spokeswoman spokesperson minister secretary president vice prime premier chancellor
    governor mayor chief head commander leader director envoy ambassador representative general
    colonel major captain lieutenant sergeant admiral marshal brigadier officer official chairman
    chairwoman chair senator deputy lawmaker legislator mp king queen prince emir sheikh judge
    prosecutor inspector superintendent coordinator mediator adviser advisor analyst economist
    researcher professor doctor nurse surgeon resident farmer teacher schoolteacher survivor witness
    coordinator founder ceo manager editor correspondent activist member speaker rapporteur
    commissioner administrator superintendent pastor bishop imam rabbi cardinal pope master engineer
    historian scientist expert spokesperson captain pilot driver worker volunteer paramedic medic
    firefighter officer student mother father lawyer attorney diplomat source witness villager
    shopkeeper owner fisherman economist journalist reporter observer monitor official
    protester protestor demonstrator organiser organizer refugee passenger bystander patient mourner
    trader vendor commuter neighbour neighbor rescuer sheriff coroner executive chairperson politician
    businessman businesswoman billionaire tycoon magnate heir president-elect vp fm juror defendant
    plaintiff detective deputy-sheriff trooper ranger warden
    gov sen rep gen col lt sgt capt maj adm pres atty supt insp cmdr amb""".split()
)
# Words that make a capitalised phrase the name of a body, not a person.
ORG_HEADS = frozenset(
    """ministry agency organization organisation office programme program nations union council family
    committee front army cross crescent bank fund service institute bureau government police forces
    commission court department authority authorities party movement coalition alliance network
    federation association society center centre corporation company group press times news
    reuters ap afp dpa bbc cabinet parliament assembly senate congress navy command corps
    administration embassy mission secretariat tribunal board trust foundation watch unit brigade
    battalion militia guard guards observatory monitor monitors institute university hospital
    presidency kremlin pentagon ministry's house palace hall secretariat holding holdings firm
    group""".split()
)
# "Cosmetics company L'Oreal", "energy major Total": a descriptor before a company's name.
COMPANY_NOUNS = frozenset(
    """company firm group giant maker manufacturer producer retailer advertiser bank lender insurer
    carrier airline conglomerate major operator developer broadcaster publisher brand house label
    chain supplier holding consultancy broker brokerage miner carmaker automaker""".split()
)
# "Brava Foods SA", "Acme Holdings Ltd": legal suffixes are not part of how a report names it.
_COMPANY_SUFFIX = fast(r"\s+(?:SA|S\.A\.|Inc\.?|Ltd\.?|plc|PLC|AG|NV|SE|Corp\.?|Co\.|LLC)$")
_SUMS = frozenset("funds money donations pledges contributions sums payments aid grants".split())
_BODY_OF_LEADER = fast(r"^(government|administration|office|cabinet|camp)\s+of\s+(President|Prime\s+Minister|"
                           r"Premier|Chancellor|King|Queen|Governor|Mayor)\s+(.+)$")
_KIND_THEN_NAME = fast(r"^(?:[\w-]+\s+){0,2}?(?:" + trie(COMPANY_NOUNS | {"agency", "tank", "charity"})
                          + r")\s+((?:[A-Z][\w&'-]*\s+){0,3}[A-Z][\w&'-]*)$")
COMMON_NOUNS = ROLE_WORDS | ORG_HEADS | GROUP_NOUNS
FUNCTION_WORDS = frozenset(
    """the a an this that these those its his her their our your my of for from at in on by with to
    and or but as while when after before since because if than which who whom whose what where
    there here it he she they we you i is are was were be been being has have had will would could
    can may might should must did do does not no also despite amid during following although though
    under over about against among between into through without within across along around behind
    beyond near toward towards upon meanwhile however asked""".split()
)
KNOWN_BODIES = {
    "un": "United Nations",
    "eu": "European Union",
    "who": "World Health Organization",
    "iom": "International Organization for Migration",
    "wfp": "World Food Programme",
    "icrc": "International Committee of the Red Cross",
    "unicef": "UNICEF",
    "unhcr": "UNHCR",
    "ocha": "UN Office for the Coordination of Humanitarian Affairs",
    "nato": "NATO",
    "imf": "International Monetary Fund",
}
_PREPOSITIONS = frozenset("of for from at in by with to on".split())
_POSSESSOR_SAYS = fast(
    r"^([A-Z][\w-]+(?: [A-Z][\w-]+){0,2})(?:'s|\u2019s) (?:statement|office|spokesman|spokeswoman|"
    r"spokesperson|letter|message|post|website|account|aides?)$"
)
_BODY_IN_PLACE = fast(
    r"^(.+?\b(?:Ministry|Agency|Office|Council|Government|government|ministry))\s+in\s+[A-Z][\w-]+$"
)
# "a revised report by the ministry", "estimates from the consultancy Verisk", "results announced
# by the counting body on Thursday": the report's author
_REPORT_BY = fast(
    r"^(?:(?:[a-z]+|[A-Z][a-z]+day(?:'s|\u2019s))\s+){0,2}(?:" + trie(REPORT_NOUNS | {"results"})
    + r")\s+(?:(?:announced|released|published|issued|compiled|posted)\s+)?(?:by|from|of)\s+(.+?)"
    r"(?:\s+(?:on|late\s+on|early\s+on)\s+[A-Z][a-z]+day|\s+(?:yesterday|today|last\s+week))?$"
)
_PLACE_BODY = fast(
    r"^(?:city|region|province|state|county|municipality|town)\s+of\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?$"
)
_OUTLET_PERSON = fast(
    r"^((?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*)(?:'s|\u2019s)\s+((?:[A-Z][\w'-]+\s+){1,2}[A-Z][\w'-]+)$"
)
_ACRONYM = fast(r"^(?:[A-Z]{2,8}|(?:[A-Z]\.){2,5})$")
_CAP = fast(r"^(?:[A-Z\u00c0-\u00de]|(?:al|el|bin|ibn|ben|abu)-[A-Z])[\w'\u2019.-]*$")
# Lowercase particles inside personal names: "Staffan de Mistura", "Ursula von der Leyen".
NAME_PARTICLES = frozenset(
    "de da di do du del della van von der den ter la le bin ibn al el ben abu dos das".split()
)


@dataclass(slots=True)
class Mention:
    """A speaker phrase after analysis: what kind of speaker, its name and role."""

    kind: Kind
    name: str
    role: str | None = None
    text: str = ""


def is_capitalised(word: str) -> bool:
    return bool(_CAP.match(word))


def _is_role(word: str) -> bool:
    """ "spokesman", "Secretary-General", "Vice-President": a role word, hyphenated or not."""
    plain = plain_word(word)
    return plain in ROLE_WORDS or any(part in ROLE_WORDS for part in plain.split("-"))


def plain_word(word: str) -> str:
    low = word.lower().strip(".,'\u2019").removesuffix("'s").removesuffix("\u2019s")
    return low.replace("co-", "co", 1) if low.startswith("co-") else low


_DETERMINER = fast(r"^(?:the|a|an)\s+", re.I)


def strip_determiner(phrase: str) -> str:
    return _DETERMINER.sub("", phrase.strip())


def _drop_possessive_country(phrase: str) -> tuple[str, str | None]:
    """ "Velmora's Finance Ministry" -> ("Finance Ministry", "Velmora's"): the body, and its owner."""
    m = rx(r"^([A-Z][\w-]+(?:'s|\u2019s))\s+(?=\S)(.+)$").match(phrase)
    if m and plain_word(m[2].split()[-1]) in ORG_HEADS and is_capitalised(m[2].split()[-1]):
        return m[2], m[1]
    return phrase, None


# the names of days and months (as dates.py reads them: Python's calendar, English)
_DAYS = "|".join(calendar.day_name)
_MONTH_NAMES = "|".join(calendar.month_name[1:])
_TIME_TAIL = rx(r"\s+(?:overnight|yesterday|today|tonight|earlier|later|again|also|now|then|late|early|"
                rf"(?<!\b[A-Z]\.\s)(?:on\s+)?(?-i:{_DAYS})|"
                rf"on\s+(?-i:{_MONTH_NAMES})\s+\d{{1,2}}(?:st|nd|rd|th)?)$",
                re.IGNORECASE)
# a day where a speaker would stand ("Health Minister Rao on June 3, Monday, told"): when, not who
_ONLY_A_DAY = rx(rf"^(?:on\s+)?(?:(?:{_DAYS})(?:\s+(?:morning|afternoon|evening|night))?|"
                 rf"(?:{_MONTH_NAMES})(?:\s+\d{{1,2}})?)$")


def analyse(phrase: str) -> Mention | None:
    """Classify a speaker phrase; None when it cannot be a speaker (a clause, a bare verb...).

    Cached: articles repeat their speakers, and callers may change the copy they get."""
    found = _analyse(phrase)
    # a copy (callers may change it); the constructor is ~5x cheaper than dataclasses.replace
    return Mention(found.kind, found.name, found.role, found.text) if found is not None else None


@lru_cache(maxsize=4096)
def _analyse(phrase: str) -> Mention | None:
    raw = phrase.strip(" ,;:-\u2013\u2014")
    raw = rx(r"\s+\([^)]{1,60}\)$").sub("", raw)  # "(OCHA)" after a body's name
    raw = _COMPANY_SUFFIX.sub("", raw)
    raw = _TIME_TAIL.sub("", raw)  # "the government overnight announced": when, not who
    if not raw or raw[0].isdigit() or _ONLY_A_DAY.match(raw):
        return None  # "300 homes officials": the tail of a number, never a speaker
    counted = COUNT_LEAD.match(raw)
    if counted:  # "Five former employees", "Some residents": the group, however many spoke
        rest = raw[counted.end():]
        inner = _analyse(rest) if rest else None
        if inner is None and PLURAL_PEOPLE.match(rest):
            return Mention("group", rest, None, rest)  # "Four former nurses": any plural of people
        return inner if inner is not None and inner.kind == "group" else None
    words = raw.split()
    low = raw.lower()
    low = _OBJECT_PRONOUNS.get(low, low)  # "according to him"
    if low in PRONOUNS:
        return Mention("pronoun", low, text=raw)
    if len(words) > 14:
        return None
    body = strip_determiner(raw)
    words = body.split()
    if not words:
        return None
    while words and plain_word(words[0]) in TITLES:
        words = words[1:]
    if not words:
        return None
    body = " ".join(words)
    if plain_word(words[-1]) in _SUMS:
        return None  # "Funds pledged to repair the abbey have reached …": money does not speak
    # "the government of President Lena Varga": her government speaks, not she
    m = _BODY_OF_LEADER.match(body)
    if m and all(_CAP.match(w) or w in NAME_PARTICLES for w in m[3].split()):
        return Mention("org", f"{m[3]}'s {m[1]}", None, raw)
    # "the consultancy Verisk", "the US carmaker Harbison": the name a kind of body precedes
    m = _KIND_THEN_NAME.match(body)
    if m:
        return Mention("org", m[1], None, raw)
    plain = [plain_word(w) for w in words]
    if len(plain) == 2 and plain[0] in ("its", "his", "her", "their") and (
        plain[1] in ORG_HEADS or plain[1] in GROUP_NOUNS
    ):
        return Mention("group", plain[1], None, raw)  # "her ministry", "its spokesman"
    if (plain[0] in FUNCTION_WORDS and not _ACRONYM.match(words[0])) or (
        plain[-1] in FUNCTION_WORDS and not _ACRONYM.match(words[-1])
    ):
        return None
    # "The UN, United States, European Union, and Russia": several speakers at once.
    if "," in body and rx(r",? and [A-Z]").search(body):
        parts = [strip_determiner(p) for p in rx(r",\s*(?:and\s+)?|\s+and\s+").split(body) if p.strip()]
        if len(parts) > 1 and all(is_capitalised(p.split()[0]) and len(p.split()) <= 4 for p in parts):
            return Mention("org", body, None, raw)
    # "Residents reached by telephone": the head noun, without a participle clause after it.
    m = rx(r"^((?:[A-Z][\w-]*\s+){0,2}[A-Za-z]+) (?:reached|contacted|interviewed|speaking|living|quoted|"
           r"cited|visiting|working|based)\b").match(body)
    if m and plain_word(m[1].split()[-1]) in GROUP_NOUNS:
        return Mention("group", m[1] if m[1][:1].isupper() and " " in m[1] else m[1].lower(), None, raw)
    # "an accusation the Defence Ministry": a determiner inside means two phrases, not a name.
    for i in range(1, len(plain)):
        if plain[i] in ("the", "a", "an") and plain[i - 1] not in _PREPOSITIONS:
            return None
    # "Harbour Radio's Lena Marsh": a reporter of an outlet, named after it.
    m = _OUTLET_PERSON.match(body)
    if m and not any(plain_word(w) in COMMON_NOUNS for w in m[2].split()):
        return Mention("person", m[2], m[1], raw)
    # "the self-styled Kessan National Army", "the Vell Relief aid organization": the name.
    m = rx(r"^(?:(?:self-styled|so-called|[a-z]+-based|influential|powerful)\s+)?"
           r"((?:[A-Z][\w'-]+\s+){1,5}[A-Z][\w'-]+)(?:\s+(?:aid|rights|relief|humanitarian|militant|"
           r"charity|opposition)\s+(?:organi[sz]ation|group|agency|society))?$").match(body)
    if m and m[1] != body and plain_word(m[1].split()[-1]) in ORG_HEADS:
        return _analyse(m[1])
    # "the city of Paris", "the region of Kessa": a local government named after its place.
    m = _PLACE_BODY.match(body)
    if m:
        return Mention("org", body, None, raw)
    # "a corrected report by the Transport Ministry", "a statement from the agency": the body's words.
    m = _REPORT_BY.match(body)
    if m:
        return _analyse(m[1])
    # "the UN humanitarian coordinator in Kessaria": a role, with the place it serves.
    m = rx(r"^(.+?)\s+(?:in|for|to|at)\s+(?:the\s+)?(?:[A-Z][\w'\u2019-]+|country|region|city|territory|"
           r"island|province)$").match(body)
    if m and _is_role(m[1].split()[-1]) and not is_capitalised(m[1].split()[-1]):
        return Mention("group", body, None, raw)
    # "Velmora's director general for prisons": a role and the domain it serves
    m = rx(r"^(.+?)\s+(?:for|of)\s+(?:the\s+)?[a-z][a-z-]+(?:\s+[a-z][a-z-]+){0,3}$").match(body)
    if m and _is_role(m[1].split()[-1]):
        return Mention("group", body, None, raw)
    # "Pompeo's statement said": the words are the possessor's.
    m = _POSSESSOR_SAYS.match(body)
    if m:
        return analyse(m[1]) or Mention("other", m[1], None, raw)
    # "Mila Hartung of the Social Union party": a person, with an affiliation.
    m = rx(r"^((?:[A-Z][\w'-]+ ){1,2}[A-Z][\w'-]+) (?:of|from) (?:the )?(.+)$").match(body)
    if m and not any(plain_word(w) in ORG_HEADS or plain_word(w) in ROLE_WORDS for w in m[1].split()):
        return Mention("person", m[1], m[2], raw)
    # "Chief Executive Dara Voss of the shipping group Halvard": role, name, then the affiliation.
    m = rx(r"^(.+?\b[A-Z][\w'-]+) (?:of|from|at) ((?:the )?(?:[a-z]+ ){0,3}[A-Z].*)$").match(body)
    if m and any(_is_role(w) for w in m[1].split()[:-1]):
        inner = _analyse(m[1])
        if inner is not None and inner.kind == "person" and inner.role:
            return Mention("person", inner.name, inner.role, raw)
    # A role followed by a name: "U.S. Secretary of State Mike Pompeo", "Agency chief Emil Stavos".
    run = 0
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        particle = w in NAME_PARTICLES and run > 0 and i > 0 and is_capitalised(words[i - 1])
        if particle or (
            is_capitalised(w) and not _is_role(w) and plain_word(w) not in ORG_HEADS and w != "State"
        ):
            run += 1
        else:
            break
    if 0 < run < len(words) and run <= 4 and plain[len(words) - run - 1] in _PREPOSITIONS:
        run = 0  # "the UN envoy to Kessaria": a place after a preposition, not the envoy's name
    if 0 < run < len(words) - 1 and plain[len(words) - run - 1] in ("and", "&") and any(
            p in _PREPOSITIONS for p in plain[: len(words) - run - 1]):
        # "Director of Programmes and Accountability": the role's object goes on; "Minister of
        # Health and Social Affairs Jon Lund": a name, two words, ends it
        run = 2 if run >= 3 else 0
    titled = 0
    while run > 1 and plain_word(words[len(words) - run]) in TITLES:
        run -= 1  # "former vice president Alhaji Musa Danjuma": the title is no part of the name
        titled += 1
    if 0 < run < len(words) - titled and run <= 4:
        role = " ".join(words[: len(words) - run - titled])
        prefix = role.split()
        if plain[len(words) - run - 1] in COMPANY_NOUNS and not any(_is_role(w) for w in prefix):
            return Mention("org", " ".join(words[-run:]), None, raw)  # "French advertiser JCDecaux"
        if any(_is_role(w) for w in prefix) or (
            run >= 2 and all(w.islower() and plain_word(w) not in FUNCTION_WORDS for w in prefix)
        ):
            return Mention("person", " ".join(words[-run:]), role, raw)
    m = _BODY_IN_PLACE.match(body)
    if m:  # "the Health Ministry in Sarvana": the body, not its seat
        body = m[1]
        words = body.split()
        plain = [plain_word(w) for w in words]
    head = plain[-1]
    if head in ORG_HEADS or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1):
        name, owner = _drop_possessive_country(body)
        name = rx(r"\s+in\s+[A-Z][\w-]+$").sub("", name)  # "the Health Ministry in Sarvana"
        return Mention("org", name, f"{owner} {name}" if owner else None, raw)
    if _is_role(words[-1]) and head not in ORG_HEADS:
        return Mention("group", body, None, raw)  # "Colombo police spokesman": a role, not a body
    if any(p in ORG_HEADS for p in plain) and is_capitalised(words[0]):
        return Mention("org", body, None, raw)
    inner = range(1, len(words) - 1)
    if all(is_capitalised(w) or (w in NAME_PARTICLES and i in inner) for i, w in enumerate(words)):
        if len(words) == 1:
            return Mention("other", body, None, raw)
        if 2 <= len(words) <= 4:
            return Mention("person", body, None, raw)
        return Mention("other", body, None, raw)
    if head in GROUP_NOUNS or head in ROLE_WORDS or any(p in GROUP_NOUNS for p in plain):
        return Mention("group", body, None, raw)
    if head in ("county", "city", "state", "province", "municipality", "district") and len(words) == 1 and (
            raw.lower().startswith("the ")):
        return Mention("group", body, None, raw)  # "the county said in a statement": its government
    if head == "body" and len(words) <= 3:
        return Mention("group", body, None, raw)  # "the UN body": resolved to the body later
    if head in ("statement", "report", "bulletin", "spokesman", "spokeswoman") and (
            "'" in body or (len(words) == 1 and raw.lower().startswith(("the ", "its ", "their ")))):
        return Mention("group", body, None, raw)  # "the report added": the body whose report it is
    return None


def word_starts(text: str, word: str) -> Iterator[int]:
    """Where `word` (starting and ending with a word character) stands in `text` as a whole
    word, as `re.finditer(rf"\b{word}\b", text)` finds it, by `str.find`."""
    i = text.find(word)
    while i >= 0:
        end = i + len(word)
        if (i == 0 or not _word_char(text[i - 1])) and (end == len(text) or not _word_char(text[end])):
            yield i
            i = text.find(word, end)
        else:
            i = text.find(word, i + 1)


def word_count(text: str, word: str) -> int:
    """How often `word` stands in `text` as a whole word."""
    return sum(1 for _ in word_starts(text, word))


def has_word(text: str, word: str) -> bool:
    """Whether `word` stands in `text` as a whole word (`re.search(rf"\b{word}\b", text)`)."""
    return next(word_starts(text, word), None) is not None


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def role_like(phrase: str) -> bool:
    words = [w.lower().strip(",.").removesuffix("'s").removesuffix("’s") for w in phrase.split()]
    roleish = any(w in ROLE_WORDS or w in ORG_HEADS or w in ("group", "member") for w in words)
    # "Stumbled upon at Union Station, juror X": a fronted participle clause is no role
    verbal = bool(words) and words[0].endswith(("ed", "ing")) and words[0] not in ROLE_WORDS
    return roleish and not verbal and len(words) <= 12


