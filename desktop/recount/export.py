"""A check's result as files a newsroom can use: HTML, Markdown, CSV, JSON, ClaimReview JSON-LD.

HTML and Markdown are rendered in export_report.py; this module renders the data formats,
picks the format and writes the file.

Plain Python (no Qt) so the CLI, the window and tests share one implementation. The
functions read a `CheckResult` (compare/check.py) by its documented attributes only
(article, claims, matches, flags), so any object of that shape can be exported.
Files are written atomically: a temporary file in the target folder, then a rename, so a
failed export (disk full, read-only folder) never leaves half a report behind.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import errno
import io
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from recount import wording
from recount.checked import Reviews, flags_by_claim
from recount.export_report import _render_html, _render_md

FORMATS: dict[str, tuple[str, str]] = {
    # fmt -> (file suffix, name shown in file dialogs)
    "html": (".html", "HTML report"),
    "md": (".md", "Markdown"),
    "csv": (".csv", "CSV (one row per claim)"),
    "json": (".json", "JSON"),
    "claimreview": (".jsonld", "ClaimReview JSON-LD (flagged claims)"),
}

DEFAULT_AUTHOR = "Recount user"

class ExportError(Exception):
    """A known reason an export failed (not a bug); `user_message` says what to do."""

    def __init__(self, user_message: str, path: Path | None = None) -> None:
        super().__init__(user_message)
        self.user_message = user_message
        self.path = path


# --------------------------------------------------------------------------- helpers


def _claim_dict(claim: Any) -> dict[str, Any]:
    return claim.to_dict() if hasattr(claim, "to_dict") else dict(claim)


def _flag_dict(flag: Any) -> dict[str, Any]:
    """A flag as JSON, with its type as every view names it (`label`)."""
    if hasattr(flag, "to_dict"):
        return {**flag.to_dict(), "label": wording.flag_label(flag.type)}
    return {
        "label": wording.flag_label(getattr(flag, "type", None)),
        "type": getattr(flag, "type", None),
        "metric": getattr(flag, "metric", None),
        "explanation": getattr(flag, "explanation", None),
    }


def _stored_dict(stored: Any) -> dict[str, Any]:
    """A library claim (StoredClaim) as JSON: where it comes from plus the claim itself."""
    claim = getattr(stored, "claim", None)
    return {
        "id": getattr(stored, "id", None),
        "article_id": getattr(stored, "article_id", None),
        "article": getattr(stored, "ext_id", None),
        "outlet": getattr(stored, "outlet", None),
        "published": getattr(stored, "published", None),
        "claim": _claim_dict(claim) if claim is not None else None,
    }


def _article_meta(result: Any) -> dict[str, Any]:
    art = result.article
    return art.to_dict() if hasattr(art, "to_dict") else {"title": getattr(art, "title", None)}


# --------------------------------------------------------------------------- JSON


def to_json_data(result: Any, reviews: Reviews | None = None) -> dict[str, Any]:
    """The CheckResult as JSON: article, claims, matches, discrepancies (DESIGN.md shapes)."""
    flagged = flags_by_claim(result, reviews)
    claims = []
    for i, claim in enumerate(result.claims):
        data = _claim_dict(claim)
        data["index"] = i
        data["figure"] = wording.figure(claim, full=True)
        data["flags"] = [getattr(f, "key", None) or getattr(f, "type", None) for f in flagged.get(i, [])]
        claims.append(data)
    matches = []
    for i, found in sorted((getattr(result, "matches", None) or {}).items()):
        for m in found:
            d = getattr(m, "discrepancy", None)
            matches.append({
                "claim": int(i),
                "other": _stored_dict(m.other),
                "score": round(float(m.score), 4),
                "components": {
                    k: round(float(v), 4) for k, v in (getattr(m, "components", None) or {}).items()
                },
                "status": getattr(m, "status", "suggested"),
                "discrepancy": _flag_dict(d) if d is not None else None,
            })
    return {
        "article": _article_meta(result),
        "claims": claims,
        "matches": matches,
        "discrepancies": [_flag_dict(f) for f in getattr(result, "flags", None) or []],
        "elapsed_ms": getattr(result, "elapsed_ms", None),
    }


def _render_json(result: Any, reviews: Reviews | None = None, **_: Any) -> str:
    return json.dumps(to_json_data(result, reviews), ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------- CSV

CSV_COLUMNS = [
    "index", "kind", "span", "figure", "value", "lower", "upper", "qualifier", "category", "subject",
    "unit", "time_start", "time_end", "scope", "place", "source", "speaker", "speaker_role", "verb",
    "quote", "date", "start", "end", "sentence", "flagged", "flag_types", "flag_labels", "flag_explanations",
    "matches", "best_score",
]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """Spreadsheets run cells that start with '=' and friends; quote them as text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def _render_csv(result: Any, reviews: Reviews | None = None, **_: Any) -> str:
    flagged = flags_by_claim(result, reviews)
    matches = getattr(result, "matches", None) or {}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for i, claim in enumerate(result.claims):
        d = _claim_dict(claim)
        time = d.pop("time", None) or {}
        flags = flagged.get(i, [])
        found = matches.get(i, [])
        row = {k: d.get(k) for k in CSV_COLUMNS if k in d}
        row.update({
            "index": i,
            "figure": wording.interval(claim) if wording.is_numeric(claim) else "",
            "time_start": time.get("start"),
            "time_end": time.get("end"),
            "scope": time.get("scope"),
            "flagged": "yes" if flags else "no",
            "flag_types": "; ".join(dict.fromkeys(getattr(f, "type", "") or "" for f in flags)),
            "flag_labels": "; ".join(dict.fromkeys(wording.flag_label(f.type) for f in flags)),
            "flag_explanations": " | ".join(getattr(f, "explanation", "") or "" for f in flags),
            "matches": len(found),
            "best_score": f"{max(float(m.score) for m in found):.2f}" if found else "",
        })
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return out.getvalue()


