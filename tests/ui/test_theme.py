"""Highlight colours are derived from the palette: text stays readable on light and dark themes."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from recount.ui.theme import colours, is_dark


def palette(base: str, text: str) -> QPalette:
    pal = QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        pal.setColor(group, QPalette.ColorRole.Base, QColor(base))
        pal.setColor(group, QPalette.ColorRole.Text, QColor(text))
    return pal


def luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


LIGHT_AND_DARK = [("#ffffff", "#000000", False), ("#1e1e1e", "#e6e6e6", True)]


@pytest.mark.parametrize(("base", "text", "dark"), LIGHT_AND_DARK)
def test_highlights_keep_text_readable(qapp, base, text, dark):
    pal = palette(base, text)
    assert is_dark(pal) is dark
    c = colours(pal)
    backgrounds = [c.numeric_bg, c.attributed_bg, c.flag_bg, c.current_bg, c.insert_bg, c.delete_bg]
    for bg in backgrounds:
        assert contrast(bg, QColor(text)) >= 4.5, bg.name()  # WCAG AA for body text
        assert bg != QColor(base)  # and the highlight is visible at all
    # the kinds are told apart, and a flag stands out from both
    assert len({bg.name() for bg in (c.numeric_bg, c.attributed_bg, c.flag_bg)}) == 3


@pytest.mark.parametrize(("base", "text"), [("#ffffff", "#000000"), ("#1e1e1e", "#e6e6e6")])
def test_verdict_badges_read_white_on_colour(qapp, base, text):
    c = colours(palette(base, text))
    for kind in ("cumulative_decrease", "conflict", "revision", "attribution_conflict", "quote_drift"):
        assert contrast(c.badge(kind), QColor("#ffffff")) >= 4.5, kind
