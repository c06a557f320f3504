"""The timeline newest first (the web app's default) reads an index in that order,
``events.NEWEST_INDEX`` (timeline_day and date_end descending, undated last, then id): read
backwards, ix_events_timeline (0009) gives undated events first and ids descending, so a first page
read and sorted every event, and a common text filter tested every event before showing one.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""
from __future__ import annotations

from alembic import op

from nkwatch.store.events import NEWEST_INDEX, install_newest_index

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    install_newest_index(op.get_bind())


def downgrade() -> None:
    op.get_bind().exec_driver_sql(f"DROP INDEX IF EXISTS {NEWEST_INDEX}")
