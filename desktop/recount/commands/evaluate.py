"""`recount eval DIR [--texts TEXTDIR]`: score extraction (and discrepancy flags) on a corpus."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("corpus", metavar="DIR", help="annotated corpus folder (NAME.txt + NAME.json)")
    parser.add_argument("--texts", metavar="TEXTDIR",
                        help="read NAME.txt from TEXTDIR instead of DIR (texts kept apart from annotations)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also list every miss, spurious claim and wrong field")


def _flag_scores(corpus: Path, texts: Path | None) -> tuple[dict[str, Any] | None, str | None]:
    try:
        from recount.compare.evaluate import format_flag_scores, score_flags
    except ImportError:
        return None, None
    scores = score_flags(corpus, texts)
    return scores, format_flag_scores(scores)


def _format_error(e: dict[str, Any]) -> str:
    head = f"{e['article']}: {e['kind']} {e['error']}: {e['span']!r}"
    if e["error"].startswith("wrong "):
        name = e["error"][6:]
        g, p = e["gold"], e["predicted"]
        keys = {"interval": ("lower", "upper", "lower_inclusive", "upper_inclusive"),
                "dates": ("time",), "scope": ("time",)}.get(name, (name,))
        head += "  gold " + ", ".join(f"{k}={g.get(k)!r}" for k in keys)
        head += "  got " + ", ".join(f"{k}={p.get(k)!r}" for k in keys)
    return head


def run(args: argparse.Namespace) -> int:
    from recount.evaluation import CorpusError, corpus_articles, format_extraction_scores, score_extraction

    corpus = Path(args.corpus)
    texts = Path(args.texts) if args.texts else None
    for folder in (corpus, texts):
        if folder is not None and not folder.is_dir():
            print(f"recount eval: {folder} is not a folder", file=sys.stderr)
            return 2
    try:
        if not any(True for _ in corpus_articles(corpus, texts)):
            where = f"{corpus} with texts in {texts}" if texts else str(corpus)
            print(f"recount eval: no annotated articles (NAME.txt + NAME.json) in {where}", file=sys.stderr)
            return 2
        scores = score_extraction(corpus, keep_errors=args.verbose, texts_dir=texts)
    except CorpusError as exc:
        print(f"recount eval: {exc}", file=sys.stderr)
        return 2
    flags, flags_text = _flag_scores(corpus, texts)
    if args.json:
        out = {"extraction": scores}
        if flags is not None:
            out["flags"] = flags
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    print(format_extraction_scores(scores))
    if flags_text:
        print()
        print(flags_text)
    if args.verbose:
        print()
        for e in scores.get("errors", []):
            print(_format_error(e))
    return 0
