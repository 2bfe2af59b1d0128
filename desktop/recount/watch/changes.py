"""What a new report changes: the flags it raises and the best estimates it moves.

Worked out before the report is stored, with the same checker the window uses
(compare/check.py) and the same reconciliation the timeline uses (compare/reconcile.py): the
estimate of a metric without this report against the estimate with it. A report that
raises no flag and moves no estimate changes nothing, and nothing is said about it.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from typing import Any

from recount.claims.model import Article, Claim, NumericClaim
from recount.watch.sources import Change

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def what_changed(lib: Any, article: Article, claims: list[Claim]) -> list[Change]:
    """New flags and moved estimates of an article not yet stored (ids filled in by the caller)."""
    from recount.compare.check import check_article

    result = check_article(lib, article, claims)
    # One line per figure and kind of flag: against the latest other report it contradicts (a
    # toll that fell contradicts every earlier report; the latest says it best), and one for a
    # figure the report gives twice (headline and body).
    latest: dict[tuple, Any] = {}
    for flag in result.flags:
        mine = flag.b if flag.b.claim_id is None else flag.a  # this report's claims have no id yet
        other = flag.a if mine is flag.b else flag.b
        key = (re.sub(r"\D", "", mine.span) or mine.start, flag.type)
        if key not in latest or (other.published or "") > (latest[key][1].published or ""):
            latest[key] = (flag, other, mine)
    out = [Change("flag", flag.type, flag.explanation, other_id=_article_of(lib, other.claim_id),
                  claim_start=mine.start, claim_end=mine.end)
           for flag, other, mine in sorted(latest.values(), key=lambda t: t[2].start)]
    # A figure with no earlier match has no estimate to move; each metric is looked at once, by
    # the figure that names its source when one does (the headline's figure often does not).
    from recount.compare.metric import metric_label

    looked: set[str] = set()
    moved: list[Change] = []
    for index in sorted(result.matches, key=lambda i: (getattr(result.claims[i], "source", None) is None, i)):
        claim = result.claims[index]
        if not isinstance(claim, NumericClaim):
            continue
        label = metric_label(claim, article.published)
        if label in looked:
            continue
        looked.add(label)
        change = moved_estimate(lib, article, claim)
        if change is not None:
            moved.append(change)
    return out + sorted(moved, key=lambda c: c.claim_start or 0)


def moved_estimate(lib: Any, article: Article, claim: NumericClaim) -> Change | None:
    """The metric's best estimate without this figure and with it, when they differ."""
    from recount.compare.reconcile import reconcile, series_for_claim

    series = series_for_claim(lib, claim, article.published, article)
    mine = [o for o in series.observations if o.claim_id is None]
    others = [o for o in series.observations if o.claim_id is not None]
    if not mine or not others or series.best is None:
        return None
    cumulative = series.scope == "cumulative"
    before = reconcile(others, cumulative=cumulative).best
    after = reconcile(series.observations, cumulative=cumulative).best
    if before is None or after is None or before == after:
        return None
    latest_other = max(others, key=lambda o: (o.as_of or "", o.published or ""))
    who = claim.source or article.outlet or "this report"
    when = _day(mine[0].as_of or article.published)
    said = f"{who}, {when}" if when else who
    return Change("estimate", "estimate_up" if after > before else "estimate_down",
                  f"{_label(claim)}: best estimate {_n(before)} → {_n(after)} ({said})",
                  other_id=latest_other.article_id, claim_start=claim.start, claim_end=claim.end)


def story_of(lib: Any, article_id: int) -> str | None:
    """The report's story title, once the story matcher (db/003) has placed it."""
    try:
        with lib._lock:
            row = lib.db.conn.execute("SELECT s.title FROM articles a JOIN stories s ON s.id = a.story_id "
                                      "WHERE a.id = ?", (article_id,)).fetchone()
    except sqlite3.OperationalError:  # a library without stories
        return None
    return row[0] if row else None


def _article_of(lib: Any, claim_id: int | None) -> int | None:
    if claim_id is None:
        return None
    stored = lib.claim(claim_id)
    return stored.article_id if stored is not None else None


def _label(claim: NumericClaim) -> str:
    """"Tripoli, killed": where, then what is counted."""
    from recount.compare.metric import category_label

    what = claim.subject if claim.category == "count" and claim.subject else category_label(claim.category)
    return f"{claim.place}, {what}" if claim.place else what


def _n(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.1f}"


def _day(iso: str | None) -> str | None:
    try:
        d = date.fromisoformat((iso or "")[:10])
    except ValueError:
        return None
    return f"{d.day} {_MONTHS[d.month - 1]}"
