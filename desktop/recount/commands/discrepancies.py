"""`recount discrepancies`: every discrepancy flag across the library (dismissed ones left out).

Claims are grouped by metric before comparing and swept in date order, and the flags are
printed as they come out of a scratch file (compare/scan.py), so memory stays bounded on large
libraries.
Exit codes: 0 listed (with or without flags), 2 the library could not be used.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from collections.abc import Iterable, Iterator


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help='print {"discrepancies": [...]} (DESIGN.md)')
    parser.add_argument("--type", action="append", metavar="TYPE",
                        help="only this type (cumulative_decrease, conflict, revision, attribution_conflict, "
                             "quote_drift); may be repeated")
    parser.add_argument("--jobs", type=int, metavar="N",
                        help="worker processes (default: the number of CPUs, at most 4, for a library of "
                             f"{PARALLEL_FROM:,} claims or more; else 1)")


# Below this many claims, starting worker processes costs more than it saves.
PARALLEL_FROM = 50_000


def _jobs(requested: int | None, claims: int) -> int:
    if requested is not None:
        return max(1, requested)
    return min(4, os.cpu_count() or 1) if claims >= PARALLEL_FROM else 1


def json_array(name: str, items: Iterable[dict]) -> Iterator[str]:
    """`json.dumps({name: [...]}, indent=2)` piece by piece, so a long list is never held whole."""
    yield "{\n" + f"  {json.dumps(name)}: ["
    first = True
    for item in items:
        text = textwrap.indent(json.dumps(item, indent=2, ensure_ascii=False), "    ")
        yield ("\n" if first else ",\n") + text
        first = False
    yield "]\n}\n" if first else "\n  ]\n}\n"


def run(args: argparse.Namespace) -> int:
    from recount.compare.diff import format_diff
    from recount.compare.scan import iter_library_discrepancies
    from recount.library.errors import LibraryError
    from recount.library.store import Library
    from recount.paths import library_path

    out = sys.stdout
    try:
        with Library.open(library_path(args.db), create=False) as lib:
            jobs = _jobs(args.jobs, lib.count_claims())
            flags = (f for f in iter_library_discrepancies(lib, jobs=jobs)
                     if not args.type or f.type in args.type)
            if args.json:
                for piece in json_array("discrepancies", (f.to_dict() for f in flags)):
                    out.write(piece)
                return 0
            n = 0
            for f in flags:
                n += 1
                out.write(f"⚑ {f.type} [{f.key}] {f.metric}\n")
                out.write(f"    {f.explanation}\n")
                out.write(f"    a: {f.a.article} ({f.a.published}) “{f.a.span}”\n")
                out.write(f"    b: {f.b.article} ({f.b.published}) “{f.b.span}”\n")
                if f.diff:
                    out.write(f"    diff: {format_diff(f.diff)}\n")
    except LibraryError as exc:
        print(f"recount discrepancies: {exc.user_message}", file=sys.stderr)
        return 2
    if not n:
        print("no discrepancies")
        return 0
    print(f"\n{n} discrepanc{'ies' if n != 1 else 'y'}")
    return 0
