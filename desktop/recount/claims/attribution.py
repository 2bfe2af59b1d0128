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

from bisect import bisect_right
from itertools import compress

from recount.claims.attribution_dates import resolve_dates
from recount.claims.attribution_frames import read_cue
from recount.claims.attribution_links import (
    attach_quotes,
    note_bodies,
    resolve_roles,
    resolve_speakers,
    role_of,
)
from recount.claims.coreference import SpeakerIndex
from recount.claims.cue_context import Cue, same_mention
from recount.claims.cues import CUE, CUE_WORDS, is_speech
from recount.claims.document import Document
from recount.claims.layout import headline_paragraphs, outlet_words
from recount.claims.model import AttributedClaim
from recount.claims.numbers import tokens_of
from recount.claims.quotes import quote_text, quotes_of

__all__ = ["extract_attributed"]


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
        if sent is None or sent.paragraph in headline_paras:
            continue
        qi = bisect_right(quote_starts, m.start()) - 1
        if qi >= 0 and quotes[qi].end > m.end():
            continue  # words inside a quotation belong to its speaker, not to the outlet
        if not is_speech(m.group(), text, m.end(), sent.end):
            continue  # "promised an inquiry", "called in troops": acts, not words
        cue = read_cue(doc, sent, m)
        if cue is None:
            continue
        if cues and cues[-1].sentence is sent and same_mention(cues[-1], cue):
            continue  # "said ... and warned", "X said on Thursday, when she announced": one claim
        if cues and cues[-1].span_end > cue.span_start and cues[-1].sentence is sent:
            continue
        cues.append(cue)
    resolve_speakers(doc, index, cues)
    resolve_roles(cues)
    note_bodies(index, cues)
    attach_quotes(doc, cues, quotes)
    resolve_dates(doc, cues)
    out = []
    outlet = outlet_words(text)
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
                speaker_role=role_of(index, c),
                verb=c.verb,
                quote=quote_text(text, c.quotes),
                date=c.date,
            )
        )
    return out
