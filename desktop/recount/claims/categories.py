"""What a figure counts: the category (killed, wounded, displaced ...) and the counted subject.

Read from three places, in order of reliability: the head noun right after the number
("23 wounded", "1,500 troops", "$4.5 billion"), a verb that governs the number in its
clause ("30 people have been killed", "people had fled"), and a verb or toll word just
before it ("killed 174 people", "the death toll climbed to 23"). Synonyms are folded here,
once, so every later layer compares like with like (DESIGN.md: "what").
"""

from __future__ import annotations

import re

from recount.claims.category_phrases import (
    ARRESTED,
    CASUALTIES,
    CHANGE_TO,
    CHANGE_VERBS,
    DISPLACED,
    EVACUATED,
    KILLED,
    MISSING,
    PART_OF_FIGURE,
    POPULATION,
    PUT_AT,
    QUALIFIER,
    THING_NOUNS,
    WERE_GROUP,
    WOUNDED,
)
from recount.claims.retrie import fast, rx

CATEGORY_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (name, fast(rf"\b(?:{pat})\b", re.IGNORECASE))
    for name, pat in (
        ("injured_or_killed", CASUALTIES),
        ("killed", KILLED),
        ("wounded", WOUNDED),
        ("missing", MISSING),
        ("arrested", ARRESTED),
        ("evacuated", EVACUATED),
        ("displaced", DISPLACED),
    )
]

_KILLED_WORDS = dict(CATEGORY_PATTERNS)["killed"]
_CASUALTY_WORDS = fast(rf"\b(?:{KILLED}|{WOUNDED}|{CASUALTIES})\b", re.IGNORECASE)
# "the present count of 63 victims": the victims a tally counts
_TALLY_OF = fast(r"\b(?:toll|tally|total|count)\s+(?:of|at)\s+"
                       + QUALIFIER + r"$", re.IGNORECASE)

# Any category phrase at all: most texts tested have none, and one search settles that
# before the per-category patterns are tried.
_ANY_CATEGORY = fast(
    r"\b(?:" + "|".join((CASUALTIES, KILLED, WOUNDED, MISSING, ARRESTED, EVACUATED, DISPLACED))
    + r")\b",
    re.IGNORECASE,
)

_TROOP_NOUNS = fast(
    r"^(?!\s*(?:[\w-]+\s+)?(?:emergency|medical|health|rescue|aid|humanitarian|hospital|relief|"
    r"civilian|UN)\s)(?:[\w-]+\s+){0,2}?(?:troops|soldiers|fighters|police(?:\s+officers)?|policemen|officers|militants|"
    r"militiamen|peacekeepers|personnel|reservists|marines|paratroopers|gunmen|insurgents|rebels)\b",
    re.IGNORECASE,
)
_PERCENT = fast(r"^\s*(?:%|percent\b|per\s+cent\b|pc\b|percentage\s+points?\b)", re.IGNORECASE)
SUBJECT_NOUNS = (
    "people persons civilians children adults women men residents villagers families households "
    "soldiers troops fighters police officers militants rebels migrants refugees students patients "
    "workers protesters journalists prisoners detainees victims survivors passengers pupils babies "
    "worshipers "
    "infants girls boys elderly volunteers staff doctors nurses"
).split()
_SUBJECT_RE = fast(
    r"^(?:(?:more|other|of\s+them|of\s+whom|(?!(?:for|to|of|in|on|at|from|by|with|and|or|who|that|which|"
    r"were|was|are|is|have|has|had|a|an|the)\b)[a-z-]+)\s+){0,2}?(" + "|".join(SUBJECT_NOUNS) + r")\b",
    re.IGNORECASE,
)
# Verbs that take a count of people out of the troops category ("captured 12 soldiers").
_NOT_TROOPS = fast(r"\b(?:captured|seized|taken\s+prisoner|abducted|kidnapped|freed|released)\b",
                         re.IGNORECASE)
_HEAD_STOP = fast(r"[,;:.(\"\u201c]|\b(?:and|or|who|that|which|were|was|have|has|had|are|is|in|on|at|"
                        r"from|by|since|to|for|with|after|when|of)\b", re.IGNORECASE)
