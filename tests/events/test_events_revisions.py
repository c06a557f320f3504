"""Revisions of one article (same URL): the newest text is its report; older revisions stay
stored, their mentions in no event and their claims in no event, claim list or series; an older
text given again is the report again."""
from __future__ import annotations

from dataclasses import replace

from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import func, insert, select, update

from nkwatch.models import Claim, Document, Extraction
from nkwatch.store import migrate
from nkwatch.store.schema import event_members, mentions
from nkwatch.web import create_app
from nkwatch.web.resources import WebResources

from .invented import document, extraction, span

REVISED = document("jcs").text.replace("about 600 km", "about 650 km, officials added")


def revised() -> tuple[Document, Extraction]:
    doc = replace(document("jcs"), text=REVISED)
    first = extraction("jcs").mentions[0]
    mention = replace(first, doc=doc.hash, evidence=span(REVISED, REVISED[first.evidence.start:first.evidence.end]))
    claim = Claim(doc.hash, "range_km", 650.0, span(REVISED, "about 650 km"), bound="approx", unit="km",
                  source="Joint Chiefs of Staff", mention_id=mention.id)
    return doc, Extraction(doc.hash, "test-1", [mention], [claim])


def launch(store):
    [event] = store.events(type="weapons_test")
    return event, sorted(c.value for c in store.get_event(event.id).event.claims)


def test_a_revision_replaces_the_report_it_revises(reports, store, resolver):
    first = reports.add("jcs")["jcs"]
    doc, ext = revised()
    added = store.add_document(doc)
    assert (added.status, added.revision) == ("revision", 2)
    store.save_resolved(added.document_id, ext, resolver)
    store.refresh_events(resolver)
    event, claims = launch(store)
    assert (event.mentions, event.documents, claims) == (1, 1, [650.0])
    assert [r.fact.claim.value for r in store.claim_records()] == [650.0]
    assert [r.document.id for r in store.mention_records()] == [added.document_id]
    old = store.get_document(first)
    assert (old.superseded_by, old.current_id) == (added.document_id, added.document_id)
    assert [m.event_id for m in store.mentions(document_id=first)] == [None]  # still stored, in no event
    assert [c.claim.value for c in store.claims(document_id=first)] == [600.0]
    assert [d.current_revision for d in store.documents()] == [False, True]


def test_going_back_to_an_older_text_makes_it_the_report_again(reports, store, resolver):
    first = reports.add("jcs")["jcs"]
    doc, ext = revised()
    second = store.add_document(doc).document_id
    store.save_resolved(second, ext, resolver)
    again = store.add_document(document("jcs"))
    assert (again.status, again.document_id, again.extracted_version) == ("restored", first, None)
    jcs = document("jcs")
    assert store.lookup_many([jcs.hash])[jcs.hash].result_for(jcs.url, "jcs.txt").status == "unchanged"
    store.save_resolved(first, extraction("jcs"), resolver)  # extracted again, as ingest does
    store.refresh_events(resolver)
    event, claims = launch(store)
    assert (event.mentions, event.documents, claims) == (1, 1, [600.0])
    assert store.get_document(second).current_id == first
    assert [m.event_id for m in store.mentions(document_id=second)] == [None]


def test_an_older_revision_extracted_again_joins_no_event(reports, store, resolver):
    first = reports.add("jcs")["jcs"]
    doc, ext = revised()
    store.save_resolved(store.add_document(doc).document_id, ext, resolver)
    result = reports.reextract("jcs")  # a new pipeline version extracts every document again
    assert result.assignments == {} and list(result.skipped) == [extraction("jcs").mentions[0].id]
    store.refresh_events(resolver)
    event, claims = launch(store)
    assert (event.mentions, claims) == (1, [650.0])
    assert [m.event_id for m in store.mentions(document_id=first)] == [None]


def test_the_same_text_under_another_name_changes_nothing(reports, store):
    first = reports.add("jcs")["jcs"]
    doc, _ = revised()
    store.add_document(doc)
    copy = Document(name="copy.txt", text=document("jcs").text)  # the older text, another article
    assert store.add_document(copy).status == "unchanged"
    assert store.get_document(first).current_id != first


def test_migration_0007_takes_older_revisions_out_of_their_events(reports, store, resolver, settings):
    first = reports.add("jcs")["jcs"]
    doc, ext = revised()
    second = store.add_document(doc).document_id
    store.save_resolved(second, ext, resolver)
    [event] = store.events(type="weapons_test")
    old_mention = store.mentions(document_id=first)[0].id
    with store.engine.begin() as conn:  # as stores before 0007 were: both revisions in the event
        conn.execute(insert(event_members).values(mention_id=old_mention, event_id=event.id, rule="matched",
                                                  score=1.0, features={}, agreed=[], notes=[]))
        conn.execute(update(mentions).where(mentions.c.id == old_mention).values(event_id=event.id))
    with store.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0006")
    with store.engine.connect() as conn:   # the schema of 0006: both revisions in the event
        members = conn.execute(select(func.count()).select_from(event_members)).scalar()
    assert store.revision() == "0006" and members == 2
    migrate.upgrade(store.engine)
    assert [(d.id, d.current_revision) for d in store.documents()] == [(first, False), (second, True)]
    assert [e.mentions for e in store.events(type="weapons_test")] == [1]
    assert store.events(type="weapons_test")[0].resolver_version == ""  # reconciled again at the next run
    assert store.refresh_events(resolver) == 1


def test_the_document_page_of_an_older_revision_says_so(reports, store, resolver, settings):
    first = reports.add("jcs")["jcs"]
    second = store.add_document(revised()[0]).document_id
    client = TestClient(create_app(settings, WebResources(settings, store, resolver=resolver)))
    page = client.get(f"/documents/{first}.json").json()["document"]
    assert (page["text"], page["current_id"], page["superseded_by"]) == (document("jcs").text, second, second)
    assert "not counted as a report" in client.get(f"/documents/{first}").text
    assert "not counted as a report" not in client.get(f"/documents/{second}").text
