"""Attributed claims: who said what, with which verb, in which words, and when.

The pipeline, in layers (each module reads only the layers above it):

  mentions   cues.py (reporting cues)   speakers.py (people, bodies)   quotes.py (quotations)
             layout.py (headline, dateline, lead, outlet)
  frames     cue_context.py + attribution_frames.py: each cue's speaker phrase
  relations  coreference.py (who a phrase denotes)   attribution_links.py (speakers, roles,
             quotes)   attribution_dates.py (the day the words were said)

Every regular expression is anchored on a cue and looks at most a few hundred characters
around it, so the cost is linear in the text: see tests/claims/test_extract_properties.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import compress, pairwise

from recount.claims.attribution_dates import resolve_dates
from recount.claims.attribution_frames import read_cue
from recount.claims.attribution_links import (
    attach_quotes,
    note_bodies,
    resolve_roles,
    resolve_speakers,
    role_of,
)
from recount.claims.attribution_phrases import nominal_cue
from recount.claims.attribution_signatures import heading_cues, signature_cues
from recount.claims.coreference import SpeakerIndex
from recount.claims.cue_context import Cue, same_mention
from recount.claims.cues import CUE, CUE_WORDS, PARTICIPLES, is_speech
from recount.claims.document import Document
from recount.claims.layout import headline_paragraphs, outlet_words
from recount.claims.model import AttributedClaim
from recount.claims.numbers import tokens_of
from recount.claims.quotes import Quote, quote_text, quotes_of
from recount.claims.retrie import fast
from recount.claims.speakers import COMMON_NOUNS, plain_word

__all__ = ["extract_attributed"]


_OWN_STAFF = fast(r"\b(?:reporters?|correspondents?|journalists?|team)$", re.IGNORECASE)


def extract_attributed(doc: Document) -> list[AttributedClaim]:
    """Every attributed claim in the article, in text order."""
    text = doc.text
    if not text or not doc.sentences:
        return []
    headline_paras = headline_paragraphs(doc)
    index = SpeakerIndex(text)
    quotes = quotes_of(doc)
    quote_starts = [q.start for q in quotes]
    cues: list[Cue] = []
    unnamed_headline: list[Cue] = []  # "..., president says": kept if the body names who
    # Cues start at a token that is a cue word: a C-level filter over the article's tokens
    # (shared with the numeric extractor), then CUE tried there, as finditer would.
    starts, words = tokens_of(doc)
    last_end = -1
    for at in compress(starts, map(CUE_WORDS.__contains__, words)):
        if at < last_end:
            continue
        m = CUE.match(text, at)
        if m is None:
            continue
        last_end = m.end()
        sent = doc.sentence_at(m.start())
        if sent is None:
            continue
        qi = bisect_right(quote_starts, m.start()) - 1
        if qi >= 0 and quotes[qi].end > m.end():
            continue  # words inside a quotation belong to its speaker, not to the outlet
        if not is_speech(m.group(), text, m.end(), sent.end):
            continue  # "promised an inquiry", "called in troops": acts, not words
        cue = read_cue(doc, sent, m)
        if cue is None:
            continue
        if sent.paragraph in headline_paras and not _named_in_headline(cue):
            if cue.mention.kind != "group" or not _ROLE_HEAD.search(cue.mention.name):
                continue  # "ministry warns of ...": a headline credits only a named speaker
            unnamed_headline.append(cue)
        if (cues and cues[-1].sentence is sent and same_mention(cues[-1], cue)
                and not _fronted(text, cues[-1])):
            continue  # "said ... and warned", "X said on Thursday, when she announced": one claim
        if cues and cues[-1].span_end > cue.span_start and cues[-1].sentence is sent:
            continue
        if cues and cues[-1].sentence is sent and _inside_reported_clause(text, cues[-1], cue):
            continue  # "X said that Y had promised ...": Y's words are part of what X said
        cues.append(cue)
    cues = _with_nominal_cues(doc, cues, starts, words, quotes, headline_paras)
    signed = signature_cues(doc, quotes) + heading_cues(doc, quotes)
    if signed:
        cues = sorted([*cues, *signed], key=lambda c: c.span_start)
    resolve_speakers(doc, index, cues)
    resolve_roles(cues)
    for c in unnamed_headline:
        if c.speaker is None or c.speaker.kind != "person":
            c.speaker = None  # the body never names the president the headline speaks of
    note_bodies(index, cues)
    attach_quotes(doc, cues, quotes)
    resolve_dates(doc, cues)
    # Who speaks each quotation: a figure inside one is that speaker's (sources.py reads this).
    doc.memo["quote_speakers"] = [
        (q.start, q.end, c.speaker.name) for c in cues if c.speaker is not None for q in c.quotes
    ]
    out = []
    outlet = outlet_words(text)
    for c in cues:
        if c.speaker is None:
            continue
        if outlet and c.verb == "according to" and outlet <= set(c.speaker.name.split()):
            continue  # "according to a Continental Wire tally": the outlet's own count
        if c.verb in ("counted", "recorded", "tallied") and _OWN_STAFF.search(c.speaker.name):
            continue  # "the Courier's reporters counted 40": the outlet's own count
        out.append(
            AttributedClaim(
                span=text[c.span_start : c.span_end],
                start=c.span_start,
                end=c.span_end,
                sentence=text[c.sentence.start : c.sentence.end],
                speaker=c.speaker.name,
                speaker_role=role_of(index, c),
                verb=c.verb,
                quote=quote_text(text, c.quotes),
                date=c.date,
            )
        )
    return out


def _fronted(text: str, cue: Cue) -> bool:
    """ "Describing the plan as “a start”, he added: …": a participle opening the sentence is a
    claim of its own beside the main verb's."""
    return cue.verb in PARTICIPLES and not text[cue.sentence.start : cue.span_start].strip(" \"\u201c")


