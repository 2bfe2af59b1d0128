"""`recount` with no command: open the window; `--screenshot` and `--smoke` drive it headless."""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

_STARTED = time.perf_counter()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="a report to open in the window (.txt, .md, .html)")
    parser.add_argument("--screenshot", metavar="OUT.png", type=Path,
                        help="open the window, check --article, save a picture of it and exit")
    parser.add_argument("--article", metavar="FILE", type=Path, help="the report to show (with --screenshot)")
    parser.add_argument("--size", default="1280x800", help="window size for --screenshot (default 1280x800)")
    parser.add_argument("--tab", choices=("comparison", "timeline"), default="comparison",
                        help="lower pane shown in the screenshot")
    parser.add_argument("--claim", metavar="WORDS", help="select the claim whose words contain WORDS "
                        "(default: the first flagged claim)")
    parser.add_argument("--library-panel", action="store_true",
                        help="show the library panel in the screenshot")
    parser.add_argument("--stories", action="store_true",
                        help="show the library panel's Stories tab in the screenshot (first stories opened)")
    parser.add_argument("--dark", action="store_true", help="screenshot with a dark palette")
    parser.add_argument("--smoke", action="store_true",
                        help="start the full app offscreen, check a sample report, print one line, exit")


def _size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d+)[x×](\d+)", text.strip())
    if not m:
        raise SystemExit(f"recount: --size must look like 1280x800, not {text!r}")
    return int(m.group(1)), int(m.group(2))


def run(args: argparse.Namespace) -> int:
    from recount.ui.app import ensure_display

    headless = bool(args.smoke or args.screenshot)
    ensure_display(headless)
    if args.smoke:
        from recount.ui.automation import smoke

        return smoke(_STARTED)
    if args.screenshot:
        from recount.paths import library_path
        from recount.ui.automation import screenshot

        if args.article is not None and not args.article.is_file():
            print(f"recount: {args.article}: no such file")
            return 1
        return screenshot(args.screenshot, library_path(args.db), args.article, _size(args.size),
                          tab=args.tab, claim=args.claim, library_dock=args.library_panel,
                          dark=args.dark, stories=args.stories)
    missing = [f for f in args.files if not Path(f).is_file()]
    if missing:
        print(f"recount: {missing[0]}: no such file")
        return 1
    from recount.ui.app import run_window

    return run_window(args.db, args.files)
