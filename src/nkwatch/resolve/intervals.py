"""Date values (TimeML-style strings with their precision) as closed day intervals.

'2025-02-26' is one day, '2025-W11' a Monday-Sunday week, '2025-02' a month, '2024-FA' a season,
'2024-Q3' a quarter, '2024-H2' a half year, '2024' a year, '202' or '202X' a decade, and
'2025-W11-WE' that week's weekend. Anything else (None, 'PAST_REF', 'XXXX-03') has no interval.
A date bounded only by its report ('on_or_before') covers a window of days before the report.
"""
from __future__ import annotations

from datetime import date, timedelta

from ..dates import date_interval, precision_of
from ..models import DateValue

Interval = tuple[date, date]

__all__ = ["Interval", "date_interval", "precision_of", "mention_interval", "width", "intersect", "contains"]


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
