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
        self._selections: list[QTextEdit.ExtraSelection] = []
        self._index_of: dict[int, int] = {}  # claim index -> position in _selections
        self._rows: list[ClaimRow] = []
        self._current = -1
        self._offsets: list[int] | None = None

    def set_rows(self, rows: list[ClaimRow], text: str, palette_colours: Colours) -> None:
        """Build one extra selection per claim (cursors are made once: they are the costly part)."""
        self._rows = rows
        self._offsets = utf16_offsets(text)
        self._current = -1
        doc = self.editor.document()
        doc_len = doc.characterCount() - 1
        self._selections: list[QTextEdit.ExtraSelection] = []
        self._index_of: dict[int, int] = {}
        for row in rows:
            start, end = to_qt(self._offsets, row.claim.start), to_qt(self._offsets, row.claim.end)
            if not 0 <= start < end <= doc_len:
                continue
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(doc)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = self._format(row, palette_colours)
            self._index_of[row.index] = len(self._selections)
            self._selections.append(sel)
        self.editor.setExtraSelections(self._selections)

    def clear(self) -> None:
        self._rows, self._selections, self._index_of, self._current = [], [], {}, -1
        self.editor.setExtraSelections([])

    def set_current(self, claim_index: int, palette_colours: Colours) -> None:
        """Mark one claim as current: only the old and the new selection change format."""
        previous, self._current = self._current, claim_index
        by_index = {r.index: r for r in self._rows}
        for index in {previous, claim_index}:
            at = self._index_of.get(index)
            if at is not None and index in by_index:
                self._selections[at].format = self._format(by_index[index], palette_colours)
        self.editor.setExtraSelections(self._selections)

    def apply(self, c: Colours) -> None:
        """Re-colour every highlight (after a palette change: light/dark switch)."""
        by_index = {r.index: r for r in self._rows}
        for index, at in self._index_of.items():
            self._selections[at].format = self._format(by_index[index], c)
        self.editor.setExtraSelections(self._selections)

    def _format(self, row: ClaimRow, c: Colours) -> QTextCharFormat:
        fmt = QTextCharFormat()
        flagged = bool(row.flags)
        if row.index == self._current:
            fmt.setBackground(c.current_bg)
        elif flagged:
            fmt.setBackground(c.flag_bg)
        else:
            fmt.setBackground(c.numeric_bg if isinstance(row.claim, NumericClaim) else c.attributed_bg)
        if flagged:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(c.flag_line)
            fmt.setFontUnderline(True)
        if row.review == "rejected":
            fmt.setFontStrikeOut(True)
        fmt.setProperty(CLAIM_PROPERTY, row.index)
        return fmt

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
