"""`recount discrepancies`: every discrepancy flag across the library (dismissed ones left out).

Claims are grouped by metric before comparing and swept in date order, and the flags are
printed as they come out of a scratch file (compare/scan.py), so memory stays bounded on large
libraries.
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
    add_jobs_argument(parser)


def run(args: argparse.Namespace) -> int:
    from recount.compare.diff import format_diff
    from recount.compare.scan import iter_library_discrepancies
    from recount.library.errors import LibraryError
    from recount.library.store import Library
    from recount.paths import library_path
    from recount.wording import flag_label

    out = sys.stdout
    try:
        with Library.open(library_path(args.db), create=False) as lib:
            jobs = jobs_for(args.jobs, lib.count_claims())
            flags = (f for f in iter_library_discrepancies(lib, jobs=jobs)
                     if not args.type or f.type in args.type)
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
