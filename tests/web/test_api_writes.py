"""Writes through the API: refused by a read-only server (403) and without the token (401);
ingest of uploaded articles (file or text), merge and split recorded as decisions. And the
hostile article: ingested, then every page that shows it escapes it."""
from __future__ import annotations

import asyncio
import json
import tempfile
from html.parser import HTMLParser

import pytest

from nkwatch.web.upload import FORM_OVERHEAD

from . import hostile
from .conftest import TOKEN, client_of

pytestmark = [pytest.mark.e2e, pytest.mark.model]

AUTH = {"authorization": f"Bearer {TOKEN}"}
WRITES = [("/api/ingest", {"data": {"text": "North Korea fired a missile, officials said."}}),
          ("/api/events/merge", {"json": {"events": ["dprk-troops-russia", "dprk-arms-russia"]}}),
          ("/api/events/dprk-troops-russia/split", {"json": {"mentions": ["0"]}})]


@pytest.fixture(scope="module")
def writer(writable):
    return client_of(writable, token=TOKEN)


def _snapshot(web) -> tuple:
    return web.store.stats(), [(e.id, e.mentions) for e in web.store.events(limit=None)], web.store.decisions()


@pytest.mark.parametrize("path, body", WRITES)
def test_a_server_without_token_is_read_only(writable, path, body):
    before = _snapshot(writable)
    response = client_of(writable).post(path, headers=AUTH, **body)
    assert response.status_code == 403
    assert "read-only" in response.json()["detail"] and "NKWATCH_TOKEN" in response.json()["detail"]
    assert _snapshot(writable) == before


@pytest.mark.parametrize("headers", [{}, {"authorization": "Bearer wrong"}, {"authorization": TOKEN},
                                     {"x-nkwatch-token": TOKEN[:-1]}])
@pytest.mark.parametrize("path, body", WRITES)
def test_writes_need_the_token(writable, writer, path, body, headers):
    before = _snapshot(writable)
    response = writer.post(path, headers=headers, **body)
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
    assert _snapshot(writable) == before


def test_ingest_of_a_text_then_again_changes_nothing(writer, writable):
    body = {"text": "Seoul, June 3 -- North Korea fired a cruise missile over the West Sea on Tuesday, "
                    "the Joint Chiefs of Staff said.\n", "name": "june-3.txt"}
    first = writer.post("/api/ingest", headers=AUTH, data=body)
    assert first.status_code == 200, first.text
    report = first.json()
    assert (report["ok"], report["new"], report["extracted"]) == (True, 1, 1)
    (doc,) = report["documents"]
    assert doc["name"] == "june-3.txt" and doc["url"] == f"/documents/{doc['id']}"
    stored = writer.get(f"/documents/{doc['id']}.json").json()
    assert "".join(s["text"] for s in stored["segments"]) == body["text"]
    assert stored["mentions"] and stored["mentions"][0]["event_id"]
    again = writer.post("/api/ingest", headers={"x-nkwatch-token": TOKEN}, data=body).json()
    assert (again["new"], again["unchanged"]) == (0, 1) and again["documents"] == report["documents"]


def test_ingest_of_a_file(writer):
    response = writer.post("/api/ingest", headers=AUTH,
                           files={"file": ("../../etc/report one.txt", b"Tokyo, July 1 -- North Korea launched "
                                           b"a ballistic missile on Monday, Japan's defence ministry said.\n")})
    assert response.status_code == 200, response.text
    (doc,) = response.json()["documents"]
    assert doc["name"] == "report_one.txt"  # the base name, odd characters replaced


@pytest.mark.parametrize("body, status, message", [
    ({}, 400, "either a file or a text"),
    ({"data": {"text": "a"}, "files": {"file": ("a.txt", b"b")}}, 400, "either a file or a text"),
    ({"files": {"file": ("broken.json", b"{not json")}}, 400, "broken.json"),
    ({"files": {"file": ("empty.txt", b"   ")}}, 400, "empty"),
])
def test_bad_uploads(writer, body, status, message):
    response = writer.post("/api/ingest", headers=AUTH, **body)
    assert response.status_code == status and message in response.json()["detail"]


def test_uploads_larger_than_the_limit_are_refused(writable):
    small = client_of(writable, token=TOKEN, max_file_bytes=64)
    response = small.post("/api/ingest", headers=AUTH, files={"file": ("big.txt", b"x" * 65)})
    assert response.status_code == 413 and "64" in response.json()["detail"]


def _launches(writer) -> list[dict]:
    return writer.get("/events.json", params={"type": "weapons_test", "limit": 1000}).json()["events"]


