"""Events in the store: migration, resolution as extractions are stored, idempotence, manual
decisions surviving re-extraction, claims of long-running events."""
from __future__ import annotations

from dataclasses import dataclass, field

from datetime import datetime

from sqlalchemy import MetaData, Table, insert, inspect, select, update

from nkwatch.ingest.run import ingest
from nkwatch.models import Document, Extraction
from nkwatch.pipeline import Pipeline
from nkwatch.resolve_run import Resolver, merge_events, reextract, split_event
from nkwatch.settings import Settings
from nkwatch.store import Store, StoreError, migrate
from nkwatch.store.documents import document_values
from nkwatch.store.engine import make_engine
from nkwatch.store.schema import event_members, events

from .invented import TEXTS, document, extraction


def _snapshot(store: Store) -> tuple:
    with store.engine.connect() as conn:
        return (sorted(tuple(r) for r in conn.execute(select(events)).all()),
                sorted(tuple(r) for r in conn.execute(select(event_members)).all()))


def _launches(store: Store):
    return store.events(type="weapons_test")


def test_migrates_up_from_0001_keeping_stored_documents(tmp_path):
    settings = Settings(db=str(tmp_path / "old.db"))
    migrate.upgrade(make_engine(settings), "0001")
    with Store.open(settings, upgrade=False) as old, old.engine.begin() as conn:
        assert old.revision() == "0001"
        documents_0001 = Table("documents", MetaData(), autoload_with=conn)  # as 0001 made it
        values = document_values(document("jcs")) | {"revision": 1, "ingested_at": datetime(2026, 1, 1)}
        kept = conn.execute(insert(documents_0001).values(**values)).inserted_primary_key[0]
        assert "events" not in inspect(conn).get_table_names()
    with Store.open(settings) as store:
        assert store.revision() == migrate.head()
        assert {"events", "event_members", "decisions"} <= set(inspect(store.engine).get_table_names())
        assert store.get_document(kept).document.text == TEXTS["jcs"]
        assert store.events() == [] and store.decisions() == []


def test_two_reports_of_one_launch_make_one_event(reports, store):
    reports.add("jcs", "kcna", "cruise")
    launch, cruise = _launches(store)
    assert (launch.date_value, launch.date_precision, launch.weapon_class, launch.count) == ("2025-05-10", "day",
                                                                                             "srbm", 2)
    assert (launch.documents, launch.mentions, launch.sources) == (2, 2, ["Joint Chiefs of Staff", "KCNA"])
    assert (launch.place, launch.lat, launch.lon, launch.place_precision) == ("East Sea", 39.5, 130.5, "sea")
    assert launch.disputed == ["claim:range_km"]  # 600 km vs 650 km
    assert (cruise.weapon_class, cruise.documents) == ("cruise", 1)
    stored = store.get_event(launch.id)
    rules = [m.explanation.rule for m in stored.event.members]
    assert rules == ["founded", "matched"]
    assert {"date", "weapon_class", "place"} <= set(stored.event.members[1].explanation.agreed)
    assert sorted(c.value for c in stored.event.claims) == [600, 800]
    assert all(stored.texts[c.id] in ("about 600 km", "800 km") for c in stored.event.claims)
    assert {m.event_id for m in store.mentions(type="weapons_test")} == {launch.id, cruise.id}


def test_resolving_again_changes_nothing(reports, store):
    reports.add("jcs", "kcna", "cruise", "troops1", "troops2")
    before = _snapshot(store)
    for name in ("kcna", "troops1", "jcs"):
        result = reports.reextract(name, version="test-1")
        assert result.new_events == [] and result.updated_events == [] and result.removed_events == []
    assert _snapshot(store) == before


@dataclass
class HandExtractor:
    """Stands in for the extractor: the hand-built extraction of each invented report."""
    version: str = "test-1"
    seen: list[str] = field(default_factory=list)

    def extract(self, doc: Document) -> Extraction:
        self.seen.append(doc.name)
        return extraction(doc.name.removesuffix(".txt"), self.version)


