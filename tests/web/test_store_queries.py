"""The store queries the web app added: events by place and by text (fields, sources, evidence),
newest first; claim records by source, with an offset. Over the invented reports of tests/events."""
from __future__ import annotations

import pytest

from events.invented import Reports
from nkwatch.resolve_run import Resolver
from nkwatch.settings import Settings
from nkwatch.store import Store


@pytest.fixture
def store(tmp_path):
    settings = Settings(db=str(tmp_path / "queries.db"))
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
