"""The newest revision of a document is its report: ``documents.current_revision`` marks it (one
row per URL, or per name without URL). Earlier revisions stay stored, their mentions out of events
and their claims out of claim series; the events that lose members are marked for their fields to
be reconciled again at the next ingest or extract.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from nkwatch.store import revisions

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("current_revision", sa.Boolean(), nullable=False,
                                         server_default=sa.true()))
    documents = sa.table("documents", sa.column("id", sa.Integer), sa.column("supersedes", sa.Integer),
                         sa.column("current_revision", sa.Boolean))
    bind = op.get_bind()
    superseded = sa.select(documents.c.supersedes).where(documents.c.supersedes.is_not(None))
    old = list(bind.execute(sa.select(documents.c.id).where(documents.c.id.in_(superseded))).scalars())
    bind.execute(sa.update(documents).where(documents.c.id.in_(old)).values(current_revision=False))
    revisions.leave_events(bind, old)


def downgrade() -> None:
    op.drop_column("documents", "current_revision")
