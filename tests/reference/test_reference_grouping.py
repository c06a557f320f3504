"""Grouping reference rows into launch days (Pyongyang date) and launch events (day + site)."""
from datetime import date, time

from nkwatch.reference import ReferenceLaunch, launch_days, launch_events
from nkwatch.reference.values import local_day


def row(ref, day, at=None, facility=None, missile=None, precision="day"):
    return ReferenceLaunch(dataset="t", ref_id=str(ref), date=day, weapon_class="srbm",
                           date_precision=precision, time=at, local_date=local_day(day, at),
                           facility=facility, missile_name=missile)


ROWS = [
    row(3, date(2024, 3, 17), time(23, 21), "Site A"),
    row(1, date(2024, 3, 17), time(22, 44), "Site A"),
    row(2, date(2024, 3, 17), time(22, 44), "Site A"),
    row(4, date(2024, 3, 18), time(2, 0), "Site B"),
    row(5, date(2024, 4, 22), None, None, "KN-25"),
    row(6, date(2024, 4, 22), None, None, None),
    row(7, date(1990, 5, 1), None, "Site C", precision="month"),
]


def test_launch_days_use_the_pyongyang_date_and_sort_by_time():
    days = launch_days(ROWS)
    assert list(days) == [date(2024, 3, 18), date(2024, 4, 22)]  # month-only row left out
    assert [r.ref_id for r in days[date(2024, 3, 18)]] == ["1", "2", "3", "4"]
    assert [r.ref_id for r in days[date(2024, 4, 22)]] == ["5", "6"]


def test_launch_days_in_utc():
    days = launch_days(ROWS, local=False)
    assert list(days) == [date(2024, 3, 17), date(2024, 3, 18), date(2024, 4, 22)]
    assert len(days[date(2024, 3, 17)]) == 3


def test_launch_events_split_a_day_by_site_then_missile():
    events = launch_events(ROWS)
    assert {k: [r.ref_id for r in v] for k, v in events.items()} == {
        (date(2024, 3, 18), "Site A"): ["1", "2", "3"],
        (date(2024, 3, 18), "Site B"): ["4"],
        (date(2024, 4, 22), "KN-25"): ["5"],
        (date(2024, 4, 22), None): ["6"],
    }
