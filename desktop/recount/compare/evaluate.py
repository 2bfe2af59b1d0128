"""Score discrepancy flags against an annotated corpus's discrepancies.json (`recount eval`).

The corpus articles are stored in a temporary library (real SQLite), with the claims engine's
claims (what counts) or, for comparison, the annotated claims; then every flag across the
library is computed as `recount discrepancies` does, and compared with the expectations:

- recall: expected discrepancies found (a flag whose two ends overlap the two spans);
- type accuracy: of those found, how many with the expected type;
- false alarms: consistent_growth pairs (a running total rising) that were flagged;
- other flags: raised flags that match no expected pair (a precision proxy: some may be
  real discrepancies the annotators did not list).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from recount.claims.model import Article, Claim, claim_from_dict
from recount.compare.rules import Discrepancy, FlagEnd

FLAG_TYPES = ("cumulative_decrease", "conflict", "revision", "attribution_conflict", "quote_drift")


def _corpus(corpus_dir: Path, texts_dir: Path | None = None) -> Iterator[tuple[str, str, dict[str, Any]]]:
    from recount.evaluation import corpus_articles

    for txt, text, ann in corpus_articles(corpus_dir, texts_dir):
        yield ann.get("id") or txt.stem, text, ann


def _overlaps(end: FlagEnd, gold: dict[str, Any], texts: dict[str, str]) -> bool:
    if end.article != gold.get("article"):
        return False
    text, span = texts.get(end.article or "", ""), gold.get("span") or ""
    pos = text.find(span)
    while pos >= 0:
        if end.start < pos + len(span) and pos < end.end:
            return True
        pos = text.find(span, pos + 1)
    return False


def _hits(flag: Discrepancy, gold: dict[str, Any], texts: dict[str, str]) -> bool:
    a, b = gold["a"], gold["b"]
    return (_overlaps(flag.a, a, texts) and _overlaps(flag.b, b, texts)) or (
        _overlaps(flag.a, b, texts) and _overlaps(flag.b, a, texts))


def annotated_claims(ann: dict[str, Any], text: str) -> list[Claim]:
    """The annotated claims of a report, each given the sentence around it when the annotation
    has none (the rules read a figure's sentence, as they do the engine's claims)."""
    from datetime import date

    from recount.claims.document import Document

    claims = [claim_from_dict(c, text) for c in ann["claims"]]
    if all(c.sentence for c in claims):
        return claims
    try:
        day = date.fromisoformat((ann.get("published") or "")[:10])
    except ValueError:
        day = date.today()
    doc = Document.from_text(text, day)
    for c in claims:
        if not c.sentence and 0 <= c.start < len(text):
            found = doc.sentence_at(c.start)
            if found is not None:
                c.sentence = found.text(doc)
    return claims


def flags_for_corpus(corpus_dir: str | Path, claims: str = "engine", texts_dir: str | Path | None = None
                     ) -> tuple[list[Discrepancy], dict[str, str]]:
    """Every flag across a temporary library holding the corpus; also the article texts by id."""
    from recount.compare.stored import listed_flags, on_store
    from recount.library.store import Library

    corpus_dir = Path(corpus_dir)
    texts: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="recount-eval-") as tmp, \
            Library.open(Path(tmp) / "eval.db", create=True) as lib:
        for ext_id, text, ann in _corpus(corpus_dir, Path(texts_dir) if texts_dir else None):
            texts[ext_id] = text
            article = Article(text=text, published=ann.get("published"), title=ann.get("title"),
                              outlet=ann.get("outlet"), url=ann.get("url"), id=ext_id,
                              published_from="metadata")
            found: list[Claim]
            if claims == "annotated":
                found = annotated_claims(ann, text)
            else:
                from recount.claims import extract

                found = extract(text, ann.get("published"))
            lib.add_article(article, found, within=on_store(lib, article))
        flags = list(listed_flags(lib))
    return flags, texts


def score_flag_list(flags: list[Discrepancy], gold: list[dict[str, Any]], texts: dict[str, str]
                    ) -> dict[str, Any]:
    expected = [g for g in gold if g.get("type") in FLAG_TYPES]
    growth = [g for g in gold if g.get("type") == "consistent_growth"]
    used: set[str] = set()
    found = typed = 0
    per_type = {t: {"expected": 0, "found": 0} for t in FLAG_TYPES}
    missed, wrong_type = [], []
    for g in expected:
        per_type[g["type"]]["expected"] += 1
        hits = [f for f in flags if _hits(f, g, texts)]
        used.update(f.key for f in hits)
        if not hits:
            missed.append(f"{g['type']}: {g['metric']}")
            continue
        found += 1
        per_type[g["type"]]["found"] += 1
        if any(f.type == g["type"] for f in hits):
            typed += 1
        else:
            wrong_type.append(f"{g['metric']}: expected {g['type']}, got {hits[0].type}")
    alarms = []
    for g in growth:
        hits = [f for f in flags if _hits(f, g, texts)]
        used.update(f.key for f in hits)
        if hits:
            alarms.append(f"{g['metric']}: {hits[0].type}")
    other = [f"{f.type}: {f.explanation}" for f in flags if f.key not in used]
    return {
        "expected": len(expected), "found": found,
        # None when nothing was expected: a recall of 0/0 would read as a perfect score.
        "recall": round(found / len(expected), 3) if expected else None,
        "type_accuracy": round(typed / found, 3) if found else 0.0,
        "growth_pairs": len(growth), "false_alarms": len(alarms),
        "flags_raised": len(flags), "other_flags": len(other),
        "per_type": per_type, "missed": missed, "wrong_type": wrong_type,
        "false_alarm_list": alarms, "other_list": other,
    }


def score_flags(corpus_dir: str | Path, texts_dir: str | Path | None = None) -> dict[str, Any]:
    """Flag scores with the engine's claims (top level) and with the annotated claims ("annotated")."""
    corpus_dir = Path(corpus_dir)
    gold_path = corpus_dir / "discrepancies.json"
    flags, texts = flags_for_corpus(corpus_dir, "engine", texts_dir)
    if not gold_path.is_file():  # nothing to score against: say so, do not print a recall
        out = score_flag_list(flags, [], texts)
        out.update(claims="engine", gold=None, false_alarms=None, type_accuracy=None,
                   note=f"no {gold_path.name} in {corpus_dir}: nothing to score flags against")
        return out
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    out = score_flag_list(flags, gold, texts)
    out["gold"] = str(gold_path)
    out["claims"] = "engine"
    flags_a, texts_a = flags_for_corpus(corpus_dir, "annotated", texts_dir)
    out["annotated"] = score_flag_list(flags_a, gold, texts_a)
    return out


