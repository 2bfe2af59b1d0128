"""Reconciled series: every reported figure of one metric over time, and low / best / high.

In the manner of UCDP GED and Iraq Body Count:

- every report is kept as its own observation, with its outlet and its source;
- a source's figure is superseded by the same source's later figure for the same metric; when
  the later one is lower the earlier one is marked `revised_down` (recorded, never dropped);
- the *current* observations are those not superseded whose as-of date is within
  CURRENT_WINDOW_DAYS of the latest one (a running total), or on the latest day (a day's or a
  moment's count);
- low = the smallest lower bound among them (the value when the wording gives none);
  high = the largest upper bound (the value when open-ended: "at least 192" adds 192, not
  infinity); best = the smallest figure given for the latest as-of day: the conservative
  headline, as IBC's minimum, without letting an older, lower total hold it down.
"""

from __future__ import annotations

import pickle
import sqlite3
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any

from recount.claims.model import NumericClaim
from recount.compare.figure_words import count_progress, denied, increment, projected, restated
from recount.compare.identity import day_gap, scope
from recount.compare.metric import metric_label
from recount.compare.names import fold, names_match
from recount.compare.refs import Ref, aliases_of, stored_ref, story_of
from recount.compare.rules import same_figure

CURRENT_WINDOW_DAYS = 7


@dataclass(slots=True)
class Observation:
    """One report of a figure."""

    published: str | None
    outlet: str | None
    source: str | None
    value: float
    lower: float | None
    upper: float | None
    article: str | None
    claim_id: int | None
    as_of: str | None = None
    span: str = ""
    qualifier: str = "exact"
    revised_down: bool = False
    superseded: bool = False
    article_id: int | None = None  # the library's id of the report (None: not stored)

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}

    @classmethod
    def of(cls, ref: Ref) -> Observation:
        c = ref.claim
        assert isinstance(c, NumericClaim)
        return cls(ref.published, ref.outlet, c.source, float(c.value), c.lower, c.upper, ref.article,
                   ref.claim_id, ref.as_of, c.span, c.qualifier, article_id=ref.article_id)


@dataclass(slots=True)
class Reconciled:
    low: float | None
    best: float | None
    high: float | None
    series: list[Observation]


@dataclass(slots=True)
class MetricSeries:
    """The timeline of one metric for the window's chart and `recount metrics`."""

    label: str
    category: str
    scope: str
    observations: list[Observation] = field(default_factory=list)
    low: float | None = None
    best: float | None = None
    high: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"metric": self.label, "category": self.category, "scope": self.scope,
                "low": _plain(self.low), "best": _plain(self.best), "high": _plain(self.high),
                "observations": [o.to_dict() for o in self.observations]}


def _plain(x: float | None) -> float | int | None:
    return int(x) if isinstance(x, float) and x.is_integer() else x


def _teller(o: Observation) -> tuple[str, str]:
    """Who stands behind a figure: its source, else the outlet that states it itself."""
    return ("source", o.source) if o.source else ("outlet", fold(o.outlet or ""))


def _same_teller(a: Observation, b: Observation) -> bool:
    ta, tb = _teller(a), _teller(b)
    if ta[0] != tb[0]:
        return False
    return names_match(ta[1], tb[1]) if ta[0] == "source" else ta[1] == tb[1]


def reconcile(observations: Iterable[Observation], cumulative: bool = True) -> Reconciled:
    """Low / best / high over the current observations; the series ordered by as-of date."""
    series = sorted(observations, key=lambda o: (o.as_of or "", o.published or ""))
    for i, o in enumerate(series):
        o.superseded = o.revised_down = False
        for later in series[i + 1:]:
            if (later.as_of or "") > (o.as_of or "") and _same_teller(o, later):
                o.superseded = True
                if later.value < o.value:
                    o.revised_down = True
                break
    live = [o for o in series if not o.superseded]
    if not live:
        return Reconciled(None, None, None, series)
    latest = max(o.as_of or "" for o in live)
    window = CURRENT_WINDOW_DAYS if cumulative else 0
    current = [o for o in live if (day_gap(o.as_of, latest) or 0) <= window]
    low = min(o.lower if o.lower is not None else o.value for o in current)
    high = max(o.upper if o.upper is not None else o.value for o in current)
    best = min(o.value for o in current if (o.as_of or "") == latest)
    return Reconciled(low, best, high, series)


