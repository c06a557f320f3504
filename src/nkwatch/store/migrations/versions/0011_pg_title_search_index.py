"""PostgreSQL full-text search looks a ``title:`` part of a query up in an index of the title's
own vector (``fts.PG_TITLE_INDEX``, over ``fts.PG_TITLE_VECTOR``): the index of the stored vector
(0004) finds a word wherever it stands, and telling a title's words from the text's meant reading
the vector of every document holding the word. Building it reads every title once (and ANALYZE samples
them for the planner); nothing is rewritten. Nothing changes on SQLite (FTS5 filters columns in its index).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""
from __future__ import annotations

from alembic import op

from nkwatch.store import fts

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        fts.install(conn)  # IF NOT EXISTS: the column and index of 0004 are left as they are
        # the statistics of the indexed expression, which the planner reads to weigh the index
        conn.exec_driver_sql("ANALYZE documents")


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {fts.PG_TITLE_INDEX}")
