"""Cues whose speaker comes after them: "according to X", "reported by X", "a report by X".

The phrase after the cue names who speaks (a mention); who it denotes is decided later
(coreference). Read by attribution_frames.read_cue and, for report nouns, by attribution.py.
"""

from __future__ import annotations

import re

from recount.claims.cue_context import Cue, extend_with_date
from recount.claims.document import Document, Sentence
from recount.claims.retrie import fast, rx
from recount.claims.speakers import Mention, analyse, strip_determiner

# The name after "according to" runs to the next punctuation; a full stop after an initial or
# a title ("the U.N. human rights office", "Dr. Ames") is part of the name, not its end.
_ABBR_DOT = r"(?:(?<=\b[A-Z])|(?<=\b(?:Dr|Mr|Ms|St|Lt))|(?<=\b(?:Mrs|Gen|Col|Sen|Rep|Gov))|(?<=\bProf))\."


_ACCORDING_PHRASE = fast(  # (a dash ends it too: "according to UNICEF — more than double ...")
    rf"\s+((?:the\s+)?(?:[^,;:.()\"“”\u2014\u2013]|{_ABBR_DOT}){{2,140}}?)"
    rf"(?=\s*(?:[,;:()\"“”\u2014\u2013]|\s-\s|(?!{_ABBR_DOT}(?!\s*$))\.|\bwhich\b|\bwho\b|\bthat\b|"
    r"\bwhile\b|\bwhereas\b|$)|"  # "according to the police while the union counted 160,000"
    r"\s+(?:reports|reported|says|said|shows|showed|counted|recorded)\s+\d)"  # "As per X reports 166 deaths"
)


_DATED = fast(r"\s+(?:dated|issued|released|published)\s+(?:on\s+)?[A-Z0-9].*$")
_NAME_APPOSED = fast(r",\s+((?:[A-Z][\w'\u2019-]+\s+){1,3}[A-Z][\w'\u2019-]+),")
# (but "the U.S. Office for Coastal Safety": the name goes on, "for" and a capital)
_ABBR_THEN_CLAUSE = fast(r"\b(?:[A-Z]\.){2,}(?=\s+[A-Z][a-z]+\s+(?!(?:for|of|and|on)\s+[A-Z])(?:[a-z]|\d))")


# What "according to" may name without naming anyone: the report's own sources of numbers.
_NO_AGENT = fast(
    r"^(?:(?:the|some|initial|early|preliminary|latest|new|official|unofficial|local|media|press|news|their|its|"
    r"his|her|[A-Z]{2,5})\s+)*"
    r"(?:assessments?|estimates?|figures|data|statistics|records|calculations|counts?|tallies|"
    r"projections|results|samples|plans?|schedules?|instructions|rules|guidelines|wishes|needs|size|type)$",
    re.I,
)


# "a UN report", "the Disaster Authority's latest report": the owner's
_OWNER_REPORT = fast(
    r"^(?:the|a|an)\s+(?:(?:new|latest|revised|updated|initial|preliminary|final)\s+)?((?:[A-Z][\w.-]*\s+){0,3}?"
    r"[A-Z][\w.-]*)(?:['\u2019]s)?\s+(?:(?:new|latest|revised|updated|initial|preliminary|final|daily|weekly)\s+)?"
    r"(?:report|statement|tally|count|estimates?|figures|data|bulletin)\b"
)


_OWN_REPORT = fast(r"(?:its|their|his|her)\s+(?:\S+\s+){0,6}?(?:report|statement|data|figures|bulletin|"
                   r"update|tally|count|assessment)\b", re.IGNORECASE)
_AUTHORLESS_REPORT = fast(
    r"^(?:the|a|an)\s+(?:[a-z]+\s+){0,2}(?:report|statement|tally|count|bulletin|update)\b"
    r"(?!.*\b(?:by|from|of|for)\s+(?:the\s+)?[A-Z])"
)