def _line(label: str, s: dict[str, Any]) -> str:
    recall = "n/a" if s["recall"] is None else f"{s['recall']:.3f}"
    return (f"{label:<22} recall {recall} ({s['found']}/{s['expected']})   "
            f"type accuracy {s['type_accuracy']:.3f}   "
            f"false alarms {s['false_alarms']}/{s['growth_pairs']}   "
            f"other flags {s['other_flags']} of {s['flags_raised']}")


def format_flag_scores(scores: dict[str, Any]) -> str:
    """The text `recount eval` prints under the extraction scores."""
    if scores.get("gold", "") is None:
        return (f"Discrepancy flags: {scores['note']} "
                f"({scores['flags_raised']} flag{'s' if scores['flags_raised'] != 1 else ''} raised).")
    lines = ["Discrepancy flags (discrepancies.json)", "", _line("engine's claims", scores)]
    if "annotated" in scores:
        lines.append(_line("annotated claims", scores["annotated"]))
    lines.append("")
    lines.append("per type (engine's claims): " + ", ".join(
        f"{t} {v['found']}/{v['expected']}" for t, v in scores["per_type"].items() if v["expected"]))
    sections = (("missed", "missed"), ("wrong type", "wrong_type"), ("false alarms", "false_alarm_list"),
                ("other flags", "other_list"))
    for title, key in sections:
        if scores.get(key):
            lines.append(f"{title}:")
            lines.extend(f"  {item}" for item in scores[key])
    return "\n".join(lines)
