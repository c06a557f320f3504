"""The timeline's counts per type and day (store/day_counts.py): kept in step with the events by
triggers on both backends (the ``store`` fixture checks it after every store test), counted afresh by
``install`` after a load made without the triggers, and read instead of the events for a timeline
filtered by nothing or by its type alone."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import insert, update

from nkwatch.store import day_counts
from nkwatch.store.engine import write_options
from nkwatch.store.schema import events

NOW = datetime(2026, 1, 1)


def _event(id_: str, type_: str, day: date | None, dated: bool) -> dict:
    return {"id": id_, "type": type_, "timeline_day": day, "date_start": day if dated else None,
            "date_end": day if dated else None, "disputed": [], "fields": {}, "resolver_version": "t",
            "created_at": NOW, "updated_at": NOW}


def _write(store, statement, rows=None):
    with store.engine.connect().execution_options(**write_options()) as conn, conn.begin():
        conn.execute(statement, rows) if rows is not None else conn.execute(statement)


def _counts(store, type_=None):
    with store.engine.connect() as conn:
        return sorted(day_counts.counts(conn, type_), key=repr)


def test_events_written_move_their_day_counts(store, day_counts_in_step):
    _write(store, insert(events), [_event("a", "weapons_test", date(2024, 5, 1), True),
                                   _event("b", "weapons_test", date(2024, 5, 1), False),
                                   _event("c", "ceremony", None, False)])
    assert _counts(store) == sorted([("weapons_test", date(2024, 5, 1), 2, 1), ("ceremony", None, 1, 0)], key=repr)
    _write(store, update(events).where(events.c.id == "b").values(type="ceremony", timeline_day=date(2024, 5, 2)))
    assert _counts(store, "ceremony") == sorted([("ceremony", None, 1, 0), ("ceremony", date(2024, 5, 2), 1, 0)],
                                                key=repr)
    _write(store, events.delete().where(events.c.id == "a"))
    assert _counts(store, "weapons_test") == []   # a day that fell to zero is no longer listed
    day_counts_in_step(store)


def test_install_counts_afresh_after_a_load_without_the_triggers(store, day_counts_in_step):
    with store.engine.connect().execution_options(**write_options()) as conn, conn.begin():
        day_counts.uninstall(conn)
        conn.execute(insert(events), [_event("a", "weapons_test", date(2024, 5, 1), True)])
    assert _counts(store) == []   # nothing counted it
    with store.engine.connect().execution_options(**write_options()) as conn, conn.begin():
        day_counts.install(conn)
    assert _counts(store) == [("weapons_test", date(2024, 5, 1), 1, 1)]
    day_counts_in_step(store)


def test_the_timeline_total_and_chart_come_from_the_day_counts(store):
    _write(store, insert(events), [_event(f"e{n}", "military_exercise", date(2024, 6, 1 + n % 3), n % 2 == 0)
                                   for n in range(7)])
    _, counts = store.timeline(type="military_exercise")
    _, all_counts = store.timeline()
    _, by_events = store.timeline(type="military_exercise", period="2024")   # counted from the events
    assert sum(c.events for c in counts) == sum(c.events for c in all_counts) == 7
    assert sorted(counts, key=repr) == sorted(by_events, key=repr)
