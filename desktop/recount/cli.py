"""`recount` command line: a thin dispatcher over the core, one module per command.

With no command it opens the window. Command modules are imported only when used, so
`recount extract` never pays for Qt or SQLite start-up.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

import recount

# command -> (module under recount.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("extract", "list the numeric and attributed claims of articles"),
    "eval": ("evaluate", "score extraction and flags against an annotated corpus"),
    "import": ("import_", "add files, folders, JSON Lines or CSV to the library"),
    "check": ("check", "check an article against the library"),
    "discrepancies": ("discrepancies", "every discrepancy flag across the library"),
    "metrics": ("metrics", "reconciled series of figures per metric"),
    "stories": ("stories", "the stories (events followed over time) and their reports"),
    "story": ("story", "move, merge, split or rename stories"),
    "watch": ("watch", "follow feeds and folders: add, list, remove, run"),
    "gui": ("gui", "open the window (the default with no command)"),
}


def _split_global_db(argv: list[str]) -> tuple[str | None, list[str]]:
    """`--db PATH` is accepted anywhere on the line, before or after the command."""
    db: str | None = None
    rest: list[str] = []
    it = iter(argv)
    for arg in it:
        if arg == "--db":
            db = next(it, None)
            if db is None:
                raise SystemExit("recount: --db needs a path")
        elif arg.startswith("--db="):
            db = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    return db, rest


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="recount",
        description="Read the figures and quotes in a news report and check them against earlier reports.",
        epilog="--db PATH (anywhere on the line) or $RECOUNT_DB chooses the library file.",
    )
    parser.add_argument("--version", action="version", version=f"recount {recount.__version__}")
    parser.add_argument("--db", metavar="PATH", help="library file (default: the user's data directory)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (_module, help_text) in COMMANDS.items():
        sub.add_parser(name, help=help_text, add_help=False)
    return parser


def _load(name: str):
    return importlib.import_module(f"recount.commands.{COMMANDS[name][0]}")


def main(argv: Sequence[str] | None = None) -> int:
    args_in = list(sys.argv[1:] if argv is None else argv)
    db, rest = _split_global_db(args_in)
    # Window options (--screenshot, --smoke, ...), a report to open ("Open with Recount"),
    # and no arguments at all mean the window.
    window_option = bool(rest) and rest[0].startswith("-") and rest[0] not in ("-h", "--help", "--version")
    report = bool(rest) and rest[0] not in COMMANDS and os.path.isfile(rest[0])
    if not rest or window_option or report:
        rest = ["gui", *rest]
    if rest[0] not in COMMANDS:
        build_parser().parse_args(rest)  # prints usage and exits 2 for an unknown command
        return 2
    name = rest[0]
    module = _load(name)
    parser = argparse.ArgumentParser(prog=f"recount {name}", description=COMMANDS[name][1])
    module.add_arguments(parser)
    args = parser.parse_args(rest[1:])
    args.db = db
    try:
        return int(module.run(args) or 0)
    except KeyboardInterrupt:
        print("recount: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
