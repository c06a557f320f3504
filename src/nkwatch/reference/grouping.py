"""Grouping reference rows (one per missile) into launch days and launch events.

Rule: a launch day is one calendar date; by default the Pyongyang date (``local_date``), because
DPRK and ROK reports date launches in local time while CNS dates them in UTC (a launch at
22:44 UTC on 17 March is an 18 March launch in every report). Within a day, the rows fired from
the same site (facility, else facility location) form one launch event; rows with no known site
are grouped by missile name instead. Rows dated to the month only are left out: they cannot be
placed on a day.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time

from .models import ReferenceLaunch


def _day(row: ReferenceLaunch, local: bool) -> date:
    return (row.local_date or row.date) if local else row.date


def _order(row: ReferenceLaunch) -> tuple:
    return (row.date, row.time or time.max, row.dataset, int(row.ref_id) if row.ref_id.isdigit() else 0, row.ref_id)


def launch_days(rows: Iterable[ReferenceLaunch], local: bool = True) -> dict[date, list[ReferenceLaunch]]:
    """Day-dated rows grouped by launch day (Pyongyang date, or UTC date with ``local=False``),
    days in date order, rows within a day by launch time."""
    days: dict[date, list[ReferenceLaunch]] = {}
    for row in rows:
        if row.date_precision == "day":
            days.setdefault(_day(row, local), []).append(row)
    return {d: sorted(days[d], key=_order) for d in sorted(days)}


def launch_events(rows: Iterable[ReferenceLaunch], local: bool = True
                  ) -> dict[tuple[date, str | None], list[ReferenceLaunch]]:
    """Rows grouped into launch events keyed by (day, site or missile name); see the module rule."""
    events: dict[tuple[date, str | None], list[ReferenceLaunch]] = {}
    for day, day_rows in launch_days(rows, local).items():
        for row in day_rows:
            events.setdefault((day, row.site or row.missile_name), []).append(row)
    return events
