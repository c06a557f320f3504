"""The SQLAlchemy engine for ``Settings.db_url``, with the connection settings each dialect needs.

SQLite: WAL journal (readers never block the writer; synchronous=NORMAL, so a commit survives a
crash of the program, and a power cut at worst loses the last commits), foreign keys enforced,
a busy timeout so that a second process waits instead of failing, and transactions begun
explicitly: ``BEGIN`` for reads, ``BEGIN IMMEDIATE`` for writes (see ``write_options``), so that
a write transaction takes the write lock before it reads and two writers cannot interleave.

PostgreSQL (``postgresql+psycopg://user:password@host/db``; a bare ``postgresql://`` URL gets the
psycopg 3 driver): the same one-writer rule, by a transaction-level advisory lock every write
transaction takes first; readers are never blocked. Connections are checked before use, so a
restarted server costs a reconnect, not an error.
"""
from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from ..settings import Settings

BUSY_TIMEOUT_MS = 30_000

# Execution option a connection carries when it is opened for writing.
WRITE = "nkwatch_write"
# PostgreSQL advisory lock key held by the one write transaction at a time ("nkwatch" in ASCII).
PG_WRITE_LOCK = 0x6E6B7761746368


def make_engine(settings: Settings) -> Engine:
    """An engine for ``settings.db_url``; for a SQLite file, its folder must exist."""
    url = make_url(settings.db_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:" and not Path(url.database).parent.is_dir():
            raise FileNotFoundError(f"folder of the database does not exist: {Path(url.database).parent}")
        engine = create_engine(url, json_serializer=_json_dumps)
        _configure_sqlite(engine)
    elif url.get_backend_name() == "postgresql":
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        engine = create_engine(url, json_serializer=_json_dumps, pool_pre_ping=True)
        _configure_postgresql(engine)
    else:
        engine = create_engine(url, json_serializer=_json_dumps)
    return engine


def display_url(settings: Settings) -> str:
    """The database URL with any password hidden, for messages."""
    return make_url(settings.db_url).render_as_string(hide_password=True)


def write_options() -> dict:
    """Execution options for a connection that will write (``BEGIN IMMEDIATE`` on SQLite)."""
    return {WRITE: True}


def _json_dumps(value) -> str:
    """JSON columns: non-ASCII kept as is; values JSON cannot hold (e.g. datetimes in ``meta``) as strings."""
    return json.dumps(value, ensure_ascii=False, default=str)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's implicit BEGIN is deferred
        # and skips DDL); see the SQLAlchemy SQLite dialect docs, "Serializable isolation".
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # WAL is a property of the file: switch once, so that later connections never need the
        # exclusive lock the switch takes (which can fail with "database is locked" under load).
        if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")  # with WAL: no corruption, fsync at checkpoints
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        immediate = conn.get_execution_options().get(WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _configure_postgresql(engine: Engine) -> None:
    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        if conn.get_execution_options().get(WRITE, False):
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITE_LOCK})")
