"""`recount discrepancies`: every discrepancy flag across the library (dismissed ones left out).

Claims are grouped by metric before comparing, so this stays fast on large libraries.
Exit codes: 0 listed (with or without flags), 2 the library could not be used.
"""

from __future__ import annotations

import argparse
import json
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help='print {"discrepancies": [...]} (DESIGN.md)')
    parser.add_argument("--type", action="append", metavar="TYPE",
                        help="only this type (cumulative_decrease, conflict, revision, attribution_conflict, "
                             "quote_drift); may be repeated")


def run(args: argparse.Namespace) -> int:
    from recount.compare.check import library_discrepancies
    from recount.compare.diff import format_diff
    from recount.library.errors import LibraryError
    from recount.library.store import Library
    from recount.paths import library_path

    try:
        with Library.open(library_path(args.db), create=False) as lib:
            flags = library_discrepancies(lib)
    except LibraryError as exc:
        print(f"recount discrepancies: {exc.user_message}", file=sys.stderr)
        return 2
    if args.type:
        flags = [f for f in flags if f.type in args.type]
    if args.json:
        print(json.dumps({"discrepancies": [f.to_dict() for f in flags]}, indent=2, ensure_ascii=False))
        return 0
    if not flags:
        print("no discrepancies")
        return 0
    for f in flags:
        print(f"⚑ {f.type} [{f.key}] {f.metric}")
        print(f"    {f.explanation}")
        print(f"    a: {f.a.article} ({f.a.published}) “{f.a.span}”")
        print(f"    b: {f.b.article} ({f.b.published}) “{f.b.span}”")
        if f.diff:
            print(f"    diff: {format_diff(f.diff)}")
    print(f"\n{len(flags)} discrepanc{'ies' if len(flags) != 1 else 'y'}")
    return 0
