"""`recount check FILE`: an article's claims, the earlier claims they match, and its flags.

Reads .txt/.md/.html (a NAME.json beside it may give id, outlet, published, title). Checks
against the library (--db, $RECOUNT_DB or the default); stores the article only with --save.
`--export PATH` also writes the check as the window exports it, in the format its extension
names (.html, .md, .csv, .json, .jsonld), through the same code (recount.export).
Exit codes: 0 checked (with or without flags), 2 the file, the library or the export failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from recount.library.errors import LibraryError, LibraryMissing


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the article (.txt, .md or .html)")
    parser.add_argument("--published", metavar="DATE",
                        help="publication date (YYYY-MM-DD), if not in the file")
    parser.add_argument("--json", action="store_true",
                        help="print claims, matches and discrepancies as JSON")
    parser.add_argument("--save", action="store_true",
                        help="also store the article and its claims in the library")
    parser.add_argument("--all", action="store_true",
                        help="list suggested matches too, not only confirmed ones")
    parser.add_argument("--export", metavar="PATH",
                        help="also write the check to PATH: .html, .md, .csv, .json or .jsonld "
                             "(ClaimReview), as the window's File > Export does")


def _sidecar(path: Path, article: Any) -> None:
    meta_path = path.with_suffix(".json")
    if meta_path == path or not meta_path.is_file():
        return
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return
    if not isinstance(meta, dict):
        return
    for key in ("id", "outlet", "title", "url"):
        if isinstance(meta.get(key), str) and meta[key].strip():
            setattr(article, key, meta[key].strip())
    if isinstance(meta.get("published"), str):
        try:
            article.published = date.fromisoformat(meta["published"][:10]).isoformat()
            article.published_from = "metadata"
        except ValueError:
            pass


def _fail(message: str) -> int:
    print(f"recount check: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from recount.checked import check_with_library
    from recount.export import ExportError, export_check, format_for_path
    from recount.library.store import Library
    from recount.paths import library_path
    from recount.reading import UnreadableFile, read_path

    path = Path(args.file)
    try:
        article = read_path(path)
    except UnreadableFile as exc:
        return _fail(str(exc))
    _sidecar(path, article)
    if args.published:
        try:
            article.published = date.fromisoformat(args.published).isoformat()
        except ValueError:
            return _fail(f"--published {args.published!r} is not a date like 2019-04-08")
        article.published_from = "argument"
    if not article.text.strip():
        return _fail(f"{path} holds no text")
    if args.export and format_for_path(args.export) is None:
        return _fail(f"--export {args.export}: name a .html, .md, .csv, .json or .jsonld file")
    db = library_path(args.db)
    note = None
    try:
        try:
            lib = Library.open(db, create=args.save)
        except LibraryMissing:
            lib, note = None, f"no library at {db} yet: checked the article on its own"
        try:
            checked = check_with_library(lib, article)
            result = checked.result
            saved = None
            if args.save and lib is not None:
                from recount.compare.stored import on_store

                saved = lib.add_article(article, result.claims, within=on_store(lib, article))
        finally:
            if lib is not None:
                lib.close()
    except LibraryError as exc:
        return _fail(exc.user_message)
    if args.json:
        out = result.to_dict()
        if saved is not None:
            out["saved"] = {"article_id": saved.article_id, "added": saved.added}
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        print(format_result(result, show_suggested=args.all, reviews=checked.reviews))
        if saved is not None:
            print(f"\nsaved as article {saved.article_id}" if saved.added
                  else f"\nalready in the library (article {saved.article_id})")
    if note:
        print(f"recount check: {note}", file=sys.stderr)
    if args.export:
        try:
            written = export_check(result, args.export, reviews=checked.reviews)
        except ExportError as exc:
            return _fail(exc.user_message)
        print(f"recount check: wrote {written}", file=sys.stderr)
    return 0


def format_result(result: Any, show_suggested: bool = False, reviews: Any = None) -> str:
    """The check as text: a summary, each flag worded as the window words it, then each claim
    that matched or was flagged, with its figure."""
    from recount import wording
    from recount.checked import flags_by_claim
    from recount.claims.model import NumericClaim

    a = result.article
    head = " · ".join(x for x in (a.outlet, a.published, a.title) if x) or (a.id or "article")
    n_num = sum(isinstance(c, NumericClaim) for c in result.claims)
    n_att = len(result.claims) - n_num
    lines = [head, f"{len(result.claims)} claims ({n_num} figures, {n_att} attributions), "
             f"{len(result.flags)} flag{'s' if len(result.flags) != 1 else ''}, "
             f"checked in {result.elapsed_ms:.0f} ms", ""]
    for f in result.flags:
        lines.append(f"⚑ {wording.flag_line(f)}")
        lines.append(f"    a: {f.a.article or 'this report'} “{f.a.span}”")
        lines.append(f"    b: {f.b.article or 'this report'} “{f.b.span}”")
        if f.diff:
            from recount.compare.diff import format_diff

            lines.append(f"    diff: {format_diff(f.diff)}")
    if result.flags:
        lines.append("")
    flagged = flags_by_claim(result, reviews)
    for i, claim in enumerate(result.claims):
        found = [m for m in result.matches.get(i, []) if show_suggested or m.status == "confirmed"]
        if not found and i not in flagged:
            continue
        what = wording.interval(claim) if isinstance(claim, NumericClaim) else wording.who(claim)
        marks = "".join(f" ⚑ {wording.flag_label(f.type)}" for f in flagged.get(i, []))
        lines.append(f"“{claim.span}” ({what}){marks}")
        for m in found[:3]:
            o = m.other
            where = f"{o.outlet or o.article_ref}, {o.published}"
            lines.append(f"    {m.status} {m.score:.0%}: {where}: “{o.claim.span}”")
    return "\n".join(lines).rstrip()