class HandPipeline(HandExtractor):
    """The real readers and cleaning, the hand extractor."""

    def __init__(self, real: Pipeline, version: str = "test-1"):
        super().__init__(version)
        self.real = real

    @property
    def cleaning_rules(self):
        return self.real.cleaning_rules

    def read(self, paths):
        return self.real.read(paths)

    def prepare(self, doc, cleaning=None):
        return self.real.prepare(doc, cleaning)


def test_ingest_resolves_and_reingest_changes_nothing(tmp_path, store, resolver):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("jcs", "kcna", "cruise"):
        (folder / f"{name}.txt").write_text(TEXTS[name], encoding="utf-8")
    pipeline = HandPipeline(Pipeline(Settings()))
    report = ingest([str(folder)], store, pipeline, resolver=resolver)
    assert report.ok and report.extracted == 3
    assert [e.documents for e in _launches(store)] == [2, 1]
    before = _snapshot(store)
    again = ingest([str(folder)], store, pipeline, resolver=resolver)
    assert again.extracted == 0 and _snapshot(store) == before


def test_reextract_with_a_new_version_keeps_events(reports, store, resolver):
    reports.add("jcs", "kcna", "troops1")
    events_before = [(e.id, e.documents) for e in store.events()]
    hand = HandExtractor(version="test-2")
    report = reextract(store, hand, resolver)
    assert (report.documents, report.extracted, report.failures) == (3, 3, [])
    assert sorted(hand.seen) == ["jcs.txt", "kcna.txt", "troops1.txt"]
    assert [(e.id, e.documents) for e in store.events()] == events_before
    assert reextract(store, hand, resolver).documents == 0  # nothing left at another version
    assert reextract(store, hand, resolver, everything=True).extracted == 3


def test_a_mention_no_longer_extracted_leaves_its_event(reports, store):
    reports.add("jcs", "kcna", "cruise")
    launch = _launches(store)[0]
    reports.reextract("kcna", drop=True)
    assert store.get_event(launch.id).row.documents == 1
    result = reports.reextract("cruise", drop=True)
    assert len(result.removed_events) == 1
    assert [e.id for e in _launches(store)] == [launch.id]


def test_merge_survives_reextraction(reports, store, resolver):
    reports.add("jcs", "kcna", "cruise")
    launch, cruise = _launches(store)
    merge_events(store, resolver, [launch.id, cruise.id], note="same salvo", author="analyst")
    assert [(e.id, e.documents) for e in _launches(store)] == [(launch.id, 3)]
    decision, = store.decisions()
    assert (decision.kind, decision.event_ids, decision.note) == ("merge", (launch.id, cruise.id), "same salvo")
    reports.reextract("cruise")
    reports.reextract("jcs")
    assert [(e.id, e.documents) for e in _launches(store)] == [(launch.id, 3)]
    members = store.get_event(launch.id).event.members
    assert [m.explanation.rule for m in members].count("merge") == 1


def test_split_survives_reextraction(reports, store, resolver):
    reports.add("jcs", "kcna")
    launch, = _launches(store)
    kcna_mention = extraction("kcna").mentions[0].id
    result = split_event(store, resolver, launch.id, [kcna_mention[:8]])
    new_id = result.new_events[0].id
    assert new_id.startswith("ev-split-")
    assert sorted((e.id, e.documents) for e in _launches(store)) == sorted([(launch.id, 1), (new_id, 1)])
    reports.reextract("kcna")
    reports.reextract("jcs")
    assert sorted((e.id, e.documents) for e in _launches(store)) == sorted([(launch.id, 1), (new_id, 1)])
    assert store.get_event(new_id).event.member_ids == [kcna_mention]


def test_decisions_refuse_unknown_events_and_mentions(reports, store, resolver):
    reports.add("jcs")
    launch, = _launches(store)
    for call in (lambda: merge_events(store, resolver, [launch.id, "ev-nothing"]),
                 lambda: merge_events(store, resolver, [launch.id, launch.id]),
                 lambda: split_event(store, resolver, launch.id, ["ffff"]),
                 lambda: split_event(store, resolver, launch.id, [extraction("jcs").mentions[0].id])):
        try:
            call()
        except StoreError:
            continue
        raise AssertionError("accepted a bad decision")
    assert store.decisions() == []


