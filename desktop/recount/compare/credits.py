"""Who a figure is credited to, and when two credits disagree.

A figure credited to two different bodies ("6,400 dead" from the Red Cross in one report,
from the UN in another) is an `attribution_conflict`; a body that denies a figure another
report credits to it is one too. Precision first: only two bodies that are plainly not one
another count. A kind of body ("the police", "officials") is not told from a body of that
kind, a body from a part of it ("the UN" / "the UN refugee agency"), and a country's
authorities or a place speaking ("Varnia lowers its toll") name no particular body.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from recount.claims.categories import PEOPLE_NOUNS
from recount.claims.model import NumericClaim
from recount.compare.flags import Discrepancy, cap, make_flag, ordered, report_name, what_counted
from recount.compare.holders import words_before_number
from recount.compare.identity import QUOTE_WINDOW_DAYS, day_gap
from recount.compare.metric import format_figure, metric_label
from recount.compare.names import (
    GENERIC,
    TITLES,
    fold,
    is_body,
    names_match,
    role_only,
    same_family,
    unnamed,
    words_of,
)
from recount.compare.refs import Ref

# Words that say which branch of government, not which body: "health officials" and "the
# ministry" may be one body.
_SECTORS = frozenset("health interior defence defense foreign finance security civil protection emergency "
                     "local state federal national regional provincial municipal public".split())
# Kinds of body a country has one of: two credits naming the same kind ("the police" / "police
# spokesman Ivo Rask") are one body unless their branches differ ("Health" / "Interior Ministry").
_KINDS = frozenset("police army military navy ministry forces rebels coastguard".split())
# A credit made only of these words is a person's role, naming no body ("the director general").
_ROLES = TITLES - _SECTORS - _KINDS - {"agency", "office", "department"}
# The last word of a credit that names no particular body: "Varnian authorities", "officials".
_VAGUE = frozenset("authorities authority officials official government sources source administration"
                   .split())
# What a figure was published in, not who counts: "the official declaration", "provisional results"
_DOCUMENTS = frozenset("declaration declarations results result figures tally tallies data count counts "
                       "statistics report reports bulletin bulletins statement".split())
# News outlets and agencies relay figures; they are not a body that counts them.
_CONDUIT = re.compile(r"\b(?:news(?:\s+agency)?|media(?:\s+(?:channels|outlets|reports))?$|press|reuters|afp|"
                      r"tv|television|radio|broadcaster|newspaper|times|herald|tribune|gazette|wire|cnn|bbc|xinhua|"
                      r"anadolu|tass|yonhap|kyodo|interfax)\b",
                      re.IGNORECASE)
_DETERMINERS = frozenset("the a an some local several many".split())
# A figure credited to two bodies is a distinctive estimate only from this value ("3 dead" from
# two sources is a coincidence, "6,400 dead" is not).
ATTRIBUTION_MIN_VALUE = 20
ATTRIBUTION_DAYS = QUOTE_WINDOW_DAYS
# "X denied that the toll had reached 6,400": X disowns the figure after.
_DISOWNING = re.compile(r"\b(?:denied|denies|deny|denying|dismissed|rejected|refuted|disputed)\b"
                        r"(?:\s+(?:reports|claims|suggestions))?(?:\s+that)?[^.;:]{0,80}$", re.IGNORECASE)


def same_source(x: str | None, y: str | None, speakers: Mapping[str, str] | None) -> bool:
    return bool(x and y and names_match(x, y, speakers))


@lru_cache(maxsize=16384)  # (a pure test of two names, asked of every pair a sweep hands the rules)
def sister_bodies(x: str | None, y: str | None) -> bool:
    """One kind of body of two places: the names share their common words and differ only by
    proper names ("PDMA Kessel" / "PDMA Ostia", "the Kessel police" / "the Ostia police"). Each
    counts its own place: their figures are parts, not two counts of one thing."""
    if not x or not y:
        return False
    wx, wy = x.split(), y.split()
    lx, ly = {w.lower().strip(",.") for w in wx}, {w.lower().strip(",.") for w in wy}
    shared = (lx & ly) - _DETERMINERS
    only_x = [w for w in wx if w.lower().strip(",.") not in ly]
    only_y = [w for w in wy if w.lower().strip(",.") not in lx]
    if not shared or not only_x or not only_y:
        return False
    branch = _SECTORS | _KINDS | TITLES  # "Health Ministry" / "Interior Ministry": one government's two
    return (all(w[:1].isupper() and not w.isupper() and w.lower() not in branch for w in only_x + only_y)
            and is_body(x) and is_body(y))


def _body_words(name: str) -> set[str]:
    return {w for w in words_of(name) if w not in GENERIC and w not in _SECTORS and len(w) > 1}


def _within(x: str, y: str) -> bool:
    """One body is the other or a part of it: "United Nations" / "UN refugee agency", "Red
    Cross" / "Secretary General of the Varnian Red Cross"."""
    wx, wy = words_of(x), words_of(y)
    sx, sy = _body_words(x), _body_words(y)
    initials_x = "".join(w[0] for w in wx if w not in GENERIC) if len(wx) > 1 else ""
    initials_y = "".join(w[0] for w in wy if w not in GENERIC) if len(wy) > 1 else ""
    return (bool(sx and sy) and (sx <= sy or sy <= sx)) or (len(initials_x) > 1 and initials_x in wy) \
        or (len(initials_y) > 1 and initials_y in wx)


