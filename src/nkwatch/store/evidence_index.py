"""A substring index over the evidence texts of mentions (``mentions.evidence_text``), for the text
filter of event lists: "cruise" anywhere in what a report says, found without reading every
mention. Dialect-specific, like ``fts.py``, and left out of schema.py for the same reason.

SQLite: an FTS5 table with the trigram tokenizer over ``mentions.evidence_text`` (external
content, kept in sync by triggers). A string of three characters or more is looked up as a
trigram phrase, which matches exactly the evidence texts that contain it (case-insensitive);
shorter strings cannot be looked up by trigrams and are scanned. SQLite before 3.34 has no
trigram tokenizer: there the index is skipped, with a warning, and the filter scans.

PostgreSQL: a GIN index with pg_trgm's operator class over ``mentions.evidence_text``, which
``ILIKE '%...%'`` uses. pg_trgm is a trusted extension (PostgreSQL >= 13): the database owner may
create it. Where it cannot be created the index is skipped, with a warning, and the filter scans
with the same results.
"""
from __future__ import annotations

import logging
import sqlite3

from sqlalchemy import Connection, Select, column, literal_column, select, table
from sqlalchemy.exc import DBAPIError

from .fts import fts5_synced, owns_fts5_table
from .schema import mentions

log = logging.getLogger(__name__)

TABLE = "mentions_evidence_fts"       # SQLite: the FTS5 table
PG_INDEX = "mentions_evidence_trgm"   # PostgreSQL: the GIN index
MIN_LOOKUP = 3                        # shortest string the trigram table can look up
SQLITE_TRIGRAM = (3, 34, 0)           # first SQLite with the trigram tokenizer

_SQLITE_DDL, _SQLITE_DROP = fts5_synced(TABLE, "mentions", "rowid", ("evidence_text",), "trigram")

_fts = table(TABLE, column("rowid"))


def owns_object(name: str | None, type_: str, parent_names: dict) -> bool:
    """True for what the index adds to a database (see ``fts.owns_object``)."""
    if not name:
        return False
    if type_ == "table":
        return owns_fts5_table(TABLE, name)
    return type_ == "index" and name == PG_INDEX


def install(conn: Connection) -> None:
    """Create the index over the evidence texts already stored (migration 0005; after a bulk load
    done without it)."""
    if conn.dialect.name == "sqlite":
        if sqlite3.sqlite_version_info < SQLITE_TRIGRAM:
            log.warning("SQLite %s has no trigram tokenizer (3.34+); the event text filter will scan evidence "
                        "texts", sqlite3.sqlite_version)
            return
        for statement in _SQLITE_DDL:
            conn.exec_driver_sql(statement)
    elif conn.dialect.name == "postgresql":
        schema = _pg_trgm_schema(conn)
        if schema is None:
            return
        conn.exec_driver_sql(f'CREATE INDEX IF NOT EXISTS {PG_INDEX} ON mentions '
                             f'USING gin (evidence_text "{schema}".gin_trgm_ops)')


def uninstall(conn: Connection) -> None:
    """Drop the index (and its triggers); the extension stays (other tables may use it)."""
    if conn.dialect.name == "sqlite":
        for statement in _SQLITE_DROP:
            conn.exec_driver_sql(statement)
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {PG_INDEX}")


def _pg_trgm_schema(conn: Connection) -> str | None:
    """The schema pg_trgm is installed in, creating it in ``public`` when missing; None when it
    cannot be (not installed on the server, or not allowed)."""
    query = ("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
             "WHERE e.extname = 'pg_trgm'")
    schema = conn.exec_driver_sql(query).scalar()
    if schema is not None:
        return schema
    try:
        with conn.begin_nested():
            conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public")
    except DBAPIError as exc:
        log.warning("pg_trgm is not available (%s); the event text filter will scan evidence texts",
                    str(exc.orig).strip().splitlines()[0])
        return None
    return conn.exec_driver_sql(query).scalar()


def installed(conn: Connection) -> bool:
    """True when the SQLite store has the trigram table (see ``install``)."""
    return conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                (TABLE,)).first() is not None


def matching_mentions(conn: Connection, text: str) -> Select:
    """Ids of the mentions whose evidence text contains ``text`` (case-insensitive)."""
    dialect = conn.dialect.name
    if dialect == "sqlite" and len(text) >= MIN_LOOKUP and installed(conn):
        phrase = '"' + text.replace('"', '""') + '"'
        # a join, not IN (subquery): rows come as the index finds them, so a LIMIT stops it early
        return (select(mentions.c.id).select_from(_fts.join(mentions, literal_column("mentions.rowid") == _fts.c.rowid))
                .where(literal_column(TABLE).op("MATCH")(phrase)))
    if dialect == "postgresql":
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return select(mentions.c.id).where(mentions.c.evidence_text.ilike(f"%{escaped}%", escape="\\"))
    return select(mentions.c.id).where(mentions.c.evidence_text.icontains(text, autoescape=True))
