"""add_document: content-addressed, revisions never overwrite, failures store nothing."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from sqlalchemy import select

from nkwatch.models import Boilerplate, Document, Span
from nkwatch.store import AmbiguousKey, Store, StoreError
from nkwatch.store.schema import documents


def rows(store) -> list[dict]:
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(documents).order_by(documents.c.id))]


def test_new_document_round_trips_exactly(store, articles):
    text = "Headline\r\n\r\n" + articles["launch"] + "  \n\u00a0Photo: KCNA\u2019s file\n"
    original = Document(name="a.txt", text=text, title="Headline", url=None, site="example.org",
                        published=date(2025, 3, 4), published_method="header",
                        kept=[Span(0, 8), Span(12, 12 + len(articles["launch"]))],
                        boilerplate=[Boilerplate(Span(len(text) - 21, len(text) - 1), "caption")],
                        meta={"encoding": "utf-8"})
    result = store.add_document(original)
    assert (result.status, result.revision) == ("new", 1)
    stored = store.get_document(result.document_id)
    assert stored.document == original
    assert stored.document.hash == original.hash
    assert (stored.revision, stored.supersedes, stored.superseded_by) == (1, None, None)


def test_same_text_again_changes_nothing_even_under_another_name(store, articles):
    first = store.add_document(Document(name="a.txt", text=articles["launch"], title="One"))
    before = rows(store)
    again = store.add_document(Document(name="a.txt", text=articles["launch"], title="One"))
    renamed = store.add_document(Document(name="copy/b.html", text=articles["launch"], title="Other",
                                          url="https://example.org/b", fmt="html"))
    assert again.status == renamed.status == "unchanged"
    assert again.document_id == renamed.document_id == first.document_id
    assert rows(store) == before


def test_new_text_at_same_url_is_a_new_revision(store, articles):
    url = "https://example.org/news/1"
    first = store.add_document(Document(name="1.html", text=articles["launch"], url=url))
    second = store.add_document(Document(name="1.html", text=articles["launch"] + " Updated.", url=url))
    third = store.add_document(Document(name="other.html", text=articles["launch"] + " Again.", url=url))
    assert (second.status, second.revision) == ("revision", 2)
    assert (third.status, third.revision) == ("revision", 3)
    assert [(r["id"], r["revision"], r["supersedes"]) for r in rows(store)] == [
        (first.document_id, 1, None), (second.document_id, 2, first.document_id),
        (third.document_id, 3, second.document_id)]
    assert store.get_document(first.document_id).document.text == articles["launch"]  # not overwritten
    assert store.get_document(second.document_id).superseded_by == third.document_id


def test_without_url_the_name_keys_revisions(store, articles):
    store.add_document(Document(name="a.txt", text=articles["launch"]))
    assert store.add_document(Document(name="a.txt", text=articles["drill"])).status == "revision"
    assert store.add_document(Document(name="b.txt", text=articles["meeting"])).status == "new"
    # a URL-less name never chains onto a document that has a URL
    assert store.add_document(Document(name="c.txt", text="x", url="https://example.org/c")).status == "new"
    assert store.add_document(Document(name="c.txt", text="y")).status == "new"


def test_span_beyond_text_stores_nothing(store, articles):
    bad = Document(name="a.txt", text=articles["launch"], kept=[Span(0, len(articles["launch"]) + 1)])
    with pytest.raises(StoreError, match="beyond the text"):
        store.add_document(bad)
    assert rows(store) == []


def test_unstorable_document_keeps_the_others(store, articles):
    store.add_document(Document(name="a.txt", text=articles["launch"]))
    with pytest.raises(UnicodeEncodeError):  # a lone surrogate (e.g. from a JSON escape) is not UTF-8
        store.add_document(Document(name="b.txt", text=articles["drill"] + "\ud800"))
    store.add_document(Document(name="c.txt", text=articles["meeting"]))
    assert [r["name"] for r in rows(store)] == ["a.txt", "c.txt"]


def test_get_document_by_id_or_hash_prefix(store, articles):
    result = store.add_document(Document(name="a.txt", text=articles["launch"]))
    digest = Document(name="", text=articles["launch"]).hash
    assert store.get_document(result.document_id).id == result.document_id
    assert store.get_document(str(result.document_id)).id == result.document_id
    assert store.get_document(digest[:8]).id == result.document_id
    assert store.get_document(digest[:8].upper()).id == result.document_id
    assert store.get_document(999) is None
    with pytest.raises(StoreError, match="hash prefix"):
        store.get_document("ab")


def test_ambiguous_hash_prefix(store):
    texts, seen = [], {}
    for i in range(400):  # find two texts whose hashes share 4 hex digits
        text = f"Invented report number {i}."
        prefix = Document(name="", text=text).hash[:4]
        if prefix in seen:
            texts = [seen[prefix], text]
            break
        seen[prefix] = text
    for i, text in enumerate(texts):
        store.add_document(Document(name=f"{i}.txt", text=text))
    with pytest.raises(AmbiguousKey):
        store.get_document(Document(name="", text=texts[0]).hash[:4])


def test_documents_listing(store, articles):
    for name in ("launch", "drill", "meeting"):
        store.add_document(Document(name=f"{name}.txt", text=articles[name], title=name.title()))
    listed = store.documents(limit=2, offset=1)
    assert [(d.name, d.title, d.size, d.mentions) for d in listed] == [
        ("drill.txt", "Drill", len(articles["drill"]), 0),
        ("meeting.txt", "Meeting", len(articles["meeting"]), 0)]
    assert store.stats()["documents"] == 3


def test_concurrent_writers_keep_one_revision_chain(settings):
    url = "https://example.org/live-blog"

    def write(worker: int) -> list[str]:
        with Store.open(settings) as own:  # one store (engine) per writer, as separate processes
            return [own.add_document(Document(name="blog", url=url, text=f"Update {worker}.{i}")).status
                    for i in range(10)]

    Store.open(settings).close()  # the schema exists before the writers start, as after any first use
    with ThreadPoolExecutor(4) as pool:
        statuses = [s for batch in pool.map(write, range(4)) for s in batch]
    assert statuses.count("new") == 1 and statuses.count("revision") == 39
    with Store.open(settings) as store:
        chain = [(r["revision"], r["supersedes"]) for r in rows(store)]
    assert sorted(rev for rev, _ in chain) == list(range(1, 41))
    assert len({sup for _, sup in chain}) == 40  # no row superseded twice
