"""What the library-wide commands (`discrepancies`, `metrics`) share: how many worker
processes to use, and JSON written as it streams so a long list is never held whole."""

from __future__ import annotations

import argparse
import json
import os
import textwrap
from collections.abc import Iterable, Iterator

# Below this many claims, starting worker processes costs more than it saves.
PARALLEL_FROM = 50_000


def add_jobs_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jobs", type=int, metavar="N",
                        help="worker processes (default: the number of CPUs, at most 4, for a library of "
                             f"{PARALLEL_FROM:,} claims or more; else 1)")


def jobs_for(requested: int | None, claims: int) -> int:
    if requested is not None:
        return max(1, requested)
    return min(4, os.cpu_count() or 1) if claims >= PARALLEL_FROM else 1


def json_array(name: str, items: Iterable[dict]) -> Iterator[str]:
    """`json.dumps({name: [...]}, indent=2)` piece by piece."""
    yield "{\n" + f"  {json.dumps(name)}: ["
    first = True
    for item in items:
        text = textwrap.indent(json.dumps(item, indent=2, ensure_ascii=False), "    ")
        yield ("\n" if first else ",\n") + text
        first = False
    yield "]\n}\n" if first else "\n  ]\n}\n"
