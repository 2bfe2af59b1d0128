"""What a place mention near a figure is *not*: the figure's place (read by places.py).

A sub-location of the figure, a body's seat or country, a person, the speaker's seat, the
room where words were spoken, a donor, one item of a list of parts. Each test reads a few
words around the mention; none knows any place.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import compress

from recount.claims.countries import COUNTRIES, COUNTRY_OF
from recount.claims.cues import REPORTING_VERBS
from recount.claims.literals import might_match, needed_words
from recount.claims.locatives import NOT_PLACE
from recount.claims.retrie import fast, initials, rx, trie
from recount.claims.speakers import word_starts

ADJECTIVES = frozenset(COUNTRY_OF) - COUNTRIES  # "Libyan", never a place by itself

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


def in_attribution(text: str, pos: int, end: int) -> bool:
    """A place inside the closing attribution ("..., the UN co-ordinator in Libya said"): where
    the speaker sits, not what the figure is about."""
    return bool(_ATTRIBUTION_HEAD.search(text, max(0, pos - 70), pos)) and bool(
        _attribution_tail().match(text, pos, min(len(text), end + 1)))


# "told reporters in Geneva", "a news conference held in Arlen", "via video link from Esk":
# where words were spoken, not what their figures are about
_SPOKEN_AT = (
    r"(?:\b(?:told|telling|briefed|briefing|addressed|addressing)\s+(?:[\w-]+\s+){0,3}?"
    r"|\b(?:conference|briefing|interview|speech|video\s+link|speaking|spoke|monitored|broadcast|aired|televised)"
    r"\s+(?:[\w-]+\s+){0,2}?)"
    r"(?:in|at|from)\s+(?:the\s+)?$"
)


def spoken_at(text: str, pos: int) -> bool:
    head = text[max(0, pos - 12) : pos].rstrip().removesuffix(" the")
    if not head.endswith((" in", " at", " from")):  # the pattern's own ending, tested in C first
        return False
    return bool(rx(_SPOKEN_AT).search(text, max(0, pos - 60), pos))


_ORG_NOUN_AFTER = fast(
    r"\s+(?:fund|funds|group|company|companies|foundation|family|holding|firm|bank|agency|ministry|council|"
    r"party|fans?|brand|chain|charity|trust|institute|network|police|spokes(?:man|woman|person)|officials?|"
    r"mayor|governor)\b"
)
# "Velmora's richest businessmen", "in Kordan's bloody assault": the country or person that
# owns an actor or an action is not where the figure is
_OWNER_OF = (
    r"(?:'s|\u2019s)\s+(?:[a-z-]+\s+){0,2}?(?:assault|offensive|attacks?|campaign|forces|troops|army|militias?|"
    r"fighters|men|push|advance|bid|businessm[ae]n|billionaires?|tycoons?|companies|firms|envoy|ambassador)\b"
)


def is_part_or_org(text: str, pos: int, name: str) -> bool:
    """A sub-location of the figure ("most of them in Oberkell"), a body's country
    ("Velmora's Civil Protection Agency", "Libya's UN-backed government"), a body itself
    ("from the Harlan fund", "a Velmar police spokesman") or an owner ("Kordan's assault")."""
    if _PART_BEFORE.search(text[max(0, pos - 70) : pos]):
        return True
    after = text[pos + len(name) : pos + len(name) + 40]
    if _ORG_NOUN_AFTER.match(after) or rx(_OWNER_OF).match(after):
        return True
    if rx(r"(?:'s|\u2019s)\s+(?:[A-Z]|UN-|U\.)").match(after):
        return True
    # "Libya's eastern coastal city of Derna": the country frames the place the figure is about
    return bool(rx(r"(?:'s|\u2019s)\s+(?:[a-z-]+\s+){0,3}(?:city|town|village|port|capital|province|region|"
                   r"district|island)(?:\s+of|,)?\s+[A-Z]").match(after))


# "The city of Arlen immediately pledged €5m", "the region that includes Arlen promised €1m":
# a place that is the subject of a verb of giving is the donor, not where the money goes
_DONOR_AFTER = (
    r"[^,;.\d]{0,60}?\b(?:(?P<announced>announced)|pledged|promised|donated|gave|contribute[ds]?|offered|"
    r"committed|put\s+up)\b"
)
# "announced" gives only money ("announced €2m"); "officials in Kessel announced four deaths" tell a toll
_MONEY_NEAR = r"[^.;]{0,40}?(?:[$\u20ac\u00a3\u00a5]|\b(?:euros?|dollars?|pounds|aid|funding|grants?)\b)"


def is_donor(text: str, pos: int) -> bool:
    m = rx(_DONOR_AFTER).match(text, pos, pos + 90)
    return bool(m) and (not m.group("announced") or bool(rx(_MONEY_NEAR).match(text, m.end(), m.end() + 60)))

# "won in 19 states – Arvo, Belk, Corran, …": the items of a list of parts are not where the
# figure is (nor, being parts, the article's country)
PARTS = frozenset("states provinces regions districts counties countries cities towns villages "
                   "constituencies".split())
_LIST = (
    r"[^.\n:\u2013\u2014]{0,40}?(?::|\s[\u2013\u2014-]\s?)\s*(?:[A-Z\u00c0-\u00de][^,.\n]{0,30},\s*){2,}[^.\n]*"
)


def list_spans(text: str, nouns: list[int]) -> list[tuple[int, int]]:
    """Spans of the lists of parts, read from each plural place noun (offsets of PARTS tokens)."""
    out: list[tuple[int, int]] = []
    for at in nouns:
        if out and at < out[-1][1]:
            continue
        m = rx(_LIST).match(text, at)
        if m:
            out.append((at, m.end()))
    return out


# "in Arvo, Belk, Corran, Dessa and Esk": a figure of the whole run is about none of its items
_NAMED = r"[A-Z\u00c0-\u00de][\w'\u2019.-]*(?:\s[A-Z\u00c0-\u00de][\w'\u2019.-]*){0,2}"
_RUN = fast(rf"{_NAMED}(?:,\s+{_NAMED}){{2,}},?\s+(?:and|or)\s+{_NAMED}")


_COMMA_CAPITAL = fast(r",\s+[A-Z\u00c0-\u00de]")


def name_runs_spans(text: str) -> list[tuple[int, int]]:
    """Spans of coordinated runs of four or more capitalised names (tried only around two or
    more ", Capital" close together: the run's own commas, found in C)."""
    commas = [m.start() for m in _COMMA_CAPITAL.finditer(text)]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(commas):
        j = i
        while j + 1 < len(commas) and commas[j + 1] - commas[j] <= 45:
            j += 1
        if j > i:
            start = max(0, commas[i] - 45, out[-1][1] if out else 0)
            out.extend(m.span() for m in _RUN.finditer(text, start, min(len(text), commas[j] + 90)))
        i = j + 1
    return out


# "President Ana Ruiz", "Alhaji Ibrahim Sule", "Ana Ruiz said": people, whose names are never
# places ("a crushing defeat for Sule" names no location)
_TITLES = (
    "President Vice President Prime Minister Minister Mr Mrs Ms Dr Prof Sir Dame Alhaji Chief General Gen "
    "Colonel Col Sheriff Governor Gov Mayor Senator Sen Rep Pope King Queen Prince Princess Judge Justice "
    "Bishop Rev Imam Rabbi Sheikh Commander Captain Capt Lieutenant Lt Sergeant Sgt Secretary Spokesman "
    "Spokeswoman spokesman spokeswoman spokesperson chairman director "
    # (the roles news copy puts before a name: "crypto founder Sam Kelter", "defence lawyer Ana Ruiz")
    "founder co-founder entrepreneur mogul billionaire businessman businesswoman executive CEO lawyer "
    "attorney prosecutor defendant coach striker actor actress singer author novelist journalist "
    "reporter pilot economist analyst activist"
).split()
_TITLED = fast(
    "(?=[" + initials(_TITLES) + r"])\b(?:" + trie(_TITLES) + r")\.?"
    # ("Orsk General Hospital", "the General Assembly": no general's name)
    r"\s+(?!(?:Hospital|Assembly|Election|Strike|Motors|Electric)\b)((?:[A-Z][\w'\u2019-]+\s+){0,3}[A-Z][\w'\u2019-]+)"
)


@cache
def _speech_verb() -> re.Pattern[str]:
    """A reporting verb (compiled on first use: the engine's import stays fast)."""
    return fast(r"(?<=\s)(?:" + trie(
        [w for w in REPORTING_VERBS if w not in ("put", "puts", "placed", "called")]) + r")\b")


_NAME_BEFORE = fast(r"([A-Z](?<=\b[A-Z])[\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){1,3}),?\s+(?:has\s+)?$")


@cache
def _speech_words() -> frozenset[str]:
    return frozenset(w for w in REPORTING_VERBS if w not in ("put", "puts", "placed", "called"))


_TITLE_WORDS = frozenset(t.split()[0] for t in _TITLES)
_CAPITALISED_BEFORE = (r"[A-Z][\w'\u2019-]+,?\s+(?:has\s+)?$")


# Capitalised words that stand where places do but never are: diseases ("cases of Ebola"),
# faiths ("a Sunni mosque"), a currency ("Rs 5 lakh")
_NOT_PLACES = frozenset(
    "Ebola Covid COVID Covid-19 COVID-19 Marburg Zika SARS MERS HIV AIDS Mpox Lassa Nipah Dengue Cholera "
    "Sunni Shiite Shia Shi'ite Catholic Protestant Orthodox Muslim Christian Jewish Hindu Buddhist Sikh "
    "Alawite Druze Coptic Evangelical Rs".split()
)
# "US-led coalition", "Iran-backed militias": whose the coalition is, not where a figure is
# "its Google unit", "Facebook shares rose": a company's name
# ("the deadliest in U.S. history": a record, not a place; "the Indian Ocean island nation of
# Pemaru": the place is the one named after "of")
_COMPOUND_AFTER = rx(r"-(?:led|backed|allied|funded|made|owned|born|based)\b|"
                     r"\s+(?:unit|subsidiary|division|brand|shares|stock|Inc|Corp|Ltd|Plc|LLC|history)\b|"
                     r"(?:\s+[a-z-]+){0,2}\s+(?:nation|country|island|archipelago|kingdom|republic|city|town|"
                     r"port|village|state)\s+of\s+[A-Z]")
# "the former chief executive of Orvane Systems": a company, not a place
# ("the death of Lena Marov", "the arrest of ...": a person, not a place)
_ORG_BEFORE = rx(r"\b(?:chief\s+executive|CEO|chairman|founder|executives?|employees|shareholders|"
                 r"investors|staff)\s+(?:of|at)\s+$|\b(?:death|killing|murder|arrest|detention|funeral|"
                 r"release|trial|sentencing)\s+of\s+(?:(?:the\s+)?\d{1,3}-year-old\s+)?$|"
                 r"\b(?:based|headquartered)\s+in\s+$")  # "a monitoring group based in Lisbon": its seat


def never_a_place(text: str, pos: int, name: str) -> bool:
    """A disease, a faith, a currency, a company or a compound ("US-led") where a place would stand."""
    return (name in _NOT_PLACES or name.endswith(_COMPOUND_SUFFIXES)
            or _COMPOUND_AFTER.match(text, pos + len(name)) is not None
            or _ORG_BEFORE.search(text, max(0, pos - 30), pos) is not None
            or _WORKPLACE_BEFORE.search(text, max(0, pos - 50), pos) is not None
            or _ACCORDING_TO_BEFORE.search(text, max(0, pos - 20), pos) is not None
            or _SHARE_FOR_BEFORE.search(text, max(0, pos - 40), pos) is not None
            or _ORIGIN_BEFORE.search(text, max(0, pos - 30), pos) is not None)


# where people come from, not where a figure is: "a nurse from Ghana said 40 patients were moved"
_ORIGIN_BEFORE = rx(r"\b(?:nurse|doctor|man|woman|boy|girl|resident|worker|nationals|citizens|pilgrims|"
                    r"tourists|visitors|fans|delegates)\s+"
                    r"from\s+(?:the\s+)?$", re.IGNORECASE)


# a candidate's share, not a place: "46.9% for Mensah", "49.5 per cent of the vote for Okafor"
_SHARE_FOR_BEFORE = rx(r"(?:%|\bper\s*cent|\bpercent|\bvotes?|\bballots)(?:\s+of\s+(?:the\s+)?"
                       r"(?:\w+\s+)?votes?)?,?\s+(?:for|to|went\s+to)\s+$", re.IGNORECASE)


# a source, not a place: "according to Cal Fire", "according to Russia"
_ACCORDING_TO_BEFORE = rx(r"\baccording\s+to\s+(?:the\s+)?$", re.IGNORECASE)
# where a source works, not where a figure is: "a doctor at the city's Saint Brigid Hospital"
_WORKPLACE_BEFORE = rx(r"\b(?:doctors?|physicians?|nurses?|surgeons?|medics?|staff|officials?|"
                       r"spokes(?:man|woman|person)|director|head|chief)\s+(?:at|of|from)\s+(?:the\s+)?(?:[\w'\u2019-]+(?:'s|\u2019s)\s+)?$",
                       re.IGNORECASE)


_COMPOUND_SUFFIXES = ("-led", "-backed", "-allied", "-funded", "-owned")
# "Kozlowski, 58, and" (but "In Kessel, 12,000 marched": a thousands comma is no age)
_AGED = rx(r"([A-Z](?<=\b[A-Z])[a-z'\u2019-]+),\s+\d{1,3},(?!\d)")  # (the capital first: re's fast scan)
_AGE_COMMAS = rx(r",\s+\d{1,3},(?!\d)")  # what every _AGED match holds, found by a scan of the commas only


_STATE_HEADS = ("Republic", "Kingdom", "Emirates", "Islands", "Federation", "States")
_OF_STATE = rx(r"\s+of\s+(?:the\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?")
_LOCATIVE_BEFORE = rx(r"\b(?:in|at|from|to|near|outside|of)\s+(?:the\s+)?$")


def named_as_place(text: str, name: str) -> bool:
    """`name` stands as a whole word after a locative ("in Lusaka"): "Marek Rigas" is no Riga."""
    return any(_LOCATIVE_BEFORE.search(text, max(0, i - 12), i) for i in word_starts(text, name))


def state_name_after(text: str, pos: int, name: str) -> str:
    """The rest of a state's name after "of" ("Democratic Republic" + " of the Congo"), else ""."""
    longer = _OF_STATE.match(text, pos + len(name)) if name.endswith(_STATE_HEADS) else None
    return longer.group() if longer else ""


# "Hurricane Katrina", "Katrina, the storm that devastated the city": a storm's name
_STORM = fast(r"\b(?:Hurricane|Typhoon|Cyclone|Storm|(?:Tropical|Super|Winter)\s+(?:Storm|Typhoon|Cyclone|"
              r"Depression))\s+([A-Z][a-z]+)\b|\b([A-Z][a-z]+),\s+(?:the|a)\s+(?:[a-z-]+\s+)?(?:storm|hurricane|"
              r"typhoon|cyclone)\s+(?:that|which|blamed|named)\b")
_STORM_WORDS = needed_words(_STORM.pattern, _STORM.flags)  # "Hurricane", "storm" ...


def people_words(text: str, tokenized: tuple[list[int], list[str]] | None = None) -> frozenset[str]:
    """Surnames of the people an article names (after a title, or as the subject of a
    reporting verb with a first and last name), and storms' names; countries stay places
    ("Russia said").

    With the article's tokens, both patterns are tried only where their first word stands."""
    if tokenized is None:
        found = [m.group(1) for m in _TITLED.finditer(text)]
        verbs = [m.start() for m in _speech_verb().finditer(text)]
    else:
        starts, words = tokenized
        found = [m.group(1) for at in compress(starts, map(_TITLE_WORDS.__contains__, words))
                 if (m := _TITLED.match(text, at)) and (at == 0 or not text[at - 1].isalnum())]
        verbs = [at for at in compress(starts, map(_speech_words().__contains__, words))
                 if at > 0 and text[at - 1].isspace()]
    # (each whole-text scan only when the text holds what every match holds: most have neither)
    if _AGE_COMMAS.search(text):
        found += [m.group(1) for m in _AGED.finditer(text)]  # "Kozlowski, 58, and Swartz, 45,"
    if might_match(text, _STORM_WORDS):
        found += [m.group(1) or m.group(2) for m in _STORM.finditer(text)]  # a storm is no place
    for at in verbs:
        # a name right before the verb ends in a capitalised word: test that first (most are "he said")
        if rx(_CAPITALISED_BEFORE).search(text, max(0, at - 40), at):
            m = _NAME_BEFORE.search(text, max(0, at - 70), at)
            if m:
                found.append(m.group(1))
    names: set[str] = set()
    for name in found:
        last = name.split()[-1]
        if last not in COUNTRIES and last.lower() not in NOT_PLACE:
            names.add(last)
    return frozenset(names)


# "killed 610 across Veloria, Tamsin and Oraku": a figure of several places together
_ACROSS_LIST = fast(
    r"\b(?:across|throughout|in)\s+(?:neighbou?ring\s+|nearby\s+)?"
    r"((?:[A-Z][\w'-]*\s+){0,2}[A-Z][\w'-]*(?:,\s+(?:[A-Z][\w'-]*\s+){0,2}[A-Z][\w'-]*)*"
    r",?\s+and\s+(?:[A-Z][\w'-]*\s+){0,2}[A-Z][\w'-]*)"
)


def coordinated_places(text: str, start: int, end: int, places: set[str]) -> str | None:
    """The places a figure is about together ("across Veloria, Tamsin and Oraku"), written as
    the report lists them, when the first is a place the report names; else None."""
    m = _ACROSS_LIST.search(text, start, end)
    if m is None:
        return None
    items = [w.strip() for w in re.split(r",\s*|\s+and\s+", m[1]) if w.strip()]
    return m[1] if len(items) >= 2 and items[0] in places else None


_NUMBER_RUN = fast(r"\d[\d,.]*|\b(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|"
                   r"[Tt]en|[Ee]leven|[Tt]welve|(?:[Tt]hir|[Ff]our|[Ff]if|[Ss]ix|[Ss]even|[Ee]igh|[Nn]ine)teen|"
                   r"[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty)\b")
# (and "from": "12 were from Orlin and seven from Westmere" lists the dead by home town)
# ("in the worst-hit Orsk County", "in neighbouring Tamar": a word between)
_IN_BEFORE = rx(r"\b(?:in|at|near|outside|across|from)\s+(?:the\s+)?(?:[a-z]+(?:-[a-z]+)?\s+)?$",
                re.IGNORECASE)


def item_place(text: str, s_start: int, s_end: int, start: int, end: int,
               cands: list[tuple[int, str, int]]) -> str | None:
    """In a sentence that lists figures by place ("200 died in Qaram, 55 in Belsa and 30 in
    Tiran"; "followed by Belsa with 96 deaths"), the place of the figure's own item: the place
    "in" it right after it, else the last place since the figure before. None when the figure is
    alone in its sentence or its item names no place (the usual rules then apply)."""
    runs = [(m.start(), m.end()) for m in _NUMBER_RUN.finditer(text, s_start, s_end)]
    prev_end = max((e for b, e in runs if e <= start), default=None)
    next_start = min((b for b, e in runs if b >= end), default=None)
    if prev_end is None and next_start is None:
        return None
    upto = next_start if next_start is not None else s_end
    first = cands[0][1]

    def own(c: tuple[int, str, int]) -> str | None:  # another place than the clause's first, not its part
        return c[1] if c[1] not in first and first not in c[1] else None

    after = [c for c in cands if end <= c[0] < upto and c[0] - end <= 40
             and _IN_BEFORE.search(text, max(0, c[0] - 30), c[0])]
    if after:
        return own(min(after))  # the first place "in" after the figure ("in Kasese in Varnia": Kasese)
    if prev_end is None:
        return None
    before = [c for c in cands
              if prev_end <= c[0] < start and _IN_BEFORE.search(text, max(0, c[0] - 30), c[0])]
    return own(max(before)) if before else None


# "the Kessel Valley, where 1,300 have died", "the central region where 2,700 were killed"
_WHERE_PLACE = rx(r"\b(?:the\s+)?(?!(?:In|At|On|The|From|Near|Across)\s)((?:[A-Z][\w'-]*\s+){1,3}(?:Valley|"
                  r"Province|District|Region|County|Coast|Basin|Delta|Island|Plain)|(?:northern|southern|eastern|"
                  r"western|central|coastal)\s+(?:region|province|district|valley|areas?|zone)),?\s+where\s+"
                  r"(?:[\w-]+\s+){0,3}$")


def where_place(text: str, s_start: int, start: int) -> str | None:
    """The place a "where" clause opens on, right before a figure, whatever its name."""
    m = _WHERE_PLACE.search(text, max(s_start, start - 100), start)
    return m[1] if m else None
