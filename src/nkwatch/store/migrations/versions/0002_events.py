"""Canonical events, their members (with the reason each joined) and manual decisions.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("long_running", sa.String(64)),
        sa.Column("label", sa.Text),
        sa.Column("date_value", sa.String(32)),
        sa.Column("date_precision", sa.String(16)),
        sa.Column("date_bound", sa.String(16)),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("members_start", sa.Date),
        sa.Column("members_end", sa.Date),
        sa.Column("weapon", sa.Text),
        sa.Column("weapon_class", sa.String(32)),
        sa.Column("count", sa.Integer),
        sa.Column("place", sa.Text),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("place_precision", sa.String(16)),
        sa.Column("disputed", sa.JSON, nullable=False),
        sa.Column("fields", sa.JSON, nullable=False),
        sa.Column("resolver_version", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_events_type_date_start", "events", ["type", "date_start"])
    op.create_index("ix_events_weapon_class", "events", ["weapon_class"])
    op.create_index("ix_events_type_members_start", "events", ["type", "members_start"])

    op.create_table(
        "event_members",
        sa.Column("mention_id", sa.String(32), sa.ForeignKey("mentions.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("event_id", sa.String(64), sa.ForeignKey("events.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("rule", sa.String(16), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("features", sa.JSON, nullable=False),
        sa.Column("agreed", sa.JSON, nullable=False),
        sa.Column("notes", sa.JSON, nullable=False),
    )
    op.create_index("ix_event_members_event_id", "event_members", ["event_id"])

    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("event_ids", sa.JSON, nullable=False),
        sa.Column("mention_ids", sa.JSON, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("author", sa.Text),
    )


def downgrade() -> None:
    op.drop_table("decisions")
    op.drop_table("event_members")
    op.drop_table("events")
