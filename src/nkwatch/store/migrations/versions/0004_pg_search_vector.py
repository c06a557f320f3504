"""PostgreSQL full-text search reads a stored vector: ``documents.search_vector``, a generated
column (``fts.PG_VECTOR``, PostgreSQL >= 12), with the GIN index ``documents_fts`` over it in
place of the index over the expression. Ranking a match then reads each row's vector instead of
computing it again from title and text. Adding the column computes it for every stored document
once (a table rewrite). Nothing changes on SQLite (FTS5 stores its index already).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""
from __future__ import annotations

from alembic import op

from nkwatch.store import fts

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    # The index of 0001 (over the expression) has the name the new one takes. On a new database
    # 0001 already made the column and its index: dropping and building it again costs nothing.
    conn.exec_driver_sql(f"DROP INDEX IF EXISTS {fts.TABLE}")
    fts.install(conn)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    fts.uninstall(conn)
    conn.exec_driver_sql(f"CREATE INDEX {fts.TABLE} ON documents USING gin ({fts.PG_VECTOR})")
