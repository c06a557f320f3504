"""Calendar intervals of ISO/TimeML-style date values, for range queries over dated facts.

``date_interval`` turns one ``DateValue.value`` into the first and last day it covers:

=============  ===========================  ===============================================
value          precision                    interval
=============  ===========================  ===============================================
2025-02-26     day (a time part is ignored)  that day
2025-W11       week                          ISO week, Monday..Sunday
2025-W11-WE    weekend                       Saturday..Sunday of that ISO week
2025-02        month                         first..last day of the month
2024-SP/SU/FA  season (meteorological)       Mar-May / Jun-Aug / Sep-Nov
2024-WI        winter                        1 Dec 2024 .. end of Feb 2025
2025-Q2        quarter                       Apr 1 .. Jun 30
2025-H1        half year                     Jan 1 .. Jun 30 / Jul 1 .. Dec 31
2025           year                          Jan 1 .. Dec 31
202, 202X      decade (TimeML)               2020-01-01 .. 2029-12-31
=============  ===========================  ===============================================

Anything else (``None``, TimeML ``PRESENT_REF``, values with ``X`` placeholders, malformed text)
has no interval: ``None``. Seasons follow the meteorological convention; TimeML leaves the exact
bounds open, so a query that needs them pinned down should use month values.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

# the names of the days of the week (Monday first, as ``date.weekday`` counts) and of the months, lower-cased
WEEKDAY_NAMES = tuple(name.lower() for name in calendar.day_name)
MONTH_NAMES = tuple(name.lower() for name in calendar.month_name if name)
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_HALF = re.compile(r"(\d{4})-H([12])")
_YEAR = re.compile(r"(\d{4})")
_DECADE = re.compile(r"(\d{3})X?")

# First month of each season and its length in months (winter runs into the next year).
_SEASONS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def date_interval(value: str | None) -> tuple[date, date] | None:
    """First and last day covered by ``value`` (see the module table), or None when it has none."""
    if not value:
        return None
    value = value.strip()
    try:
        return _interval(value)
    except ValueError:  # e.g. 2025-02-30, 2025-13, week 54
        return None


def _interval(value: str) -> tuple[date, date] | None:
    if m := _DAY.fullmatch(value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := _WEEK.fullmatch(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    if m := _MONTH.fullmatch(value):
        return _months(int(m[1]), int(m[2]), 1)
    if m := _SEASON.fullmatch(value):
        return _months(int(m[1]), _SEASONS[m[2]], 3)
    if m := _QUARTER.fullmatch(value):
        return _months(int(m[1]), 3 * int(m[2]) - 2, 3)
    if m := _HALF.fullmatch(value):
        return _months(int(m[1]), 6 * int(m[2]) - 5, 6)
    if m := _YEAR.fullmatch(value):
        year = int(m[1])
        return date(year, 1, 1), date(year, 12, 31)
    if m := _DECADE.fullmatch(value):
        first = int(m[1]) * 10
        return date(first, 1, 1), date(first + 9, 12, 31)
    return None


def _months(year: int, month: int, count: int) -> tuple[date, date]:
    """From the first day of ``month`` to the last day of the ``count``-th month (may cross a year)."""
    if not 1 <= month <= 12:
        raise ValueError(f"month {month}")
    last_index = year * 12 + (month - 1) + (count - 1)
    last_year, last_month = divmod(last_index, 12)
    last_month += 1
    return date(year, month, 1), date(last_year, last_month, calendar.monthrange(last_year, last_month)[1])


def finer_within(inner: str | None, outer: str | None) -> bool:
    """Is ``inner`` a finer time inside ``outer`` ("2025-01-04" in "2025-01"; not the same time)?"""
    a, b = date_interval(inner), date_interval(outer)
    return bool(a and b and b[0] <= a[0] and a[1] <= b[1] and a != b)


def precision_of(value: str | None) -> str | None:
    """The precision a date value is written at (models.DATE_PRECISIONS), None if unreadable.
    Half years have no precision of their own and count as quarters (the coarser sub-year unit)."""
    if date_interval(value) is None:
        return None
    value = value.strip()
    if _DAY.fullmatch(value):
        return "day"
    if _WEEK.fullmatch(value):
        return "week"
    if _MONTH.fullmatch(value):
        return "month"
    if _SEASON.fullmatch(value):
        return "season"
    if _QUARTER.fullmatch(value) or _HALF.fullmatch(value):
        return "quarter"
    return "year" if _YEAR.fullmatch(value) else "decade"
