"""Attribution frames: the speaker phrase of one reporting cue, in the ways news English attributes.

  "X said" / "X, a spokesman for Y, said"      the subject before the verb
  '"...," said X, the head of Y'                the subject after the verb
  "X visited ... and promised" / "..., saying"  the subject of the main clause
  "according to X" / "reported by X"            the phrase after the cue
The phrase is only found here (a mention); who it denotes is decided later (coreference).
"""

from __future__ import annotations

import re

from recount.claims.attribution_main_clause import fronted_participle, main_clause_cue
from recount.claims.attribution_phrases import according_to, passive_by
from recount.claims.cue_context import (
    APPOSITION_AFTER,
    BARE_DATE,
    DATE_BEFORE_VERB,
    LOOK,
    TIME_LEAD,
    TOKEN,
    Cue,
    clause_start,
    extend_with_date,
    fronted_date,
    may_end_in_day,
    prev_word,
    skip_before_verb,
)
from recount.claims.cues import NOT_AFTER, PASSIVE_BY
from recount.claims.document import Document, Sentence
from recount.claims.layout import DATELINE
from recount.claims.retrie import fast, rx
from recount.claims.speakers import (
    FUNCTION_WORDS,
    GROUP_NOUNS,
    ORG_HEADS,
    ROLE_WORDS,
    Mention,
    analyse,
    is_capitalised,
    role_like,
    strip_determiner,
)


def read_cue(doc: Document, sent: Sentence, m: re.Match[str]) -> Cue | None:
    text = doc.text
    vstart, vend = m.start(), m.end()
    if m["acc"]:
        return according_to(doc, sent, vstart, vend)
    verb = m.group().lower()
    if verb in ("added", "adds") and rx(_ADDED_SUM).match(text, vend):
        return None  # "services added (0.6 pp) to output", "goods added 0.2 points": sums, not words
    if verb in PASSIVE_BY and rx(r"\s+by\s").match(text[vend : vend + 5]):
        return passive_by(doc, sent, vstart, vend, verb)  # "the toll, announced by the agency"
    prev = prev_word(text, vstart, sent.start)
    if text[max(sent.start, vstart - 6):vstart].rstrip().endswith(("n't", "n\u2019t")):
        prev = "n't"  # "authorities haven't confirmed": negated, whichever apostrophe
    if verb == "quoted" and prev in ("was", "were") and (said := _QUOTED_AS.match(text, vend, sent.end)):
        # '"…," Minister Oren Bakr was quoted as saying by the news agency': the minister speaks
        return _subject_cue(doc, sent, text.rfind(prev, sent.start, vstart), said.end(), verb)
    if prev in NOT_AFTER:
        if verb in PASSIVE_BY and prev in ("was", "were", "been", "be", "is", "are"):
            return passive_by(doc, sent, vstart, vend, verb)
        return None
    if verb in ("citing", "cited", "quoted"):  # "cited X, an official, as saying": X speaks
        cited = _CITING_AS_SAYING.match(text, vend, sent.end)
        mention = analyse(cited[1].split(",")[0]) if cited else None
        if cited and mention is not None and mention.kind != "pronoun":
            return Cue(verb, vstart, vend, vstart, cited.end(), mention, sent)  # the cited speaks
    if m["part"] and not text[sent.start : vstart].strip(" \"\u201c"):
        return fronted_participle(doc, sent, vstart, vend, verb)
    if m["part"] or (m["call"] and prev in ("", ",")):
        return main_clause_cue(doc, sent, vstart, vend, verb)
    return _subject_cue(doc, sent, vstart, vend, verb)


_INDEFINITE_AFTER = fast(r"\s+an?\s+(?:[\w-]+\s+){0,4}?(?:official|spokes(?:man|woman|person)|source|aide|"
                         r"diplomat|officer|doctor|witness|resident|lawyer|analyst|member)\b", re.IGNORECASE)


