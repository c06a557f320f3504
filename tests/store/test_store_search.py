"""Full-text search: stemming, phrases, ranking, snippets, clear errors for bad queries."""
from __future__ import annotations

import pytest

from nkwatch.models import Document
from nkwatch.store import SearchSyntaxError, fts
from nkwatch.store.fts import prepare_query


@pytest.fixture
def filled(store, articles):
    ids = {}
    for name, text in articles.items():
        ids[name] = store.add_document(Document(name=f"{name}.txt", text=text, title=None)).document_id
    ids["titled"] = store.add_document(Document(
        name="t.txt", title="Missile launch condemned",
        text="Officials in Tokyo and Seoul condemned the launch in a joint statement.")).document_id
    return store, ids


def test_finds_words_with_stemming(filled):
    store, ids = filled
    hits = store.search("missile")  # the text says "missiles"
    assert {h.document_id for h in hits} == {ids["launch"], ids["titled"]}
    assert [h.document_id for h in store.search("exercise border")] == [ids["drill"]]
    assert store.search("submarine") == []


def test_title_match_ranks_first_and_snippet_marks_matches(filled):
    store, ids = filled
    hits = store.search("launch")
    assert hits[0].document_id == ids["titled"]
    assert all(a.score >= b.score for a, b in zip(hits, hits[1:]))
    launch = next(h for h in store.search("ballistic") if h.document_id == ids["launch"])
    assert "**ballistic**" in launch.snippet and launch.name == "launch.txt"


def test_hyphenated_terms_and_phrases(filled):
    store, ids = filled
    assert [h.document_id for h in store.search("short-range")] == [ids["launch"]]
    assert [h.document_id for h in store.search('"foreign ministers"')] == [ids["meeting"]]
    assert store.search('"ministers foreign"') == []
    assert [h.document_id for h in store.search("Kreml*")] == [ids["meeting"]]
    assert [h.document_id for h in store.search("title:missile")] == [ids["titled"]]
    assert [h.document_id for h in store.search("missile NOT Tokyo")] == [ids["launch"]]


def test_ranking_is_bounded_to_the_documents_stored_last(store, monkeypatch):
    """Of the documents that match, the RANKED stored last are ranked (never fewer than the page)."""
    strong = store.add_document(Document(name="a.txt", text="Torpedo tests: a torpedo, then a torpedo.")).document_id
    weak = store.add_document(Document(name="b.txt", text="Officials said little about the torpedo "
                                                          "or about anything else that week.")).document_id
    assert [h.document_id for h in store.search("torpedo", limit=1)] == [strong]
    monkeypatch.setattr(fts, "RANKED", 1)
    assert [h.document_id for h in store.search("torpedo", limit=1)] == [weak]
    assert [h.document_id for h in store.search("torpedo", limit=2)] == [strong, weak]


def test_revisions_are_indexed(store, articles):
    url = "https://example.org/1"
    store.add_document(Document(name="1", text=articles["launch"], url=url))
    new = store.add_document(Document(name="1", text=articles["launch"] + " Update: a third missile.", url=url))
    assert new.document_id in {h.document_id for h in store.search("update")}


@pytest.mark.parametrize("query", ["(", '"unclosed', "AND", "missile AND", "NEAR(missile"])
def test_bad_query_is_a_clear_error(filled, query):
    store, _ = filled
    with pytest.raises(SearchSyntaxError, match="cannot search for") as info:
        store.search(query)
    assert "quoted phrases" in str(info.value)


def test_empty_query_is_an_error(filled):
    with pytest.raises(SearchSyntaxError, match="empty query"):
        filled[0].search("   ")


@pytest.mark.parametrize("query, expected", [
    ("missile launch", "missile launch"),
    ("Hwasong-18", '"Hwasong-18"'),
    ("U.S. drills", '"U.S." drills'),
    ('"joint drills" OR exercise', '"joint drills" OR exercise'),
    ("(KN-25 OR rocket) NOT test", '( "KN-25" OR rocket ) NOT test'),
    ("title:Hwasong-18", 'title:"Hwasong-18"'),
    ("Hwas*", "Hwas*"),
    ("KN-2*", '"KN-2"*'),
    ("Pyongyang's", '"Pyongyang\'s"'),
    ("10:30 GMT", '"10:30" GMT'),
])
def test_prepare_query(query, expected):
    assert prepare_query(query) == expected