# --------------------------------------------------------------------------- ClaimReview


def claim_reviews(result: Any, *, author: str | None = None, reviewed_on: str | None = None,
                  reviews: Reviews | None = None) -> list[dict]:
    """One schema.org ClaimReview per flagged claim of the article."""
    art = result.article
    who_reviews = (author or "").strip() or DEFAULT_AUTHOR
    date = reviewed_on or dt.date.today().isoformat()
    out = []
    for i, flags in flags_by_claim(result, reviews).items():
        claim = result.claims[i]
        appearance: dict[str, Any] = {"@type": "NewsArticle"}
        if getattr(art, "url", None):
            appearance["url"] = art.url
        if getattr(art, "title", None):
            appearance["headline"] = art.title
        if getattr(art, "published", None):
            appearance["datePublished"] = art.published
        if getattr(art, "outlet", None):
            appearance["publisher"] = {"@type": "Organization", "name": art.outlet}
        item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
        claimant = wording.who(claim) if wording.is_numeric(claim) else claim.speaker
        if claimant:
            kind = "Organization" if claim.kind == "numeric" else "Person"
            item["author"] = {"@type": kind, "name": claimant}
        elif getattr(art, "outlet", None):
            item["author"] = {"@type": "Organization", "name": art.outlet}
        if getattr(art, "published", None):
            item["datePublished"] = art.published
        explanations = [getattr(f, "explanation", "") or "" for f in flags]
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "datePublished": date,
            "claimReviewed": claim.sentence or claim.span,
            "itemReviewed": item,
            "author": {"@type": "Organization", "name": who_reviews},
            "reviewRating": {
                "@type": "Rating",
                "alternateName": "; ".join(dict.fromkeys(wording.flag_label(f.type) for f in flags)),
                "ratingExplanation": " ".join(explanations),
            },
            "reviewBody": " ".join(explanations),
        }
        if getattr(art, "url", None):
            review["url"] = art.url
        out.append(review)
    return out


def _render_claimreview(result: Any, reviews: Reviews | None = None, **kw: Any) -> str:
    found = claim_reviews(result, author=kw.get("author"), reviewed_on=kw.get("reviewed_on"), reviews=reviews)
    return json.dumps(found, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------- entry points

_RENDERERS = {
    "html": _render_html,
    "md": _render_md,
    "csv": _render_csv,
    "json": _render_json,
    "claimreview": _render_claimreview,
}


def format_for_path(path: str | os.PathLike[str]) -> str | None:
    """The format a file name asks for by its suffix (.htm/.html, .md, .csv, .json, .jsonld)."""
    suffix = Path(path).suffix.lower()
    return {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".csv": "csv",
            ".json": "json", ".jsonld": "claimreview"}.get(suffix)


def render(result: Any, fmt: str, *, author: str | None = None, reviewed_on: str | None = None,
           reviews: Reviews | None = None) -> str:
    """The report as text. `author` names the reviewer in ClaimReview (default "Recount user");
    `reviews` are the user's decisions by claim offsets (a rejected claim carries no flag)."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(_RENDERERS)}") from None
    return renderer(result, author=author, reviewed_on=reviewed_on, reviews=reviews)


def _os_error(exc: OSError, path: Path) -> ExportError:
    folder = path.parent
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        msg = (f"The disk holding {folder} is full, so {path.name} was not written. "
               "Free some space and export again.")
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        msg = f"Recount may not write in {folder} (the folder or file is read-only). Choose another folder."
    elif exc.errno == errno.ENOENT:
        msg = f"The folder {folder} does not exist. Choose another folder."
    elif exc.errno == errno.EISDIR:
        msg = f"{path} is a folder. Choose a file name."
    else:
        msg = f"Recount could not write {path}: {exc.strerror or exc}. Nothing was written."
    return ExportError(msg, path)


def export_check(
    result: Any,
    path: str | os.PathLike[str],
    fmt: str | None = None,
    *,
    author: str | None = None,
    reviewed_on: str | None = None,
    reviews: Reviews | None = None,
    progress: Any = None,
    cancelled: Any = None,
) -> Path:
    """Write the report to `path` atomically and return the path.

    `fmt` defaults to the one the suffix names. Raises ExportError (with a user_message)
    for disk full, read-only or missing folders; the target is untouched on failure.
    Accepts the worker helper's `progress`/`cancelled` keywords so it can run off the GUI thread.
    """
    target = Path(path)
    fmt = fmt or format_for_path(target)
    if fmt is None:
        raise ExportError(f"Recount cannot tell the format from the name {target.name}; "
                          f"use one of {', '.join(s for s, _ in FORMATS.values())}.", target)
    text = render(result, fmt, author=author, reviewed_on=reviewed_on, reviews=reviews)
    if progress:
        progress(0, 1, f"Writing {target.name}")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        raise _os_error(exc, target) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    if progress:
        progress(1, 1, f"Wrote {target.name}")
    return target


def formats() -> Iterable[tuple[str, str, str]]:
    """(fmt, suffix, label) for file dialogs and CLI help."""
    return ((fmt, suffix, label) for fmt, (suffix, label) in FORMATS.items())