_CLAUSE_BREAK = fast(r"[,;:(\"\u201c]|\b(?:since|and|but|while|when|after|because|although|as)\b",
                           re.IGNORECASE)
_RISE_TO = CHANGE_TO
# What a change verb's subject names when it is a tally: "the death toll", "the number of
# missing", "the list of people unaccounted for"
_TALLY = r"\b(?:toll|tally|count|number|total|list|figure|estimate)\b"
TALLY_SUBJECT = fast(rf"{_TALLY}(?![^,;:]*{_TALLY})", re.IGNORECASE)  # the last one


def tally_category(text: str) -> str | None:
    """The category a tally phrase names in `text` ("the list of people unaccounted for",
    "the number of names still on the missing list", "the death toll"), if any."""
    m = TALLY_SUBJECT.search(text)
    if m is None:
        return None
    cat, _pos = _match_category(text[max(0, m.start() - 25) : m.end() + 60])
    return cat
_CROSS_BORDER = fast(
    r"\b(?:crossed|fled|poured)\s+(?:into|over\s+the\s+border|the\s+border|across\s+the\s+border)\b",
    re.IGNORECASE,
)
_RETURN = fast(r"\b(?:return(?:ed|ing)?|gone\s+back|went\s+back)\s+(?:home|to\s+their\s+homes)\b",
                     re.IGNORECASE)
_CORRIDOR = fast(r"\b(?:corridor|checkpoints?|crossing|convoy|evacuat\w+)\b", re.IGNORECASE)


_APPOSITION = fast(r"^((?:\s+[a-z]+){0,2}),\s+(?:(?:including|among\s+them|mostly|among\s+whom)\s+"
                   r"[^,;.()]{1,40},|"
                   r"(?:one|two|three|some|many|most|all|none|several)\s+of\s+(?:whom|them|which)\b[^,;.()]{0,40}"
                   r"(?:,|$))", re.IGNORECASE)
# a figure whose own noun names things, not people ("three churches", "11,713 homes") never
# takes a casualty word said before it
# (a word ending in s that is no plural noun: "610 people across three countries")
_THING_HEAD = fast(r"^\s+(?:[a-z-]+\s+)?(?P<noun>(?!(?:across|towards|afterwards|besides|whereas|always|"
                   r"perhaps|sometimes|nevertheless|thus|plus|as|is|was|has|this|its|his|us|yes)\b)[a-z]{3,}s)\b"
                   r"(?!\s+of\b)")
# people counted as alive: never a casualty category said before them or carried along a list
ALIVE_NOUNS = frozenset({"survivors"})
PEOPLE_NOUNS = frozenset(
    SUBJECT_NOUNS + "others more persons individuals bodies dead victims pilgrims worshippers tourists "
    "foreigners nationals citizens members employees guests firefighters medics rescuers militants troops "
    "policemen gunmen insurgents rebels fatalities deaths casualties injuries lives refugees evacuees "
    "migrants inmates hostages crew teenagers youths minors pedestrians bystanders shopkeepers motorists "
    "commuters fishermen miners farmers traders shoppers spectators drivers guards officials diners "
    "customers visitors fans mourners churchgoers protesters demonstrators villagers residents "
    "names entries".split()  # (the names or entries of a list of people: "the list has 640 names")
)
_AMONG = fast(r"^\s*(?:[a-z-]+\s+){0,2}(?:are|were|is|was)\s+(?:also\s+)?among\s+"
              r"(?P<what>(?:the|those)\s+[^,;.]{0,40})",
              re.IGNORECASE)
# "Among the dead were at least 20 soldiers": the whole the part belongs to comes first
_AMONG_BEFORE = fast(r"\bamong\s+(?:the|those)\s+(?P<what>[a-z ]{3,30}?)\s+(?:are|were|was|is)\s+"
                           + QUALIFIER + r"$",
                           re.IGNORECASE)
