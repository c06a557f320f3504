"""The event text filter finds the labels, weapons and places that hold its text by walking an
index of each column from one distinct value to the next (as many steps as there are distinct
values), then the events that have them through the same indexes: one index per column instead
of the index of all three (``ix_events_text``) that it scanned whole.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""
from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

COLUMNS = ("label", "weapon", "place")


def upgrade() -> None:
    op.drop_index("ix_events_text", table_name="events")
    for column in COLUMNS:
        op.create_index(f"ix_events_{column}", "events", [column])


def downgrade() -> None:
    for column in COLUMNS:
        op.drop_index(f"ix_events_{column}", table_name="events")
    op.create_index("ix_events_text", "events", ["label", "weapon", "place", "id"])
