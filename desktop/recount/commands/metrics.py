"""`recount metrics`: the reconciled series of reported figures per metric, with low/best/high.

Rule (docs/checking.md): every report kept with its source; a source's later figure
supersedes its earlier one (a revision down is marked, not dropped); best is the conservative
figure of the latest day. Exit codes: 0 listed, 2 the library could not be used.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from recount.commands.library_wide import add_jobs_argument, jobs_for, json_array


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help='print {"metrics": [...]}')
    parser.add_argument("--min", type=int, default=2, metavar="N",
                        help="only metrics reported at least N times (default 2)")
    add_jobs_argument(parser)


def _n(x: float | None) -> str:
    if x is None:
        return "?"
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}"


def _observation(o: Any) -> str:
    mark = " (revised down later)" if o.revised_down else " (superseded)" if o.superseded else ""
    who = f", {o.source}" if o.source else ""
    return f"    {o.as_of}  {_n(o.value):>10}  {o.outlet or o.article}{who}: “{o.span}”{mark}\n"


def run(args: argparse.Namespace) -> int:
    from recount.compare.reconcile import iter_library_metrics
    from recount.library.errors import LibraryError
    from recount.library.store import Library
    from recount.paths import library_path

    out = sys.stdout
    try:
        with Library.open(library_path(args.db), create=False) as lib:
            series = iter_library_metrics(lib, min_observations=max(1, args.min),
                                          jobs=jobs_for(args.jobs, lib.count_claims()))
            if args.json:
                for piece in json_array("metrics", (s.to_dict() for s in series)):
                    out.write(piece)
                return 0
            n = 0
            for s in series:
                n += 1
                out.write(f"{s.label}: best {_n(s.best)} (low {_n(s.low)}, high {_n(s.high)}), "
                          f"{len(s.observations)} reports\n")
                for o in s.observations:
                    out.write(_observation(o))
    except LibraryError as exc:
        print(f"recount metrics: {exc.user_message}", file=sys.stderr)
        return 2
    if not n:
        print("no metric reported more than once")
    return 0