def _subject_cue(doc: Document, sent: Sentence, vstart: int, vend: int, verb: str) -> Cue | None:
    """The speaker named before the verb (or, failing that, right after it)."""
    text = doc.text
    floor = max(sent.start, vstart - LOOK)
    left = text[floor:vstart]
    date_before = None
    # Words between subject and verb that are not the subject: "has also", ", on April 8".
    stripped = skip_before_verb(left)
    dm = DATE_BEFORE_VERB.search(stripped) if may_end_in_day(stripped) else None
    if dm:
        date_before = dm["when"]
        stripped = stripped[: dm.start()]
    tail = stripped.rstrip()
    if not tail or tail.endswith(('"', "\u201d", "'", "\u2019")) or tail.endswith(('",', ",\u201d")):
        return _inverted(doc, sent, vstart, vend, verb)
    if tail.endswith((" and", " but")):
        return main_clause_cue(doc, sent, vstart, vend, verb)
    relative = _RELATIVE.search(tail)
    if relative:  # "local leaders who said", "the group, which said": the noun before
        if verb not in _PLAIN_SPEECH:
            return None  # "X, who has promised to ...": a description of X, not a claim
        tail = tail[: relative.start()]
        np_start = _noun_phrase_start(tail)
        mention = analyse(tail[np_start:])
        if mention is None or not _relative_antecedent(mention, relative[0]):
            return None
        cue = Cue(verb, vstart, vend, floor + np_start, vend, mention, sent)
        extend_with_date(doc, cue)
        return cue
    if tail.endswith(",") and _INDEFINITE_AFTER.match(text, vend):
        return _inverted(doc, sent, vstart, vend, verb)  # "..., Tamar, Velden, said a senior official"
    subject = _subject_before(text, floor, floor + len(tail))
    if subject is None:
        if tail.endswith(","):
            return _inverted(doc, sent, vstart, vend, verb)
        return _subject_then_phrase(doc, sent, vstart, vend, verb)
    s_start, _s_end, mention, role = subject
    cue = Cue(verb, vstart, vend, s_start, vend, mention, sent, appositive_role=role)
    cue.date = date_before or fronted_date(text, sent.start, s_start)
    extend_with_date(doc, cue)
    return cue


_ADDED_SUM = r"\s*(?:\(|\d|to\s+(?:the\s+)?(?:real|growth|output|gdp)\b)"
_QUOTED_AS = fast(r"\s+as\s+(?:saying|stating)\b")
# "..., citing the ministry as saying": the words are the cited body's.
_CITING_AS_SAYING = fast(
    r"\s+((?:the\s+|a\s+|an\s+)?[A-Za-z][^;:.()\"\u201c\u201d]{1,120}?)\s*,?\s+as\s+(?:saying|stating)\b"
)
_KNOWN_AS = fast(
    r"^(?:also\s+|better\s+|widely\s+)?known\s+as\s+(?:the\s+)?([A-Z][\w.'&-]*(?:\s+[A-Z][\w.'&-]*){0,5})$"
)
_AGE_LEAD = fast(r"\d{1,3}-year-old\s+(?=[A-Z])")
# "X, who said" / "X which said": a relative pronoun between the speaker and the verb.
_RELATIVE = fast(r",?\s+(?:who|which)$")


_PLAIN_SPEECH = frozenset("said says told tells added stated warned reported confirmed explained noted wrote "
                          "tweeted insisted".split())


def _noun_phrase_start(tail: str) -> int:
    """Where the noun phrase that ends `tail` starts: after the last verb or preposition
    ("figures came from village elders" -> "village elders"; "the group" keeps its article)."""
    words = list(TOKEN.finditer(tail))
    start = len(tail)
    for w in reversed(words[-6:]):
        low = w.group().lower()
        if low in ("the", "a", "an"):
            return w.start()
        if low in FUNCTION_WORDS or low.endswith(","):
            break
        start = w.start()
    return start


def _relative_antecedent(mention: Mention, pronoun: str) -> bool:
    """ "officials who said" (people), "the group, which said" (a body): a short noun phrase."""
    if "which" in pronoun:
        return mention.kind == "org"
    return mention.kind in ("person", "other") or (mention.kind == "group" and len(mention.name.split()) <= 3)


