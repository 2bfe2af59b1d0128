"""Relation pass: which person or body a mention denotes, given what the report named before.

A surname becomes the fullest name the article gives; he/she the latest person who can be
meant; "the ministry", "the agency", "the group", "the sheriff" the latest body or person of
that kind; an acronym the body it abbreviates. Runs after the mention pass (speakers.py)
and never calls back into it for anything but the analysis of a phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from recount.claims.body_names import BodyNames
from recount.claims.countries import COUNTRY_OF
from recount.claims.cues import REPORT_NOUNS
from recount.claims.person_names import ROLE_QUALIFIERS as _ROLE_QUALIFIERS
from recount.claims.person_names import name_runs, plain_role, role_fits, roles_of_runs
from recount.claims.retrie import fast, rx
from recount.claims.speakers import (
    COMMON_NOUNS,
    COMPANY_NOUNS,
    KNOWN_BODIES,
    PRONOUNS,
    ROLE_WORDS,
    Kind,
    Mention,
    plain_word,
)

_NATIONAL = frozenset(("government", "army", "military", "police", "cabinet", "navy"))
_ARMED_BODY = r"([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*\s+(?:Army|Front|Movement|Forces|Brigades?|Militia))"
_FORCES_OF = fast(r"^([A-Z][\w-]+)(?:'s|\u2019s)\s+(?:forces|fighters|troops|men|militia|militiamen)$")
_REBELS = fast(r"^(?:rebels?|rebel (?:fighters|forces|leaders|officials)|insurgents|militants)$", re.I)
_AGENCY_WORDS = frozenset(
    "agency organization organisation office programme program fund unicef unhcr".split()
)
_MINISTER = fast(r"\b([A-Z]\w+(?: [A-Z]\w+)?) Minister\b")
# "the Secretary-General of the society": a role of the body last spoken of.
_ROLE_OF_THE_BODY = fast(
    r"^((?:[A-Z][\w-]*\s+){0,2}(?:[Ss]ecretary[- ][Gg]eneral|[Hh]ead|[Cc]hief|[Dd]irector|[Pp]resident|"
    r"[Cc]hairman|[Ss]pokes(?:man|woman|person)))\s+(?:of|for)\s+the\s+(?:group|organi[sz]ation|agency|society)$"
)
# "the United Nations agency": a UN body the report has named.
_UN_GENERIC = fast(
    r"^(?:UN|U\.N\.|United Nations)(?:'s|\u2019s)?\s+(?:agency|body|organi[sz]ation|office)$"
)
# Role words that refer to the person last spoken of whatever their title.
_GENERIC_ROLES = frozenset(("official", "politician", "leader"))
# A body "the group" may refer back to: "the Red Banner movement claimed …. The group said"
_GROUP_LIKE = frozenset("front movement militia brigade brigades army coalition alliance network "
                        "organisation organization rebels faction".split())
# Nouns that refer back to a body: "the organization said", "the UN body said".
_BODY_WORDS = frozenset(("body", "organization", "organisation", "agency", "office"))
COUNTRIES = frozenset(COUNTRY_OF.values())


@dataclass(slots=True)
class Speaker:
    name: str
    kind: Kind
    role: str | None = None
    gender: str = ""


@dataclass(slots=True)
class SpeakerIndex(BodyNames):
    """Who the article has named so far, for coreference. Built per article, linear in its length."""

    people: dict[str, Speaker] = field(default_factory=dict)
    _by_surname: dict[str, Speaker] = field(default_factory=dict)
    _names: dict[str, str] | None = None
    _runs: list[tuple[int, int, str, int]] = field(default_factory=list)  # start, end, name, words before it
    _roles: list[tuple[int, str, frozenset[str]]] | None = None

    # ------------------------------------------------------------ whole-article lookups

    def full_name(self, word: str) -> str | None:
        """The fullest personal name the article gives that ends with `word` (a surname), else
        one that starts with it ("Musa" -> "Musa Danjuma", "Park" -> "Park Ji Hoon")."""
        if self._names is None:
            self._names, self._runs = name_runs(self.text)
        found = self._names.get(word)
        return found if found and found != word else None

    # ------------------------------------------------------------ resolution

    def resolve(self, mention: Mention) -> Speaker | None:
        """The speaker a mention denotes, given everything named before it."""
        if mention.kind == "pronoun" and not mention.name:  # no word for them: the last speaker
            return self.recent[-1] if self.recent else None
        if mention.kind == "pronoun":
            want = PRONOUNS[mention.name]
            if mention.name in ("they", "it"):
                # "It said" -> the body last spoken of; "they said" -> the last group or body.
                kinds = ("org",) if mention.name == "it" else ("group",)
                for sp in reversed(self.recent[-3:]):
                    if sp.kind in kinds:
                        return sp
                return None
            return self._pronoun(want)
        if mention.kind in ("other", "org", "group"):
            led = self._led_body(mention.name)
            if led is not None:
                return led
        if mention.kind == "person":
            name = mention.name
            fuller = self.full_name(name.split()[-1])
            extra = fuller[: -len(name)].split() if fuller and fuller.endswith(" " + name) else []
            if extra and not any(plain_word(w) in ROLE_WORDS or w == "State" for w in extra):
                name = fuller  # "Costa Mendes" -> "Joana da Costa Mendes" ("Secretary of State X": X)
            elif fuller and " " not in name and fuller.startswith(name + " "):
                name = fuller  # "FM Ri" -> "Ri Yong Ho": a family name written first
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
            the_name = mention.text.lower().startswith("the ")  # "The Courier": a title, not a surname
            known = self._person(word)
            if known is not None:
                return known
            full = self.full_name(word)
            if full:  # "Dalia Voranskaya ... Voranskaya rejected": a surname, whatever it ends in
                return self.resolve(Mention("person", full, None, mention.text))
            adjective = self._adjective_of(word)
            if adjective:
                return Speaker(f"{adjective} government", "org")  # "Tavrenia says"
            if word.replace(".", "").isupper():
                full = self.expand_acronym(word)
                if full:
                    return Speaker(self.body_name(full), "org")
            full = self.full_name(word)
            if full:
                return self.resolve(Mention("person", full, None, mention.text))
            if the_name and plain_word(word) not in COMMON_NOUNS:
                return Speaker(f"The {word}", "org")  # "The Courier reported": a title keeps its article
            if word[:1].isupper() and word[1:2].islower() and word not in COUNTRIES and not the_name and (
                plain_word(word) not in COMMON_NOUNS
            ):
                # "Dorsey said" with no first name anywhere: a surname, a person he/she can mean.
                return self.resolve(Mention("person", word, None, mention.text))
            return Speaker(word, "other")
        if mention.kind == "org":
            name = mention.name
            if "," in name:  # a list of speakers: "UN, United States, ..." -> full names
                name = rx(r"\b[A-Z]{2,6}\b").sub(lambda m: KNOWN_BODIES.get(m[0].lower(), m[0]), name)
            if name.islower() and len(name.split()) <= 2:  # "the ministry", "the agency"
                return self._group(mention)
            if _ROLE_OF_THE_BODY.match(name):
                return self._group(mention)  # "the Secretary-General of the society"
            if "-based " in name and plain_word(name.split()[-1]) in COMPANY_NOUNS:
                return self._group(mention)  # "the Ontario-based firm": the company named before
            if name.replace(".", "").isupper():
                name = self.expand_acronym(name) or name
            national = self.national(name)
            if national is not None:
                return Speaker(national, "org")  # "Police said" in a report about one country
            if _UN_GENERIC.match(name):  # "the United Nations agency wrote": the UN body last named
                body = self._body_like(["un"])
                if body is not None:
                    return body
            return Speaker(self.body_name(name), "org", mention.role)
        return self._group(mention)

    def _pronoun(self, want: str) -> Speaker | None:
        """The latest person "he"/"she" can denote, among the last few named: one shown to be of
        that gender (a role such as "spokeswoman", an earlier he/she, a given name) first for
        "she", else one not shown to be of the other. A role without a name ("the police
        spokesperson") is a person too."""
        window = [sp for sp in self.recent[-8:] if sp.kind == "person" or _is_role_only(sp)]
        if want == "f":
            for sp in reversed(window):
                if sp.gender == "f" or (not sp.gender and _name_gender(sp.name) == "f"):
                    sp.gender = want
                    return sp
        for sp in reversed(window):
            if sp.gender == want or (not sp.gender and _name_gender(sp.name) in ("", want)):
                sp.gender = want
                return sp
        return None

    def _person_by_role(self, words: list[str], definite: bool = True) -> Speaker | None:
        """ "the sheriff", "the U.S. president", "the former vice president", "the official": the
        latest person whose role has the phrase's role word; a bare "official" or "politician"
        is the latest person spoken of."""
        words = [w for word in words for w in _ROLE_SYNONYMS.get(word, (word,))]
        roles = [w for w in words if w in ROLE_WORDS and w not in ("former", "vice", "deputy")]
        if not roles or roles[-1] in ("source", "sources", "witness", "resident"):
            return None  # "the source said": anonymous by definition
        head = roles[-1]
        vice = "vice" in words
        at = words.index(head)
        # "a police spokesman" is not the government's: a noun right before the role must fit too.
        modifier = words[at - 1] if at > 0 and words[at - 1] not in _ROLE_QUALIFIERS else None
        for sp in reversed(self.recent[-12:]):
            if sp.kind == "person" and sp.role and role_fits(plain_role(sp.role), head, vice, modifier):
                return sp
        named = self._named_with_role(head, vice, modifier, definite)
        if named is not None:
            return self.resolve(Mention("person", named, None, named))
        if definite and head in _GENERIC_ROLES:
            # "The official added" after "the director general said": the role-only speaker
            for sp in reversed(self.recent[-2:]):
                if _is_role_only(sp):
                    return sp
        if definite:
            # "Amadi said ... The former governor said": a definite role right after a
            # named speaker is that speaker, when the article gives the role to nobody.
            plain_phrase = all(w in ROLE_WORDS or w in _ROLE_QUALIFIERS for w in words)
            for sp in reversed(self.recent[-3:]):
                no_clash = not sp.role or not _other_office(plain_role(sp.role), head)
                if sp.kind == "person" and plain_phrase and (head in _GENERIC_ROLES or no_clash):
                    return sp
        return None

    def _named_with_role(self, head: str, vice: bool, modifier: str | None, definite: bool) -> str | None:
        """The person the article names with a role word ("Police spokesman Ruwan Gunasekera",
        "Maria Lind, the UN envoy"): the latest before the mention when it is definite, else
        (and for "a police spokesman said", named a little later) the next one after it."""
        self.full_name("")
        if self._roles is None:  # read only when a role phrase needs it
            self._roles = roles_of_runs(self.text, self._runs)
        before = [r for r in self._roles if r[0] < self.position]
        after = [r for r in self._roles if self.position <= r[0] < self.position + 1500]
        ordered = [*reversed(before), *after] if definite else after
        for _, name, words in ordered:
            if role_fits(words, head, vice, modifier):
                return name
        return None

    def _person(self, name: str) -> Speaker | None:
        if name in self.people:
            return self.people[name]
        known = self._by_surname.get(name.split()[-1])
        # "Jean Varenne" is not "Jean-Luc Varenne": a longer mention must fit.
        if known is not None and (" " not in name or known.name.endswith(name)):
            return known
        return None

    def _group(self, mention: Mention) -> Speaker | None:
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
        definite = low_text.startswith(("the ", "its ", "his ", "her ", "their ")) or "-based " in low_text
        bare = low_text == mention.name.lower()  # "president says": a headline drops the article
        if (low_text.startswith(("the ", "a ", "an ")) or bare) and (
                head in ROLE_WORDS or head in _ROLE_SYNONYMS):
            person = self._person_by_role(words, low_text.startswith("the "))
            if person is not None:
                return person
        un = any(w in ("un", "u.n", "united") for w in words)
        if definite and head in _BODY_WORDS and (un or head == "body") and len(words) <= 4:
            body = self._body_like(words)
            if body is not None:
                return body
        of_body = _ROLE_OF_THE_BODY.match(mention.name)
        if of_body and self.recent:
            body = next((sp for sp in reversed(self.recent) if sp.kind == "org"), None)
            if body is not None:  # "the Secretary-General of the society" -> "... of the Red Crescent"
                return Speaker(f"{of_body[1]} of the {body.name}", "group")
        if definite and head in REPORT_NOUNS and len(words) <= 2:
            # "the report added": the body whose report it is (whose, if none is named: no speaker)
            return next((sp for sp in reversed(self.recent[-6:]) if sp.kind == "org"), None) or next(
                (sp for sp in reversed(self.recent[-3:]) if sp.kind == "group"), None)
        if definite and head in COMPANY_NOUNS and head not in ("group", "house"):
            # "the firm said", "the Ontario-based company said": the company last spoken of (a
            # two-word name read as a person's, with no role or he/she, may be that company)
            recent = self.recent[-6:]
            body = next((sp for sp in reversed(recent) if sp.kind == "org"), None) or next(
                (sp for sp in reversed(recent) if sp.kind == "person" and not sp.role and not sp.gender), None
            )
            if body is not None:
                return body
        if definite and len(words) <= 2:
            modifier = words[0] if len(words) == 2 else None
            for sp in reversed(self.recent):
                low = sp.name.lower()
                if modifier and modifier not in low.split():
                    continue  # "the health ministry" is not the foreign ministry
                if head == "agency" and sp.kind == "org" and any(w in low for w in _AGENCY_WORDS):
                    return sp
                if head in low.split() or (head == "group" and sp.kind == "org"
                                           and _GROUP_LIKE & set(low.split())):
                    return sp
                if head in ("officials", "agency") and low.endswith(head):
                    return sp
            for sp in reversed(self.recent):
                if head == "agency" and sp.kind == "org" and "ministry" not in sp.name.lower():
                    return sp
        national = self.national(mention.name) if definite or mention.name[:1].isupper() else None
        if national is not None:
            return Speaker(national, "org")
        if definite and len(words) == 1 and head in _NATIONAL:
            adjective = self.demonym()
            if adjective:
                return Speaker(f"{adjective} {head}", "org")
        national = self.national(mention.name)
        if national is not None:
            return Speaker(national, "org")
        return Speaker(mention.name, "group")

    def _body_like(self, words: list[str]) -> Speaker | None:
        """ "the UN body", "the U.N. agency", "the organization": the latest body that spoke, a
        UN one when the phrase says UN."""
        un = any(w in ("un", "u.n", "u.n.", "united") for w in words)
        for sp in reversed(self.recent[-12:]):
            if sp.kind != "org":
                continue
            if not un or rx(r"^(?:UN|United Nations|World|International|UNHCR|UNICEF)\b").match(sp.name):
                return sp
        return None

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

    def note(self, speaker: Speaker) -> None:
        """Remember a speaker (or a person merely spoken of) as the latest antecedent."""
        if self.recent and self.recent[-1] is speaker:
            return
        self.recent.append(speaker)
        if len(self.recent) > 50:
            del self.recent[:10]


# Offices no one holds two of at once: "the mayor" is not the man the article calls the party's
# leader, "the judge" not the lawyer it quoted
_OFFICES = frozenset("mayor governor judge prosecutor lawyer attorney sheriff minister president premier "
                     "spokesman spokeswoman spokesperson doctor leader chairman chairwoman ambassador envoy "
                     "general commander coach captain senator director".split())


def _other_office(role_words: frozenset[str] | set[str], head: str) -> bool:
    """The role the article gave a person (plain_role's words) names another office than `head`."""
    return head in _OFFICES and head not in role_words and bool(set(role_words) & _OFFICES)


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


# Short forms news uses for a role: "the former VP", "FM Ri".
_ROLE_SYNONYMS = {"vp": ("vice", "president"), "fm": ("foreign", "minister"),
                  "co-ordinator": ("coordinator",),
                  "pm": ("prime", "minister")}


def _is_role_only(sp: Speaker) -> bool:
    """ "police spokesperson", "Police Media Spokesperson": a person known by their role only."""
    words = sp.name.split()
    return sp.kind == "group" and bool(words) and plain_word(words[-1]) in _SINGULAR_ROLES


_SINGULAR_ROLES = frozenset(
    "spokesman spokeswoman spokesperson minister official president governor mayor sheriff chief "
    "director envoy commander general".split()
)
