"""`recount discrepancies`: every discrepancy flag across the library (dismissed ones left out).

The flags are those stored as reports arrived (compare/stored.py), with the user's decisions
applied (reports reviewed or moved since are checked again first). `--rescan` recomputes
every flag: claims grouped by metric within each story and swept in date order
(compare/sweep.py), memory bounded on large libraries, and stores them again.
Exit codes: 0 listed (with or without flags), 2 the library could not be used.
"""

from __future__ import annotations

import argparse
import sys

from recount.commands.library_wide import add_jobs_argument, jobs_for, json_array


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help='print {"discrepancies": [...]} (DESIGN.md)')
    parser.add_argument("--type", action="append", metavar="TYPE",
                        help="only this type (cumulative_decrease, conflict, revision, attribution_conflict, "
                             "quote_drift); may be repeated")
    parser.add_argument("--rescan", action="store_true",
                        help="recompute every flag across the library (and store them again) instead "
                             "of listing the stored ones")
    add_jobs_argument(parser)


def run(args: argparse.Namespace) -> int:
    from recount.compare.diff import format_diff
    from recount.compare.stored import listed_flags, rescan
    from recount.library.errors import LibraryError
    from recount.library.store import Library
    from recount.paths import library_path
    from recount.wording import flag_label

    out = sys.stdout
    try:
        with Library.open(library_path(args.db), create=False) as lib:
            if args.rescan:
                rescan(lib, jobs=jobs_for(args.jobs, lib.count_claims()))
            flags = (f for f in listed_flags(lib) if not args.type or f.type in args.type)
            if args.json:
                for piece in json_array("discrepancies", (f.to_dict() for f in flags)):
                    out.write(piece)
                return 0
            n = 0
            for f in flags:
                n += 1
                out.write(f"⚑ {flag_label(f.type)} [{f.key}] {f.metric}\n")
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
