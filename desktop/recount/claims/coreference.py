"""Relation pass: which person or body a mention denotes, given what the report named before.

A surname becomes the fullest name the article gives; he/she the latest person who can be
meant; "the ministry", "the agency", "the group", "the sheriff" the latest body or person of
that kind; an acronym the body it abbreviates. Runs after the mention pass (speakers.py)
and never calls back into it for anything but the analysis of a phrase.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from recount.claims.retrie import fast, rx
from recount.claims.speakers import (
    FUNCTION_WORDS,
    KNOWN_BODIES,
    ORG_HEADS,
    PRONOUNS,
    ROLE_WORDS,
    Kind,
    Mention,
    has_word,
    plain_word,
    strip_determiner,
    word_count,
)

_NATIONAL = frozenset(("government", "army", "military", "police", "cabinet", "navy"))
_ARMED_BODY = r"([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*\s+(?:Army|Front|Movement|Forces|Brigades?|Militia))"
_FORCES_OF = fast(r"^([A-Z][\w-]+)(?:'s|\u2019s)\s+(?:forces|fighters|troops|men|militia|militiamen)$")
_REBELS = fast(r"^(?:rebels?|rebel (?:fighters|forces|leaders|officials)|insurgents|militants)$", re.I)
_NATIONAL_ADJECTIVE = fast(
    r"\b([A-Z][a-z]{3,}(?:ian|an))\s+(?:government|army|authorities|police|Prime Minister|President|"
    r"Health|Interior|Foreign|Defence|Defense|Finance)\b"
)
_GROUP_BODY = fast(
    r"\b(?:Front|Movement|Group|Brigades?|Militia|Alliance)\b|"
    r"\b(?:Liberation|Revolutionary|Rebel|Resistance|Free)\b.*\bArmy\b"
)
_NAMED_BODY = fast(
    r"\b[A-Z][\w'-]+(?: [A-Z][\w'-]+)* "
    r"(?:Front|Movement|Group|Brigades?|Militia|Alliance|Army|Ministry|Agency)\b"
)
_AGENCY_WORDS = frozenset(
    "agency organization organisation office programme program fund unicef unhcr".split()
)
_MINISTER = fast(r"\b([A-Z]\w+(?: [A-Z]\w+)?) Minister\b")
_NAME_WORD = r"[A-Z][a-z\u00e0-\u00ff]+(?:-[A-Z][a-z\u00e0-\u00ff]+)?"
_PAIR = fast(rf"\b({_NAME_WORD}) ({_NAME_WORD})\b")
_ACRONYM_WORD = r"(?:[A-Z][\w.'-]*|of|for|the|and|on)"
_ACRONYM_DEF = fast(rf"({_ACRONYM_WORD}(?: {_ACRONYM_WORD}){{1,9}}) \(([A-Z]{{2,8}})\)")
_ACRONYM_PAREN = fast(r" \([A-Z]{2,8}\)")


@dataclass(slots=True)
class Speaker:
    name: str
    kind: Kind
    role: str | None = None
    gender: str = ""


@dataclass(slots=True)
class SpeakerIndex:
    """Who the article has named so far, for coreference. Built per article, linear in its length."""

    text: str
    people: dict[str, Speaker] = field(default_factory=dict)
    _by_surname: dict[str, Speaker] = field(default_factory=dict)
    recent: list[Speaker] = field(default_factory=list)
    _surnames: dict[str, str] | None = None
    _acronyms: dict[str, str] | None = None
    _demonym: str | None = None
    _country: str | None = None
    bodies: list[Speaker] = field(default_factory=list)
    position: int = 0  # where the mention being resolved stands in the text
    _cache: dict[str, str | None] = field(default_factory=dict)
    _named: list[tuple[int, str]] | None = None

    # ------------------------------------------------------------ whole-article lookups

    def full_name(self, surname: str) -> str | None:
        """The fullest "First Last" the article gives for a surname (first seen wins)."""
        if self._surnames is None:
            self._surnames = {}
            for m in _PAIR.finditer(self.text):
                first, last = m[1], m[2]
                lead = plain_word(first)
                if lead in ROLE_WORDS or lead in FUNCTION_WORDS or lead in ORG_HEADS:
                    continue
                if plain_word(last) in ORG_HEADS or plain_word(last) in ROLE_WORDS:
                    continue
                self._surnames.setdefault(last, f"{first} {last}")
        return self._surnames.get(surname)

    def expand_acronym(self, acronym: str) -> str | None:
        if self._acronyms is None:
            self._acronyms = {}
            # most articles define no acronym: a cheap scan for "(ABC)" settles that first
            if _ACRONYM_PAREN.search(self.text):
                for m in _ACRONYM_DEF.finditer(self.text):
                    self._acronyms.setdefault(m[2], strip_determiner(m[1]))
        key = acronym.replace(".", "")
        if key in self._acronyms:
            return self._acronyms[key]
        for sp in reversed(self.recent):
            if sp.kind == "org" and _initials(sp.name) == key:
                return sp.name
        return KNOWN_BODIES.get(key.lower())

    # ------------------------------------------------------------ resolution

    def resolve(self, mention: Mention) -> Speaker | None:
        """The speaker a mention denotes, given everything named before it."""
        if mention.kind == "pronoun":
            want = PRONOUNS[mention.name]
            if mention.name in ("they", "it"):
                # "It said" -> the body last spoken of; "they said" -> the last group or body.
                kinds = ("org",) if mention.name == "it" else ("group",)
                for sp in reversed(self.recent[-3:]):
                    if sp.kind in kinds:
                        return sp
                return None
            # The latest person the pronoun can denote: of that gender (from a role such as
            # "spokeswoman" or an earlier he/she), else not yet shown to be of the other one.
            for sp in reversed(self.recent):
                if sp.kind != "person":
                    continue
                if sp.gender == want or (not sp.gender and _name_gender(sp.name) in ("", want)):
                    sp.gender = want
                    return sp
            return None
        if mention.kind in ("other", "org", "group"):
            led = self._led_body(mention.name)
            if led is not None:
                return led
        if mention.kind == "person":
            name = mention.name
            known = self._person(name)
            if known is None:
                known = Speaker(name, "person", mention.role, _gender_of(mention.role))
                self.people[name] = known
                self._by_surname.setdefault(name.split()[-1], known)
            elif mention.role and not known.role:
                known.role = mention.role
            return known
        if mention.kind == "other":
            word = mention.name.removesuffix("'s").removesuffix("\u2019s")
            adjective = self._adjective_of(word)
            if adjective:
                return Speaker(f"{adjective} government", "org")  # "Tavrenia says"
            known = self._person(word)
            if known is not None:
                return known
            if word.replace(".", "").isupper():
                full = self.expand_acronym(word)
                if full:
                    return Speaker(full, "org")
            full = self.full_name(word)
            if full:
                return self.resolve(Mention("person", full, None, mention.text))
            return Speaker(word, "other")
        if mention.kind == "org":
            name = mention.name
            if "," in name:  # a list of speakers: "UN, United States, ..." -> full names
                name = rx(r"\b[A-Z]{2,6}\b").sub(lambda m: KNOWN_BODIES.get(m[0].lower(), m[0]), name)
            if name.islower() and len(name.split()) <= 2:  # "the ministry", "the agency"
                return self._group(mention)
            if name.replace(".", "").isupper():
                name = self.expand_acronym(name) or name
            return Speaker(name, "org", mention.role)
        return self._group(mention)

    def _person(self, name: str) -> Speaker | None:
        if name in self.people:
            return self.people[name]
        return self._by_surname.get(name.split()[-1])

    def _group(self, mention: Mention) -> Speaker:
        """ "the ministry", "the agency", "the group", "the officials": the last such body."""
        words = [plain_word(w) for w in mention.name.split()]
        head = words[-1] if words else ""
        low_text = mention.text.lower()
        if head == "ministry" and low_text.startswith(("his ", "her ")):
            # "her ministry said": the ministry of the minister last spoken of.
            for sp in reversed(self.recent):
                m = _MINISTER.search(sp.role or "")
                if m and sp.kind == "person":
                    return Speaker(f"{m[1]} Ministry", "org")
        definite = low_text.startswith(("the ", "its ", "his ", "her ", "their "))
        if definite and len(words) <= 2:
            for sp in reversed(self.recent):
                low = sp.name.lower()
                if head == "agency" and sp.kind == "org" and any(w in low for w in _AGENCY_WORDS):
                    return sp
                if head in low.split() or (head == "group" and sp.kind == "org" and "front" in low):
                    return sp
                if head in ("officials", "agency") and low.endswith(head):
                    return sp
            for sp in reversed(self.recent):
                if head == "agency" and sp.kind == "org" and "ministry" not in sp.name.lower():
                    return sp
        if definite and len(words) == 1 and head in _NATIONAL:
            adjective = self.demonym()
            if adjective:
                return Speaker(f"{adjective} {head}", "org")
        return Speaker(mention.name, "group")

    def _led_body(self, name: str) -> Speaker | None:
        """ "Rebels", "Haftar's forces": the armed group the article names for them."""
        m = _FORCES_OF.match(name)
        if m:
            if m[1] not in self._cache:
                owner = re.escape(m[1])
                found = re.search(rf"\b{owner}(?:'s|\u2019s)\s+(?:[\w-]+\s+){{0,2}}?{_ARMED_BODY}",
                                  self.text[:50000])
                self._cache[m[1]] = found[1] if found else None
            role = f"forces of {self.full_name(m[1]) or m[1]}"
            if self._cache[m[1]]:
                return Speaker(self._cache[m[1]] or "", "org", role)
        if m or _REBELS.match(name):
            body = self.latest_body("group", self.position)
            if body:
                return Speaker(body, "org", role if m else name.lower())
        return None

    def _adjective_of(self, word: str) -> str | None:
        """ "Tavrenia" -> "Tavrenian" when the article uses that adjective: the word is a country."""
        if word == self.country() and self.demonym():
            return self.demonym()
        if not word.endswith("a") or len(word) < 4:
            return None
        key = "adj:" + word
        if key not in self._cache:
            self._cache[key] = None
            for candidate in (word + "n", word[:-1] + "ian"):
                if has_word(self.text[:20000], candidate):
                    self._cache[key] = candidate
                    break
        return self._cache[key]

    def demonym(self) -> str | None:
        """ "Tavrenian" for a story from Tavrenia: whose "the government" and "the army" are meant.

        The country is the dateline's ("OSTRELO, Tavrenia, March 17"), else the one whose
        possessive the article uses ("Velmora's Finance Ministry") and names most; only names
        ending in -a get an adjective (-n, or -ian when the article spells it so).
        """
        if self._demonym is not None:
            return self._demonym or None
        head = self.text[:600]
        m = re.search(r"^[A-Z][A-Z.'/ -]{2,40},\s+([A-Z][a-z]+),\s+" + r"[A-Z][a-z]{2,8}\.?\s+\d", head, re.M)
        country = m[1] if m else None
        if country is None:
            body = self.text[:20000]
            owners = {pm[1] for pm in rx(r"\b([A-Z][a-z]{3,}a)(?:'s|\u2019s)\s").finditer(body)}
            counts = {w: word_count(body, w) for w in list(owners)[:20]}
            country = max(counts, key=lambda k: counts[k]) if counts else None
            if country and counts[country] < 2:
                country = None
        self._country = country or ""
        if country is None:
            # No country named: the adjective the article uses for its government or army.
            adjectives: dict[str, int] = {}
            for am in _NATIONAL_ADJECTIVE.finditer(self.text[:20000]):
                adjectives[am[1]] = adjectives.get(am[1], 0) + 1
            if adjectives:
                best = max(adjectives, key=lambda k: adjectives[k])
                self._country = ""
                self._demonym = best
                return best
        adjective = ""
        if country and country.endswith("a"):
            for candidate in (country + "n", country[:-1] + "ian", country[:-1] + "an"):
                if has_word(self.text[:20000], candidate):
                    adjective = candidate
                    break
            else:
                adjective = country + "n"
        self._demonym = adjective
        return adjective or None

    def country(self) -> str | None:
        self.demonym()
        return self._country or None

    def latest_body(self, role: str, before: int) -> str | None:
        """The body a role's "the group"/"its"/"rebel" refers to: the last one of that kind
        that spoke, else the last one named before `before`."""
        low = role.lower()
        want = "ministry" if "ministry" in low else "agency" if "agency" in low else "group"
        pattern = _GROUP_BODY if want == "group" else re.compile(rf"\b{want}\b", re.I)
        for sp in reversed(self.bodies):
            if pattern.search(sp.name):
                return sp.name
        if self._named is None:
            self._named = [(m.start(), m[0]) for m in _NAMED_BODY.finditer(self.text)]
        at = bisect_left(self._named, (before, ""))
        for _, name in reversed(self._named[max(0, at - 50) : at]):
            if pattern.search(name):
                return name
        for _, name in self._named[at : at + 50]:  # named only later in the article
            if pattern.search(name):
                return name
        return None

    def defined_acronym(self, acronym: str) -> str | None:
        """An acronym the article itself spells out ("Ostrelo Liberation Front (OLF)")."""
        self.expand_acronym(acronym)
        assert self._acronyms is not None
        if (
            acronym not in self._acronyms
            and acronym.lower() not in KNOWN_BODIES
            and len(acronym) >= 3
            and len(self._acronyms) < 200  # bounded work on hostile input
        ):
            # "OLF" for "Ostrelo Liberation Front" named in full somewhere in the article.
            words = r"\s+(?:of\s+|for\s+|the\s+)?".join(rf"{ch}[\w'-]+" for ch in acronym)
            m = re.search(rf"\b{words}\b", self.text[:50000])
            self._acronyms[acronym] = m[0] if m else ""
        return self._acronyms.get(acronym) or None

    def note(self, speaker: Speaker) -> None:
        """Remember a speaker (or a person merely spoken of) as the latest antecedent."""
        if self.recent and self.recent[-1] is speaker:
            return
        self.recent.append(speaker)
        if len(self.recent) > 50:
            del self.recent[:10]




def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w[0].isupper())


def _name_gender(name: str) -> str:
    """A weak prior used only to break ties: many European women's given names end in -a."""
    first = name.split()[0].lower() if name else ""
    return "f" if len(first) > 2 and first.endswith("a") and first not in _MALE_A else ""


_MALE_A = frozenset("luca nikita joshua andrea mustafa musa ilya sasha kosta jona elia".split())


def _gender_of(role: str | None) -> str:
    if not role:
        return ""
    low = role.lower()
    if rx(r"\b(?:spokeswoman|chairwoman|queen|mrs|ms)\b").search(low):
        return "f"
    if rx(r"\b(?:spokesman|chairman|king|mr)\b").search(low):
        return "m"
    return ""

