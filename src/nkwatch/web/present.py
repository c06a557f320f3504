"""How stored values are shown: dates at their precision, a one-line 'what', marker sizes."""
from __future__ import annotations

from datetime import date
from typing import Any

from ..store import EventRow

# Map marker radius (pixels) by place precision: the vaguer the place, the larger the circle.
MARKER_RADIUS = {"site": 5, "area": 9, "sea": 14, "country": 20}
DEFAULT_RADIUS = 11


def date_label(value: str | None, precision: str | None, bound: str | None = None) -> dict[str, Any]:
    """A date as shown: '2025-02' stays a month ('2025-02 (month)'), never '2025-02-01';
    a date known only from the report that gave it reads 'on or before ...'."""
    if not value:
        return {"value": None, "precision": None, "bound": None, "text": "undated"}
    text = value if precision in (None, "day") else f"{value} ({precision})"
    if bound == "on_or_before":
        text = f"on or before {text}"
    return {"value": value, "precision": precision, "bound": bound, "text": text}


def event_date(row: EventRow) -> dict[str, Any]:
    """The date label of an event; a long-running event shows the span of its members' dates."""
    if row.long_running:
        if row.date_start:
            return {"value": None, "precision": "span", "bound": None,
                    "text": f"{row.date_start.isoformat()} .. {row.date_end.isoformat()} (long-running)"}
        return {"value": None, "precision": None, "bound": None, "text": "undated (long-running)"}
    return date_label(row.date_value, row.date_precision, row.date_bound)


def what(row: EventRow) -> str:
    """'2 x KN-23 / srbm', a label, or the weapon alone; empty when nothing is known."""
    if row.label:
        return row.label
    weapon = " / ".join(x for x in (row.weapon, row.weapon_class) if x)
    return f"{row.count} x {weapon}" if row.count and weapon else weapon


def event_summary(row: EventRow) -> dict[str, Any]:
    """An event row as pages and JSON show it: every stored column (dates as ISO strings) plus
    the date label, the 'what' line and the marker radius."""
    # A shallow copy: ``models.to_dict`` (dataclasses.asdict) deep-copies, and a timeline page
    # of events spent more time there than in its query.
    columns = {k: v.isoformat() if isinstance(v, date) else v for k, v in vars(row).items()}
    return {**columns, "date_shown": event_date(row), "what": what(row),
            "radius": MARKER_RADIUS.get(row.place_precision or "", DEFAULT_RADIUS)}


def number(value: float | None) -> str:
    """12000.0 -> '12,000'; 2.5 -> '2.5'."""
    if value is None:
        return ""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def safe_url(url: str | None) -> str | None:
    """The URL when it is http(s), else None: a stored URL is hostile input and never becomes a
    ``javascript:`` or ``data:`` link."""
    if not url:
        return None
    lowered = url.strip().lower()
    return url.strip() if lowered.startswith(("http://", "https://")) else None
