"""Each reader on small invented inputs: names, text, metadata, dates, per-record errors."""
from __future__ import annotations

import hashlib
import io
import sys
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from nkwatch.ingest import read_paths
from nkwatch.ingest.readers.dates import parse_date
from nkwatch.ingest.readers.detect import format_of_name, sniff_format
from nkwatch.ingest.readers.jsonrec import read_json
from nkwatch.ingest.readers.source import RawInput
from nkwatch.ingest.readers.txt import header_date
from nkwatch.models import Document, ReadError
from nkwatch.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
SETTINGS = Settings()

ARTICLE_HTML = """<html><head><title>{title}</title>{head}</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>
<p>Officials of an invented state said on Monday that {what} had taken place near the coast,
in what observers described as the largest such activity this year.</p>
<p>A spokesperson for the defence ministry said the details were still being analysed and that
further information would be released in the coming days.</p></article>
<footer>Copyright Example Press</footer></body></html>"""


def page(title: str, what: str, head: str = "") -> bytes:
    return ARTICLE_HTML.format(title=title, what=what, head=head).encode()


def read(*paths, settings: Settings = SETTINGS) -> list[Document | ReadError]:
    return list(read_paths([str(p) for p in paths], settings))


def split(items):
    return ([i for i in items if isinstance(i, Document)],
            [i for i in items if isinstance(i, ReadError)])


# --- plain text ----------------------------------------------------------------------------

def test_txt_text_is_whole_file_and_header_date():
    [doc] = read(FIXTURES / "dated.txt")
    assert doc.name == "dated.txt"
    assert doc.source_path == str(FIXTURES / "dated.txt")
    assert doc.text == (FIXTURES / "dated.txt").read_bytes().decode("utf-8")
    assert doc.text.startswith(" date 2024-05-10 ")
    assert (doc.published, doc.published_method) == (date(2024, 5, 10), "header")
    assert doc.title is None and doc.fmt == "txt" and doc.meta["encoding"] == "utf-8"


def test_txt_without_header_has_unknown_date():
    [doc] = read(FIXTURES / "plain.txt")
    assert (doc.published, doc.published_method) == (None, "unknown")
    assert doc.text.endswith("taking part.\n")


def test_txt_keeps_line_endings(tmp_path):
    raw = b" date 2024-01-02 Banner\r\nHeadline\r\n\r\nBody text.\r\n"
    (tmp_path / "crlf.txt").write_bytes(raw)
    [doc] = read(tmp_path / "crlf.txt")
    assert doc.text == raw.decode()
    assert doc.published == date(2024, 1, 2)


@pytest.mark.parametrize("text, expected", [
    (" date 2025-04-06 Your support", date(2025, 4, 6)),
    ("date 2025-04-06\nHeadline", date(2025, 4, 6)),
    (" date 2025-02-30 Bad day", None),
    ("Headline date 2025-04-06", None),
    (" date 2025-04-061 glued digits", None),
])
def test_header_date(text, expected):
    assert header_date(text) == expected


# --- HTML ----------------------------------------------------------------------------------

def test_html_main_text_and_metadata():
    [doc] = read(FIXTURES / "page.html")
    raw = (FIXTURES / "page.html").read_bytes()
    assert doc.fmt == "html" and doc.name == "page.html"
    assert doc.title == "Launch reported off the east coast"
    assert doc.url == "https://daily.example.org/world/launch-reported"
    assert (doc.author, doc.site) == ("Sam Writer", "Example Daily")
    assert (doc.published, doc.published_method) == (date(2024, 3, 5), "metadata")
    assert "fired two short-range ballistic missiles" in doc.text
    assert "analysis of the flight data" in doc.text
    for boilerplate in ("Sport", "Reader comment", "All rights reserved"):
        assert boilerplate not in doc.text
    assert doc.meta["raw_bytes"] == len(raw)
    assert doc.meta["raw_sha256"] == hashlib.sha256(raw).hexdigest()


def test_html_without_date_metadata_is_unknown(tmp_path):
    (tmp_path / "a.htm").write_bytes(page("Drill ends", "a drill"))
    [doc] = read(tmp_path / "a.htm")
    assert (doc.published, doc.published_method) == (None, "unknown")
    assert doc.url is None


