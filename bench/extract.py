"""Benchmark: the claims engine against quantulum3 on the corpus texts, plus linearity checks.

    .venv/bin/python bench/extract.py            # quantulum3 from the [bench] extra, if installed
    .venv/bin/python bench/extract.py --quick    # fewer passes, skips quantulum3

Prints, for `recount.claims.extract` (numeric + attributed) and `extract_numeric` alone:
articles/s and MB/s over tests/corpus; first-call latency and engine import time, each in a
fresh interpreter; the same throughput for quantulum3's `parser.parse` on the same texts in
this process, and the ratio; time on 1x/4x/16x the corpus joined into one text (linear
time means the 16x/1x ratio stays near 16); and the hostile inputs of issue 2 (1 MB on one
line, 100k digits, thousands of quote marks). Targets: >= 20x quantulum3, first call
<= 50 ms, import <= 150 ms, linear time.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import warnings
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"


def _texts() -> list[tuple[str, date]]:
    import json

    out = []
    for txt in sorted(CORPUS.glob("*.txt")):
        ann = txt.with_suffix(".json")
        pub = json.loads(ann.read_text(encoding="utf-8")).get("published") if ann.exists() else None
        out.append((txt.read_text(encoding="utf-8"), date.fromisoformat(pub) if pub else date(2025, 1, 1)))
    return out


def _fresh(code: str) -> float:
    """Seconds printed by `code` in a fresh interpreter (best of 5, to skip disk-cache noise).

    As an installed app starts: bytecode is written (PYTHONDONTWRITEBYTECODE would make every
    edited module compile its source each time) and the engine's compiled patterns are read
    from the user's cache (claims/pattern_cache.py), both filled by the first run."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    runs = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env=env)
        runs.append(float(out.stdout.strip().splitlines()[-1]))
    return min(runs)


def _throughput(fn, texts, passes: int, rounds: int = 3) -> tuple[float, float]:
    """Best of `rounds` timings of `passes` passes over the texts: on a shared machine the
    best round is the one least disturbed by other processes."""
    total_bytes = sum(len(t.encode("utf-8")) for t, _ in texts)
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(passes):
            for text, pub in texts:
                fn(text, pub)
        best = min(best, time.perf_counter() - t0)
    n = passes * len(texts)
    return n / best, passes * total_bytes / best / 1e6


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer passes, no quantulum3")
    ap.add_argument("--passes", type=int, default=20)
    args = ap.parse_args(argv)
    passes = 3 if args.quick else args.passes

    texts = _texts()
    size_mb = sum(len(t.encode("utf-8")) for t, _ in texts) / 1e6
    print(f"corpus: {len(texts)} articles, {size_mb * 1000:.1f} kB")

    import_s = _fresh(
        "import time; t=time.perf_counter(); import recount.claims.extract, recount.claims.numeric, "
        "recount.claims.attribution, recount.claims.sources; print(time.perf_counter()-t)"
    )
    article = str(CORPUS / "seed-tripoli-rferl.txt")
    first_s = _fresh(
        "import time, pathlib; from recount.claims import extract; "
        "import recount.claims.numeric, recount.claims.attribution, recount.claims.sources; "
        f"text = pathlib.Path({article!r}).read_text(); "
        "t=time.perf_counter(); extract(text, '2019-04-08'); print(time.perf_counter()-t)"
    )
    cold_s = _fresh(
        f"import time, pathlib; text = pathlib.Path({article!r}).read_text(); "
        "t=time.perf_counter(); from recount.claims import extract; extract(text, '2019-04-08'); "
        "print(time.perf_counter()-t)"
    )
    print(f"engine import (fresh interpreter):       {import_s * 1000:7.1f} ms   (target <= 150 ms)")
    print(f"first call, one article (engine imported): {first_s * 1000:5.1f} ms   (target <= 50 ms)")
    print(f"cold: import + first call:               {cold_s * 1000:7.1f} ms")
    nocache_s = _fresh(
        "import os, tempfile; os.environ['RECOUNT_CACHE_DIR'] = tempfile.mkdtemp(); "
        "import time; t=time.perf_counter(); import recount.claims.extract, recount.claims.numeric, "
        "recount.claims.attribution, recount.claims.sources; print(time.perf_counter()-t)"
    )
    print(f"engine import, no pattern cache (first run): {nocache_s * 1000:5.1f} ms")

    from recount.claims import extract
    from recount.claims.document import Document
    from recount.claims.numeric import extract_numeric

    extract(texts[0][0], texts[0][1])  # warm
    per_round = max(1, passes // 3)
    aps, mbs = _throughput(extract, texts, per_round)
    naps, nmbs = _throughput(lambda t, p: extract_numeric(Document.from_text(t, p)), texts, per_round)
    print(f"recount extract (numeric + attributed): {aps:8.1f} articles/s  {mbs:6.2f} MB/s")
    print(f"recount numeric only:                   {naps:8.1f} articles/s  {nmbs:6.2f} MB/s")

    if not args.quick:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                from quantulum3 import parser as q_parser

                q_parser.parse(texts[0][0])  # warm: loads its unit tables
                qaps, qmbs = _throughput(lambda t, p: q_parser.parse(t), texts, 1, rounds=2)
            print(f"quantulum3 parser.parse:                {qaps:8.1f} articles/s  {qmbs:6.2f} MB/s")
            print(f"ratio recount extract / quantulum3:     {aps / qaps:8.1f}x   (target >= 20x)")
            print(f"ratio recount numeric / quantulum3:     {naps / qaps:8.1f}x")
        except ImportError:
            print("quantulum3 not installed (pip install -e '.[bench]'); ratio skipped")

    # Linearity: the corpus joined into one text, 1x / 4x / 16x.
    joined = "\n\n".join(t for t, _ in texts)
    pub = date(2025, 3, 12)
    times = {}
    for k in (1, 4, 16):
        big = "\n\n".join([joined] * k)
        runs = []
        for _ in range(3 if k < 16 else 2):
            t0 = time.perf_counter()
            extract(big, pub)
            runs.append(time.perf_counter() - t0)
        times[k] = min(runs)  # best run: the least disturbed by other processes
        print(f"linearity {k:>2}x ({len(big) / 1e3:7.0f} kB): {times[k] * 1000:8.1f} ms")
    print(f"  16x / 1x = {times[16] / times[1]:.1f} (linear: ~16)")

    hostile = {
        "1 MB on one line": (joined.replace("\n", " ") * (1_000_000 // len(joined) + 1))[:1_000_000],
        "1 MB, no full stops": ("officials said 11 people were killed on Monday, " * 21_000)[:1_000_000],
        "100k digits": "7" * 100_000,
        "5,000 quote marks": '"' * 2500 + " he said " + "\u201c" * 2500,
        "100k comma groups": ",".join(["123"] * 33_000),
    }
    for name, text in hostile.items():
        t0 = time.perf_counter()
        n = len(extract(text, pub))
        print(f"hostile: {name:<20} {len(text) / 1e3:7.0f} kB  {(time.perf_counter() - t0) * 1000:8.1f} ms"
              f"  ({n} claims)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
