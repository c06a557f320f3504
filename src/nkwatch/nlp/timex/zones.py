"""Clock times whose day is written beside them rather than inside them.

Times given twice in two zones: "around 8am (2300 GMT Tuesday)", "at 10:35 a.m. (0735 GMT) Friday".
Whichever of the pair names its day dates the other, converting through the zones' UTC offsets, or
through the difference of the two clocks when the local zone is not named. A time followed by its
day ("at 8am on Tuesday") takes that day. A pair whose day is not a calendar day (a weekday without a
document date, a moment past year 9999) stays as it is."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from .calendar import Point
from .normalize import Norm

OPEN = re.compile(r"\s*[(\[,/–-]?\s*(?:or\s+|i\.e\.\s+)?$")
CLOSE = re.compile(r"\s*[)\]]\s*,?\s*(?:on\s+)?$")
ON = re.compile(r"\s*,?\s*(?:on|of)\s+(?:the\s+)?$")

Item = tuple[int, int, Norm]


def _minutes(n: Norm) -> int:
    hour, minute = n.clock
    return min(hour, 23) * 60 + minute + (60 if hour == 24 else 0)


def _offset_hours(local: Norm, utc_minutes: int, zone: float | None) -> float:
    """Hours from UTC of the local clock: its named zone's, else the clock difference folded
    into UTC-12..UTC+14."""
    if zone is not None:
        return zone
    hours = (_minutes(local) - utc_minutes) / 60
    while hours < -12:
        hours += 24
    while hours > 14:
        hours -= 24
    return hours


def _moment(n: Norm, day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day) + dt.timedelta(minutes=_minutes(n))


def _dated(norm: Norm, day: dt.date) -> Norm:
    """The clock time of ``norm`` on ``day`` (a datetime gives its day)."""
    hour, minute = norm.clock
    q = Point("T", day.year, day.month, day.day, hour=hour, minute=minute)
    return replace(norm, value=q.value(), point=q, anchored=True, dated=True)


def _is_clock(n: Norm) -> bool:
    return n.type == "TIME" and n.clock is not None


def _is_day(n: Norm) -> bool:
    return n.point is not None and n.point.calendar and n.point.gran in ("D", "PART")


def date_paired_times(text: str, items: list[Item]) -> list[Item]:
    """Give an undated local time the day of the zone time paired with it, or both the day
    written after the pair; give an undated time the day written right after it."""
    out = list(items)
    for i in range(len(out) - 1):
        try:
            _date_pair(text, out, i)
        except OverflowError:  # the pair's moment lies outside datetime's years 1..9999
            continue
    return out


def _date_pair(text: str, out: list[Item], i: int) -> None:
    """Date the items ``i`` and ``i + 1`` of ``out`` from each other (in place), when they pair."""
    (s1, e1, a), (s2, e2, b) = out[i], out[i + 1]
    if _is_clock(a) and not a.dated and _is_day(b) and ON.match(text[e1:s2]):
        out[i] = (s1, e1, _dated(a, b.point.date))   # "at 8am on Tuesday"
        return
    if not (_is_clock(a) and _is_clock(b)) or a.dated or b.zone is None \
            or not OPEN.match(text[e1:s2]):
        return
    if b.dated and not (b.point and b.point.calendar):  # "(2055 GMT Thursday)", no document date
        return
    if b.dated:        # "8am (2300 GMT Tuesday)": UTC moment of b, then a's offset
        utc = _moment(b, b.point.date) - dt.timedelta(hours=b.zone)
        offset = _offset_hours(a, utc.hour * 60 + utc.minute, a.zone)
        out[i] = (s1, e1, _dated(a, utc + dt.timedelta(hours=offset)))
    elif i + 2 < len(out):  # "10:35 a.m. (0735 GMT) Friday": the day is the local one
        s3, e3, c = out[i + 2]
        if not _is_day(c) or not CLOSE.match(text[e2:s3]):
            return
        local = _moment(a, c.point.date)
        offset = _offset_hours(a, _minutes(b) - int(b.zone * 60), a.zone)
        utc = local - dt.timedelta(hours=offset)
        out[i] = (s1, e1, _dated(a, local))
        out[i + 1] = (s2, e2, _dated(b, utc + dt.timedelta(hours=b.zone)))
