"""Mention pass for people: the personal names an article writes, the roles they come with,
and the people it introduces in passing ("Halina Brosk, a survivor, ...").

Read by coreference.py (full names, "the sheriff" -> the person named with that role) and by
attribution_links.py (antecedents for he/she). Linear in the text: one scan of name runs.
"""

from __future__ import annotations

from recount.claims.document import Document
from recount.claims.retrie import fast, rx
from recount.claims.speakers import (
    FUNCTION_WORDS,
    ORG_HEADS,
    ROLE_WORDS,
    TITLES,
    Mention,
    analyse,
    plain_word,
    role_like,
)

# Words that qualify a role without naming another one: "the former vice president".
ROLE_QUALIFIERS = frozenset(("former", "vice", "deputy", "acting", "interim", "u.s", "us", "senior", "top"))
# A personal name as reports write it: "Lena Marsh", "Joana da Costa Mendes", "Park Ji Hoon",
# "Jean-Luc Varenne"; a possessive ends it ("Lund's").
# (the check on the character before a name comes after its capital, in a lookbehind: a
# pattern opening with a class is found by re's fast scan for it; the matches are the same)
_NAME_RUN = fast(
    r"([A-Z](?<![\w'\u2019.-][A-Z])[a-z\u00e0-\u00ff][\w\u00e0-\u00ff-]*(?:(?:\s+(?:de|da|do|dos|das|du|del|della|van|von|"
    r"der|den|bin|ibn|al|el|la|le))*\s+[A-Z][a-z\u00e0-\u00ff][\w\u00e0-\u00ff-]*){1,6})"
)


_NOT_IN_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)


_ROLE_AFTER = fast(r",\s+(?:the|a|an|its|his|her)\s+([^,.;:\"\u201c\u201d()]{3,80})")


def _roles_around(text: str, start: int, end: int, inside: list[str]) -> frozenset[str]:
    """The role words a name is introduced with: before it ("former vice president Alhaji
    Musa Danjuma", "Police spokesman Ivo Lenz") or in an apposition after it."""
    before: list[str] = []
    for w in reversed(text[max(0, start - 50) : start].split()[-5:]):
        p = plain_word(w)
        if not (p in ROLE_WORDS or p in ROLE_QUALIFIERS or (w[:1].isupper() and p not in FUNCTION_WORDS)):
            break  # "Police spokesman Ruwan ..." yes; "a source told Channel ..." no
        before.append(p)
    words = [*before, *(plain_word(w) for w in inside)]
    after = _ROLE_AFTER.match(text, end, min(len(text), end + 90))
    if after:
        words += [plain_word(w) for w in after[1].split()]
    return frozenset(p for w in words for p in w.replace("co-", "co").split("-") if p not in FUNCTION_WORDS)


def role_fits(words: set[str] | frozenset[str], head: str, vice: bool, modifier: str | None) -> bool:
    """Whether a person's role words fit a role phrase's head word, its "vice" and its modifier."""
    return head in words and vice == ("vice" in words) and (modifier is None or modifier in words)


def _title_case_head(text: str) -> int:
    """Where the headline ends when it is set in Title Case ("Kell Rejects Vote Count"):
    its capitalised words are no personal name."""
    end = text.find("\n")
    line = text[: end if end >= 0 else min(len(text), 200)]
    words = line.split()
    caps = sum(1 for w in words if w[:1].isupper())
    return len(line) if len(words) >= 4 and caps >= 0.7 * len(words) else 0


def _name_words(words: list[str]) -> list[str]:
    """The personal name inside a capitalised run: without the role, title or body before it
    ("Esk County Sheriff Lena Marsh" -> "Lena Marsh"), and not a body's name at all."""
    out = list(words)
    for i in range(len(out) - 1, -1, -1):
        p = plain_word(out[i])
        role = any(part in ROLE_WORDS for part in p.split("-"))
        if role or p in ORG_HEADS or p in FUNCTION_WORDS or p in TITLES or p in _NOT_IN_NAMES:
            if i == len(out) - 1:
                return []
            out = out[i + 1 :]
            break
    return out


def plain_role(role: str) -> set[str]:
    """The words of a role, lowercased, hyphens split: "U.S. Vice-President" -> {..., vice, president}."""
    return {plain_word(w) for w in role.replace("co-", "co").replace("-", " ").split()}


_PERSON_SUBJECT = fast(
    r"((?:[A-Z][\w.'-]*\s+){0,4}(?:[a-z]+\s+)?(?:[A-Z][\w'-]+\s+){0,1}[A-Z][\w'-]+)"
    r"(?=(?P<apposed>,\s+(?:a|an|the|who|\d{1,3})\b|,\s+(?:speaking|visiting|addressing)\b)|\s+[a-z]+\b)"
)


# "a 72-year-old woman, Halina Brosk, who had been trapped": a person named in apposition.
_APPOSED_PERSON = fast(
    r"([A-Z](?<=, [A-Z])[\w'-]+(?: [A-Z][\w'-]+){1,2})(?=,\s+(?:who|a|an|the|\d{1,3})\b|[.,])"
)


