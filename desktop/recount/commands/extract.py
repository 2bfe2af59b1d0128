"""`recount extract FILE [FILE...]`: the numeric and attributed claims of articles.

Text, Markdown or HTML (`-` reads stdin). A readable table by default; `--json` prints one
object `{"article": {...}, "claims": [...]}` for one file, JSON Lines with a "file" key
for several. Unreadable input is one line on stderr and exit status 2, with nothing on
stdout; an empty article is no claims, a note on stderr and exit status 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from recount import wording
from recount.claims.model import Article, AttributedClaim, Claim, NumericClaim

try:
    from recount.reading import UnreadableFile, read_bytes, read_path
except ImportError:  # reading.py not there yet: plain UTF-8 text only
    from pathlib import Path

    class UnreadableFile(Exception):  # type: ignore[no-redef]
        """A file that is not a readable article."""

    def read_bytes(data: bytes, name: str = "-") -> Article:  # type: ignore[misc]
        if b"\x00" in data[:4096]:
            raise UnreadableFile(f"{name}: binary file, not an article")
        try:
            return Article(text=data.decode("utf-8"), id=None if name == "-" else Path(name).stem)
        except UnicodeDecodeError:
            raise UnreadableFile(f"{name}: not UTF-8 text") from None

    def read_path(path: str) -> Article:  # type: ignore[misc]
        try:
            return read_bytes(Path(path).read_bytes(), str(path))
        except OSError as exc:
            raise UnreadableFile(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="article files (.txt, .md, .html); - for stdin")
    parser.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                        help="publication date (default: from HTML metadata or the dateline, else today)")
    parser.add_argument("--json", action="store_true", help="print JSON (JSON Lines for several files)")


def _read(name: str) -> Article:
    if name == "-":
        return read_bytes(sys.stdin.buffer.read(), "-")
    return read_path(name)


def _row(c: Claim) -> list[str]:
    if isinstance(c, NumericClaim):
        return ["numeric", c.span, wording.interval(c), wording.what(c), wording.when(c, full=True),
                wording.where(c), c.source or ""]
    assert isinstance(c, AttributedClaim)
    who = c.speaker or "?"
    if c.speaker_role:
        who += f" ({c.speaker_role})"
    quote = f"\u201c{c.quote}\u201d" if c.quote else ""
    return ["attributed", c.span, c.verb or "", "", wording.when(c), "", f"{who} {quote}".strip()]


def _clip(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "\u2026"


def format_table(claims: list[Claim]) -> str:
    """A plain-text table, one claim per line, widths fitted to the content."""
    head = ["kind", "span", "figure", "what", "when", "where", "source / speaker"]
    limits = [7, 40, 22, 17, 28, 28, 60]
    rows = [[_clip(v, n) for v, n in zip(_row(c), limits, strict=True)] for c in claims]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in [head, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _article_header(name: str, article: Article, n: int) -> str:
    bits = [name if name != "-" else "(stdin)"]
    if article.title:
        bits.append(f"\u201c{_clip(article.title, 70)}\u201d")
    if article.outlet:
        bits.append(article.outlet)
    bits.append(f"published {article.published} ({article.published_from})")
    bits.append(f"{n} claim{'s' if n != 1 else ''}")
    return " \u00b7 ".join(bits)


def run(args: argparse.Namespace) -> int:
    articles: list[tuple[str, Article]] = []
    for name in args.files:
        try:
            articles.append((name, _read(name)))
        except UnreadableFile as exc:
            print(f"recount extract: {exc}", file=sys.stderr)
            return 2
    from recount.claims import extract

    several = len(articles) > 1
    for i, (name, article) in enumerate(articles):
        shown = "stdin" if name == "-" else name
        empty = not article.text.strip()
        if args.published:
            article.published, article.published_from = args.published.isoformat(), "argument"
        elif not article.published and empty:
            article.published, article.published_from = date.today().isoformat(), "today"
        elif not article.published:
            article.published, article.published_from = date.today().isoformat(), "today"
            print(f"recount extract: {shown}: no publication date found; dates resolved against today "
                  f"({article.published}). Use --published YYYY-MM-DD to set it.", file=sys.stderr)
        if empty:
            print(f"recount extract: {shown}: empty text, no claims", file=sys.stderr)
            claims: list[Claim] = []
        else:
            claims = extract(article.text, article.published)
        if args.json:
            obj: dict[str, Any] = {"article": article.to_dict(), "claims": [c.to_dict() for c in claims]}
            if several:
                print(json.dumps({"file": name, **obj}, ensure_ascii=False))
            else:
                print(json.dumps(obj, ensure_ascii=False, indent=2))
        else:
            if i:
                print()
            print(_article_header(name, article, len(claims)))
            if claims:
                print(format_table(claims))
    return 0
