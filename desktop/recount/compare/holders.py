"""Whose a figure is: the party, candidate, donor or army its clause names before it.

Two counts of one kind may still be two holders' ("the coalition won 81 seats" / "its rival
won 73 seats", "30 Velmari tanks" / "14 Ostrani tanks"): compare/identity.py asks these before
it lets two figures meet. A tally (seats, votes) is always someone's, so a holder named on one
side only parts two tallies, and a list told "respectively" gives each figure its own holder.
"""

from __future__ import annotations

import re
from functools import lru_cache

from recount.claims.model import NumericClaim
from recount.compare.names import GENERIC, fold

# Capitalised words before a figure that name no one: sentence openers, months, titles.
_NOT_HOLDERS = frozenset(
    "the a an in on at it he she they we this that these those but and also meanwhile however according "
    "after before since while when as of for by with from to its his her their our some about around "
    "january february march april may june july august september october november december monday "
    "tuesday wednesday thursday friday saturday sunday mr mrs ms dr prof president minister chief "
    "officials official".split()) | GENERIC
_FIGURE = re.compile(r"\d[\d,.]*\s*(?:\w+)?")
_CAPITAL = re.compile(r"\b[A-Z][\w'\u2019.-]*[A-Za-z]")
# What candidates and parties win: such a count is always someone's.
TALLY_WORDS = frozenset({"seats", "votes", "ballots", "delegates", "mandates"})
# Words many parties' names share ("Alliance of Hope" / "National Alliance"): no holder by themselves.
_PARTY_WORDS = frozenset(
    "alliance party parties coalition front national democratic people people's union congress movement "
    "league bloc united liberal conservative labour labor social socialist progressive republican "
    "federal popular independent independents new "
    # (the same words in the languages party names keep: "Barisan Nasional", "Partido Popular")
    "nasional nacional nationale partido partai parti partei frente rakyat unidad unido".split())
# "A and B took 47 and 19 seats respectively": figures listed in a row, told respectively or each
_LISTED = re.compile(r"\d[\d,.]*(?:\s*(?:,\s*(?:and\s+)?|and\s+)\d[\d,.]*)+")
_RESPECTIVELY = re.compile(r"[^.;,]{0,40}?\b(?:respectively|each)\b")
_GROUP_SPLIT = re.compile(r",|\band\b")


@lru_cache(maxsize=65536)
def owners(span: str) -> frozenset[str]:
    """Capitalised words between a count's number and its noun: whose they are ("10 Armenian tanks")."""
    m = re.search(r"\d[\d,.]*\s+((?:[A-Z][a-z]+\s+){1,2})[a-z]", span)
    return frozenset(m[1].split()) if m else frozenset()


def words_before_number(span: str) -> str:
    m = re.search(r"[\d$\u20ac\u00a3]", span)
    return span[: m.start()] if m else span


def _names(clause: str, source: str | None) -> frozenset[str]:
    told = set(fold(source).split()) if source else set()
    words = {fold(w) for w in _CAPITAL.findall(clause)}
    return frozenset(w for w in words if w and w not in _NOT_HOLDERS and w not in told and len(w) > 1)


def _clause_before(sentence: str, pos: int) -> str:
    """The words since the figure before this one (another figure has its own holder)."""
    before = sentence[:pos]
    cut = 0
    for m in _FIGURE.finditer(before):
        cut = m.end()
    return before[cut:]


@lru_cache(maxsize=65536)
def _holder(span: str, sentence: str | None, source: str | None) -> frozenset[str]:
    if not sentence:
        return frozenset()
    pos = sentence.find(span)
    if pos < 0:
        return frozenset()
    return _names(_clause_before(sentence, pos) + words_before_number(span), source)


def _named_before(span: str, sentence: str | None, source: str | None) -> frozenset[str]:
    """The names of the figure's clause, else of its whole sentence before it ("..., giving the
    pair 64 seats in all": the names the sentence gave earlier)."""
    found = _holder(span, sentence, source)
    if not found and sentence and (pos := sentence.find(span)) >= 0:
        found = _names(sentence[:pos], source)
    return found


