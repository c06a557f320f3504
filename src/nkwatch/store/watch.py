"""SQL for the sources ``nkwatch watch`` polls: their HTTP validators and poll state, and the items
each gave (what they looked like, which document they became).

A poll's items and the source's new state are written in one transaction (``finish_poll``), after
the documents went through ingest: a poll cut short leaves the source as it was, and its items are
taken in again (idempotently) at the next one.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, func, insert, select, update

from .schema import watch_items, watch_sources


@dataclass(frozen=True)
class WatchSource:
    """A polled source and how its polls went (times in UTC). items: items taken in so far."""
    id: int
    locator: str
    kind: str
    etag: str | None
    last_modified: str | None
    added_at: datetime
    last_polled: datetime | None
    last_success: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    failures: int
    last_outcome: str | None
    next_poll: datetime | None
    items: int = 0


@dataclass(frozen=True)
class SeenItem:
    """An item of a source as taken in: ``fingerprint`` of its content then, its document."""
    key: str
    fingerprint: str
    document_id: int | None
    error: str | None = None


def add_sources(conn: Connection, sources: Iterable[tuple[str, str]], now: datetime) -> None:
    """Register each (locator, kind) not registered yet."""
    for locator, kind in sources:
        if conn.execute(select(watch_sources.c.id).where(watch_sources.c.locator == locator)).first() is None:
            conn.execute(insert(watch_sources).values(locator=locator, kind=kind, added_at=now, failures=0))


def list_sources(conn: Connection, locators: Collection[str] | None = None) -> list[WatchSource]:
    """Registered sources (those of ``locators`` when given) in the order they were added."""
    items = (select(func.count()).select_from(watch_items)
             .where(watch_items.c.source_id == watch_sources.c.id).scalar_subquery())
    query = select(watch_sources, items.label("items")).order_by(watch_sources.c.id)
    if locators is not None:
        query = query.where(watch_sources.c.locator.in_(list(locators)))
    return [WatchSource(**row._mapping) for row in conn.execute(query)]


def seen_items(conn: Connection, source_id: int) -> dict[str, SeenItem]:
    """The items of ``source_id`` taken in so far, by key."""
    query = select(watch_items).where(watch_items.c.source_id == source_id)
    return {r.key: SeenItem(r.key, r.fingerprint, r.document_id, r.error) for r in conn.execute(query)}


def finish_poll(conn: Connection, source_id: int, items: Iterable[SeenItem], values: dict,
                now: datetime) -> None:
    """Record the items a poll took in (inserted, or updated when their fingerprint changed) and
    the source's new state ``values`` (columns of watch_sources)."""
    items = list(items)
    known = {r.key: r.fingerprint for r in conn.execute(
        select(watch_items.c.key, watch_items.c.fingerprint).where(
            (watch_items.c.source_id == source_id) & watch_items.c.key.in_([i.key for i in items])))} if items else {}
    for item in items:
        row = {"fingerprint": item.fingerprint, "document_id": item.document_id, "error": item.error}
        if item.key not in known:
            conn.execute(insert(watch_items).values(source_id=source_id, key=item.key, first_seen=now,
                                                    changed_at=now, **row))
        else:
            changed = {"changed_at": now} if known[item.key] != item.fingerprint else {}
            conn.execute(update(watch_items).where((watch_items.c.source_id == source_id)
                                                   & (watch_items.c.key == item.key)).values(**row, **changed))
    conn.execute(update(watch_sources).where(watch_sources.c.id == source_id).values(**values))


def update_source(conn: Connection, source_id: int, values: dict) -> None:
    conn.execute(update(watch_sources).where(watch_sources.c.id == source_id).values(**values))
