"""Date values (TimeML-style strings with their precision) as closed day intervals.

'2025-02-26' is one day, '2025-W11' a Monday-Sunday week, '2025-02' a month, '2024-FA' a season,
'2024-Q3' a quarter, '2024-H2' a half year, '2024' a year, '202' or '202X' a decade, and
'2025-W11-WE' that week's weekend. Anything else (None, 'PAST_REF', 'XXXX-03') has no interval.
A date bounded only by its report ('on_or_before') covers a window of days before the report.
"""
from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta

from ..models import DateValue

Interval = tuple[date, date]

# TimeML seasons: winter starts in December of the value's year.
_SEASONS = {"SP": ((3, 1), (5, 31)), "SU": ((6, 1), (8, 31)), "FA": ((9, 1), (11, 30))}
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_PART = re.compile(r"^(\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")


def date_interval(value: str | None) -> Interval | None:
    """First and last day covered by a date value, or None when it names no calendar interval."""
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _WEEK.match(value):
            start = date.fromisocalendar(int(m[1]), int(m[2]), 6 if m[3] else 1)
            return start, start + timedelta(days=1 if m[3] else 6)
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            return date(year, month, 1), date(year, month, monthrange(year, month)[1])
        if m := _PART.match(value):
            return _part(int(m[1]), m[2])
        if m := _YEAR.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
        if m := _DECADE.match(value):
            return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
    except ValueError:  # month 13, week 54 ...
        return None
    return None


def _part(year: int, part: str) -> Interval:
    if part == "WI":
        return date(year, 12, 1), date(year + 1, 3, 1) - timedelta(days=1)
    if part in _SEASONS:
        (m1, d1), (m2, d2) = _SEASONS[part]
        return date(year, m1, d1), date(year, m2, d2)
    if part[0] == "Q":
        first = 3 * (int(part[1]) - 1) + 1
        return date(year, first, 1), date(year, first + 2, monthrange(year, first + 2)[1])
    first = 1 if part == "H1" else 7
    return date(year, first, 1), date(year, first + 5, monthrange(year, first + 5)[1])


def precision_of(value: str | None) -> str | None:
    """The precision a date value is written at (models.DATE_PRECISIONS), None if unreadable.
    Half years have no precision of their own and count as quarters (the coarser sub-year unit)."""
    if value is None or date_interval(value) is None:
        return None
    if _DAY.match(value):
        return "day"
    if _WEEK.match(value):
        return "week"
    if _MONTH.match(value):
        return "month"
    if m := _PART.match(value):
        return "season" if m[2] in ("SP", "SU", "FA", "WI") else "quarter"
    return "year" if _YEAR.match(value) else "decade"


def mention_interval(when: DateValue, report_window_days: int) -> Interval | None:
    """The days a mention's date allows: its value's interval, or for an 'on_or_before' bound the
    ``report_window_days`` days up to the end of that interval."""
    span = date_interval(when.value)
    if span is None:
        return None
    if when.bound == "on_or_before":
        return span[1] - timedelta(days=report_window_days), span[1]
    return span


def width(span: Interval) -> int:
    """Number of days in an interval."""
    return (span[1] - span[0]).days + 1


def intersect(a: Interval, b: Interval) -> Interval | None:
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return (start, end) if start <= end else None


def contains(outer: Interval, inner: Interval) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]
