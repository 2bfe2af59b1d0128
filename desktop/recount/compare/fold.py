"""One flag per change: the flags a careful fact-checker keeps out of every pair the rules raise.

The rules (rules.py, quotes.py) judge two claims at a time, so one change shows up many times:
a report that gives its figure in the headline, the lede and a quote raises one flag per
mention; a toll revised down is "lower" than every earlier report that carried a higher
figure; and once the lower figure is out, every later report that repeats it is "lower"
again. A fact-checker lists the change once, against the figure it revises. Folding works on
the flags alone (their ends carry value, category, as-of day and whether they stand in a
headline), so the stored flags and a rescan fold the same way:

1. **one flag per pair of figures**: flags of one type between the same two reports for the
   same two values (and category) are one flag (a fall and a revision of them are one, the
   revision, and so are a conflict of two days' reports and its revision); the one kept
   names the body's mention rather than the headline's, and within one report the two figures
   nearest each other (the restated older figure and the current one of its sentence), and
   there a restated figure is revised once and a current figure revises once; a quote of one report meets one
   quote of another at most;
2. **a decrease once**: a later figure already set below an earlier one in an earlier
   report (the same story, category and value) is a repetition when a later report
   gives it again (or tells the same revision again), not a new fall;
3. **against the figure it revises**: a fall is set against the latest earlier report giving
   a higher figure and against the first one (the figure the series started from), not
   every earlier one in between; but a body's revision of its own figures, stated in so many
   words ("revised down to", "counted twice") and credited to it on both sides, withdraws
   each of its earlier figures, and is set against each;
4. **a figure credited twice, once per credit**: the same figure credited to different
   bodies is set against the first report that gave it, not every pair of its repeaters;
5. **a drift once per pair of versions**: a quote already found drifting from one version of
   the words is not flagged again against a report that repeats that version (word for word,
   or an excerpt of it): the drift is between two wordings, not between every pair of reports;
6. **a conflict once per figure it meets**: a figure in conflict with one value that several
   reports repeat ("more than €100m" against the "€100m" of three reports) is set against the
   first report(s) to publish that value, not each repeater.

`Folder` keeps what rules 2 and 4 need from one batch of flags to the next, so the stored
flags can be listed a page at a time in the order of their later report's date.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from recount.compare.flags import Discrepancy, FlagEnd
from recount.compare.names import names_match

DECREASES = frozenset({"cumulative_decrease", "revision"})


def _day(end: FlagEnd) -> tuple[str, str]:
    return (end.as_of or end.published or "", end.published or "")


def _end(end: FlagEnd) -> tuple:
    return (end.article, end.published, end.start)


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.casefold().replace("\u2019", "'"))) + " "


def _excerpt(part: str, whole: str) -> bool:
    """One wording is the other or an excerpt of it (word for word)."""
    return bool(part.strip()) and (part in whole or whole in part)


def _story(flag: Discrepancy) -> Any:
    return flag.extra.get("story")


def _across(flag: Discrepancy) -> bool:
    return flag.a.article != flag.b.article or flag.a.published != flag.b.published


def _preference(flag: Discrepancy) -> tuple:
    """Which of several flags for one change names it best: body mentions before headlines;
    within one report the two figures nearest each other; else the first mentions."""
    nearness = 0 if _across(flag) else abs(flag.a.start - flag.b.start)
    return (flag.a.headline + flag.b.headline, nearness, flag.b.start, flag.a.start, flag.key)


def _own_revision(flag: Discrepancy) -> bool:
    """A body revising its own earlier figure in so many words (both ends credited to it)."""
    return flag.type == "revision" and names_match(flag.a.who, flag.b.who)


def one_per_pair(flags: Iterable[Discrepancy]) -> list[Discrepancy]:
    """Rule 1: one flag per type, pair of reports and pair of figures (order kept); a revision
    and a fall between the same two figures are one flag, the revision."""
    flags = list(flags)
    best: dict[tuple, Discrepancy] = {}
    keys: list[tuple] = []
    for f in flags:
        if f.a.value is None or f.b.value is None:
            key: tuple = ("key", f.key)
        else:  # a fall told as a revision by one mention and without one by another is one fall
            # (and a conflict of two days' reports that the later one's words call a revision)
            across_days = f.type == "conflict" and f.a.published != f.b.published
            kind = "fall" if f.type in DECREASES or across_days else f.type
            ends = [(f.a.article, f.a.published, f.a.value), (f.b.article, f.b.published, f.b.value)]
            if kind == "conflict":  # a same-day conflict has no earlier side: either order is one
                ends.sort(key=lambda e: (e[0] or "", e[1] or "", e[2]))
            key = (kind, *ends[0], *ends[1], f.b.category)
        if key not in best:
            keys.append(key)
            best[key] = f
        elif (f.type != "revision", _preference(f)) < (best[key].type != "revision", _preference(best[key])):
            best[key] = f
    kept = {id(best[k]) for k in keys}
    return _one_revision_each(_one_per_quote([f for f in flags if id(f) in kept]))


def _one_per_quote(flags: list[Discrepancy]) -> list[Discrepancy]:
    """A quote of one report drifts from (or is credited elsewhere by) one quote of another
    report at most: a report that gives the same words twice (a statement and its signature
    line) raises one flag, against its body mention."""
    for end, other in (("a", "b"), ("b", "a")):
        best: dict[tuple, Discrepancy] = {}
        for f in flags:
            if f.a.value is not None or f.b.value is not None:
                continue
            mine, theirs = getattr(f, end), getattr(f, other)
            key = (f.type, mine.article, mine.published, mine.start, theirs.article, theirs.published)
            if key not in best or _preference(f) < _preference(best[key]):
                best[key] = f
        chosen = {id(f) for f in best.values()}
        flags = [f for f in flags if f.a.value is not None or f.b.value is not None or id(f) in chosen]
    return flags


def _one_revision_each(flags: list[Discrepancy]) -> list[Discrepancy]:
    """Within one report, a restated older figure is revised once, and a current figure revises
    once: of several such pairs, the two figures nearest each other in the text."""
    for end in ("a", "b"):
        best: dict[tuple, Discrepancy] = {}
        for f in flags:
            if f.type != "revision" or _across(f) or f.a.value is None:
                continue
            side = getattr(f, end)
            key = (f.a.article, f.a.published, end, side.start, side.span)
            if key not in best or _preference(f) < _preference(best[key]):
                best[key] = f
        chosen = {id(f) for f in best.values()}
        flags = [f for f in flags
                 if f.type != "revision" or _across(f) or f.a.value is None or id(f) in chosen]
    return flags


class Folder:
    """Folds flags given in batches ordered by their later report's date (see the module)."""

    def __init__(self) -> None:
        # (story, category, value) -> the earliest later-report day a decrease to it was flagged
        self.lowered: dict[tuple, tuple[str, str]] = {}
        # (story, category, value) -> the earliest report day a figure credited twice was given
        self.credited: dict[tuple, str] = {}
        # a quote (report, day, start) -> the other wordings it was already found drifting from
        self.drifted: dict[tuple, list[str]] = defaultdict(list)
        # a figure (story, report, day, start) and a value it conflicts with -> first day published
        self.conflicted: dict[tuple, str] = {}

    def _first_conflicts(self, flags: list[Discrepancy]) -> list[Discrepancy]:
        """Rule 6: a figure's conflicts with one value are kept against the reports that
        published that value first (this batch and the earlier ones)."""
        def keys(f: Discrepancy) -> list[tuple[tuple, str]]:
            if f.type != "conflict" or not _across(f) or f.a.value is None or f.b.value is None:
                return []
            return [((_story(f), *_end(mine), other.value, other.category), other.published or "")
                    for mine, other in ((f.a, f.b), (f.b, f.a))]
        for f in flags:
            for key, day in keys(f):
                if key not in self.conflicted or day < self.conflicted[key]:
                    self.conflicted[key] = day
        return [f for f in flags if all(day == self.conflicted[key] for key, day in keys(f))]

    def _new_drift(self, flag: Discrepancy) -> bool:
        """Rule 5: neither quote was already flagged against the other's wording (or a fuller
        version of it); remembers both wordings."""
        diff = flag.diff or []
        first = _words(" ".join(t for op, t in diff if op != "insert"))
        later = _words(" ".join(t for op, t in diff if op != "delete"))
        ends = ((_end(flag.a), later), (_end(flag.b), first))
        for end, other in ends:
            if any(_excerpt(other, seen) for seen in self.drifted[end]):
                return False
        for end, other in ends:
            self.drifted[end].append(other)
        return True

    def fold(self, flags: list[Discrepancy]) -> list[Discrepancy]:
        """The flags of one batch a fact-checker keeps, in the order given."""
        flags = self._first_conflicts(one_per_pair(flags))
        by_day: dict[str, list[Discrepancy]] = defaultdict(list)
        for f in flags:
            by_day[f.b.published or ""].append(f)
        kept: set[int] = set()
        for day in sorted(by_day):
            kept.update(id(f) for f in self._fold_day(by_day[day]))
        return [f for f in flags if id(f) in kept]

    def _fold_day(self, flags: list[Discrepancy]) -> list[Discrepancy]:
        out: list[Discrepancy] = []
        falls: dict[tuple, list[Discrepancy]] = defaultdict(list)
        for f in flags:
            if f.type in DECREASES and _across(f) and f.b.value is not None:
                what = (_story(f), f.b.category, f.b.value)
                seen = self.lowered.get(what)
                if seen is not None and seen[1] < (f.b.published or ""):
                    continue  # rule 2: the lower figure repeated, not a new fall
                falls[(f.b.article, f.b.published, what)].append(f)
            elif f.type == "revision" and f.b.value is not None:  # within one report
                what = (_story(f), f.b.category, f.b.value)
                seen = self.lowered.get(what)
                if seen is not None and seen[1] < (f.b.published or ""):
                    continue  # rule 2: a revision an earlier report already told
                out.append(f)
                mark = (_day(f.b)[0], f.b.published or "")
                if seen is None or mark < seen:
                    self.lowered[what] = mark
            elif f.type == "quote_drift" and f.diff is not None:
                if not self._new_drift(f):
                    continue  # rule 5: the same two wordings, already flagged
                out.append(f)
            elif f.type == "attribution_conflict" and f.a.value is not None:
                what = (_story(f), f.a.category, f.a.value)
                first = self.credited.get(what)
                day = f.a.published or ""  # the first report to publish it, whatever day it speaks of
                if first is None or day < first:
                    self.credited[what] = first = day
                if day == first:  # rule 4: against the first report that gave it
                    out.append(f)
            else:
                out.append(f)
        for (_article, published, what), group in falls.items():
            latest, earliest = max(_day(f.a) for f in group), min(_day(f.a) for f in group)  # rule 3
            out.extend(f for f in group if _day(f.a) in (latest, earliest) or _own_revision(f))
            seen = self.lowered.get(what)
            mark = (_day(group[0].b)[0], published or "")
            if seen is None or mark < seen:
                self.lowered[what] = mark
        return out


def fold_flags(flags: Iterable[Discrepancy], story: Any = None) -> list[Discrepancy]:
    """One batch folded on its own (a report being checked: `story` is its story)."""
    flags = list(flags)
    for f in flags:
        f.extra.setdefault("story", story)
    return Folder().fold(flags)
