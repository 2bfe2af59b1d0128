"""A check's result as files a newsroom can use: HTML, Markdown, CSV, JSON, ClaimReview JSON-LD.

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
import html
import io
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from recount import wording
from recount.checked import Reviews, flags_by_claim

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


def _end(flag: Any, name: str) -> Any:
    return getattr(flag, name, None)


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


def _figure(claim: Any) -> str:
    """The figure column: the interval of a figure, the speaker of an attributed claim."""
    return wording.interval(claim) if wording.is_numeric(claim) else wording.who(claim)


def _describe(claim: Any) -> str:
    """What a claim says, in a few words, for tables: "killed · Ostrelo · since 3 Mar 2025"."""
    if wording.is_numeric(claim):
        return " · ".join(p for p in (wording.what(claim), wording.where(claim), wording.when(claim)) if p)
    quote = getattr(claim, "quote", None)
    return f"“{quote}”" if quote else wording.what(claim)


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


# --------------------------------------------------------------------------- Markdown


def _md(text: Any) -> str:
    """Cell-safe Markdown: no table breaks, no stray emphasis or HTML."""
    s = "" if text is None else str(text)
    s = s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    for ch in "*_`<>[]":
        s = s.replace(ch, "\\" + ch)
    return s


def _labelled_ends(result: Any, flag: Any) -> list[tuple[str, Any]]:
    """A flag's two passages, named for a reader: 'This report' / 'Earlier report'."""
    article_id = getattr(result.article, "id", None)
    out = []
    for name, fallback in (("a", "Earlier report"), ("b", "Other report")):
        end = _end(flag, name)
        if end is None:
            continue
        stored = getattr(end, "claim_id", None) is not None
        ours = not stored and getattr(end, "article", None) in (None, "", article_id)
        out.append(("This report" if ours else fallback, end))
    return out


def _title(result: Any) -> str:
    art = result.article
    return getattr(art, "title", None) or getattr(art, "id", None) or "Untitled article"


def _render_md(result: Any, reviews: Reviews | None = None, **_: Any) -> str:
    art = result.article
    flagged = flags_by_claim(result, reviews)
    matches = getattr(result, "matches", None) or {}
    flags = list(getattr(result, "flags", None) or [])
    lines = [f"# Recount check: {_md(_title(result))}", ""]
    meta = [("Outlet", art.outlet), ("Published", art.published), ("URL", art.url)]
    lines += [f"- **{k}:** {_md(v)}" for k, v in meta if v]
    lines += [f"- **Claims:** {len(result.claims)} · **Flags:** {len(flags)}", ""]
    lines += ["## Flags", ""]
    if not flags:
        lines += ["No discrepancies with earlier reports were found.", ""]
    for f in flags:
        lines.append(f"### {_md(wording.flag_label(f.type))} — {_md(getattr(f, 'metric', '') or '')}")
        lines.append("")
        lines.append(_md(getattr(f, "explanation", "")))
        lines.append("")
        for label, end in _labelled_ends(result, f):
            if end is not None:
                where = _where(end) or getattr(end, "article", "")
                lines.append(f"- {label}: “{_md(getattr(end, 'span', ''))}” ({_md(where)})")
        lines.append("")
    lines += [
        "## Claims",
        "",
        "| # | ⚑ | kind | figure / speaker | what | source | span |",
        "|---|---|---|---|---|---|---|",
    ]
    for i, c in enumerate(result.claims):
        figure = _figure(c)
        mark = "⚑" if i in flagged else ""
        lines.append(
            f"| {i + 1} | {mark} | {c.kind} | {_md(figure)} | {_md(_describe(c))} | "
            f"{_md(wording.who(c) or '') if c.kind == 'numeric' else ''} | {_md(c.span)} |"
        )
    lines.append("")
    if any(matches.values()):
        lines += ["## Matches with earlier reports", ""]
        for i, found in sorted(matches.items()):
            if not found:
                continue
            lines.append(f"**Claim {int(i) + 1}** “{_md(result.claims[int(i)].span)}”")
            lines.append("")
            for m in found:
                o, d = m.other, getattr(m, "discrepancy", None)
                verdict = f" — ⚑ {_md(wording.flag_label(d.type))}" if d is not None else ""
                span = getattr(getattr(o, "claim", None), "span", "")
                outlet, published = getattr(o, "outlet", None) or "?", getattr(o, "published", None) or "?"
                lines.append(
                    f"- {_md(outlet)}, {_md(published)}: "
                    f"“{_md(span)}” (score {float(m.score):.2f}, {_md(getattr(m, 'status', ''))}){verdict}"
                )
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# --------------------------------------------------------------------------- HTML

_CSS = """
:root { color-scheme: light dark; --flag: #b3261e; --flagbg: #fbe9e7; --muted: #666; --line: #ddd; }
@media (prefers-color-scheme: dark) {
  :root { --flag: #ff8a80; --flagbg: #3b1f1d; --muted: #aaa; --line: #444; } }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 70rem; margin: 2rem auto;
       padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); }
.meta { color: var(--muted); } table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
tr.flagged td { background: var(--flagbg); }
.badge { display: inline-block; padding: 0 .45rem; border-radius: .6rem;
  background: var(--flag); color: white; font-size: .8rem; white-space: nowrap; }
.flag { border-left: 4px solid var(--flag); padding: .3rem 1rem; margin: 1rem 0; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; } q { font-style: italic; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
"""