def test_html_declared_charset_is_used(tmp_path):
    body = page("Caf\u00e9 talks", "a meeting at the caf\u00e9 \u2018Nord\u2019",
                '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')
    (tmp_path / "cp.html").write_bytes(body.decode().encode("cp1252"))
    [doc] = read(tmp_path / "cp.html")
    assert "caf\u00e9 \u2018Nord\u2019" in doc.text
    assert doc.meta["encoding"] == "cp1252"


def test_html_without_main_text_is_an_error(tmp_path):
    (tmp_path / "empty.html").write_text("<html><head><title>Gallery</title></head><body>"
                                         "<img src='a.jpg'><img src='b.jpg'></body></html>")
    [err] = read(tmp_path / "empty.html")
    assert isinstance(err, ReadError) and err.reason == "no main text found"


def test_malformed_html_still_gives_its_text():
    [doc] = read(FIXTURES / "broken.html")
    assert doc.title == "Border patrol incident"
    assert "briefly crossed the demarcation line" in doc.text
    assert "laying mines and building barriers" in doc.text


# --- JSON and JSONL ------------------------------------------------------------------------

def test_json_list_records_names_and_errors():
    docs, errors = split(read(FIXTURES / "records.json"))
    assert [d.name for d in docs] == ["records.json#0", "records.json#2", "records.json#4"]
    first, second, third = docs
    assert first.title == "Leader inspects munitions factory"
    assert first.url == "https://agency.example/a/1"
    assert (first.published, first.published_method) == (date(2024, 4, 3), "metadata")
    assert first.meta == {"topic": "Top News", "encoding": "utf-8"}
    assert first.text.startswith("Pyongville, April 3")
    assert (second.title, second.published) == ("Naval drill held", date(2024, 4, 4))
    assert second.text == "A naval drill was held in the western waters, the agency said."
    assert third.published is None and third.meta["date"] == "sometime in spring"
    assert [(e.line, e.reason) for e in errors] == [
        (1, "no text (empty story_text)"), (3, "record is not a JSON object (str)")]
    assert all(e.path == str(FIXTURES / "records.json") for e in errors)


def test_json_single_object_has_plain_name(tmp_path):
    (tmp_path / "one.json").write_text('{"title": "T", "text": "Body of the story.", "id": 7}')
    [doc] = read(tmp_path / "one.json")
    assert (doc.name, doc.title, doc.text, doc.meta["id"]) == ("one.json", "T", "Body of the story.", 7)


def test_json_field_mapping_can_be_overridden():
    raw = RawInput(b'[{"article": "Words of the story.", "hed": "Headline", "title": "Section"}]',
                   "x.json", "x.json", "x.json")
    [doc] = read_json(raw, SETTINGS, fields={"text": ["article"], "title": ["hed"]})
    assert (doc.text, doc.title, doc.meta["title"]) == ("Words of the story.", "Headline", "Section")


def test_jsonl_counts_every_line():
    docs, errors = split(read(FIXTURES / "records.jsonl"))
    assert [d.name for d in docs] == ["records.jsonl#0", "records.jsonl#3"]
    assert docs[0].published == date(2024, 4, 4) and docs[0].fmt == "jsonl"
    assert docs[1].text == "Officials met to discuss the exercise schedule."
    assert docs[1].url == "https://wire.example/x"
    assert [e.line for e in errors] == [3, 5]
    assert errors[0].reason.startswith("malformed JSON line")
    assert errors[1].reason.startswith("no text (none of the fields")


