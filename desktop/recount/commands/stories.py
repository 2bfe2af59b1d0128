"""`recount stories` lists the stories and their reports; `recount story` moves, merges,
splits and renames them (the window's story actions, by command).

Reports are named as `recount discrepancies` names them: the id they were imported with,
else the library's own number. A report without a story yet (a library made before
stories) is given one first.
Exit codes: 0 done, 1 the decision cannot be made (the message says why), 2 the library
could not be used.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true",
                        help='print {"stories": [{"id", "title", "articles": [ids]}]}')


def add_story_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    move = sub.add_parser("move", help="put reports in a story (--new: a new story)")
    move.add_argument("reports", nargs="+", metavar="REPORT",
                      help="report id (as imported, else the library's)")
    where = move.add_mutually_exclusive_group(required=True)
    where.add_argument("--to", type=int, metavar="STORY", help="the story to put them in")
    where.add_argument("--new", action="store_true", help="a new story")
    move.add_argument("--title", help="title of the new story")
    merge = sub.add_parser("merge", help="put every report of the other stories into the first")
    merge.add_argument("into", type=int, metavar="STORY")
    merge.add_argument("others", type=int, nargs="+", metavar="OTHER")
    split = sub.add_parser("split", help="take some reports of a story into a new story")
    split.add_argument("story", type=int, metavar="STORY")
    split.add_argument("reports", nargs="+", metavar="REPORT")
    split.add_argument("--title", help="title of the new story")
    rename = sub.add_parser("rename", help="give a story a title of your own")
    rename.add_argument("story", type=int, metavar="STORY")
    rename.add_argument("title", nargs="+", metavar="TITLE")
    for p in (move, merge, split, rename):
        p.add_argument("--json", action="store_true", help="print the story after the change as JSON")


def run(args: argparse.Namespace) -> int:
    from recount.library.errors import LibraryError
    from recount.library.store import Library
    from recount.paths import library_path
    from recount.stories import assign_missing, list_stories

    try:
        with Library.open(library_path(args.db), create=False) as lib:
            assign_missing(lib)
            stories = list_stories(lib)
    except LibraryError as exc:
        print(f"recount stories: {exc.user_message}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"stories": [s.to_dict() for s in stories]}, indent=2, ensure_ascii=False))
        return 0
    if not stories:
        print("no stories: the library holds no reports")
        return 0
    for story in stories:
        dates = " – ".join(dict.fromkeys(d for d in (story.first_date, story.last_date) if d))
        print(f"[{story.id}] {story.title}" + (f"  ({dates})" if dates else ""))
        for ref in story.refs:
            print(f"    {ref}")
    print(f"\n{len(stories)} stor{'ies' if len(stories) != 1 else 'y'}, "
          f"{sum(len(s.refs) for s in stories)} reports")
    return 0


def run_story(args: argparse.Namespace) -> int:
    from recount import stories
    from recount.library.errors import LibraryError
    from recount.library.store import Library
    from recount.paths import library_path

    try:
        with Library.open(library_path(args.db), create=False) as lib:
            stories.assign_missing(lib)
            story_id = _act(lib, args, stories)
            story = next(iter(stories.list_stories(lib, [story_id])), None)
    except stories.StoryError as exc:
        print(f"recount story {args.action}: {exc}", file=sys.stderr)
        return 1
    except LibraryError as exc:
        print(f"recount story {args.action}: {exc.user_message}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"story": story.to_dict() if story else None}, indent=2, ensure_ascii=False))
    elif story is not None:
        print(f"[{story.id}] {story.title}: {', '.join(story.refs)}")
    return 0


def _act(lib: Any, args: argparse.Namespace, stories: Any) -> int:
    """Do the decision; returns the story to show after it."""
    if args.action == "move":
        ids = [stories.resolve_article(lib, r) for r in args.reports]
        return stories.move(lib, ids, None if args.new else args.to, args.title)
    if args.action == "merge":
        return stories.merge(lib, args.into, args.others)
    if args.action == "split":
        ids = [stories.resolve_article(lib, r) for r in args.reports]
        return stories.split(lib, args.story, ids, args.title)
    stories.rename(lib, args.story, " ".join(args.title))
    return args.story
