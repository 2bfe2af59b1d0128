"""Relation pass for organisations: what name a body goes by in a report.

Acronyms the report spells out ("International Organization for Migration (IOM)") and the
well-known ones; "the UN health agency" for the body the world calls so; the country whose
"government" and "army" a report means (its demonym); the last body of a kind that spoke.
The report's own naming wins: a known body is only named from the list when the report
does not spell it out.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from recount.claims.categories import PEOPLE_NOUNS
from recount.claims.countries import COUNTRY_OF, country_re
from recount.claims.retrie import fast, rx
from recount.claims.speakers import KNOWN_BODIES, has_word, strip_determiner, word_count

if TYPE_CHECKING:
    from recount.claims.coreference import Speaker

_NATIONAL_ADJECTIVE = fast(
    r"([A-Z](?<=\b[A-Z])[a-z]{3,}(?:ian|an))\s+(?:government|army|authorities|police|Prime Minister|"
    r"President|Health|Interior|Foreign|Defence|Defense|Finance)\b"
)
_GROUP_BODY = fast(
    r"\b(?:Front|Movement|Group|Brigades?|Militia|Alliance)\b|"
    r"\b(?:Liberation|Revolutionary|Rebel|Resistance|Free)\b.*\bArmy\b"
)
_NAMED_BODY = fast(
    r"[A-Z](?<=\b[A-Z])[\w'-]+(?: [A-Z][\w'-]+)* "
    r"(?:Front|Movement|Group|Brigades?|Militia|Alliance|Army|Ministry|Agency)\b"
)
_ACRONYM_WORD = r"(?:[A-Z][\w.'-]*|of|for|the|and|on)"
_ACRONYM_DEF = fast(rf"({_ACRONYM_WORD}(?: {_ACRONYM_WORD}){{1,9}}) \(([A-Z]{{2,8}})\)")
_ACRONYM_PAREN = fast(r" \([A-Z]{2,8}\)")
# Bodies whose acronym every reader knows: named in full, without it ("World Health Organization").
_HOUSEHOLD = frozenset(("UN", "WHO", "EU", "NATO", "US", "UK"))
# "the UN health agency", "the U.N. refugee agency": the UN body news means by that description.
_UN_DESCRIBED = fast(
    r"^(?:the\s+)?(?:UN|U\.N\.|United\s+Nations)(?:'s|\u2019s)?\s+(health|migration|refugee|children's|"
    r"children\u2019s|humanitarian|food|aid|humanitarian\s+aid|relief)\s+(?:agency|office|body|organi[sz]ation|"
    r"coordination\s+office|arm)$",
    re.I,
)
_UN_WORK = {"health": "who", "migration": "iom", "refugee": "unhcr", "children's": "unicef",
            "children\u2019s": "unicef", "humanitarian": "ocha", "aid": "ocha", "humanitarian aid": "ocha",
            "relief": "ocha", "food": "wfp"}


_COUNTRY_NAMES = frozenset(COUNTRY_OF.values())
# "World Health Organisation" -> the spelling the body itself uses
_CANONICAL = {v.lower().replace("organization", "organisation"): v for v in KNOWN_BODIES.values()}
_ADJECTIVE: dict[str, str] = {}
for _adj, _country in COUNTRY_OF.items():
    _ADJECTIVE.setdefault(_country, _adj)


def _country_counts(head: str) -> dict[str, int]:
    """How often each country of the closed list is named in `head` (by name or adjective, as
    whole words, the longest name first: "Sri Lankan" is not "Sri Lanka"): one C-level scan
    with claims/countries.py's pattern."""
    counts: dict[str, int] = {}
    for m in country_re().finditer(head):
        word = m.group()
        after = _NEXT_WORD.match(head, m.end())
        if COUNTRY_OF.get(word, word) != word and after and after[1] in PEOPLE_NOUNS:
            continue  # "two Chinese nationals": who they are, not the country the report is about
        country = COUNTRY_OF.get(word, word)
        counts[country] = counts.get(country, 0) + 1
    return counts


_NEXT_WORD = fast(r"\s+([a-z]+)")


_NATIONAL_GROUPS = frozenset(("authorities", "officials"))
_OWNED = fast(
    r"^((?:[A-Z][a-z]+\s+)?[A-Z][a-z]+)(?:'s|\u2019s)\s+((?:[a-z]+\s+)?(?:ministry|government|police))$"
)
_MINISTRY = fast(r"^(?:[a-z]+\s+ministry|ministry\s+of\s+[a-z]+)$")
# Bodies news names with their acronym even where a report spells out only the name.
_KNOWN_ACRONYM = {full: key.upper() for key, full in KNOWN_BODIES.items()
                  if key.upper() not in _HOUSEHOLD and key not in ("icrc", "unicef", "unhcr", "nato", "imf")}


