"""The subject of the main clause as the speaker: "X visited the camp and promised …", "X defended
the plan, saying …", "With Prime Minister Oskar Lund saying …", and a participle that opens the
sentence ("Describing the abbey as …, she added"). attribution_frames.read_cue sends these here."""

from __future__ import annotations

import re

from recount.claims.cue_context import (
    FRONTED,
    LOOK,
    ON_DATE,
    TOKEN,
    Cue,
    extend_with_date,
)
from recount.claims.cues import CUE
from recount.claims.document import Document, Sentence
from recount.claims.layout import DATELINE
from recount.claims.retrie import fast, rx
from recount.claims.speakers import (
    GROUP_NOUNS,
    ORG_HEADS,
    ROLE_WORDS,
    Mention,
    analyse,
    is_capitalised,
    role_like,
    strip_determiner,
)

# "..., with Prime Minister Oskar Lund saying": the speaker of an absolute clause.
_WITH_SPEAKER = fast(r"\bwith\s+((?:[A-Z][\w.'\u2019-]*\s+){0,5}[A-Z][\w'\u2019-]*)\s*$")


# a counted group as the subject: "Five former employees", "Some residents"
_COUNTED_GROUP = fast(r"(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Dozens|Hundreds|"
                      r"Thousands|Some|Several|Many|Most|All)(?:\s+of\s+the)?\s+(?:[a-z-]+\s+){0,2}?"
                      r"(?:" + "|".join(sorted(GROUP_NOUNS)) + r"|[a-z]{0,12}(?:ers|ists|ees|ians|ents|ants|"
                      r"ors|men|women|nurses|doctors|pilots|guards|judges|parents|relatives))\b")


def fronted_participle(doc: Document, sent: Sentence, vstart: int, vend: int, verb: str) -> Cue | None:
    """ "Describing the cathedral as “our history”, he added: …": the participle's words are the
    main clause's subject's, a claim of their own beside the main verb's."""
    text = doc.text
    main = CUE.search(text, vend, sent.end)
    comma = text.rfind(",", vend, main.start()) if main is not None else -1
    if main is None or comma < 0:
        return None
    mention = analyse(text[comma + 1 : main.start()])
    if mention is None:
        return None
    return Cue(verb, vstart, vend, vstart, vend, mention, sent)


def main_clause_cue(doc: Document, sent: Sentence, vstart: int, vend: int, verb: str) -> Cue | None:
    """ "X visited the camp and promised", "X defended the plan, saying": the sentence's subject."""
    text = doc.text
    s = sent.start
    if text[max(s, vstart - 4) : vstart].rstrip().endswith((",\u201d", "\u201d,", ',"', '",')):
        # "…,” explaining that …": a quoted paragraph closed by a participle, the last speaker's
        return Cue(verb, vstart, vend, vstart, vend, Mention("pronoun", ""), sent)
    absolute = _WITH_SPEAKER.search(text, max(s, vstart - 80), vstart)
    named = analyse(absolute[1]) if absolute else None
    if absolute and named is not None and named.kind in ("person", "org"):
        return Cue(verb, vstart, vend, absolute.start(1), vend, named, sent, appositive_role=named.role)
    dl = DATELINE.match(text, s, vstart)
    if dl:
        s = dl.end()
    head = text[s : min(vstart, s + LOOK)]
    # A fronted phrase ("In an audio message released on Sunday, ...") is not the subject.
    fronted = FRONTED.match(head)
    offset = fronted.end() if fronted else 0
    words: list[tuple[int, int, str]] = []
    counted = _COUNTED_GROUP.match(head, offset)
    if counted and (group := analyse(counted.group())) is not None and group.kind == "group":
        # "Five former employees filed a lawsuit saying": the group, however many
        return _subject_cue(doc, sent, verb, vstart, vend, s, fronted, s + counted.start(), s + counted.end(),
                            group)
    for t in TOKEN.finditer(head, offset):
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
    return _subject_cue(doc, sent, verb, vstart, vend, s, fronted, n_start, n_end, mention)


def _subject_cue(doc: Document, sent: Sentence, verb: str, vstart: int, vend: int, s: int,
                 fronted: re.Match[str] | None, n_start: int, n_end: int, mention: Mention) -> Cue:
    """The cue of a main clause's subject, with its apposition's role and the clause's date."""
    text = doc.text
    role = None
    am = rx(r",\s+((?:a|an|the)\s[^,]{2,80}),").match(text[n_end:vstart])
    if am and role_like(am[1]):
        role = strip_determiner(am[1])
    cue = Cue(verb, vstart, vend, n_start, vend, mention, sent, appositive_role=role or mention.role)
    dm = ON_DATE.search(text, s, vstart)
    if dm and ((fronted and dm.start() < s + fronted.end()) or dm.start() > n_end):
        cue.date = dm["when"]
    extend_with_date(doc, cue)
    return cue


