"""Table cells drawn as one plain line of text each, laid out once and kept.

Qt's own delegate (QStyledItemDelegate) asks the model for eight roles and lays the text of
every cell out again (QTextLayout) at each repaint. After a delete or a restore the library
browser repaints all its visible rows, and that repaint was the largest part of the GUI
thread's work for a write (bench/gui_stall.py). This delegate draws the same thing for a
table of plain text: the row's background (drawn by the view) and selection, the text elided
on the right (or right-aligned, for figures), the focus frame; each elided line is a
QStaticText made once per text and width. Every call from here into Qt costs about a
microsecond, so a cell makes few: no role but the text is asked for.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QStaticText, QTransform
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionFocusRect, QStyleOptionViewItem

_KEEP = 4000  # laid-out lines kept (a few pages of rows); then the cache starts again

_SELECTED = QStyle.StateFlag.State_Selected.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_FOCUS = QStyle.StateFlag.State_HasFocus.value
_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled)


class PlainTextDelegate(QStyledItemDelegate):
    """Plain, single-line cells (no icons, check boxes or rich text), each line laid out once.

    `right_columns`: the columns whose text is aligned right (figures)."""

    def __init__(self, parent: Any = None, right_columns: frozenset[int] = frozenset()) -> None:
        super().__init__(parent)
        self.right_columns = right_columns
        self._lines: dict[tuple[str, int], tuple[QStaticText, int, float]] = {}
        self._font = ""  # the font the lines were laid out in
        self._palette = -1  # the palette the colours were read from
        self._colours: dict[tuple[int, bool], tuple[QColor, QColor]] = {}
        self._margin = 3

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        rect = option.rect
        state = option.state.value
        selected = bool(state & _SELECTED)
        fill, pen = self._colour(option, state, selected)
        if selected:
            painter.fillRect(rect, fill)
        text = index.data()
        if text:
            line, width, height = self._line(str(text), rect.width(), option)
            if index.column() in self.right_columns:
                x = rect.x() + rect.width() - self._margin - width
            else:
                x = rect.x() + self._margin
            painter.setPen(pen)
            painter.drawStaticText(x, rect.y() + (rect.height() - height) // 2, line)
        if state & _FOCUS:
            self._focus(painter, option, selected)

    def _colour(self, option: QStyleOptionViewItem, state: int, selected: bool) -> tuple[QColor, QColor]:
        """The selection's fill and the text's colour, read from the palette once per palette."""
        palette = option.palette
        if palette.cacheKey() != self._palette:
            self._palette, self._colours = palette.cacheKey(), {}
        group = 2 if not state & _ENABLED else 0 if state & _ACTIVE else 1
        colours = self._colours.get((group, selected))
        if colours is None:
            g = _GROUPS[group]
            text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            colours = (palette.color(g, QPalette.ColorRole.Highlight), palette.color(g, text_role))
            self._colours[(group, selected)] = colours
        return colours

    def _line(self, text: str, width: int, option: QStyleOptionViewItem) -> tuple[QStaticText, int, float]:
        """The text elided to the cell's width, laid out in the view's font (made once)."""
        line = self._lines.get((text, width))
        if line is None:
            font = option.font
            if font.key() != self._font or len(self._lines) >= _KEEP:
                self._font = font.key()
                self._lines.clear()
                widget = option.widget
                if widget is not None:  # the style's own text margin, as its delegate uses
                    metric = QStyle.PixelMetric.PM_FocusFrameHMargin
                    self._margin = widget.style().pixelMetric(metric, None, widget) + 1
            shown = option.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                                  max(width - 2 * self._margin, 0))
            static = QStaticText(shown)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(QTransform(), font)
            size = static.size()
            line = (static, round(size.width()), size.height())
            self._lines[(text, width)] = line
        return line

    def _focus(self, painter: QPainter, option: QStyleOptionViewItem, selected: bool) -> None:
        widget = option.widget
        if widget is None:
            return
        frame = QStyleOptionFocusRect()
        frame.initFrom(widget)
        frame.rect = option.rect
        frame.state = option.state
        frame.backgroundColor = option.palette.color(
            QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base)
        widget.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, frame, painter, widget)
