"""What the pages need beyond one Store call, built from Store methods only (no SQL here):
filters the store does not have yet (place, text, newest first, claim source) applied in Python
over its results."""
from __future__ import annotations

from dataclasses import dataclass

from ..store import EventRow, FactRecord, Store

SORTS = ("date", "-date")


@dataclass(frozen=True)
class EventFilters:
    """Timeline filters; since/until are date values ('2024', '2024-03', '2024-03-15', '2024-W11')."""
    type: str | None = None
    since: str | None = None
    until: str | None = None
    weapon_class: str | None = None
    source: str | None = None
    place: str | None = None
    q: str | None = None
    sort: str = "date"

    @property
    def store_side(self) -> dict:
        return {"type": self.type, "since": self.since, "until": self.until,
                "weapon_class": self.weapon_class, "source": self.source}

    @property
    def python_side(self) -> bool:
        """True when a filter or order the store lacks is asked for."""
        return bool(self.place or self.q or self.sort == "-date")


def find_events(store: Store, filters: EventFilters, limit: int | None, offset: int = 0) -> list[EventRow]:
    """Events matching ``filters``, ``limit`` of them from ``offset``. Place (substring of the
    place name), text (substring of label, weapon, place, type or a source, case-insensitive)
    and newest-first are applied here, over every event the store filters give."""
    if not filters.python_side:
        return store.events(**filters.store_side, limit=limit, offset=offset)
    rows = store.events(**filters.store_side, limit=None)
    if filters.place:
        needle = filters.place.lower()
        rows = [r for r in rows if r.place and needle in r.place.lower()]
    if filters.q:
        needle = filters.q.lower()
        rows = [r for r in rows if any(needle in (x or "").lower()
                                       for x in (r.label, r.weapon, r.weapon_class, r.place, r.type, *r.sources))]
    if filters.sort == "-date":
        rows = _newest_first(rows)
    return rows[offset:] if limit is None else rows[offset:offset + limit]


def _newest_first(rows: list[EventRow]) -> list[EventRow]:
    dated = [r for r in rows if r.date_start is not None]
    undated = [r for r in rows if r.date_start is None]
    return sorted(dated, key=lambda r: (r.date_start, r.date_end, r.id), reverse=True) + undated


def find_claims(store: Store, *, property: str | None = None, event_id: str | None = None,
                source: str | None = None, limit: int = 200) -> list[FactRecord]:
    """Claims with their event and evidence, by report date; ``source`` compared
    case-insensitively (applied here over the store's records)."""
    if source is None:
        return store.claim_records(event_id=event_id, property=property, limit=limit)
    wanted = source.lower()
    records = store.claim_records(event_id=event_id, property=property)
    return [r for r in records if (r.fact.claim.source or "").lower() == wanted][:limit]
