"""A figure read together with the one before it in its sentence: a part of it ("killed 18,
including six children"), a figure in the same breath ("with about 500 also wounded"), or the
next item of one list ("killed 120 in the north and 45 in the south").

The numeric pass reads each figure on its own; here a figure takes from the one before it what
its own words leave unsaid (what is counted, where, when).
"""

from __future__ import annotations

import re

from recount.claims.categories import ALIVE_NOUNS, PEOPLE_NOUNS
from recount.claims.model import NumericClaim, TimeSpan
from recount.claims.retrie import fast

# "including", "among them", and a whole's own breakdown ("The toll of 52 includes 40 civilians")
_PART_OF = fast(r"\b(?:including|includes|included|among\s+them|among\s+whom|of\s+whom|"
                r"of\s+those\s+\w+,)\s+$", re.IGNORECASE)
_WITH = fast(r"[^,;.]{0,25},?\s+with\s+(?:(?:about|around|some|nearly|over|more\s+than|at\s+least)\s+)?$",
             re.IGNORECASE)
# a part with a day of its own: "including 96,200 on Monday alone"
_OWN_DAY = fast(r"\s+(?:[a-z]+\s+)?on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
# a figure with a verb of its own ("and 240 had been rescued", "and four captured")
_OWN_VERB = fast(r"\s+(?:had|have|has|were|was|are|is|captured|freed|released|rescued|saved)\b")
_AND_BARE = fast(r"[^,;.]{0,70}?\s(?:and|while)\s+(?:another\s+|a\s+further\s+|even\s+|possibly\s+)?$")
# "200 died in Qaram, 55 in Belsa": a bare figure after a comma, then its own place
_COMMA_BARE = fast(r"[^,;.]{0,40}?,\s+$")
_IN_PLACE = fast(r"\s+(?:in|at)\s+(?:the\s+)?[A-Z]")
_OWN_PLACE = fast(r"\s+(?:[a-z]+\s+){0,2}?(?:in|at)\s+(?:the\s+)?"
                  r"(?:(?:capital|city|town|port)(?:,|\s+of)?\s+)?[A-Z]")
_AND_VERB = fast(r"[^,;.]{0,30}?\s+and\s+(?:also\s+)?[a-z]+(?:ed|en)\s+"
                 r"(?:(?:about|around|some|nearly|more\s+than|at\s+least|over)\s+)?$", re.IGNORECASE)
_OF_THEM = fast(r"\s+of\s+(?:them|whom|those)\b", re.IGNORECASE)  # "61 dead (7 of them civilians)"
# the next item of a list of parts: "40 civilians, seven police officers and five gunmen" (but
# "37 passengers, including four infants, and five crew": the comma closed the aside); an item's
# noun may stand outside its span ("included 126 women, 71 men and 10 boys")
_NEXT_ITEM = fast(r"(?:\s+[a-z]+)?\s*,\s+|(?:\s+[a-z]+)?\s+and\s+")
# what a part may be counted as on its own that the whole's category replaces
_PART_OWN = ("count", "troops")


def link_to_previous(text: str, sentence_end: int, start: int, end: int, claim: NumericClaim,
                     previous: NumericClaim | None, previous_is_part: bool) -> bool:
    """Give `claim` (figure text[start:end]) what it shares with the figure before it; whether
    it is a part of a whole (so that the next item of its list is one too)."""
    if previous is None:  # "The dead included 126 women, 71 men …": the first item of a list of parts
        return bool(_PART_OF.search(text[max(0, start - 30) : start]))
    part = _PART_OF.search(text[max(0, start - 30) : start]) or (
        previous_is_part and _NEXT_ITEM.fullmatch(text, previous.end, claim.start))
    if part or _OF_THEM.match(text, end, sentence_end) or _WITH.match(text, previous.end, claim.start):
        # "put at 318 on Tuesday, with about 470 also wounded"; but "with 40 still missing" is a
        # list as it stands that day, not a running total
        if not (claim.time.scope == "day" and _OWN_DAY.match(text, end, sentence_end)):  # ("on Monday alone")
            claim.time = previous.time if claim.category != "missing" or claim.time.scope != "point" \
                else TimeSpan(previous.time.end, previous.time.end, "point")
        own_noun = not claim.subject and claim.span != text[start:end]  # "with 31 confirmed cases"
        if (claim.category == "count" and not own_noun) or (part and claim.category in _PART_OWN):
            claim.category = previous.category  # "including seven officers"
            if not _OWN_PLACE.match(text, end, sentence_end):  # ("including 42,000 in the capital, Varn")
                claim.place = previous.place
        return bool(part)
    if claim.time.scope == "point" and previous.time.scope != "point" and _AND_VERB.match(
            text, previous.end, claim.start):
        claim.time = previous.time  # "has razed 8,100 homes and burned 120,000 acres"
    elif (claim.category == "count" and ((claim.span == text[start:end] and claim.subject is None)
                                         or (claim.subject in PEOPLE_NOUNS - ALIVE_NOUNS))  # "and 88 women"
          and (_AND_BARE.match(text, previous.end, claim.start)
               or (_COMMA_BARE.match(text, previous.end, claim.start) and _IN_PLACE.match(text, end)))
          and not _OWN_VERB.match(text, claim.end, sentence_end)):  # "and 240 had been rescued"
        claim.category = previous.category  # "killed 120 in the north and 45 in the south"
        if claim.time.scope == "point":
            claim.time = previous.time
    _carry_group(text, start, end, claim, previous)
    return False


# "7 firefighters are missing, 14 injured and 3 in critical condition": who, said once for the list
_LIST_GAP = fast(r"[^,;.]{0,40}?(?:,\s+|\s+and\s+)$")
_GROUP_NOUN = fast(r"^\S+\s+(?:[a-z-]+\s+)?(firefighters|soldiers|police(?:men)?|officers|children|women|"
                   r"civilians|rescuers|journalists|medics|workers|students|pilgrims|migrants|passengers|crew)\b")


# a figure with a plural noun of its own that is no casualty word ("two teachers", not "14 injured")
_OWN_NOUN = fast(r"\S+\s+(?:[a-z-]+\s+)?(?!(?:dead|injured|wounded|missing|killed|others|more|deaths|"
                 r"casualties|fatalities|victims|people|persons|bodies)\b)[a-z]{3,}s\b", re.IGNORECASE)


def _carry_group(text: str, start: int, end: int, claim: NumericClaim, previous: NumericClaim) -> None:
    if claim.subject or not _LIST_GAP.match(text, previous.end, start):
        return
    if _OWN_NOUN.match(text, claim.start, claim.end):
        return  # "12 children and two teachers": the teachers are no children
    group = _GROUP_NOUN.match(previous.span) or (
        _GROUP_NOUN.match(f"0 {previous.subject}") if previous.subject else None)
    if group and claim.category != "money":
        claim.subject = group[1]


# "cases and deaths have risen to 9,412 and 238 respectively": the nouns, in order, of the figures
_RESPECTIVELY = fast(r"\brespectively\b", re.IGNORECASE)
_NOUN_LIST = fast(r"\b([a-z]+)((?:,\s+[a-z]+)*),?\s+and\s+([a-z]+)\b", re.IGNORECASE)
_FIGURE_JOIN = fast(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")


def respectively(claims: list[NumericClaim], text: str) -> None:
    """Figures listed before "respectively" count the nouns listed before them, in order."""
    # (one gated scan: `search` tests its words only in a short window, and the article is long)
    found = list(_RESPECTIVELY.finditer(text))
    if not found:
        return
    from recount.claims.categories import tally_category

    for m in found:
        before = [c for c in claims if c.end <= m.start() and "." not in text[c.end:m.start()]]
        run: list[NumericClaim] = []
        for c in reversed(before):  # the figures joined by commas and "and" right before it
            if not run and text[c.end:m.start()].strip(" ,"):
                break
            if run and not _FIGURE_JOIN.fullmatch(text, c.end, run[0].start):
                break
            run.insert(0, c)
        if len(run) < 2:
            continue
        opening = max(text.rfind(". ", 0, run[0].start) + 1, text.rfind("\n", 0, run[0].start) + 1,
                      run[0].start - 160)
        lists = list(_NOUN_LIST.finditer(text, opening, run[0].start))  # "cases and deaths rose to 9 and 2"
        after = _NOUN_LIST.search(text, run[-1].start, m.start())  # "left 12 and 40 dead and missing"
        found = after if after and not text[after.end():m.start()].strip() else (lists[-1] if lists else None)
        if found is None:
            continue
        nouns = [found[1], *(n.strip(", ") for n in found[2].split(",") if n.strip(", ")), found[3]]
        if len(nouns) != len(run):
            continue
        for claim, noun in zip(run, nouns, strict=True):
            if claim.category in ("money", "percent"):
                continue
            claim.category = tally_category(f"the number of {noun}") or "count"


# (the words before "and" name the figure's subjects, not its verb: "40 were killed and 12 were
# injured" is two clauses)
_AND_NEXT = fast(r"((?:\s+(?!(?:were|was|are|is|have|has|had|been|be|killed|died|dead|injured|wounded|"
                 r"missing|arrested|detained)\b)[a-z-]+){1,2})\s+and\s+"
                 r"(?:(?:at\s+least|about|some|nearly|another|more\s+than)\s+)?", re.IGNORECASE)
_NEXT_SUBJECT = fast(r"\S+(?:\s+(?:other|more))?\s+[a-z-]+")
_APPOSITION_OPEN = fast(r"(?:\s+[a-z]+)?,\s+(?:including|among\s+them|mostly)\s+", re.IGNORECASE)
_APPOSITION_CLOSE = fast(r",\s+(?=[a-z])")
_OF_BEFORE_GROUP = fast(r"(?:\s+[a-z]+)?\s+(?:of|from)\s+(?:some\s+|about\s+|the\s+)?")
_GROUPED_BY = fast(r"[\w,-]+\s+(?:(?:different|separate|[a-z]+)\s+)?(?:nationalities|countries|households|"
                   r"families|homes|houses|villages|towns|districts|provinces)\b|[\w,-]+\s+(?:[a-z-]+\s+){0,2}?"
                   r"[a-z]+s\b(?=\s+(?:were|was|are|is|have|had|has)\b)", re.IGNORECASE)


def clause_after(text: str, sentence_end: int, end: int, next_start: int) -> str:
    """The words after a figure that may say what it counts, up to the next figure, and past it
    when the next figure only qualifies this one: subjects joined by "and" share the verb after
    both ("19 pupils and three teachers died"), a grouping ("31 foreigners of nine nationalities
    were killed", "918 residents from 223 households were evacuated", "12 of 13 miners were dead")
    or an aside ("seven, including two children, went missing") leaves the verb to the first."""
    after = text[end : min(next_start, end + 200)]
    if next_start >= sentence_end:
        return after
    grouped = _GROUPED_BY.match(text, next_start, sentence_end)
    if grouped and _OF_BEFORE_GROUP.fullmatch(after):
        after += text[grouped.end() : min(sentence_end, grouped.end() + 150)]
    if _APPOSITION_OPEN.fullmatch(after) and (
            close := _APPOSITION_CLOSE.search(text, next_start, min(sentence_end, next_start + 80))):
        after = text[end : min(sentence_end, close.end() + 150)]
    joined = _AND_NEXT.fullmatch(after)
    if joined and (nxt := _NEXT_SUBJECT.match(text, next_start, sentence_end)):
        after = joined.group(1) + text[nxt.end() : min(sentence_end, nxt.end() + 150)]
    return after