_OF_VICTIMS = fast(r"^\s+of\s+(?:the|those)\s+victims\b", re.IGNORECASE)
# what the victims are grouped by, not victims: "foreigners of nine nationalities"
_GROUPING_HEAD = fast(r"^\s+(?:different\s+)?(?:nationalities|countries|faiths|languages|ethnicities)\b",
                      re.IGNORECASE)
# an outbreak's counts of cases, tests and doses are counts whatever verb follows
_CASE_HEAD = fast(r"^\s+(?:(?:new|more|confirmed|suspected|probable|active|reported|total)\s+){0,2}"
                  r"(?:cases|infections|tests|doses|samples|vaccinations)\b", re.IGNORECASE)
# "Friday's toll brought the deaths from three days of shelling to 75": what a total was brought to
_BROUGHT_TO = fast(r"\b(?:brought|brings|bringing|bring|took|takes|taking|pushed|pushing)\s+"
                         r"(?P<what>(?:the\s+)?[^,;.]{3,70}?)\s+to\s+" + QUALIFIER + r"$", re.IGNORECASE)
# ("Of those wounded, 5 were aid workers", "Of the 212 dead counted, 190 lived in Kessel")
_OF_THOSE = fast(r"\b(?:of|among)\s+(?:those|the)\s+(?P<what>(?:\d[\d,]*\s+)?[a-z ]{3,30}),\s*$",
                 re.IGNORECASE)
# "has claimed 432 lives", "the war cost 50,000 lives": lives taken are the dead ("saved 200
# lives" are not)
_LIVES_TAKEN = fast(r"\b(?:claim(?:ed|s|ing)?|cost(?:s|ing)?|t(?:ook|akes?|aken|aking)|loss\s+of)\s+"
                    r"(?:a\s+total\s+of\s+)?" + QUALIFIER + r"$", re.IGNORECASE)
# a figure that groups the one before it: "918 residents from 223 households", "12 of 13 miners"
# (not "rose to 121 from 98": a change, with no noun between the figures)
_WHOLE_OF_A_PART = fast(r"\d[\d,]*(?:(?:\s+[a-z-]+){1,2}\s+from|(?:\s+[a-z-]+){0,2}\s+of)\s+"
                        r"(?:some\s+|about\s+|the\s+)?$", re.IGNORECASE)
_LIVES_HEAD = fast(r"^\s+lives\b", re.IGNORECASE)
_DIED_OF_WOUNDS = fast(r"^\s+(?:more\s+)?(?:injured|wounded)\s+(?:people\s+|persons\s+|victims\s+|"
                       r"patients\s+)?(?:have\s+|had\s+|later\s+)?(?:succumbed|died)\b", re.IGNORECASE)
# a casualty word the clause names after the figure that is not what the figure counts: the
# object of care ("medics are treating the injured", "crews searching for the missing"), or
# others in a with-clause ("stood at 212 with many villagers still missing")
_NOT_ITS_CATEGORY = fast(r"\b(?:treat(?:s|ed|ing)?|tend(?:s|ed|ing)?(?:\s+to)?|help(?:s|ed|ing)?|"
                         r"bur(?:y|ies|ied|ying)|search(?:es|ed|ing)?\s+for|look(?:s|ed|ing)?\s+for|"
                         r"car(?:e|es|ed|ing)\s+for|rescu(?:e|es|ed|ing)|evacuat(?:e|es|ed|ing)|identify(?:ing)?)"
                         r"\s+(?:the|those)\s+(?:\w+\s+)?$|\bwith\s+(?:some|many|others|more|dozens|\w+\s+(?:people|others))\b",
                         re.IGNORECASE)
# a count of things and their state: "left 30,000 more damaged", "12,000 partially destroyed"
_THING_STATE = fast(r"^\s+(?:more\s+|others?\s+)?(?:(?:partially|partly|seriously|badly|completely|"
                    r"totally)\s+)?(?:damaged|destroyed|flattened|collapsed|razed|flooded|submerged|burned|burnt|gutted)\b",
                    re.IGNORECASE)
_SCARE_QUOTES = fast(r"[\"\u201c]\s*([A-Za-z-]+)\s*[\"\u201d]")
_FOUND_MISSING = fast(r"\b(?:accounted\s+for|located|found|traced|reunited\s+with)\s+$", re.IGNORECASE)


