"""Live tracking: the sources `nkwatch watch` polls (HTTP validators, poll state) and the items
each gave; the alerts' event versions, cursor and webhook deliveries; indexes on the times the
alerts and the digest read (events.updated_at, documents.ingested_at).

Revision ID: 0008_watch_alerts
Revises: 0007
Create Date: 2026-12-08
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_watch_alerts"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_updated_at", "events", ["updated_at", "id"])
    op.create_index("ix_documents_ingested_at", "documents", ["ingested_at"])
    op.create_table(
        "watch_sources",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("locator", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("etag", sa.Text()),
        sa.Column("last_modified", sa.Text()),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("last_polled", sa.DateTime()),
        sa.Column("last_success", sa.DateTime()),
        sa.Column("last_error", sa.Text()),
        sa.Column("last_error_at", sa.DateTime()),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_outcome", sa.Text()),
        sa.Column("next_poll", sa.DateTime()),
        sa.UniqueConstraint("locator", name="uq_watch_sources_locator"),
    )
    op.create_table(
        "watch_items",
        sa.Column("source_id", sa.Integer(), sa.ForeignKey("watch_sources.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("key", sa.Text(), primary_key=True),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id")),
        sa.Column("first_seen", sa.DateTime(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("error", sa.Text()),
    )
    op.create_table(
        "watch_state",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("value", sa.JSON(), nullable=False),
    )
    op.create_table(
        "alert_versions",
        sa.Column("event_id", sa.String(64), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(40), nullable=False),
        sa.Column("change", sa.String(8), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("routed", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_alert_versions_routed", "alert_versions", ["routed"])
    op.create_table(
        "alert_deliveries",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("subscription", sa.Text(), nullable=False),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("change", sa.String(8), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime()),
        sa.Column("last_attempt_at", sa.DateTime()),
        sa.Column("delivered_at", sa.DateTime()),
        sa.Column("last_error", sa.Text()),
        sa.Column("http_status", sa.Integer()),
        sa.UniqueConstraint("subscription", "event_id", "version", name="uq_alert_deliveries_version"),
    )
    op.create_index("ix_alert_deliveries_due", "alert_deliveries", ["status", "next_attempt_at"])


def downgrade() -> None:
    op.drop_index("ix_alert_deliveries_due", table_name="alert_deliveries")
    op.drop_table("alert_deliveries")
    op.drop_index("ix_alert_versions_routed", table_name="alert_versions")
    op.drop_table("alert_versions")
    op.drop_table("watch_state")
    op.drop_table("watch_items")
    op.drop_table("watch_sources")
    op.drop_index("ix_documents_ingested_at", table_name="documents")
    op.drop_index("ix_events_updated_at", table_name="events")
