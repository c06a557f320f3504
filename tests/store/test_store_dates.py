"""date_interval: the days a date value covers, for range queries."""
from __future__ import annotations

from datetime import date

import pytest

from nkwatch.dates import date_interval


@pytest.mark.parametrize("value, first, last", [
    ("2025-02-26", date(2025, 2, 26), date(2025, 2, 26)),
    ("2025-02-26T23:00", date(2025, 2, 26), date(2025, 2, 26)),
    ("2025-02", date(2025, 2, 1), date(2025, 2, 28)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2025-W11", date(2025, 3, 10), date(2025, 3, 16)),
    ("2025-W01", date(2024, 12, 30), date(2025, 1, 5)),
    ("2025-W11-WE", date(2025, 3, 15), date(2025, 3, 16)),
    ("2024-SP", date(2024, 3, 1), date(2024, 5, 31)),
    ("2024-SU", date(2024, 6, 1), date(2024, 8, 31)),
    ("2024-FA", date(2024, 9, 1), date(2024, 11, 30)),
    ("2023-WI", date(2023, 12, 1), date(2024, 2, 29)),
    ("2025-Q2", date(2025, 4, 1), date(2025, 6, 30)),
    ("2025-Q4", date(2025, 10, 1), date(2025, 12, 31)),
    ("2025-H2", date(2025, 7, 1), date(2025, 12, 31)),
    ("2025", date(2025, 1, 1), date(2025, 12, 31)),
    ("202", date(2020, 1, 1), date(2029, 12, 31)),
])
def test_interval(value, first, last):
    assert date_interval(value) == (first, last)


@pytest.mark.parametrize("value", [None, "", "PRESENT_REF", "XXXX-03", "2025-13", "2025-02-30",
                                   "2025-W54", "2025-Q5", "last week", "20251"])
def test_no_interval(value):
    assert date_interval(value) is None