@pytest.mark.parametrize("value, expected", [
    (1712102400000, date(2024, 4, 3)),          # epoch milliseconds
    (1712102400, date(2024, 4, 3)),             # epoch seconds
    ("1712102400000", date(2024, 4, 3)),
    ("2024-04-04T01:30:00+09:00", date(2024, 4, 4)),  # its own calendar day, not UTC's
    ("Tue, 05 Mar 2024 08:00:00 +0900", date(2024, 3, 5)),
    (20240404, None),                           # too small to be clearly either
    ("last week", None), (None, None), (True, None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


# --- feeds ---------------------------------------------------------------------------------

def test_rss_entries():
    docs, errors = split(read(FIXTURES / "feed.rss"))
    assert [d.name for d in docs] == ["feed.rss#0", "feed.rss#2"]
    first = docs[0]
    assert first.text == ("The invented state fired several cruise missiles into its western "
                          "waters, the military said.\nThey flew for about two hours.")
    assert (first.title, first.url, first.site) == (
        "Cruise missiles fired into western sea", "https://wire.example/news/1", "Example Defence Wire")
    assert (first.published, first.published_method) == (date(2024, 3, 5), "metadata")
    assert docs[1].published_method == "unknown"
    assert [(e.line, e.reason) for e in errors] == [(1, "no text (entry has no content or summary)")]


def test_atom_content_preferred_over_summary():
    [doc] = read(FIXTURES / "feed.atom")
    assert doc.text.splitlines() == [
        "A rocket carrying a reconnaissance satellite exploded shortly after lift-off, the "
        "invented state's space agency said.", "first point", "second point"]
    assert (doc.author, doc.published, doc.meta["feed_version"]) == ("Desk Editor", date(2024, 6, 1), "atom10")


def test_malformed_feed_keeps_recovered_entries_and_fails_the_broken_one():
    docs, errors = split(read(FIXTURES / "broken_feed.xml"))
    assert [d.title for d in docs] == ["Artillery drill near islands"]
    assert "residents were told to take shelter" in docs[0].text
    assert docs[0].meta["feed_malformed"].startswith("malformed feed: not well-formed (invalid token) (line 12")
    assert [(e.line, e.skipped) for e in errors] == [(1, False)]
    assert errors[0].reason.startswith("entry without text in a malformed feed: not well-formed")


def item(i: int, body: str | None = None) -> str:
    return (f"<item><title>Story {i}</title><link>https://wire.example/{i}</link>"
            f"<description>{body or f'Story {i}: the invented navy held a drill.'}</description></item>")


def rss(*items: str) -> bytes:
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>' + "".join(items)
            + "</channel></rss>").encode()


def test_an_unclosed_cdata_loses_no_entry_silently(tmp_path):
    (tmp_path / "cdata.rss").write_bytes(rss(item(0), item(1, "<![CDATA[<p>Never closed"), item(2), item(3)))
    docs, errors = split(read(tmp_path / "cdata.rss"))
    assert [d.name for d in docs] == ["cdata.rss#0"]
    assert [(e.line, e.skipped) for e in errors] == [(1, False), (2, False), (3, False)]
    assert errors[0].reason == ("entry without text in a malformed feed: unclosed CDATA section "
                                "(line 1, column 633)")
    assert errors[1].reason.startswith("entry lost in a malformed feed: unclosed CDATA section")


def test_a_truncated_entry_fails(tmp_path):
    (tmp_path / "cut.rss").write_bytes(rss(*(item(i) for i in range(3)))[:-60])
    docs, errors = split(read(tmp_path / "cut.rss"))
    assert [d.name for d in docs] == ["cut.rss#0", "cut.rss#1"]
    assert [(e.line, e.skipped) for e in errors] == [(2, False)]
    assert errors[0].reason.startswith("entry without text in a malformed feed: no element found")


def test_unrecoverable_feed_and_other_xml_are_errors(tmp_path):
    (tmp_path / "bad.rss").write_bytes(b'<rss version="2.0"><channel><title>T</title> <<<&&& </rss')
    [bad] = read(tmp_path / "bad.rss")
    assert bad.reason.startswith("malformed feed")
    [other] = read(FIXTURES / "not_a_feed.xml")
    assert other.reason == "not an RSS/Atom feed"


# --- WARC ----------------------------------------------------------------------------------

def warc_bytes(gzip: bool) -> bytes:
    """warcinfo, request, dated page, image, 404 page, undated page (records 0..5)."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))

    def response(uri, body, content_type="text/html; charset=utf-8", status="200 OK", when=None):
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers,
            warc_headers_dict={"WARC-Date": when} if when else None))

    request = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "news.example")], is_http_request=True)
    writer.write_record(writer.create_warc_record("https://news.example/a", "request",
                                                  http_headers=request))
    response("https://news.example/a", page(
        "Exercise begins", "a large exercise",
        '<meta property="article:published_time" content="2024-08-19T09:00:00+09:00">'),
        when="2024-08-20T01:02:03Z")
    response("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "image/png")
    response("https://news.example/missing", page("Not found", "nothing"), status="404 Not Found")
    response("https://news.example/b", page("Talks held", "a round of talks"), when="2024-08-21T10:00:00Z")
    return buf.getvalue()


@pytest.mark.parametrize("gzip", [False, True])
def test_warc_html_responses(tmp_path, gzip):
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(warc_bytes(gzip))
    docs, skipped = split(read(path))
    assert [d.name for d in docs] == [f"{path.name}#2", f"{path.name}#5"]
    assert [(e.line, e.reason, e.skipped) for e in skipped] == [
        (0, "warcinfo record", True), (1, "request record", True), (3, "not HTML (image/png)", True),
        (4, "HTTP 404", True)]
    dated, undated = docs
    assert dated.fmt == "warc" and dated.url == "https://news.example/a"
    assert dated.published == date(2024, 8, 19)  # the page's own date beats WARC-Date
    assert "a large exercise" in dated.text
    assert (undated.published, undated.published_method) == (date(2024, 8, 21), "metadata")
    assert undated.meta["warc_date"] == "2024-08-21T10:00:00Z"


@pytest.mark.parametrize("gzip", [False, True])
def test_truncated_warc_record(tmp_path, gzip):
    data = warc_bytes(gzip)
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    path.write_bytes(data[:-200])
    docs, errors = split(read(path))
    assert [d.name for d in docs] == [f"{path.name}#2"]
    assert [e.line for e in errors if not e.skipped] == [5]
    assert "truncated" in errors[-1].reason


def test_not_a_warc(tmp_path):
    (tmp_path / "junk.warc").write_bytes(b"this is not an archive at all\n" * 5)
    [err] = read(tmp_path / "junk.warc")
    assert err.reason.startswith("corrupt WARC record: ArchiveLoadFailed") and err.line == 0
    assert "\n" not in err.reason


# --- stdin and sniffing --------------------------------------------------------------------

class FakeStdin:
    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize("fixture, names", [
    ("dated.txt", ["<stdin>"]),
    ("page.html", ["<stdin>"]),
    ("records.json", ["<stdin>#0", "<stdin>#2", "<stdin>#4"]),
    ("records.jsonl", ["<stdin>#0", "<stdin>#3"]),
    ("feed.rss", ["<stdin>#0", "<stdin>#2"]),
])
def test_stdin_is_sniffed(monkeypatch, fixture, names):
    monkeypatch.setattr(sys, "stdin", FakeStdin((FIXTURES / fixture).read_bytes()))
    docs, errors = split(read("-"))
    assert [d.name for d in docs] == names
    assert all(d.source_path is None for d in docs)
    assert all(e.path == "<stdin>" for e in errors)


def test_stdin_warc(monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeStdin(warc_bytes(gzip=True)))
    assert [d.name for d in split(read("-"))[0]] == ["<stdin>#2", "<stdin>#5"]


@pytest.mark.parametrize("data, fmt", [
    (b"WARC/1.1\r\n", "warc"), (b"\n [ {} ]", "json"), (b'{\n  "text": "x"\n}\n', "json"),
    (b'{"a": 1}\n{"a": 2}\n', "jsonl"), (b'<?xml version="1.0"?>\n<feed xmlns="x">', "feed"),
    (b"<!DOCTYPE html>\n<html>", "html"), (b"<p>Hello</p>", "html"), (b" date 2024-01-01 Hi", "txt"),
])
def test_sniff_format(data, fmt):
    assert sniff_format(data) == fmt


@pytest.mark.parametrize("name, fmt", [
    ("a.TXT", "txt"), ("b.htm", "html"), ("c.ndjson", "jsonl"), ("d.warc.gz", "warc"),
    ("e.atom", "feed"), ("f.gz", None), ("g.pdf", None),
])
def test_format_of_name(name, fmt):
    assert format_of_name(name) == fmt