def series_from_refs(refs: list[Ref]) -> MetricSeries:
    first = refs[-1].claim
    assert isinstance(first, NumericClaim)
    rec = reconcile((Observation.of(r) for r in refs), cumulative=scope(first) == "cumulative")
    return MetricSeries(metric_label(first, refs[-1].published), first.category, scope(first),
                        rec.series, rec.low, rec.best, rec.high)


def _same(a: Ref, b: Ref, aliases: dict[str, dict[str, str]]) -> bool:
    """One metric (rules.same_figure, the checker's own test); a restated older figure is
    history told in a later report, not an observation of its own, and a forecast ("could rise to
    900") or a denied figure ("and not 171") is no observation at all."""
    ca, cb = a.claim, b.claim
    assert isinstance(ca, NumericClaim) and isinstance(cb, NumericClaim)
    if any(f(c) for c in (ca, cb) for f in (restated, projected, denied, count_progress, increment)):
        return False
    return same_figure(a, b, aliases)


def series_for_claim(library: Any, claim: Any, published: str | None = None,
                     article: Any = None) -> MetricSeries:
    """The reported figures of the claim's metric across the library, for the timeline chart.

    `claim` is a NumericClaim (or a StoredClaim). The claim itself is an observation when it is
    stored, or when `published` or its `article` (an Article: date, outlet, id) is given.
    """
    if article is not None and published is None:
        published = article.published
    from recount.compare.candidates import candidates

    stored = claim if hasattr(claim, "claim") else None
    c = stored.claim if stored is not None else claim
    if not isinstance(c, NumericClaim):
        raise TypeError("series_for_claim needs a numeric claim")
    story = story_of(library, stored.article_id) if stored is not None else None
    me = stored_ref(stored, story=story) if stored is not None else Ref(
        c, getattr(article, "id", None), published, getattr(article, "outlet", None), current=True)
    refs: list[Ref] = [me] if stored is not None or published else []
    if library is not None:
        aliases = aliases_of(library)
        for sc in candidates(library, me, None):
            if stored is not None and sc.id == stored.id:
                continue
            if stored is None and published and sc.published == published and sc.claim.start == c.start \
                    and sc.claim.span == c.span:
                continue  # the same claim, already saved
            other = stored_ref(sc, story=story)
            if _same(me, other, aliases):
                refs.append(other)
    if not refs:
        return MetricSeries(metric_label(c, published), c.category, scope(c))
    return series_from_refs(refs)


def library_metrics(library: Any, min_observations: int = 2) -> list[MetricSeries]:
    """Every metric of the library with its reconciled series (claims grouped, never all pairs),
    most reported first. See iter_library_metrics."""
    return list(iter_library_metrics(library, min_observations))


def _obs_row(sc: Any) -> tuple[int, bytes]:
    return sc.id, pickle.dumps((sc.claim, sc.article_ref, sc.published, sc.outlet, sc.id, sc.article_id),
                               protocol=pickle.HIGHEST_PROTOCOL)


def iter_library_metrics(library: Any, min_observations: int = 2, cancelled: Callable[[], bool] | None = None,
                         jobs: int = 1) -> Iterator[MetricSeries]:
    """library_metrics, streamed with bounded memory: the figures of each category are swept in
    date order (compare/sweep.py), metrics joined through a union-find over claim ids (an array),
    each figure parked in a scratch SQLite file until its metric's series is built, and the
    series sorted there. jobs > 1: categories in that many worker processes (spawned)."""
    from recount.compare.sweep import partitions

    parts = [category for _kind, category in partitions(library, kinds=("numeric",))]
    with tempfile.TemporaryDirectory(prefix="recount-metrics-") as tmp:
        db = _scratch(Path(tmp) / "metrics.db")
        try:
            if jobs > 1 and len(parts) > 1:
                import multiprocessing
                from concurrent.futures import ProcessPoolExecutor

                ctx = multiprocessing.get_context("spawn")  # no fork: the caller may hold threads
                with ProcessPoolExecutor(max_workers=min(jobs, len(parts)), mp_context=ctx) as pool:
                    futures = [pool.submit(_metrics_worker, str(library.path), category, min_observations,
                                           str(Path(tmp) / f"part{n}.db"))
                               for n, category in enumerate(parts)]
                    for future in futures:
                        out = future.result()
                        if cancelled is not None and cancelled():
                            for f in futures:
                                f.cancel()
                            return
                        db.execute("ATTACH DATABASE ? AS part", (out,))
                        db.execute("INSERT INTO series SELECT * FROM part.series")
                        db.commit()
                        db.execute("DETACH DATABASE part")
                        Path(out).unlink()
            else:
                for category in parts:
                    if not _metrics_into(library, db, category, min_observations, cancelled):
                        return
            for (data,) in db.execute("SELECT data FROM series ORDER BY n DESC, label, first"):
                yield pickle.loads(data)
        finally:
            db.close()


