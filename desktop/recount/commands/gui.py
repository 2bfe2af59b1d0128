"""`recount` with no command: open the window (placeholder until the window lands)."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rest", nargs="*")


def run(args: argparse.Namespace) -> int:
    print("recount: the window is not built yet; see `recount --help` for commands")
    return 0