def _subject_before(text: str, floor: int, end: int) -> tuple[int, int, Mention, str | None] | None:
    """The noun phrase ending at `end`: the last clause chunk, with comma appositions handled."""
    chunk_end = end
    role: str | None = None
    stacked = _stacked_appositions(text, floor, end)
    if stacked is not None:
        return stacked
    # "Marek Toland, a spokesman for the Front, said": skip an apposition between commas.
    if text[floor:chunk_end].rstrip().endswith(","):
        inner_end = floor + len(text[floor:chunk_end].rstrip()) - 1
        comma = text.rfind(",", floor, inner_end)
        seg_start = comma + 1 if comma >= 0 else clause_start(text, floor, inner_end)
        segment = text[seg_start:inner_end].strip()
        age = _AGE_LEAD.match(segment)  # "One of the injured, 52-year-old Tomas Brel, said"
        if age:
            seg_start += text[seg_start:inner_end].find(segment) + age.end()
            segment = segment[age.end() :]
        if not segment:
            return None
        titled = segment.split()[0].lower() in ROLE_WORDS and role_like(segment)  # "Deputy Director of X"
        named = analyse(segment) if is_capitalised(segment.split()[0]) and not titled else None
        if named and named.kind in ("person", "other", "org") and not segment.lower().startswith("the "):
            # "the agency's director, Emil Stravos," -> the name, with the phrase before as role.
            before_end = comma if comma >= 0 else seg_start
            prev_start = clause_start(text, floor, before_end)
            prev = text[prev_start:before_end].strip()
            if prev and not any(ch.isdigit() for ch in prev) and role_like(prev):
                role = strip_determiner(prev)
            s_start = seg_start + (len(text[seg_start:inner_end]) - len(text[seg_start:inner_end].lstrip()))
            return s_start, inner_end, named, role or named.role
        known_as = _KNOWN_AS.match(segment)
        if known_as and comma >= 0:
            # "The relief agency, known as RELIEFNET, reckoned": the name the report gives it
            named = analyse(known_as[1])
            if named is not None and named.kind in ("org", "other", "person"):
                start_at = clause_start(text, floor, comma)
                lead_ws = len(text[start_at:comma]) - len(text[start_at:comma].lstrip())
                return start_at + lead_ws, inner_end, named, strip_determiner(text[start_at:comma].strip())
        if comma < 0:
            return None
        role = strip_determiner(segment) if role_like(segment) else None
        chunk_end = comma
    start = clause_start(text, floor, chunk_end)
    dl = DATELINE.match(text, start, chunk_end)
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
    if (timed := TIME_LEAD.match(phrase)) and timed.end() < len(phrase):  # "On Tuesday the minister said"
        lead, phrase = lead + timed.end(), phrase[timed.end():]
    if not phrase:
        return None
    mention = analyse(phrase)
    if mention is None:
        return None
    kind_of_role = mention.kind == "group" or (mention.kind == "org" and _titled(phrase))
    if (kind_of_role and phrase.lower().startswith(("the ", "a ", "an ")) and role_like(phrase)) or \
            _OWNERS_ROLE.match(phrase):
        # "Ana Ruiz, the UN's deputy envoy to Kessaria said": the name before the apposition
        comma = text.rfind(",", floor, start + lead)
        named_start = clause_start(text, floor, comma) if comma > floor else -1
        named = analyse(text[named_start:comma].strip()) if named_start >= 0 else None
        if named is not None and named.kind == "person" and text[comma + 1 : start + lead].strip() == "":
            n_start = named_start + (len(text[named_start:comma]) - len(text[named_start:comma].lstrip()))
            return n_start, start + lead + len(phrase), named, strip_determiner(phrase)
    if role is None and mention.kind == "person" and text[floor:start].rstrip().endswith(","):
        # "The EU's foreign-policy chief, Federica Mogherini, on April 8 called for"
        comma = floor + len(text[floor:start].rstrip()) - 1
        prev = text[clause_start(text, floor, comma) : comma].strip()
        if prev and not any(ch.isdigit() for ch in prev) and role_like(prev):
            role = strip_determiner(prev)
    return start + lead, start + lead + len(phrase), mention, role or mention.role


# someone's role after a name: "Dana Ortiz, Lee and Park's lawyer, told" (the role of the name)
_OWNERS_ROLE = fast(r"(?:[A-Z][\w'\u2019-]+\s+){0,2}?[A-Z][\w'\u2019-]+"
                    r"(?:\s+(?:and|&)\s+(?:[A-Z][\w-]+\s+){0,2}?[A-Z][\w-]+)?(?:'s|\u2019s|'|\u2019)\s+"
                    r"(?:[a-z-]+\s+){0,2}?(?:" + "|".join(sorted(ROLE_WORDS)) + r")$")


# "Lund during a news conference on Thursday said": a name, a time or place phrase, the verb.
_NAME_THEN_PHRASE = fast(  # (not "Late on Tuesday the minister said": a time, not a name)
    r"(?:[A-Z][a-z]+,\s+)?(?!(?:Late|Early|Later|Earlier|Also|Meanwhile|Then|Last|Next|Shortly|Soon)\s)"
    r"((?:[A-Z][\w.'\u2019-]*\s+){0,3}[A-Z][\w'\u2019-]*)\s+"
    r"(?:during|at|in|after|before|following|on)\s+"
    r"[^,;:\"\u201c\u201d]{3,70}?\s*$"
)


def _subject_then_phrase(doc: Document, sent: Sentence, vstart: int, vend: int, verb: str) -> Cue | None:
    text = doc.text
    m = _NAME_THEN_PHRASE.fullmatch(text, sent.start, vstart)
    mention = analyse(m[1]) if m else None
    if m is None or mention is None or mention.kind not in ("person", "org", "other"):
        return None
    return Cue(verb, vstart, vend, m.start(1), vend, mention, sent, appositive_role=mention.role)