def relayed(source: str | None) -> bool:
    """The figure comes through news outlets ("media channels", "the Westwire news agency")."""
    return bool(source and _CONDUIT.search(source))


def distinct_sources(x: str | None, y: str | None, speakers: Mapping[str, str] | None) -> bool:
    """Two named bodies that are not one another, nor one part of the other ("the UN" and "the UN
    migration agency"), nor one relaying the other ("WHO, via the ministry"). One at least must be
    named by more than a kind of body, and a kind of body is not told from a body of that kind
    ("the police" / "the Kelso police spokesman" / "Police Media Spokesperson"); neither may be
    only a country's authorities ("Varnian officials", "the Kessel government"): that names no
    particular body."""
    if not x or not y or names_match(x, y, speakers):
        return False
    if same_family(x, y):
        return True  # "Marie Tolland" / "Jean-Marc Tolland": two people, whatever words they share
    wx, wy = _body_words(x), _body_words(y)
    if not (wx or wy) or (wx & wy):
        return False
    if not (wx and wy) and set(words_of(x)) & set(words_of(y)):
        return False  # "the police" and "the Kelso police spokesman" may be one body
    kinds_x, kinds_y = set(words_of(x)) & _KINDS, set(words_of(y)) & _KINDS
    sectors_x, sectors_y = set(words_of(x)) & _SECTORS, set(words_of(y)) & _SECTORS
    if kinds_x & kinds_y and not (sectors_x and sectors_y and not sectors_x & sectors_y):
        return False  # "Police Media Spokesperson" / "Kelso police (spokesman Ivo Rask)": one force
    if any(_unnamed(n) for n in (x, y)):
        return False
    if relayed(x) or relayed(y):
        return False  # "according to the Westwire news agency": a news outlet passes a figure on
    if any({w for w in words_of(n) if len(w) > 1} <= _ROLES or role_only(n) for n in (x, y)):
        return False  # "the director general", "Lebanon's health minister": a role names no one
    if any(words_of(n) and words_of(n)[-1] in _DOCUMENTS for n in (x, y)):
        return False  # "according to the official declaration": a document, whoever issued it
    return not _within(x, y)


_ACRONYM = re.compile(r"\b[A-Z]{3,}\b")


# People named by what they do or saw, never a body ("rescuers said 40 had died"); a named
# group ("Hamas", "the Houthis") is not one of them
_PEOPLE_AT_WORK = PEOPLE_NOUNS | frozenset(
    "rescuers witnesses doctors paramedics activists survivors relatives locals responders volunteers "
    "workers sources medics nurses neighbours neighbors donors participants delegates leaders investors "
    "analysts economists experts observers".split())


def _unnamed(name: str) -> bool:
    """A credit naming no particular body: a country's or a place's authorities ("Varnian
    officials", "authorities in Kessel"), or people by what they do ("rescuers", "local medics")."""
    head = re.split(r"\s+(?:in|at|across)\s+", name, maxsplit=1)[0]
    if unnamed(head):
        return True  # "the unions", "family attorneys": who they are, not which
    words = words_of(head)
    if words[-1:] and words[-1] in _VAGUE:
        return True
    raw = [w for w in head.split() if w.lower() not in _DETERMINERS]
    return (0 < len(raw) <= 2 and raw[-1].lower() in _PEOPLE_AT_WORK and not _ACRONYM.search(head)
            and all(w[:1].islower() for w in raw[1:]))


