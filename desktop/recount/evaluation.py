"""Score the claims engine against an annotated corpus (tests/corpus/SCHEMA.md format).

A predicted claim *hits* a gold claim when their spans overlap and, for a numeric claim,
the values are equal; for an attributed claim, the speakers match (same surname, or the
same name under the normalisation below). Gold spans carry no offsets, so each is located
with `str.find`; when a span occurs several times, the occurrence that overlaps a matching
prediction is used (else the first one).

Field accuracy is measured over hits only. Names (place, source, speaker) are compared
after normalisation: case folded, a leading "the" and possessive "'s" dropped, dots and
punctuation removed ("U.N." = "UN"), whitespace collapsed. Two names then match when
equal, when one is the initials of the other ("WHO" = "World Health Organization"), when
the rapidfuzz ratio is >= 90, or when every word of the shorter one is in the longer one
and the shorter one is not a bare generic word ("Hensby" = "Clara Hensby", "Ostrelo" =
"Halm checkpoint, Ostrelo": a place named inside another is the same metric, see DESIGN).
`place_strict` reports the same field without that containment rule.
Quotes are compared after folding curly quotes, case and whitespace, with ratio >= 90.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from recount.claims.model import AttributedClaim, Claim, NumericClaim

FUZZ_THRESHOLD = 90
NUMERIC_FIELDS = ("category", "interval", "qualifier", "scope", "dates", "place", "place_strict", "source")
ATTRIBUTED_FIELDS = ("speaker", "speaker_role", "quote", "date")
# Words too generic to identify a name on their own ("the ministry" is not "Health Ministry").
_GENERIC = frozenset(
    "ministry agency government officials official police army authorities office department "
    "service council city district province region town village".split()
)


class CorpusError(ValueError):
    """An annotation file that cannot be read; the message names the file."""


# ---------------------------------------------------------------- normalisation


def normalize_name(name: str | None) -> str:
    """Fold a place, source or speaker name to a comparable form."""
    if not name:
        return ""
    s = name.casefold().replace("\u2019", "'")
    s = re.sub(r"'s\b", "", s)
    s = s.replace(".", "")
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"^the ", "", s)
    return s


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in ("of", "for", "and", "the"))


def names_match(a: str | None, b: str | None, *, contained: bool = True) -> bool:
    """Whether two names denote the same place, body or person (see module docstring).

    With `contained=False` a name inside a longer one does not count ("place_strict").
    """
    na, nb = normalize_name(a), normalize_name(b)
    if not na or not nb:
        return na == nb
    if na == nb:
        return True
    wa, wb = na.split(), nb.split()
    if (len(wa) == 1 and wa[0] == _initials(wb)) or (len(wb) == 1 and wb[0] == _initials(wa)):
        return True
    if fuzz.ratio(na, nb) >= FUZZ_THRESHOLD:
        return True
    if not contained:
        return False
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return set(short) <= set(long_) and not set(short) <= _GENERIC


def surname(name: str | None) -> str:
    words = normalize_name(name).split()
    return words[-1] if words else ""


def speakers_match(a: str | None, b: str | None) -> bool:
    """Hit criterion for attributed claims: same surname, or matching names."""
    if not a or not b:
        return False
    return surname(a) == surname(b) or names_match(a, b)


def normalize_quote(q: str | None) -> str:
    if not q:
        return ""
    q = q.translate(str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"}))
    q = re.sub(r"\s+", " ", q.casefold()).strip(" \"'.,;:")
    return q


def quotes_match(a: str | None, b: str | None) -> bool:
    na, nb = normalize_quote(a), normalize_quote(b)
    if not na or not nb:
        return na == nb
    return na == nb or fuzz.ratio(na, nb) >= FUZZ_THRESHOLD


def _num_eq(a: float | None, b: float | None) -> bool:
    """Equal at the precision the annotator wrote `a` with ("a third" annotated 33.3 is 33.33...)."""
    if a is None or b is None:
        return a is None and b is None
    if abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(a))):
        return True
    if float(a).is_integer():
        return False
    written = repr(float(a))
    decimals = len(written.split(".")[1]) if "." in written and "e" not in written else 0
    return 0 < decimals <= 3 and round(float(b), decimals) == round(float(a), decimals)


# ---------------------------------------------------------------- field checks


def _field_checks_numeric(gold: dict[str, Any], pred: NumericClaim) -> dict[str, bool]:
    gt = gold.get("time") or {}
    return {
        "category": gold.get("category") == pred.category,
        "interval": (
            _num_eq(gold.get("lower"), pred.lower)
            and _num_eq(gold.get("upper"), pred.upper)
            and gold.get("lower_inclusive", True) == pred.lower_inclusive
            and gold.get("upper_inclusive", True) == pred.upper_inclusive
        ),
        "qualifier": (gold.get("qualifier") or "exact") == pred.qualifier,
        "scope": (gt.get("scope") or "unknown") == pred.time.scope,
        "dates": gt.get("start") == pred.time.start and gt.get("end") == pred.time.end,
        "place": names_match(gold.get("place"), pred.place),
        "place_strict": names_match(gold.get("place"), pred.place, contained=False),
        "source": names_match(gold.get("source"), pred.source),
    }


def _field_checks_attributed(gold: dict[str, Any], pred: AttributedClaim) -> dict[str, bool]:
    return {
        "speaker": names_match(gold.get("speaker"), pred.speaker),
        "speaker_role": names_match(gold.get("speaker_role"), pred.speaker_role),
        "quote": quotes_match(gold.get("quote"), pred.quote),
        "date": gold.get("date") == pred.date,
    }


# ---------------------------------------------------------------- matching


def _occurrences(text: str, span: str) -> list[int]:
    out, i = [], text.find(span)
    while i >= 0 and span:
        out.append(i)
        i = text.find(span, i + 1)
    return out


def _same(gold: dict[str, Any], pred: Claim) -> bool:
    if gold.get("kind") == "attributed":
        return isinstance(pred, AttributedClaim) and speakers_match(gold.get("speaker"), pred.speaker)
    return isinstance(pred, NumericClaim) and _num_eq(gold.get("value"), pred.value)


def match_claims(
    text: str, gold: list[dict[str, Any]], predicted: list[Claim]
) -> tuple[list[tuple[dict[str, Any], Claim]], list[dict[str, Any]], list[Claim]]:
    """Pair gold and predicted claims one to one: (hits, missed gold, spurious predictions)."""
    used: set[int] = set()
    hits: list[tuple[dict[str, Any], Claim]] = []
    missed: list[dict[str, Any]] = []
    for g in gold:
        found = None
        for occ in _occurrences(text, g["span"]) or []:
            g_end = occ + len(g["span"])
            for i, p in enumerate(predicted):
                if i in used or p.start >= g_end or p.end <= occ:
                    continue
                if _same(g, p):
                    found = i
                    break
            if found is not None:
                break
        if found is None:
            missed.append(g)
        else:
            used.add(found)
            hits.append((g, predicted[found]))
    spurious = [p for i, p in enumerate(predicted) if i not in used]
    return hits, missed, spurious


# ---------------------------------------------------------------- scoring


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "hits": tp, "predicted": n_pred, "gold": n_gold}


def corpus_articles(corpus_dir: str | Path, texts_dir: str | Path | None = None
                    ) -> Iterable[tuple[Path, str, dict[str, Any]]]:
    """(txt path, text, annotation) for every annotated article in a corpus folder.

    `texts_dir`: where NAME.txt lives when it is kept apart from the annotations (real reports'
    texts stay out of every repository); default, beside the annotation."""
    for ann_path in sorted(Path(corpus_dir).glob("*.json")):
        txt = (Path(texts_dir) / ann_path.name if texts_dir else ann_path).with_suffix(".txt")
        if not txt.exists():
            continue
        try:
            ann = json.loads(ann_path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise CorpusError(f"{ann_path}: not valid JSON ({exc})") from None
        if not isinstance(ann, dict) or "claims" not in ann:
            continue
        yield txt, txt.read_text(encoding="utf-8"), ann


def score_extraction(
    corpus_dir: str | Path,
    extractor: Callable[[str, date | None], list[Claim]] | None = None,
    *,
    keep_errors: bool = False,
    texts_dir: str | Path | None = None,
) -> dict[str, Any]:
    """Precision/recall/F1 per kind and field accuracy over hits, for the whole corpus.

    `extractor(text, published)` defaults to `recount.claims.extract`. With `keep_errors`
    the result also lists misses, spurious claims and wrong fields (for `recount eval -v`).
    """
    if extractor is None:
        from recount.claims import extract as extractor
    counts = {k: {"tp": 0, "pred": 0, "gold": 0} for k in ("numeric", "attributed")}
    fields: dict[str, dict[str, list[int]]] = {
        "numeric": {f: [0, 0] for f in NUMERIC_FIELDS},
        "attributed": {f: [0, 0] for f in ATTRIBUTED_FIELDS},
    }
    errors: list[dict[str, Any]] = []
    n_articles = 0
    for path, text, ann in corpus_articles(corpus_dir, texts_dir):
        n_articles += 1
        published = date.fromisoformat(ann["published"]) if ann.get("published") else None
        predicted = extractor(text, published)
        for kind in ("numeric", "attributed"):
            gold = [c for c in ann["claims"] if c.get("kind", "numeric") == kind]
            preds = [c for c in predicted if c.kind == kind]
            hits, missed, spurious = match_claims(text, gold, preds)
            counts[kind]["tp"] += len(hits)
            counts[kind]["pred"] += len(preds)
            counts[kind]["gold"] += len(gold)
            check = _field_checks_numeric if kind == "numeric" else _field_checks_attributed
            for g, p in hits:
                for name, ok in check(g, p).items():  # type: ignore[arg-type]
                    fields[kind][name][0] += ok
                    fields[kind][name][1] += 1
                    if keep_errors and not ok:
                        errors.append({"article": path.stem, "kind": kind, "error": f"wrong {name}",
                                       "span": g["span"], "gold": g, "predicted": p.to_dict()})
            if keep_errors:
                errors += [{"article": path.stem, "kind": kind, "error": "missed", "span": g["span"],
                            "gold": g} for g in missed]
                errors += [{"article": path.stem, "kind": kind, "error": "spurious", "span": p.span,
                            "predicted": p.to_dict()} for p in spurious]
    result: dict[str, Any] = {"articles": n_articles}
    for kind in ("numeric", "attributed"):
        c = counts[kind]
        result[kind] = _prf(c["tp"], c["pred"], c["gold"])
        result[kind]["fields"] = {
            name: round(ok / n, 4) if n else None for name, (ok, n) in fields[kind].items()
        }
    if keep_errors:
        result["errors"] = errors
    return result


def format_extraction_scores(scores: dict[str, Any]) -> str:
    """A readable table of `score_extraction` output."""
    lines = [f"Extraction over {scores['articles']} articles", ""]
    lines.append(f"{'kind':<12}{'precision':>10}{'recall':>10}{'F1':>8}{'hits':>7}{'pred':>7}{'gold':>7}")
    for kind in ("numeric", "attributed"):
        s = scores[kind]
        lines.append(f"{kind:<12}{s['precision']:>10.3f}{s['recall']:>10.3f}{s['f1']:>8.3f}"
                     f"{s['hits']:>7}{s['predicted']:>7}{s['gold']:>7}")
    lines.append("")
    lines.append("field accuracy over hits")
    for kind in ("numeric", "attributed"):
        for name, acc in scores[kind]["fields"].items():
            shown = "   n/a" if acc is None else f"{acc:>6.3f}"
            lines.append(f"  {kind:<12}{name:<14}{shown}")
    return "\n".join(lines)
