"""Claims, documents and search over the seeds, the security headers of every answer, and the
JSON twin of every page: the same data at PATH.json and PATH?format=json, and what the HTML
page shows."""
from __future__ import annotations

import pytest
from markupsafe import escape

pytestmark = [pytest.mark.e2e, pytest.mark.model]


def get_json(client, path: str, **query) -> dict:
    response = client.get(path, params=query)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    return response.json()


# -- claims -------------------------------------------------------------------------------------

def test_claims_with_source_event_and_evidence(client, seeded):
    claims = get_json(client, "/claims.json")["claims"]
    assert len(claims) == len(seeded.store.claim_records())
    for c in claims:
        text = seeded.store.get_document(c["document_id"]).document.text
        assert text[c["evidence"][0]:c["evidence"][1]] == c["evidence_text"]
    troops = get_json(client, "/claims.json", property="troops")["claims"]
    assert sorted(c["value"] for c in troops) == [10000, 11000, 15000]
    assert {c["event_id"] for c in troops} == {"dprk-troops-russia"}
    ukrainian = get_json(client, "/claims.json", source="UKRAINIAN OFFICIALS")["claims"]
    assert {(c["property"], c["value"]) for c in ukrainian} == {("troops", 11000), ("reinforcements", 3000)}
    of_event = get_json(client, "/claims.json", event="dprk-troops-russia")["claims"]
    assert {c["id"] for c in troops} <= {c["id"] for c in of_event}


def test_claims_pagination(client):
    everything = [c["id"] for c in get_json(client, "/claims.json")["claims"]]
    first = get_json(client, "/claims.json", limit=3)
    second = get_json(client, "/claims.json", limit=3, offset=3)
    assert first["next_offset"] == 3 and second["prev_offset"] == 0
    assert [c["id"] for c in first["claims"] + second["claims"]] == everything[:6]
    assert client.get("/claims.json", params={"limit": 0}).status_code == 422


# -- documents ----------------------------------------------------------------------------------

def test_document_list_and_pagination(client, seeded):
    data = get_json(client, "/documents.json")
    assert [d["id"] for d in data["documents"]] == [r.id for r in seeded.store.documents(limit=None)]
    assert len(data["documents"]) == 5 and data["next_offset"] is None
    page = get_json(client, "/documents.json", limit=2, offset=2)
    assert [d["id"] for d in page["documents"]] == [d["id"] for d in data["documents"][2:4]]
    assert page["next_offset"] == 4 and page["prev_offset"] == 0


def test_document_has_original_text_kept_and_boilerplate_spans_and_its_facts(client, seeded):
    for row in seeded.store.documents(limit=None):
        data = get_json(client, f"/documents/{row.id}.json")
        stored = seeded.store.get_document(row.id).document
        segments = data["segments"]
        assert data["document"]["text"] == stored.text  # the original, whole
        assert data["document"]["language"] == "en"
        assert "language en" in client.get(f"/documents/{row.id}").text
        assert "".join(s["text"] for s in segments) == stored.text
        assert data["document"]["kept"] == [[s.start, s.end] for s in stored.kept]
        for s in segments:  # a segment is kept text or boilerplate, as the spans say
            inside = any(k.start <= s["start"] and s["end"] <= k.end for k in stored.kept)
            assert (s["boilerplate"] is None) == inside
        assert len(data["mentions"]) == row.mentions
        for fact in data["mentions"] + data["claims"]:
            start, end = fact["evidence"]
            assert stored.text[start:end] == fact["evidence_text"]
            assert any(fact["id"] in s["ids"] for s in segments)  # highlighted in the text
    with_boilerplate = get_json(client, "/documents/1.json")
    assert any(s["boilerplate"] is not None for s in with_boilerplate["segments"])


def test_document_by_hash_prefix_and_unknown_documents(client, seeded):
    row = seeded.store.documents(limit=1)[0]
    assert get_json(client, f"/documents/{row.hash[:10]}.json")["document"]["id"] == row.id
    assert client.get("/documents/999999.json").status_code == 404
    assert client.get("/documents/ffffffffff.json").status_code == 404
    assert client.get("/documents/999999").status_code == 404


# -- search -------------------------------------------------------------------------------------

def test_search_finds_documents_with_marked_snippets(client, seeded):
    data = get_json(client, "/search.json", q="cruise")
    assert data["error"] is None and data["hits"]
    for hit in data["hits"]:
        assert any(part["hit"] for part in hit["snippet_parts"])
        assert "cruise" in seeded.store.get_document(hit["document_id"]).document.text.lower()
    assert get_json(client, "/search.json", q="cruise", limit=1)["hits"] == data["hits"][:1]
    assert get_json(client, "/search.json", q="zyxwvut")["hits"] == []
    assert get_json(client, "/search.json") == {"q": None, "hits": [], "error": None}


