"""Alembic environment: migrations run on the connection ``nkwatch.store.migrate`` hands over.

``nkwatch.store.migrate.alembic_config`` puts an open connection (inside a transaction) in
``config.attributes["connection"]``; every migration of one upgrade runs in that transaction.
"""
from __future__ import annotations

from alembic import context

from nkwatch.store.migrate import in_schema_module
from nkwatch.store.schema import metadata


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run migrations through nkwatch.store.migrate (nkwatch db upgrade)")
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_name=in_schema_module,  # the dialect-specific indexes are not in schema.py
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite ALTERs need table copies
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
