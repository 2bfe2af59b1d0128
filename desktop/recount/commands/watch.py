"""`recount watch add|list|remove|run`: follow feeds and folders from the command line (cron).

`run` polls the due sources (every source with --once), stores what is new and prints what
changed. A failing source is reported with its error and does not stop the others; the exit
status is 0 when the run itself worked, 2 when the library or the arguments could not be used.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="follow a feed URL (RSS, Atom, JSON Feed) or a folder")
    add.add_argument("target", metavar="URL|FOLDER")
    add.add_argument("--name", help="a name to show instead of the URL or path")
    add.add_argument("--every", type=int, metavar="MINUTES", help="polling interval (default 15)")
    add.add_argument("--json", action="store_true", help="print the new source as JSON")
    lst = sub.add_parser("list", help="the sources, their status and last error")
    lst.add_argument("--json", action="store_true", help='print {"sources": [...]}')
    rm = sub.add_parser("remove", help="stop following a source (its reports stay)")
    rm.add_argument("id", type=int, metavar="ID")
    run = sub.add_parser("run", help="poll the due sources, store what is new, print what changed")
    run.add_argument("--once", action="store_true", help="poll every source now, due or not")
    run.add_argument("--json", action="store_true",
                     help='print {"sources": [...], "imported": [...], "changes": [...]}')
    parser.add_argument("--timeout", type=float, default=5.0,
                        help="seconds to wait for a library another program is writing (default 5)")


def _err(message: str) -> int:
    print(f"recount watch: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from recount.library.errors import LibraryError
    from recount.library.store import Library
    from recount.paths import library_path
    from recount.watch.sources import SourceError

    try:
        with Library.open(library_path(args.db), timeout=args.timeout) as lib:
            return {"add": _add, "list": _list, "remove": _remove, "run": _run}[args.action](lib, args)
    except LibraryError as exc:
        return _err(exc.user_message)
    except SourceError as exc:
        return _err(str(exc))


def _add(lib: Any, args: argparse.Namespace) -> int:
    from recount.watch.sources import add_source

    source = add_source(lib, args.target, args.name, args.every)
    if args.json:
        print(json.dumps(source.to_dict(), indent=2))
    else:
        print(f"added source {source.id}: {source.location} "
              f"({source.kind}, every {source.every_minutes} min)")
    return 0


def _list(lib: Any, args: argparse.Namespace) -> int:
    from recount.watch.scheduler import next_poll
    from recount.watch.sources import list_sources

    sources = list_sources(lib)
    if args.json:
        rows = []
        for s in sources:
            when = next_poll(s)
            rows.append({**s.to_dict(), "next_poll": when.isoformat(timespec="seconds") if when else None})
        print(json.dumps({"sources": rows}, indent=2))
        return 0
    if not sources:
        print("no sources: add one with `recount watch add URL|FOLDER`")
    for s in sources:
        state = "paused" if s.paused else s.status
        name = f" “{s.name}”" if s.name else ""
        print(f"{s.id:>3}  {s.location}{name}  every {s.every_minutes} min  {state}  "
              f"{s.reports} reports  last poll {s.last_poll or 'never'}")
        if s.last_error:
            print(f"     {s.last_error}")
    return 0


def _remove(lib: Any, args: argparse.Namespace) -> int:
    from recount.watch.sources import remove_source

    if not remove_source(lib, args.id):
        return _err(f"there is no source {args.id} (see `recount watch list`)")
    print(f"removed source {args.id} (its reports stay in the library)")
    return 0


def _run(lib: Any, args: argparse.Namespace) -> int:
    from recount.watch.scheduler import Scheduler

    report = Scheduler(lib).run(everything=args.once)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
        return 0
    if not report.sources:
        print("no source is due" + ("" if args.once else " (--once polls them all now)"))
    for r in report.sources:
        tail = f": {r.error}" if r.error else ""
        print(f"source {r.source_id} {r.url}: {r.status}, {r.new} new{tail}")
    for c in report.changes:
        story = f"[{c.story}] " if c.story else ""
        print(f"{'⚑' if c.kind == 'flag' else '↕'} {story}{c.explanation}")
    print(f"imported {len(report.imported)}, {len(report.changes)} changes")
    return 0
