"""Import rate of real article files into a fresh library, with and without extraction.

    python bench/import_speed.py [--articles 2000]

Writes N distinct article files (the corpus texts, each with its own closing paragraph, and a
NAME.json sidecar) to a temporary folder, then measures:
  * import:      `import_paths` end to end (read, extract, store), articles/s, in one process
                 and with extraction in --jobs worker processes (what `recount import` does)
  * extraction:  `extract()` alone over the same texts, articles/s
  * storage:     `Library.add_article` alone with claims extracted beforehand, articles/s
and the peak resident memory of the process. Targets: import >= 300 articles/s, <= 300 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from recount.claims import extract
from recount.library.importer import import_paths
from recount.library.store import Library
from recount.reading import read_path

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"


def write_reports(folder: Path, count: int) -> None:
    """`count` distinct article files made from the corpus texts, with sidecars."""
    texts = [(p.read_text(encoding="utf-8"), json.loads(p.with_suffix(".json").read_text(encoding="utf-8")))
             for p in sorted(CORPUS.glob("*.txt"))]
    for i in range(count):
        text, meta = texts[i % len(texts)]
        extra = (f"\n\nUpdate {i}: officials said {i % 97 + 3} more people were missing and "
                 f"{i % 13 + 1} were arrested on Tuesday.")
        (folder / f"report-{i:05d}.txt").write_text(text + extra, encoding="utf-8")
        sidecar = {"id": f"report-{i:05d}", "outlet": meta["outlet"], "published": meta["published"]}
        (folder / f"report-{i:05d}.json").write_text(json.dumps(sidecar), encoding="utf-8")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="extraction processes for the parallel run (default: CPUs)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="recount-bench-") as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        write_reports(folder, args.articles)

        with Library.open(Path(tmp) / "import.db") as lib:
            started = time.perf_counter()
            report = import_paths(lib, [folder])
            import_s = time.perf_counter() - started
            claims = lib.count_claims()
        assert len(report.added) == args.articles, report.summary()
        with Library.open(Path(tmp) / "parallel.db") as lib:
            started = time.perf_counter()
            report = import_paths(lib, [folder], jobs=args.jobs)
            parallel_s = time.perf_counter() - started
        assert len(report.added) == args.articles, report.summary()

        articles = [read_path(p) for p in sorted(folder.glob("*.txt"))]
        started = time.perf_counter()
        extracted = [extract(a.text, a.published) for a in articles]
        extract_s = time.perf_counter() - started

        with Library.open(Path(tmp) / "store.db") as lib:
            started = time.perf_counter()
            for article, found in zip(articles, extracted, strict=True):
                lib.add_article(article, found)
            store_s = time.perf_counter() - started
        db_bytes = (Path(tmp) / "import.db").stat().st_size

    n = args.articles
    print(f"articles          {n:,} ({claims:,} claims, {claims / n:.1f} per article)")
    print(f"import            {n / import_s:8,.0f} articles/s  ({import_s:.2f} s: read + extract + store)")
    label = f"import, {args.jobs} jobs"
    print(f"{label:17} {n / parallel_s:8,.0f} articles/s  ({parallel_s:.2f} s: extraction in parallel)")
    print(f"extraction alone  {n / extract_s:8,.0f} articles/s  ({extract_s:.2f} s)")
    print(f"storage alone     {n / store_s:8,.0f} articles/s  ({store_s:.2f} s, one transaction each)")
    print(f"library size      {db_bytes / 1e6:.1f} MB")
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory       {peak_rss_mb():.0f} MB (RSS; largest worker {children:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
