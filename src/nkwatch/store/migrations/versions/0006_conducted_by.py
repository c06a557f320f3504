"""Who carried an event out: ``mentions.conducted_by`` (the states a report gives, JSON) and
``events.conducted_by`` (the reconciled states between bars, "|North Korea|", for the filter).
Both stay NULL for rows stored before: the next ``extract`` re-extracts mentions of an older
pipeline version, and the next ingest or extract reconciles events of an older fields version.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("mentions", sa.Column("conducted_by", sa.JSON()))
    op.add_column("events", sa.Column("conducted_by", sa.Text()))


def downgrade() -> None:
    # SQLite >= 3.35 drops a column in place (a batch table copy would cascade-delete rows)
    op.drop_column("events", "conducted_by")
    op.drop_column("mentions", "conducted_by")