def _e(text: Any) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _where(end: Any) -> str:
    """'Outlet, 2025-03-12' for one end of a flag."""
    return ", ".join(str(x) for x in (getattr(end, "outlet", None), getattr(end, "published", None)) if x)


def _end_html(label: str, end: Any) -> str:
    if end is None:
        return ""
    where = _e(_where(end))
    who = getattr(end, "who", None)
    return (
        f"<li><b>{label}</b> <q>{_e(getattr(end, 'span', ''))}</q>"
        f"{f' — {where}' if where else ''}{f' ({_e(who)})' if who else ''}</li>"
    )


def _render_html(result: Any, reviews: Reviews | None = None, **kw: Any) -> str:
    art = result.article
    flagged = flags_by_claim(result, reviews)
    matches = getattr(result, "matches", None) or {}
    flags = list(getattr(result, "flags", None) or [])
    title = _title(result)
    meta = " · ".join(_e(v) for v in (art.outlet, art.published) if v)
    url = f' · <a href="{_e(art.url)}">{_e(art.url)}</a>' if getattr(art, "url", None) else ""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Recount check: {_e(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="meta">{meta}{url}</p>',
        f"<p>{len(result.claims)} claims checked; <b>{len(flags)}</b> "
        f"discrepanc{'y' if len(flags) == 1 else 'ies'} with earlier reports.</p>",
        "<h2>Flags</h2>",
    ]
    if not flags:
        parts.append("<p>No discrepancies with earlier reports were found.</p>")
    for f in flags:
        parts.append(
            f'<div class="flag"><p><span class="badge">{_e(wording.flag_label(f.type))}</span> '
            f"<b>{_e(getattr(f, 'metric', '') or '')}</b></p>"
            f"<p>{_e(getattr(f, 'explanation', ''))}</p><ul>"
            f"{''.join(_end_html(label, end) for label, end in _labelled_ends(result, f))}</ul></div>"
        )
    parts += [
        "<h2>Claims</h2>",
        "<table><thead><tr><th>#</th><th>Flag</th><th>Kind</th><th>Figure / speaker</th><th>What</th>"
        "<th>Source</th><th>Sentence</th></tr></thead><tbody>",
    ]
    for i, c in enumerate(result.claims):
        flags_i = flagged.get(i, [])
        badge = " ".join(f'<span class="badge">{_e(wording.flag_label(f.type))}</span>' for f in flags_i)
        figure = _figure(c)
        sentence = c.sentence or c.span
        # Mark the span inside its sentence when it is there, escaping both sides.
        k = sentence.find(c.span) if c.span else -1
        if k >= 0:
            sentence_html = (
                f"{_e(sentence[:k])}<mark>{_e(c.span)}</mark>{_e(sentence[k + len(c.span):])}"
            )
        else:
            sentence_html = f"<mark>{_e(c.span)}</mark>"
        parts.append(
            f'<tr{" class=flagged" if flags_i else ""}><td class="num">{i + 1}</td><td>{badge}</td>'
            f"<td>{_e(c.kind)}</td><td{' class=num' if c.kind == 'numeric' else ''}>{_e(figure)}</td>"
            f"<td>{_e(_describe(c))}</td>"
            f"<td>{_e(wording.who(c) if c.kind == 'numeric' else '')}</td><td>{sentence_html}</td></tr>"
        )
    parts.append("</tbody></table>")
    if any(matches.values()):
        parts.append("<h2>Matches with earlier reports</h2>")
        for i, found in sorted(matches.items()):
            if not found:
                continue
            parts.append(f"<h3>Claim {int(i) + 1}: <q>{_e(result.claims[int(i)].span)}</q></h3>")
            parts.append(
                "<table><thead><tr><th>Outlet</th><th>Published</th><th>Earlier claim</th>"
                "<th>Score</th><th>Status</th><th>Verdict</th></tr></thead><tbody>"
            )
            for m in found:
                o, d = m.other, getattr(m, "discrepancy", None)
                other_claim = getattr(o, "claim", None)
                verdict = (
                    f'<span class="badge">{_e(wording.flag_label(d.type))}</span> '
                    f'{_e(getattr(d, "explanation", ""))}'
                    if d is not None else "consistent"
                )
                parts.append(
                    f"<tr><td>{_e(getattr(o, 'outlet', None))}</td>"
                    f"<td>{_e(getattr(o, 'published', None))}</td>"
                    f"<td><q>{_e(getattr(other_claim, 'span', ''))}</q></td>"
                    f"<td class=num>{float(m.score):.2f}</td><td>{_e(getattr(m, 'status', ''))}</td>"
                    f"<td>{verdict}</td></tr>"
                )
            parts.append("</tbody></table>")
    stamp = kw.get("reviewed_on") or dt.date.today().isoformat()
    parts.append(f"<footer>Checked with Recount on {_e(stamp)}.</footer></body></html>")
    return "\n".join(parts) + "\n"


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
