"""Who a figure is attributed to: NumericClaim.source from the attributed claims around it.

News attributes a figure in its own sentence ("..., the ministry said", "according to
UNICEF", "X told AP 40 people died"), by quoting the words that hold it ('"The toll is now
147," the agency said'), and carries that attribution to the sentences that continue the
same count ("At least 85 people are still missing, the agency said. More than 1,600 people
have been injured."). A headline's figure is the one the lead attributes. A pledge names its
giver ("EUR 20m from the Harbour Trust"). A figure with none of these is the outlet's own:
source None. The outlet citing its own tally ("according to a Reuters tally") is not a source.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import pairwise

from recount.claims.body_names import BodyNames
from recount.claims.document import Document, Sentence
from recount.claims.layout import headline_paragraphs, outlet_name
from recount.claims.model import AttributedClaim, NumericClaim, TimeSpan
from recount.claims.retrie import fast
from recount.claims.speakers import GROUP_NOUNS, KNOWN_BODIES, analyse, plain_word

# A sentence that only continues a toll carries the previous sentence's source; other kinds of
# figure (a population, buildings, money) usually start a new, unattributed statement.
CARRIED_CATEGORIES = frozenset(
    ("killed", "wounded", "displaced", "missing", "arrested", "evacuated", "injured_or_killed")
)


def assign_sources(doc: Document, numeric: list[NumericClaim], attributed: list[AttributedClaim]) -> None:
    """Fill `source` on each numeric claim in place (leaves a source already set alone)."""
    if not numeric:
        return
    outlet = outlet_name(doc.text)
    by_sentence: dict[int, list[AttributedClaim]] = {}
    for claim in attributed:
        if not claim.speaker or (outlet and outlet.lower() in claim.speaker.lower()):
            continue
        sent = doc.sentence_at(claim.start)
        if sent is not None:
            by_sentence.setdefault(sent.start, []).append(claim)
    index = {s.start: i for i, s in enumerate(doc.sentences)}
    speaker_at = _quote_speakers(doc.memo.get("quote_speakers") or [])  # type: ignore[arg-type]
    headline = headline_paragraphs(doc)
    carried: dict[int, str] = {}  # sentence start -> the source a toll there carried on
    pending: list[NumericClaim] = []  # headline figures
    bodies = BodyNames(doc.text)
    for figure in numeric:
        if figure.source:
            continue
        sent = doc.sentence_at(figure.start)
        if sent is None:
            continue
        others = _OTHERS_PUT.search(doc.text, sent.start, figure.start)
        if others is not None and _FIGURE_LIST.fullmatch(doc.text, others.end(), figure.start):
            figure.source = others["who"]  # "Some media are putting the toll at 210, but ... 184, he said"
            continue
        speaker = speaker_at(figure.start)
        if speaker is not None and not (outlet and outlet.lower() in speaker.lower()):
            figure.source = speaker  # '"The toll is now 147," the agency said'
            continue
        if figure.category == "money":
            giver = _GIVER.match(doc.text, figure.end, sent.end)
            mention = analyse(giver[1].rstrip(".")) if giver else None
            if mention is not None and mention.kind in ("person", "org"):
                figure.source = mention.name  # "EUR 20m from the Harbour Trust"
                continue
            named = _GIVER_DESCRIBED.match(doc.text, figure.end, sent.end)
            if named is not None:  # "€200m from the luxury Orvane cosmetics group": Orvane
                figure.source = named["name"]
                continue
        here = [c for c in by_sentence.get(sent.start, ()) if _covers(doc.text, c, figure)]
        # "The agency said the toll rose to 3,381, Anadolu reported": a news outlet relays the
        # words of the body it names; it is their source only when nobody else is named
        relayed = [c for c in here if not _NEWS_RELAY.match(c.speaker or "")
                   and not _closing_report(c, here, figure)]
        actor = _actor(doc, sent, figure, bodies) if len(relayed) < len(here) and not relayed else None
        if actor is None and (relayed or here):
            words = _nearest(figure, relayed or here)
            figure.source = credited(words)
            _as_of_words(doc, figure, words)
            continue
        actor = actor or _actor(doc, sent, figure, bodies)
        if actor is not None:
            figure.source = actor
            continue
        if figure.category in CARRIED_CATEGORIES:
            prev = _previous(doc, index, sent)
            if prev is not None and prev.start in by_sentence:
                figure.source = credited(by_sentence[prev.start][-1])
                _as_of_words(doc, figure, by_sentence[prev.start][-1])
            elif prev is not None and prev.start in carried:
                figure.source = carried[prev.start]  # a run of sentences continuing one toll
            if figure.source:
                carried[sent.start] = figure.source
                continue
        if sent.paragraph in headline:
            pending.append(figure)
        elif _ELECTION.search(doc.text, sent.start, sent.end):
            figure.source = _electoral_body(doc, attributed)  # vote counts are the count's
    for figure in pending:  # after the body's figures have theirs
        figure.source = _lead_source(doc, figure, numeric, attributed, headline)


def _quote_speakers(quoted: list[tuple[int, int, str]]):
    """pos -> the speaker of the first quotation in `quoted` that holds pos, else None. Looked
    up by bisection when the quotations do not overlap (as quotes.py finds them): a scan of
    every quotation per figure made a long report quadratic."""
    first: dict[tuple[int, int], str] = {}
    for qs, qe, name in quoted:
        first.setdefault((qs, qe), name)  # a quotation given to two claims: the first one's
    spans = sorted((qs, qe, name) for (qs, qe), name in first.items())
    if any(a[1] > b[0] for a, b in pairwise(spans)):
        return lambda pos: next((name for qs, qe, name in quoted if qs <= pos < qe), None)
    starts = [qs for qs, _, _ in spans]

    def speaker_at(pos: int) -> str | None:
        i = bisect_right(starts, pos) - 1
        return spans[i][2] if i >= 0 and pos < spans[i][1] else None

    return speaker_at


def _as_of_words(doc: Document, figure: NumericClaim, words: AttributedClaim) -> None:
    """A figure the report dates only by its publication holds as of the day of the words it is
    credited to ("a revised report by the ministry" that the ministry released on Thursday)."""
    t = figure.time
    pub = doc.published.isoformat()
    if words.date and words.date < pub and t.end == pub and t.scope in ("cumulative", "point"):
        figure.time = TimeSpan(t.start if t.scope == "cumulative" else words.date, words.date, t.scope)


# "WHO spokesman", "spokeswoman for the Harbour Trust", "the agency's spokesperson".
_SPOKES_FOR = fast(
    r"^(?:the\s+)?(?:(?P<before>.+?)(?:'s|\u2019s)?\s+spokes(?:man|woman|person)|"
    r"spokes(?:man|woman|person)\s+(?:for|of)\s+(?:the\s+)?(?P<after>.+))$",
    re.I,
)


def credited(claim: AttributedClaim) -> str | None:
    """Who a figure from this claim belongs to: a spokesman speaks for his body, so a figure he
    gives is the body's, written "Body (Spokesman Name)" so that both can be matched."""
    role = claim.speaker_role or ""
    m = _SPOKES_FOR.match(role) if "spokes" in role.lower() else None
    if m is None or not claim.speaker or " " not in claim.speaker:
        return claim.speaker
    body = (m["before"] or m["after"] or "").strip()
    if not body or body.lower() in ("a", "an", "the", "its", "his", "her", "their", "government"):
        return claim.speaker
    body = KNOWN_BODIES.get(body.lower(), body) if body.isupper() else body
    return f"{body} ({claim.speaker})"


