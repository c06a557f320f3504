"""The store's tables as SQLAlchemy Core metadata: what queries are written against.

The migrations under ``migrations/versions`` create the same tables (a test compares the two);
the full-text index is dialect-specific and lives with the migrations and ``fts.py``.
"""
from __future__ import annotations

from sqlalchemy import (JSON, Boolean, Column, Date, DateTime, Float, ForeignKey, Index, Integer, MetaData,
                        String, Table, Text, UniqueConstraint, true)

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("hash", String(64), nullable=False),
    Column("name", Text, nullable=False),
    Column("source_path", Text),
    Column("fmt", String(16), nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("author", Text),
    Column("site", Text),
    Column("published", Date),
    Column("published_method", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("kept", JSON, nullable=False),          # [[start, end], ...]
    Column("boilerplate", JSON, nullable=False),   # [[start, end, rule], ...]
    Column("meta", JSON, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("supersedes", Integer, ForeignKey("documents.id")),
    Column("ingested_at", DateTime, nullable=False),  # UTC
    Column("extracted_version", String(64)),
    # The revision that is the document's report (one per URL, or per name without URL): the newest
    # text given; older revisions stay stored, out of events and claim series (migration 0007).
    Column("current_revision", Boolean, nullable=False, server_default=true()),
    UniqueConstraint("hash", name="uq_documents_hash"),
    # A revision chain never forks: each row is superseded by at most one newer row.
    UniqueConstraint("supersedes", name="uq_documents_supersedes"),
    Index("ix_documents_url", "url"),
    Index("ix_documents_name", "name"),
)

mentions = Table(
    "mentions", metadata,
    Column("id", String(32), primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("type", String(32), nullable=False),
    Column("ev_start", Integer, nullable=False),
    Column("ev_end", Integer, nullable=False),
    Column("weapon", Text),
    Column("weapon_class", String(32)),
    Column("count", Integer),
    Column("date_value", String(32)),
    Column("date_precision", String(16)),
    Column("date_method", String(16), nullable=False),
    Column("date_bound", String(16), nullable=False),
    Column("date_ev_start", Integer),
    Column("date_ev_end", Integer),
    Column("date_start", Date),  # first day covered by date_value (nkwatch.dates.date_interval)
    Column("date_end", Date),    # last day covered by date_value
    Column("place_name", Text),
    Column("place_precision", String(16)),
    Column("lat", Float),
    Column("lon", Float),
    Column("place_ev_start", Integer),
    Column("place_ev_end", Integer),
    Column("actors", JSON, nullable=False),
    Column("sources", JSON, nullable=False),
    Column("conducted_by", JSON),   # states; NULL for mentions stored before migration 0006
    Column("modality", String(16), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("cues", JSON, nullable=False),
    Column("pipeline_version", String(64), nullable=False),
    Column("event_id", String(64)),
    # the text at ev_start..ev_end, copied when stored: the event text filter reads (and indexes,
    # evidence_index.py) it without reading whole documents
    Column("evidence_text", Text),
    Index("ix_mentions_document_id", "document_id"),
    Index("ix_mentions_type", "type"),
    Index("ix_mentions_date_start", "date_start"),
    Index("ix_mentions_weapon_class", "weapon_class"),
    Index("ix_mentions_event_id", "event_id"),
)

# One row per (mention, attributed source): lets ``source=`` filters use plain SQL on any dialect.
mention_sources = Table(
    "mention_sources", metadata,
    Column("mention_id", String(32), ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True),
    Column("source", Text, primary_key=True),
    Index("ix_mention_sources_source", "source"),
)

claims = Table(
    "claims", metadata,
    Column("id", String(32), primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("mention_id", String(32)),  # a mention of the same extraction, when known
    Column("property", String(64), nullable=False),
    Column("value", Float, nullable=False),
    Column("value_max", Float),
    Column("bound", String(8), nullable=False),
    Column("unit", String(32)),
    Column("period", String(32)),
    Column("source", Text),
    Column("subject", Text),
    Column("ev_start", Integer, nullable=False),
    Column("ev_end", Integer, nullable=False),
    Column("pipeline_version", String(64), nullable=False),
    Index("ix_claims_document_id", "document_id"),
    Index("ix_claims_property", "property"),
    Index("ix_claims_mention_id", "mention_id"),
)

# Claims whose subject names an event (a long-running event's slug) belong to it: looked up by subject.
Index("ix_claims_subject", claims.c.subject)

# Canonical events (nkwatch.resolve): reconciled fields as columns for queries, the full field
# choices (values by source, reasons) in ``fields``. date_start/date_end: the days the chosen date
# covers (for a long-running event, the hull of its members' dates); members_start/members_end:
# the hull of every member's date interval, used to find candidate events for new mentions.
events = Table(
    "events", metadata,
    Column("id", String(64), primary_key=True),
    Column("type", String(32), nullable=False),
    Column("long_running", String(64)),
    Column("label", Text),
    Column("date_value", String(32)),
    Column("date_precision", String(16)),
    Column("date_bound", String(16)),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("members_start", Date),
    Column("members_end", Date),
    Column("weapon", Text),
    Column("weapon_class", String(32)),
    Column("count", Integer),
    Column("place", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("place_precision", String(16)),
    Column("conducted_by", Text),  # "|North Korea|" (states between bars) for the filter; NULL: unknown
    # the timeline's order (migration 0009): date_start, or for an undated event its first report day
    Column("timeline_day", Date),
    Column("disputed", JSON, nullable=False),   # names of the fields whose sources disagree
    Column("fields", JSON, nullable=False),     # name -> {value, reason, values, disputed, bound}
    Column("resolver_version", String(64), nullable=False),
    Column("created_at", DateTime, nullable=False),  # UTC
    Column("updated_at", DateTime, nullable=False),  # UTC
    # The timeline's date order (migration 0003): filtered by type, and not filtered at all.
    Index("ix_events_type_dates", "type", "date_start", "date_end", "id"),
    Index("ix_events_dates", "date_start", "date_end", "id"),
    # the text filter walks these from one distinct value to the next (events._values_holding)
    Index("ix_events_label", "label"),
    Index("ix_events_weapon", "weapon"),
    Index("ix_events_place", "place"),
    Index("ix_events_weapon_class", "weapon_class"),
    Index("ix_events_type_members_start", "type", "members_start"),
    # The timeline in that order, and by type (the chart counts events per type and day from it).
    Index("ix_events_timeline", "timeline_day", "date_end", "id"),
    Index("ix_events_type_timeline", "type", "timeline_day", "date_end", "id"),
)

# Events per type and timeline day, and how many of them are dated: the timeline's total and chart
# without reading every event; kept in step by triggers on events (day_counts.py, migration 0013).
event_day_counts = Table(
    "event_day_counts", metadata,
    Column("type", String(32), primary_key=True),
    Column("day", Date, primary_key=True),   # the timeline day; day_counts.NO_DAY for none
    Column("events", Integer, nullable=False),
    Column("dated", Integer, nullable=False),
)

# Why each mention is in its event (rule, score, per-feature contributions, agreed fields, notes).
event_members = Table(
    "event_members", metadata,
    Column("mention_id", String(32), ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True),
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("rule", String(16), nullable=False),
    Column("score", Float, nullable=False),
    Column("features", JSON, nullable=False),
    Column("agreed", JSON, nullable=False),
    Column("notes", JSON, nullable=False),
    Index("ix_event_members_event_id", "event_id"),
)

# Manual merge / split decisions, replayed after every automatic resolution.
decisions = Table(
    "decisions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(8), nullable=False),
    Column("event_ids", JSON, nullable=False),
    Column("mention_ids", JSON, nullable=False),
    Column("at", DateTime, nullable=False),  # UTC
    Column("note", Text),
    Column("author", Text),
)

# -- live tracking (nkwatch.watch, nkwatch.alerts; migration 0008) -------------------------------
Index("ix_events_updated_at", events.c.updated_at, events.c.id)  # events changed since the alerts' cursor
Index("ix_documents_ingested_at", documents.c.ingested_at)       # reports that arrived since (digest)

# What `nkwatch watch` polls: a feed or page URL, or a folder; its HTTP validators and how the
# last polls went. kind: 'url' until the first answer tells 'feed' or 'page'; 'folder'.
watch_sources = Table(
    "watch_sources", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("locator", Text, nullable=False),          # the URL, or the folder's absolute path
    Column("kind", String(8), nullable=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("added_at", DateTime, nullable=False),      # UTC, as every time below
    Column("last_polled", DateTime),
    Column("last_success", DateTime),
    Column("last_error", Text),
    Column("last_error_at", DateTime),
    Column("failures", Integer, nullable=False),       # polls failed in a row
    Column("last_outcome", Text),                      # '2 new, 1 changed', 'not modified', ...
    Column("next_poll", DateTime),
    UniqueConstraint("locator", name="uq_watch_sources_locator"),
)

# The items of a source already taken in: feed entries (by id or link), a page (its URL), files
# of a folder (by name). fingerprint: what the item looked like when taken in (a new one means
# changed); document_id: the document it gave (None when it gave none: error says why).
watch_items = Table(
    "watch_items", metadata,
    Column("source_id", Integer, ForeignKey("watch_sources.id", ondelete="CASCADE"), primary_key=True),
    Column("key", Text, primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id")),
    Column("first_seen", DateTime, nullable=False),
    Column("changed_at", DateTime, nullable=False),
    Column("error", Text),
)

# Small named values of the live tracking (the alerts' cursor over events.updated_at).
watch_state = Table(
    "watch_state", metadata,
    Column("name", String(64), primary_key=True),
    Column("value", JSON, nullable=False),
)

# The last version of each event the alerts saw: a new version when its reports (members) or
# claims change. routed: its deliveries have been created (none pending in the outbox).
alert_versions = Table(
    "alert_versions", metadata,
    Column("event_id", String(64), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("digest", String(40), nullable=False),
    Column("change", String(8), nullable=False),       # 'new' | 'updated'
    Column("changed_at", DateTime, nullable=False),
    Column("routed", Boolean, nullable=False),
    Index("ix_alert_versions_routed", "routed"),
)

# One webhook delivery per (subscription, event, version): never created twice, retried with
# backoff until delivered or given up. status: pending | delivered | failing | given_up.
alert_deliveries = Table(
    "alert_deliveries", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("subscription", Text, nullable=False),
    Column("event_id", String(64), nullable=False),
    Column("version", Integer, nullable=False),
    Column("change", String(8), nullable=False),
    Column("url", Text, nullable=False),
    Column("payload", JSON, nullable=False),
    Column("status", String(16), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("next_attempt_at", DateTime),
    Column("last_attempt_at", DateTime),
    Column("delivered_at", DateTime),
    Column("last_error", Text),
    Column("http_status", Integer),
    UniqueConstraint("subscription", "event_id", "version", name="uq_alert_deliveries_version"),
    Index("ix_alert_deliveries_due", "status", "next_attempt_at"),
)
