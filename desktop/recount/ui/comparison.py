"""The comparison pane: the selected claim beside the earlier claims it matches.

Rendered as rich text in a QTextBrowser (cheap, selectable, scrolls, follows the palette).
Links carry the actions: `open:<article id>` opens a stored report, `dismiss:<n>` (the n-th flag key shown)
asks to dismiss a flag. The pane shows and forwards; the window acts.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from recount import wording
from recount.claims.model import Claim, NumericClaim
from recount.ui.results import ClaimRow
from recount.ui.theme import Colours, colours, css

COMPONENT_LABELS = {
    "category": "same thing counted",
    "what": "same thing counted",
    "place": "same place",
    "where": "same place",
    "time": "same period",
    "when": "same period",
    "date": "close dates",
    "sentence": "similar sentence",
    "text": "similar sentence",
    "source": "same source",
    "speaker": "same speaker",
    "quote": "similar words",
    "terms": "shared names",
}


def highlight_span(sentence: str, span: str, bg: str) -> str:
    """The sentence, escaped, with the claim's words on a coloured background."""
    sentence = sentence or span
    at = sentence.find(span) if span else -1
    if at < 0:
        return escape(sentence)
    return (
        escape(sentence[:at])
        + f'<span style="background-color:{bg}; font-weight:600;">{escape(span)}</span>'
        + escape(sentence[at + len(span) :])
    )


def badge(kind: str, c: Colours) -> str:
    return (
        f'<span style="background-color:{css(c.badge(kind))}; color:#ffffff; font-weight:600;">'
        f"&nbsp;{escape(wording.flag_label(kind))}&nbsp;</span>"
    )


def render_diff(diff: Any, c: Colours) -> str:
    """Word diff as text with insertions (green) and deletions (red, struck through).

    The core's diff (compare.diff.word_diff) is (op, text) runs, op equal/delete/insert,
    joined with single spaces; dicts {op, text} are accepted too (a diff read from JSON).
    """
    parts = []
    for item in diff or []:
        if isinstance(item, dict):
            op, text = item.get("op"), item.get("text", "")
        else:
            op, text = item[0], item[1]
        op = {"+": "insert", "-": "delete", " ": "equal", "=": "equal"}.get(op, op)
        if op == "insert":
            parts.append(
                f'<span style="background-color:{css(c.insert_bg)};" title="added">{escape(text)}</span>'
            )
        elif op == "delete":
            parts.append(
                f'<span style="background-color:{css(c.delete_bg)}; text-decoration:line-through;" '
                f'title="left out">{escape(text)}</span>'
            )
        else:
            parts.append(escape(text))
    return " ".join(parts)


def describe(claim: Claim) -> str:
    bits = [wording.figure(claim, full=True), wording.what(claim), wording.when(claim, full=True),
            wording.where(claim)]
    src = wording.who(claim)
    if src:
        bits.append(("source: " if isinstance(claim, NumericClaim) else "") + src)
    return " · ".join(escape(b) for b in bits if b)


def reasons(components: dict[str, float]) -> str:
    items = sorted((components or {}).items(), key=lambda kv: -kv[1])
    return ", ".join(f"{escape(COMPONENT_LABELS.get(k, k.replace('_', ' ')))} {v:.0%}" for k, v in items)


def kind_bg(claim: Claim, c: Colours):
    return c.numeric_bg if isinstance(claim, NumericClaim) else c.attributed_bg


def dismiss_link(key: str, keys: list[str]) -> str:
    """Flag keys are JSON (quotes, spaces): links carry their position in `keys` instead."""
    if key not in keys:
        keys.append(key)
    return f'<a href="dismiss:{keys.index(key)}">Dismiss flag…</a>'


