"""Figures of people harmed written without a digit: "No one was hurt" (0), "A protester was shot
dead" (1), "One firefighter died" (1).

A later report may contradict either ("two protesters were killed"), so each is a claim like
any toll. Only a person noun followed by a casualty verb counts: "a man said", "a fire broke
out" are not figures. The person nouns are categories.PEOPLE_NOUNS, in the singular.
"""

from __future__ import annotations

from recount.claims.categories import PEOPLE_NOUNS
from recount.claims.numbers import Atom
from recount.claims.retrie import rx, trie

_NOT_A_PERSON = {"people", "police", "staff", "elderly", "dead", "crew", "lives", "deaths", "casualties",
                 "injuries", "fatalities", "bodies", "more", "others", "members", "youths", "minors",
                 "families", "households", "troops"}
_IRREGULAR = {"children": "child", "women": "woman", "men": "man", "policemen": "policeman",
              "gunmen": "gunman", "militiamen": "militiaman", "babies": "baby", "fishermen": "fisherman"}


def _singular(noun: str) -> str:
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") else noun


PERSON_SINGULARS = frozenset(
    _singular(n) for n in PEOPLE_NOUNS if n not in _NOT_A_PERSON) | {"man", "woman", "person", "officer"}

# the words of harm, once: the patterns below and the cheap test in word_atoms
_HARM_WORDS = ("killed", "shot dead", "injured", "hurt", "wounded", "harmed", "dead", "missing")
_HARM_FIRST = ("died", *dict.fromkeys(w.split()[0] for w in _HARM_WORDS))  # what every figure holds
_HARMED = "(?:" + "|".join(w.replace(" ", r"\s+") for w in _HARM_WORDS) + ")"
_NOBODY = rx(r"\b(?:[Nn]o\s+one|[Nn]obody)(?=\s+(?:else\s+)?(?:was|were|has\s+been|had\s+been|is)\s+"
             r"(?:\w+\s+)?" + _HARMED + r"\b)")
# "A protester was killed", "an off-duty police officer was also wounded", "a firefighter died"
# (the figure is the article, as "One" is in "One protester was killed")
# "a pilot and a nurse died" are two: a coordinated person is left to the reader
_ONE_PERSON = rx(r"(?<![\w,-])(?<!and )(?:An?|an?|One|one)(?=\s+(?:[\w-]+\s+){0,2}?(?:"
                 + trie(PERSON_SINGULARS) + r")\s+(?:(?:was|has\s+been|had\s+been)\s+(?:also\s+)?"
                 + _HARMED + r"|died)\b)")


def word_atoms(text: str, start: int, end: int) -> list[Atom]:
    """The figures of text[start:end] that no number word or digit writes."""
    sentence = text[start:end]
    for w in _HARM_FIRST:  # most sentences hold none of them: a few C-level tests
        if w in sentence:
            break
    else:
        return []
    out = [Atom(m.start(), m.end(), 0.0, is_words=True) for m in _NOBODY.finditer(text, start, end)]
    out += [Atom(m.start(), m.end(), 1.0, is_words=True) for m in _ONE_PERSON.finditer(text, start, end)]
    return out
