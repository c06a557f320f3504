"""Times given twice in two zones, "around 8am (2300 GMT Tuesday)": the one that names its day
dates the other, converting through the zones' UTC offsets (or the difference of the two clocks
when the local zone is not named)."""
from __future__ import annotations

import datetime as dt
import re

from .calendar import Point
from .normalize import Norm

BETWEEN = re.compile(r"\s*[(\[,/–-]?\s*(?:or\s+|i\.e\.\s+)?$")


def _local_offset(local: Point, utc_moment: dt.datetime, zone: float | None) -> float:
    """Hours to add to UTC for the local clock: the named zone's, else the clock difference
    folded into UTC-12..UTC+14."""
    if zone is not None:
        return zone
    diff = (local.hour * 60 + (local.minute or 0)) - (utc_moment.hour * 60 + utc_moment.minute)
    hours = diff / 60
    while hours < -12:
        hours += 24
    while hours > 14:
        hours -= 24
    return hours


def date_paired_times(text: str, items: list[tuple[int, int, Norm]]) -> list[tuple[int, int, Norm]]:
    """Give an undated time the day of a dated time with a zone written right after it."""
    out = list(items)
    for i in range(len(out) - 1):
        (s1, e1, a), (s2, e2, b) = out[i], out[i + 1]
        if a.type != "TIME" or b.type != "TIME" or a.point is None or b.point is None:
            continue
        if a.point.gran != "T" or b.point.gran != "T" or not BETWEEN.match(text[e1:s2]):
            continue
        if a.dated or not b.dated or b.zone is None:
            continue
        hour_b = min(b.point.hour, 23)
        utc = dt.datetime(b.point.year, b.point.month, b.point.day, hour_b, b.point.minute or 0) \
            - dt.timedelta(hours=b.zone)
        offset = _local_offset(a.point, utc, a.zone)
        local = utc + dt.timedelta(hours=offset)
        p = Point("T", local.year, local.month, local.day, hour=a.point.hour, minute=a.point.minute)
        out[i] = (s1, e1, Norm("TIME", p.value(), a.mod, True, p, a.zone, True))
    return out