def named_beside(source: str | None, sentence: str | None) -> bool:
    """The body (not a person) is named in the figure's sentence (by its acronym, "OCHA", or by all its
    distinctive words): the report gives the figure with that body in the chain of credit."""
    if not source or not sentence or not is_body(source):
        return False  # (people: a report naming one beside a relative's figure relays nothing)
    if any(re.search(rf"\b{a}\b", sentence) for a in _ACRONYM.findall(source)):
        return True
    core = [w for w in _body_words(source) if len(w) > 2]
    folded = f" {fold(sentence)} "
    if len(core) >= 2 and all(f" {w} " in folded for w in core):
        return True
    initials = "".join(w[0] for w in source.split() if w[:1].isupper())  # "United Nations": "UN ..."
    return len(initials) >= 2 and re.search(rf"\b{initials}\b", sentence) is not None


def place_credit(c: NumericClaim) -> bool:
    """The figure is credited to its own place ("Kessel says 40 died"): a country or a town
    speaks through some body the report does not name."""
    src, place = set(words_of(c.source or "")), set(words_of(c.place or ""))
    return bool(src) and bool(place) and src <= place


@lru_cache(maxsize=65536)
def _disowned(span: str, sentence: str | None) -> bool:
    pos = sentence.find(span) if sentence else -1
    head = (sentence[max(0, pos - 100):pos] if sentence and pos >= 0 else "") + words_before_number(span)
    return bool(_DISOWNING.search(head))


def disowned(claim: NumericClaim) -> bool:
    """The figure's source denies it ("the Red Cross denied that the toll had reached 6,400"):
    not its claim; it only contradicts a report crediting the figure to that source."""
    return _disowned(claim.span, claim.sentence)


def disowned_rule(credit: Ref, denial: Ref, speakers: Mapping[str, str] | None) -> Discrepancy | None:
    """A report credits a figure to a body; another says that body denies it."""
    cc, cd = credit.claim, denial.claim
    assert isinstance(cc, NumericClaim) and isinstance(cd, NumericClaim)
    if float(cc.value) != float(cd.value) or float(cc.value) < ATTRIBUTION_MIN_VALUE:
        return None
    gap = day_gap(credit.as_of, denial.as_of)
    if gap is None or gap > ATTRIBUTION_DAYS or not same_source(cc.source, cd.source, speakers):
        return None
    first, later = ordered(credit, denial)
    text = (f"{cap(report_name(credit))} credits {format_figure(cc)} {what_counted(cc)} to {cc.source}; "
            f"{report_name(denial)} says {cd.source} denies giving it.")
    return make_flag("attribution_conflict", metric_label(cc, credit.published), first, later, text)


def same_estimate_rule(a: Ref, b: Ref, speakers: Mapping[str, str] | None) -> Discrepancy | None:
    """The same figure of one metric (e.g. "6,400 dead", "$4.5 billion", "1,204,331 votes")
    credited to two different bodies, in reports at most ATTRIBUTION_DAYS apart."""
    ca, cb = a.claim, b.claim
    assert isinstance(ca, NumericClaim) and isinstance(cb, NumericClaim)
    if float(ca.value) != float(cb.value) or float(ca.value) < ATTRIBUTION_MIN_VALUE:
        return None
    if not (any(ch.isdigit() for ch in ca.span) and any(ch.isdigit() for ch in cb.span)):
        return None  # "hundreds", "dozens": not a distinctive figure anyone could be credited with
    if ca.subject and cb.subject and fold(ca.subject) != fold(cb.subject):
        return None  # "$4.5 billion in damage" is not "$4.5 billion in aid"
    gap = day_gap(a.as_of, b.as_of)
    if gap is None or gap > ATTRIBUTION_DAYS:
        return None
    if any(place_credit(c) for c in (ca, cb)):
        return None  # "Varnia lowers toll to 212": a country's word, not a body's
    if not distinct_sources(ca.source, cb.source, speakers):
        return None
    if named_beside(cb.source, ca.sentence) or named_beside(ca.source, cb.sentence):
        return None  # "OCHA, citing the WHO, said ...": one report names both, one relays the other
    first, later = ordered(a, b)
    cf, cl = first.claim, later.claim
    assert isinstance(cf, NumericClaim) and isinstance(cl, NumericClaim)
    text = (f"{cap(report_name(first))} credits {format_figure(cf)} {what_counted(cf)} to {cf.source}; "
            f"{report_name(later)} credits {format_figure(cl)} to {cl.source}.")
    return make_flag("attribution_conflict", metric_label(cl, later.published), first, later, text)