_FUNCTION_WORDS = frozenset("as and or but when while after before since because if than to in on at of for "
                            "with by from".split())
_DURATION_HEAD = fast(r"^\s+(?:[a-z-]+\s+)?(?:days|weeks|months|years|hours|nights|minutes|decades)\b")


# a clause with a verb of its own ends there: "funerals for 130 residents were held and the bodies ..."
_VERB = fast(r"\b(?:have|has|had|were|was|are|is|be|been|will|would|could|may|[a-z]{3,}ed)\b", re.IGNORECASE)
# a casualty verb said right before the figure ("hurt 12 people"; not "left ... dead")
_GOVERNED = fast(rf"\b(?!(?:left|leave|leaving)\b)(?:{CASUALTIES}|{KILLED}|{WOUNDED}|{MISSING})\s+"
                 rf"(?:\w+\s+)?{QUALIFIER}$", re.IGNORECASE)
# another noun phrase in a list of those the verb counts: "12 children and one teacher were
# killed", "eleven pupils, a driver and the attacker are dead"
_CONJUNCT = fast(r"(?:,\s+(?:and\s+)?|and\s+)(?:a|an|the|his|her|their|its)\s|"
                 r"and\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d[\d,]*)\s", re.IGNORECASE)


def _predicate_end(before: str, after: str, brk: re.Match[str] | None) -> int:
    """Where the clause that may hold the figure's verb ends: at the first clause break, unless
    no category word came before it and the break only adds a noun phrase to a list."""
    end = brk.start() if brk else 110
    if _GOVERNED.search(before[-30:]) or CHANGE_TO.search(before[-45:]):
        return end  # "hurt 12 people and the driver was killed", "reached 212, and the number of
        # injured was 400": a verb before the figure governs it
    while (brk is not None and not _ANY_CATEGORY.search(after, 0, end) and not _VERB.search(after, 0, end)
           and _CONJUNCT.match(after, end)):
        brk = _CLAUSE_BREAK.search(after, _CONJUNCT.match(after, end).end(), 110)
        end = brk.start() if brk else 110
    return end


_VERB_OF_A_FIGURE = fast(rf"(?:{CHANGE_VERBS}|kill|kills|injures|wounds|leaves)", re.IGNORECASE)


def tells_a_figure(word: str) -> bool:
    """A word that may stand capitalised before a figure in a headline ("Storm Kills 12",
    "Toll Hits 200", "Dead"): a casualty word or a verb of change, not a name ("Apollo 11")."""
    return bool(_ANY_CATEGORY.fullmatch(word) or _VERB_OF_A_FIGURE.fullmatch(word))


def names_things(after: str) -> bool:
    """The figure's own noun names things, not people ("three churches", "two busiest days"): no
    tally said before it counts them."""
    if _DURATION_HEAD.match(after):
        return True
    thing = _THING_HEAD.match(after)
    if not thing or thing.group().split()[0] in _FUNCTION_WORDS:
        return False  # "more than 600 as calls came in": the figure has no noun of its own
    return thing.group("noun").lower() not in PEOPLE_NOUNS and not _ANY_CATEGORY.search(thing.group())


def is_percent(after: str) -> bool:
    return bool(_PERCENT.match(after))


def subject_of(after: str) -> str | None:
    """The counted noun right after the number ("people", "civilians"), if any."""
    m = _SUBJECT_RE.match(after.lstrip())
    return m.group(1).lower() if m else None


def _match_category(text: str) -> tuple[str | None, int]:
    """First category phrase in text and its offset (earliest wins, then list order)."""
    first = _ANY_CATEGORY.search(text)
    if first is None:
        return None, 1 << 30
    # the union's leftmost match is the earliest of every category's: the first category in
    # list order that matches there (one search, not one per category)
    at = first.start()
    for name, pat in CATEGORY_PATTERNS:
        if pat.match(text, at):
            return name, at
    return None, 1 << 30  # pragma: no cover - the union matched, so one of its parts does


