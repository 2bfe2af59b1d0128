"""`recount import PATH...`: add article files, folders, JSON Lines and CSV to the library.

Prints "added N, skipped N, failed N" and each failure with its file (and line); exit code 0
when everything was imported or already there, 1 when anything failed. A progress bar is drawn
on stderr only when it is a terminal. Ctrl-C stops between articles and keeps what was imported.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from typing import TextIO

from recount.library.errors import LibraryError
from recount.library.importer import import_paths
from recount.library.store import Library
from recount.paths import library_path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help=".txt/.md/.html files, folders (recursively), .jsonl or .csv "
                             "(fields id, title, outlet, published, url, text); "
                             "NAME.json beside NAME.txt gives its id/outlet/published/title")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar, only the summary")
    parser.add_argument("-v", "--verbose", action="store_true", help="also list what was added and skipped")
    parser.add_argument("-j", "--jobs", type=int, default=min(os.cpu_count() or 1, 4),
                        help="processes extracting claims in parallel (default: CPUs, at most 4)")
    parser.add_argument("--timeout", type=float, default=5.0,
                        help="seconds to wait for a library another program is writing (default 5)")


class ProgressBar:
    """A one-line bar on a terminal, redrawn at most 10 times a second; nothing when piped."""

    def __init__(self, stream: TextIO, enabled: bool) -> None:
        self.stream, self.enabled, self.last = stream, enabled, 0.0
        self.started = time.monotonic()
        self.count = 0

    def __call__(self, done: int, total: int, message: str) -> None:
        self.count += 1
        now = time.monotonic()
        if not self.enabled or (now - self.last < 0.1 and done < total):
            return
        self.last = now
        width = 30
        fraction = done / total if total else 1.0
        bar = "#" * int(fraction * width)
        rate = self.count / max(now - self.started, 1e-6)
        self.stream.write(f"\r[{bar:<{width}}] {fraction:4.0%}  {self.count} items  {rate:5.0f}/s ")
        self.stream.flush()

    def clear(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 70 + "\r")
            self.stream.flush()


def run(args: argparse.Namespace) -> int:
    path = library_path(args.db)
    try:
        library = Library.open(path, timeout=args.timeout)
    except LibraryError as exc:
        print(f"recount import: {exc.user_message}", file=sys.stderr)
        return 1
    interrupted = False

    def on_interrupt(signum: int, frame: object) -> None:
        nonlocal interrupted
        if interrupted:  # a second Ctrl-C: stop now (the open transaction is rolled back)
            raise KeyboardInterrupt
        interrupted = True

    previous = signal.signal(signal.SIGINT, on_interrupt)
    bar = ProgressBar(sys.stderr, enabled=sys.stderr.isatty() and not args.quiet and not args.json)
    try:
        with library:
            report = import_paths(library, args.paths, progress=bar, cancelled=lambda: interrupted,
                                  jobs=args.jobs)
    except LibraryError as exc:  # import_paths reports these itself; this is the last safety net
        bar.clear()
        print(f"recount import: {exc.user_message}", file=sys.stderr)
        return 1
    finally:
        signal.signal(signal.SIGINT, previous)
        bar.clear()
    if args.json:
        print(json.dumps({**report.to_dict(), "library": str(path), "summary": report.summary()}, indent=2))
    else:
        if args.verbose:
            for item in report.added:
                print(f"added: {item.name} (article {item.article_id}, {item.claims} claims)")
            for item in report.skipped:
                print(f"skipped: {item.name}: {item.reason}")
        for item in report.failed:
            print(f"failed: {item.name}: {item.reason}", file=sys.stderr)
        if report.stopped:
            print(f"recount import: stopped: {report.stopped}", file=sys.stderr)
        print(report.summary())
    if report.cancelled:
        return 130  # interrupted, as a shell expects; what was imported stays
    return 0 if report.ok else 1
