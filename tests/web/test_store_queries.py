"""The store queries the web app added: events by place and by text (fields, sources, evidence),
newest first, an undated event at its report day, by timeline period, and counted for the
timeline's chart; claim records by source, with an offset. Over the invented reports of tests/events,
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
        Reports(opened, Resolver.load(settings)).add("jcs", "kcna", "cruise", "troops1", "troops2", "icbm", "parade")
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


def test_timeline_order_places_an_undated_event_at_its_first_report(store):
    rows = store.events()
    parade = next(r for r in rows if r.type == "ceremony")
    assert parade.date_start is None and parade.first_report.isoformat() == "2025-09-10"
    before = [r.date_start.isoformat() for r in rows[:rows.index(parade)]]
    after = [r.date_start.isoformat() for r in rows[rows.index(parade) + 1:]]
    assert max(before) <= "2025-09-10" < min(after)


def test_newest_first(store):
    oldest, newest = store.events(), store.events(newest_first=True)
    assert ids(newest) == ids(reversed(oldest))  # every event here has a day on the timeline
    assert ids(store.events(newest_first=True, limit=2, offset=1)) == ids(newest[1:3])


def test_period_keeps_the_events_standing_in_it(store):
    assert [r.type for r in store.events(period="2025-09")] == ["ceremony"]  # by its report
    assert ids(store.events(period="2025-05")) == ids(r for r in store.events() if r.date_value == "2025-05-10")
    assert store.events(period="2025", since="2025-06", until="2025-06") == store.events(since="2025-06", until="2025-06")


def test_counts_by_type_and_day_match_the_listing(store, monkeypatch):
    rows, counts = store.timeline(limit=2)
    assert len(rows) == 2 and sum(c.events for c in counts) == len(store.events(limit=None))
    parade, = [c for c in counts if c.type == "ceremony"]
    assert (parade.day.isoformat(), parade.events, parade.dated) == ("2025-09-10", 1, 0)
    _, launches = store.timeline(type="weapons_test", period="2025-05")
    assert [(c.day.isoformat(), c.events, c.dated) for c in launches] == [("2025-05-10", 1, 1)]
    assert store.timeline(text="zzz") == ([], [])
    rows, counts = store.timeline(text="sea")
    assert rows == store.events(text="sea") and sum(c.events for c in counts) == len(rows)
    import nkwatch.store.events as ev
    monkeypatch.setattr(ev, "TEXT_SET_MAX", 0)  # a text in too many reports: the page, no counts
    assert store.timeline(text="sea") == (rows, None)


def test_claim_records_by_source_and_page(store):
    everything = store.claim_records()
    assert [r.fact.claim.source for r in store.claim_records(source="KCNA")] == ["KCNA"]
    assert store.claim_records(source="kcna") == store.claim_records(source="KCNA")
    assert store.claim_records(limit=2, offset=1) == everything[1:3]
    assert store.claim_records(offset=len(everything)) == []

