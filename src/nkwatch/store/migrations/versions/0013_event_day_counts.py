"""The timeline's total and chart read ``event_day_counts`` (events per type and timeline day, and
how many are dated), kept in step by triggers on ``events`` (``day_counts``), instead of counting
every event of the store for each first page (80-450 ms at a million documents).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from nkwatch.store import day_counts

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        day_counts.TABLE,
        sa.Column("type", sa.String(32), primary_key=True),
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("events", sa.Integer, nullable=False),
        sa.Column("dated", sa.Integer, nullable=False),
    )
    day_counts.install(op.get_bind())


def downgrade() -> None:
    day_counts.uninstall(op.get_bind())
    op.drop_table(day_counts.TABLE)
