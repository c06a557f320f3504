"""The timeline's queries are answered from indexes (the plan of the very statement
``Store.events`` runs, on SQLite and on PostgreSQL): the first page in timeline order (migration
0009) and newest first (0012), a type and date filter (0003), the counts of the timeline's chart (0009) and the text
filter's walks of the event columns' indexes (0010)."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import event, func, select

from nkwatch.store.engine import write_options
from nkwatch.store.events import NEWEST_INDEX
from nkwatch.store.schema import events

TYPES = ("weapons_test", "military_exercise", "diplomatic_engagement")


@pytest.fixture
def timeline_store(store):
    now = datetime(2026, 1, 1)
    rows = []
    for n in range(600):
        day = date(1990, 1, 1) + timedelta(days=23 * n) if n % 50 else None  # a few undated
        rows.append({"id": f"ev-{n:04d}", "type": TYPES[n % 3], "date_start": day, "date_end": day, "timeline_day": day,
                     "disputed": [], "fields": {}, "resolver_version": "test", "created_at": now,
                     "updated_at": now})
    with store.engine.connect().execution_options(**write_options()) as conn, conn.begin():
        conn.execute(events.insert(), rows)
        conn.exec_driver_sql("ANALYZE")
    return store


def plan_of_first_select(store, call, nth: int = 0) -> str:
    """The plan of the first (``nth``) statement ``call`` runs (the events query itself)."""
    seen = []

    def record(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        call()
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    statement, parameters = seen[nth]
    with store.engine.connect() as conn:
        cursor = conn.connection.driver_connection.cursor()
        if conn.dialect.name == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)
            return "\n".join(row[-1] for row in cursor.fetchall())
        # A few hundred rows: PostgreSQL would rather read them all and sort. Without those
        # options it shows the index path a large store gets.
        for option in ("enable_seqscan", "enable_bitmapscan", "enable_sort"):
            cursor.execute(f"SET {option} = off")
        cursor.execute(f"EXPLAIN {statement}", parameters)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_first_page_in_timeline_order_reads_the_timeline_index(timeline_store):
    plan = plan_of_first_select(timeline_store, lambda: timeline_store.events(limit=50))
    assert "ix_events_timeline" in plan and "TEMP B-TREE FOR ORDER BY" not in plan and "Sort" not in plan
    rows = timeline_store.events(limit=50)
    assert [r.id for r in rows] == [f"ev-{n:04d}" for n in range(600) if n % 50][:50]


def test_first_page_newest_first_reads_the_newest_index(timeline_store):
    """Newest first, undated events still last (migration 0012): no sort, and a text filter
    tests events from the newest until the page is full."""
    plan = plan_of_first_select(timeline_store, lambda: timeline_store.events(limit=50, newest_first=True))
    assert NEWEST_INDEX in plan and "TEMP B-TREE FOR ORDER BY" not in plan and "Sort" not in plan
    rows = timeline_store.events(limit=50, newest_first=True)
    assert [r.id for r in rows] == [f"ev-{n:04d}" for n in reversed(range(600)) if n % 50][:50]
    undated = timeline_store.events(limit=None, newest_first=True)[-12:]
    assert [r.id for r in undated] == [f"ev-{n:04d}" for n in range(0, 600, 50)]


def test_type_and_dates_filter_reads_the_type_dates_index(timeline_store):
    query = dict(type="military_exercise", since="2000", until="2002", limit=50)
    plan = plan_of_first_select(timeline_store, lambda: timeline_store.events(**query))
    if timeline_store.engine.dialect.name == "sqlite":
        assert "ix_events_type_dates" in plan
    else:  # PostgreSQL may as well walk the dates index and test the type: either way, no sort
        assert ("ix_events_type_dates" in plan or "ix_events_dates" in plan) and "Sort" not in plan
    found = timeline_store.events(**query)
    assert found and all(r.type == "military_exercise" and r.date_start.year in (2000, 2001, 2002) for r in found)
    assert [r.date_start for r in found] == sorted(r.date_start for r in found)


def test_chart_counts_of_a_type_read_the_day_counts_or_an_index_alone(timeline_store):
    plan = plan_of_first_select(timeline_store, lambda: timeline_store.timeline(type="weapons_test"), nth=-1)
    assert "event_day_counts" in plan and not re.search(r"(\bon|SCAN|SEARCH) events\b", plan)  # no event read
    if timeline_store.engine.dialect.name == "sqlite":
        assert "USING INDEX sqlite_autoindex_event_day_counts" in plan  # its key: (type, day)
    _, counts = timeline_store.timeline(type="weapons_test")
    with timeline_store.engine.connect() as conn:
        by_events = conn.execute(select(events.c.type, events.c.timeline_day, func.count(), func.count(events.c.date_end))
                                 .where(events.c.type == "weapons_test").group_by(events.c.type, events.c.timeline_day))
        assert sorted(((c.type, c.day, c.events, c.dated) for c in counts), key=repr) == sorted(map(tuple, by_events), key=repr)
    filtered = plan_of_first_select(timeline_store, lambda: timeline_store.timeline(type="weapons_test", place="x"),
                                    nth=-1)
    if timeline_store.engine.dialect.name == "sqlite":
        assert "ix_events_type_timeline" in filtered and "B-TREE" not in filtered  # in index order, no sort
    else:  # PostgreSQL picks one of the indexes leading with the type
        assert "Index" in filtered and "Seq Scan" not in filtered
    dated = plan_of_first_select(timeline_store, lambda: timeline_store.timeline(type="weapons_test", since="2000",
                                                                                   until="2002"), nth=-1)
    if timeline_store.engine.dialect.name == "sqlite":
        assert "COVERING INDEX ix_events_type_dates" in dated and "B-TREE" not in dated
    assert sum(c.events for c in counts) == 200 and sum(c.events - c.dated for c in counts) == 4


def test_text_filter_walks_each_column_index_from_value_to_value(timeline_store):
    """The labels, weapons, places and sources holding the text: each column's index read from one
    distinct value to the next, never its table."""
    seen = []

    def record(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().startswith("WITH RECURSIVE"):
            seen.append((statement, parameters))

    event.listen(timeline_store.engine, "before_cursor_execute", record)
    try:
        timeline_store.events(text="cruise", limit=50)
    finally:
        event.remove(timeline_store.engine, "before_cursor_execute", record)
    assert len(seen) == 4
    with timeline_store.engine.connect() as conn:
        cursor = conn.connection.driver_connection.cursor()
        for (statement, parameters), index in zip(seen, ("ix_events_label", "ix_events_weapon", "ix_events_place",
                                                         "ix_mention_sources_source")):
            if conn.dialect.name == "sqlite":
                cursor.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)
                plan = "\n".join(row[-1] for row in cursor.fetchall())
                assert index in plan and "SCAN events" not in plan and "SCAN mention_sources" not in plan
            else:
                cursor.execute("SET enable_seqscan = off")  # a few hundred rows: the path a large store gets
                cursor.execute(f"EXPLAIN {statement}", parameters)
                plan = "\n".join(row[0] for row in cursor.fetchall())
                assert index in plan and "Seq Scan" not in plan
