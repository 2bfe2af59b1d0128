"""Attributed claims: who said what, with which verb, in which words, and when.

One pass finds the reporting cues (said, told, warned, according to, ...); each cue gets
its speaker from the words around it, in the ways news English attributes:
  "X said" / "X, a spokesman for Y, said"      the subject before the verb
  '"...," said X, the head of Y'                the subject after the verb
  "X visited ... and promised" / "..., saying"  the subject of the main clause
  "according to X" / "reported by X"
Speakers are then resolved within the article (speakers.py), direct quotations attached
(quotes.py) and the date of the words resolved against the publication date.

Every regular expression here is anchored on a cue and looks at most a few hundred
characters around it, so the cost is linear in the text: see tests/claims/test_extract_properties.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import compress

from recount.claims.dates import MONTHS as _MONTHS  # month numbers by 3-letter key
from recount.claims.document import Document, Sentence
from recount.claims.model import AttributedClaim
from recount.claims.numbers import tokens_of
from recount.claims.quotes import Quote, quote_text, quotes_of
from recount.claims.retrie import fast, initials, rx, trie
from recount.claims.speakers import (
    GROUP_NOUNS,
    ORG_HEADS,
    ROLE_WORDS,
    Mention,
    Speaker,
    SpeakerIndex,
    analyse,
    has_word,
    is_capitalised,
    strip_determiner,
)

__all__ = ["extract_attributed", "resolve_day"]

_VERBS = (
    "said says say told tells added adds stated announced announces reported warned warns denied "
    "denies confirmed confirms urged urges appealed estimated accused accuses declared declares "
    "promised promises blamed blames insisted insists claimed acknowledged admitted explained noted "
    "wrote argued argues predicted vowed vows pledged pledges asserted alleged revealed cautioned "
    "demanded replied responded countered conceded complained revised "
    "put puts placed called dismissed dismisses rejected rejects described describes"
).split()
_PARTICIPLES = ("saying", "adding", "warning", "insisting", "arguing", "noting", "accusing", "calling")
# Branches factored by prefix (retrie.trie): the cue scan runs over the whole article.
_CUE = fast(
    "(?=[" + initials([*_VERBS, *_PARTICIPLES, "according", "call"]) + "])"
    r"\b(?:(?P<acc>[Aa]ccording to)|(?P<call>call(?:ed|s) (?:for|on))|"
    r"(?P<part>" + trie(_PARTICIPLES) + r")|(?P<verb>" + trie(_VERBS) + r"))\b"
)
_CUE_WORDS = frozenset([*_VERBS, *_PARTICIPLES, "according", "According", "called", "calls"])
# A cue right after one of these is not a claim: passive ("were reported"), negated, infinitive.
_NOT_AFTER = frozenset(
    "was were been be is are being not n't never to did do does would could will can may might should must "
    "shall cannot".split()
)
_PASSIVE_BY = frozenset("reported announced confirmed estimated stated declared".split())
_SKIP_BEFORE_VERB = fast(
    r"(?:\s+(?:has|have|had|also|later|earlier|previously|again|already|repeatedly|all|then|once|"
    r"further|separately|publicly|privately|recently|immediately|quickly|initially|reportedly|"
    r"yesterday|today|tonight|just|now|since|long|often|frequently|separately))+\s*$"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_RE = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|Jun\.|July|Jul\.|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_DAY_PHRASE = (
    r"(?P<when>(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?)|" + _MONTH_RE + r"\s+\d{1,2}(?:,\s+\d{4})?)"
)
_ON_DATE = fast(r"\bon\s+" + _DAY_PHRASE)
_BARE_DATE = fast(r"^\s*,?\s*(?:on\s+)?" + _DAY_PHRASE + r"\b")
_REL_DAY = fast(r"\b(?P<when>yesterday|today|last night)\b", re.I)
_BOUNDARY = fast(
    r"""[;:()"“”]|,|\b(?:"""
    + trie(
        "that and but while as because when after before since although though where which who whom if "
        "than so whereas despite until once what how why whether amid with is are was were has have had "
        "will would could can may might should".split()
    )
    + r""")\b"""
)
_TOKEN = fast(r"\S+")
# "promised an inquiry", "declared a disaster zone" are acts, not words: these verbs report
# speech only when what follows is a clause or a quotation.
_NEEDS_CONTENT = frozenset(("promised", "declared", "promises", "declares"))
_CONTENT_AFTER = fast(r"""\s+(?:that\b|to\b|[^.;]{0,40}?["\u201c])""")
# Verbs that report words only in a certain frame: an estimate ("Police put the crowd at about
# 15,000"), a verdict ("called the arrests a disgrace", "dismissed the criticism as politics",
# "rejected the report"). "put up a tent", "called in troops", "dismissed 30 workers" are acts.
_NUMBER_START = (r"(?:\d|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few)\s+"
                 r"(?:dozen|hundred|thousand|million)|dozens|hundreds|thousands|tens\s+of)")
_ESTIMATE_AT = fast(
    r"\s+(?:the|its|their|his|her|this|that)\s+(?:[\w'\u2019-]+\s+){0,4}?at\s+"
    r"(?:(?:about|around|some|nearly|almost|roughly|more\s+than|fewer\s+than|less\s+than|over|under|"
    r"at\s+least|up\s+to|as\s+many\s+as|just|well|between|an\s+estimated)\s+)*" + _NUMBER_START
)
_VERDICT_OBJECT = (r"\s+(?:it|this|that|them|him|her|(?:the|his|her|their|its|these|those|such)\s+"
                   r"(?:[\w'\u2019-]+\s+){0,2}?[\w'\u2019-]+)")