def test_merge_then_split_are_recorded_decisions(writer, writable):
    first, second = [e for e in _launches(writer) if e["documents"] == 1][:2]
    taken = [m["id"] for m in writer.get(f"/events/{second['id']}.json").json()["members"]]
    decisions = len(writable.store.decisions())
    merged = writer.post("/api/events/merge", headers=AUTH,
                         json={"events": [first["id"], second["id"]], "note": "same launch", "author": "test"})
    assert merged.status_code == 200, merged.text
    assert merged.json()["event"]["id"] == first["id"] and merged.json()["url"] == f"/events/{first['id']}"
    assert merged.json()["event"]["mentions"] == first["mentions"] + second["mentions"]
    assert second["id"] not in {e["id"] for e in _launches(writer)}
    assert [d.kind for d in writable.store.decisions()[decisions:]] == ["merge"]

    split = writer.post(f"/api/events/{first['id']}/split", headers=AUTH, json={"mentions": taken, "note": "no"})
    assert split.status_code == 200, split.text
    (created,) = split.json()["created"]
    assert created["mentions"] == len(taken) and split.json()["urls"] == [f"/events/{created['id']}"]
    assert {m["id"] for m in writer.get(f"/events/{created['id']}.json").json()["members"]} == set(taken)
    assert writer.get(f"/events/{first['id']}.json").json()["event"]["mentions"] == first["mentions"]
    assert [d.kind for d in writable.store.decisions()[decisions:]] == ["merge", "split"]


@pytest.mark.parametrize("path, body, status, message", [
    ("/api/events/merge", {"events": ["dprk-troops-russia", "ev-000000000000"]}, 400, "no such event"),
    ("/api/events/merge", {"events": ["dprk-troops-russia", "dprk-troops-russia"]}, 400, "two different"),
    ("/api/events/merge", {"events": ["dprk-troops-russia"]}, 422, "at least 2"),
    ("/api/events/ev-000000000000/split", {"mentions": ["ab"]}, 400, "no such event"),
    ("/api/events/dprk-troops-russia/split", {"mentions": ["not-a-member"]}, 400, "names no mention"),
    ("/api/events/dprk-troops-russia/split", {"mentions": []}, 422, "at least 1"),
])
def test_bad_merges_and_splits(writer, writable, path, body, status, message):
    before = _snapshot(writable)
    response = writer.post(path, headers=AUTH, json=body)
    assert response.status_code == status and message in str(response.json()["detail"])
    assert _snapshot(writable) == before


# -- hostile text -------------------------------------------------------------------------------

