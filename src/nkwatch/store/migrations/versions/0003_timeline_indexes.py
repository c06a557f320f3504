"""Indexes for the timeline on a large store: the first page in date order (undated last) read
from an index instead of sorting every event, and the type + date filter answered from the
index alone (its date_end test included) instead of looking up each event of the type; and
claims looked up by subject (claims naming a long-running event belong to it).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""
from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_events_type_date_start", table_name="events")
    op.create_index("ix_events_type_dates", "events", ["type", "date_start", "date_end", "id"])
    op.create_index("ix_events_dates", "events", ["date_start", "date_end", "id"])
    op.create_index("ix_claims_subject", "claims", ["subject"])


def downgrade() -> None:
    op.drop_index("ix_claims_subject", table_name="claims")
    op.drop_index("ix_events_dates", table_name="events")
    op.drop_index("ix_events_type_dates", table_name="events")
    op.create_index("ix_events_type_date_start", "events", ["type", "date_start"])