def _scratch(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("CREATE TABLE IF NOT EXISTS series (n INTEGER, label TEXT, first INTEGER, data BLOB)")
    return db


def _metrics_worker(path: str, category: str | None, min_observations: int, out: str) -> str:
    from recount.library.store import Library

    with Library.open(path, create=False, read_only=True) as lib:
        db = _scratch(Path(out))
        try:
            _metrics_into(lib, db, category, min_observations)
        finally:
            db.close()
    return out


def _metrics_into(library: Any, db: sqlite3.Connection, category: str | None, min_observations: int,
                  cancelled: Callable[[], bool] | None = None) -> bool:
    """The series of one category's metrics (no metric spans two) into the scratch `series`
    table; False when cancelled."""
    from recount.compare.sweep import library_sweep

    aliases = aliases_of(library)
    parent = array("q")  # claim id -> parent id (8 bytes a claim: 8 MB for a million)

    def grow(cid: int) -> None:
        if cid >= len(parent):
            parent.extend(range(len(parent), max(cid + 1, len(parent) + len(parent) // 4)))

    def find(i: int) -> int:
        root = i
        while parent[root] != root:
            root = parent[root]
        while parent[i] != root:  # path compression
            parent[i], i = root, parent[i]
        return root

    db.execute("DROP TABLE IF EXISTS obs")
    db.execute("DROP TABLE IF EXISTS comp")
    db.execute("CREATE TABLE obs (id INTEGER PRIMARY KEY, data BLOB)")
    pending: list[tuple[int, bytes]] = []

    def keep(sc: Any) -> None:  # every figure is an observation of its metric
        grow(sc.id)
        pending.append(_obs_row(sc))
        if len(pending) >= 5000:
            db.executemany("INSERT OR IGNORE INTO obs VALUES (?, ?)", pending)
            pending.clear()

    pairs = library_sweep(library, kinds=("numeric",), cancelled=cancelled, undated=keep, every=keep,
                          only=category)
    for a, b in pairs:
        i, j = a.claim_id, b.claim_id
        assert i is not None and j is not None
        ri, rj = find(i), find(j)
        if ri != rj and _same(a, b, aliases):
            parent[ri] = rj
    if cancelled is not None and cancelled():
        return False
    db.executemany("INSERT OR IGNORE INTO obs VALUES (?, ?)", pending)
    _series_into(db, parent, find, min_observations)
    db.commit()
    return True


def _series_into(db: sqlite3.Connection, parent: array, find: Callable[[int], int],
                 min_observations: int) -> None:
    """The series of every metric (a union-find component) with enough observations, with what
    orders them: most reported first, then label, then the metric's first claim id (the order
    library_metrics always had)."""
    size = array("i", bytes(4 * len(parent)))
    for (cid,) in db.execute("SELECT id FROM obs"):
        size[find(cid)] += 1
    db.execute("CREATE TABLE comp (id INTEGER PRIMARY KEY, root INTEGER)")
    ids = db.execute("SELECT id FROM obs")
    db.cursor().executemany("INSERT INTO comp VALUES (?, ?)",
                            ((cid, r) for (cid,) in ids if size[r := find(cid)] >= min_observations))
    db.execute("CREATE INDEX comp_root ON comp(root, id)")
    rows = db.execute("SELECT comp.root, obs.data FROM comp JOIN obs USING (id) ORDER BY comp.root, comp.id")
    out = db.cursor()
    batch: list[tuple] = []
    for _root, group in groupby(rows, key=lambda r: r[0]):
        members = [_ref(data) for _r, data in group]
        first = min(r.claim_id or 0 for r in members)
        members.sort(key=lambda r: (r.as_of or "", r.published or ""))
        s = series_from_refs(members)
        batch.append((len(members), s.label, first, pickle.dumps(s, protocol=pickle.HIGHEST_PROTOCOL)))
        if len(batch) >= 1000:
            out.executemany("INSERT INTO series VALUES (?, ?, ?, ?)", batch)
            batch.clear()
    out.executemany("INSERT INTO series VALUES (?, ?, ?, ?)", batch)


def _ref(data: bytes) -> Ref:
    claim, article, published, outlet, claim_id, article_id = pickle.loads(data)
    return Ref(claim, article, published, outlet, claim_id=claim_id, article_id=article_id)