def test_long_running_event_collects_claims_over_time(reports, store):
    reports.add("troops1", "troops2")
    deployment, = store.events(type="troop_deployment")
    assert (deployment.id, deployment.long_running, deployment.documents) == ("dprk-troops-russia",
                                                                              "dprk-troops-russia", 2)
    assert deployment.date_value is None and deployment.date_start is not None
    records = store.claim_records(event_id="dprk-troops-russia")
    assert [(r.fact.claim.property, r.fact.claim.value, r.document.published.isoformat()) for r in records] == [
        ("troops", 12000, "2025-06-05"), ("reinforcements", 3000, "2025-07-09")]
    assert store.events(source="the spy agency")[0].id == "dprk-troops-russia"
    assert (deployment.date_start.isoformat(), deployment.date_end.isoformat()) == ("2025-03-01", "2025-06-30")
    assert store.events(since="2025-05", type="troop_deployment")[0].id == "dprk-troops-russia"
    assert store.events(since="2025-07-01", type="troop_deployment") == []


def test_a_mention_that_no_longer_happened_leaves_its_event(reports, store):
    reports.add("jcs", "kcna")
    ext = extraction("kcna", "test-2")
    ext.mentions[0].modality = "planned"
    result = store.save_resolved(store.lookup_many([ext.doc])[ext.doc].document_id, ext, reports.resolver)
    assert list(result.skipped) == [ext.mentions[0].id]
    launch, = _launches(store)
    assert (launch.documents, launch.sources) == (1, ["Joint Chiefs of Staff"])
    assert {m.id: m.event_id for m in store.mentions()}[ext.mentions[0].id] is None


def test_events_of_another_resolver_version_get_their_fields_again(reports, store, resolver):
    """A store written before a change to what reconciliation computes (here: actors) is brought up
    to date by the next ingest or extract; members and decisions stay as they are."""
    reports.add("jcs", "kcna", "cruise")
    fresh = {e.id: e.actors for e in store.events()}
    members = _snapshot(store)[1]
    with store.engine.begin() as conn:
        for row in conn.execute(select(events.c.id, events.c.fields)).all():
            old = {k: v for k, v in row.fields.items() if k != "actors"}
            conn.execute(update(events).where(events.c.id == row.id)
                         .values(fields=old, resolver_version="resolve-older"))
    assert all(e.actors == [] for e in store.events())
    assert store.refresh_events(resolver, batch=1) == len(fresh)
    assert {e.id: e.actors for e in store.events()} == fresh and ["North Korea"] in fresh.values()
    assert {e.resolver_version for e in store.events()} == {resolver.version}
    assert _snapshot(store)[1] == members
    assert store.refresh_events(resolver) == 0


def test_the_resolver_version_follows_the_fields_version(monkeypatch):
    import nkwatch.resolve_run as run
    before = Resolver.load(Settings()).version
    monkeypatch.setattr(run, "FIELDS_VERSION", run.FIELDS_VERSION + 1)
    assert Resolver.load(Settings()).version != before


def test_a_document_without_facts_is_marked_extracted_and_joins_nothing(store, resolver):
    """Nothing extracted now nor before: stored as extracted, no event touched (no resolution runs)."""
    jcs = store.add_document(document("jcs"))
    store.save_resolved(jcs.document_id, extraction("jcs"), resolver)
    before = _snapshot(store)
    quiet = store.add_document(document("kcna"))
    result = store.save_resolved(quiet.document_id, Extraction(document("kcna").hash, "test-1", [], []), resolver)
    assert (result.assignments, result.new_events, result.updated_events, result.removed_events) == ({}, [], [], [])
    assert store.get_document(quiet.document_id).extracted_version == "test-1"
    assert _snapshot(store) == before
    assert store.needs_extraction("test-1") == []
