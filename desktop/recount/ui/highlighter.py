"""Claim spans drawn over the article text as extra selections (colour by kind, flags in red).

Extra selections hold QTextCursors, which move with the text as the user types, so the
highlights stay on their words until the next check replaces them.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from recount.claims.model import NumericClaim
from recount.ui.results import ClaimRow, from_qt, to_qt, utf16_offsets
from recount.ui.theme import Colours

CLAIM_PROPERTY = QTextFormat.Property.UserProperty + 1


class SpanHighlighter:
    """Keeps the claim highlights of one editor; maps a text position back to its claim."""

    def __init__(self, editor: QPlainTextEdit) -> None:
        self.editor = editor
        self._spans: list[tuple[int, int, int]] = []  # (qt_start, qt_end, claim index)
        self._rows: list[ClaimRow] = []
        self._current = -1
        self._offsets: list[int] | None = None

    def set_rows(self, rows: list[ClaimRow], text: str, palette_colours: Colours) -> None:
        self._rows = rows
        self._offsets = utf16_offsets(text)
        self._spans = [
            (to_qt(self._offsets, r.claim.start), to_qt(self._offsets, r.claim.end), r.index)
            for r in rows
            if 0 <= r.claim.start < r.claim.end
        ]
        self._current = -1
        self.apply(palette_colours)

    def clear(self) -> None:
        self._rows, self._spans, self._current = [], [], -1
        self.editor.setExtraSelections([])

    def set_current(self, claim_index: int, palette_colours: Colours) -> None:
        self._current = claim_index
        self.apply(palette_colours)

    def apply(self, c: Colours) -> None:
        doc_len = self.editor.document().characterCount() - 1
        flagged = {r.index for r in self._rows if r.flags}
        rejected = {r.index for r in self._rows if r.review == "rejected"}
        kinds = {r.index: isinstance(r.claim, NumericClaim) for r in self._rows}
        selections = []
        for start, end, index in self._spans:
            if end > doc_len:
                continue
            fmt = QTextCharFormat()
            if index == self._current:
                fmt.setBackground(c.current_bg)
            elif index in flagged:
                fmt.setBackground(c.flag_bg)
            else:
                fmt.setBackground(c.numeric_bg if kinds.get(index) else c.attributed_bg)
            if index in flagged:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(c.flag_line)
                fmt.setFontUnderline(True)
            if index in rejected:
                fmt.setFontStrikeOut(True)
            fmt.setProperty(CLAIM_PROPERTY, index)
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)
        self.editor.setExtraSelections(selections)

    def claim_at(self, qt_position: int) -> int:
        """The claim whose span holds this position (the shortest when spans nest), else -1."""
        best, best_len = -1, 1 << 30
        for sel in self.editor.extraSelections():
            cur = sel.cursor
            if cur.selectionStart() <= qt_position < cur.selectionEnd():
                length = cur.selectionEnd() - cur.selectionStart()
                if length < best_len:
                    best, best_len = int(sel.format.property(CLAIM_PROPERTY)), length
        return best

    def span_of(self, claim_index: int) -> tuple[int, int] | None:
        """The claim's span in the editor now (it moves with edits)."""
        for sel in self.editor.extraSelections():
            if int(sel.format.property(CLAIM_PROPERTY)) == claim_index:
                return sel.cursor.selectionStart(), sel.cursor.selectionEnd()
        return None

    def python_offset(self, qt_position: int) -> int:
        return from_qt(self._offsets, qt_position)
