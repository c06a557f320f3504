"""Where an event stands on the timeline: ``events.timeline_day``, the first day of its date, or,
when its date is unknown, the day it was first reported (the earliest publication day of its
reports); NULL when neither is known. The timeline is ordered by it, so that undated events sit
among the others at their report day instead of in one pile at the end, and its chart counts
events by it. Filled here for the events stored before; ``store/events.py`` keeps it in step.

Revision ID: 0009
Revises: 0008_watch_alerts
Create Date: 2026-12-06
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008_watch_alerts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("events", sa.Column("timeline_day", sa.Date()))
    op.execute("UPDATE events SET timeline_day = COALESCE(date_start, ("
               "SELECT MIN(documents.published) FROM event_members "
               "JOIN mentions ON mentions.id = event_members.mention_id "
               "JOIN documents ON documents.id = mentions.document_id "
               "WHERE event_members.event_id = events.id))")
    op.create_index("ix_events_timeline", "events", ["timeline_day", "date_end", "id"])
    op.create_index("ix_events_type_timeline", "events", ["type", "timeline_day", "date_end", "id"])


def downgrade() -> None:
    op.drop_index("ix_events_type_timeline", table_name="events")
    op.drop_index("ix_events_timeline", table_name="events")
    # SQLite >= 3.35 drops a column in place (a batch table copy would cascade-delete members)
    op.drop_column("events", "timeline_day")