def according_to(doc: Document, sent: Sentence, vstart: int, vend: int) -> Cue | None:
    text = doc.text
    limit = min(sent.end, vend + 160)
    m = _ACCORDING_PHRASE.match(text[vend:limit])
    if not m:
        return None
    phrase = m[1].strip()
    if _OWN_REPORT.match(phrase):
        return None  # "as per its latest report": the sentence's own speaker, named by its verb
    n_end = vend + m.end(1)
    dated = _DATED.search(phrase)
    if dated:  # "a statement from the agency dated May 3": the ministry's
        n_end -= len(phrase) - dated.start()
        phrase = phrase[: dated.start()]
    # "according to the U.N. Another 12 fled": the splitter kept the abbreviation's full stop,
    # but a new clause starts after it.
    cut = _ABBR_THEN_CLAUSE.search(phrase)
    if cut:
        n_end -= len(phrase) - cut.end()
        phrase = phrase[: cut.end()]
    # "according to a bulletin from the port authority", "figures released by the UN": the body.
    via = rx(r"(?:the|a|an)\s+(?:[a-z]+\s+){0,2}?(?:statement|figures|data|report|estimates?|count|tally|"
        r"update|bulletin|briefing|spokes(?:man|woman|person))\s+(?:(?:released|published|issued|compiled)\s+)?(?:from|by|of|for)\s+(.+)$").match(phrase)
    if via:
        phrase = via[1]
    owned = _OWNER_REPORT.match(phrase) if not via else None
    if owned:  # "according to a WHO report published Monday": the WHO's
        phrase = owned[1]
    elif not via and _AUTHORLESS_REPORT.match(phrase):
        return None  # "according to an updated count released on Friday": nobody named
    if _NO_AGENT.match(phrase):
        return None  # "according to preliminary assessments": nobody is credited
    mention = analyse(phrase) or Mention("group", strip_determiner(phrase), None, phrase)
    named = _NAME_APPOSED.match(text, n_end, sent.end)
    if named and mention.kind == "group":  # "according to the city's governor, Mila Dorn,": her
        person = analyse(named[1])
        if person is not None and person.kind in ("person", "other"):
            mention = Mention("person", person.name, strip_determiner(phrase), named[1])
            n_end = named.end(1)
    cue = Cue("according to", vstart, vend, vstart, n_end, mention, sent)
    return cue


def passive_by(doc: Document, sent: Sentence, vstart: int, vend: int, verb: str) -> Cue | None:
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
    cue = Cue(verb, vstart, vend, vstart, vend + m.end(1), mention, sent, passive=True)
    extend_with_date(doc, cue)
    return cue


# "a corrected report by the Transport Ministry", "Monday's statement by an army spokeswoman": a
# published statement credited to its author, with no verb of saying.
_NOMINAL = fast(
    r"(?:report|statement|bulletin|communiqu[eé]|announcement|update)\s+(?:(?:issued|released|published)\s+)?"
    r"(?:by|from)\s+((?:the|a|an)\s+[^,;:.()\"\u201c\u201d]{2,90}?|[A-Z][^,;:.()\"\u201c\u201d]{1,90}?)"
    r"(?=\s*[,;:.()\"\u201c\u201d]|\s+(?:on|in|said|says|that|which|who|was|were|is|are|has|had|showed|"
    r"shows|put|puts|late|earlier|also)\b|$)"
)


_NOMINAL_LEAD = fast(
    r"(?:\b(?:a|an|the|its|their)\s+|\b[A-Z][a-z]+day(?:'s|\u2019s)\s+)(?:[a-z]+\s+){0,2}$"
)


def nominal_cue(doc: Document, sent: Sentence, at: int) -> Cue | None:
    """The cue of a report noun at `at` when it names its author with "by" or "from"."""
    text = doc.text
    m = _NOMINAL.match(text, at, sent.end)
    if m is None:
        return None
    mention = analyse(m[1])
    if mention is None or mention.kind == "pronoun":
        return None
    lead = _NOMINAL_LEAD.search(text, max(sent.start, at - 40), at)
    start = lead.start() if lead else at
    noun = text[at : text.find(" ", at, m.end())]
    cue = Cue(noun, at, at + len(noun), start, m.end(1), mention, sent, passive=True)
    extend_with_date(doc, cue)
    return cue
