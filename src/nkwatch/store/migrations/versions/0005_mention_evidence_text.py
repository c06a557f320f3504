"""The event text filter without reading whole documents: each mention keeps its evidence text
(``mentions.evidence_text``, filled here from the stored documents), a substring index over it
(``evidence_index.py``: FTS5 trigrams on SQLite, pg_trgm on PostgreSQL), and an index holding
events' label, weapon and place, which the filter scans instead of the event rows.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from nkwatch.store import evidence_index

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("mentions", sa.Column("evidence_text", sa.Text()))
    op.execute("UPDATE mentions SET evidence_text = (SELECT substr(documents.text, mentions.ev_start + 1, "
               "mentions.ev_end - mentions.ev_start) FROM documents WHERE documents.id = mentions.document_id)")
    op.create_index("ix_events_text", "events", ["label", "weapon", "place", "id"])
    evidence_index.install(op.get_bind())


def downgrade() -> None:
    evidence_index.uninstall(op.get_bind())
    op.drop_index("ix_events_text", table_name="events")
    # SQLite >= 3.35 drops a column in place (a batch table copy would cascade-delete mention_sources)
    op.drop_column("mentions", "evidence_text")