# The subject of a sentence that gives, asks for or revises a figure: "X stepped forward with EUR
# 100 million for the repairs", "the UN office issued an appeal for $7 million", "Authorities
# lowered the death toll to 253". A fronted phrase ("Yesterday,", "In an appeal last week,") may
# come first; dateline furniture ("April 25 (Wire) --") is skipped.
_SUBJECT_ACTS = fast(
    r"(?:[^\n]{0,60}?\s--?\s+)?(?:(?:[A-Z][a-z]+|In\s[^,]{3,40}|On\s[^,]{3,30}),\s+)?"
    r"((?:[\w'\u2019.()-]+\s+){0,7}?[\w'\u2019.()-]+)\s+(?:(?:has|have|had|also|on\s+\w+)\s+)*"
    r"(?P<act>pledged|donated|gave|promised|offered|committed|asked\s+for|appealed\s+for|requested|"
    r"issued\s+an?\s+(?:\w+\s+)?appeal|stepped\s+forward|earmarked|lower(?:ed|s)?|raise[sd]?|revise[sd]?|"
    r"cuts?|reduce[sd]?|update[sd]|increased|corrected|issued\s+(?:a|the)\s+(?:\w+\s+)?correction)\b"
)
# Others' figures a speaker reports: "some media channels are putting the toll at 210, 230 and 300"
_OTHERS_PUT = fast(
    r"\b(?:[Ss]ome\s+|[Ll]ocal\s+|[Tt]he\s+)?(?P<who>(?:[\w-]+\s+)?(?:media|reports|channels|outlets|"
    r"newspapers|broadcasters)(?:\s+(?:reports|channels|outlets))?)\s+(?:are\s+|were\s+|have\s+been\s+|had\s+)?"
    r"(?:(?:put(?:ting|s)?|giv(?:ing|es?)|report(?:ing|ed)?|quot(?:ing|ed))\s+(?:the\s+)?(?:death\s+)?"
    r"(?:toll|figure|number)\s+(?:at|as)|(?:say(?:ing|s)?|claim(?:ing|s)?)\s+(?:that\s+)?the\s+(?:death\s+)?"
    r"(?:toll|figure|number)\s+(?:is|was|stands\s+at))\s+"
)
_FIGURE_LIST = fast(r"(?:[\d.,]+\s*(?:,|and|or)\s+(?:even\s+|possibly\s+)?)*"
                    r"(?:about\s+|around\s+|nearly\s+)?")
