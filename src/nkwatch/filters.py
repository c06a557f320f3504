"""The event filters of the timeline, as one typed object shared by every reader of events: the web
timeline and map (their query string), the Atom feed of events, and alert subscriptions (a TOML
table of the same names).

A filter is a field of ``EventFilters``; ``store_args`` hands every field to ``Store.events`` under
its own name (``q`` is its ``text``, ``sort`` its order) and ``parse`` checks any mapping of
field names, so a field added here reaches the store query, the feed and the subscriptions
without being listed again anywhere.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from .dates import date_interval
from .models import EVENT_TYPES, WEAPON_CLASSES

SORTS = ("date", "-date")
# Fields whose values come from a fixed list, fields holding a date value; every other field is
# free text (blank = no filter).
CHOICES: dict[str, tuple[str, ...]] = {"type": EVENT_TYPES, "weapon_class": WEAPON_CLASSES, "sort": SORTS}
DATES = ("since", "until", "period")
# Fields that order the events rather than select them.
ORDER_FIELDS = ("sort",)


class FilterError(ValueError):
    """A filter value that is not one (``name``: the field)."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message


@dataclass(frozen=True)
class EventFilters:
    """The timeline's filters, as the query string gave them (blank fields are None)."""
    type: str | None = None
    since: str | None = None
    until: str | None = None
    weapon_class: str | None = None
    source: str | None = None
    place: str | None = None
    conducted_by: str | None = None
    q: str | None = None
    sort: str = "-date"
    period: str | None = None   # the events standing in this period of the timeline (a bar of its chart)

    def store_args(self) -> dict[str, Any]:
        """The arguments of ``Store.events`` these filters stand for."""
        args = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("q", *ORDER_FIELDS)}
        return {**args, "text": self.q, "newest_first": self.sort == "-date"}

    @classmethod
    def names(cls, selecting_only: bool = False) -> list[str]:
        """The filter names (``selecting_only``: without those that only order the events)."""
        return [f.name for f in fields(cls) if not (selecting_only and f.name in ORDER_FIELDS)]

    @classmethod
    def parse(cls, values: Mapping[str, Any], selecting_only: bool = False) -> "EventFilters":
        """Filters from ``values`` (field name -> text; blank values are no filter). Raises
        FilterError for an unknown name, a value outside a field's list or a date that is not one."""
        allowed = cls.names(selecting_only)
        checked: dict[str, Any] = {}
        for name, raw in values.items():
            if name not in allowed:
                raise FilterError(name, f"unknown filter (one of {', '.join(allowed)})")
            value = blank(raw)
            if value is None:
                continue
            if name in CHOICES and value not in CHOICES[name]:
                raise FilterError(name, f"unknown value {value!r} (one of {', '.join(CHOICES[name])})")
            if name in DATES and date_interval(value) is None:
                raise FilterError(name, f"not a date: {value!r} (use 2024, 2024-03, 2024-03-15, 2024-W11 ...)")
            checked[name] = value
        return cls(**checked)

    def query(self) -> dict[str, str]:
        """The filters that are set, as a query string gives them (``sort`` left out at its default)."""
        return {f.name: getattr(self, f.name) for f in fields(self)
                if getattr(self, f.name) is not None and getattr(self, f.name) != f.default}


def blank(value: Any) -> str | None:
    """An empty or all-space value is no filter; others as stripped text."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None
