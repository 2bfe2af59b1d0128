"""A story's title, made from what its reports share: "Derna, Libya: flood (September 2023)".

The names most of its reports give (a phrase before its own words: "Sri Lanka", not "Sri"),
then its most shared event word, then the month of its first report. Display forms come from a
report's labels (the words as written), so a title reads as the reports do.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from rapidfuzz import fuzz

from recount.claims.countries import COUNTRIES, COUNTRY_OF

MAX_NAMES = 2
_NOT_A_NAME = frozenset(COUNTRY_OF) - COUNTRIES  # a country's adjective
_HOLIDAYS = frozenset(("easter", "christmas", "ramadan", "eid", "passover", "diwali", "thanksgiving"))
NEAR_DUPLICATE = 85.0  # "Notre-Dame" and "Notre Dame Cathedral" are one name in a title
PHRASE_SHARE = 0.8  # a phrase given by this share of a word's reports stands in for the word


def make_title(held: Mapping[str, tuple[int, float]], labels: Mapping[str, str],
               first_date: str | None) -> str:
    """A title from the terms a story holds (term -> (reports holding it, summed weight)) and
    display labels: the most shared names first (a phrase in place of its own word when most of
    those reports give the phrase), then the most shared event word, then the month."""
    ranked = sorted((t for t in held if t in labels), key=lambda t: (-held[t][0], -held[t][1], t))
    phrases = [t for t in ranked if t[0] == "p"]
    names: list[str] = []
    covered: set[str] = set()
    for term in ranked:
        if term[0] not in "np" or len(names) >= MAX_NAMES:
            continue
        if term[0] == "n":
            word = term[2:]
            term = next((p for p in phrases if word in p[2:].split()
                         and held[p][0] >= PHRASE_SHARE * held[term][0]), term)
        words = set(term[2:].split())
        if words <= covered:
            continue
        label = labels[term]
        if label in _NOT_A_NAME or label.casefold() in _HOLIDAYS:
            continue  # "Libyan", "French", "Easter" qualify a story; they do not name it
        if any(fuzz.token_set_ratio(label.casefold(), n.casefold()) >= NEAR_DUPLICATE for n in names):
            covered |= words
            continue
        names.append(label)
        covered |= words
    word = next((labels[t] for t in ranked if t.startswith("w:")), None)
    title = ", ".join(names) or (word.capitalize() if word else "Untitled story")
    if names and word:
        title += f": {word}"
    month = _month(first_date)
    return f"{title} ({month})" if month else title


def _month(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).strftime("%B %Y")
    except ValueError:
        return None
