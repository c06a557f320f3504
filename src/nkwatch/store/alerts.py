"""SQL for alerts: which version of each event the alerts have seen, the outbox of webhook
deliveries, and the reports that arrived since a time (the digest).

An event's version changes when its reports (member mentions) or claims change; it is a digest of
their ids, compared with the last one seen. Events are read in the order of ``events.updated_at``
(every write that changes an event sets it, in the one-writer order) from a stored cursor, so a
scan reads each change once and a scan cut short is taken up where it stopped. A new version is
stored unrouted; routing creates its deliveries (at most one per subscription, event and version)
and marks it routed in one transaction.
"""
from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, func, insert, or_, select, tuple_, union_all, update

from .events import FactRecord, _claim_rows
from .schema import (alert_deliveries, alert_versions, claims, documents, event_members, events, mentions,
                     watch_state)

CURSOR = "alerts.cursor"
DELIVERY_STATES = ("pending", "delivered", "failing", "given_up")
OPEN_STATES = ("pending", "failing")


@dataclass(frozen=True)
class AlertVersion:
    """A version of an event as the alerts saw it: ``change`` 'new' (the event appeared since the
    scan before) or 'updated' (it gained or lost reports or claims)."""
    event_id: str
    version: int
    digest: str
    change: str
    changed_at: datetime


@dataclass(frozen=True)
class Delivery:
    """One webhook delivery of an event version to a subscription (times in UTC)."""
    id: int
    subscription: str
    event_id: str
    version: int
    change: str
    url: str
    payload: dict[str, Any]
    status: str
    attempts: int
    created_at: datetime
    next_attempt_at: datetime | None
    last_attempt_at: datetime | None
    delivered_at: datetime | None
    last_error: str | None
    http_status: int | None


# -- state --------------------------------------------------------------------------------------

def get_state(conn: Connection, name: str) -> Any:
    return conn.execute(select(watch_state.c.value).where(watch_state.c.name == name)).scalar()


def set_state(conn: Connection, name: str, value: Any) -> None:
    if conn.execute(select(watch_state.c.name).where(watch_state.c.name == name)).first() is None:
        conn.execute(insert(watch_state).values(name=name, value=value))
    else:
        conn.execute(update(watch_state).where(watch_state.c.name == name).values(value=value))


# -- versions -----------------------------------------------------------------------------------

def event_digests(conn: Connection, ids: Collection[str]) -> dict[str, str]:
    """A digest of each event's type, member mentions and claims (ids), for the events ``ids``."""
    ids = list(ids)
    if not ids:
        return {}
    parts: dict[str, tuple[str, list[str], list[str]]] = {
        r.id: (r.type, [], []) for r in conn.execute(select(events.c.id, events.c.type).where(events.c.id.in_(ids)))}
    for event_id, mention_id in conn.execute(select(event_members.c.event_id, event_members.c.mention_id)
                                             .where(event_members.c.event_id.in_(ids))):
        parts[event_id][1].append(mention_id)
    by_mention = (select(event_members.c.event_id, claims.c.id)
                  .join(claims, claims.c.mention_id == event_members.c.mention_id)
                  .where(event_members.c.event_id.in_(ids)))
    by_subject = select(claims.c.subject, claims.c.id).where(claims.c.subject.in_(ids))
    for event_id, claim_id in conn.execute(union_all(by_mention, by_subject)):
        if event_id in parts and claim_id not in parts[event_id][2]:
            parts[event_id][2].append(claim_id)
    return {event_id: hashlib.sha1(f"{kind}\n{','.join(sorted(members))}\n{','.join(sorted(cls))}".encode())
            .hexdigest() for event_id, (kind, members, cls) in parts.items()}


def scan_versions(conn: Connection, now: datetime, batch: int) -> tuple[list[AlertVersion], bool]:
    """Read up to ``batch`` events changed after the cursor and store a new version of each whose
    digest differs from the last one seen; advance the cursor. Returns (new versions, whether more
    changed events may follow). The first scan ever only sets the cursor at the newest change:
    events as they stand then are the baseline, not news."""
    cursor = get_state(conn, CURSOR)
    if cursor is None:
        last = conn.execute(select(events.c.updated_at, events.c.id)
                            .order_by(events.c.updated_at.desc(), events.c.id.desc()).limit(1)).first()
        set_state(conn, CURSOR, {"at": last.updated_at.isoformat() if last else None,
                                 "id": last.id if last else "", "since": now.isoformat()})
        return [], False
    query = select(events.c.id, events.c.updated_at, events.c.created_at)
    if cursor["at"] is not None:
        at = datetime.fromisoformat(cursor["at"])
        query = query.where(tuple_(events.c.updated_at, events.c.id) > tuple_(at, cursor["id"]))
    rows = conn.execute(query.order_by(events.c.updated_at, events.c.id).limit(batch)).all()
    if not rows:
        return [], False
    digests = event_digests(conn, [r.id for r in rows])
    known = {r.event_id: r for r in conn.execute(
        select(alert_versions).where(alert_versions.c.event_id.in_([r.id for r in rows])))}
    since = datetime.fromisoformat(cursor["at"]) if cursor["at"] else None
    found = []
    for row in rows:
        digest, before = digests.get(row.id), known.get(row.id)
        if digest is None or (before is not None and before.digest == digest):
            continue
        change = "new" if before is None and (since is None or row.created_at > since) else "updated"
        version = AlertVersion(row.id, before.version + 1 if before else 1, digest, change, now)
        values = {"version": version.version, "digest": digest, "change": change, "changed_at": now,
                  "routed": False}
        if before is None:
            conn.execute(insert(alert_versions).values(event_id=row.id, **values))
        else:
            conn.execute(update(alert_versions).where(alert_versions.c.event_id == row.id).values(**values))
        found.append(version)
    set_state(conn, CURSOR, {**cursor, "at": rows[-1].updated_at.isoformat(), "id": rows[-1].id})
    return found, len(rows) == batch


