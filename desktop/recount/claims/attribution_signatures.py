"""Signature lines: a quotation or an embedded post, then a line saying whose it is.

  "We will rebuild the abbey, stone by stone."      a pull quote
  -Lena Ostrova, chair, Kell Heritage Trust         its signature: the words are hers
  Toll in Kell is now 40 dead and 120 wounded.      an embedded social-media post
  — Relief Agency Veskland (@ReliefVesk) March 12, 2024   its signature: the account's

Magazine and web copy credit words this way, with no verb of saying. A dash-led line counts
only after a quotation, or when it names an account (@handle): a dash before a name is
otherwise just punctuation.

A heading line does the same for what follows it: "The Minister's Opening Statement at the
Press Conference:" or "Lena Ostrova, Chair of the Trust:", and then the quoted paragraphs.
"""

from __future__ import annotations

from recount.claims.cue_context import Cue
from recount.claims.document import Document
from recount.claims.quotes import Quote
from recount.claims.retrie import fast
from recount.claims.social_posts import SIGNATURE
from recount.claims.speakers import analyse


def signature_cues(doc: Document, quotes: list[Quote]) -> list[Cue]:
    """A cue for each signature line, holding the quotations of the paragraph it signs."""
    text = doc.text
    found: list[Cue] = []
    for pi in range(1, len(doc.paragraphs)):
        start, end = doc.paragraphs[pi]
        if text[start] not in "\u2014\u2013-" or end - start > 200:
            continue
        m = SIGNATURE.match(text, start, end)
        if m is None:
            continue
        signed = [q for q in quotes if q.paragraph == pi - 1]
        if not (signed or m["handle"]):
            continue
        mention = analyse(m["name"])
        sent = doc.sentence_at(start)
        if mention is None or mention.kind == "pronoun" or sent is None:
            continue
        verb = "posted" if m["handle"] else "said"
        cue = Cue(verb, m.start("dash"), m.end("dash"), start, m.end(), mention, sent,
                  appositive_role=m["more"].strip(", ") or None, quotes=signed)
        cue.date = m["day"] if m["handle"] else None  # the day posted, read by attribution_dates
        found.append(cue)
    return found


# "The Minister's Opening Statement at the Press Conference:", "Lena Varga, Chair of Trustees:"
_HEADING = fast(
    r"(?P<name>[A-Z][^.:\n\u201c\"]{0,60}?)['\u2019]s\s+(?i:(?:opening|full|closing|prepared|written|joint)\s+)?"
    r"(?i:statement|remarks|speech|address|message|letter)\b[^.:\n]{0,60}:\s*$|"
    r"(?P<person>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){1,3}),\s+[^:\n\u201c\"]{2,80}:\s*$"
)


def heading_cues(doc: Document, quotes: list[Quote]) -> list[Cue]:
    """A cue for each heading line ending in a colon that names whose statement follows,
    holding the quotations of the paragraphs after it (up to one without any)."""
    text = doc.text
    found: list[Cue] = []
    for pi, (start, end) in enumerate(doc.paragraphs[:-1]):
        if end - start > 140 or text[end - 1] != ":":
            continue
        m = _HEADING.match(text, start, end)
        if m is None:
            continue
        following: list[Quote] = []
        for pj in range(pi + 1, len(doc.paragraphs)):
            own = [q for q in quotes if q.paragraph == pj]
            if not own:
                break
            following.extend(own)
        mention = analyse(m["name"] or m["person"])
        sent = doc.sentence_at(start)
        if not following or mention is None or mention.kind == "pronoun" or sent is None or (
                m["person"] and mention.kind != "person"):
            continue
        found.append(Cue("said", start, end, start, end, mention, sent, quotes=following))
    return found
