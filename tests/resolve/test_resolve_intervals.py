"""Date values as day intervals, and the window of a report-date bound."""
from datetime import date

import pytest

from nkwatch.models import DateValue
from nkwatch.resolve.intervals import date_interval, mention_interval, precision_of


@pytest.mark.parametrize("value, first, last, precision", [
    ("2025-02-26", date(2025, 2, 26), date(2025, 2, 26), "day"),
    ("2025-02-25T23:00", date(2025, 2, 25), date(2025, 2, 25), "day"),
    ("2025-W11", date(2025, 3, 10), date(2025, 3, 16), "week"),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
    ("2024-FA", date(2024, 9, 1), date(2024, 11, 30), "season"),
    ("2024-WI", date(2024, 12, 1), date(2025, 2, 28), "season"),
    ("2024-Q3", date(2024, 7, 1), date(2024, 9, 30), "quarter"),
    ("2024-H1", date(2024, 1, 1), date(2024, 6, 30), "quarter"),
    ("2024", date(2024, 1, 1), date(2024, 12, 31), "year"),
    ("202", date(2020, 1, 1), date(2029, 12, 31), "decade"),
    ("202X", date(2020, 1, 1), date(2029, 12, 31), "decade"),
    ("2025-W11-WE", date(2025, 3, 15), date(2025, 3, 16), "week"),
])
def test_values_cover_their_days(value, first, last, precision):
    assert date_interval(value) == (first, last)
    assert precision_of(value) == precision


@pytest.mark.parametrize("value", [None, "", "PAST_REF", "XXXX-03", "2025-13", "2025-W60", "2025-02-30"])
def test_values_without_calendar_interval(value):
    assert date_interval(value) is None
    assert precision_of(value) is None


def test_report_date_bound_covers_the_window_before_the_report():
    bounded = DateValue("2025-02-28", "day", "report_date", "on_or_before")
    assert mention_interval(bounded, 14) == (date(2025, 2, 14), date(2025, 2, 28))
    assert mention_interval(DateValue("2025-02", "month"), 14) == (date(2025, 2, 1), date(2025, 2, 28))
    assert mention_interval(DateValue(), 14) is None
