"""Timeline: draws 0/1/many points, hit-tests them, emits pointActivated, shows tooltips."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPalette

from recount.ui.timeline import EMPTY_TEXT, TimelineWidget, date_ticks, format_value, nice_ticks


@dataclass
class Obs:
    published: str
    outlet: str
    source: str | None
    value: float
    lower: float | None
    upper: float | None
    article_id: int | None
    claim_id: int | None
    qualifier: str = "exact"


@dataclass
class Series:
    metric: str
    observations: list = field(default_factory=list)
    low: float | None = None
    best: float | None = None
    high: float | None = None


def _many() -> Series:
    obs = [
        Obs("2025-03-06", "Meridian Press", "Health Ministry", 48, 48, 48, 1, 11),
        Obs("2025-03-10", "The Sarvana Herald", "Health Ministry", 121, 121, 121, 2, 12),
        Obs("2025-03-12", "Continental Wire", "United Nations", 192, 192, None, 3, 13, "at_least"),
        Obs("2025-03-14", "Eastwatch Daily", None, 160, 150, 170, 5, 15, "range"),
        Obs("2025-03-15", "Eastwatch Daily", "Rebels", 200, None, None, 6, 16, "about"),
        Obs("2025-03-17", "Continental Wire", None, 174, 174, 174, None, None),
    ]
    return Series("killed · Ostrelo · since 2025-03-03", obs, 160, 174, 192)


@pytest.fixture
def timeline(qtbot):
    w = TimelineWidget()
    qtbot.addWidget(w)
    w.resize(640, 280)
    w.show()
    qtbot.waitExposed(w)
    return w


def _distinct_colours(image: QImage) -> int:
    seen = set()
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            seen.add(image.pixel(x, y))
    return len(seen)


def test_empty_state_says_what_to_do(timeline):
    assert timeline.point_count() == 0
    assert timeline.accessibleDescription() == EMPTY_TEXT
    image = timeline.grab().toImage()
    assert not image.isNull() and image.width() >= 640
    assert _distinct_colours(image) > 2  # background plus the anti-aliased message


def test_many_points_drawn_at_distinct_places_and_in_date_order(timeline):
    series = _many()
    timeline.set_series(series, current=series.observations[-1])
    image = timeline.grab().toImage()
    assert _distinct_colours(image) > 20
    positions = timeline.point_positions()
    assert len(positions) == 6
    xs = [p.x() for p in positions]
    assert xs == sorted(xs) and all(0 < x < 640 for x in xs)
    # Larger figures sit higher (smaller y).
    ys = {timeline.observation(i).value: positions[i].y() for i in range(6)}
    assert ys[48] > ys[121] > ys[174] > ys[192]
    assert all(timeline.rect().contains(p.toPoint()) for p in positions)


def test_click_on_point_emits_article_id_and_elsewhere_nothing(timeline, qtbot):
    timeline.set_series(_many())
    timeline.grab()
    positions = timeline.point_positions()
    with qtbot.waitSignal(timeline.pointActivated, timeout=1000) as blocker:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=positions[1].toPoint())
    assert blocker.args == [2]
    with qtbot.assertNotEmitted(timeline.pointActivated):
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    # The current article's figure has no library id: clicking it opens nothing.
    last = positions[-1]
    assert timeline.point_at(last) == 5
    with qtbot.assertNotEmitted(timeline.pointActivated):
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=last.toPoint())


def test_hit_test_radius(timeline):
    timeline.set_series(_many())
    p = timeline.point_positions()[0]
    assert timeline.point_at(p + QPointF(4, 3)) == 0
    assert timeline.point_at(p + QPointF(30, 30)) is None


def test_tooltip_names_outlet_date_figure_source(timeline):
    timeline.set_series(_many())
    tip = timeline.tooltip_text(2)
    assert "Continental Wire" in tip and "12 Mar 2025" in tip
    assert "at least 192" in tip and "United Nations" in tip
    assert "about 200" in timeline.tooltip_text(4)
    assert "between 150 and 170" in timeline.tooltip_text(3)


def test_one_point_and_huge_values(timeline):
    timeline.set_series(Series("money", [Obs("2025-05-15", "Global Dispatch", "World Bank",
                                             4.5e12, 4.5e12, 4.5e12, 9, 90)]))
    (p,) = timeline.point_positions()
    assert timeline.rect().contains(p.toPoint())
    assert not timeline.grab().toImage().isNull()
    assert format_value(4.5e12) == "4,500,000,000,000"


def test_clearing_returns_to_empty_state(timeline):
    timeline.set_series(_many())
    timeline.set_series(None)
    assert timeline.point_count() == 0 and timeline.series() is None
    assert timeline.point_at(QPointF(100, 100)) is None


def test_dark_palette_draws_on_dark_background(timeline):
    pal = timeline.palette()
    pal.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    pal.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    timeline.setPalette(pal)
    timeline.set_series(_many())
    image = timeline.grab().toImage()
    corner = QColor(image.pixel(image.width() - 2, image.height() - 2))
    assert corner.lightnessF() < 0.2


def test_points_without_a_date_are_left_out(timeline):
    series = _many()
    series.observations.append(Obs("", "Nowhere", None, 5, 5, 5, 7, 17))
    timeline.set_series(series)
    assert timeline.point_count() == 6


def test_axis_helpers():
    assert nice_ticks(0, 192) == [0, 50, 100, 150, 200]
    ticks = nice_ticks(0, 0.3)
    assert ticks[0] == 0 and ticks[-1] >= 0.3
    assert format_value(2800) == "2,800" and format_value(0.25, 0.05) == "0.25"
    import datetime as dt

    days = date_ticks(dt.date(2025, 3, 5), dt.date(2025, 3, 18), 8)
    assert len(days) <= 8 and days[0] >= dt.date(2025, 3, 5)
    months = date_ticks(dt.date(2024, 1, 10), dt.date(2025, 1, 10), 6)
    assert all(d.day == 1 for d in months) and len(months) <= 6


def test_real_series_from_a_library_opens_the_clicked_report(timeline, qtbot, library_file):
    """A MetricSeries from compare.reconcile over a real library of the annotated corpus."""
    import sys
    from pathlib import Path

    from recount.compare.reconcile import series_for_claim
    from recount.library.store import Library

    sys.path.insert(0, str(Path(__file__).parent))
    from test_library_browser import _fill

    with Library.open(library_file) as lib:
        _fill(lib)
        stored = next(sc for sc in lib.iter_claims(kind="numeric")
                      if sc.claim.span == "At least 192 people have been killed")
        series = series_for_claim(lib, stored)
        assert len(series.observations) >= 4
        timeline.set_series(series, current=stored, library=lib)
        timeline.grab()
        currents = [i for i in range(timeline.point_count()) if timeline._points[i].current]
        assert len(currents) == 1 and timeline.observation(currents[0]).claim_id == stored.id
        other = next(i for i in range(timeline.point_count())
                     if timeline.observation(i).article == "ostrelo-meridian-2025-03-06")
        pos = timeline.point_positions()[other].toPoint()
        with qtbot.waitSignal(timeline.pointActivated, timeout=1000) as blocker:
            qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=pos)
        opened = lib.article(blocker.args[0])
        assert opened is not None and opened.ext_id == "ostrelo-meridian-2025-03-06"
        assert "best estimate" not in timeline.tooltip_text(other)


def test_unstored_current_claim_and_set_library(timeline, qtbot, library_file):
    """As the window does it: the series of an article being checked, its claim not stored yet."""
    import sys
    from pathlib import Path

    from recount.compare.reconcile import series_for_claim
    from recount.library.store import Library

    sys.path.insert(0, str(Path(__file__).parent))
    from test_library_browser import _fill

    with Library.open(library_file) as lib:
        _fill(lib)
        stored = next(sc for sc in lib.iter_claims(kind="numeric") if sc.claim.span == "killed 174 people")
        lib.delete_article(stored.article_id)  # now it is just an article being checked
        series = series_for_claim(lib, stored.claim, "2025-03-17")
        timeline.set_library(lib)
        timeline.set_series(series, current=stored.claim)
        timeline.grab()
        (current,) = [i for i in range(timeline.point_count()) if timeline._points[i].current]
        assert timeline.observation(current).claim_id is None
        assert "This article" in timeline.tooltip_text(current)
        first = timeline.point_positions()[0].toPoint()
        with qtbot.waitSignal(timeline.pointActivated, timeout=1000) as blocker:
            qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=first)
        assert lib.article(blocker.args[0]).published <= "2025-03-12"


def test_keyboard_walks_points_and_enter_opens(timeline, qtbot):
    timeline.set_series(_many())
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    assert timeline.focused_point() == 0
    assert "Meridian Press" in timeline.accessibleDescription()
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    with qtbot.waitSignal(timeline.pointActivated, timeout=1000) as blocker:
        qtbot.keyClick(timeline, Qt.Key.Key_Return)
    assert blocker.args == [2]
    qtbot.keyClick(timeline, Qt.Key.Key_End)
    assert timeline.focused_point() == timeline.point_count() - 1
    qtbot.keyClick(timeline, Qt.Key.Key_Right)  # stays on the last
    assert timeline.focused_point() == timeline.point_count() - 1
    assert not timeline.grab().toImage().isNull()  # the focus ring paints


def test_same_figure_same_day_points_stay_apart(timeline, qtbot):
    twins = [Obs("2025-03-10", "The Sarvana Herald", "Health Ministry", 121, 121, 121, 2, 21),
             Obs("2025-03-10", "Continental Wire", "Health Ministry", 121, 121, 121, 3, 22),
             Obs("2025-03-12", "Eastwatch Daily", None, 150, 150, 150, 4, 23)]
    timeline.set_series(Series("killed", twins))
    a, b, _ = timeline.point_positions()
    assert abs(a.x() - b.x()) >= 8 and a.y() == b.y()
    hits = {timeline.point_at(a), timeline.point_at(b)}
    assert hits == {0, 1}