_TOLL_ACTS = frozenset(
    "lowered lower lowers raised raise raises revised revise revises cut cuts reduced reduce reduces updated "
    "updates increased corrected correction".split()
)


def _actor(doc: Document, sent: Sentence, figure: NumericClaim, bodies: BodyNames) -> str | None:
    """Money given or asked for, or a toll revised, by the sentence's subject: that subject."""
    if figure.category != "money" and figure.category not in CARRIED_CATEGORIES:
        return None
    m = _SUBJECT_ACTS.match(doc.text, sent.start, figure.start)
    if m is None:
        return None
    act = m["act"].split()[0] if not m["act"].endswith("correction") else "correction"
    if (act in _TOLL_ACTS) != (figure.category != "money"):
        return None  # money is given; a toll is revised
    mention = analyse(m[1])
    if mention is not None and mention.kind == "other" and plain_word(mention.name) in GROUP_NOUNS:
        mention.kind = "group"  # "Officials lower death toll": a headline's capital, not a name
    if mention is None or mention.kind not in ("person", "org", "group"):
        return None
    if mention.kind == "group":
        return bodies.national(mention.name) or mention.name
    return bodies.body_name(mention.name) if mention.kind == "org" else mention.name


# Election results: a sentence of votes won or polled is the electoral authority's count.
_ELECTION = fast(r"\b(?:votes?|polled|ballots)\b", re.I)
_ELECTORAL_BODY = fast(
    r"\b(?:[A-Z][\w-]*\s+){0,4}(?:Electoral|Election|Elections)\s+(?:Commission|Board|Council|Authority|"
    r"Tribunal|Institute|Court)\b(?:\s+\([A-Z][A-Za-z]{1,8}\))?"
)


def _electoral_body(doc: Document, attributed: list[AttributedClaim]) -> str | None:
    """The electoral authority the report names ("the Independent Electoral Board (IEB)")."""
    m = _ELECTORAL_BODY.search(doc.text, 0, min(len(doc.text), 20000))
    if m is None:
        return None
    name = m[0].removeprefix("The ").removeprefix("the ")
    for claim in attributed:
        if claim.speaker and claim.speaker.split(" (")[0] == name.split(" (")[0]:
            return claim.speaker
    return name


def _lead_source(doc: Document, figure: NumericClaim, numeric: list[NumericClaim],
                 attributed: list[AttributedClaim], headline: set[int]) -> str | None:
    """A headline's figure: the source of the same figure in the body, else of the lead."""
    for other in numeric:
        if other is not figure and other.value == figure.value and other.source and other.start > figure.end:
            return other.source
    for claim in attributed:
        sent = doc.sentence_at(claim.start)
        if sent is not None and sent.paragraph not in headline:
            lead = min(i for i in range(len(doc.paragraphs)) if i not in headline)
            return credited(claim) if sent.paragraph == lead else None
    return None


# "EUR 100m from French billionaire Ana Ruiz", "$5 million from the Harbour Trust": the giver.
_GIVER = fast(
    r"\s+(?:[a-z]+\s+){0,2}?from\s+((?:the\s+)?(?:[\w'\u2019.-]+\s+){0,5}?[A-Z][\w'\u2019.-]+)"
    r"(?=\s*(?:[,;:.()]|\band\b|\bwho\b|$))"
)

# "from the luxury Orvane cosmetics group", "from the investment arm of the Delac family": the
# name inside a description of the giver
_GIVER_DESCRIBED = fast(
    r"\s+(?:[a-z]+\s+){0,2}?from\s+(?:the\s+)?(?:[a-z-]+\s+){0,4}?"
    r"(?P<name>[A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+){0,3})(?:\s+[a-z-]+){0,3}?"
    r"\s+(?:group|company|firm|foundation|family|fund|trust|bank|holding|empire|dynasty)\b"
)

# An attribution after the figure speaks for it unless a new clause starts in between:
# "N were killed, the ministry said" but not "N were killed in 1987, which critics say ...".
_ENDS_SENTENCE = fast(r"\s*[.!?](?:\s|$)")
_NEW_CLAUSE = fast(r";|\b(?:which|who|whom|whose|as|while|whereas)\b")