@dataclass(slots=True)
class BodyNames:
    """The bodies of one report: acronyms, descriptions, the country. Built lazily, once."""

    text: str
    recent: list[Speaker] = field(default_factory=list)
    bodies: list[Speaker] = field(default_factory=list)
    position: int = 0  # where the mention being resolved stands in the text
    _acronyms: dict[str, str] | None = None
    _demonym: str | None = None
    _country: str | None = None
    _cache: dict[str, str | None] = field(default_factory=dict)
    _named: list[tuple[int, str]] | None = None

    def _definitions(self) -> dict[str, str]:
        """Acronym -> the name the article spells out for it, read once."""
        if self._acronyms is None:
            self._acronyms = {}
            # most articles define no acronym: a cheap scan for "(ABC)" settles that first
            if _ACRONYM_PAREN.search(self.text):
                for m in _ACRONYM_DEF.finditer(self.text):
                    self._acronyms.setdefault(m[2], strip_determiner(m[1]))
        return self._acronyms

    def expand_acronym(self, acronym: str) -> str | None:
        self._definitions()
        assert self._acronyms is not None
        key = acronym.replace(".", "")
        if key in self._acronyms:
            return self._acronyms[key]
        for sp in reversed(self.recent):
            if sp.kind == "org" and _initials(sp.name) == key:
                return sp.name
        return KNOWN_BODIES.get(key.lower())

    def body_name(self, name: str) -> str:
        """How the report names a body, made self-contained and comparable across reports:
        "UN health agency" -> the body; "United Nations Office for ..." -> "UN Office for ...";
        the acronym the report defines is kept after the name: "... Migration (IOM)"."""
        described = _UN_DESCRIBED.match(name)
        if described:
            key = _UN_WORK[described[1].lower()]
            name = self._full_of(key.upper()) or KNOWN_BODIES[key]
        name = _CANONICAL.get(name.lower().replace("organization", "organisation"), name)
        name = rx(r"^(?:United Nations|U\.N\.)(?:'s|\u2019s)?\s+(?=[A-Z])").sub("UN ", name)
        acronym = self._acronym_of(name) or _KNOWN_ACRONYM.get(name)
        if acronym and acronym not in _HOUSEHOLD and f"({acronym})" not in name:
            return f"{name} ({acronym})"
        return name

    def _full_of(self, acronym: str) -> str | None:
        self.expand_acronym(acronym)
        assert self._acronyms is not None
        return self._acronyms.get(acronym) or None

    def _acronym_of(self, name: str) -> str | None:
        """The acronym the report defines for `name` ("... (OCHA)"), if any."""
        definitions = self._definitions()
        if not definitions:
            return None
        low = name.lower().removeprefix("un ").removeprefix("united nations ")
        for acronym, full in definitions.items():
            f = full.lower().removeprefix("un ").removeprefix("united nations ").removeprefix("the ")
            if full and (f == low or (len(f) > 12 and low.endswith(f))):
                return acronym
        return None

    def report_country(self) -> str | None:
        """The real country a report is about: the one it names most (name or adjective) in
        its opening, at least twice (once, in the lead, when it names no other). None for a
        story about no country of the closed list."""
        if "country" not in self._cache:
            counts = _country_counts(self.text[:4000])
            best = max(counts, key=lambda k: counts[k]) if counts else None
            # named twice, or the only country the opening names at all
            lead = best is not None and best in _country_counts(self.text[:400])
            sure = best is not None and (counts[best] >= 2 or (len(counts) == 1 and lead))
            self._cache["country"] = best if sure else None
        return self._cache["country"]

    def national(self, name: str) -> str | None:
        """ "the health ministry", "Police", "authorities" in a report about one country: that
        country's ("Chile Health Ministry", "Chile police", "Chilean authorities")."""
        low = name.lower()
        owned = _OWNED.match(name)
        if owned and owned[1] in _COUNTRY_NAMES:
            if owned[2] == "government":
                return f"Government of {owned[1]}"
            return f"{owned[1]} {owned[2]}"  # "Chile's foreign ministry" -> "Chile foreign ministry"
        if not (low in _NATIONAL_GROUPS or low in ("police", "government") or _MINISTRY.match(low)):
            return None
        country = self.report_country()
        if country is None:
            return None
        if low == "government":
            return f"Government of {country}"
        if low in _NATIONAL_GROUPS:
            return f"{_ADJECTIVE[country]} {low}"
        if low == "police":
            return f"{country} police"
        return f"{country} {name.title() if name.islower() else name}"

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
            owners = {pm[1] for pm in rx(r"([A-Z](?<=\b[A-Z])[a-z]{3,}a)(?:'s|\u2019s)\s").finditer(body)}
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


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w[0].isupper())