def test_a_query_the_index_cannot_parse_is_an_error_message_not_a_failure(client):
    data = get_json(client, "/search.json", q='"unterminated')
    assert data["hits"] == [] and "cannot search" in data["error"]
    page = client.get("/search", params={"q": '"unterminated'})
    assert page.status_code == 200 and "cannot search" in page.text


# -- every answer -------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/events", "/events.json", "/static/app.js", "/events/nope", "/openapi.json"])
def test_every_answer_carries_a_csp_forbidding_inline_script(client, path):
    headers = client.get(path).headers
    policy = dict(part.strip().split(" ", 1) for part in headers["content-security-policy"].split(";"))
    assert policy["script-src"] == "'self'" and policy["default-src"] == "'self'"
    assert "unsafe" not in headers["content-security-policy"]
    assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
    assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", ["/events", "/events.json", "/static/app.js", "/events/nope", "/openapi.json"])
def test_head_answers_as_get_without_a_body(client, path):
    got, head = client.get(path), client.head(path)
    assert head.status_code == got.status_code and head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-security-policy"] == got.headers["content-security-policy"]


# -- JSON twins ---------------------------------------------------------------------------------

def _shown_events(data) -> list[str]:
    return [f'href="/events/{e["id"]}"' for e in data["events"]] + [str(escape(e["date_shown"]["text"]))
                                                                     for e in data["events"]]


def _shown_event(data) -> list[str]:
    return ([str(escape(f["shown"])) for f in data["fields"] if f["shown"]]
            + [str(escape(m["evidence_text"])) for m in data["members"]]
            + [f'id="at-{m["id"]}"' for m in data["members"]])


PAGES = {
    "/events": _shown_events,
    "/events?type=weapons_test&sort=-date": _shown_events,
    "/map": lambda d: [f'href="/events/{e["id"]}"' for e in d["undisclosed"] + d["unlocated"]],
    "/events/dprk-troops-russia": _shown_event,
    "/claims": lambda d: [str(escape(c["shown"])) for c in d["claims"]] + [str(escape(c["evidence_text"]))
                                                                           for c in d["claims"]],
    "/claims/series/dprk-troops-russia": lambda d: [str(escape(p["shown"])) for p in d["points"]]
    + [str(escape(s["source"])) for s in d["chart"]["series"]],
    "/documents": lambda d: [f'href="/documents/{x["id"]}"' for x in d["documents"]],
    "/documents/2": lambda d: [str(escape(m["evidence_text"])) for m in d["mentions"]]
    + [str(escape(d["document"]["title"]))],
    "/search?q=missile": lambda d: [f'href="/documents/{h["document_id"]}"' for h in d["hits"]],
    "/export": lambda d: [f'href="{x["url"]}"' for x in d["downloads"]],
}


@pytest.mark.parametrize("page", list(PAGES))
def test_each_page_has_a_json_twin_with_the_data_it_shows(client, page):
    path, _, query = page.partition("?")
    twin = client.get(f"{path}.json" + (f"?{query}" if query else ""))
    same = client.get(page + ("&" if query else "?") + "format=json")
    html = client.get(page)
    assert twin.status_code == same.status_code == html.status_code == 200
    assert twin.json() == same.json()
    assert "text/html" in html.headers["content-type"]
    shown = PAGES[page](twin.json())
    assert shown and all(piece in html.text for piece in shown), [p for p in shown if p not in html.text]
    assert f'href="{escape(path + ".json" + ("?" + query if query else ""))}"' in html.text  # the twin's link


def test_claims_name_their_event_offer_known_properties_and_list_a_repeated_claim_once(client, seeded):
    data = client.get("/claims.json", params={"limit": 2000}).json()
    stored = seeded.store.claim_records()
    assert data["properties"] == {p: sum(r.fact.claim.property == p for r in stored) for p in data["properties"]}
    assert sum(data["properties"].values()) == len(stored)
    assert sum(1 + len(c["repeats"]) for c in data["claims"]) == len(stored)
    keys = [(c["document_id"], c["property"], c["value"], c["source"], c["event_id"]) for c in data["claims"]]
    assert len(keys) == len(set(keys))
    troops = next(c for c in data["claims"] if c["event_id"] == "dprk-troops-russia")
    assert troops["event"].startswith("North Korean troops deployed to Russia, ")
    page = client.get("/claims").text
    assert "<select name=\"property\">" in page and ">dprk-troops-russia</a>" not in page


def test_a_claim_repeated_by_its_document_is_folded_into_the_first():
    from nkwatch.web.routes.claims import once_per_document
    base = dict(document_id=1, property="troops", value=100.0, value_max=None, bound="eq", unit=None, period=None,
                source="KCNA", event_id="ev-1")
    folded = once_per_document([{**base, "id": "a"}, {**base, "id": "b"}, {**base, "id": "c", "source": "JCS"},
                                {**base, "id": "d", "document_id": 2}])
    assert [(c["id"], c["repeats"]) for c in folded] == [("a", ["b"]), ("c", []), ("d", [])]
