"""Colours derived from the current palette, so highlights read on light and dark themes.

Nothing here hard-codes a light background: each colour is a hue blended into the
palette's own base colour, strongly enough to be seen and weakly enough that the
palette's text colour stays readable on top of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

# Hues (degrees) by meaning; saturation and lightness follow the palette.
HUES = {
    "numeric": 210,  # blue: figures
    "attributed": 135,  # green: words credited to someone
    "flag": 0,  # red: a discrepancy
    "insert": 120,
    "delete": 0,
    "current": 45,  # amber: the selected claim
}

BADGE_HUES = {
    "cumulative_decrease": 0,
    "conflict": 15,
    "revision": 35,
    "attribution_conflict": 285,
    "quote_drift": 260,
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def blend(base: QColor, tint: QColor, amount: float) -> QColor:
    """`amount` of `tint` over `base` (0..1), opaque."""
    a = max(0.0, min(1.0, amount))
    return QColor.fromRgbF(
        base.redF() * (1 - a) + tint.redF() * a,
        base.greenF() * (1 - a) + tint.greenF() * a,
        base.blueF() * (1 - a) + tint.blueF() * a,
    )


@dataclass(frozen=True)
class Colours:
    """Every colour the window draws with, for one palette."""

    numeric_bg: QColor
    attributed_bg: QColor
    flag_bg: QColor
    flag_line: QColor
    current_bg: QColor
    insert_bg: QColor
    delete_bg: QColor
    text: QColor
    muted: QColor

    def badge(self, kind: str) -> QColor:
        """A saturated, dark enough colour for white badge text on either theme."""
        hue = BADGE_HUES.get(kind, 0)
        return QColor.fromHsl(hue, 170, 80 if 20 <= hue <= 200 else 95)

    dark: bool = False


def colours(palette: QPalette) -> Colours:
    dark = is_dark(palette)
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    amount = 0.42 if dark else 0.30

    def tint(hue: int, extra: float = 0.0) -> QColor:
        vivid = QColor.fromHsl(hue, 200, 120 if dark else 140)
        return blend(base, vivid, amount + extra)

    line = QColor.fromHsl(HUES["flag"], 220, 150 if dark else 110)
    return Colours(
        numeric_bg=tint(HUES["numeric"]),
        attributed_bg=tint(HUES["attributed"]),
        flag_bg=tint(HUES["flag"], 0.12),
        flag_line=line,
        current_bg=tint(HUES["current"], 0.0 if dark else 0.2),  # amber is bright: less on dark
        insert_bg=tint(HUES["insert"]),
        delete_bg=tint(HUES["delete"]),
        text=text,
        muted=blend(base, text, 0.6),
        dark=dark,
    )


def css(colour: QColor) -> str:
    return colour.name(QColor.NameFormat.HexRgb)


def dark_palette() -> QPalette:
    """A plain dark palette (Fusion style), for screenshots and for checking the dark look."""
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#333333",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#2f65ca",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#333333",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8a8a8a",
        QPalette.ColorRole.Link: "#7fb2ff",
    }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#777777"))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#777777"))
    return pal