def unrouted(conn: Connection, limit: int) -> list[AlertVersion]:
    """Event versions whose deliveries are not created yet, oldest first."""
    query = (select(alert_versions).where(alert_versions.c.routed.is_(False))
             .order_by(alert_versions.c.changed_at, alert_versions.c.event_id).limit(limit))
    return [AlertVersion(r.event_id, r.version, r.digest, r.change, r.changed_at) for r in conn.execute(query)]


def route(conn: Connection, versions: Iterable[AlertVersion], deliveries: Iterable[dict], now: datetime) -> int:
    """Create ``deliveries`` (rows: subscription, event_id, version, change, url, payload) that do
    not exist yet and mark ``versions`` routed (unless a newer version came meanwhile); returns
    how many deliveries were created."""
    created = 0
    for d in deliveries:
        exists = conn.execute(select(alert_deliveries.c.id).where(
            (alert_deliveries.c.subscription == d["subscription"]) & (alert_deliveries.c.event_id == d["event_id"])
            & (alert_deliveries.c.version == d["version"]))).first()
        if exists is None:
            conn.execute(insert(alert_deliveries).values(**d, status="pending", attempts=0, created_at=now,
                                                         next_attempt_at=now))
            created += 1
    for v in versions:
        conn.execute(update(alert_versions).where((alert_versions.c.event_id == v.event_id)
                                                  & (alert_versions.c.version == v.version)).values(routed=True))
    return created


# -- deliveries ---------------------------------------------------------------------------------

def _delivery(row) -> Delivery:
    return Delivery(**row._mapping)


def due_deliveries(conn: Connection, now: datetime, limit: int) -> list[Delivery]:
    """Deliveries pending or failing whose next attempt is due, oldest first."""
    query = (select(alert_deliveries).where(alert_deliveries.c.status.in_(OPEN_STATES)
                                            & (alert_deliveries.c.next_attempt_at <= now))
             .order_by(alert_deliveries.c.next_attempt_at, alert_deliveries.c.id).limit(limit))
    return [_delivery(r) for r in conn.execute(query)]


def next_attempt(conn: Connection) -> datetime | None:
    """When the next open delivery is due (None: none is open)."""
    return conn.execute(select(func.min(alert_deliveries.c.next_attempt_at))
                        .where(alert_deliveries.c.status.in_(OPEN_STATES))).scalar()


def record_attempt(conn: Connection, delivery_id: int, values: dict) -> None:
    conn.execute(update(alert_deliveries).where(alert_deliveries.c.id == delivery_id).values(**values))


def list_deliveries(conn: Connection, *, status: str | None = None, subscription: str | None = None,
                    event_id: str | None = None, limit: int | None = 100, offset: int = 0) -> list[Delivery]:
    """Deliveries, newest first."""
    query = select(alert_deliveries)
    if status is not None:
        query = query.where(alert_deliveries.c.status == status)
    if subscription is not None:
        query = query.where(alert_deliveries.c.subscription == subscription)
    if event_id is not None:
        query = query.where(alert_deliveries.c.event_id == event_id)
    query = query.order_by(alert_deliveries.c.id.desc()).limit(limit).offset(offset)
    return [_delivery(r) for r in conn.execute(query)]


# -- reports since a time (the digest) ----------------------------------------------------------

def _documents_since(since: datetime):
    return select(documents.c.id).where(documents.c.ingested_at >= since)


def events_reported_since(conn: Connection, since: datetime) -> list[tuple[str, bool]]:
    """(event id, whether the event is new: made at ``since`` or later) of the events that
    gained a report (a member, or a claim naming them) from a document stored at ``since`` or
    later, newest event first."""
    recent = _documents_since(since)
    by_member = (select(event_members.c.event_id.label("event_id"))
                 .join(mentions, mentions.c.id == event_members.c.mention_id)
                 .where(mentions.c.document_id.in_(recent)))
    by_claim = select(claims.c.subject.label("event_id")).where(
        claims.c.subject.isnot(None) & claims.c.document_id.in_(recent))
    touched = union_all(by_member, by_claim).subquery()
    rows = conn.execute(select(events.c.id, events.c.created_at).where(events.c.id.in_(select(touched.c.event_id)))
                        .order_by(events.c.created_at.desc(), events.c.id)).all()
    return [(r.id, r.created_at >= since) for r in rows]


def claims_reported_since(conn: Connection, since: datetime) -> list[FactRecord]:
    """Claims from documents stored at ``since`` or later, with their event, by report date."""
    where = claims.c.document_id.in_(_documents_since(since))
    return [FactRecord(stored, event, doc, text) for stored, event, doc, text in _claim_rows(conn, where)]


def claims_of(conn: Connection, pairs: Collection[tuple[str, str]]) -> list[FactRecord]:
    """Every claim of each (event id, property), by report date."""
    if not pairs:
        return []
    members = select(event_members.c.mention_id, event_members.c.event_id).subquery()
    conditions = []
    for event_id, prop in sorted(set(pairs)):
        conditions.append(and_(claims.c.property == prop, or_(
            claims.c.subject == event_id,
            claims.c.mention_id.in_(select(members.c.mention_id).where(members.c.event_id == event_id)))))
    return [FactRecord(stored, event, doc, text)
            for stored, event, doc, text in _claim_rows(conn, or_(*conditions))]
