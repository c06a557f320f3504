"""``Store``: the one object through which every other layer reads and writes the database.

Every write is one transaction: a document (``add_document``) or one document's extraction
(``save_extraction``). A failure rolls back that transaction only; what was stored before stays.
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import date, datetime, timezone
from typing import Any, Collection, Iterable, Iterator

from alembic.util import CommandError
from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.exc import SQLAlchemyError

from ..dates import date_interval
from ..duplicates import merge_duplicates
from ..models import Document, Extraction
from ..resolve import Decision, ResolutionResult
from ..settings import Settings
from . import alerts as alert_sql
from . import documents as doc_sql
from . import events as ev_sql
from . import extractions as ext_sql
from . import fts, migrate, revisions
from . import watch as watch_sql
from .alerts import AlertVersion, Delivery
from .engine import display_url, make_engine, write_options
from .errors import StoreError
from .events import EventCount, EventResolver, EventRow, FactRecord, StoredEvent
from .rows import AddResult, DocumentRow, SearchHit, StoredClaim, StoredDocument, StoredMention, StoredText
from .schema import claims, documents, mentions
from .watch import SeenItem, WatchSource


class Store:
    """The database behind ``settings.db_url``; use ``Store.open`` in a ``with`` block."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url  # for messages, password hidden

    @classmethod
    def open(cls, settings: Settings, upgrade: bool = True) -> "Store":
        """Connect and (unless ``upgrade`` is False) migrate the schema to the newest revision."""
        url = display_url(settings)
        try:
            engine = make_engine(settings)
            if upgrade and migrate.current(engine) != migrate.head():
                migrate.upgrade(engine)
        except (SQLAlchemyError, CommandError, OSError) as exc:
            raise StoreError(f"cannot open the store at {url}: {exc}") from exc
        return cls(engine, url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.engine.connect().execution_options(**write_options()) as conn, conn.begin():
            yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    # -- schema ---------------------------------------------------------------------------

    def revision(self) -> str | None:
        """The schema revision of the database (None when never migrated)."""
        return migrate.current(self.engine)

    def upgrade(self) -> tuple[str | None, str | None]:
        """Migrate to the newest revision; (revision before, revision after)."""
        try:
            return migrate.upgrade(self.engine)
        except (SQLAlchemyError, CommandError) as exc:
            raise StoreError(f"upgrade of {self.url} failed: {exc}") from exc

    # -- writes ---------------------------------------------------------------------------

    def add_document(self, doc: Document) -> AddResult:
        """Store ``doc`` keyed by its content hash.

        The same text again (under any name) changes nothing: status 'unchanged'. A new text
        whose URL (or, without URL, whose name) is already stored becomes the next revision of
        the newest such row ('revision', ``supersedes`` = that row); otherwise 'new'. Either way
        it is the article's report from now on (``revisions``): the revision that was, stays
        stored, its mentions out of their events. An older text of the article given again is
        its report again ('restored'), to be extracted and resolved anew.
        """
        with self._write() as conn:
            return doc_sql.add(conn, doc, _utcnow())

    def save_extraction(self, document_id: int, extraction: Extraction) -> None:
        """Replace the document's mentions and claims by ``extraction``, all or nothing (a fact
        it holds twice is stored once: ``duplicates.merge_duplicates``)."""
        with self._write() as conn:
            doc = ext_sql.stored_text(conn, document_id)
            ext_sql.replace(conn, doc, merge_duplicates(extraction, doc.text))

    def save_resolved(self, document_id: int, extraction: Extraction,
                      resolver: EventResolver) -> ResolutionResult:
        """``save_extraction`` and the resolution of the new mentions into canonical events, in
        one transaction: the events they can join are loaded (with the document's earlier
        mentions, still in place), ``resolver`` decides, and what it did is written. A fact the
        extraction holds twice is resolved and stored once. A revision that is not its article's
        report is stored without resolution: its mentions join no event."""
        with self._write() as conn:
            doc = ext_sql.stored_text(conn, document_id)
            extraction = merge_duplicates(extraction, doc.text)
            if not doc.current_revision:
                ext_sql.replace(conn, doc, extraction)
                return ResolutionResult(skipped=dict.fromkeys(
                    (m.id for m in extraction.mentions), "an older revision, not its article's report"))
            replaced = revisions.replaced_revisions(conn, doc.url, doc.name)
            if not (extraction.mentions or extraction.claims or doc.has_facts or replaced):
                ext_sql.replace(conn, doc, extraction)  # no fact now nor before: nothing to resolve
                return ResolutionResult()
            context = ev_sql.resolution_context(conn, doc, extraction.mentions, extraction.claims, resolver,
                                                also_documents=[i for i, _ in replaced])
            context.evidence_text.update({m.id: doc.text[m.evidence.start:m.evidence.end]
                                          for m in extraction.mentions})
            result = resolver(list(extraction.mentions), list(extraction.claims), context)
            ext_sql.replace(conn, doc, extraction)
            ev_sql.save_result(conn, result, context, resolver.report_window_days, resolver.version,
                               _utcnow(), rewritten={m.id for m in extraction.mentions})
            revisions.leave_events(conn, [i for i, _ in replaced])  # what it did not report again is gone
            return result

    def save_decision(self, decision: Decision, resolver: EventResolver,
                      author: str | None = None) -> ResolutionResult:
        """Record a manual merge or split and apply it at once (every later resolution replays
        it). Raises StoreError when it names unknown events or mentions in no event."""
        with self._write() as conn:
            ev_sql.check_decision(conn, decision)
            ev_sql.add_decision(conn, decision, author, _utcnow())
            context = ev_sql.resolution_context(conn, None, [], [], resolver, event_ids=decision.event_ids,
                                                mention_ids=decision.mention_ids)
            result = resolver([], [], context)
            ev_sql.save_result(conn, result, context, resolver.report_window_days, resolver.version,
                               _utcnow())
            return result

    def refresh_events(self, resolver: EventResolver, batch: int = 1000) -> int:
        """Reconcile again the fields of every event stored by another resolver version (rules or
        fields version changed), ``batch`` events per transaction; returns how many. Which
        mentions an event holds is left as it is: that changes with re-extraction."""
        done: set[str] = set()
        while True:
            with self._write() as conn:
                ids = ev_sql.refresh_stale(conn, resolver, _utcnow(), batch)
            if not ids or done.issuperset(ids):
                return len(done)
            done.update(ids)

    # -- reads ----------------------------------------------------------------------------

    def lookup_many(self, digests: Iterable[str]) -> dict[str, StoredText]:
        """The texts already stored with one of these content hashes, by hash (hashes of texts not
        stored are left out); ``StoredText.result_for(url, name)`` is what ``add_document`` would
        answer for one given as the article at ``url`` (or named ``name``): status 'unchanged', or
        None when it is an older revision of that article, which adding restores."""
        with self._read() as conn:
            return doc_sql.lookup_many(conn, list(digests))

    def documents(self, limit: int | None = 50, offset: int = 0) -> list[DocumentRow]:
        """Stored documents in the order they were stored (all revisions)."""
        with self._read() as conn:
            return doc_sql.listing(conn, limit, offset)

    def get_document(self, key: int | str) -> StoredDocument | None:
        """The document with this id, or whose content hash starts with ``key`` (4+ hex digits).

        Raises ``AmbiguousKey`` when a prefix matches several documents."""
        with self._read() as conn:
            return doc_sql.get(conn, key)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over titles and texts, best first (see ``fts`` for the syntax)."""
        with self._read() as conn:
            return fts.search(conn, query, limit)

    def mentions(self, *, type: str | None = None, since: date | str | None = None,
                 until: date | str | None = None, weapon_class: str | None = None,
                 source: str | None = None, document_id: int | None = None,
                 limit: int | None = 100, offset: int = 0) -> list[StoredMention]:
        """Mentions matching every filter, in date order (undated last).

        since/until: a date or a date value ('2024', '2024-03', '2024-W11'): a mention is kept
        when its date interval overlaps [since, until]; undated mentions never match them.
        source: an attributed source, compared case-insensitively.
        """
        with self._read() as conn:
            return ext_sql.query_mentions(
                conn, type=type, since=_day(since, last=False), until=_day(until, last=True),
                weapon_class=weapon_class, source=source, document_id=document_id,
                limit=limit, offset=offset)

    def claims(self, *, property: str | None = None, source: str | None = None,
               subject: str | None = None, document_id: int | None = None,
               mention_id: str | None = None, limit: int | None = 100,
               offset: int = 0) -> list[StoredClaim]:
        """Claims matching every filter, by document and position."""
        with self._read() as conn:
            return ext_sql.query_claims(conn, property=property, source=source, subject=subject,
                                        document_id=document_id, mention_id=mention_id,
                                        limit=limit, offset=offset)

    def events(self, *, type: str | None = None, since: date | str | None = None,
               until: date | str | None = None, weapon_class: str | None = None,
               source: str | None = None, long_running: bool | None = None,
               place: str | None = None, text: str | None = None, conducted_by: str | None = None,
               period: str | None = None, ids: Collection[str] | None = None, newest_first: bool = False,
               recently_updated: bool = False, limit: int | None = 100, offset: int = 0) -> list[EventRow]:
        """Canonical events matching every filter, in timeline order: by date, an event of unknown
        date at the day it was first reported, events with neither last (``newest_first``:
        latest first, those with neither still last). ids: only these events.

        since/until: a date or a date value; an event is kept when the days its date covers (a
        long-running event: its members' dates) overlap [since, until]. period: a date value
        ('2024-03', '2024-W11'); an event is kept when its place on the timeline (its first
        day, or its first report) falls in it. source: an attributed source of one of its
        mentions (case-insensitive). long_running: only / no long-running. conducted_by: one of
        the states that carried it out ("North Korea"; case-insensitive). place: part of the
        place name; text: part of the label, weapon, place, a source or the evidence text of a
        member (both case-insensitive). recently_updated: the events changed last first
        (``updated_at``), instead of timeline order."""
        filters = _event_filters(type=type, since=since, until=until, weapon_class=weapon_class, source=source,
                                 long_running=long_running, place=place, text=text, conducted_by=conducted_by,
                                 period=period)
        with self._read() as conn:
            return ev_sql.query_events(conn, ids=ids, newest_first=newest_first, recently_updated=recently_updated,
                                       limit=limit, offset=offset, **filters)

    def timeline(self, *, type: str | None = None, since: date | str | None = None,
                 until: date | str | None = None, weapon_class: str | None = None,
                 source: str | None = None, place: str | None = None, text: str | None = None,
                 conducted_by: str | None = None, period: str | None = None, newest_first: bool = False,
                 limit: int | None = 100, offset: int = 0) -> tuple[list[EventRow], list[EventCount] | None]:
        """A page of ``events`` for these filters, and every event they keep counted by type and
        timeline day (its date's first day, or its first report when undated), dated or not:
        the timeline's total and chart. The counts are None when a text filter matches too many
        reports to count them quickly (more than ``events.TEXT_SET_MAX``)."""
        filters = _event_filters(type=type, since=since, until=until, weapon_class=weapon_class, source=source,
                                 place=place, text=text, conducted_by=conducted_by, period=period)
        with self._read() as conn:
            return ev_sql.query_timeline(conn, newest_first=newest_first, limit=limit, offset=offset, **filters)

    def get_event(self, key: str) -> StoredEvent | None:
        """The event with this id (or unique id prefix): members with why each joined, claims,
        documents and evidence texts. Raises ``AmbiguousKey`` for a prefix of several ids."""
        with self._read() as conn:
            event_id = ev_sql.find_event(conn, key)
            found = ev_sql.stored_events(conn, [event_id]) if event_id else []
            return found[0] if found else None

    def event_details(self, ids: list[str]) -> list[StoredEvent]:
        """``get_event`` for many ids at once (in the given order; unknown ids left out)."""
        with self._read() as conn:
            return ev_sql.stored_events(conn, ids)

    def mention_records(self, *, event_id: str | None = None, type: str | None = None,
                        limit: int | None = None) -> list[FactRecord]:
        """Mentions of articles' reports (not of their older revisions) with their event, document
        and evidence text, by document and position."""
        with self._read() as conn:
            return ev_sql.mention_records(conn, event_id=event_id, type=type, limit=limit)

    def claim_records(self, *, event_id: str | None = None, property: str | None = None,
                      source: str | None = None, limit: int | None = None,
                      offset: int = 0) -> list[FactRecord]:
        """Claims of articles' reports (not of their older revisions) with their event (through
        their mention, or their subject naming it), document and evidence text, by report date;
        source: the attributed source (case-insensitive)."""
        with self._read() as conn:
            return ev_sql.claim_records(conn, event_id=event_id, property=property, source=source,
                                        limit=limit, offset=offset)

    def claim_properties(self) -> dict[str, int]:
        """The properties claims are stored for, with how many claims each, most first."""
        with self._read() as conn:
            return ext_sql.claim_properties(conn)

    def decisions(self) -> list[Decision]:
        """Every manual decision, in the order they are replayed."""
        with self._read() as conn:
            return ev_sql.list_decisions(conn)

    def needs_extraction(self, version: str) -> list[int]:
        """Ids of documents never extracted or extracted by another pipeline version."""
        with self._read() as conn:
            return doc_sql.needs_extraction(conn, version)

    def stats(self) -> dict:
        """Counts: documents (and how many are later revisions), mentions by type, claims,
        documents by extraction version (None = not extracted)."""
        with self._read() as conn:
            by_type = dict(conn.execute(select(mentions.c.type, func.count())
                                        .group_by(mentions.c.type).order_by(mentions.c.type)).all())
            by_version = dict(conn.execute(
                select(documents.c.extracted_version, func.count())
                .group_by(documents.c.extracted_version)).all())
            return {"documents": _count(conn, documents),
                    "revisions": _count(conn, documents, documents.c.revision > 1),
                    "mentions": _count(conn, mentions), "mentions_by_type": by_type,
                    "claims": _count(conn, claims), "extracted_versions": by_version}

    # -- live tracking: watched sources ----------------------------------------------------

    def add_watch_sources(self, sources: list[tuple[str, str]]) -> list[WatchSource]:
        """Register each (locator, kind) not registered yet; returns them all, as stored."""
        with self._write() as conn:
            watch_sql.add_sources(conn, sources, _utcnow())
        return self.watch_sources([locator for locator, _ in sources])

    def watch_sources(self, locators: Collection[str] | None = None) -> list[WatchSource]:
        """Registered sources (those of ``locators`` when given) with their poll state."""
        with self._read() as conn:
            return watch_sql.list_sources(conn, locators)

    def seen_items(self, source_id: int) -> dict[str, SeenItem]:
        with self._read() as conn:
            return watch_sql.seen_items(conn, source_id)

    def finish_poll(self, source_id: int, items: list[SeenItem], values: dict[str, Any]) -> None:
        """Record a poll: the items it took in and the source's new state, in one transaction."""
        with self._write() as conn:
            watch_sql.finish_poll(conn, source_id, items, values, _utcnow())

    def update_watch_source(self, source_id: int, values: dict[str, Any]) -> None:
        with self._write() as conn:
            watch_sql.update_source(conn, source_id, values)

    # -- live tracking: alerts -------------------------------------------------------------

    def scan_event_versions(self, batch: int = 1000) -> list[AlertVersion]:
        """New versions of the events changed since the last scan (see ``store.alerts``), ``batch``
        events per transaction; the first scan ever sets the baseline and finds none."""
        found: list[AlertVersion] = []
        while True:
            with self._write() as conn:
                versions, more = alert_sql.scan_versions(conn, _utcnow(), batch)
            found += versions
            if not more:
                return found

    def unrouted_versions(self, limit: int = 1000) -> list[AlertVersion]:
        with self._read() as conn:
            return alert_sql.unrouted(conn, limit)

    def route_versions(self, versions: list[AlertVersion], deliveries: list[dict[str, Any]]) -> int:
        """Create the deliveries of ``versions`` (none twice for one subscription, event and
        version) and mark the versions routed, in one transaction; returns how many were created."""
        with self._write() as conn:
            return alert_sql.route(conn, versions, deliveries, _utcnow())

    def due_deliveries(self, limit: int = 100, now: datetime | None = None) -> list[Delivery]:
        with self._read() as conn:
            return alert_sql.due_deliveries(conn, now or _utcnow(), limit)

    def next_delivery_at(self) -> datetime | None:
        with self._read() as conn:
            return alert_sql.next_attempt(conn)

    def record_delivery_attempt(self, delivery_id: int, values: dict[str, Any]) -> None:
        with self._write() as conn:
            alert_sql.record_attempt(conn, delivery_id, values)

    def deliveries(self, *, status: str | None = None, subscription: str | None = None,
                   event_id: str | None = None, limit: int | None = 100, offset: int = 0) -> list[Delivery]:
        """Webhook deliveries, newest first."""
        with self._read() as conn:
            return alert_sql.list_deliveries(conn, status=status, subscription=subscription, event_id=event_id,
                                             limit=limit, offset=offset)

    def events_reported_since(self, since: datetime) -> list[tuple[str, bool]]:
        """(id, new) of the events that gained a report from a document stored at ``since`` (UTC)
        or later; new: it has no earlier report."""
        with self._read() as conn:
            return alert_sql.events_reported_since(conn, since)

    def claims_reported_since(self, since: datetime) -> list[FactRecord]:
        """Claims of the documents stored at ``since`` (UTC) or later, with their event."""
        with self._read() as conn:
            return alert_sql.claims_reported_since(conn, since)

    def claims_of(self, pairs: Collection[tuple[str, str]]) -> list[FactRecord]:
        """Every claim of each (event id, property), by report date."""
        with self._read() as conn:
            return alert_sql.claims_of(conn, pairs)

    def now(self) -> datetime:
        """The store's clock: now in UTC without tzinfo, as every stored time."""
        return _utcnow()


def _count(conn: Connection, table, where=None) -> int:
    query = select(func.count()).select_from(table)
    return conn.execute(query if where is None else query.where(where)).scalar_one()


def _utcnow() -> datetime:
    """Now in UTC, without tzinfo (stored as such on every dialect)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _event_filters(*, since: date | str | None, until: date | str | None, period: str | None,
                   **others) -> dict:
    """The event filters as the SQL layer takes them: date bounds as days, a period as its days."""
    return {**others, "since": _day(since, last=False), "until": _day(until, last=True),
            "period": None if period is None else (_day(period, last=False), _day(period, last=True))}


def _day(value: date | str | None, last: bool) -> date | None:
    """A query bound: a date as is; a date value as its first (or ``last``) day."""
    if value is None or isinstance(value, date):
        return value
    interval = date_interval(value)
    if interval is None:
        raise StoreError(f"not a date: {value!r} (use 2024, 2024-03, 2024-03-15, 2024-W11 ...)")
    return interval[1] if last else interval[0]
