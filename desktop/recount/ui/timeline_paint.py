"""Painting the timeline: title and legend, axes, the reconciled band, each point with its
interval. A mixin of TimelineWidget (timeline.py), which lays the points out."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)

from recount.ui.theme import blend, is_dark
from recount.ui.timeline_data import _date_label, _Point, date_ticks, format_value


class TimelinePainting:
    """The painter's half of TimelineWidget."""

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


