"""Story assignment at scale: placing a big library's reports, then adding one report at a time.

    .venv/bin/python bench/stories.py                      # 1,000,000 claims (50,000 reports, 400 stories)
    .venv/bin/python bench/stories.py --claims 100000 --db /tmp/recount-bench-stories-100k.db

Builds the library with bench/make_library.py (once; a file of its own, since placing its reports
writes to it), places every report in a story once (assign_missing, oldest first: what an old
library goes through on upgrade) and scores that grouping against the generator's stories. Then
adds --adds new reports of the same stories one by one through Library.add_article(...,
within=stories.assigner(article)), the way an import or a save does, and prints p50/p95 of the
story step alone (features + placement + profile update), of the whole store with it, and of a
preview (the window's "joins story …" for a pasted article). Claims come from the generator,
not from extraction, so the figures are the story step's and the store's own.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_library import _name, _stories, ensure_library, make_articles
from recount import stories
from recount.claims.model import Article
from recount.library.store import Library


def _generator(claims: int, seed: int = 1):
    """The stories and outlets make_library drew for this size and seed (same draws, same order)."""
    rng = random.Random(seed)
    made = _stories(rng, max(20, claims // 2500))
    outlets = [f"The {_name(rng)} {rng.choice(('Times', 'Post', 'Herald', 'Wire', 'Daily', 'Courier'))}"
               for _ in range(60)]
    return made, outlets


def _truth(made, title: str | None, published: str | None) -> int | None:
    """The generator story of a report: its kind and place (from the title) and its dates."""
    if not title or not published:
        return None
    day = date.fromisoformat(published)
    for i, s in enumerate(made):
        if title.startswith(f"{s.kind.capitalize()} in {s.place}:") and s.start <= day < s.start + timedelta(
                days=s.days):
            return i
    return None


def _score(lib: Library, made) -> tuple[int, int, int, int]:
    """(reports, misplaced, found stories, generator stories split in several)."""
    truth_of: dict[int, int | None] = {}
    with lib._reading() as conn:
        for aid, title, published in conn.execute("SELECT id, title, published FROM articles"):
            truth_of[aid] = _truth(made, title, published)
    misplaced = 0
    parts: dict[int, int] = defaultdict(int)
    found = stories.list_stories(lib, include_deleted=True)
    for story in found:
        counts = Counter(truth_of.get(a) for a in story.article_ids)
        top, n = counts.most_common(1)[0]
        misplaced += len(story.article_ids) - n
        parts[top] += 1
    return len(truth_of), misplaced, len(found), sum(1 for v in parts.values() if v > 1)


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/recount-bench-stories-1m.db"))
    parser.add_argument("--adds", type=int, default=200)
    parser.add_argument("--reset", action="store_true",
                        help="forget every story first (after a change to the matcher), then place all again")
    args = parser.parse_args(argv)
    ensure_library(args.db, args.claims)
    made, outlets = _generator(args.claims)
    with Library.open(args.db, create=False) as lib:
        if args.reset:
            with lib._writing() as conn:
                conn.execute("DELETE FROM articles WHERE ext_id LIKE 'bench-%'")
                conn.execute("UPDATE articles SET story_id = NULL")
                for table in ("story_decisions", "story_terms", "term_stats", "stories"):
                    conn.execute(f"DELETE FROM {table}")
        n_articles = lib.count_articles()
        started = time.perf_counter()
        placed = stories.assign_missing(lib)
        if placed:
            seconds = time.perf_counter() - started
            print(f"placed {placed:,} reports without a story in {seconds:.1f} s "
                  f"({seconds / placed * 1000:.1f} ms per report, oldest first)")
        reports, misplaced, found, split = _score(lib, made)
        print(f"library      {args.db}: {n_articles:,} reports, generator stories {len(made)}")
        print(f"grouping     {found} stories found; {misplaced} of {reports:,} reports misplaced; "
              f"{split} generator stories in several parts")

        rng = random.Random(7 + n_articles)
        step, store, preview, right = [], [], [], 0
        new = make_articles(rng, made, outlets, 10**9)
        for i in range(args.adds):
            _, title, outlet, url, published, text, claims = next(new)
            article = Article(text=text, published=published, title=title, outlet=outlet, url=url,
                              id=f"bench-{n_articles}-{i}", published_from="metadata")
            t0 = time.perf_counter()
            stories.preview(lib, article)
            preview.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            hook = stories.assigner(article)
            inner = [0.0]

            def timed(conn, article_id, hook=hook, inner=inner):
                s = time.perf_counter()
                hook(conn, article_id)
                inner[0] = time.perf_counter() - s

            built = time.perf_counter() - t0
            lib.add_article(article, claims, within=timed)
            store.append((time.perf_counter() - t0) * 1000)
            step.append((built + inner[0]) * 1000)
            truth = _truth(made, title, published)
            with lib._reading() as conn:
                mates = [r[0] for r in conn.execute(
                    "SELECT title, published FROM articles WHERE story_id = ? LIMIT 20", (hook.story_id,))]
            right += truth is not None and all(t and t.startswith(title.split(":")[0]) for t in mates)
        print(f"adding {args.adds} reports one by one (generated claims, no extraction):")
        print(f"  story step (features + placement + profile)  p50 {_pct(step, .5):6.1f} ms   "
              f"p95 {_pct(step, .95):6.1f} ms")
        print(f"  add_article with its story                    p50 {_pct(store, .5):6.1f} ms   "
              f"p95 {_pct(store, .95):6.1f} ms")
        print(f"  preview (a pasted article's story)            p50 {_pct(preview, .5):6.1f} ms   "
              f"p95 {_pct(preview, .95):6.1f} ms")
        print(f"  joined a story of the same kind and place: {right} of {args.adds}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
