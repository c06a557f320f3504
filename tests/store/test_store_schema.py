"""Migrations build the schema from an empty database, and it matches schema.py."""
from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from nkwatch.settings import Settings
from nkwatch.store import Store, StoreError, migrate
from nkwatch.store.engine import make_engine
from nkwatch.store.fts import owns_table
from nkwatch.store.schema import metadata


def test_open_migrates_an_empty_database_to_head(settings):
    engine = make_engine(settings)
    assert migrate.current(engine) is None
    with Store.open(settings) as store:
        assert store.revision() == migrate.head()
        tables = set(inspect(store.engine).get_table_names())
    assert {"documents", "mentions", "mention_sources", "claims", "documents_fts",
            "alembic_version"} <= tables


def test_open_without_upgrade_leaves_the_database_empty(settings):
    with Store.open(settings, upgrade=False) as store:
        assert store.revision() is None
        before, after = store.upgrade()
        assert (before, after) == (None, migrate.head())
        assert store.upgrade() == (migrate.head(), migrate.head())


def test_migrated_schema_matches_schema_module(settings):
    with Store.open(settings) as store, store.engine.connect() as conn:
        skip_index = lambda name, type_, parents: not (type_ == "table" and owns_table(name))
        context = MigrationContext.configure(conn, opts={"include_name": skip_index})
        assert compare_metadata(context, metadata) == []


def test_sqlite_connection_settings(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(Settings(db=str(tmp_path / "no" / "such" / "x.db")))