_CALLED = fast(
    _VERDICT_OBJECT + r"""\s+(?:an?\s|["\u201c\u2018]|(?:utterly|totally|completely|deeply|simply|clearly|"""
    r"wholly|very|highly|entirely|grossly)\s|(?:unacceptable|illegal|unlawful|absurd|outrageous|shameful|"
    r"baseless|false|unjustified|disproportionate|premature|ridiculous|irresponsible|unfounded|"
    r"politically)\b)"
)
_DISMISSED = fast(
    _VERDICT_OBJECT + r"\s+as\b|\s+(?:the|these|those|such|all|any)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:claims?|allegations?|reports?|criticism|accusations?|charges?|suggestions?|concerns?|figures?|"
    r"toll|estimates?|calls?|demands?|findings)\b"
)
_THEN_SAYING = fast(r"[^.;]{0,80}?,\s+(?:saying|adding|arguing|insisting|noting|warning)\b")
_JUDGEMENT = {
    "put": _ESTIMATE_AT, "puts": _ESTIMATE_AT, "placed": _ESTIMATE_AT, "called": _CALLED,
    "dismissed": _DISMISSED, "dismisses": _DISMISSED, "rejected": _DISMISSED, "rejects": _DISMISSED,
    "described": _DISMISSED, "describes": _DISMISSED,
}
# "OSTRELO, Tavrenia, March 17 (Continental Wire) - " at the start of the lead.
_DATELINE = fast(
    r"[A-Z][A-Z.'/ -]{2,40}(?:,[^,\n]{1,40}){0,2}?(?:\s*\([^)\n]{1,60}\))?\s*[-\u2013\u2014]+\s+"
)
_LAST_WORD = fast(r"([\w']+)\W*$")
_DATE_BEFORE_VERB = fast(r",?\s+on\s+" + _DAY_PHRASE + r"\s*,?\s*$")
_SKIP_WORDS = frozenset(_SKIP_BEFORE_VERB.pattern.split("(?:\\s+(?:", 1)[1].split("))+", 1)[0].split("|"))
_DAY_ENDS = frozenset(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                       "morning", "afternoon", "evening", "night"))


