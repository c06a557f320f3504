"""SQL for canonical events, their members and manual decisions: loading what a resolution run
needs, writing what it did, and event / fact queries with their evidence.

An event's claims are the claims of its member mentions plus those whose subject is its id. Only
the report of an article counts (``revisions``): the mentions and claims of its older revisions
are in no event, claim list or series.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

from sqlalchemy import (ARRAY, Connection, Exists, Row, and_, any_, bindparam, delete, exists, false, func, insert,
                        literal_column, or_, select, true, union, update)

from ..dates import date_interval
from ..models import Claim, Mention, Span
from ..resolve import (CanonicalEvent, Decision, FieldChoice, MatchExplanation, Member,
                       ResolutionResult, SourcedValue)
from ..resolve.intervals import mention_interval
from . import day_counts, evidence_index
from .errors import AmbiguousKey, StoreError
from .extractions import _stored_mention
from .rows import StoredClaim, StoredMention
from .schema import claims, decisions, documents, event_members, events, mention_sources, mentions


@dataclass(frozen=True)
class DocumentRef:
    """The document a fact comes from (no text)."""
    id: int
    hash: str
    name: str
    url: str | None
    title: str | None
    site: str | None
    published: date | None
    published_method: str


@dataclass(frozen=True)
class EventRow:
    """One canonical event as listed: reconciled fields and counts.

    date_start/date_end: the days the chosen date covers (for a long-running event, the span of
    its members' dates); sources: every attributed source over its mentions;
    first_report/last_report: the earliest and latest publication dates of its documents."""
    id: str
    type: str
    label: str | None
    long_running: str | None
    date_value: str | None
    date_precision: str | None
    date_bound: str | None
    date_start: date | None
    date_end: date | None
    weapon: str | None
    weapon_class: str | None
    count: int | None
    place: str | None
    lat: float | None
    lon: float | None
    place_precision: str | None
    disputed: list[str]
    sources: list[str]
    actors: list[str]
    conducted_by: list[str]
    documents: int
    mentions: int
    first_report: date | None
    last_report: date | None
    resolver_version: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class StoredEvent:
    """A canonical event with its members (and why each joined), its claims, the documents they
    come from (by hash) and the evidence text of every member and claim (by id)."""
    row: EventRow
    event: CanonicalEvent
    documents: dict[str, DocumentRef]
    texts: dict[str, str]


@dataclass(frozen=True)
class FactRecord:
    """A stored mention or claim with its event (None when in none) and evidence."""
    fact: StoredMention | StoredClaim
    event_id: str | None
    document: DocumentRef
    text: str


@dataclass
class ResolutionContext:
    """What a resolution run starts from: the events the new mentions could touch (candidates,
    long-running events, events holding the document's earlier mentions), every decision, the
    new documents' publication dates and the evidence text of every mention involved.
    ``documents``: hashes of the documents whose extraction is being replaced (their earlier
    mentions and claims that are not given again leave their events)."""
    documents: set[str] = field(default_factory=set)
    existing: list[CanonicalEvent] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    doc_dates: dict[str, date | None] = field(default_factory=dict)
    evidence_text: dict[str, str] = field(default_factory=dict)


class EventResolver(Protocol):
    """What the store needs of a resolver (``nkwatch.resolve_run.Resolver`` has it all)."""
    version: str
    report_window_days: int
    undated_joins: bool

    def long_running_slugs(self, types: Collection[str]) -> set[str]: ...
    def __call__(self, mentions: list[Mention], claims: list[Claim],
                 context: ResolutionContext) -> ResolutionResult: ...
    def reconcile(self, event: CanonicalEvent) -> CanonicalEvent: ...


# -- loading ------------------------------------------------------------------------------------

def _text_of(table):
    """The evidence text of a row of ``table`` (ev_start/ev_end into its document's text)."""
    return func.substr(documents.c.text, table.c.ev_start + 1, table.c.ev_end - table.c.ev_start)


def _doc_ref(row) -> DocumentRef:
    return DocumentRef(row.document_id, row.hash, row.name, row.url, row.title, row.site,
                       row.published, row.published_method)


_DOC_COLUMNS = (documents.c.hash, documents.c.name, documents.c.url, documents.c.title,
                documents.c.site, documents.c.published, documents.c.published_method)


def _explanation(row) -> MatchExplanation:
    return MatchExplanation(row.rule, row.score, dict(row.features), list(row.agreed), list(row.notes))


def _field_choice(data: dict) -> FieldChoice:
    return FieldChoice(data["value"], data["reason"],
                       [SourcedValue(v["value"], list(v["sources"]), list(v["mention_ids"]))
                        for v in data.get("values", [])],
                       bool(data.get("disputed")), data.get("bound"))


def _field_dict(choice: FieldChoice) -> dict:
    return {"value": choice.value, "reason": choice.reason, "disputed": choice.disputed,
            "bound": choice.bound,
            "values": [{"value": v.value, "sources": list(v.sources), "mention_ids": list(v.mention_ids)}
                       for v in choice.values]}


def load_events(conn: Connection, ids: Collection[str]) -> tuple[list[CanonicalEvent], dict[str, str],
                                                                   dict[str, DocumentRef]]:
    """The events ``ids`` with members and claims; (events, evidence text by mention/claim id,
    documents by hash). Unknown ids are left out."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return [], {}, {}
    found: dict[str, CanonicalEvent] = {}
    for row in conn.execute(select(events).where(events.c.id.in_(ids))):
        found[row.id] = CanonicalEvent(row.id, row.type, long_running=row.long_running, label=row.label,
                                       fields={k: _field_choice(v) for k, v in row.fields.items()})
    texts: dict[str, str] = {}
    docs: dict[str, DocumentRef] = {}
    member_query = (
        select(mentions, event_members.c.event_id, event_members.c.rule, event_members.c.score,
               event_members.c.features, event_members.c.agreed, event_members.c.notes,
               *_DOC_COLUMNS)  # mentions.evidence_text included
        .join(event_members, event_members.c.mention_id == mentions.c.id)
        .join(documents, documents.c.id == mentions.c.document_id)
        .where(event_members.c.event_id.in_(list(found)))
        .order_by(documents.c.published.asc().nulls_last(), mentions.c.document_id, mentions.c.ev_start,
                  mentions.c.id))
    for row in conn.execute(member_query):
        found[row.event_id].members.append(Member(_stored_mention(row).mention, _explanation(row)))
        texts[row.id] = row.evidence_text
        docs[row.hash] = _doc_ref(row)
    for stored, event_id, doc, text in _claim_rows(conn, or_(
            claims.c.mention_id.in_(select(event_members.c.mention_id)
                                    .where(event_members.c.event_id.in_(list(found)))),
            claims.c.subject.in_(list(found)))):
        target = event_id if event_id in found else stored.claim.subject
        if target in found and all(c.id != stored.id for c in found[target].claims):
            found[target].claims.append(stored.claim)
        texts[stored.id] = text
        docs[doc.hash] = doc
    return [found[i] for i in ids if i in found], texts, docs


def _claim_rows(conn: Connection, where, limit: int | None = None,
                offset: int = 0) -> Iterable[tuple[StoredClaim, str | None, DocumentRef, str]]:
    """(stored claim, its event id, document, evidence text) of the claims matching ``where``."""
    subject_event = events.alias("subject_event")
    query = (select(claims, *_DOC_COLUMNS, _text_of(claims).label("evidence_text"),
                    func.coalesce(event_members.c.event_id, subject_event.c.id).label("event_id"))
             .join(documents, documents.c.id == claims.c.document_id)
             .outerjoin(event_members, event_members.c.mention_id == claims.c.mention_id)
             .outerjoin(subject_event, subject_event.c.id == claims.c.subject)
             .where(where & documents.c.current_revision)
             .order_by(documents.c.published.asc().nulls_last(), claims.c.document_id, claims.c.ev_start,
                       claims.c.id)
             .limit(limit).offset(offset))
    for row in conn.execute(query):
        claim = Claim(doc=row.hash, property=row.property, value=row.value,
                      evidence=Span(row.ev_start, row.ev_end), value_max=row.value_max, bound=row.bound,
                      unit=row.unit, period=row.period, source=row.source, mention_id=row.mention_id,
                      subject=row.subject)
        yield (StoredClaim(row.id, row.document_id, row.pipeline_version, claim), row.event_id,
               _doc_ref(row), row.evidence_text)


def resolution_context(conn: Connection, document: Row | None, new: list[Mention],
                       new_claims: list[Claim], resolver: EventResolver, event_ids: Collection[str] = (),
                       mention_ids: Collection[str] = (), also_documents: Collection[int] = ()) -> ResolutionContext:
    """Load what resolving ``new`` and ``new_claims`` (the facts of ``document``, as
    ``extractions.stored_text`` reads it) can touch, plus the events ``event_ids`` and those
    holding ``mention_ids`` (manual decisions). ``also_documents``: revisions the document
    replaces as its article's report; their facts are its earlier facts (they leave their events
    unless given again)."""
    wanted: set[str] = set(event_ids) | {c.subject for c in new_claims if c.subject}
    # the earlier mentions' events: a document without facts has none of its own
    earlier = ([document.id] if document is not None and document.has_facts else []) + list(also_documents)
    if earlier:
        wanted |= set(conn.execute(
            select(event_members.c.event_id).join(mentions, mentions.c.id == event_members.c.mention_id)
            .where(mentions.c.document_id.in_(earlier))).scalars())
    if mention_ids:
        wanted |= set(conn.execute(select(event_members.c.event_id)
                                   .where(event_members.c.mention_id.in_(list(mention_ids)))).scalars())
    types = {m.type for m in new}
    slugs = resolver.long_running_slugs(types)
    if slugs:
        wanted |= set(conn.execute(select(events.c.id).where(events.c.id.in_(sorted(slugs)))).scalars())
    windows = []
    for m in new:
        span = mention_interval(m.date, resolver.report_window_days)
        if span is not None:
            windows.append(and_(events.c.type == m.type, events.c.members_start <= span[1],
                                events.c.members_end >= span[0]))
        elif resolver.undated_joins:
            windows.append(events.c.type == m.type)
    if resolver.undated_joins and types:
        windows.append(events.c.type.in_(sorted(types)) & events.c.members_start.is_(None))
    if windows:
        wanted |= set(conn.execute(select(events.c.id).where(
            or_(*windows) & events.c.long_running.is_(None))).scalars())
    existing, texts, _ = load_events(conn, sorted(wanted))
    context = ResolutionContext(existing=existing, decisions=list_decisions(conn), evidence_text=texts)
    if document is not None:
        context.documents.add(document.hash)
        context.doc_dates[document.hash] = document.published
    if also_documents:
        for row in conn.execute(select(documents.c.hash, documents.c.published)
                                .where(documents.c.id.in_(list(also_documents)))):
            context.documents.add(row.hash)
            context.doc_dates[row.hash] = row.published
    return context


# -- writing ------------------------------------------------------------------------------------

def _hull(event: CanonicalEvent, window: int) -> tuple[date | None, date | None]:
    spans = [s for m in event.members if (s := mention_interval(m.mention.date, window)) is not None]
    if not spans:
        return None, None
    return min(s[0] for s in spans), max(s[1] for s in spans)


def _coordinates(event: CanonicalEvent) -> tuple[float | None, float | None, str | None]:
    """Coordinates and precision of the chosen place: from a member that gave it, when located."""
    choice = event.fields.get("place")
    if choice is None:
        return None, None, None
    chosen = next((set(v.mention_ids) for v in choice.values if v.value == choice.value), set())
    places = [m.mention.place for m in event.members if m.id in chosen and m.mention.place]
    located = [p for p in places if p.lat is not None and p.lon is not None]
    best = (located or places or [None])[0]
    if best is None:
        return None, None, None
    return best.lat, best.lon, best.precision


def event_values(event: CanonicalEvent, window: int, version: str, now: datetime) -> dict[str, Any]:
    """Column values of a reconciled event (created_at left to the caller)."""
    date_choice = event.fields.get("date")
    hull = _hull(event, window)
    interval = date_interval(event.date) if event.date else None
    if event.long_running:
        interval = hull if hull[0] else None
    lat, lon, place_precision = _coordinates(event)
    return {
        "id": event.id, "type": event.type, "long_running": event.long_running, "label": event.label,
        "date_value": event.date, "date_precision": event.date_precision,
        "date_bound": (date_choice.bound or "on") if date_choice and event.date else None,
        "date_start": interval[0] if interval else None, "date_end": interval[1] if interval else None,
        "members_start": hull[0], "members_end": hull[1],
        "weapon": event.value("weapon"), "weapon_class": event.weapon_class, "count": event.count,
        "place": event.value("place"), "lat": lat, "lon": lon, "place_precision": place_precision,
        "conducted_by": conducted_column(event.value("conducted_by") or []),
        "disputed": event.disputed,
        "fields": {name: _field_dict(choice) for name, choice in event.fields.items()},
        "resolver_version": version, "updated_at": now,
    }


def conducted_column(states: list[str]) -> str | None:
    """The events.conducted_by column: the states between bars, so that one is found with LIKE."""
    return "".join(f"|{s}" for s in states) + "|" if states else None


def _member_values(mention_id: str, event_id: str, x: MatchExplanation) -> dict:
    return {"mention_id": mention_id, "event_id": event_id, "rule": x.rule, "score": float(x.score),
            "features": dict(x.features), "agreed": list(x.agreed), "notes": list(x.notes)}


def save_result(conn: Connection, result: ResolutionResult, context: ResolutionContext,
                window: int, version: str, now: datetime, rewritten: Collection[str] = ()) -> None:
    """Write what a resolution run did: removed events deleted, new and changed events upserted,
    members whose event or explanation changed rewritten (and those in ``rewritten``, whose rows
    went with their re-extracted mentions); mentions.event_id kept in step."""
    before = {m.id: (e.id, m.explanation) for e in context.existing for m in e.members}
    if result.removed_events:
        conn.execute(delete(events).where(events.c.id.in_(result.removed_events)))
    stored = set(conn.execute(select(events.c.id).where(
        events.c.id.in_([e.id for e in result.events]))).scalars()) if result.events else set()
    changed: dict[str, tuple[str, MatchExplanation]] = {}
    values = [event_values(event, window, version, now) for event in result.events]
    _update_many(conn, events, [v for v in values if v["id"] in stored])
    if len(stored) < len(values):
        conn.execute(insert(events), [v | {"created_at": now} for v in values if v["id"] not in stored])
    for event in result.events:
        for member in event.members:
            if before.get(member.id) != (event.id, member.explanation) or member.id in rewritten:
                changed[member.id] = (event.id, member.explanation)
    for mention_id in rewritten:
        if mention_id in result.assignments and mention_id not in changed:
            changed[mention_id] = (result.assignments[mention_id], result.explanations[mention_id])
    if changed:
        conn.execute(delete(event_members).where(event_members.c.mention_id.in_(list(changed))))
        conn.execute(insert(event_members), [_member_values(mid, event_id, x)
                                             for mid, (event_id, x) in changed.items()])
        _update_many(conn, mentions, [{"id": mid, "event_id": event_id} for mid, (event_id, _) in changed.items()])
    set_timeline_days(conn, [e.id for e in result.events])


def _update_many(conn: Connection, table, rows: list[dict]) -> None:
    """Update rows of ``table`` by id, each with its own values (the same columns in every row),
    in one statement executed for all of them."""
    if not rows:
        return
    columns = [name for name in rows[0] if name != "id"]
    statement = (update(table).where(table.c.id == bindparam("row_id"))
                 .values({name: bindparam(f"new_{name}") for name in columns}))
    conn.execute(statement, [{"row_id": row["id"], **{f"new_{name}": row[name] for name in columns}}
                             for row in rows])


def set_timeline_days(conn: Connection, ids: list[str]) -> None:
    """Set the timeline day of the events ``ids`` (once their members are written): the first day
    of their date, else the earliest publication day of their reports (migration 0009)."""
    if not ids:
        return
    first_report = (select(func.min(documents.c.published))
                    .join(mentions, mentions.c.document_id == documents.c.id)
                    .join(event_members, event_members.c.mention_id == mentions.c.id)
                    .where(event_members.c.event_id == events.c.id).scalar_subquery())
    conn.execute(update(events).where(events.c.id.in_(ids))
                 .values(timeline_day=func.coalesce(events.c.date_start, first_report)))


def refresh_stale(conn: Connection, resolver: EventResolver, now: datetime, limit: int) -> list[str]:
    """Reconcile again the fields of up to ``limit`` events stored by another resolver version
    (members and claims stay as they are); returns their ids."""
    ids = list(conn.execute(select(events.c.id).where(events.c.resolver_version != resolver.version)
                            .order_by(events.c.id).limit(limit)).scalars())
    loaded, _, _ = load_events(conn, ids)
    for event in loaded:
        values = event_values(resolver.reconcile(event), resolver.report_window_days, resolver.version, now)
        conn.execute(update(events).where(events.c.id == event.id).values(**values))
    set_timeline_days(conn, ids)
    return ids


# -- decisions ----------------------------------------------------------------------------------

def add_decision(conn: Connection, decision: Decision, author: str | None, now: datetime) -> Decision:
    """Record ``decision`` (dated now when undated); returns it as stored."""
    at = decision.at or now
    conn.execute(insert(decisions).values(kind=decision.kind, event_ids=list(decision.event_ids),
                                          mention_ids=list(decision.mention_ids), at=at,
                                          note=decision.note, author=author))
    return Decision(decision.kind, tuple(decision.event_ids), tuple(decision.mention_ids), at, decision.note)


_DECISIONS = select(decisions).order_by(decisions.c.at, decisions.c.id)  # read by every resolution: built once


def list_decisions(conn: Connection) -> list[Decision]:
    return [Decision(r.kind, tuple(r.event_ids), tuple(r.mention_ids), r.at, r.note)
            for r in conn.execute(_DECISIONS)]


# -- queries ------------------------------------------------------------------------------------

def _conditions(conn: Connection, *, ids: Collection[str] | None = None, type: str | None = None,
                since: date | None = None, until: date | None = None, weapon_class: str | None = None,
                source: str | None = None, long_running: bool | None = None, place: str | None = None,
                text: str | None = None, conducted_by: str | None = None,
                period: tuple[date, date] | None = None) -> list:
    """The WHERE conditions of the event filters (see ``query_events``)."""
    where = []
    if ids is not None:
        where.append(_among(events.c.id, list(ids), conn))
    if type is not None:
        where.append(events.c.type == type)
    if weapon_class is not None:
        where.append(events.c.weapon_class == weapon_class)
    if since is not None:
        where.append(events.c.date_end >= since)
    if until is not None:
        where.append(events.c.date_start <= until)
    if period is not None:
        where.append(events.c.timeline_day.between(*period))
    if long_running is not None:
        where.append(events.c.long_running.isnot(None) if long_running else events.c.long_running.is_(None))
    if source is not None:
        where.append(exists().where(
            (event_members.c.event_id == events.c.id)
            & (mention_sources.c.mention_id == event_members.c.mention_id)
            & (func.lower(mention_sources.c.source) == source.lower())))
    if conducted_by is not None:
        where.append(events.c.conducted_by.icontains(f"|{conducted_by}|", autoescape=True))
    if place is not None:
        where.append(events.c.place.icontains(place, autoescape=True))
    if text is not None:
        where.append(_text_matches(conn, text))
    return where


def query_events(conn: Connection, *, newest_first: bool = False, recently_updated: bool = False,
                 limit: int | None = 100, offset: int = 0, **filters: Any) -> list[EventRow]:
    """Events matching every filter, in timeline order: by date, an undated event at the day it was
    first reported (``timeline_day``), those with neither last; ``newest_first`` reverses it;
    ``recently_updated``: the events changed last first (``updated_at``) instead.
    ids: only these; since/until keep events whose date interval overlaps them; period: events
    whose timeline day falls in it; source: an attributed source of one of its mentions;
    conducted_by: one of the states that carried it out (case-insensitive); place: part of the
    place name; text: part of the label, weapon, place, a source or the evidence of a member
    (place and text case-insensitive)."""
    day = _day_column(filters)
    if recently_updated:
        order = (events.c.updated_at.desc(), events.c.id.desc())
    elif newest_first:
        order = (day.desc().nulls_last(), events.c.date_end.desc().nulls_last(), events.c.id)
    else:
        order = (day.asc().nulls_last(), events.c.date_end.asc().nulls_last(), events.c.id)
    query = select(events).where(*_conditions(conn, **filters)).order_by(*order).limit(limit).offset(offset)
    rows = conn.execute(query).all()
    counts = _counts(conn, [r.id for r in rows])
    return [_event_row(r, counts.get(r.id)) for r in rows]


# The timeline newest first (the web app's default order): ``timeline_day DESC NULLS LAST,
# date_end DESC NULLS LAST, id``, which ix_events_timeline read backwards does not give (nulls and
# the id come out the other way round), so every event was read and sorted for a first page, and a
# text filter tested every event before it. Dialect-specific (SQLite writes no NULLS LAST in an
# index, where DESC puts them last already), so created by migration 0012, not by schema.py.
NEWEST_INDEX = "ix_events_timeline_newest"
_NEWEST_DDL = {
    "postgresql": f"CREATE INDEX IF NOT EXISTS {NEWEST_INDEX} ON events "
                  f"(timeline_day DESC NULLS LAST, date_end DESC NULLS LAST, id)",
    "sqlite": f"CREATE INDEX IF NOT EXISTS {NEWEST_INDEX} ON events (timeline_day DESC, date_end DESC, id)",
}


def install_newest_index(conn: Connection) -> None:
    """Create ``NEWEST_INDEX`` (migration 0012)."""
    if conn.dialect.name in _NEWEST_DDL:
        conn.exec_driver_sql(_NEWEST_DDL[conn.dialect.name])


def _day_column(filters: dict[str, Any]):
    """The column of an event's timeline day for these filters: with a date filter every event
    kept is dated, and its timeline day is its date_start, which the dates indexes (migration
    0003) hold with the dates the filter tests."""
    return events.c.date_start if filters.get("since") or filters.get("until") else events.c.timeline_day


@dataclass(frozen=True)
class EventCount:
    """How many events matching a filter are of ``type`` and stand at ``day`` on the timeline, and
    how many of them are dated (the others stand at their first report; day None: neither)."""
    type: str
    day: date | None
    events: int
    dated: int


def query_timeline(conn: Connection, *, newest_first: bool = False, limit: int | None = 100, offset: int = 0,
                   **filters: Any) -> tuple[list[EventRow], list[EventCount] | None]:
    """A page of ``query_events`` and every event matching the filters counted by type, timeline
    day and whether it is dated (a timeline's total and chart, read from an index). The counts
    are None for a text filter that more than ``TEXT_SET_MAX`` reports or events match: counting
    those would test every event of the store, where a page stops at its first matches."""
    text = filters.pop("text", None)
    matched = text_event_ids(conn, text) if text is not None else None
    if matched is not None:  # looked up once, for the page and the counts
        filters["ids"] = matched if filters.get("ids") is None else sorted(set(matched) & set(filters["ids"]))
    elif text is not None:
        return query_events(conn, newest_first=newest_first, limit=limit, offset=offset, text=text, **filters), None
    rows = query_events(conn, newest_first=newest_first, limit=limit, offset=offset, **filters)
    if not any(v is not None for k, v in filters.items() if k != "type"):  # kept counted by triggers
        return rows, [EventCount(*c) for c in day_counts.counts(conn, filters.get("type"))]
    # grouped in the order of an index holding every column read (ix_events_type_timeline, or
    # with a date filter ix_events_type_dates): no row read, no sort
    day = _day_column(filters)
    query = (select(events.c.type, day.label("day"), func.count().label("n"),
                    func.count(events.c.date_end).label("dated"))
             .where(*_conditions(conn, **filters)).group_by(events.c.type, day))
    return rows, [EventCount(r.type, r.day, r.n, r.dated) for r in conn.execute(query)]


# Up to this many matching mentions (by source or evidence) and events (by label, weapon or place),
# the text filter collects the matching events first and lists them in order; beyond it, matches
# are common and walking the events in order, testing each, reaches a page sooner. Both give the
# same events.
TEXT_SET_MAX = 5000


def _more_than(conn: Connection, query, n: int) -> bool:
    """Does ``query`` give more than ``n`` rows? (It is read up to the n + 1st.)"""
    return conn.execute(select(func.count()).select_from(query.limit(n + 1).subquery())).scalar_one() > n


def _for_each_event(where) -> Exists:
    """EXISTS (rows matching ``where``), tested event by event as the walk comes to them. OFFSET 0
    keeps PostgreSQL from answering it for every event at once (a hashed subplan, which reads
    every match before the first event)."""
    return select(literal_column("1")).where(where).offset(0).exists()


def _values_holding(conn: Connection, column, text: str) -> list[str]:
    """The distinct values of ``column`` that hold ``text`` (case-insensitive). The column's index
    is walked from one value to the next (a loose index scan: as many steps as there are distinct
    values, however many rows hold them); sources, weapons, places and labels are vocabularies."""
    values = select(select(func.min(column)).scalar_subquery().label("value")).cte("values", recursive=True)
    following = select(func.min(column)).where(column > values.c.value).scalar_subquery()
    values = values.union_all(select(following).where(values.c.value.isnot(None)))
    return list(conn.execute(select(values.c.value).where(
        values.c.value.isnot(None) & values.c.value.icontains(text, autoescape=True))).scalars())


def _among(column, values: list, conn: Connection | None = None):
    """``column IN values``; for no values, false (an empty IN, which the planner does not see to
    be false, would read the whole table). On PostgreSQL (``conn``) many values go as one array,
    ``= ANY(:values)``: thousands of parameters cost more to render, send and parse than the
    query they select with."""
    if not values:
        return false()
    if conn is not None and conn.dialect.name == "postgresql" and len(values) > ARRAY_FROM:
        return column == any_(bindparam(None, values, type_=ARRAY(column.type)))
    return column.in_(values)


ARRAY_FROM = 100  # more values than this go as an array (PostgreSQL)


def _text_queries(conn: Connection, text: str):
    """What the text filter looks in: the condition on the events' own label, weapon or place (the
    values holding the text, found by walking their indexes); the sources holding the text;
    mentions by source; mentions by evidence (through the substring index)."""
    own = or_(*(_among(column, _values_holding(conn, column, text))
                for column in (events.c.label, events.c.weapon, events.c.place)))
    sources = _values_holding(conn, mention_sources.c.source, text)
    by_source = select(mention_sources.c.mention_id).where(_among(mention_sources.c.source, sources))
    return own, sources, by_source, evidence_index.matching_mentions(conn, text)


def text_event_ids(conn: Connection, text: str, queries=None) -> list[str] | None:
    """The ids of the events the text filter keeps, when few reports and events match (up to
    ``TEXT_SET_MAX`` of each, collected through the indexes by one statement over the matching
    mentions); None when more do. ``queries``: those of ``_text_queries``, when already made."""
    own, _, by_source, by_evidence = queries or _text_queries(conn, text)
    by_own = select(events.c.id).where(own)
    if any(_more_than(conn, query, TEXT_SET_MAX) for query in (by_source, by_evidence, by_own)):
        return None
    if conn.dialect.name == "postgresql":
        # each matching mention's event looked up by the member's key (a mention is in one event
        # at most): as a join (IN), PostgreSQL read every member to hash them, for a few thousand
        matched = union(by_source, by_evidence).subquery()
        event_of = select(event_members.c.event_id).where(
            event_members.c.mention_id == list(matched.c)[0]).lateral()
        members = select(event_of.c.event_id).select_from(matched.join(event_of, true()))
    else:
        members = select(event_members.c.event_id).where(event_members.c.mention_id.in_(union(by_source, by_evidence)))
    return sorted(conn.execute(union(members, by_own)).scalars())


def _text_matches(conn: Connection, text: str):
    """Events whose label, weapon or place, a member's source or a member's evidence text holds
    ``text`` (case-insensitive; LIKE wildcards in it are taken literally)."""
    queries = _text_queries(conn, text)
    ids = text_event_ids(conn, text, queries)
    if ids is not None:  # the ids themselves: so the planner sees how few they are (it reads them, then sorts)
        return _among(events.c.id, ids, conn)
    own, sources, _, _ = queries
    member = event_members.c.event_id == events.c.id
    in_evidence = _for_each_event(member & (mentions.c.id == event_members.c.mention_id)
                                  & mentions.c.evidence_text.icontains(text, autoescape=True))
    if not sources:
        return own | in_evidence
    in_source = _for_each_event(member & (mention_sources.c.mention_id == event_members.c.mention_id)
                                & mention_sources.c.source.in_(sources))
    return or_(own, in_source, in_evidence)


def _counts(conn: Connection, ids: list[str]) -> dict[str, Any]:
    if not ids:
        return {}
    query = (select(event_members.c.event_id, func.count().label("mentions"),
                    func.count(mentions.c.document_id.distinct()).label("documents"),
                    func.min(documents.c.published).label("first"), func.max(documents.c.published).label("last"))
             .join(mentions, mentions.c.id == event_members.c.mention_id)
             .join(documents, documents.c.id == mentions.c.document_id)
             .where(event_members.c.event_id.in_(ids)).group_by(event_members.c.event_id))
    return {r.event_id: r for r in conn.execute(query)}


def _event_row(row, counts) -> EventRow:
    sources = (row.fields.get("sources") or {}).get("value") or []
    actors = (row.fields.get("actors") or {}).get("value") or []
    conducted = (row.fields.get("conducted_by") or {}).get("value") or []
    return EventRow(
        id=row.id, type=row.type, label=row.label, long_running=row.long_running,
        date_value=row.date_value, date_precision=row.date_precision, date_bound=row.date_bound,
        date_start=row.date_start, date_end=row.date_end, weapon=row.weapon,
        weapon_class=row.weapon_class, count=row.count, place=row.place, lat=row.lat, lon=row.lon,
        place_precision=row.place_precision, disputed=list(row.disputed), sources=list(sources),
        actors=list(actors), conducted_by=list(conducted),
        documents=counts.documents if counts else 0, mentions=counts.mentions if counts else 0,
        first_report=counts.first if counts else None, last_report=counts.last if counts else None,
        resolver_version=row.resolver_version, created_at=row.created_at, updated_at=row.updated_at)


def stored_events(conn: Connection, ids: Collection[str]) -> list[StoredEvent]:
    """Full events (members, claims, documents, evidence texts) for ``ids``, in the given order."""
    ids = list(ids)
    rows = {r.id: r for r in query_events(conn, ids=ids, limit=None)}
    loaded, texts, docs = load_events(conn, ids)
    out = []
    for event in loaded:
        hashes = {m.mention.doc for m in event.members} | {c.doc for c in event.claims}
        keys = set(event.member_ids) | {c.id for c in event.claims}
        out.append(StoredEvent(rows[event.id], event, {h: docs[h] for h in hashes},
                               {k: texts[k] for k in keys if k in texts}))
    return out


def find_event(conn: Connection, key: str) -> str | None:
    """The id of the event named ``key``: its exact id or a unique prefix (AmbiguousKey otherwise)."""
    if conn.execute(select(events.c.id).where(events.c.id == key)).first():
        return key
    found = list(conn.execute(select(events.c.id).where(
        (events.c.id >= key) & (events.c.id < key + "\uffff")).limit(2)).scalars())
    if len(found) > 1:
        raise AmbiguousKey(f"event prefix {key!r} matches several events; give more characters")
    return found[0] if found else None


def mention_records(conn: Connection, *, event_id: str | None = None, type: str | None = None,
                    limit: int | None = None) -> list[FactRecord]:
    """Stored mentions of articles' reports with their event and evidence, by document and position."""
    query = (select(mentions, *_DOC_COLUMNS)  # mentions.evidence_text included
             .join(documents, documents.c.id == mentions.c.document_id).where(documents.c.current_revision))
    if event_id is not None:
        query = query.where(mentions.c.event_id == event_id)
    if type is not None:
        query = query.where(mentions.c.type == type)
    query = query.order_by(mentions.c.document_id, mentions.c.ev_start, mentions.c.id).limit(limit)
    return [FactRecord(_stored_mention(r), r.event_id, _doc_ref(r), r.evidence_text)
            for r in conn.execute(query)]


def claim_records(conn: Connection, *, event_id: str | None = None, property: str | None = None,
                  source: str | None = None, limit: int | None = None, offset: int = 0) -> list[FactRecord]:
    """Stored claims with their event and evidence, by report date, document and position;
    source compared case-insensitively."""
    where = true()
    if property is not None:
        where = where & (claims.c.property == property)
    if source is not None:
        where = where & (func.lower(claims.c.source) == source.lower())
    if event_id is not None:
        where = where & (claims.c.mention_id.in_(select(event_members.c.mention_id)
                                                 .where(event_members.c.event_id == event_id))
                         | (claims.c.subject == event_id))
    return [FactRecord(stored, event, doc, text)
            for stored, event, doc, text in _claim_rows(conn, where, limit, offset)]


def check_decision(conn: Connection, decision: Decision) -> None:
    """Refuse a decision naming events or mentions that are not stored in events."""
    known = set(conn.execute(select(events.c.id).where(events.c.id.in_(list(decision.event_ids)))).scalars())
    missing = [e for e in decision.event_ids if e not in known]
    if missing:
        raise StoreError(f"no such event: {', '.join(missing)}")
    members = set(conn.execute(select(event_members.c.mention_id).where(
        event_members.c.mention_id.in_(list(decision.mention_ids)))).scalars())
    missing = [m for m in decision.mention_ids if m not in members]
    if missing:
        raise StoreError(f"mentions in no event: {', '.join(missing)}")