def match_html(row: ClaimRow, match: Any, c: Colours, this_label: str, keys: list[str]) -> str:
    other = match.other
    oc = other.claim
    d = match.discrepancy
    head_bg = css(c.flag_bg if d else kind_bg(oc, c))
    own_bg = css(c.flag_bg if d else kind_bg(row.claim, c))
    when = wording.short_date(other.published)
    title = escape(" · ".join(x for x in (other.outlet or "unknown outlet", when) if x))
    status = "confirmed match" if match.status == "confirmed" else "suggested match"
    verdict = ""
    if d is not None:
        verdict = (
            f'<p style="margin:4px 0;">{badge(d.type, c)} {escape(d.explanation)}'
            f" &nbsp;{dismiss_link(d.key, keys)}</p>"
        )
        if getattr(d, "diff", None):
            verdict += f'<p style="margin:4px 0;"><b>Word changes:</b> {render_diff(d.diff, c)}</p>'
    muted = css(c.muted)
    return f"""
<table width="100%" cellspacing="0" cellpadding="4" style="margin-top:6px;">
<tr><td width="50%" style="background-color:{own_bg};"><b>{escape(this_label)}</b></td>
<td width="50%" style="background-color:{head_bg};"><b>{title}</b>
&nbsp;<a href="open:{int(other.article_id)}">open report</a></td></tr>
<tr><td valign="top">{highlight_span(row.claim.sentence, row.claim.span, own_bg)}</td>
<td valign="top">{highlight_span(oc.sentence, oc.span, head_bg)}</td></tr>
<tr><td valign="top"><small>{describe(row.claim)}</small></td>
<td valign="top"><small>{describe(oc)}</small></td></tr>
</table>
{verdict}
<p style="margin:2px 0 8px 0; color:{muted};"><small>{status}, score {match.score:.0%}
{("— " + reasons(match.components)) if match.components else ""}</small></p>
"""


def render(row: ClaimRow | None, c: Colours, this_label: str = "This report",
           keys: list[str] | None = None) -> str:
    keys = [] if keys is None else keys
    if row is None:
        return (
            f'<p style="color:{css(c.muted)};">Select a claim to see the earlier reports that give the same '
            "figure or quote, and why they agree or not.</p>"
        )
    claim = row.claim
    out = [f"<p><b>{describe(claim)}</b></p>"]
    if row.flags and not any(m.discrepancy for m in row.matches):
        for d in row.flags:
            out.append(f"<p>{badge(d.type, c)} {escape(d.explanation)}"
                       f" &nbsp;{dismiss_link(d.key, keys)}</p>")
    if not row.matches:
        out.append(
            f'<p style="color:{css(c.muted)};">No earlier report in the library gives this '
            f"{'figure' if isinstance(claim, NumericClaim) else 'statement'}.</p>"
        )
    ordered = sorted(row.matches, key=lambda m: (m.discrepancy is None, -m.score))
    out.extend(match_html(row, m, c, this_label, keys) for m in ordered)
    return "\n".join(out)


class ComparisonPane(QWidget):
    """Shows one ClaimRow's matches. Signals: openArticle(library id), dismissFlag(flag key)."""

    openArticle = Signal(int)
    dismissFlag = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName("Comparison with earlier reports")
        self.browser.anchorClicked.connect(self._link)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.row: ClaimRow | None = None
        self.this_label = "This report"
        self.show_row(None)

    def show_row(self, row: ClaimRow | None, this_label: str | None = None) -> None:
        self.row = row
        if this_label:
            self.this_label = this_label
        self._keys: list[str] = []
        self.browser.setHtml(render(row, colours(self.palette()), self.this_label, self._keys))

    def text(self) -> str:
        return self.browser.toPlainText()

    def _link(self, url: QUrl) -> None:
        scheme, _, rest = url.toString().partition(":")
        if scheme == "open" and rest.isdigit():
            self.openArticle.emit(int(rest))
        elif scheme == "dismiss" and rest.isdigit() and int(rest) < len(self._keys):
            self.dismissFlag.emit(self._keys[int(rest)])
