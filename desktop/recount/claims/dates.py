"""Dates and time expressions in news prose, resolved against the publication date.

"on April 7", "March 2, 1987", "Aug. 9", "on Sunday" (the most recent Sunday on or before
publication), "yesterday", "last week", "over the past two days", "the weekend", "in 1987".
Each reference keeps its offsets so that the numeric engine can both use it (time of a
claim) and skip it (a date is never a claim). Hand-written rather than dateutil's fuzzy
parser: we need offsets, relative weekdays and speed, and news uses a handful of forms.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from recount.claims.date_lists import paired_day, spans
from recount.claims.numbers import scan
from recount.claims.retrie import fast, leading

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "a": 1, "several": 3, "few": 3}

_MONTH = (r"(?P<month>(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)")
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

DATE_RE = fast(
    rf"""
      {_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s?[-\u2013]\s?(?P<dayend>\d{{1,2}})\b)?
        (?:,?\s+(?P<year>(?:1[89]|20)\d\d)\b)?
    | (?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH2}(?:,?\s+(?P<year2>(?:1[89]|20)\d\d)\b)?
    | (?P<rel>(?:last|this|next)\s+)?{_WEEKDAY}(?:'s)?(?:\s+(?:night|morning|evening|afternoon))?
    | (?P<holiday>Easter(?:\s+Sunday)?|Christmas\s+(?:Day|Eve)|New\s+Year['\u2019]s\s+(?:Day|Eve)
         |Thanksgiving)
    | (?P<quarter>(?P<qn>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter
         (?:\s+of\s+(?P<qyear>(?:19|20)\d\d))?)\b
    | (?P<yesterday>yesterday|today|tonight|last\s+night|this\s+morning|this\s+evening|overnight)
    | (?P<lastunit>(?:last|this|next|the\s+previous|(?:earlier|later)\s+in\s+the)\s+
         (?:week|month|year|weekend))
    | (?P<past>(?:over|in|during|for|within)\s+the\s+(?:past|last|previous)\s+
         (?:(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|few|several)\s+)?
         (?P<unit>days?|weeks?|months?|hours?|years?|decades?)\b)
    | (?P<following>(?:over|in|during|within)\s+the\s+following\s+
         (?:(?P<fn>\d+|one|two|three|four|five|six|seven|eight|nine|ten|few|several)\s+)?
         (?P<funit>days?|hours?|weeks?)\b)
    | (?P<startof>the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+(?P<sunit>week|month|year))
    | (?P<weekend>the\s+weekend)
    | (?P<ago>(?P<an>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+
         (?:(?P<aunit>days?|weeks?|months?|years?)\s+ago|(?P<hours>hours?)\s+(?:ago|earlier)))\b
    | (?P<monthonly>(?:in|since|by|from|until|early|late|mid-?)\s*{_MONTH2.replace("month2", "month3")})
          (?!\.?\s+\d{{1,2}}\b)(?:\s+(?P<year3>(?:1[89]|20)\d\d))?
    | (?P<year4>(?<![\d,.$])(?:1[89]|20)\d\d)(?!\d|,\d|\s*(?:people|percent|%|GMT|UTC|hrs|local\s+time))
    """,
    re.IGNORECASE | re.VERBOSE,
)

# A time of day ("3:42 a.m.", "10 pm") is never a claim either.
# (also "08.15 BST", "8.44 local time", and "at 9.15," / "at 9.15 on Monday": a time with a dot
# is a figure after "stood at" or before a noun, "closed at 12.50 points")
TIME_OF_DAY_RE = leading(
    r"\d", r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock)|\b\d{1,2}:\d{2}\b|"
    r"\b[0-2]\d[0-5]\d\s*(?:GMT|UTC|hrs\b|hours\s+(?:GMT|UTC|local)|local\s+time)|"
    r"\b(?:[01]?\d|2[0-3])\.[0-5]\d\s*(?:local\b|GMT\b|UTC\b|hrs\b|"
    r"(?-i:BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|IST|JST|AEST|AEDT|EAT|WAT|MSK)\b)|"
    r"(?:(?<=\bat\s)|(?<=\bby\s)|(?<=until\s))(?<!stood\sat\s)(?<!closed\sat\s)(?<!stands\sat\s)"
    r"(?:[01]?\d|2[0-3])\.[0-5]\d(?=\s*(?:[,;]|\.(?:\s|$)|on\b|this\b|when\b|$))", re.IGNORECASE
)


_FUTURE_BEFORE = fast(
    r"\b(?:will|is\s+due|are\s+due|due\s+to|expected\s+to|scheduled|plans?\s+to|planned|set\s+to|"
    r"going\s+to|to\s+be\s+held)\b[^.;]{0,40}$",
    re.IGNORECASE,
)
DATE_TRIGGERS = frozenset(
    [*MONTHS, *WEEKDAYS, *_NUMBER_WORDS, "an", "several", "yesterday", "today", "tonight", "overnight",
     "within", "this", "last", "next", "earlier", "later", "over", "in", "during", "for", "the", "since",
     "by", "from", "until",
     "early", "late", "mid", "easter", "christmas", "new", "thanksgiving", "first", "second", "third",
     "fourth", "1st", "2nd", "3rd", "4th"]
)


@dataclass(frozen=True, slots=True)
class DateRef:
    """A time expression: offsets, the days it covers and what kind of reference it is."""

    start: int
    end: int
    first: date | None
    last: date | None
    kind: str  # "day" | "period" | "year" | "month" | "start" (of this week/month/year) | "following:N"


def _infer_year(month: int, day: int, published: date, ahead: int = 120) -> date | None:
    try:
        d = date(published.year, month, day)
    except ValueError:
        return None
    # A date without a year is the nearest one: news looks back more than forward (a
    # dateline, `ahead=0`, never looks forward: a report is not published in the future).
    if d > published + timedelta(days=ahead):
        try:
            d = date(published.year - 1, month, day)
        except ValueError:
            return None
    return d


def _holiday(name: str, pub: date) -> date:
    """The most recent Easter / Thanksgiving / Christmas / New Year's day by publication (a report
    looks back at the holiday it names, unless it is weeks ahead in the same year)."""
    low = name.lower()

    def on(year: int) -> date:
        if low.startswith("easter"):
            from dateutil.easter import easter

            return easter(year)
        if low.startswith("thanksgiving"):  # the fourth Thursday of November
            return date(year, 11, 22 + (3 - date(year, 11, 22).weekday()) % 7)
        if low.startswith("christmas"):
            return date(year, 12, 24 if low.endswith("eve") else 25)
        return date(year, 12, 31) if low.endswith("eve") else date(year, 1, 1)

    d = on(pub.year)
    return d if d <= pub + timedelta(days=30) else on(pub.year - 1)


_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _quarter(s: int, e: int, which: str, year: str | None, pub: date) -> DateRef:
    """ "the second quarter": of the year named, else the latest such quarter begun by publication
    (results are reported after a quarter ends, forecasts during it)."""
    n = _QUARTERS[which]
    y = int(year) if year else (pub.year if date(pub.year, 3 * n - 2, 1) <= pub else pub.year - 1)
    first, _ = _month_range(y, 3 * n - 2)
    _, last = _month_range(y, 3 * n)
    return DateRef(s, e, first, last, "period")


def days_before(d: date, delta: timedelta) -> date:
    """d - delta, clamped at the first representable date (any publication date is accepted)."""
    try:
        return d - delta
    except OverflowError:
        return date.min


def weekday_on_or_before(weekday: int, published: date) -> date:
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def find_dates(text: str, published: date, start: int = 0, end: int | None = None,
               positions: list[int] | None = None) -> list[DateRef]:
    """Every date or time expression in text[start:end], resolved against `published`.

    `positions`: trigger offsets from `numbers.trigger_positions(text, DATE_TRIGGERS)`."""
    out: list[DateRef] = []
    end = len(text) if end is None else end
    for m in scan(DATE_RE, DATE_TRIGGERS, text, start, end, positions):
        ref = _resolve(m, published)
        if ref is not None:
            out.append(ref)
            if ref.kind == "day" and ref.first and (other := paired_day(text, ref)) is not None:
                out.append(other)
    if len(out) > 1:
        out.sort(key=lambda r: r.start)
    return spans(text, out) if len(out) > 1 else out


def _resolve(m: re.Match[str], pub: date) -> DateRef | None:
    s, e = m.start(), m.end()
    g = m.group
    try:
        if g("month") or g("month2"):
            month = MONTHS[(g("month") or g("month2")).lower().rstrip(".")]
            day = int(g("day") or g("day2"))
            year = g("year") or g("year2")
            d = date(int(year), month, day) if year else _infer_year(month, day, pub)
            last = g("dayend") and d and int(g("dayend")) > day and d.replace(day=int(g("dayend")))
            if last:  # "August 21-27": the days of one span
                return DateRef(s, e, d, last, "period")
            return DateRef(s, e, d, d, "day") if d else None
        if g("wd"):
            rel = (g("rel") or "").strip().lower()
            d = weekday_on_or_before(WEEKDAYS[g("wd").lower()], pub)
            if rel == "next" or (not rel and _FUTURE_BEFORE.search(m.string[max(0, s - 50) : s])):
                d = d + timedelta(days=7) if d < pub else d
            elif rel == "last" and d == pub:
                d -= timedelta(days=7)
            return DateRef(s, e, d, d, "day")
        if g("quarter"):
            return _quarter(s, e, g("qn").lower(), g("qyear"), pub)
        if g("holiday"):
            return DateRef(s, e, *(2 * (_holiday(g("holiday"), pub),)), "day")
        if g("yesterday"):
            w = g("yesterday").lower()
            if w == "overnight":  # the night before the report (or before the words, see timing)
                return DateRef(s, e, pub - timedelta(days=1), pub, "period")
            d = pub - timedelta(days=1) if w == "yesterday" or w.startswith("last") else pub
            return DateRef(s, e, d, d, "day")
        if g("lastunit"):
            *rel_words, unit = g("lastunit").lower().split()
            # "the previous week"; "earlier in the year": this year's
            rel = {"previous": "last", "the": "this"}.get(rel_words[-1], rel_words[-1])
            shift = {"last": -1, "this": 0, "next": 1}[rel]
            if unit == "week":
                monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=shift)
                return DateRef(s, e, monday, monday + timedelta(days=6), "period")
            if unit == "weekend":
                sat = weekday_on_or_before(5, pub)
                if rel == "last" and sat == pub:
                    sat -= timedelta(days=7)
                return DateRef(s, e, sat, sat + timedelta(days=1), "period")
            if unit == "month":
                y, mth = pub.year, pub.month + shift
                if mth < 1:
                    y, mth = y - 1, 12
                elif mth > 12:
                    y, mth = y + 1, 1
                a, b = _month_range(y, mth)
                return DateRef(s, e, a, b, "period")
            y = pub.year + shift
            return DateRef(s, e, date(y, 1, 1), date(y, 12, 31), "period")
        if g("past"):
            n_raw = (g("n") or "one").lower()
            n = int(n_raw) if n_raw.isdigit() else _NUMBER_WORDS.get(n_raw, 1)
            unit = g("unit").lower().rstrip("s")
            # whole days count the last one ("the past week" ending Sunday runs from Monday); hours
            # reach into the day before ("the past 24 hours")
            days = {"day": n - 1, "week": 7 * n - 1, "month": 30 * n - 1, "hour": max(1, n // 24),
                    "year": 365 * n - 1, "decade": 3652 * n - 1}[unit]
            return DateRef(s, e, pub - timedelta(days=max(0, days)), pub, "period")
        if g("ago"):
            raw = g("an").lower()
            n = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw, 1)
            if g("hours"):  # "struck 36 hours ago": the day it was, counted from publication
                return DateRef(s, e, pub - timedelta(days=n // 24), pub - timedelta(days=n // 24), "day")
            unit = g("aunit").lower().rstrip("s")
            if unit == "year":
                y = pub.year - n
                return DateRef(s, e, date(y, 1, 1), date(y, 12, 31), "year")
            if unit == "month":
                y, mth = pub.year, pub.month - n
                while mth < 1:
                    y, mth = y - 1, mth + 12
                a, b = _month_range(y, mth)
                return DateRef(s, e, a, b, "month")
            d = pub - timedelta(days=n * (7 if unit == "week" else 1))
            return DateRef(s, e, d, d, "day")
        if g("following"):
            # "over the following day": counted from the event the story is about, which only
            # the caller knows; `first` holds the span length in days from that anchor.
            raw = (g("fn") or "one").lower()
            n = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw, 1)
            unit = g("funit").lower().rstrip("s")
            days = {"day": n, "hour": max(1, n // 24), "week": 7 * n}[unit]
            return DateRef(s, e, None, None, f"following:{days}")
        if g("startof"):
            unit = g("sunit").lower()
            first = {"week": pub - timedelta(days=pub.weekday()), "month": pub.replace(day=1),
                     "year": pub.replace(month=1, day=1)}[unit]
            return DateRef(s, e, first, first, "start")
        if g("weekend"):
            sat = weekday_on_or_before(5, pub)
            if pub - sat < timedelta(days=2) and pub.weekday() < 5:
                sat -= timedelta(days=7)
            return DateRef(s, e, sat, sat + timedelta(days=1), "period")
        if g("month3"):
            month = MONTHS[g("month3").lower().rstrip(".")]
            ahead = m.group("monthonly").lower().startswith(("until", "by"))
            year = int(g("year3")) if g("year3") else (
                pub.year if month <= pub.month or ahead else pub.year - 1
            )
            a, b = _month_range(year, month)
            lead = m.group("monthonly").lower()
            if lead.startswith("mid"):  # "since mid-June": the middle of the month
                a = a.replace(day=15)
            elif lead.startswith("late"):
                a = a.replace(day=21)
            return DateRef(s + lead.find(g("month3").lower()), e, a, b, "month")
        if g("year4"):
            y = int(g("year4"))
            return DateRef(s, e, date(y, 1, 1), date(y, 12, 31), "year")
    except (ValueError, KeyError, OverflowError):
        return None
    return None


def resolve_day(phrase: str, published: date) -> date | None:
    """The day a short phrase names ("Saturday", "April 8", "last night"), or None.

    The one resolver of the engine: attribution dates, claim times and the reader all ask
    here, so "April 20" means the same day wherever it is read."""
    m = DATE_RE.search(phrase)
    ref = _resolve(m, published) if m else None
    return ref.first if ref is not None and ref.kind == "day" else None


def written_day(text: str, year: int | None = None, today: date | None = None) -> tuple[date, bool] | None:
    """The first written calendar date in `text` ("April 8, 2019", "8 April", "Aug. 9") and
    whether its year was written; a missing year is `year`, else the latest such day not
    after `today`. For datelines and metadata, with the same patterns as every other date."""
    ref = today or date.today()
    for m in DATE_RE.finditer(text):
        month_word = m.group("month") or m.group("month2")
        if not month_word:
            continue
        written = m.group("year") or m.group("year2")
        month = MONTHS[month_word.lower().rstrip(".")]
        day = int(m.group("day") or m.group("day2"))
        try:
            if written:
                return date(int(written), month, day), True
            if year:
                return date(year, month, day), False
        except ValueError:
            return None
        found = _infer_year(month, day, ref, ahead=0)
        return (found, False) if found else None
    return None


# A past event the sentence sets a figure in: "came six years after a fire that left 51 dead",
# "follows a November fire that killed 112" (the figure is that event's, not the story's).
_PAST_EVENT = fast(
    r"\b(?i:(?:came|comes|happened|occurred|was|is)\s+(?:just\s+|only\s+)?"
    r"(?:(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>years?|months?)\s+)?"
    r"after|follows|followed|following)\s+(?i:a|an|the|last\s+year's|last)\s+(?:(?P<month>" + "|".join(
        m.capitalize() for m in MONTHS if len(m) > 3) + r")\s+)?[^.;\d]{0,100}$")


def past_event(text: str, start: int, end: int, published: date) -> DateRef | None:
    """The year or month of a past event named before a figure (see _PAST_EVENT), if any."""
    m = _PAST_EVENT.search(text, start, end)
    if m is None or not (m.group("n") or m.group("month")):
        return None
    if m.group("month"):
        month = MONTHS[m.group("month").lower()]
        year = published.year if month <= published.month else published.year - 1
        a, b = _month_range(year, month)
        return DateRef(m.start(), m.end(), a, b, "month")
    raw = m.group("n").lower()
    n = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw, 1)
    if m.group("unit").lower().startswith("month"):
        y, mth = published.year, published.month - n
        while mth < 1:
            y, mth = y - 1, mth + 12
        a, b = _month_range(y, mth)
        return DateRef(m.start(), m.end(), a, b, "month")
    y = published.year - n
    return DateRef(m.start(), m.end(), date(y, 1, 1), date(y, 12, 31), "year")


def not_after(d: date | None, published: date) -> date | None:
    """A day that has already come (a start, "since 3 July"): a year back when it lies ahead."""
    if d is None or d <= published or d.year <= 1:
        return d
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None
