"""save_extraction replaces atomically; mentions and claims come back as they went in, filtered."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError

from nkwatch.models import Claim, DateValue, Document, Extraction, Mention, Place, Span
from nkwatch.store import StoreError


@pytest.fixture
def stored(store, articles):
    """(store, document id, document) for the invented launch article."""
    doc = Document(name="launch.txt", text=articles["launch"])
    return store, store.add_document(doc).document_id, doc


def launch_extraction(doc: Document, version: str = "v1") -> Extraction:
    text = doc.text
    sentence = Span(0, text.index("said.") + 5)
    test = Mention(
        doc=doc.hash, type="weapons_test", evidence=sentence, weapon="ballistic missile",
        weapon_class="srbm", count=2,
        date=DateValue("2025-03-04", "day", "relative", "on", Span(text.index("Tuesday"), text.index("Tuesday") + 7)),
        place=Place("East Sea", "sea", 39.0, 130.0, Span(text.index("east coast"), text.index("east coast") + 10)),
        actors=["North Korea"], sources=["JCS", "jcs", "South Korea"], modality="happened",
        confidence=0.9, cues=["fired"])
    monthly = Mention(doc=doc.hash, type="military_exercise", evidence=Span(sentence.end + 1, len(text)),
                      date=DateValue("2025-02", "month", "explicit"), sources=["KCNA"])
    undated = Mention(doc=doc.hash, type="ceremony", evidence=Span(0, 5))
    claim = Claim(doc=doc.hash, property="range_km", value=350.0, evidence=Span(sentence.end + 1, len(text)),
                  bound="approx", unit="km", source="JCS", mention_id=test.id, subject="launch")
    return Extraction(doc=doc.hash, pipeline_version=version, mentions=[test, monthly, undated], claims=[claim])


def test_mentions_and_claims_round_trip(stored):
    store, doc_id, doc = stored
    extraction = launch_extraction(doc)
    store.save_extraction(doc_id, extraction)
    got = store.mentions(document_id=doc_id)
    assert [m.mention for m in got] == [extraction.mentions[1], extraction.mentions[0], extraction.mentions[2]]
    assert got[1].date_start == got[1].date_end == date(2025, 3, 4)
    assert (got[0].date_start, got[0].date_end) == (date(2025, 2, 1), date(2025, 2, 28))
    assert got[2].date_start is None and got[1].pipeline_version == "v1" and got[1].event_id is None
    assert [c.claim for c in store.claims(document_id=doc_id)] == extraction.claims
    assert store.get_document(doc_id).extracted_version == "v1"


def test_save_replaces_previous_extraction(stored):
    store, doc_id, doc = stored
    store.save_extraction(doc_id, launch_extraction(doc, "v1"))
    second = launch_extraction(doc, "v2")
    second.mentions, second.claims = second.mentions[:1], []
    store.save_extraction(doc_id, second)
    assert [m.mention for m in store.mentions()] == second.mentions
    assert store.claims() == []
    assert store.mentions(source="kcna") == []  # the replaced mention's sources are gone too
    assert store.get_document(doc_id).extracted_version == "v2"
    assert store.needs_extraction("v2") == [] and store.needs_extraction("v3") == [doc_id]


def test_failed_save_keeps_the_previous_extraction(stored):
    store, doc_id, doc = stored
    store.save_extraction(doc_id, launch_extraction(doc, "v1"))
    broken = launch_extraction(doc, "v2")
    broken.mentions[2].type = None  # NOT NULL: fails after the old rows were deleted
    with pytest.raises(IntegrityError):
        store.save_extraction(doc_id, broken)
    assert len(store.mentions(document_id=doc_id)) == 3
    assert store.get_document(doc_id).extracted_version == "v1"


def test_save_refuses_inconsistent_extractions(stored, articles):
    store, doc_id, doc = stored
    foreign = launch_extraction(doc)
    foreign.doc = Document(name="x", text=articles["drill"]).hash
    with pytest.raises(StoreError, match="given for document"):
        store.save_extraction(doc_id, foreign)
    beyond = launch_extraction(doc)
    beyond.claims[0].evidence = Span(0, len(doc.text) + 1)
    with pytest.raises(StoreError, match="beyond the text"):
        store.save_extraction(doc_id, beyond)
    with pytest.raises(StoreError, match="no document"):
        store.save_extraction(999, launch_extraction(doc))
    assert store.mentions() == [] and store.get_document(doc_id).extracted_version is None


def test_a_fact_given_twice_is_stored_once(stored):
    store, doc_id, doc = stored
    twice = launch_extraction(doc)
    again = replace(twice.mentions[0], sources=["NIS"], cues=["launched"], confidence=0.5)
    twice.mentions.append(again)  # one type, one evidence span: one id
    twice.claims.append(replace(twice.claims[0]))
    store.save_extraction(doc_id, twice)
    got = {m.id: m.mention for m in store.mentions(document_id=doc_id)}
    assert len(got) == 3 and len(store.claims(document_id=doc_id)) == 1
    merged = got[again.id]
    assert (merged.sources, merged.cues, merged.confidence) == (["JCS", "jcs", "South Korea", "NIS"],
                                                                ["fired", "launched"], 0.9)


def test_a_repeated_sentence_gives_its_facts_once(store):
    lead = "North Korea fired a ballistic missile on Tuesday, the JCS said. It flew 600 kilometers."
    doc = Document(name="repeated.txt", text=f"{lead}\nSEOUL, South Korea \u2014 {lead}\n")
    doc_id = store.add_document(doc).document_id
    second = doc.text.index("North", 1)

    def facts(at: int) -> tuple[Mention, Claim]:
        mention = Mention(doc=doc.hash, type="weapons_test", evidence=Span(at, at + 48), sources=["JCS"])
        km = doc.text.index("600", at)
        return mention, Claim(doc=doc.hash, property="range_km", value=600.0, evidence=Span(km, km + 14),
                              unit="km", source="JCS", mention_id=mention.id)

    (m1, c1), (m2, c2) = facts(0), facts(second)
    store.save_extraction(doc_id, Extraction(doc.hash, "v1", [m1, m2], [c1, c2]))
    assert [m.id for m in store.mentions(document_id=doc_id)] == [m1.id]
    assert [(c.id, c.claim.mention_id) for c in store.claims(document_id=doc_id)] == [(c1.id, m1.id)]


def test_mention_filters(stored):
    store, doc_id, doc = stored
    store.save_extraction(doc_id, launch_extraction(doc))
    def types(**kw):
        return [m.mention.type for m in store.mentions(**kw)]
    assert types(type="weapons_test") == ["weapons_test"]
    assert types(weapon_class="srbm") == ["weapons_test"]
    assert types(source="JCS") == types(source="south korea") == ["weapons_test"]
    assert types(since="2025-03") == ["weapons_test"]
    assert types(until="2025-02-28") == ["military_exercise"]
    assert types(since=date(2025, 2, 15), until="2025-W10") == ["military_exercise", "weapons_test"]
    assert types(since="2025") == ["military_exercise", "weapons_test"]  # undated never matches
    assert types(since="2026") == []
    assert types(limit=1, offset=2) == ["ceremony"]
    with pytest.raises(StoreError, match="not a date"):
        store.mentions(since="last week")


def test_claim_filters_and_stats(stored):
    store, doc_id, doc = stored
    store.save_extraction(doc_id, launch_extraction(doc))
    assert len(store.claims(property="range_km", source="jcs")) == 1
    assert store.claims(property="troops") == [] and store.claims(source="KCNA") == []
    assert len(store.claims(mention_id=launch_extraction(doc).mentions[0].id)) == 1
    stats = store.stats()
    assert stats["mentions"] == 3 and stats["claims"] == 1
    assert stats["mentions_by_type"] == {"ceremony": 1, "military_exercise": 1, "weapons_test": 1}
    assert stats["extracted_versions"] == {"v1": 1}
    assert store.documents()[0].mentions == 3
