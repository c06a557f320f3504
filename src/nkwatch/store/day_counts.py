"""How many events stand at each timeline day, by type: the timeline's total and chart without
reading every event.

``event_day_counts`` holds, per (type, timeline day), the events and how many of them are dated; a
day-less event (no date, no report) is counted at ``NO_DAY``, as the key cannot hold NULL. Triggers
on ``events`` keep it in step in the transaction that writes an event (SQLite triggers; on
PostgreSQL a trigger function), so it is exact whoever writes. The timeline reads it when the
filters are none or the type alone (``counts``); any other filter counts the events themselves.
Rows that fall to zero stay and are skipped when read. Created and filled by migration 0013
(``install``); a bulk load that drops the triggers (``uninstall``) installs them again after, which
counts the events afresh.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, select

from .schema import event_day_counts

NO_DAY = date(1, 1, 1)
TABLE = "event_day_counts"
_DAY = "COALESCE({row}.timeline_day, '0001-01-01')"
_DATED = "CASE WHEN {row}.date_end IS NULL THEN 0 ELSE 1 END"


def _changed(differs: str) -> str:
    """The condition of an update that moves the event's count: ``differs`` is the dialect's
    null-safe inequality ("IS NOT" on SQLite, "IS DISTINCT FROM" on PostgreSQL)."""
    return (f"OLD.type {differs} NEW.type OR OLD.timeline_day {differs} NEW.timeline_day "
            "OR (OLD.date_end IS NULL) <> (NEW.date_end IS NULL)")


def _add(row: str, sign: str) -> str:
    """The statement that counts the event ``row`` (NEW or OLD) in (sign +) or out (sign -)."""
    day, dated = _DAY.format(row=row), _DATED.format(row=row)
    return (f"INSERT INTO {TABLE} (type, day, events, dated) VALUES ({row}.type, {day}, {sign}1, {sign}{dated}) "
            f"ON CONFLICT (type, day) DO UPDATE SET events = {TABLE}.events + excluded.events, "
            f"dated = {TABLE}.dated + excluded.dated")


_SQLITE_DDL = (
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_insert AFTER INSERT ON events BEGIN {_add('NEW', '+')}; END",
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_delete AFTER DELETE ON events BEGIN {_add('OLD', '-')}; END",
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_update AFTER UPDATE OF type, timeline_day, date_end ON events "
    f"WHEN {_changed('IS NOT')} "
    f"BEGIN {_add('OLD', '-')}; {_add('NEW', '+')}; END",
)
_PG_DDL = (
    # the schema of the events it counts whoever writes them (another search_path too)
    f"CREATE OR REPLACE FUNCTION {TABLE}_count() RETURNS trigger LANGUAGE plpgsql "
    f"SET search_path FROM CURRENT AS $$ BEGIN "
    f"IF TG_OP IN ('DELETE', 'UPDATE') THEN {_add('OLD', '-')}; END IF; "
    f"IF TG_OP IN ('INSERT', 'UPDATE') THEN {_add('NEW', '+')}; END IF; "
    f"RETURN NULL; END $$",
    f"DROP TRIGGER IF EXISTS {TABLE}_write ON events",
    f"DROP TRIGGER IF EXISTS {TABLE}_update ON events",
    f"CREATE TRIGGER {TABLE}_write AFTER INSERT OR DELETE ON events "
    f"FOR EACH ROW EXECUTE FUNCTION {TABLE}_count()",
    f"CREATE TRIGGER {TABLE}_update AFTER UPDATE OF type, timeline_day, date_end ON events "
    f"FOR EACH ROW WHEN ({_changed('IS DISTINCT FROM')}) EXECUTE FUNCTION {TABLE}_count()",
)
_SQLITE_DROP = tuple(f"DROP TRIGGER IF EXISTS {TABLE}_{name}" for name in ("insert", "delete", "update"))
_PG_DROP = (f"DROP TRIGGER IF EXISTS {TABLE}_write ON events", f"DROP TRIGGER IF EXISTS {TABLE}_update ON events",
            f"DROP FUNCTION IF EXISTS {TABLE}_count()")


def install(conn: Connection) -> None:
    """Count every stored event afresh and create the triggers that keep the counts in step."""
    conn.execute(event_day_counts.delete())
    conn.exec_driver_sql(
        f"INSERT INTO {TABLE} (type, day, events, dated) SELECT type, {_DAY.format(row='events')}, count(*), "
        f"count(date_end) FROM events GROUP BY type, {_DAY.format(row='events')}")
    for statement in _PG_DDL if conn.dialect.name == "postgresql" else _SQLITE_DDL:
        conn.exec_driver_sql(statement)


def uninstall(conn: Connection) -> None:
    """Drop the triggers (before a bulk load: ``install`` counts again after it)."""
    for statement in _PG_DROP if conn.dialect.name == "postgresql" else _SQLITE_DROP:
        conn.exec_driver_sql(statement)


def counts(conn: Connection, type: str | None = None) -> list[tuple[str, date | None, int, int]]:
    """(type, timeline day or None, events, dated) of every day holding events, of one type or all."""
    query = select(event_day_counts).where(event_day_counts.c.events > 0)
    if type is not None:
        query = query.where(event_day_counts.c.type == type)
    return [(r.type, None if r.day == NO_DAY else r.day, r.events, r.dated) for r in conn.execute(query)]
