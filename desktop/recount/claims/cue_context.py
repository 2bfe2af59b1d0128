"""The words around a reporting cue: what stands between subject and verb, day phrases, clause
starts, fronted phrases. Shared by the frames that read a cue's speaker (attribution_frames.py).

Every pattern is anchored on a cue and looks at most `LOOK` characters around it, so the
cost is linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from recount.claims.document import Document, Sentence
from recount.claims.pattern_cache import compiled
from recount.claims.quotes import Quote
from recount.claims.retrie import bounded_words, fast, rx
from recount.claims.speakers import GROUP_NOUNS, ORG_HEADS, Mention, is_capitalised

if TYPE_CHECKING:
    from recount.claims.coreference import Speaker

SKIP_BEFORE_VERB = compiled(
    r"(?:\s+(?:has|have|had|also|later|earlier|previously|again|already|repeatedly|all|then|once|"
    r"further|separately|publicly|privately|recently|immediately|quickly|initially|reportedly|"
    r"yesterday|today|tonight|just|now|since|long|often|frequently|separately|hours|days|moments|"
    r"minutes|weeks|months|years|ago|subsequently|finally|first|herself|himself|itself|themselves|"
    r"personally|officially|formally|openly|earlier|too))+\s*$"
)


_MONTH_RE = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|Jun\.|July|Jul\.|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)


DAY_PHRASE = (
    r"(?P<when>(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?)|" + _MONTH_RE + r"\s+\d{1,2}(?:,\s+\d{4})?)"
)


ON_DATE = fast(r"on(?<=\bon)\s+" + DAY_PHRASE)  # ("on" first: re's fast scan for it)


BARE_DATE = fast(r"^\s*,?\s*(?:on\s+)?" + DAY_PHRASE + r"\b")
# "told VTN Friday that", "told reporters on Monday": the day after whom the words were told to;
# "spoke in a Monday evening radio address": the day of the address
_TOLD_DAY = fast(r"^\s+(?:(?:[A-Z][\w.&'-]*\s+){1,3}|(?:reporters|journalists|lawmakers|parliament)\s+)"
                 r"(?:on\s+)?" + DAY_PHRASE + r"\b")
_ADDRESS_DAY = fast(r"^\s+in\s+an?\s+" + DAY_PHRASE + r"\s+(?:[\w-]+\s+){0,2}?(?:address|speech|statement|"
                    r"interview|briefing|post|broadcast|message|conference)\b")
# "released a statement Thursday stating …": the day of the statement the verb put out
_STATEMENT_DAY = fast(r"^\s+(?:a|an|its|their|the)\s+(?:[a-z]+\s+)?(?:statement|report|bulletin|update|"
                      r"communiqu[e\u00e9])\s+(?:on\s+)?" + DAY_PHRASE + r"\b")


_REL_DAY = fast(r"\b(?P<when>yesterday|today|last night)\b", re.I)


# a mark, a comma or one of these words: `[;:()"“”–—]|,|\b(?:that|and|...)\b`, every
# alternative opening with a literal character (see retrie.bounded_words)
_BOUNDARY = fast("|".join(
    [re.escape(ch) for ch in ';:()"“”\u2013\u2014'] + [","]
    + bounded_words(
        "that and but while as because when after before since although though where which who whom if "
        "said says told added stated "
        "than so whereas despite until once what how why whether amid with is are was were has have had "
        "will would could can may might should But And Yet However Meanwhile".split()
    )
))


TOKEN = fast(r"\S+")


_LAST_WORD = fast(r"([\w']+)\W*$")


DATE_BEFORE_VERB = fast(r",?\s+on\s+" + DAY_PHRASE + r"\s*,?\s*$")


_SKIP_WORDS = frozenset(SKIP_BEFORE_VERB.pattern.split("(?:\\s+(?:", 1)[1].split("))+", 1)[0].split("|"))


_DAY_ENDS = frozenset(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                       "morning", "afternoon", "evening", "night"))


def skip_before_verb(left: str) -> str:
    """`SKIP_BEFORE_VERB.sub("", left)`, read from the end: drop the trailing run of
    whitespace-separated skip words ("has also", "later"), with the space before them. A
    `$`-anchored pattern tries every start in a 320-character window (~6 us a cue)."""
    rest = left.rstrip()
    dropped = False
    while True:
        parts = rest.rsplit(None, 1)
        if len(parts) == 2:
            before, word = parts
        elif parts and rest[:1].isspace():  # only whitespace before the word
            before, word = "", parts[0]
        else:
            break
        if word not in _SKIP_WORDS:
            break
        rest, dropped = before, True
    return left[: len(rest)] if dropped else left


def may_end_in_day(text: str) -> bool:
    """Whether `text` can end in a day phrase (a weekday, a part of the day or a digit), as
    `DATE_BEFORE_VERB` needs: most cues have none, and the search is then skipped."""
    core = text.rstrip()
    if core.endswith(","):
        core = core[:-1].rstrip()
    if core[-1:].isdigit():
        return True
    parts = core.rsplit(None, 1)
    return bool(parts) and parts[-1] in _DAY_ENDS


LOOK = 320  # characters of context a cue may use on either side


@dataclass(slots=True)
class Cue:
    verb: str
    verb_start: int
    verb_end: int
    span_start: int
    span_end: int
    mention: Mention
    sentence: Sentence
    date: str | None = None
    appositive_role: str | None = None
    speaker: Speaker | None = None
    quotes: list[Quote] = field(default_factory=list)
    passive: bool = False  # "announced by X": an earlier statement the report refers to


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def prev_word(text: str, pos: int, floor: int) -> str:
    r"""The last [\w']+ run before `pos` that only non-word characters follow: what
    `_LAST_WORD.search(text, lo, pos)` finds, read backwards from `pos` instead of trying
    every start in the window (a cue-by-cue cost)."""
    lo = max(floor, pos - 40)
    i = pos
    while i > lo and not is_word_char(text[i - 1]):
        i -= 1
    if i == lo:  # no word character: the leftmost run of apostrophes, if any
        q = text.find("'", lo, pos)
        if q < 0:
            return ""
        k = q
        while k < pos and text[k] == "'":
            k += 1
        return text[q:k]
    j = i
    while j > lo and (is_word_char(text[j - 1]) or text[j - 1] == "'"):
        j -= 1
    k = i
    while k < pos and text[k] == "'":
        k += 1
    return text[j:k].lower()


def clause_start(text: str, floor: int, end: int) -> int:
    """Start of the last clause chunk before `end` (after a comma, conjunction, quote...)."""
    start = floor
    window = text[floor:end]
    for b in _BOUNDARY.finditer(window):
        # "(OCHA)" right before the verb belongs to the name before it.
        if b.group() in "()" and rx(r"\([A-Z][A-Z.]{1,10}\)\s*$").match(window[b.start() :]):
            break
        # "Residents and rebel officials", "the Ministry of Social Affairs": keep noun coordinations.
        if b.group() == "and" and _nominal_and(window, b.start()):
            continue
        start = floor + b.end()
    return start


def _nominal_and(window: str, at: int) -> bool:
    before = window[:at].rsplit(None, 1)  # only the words next to "and" are needed
    after = window[at + 3 :].split(None, 1)
    if not before or not after:
        return False
    last, nxt = before[-1].strip(","), after[0]
    nouns = _NOUNS
    return (last.lower() in nouns or is_capitalised(last)) and (
        is_capitalised(nxt) or nxt.lower() in nouns or nxt.lower() in ("a", "an", "the", "rebel", "local")
    )


_NOUNS = GROUP_NOUNS | ORG_HEADS


FRONTED = fast(
    r"(?!At least|At most|In all|In total)"
    r"(?:In|On|At|After|Before|Speaking|Asked|Meanwhile|Earlier|Later|Separately|However|"
    r"Also|Last|This|Yesterday|Today|Since|During|Despite|Following|Addressing|Writing|When|While|As|"
    r"Although|Though|Once|Until|Because|"
    r"(?:Long|Even|Just|Shortly|Soon|Well|Only|Hours|Days|Minutes|Moments|Weeks|Months|Years)\s+(?:before|after))"
    r"\b[^,]{0,120},\s*"
)


# A time phrase that opens a clause without a comma: "On Tuesday the minister said".
TIME_LEAD = fast(r"(?:(?:Late|Early|Later|Earlier)\s+)?(?:[Oo]n\s+|[Ll]ast\s+|[Tt]his\s+)?"
                 r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[Yy]esterday|[Tt]oday|"
                 r"[Tt]onight)(?:\s+(?:night|morning|evening|afternoon))?\s+(?=[Tt]he\s|[A-Z])")


def fronted_date(text: str, start: int, subject_start: int) -> str | None:
    """ "In an audio message released on Sunday, the commander said": the day of a fronted phrase."""
    m = FRONTED.match(text, start, subject_start)
    if not m or m.end() < subject_start - 80 or m.end() - start > 90:
        return None
    d = ON_DATE.search(text, start, m.end())
    return d["when"] if d else None


# ", the head of U.S. Africa Command." / ", 58, who farms ...": what follows a name after a comma.
APPOSITION_AFTER = fast(
    r",\s+((?:the|a|an|who|its|his|her)\b[^,;\"“”]{2,90}?|\d{1,3})(?=[,;\"“”]|\.(?:\s|$)|$)"
)


# `[,;:"“”]|\bthat\b|\b(?:would|will|had|has|was|were|is|are)\b`: where a cue's own words end
_WORDS_END = fast("|".join([*map(re.escape, ',;:"“”'), *bounded_words(
    "that would will had has was were is are".split())]))


def extend_with_date(doc: Document, cue: Cue) -> None:
    """ "said on Saturday", "said in a statement on April 7": the day the words were said."""
    text = doc.text
    window_end = min(cue.sentence.end, cue.span_end + 70)
    window = text[cue.span_end : window_end]
    cut = _WORDS_END.search(window)
    if cut:
        window = window[: cut.start()]
    m = (ON_DATE.search(window) or BARE_DATE.match(window) or _STATEMENT_DAY.match(window)
         or _TOLD_DAY.match(window) or _ADDRESS_DAY.match(window))
    if m and m["when"]:
        if cue.date is None:
            cue.date = m["when"]
        if m.start() <= 1 or window[: m.start()].strip() == "":
            cue.span_end += m.end()
        return
    if cue.date is None:
        rel = _REL_DAY.search(window)
        if rel:
            cue.date = rel["when"].lower()


def same_mention(a: Cue, b: Cue) -> bool:
    if b.mention.kind == "pronoun" and a.mention.kind == "person" and b.verb_start > a.verb_end:
        return True
    return a.mention.name.lower() == b.mention.name.lower()
