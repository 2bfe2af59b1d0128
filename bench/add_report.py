"""Adding one report to a big library, as an import or a save does: read, extract, story, check, store.

    .venv/bin/python bench/add_report.py --db /tmp/recount-bench-flags-1m.db     # 1,000,000 claims
    .venv/bin/python bench/add_report.py --claims 100000 --db /tmp/recount-bench-flags-100k.db

Builds the library with bench/make_library.py when it is missing and places every report in a
story (stories.assign_missing, once), then checks every report's flags once (a full rescan,
timed: what `recount discrepancies --rescan` does; peak memory printed). Then adds --adds new
reports of the generator's stories one at a time: each text goes through the claims engine
(extract), then Library.add_article(...) with what compare.stored.on_store runs (timed step by
step): it places the report in its story, checks its claims within that story and stores its
flags, in the report's own transaction. Prints p50/p95 of the whole and of its steps, and the
stored flags per report.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_library import _name, _stories, ensure_library, make_articles
from recount import stories
from recount.claims import extract
from recount.claims.model import Article
from recount.compare import stored
from recount.library.store import Library


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/recount-bench-flags-1m.db"))
    parser.add_argument("--adds", type=int, default=100)
    parser.add_argument("--no-rescan", action="store_true", help="skip the timed full rescan")
    args = parser.parse_args(argv)
    ensure_library(args.db, args.claims)
    rng = random.Random(1)
    made = _stories(rng, max(20, args.claims // 2500))
    outlets = [f"The {_name(rng)} {rng.choice(('Times', 'Post', 'Herald', 'Wire', 'Daily', 'Courier'))}"
               for _ in range(60)]
    with Library.open(args.db, create=False) as lib:
        t0 = time.perf_counter()
        placed = stories.assign_missing(lib)
        if placed:
            print(f"placed {placed:,} reports in stories in {time.perf_counter() - t0:.1f} s (once)")
        n_articles, n_claims = lib.count_articles(), lib.count_claims()
        print(f"library {args.db}: {n_articles:,} reports, {n_claims:,} claims")
        if not args.no_rescan:
            t0 = time.perf_counter()
            stored.rescan(lib)
            seconds = time.perf_counter() - t0
            n_flags = lib.db.conn.execute("SELECT count(*) FROM flags").fetchone()[0]
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"full rescan (every flag recomputed and stored, one process): {seconds:.1f} s, "
                  f"{n_flags:,} flags, peak memory {peak:.0f} MB")
        new = make_articles(random.Random(11 + n_articles), made, outlets, 10**9)
        whole, reading, extracting, storing, flags, cpu = [], [], [], [], [], []
        story_ms: list[float] = []
        check_ms: list[float] = []
        for i in range(args.adds):
            _, title, outlet, url, published, text, _claims = next(new)
            t0, c0 = time.perf_counter(), time.process_time()
            article = Article(text=text, published=published, title=title, outlet=outlet, url=url,
                              id=f"bench-add-{n_articles}-{i}", published_from="metadata")
            t1 = time.perf_counter()
            claims = extract(article.text, article.published)
            t2 = time.perf_counter()
            assign, spent = stories.assigner(article), [0.0, 0.0]

            def timed(conn, article_id, assign=assign, spent=spent):  # the steps of on_store, timed
                s0 = time.perf_counter()
                assign(conn, article_id)
                s1 = time.perf_counter()
                stored.store_article_flags(lib, conn, article_id)
                spent[0], spent[1] = s1 - s0, time.perf_counter() - s1

            result = lib.add_article(article, claims, within=timed)
            t3 = time.perf_counter()
            story_ms.append(spent[0] * 1000)
            check_ms.append(spent[1] * 1000)
            reading.append((t1 - t0) * 1000)
            extracting.append((t2 - t1) * 1000)
            storing.append((t3 - t2) * 1000)
            whole.append((t3 - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
            flags.append(lib.db.conn.execute(
                "SELECT count(*) FROM flags WHERE b_article_id = ? OR a_article_id = ?",
                (result.article_id, result.article_id)).fetchone()[0])
        print(f"adding {args.adds} reports one by one:")
        for label, values in (("whole (read, extract, story, check, store)", whole), ("extract", extracting),
                              ("story + check + store (add_article)", storing),
                              ("  of which the story step", story_ms),
                              ("  of which the check and its flags", check_ms)):
            print(f"  {label:<44} p50 {_pct(values, .5):6.1f} ms   p95 {_pct(values, .95):6.1f} ms")
        print(f"  {'CPU time of the whole (load-independent)':<44} p50 {_pct(cpu, .5):6.1f} ms   "
              f"p95 {_pct(cpu, .95):6.1f} ms   (load {os.getloadavg()[0]:.1f})")
        print(f"  flags stored per report: mean {sum(flags) / len(flags):.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
