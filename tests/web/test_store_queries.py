"""The store queries the web app added: events by place and by text (fields, sources, evidence),
newest first; claim records by source, with an offset. Over the invented reports of tests/events,
on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest

from events.invented import Reports
from nkwatch.resolve_run import Resolver
from nkwatch.settings import Settings
from nkwatch.store import Store


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def store(request, tmp_path):
    url = str(tmp_path / "queries.db") if request.param == "sqlite" else request.getfixturevalue("pg_migrated_url")
    settings = Settings(db=url)
    with Store.open(settings) as opened:
        Reports(opened, Resolver.load(settings)).add("jcs", "kcna", "cruise", "troops1", "troops2", "icbm")
        yield opened


def ids(rows) -> list[str]:
    return [r.id for r in rows]


def test_place_is_part_of_the_place_name_case_insensitive(store):
    east = store.events(place="east")
    assert [r.place for r in east] == ["East Sea"]
    assert ids(store.events(place="SEA")) == ids(r for r in store.events() if r.place and "Sea" in r.place)
    assert store.events(place="Atlantis") == []


@pytest.mark.parametrize("text, expected_type", [
    ("tactical ballistic", "weapons_test"),      # evidence of one report of the launch
    ("joint chiefs", "weapons_test"),            # a source
    ("WEST SEA", "weapons_test"),                # the place
    ("deployed in russia", "troop_deployment"),  # evidence
])
def test_text_reads_fields_sources_and_evidence(store, text, expected_type):
    found = store.events(text=text)
    assert len(found) == 1 and found[0].type == expected_type


TEXTS = ["tactical ballistic", "joint chiefs", "WEST SEA", "deployed in russia", "kcna", "Sea", "ea", "a",
         "%", "_", "12,000", 'said "', "missile", "zzz", "  "]


@pytest.mark.parametrize("text", TEXTS)
def test_text_gives_the_same_events_whether_matches_are_few_or_many(store, monkeypatch, text):
    """The filter collects the matching events first when few mentions match, and walks the events
    in order otherwise (events.TEXT_SET_MAX): the same events either way, in the same order."""
    import nkwatch.store.events as ev
    collected = ids(store.events(text=text)), ids(store.events(text=text, limit=2, offset=1))
    monkeypatch.setattr(ev, "TEXT_SET_MAX", 0)
    assert (ids(store.events(text=text)), ids(store.events(text=text, limit=2, offset=1))) == collected
    by_hand = [r.id for r in store.events() if _holds(store, r, text)]
    assert collected[0] == by_hand


def _holds(store, row, text: str) -> bool:
    low = text.lower()
    fields = [row.label, row.weapon, row.place, *row.sources]
    evidence = [m.text for m in store.mention_records(event_id=row.id)]
    sources = [s for m in store.mention_records(event_id=row.id) for s in m.fact.mention.sources]
    return any(low in (x or "").lower() for x in [*fields, *evidence, *sources])


def test_text_wildcards_are_literal(store):
    assert store.events(text="%") == [] and store.events(text="_") == []
    assert store.events(text="12,000") != []  # punctuation is no syntax


def test_newest_first(store):
    oldest, newest = store.events(), store.events(newest_first=True)
    dated = [r for r in oldest if r.date_start]
    assert [r.date_start for r in newest[:len(dated)]] == sorted((r.date_start for r in dated), reverse=True)
    assert set(ids(newest[:len(dated)])) == set(ids(dated))
    assert ids(newest[len(dated):]) == ids(oldest[len(dated):])  # undated last either way
    assert ids(store.events(newest_first=True, limit=2, offset=1)) == ids(newest[1:3])


def test_claim_records_by_source_and_page(store):
    everything = store.claim_records()
    assert [r.fact.claim.source for r in store.claim_records(source="KCNA")] == ["KCNA"]
    assert store.claim_records(source="kcna") == store.claim_records(source="KCNA")
    assert store.claim_records(limit=2, offset=1) == everything[1:3]
    assert store.claim_records(offset=len(everything)) == []