# "X would give $40 million, and the World Bank said it would lend ...": the cue opens a clause of
# its own, about what follows it
_OPENS_CLAUSE = fast(r",\s+(?:and|but|while)\s+$")


# News organisations, which relay others' figures ("…, The Guardian reported", "Anadolu reported",
# "state-run SANA news agency reported", "the official news agency WAM said")
_NEWS_RELAY = fast(
    r"^(?:"
    # "state-run SANA news", "the official news agency WAM", "Xinhua news agency"
    r"(?:the\s+)?(?:state-run|state-owned|state|official|semi-official|government-run|private)\s+(?:[\w-]+\s+)?"
    r"(?:news\s+agency|news|agency|television|TV|radio|broadcaster|media)(?:\s+[A-Z][\w-]*)*"
    r"|(?:[\w-]+\s+){0,3}news\s+agency"
    r"|(?:The\s+)?(?:Guardian|Independent|Telegraph|Times|New\s+York\s+Times|Washington\s+Post|Wall\s+Street\s+"
    r"Journal|Reuters|AP|Associated\s+Press|AFP|Agence\s+France-Presse|CNN|BBC|Al\s+Jazeera|Xinhua|Anadolu(?:\s+"
    r"Agency)?|Bloomberg|DPA|EFE|ANSA|Kyodo|Yonhap|Interfax|TASS|NHK|Sky\s+News|Fox\s+News|NBC|CBS|ABC|"
    r"Channel\s+NewsAsia|SANA|IRNA|WAM|[A-Z][\w-]+\s+(?:Post|Times|News|Herald|Tribune|Gazette|Journal|Daily|"
    r"Observer))(?:\s+(?:news\s+agency|news|agency|television|TV))?"
    r")$"
)


def _closing_report(claim: AttributedClaim, here: list[AttributedClaim], figure: NumericClaim) -> bool:
    """ "Minister Lea Varga said ... 60 were in a critical state, VNA reported": a closing
    "X reported" after the figure relays the words of someone the sentence names before it."""
    return (claim.verb or "").lower() in ("reported", "reports") and claim.start >= figure.end and any(
        c.end <= figure.start and (c.verb or "").lower() not in ("reported", "reports") for c in here)


def _aside_apart(text: str, claim: AttributedClaim, figure: NumericClaim) -> bool:
    """The words are in brackets the figure is not in: "9,000 in Lille (police said 3,000),
    7,000 in Lyon": the aside's teller gives only the aside's figure."""
    opened = text.rfind("(", 0, claim.start)
    if opened < 0 or text.find(")", opened, claim.start) >= 0:
        return False
    closed = text.find(")", claim.end)
    return closed >= 0 and not (opened < figure.start < closed)


def _covers(text: str, claim: AttributedClaim, figure: NumericClaim) -> bool:
    if _aside_apart(text, claim, figure):
        return False
    if claim.verb == "according to" and claim.start >= figure.end and _ENDS_SENTENCE.match(text, claim.end):
        return True  # "The toll rose to 515, while 1,020 were injured, according to the ministry"
    if claim.start >= figure.end:
        between = text[figure.end : claim.start]
        return _NEW_CLAUSE.search(between) is None and _OPENS_CLAUSE.search(between) is None
    return True


def _nearest(figure: NumericClaim, claims: list[AttributedClaim]) -> AttributedClaim:
    """The attribution closest to the figure in its sentence."""

    def distance(c: AttributedClaim) -> int:
        if c.end <= figure.start:
            return figure.start - c.end
        if c.start >= figure.end:
            return c.start - figure.end
        return 0

    return min(claims, key=distance)


def _previous(doc: Document, index: dict[int, int], sent: Sentence) -> Sentence | None:
    i = index.get(sent.start, 0)
    if i == 0:
        return None
    prev = doc.sentences[i - 1]
    if prev.paragraph == sent.paragraph:
        return prev
    # A new paragraph continues the last one's attribution when it says so ("And in the city
    # alone, ...") or when the last one introduced the words that follow ("..., the agency said
    # on Twitter:", "... confirmed via Twitter." then the post itself).
    if prev.paragraph == sent.paragraph - 1 and (
        _CONTINUES.match(doc.text, sent.start, sent.end) or _INTRODUCES.search(doc.text, prev.start, prev.end)
    ):
        return prev
    return None


_CONTINUES = fast(r"(?:And|Also|Of\s+those|Of\s+them|Among\s+them|In\s+addition)\b")
_INTRODUCES = fast(r"(?::|\b(?:on|via)\s+(?:Twitter|X|Facebook|Telegram|social\s+media)\.?)\s*$")