def holder(claim: NumericClaim) -> frozenset[str]:
    """Whose figure a count is, when the clause names someone before it other than its source:
    "Buhari polled 15,191,847 votes" -> {buhari}; "LVMH will give $200m" -> {lvmh}."""
    return _holder(claim.span, claim.sentence, claim.source)


def _respective(sentence: str, at: int, source: str | None) -> frozenset[str] | None:
    """The holder a list told "respectively" gives the figure at `at`: the i-th of the names
    coordinated before the list ("A and B took 47 and 19 seats respectively": 19 is B's)."""
    for m in _LISTED.finditer(sentence):
        if not m.start() <= at < m.end():
            continue
        if not _RESPECTIVELY.match(sentence, m.end()):
            return None
        figures = [f.start() + m.start() for f in re.finditer(r"\d[\d,.]*", m.group())]
        parts = _GROUP_SPLIT.split(_clause_before(sentence, m.start()))
        groups = [g for g in (_names(part, source) for part in parts) if g]
        if len(groups) != len(figures) or at not in figures:
            return None
        return groups[figures.index(at)]
    return None


# the one a share or tally goes to, named after it: "against 46.9% for Mensah", "49% went to Okafor"
_TO_WHOM = re.compile(r"(?:\s+of\s+(?:the\s+|all\s+)?(?:[a-z]+\s+){0,2}?(?:votes?|ballots|seats)\b)?,?\s+"
                      r"(?:for|went\s+to|going\s+to|won\s+by|to|by)\s+((?:[A-Z][\w'\u2019-]+\s*){1,3})")


@lru_cache(maxsize=65536)
def _tally_holder(span: str, sentence: str | None, source: str | None) -> frozenset[str]:
    if not sentence or (pos := sentence.find(span)) < 0:
        return frozenset()
    digit = re.search(r"\d", span)
    listed = _respective(sentence, pos + digit.start(), source) if digit else None
    after = _TO_WHOM.match(sentence, pos + len(span))
    if listed is not None:
        found = listed
    elif after is not None:  # "49.2% for Mensah", "48.3% of votes went to Mensah"
        found = _names(after[1], source)
    else:
        found = _named_before(span, sentence, source)
    return frozenset(w for w in found if w not in _PARTY_WORDS)


def tally_holder(claim: NumericClaim) -> frozenset[str]:
    """Whose tally of seats or votes a count is (empty when the sentence names no one)."""
    return _tally_holder(claim.span, claim.sentence, claim.source)


@lru_cache(maxsize=65536)
def _bracket_owner(span: str, sentence: str | None) -> str | None:
    if not sentence or not span.strip() or "(" not in sentence:
        return None
    m = re.search(r"\b([A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})\s*\(\s*" + re.escape(span.strip())
                  + r"\s*\)", sentence)
    return fold(m[1]) if m else None


def bracket_owner(claim: NumericClaim) -> str | None:
    """The name a figure is bracketed after ("Kessel (68), Orsk (65) and Velden (45) recorded the
    most deaths"): that district's or person's figure, not the clause's whole."""
    return _bracket_owner(claim.span, claim.sentence)


# What a body sends to a disaster: its vehicles, dogs, tents are its own, and two bodies' fleets
# are two things ("the fire service dispatched 82 vehicles" / "the army sent 110 vehicles")
RESOURCE_WORDS = frozenset({"vehicles", "trucks", "helicopters", "aircraft", "planes", "boats", "ships",
                            "vessels", "dogs", "tents", "ambulances", "bulldozers", "excavators", "drones",
                            "engines"})


def dispatcher(claim: NumericClaim) -> frozenset[str]:
    """Who sends the resources a count counts: the names before it in its sentence, and its source.
    Empty when the report names no one (then no other report's count is the same fleet)."""
    names = set(_named_before(claim.span, claim.sentence, None))
    if claim.source:
        names |= {w for w in fold(claim.source).split() if w not in _NOT_HOLDERS and len(w) > 1}
    return frozenset(names)