_ROLE_HEAD = fast(r"\b(?:president|minister|premier|chancellor|envoy|governor|mayor|secretary-general|"
                        r"spokesman|spokeswoman|sheriff|coroner|chief)$", re.IGNORECASE)
_PRESENT = frozenset(("says", "claims", "insists", "denies", "maintains", "reports", "states"))
_SOURCE_VERBS = frozenset(("reported", "announced", "estimated", "confirmed", "recorded", "counted"))
# What may stand between a reporting verb and a second cue that its reported clause holds.
_CLAUSE_BREAK = fast(r"""[,;:"\u201c\u201d]|\b(?:and|but|while|whereas|as)\b""")


def _inside_reported_clause(text: str, first: Cue, cue: Cue) -> bool:
    """ "Lund said Vask had promised", "X said that Y warned": the second cue sits in the clause
    the first one reports, with nothing that would start a new statement in between."""
    if first.verb == "according to" or first.passive or cue.span_start < first.verb_end:
        return False
    if cue.verb in _SOURCE_VERBS and cue.mention.kind == "org":
        return False  # "X said that the agency reported 13 dead": the agency is a source of its own
    if cue.verb in _PRESENT and cue.mention.kind in ("org", "other"):
        return False  # "reporters said the army claims it ...": the report's own present attribution
    between = text[first.span_end : cue.span_start]
    return len(between) < 120 and _CLAUSE_BREAK.search(between) is None


def _with_nominal_cues(doc: Document, cues: list[Cue], starts: list[int], words: list[str],
                       quotes: list[Quote], headline: set[int]) -> list[Cue]:
    """Add "a report by X" / "a statement from X" where no verb already credits the sentence's
    words to the same phrase ("A report from the agency said" is one claim, not two)."""
    found = []
    inside = _inside_quote(quotes)
    for at in compress(starts, map(_REPORT_WORDS.__contains__, words)):
        sent = doc.sentence_at(at)
        if sent is None or sent.paragraph in headline or inside(at):
            continue
        cue = nominal_cue(doc, sent, at)
        if cue is None:
            continue
        if any(c.sentence is sent and c.span_start < cue.span_end and cue.span_start < c.span_end
               for c in cues):
            continue
        found.append(cue)
    if not found:
        return cues
    return sorted([*cues, *found], key=lambda c: c.span_start)


def _inside_quote(quotes: list[Quote]):
    """at -> whether a quotation holds `at` strictly inside: by bisection when the quotations
    (in order of start) do not nest, else by a scan (a scan per word was quadratic on a long
    report)."""
    if any(a.end > b.start for a, b in pairwise(quotes)):
        return lambda at: any(q.start < at < q.end for q in quotes)
    starts = [q.start for q in quotes]

    def inside(at: int) -> bool:
        i = bisect_left(starts, at) - 1  # the last quotation opening before `at`
        return i >= 0 and at < quotes[i].end

    return inside


_REPORT_WORDS = frozenset(
    ("report", "statement", "bulletin", "communique", "communiqu\u00e9", "announcement", "update")
)


def _named_in_headline(cue: Cue) -> bool:
    """A headline's "UN says ...", "President X vows ...": a speaker named by a short proper name
    (headlines drop articles, so "governor says" or "ministry warns" name nobody in particular)."""
    words = cue.mention.name.split()
    common = len(words) == 1 and plain_word(words[0]) in COMMON_NOUNS  # "Army says": a headline's capital
    return (cue.mention.kind in ("person", "org", "other") and 0 < len(words) <= 4 and not common
            and all(w[:1].isupper() for w in words))
