"""The history of one metric: every reported figure over time, by source, and the reconciled band.

Drawn with QPainter (no QtCharts: the installer stays lean). The widget only shows a
`MetricSeries` from compare/reconcile.py; it reads it by attribute (observations with
published, outlet, source, value, lower, upper, qualifier, claim_id and article; label, low,
best, high) and decides nothing. Clicking a point emits `pointActivated(article_id)` with the
library id of its report (and `claimActivated(claim_id)`).
"""

from __future__ import annotations

import html
import math
import re
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from recount.ui.theme import blend
from recount.ui.timeline_data import (
    _article_id,
    _dates,
    _esc,
    _figure,
    _float,
    _Point,
    _points,
    _series_title,
    date_ticks,
    format_value,
    nice_ticks,
)
from recount.ui.timeline_paint import TimelinePainting

__all__ = ["EMPTY_TEXT", "TimelineWidget", "date_ticks", "format_value", "nice_ticks"]

EMPTY_TEXT = "Select a figure to see its history"
_HIT_RADIUS = 9.0  # pixels: how near the pointer must be to a point to pick it


class TimelineWidget(TimelinePainting, QWidget):
    """Reported figures over time by source, with the reconciled low/best/high band."""

    pointActivated = Signal(int)  # the library id of the article the point comes from
    claimActivated = Signal(int)  # the library id of the claim the point stands for

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows walk the points, Enter opens one
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(280, 160)
        self.setAccessibleName("Timeline")
        self.setAccessibleDescription(EMPTY_TEXT)
        self.setToolTip("")
        self._series: Any = None
        self._points: list[_Point] = []
        self._keys: list[str] = []
        self._band: tuple[float | None, float | None, float | None] = (None, None, None)
        self._title = ""
        self._hover: int | None = None
        self._library: Any = None
        self._focus: int | None = None

    # ------------------------------------------------------------------ public API

    def set_library(self, library: Any) -> None:
        """The GUI thread's Library, used to find the report a clicked point comes from."""
        self._library = library

    def set_series(self, series: Any, current: Any = None, library: Any = None) -> None:
        """Show a MetricSeries (None clears). `current` is this article's figure, marked apart:
        an observation of the series, or a claim (matched by claim id, else it is the observation
        that has no claim id, i.e. not stored). `library` (optional) turns observations' claim
        ids into article ids for pointActivated when the series does not carry them."""
        self._series = series
        self._points = []
        self._hover = None
        self._focus = None
        self._band = (None, None, None)
        self._title = ""
        if series is not None:
            self._title = _series_title(series)
            self._points = _points(series, current)
            for p in self._points:
                p.article_id = _article_id(p.obs, library if library is not None else self._library)
            self._band = (
                _float(getattr(series, "low", None)),
                _float(getattr(series, "best", None)),
                _float(getattr(series, "high", None)),
            )
        keys: dict[str, None] = {}
        for p in self._points:
            keys.setdefault(p.key, None)
        self._keys = list(keys)
        described = f"{len(self._points)} reported figures" if self._points else EMPTY_TEXT
        self.setAccessibleDescription(f"{self._title}: {described}" if self._title else described)
        self.update()

    def series(self) -> Any:
        return self._series

    def point_count(self) -> int:
        return len(self._points)

    def point_positions(self) -> list[QPointF]:
        """Where each observation is drawn (after a paint), in series order."""
        self._ensure_layout()
        return [QPointF(p.pos) if p.pos is not None else QPointF(-1, -1) for p in self._points]

    def point_at(self, pos: QPointF) -> int | None:
        """The index of the observation drawn nearest `pos`, if within a few pixels."""
        self._ensure_layout()
        best, best_d = None, _HIT_RADIUS
        for i, p in enumerate(self._points):
            if p.pos is None:
                continue
            d = math.hypot(p.pos.x() - pos.x(), p.pos.y() - pos.y())
            if d <= best_d:
                best, best_d = i, d
        return best

    def observation(self, index: int) -> Any:
        return self._points[index].obs

    def sizeHint(self) -> QSize:
        return QSize(560, 260)

    # ------------------------------------------------------------------ events

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.point_at(event.position())
        if index != self._hover:
            self._hover = index
            self.update()
        if index is None:
            self.unsetCursor()
            QToolTip.hideText()
        else:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            QToolTip.showText(event.globalPosition().toPoint(), self.tooltip_text(index), self)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: Any) -> None:
        if self._hover is not None:
            self._hover = None
            self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            index = self.point_at(event.position())
            if index is not None:
                self._focus = index
                self.activate(index)
        super().mouseReleaseEvent(event)

    def activate(self, index: int) -> None:
        """Open the report of point `index` (as a click does)."""
        p = self._points[index]
        claim_id = getattr(p.obs, "claim_id", None)
        if claim_id is not None:
            self.claimActivated.emit(int(claim_id))
        if p.article_id is not None and not p.current:
            self.pointActivated.emit(p.article_id)

    def focused_point(self) -> int | None:
        return self._focus

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Left/Right (Home/End) walk the points in date order; Enter opens the report."""
        n = len(self._points)
        key = event.key()
        moves = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}
        if n and key in moves:
            start = -1 if moves[key] > 0 else n
            current = self._focus if self._focus is not None else start
            self._set_focus(max(0, min(n - 1, current + moves[key])))
        elif n and key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self._set_focus(0 if key == Qt.Key.Key_Home else n - 1)
        elif n and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._focus is not None:
            self.activate(self._focus)
        else:
            super().keyPressEvent(event)

    def _set_focus(self, index: int) -> None:
        self._focus = index
        self.update()
        plain = re.sub(r"<[^>]+>", "", self.tooltip_text(index).replace("<br>", ". "))
        self.setAccessibleDescription(html.unescape(plain))
        self._ensure_layout()
        pos = self._points[index].pos
        if pos is not None and self.isVisible():
            QToolTip.showText(self.mapToGlobal(pos.toPoint()), self.tooltip_text(index), self)

    def tooltip_text(self, index: int) -> str:
        p = self._points[index]
        o = p.obs
        outlet = getattr(o, "outlet", None) or ("This article" if p.current else "Unknown outlet")
        lines = [
            f"<b>{_esc(outlet)}</b>",
            _esc(_dates(o)),
            f"Figure: <b>{_esc(_figure(p))}</b>",
            f"Source: {_esc(getattr(o, 'source', None) or 'the outlet itself')}",
        ]
        if getattr(o, "revised_down", False):
            lines.append("Lower than an earlier figure from the same teller (revised down)")
        if getattr(o, "superseded", False):
            lines.append("<i>Superseded by a later figure</i>")
        if p.current:
            lines.append("<i>This article</i>")
        elif p.article_id is not None:
            lines.append("<i>Click to open this report</i>")
        return "<br>".join(lines)

    # ------------------------------------------------------------------ layout

    def _ensure_layout(self) -> None:
        if self._points and any(p.pos is None for p in self._points):
            self._layout(self._plot_rect(QFontMetricsF(self.font())))

    def _plot_rect(self, fm: QFontMetricsF) -> QRectF:
        lo, hi, _ = self._value_range()
        ticks = nice_ticks(lo, hi)
        step = ticks[1] - ticks[0] if len(ticks) > 1 else None
        label_w = max(fm.horizontalAdvance(format_value(t, step)) for t in ticks)
        top = fm.height() * 1.6 + self._legend_height(fm)
        left = label_w + 14
        height = self.height() - top - fm.height() - 14
        return QRectF(left, top, max(10.0, self.width() - left - 16), max(10.0, height))

    def _legend_height(self, fm: QFontMetricsF) -> float:
        return fm.height() + 6 if self._keys else 0.0

    def _day_range(self) -> tuple[float, float]:
        days = [p.day for p in self._points]
        lo, hi = min(days), max(days)
        pad = max(1.0, (hi - lo) * 0.06)
        return lo - pad, hi + pad

    def _value_range(self) -> tuple[float, float, list[float]]:
        values: list[float] = []
        for p in self._points:
            values += [v for v in (p.value, p.lower, p.upper) if v is not None]
        values += [v for v in self._band if v is not None]
        if not values:
            return 0.0, 1.0, [0.0, 1.0]
        lo, hi = min(values), max(values)
        # Counts start at zero (an honest baseline) unless the figures sit in a narrow high range.
        if lo >= 0 and (hi == lo or hi == 0 or (hi - lo) / hi > 0.25):
            lo = 0.0
        span = hi - lo or max(1.0, abs(hi) * 0.1)
        hi += span * 0.18  # room for open-ended arrows and labels
        if lo != 0.0:
            lo -= span * 0.1
        ticks = nice_ticks(lo, hi)
        return ticks[0], ticks[-1], ticks

    def _layout(self, plot: QRectF) -> None:
        d0, d1 = self._day_range()
        v0, v1, _ = self._value_range()
        for p in self._points:
            p.pos = QPointF(self._x(p.day, plot, d0, d1), self._y(p.value, plot, v0, v1))
        # Reports of the same figure on the same day would hide each other: set them side by side.
        groups: dict[tuple[int, int], list[_Point]] = {}
        for p in self._points:
            assert p.pos is not None
            groups.setdefault((round(p.pos.x()), round(p.pos.y())), []).append(p)
        for same in groups.values():
            for k, p in enumerate(same):
                assert p.pos is not None
                p.pos.setX(p.pos.x() + (k - (len(same) - 1) / 2) * 9)

    @staticmethod
    def _x(day: float, plot: QRectF, d0: float, d1: float) -> float:
        return plot.left() + (day - d0) / (d1 - d0) * plot.width()

    @staticmethod
    def _y(value: float, plot: QRectF, v0: float, v1: float) -> float:
        return plot.bottom() - (value - v0) / (v1 - v0) * plot.height()

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        fm = QFontMetricsF(self.font())
        text = pal.color(QPalette.ColorRole.Text)
        muted = blend(pal.color(QPalette.ColorRole.Base), text, 0.55)
        if not self._points:
            painter.setPen(muted)
            message = EMPTY_TEXT if self._series is None else f"{self._title}: no figures reported yet"
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(QRectF(self.rect()), flags, message)
            painter.end()
            return
        plot = self._plot_rect(fm)
        self._layout(plot)
        d0, d1 = self._day_range()
        v0, v1, vticks = self._value_range()
        colours = self._key_colours(pal)

        self._paint_title_and_legend(painter, fm, text, muted, colours)
        self._paint_axes(painter, fm, plot, d0, d1, v0, v1, vticks, text, muted)
        painter.save()
        painter.setClipRect(plot.adjusted(-2, -2, 2, 2))
        self._paint_band(painter, fm, plot, v0, v1, pal)
        for i, p in enumerate(self._points):
            if not p.current:
                self._paint_point(painter, p, plot, v0, v1, colours[p.key], pal, hovered=i == self._hover,
                                  focused=i == self._focus and self.hasFocus())
        for i, p in enumerate(self._points):  # this article's figure on top of everything
            if p.current:
                self._paint_point(painter, p, plot, v0, v1, colours[p.key], pal, hovered=i == self._hover,
                                  focused=i == self._focus and self.hasFocus())
        painter.restore()
        painter.end()
