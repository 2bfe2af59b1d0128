"""What a report says it is about: the names it gives and the event's own words, weighted.

A report's features are the terms the story matcher compares:
  n:WORD    a word of a name (place, person, organisation), "n:haftar", "n:libya"
  k:SKEL    the consonant skeleton of a long name word, so Haftar and Hifter meet
  p:PHRASE  a name of several words, "p:sri lanka" (also gives stories their titles)
  w:STEM    a word of the event ("w:flood", "w:cathedral"), from the title and lead above all
Weights grow with how often and how early a term occurs (title, then lead, then body), and
names weigh more than words. Plain Python, no I/O: the same text always gives the same terms.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from recount.claims.layout import outlet_words
from recount.compare.names import fold, skeleton
from recount.stories.words import CALENDAR, COMMON, GENERIC, NAME_JOINERS, NOT_NAMES

MAX_TERMS = 80  # a report's strongest terms; the rest narrow nothing and cost storage
LEAD_CHARS = 600  # the lead: where a report says what happened
NAME_WEIGHT = 1.6
PHRASE_WEIGHT = 0.8
GENERIC_WEIGHT = 0.3
TITLED = "t:*"  # a term every report whose headline gives a name holds
TITLED_WEIGHT = 0.001  # weighs nothing in a score: it only says the headline named someone
SKELETON_WEIGHT = 0.4
SKELETON_MIN = 4  # shorter skeletons ("dn") join unrelated names

_TOKEN = re.compile(r"[^\W\d_](?:[\w\u2019'.-]*\w)?")
_SENTENCE_END = re.compile(r"[.!?:;\u201c\u201d\"\n(\u2014\u2013]\s*$|^\s*$")


@dataclass(slots=True)
class Features:
    """A report's terms (key -> weight), the display form of its name phrases, and its date."""

    terms: dict[str, float]
    labels: dict[str, str] = field(default_factory=dict)
    published: str | None = None
    title_names: tuple[str, ...] = ()  # the n: terms the title gives: what the report is about

    def names(self) -> list[str]:
        return [t for t in self.terms if t.startswith("n:")]


@dataclass(slots=True)
class _Token:
    text: str
    start: int
    end: int
    initial: bool  # first word of a sentence, a line or a quotation


_DATELINE_CHARS = 300  # where a dateline's "(Outlet) -" stands