class Audit(HTMLParser):
    """Everything in a page that could run script: inline or foreign <script>, event handler
    attributes, javascript:/data: URLs, frames and objects."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action", "formaction", "xlink:href", "data") and value \
                    and value.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                self.problems.append(f"<{tag} {name}={value!r}>")
        src = dict(attrs).get("src") or ""
        if tag == "script" and not src.startswith("/static/"):
            self.problems.append(f"<script src={src!r}>")
        if tag in ("iframe", "object", "embed", "img", "base") or (tag == "meta" and "http-equiv" in dict(attrs)):
            self.problems.append(f"<{tag}>")


def audit(html: str) -> list[str]:
    parser = Audit()
    parser.feed(html)
    return parser.problems


@pytest.fixture(scope="module")
def hostile_doc(writer) -> dict:
    response = writer.post("/api/ingest", headers=AUTH,
                           files={"file": ("hostile.json", hostile.json_bytes(), "application/json")})
    assert response.status_code == 200, response.text
    (doc,) = response.json()["documents"]
    return writer.get(f"/documents/{doc['id']}.json").json()


def test_hostile_article_is_stored_exactly_and_extracted(hostile_doc):
    assert "".join(s["text"] for s in hostile_doc["segments"]) == hostile.TEXT
    assert hostile_doc["document"]["title"] == hostile.TITLE
    assert hostile_doc["document"]["url"] is None and hostile_doc["document"]["raw_url"] == hostile.URL
    assert hostile_doc["mentions"][0]["type"] == "weapons_test" and hostile_doc["mentions"][0]["event_id"]


def test_every_page_showing_the_hostile_article_escapes_it(writer, hostile_doc):
    event_id = hostile_doc["mentions"][0]["event_id"]
    doc_id = hostile_doc["document"]["id"]
    pages = [f"/documents/{doc_id}", f"/events/{event_id}", f"/search?q={hostile.WORD}", "/documents",
             "/events", "/claims", "/map", f"/claims/series/{event_id}"]
    for path in pages:
        page = writer.get(path)
        assert page.status_code == 200, path
        assert audit(page.text) == [], path
    document = writer.get(f"/documents/{doc_id}").text
    assert "&lt;script&gt;window.pwned = 1;" in document and "&lt;img src=x onerror=" in document
    assert "javascript:window.pwned = 8" in document  # the stored URL shown as text, not a link
    event = writer.get(f"/events/{event_id}").text
    assert "&lt;script&gt;window.pwned = 7;" in event  # the title, in the list of source articles
    search = writer.get("/search", params={"q": hostile.WORD}).text
    assert f'href="/documents/{doc_id}"' in search and "&lt;script&gt;window.pwned = 7;" in search


@pytest.mark.parametrize("path", ["/search?q=<script>window.pwned=1</script>",
                                  "/events/<script>window.pwned=1<%2Fscript>",
                                  "/events?source=\"><script>window.pwned=1</script>",
                                  "/events?since=<img src=x onerror=alert(1)>",
                                  "/claims?property=<svg onload=alert(1)>"])
def test_hostile_query_strings_are_escaped_too(writer, path):
    page = writer.get(path)
    assert page.status_code in (200, 404, 422)
    assert audit(page.text) == [] and "<script>window" not in page.text


# -- bounded uploads ----------------------------------------------------------------------------

def asgi_post(app, headers: dict[str, str], chunks: list[bytes]) -> tuple[int, dict, list[int]]:
    """POST /api/ingest straight to the ASGI app, the body in ``chunks``; (status, JSON answer, the
    sizes of the chunks the app read)."""
    pending, reads, sent = list(chunks), [], []

    async def receive():
        if not pending:
            return {"type": "http.disconnect"}
        chunk = pending.pop(0)
        reads.append(len(chunk))
        return {"type": "http.request", "body": chunk, "more_body": bool(pending)}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
             "scheme": "http", "path": "/api/ingest", "raw_path": b"/api/ingest", "query_string": b"",
             "root_path": "", "client": ("test", 1), "server": ("test", 80),
             "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()]}
    asyncio.run(app(scope, receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return status, json.loads(b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")), reads


def multipart(*parts: tuple[str, str | None, bytes]) -> tuple[str, bytes]:
    """(content type, body) of a form with ``parts`` (field, file name or None, value)."""
    boundary = "nkwatch-test-boundary"
    body = b""
    for name, filename, value in parts:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        body += f"--{boundary}\r\nContent-Disposition: {disposition}\r\n\r\n".encode() + value + b"\r\n"
    return f"multipart/form-data; boundary={boundary}", body + f"--{boundary}--\r\n".encode()


BIG = [b"x" * 1_000_000] * 3


@pytest.mark.parametrize("token, headers, status", [(TOKEN, {}, 401), (TOKEN, {"authorization": "Bearer wrong"}, 401),
                                                    (None, AUTH, 403)])
def test_the_token_is_checked_before_the_body_is_read(writable, token, headers, status):
    kind, body = multipart(("file", "big.txt", b"x" * 3_000_000))
    app = client_of(writable, token=token).app
    answer, _, reads = asgi_post(app, {**headers, "content-type": kind, "content-length": str(len(body))},
                                 [body[i:i + 1_000_000] for i in range(0, len(body), 1_000_000)])
    assert (answer, reads) == (status, [])


def test_a_declared_length_over_the_limit_is_refused_before_reading(writable):
    app = client_of(writable, token=TOKEN, max_file_bytes=1000).app
    status, answer, reads = asgi_post(app, {**AUTH, "content-type": "multipart/form-data; boundary=x",
                                            "content-length": str(3_000_000)}, BIG)
    assert (status, reads) == (413, []) and answer["detail"] == "larger than 1000 bytes"


def test_a_streamed_body_over_the_limit_is_cut_off(writable):
    app = client_of(writable, token=TOKEN, max_file_bytes=1000).app
    kind, body = multipart(("file", "big.txt", b"x" * 3_000_000))
    status, _, reads = asgi_post(app, {**AUTH, "content-type": kind},  # chunked: no Content-Length
                                 [body[i:i + 16_384] for i in range(0, len(body), 16_384)])
    assert status == 413 and sum(reads) <= 1000 + FORM_OVERHEAD + 16_384


@pytest.mark.parametrize("parts", [[("text", None, b"y" * 1001)], [("file", "a.txt", b"z" * 1001)],
                                   [("text", None, b"North Korea."), ("name", None, b"n" * 1001)]])
def test_each_form_field_has_its_limit(writable, parts):
    app = client_of(writable, token=TOKEN, max_file_bytes=1000).app
    kind, body = multipart(*parts)
    status, answer, _ = asgi_post(app, {**AUTH, "content-type": kind, "content-length": str(len(body))}, [body])
    assert status == 413 and answer["detail"] == "larger than 1000 bytes"


@pytest.mark.parametrize("body, shown", [
    ({"files": {"file": ("broken.json", b"{not json")}}, "broken.json:1: malformed JSON"),
    ({"files": {"file": ("notes", b"\x00\x01\x02" * 50)}}, "notes: binary file"),
    ({"data": {"text": "   "}}, "text: empty file"),
])
def test_upload_errors_name_the_upload_as_the_client_did(writer, body, shown):
    response = writer.post("/api/ingest", headers=AUTH, **body)
    assert response.status_code == 400 and response.json()["detail"].startswith(shown)
    assert tempfile.gettempdir() not in response.text and "upload-" not in response.text
