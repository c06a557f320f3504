"""The store's side of live tracking, on SQLite and PostgreSQL: watched sources and their items,
event versions read from the alerts' cursor (baseline first), the delivery outbox (never twice
per subscription, event and version), reports since a time, and migration 0008 down and up."""
from __future__ import annotations

from datetime import timedelta

import pytest
from alembic import command
from alembic.script import ScriptDirectory

from events.invented import Reports
from nkwatch.resolve_run import Resolver
from nkwatch.settings import Settings
from nkwatch.store import SeenItem, Store, migrate
from nkwatch.store.engine import write_options


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver.load(Settings())


def test_sources_are_registered_once_and_polls_record_their_items(store):
    first = store.add_watch_sources([("https://a.example/feed", "url"), ("/srv/drop", "folder")])
    again = store.add_watch_sources([("https://a.example/feed", "url")])
    assert [s.id for s in again] == [first[0].id] and len(store.watch_sources()) == 2
    source = first[0]
    assert (source.kind, source.failures, source.items, source.next_poll) == ("url", 0, 0, None)
    now = store.now()
    store.finish_poll(source.id, [SeenItem("e1", "f1", None, "no text"), SeenItem("e2", "f2", None)],
                      {"kind": "feed", "etag": '"x"', "last_success": now, "next_poll": now + timedelta(minutes=15),
                       "last_outcome": "2 new"})
    store.finish_poll(source.id, [SeenItem("e2", "f2b", None)], {"etag": '"y"'})
    seen = store.seen_items(source.id)
    assert {k: (v.fingerprint, v.error) for k, v in seen.items()} == {"e1": ("f1", "no text"), "e2": ("f2b", None)}
    stored = store.watch_sources(["https://a.example/feed"])[0]
    assert (stored.kind, stored.etag, stored.items, stored.last_outcome) == ("feed", '"y"', 2, "2 new")
    store.update_watch_source(source.id, {"failures": 3, "last_error": "HTTP 500"})
    assert store.watch_sources(["https://a.example/feed"])[0].failures == 3


def test_event_versions_start_at_a_baseline_then_change_with_reports(store, resolver):
    reports = Reports(store, resolver)
    reports.add("jcs")
    assert store.scan_event_versions() == []  # the baseline
    jcs_event = store.events()[0].id
    reports.add("kcna")  # another report of the same launch
    reports.add("cruise")
    found = {v.event_id: (v.version, v.change) for v in store.scan_event_versions()}
    cruise_event = next(r.id for r in store.events(weapon_class="cruise"))
    assert found == {jcs_event: (1, "updated"), cruise_event: (1, "new")}
    assert store.scan_event_versions() == []
    reports.reextract("cruise")  # the same mentions from another pipeline version: the same version
    assert store.scan_event_versions() == []
    reports.reextract("kcna", drop=True)  # kcna's report leaves the launch: a new version
    assert [(v.event_id, v.version) for v in store.scan_event_versions()] == [(jcs_event, 2)]


def test_the_scan_reads_in_batches_from_the_cursor(store, resolver):
    store.scan_event_versions()
    Reports(store, resolver).add("jcs", "cruise", "icbm")
    versions = store.scan_event_versions(batch=1)
    assert len(versions) == 3 and store.scan_event_versions(batch=1) == []


def test_deliveries_are_created_once_and_their_attempts_recorded(store, resolver):
    store.scan_event_versions()
    Reports(store, resolver).add("cruise")
    version, = store.scan_event_versions()
    assert store.unrouted_versions() == [version]
    row = {"subscription": "s", "event_id": version.event_id, "version": 1, "change": "new",
           "url": "https://hooks.example/s", "payload": {"event": {"id": version.event_id}}}
    assert store.route_versions([version], [row, {**row, "subscription": "t"}]) == 2
    assert store.route_versions([version], [row]) == 0 and store.unrouted_versions() == []
    due = store.due_deliveries()
    assert [(d.subscription, d.status, d.attempts) for d in due] == [("s", "pending", 0), ("t", "pending", 0)]
    later = store.now() + timedelta(hours=1)
    store.record_delivery_attempt(due[0].id, {"status": "failing", "attempts": 1, "next_attempt_at": later,
                                              "last_error": "HTTP 500", "http_status": 500})
    store.record_delivery_attempt(due[1].id, {"status": "delivered", "attempts": 1, "next_attempt_at": None,
                                              "delivered_at": store.now()})
    assert store.due_deliveries() == [] and store.next_delivery_at() == later
    assert [d.id for d in store.due_deliveries(now=later)] == [due[0].id]
    assert [d.status for d in store.deliveries()] == ["delivered", "failing"]
    assert [d.subscription for d in store.deliveries(status="failing")] == ["s"]
    assert store.deliveries(event_id=version.event_id, subscription="t")[0].payload == row["payload"]


def test_reports_since_a_time(store, resolver):
    reports = Reports(store, resolver)
    reports.add("jcs", "troops1")
    since = store.now()
    reports.add("kcna", "cruise", "troops2")
    found = dict(store.events_reported_since(since))
    launch = next(r.id for r in store.events(weapon_class="srbm"))
    cruise = next(r.id for r in store.events(weapon_class="cruise"))
    assert found[launch] is False and found[cruise] is True and "dprk-troops-russia" in found
    claims = store.claims_reported_since(since)
    assert sorted(c.fact.claim.property for c in claims) == ["range_km", "reinforcements"]
    ranges = store.claims_of([(launch, "range_km")])
    assert [c.fact.claim.value for c in ranges] == [600.0, 800.0]
    assert store.events_reported_since(store.now() + timedelta(seconds=1)) == []


def test_events_by_ids_and_by_last_change(store, resolver):
    reports = Reports(store, resolver)
    reports.add("cruise", "icbm")
    reports.add("jcs")
    ids = [r.id for r in store.events(recently_updated=True)]
    assert ids[0] == next(r.id for r in store.events(weapon_class="srbm"))
    assert [r.id for r in store.events(ids=ids[1:])] == sorted(ids[1:], key=lambda i: ids.index(i), reverse=True)


def test_migration_0008_goes_down_and_up_again_keeping_the_rest(settings, resolver):
    with Store.open(settings) as store:
        Reports(store, resolver).add("jcs")
        store.add_watch_sources([("https://a.example/feed", "url")])
        with store.engine.connect().execution_options(**write_options()) as conn, conn.begin():
            config = migrate.alembic_config(conn)
            before = ScriptDirectory.from_config(config).get_revision("0008").down_revision
            command.downgrade(config, before)
        assert store.revision() == before
        store.upgrade()
        assert store.revision() == migrate.head() and len(store.events()) == 1 and store.watch_sources() == []