def features_of(text: str, title: str | None = None, published: str | None = None) -> Features:
    """The terms of a report (title and text). The title counts most; a Title-Cased headline's
    words are names only when the text also writes them with a capital mid-sentence."""
    body = _tokens(text)
    head = _tokens(title) if title else []
    capital_mid = {_key(t.text) for t in body if t.text[0].isupper() and not t.initial}
    outlet = outlet_words(text)
    raw: Counter[str] = Counter()
    labels: dict[str, str] = {}
    title_names: list[str] = []
    for tokens, where in ((head, "title"), (body, "body")):
        in_names: set[int] = set()
        for phrase in _name_phrases(tokens, capital_mid, where == "title"):
            if where == "body" and outlet and all(t.text in outlet for t in phrase):
                # "(Valley Post)" in the dateline: who tells the story, not what it is about
                in_names.update(t.start for t in phrase)
                continue
            boost = 3.0 if where == "title" else 2.0 if phrase[0].start < LEAD_CHARS else 1.0
            keys = _add_name(phrase, boost, raw, labels)
            if where == "title":
                title_names.extend("n:" + k for k in keys)
            in_names.update(t.start for t in phrase)
        for token in tokens:
            if token.start in in_names:
                continue  # counted as a name
            if where == "body" and token.start < _DATELINE_CHARS and token.text in outlet:
                continue  # the dateline's outlet
            boost = 3.0 if where == "title" else 2.0 if token.start < LEAD_CHARS else 1.0
            for part in token.text.split("-"):
                stem = word_stem(part)
                if stem:
                    raw["w:" + stem] += boost
                    labels.setdefault("w:" + stem, part.lower())
    terms = {key: _weight(key, amount) for key, amount in raw.items()}
    for key in terms:
        if key[0] in "wn" and (key[2:] in GENERIC or key[2:] in GENERIC_STEMS):
            terms[key] = round(terms[key] * GENERIC_WEIGHT, 4)
    strongest = sorted(terms.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
    kept = dict(strongest)
    heads = tuple(t for t in dict.fromkeys(title_names) if t in kept and t[2:] not in GENERIC)
    if heads:
        kept[TITLED] = TITLED_WEIGHT  # marks the story as one whose reports' headlines give names
    return Features(kept, {k: v for k, v in labels.items() if k in kept}, published, heads)


def _weight(key: str, amount: float) -> float:
    kind = key[0]
    scale = {"n": NAME_WEIGHT, "p": PHRASE_WEIGHT, "k": SKELETON_WEIGHT}.get(kind, 1.0)
    return round(scale * (1.0 + math.log(amount)), 4) if amount >= 1 else round(scale * amount, 4)


def _tokens(text: str) -> list[_Token]:
    found = []
    for m in _TOKEN.finditer(text):
        before = text[max(0, m.start() - 3):m.start()]
        found.append(_Token(m.group(), m.start(), m.end(), bool(_SENTENCE_END.search(before))))
    return found


def _key(word: str) -> str:
    """A name word folded: case, accents and a possessive 's dropped; "Lankan" -> "lanka"."""
    folded = fold(word).replace(" ", "")
    if len(folded) > 5 and folded.endswith("an") and folded[-3] in "aeiy":
        folded = folded[:-1]  # Libyan -> libya, Nigerian -> nigeria, Lankan -> lanka
    return folded


def _is_name_word(token: _Token, capital_mid: set[str], title: bool) -> bool:
    word = token.text
    if not word[0].isupper() or len(word) < 2:
        return False
    key = _key(word)
    if key in NOT_NAMES or word.casefold() in NOT_NAMES:
        return False
    if title or token.initial:  # a capital that may only mark the start of a sentence or headline
        return key in capital_mid or (word.isupper() and len(word) <= 6 and not title)
    return True


def _name_phrases(tokens: list[_Token], capital_mid: set[str],
                  title: bool) -> list[list[_Token]]:
    """Runs of name words, joined across "of", "al", "de"... and across a single space only."""
    phrases: list[list[_Token]] = []
    current: list[_Token] = []
    pending: list[_Token] = []
    for token in tokens:
        adjacent = bool(current) and token.start - (pending or current)[-1].end <= 1
        if _is_name_word(token, capital_mid, title) and (not current or adjacent):
            current.extend(pending)
            pending = []
            current.append(token)
            continue
        if current and adjacent and token.text.casefold() in NAME_JOINERS and not pending:
            pending = [token]
            continue
        if current:
            phrases.append(current)
        current, pending = [], []
        if _is_name_word(token, capital_mid, title):
            current = [token]
    if current:
        phrases.append(current)
    return phrases


def _add_name(phrase: list[_Token], boost: float, raw: Counter[str], labels: dict[str, str]) -> list[str]:
    """One mention of a name weighs the same however many words it has: a name of k words gives
    each word 1/k (so "Emmanuel Macron" still meets a bare "Macron"), the whole name as a phrase,
    and the skeleton of its last word (the surname, the distinctive part of a body's name)."""
    words = [t for t in phrase if t.text.casefold() not in NAME_JOINERS]
    keys = []
    for token in words:
        for part in re.split(r"[-\u2013]", token.text):
            key = _key(part)
            if not part[:1].isupper() or len(key) < 2 or key in NOT_NAMES or key in ("al", "el"):
                continue
            keys.append(key)
    if not keys:
        return keys
    share = boost / len(keys)
    for key in keys:
        raw["n:" + key] += share
    skel = skeleton(keys[-1])
    if len(skel) >= SKELETON_MIN and keys[-1] not in GENERIC:
        raw["k:" + skel] += share
    if len(keys) >= 2:
        phrase_key = "p:" + " ".join(keys)
        raw[phrase_key] += boost
        labels.setdefault(phrase_key, _label(" ".join(t.text for t in phrase)))
    else:
        labels.setdefault("n:" + keys[0], _label(words[0].text))
    return keys


def _label(text: str) -> str:
    """A name as a title shows it: no possessive, a dateline's capitals as a name ("TRIPOLI")."""
    text = text.removesuffix("'s").removesuffix("\u2019s")
    return text.title() if text.isupper() and len(text) > 5 else text


def word_stem(word: str) -> str | None:
    """An event word folded to a crude stem (floods/flooding/flooded -> flood), or None for a
    word every report uses."""
    w = fold(word).replace(" ", "")
    if len(w) < 3 or w in COMMON or w in CALENDAR or not w.isalpha():
        return None
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "ches", "shes", "xes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        w = w[:-1]
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]  # dropped -> drop
            break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]  # believe / believed, continue / continued meet
    return None if w in COMMON else w


GENERIC_STEMS = frozenset(s for w in GENERIC if (s := word_stem(w)) is not None)
