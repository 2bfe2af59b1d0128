"""What the timeline draws, read from a `MetricSeries` (no Qt): points, axis ticks, labels.

The widget (timeline.py) and its painting (timeline_paint.py) only place these on screen.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from dataclasses import dataclass
from typing import Any

from recount import wording

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
    pos: Any = None  # where it was last drawn (a QPointF)


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



# ---------------------------------------------------------------------- reading the series


def _esc(text: Any) -> str:
    return html.escape("" if text is None else str(text))


def _long_date(value: Any) -> str:
    return wording.short_date(value) if _date(value) else "date unknown"


def _dates(o: Any) -> str:
    published, as_of = getattr(o, "published", None), getattr(o, "as_of", None)
    if as_of and published and as_of[:10] != published[:10]:
        return f"as of {_long_date(as_of)} · reported {_long_date(published)}"
    return _long_date(published or as_of)


def _figure(p: _Point) -> str:
    """The figure in the words every view uses ("at least 192", "about 200")."""
    return wording.figure_in_prose(p.obs)


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
