"""Which story a report joins: topic detection and tracking over the reports' terms.

A story is known by its profile: for each term, how many of its reports hold it. A new report
is scored against every story that shares one of its terms:

    coverage = sum over the report's terms of  rarity(t) * weight(t) * share_s(t)
               ------------------------------------------------------------------
               sum over the report's terms of  rarity(t) * weight(t)

share_s(t) is the part of the story's reports that hold the term (so the story's core names
count, a word one report of fifty used hardly does), rarity(t) is an inverse document
frequency over the whole library (a word in every report says nothing). The score is the
coverage times a closeness of dates: a report weeks away from every report of a story is
unlikely to follow the same event, however alike the words. Half the coverage is counted over
the names alone (places, people, bodies: what tells one event from another), and a story of a
few reports that never gives the names of the report's headline keeps only TITLE_MISS of its
score (two events of one week may share a source, not a place). The best story at or above
JOIN wins; otherwise the report starts a story. Plain Python: the storage module feeds it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from recount.stories.features import TITLED, Features

JOIN = 0.075  # below this best score a report starts a new story
SURE = 3.0  # a join scoring SURE x JOIN, twice the next story's score, is "sure"
DATE_SLACK_DAYS = 5  # reports this close to a story's dates lose nothing
DATE_SCALE_DAYS = 21  # the gap past the slack at which the date factor has fallen to a half
PRIOR_REPORTS = 8  # pseudo-reports holding no term: keeps rarity sane in a small library
NAME_SHARE = 0.5  # part of the report's coverage given by the names alone (places, people, bodies)
TITLE_MISS = 0.35  # the score of a story that never gives the names of the report's headline...
ESTABLISHED = 3  # ...once it has this many reports (its first may name little) is cut to this share
TITLE_KNOWN = 0.1  # a name this part of a story's reports give is one the story gives


@dataclass(slots=True)
class Profile:
    """What the matcher knows of one story: its size, dates and the asked-for terms it holds."""

    story_id: int
    size: int
    first_date: str | None = None
    last_date: str | None = None
    title: str = ""
    terms: dict[str, int] = field(default_factory=dict)  # term -> reports of the story holding it


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a report goes: an existing story (story_id) or a new one (None), and how sure."""

    story_id: int | None
    score: float
    runner_up: float = 0.0
    title: str = ""
    shared: tuple[str, ...] = ()  # the terms that weighed most, best first
    stored: bool = False  # the report is already in the library, in this story

    def describe(self) -> str:
        """One line for the window: which story, and how sure."""
        if self.stored:
            return f"Story: {self.title}"
        if self.story_id is None:
            return "Starts a new story"
        return f"Joins story: {self.title} ({self.confidence}, {self.score:.2f})"

    @property
    def confidence(self) -> str:
        """"sure", "likely" or "unsure" for a join; "new" for a new story."""
        if self.story_id is None:
            return "new"
        if self.score >= SURE * JOIN and self.score >= 2 * self.runner_up:
            return "sure"
        if self.score >= 1.5 * self.runner_up:
            return "likely"
        return "unsure"

    def to_dict(self) -> dict[str, object]:
        return {"story": self.story_id, "title": self.title, "score": round(self.score, 3),
                "runner_up": round(self.runner_up, 3), "confidence": self.confidence,
                "shared": list(self.shared), "stored": self.stored}


def rarity(docs: int, reports: int) -> float:
    """Inverse document frequency with a prior, never below a small floor."""
    return max(0.05, math.log((reports + PRIOR_REPORTS) / (docs + 1)))


def date_factor(published: str | None, first: str | None, last: str | None) -> float:
    """1 within DATE_SLACK_DAYS of the story's dates, then falling: 1/2 at DATE_SCALE_DAYS more."""
    day, lo, hi = _day(published), _day(first), _day(last)
    if day is None or lo is None or hi is None:
        return 1.0
    gap = max(0, (lo - day).days, (day - hi).days) - DATE_SLACK_DAYS
    if gap <= 0:
        return 1.0
    return 1.0 / (1.0 + (gap / DATE_SCALE_DAYS) ** 2)


@dataclass(frozen=True, slots=True)
class Weighing:
    """A report's term masses (weight x rarity) and their totals: the same for every story."""

    masses: dict[str, float]
    total: float
    names_total: float


def weigh(features: Features, docs: Mapping[str, int], reports: int) -> Weighing:
    masses = {t: w * rarity(docs.get(t, 0), reports) for t, w in features.terms.items()}
    names_total = sum(m for t, m in masses.items() if t[0] != "w")
    return Weighing(masses, sum(masses.values()), names_total)


def score(features: Features, profile: Profile, docs: Mapping[str, int], reports: int,
          weighing: Weighing | None = None) -> tuple[float, list[tuple[float, str]]]:
    """The report's coverage by the story, times the date factor; and each shared term's part."""
    w = weighing or weigh(features, docs, reports)
    if w.total <= 0:
        return 0.0, []
    size = max(1, profile.size)
    shared: list[tuple[float, str]] = []
    all_shared = names_shared = 0.0
    for term, held in profile.terms.items():
        mass = w.masses.get(term)
        if not mass or not held:
            continue
        part = mass * min(1.0, held / size)
        shared.append((part, term))
        all_shared += part
        if term[0] != "w":
            names_shared += part
    covered = all_shared / w.total
    if w.names_total > 0:
        covered = (1 - NAME_SHARE) * covered + NAME_SHARE * names_shared / w.names_total
    titled = profile.terms.get(TITLED, 0) > 0  # some of its reports' headlines give names
    if ((profile.size >= ESTABLISHED or titled) and features.title_names
            and not any(profile.terms.get(t, 0) >= TITLE_KNOWN * size for t in features.title_names)):
        covered *= TITLE_MISS  # the names the headline gives, none known to an established story
    factor = date_factor(features.published, profile.first_date, profile.last_date)
    shared.sort(reverse=True)
    return covered * factor, shared


def place(features: Features, profiles: Iterable[Profile], docs: Mapping[str, int], reports: int,
          join: float = JOIN) -> Placement:
    """The story the report joins (the best score at or above `join`), else a new story."""
    ranked = []
    weighing = weigh(features, docs, reports)
    for profile in profiles:
        value, shared = score(features, profile, docs, reports, weighing)
        ranked.append((value, -profile.story_id, profile, shared))
    ranked.sort(key=lambda r: (r[0], r[1]), reverse=True)
    if not ranked:
        return Placement(None, 0.0)
    best, _, profile, shared = ranked[0]
    second = ranked[1][0] if len(ranked) > 1 else 0.0
    terms = tuple(t for _, t in shared[:6])
    if best < join:
        return Placement(None, best, best, profile.title, terms)
    return Placement(profile.story_id, best, second, profile.title, terms)


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
