"""Migrations build the schema from an empty database (SQLite and PostgreSQL), and it matches
schema.py; SQLite's connection settings."""
from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from nkwatch.settings import Settings
from nkwatch.store import Store, StoreError, fts, migrate
from nkwatch.store.engine import make_engine
from nkwatch.store.schema import metadata


def test_open_migrates_an_empty_database_to_head(settings):
    engine = make_engine(settings)
    assert migrate.current(engine) is None
    engine.dispose()
    with Store.open(settings) as store:
        assert store.revision() == migrate.head()
        inspector = inspect(store.engine)
        tables = set(inspector.get_table_names())
        indexes = {ix["name"] for ix in inspector.get_indexes("documents")}
    assert {"documents", "mentions", "mention_sources", "claims", "events", "event_members",
            "decisions", "alembic_version"} <= tables
    assert fts.TABLE in tables | indexes  # SQLite: an FTS5 table; PostgreSQL: an index on documents


def test_open_without_upgrade_leaves_the_database_empty(settings):
    with Store.open(settings, upgrade=False) as store:
        assert store.revision() is None
        before, after = store.upgrade()
        assert (before, after) == (None, migrate.head())
        assert store.upgrade() == (migrate.head(), migrate.head())


def test_migrated_schema_matches_schema_module(settings):
    with Store.open(settings) as store, store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": migrate.in_schema_module})
        assert compare_metadata(context, metadata) == []


def test_schema_comparison_ignores_only_the_full_text_index(settings):
    """The full-text index is dialect-specific and not in schema.py; leaving it out of the
    comparison must not hide anything else: a stray column next to it is still reported."""
    with Store.open(settings) as store, store.engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE documents ADD COLUMN stray_note TEXT")
        context = MigrationContext.configure(conn, opts={"include_name": migrate.in_schema_module})
        diff = compare_metadata(context, metadata)
    assert [(d[0], d[2], d[3].name) for d in diff] == [("remove_column", "documents", "stray_note")]


def test_sqlite_connection_settings(sqlite_settings):
    with Store.open(sqlite_settings) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(Settings(db=str(tmp_path / "no" / "such" / "x.db")))