def _titled(phrase: str) -> bool:
    """A role named with its body ("the head of the Electoral Board"), not the body itself."""
    words = phrase.split()
    return len(words) > 1 and words[1].lower() in ROLE_WORDS


def _stacked_appositions(text: str, floor: int, end: int) -> tuple[int, int, Mention, str | None] | None:
    """ "Aroldo Brand, governor of the northern department, bordering the coast, told": a name
    at the start of the sentence followed by two or more appositions between commas."""
    window = text[floor:end].rstrip()
    if not window.endswith(",") or window.count(",") < 3:
        return None
    before = text[max(0, floor - 3) : floor].rstrip()
    if before and before[-1] not in ".!?\"\u201d":
        return None  # the window does not start at the start of a sentence
    dl = DATELINE.match(text, floor, end)
    start = dl.end() if dl else floor
    parts = text[start : floor + len(window) - 1].split(",")
    if len(parts) < 3:
        return None
    head = parts[0].strip()
    if not head or not is_capitalised(head.split()[0]) or head.lower().startswith("the "):
        return None
    mention = analyse(head)
    if mention is None or mention.kind not in ("person", "org"):
        return None
    if not all(p.strip()[:1].islower() for p in parts[1:]):
        return None  # each apposition starts in lower case: "governor of ...", "bordering ..."
    s_start = start + (len(parts[0]) - len(parts[0].lstrip()))
    role = strip_determiner(parts[1].strip()) if role_like(parts[1]) else None
    return s_start, s_start + len(head), mention, role or mention.role


# a role after a name with no article: ", leader of the VPP", ", head of the electoral board"
_ROLE_ALTERNATION = "|".join(sorted(ROLE_WORDS))
_BARE_ROLE_AFTER = fast(r",\s+((?:(?:deputy|former|acting|interim|vice)\s+)?(?:" + _ROLE_ALTERNATION
                        + r")\s+(?:of|for|at)\s+[^,;\"\u201c\u201d]{2,80}?)"
                        r"(?=[,;\"\u201c\u201d]|\.(?:\s|$)|$)")


def _inverted(doc: Document, sent: Sentence, vstart: int, vend: int, verb: str) -> Cue | None:
    """'"...," said Hanne Birk, a member of parliament' -> the speaker after the verb."""
    text = doc.text
    limit = min(sent.end, vend + LOOK)
    right = text[vend:limit]
    date_first = BARE_DATE.match(right)
    offset = date_first.end() if date_first and date_first["when"] else 0
    words: list[tuple[int, int, str]] = []
    tokens = list(TOKEN.finditer(right, offset))[:14]
    for k, t in enumerate(tokens):
        w = t.group()
        core = w.rstrip(",.;:\"”")
        low = core.lower()
        if not words and low in ("the", "a", "an"):
            words.append((t.start(), t.start() + len(core), core))
            continue
        following = tokens[k + 1].group().lower().rstrip(",.;:") if k + 1 < len(tokens) else ""
        # "said North Varnia province police chief Ana Wend", "said a senior provincial government
        # official": up to three modifiers before the role
        ahead = {t.group().lower().rstrip(",.;:") for t in tokens[k + 2 : k + 4]} if words else set()
        ok = (
            is_capitalised(core)
            or (words and low in ("of", "for", "the", "at", "from") and not w.endswith(","))
            or low in ROLE_WORDS
            or low in GROUP_NOUNS
            or (words and low in ORG_HEADS)
            # "said defense lawyer Ann Moss", "said police spokesman Ivo Lenz": a modifier of the role
            or (w == core and (following in ROLE_WORDS or bool(ahead & ROLE_WORDS)) and low.isalpha())
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
    am = APPOSITION_AFTER.match(after)
    if am and not am[1].isdigit() and not am[1].startswith("who"):
        role = strip_determiner(am[1])
    elif am and am[1].isdigit():  # "said Tomas Ardel, 58, who farms near Esk"
        rest = rx(r",\s+\d{1,3},\s+(?:a|an|the)\s+([^,.;]{2,90})").match(after)
        role = rest[1] if rest else None
    elif (bare := _BARE_ROLE_AFTER.match(after)) is not None:
        role = bare[1]  # '"...," tweeted Okonjo, leader of the VPP': his role, with no article
    cue = Cue(verb, vstart, vend, vstart, n_end, mention, sent, appositive_role=role or mention.role)
    if date_first and date_first["when"]:
        cue.date = date_first["when"]
    return cue
