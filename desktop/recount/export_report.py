"""A check as a report to read: standalone HTML (light and dark) and Markdown (no Qt).

Part of recount.export (which picks the format and writes the file); the words come from
recount.wording and the flags of each claim from recount.checked, as in every view.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from recount import wording
from recount.checked import Reviews, flags_by_claim


def _end(flag: Any, name: str) -> Any:
    return getattr(flag, name, None)


def _figure(claim: Any) -> str:
    """The figure column: the interval of a figure, the speaker of an attributed claim."""
    return wording.interval(claim) if wording.is_numeric(claim) else wording.who(claim)


def _describe(claim: Any) -> str:
    """What a claim says, in a few words, for tables: "killed · Ostrelo · since 3 Mar 2025"."""
    if wording.is_numeric(claim):
        return " · ".join(p for p in (wording.what(claim), wording.where(claim), wording.when(claim)) if p)
    quote = getattr(claim, "quote", None)
    return f"“{quote}”" if quote else wording.what(claim)


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
