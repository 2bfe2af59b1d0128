"""The history of one metric: every reported figure over time, by source, and the reconciled band.

Drawn with QPainter (no QtCharts: the installer stays lean). The widget only shows a
`MetricSeries` from compare/reconcile.py; it reads it by attribute (observations with
published, outlet, source, value, lower, upper, qualifier, claim_id and article; label, low,
best, high) and decides nothing. Clicking a point emits `pointActivated(article_id)` with the
library id of its report (and `claimActivated(claim_id)`).
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QKeyEvent,
    QLinearGradient,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from recount.ui.theme import blend, is_dark

EMPTY_TEXT = "Select a figure to see its history"
_HIT_RADIUS = 9.0  # pixels: how near the pointer must be to a point to pick it
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


@dataclass(slots=True)
class _Point:
    """One observation, resolved to numbers the painter can use."""

    day: float  # proleptic ordinal of the publication date
    value: float
    lower: float | None
    upper: float | None
    about: bool
    key: str  # legend entry (source, else outlet)
    obs: Any
    current: bool = False
    article_id: int | None = None  # library id of the report, for pointActivated
    pos: QPointF | None = None  # where it was last drawn


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _float(value: Any) -> float | None:
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def format_value(value: float, step: float | None = None) -> str:
    """Thousands separators; decimals only when the axis step needs them."""
    if step is not None and step < 1:
        decimals = min(6, max(1, -math.floor(math.log10(step))))
        return f"{value:,.{decimals}f}"
    if abs(value - round(value)) < 1e-9 or abs(value) >= 1000:
        return f"{round(value):,}"
    return f"{value:,.1f}"


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round tick values (1, 2, 5 × 10^k steps) covering lo..hi."""
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / max(1, count)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.floor(lo / step + 1e-9)
    last = math.ceil(hi / step - 1e-9)
    return [round(i * step, 10) for i in range(first, last + 1)]


def _add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    return dt.date(d.year + y, m + 1, 1)


