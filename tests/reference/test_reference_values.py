"""Cell readers of the reference databases: unknowns, dates, times, kilometres, sources."""
from datetime import date, datetime, time

import pytest

from nkwatch.reference import values


@pytest.mark.parametrize("cell", [None, "", "  ", "Unknown", "unknown", "N/A", "na", "\xa0"])
def test_unknown_cells_are_none(cell):
    assert values.text(cell) is None


def test_text_normalises_non_breaking_spaces():
    assert values.text("Sinpo\xa0 Shipyard ") == "Sinpo Shipyard"


@pytest.mark.parametrize("cell, expected", [
    ("9-Apr-84", (date(1984, 4, 9), "day")),
    ("13-Mar-23", (date(2023, 3, 13), "day")),
    ("3/23/2023", (date(2023, 3, 23), "day")),
    ("2024-01-14", (date(2024, 1, 14), "day")),
    ("Sep-84", (date(1984, 9, 1), "month")),
    ("1990-05", (date(1990, 5, 1), "month")),
    (datetime(2019, 11, 28), (date(2019, 11, 28), "day")),
    ("Unknown", None),
])
def test_day(cell, expected):
    assert values.day(cell) == expected


def test_unreadable_date_raises():
    with pytest.raises(ValueError, match="unreadable date"):
        values.day("sometime in spring")


@pytest.mark.parametrize("cell, expected", [
    ("10:51:00 PM", time(22, 51)),
    ("12:29:00 AM", time(0, 29)),
    ("05:53 (UTC)", time(5, 53)),
    ("21:10 UTC", time(21, 10)),
    (time(7, 59, 30), time(7, 59, 30)),
    (0.5, time(12, 0)),
    ("unknown", None),
    ("", None),
])
def test_clock(cell, expected):
    assert values.clock(cell) == expected


def test_local_day_crosses_midnight_in_pyongyang():
    assert values.local_day(date(2024, 3, 17), time(22, 44)) == date(2024, 3, 18)
    assert values.local_day(date(2024, 3, 17), time(14, 0)) == date(2024, 3, 17)
    assert values.local_day(date(2024, 3, 17), None) == date(2024, 3, 17)


def test_local_day_uses_pyongyang_time_of_2015_2018():
    # Pyongyang kept UTC+8:30 from August 2015 to May 2018: 15:20 UTC was still the same day.
    assert values.local_day(date(2016, 6, 1), time(15, 20)) == date(2016, 6, 1)
    assert values.local_day(date(2019, 6, 1), time(15, 20)) == date(2019, 6, 2)


@pytest.mark.parametrize("cell, expected", [
    ("620 km", (620.0, None)),
    ("1,380 km", (1380.0, None)),
    ("2111.5 km", (2111.5, None)),
    ("0 km", (0.0, None)),
    ("330 lm", (330.0, None)),  # mistyped unit: the column is in km
    ("between 25 and 90 km", (25.0, 90.0)),
    ("110-670 km", (110.0, 670.0)),
    ("about 500 km", (500.0, None)),
    ("300 miles", (pytest.approx(482.8032), None)),
    ("100", (100.0, None)),
    (50, (50.0, None)),
    ("Unknown", (None, None)),
    ("N/A", (None, None)),
    (None, (None, None)),
])
def test_kilometres(cell, expected):
    assert values.kilometres(cell) == expected


def test_unreadable_distance_raises():
    with pytest.raises(ValueError):
        values.kilometres("far")


@pytest.mark.parametrize("cell, expected", [
    (39.6596, 39.6596), ("39.6596", 39.6596), ("125.07°", 125.07), ("Unknown", None)])
def test_coordinate(cell, expected):
    assert values.coordinate(cell) == expected


def test_source_list_splits_semicolons_newlines_and_run_together_urls():
    cell = ('http://a.example/1; Ann Author, "A Paper", 1999\n'
            'https://b.example/2 https://c.example/3"\n\n')
    assert values.source_list(cell) == (
        "http://a.example/1", 'Ann Author, "A Paper", 1999', "https://b.example/2", "https://c.example/3")
    assert values.source_list(["https://a.example/x", "https://b.example/y"]) == (
        "https://a.example/x", "https://b.example/y")
    assert values.source_list(None) == ()
