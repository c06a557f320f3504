"""Every shared reference file loads with the expected rows, dates and launch days."""
from datetime import date
from pathlib import Path

import pytest

from nkwatch.models import WEAPON_CLASSES
from nkwatch.reference import launch_days, load_reference

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "reference"
WINDOW = (date(2023, 12, 24), date(2024, 11, 10))

# file -> (rows, first date, last date, rows in WINDOW by Pyongyang date, launch days in WINDOW)
EXPECTED = {
    "cns/north_korea_missile_test_database_2019-11.xlsx": (140, date(1984, 4, 9), date(2019, 11, 28), 0, 0),
    "cns/north_korea_missile_test_database_2023-04.csv": (245, date(1984, 4, 9), date(2023, 4, 12), 0, 0),
    "nk-missile-tests/tests.json": (339, date(1984, 4, 9), date(2026, 4, 18), 41, 12),
}


@pytest.mark.e2e
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_shared_reference_file(name):
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"shared reference data not found at {path}")
    rows = load_reference(path)
    count, first, last, in_window, days_in_window = EXPECTED[name]
    window = [r for r in rows if WINDOW[0] <= r.local_date <= WINDOW[1]]
    print(f"{name}: {len(rows)} rows, {min(r.date for r in rows)}..{max(r.date for r in rows)}, "
          f"{len(window)} rows and {len(launch_days(window))} launch days in {WINDOW[0]}..{WINDOW[1]}")
    assert len(rows) == count
    assert (min(r.date for r in rows), max(r.date for r in rows)) == (first, last)
    assert (len(window), len(launch_days(window))) == (in_window, days_in_window)
    assert len({r.ref_id for r in rows}) == count
    assert sum(r.date_precision == "month" for r in rows) == 8  # the 1984-1992 tests dated by month
    assert all(r.weapon_class in WEAPON_CLASSES for r in rows)
    assert all(r.lat is None or 37 < r.lat < 43 for r in rows)
    assert all(r.outcome in (None, "success", "failure") for r in rows)