def date_ticks(first: dt.date, last: dt.date, max_ticks: int) -> list[dt.date]:
    """Readable date ticks: days, weeks, months or years, at most `max_ticks` of them."""
    span = max(1, (last - first).days)
    for days in (1, 2, 7, 14):
        if span / days <= max_ticks:
            start = first if days < 7 else first + dt.timedelta(days=(7 - first.weekday()) % 7)
            return [start + dt.timedelta(days=i * days) for i in range(span // days + 2)
                    if start + dt.timedelta(days=i * days) <= last]
    for months in (1, 3, 6, 12, 24, 60, 120):
        if span / (30.4 * months) <= max_ticks:
            d = _add_months(first, 0 if first.day == 1 else 1)
            while (d.month - 1) % min(months, 12):
                d = _add_months(d, 1)
            out = []
            while d <= last:
                out.append(d)
                d = _add_months(d, months)
            return out
    return [first, last]


def _date_label(d: dt.date, with_year: bool, monthly: bool) -> str:
    if monthly:
        return f"{_MONTHS[d.month - 1]} {d.year}" if with_year or d.month == 1 else _MONTHS[d.month - 1]
    text = f"{d.day} {_MONTHS[d.month - 1]}"
    return f"{text} {d.year}" if with_year else text


class TimelineWidget(QWidget):
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

    def _key_colours(self, pal: QPalette) -> dict[str, QColor]:
        dark = is_dark(pal)
        out = {}
        for i, key in enumerate(self._keys):
            hue = int((205 + i * 137.508) % 360)  # golden angle: neighbours differ clearly
            out[key] = QColor.fromHsl(hue, 170, 165 if dark else 105)
        return out

    def _paint_title_and_legend(self, painter: QPainter, fm: QFontMetricsF, text: QColor, muted: QColor,
                                colours: dict[str, QColor]) -> None:
        font = painter.font()
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text)
        title = QFontMetricsF(bold).elidedText(self._title or "Reported figures", Qt.TextElideMode.ElideRight,
                                               self.width() - 20)
        painter.drawText(QPointF(10, fm.ascent() + 6), title)
        painter.setFont(font)
        x, y = 10.0, fm.height() * 1.6 + fm.ascent() - 2
        for key in self._keys:
            label = fm.elidedText(key, Qt.TextElideMode.ElideRight, 180)
            w = 14 + fm.horizontalAdvance(label) + 16
            if x + w > self.width() - 10 and x > 10:
                painter.setPen(muted)
                painter.drawText(QPointF(x, y), "…")
                break
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colours[key])
            painter.drawEllipse(QPointF(x + 5, y - fm.ascent() / 2 + 1), 4.5, 4.5)
            painter.setPen(text)
            painter.drawText(QPointF(x + 14, y), label)
            x += w

    def _paint_axes(self, painter: QPainter, fm: QFontMetricsF, plot: QRectF, d0: float, d1: float,
                    v0: float, v1: float, vticks: Sequence[float], text: QColor, muted: QColor) -> None:
        base = self.palette().color(QPalette.ColorRole.Base)
        grid = blend(base, text, 0.12)
        step = vticks[1] - vticks[0] if len(vticks) > 1 else None
        for t in vticks:
            y = self._y(t, plot, v0, v1)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(muted)
            label = format_value(t, step)
            painter.drawText(QRectF(0, y - fm.height() / 2, plot.left() - 8, fm.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        first = dt.date.fromordinal(math.ceil(d0))
        last = dt.date.fromordinal(math.floor(d1))
        widest = fm.horizontalAdvance("30 Sep") + 28
        ticks = date_ticks(first, last, max(2, int(plot.width() // widest)))
        monthly = len(ticks) > 1 and (ticks[1] - ticks[0]).days >= 28
        painter.setPen(QPen(blend(base, text, 0.35), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        previous_year = None
        for d in ticks:
            x = self._x(d.toordinal(), plot, d0, d1)
            painter.setPen(QPen(blend(base, text, 0.35), 1))
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
            painter.setPen(muted)
            label = _date_label(d, d.year != previous_year, monthly)
            previous_year = d.year
            w = fm.horizontalAdvance(label)
            left = min(max(x - w / 2, 4.0), self.width() - w - 4)
            painter.drawText(QPointF(left, plot.bottom() + 6 + fm.ascent()), label)

    def _paint_band(self, painter: QPainter, fm: QFontMetricsF, plot: QRectF, v0: float, v1: float,
                    pal: QPalette) -> None:
        low, best, high = self._band
        if low is None and best is None and high is None:
            return
        accent = pal.color(QPalette.ColorRole.Highlight)
        if is_dark(pal):  # a dark theme's highlight is too dim for a thin line and small text
            accent = blend(accent, pal.color(QPalette.ColorRole.Text), 0.4)
        if low is not None and high is not None and high >= low:
            y_hi, y_lo = self._y(high, plot, v0, v1), self._y(low, plot, v0, v1)
            band = QColor(accent)
            band.setAlphaF(0.13)
            painter.fillRect(QRectF(plot.left(), y_hi, plot.width(), max(1.5, y_lo - y_hi)), band)
        if best is not None:
            y = self._y(best, plot, v0, v1)
            pen = QPen(accent, 1.6, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            label = f"best estimate {format_value(best)}"
            if low is not None and high is not None and high > low:
                label += f"  (range {format_value(low)}–{format_value(high)})"
            painter.setPen(accent)
            w = fm.horizontalAdvance(label)
            top = self._y(high, plot, v0, v1) if high is not None and high >= best else y
            painter.drawText(QPointF(plot.right() - w - 4, max(plot.top() + fm.ascent(), top - 4)), label)

    def _paint_point(self, painter: QPainter, p: _Point, plot: QRectF, v0: float, v1: float, colour: QColor,
                     pal: QPalette, hovered: bool, focused: bool = False) -> None:
        assert p.pos is not None
        x, y = p.pos.x(), p.pos.y()
        if getattr(p.obs, "superseded", False) and not p.current and not hovered:
            colour = QColor(colour)  # an older figure a later one replaced: drawn fainter
            colour.setAlphaF(0.5)
        bar = QPen(colour, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        if p.about:
            # "about N": a short translucent band, ±5% of the figure (at least a few pixels).
            half = max(5.0, abs(self._y(p.value * 1.05, plot, v0, v1) - y))
            fill = QColor(colour)
            fill.setAlphaF(0.28)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(QRectF(x - 6, y - half, 12, 2 * half), 4, 4)
        elif p.lower is not None and p.upper is not None and p.upper > p.lower:
            y_lo, y_hi = self._y(p.lower, plot, v0, v1), self._y(p.upper, plot, v0, v1)
            painter.setPen(bar)
            painter.drawLine(QPointF(x, y_lo), QPointF(x, y_hi))
            for yy in (y_lo, y_hi):
                painter.drawLine(QPointF(x - 4, yy), QPointF(x + 4, yy))
        elif p.lower is not None and p.upper is None:
            self._open_end(painter, x, self._y(p.lower, plot, v0, v1), -1, colour)  # "at least": upward
        elif p.upper is not None and p.lower is None:
            self._open_end(painter, x, self._y(p.upper, plot, v0, v1), +1, colour)  # "up to": downward
        radius = 5.0 + (1.5 if hovered else 0)
        if focused:
            ring = QColor(pal.color(QPalette.ColorRole.Highlight))
            painter.setPen(QPen(ring, 2, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(x, y), radius + 7, radius + 7)
        if p.current:
            # This article: a larger diamond with a ring in the palette's text colour.
            ring = pal.color(QPalette.ColorRole.Text)
            path = QPainterPath()
            r = radius + 3
            path.moveTo(x, y - r)
            path.lineTo(x + r, y)
            path.lineTo(x, y + r)
            path.lineTo(x - r, y)
            path.closeSubpath()
            painter.setPen(QPen(ring, 2))
            painter.setBrush(colour)
            painter.drawPath(path)
            painter.setPen(ring)
            label = "this article"
            w = QFontMetricsF(painter.font()).horizontalAdvance(label)
            lx = x + r + 4 if x + r + 4 + w <= plot.right() else x - r - 4 - w
            painter.drawText(QPointF(lx, y + r + 12 if y + r + 14 < plot.bottom() else y - r - 4), label)
        else:
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Base), 1.5))
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(x, y), radius, radius)

    @staticmethod
    def _open_end(painter: QPainter, x: float, y: float, direction: int, colour: QColor) -> None:
        """An open-ended interval: a bar fading away from the bound, with an arrow head."""
        length = 34.0
        end = y + direction * length
        gradient = QLinearGradient(QPointF(x, y), QPointF(x, end))
        faded = QColor(colour)
        faded.setAlphaF(0.0)
        gradient.setColorAt(0.0, colour)
        gradient.setColorAt(1.0, faded)
        painter.setPen(QPen(QBrush(gradient), 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        painter.drawLine(QPointF(x, y), QPointF(x, end))
        tip = y + direction * (length * 0.55)
        head = QColor(colour)
        head.setAlphaF(0.7)
        painter.setPen(QPen(head, 2))
        painter.drawLine(QPointF(x - 4, tip - direction * 4), QPointF(x, tip))
        painter.drawLine(QPointF(x + 4, tip - direction * 4), QPointF(x, tip))


# ---------------------------------------------------------------------- reading the series


def _esc(text: Any) -> str:
    return html.escape("" if text is None else str(text))


def _long_date(value: Any) -> str:
    d = _date(value)
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}" if d else "date unknown"


def _dates(o: Any) -> str:
    published, as_of = getattr(o, "published", None), getattr(o, "as_of", None)
    if as_of and published and as_of[:10] != published[:10]:
        return f"as of {_long_date(as_of)} · reported {_long_date(published)}"
    return _long_date(published or as_of)


def _figure(p: _Point) -> str:
    if p.about:
        return f"about {format_value(p.value)}"
    if p.lower is not None and p.upper is not None and p.upper > p.lower:
        return f"{format_value(p.lower)}–{format_value(p.upper)}"
    if p.lower is not None and p.upper is None:
        return f"at least {format_value(p.lower)}"
    if p.upper is not None and p.lower is None:
        return f"up to {format_value(p.upper)}"
    return format_value(p.value)


def _series_title(series: Any) -> str:
    for name in ("label", "title", "metric"):
        value = getattr(series, name, None)
        if value is None:
            continue
        if isinstance(value, str):
            return value
        label = getattr(value, "label", None)
        return str(label() if callable(label) else (label or value))
    return ""


def _is_current(obs: Any, current: Any) -> bool:
    if current is None:
        return False
    if obs is current:
        return True
    claim_id = getattr(current, "claim_id", None) or getattr(current, "id", None)
    if claim_id is not None and getattr(obs, "claim_id", None) == claim_id and getattr(obs, "claim_id", None):
        return True
    if claim_id is not None:
        return False
    # A claim of the article being checked is not stored: its observation has no claim id.
    value = _float(getattr(current, "value", None))
    return (
        getattr(obs, "claim_id", None) is None
        and value is not None
        and _float(getattr(obs, "value", None)) == value
    )


def _article_id(obs: Any, library: Any) -> int | None:
    """The library id of the observation's report: carried by it, or looked up by claim id."""
    value = getattr(obs, "article_id", None)
    if isinstance(value, int):
        return value
    claim_id = getattr(obs, "claim_id", None)
    if claim_id is not None and library is not None:
        try:
            stored = library.claim(int(claim_id))
        except Exception:  # a lookup for a click target is not worth an error dialog
            stored = None
        if stored is not None:
            return int(stored.article_id)
    article = getattr(obs, "article", None)
    if isinstance(article, str) and article.isdigit() and claim_id is not None:
        return int(article)  # stored without an import id: the library's own id
    return None


def _points(series: Any, current: Any) -> list[_Point]:
    out: list[_Point] = []
    for obs in getattr(series, "observations", None) or []:
        # Placed at the day the figure holds for ("98 on Saturday"), else the day it was published.
        day = _date(getattr(obs, "as_of", None)) or _date(getattr(obs, "published", None))
        lower, upper = _float(getattr(obs, "lower", None)), _float(getattr(obs, "upper", None))
        value = _float(getattr(obs, "value", None))
        if value is None:
            value = lower if lower is not None else upper
        if day is None or value is None:
            continue  # nothing to place on a time axis
        qualifier = getattr(obs, "qualifier", None)
        about = qualifier == "about" or (lower is None and upper is None and qualifier != "exact")
        is_current = _is_current(obs, current)
        key = (getattr(obs, "source", None) or getattr(obs, "outlet", None)
               or ("This article" if is_current else "Unknown source"))
        out.append(_Point(day.toordinal(), value, lower, upper, about, str(key), obs, current=is_current))
    out.sort(key=lambda p: (p.day, p.value))
    return out
