"""The timeline's facets and its chart: events per week, month or year, stacked by type, from the
counts of ``Store.timeline``. An event stands where the timeline lists it: at its date's first
day, or, when its date is unknown, at the day it was first reported (drawn lighter). Drawn as an
inline SVG by the template, each bar and each of its segments a link to that period (and type):
no chart library, no script."""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any

from ..store import EventCount
from .chart import nice_step

WIDTH, HEIGHT = 960, 240
LEFT, RIGHT, TOP, BOTTOM = 40, 8, 10, 30
GAP = 0.2            # of a bar's slot, between bars
MOST_LABELS = 12     # period labels under the axis, at most
WEEKS_UP_TO = 26     # a span of up to this many weeks is charted by week
MONTHS_UP_TO = 72    # ... up to this many months by month; longer by year
PERS = ("week", "month", "year")
TAIL = 0.01          # of the events, at most, left out of the chart at each end (a stray 1954 date)


def period_of(day: date, per: str) -> str:
    """The period holding ``day``, as a date value the ``period`` filter reads: '2024-W11',
    '2024-03', '2024'."""
    if per == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{day.year}-{day.month:02d}" if per == "month" else str(day.year)


def _start(day: date, per: str) -> date:
    if per == "week":
        return day - timedelta(days=day.weekday())
    return date(day.year, day.month, 1) if per == "month" else date(day.year, 1, 1)


def _next(day: date, per: str) -> date:
    if per == "week":
        return day + timedelta(days=7)
    if per == "month":
        return date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return date(day.year + 1, 1, 1)


def periods(first: date, last: date, per: str) -> list[str]:
    """Every period from the one holding ``first`` to the one holding ``last``, empty ones too."""
    out, day = [], _start(first, per)
    while day <= last:
        out.append(period_of(day, per))
        day = _next(day, per)
    return out


def choose_per(first: date, last: date) -> str:
    """Weeks for a few months of events, months for a few years, years beyond."""
    days = (last - first).days
    return "week" if days <= 7 * WEEKS_UP_TO else "month" if days <= 31 * MONTHS_UP_TO else "year"


def facets(counts: Iterable[EventCount]) -> dict[str, Any]:
    """The total and the counts per type and per month (of the timeline day); ``by_report``: events
    of unknown date counted at their first report; ``nowhere``: events with neither."""
    counts = list(counts)
    months = Counter()
    for c in counts:
        if c.day:
            months[period_of(c.day, "month")] += c.events
    types = Counter()
    for c in counts:
        types[c.type] += c.events
    return {"total": sum(c.events for c in counts),
            "types": dict(types.most_common()),
            "months": dict(sorted(months.items())),
            "by_report": sum(c.events - c.dated for c in counts if c.day),
            "nowhere": sum(c.events for c in counts if not c.day)}


def activity_chart(counts: Iterable[EventCount], per: str | None, type_order: list[str],
                   link: Callable[..., str]) -> dict[str, Any]:
    """Bars of the events per ``per`` (None: chosen from the span), stacked by type in
    ``type_order``, each type split into dated events and events placed by their first report.
    ``link(period=...)`` gives the URL a bar filters to, ``link(period=..., type=...)`` a segment's."""
    placed = sorted((c for c in counts if c.day), key=lambda c: c.day)
    chart: dict[str, Any] = {"width": WIDTH, "height": HEIGHT, "per": per, "bars": [], "y_ticks": [],
                             "labels": [], "before": 0, "after": 0,
                             "plot": {"left": LEFT, "right": WIDTH - RIGHT, "top": TOP, "bottom": HEIGHT - BOTTOM}}
    if not placed:
        return chart
    first, last = _span(placed)
    chart["first"], chart["last"] = first.isoformat(), last.isoformat()
    chart["before"] = sum(c.events for c in placed if c.day < first)
    chart["after"] = sum(c.events for c in placed if c.day > last)
    placed = [c for c in placed if first <= c.day <= last]
    per = per or choose_per(first, last)
    chart["per"] = per
    cells: Counter[tuple[str, str, bool]] = Counter()
    for c in placed:
        cells[(period_of(c.day, per), c.type, True)] += c.dated
        cells[(period_of(c.day, per), c.type, False)] += c.events - c.dated
    names = periods(first, last, per)
    totals = {p: sum(n for (q, _, _), n in cells.items() if q == p) for p in names}
    step = max(1, nice_step(max(totals.values()), 4))  # whole events
    top = step * math.ceil(max(totals.values()) / step)
    slot = (WIDTH - LEFT - RIGHT) / len(names)
    scale = (HEIGHT - TOP - BOTTOM) / top
    bottom = HEIGHT - BOTTOM
    chart["y_ticks"] = [{"y": round(bottom - k * step * scale, 1), "label": str(int(k * step))}
                        for k in range(int(round(top / step)) + 1)]
    stride = max(1, math.ceil(len(names) / MOST_LABELS))
    for i, name in enumerate(names):
        x = LEFT + i * slot
        segments, y = [], bottom
        for kind in type_order:
            for dated in (True, False):
                n = cells.get((name, kind, dated), 0)
                if not n:
                    continue
                height = n * scale
                y -= height
                segments.append({"type": kind, "dated": dated, "events": n, "y": round(y, 1),
                                 "height": round(height, 1), "url": link(period=name, type=kind)})
        chart["bars"].append({"period": name, "events": totals[name], "x": round(x + slot * GAP / 2, 1),
                              "width": round(slot * (1 - GAP), 1), "url": link(period=name),
                              "segments": segments})
        if i % stride == 0:
            chart["labels"].append({"x": round(x + slot / 2, 1), "label": name})
    return chart


def _span(placed: list[EventCount]) -> tuple[date, date]:
    """The days the chart covers (``placed`` in day order): those of the events but for the first
    and last ``TAIL`` of them, widened by a quarter of that span on each side to take back the
    events near it; so a few stray dates decades away do not squeeze the rest into one bar."""
    cut = int(sum(c.events for c in placed) * TAIL)
    core_first, core_last = _nth_day(placed, cut), _nth_day(list(reversed(placed)), cut)
    reach = max((core_last - core_first) / 4, timedelta(days=31))
    return (min(c.day for c in placed if c.day >= core_first - reach),
            max(c.day for c in placed if c.day <= core_last + reach))


def _nth_day(ordered: list[EventCount], skip: int) -> date:
    """The day of the event after the first ``skip`` events of ``ordered``."""
    seen = 0
    for c in ordered:
        seen += c.events
        if seen > skip:
            return c.day
    return ordered[-1].day