def _last_category(text: str) -> tuple[str | None, int]:
    """Last category phrase in text and its offset (the closest before the number)."""
    best: tuple[str | None, int] = (None, -1)
    if not _ANY_CATEGORY.search(text):
        return best
    for name, pat in CATEGORY_PATTERNS:
        for m in pat.finditer(text):
            if m.start() > best[1] or (m.start() == best[1] and name == "injured_or_killed"):
                best = (name, m.start())
    return best


def categorize(before: str, after: str, sentence: str) -> tuple[str, str | None]:
    """(category, subject) from the clause text before and after the number expression.

    `before` runs from the clause start to the number; `after` from the number to the
    clause end. Both are short slices (bounded by the caller).
    """
    part = PART_OF_FIGURE.match(after)
    if part and (cat := _match_category(part.group("what"))[0]):
        return _fold(cat, sentence), part.group("noun").lower()  # "41 of the 160 dead were women"
    if _WHOLE_OF_A_PART.search(before[-60:]):
        return "count", subject_of(after)  # "918 residents from 223 households", "12 of 13 miners": the group
    if POPULATION.search(before[-45:]):
        return "count", subject_of(after)  # "Kessel, a city of 2 million people, has buried 1,000"
    # scare quotes around one word do not end the clause: 'another 61 "potentially" unaccounted for'
    if '"' in after or "\u201c" in after:
        after = _SCARE_QUOTES.sub(r"\1", after)
    # an apposition between the figure and its verb: "at least 37 people, including two medics,
    # had been killed"
    after = _APPOSITION.sub(r"\1", after, count=1)
    subject = subject_of(after)
    if subject in ALIVE_NOUNS:
        return "count", subject  # "left four dead and 18 survivors": the living
    # ("nationals of 14 countries are among the dead": the countries are no part of the dead)
    among = None if _GROUPING_HEAD.match(after) else _AMONG.match(after)
    if among:  # "9 children are among the 112 dead"
        what = among.group("what")
        if not _ANY_CATEGORY.search(what):  # the whole's figure cut the clause: read the sentence on
            at = sentence.find("among " + what.strip())
            what = sentence[at : at + 80] if at >= 0 else what
        cat, _pos = _match_category(what)
        if cat:
            return _fold(cat, sentence), subject
    among_first = _AMONG_BEFORE.search(before[-60:])
    if among_first:  # "Among the dead were at least 20 soldiers"
        cat, _pos = _match_category(among_first.group("what"))
        if cat:
            return _fold(cat, sentence), subject
    if (among_first and among_first.group("what").strip().lower() == "victims") or _OF_VICTIMS.match(after):
        return "killed", subject  # "Among the victims were 12 children", "40 of the victims were"
    those = _OF_THOSE.search(before[-40:])
    if those:  # "Of those wounded, 5 were aid workers"
        cat, _pos = _match_category(those.group("what"))
        if cat is None and those.group("what").split()[-1].lower() == "victims":
            cat = "killed"  # "Of the 70 victims, 22 were children"
        if cat:
            were = WERE_GROUP.match(after)
            return _fold(cat, sentence), subject or (were.group(1).lower() if were else None)
    # 0. people going home are returnees, not a displacement figure ("5,000 displaced people
    #    have been able to return home")
    brk = _CLAUSE_BREAK.search(after[:110])
    if _RETURN.search(after[: brk.start() if brk else 110]):
        return "count", subject
    thing = _THING_HEAD.match(after)
    if thing and thing.group("noun").lower() in THING_NOUNS and _CASUALTY_WORDS.search(after[:80]):
        # "31 separate raids killed civilians": the raids are counted ("2,000 homes could be
        # evacuated" keeps its category)
        cat, _pos = _match_category(after[:80])
        if cat in ("killed", "wounded", "injured_or_killed"):
            return "count", subject
    if _CASE_HEAD.match(after) or _GROUPING_HEAD.match(after):
        return "count", subject  # "4,210 cases and 97 associated deaths", "of nine nationalities": no toll
    if _THING_STATE.match(after):
        return "count", subject  # "flattened 4,300 houses and left 9,100 more damaged"
    if _DIED_OF_WOUNDS.match(after):
        return "killed", subject  # "nine injured people succumbed to their wounds": now dead
    if _LIVES_HEAD.match(after) and _LIVES_TAKEN.search(before[-40:]):
        return "killed", subject
    # 1. head noun: "23 wounded", "120 dead", "50 casualties" (up to the first function word)
    stop = _HEAD_STOP.search(after[:40])
    head_zone = after[: stop.start() if stop else 40]
    cat, _pos = _match_category(head_zone)
    if cat == "missing" and _FOUND_MISSING.search(before[-30:]):
        return "count", subject  # "had traced 1,380 missing people": found, not missing
    if cat:
        return _fold(cat, sentence), subject
    if subject == "victims" and _TALLY_OF.search(before[-40:]) and _KILLED_WORDS.search(sentence):
        return "killed", subject  # "the death toll ... than the present count of 63 victims"
    # 2. governing verb after the number, within the clause ("people who left had been
    #    detained": the last category phrase before the clause ends is the main verb;
    #    `brk` is the clause break found in step 0)
    clause = after[: _predicate_end(before, after, brk)]
    cat, pos = _last_category(clause)
    after_cat = cat if cat and pos <= 80 else None
    if after_cat and _NOT_ITS_CATEGORY.search(clause[:pos]):
        after_cat = None  # "600 medics are treating the injured", "398 with some still missing"
    troops = bool(_TROOP_NOUNS.match(after.lstrip())) and not _NOT_TROOPS.search(before[-40:] + after[:60])
    if after_cat and not (troops and after_cat not in ("killed", "wounded", "missing", "arrested")):
        return _fold(after_cat, sentence), subject
    if troops:
        verb, at = _last_category(before[-60:])  # "killed 12 soldiers": the verb counts them
        if verb in ("killed", "wounded", "missing", "arrested") and len(before[-60:][at:].split()) <= 3:
            return _fold(verb, sentence), subject
        return "troops", subject
    if names_things(after):
        return "count", subject
    # 3. a verb or toll word just before ("killed 174 people", "the toll rose to 17",
    #    "the number of people killed ... rose to 121")
    tail = before[-60:]
    cat, pos = _last_category(tail)
    if cat:
        gap = tail[pos:]
        # the verb must govern the number: no clause break in between ("the toll could
        # rise as 14 villages remain cut off" does not make the villages dead)
        near = len(gap.split()) <= 6 and not _CLAUSE_BREAK.search(gap[4:])
        toll = (cat == "killed" and rx(r"\btoll\b", re.IGNORECASE).search(gap)
                and not rx(r"\b(?:as|because|when|while|but|and)\b", re.IGNORECASE).search(gap))
        if near or toll:
            return _fold(cat, sentence), subject
    put = PUT_AT.search(before[-110:])
    if put and (cat := tally_category(put.group("what"))):
        return _fold(cat, sentence), subject  # "put the death toll from Monday's collapse as 61"
    brought = _BROUGHT_TO.search(before[-110:])
    if brought:
        cat, _pos = _match_category(brought.group("what"))
        if cat:
            return _fold(cat, sentence), subject  # "brought the deaths from ... to 75"
    if _RISE_TO.search(before[-45:]):
        # the subject of the verb names what is counted: "the death toll from the landslide in the
        # valley has climbed to"; the clause before the verb, back to its start
        cat, _pos = _last_category(before)
        if cat:
            return _fold(cat, sentence), subject
    return "count", subject


def _fold(cat: str, sentence: str) -> str:
    """Leaving through a corridor or checkpoint is an evacuation, not a displacement;
    crossing into another country is flight (refugees), not an evacuation."""
    if cat == "evacuated" and _CROSS_BORDER.search(sentence):
        return "displaced"
    if cat == "displaced" and _CORRIDOR.search(sentence) and not rx(
        r"\bdisplaced\b|\bfled\b|\bhomes\b", re.IGNORECASE
    ).search(sentence):
        return "evacuated"
    return cat
