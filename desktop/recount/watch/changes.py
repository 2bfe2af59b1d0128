"""What a new report changed: the flags it raised and the best estimates it moved.

Worked out once the report is stored. Its flags are the ones stored with it, in its
transaction, by the checker within its story (compare/stored.py: the same rules as
`recount check`); a library without stored flags is checked with compare/check.py instead.
Its estimates come from compare/reconcile.py (the timeline's rule): each metric it reports is
reconciled without this report's figures and with them. A report that raises no flag and
moves no estimate changed nothing, and nothing is said about it.
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date
from typing import Any

from recount.watch.sources import Change

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def what_changed(lib: Any, article_id: int) -> list[Change]:
    """New flags and moved estimates of a stored report (its ids filled in by the caller)."""
    return _flags(lib, article_id) + _estimates(lib, article_id)


def _flags(lib: Any, article_id: int) -> list[Change]:
    """One line per figure and kind of flag, against the latest other report it contradicts (a
    toll that fell contradicts every earlier report; the latest says it best); a figure given
    twice (headline and body) is said once."""
    dismissed = lib.dismissed_flags()
    latest: dict[tuple, tuple[Any, Any, Any, int | None]] = {}
    for flag, a_id, b_id in _raised(lib, article_id):
        if flag.key in dismissed:
            continue
        mine, other, other_id = (flag.b, flag.a, a_id) if b_id == article_id else (flag.a, flag.b, b_id)
        if other_id == article_id:
            other_id = None  # within the report: headline against body
        key = (re.sub(r"\D", "", mine.span) or mine.start, flag.type)
        if key not in latest or (other.published or "") > (latest[key][2].published or ""):
            latest[key] = (flag, mine, other, other_id)
    return [Change("flag", flag.type, flag.explanation, other_id=other_id, claim_start=mine.start,
                   claim_end=mine.end)
            for flag, mine, _other, other_id in sorted(latest.values(), key=lambda t: t[1].start)]


def _raised(lib: Any, article_id: int) -> list[tuple[Any, int | None, int | None]]:
    """(flag, a's report id, b's report id) for the flags the report takes part in."""
    from recount.compare.flags import Discrepancy

    try:
        with lib._lock:
            rows = lib.db.conn.execute("SELECT data, a_article_id, b_article_id FROM flags "
                                       "WHERE a_article_id = ? OR b_article_id = ?",
                                       (article_id, article_id)).fetchall()
    except sqlite3.OperationalError:  # no stored flags in this library: check the report now
        return _checked(lib, article_id)
    return [(Discrepancy.from_record(json.loads(data)), a, b) for data, a, b in rows]


def _checked(lib: Any, article_id: int) -> list[tuple[Any, int | None, int | None]]:
    from recount.compare.check import check_article

    stored = lib.article(article_id)
    if stored is None:
        return []
    claims = [sc.claim for sc in lib.claims(article_id)]
    out = []
    for flag in check_article(lib, stored.to_article(), claims).flags:
        ids = [_article_of(lib, end.claim_id) or article_id for end in (flag.a, flag.b)]
        out.append((flag, ids[0], ids[1]))
    return out


def _estimates(lib: Any, article_id: int) -> list[Change]:
    """Each metric the report gives a figure for, looked at once (by its figure that names a
    source, when one does: a headline's figure often does not)."""
    from recount.claims.model import NumericClaim
    from recount.compare.metric import metric_label

    if _alone_in_story(lib, article_id):
        return []  # figures are compared within a story: the first report of one moves nothing
    stored = [sc for sc in lib.claims(article_id)
              if isinstance(sc.claim, NumericClaim) and sc.review != "rejected"]
    stored.sort(key=lambda sc: (sc.claim.source is None, sc.claim.start))
    looked: set[str] = set()
    out = []
    for sc in stored:
        label = metric_label(sc.claim, sc.published)
        if label in looked:
            continue
        looked.add(label)
        change = moved_estimate(lib, sc, article_id)
        if change is not None:
            out.append(change)
    return sorted(out, key=lambda c: c.claim_start or 0)


def moved_estimate(lib: Any, sc: Any, article_id: int) -> Change | None:
    """The metric's best estimate without this report's figures and with them, when they differ."""
    from recount.compare.reconcile import reconcile, series_for_claim

    series = series_for_claim(lib, sc)
    others = [o for o in series.observations if o.article_id != article_id]
    if not others or series.best is None:
        return None
    cumulative = series.scope == "cumulative"
    before = reconcile(others, cumulative=cumulative).best
    after = reconcile(series.observations, cumulative=cumulative).best
    if before is None or after is None or before == after:
        return None
    latest_other = max(others, key=lambda o: (o.as_of or "", o.published or ""))
    claim = sc.claim
    who = claim.source or sc.outlet or "this report"
    mine = next((o for o in series.observations if o.claim_id == sc.id), None)
    when = _day(mine.as_of if mine is not None else sc.published)
    said = f"{who}, {when}" if when else who
    return Change("estimate", "estimate_up" if after > before else "estimate_down",
                  f"{_label(claim)}: best estimate {_n(before)} → {_n(after)} ({said})",
                  other_id=latest_other.article_id, claim_start=claim.start, claim_end=claim.end)


def _alone_in_story(lib: Any, article_id: int) -> bool:
    try:
        with lib._lock:
            row = lib.db.conn.execute(
                "SELECT COUNT(*) FROM articles o JOIN articles a ON a.story_id = o.story_id "
                "WHERE a.id = ? AND o.deleted_at IS NULL", (article_id,)).fetchone()
    except sqlite3.OperationalError:  # a library without stories
        return False
    return row is not None and row[0] == 1


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


def _label(claim: Any) -> str:
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