# "the UN envoy for Tavrenia, Henrik Falde": the role a person is introduced with.
_ROLE_BEFORE = fast(r"\b(?:the|a|an|its|his|her)\s+([^,.;:\"\u201c\u201d]{3,60}),\s*$")


_BODY_SUBJECT = fast(
    r"The\s+((?:(?:[A-Z][\w'-]+|of|for|the|and)\s+){0,7}[A-Z][\w'-]+)(?=\s+(?:\([A-Z]{2,8}\)\s+)?[a-z])"
)


# a role's object coordinated right before a capitalised run: "Minister of Health and ..."
_ROLE_OBJECT_AND = fast(r"\b(?:of|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+(?:and|&)\s+$")


_NOT_A_NAME_START = frozenset(
    "the a an in on at it its this that these those there he she they we i but and as after before "
    "since when while if more most at least about some many several nearly almost".split()
)


def subject_people(doc: Document) -> list[tuple[int, Mention]]:
    """People introduced in passing ("Halina Brosk, a survivor, ..."): antecedents for he/she."""
    out: list[tuple[int, Mention]] = []
    text = doc.text
    for sent in doc.sentences:
        first = text[sent.start : sent.start + 12].split(" ", 1)[0]
        if first == "The":
            # "The Harbour Agency closed the port.": a body that "it said" may refer to next.
            om = _BODY_SUBJECT.match(text, sent.start, min(sent.end, sent.start + 120))
            body = analyse(om[1]) if om else None
            if body is not None and body.kind == "org":
                out.append((om.start(1), body))  # type: ignore[union-attr]
            continue
        if not first[:1].isupper() or first.lower() in _NOT_A_NAME_START:
            continue
        m = _PERSON_SUBJECT.match(text, sent.start, min(sent.end, sent.start + 200))
        if not m:
            continue
        mention = analyse(m[1])
        if mention is None or mention.kind not in ("person", "other"):
            continue
        # "Mayor Oda Strand visited the camp": a subject with a role is a person; a bare
        # capitalised phrase before a verb ("Heavy Rain fell") is not evidence enough.
        if m["apposed"] or (mention.kind == "person" and mention.role):
            out.append((m.start(1), mention))
    for m in _APPOSED_PERSON.finditer(text):
        mention = analyse(m[1])
        if mention is None or mention.kind != "person":
            continue
        before = _ROLE_BEFORE.search(text, max(0, m.start(1) - 80), m.start(1))
        if before and role_like(before[1]):
            mention.role = mention.role or before[1].strip()
        elif not rx(r",\s+(?:who|a|an|the|\d)").match(text[m.end(1) : m.end(1) + 6]):
            continue  # "…, Henrik Falde." needs a role before it to be a person
        out.append((m.start(1), mention))
    out.sort(key=lambda item: item[0])
    return out


def name_runs(text: str) -> tuple[dict[str, str], list[tuple[int, int, str, int]]]:
    """Every personal name the article writes (2-4 words, without the role or title before
    it): a map from surname, and from given name when no surname claims it, to the fullest
    name; and the runs (start, end, name, words before the name) for roles read later."""
    names: dict[str, str] = {}
    runs: list[tuple[int, int, str, int]] = []
    firsts: dict[str, str] = {}
    titled = _title_case_head(text)
    for m in _NAME_RUN.finditer(text):
        raw, start = m[1], m.start(1)
        if "\n" in raw and (start == 0 or text[start - 1] == "\n"):
            # "Advertisement" alone on the line above is page furniture, not a first name (a name
            # wrapped at a line's end, "Prof. Mahmood / Yakubu", starts after other words)
            cut = raw.rfind("\n") + 1
            raw, start = raw[cut:], start + cut
        run = raw.split()
        words = _name_words(run)
        if len(words) >= 3 and _ROLE_OBJECT_AND.search(text, max(0, start - 60), start):
            words = words[-2:]  # "Minister of Health and Social Affairs Jon Lund": the name ends the run
        if len(words) < 2 or len(words) > 4 or start < titled:
            continue
        name = " ".join(words)
        runs.append((start, m.end(1), name, len(run) - len(words)))
        last, first = words[-1], words[0]
        if len(name) > len(names.get(last, "")):
            names[last] = name
        if len(name) > len(firsts.get(first, "")):
            firsts[first] = name
    for first, name in firsts.items():
        names.setdefault(first, name)
    return names, runs


def roles_of_runs(text: str, runs: list[tuple[int, int, str, int]]) -> list[tuple[int, str, frozenset[str]]]:
    """The role words each named person is introduced with, for runs that have any."""
    out = []
    for start, end, name, prefix in runs:
        role = _roles_around(text, start, end, text[start:end].split()[:prefix])
        if role:
            out.append((start, name, role))
    return out
