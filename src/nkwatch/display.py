"""How stored facts read to a person, the same in the CLI and the web pages: an event's date at the
precision it is known to ('2025-02' stays a month, never '2025-02-01'), a one-line 'what', and a
claimed number with its bound, range and unit ('>10,000', '7,961–7,973 s')."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the store imports this package's modules; only the type is needed here
    from .store import EventRow


def date_text(value: str | None, precision: str | None, bound: str | None = None) -> str:
    """'2025-02-26', '2025-02 (month)', 'undated'; a date known only from the report that gave
    it reads 'on or before ...'."""
    if not value:
        return "undated"
    text = value if precision in (None, "day") else f"{value} ({precision})"
    return f"on or before {text}" if bound == "on_or_before" else text


def shown_date(row: EventRow) -> str:
    """An event's date (``date_text``); a long-running event shows the span of its members'
    dates: '2024-10-01..2025-04-28 (long-running)'; an event whose own date is unknown shows when
    it was first reported: 'reported 2024-11-01' (its date stays unknown)."""
    if row.long_running:
        if row.date_start:
            return f"{row.date_start.isoformat()}..{row.date_end.isoformat()} (long-running)"
        return "undated (long-running)"
    if not row.date_value and row.first_report:
        return reported_text(row.first_report.isoformat())
    return date_text(row.date_value, row.date_precision, row.date_bound)


def reported_text(day: str) -> str:
    """What an event of unknown date shows: the day it was first reported."""
    return f"reported {day}"


WHAT_ACTORS = 3


def what(row: EventRow, class_name: Callable[[str], str] = str) -> str:
    """The event's label; '2 x KN-23 / srbm' or the weapon alone; else the actors most named by its
    reports ('Russia, North Korea, Vladimir Putin'); empty when nothing is known. ``class_name``
    names the weapon class (the code itself by default)."""
    if row.label:
        return row.label
    weapon = " / ".join(x for x in (row.weapon, row.weapon_class and class_name(row.weapon_class)) if x)
    if weapon:
        return f"{row.count} x {weapon}" if row.count else weapon
    return ", ".join(row.actors[:WHAT_ACTORS])


BOUND_SIGN = {"ge": ">", "le": "<", "approx": "~", "eq": ""}


def number(value: float | None) -> str:
    """12000.0 -> '12,000'; 2.5 -> '2.5'; None -> ''."""
    if value is None:
        return ""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def claimed(value: float, value_max: float | None = None, bound: str | None = None, unit: str | None = None) -> str:
    """A claimed number as reported: '>10,000', '~600 km', '7,961–7,973 s'."""
    text = BOUND_SIGN.get(bound or "eq", "") + number(value)
    if value_max is not None:
        text += "–" + number(value_max)
    return f"{text} {unit}" if unit else text
