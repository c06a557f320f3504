"""Schema migrations, run programmatically with alembic (no alembic.ini needed).

The migration scripts are package files under ``migrations/versions``, one per revision. To add
one, write ``000N_what.py`` beside the others (``down_revision`` = the previous id) with
``op.*`` calls, and change ``schema.py`` to match; tests check that both give the same schema.
"""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from . import evidence_index, fts
from .engine import write_options
from .events import NEWEST_INDEX

MIGRATIONS = Path(__file__).parent / "migrations"


def in_schema_module(name: str | None, type_: str, parent_names: dict) -> bool:
    """False for the dialect-specific indexes (fts.py, evidence_index.py, the timeline's newest
    first: events.NEWEST_INDEX), which schema.py leaves out: an alembic ``include_name`` for
    comparing the migrated schema with schema.py."""
    return not (fts.owns_object(name, type_, parent_names)
                or evidence_index.owns_object(name, type_, parent_names)
                or (type_ == "index" and name == NEWEST_INDEX))


def alembic_config(connection: Connection | None = None) -> Config:
    """An alembic Config for our migration scripts, migrating over ``connection``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head() -> str:
    """The newest revision the scripts define."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current(engine: Engine) -> str | None:
    """The database's revision (None when it has never been migrated)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Bring the database to ``revision`` in one transaction; (revision before, revision after)."""
    before = current(engine)
    with engine.connect().execution_options(**write_options()) as conn, conn.begin():
        command.upgrade(alembic_config(conn), revision)
    return before, current(engine)