def _skip_before_verb(left: str) -> str:
    """`_SKIP_BEFORE_VERB.sub("", left)`, read from the end: drop the trailing run of
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


def _may_end_in_day(text: str) -> bool:
    """Whether `text` can end in a day phrase (a weekday, a part of the day or a digit), as
    `_DATE_BEFORE_VERB` needs: most cues have none, and the search is then skipped."""
    core = text.rstrip()
    if core.endswith(","):
        core = core[:-1].rstrip()
    if core[-1:].isdigit():
        return True
    parts = core.rsplit(None, 1)
    return bool(parts) and parts[-1] in _DAY_ENDS
_LOOK = 320  # characters of context a cue may use on either side


@dataclass(slots=True)
class _Cue:
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


def extract_attributed(doc: Document) -> list[AttributedClaim]:
    """Every attributed claim in the article, in text order."""
    text = doc.text
    if not text or not doc.sentences:
        return []
    headline_paras = _headline_paragraphs(doc)
    index = SpeakerIndex(text)
    quotes = quotes_of(doc)
    quote_starts = [q.start for q in quotes]
    cues: list[_Cue] = []
    # Cues start at a token that is a cue word: a C-level filter over the article's tokens
    # (shared with the numeric extractor), then _CUE tried there, as finditer would.
    starts, words = tokens_of(doc)
    last_end = -1
    for at in compress(starts, map(_CUE_WORDS.__contains__, words)):
        if at < last_end:
            continue
        m = _CUE.match(text, at)
        if m is None:
            continue
        last_end = m.end()
        sent = doc.sentence_at(m.start())
        if sent is None or sent.paragraph in headline_paras:
            continue
        qi = bisect_right(quote_starts, m.start()) - 1
        if qi >= 0 and quotes[qi].end > m.end():
            continue  # words inside a quotation belong to its speaker, not to the outlet
        if m.group() in _NEEDS_CONTENT and not _CONTENT_AFTER.match(text, m.end(), sent.end):
            continue
        judged = _JUDGEMENT.get(m.group())
        if judged is not None and (not judged.match(text, m.end(), sent.end)
                                   or _THEN_SAYING.match(text, m.end(), sent.end)):
            continue  # "rejected the criticism, saying ...": the words come with "saying"
        cue = _read_cue(doc, sent, m)
        if cue is None:
            continue
        if cues and cues[-1].sentence is sent and _same_mention(cues[-1], cue):
            continue  # "said ... and warned", "X said on Thursday, when she announced": one claim
        if cues and cues[-1].span_end > cue.span_start and cues[-1].sentence is sent:
            continue
        cues.append(cue)
    _note_people_and_resolve(doc, index, cues)
    _resolve_roles(cues)
    _note_bodies(index, cues)
    _attach_quotes(doc, cues, quotes)
    _resolve_dates(doc, cues)
    out = []
    outlet = _outlet_words(text)
    for c in cues:
        if c.speaker is None:
            continue
        if outlet and c.verb == "according to" and outlet <= set(c.speaker.name.split()):
            continue  # "according to a Continental Wire tally": the outlet's own count
        out.append(
            AttributedClaim(
                span=text[c.span_start : c.span_end],
                start=c.span_start,
                end=c.span_end,
                sentence=text[c.sentence.start : c.sentence.end],
                speaker=c.speaker.name,
                speaker_role=_role_of(index, c),
                verb=c.verb,
                quote=quote_text(text, c.quotes),
                date=c.date,
            )
        )
    return out


# ---------------------------------------------------------------------------- cues


def _headline_paragraphs(doc: Document) -> set[int]:
    """Paragraphs before the story starts that read as headlines (no final punctuation)."""
    out: set[int] = set()
    for i, (s, e) in enumerate(doc.paragraphs[:3]):
        line = doc.text[s:e]
        if len(doc.paragraphs) > 1 and len(line) < 160 and line[-1] not in '.!?"”':
            out.add(i)
        else:
            break
    return out


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _prev_word(text: str, pos: int, floor: int) -> str:
    r"""The last [\w']+ run before `pos` that only non-word characters follow: what
    `_LAST_WORD.search(text, lo, pos)` finds, read backwards from `pos` instead of trying
    every start in the window (a cue-by-cue cost)."""
    lo = max(floor, pos - 40)
    i = pos
    while i > lo and not _is_word_char(text[i - 1]):
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
    while j > lo and (_is_word_char(text[j - 1]) or text[j - 1] == "'"):
        j -= 1
    k = i
    while k < pos and text[k] == "'":
        k += 1
    return text[j:k].lower()


def _read_cue(doc: Document, sent: Sentence, m: re.Match[str]) -> _Cue | None:
    text = doc.text
    vstart, vend = m.start(), m.end()
    if m["acc"]:
        return _according_to(doc, sent, vstart, vend)
    verb = m.group().lower()
    if verb in _PASSIVE_BY and rx(r"\s+by\s").match(text[vend : vend + 5]):
        return _passive_by(doc, sent, vstart, vend, verb)  # "the toll, announced by the agency"
    prev = _prev_word(text, vstart, sent.start)
    if prev in _NOT_AFTER:
        if verb in _PASSIVE_BY and prev in ("was", "were", "been", "be", "is", "are"):
            return _passive_by(doc, sent, vstart, vend, verb)
        return None
    if m["part"] or (m["call"] and prev in ("", ",")):
        return _main_clause_cue(doc, sent, vstart, vend, verb)
    floor = max(sent.start, vstart - _LOOK)
    left = text[floor:vstart]
    date_before = None
    # Words between subject and verb that are not the subject: "has also", ", on April 8".
    stripped = _skip_before_verb(left)
    dm = _DATE_BEFORE_VERB.search(stripped) if _may_end_in_day(stripped) else None
    if dm:
        date_before = dm["when"]
        stripped = stripped[: dm.start()]
    tail = stripped.rstrip()
    if not tail or tail.endswith(('"', "\u201d", "'", "\u2019")) or tail.endswith(('",', ",\u201d")):
        return _inverted(doc, sent, vstart, vend, verb)
    if tail.endswith((" and", " but")):
        return _main_clause_cue(doc, sent, vstart, vend, verb)
    subject = _subject_before(text, floor, floor + len(tail))
    if subject is None:
        if tail.endswith(","):
            return _inverted(doc, sent, vstart, vend, verb)
        return None
    s_start, _s_end, mention, role = subject
    cue = _Cue(verb, vstart, vend, s_start, vend, mention, sent, appositive_role=role)
    cue.date = date_before or _fronted_date(text, sent.start, s_start)
    _extend_with_date(doc, cue)
    return cue


def _subject_before(text: str, floor: int, end: int) -> tuple[int, int, Mention, str | None] | None:
    """The noun phrase ending at `end`: the last clause chunk, with comma appositions handled."""
    chunk_end = end
    role: str | None = None
    # "Marek Toland, a spokesman for the Front, said": skip an apposition between commas.
    if text[floor:chunk_end].rstrip().endswith(","):
        inner_end = floor + len(text[floor:chunk_end].rstrip()) - 1
        comma = text.rfind(",", floor, inner_end)
        seg_start = comma + 1 if comma >= 0 else _clause_start(text, floor, inner_end)
        segment = text[seg_start:inner_end].strip()
        if not segment:
            return None
        named = analyse(segment) if is_capitalised(segment.split()[0]) else None
        if named and named.kind in ("person", "other", "org") and not segment.lower().startswith("the "):
            # "the agency's director, Emil Stravos," -> the name, with the phrase before as role.
            before_end = comma if comma >= 0 else seg_start
            prev_start = _clause_start(text, floor, before_end)
            prev = text[prev_start:before_end].strip()
            if prev and not any(ch.isdigit() for ch in prev) and _role_like(prev):
                role = strip_determiner(prev)
            s_start = seg_start + (len(text[seg_start:inner_end]) - len(text[seg_start:inner_end].lstrip()))
            return s_start, inner_end, named, role or named.role
        if comma < 0:
            return None
        role = strip_determiner(segment) if _role_like(segment) else None
        chunk_end = comma
    start = _clause_start(text, floor, chunk_end)
    dl = _DATELINE.match(text, start, chunk_end)
    if dl:
        start = dl.end()
    # "The UN, United States, European Union, and Russia have all called for": a list of names.
    if rx(r"\s*and\s+[A-Z]").match(text[start:chunk_end]):
        pos = start
        while True:
            m = rx(r"(?:^|[,:;])\s*((?:[Tt]he\s+)?(?:[A-Z][\w.'-]*\s*){1,4}),\s*$").search(text[floor:pos])
            if not m:
                break
            pos = floor + m.start(1)
        start = pos if pos < start else start
    phrase = text[start:chunk_end]
    lead = len(phrase) - len(phrase.lstrip())
    phrase = phrase.strip()
    if not phrase:
        return None
    mention = analyse(phrase)
    if mention is None:
        return None
    if role is None and mention.kind == "person" and text[floor:start].rstrip().endswith(","):
        # "The EU's foreign-policy chief, Federica Mogherini, on April 8 called for"
        comma = floor + len(text[floor:start].rstrip()) - 1
        prev = text[_clause_start(text, floor, comma) : comma].strip()
        if prev and not any(ch.isdigit() for ch in prev) and _role_like(prev):
            role = strip_determiner(prev)
    return start + lead, start + lead + len(phrase), mention, role or mention.role


def _role_like(phrase: str) -> bool:
    words = [w.lower().strip(",.").removesuffix("'s").removesuffix("’s") for w in phrase.split()]
    roleish = any(w in ROLE_WORDS or w in ORG_HEADS or w in ("group", "member") for w in words)
    return roleish and len(words) <= 12


def _clause_start(text: str, floor: int, end: int) -> int:
    """Start of the last clause chunk before `end` (after a comma, conjunction, quote...)."""
    start = floor
    window = text[floor:end]
    for b in _BOUNDARY.finditer(window):
        # "(OCHA)" right before the verb belongs to the name before it.
        if b.group() in "()" and rx(r"\([A-Z]{2,8}\)\s*$").match(window[b.start() :]):
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


def _inverted(doc: Document, sent: Sentence, vstart: int, vend: int, verb: str) -> _Cue | None:
    """'"...," said Hanne Birk, a member of parliament' -> the speaker after the verb."""
    text = doc.text
    limit = min(sent.end, vend + _LOOK)
    right = text[vend:limit]
    date_first = _BARE_DATE.match(right)
    offset = date_first.end() if date_first and date_first["when"] else 0
    words: list[tuple[int, int, str]] = []
    for t in _TOKEN.finditer(right, offset):
        w = t.group()
        core = w.rstrip(",.;:\"”")
        low = core.lower()
        if not words and low in ("the", "a", "an"):
            words.append((t.start(), t.start() + len(core), core))
            continue
        ok = (
            is_capitalised(core)
            or (words and low in ("of", "for", "the", "at", "from") and not w.endswith(","))
            or low in ROLE_WORDS
            or low in GROUP_NOUNS
            or (words and low in ORG_HEADS)
        )
        if not ok:
            break
        words.append((t.start(), t.start() + len(core), core))
        abbrev = rx(r"(?:[A-Z]\.)+|Dr\.|Mr\.|Mrs\.|Ms\.|Prof\.|Gen\.|Col\.|St\.").fullmatch(w)
        if w != core and not abbrev:
            break
        if len(words) > 10:
            return None
    while words and words[-1][2].lower() in ("of", "for", "the", "at", "from", "a", "an"):
        words.pop()
    if not words:
        return None
    n_start, n_end = vend + words[0][0], vend + words[-1][1]
    mention = analyse(text[n_start:n_end])
    if mention is None or (mention.kind == "pronoun" and text[n_start:n_end] not in ("he", "she")):
        return None
    role = None
    after = text[n_end:limit]
    am = _APPOSITION_AFTER.match(after)
    if am and not am[1].isdigit() and not am[1].startswith("who"):
        role = strip_determiner(am[1])
    elif am and am[1].isdigit():  # "said Tomas Ardel, 58, who farms near Esk"
        rest = rx(r",\s+\d{1,3},\s+(?:a|an|the)\s+([^,.;]{2,90})").match(after)
        role = rest[1] if rest else None
    cue = _Cue(verb, vstart, vend, vstart, n_end, mention, sent, appositive_role=role or mention.role)
    if date_first and date_first["when"]:
        cue.date = date_first["when"]
    return cue


_FRONTED = fast(
    r"(?!At least|At most|In all|In total)"
    r"(?:In|On|At|After|Before|Speaking|Asked|Meanwhile|Earlier|Later|Separately|However|"
    r"Also|Last|This|Yesterday|Today|Since|During|Despite|Following|Addressing|Writing)\b[^,]{0,120},\s*"
)


def _fronted_date(text: str, start: int, subject_start: int) -> str | None:
    """ "In an audio message released on Sunday, the commander said": the day of a fronted phrase."""
    m = _FRONTED.match(text, start, subject_start)
    if not m or m.end() < subject_start - 80 or m.end() - start > 90:
        return None
    d = _ON_DATE.search(text, start, m.end())
    return d["when"] if d else None


# ", the head of U.S. Africa Command." / ", 58, who farms ...": what follows a name after a comma.
_APPOSITION_AFTER = fast(
    r",\s+((?:the|a|an|who|its|his|her)\b[^,;\"“”]{2,90}?|\d{1,3})(?=[,;\"“”]|\.(?:\s|$)|$)"
)


def _main_clause_cue(doc: Document, sent: Sentence, vstart: int, vend: int, verb: str) -> _Cue | None:
    """ "X visited the camp and promised", "X defended the plan, saying": the sentence's subject."""
    text = doc.text
    s = sent.start
    dl = _DATELINE.match(text, s, vstart)
    if dl:
        s = dl.end()
    head = text[s : min(vstart, s + _LOOK)]
    # A fronted phrase ("In an audio message released on Sunday, ...") is not the subject.
    fronted = _FRONTED.match(head)
    offset = fronted.end() if fronted else 0
    words: list[tuple[int, int, str]] = []
    for t in _TOKEN.finditer(head, offset):
        w = t.group()
        core = w.rstrip(",")
        low = core.lower().removesuffix("'s").removesuffix("\u2019s")
        ok = (
            is_capitalised(core)
            or low in ("the", "a", "an", "of", "for", "in", "from", "at")
            or low in ROLE_WORDS
            or low in GROUP_NOUNS
            or low in ORG_HEADS
            or (words and low in ("local", "national", "rebel", "opposition", "aid", "environmental"))
        )
        if not ok:
            break
        words.append((t.start(), t.start() + len(core), core))
        if w.endswith(","):
            break
    while words and words[-1][2].lower() in ("the", "a", "an", "of", "for", "in", "from", "at"):
        words.pop()
    if not words:
        return None
    n_start, n_end = s + words[0][0], s + words[-1][1]
    mention = analyse(text[n_start:n_end])
    if mention is None:
        return None
    role = None
    am = rx(r",\s+((?:a|an|the)\s[^,]{2,80}),").match(text[n_end:vstart])
    if am and _role_like(am[1]):
        role = strip_determiner(am[1])
    cue = _Cue(verb, vstart, vend, n_start, vend, mention, sent, appositive_role=role or mention.role)
    dm = _ON_DATE.search(text, s, vstart)
    if dm and ((fronted and dm.start() < s + fronted.end()) or dm.start() > n_end):
        cue.date = dm["when"]
    _extend_with_date(doc, cue)
    return cue


# The name after "according to" runs to the next punctuation; a full stop after an initial or
# a title ("the U.N. human rights office", "Dr. Ames") is part of the name, not its end.
_ABBR_DOT = r"(?:(?<=\b[A-Z])|(?<=\b(?:Dr|Mr|Ms|St|Lt))|(?<=\b(?:Mrs|Gen|Col|Sen|Rep|Gov))|(?<=\bProf))\."
_ACCORDING_PHRASE = fast(
    rf"\s+((?:the\s+)?(?:[^,;:.()\"“”]|{_ABBR_DOT}){{2,140}}?)"
    rf"(?=\s*(?:[,;:()\"“”]|(?!{_ABBR_DOT}(?!\s*$))\.|\bwhich\b|\bwho\b|\bthat\b|$))"
)

_ABBR_THEN_CLAUSE = fast(r"\b(?:[A-Z]\.){2,}(?=\s+[A-Z][a-z]+\s+(?:[a-z]|\d))")


def _according_to(doc: Document, sent: Sentence, vstart: int, vend: int) -> _Cue | None:
    text = doc.text
    limit = min(sent.end, vend + 160)
    m = _ACCORDING_PHRASE.match(text[vend:limit])
    if not m:
        return None
    phrase = m[1].strip()
    n_end = vend + m.end(1)
    # "according to the U.N. Another 12 fled": the splitter kept the abbreviation's full stop,
    # but a new clause starts after it.
    cut = _ABBR_THEN_CLAUSE.search(phrase)
    if cut:
        n_end -= len(phrase) - cut.end()
        phrase = phrase[: cut.end()]
    # "according to a statement from the ministry", "figures released by the UN": the body.
    via = rx(r"(?:the|a|an)\s+(?:[a-z]+\s+){0,2}?(?:statement|figures|data|report|estimates?|count|tally|"
        r"spokes(?:man|woman|person))\s+(?:(?:released|published|issued|compiled)\s+)?(?:from|by|of|for)\s+(.+)$").match(phrase)
    if via:
        phrase = via[1]
    mention = analyse(phrase) or Mention("group", strip_determiner(phrase), None, phrase)
    cue = _Cue("according to", vstart, vend, vstart, n_end, mention, sent)
    return cue


def _passive_by(doc: Document, sent: Sentence, vstart: int, vend: int, verb: str) -> _Cue | None:
    """ "the 121 deaths reported by Tavrenia's Health Ministry on Monday"."""
    text = doc.text
    m = rx(r"\s+by\s+((?:the\s+)?(?:[A-Z]|(?:agency|ministry|government|army|police|group|UN)\b)"
           r"[^,;:.()\"“”]{0,100}?)(?=\s+on\s|\s*[,;:.()\"“”]|$)").match(
        text[vend : min(sent.end, vend + 160)]
    )
    if not m:
        return None
    mention = analyse(m[1])
    if mention is None or mention.kind not in ("org", "person", "other"):
        return None
    cue = _Cue(verb, vstart, vend, vstart, vend + m.end(1), mention, sent, passive=True)
    _extend_with_date(doc, cue)
    return cue


def _extend_with_date(doc: Document, cue: _Cue) -> None:
    """ "said on Saturday", "said in a statement on April 7": the day the words were said."""
    text = doc.text
    window_end = min(cue.sentence.end, cue.span_end + 70)
    window = text[cue.span_end : window_end]
    cut = rx(r"[,;:\"“”]|\bthat\b|\b(?:would|will|had|has|was|were|is|are)\b").search(window)
    if cut:
        window = window[: cut.start()]
    m = _ON_DATE.search(window) or _BARE_DATE.match(window)
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


def _same_mention(a: _Cue, b: _Cue) -> bool:
    if b.mention.kind == "pronoun" and a.mention.kind == "person" and b.verb_start > a.verb_end:
        return True
    return a.mention.name.lower() == b.mention.name.lower()


# ---------------------------------------------------------------------------- speakers


def _note_people_and_resolve(doc: Document, index: SpeakerIndex, cues: list[_Cue]) -> None:
    """Resolve speakers in text order, noting people named as sentence subjects along the way
    (so "he said" after "Prime Minister X, speaking in parliament, defended..." finds X)."""
    people = _subject_people(doc)
    pi = 0
    for cue in cues:
        while pi < len(people) and people[pi][0] < cue.span_start:
            mention = people[pi][1]
            sp = index.resolve(mention)
            if sp is not None:
                index.note(sp)
            pi += 1
        index.position = cue.span_start
        if cue.appositive_role and cue.mention.kind == "person":
            # "General Thomas Waldhauser, the head of U.S. Africa Command": the apposition
            # describes the job; the title before the name is a rank.
            cue.mention.role = cue.appositive_role
        sp = index.resolve(cue.mention)
        if sp is None:
            continue
        if cue.mention.kind == "pronoun" and cue.mention.name in ("he", "she"):
            sp.gender = sp.gender or ("f" if cue.mention.name == "she" else "m")
        cue.speaker = sp
        if cue.appositive_role and not sp.role and sp.kind == "person":
            sp.role = cue.appositive_role
        index.note(sp)


def _resolve_roles(cues: list[_Cue]) -> None:
    """ "a spokesman for the rebel Ostrelo Liberation Front said" -> the spokesman the article
    names elsewhere ("Marek Tolland, the OLF spokesman"), when exactly one person fits."""
    people = {id(c.speaker): c.speaker for c in cues if c.speaker and c.speaker.kind == "person"}
    for c in cues:
        sp = c.speaker
        if sp is None or sp.kind not in ("group", "org") or not sp.name[:1].islower():
            continue
        words = sp.name.split()
        head = words[0].lower() if words else ""
        if head not in ROLE_WORDS:
            continue
        caps = [w for w in words[1:] if is_capitalised(w)]
        initials = "".join(w[0] for w in caps)
        fits = []
        for person in people.values():
            role = (person.role or "").lower()
            if head not in role:
                continue
            role_words = set((person.role or "").replace(",", " ").split())
            if not caps or role_words & set(caps) or (len(initials) > 1 and initials in role_words):
                fits.append(person)
        if len(fits) == 1:
            c.speaker = fits[0]


_INTERNATIONAL = fast(r"^(?:UN|U\.N\.|United Nations|International|World|European|Inter-)\b")
# A government body's own name: "Health Ministry", "Ministry of Social Affairs", "Civil Protection Agency".
_NATIONAL_BODY = fast(r"^(?:[A-Z][\w-]*\s+)*(?:Ministry|Agency)(?:\s+(?:of|for)\s+[A-Z][\w\s-]*)?$")


_ROLE_OF_BODY = fast(
    r"^(?:(?:the\s+)?(?:group|agency|ministry|organisation|organization)(?:'s|\u2019s)|[Ii]ts|[Rr]ebel)\s+(\w+)$"
)
_ROLE_FOR_BODY = fast(r"^(\w+)\s+(?:for|of)\s+the\s+(?:group|agency|ministry|rebels)$")


def _note_bodies(index: SpeakerIndex, cues: list[_Cue]) -> None:
    """The bodies that speak, in order, so roles can name "the group" they refer to."""
    index.bodies = [c.speaker for c in cues if c.speaker is not None and c.speaker.kind == "org"]


def _role_of(index: SpeakerIndex, cue: _Cue) -> str | None:
    """The speaker's role as the article gives it, made self-contained: "OLF spokesman" ->
    "Ostrelo Liberation Front spokesman", "the group's commander" -> "<group> commander";
    a government body's role names its country ("Tavrenian Health Ministry")."""
    sp = cue.speaker
    if sp is None:
        return None
    role = sp.role or cue.appositive_role
    if sp.kind == "org":
        if role is None and _NATIONAL_BODY.match(sp.name) and not _INTERNATIONAL.match(sp.name):
            adjective = index.demonym()
            return f"{adjective} {sp.name}" if adjective else None
        return role
    if not role:
        return None
    role = rx(r"^\d{1,3}-year-old\s+").sub("", role)
    role = rx(r"\s+(?:who|which|whose|whom)\s").split(role, maxsplit=1)[0]
    role = rx(r"\b[A-Z]{2,6}\b").sub(lambda m: index.defined_acronym(m[0]) or m[0], role)
    m = _ROLE_OF_BODY.match(role) or _ROLE_FOR_BODY.match(role)
    if m and sp.kind == "person":
        body = index.latest_body(role, cue.span_start)
        if body is None and "group" in role.lower() and index.bodies:
            body = index.bodies[-1].name  # "a spokesperson for the group": the body that spoke last
        if body:
            return f"{body} {m[1]}"
    # "Tavrenian Prime Minister" -> "Prime Minister of Tavrenia", when the article names Tavrenia.
    nat = rx(r"([A-Z][a-z]+(?:ian|an))\s+([A-Z].+)$").match(role)
    if nat:
        word = nat[1]
        for country in (word[:-1], word[:-2] + "a", word[:-3] + "a"):
            if has_word(index.text[:20000], country):
                return f"{nat[2]} of {country}"
    return role


_PERSON_SUBJECT = fast(
    r"((?:[A-Z][\w.'-]*\s+){0,4}(?:[a-z]+\s+)?(?:[A-Z][\w'-]+\s+){0,1}[A-Z][\w'-]+)"
    r"(?=(?P<apposed>,\s+(?:a|an|the|who|\d{1,3})\b|,\s+(?:speaking|visiting|addressing)\b)|\s+[a-z]+\b)"
)
# "a 72-year-old woman, Halina Brosk, who had been trapped": a person named in apposition.
_APPOSED_PERSON = fast(
    r"(?<=, )([A-Z][\w'-]+(?: [A-Z][\w'-]+){1,2})(?=,\s+(?:who|a|an|the|\d{1,3})\b|[.,])"
)
# "the UN envoy for Tavrenia, Henrik Falde": the role a person is introduced with.
_ROLE_BEFORE = fast(r"\b(?:the|a|an|its|his|her)\s+([^,.;:\"\u201c\u201d]{3,60}),\s*$")


_BODY_SUBJECT = fast(
    r"The\s+((?:(?:[A-Z][\w'-]+|of|for|the|and)\s+){0,7}[A-Z][\w'-]+)(?=\s+(?:\([A-Z]{2,8}\)\s+)?[a-z])"
)
_NOT_A_NAME_START = frozenset(
    "the a an in on at it its this that these those there he she they we i but and as after before "
    "since when while if more most at least about some many several nearly almost".split()
)


def _subject_people(doc: Document) -> list[tuple[int, Mention]]:
    """People introduced in passing ("Halina Brosk, a survivor, ..."): antecedents for he/she."""
    out: list[tuple[int, Mention]] = []
    text = doc.text
    for sent in doc.sentences:
        first = text[sent.start : sent.start + 12].split(" ", 1)[0]
        if first == "The":
            # "The Harbour Agency closed the port.": a body that "it said" may refer to next.
            om = _BODY_SUBJECT.match(text, sent.start, min(sent.end, sent.start + 120))
            body = analyse(om[1]) if om else None
            if body is not None and body.kind == "org":
                out.append((om.start(1), body))  # type: ignore[union-attr]
            continue
        if not first[:1].isupper() or first.lower() in _NOT_A_NAME_START:
            continue
        m = _PERSON_SUBJECT.match(text, sent.start, min(sent.end, sent.start + 200))
        if not m:
            continue
        mention = analyse(m[1])
        if mention is None or mention.kind not in ("person", "other"):
            continue
        # "Mayor Oda Strand visited the camp": a subject with a role is a person; a bare
        # capitalised phrase before a verb ("Heavy Rain fell") is not evidence enough.
        if m["apposed"] or (mention.kind == "person" and mention.role):
            out.append((m.start(1), mention))
    for m in _APPOSED_PERSON.finditer(text):
        mention = analyse(m[1])
        if mention is None or mention.kind != "person":
            continue
        before = _ROLE_BEFORE.search(text, max(0, m.start(1) - 80), m.start(1))
        if before and _role_like(before[1]):
            mention.role = mention.role or before[1].strip()
        elif not rx(r",\s+(?:who|a|an|the|\d)").match(text[m.end(1) : m.end(1) + 6]):
            continue  # "…, Henrik Falde." needs a role before it to be a person
        out.append((m.start(1), mention))
    out.sort(key=lambda item: item[0])
    return out


# ---------------------------------------------------------------------------- quotes


def _attach_quotes(doc: Document, cues: list[_Cue], quotes: list[Quote]) -> None:
    """Each quotation goes to the claim it belongs to: the claim of its sentence, else the claim
    just before it in the paragraph, else (a quote-only paragraph) the last claim before it."""
    if not cues:
        return
    text = doc.text
    if not quotes:
        return
    by_para: dict[int, list[_Cue]] = {}
    for c in cues:
        by_para.setdefault(c.sentence.paragraph, []).append(c)
    starts = {p: [c.span_start for c in cs] for p, cs in by_para.items()}
    verb_ends = {p: [c.verb_end for c in cs] for p, cs in by_para.items()}
    for q in quotes:
        same = by_para.get(q.paragraph, [])
        owner = None
        if same and _open_ended(text, q):
            # '"...," said X' / '"...," X told reporters': the claim right after the closing mark.
            i = bisect_left(starts[q.paragraph], q.end - 1)
            if i < len(same) and _same_sentence(text, q.end, same[i].span_start):
                owner = same[i]
        if owner is None and same:
            # 'X said the plan was "a gesture"', or a quote continued after '"...," she said.':
            # the nearest claim before it in the paragraph.
            i = bisect_right(verb_ends[q.paragraph], q.start)
            owner = same[i - 1] if i > 0 else None
        if owner is None and not same:
            pstart = doc.paragraphs[q.paragraph][0]
            if text[pstart : q.start].strip() == "" and q.paragraph > 0:
                prev = by_para.get(q.paragraph - 1)
                owner = prev[-1] if prev and prev[-1].quotes else None
        if owner is not None and owner.verb != "according to":
            owner.quotes.append(q)


def _open_ended(text: str, q: Quote) -> bool:
    """A quote whose sentence goes on after it: '"...,"' or '"...?" asked', not '"...."'."""
    inner = text[q.inner_start : q.inner_end].rstrip()
    after = text[q.end : q.end + 3].lstrip()
    if not q.closed:
        return False
    if inner.endswith(","):
        return True
    if inner.endswith(("?", "!")):
        return bool(after) and after[0].islower()
    if inner.endswith("."):
        return False
    return after.startswith(",")


def _same_sentence(text: str, a: int, b: int) -> bool:
    """No sentence end between offsets a and b (only a short stretch is ever examined)."""
    if b - a > 200:
        return False
    return rx(r"[.!?][\"'\u201d\u2019]?\s+[\"\u201c]?[A-Z]").search(text[a:b]) is None


# ---------------------------------------------------------------------------- dates


def resolve_day(phrase: str, published: date) -> date | None:
    """ "Saturday", "April 8", "yesterday" -> the date, the latest one not after publication."""
    low = phrase.lower().strip()
    if low == "today":
        return published
    if low in ("yesterday", "last night"):
        return published - timedelta(days=1)
    first = low.split()[0]
    if first in _WEEKDAYS:
        delta = (published.weekday() - _WEEKDAYS.index(first)) % 7
        return published - timedelta(days=delta)
    m = rx(r"([a-z]+)\.?\s+(\d{1,2})(?:,\s+(\d{4}))?").match(low)
    if m and m[1][:3] in _MONTHS:
        try:
            if m[3]:
                return date(int(m[3]), _MONTHS[m[1][:3]], int(m[2]))
            day = date(published.year, _MONTHS[m[1][:3]], int(m[2]))
            if day > published + timedelta(days=7):
                day = date(published.year - 1, day.month, day.day)
            return day
        except ValueError:
            return None
    return None


def _resolve_dates(doc: Document, cues: list[_Cue]) -> None:
    """Explicit days first; else the speaker's earlier dated words; else the lead's news day.

    A speaker's later words in the same report are read as the same statement (the corpus
    does so). Attributions in the opening paragraphs, and interviews given to the outlet
    itself ("told the Courier"), are the day's news when the lead dates its news to the
    publication day ("said on Friday", "rose to 347 on Friday, the agency said"); when the
    lead's news is older or undated, they stay undated.
    """
    last: dict[str, str] = {}
    lead = _lead_paragraphs(doc)
    outlet = _outlet_words(doc.text)
    story_day: str | None = None
    first_lead = min(lead) if lead else -1
    seen_lead = False
    for c in cues:
        when = resolve_day(c.date, doc.published) if c.date else None
        key = c.speaker.name.lower() if c.speaker else ""
        if not seen_lead and c.sentence.paragraph == first_lead and c.verb != "according to":
            seen_lead = True
            story_day = when.isoformat() if when else _news_day(doc, c)
        if when is not None:
            c.date = when.isoformat()
        elif c.verb == "according to":
            c.date = None  # a source of figures, not words said on a day
        elif key in last:
            c.date = last[key]
        elif _ON_THE_SPOT.search(doc.text, c.span_start, c.span_end):
            c.date = doc.published.isoformat()  # "X, visiting a camp, said": reported on the day
        elif c.sentence.paragraph in lead or _told_outlet(doc.text, c, outlet):
            c.date = story_day
        else:
            c.date = None
        if c.date and key and not c.passive:
            last[key] = c.date


def _news_day(doc: Document, cue: _Cue) -> str | None:
    """The publication day when the lead sentence dates its news to it, else None."""
    published = doc.published.isoformat()
    for m in _ON_DATE.finditer(doc.text, cue.sentence.start, cue.sentence.end):
        day = resolve_day(m["when"], doc.published)
        if day is not None and day.isoformat() == published:
            return published
    return None


LEAD_PARAGRAPHS = 3  # the lead and the two paragraphs after it


_ON_THE_SPOT = fast(r",\s+(?:speaking|visiting|touring|addressing)\b(?!\s+on\s+condition)")


def _lead_paragraphs(doc: Document) -> set[int]:
    heads = _headline_paragraphs(doc)
    body = [i for i in range(len(doc.paragraphs)) if i not in heads]
    # A byline paragraph ("By Vera Simunek, The Herald") is not the story's lead.
    body = [i for i in body if not rx(r"By\s").match(doc.text[doc.paragraphs[i][0] : doc.paragraphs[i][1]])]
    return set(body[:LEAD_PARAGRAPHS])


def _outlet_words(text: str) -> set[str]:
    m = rx(r"\(([A-Z][^)\n]{1,50})\)\s*[-–—]").search(text[:1500]) or rx(
        r"^By\s+[^,\n]+,\s*([^\n]{2,50})$", re.M
    ).search(text[:1500])
    if not m:
        return set()
    return {w for w in rx(r"[A-Z][\w'-]+").findall(m[1]) if w.lower() not in ("the",)}


def _told_outlet(text: str, cue: _Cue, outlet: set[str]) -> bool:
    if cue.verb != "told" or not outlet:
        return False
    after = text[cue.verb_end : cue.verb_end + 40]
    m = rx(r"\s+(?:the\s+)?((?:[A-Z][\w'-]+\s*){1,3})").match(after)
    return bool(m and set(m[1].split()) & outlet)
