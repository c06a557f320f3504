"""Bad input never stops a batch: each bad file or record is one ReadError with a clear reason."""
from __future__ import annotations

import errno
import io
import os
import shutil
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from nkwatch.ingest import folder_entries, read_paths
from nkwatch.ingest.readers import source
from nkwatch.ingest.readers import READERS
from nkwatch.models import Document, ReadError
from nkwatch.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
SETTINGS = Settings()
ARTICLE = ("Caf\u00e9 owners near the border said on Tuesday that \u201cthe shelling\u201d had "
           "stopped \u2014 for now.\nOfficials in the na\u00efve hope of calm reopened the road.\n")


def read(*paths, settings: Settings = SETTINGS) -> list[Document | ReadError]:
    return list(read_paths([str(p) for p in paths], settings))


def only_error(path: Path, settings: Settings = SETTINGS) -> ReadError:
    [item] = read(path, settings=settings)
    assert isinstance(item, ReadError), item
    return item


def test_missing_path():
    err = only_error(Path("/nonexistent/nowhere.txt"))
    assert (err.path, err.reason) == ("/nonexistent/nowhere.txt", "no such file or directory")


def test_a_symbolic_link_loop_says_so(tmp_path):
    os.symlink("loop.txt", tmp_path / "loop.txt")
    assert only_error(tmp_path / "loop.txt").reason == "too many levels of symbolic links"
    (tmp_path / "folder").mkdir()
    os.symlink("a.txt", tmp_path / "folder" / "b.txt")
    os.symlink("b.txt", tmp_path / "folder" / "a.txt")
    assert [(Path(e.path).name, e.reason, e.skipped) for e in read(tmp_path / "folder")] == [
        ("a.txt", "too many levels of symbolic links", False),
        ("b.txt", "too many levels of symbolic links", False)]


def denied(path) -> OSError:
    return PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))


def test_an_unreadable_file_says_permission_denied(tmp_path, monkeypatch):
    (tmp_path / "secret.txt").write_text("North Korea fired a missile.")
    monkeypatch.setattr(source, "open", lambda path, *a, **k: (_ for _ in ()).throw(denied(path)), raising=False)
    assert only_error(tmp_path / "secret.txt").reason == "permission denied"


def test_an_unreadable_folder_is_a_failure_not_silence(tmp_path, monkeypatch):
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text("North Korea fired a missile.")
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "b.txt").write_text("North Korea held a drill.")
    scandir = os.scandir

    def guarded(path="."):
        if Path(path).name == "closed":
            raise denied(path)
        return scandir(path)

    monkeypatch.setattr(os, "scandir", guarded)
    items = read(tmp_path)
    assert [i.name for i in items if isinstance(i, Document)] == ["open/a.txt"]
    [err] = [i for i in items if isinstance(i, ReadError)]
    assert (err.path, err.reason, err.skipped) == (str(tmp_path / "closed"), "permission denied", False)


def test_unsupported_files_and_linked_folders_in_a_folder_are_listed_as_skipped(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "a.txt").write_text("North Korea fired a missile.")
    (tmp_path / "elsewhere").mkdir()
    os.symlink(tmp_path / "elsewhere", tmp_path / "linked")
    items = read(tmp_path)
    assert [(Path(i.path).name, i.reason, i.skipped) for i in items if isinstance(i, ReadError)] == [
        ("linked", "symbolic link to a folder (not followed)", True), ("notes.pdf", "unsupported file type", True)]


@pytest.mark.parametrize("name", ["empty.txt", "empty.json", "empty.html", "empty.rss", "empty.warc"])
def test_empty_file(tmp_path, name):
    (tmp_path / name).write_bytes(b"")
    assert only_error(tmp_path / name).reason == "empty file"


def test_whitespace_only_text_is_empty(tmp_path):
    (tmp_path / "blank.txt").write_bytes(b" \r\n\t\n")
    assert only_error(tmp_path / "blank.txt").reason == "empty file"


@pytest.mark.parametrize("name", ["nul.txt", "nul.json", "nul.jsonl", "nul.html", "nul.rss"])
def test_binary_with_nul_bytes(tmp_path, name):
    (tmp_path / name).write_bytes(b"PK\x03\x04\x00\x00" + bytes(range(256)) * 4)
    assert only_error(tmp_path / name).reason == "binary file"


def test_binary_without_nul_bytes(tmp_path):
    (tmp_path / "noise.txt").write_bytes(bytes(range(1, 256)) * 16)  # every byte but NUL
    assert only_error(tmp_path / "noise.txt").reason == "binary file"


@pytest.mark.parametrize("encoding, expected", [
    ("cp1252", "cp1252"), ("utf-16", "utf-16"), ("utf-8-sig", "utf-8-sig"), ("utf-8", "utf-8"),
])
def test_text_encodings(tmp_path, encoding, expected):
    (tmp_path / "a.txt").write_bytes((" date 2024-02-03 " + ARTICLE).encode(encoding))
    [doc] = read(tmp_path / "a.txt")
    assert doc.text == " date 2024-02-03 " + ARTICLE  # decoded, BOM dropped, nothing else changed
    assert doc.meta["encoding"] == expected
    assert doc.published_method == "header"


def test_latin1_text(tmp_path):
    text = "R\u00e9sum\u00e9 of the d\u00e9fil\u00e9: troops marched past the na\u00efve caf\u00e9 owners.\n" * 3
    (tmp_path / "l1.txt").write_bytes(text.encode("latin-1"))
    [doc] = read(tmp_path / "l1.txt")
    assert doc.text == text


