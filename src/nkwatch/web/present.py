"""How stored values are shown on pages and in JSON: date labels (their text from
``nkwatch.display``, as in the CLI), event summaries, numbers, marker sizes, safe links."""
from __future__ import annotations

from datetime import date
from typing import Any

from ..display import date_text, reported_text, shown_date
from ..names import Names
from ..store import EventRow

# Map marker radius (pixels) by place precision: the vaguer the place, the larger the circle.
MARKER_RADIUS = {"site": 5, "area": 9, "sea": 14, "country": 20}
DEFAULT_RADIUS = 11


def date_label(value: str | None, precision: str | None, bound: str | None = None) -> dict[str, Any]:
    """A date as pages and JSON show it: the value, its precision and bound, and the text
    (``display.date_text``: '2025-02' stays a month, never '2025-02-01')."""
    if not value:
        return {"value": None, "precision": None, "bound": None, "text": date_text(value, precision)}
    return {"value": value, "precision": precision, "bound": bound, "text": date_text(value, precision, bound)}


def event_date(row: EventRow) -> dict[str, Any]:
    """The date label of an event; a long-running event shows the span of its members' dates."""
    if row.long_running:
        return {"value": None, "precision": "span" if row.date_start else None, "bound": None,
                "text": shown_date(row)}
    if not row.date_value and row.first_report:   # its own date unknown: when it was first reported
        return {"value": None, "precision": None, "bound": None, "reported": row.first_report.isoformat(),
                "text": reported_text(row.first_report.isoformat())}
    return date_label(row.date_value, row.date_precision, row.date_bound)


def event_summary(row: EventRow, names: Names) -> dict[str, Any]:
    """An event row as pages and JSON show it: every stored column (dates as ISO strings) plus
    the date label, the type's name, the 'what' line, the headline and the marker radius."""
    # A shallow copy: ``models.to_dict`` (dataclasses.asdict) deep-copies, and a timeline page
    # of events spent more time there than in its query.
    columns = {k: v.isoformat() if isinstance(v, date) else v for k, v in vars(row).items()}
    return {**columns, "date_shown": event_date(row), "type_name": names.event_type(row.type),
            "what": names.what(row), "headline": names.headline(row),
            "radius": MARKER_RADIUS.get(row.place_precision or "", DEFAULT_RADIUS)}


def safe_url(url: str | None) -> str | None:
    """The URL when it is http(s), else None: a stored URL is hostile input and never becomes a
    ``javascript:`` or ``data:`` link."""
    if not url:
        return None
    lowered = url.strip().lower()
    return url.strip() if lowered.startswith(("http://", "https://")) else None
