"""A story's title, made from what its reports share: "Derna, Libya: flood (September 2023)".

The names most of its reports give (a phrase before its own words: "Sri Lanka", not "Sri"),
then its most shared event word, then the month of its first report. Display forms come from a
report's labels (the words as written), so a title reads as the reports do.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from rapidfuzz import fuzz

MAX_NAMES = 2
NEAR_DUPLICATE = 85.0  # "Notre-Dame" and "Notre Dame Cathedral" are one name in a title
PHRASE_PREFERENCE = 1.5  # a phrase most reports give wins over one of its words all of them give


def make_title(held: Mapping[str, int], labels: Mapping[str, str], first_date: str | None) -> str:
    """A title from the terms a story holds (term -> reports holding it) and display labels."""
    ranked = sorted((t for t in held if t in labels),
                    key=lambda t: (-held[t] * (PHRASE_PREFERENCE if t[0] == "p" else 1.0), _kind_rank(t), t))
    names: list[str] = []
    covered: set[str] = set()
    for term in ranked:
        if term[0] not in "np" or len(names) >= MAX_NAMES:
            continue
        words = set(term[2:].split())
        if words <= covered:
            continue
        label = labels[term]
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


def _kind_rank(term: str) -> int:
    """On a tie, a phrase reads better than one of its words, a name better than a word."""
    return {"p": 0, "n": 1, "w": 2}.get(term[0], 3)


def _month(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).strftime("%B %Y")
    except ValueError:
        return None