def test_json_with_utf8_bom(tmp_path):
    (tmp_path / "bom.json").write_bytes(b'\xef\xbb\xbf[{"text": "Body.", "title": "T"}]')
    [doc] = read(tmp_path / "bom.json")
    assert (doc.text, doc.meta["encoding"]) == ("Body.", "utf-8-sig")


def test_file_over_byte_limit(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"word " * 300)
    err = only_error(tmp_path / "big.txt", Settings(max_file_bytes=1000))
    assert err.reason == "file too large: 1500 bytes > 1000"


def test_article_over_char_limit(tmp_path):
    settings = Settings(max_doc_chars=100)
    (tmp_path / "long.txt").write_text("x" * 101)
    assert only_error(tmp_path / "long.txt", settings).reason == "article too long: 101 chars > 100"
    (tmp_path / "recs.json").write_text('[{"text": "short"}, {"text": "%s"}]' % ("y" * 150))
    docs_and_errors = read(tmp_path / "recs.json", settings=settings)
    assert isinstance(docs_and_errors[0], Document)
    assert (docs_and_errors[1].line, docs_and_errors[1].reason) == (1, "article too long: 150 chars > 100")


def test_malformed_json_file(tmp_path):
    (tmp_path / "bad.json").write_text('[\n  {"text": "fine"},\n  {"text": "broken"\n]\n')
    err = only_error(tmp_path / "bad.json")
    assert err.line == 4
    assert err.reason.startswith("malformed JSON: ") and err.reason.endswith("(line 4, column 1)")


def test_unsupported_type_named_explicitly(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    assert only_error(tmp_path / "notes.pdf").reason == "unsupported file type"


def test_reader_crash_becomes_read_error(tmp_path, monkeypatch):
    def explode(raw, settings):
        yield Document(name=raw.name, text="first")
        raise RuntimeError("boom")

    monkeypatch.setitem(READERS, "txt", explode)
    (tmp_path / "a.txt").write_text("anything")
    (tmp_path / "b.json").write_text('{"text": "still read"}')
    items = read(tmp_path / "a.txt", tmp_path / "b.json")
    assert [type(i).__name__ for i in items] == ["Document", "ReadError", "Document"]
    assert items[1].reason == "unexpected error: RuntimeError: boom"


def truncated_warc() -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i in range(2):
        body = (f"<html><body><article><p>Report number {i}: the invented coastal state held a naval "
                "drill, its navy said, adding that several destroyers and submarines had taken "
                "part in the exercise off the eastern coast.</p></article></body></html>").encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://x.example/{i}", "response",
                                                      payload=io.BytesIO(body), http_headers=headers))
    return buf.getvalue()[:-60]


def test_mixed_directory(tmp_path):
    root = tmp_path / "batch"
    shutil.copytree(FIXTURES, root)
    (root / "sub").mkdir()
    (root / "sub" / "cp1252.txt").write_bytes(ARTICLE.encode("cp1252"))
    (root / "sub" / "utf16.txt").write_bytes(ARTICLE.encode("utf-16"))
    (root / "sub" / "empty.txt").write_bytes(b"")
    (root / "sub" / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    (root / "sub" / "huge.txt").write_bytes(b"z" * 3000)
    (root / "sub" / "bad.json").write_text('{"text": ')
    (root / "sub" / "cut.warc.gz").write_bytes(truncated_warc())
    (root / "sub" / "ignored.pdf").write_bytes(b"%PDF-1.4")
    (root / ".hidden.txt").write_text("hidden file")
    (root / ".git").mkdir()
    (root / ".git" / "x.txt").write_text("hidden folder")

    items = read(root, settings=Settings(max_file_bytes=2000))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [d.name for d in docs] == [
        "broken.html", "broken_feed.xml#0", "dated.txt", "feed.atom#0", "feed.rss#0", "feed.rss#2",
        "page.html", "plain.txt", "records.json#0", "records.json#2", "records.json#4",
        "records.jsonl#0", "records.jsonl#3", "sub/cp1252.txt", "sub/cut.warc.gz#0",
        "sub/utf16.txt"]
    assert all(d.source_path == os.path.join(root, *d.name.split("#")[0].split("/")) for d in docs)
    reasons = {(Path(e.path).relative_to(root).as_posix(), e.line): e.reason for e in errors}
    assert len(reasons) == len(errors) == 13
    assert reasons[("sub/ignored.pdf", None)] == "unsupported file type"
    assert reasons[("broken_feed.xml", 1)].startswith("entry without text in a malformed feed")
    assert reasons[("sub/empty.txt", None)] == "empty file"
    assert reasons[("sub/binary.txt", None)] == "binary file"
    assert reasons[("sub/huge.txt", None)] == "file too large: 3000 bytes > 2000"
    assert reasons[("sub/bad.json", 1)].startswith("malformed JSON")
    assert reasons[("sub/cut.warc.gz", 1)].startswith("truncated")
    assert reasons[("not_a_feed.xml", None)] == "not an RSS/Atom feed"
    assert docs[-3].text == docs[-1].text == ARTICLE


def test_folder_entries_order_and_filter(tmp_path):
    for rel in ["b.txt", "a/z.json", "a/b/c.html", "A.htm", "x.bin", ".h.txt", ".d/y.txt", "a.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    entries = folder_entries(str(tmp_path))
    assert [e[1] if isinstance(e, tuple) else f"skipped {Path(e.path).name}" for e in entries] == [
        "A.htm", "a/b/c.html", "a/z.json", "a.txt", "b.txt", "skipped x.bin"]
