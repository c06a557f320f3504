"""Geometry of the claim-series chart (values over report dates, one line per source), drawn as
an inline SVG by the template: no chart library, no script."""
from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

from ..display import number

WIDTH, HEIGHT = 720, 320
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 40
PALETTE_SIZE = 8  # CSS classes series-0 .. series-7
TICK_HALF_WIDTH = 24  # half the width of a 'YYYY-MM' tick label
MARGIN = 0.05    # of the date span, before the first report and after the last


def nice_step(span: float, ticks: int = 5) -> float:
    """A round tick step (1, 2 or 5 times a power of ten) giving about ``ticks`` ticks over ``span``."""
    raw = span / max(ticks, 1)
    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def series_chart(points: list[dict[str, Any]]) -> dict[str, Any]:
    """Chart of series points (``SeriesPoint.to_dict`` dicts): dated points placed by report date
    and value (a range drawn from value to value_max), grouped by source in first-report order;
    undated points are returned apart, to be listed under the chart."""
    dated = [p for p in points if p["report_date"]]
    undated = [p for p in points if not p["report_date"]]
    chart: dict[str, Any] = {"width": WIDTH, "height": HEIGHT, "series": [], "x_ticks": [], "y_ticks": [],
                             "undated": undated, "plot": {"left": LEFT, "right": WIDTH - RIGHT,
                                                          "top": TOP, "bottom": HEIGHT - BOTTOM}}
    if not dated:
        return chart
    days = [date.fromisoformat(p["report_date"]) for p in dated]
    # A margin on both sides, so that the first and last points do not sit on the frame.
    margin = timedelta(days=max(3, math.ceil((max(days) - min(days)).days * MARGIN)))
    first, last = min(days) - margin, max(days) + margin
    top_value = max(max(p["value"], p["value_max"] or 0) for p in dated)
    step = nice_step(top_value or 1)
    y_max = step * math.ceil((top_value or 1) / step) if top_value else step
    x_of = lambda d: LEFT + (d - first).days / (last - first).days * (WIDTH - LEFT - RIGHT)  # noqa: E731
    y_of = lambda v: HEIGHT - BOTTOM - v / y_max * (HEIGHT - TOP - BOTTOM)  # noqa: E731
    chart["y_ticks"] = [{"y": round(y_of(k * step), 1), "label": number(k * step)}
                        for k in range(int(round(y_max / step)) + 1)]
    chart["x_ticks"] = [{"x": round(x_of(d), 1), "label": d.strftime("%Y-%m")} for d in _month_starts(first, last)
                        if x_of(d) + TICK_HALF_WIDTH <= WIDTH]  # a label cut by the frame is left out
    by_source: dict[str, list[dict[str, Any]]] = {}
    for p, day in sorted(zip(dated, days), key=lambda pair: pair[1]):
        x, y = round(x_of(day), 1), round(y_of(p["value"]), 1)
        y2 = round(y_of(p["value_max"]), 1) if p["value_max"] is not None else None
        by_source.setdefault(p["source"] or "unattributed", []).append(
            {"x": x, "y": y, "y2": y2, "label": f"{p['shown']} ({p['source'] or 'unattributed'}, {p['report_date']})",
             "claim_id": p["claim_id"], "bound": p["bound"]})
    for i, (source, marks) in enumerate(by_source.items()):
        chart["series"].append({"source": source, "css": f"series-{i % PALETTE_SIZE}", "points": marks,
                                "line": " ".join(f"{m['x']},{m['y']}" for m in marks)})
    return chart


def _month_starts(first: date, last: date, most: int = 8) -> list[date]:
    """First days of months within [first, last], thinned to at most ``most``."""
    months = []
    day = date(first.year, first.month, 1)
    while day <= last:
        if day >= first:
            months.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    stride = max(1, math.ceil(len(months) / most))
    return months[::stride]
