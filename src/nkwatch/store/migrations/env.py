"""Alembic environment: migrations run on the connection ``nkwatch.store.migrate`` hands over.

``nkwatch.store.migrate.alembic_config`` puts an open connection (inside a transaction) in
``config.attributes["connection"]``; every migration of one upgrade runs in that transaction.
"""
from __future__ import annotations

from alembic import context

from nkwatch.store import fts
from nkwatch.store.schema import metadata


def include_name(name, type_, parent_names) -> bool:
    """Leave the full-text index out of autogenerate (on SQLite a virtual table and its shadow
    tables, on PostgreSQL a generated column of ``documents`` and the index over it)."""
    return not fts.owns_object(name, type_, parent_names)


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run migrations through nkwatch.store.migrate (nkwatch db upgrade)")
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_name=include_name,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite ALTERs need table copies
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
