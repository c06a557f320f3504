"""A folder's index (index.tsv / index.csv beside saved texts): the URL, publication day, outlet and title
of each file, filled in where the text does not say them; a bad index is reported and changes nothing."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from nkwatch.ingest import read_paths
from nkwatch.ingest.folder_index import read_index
from nkwatch.ingest.run import ingest
from nkwatch.models import Document, ReadError
from nkwatch.pipeline import Pipeline
from nkwatch.settings import Settings
from nkwatch.store import Store

SETTINGS = Settings()
STORY = "The navy of an invented state held a drill off its coast on Tuesday, its ministry said.\n"


def folder(tmp_path: Path, index_name: str | None, index: str, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    if index_name:
        (tmp_path / index_name).write_text(index, encoding="utf-8")
    return tmp_path


def read(*paths) -> tuple[dict[str, Document], list[ReadError]]:
    items = list(read_paths([str(p) for p in paths], SETTINGS))
    return ({d.name: d for d in items if isinstance(d, Document)}, [e for e in items if isinstance(e, ReadError)])


def test_the_index_fills_url_day_outlet_and_title(tmp_path):
    index = ("doc\turl\toutlet\tpublished\ttitle\n"
             "a.txt\thttps://news.example/drill\tExample Times\t2024-06-04\tDrill held\n"
             "b.txt\thttps://news.example/2024/06/05/other\tExample Times\t\t\n")
    docs, errors = read(folder(tmp_path, "index.tsv", index, {"a.txt": STORY, "b.txt": STORY + "More.\n"}))
    a, b = docs["a.txt"], docs["b.txt"]
    assert (a.url, a.site, a.title, a.published, a.published_method) == (
        "https://news.example/drill", "Example Times", "Drill held", date(2024, 6, 4), "metadata")
    assert (b.url, b.published) == ("https://news.example/2024/06/05/other", None)   # the URL's day comes at dating
    assert [(Path(e.path).name, e.skipped, e.reason) for e in errors] == [
        ("index.tsv", True, "folder index: url, date and outlet of 2 files")]
    assert a.text == STORY   # the text is never touched


def test_the_day_a_url_names_dates_a_text_that_names_none(tmp_path):
    index = "file,url\nb.txt,https://news.example/2024/06/05/other\n"
    root = folder(tmp_path, "index.csv", index, {"b.txt": STORY})
    (doc,) = [d for d in Pipeline(SETTINGS).prepared([str(root)]) if isinstance(d, Document)]
    assert (doc.published, doc.published_method) == (date(2024, 6, 5), "url")


def test_the_text_and_the_page_come_before_the_index(tmp_path):
    index = "doc\tpublished\turl\na.txt\t2024-06-04\thttps://news.example/a\n"
    docs, _ = read(folder(tmp_path, "index.tsv", index, {"a.txt": " date 2024-06-01 " + STORY}))
    assert (docs["a.txt"].published, docs["a.txt"].published_method) == (date(2024, 6, 1), "header")
    assert docs["a.txt"].url == "https://news.example/a"


def test_a_file_named_alone_takes_its_folders_index(tmp_path):
    root = folder(tmp_path, "index.tsv", "doc\tpublished\na.txt\t2024-06-04\n", {"a.txt": STORY})
    docs, errors = read(root / "a.txt")
    assert docs["a.txt"].published == date(2024, 6, 4) and errors == []


def test_days_to_come_other_forms_and_other_schemes_are_not_taken(tmp_path):
    index = ("doc\tpublished\turl\n"
             "a.txt\t2999-01-01\tjavascript:alert(1)\n"
             "b.txt\t06/04/2024\tftp://files.example/b\n")
    docs, _ = read(folder(tmp_path, "index.tsv", index, {"a.txt": STORY, "b.txt": STORY + "More.\n"}))
    assert all((d.published, d.url) == (None, None) for d in docs.values())


def test_a_file_of_many_records_takes_no_row(tmp_path):
    record = json.dumps({"title": "Drill", "text": STORY, "url": "https://news.example/rec"})
    root = folder(tmp_path, "index.tsv", "doc\tpublished\turl\nd.jsonl\t2024-06-04\thttps://news.example/x\n",
                  {"d.jsonl": record + "\n"})
    docs, _ = read(root)
    (doc,) = docs.values()
    assert (doc.url, doc.published) == ("https://news.example/rec", None)


def test_an_index_that_cannot_be_read_is_reported_and_the_texts_still_read(tmp_path):
    root = folder(tmp_path, "index.tsv", "url\tpublished\nhttps://news.example/a\t2024-06-04\n", {"a.txt": STORY})
    docs, errors = read(root)
    assert docs["a.txt"].published is None
    assert [(e.skipped, e.reason) for e in errors] == [
        (True, "folder index not read: no column names the files (doc, file, filename, name, path, text)")]
    (tmp_path / "index.tsv").write_bytes(b"\x00\x01\x02" * 100)
    assert isinstance(read_index(str(tmp_path / "index.tsv"), SETTINGS), ReadError)


def test_a_second_index_is_named_and_not_read(tmp_path):
    root = folder(tmp_path, "index.tsv", "doc\tpublished\na.txt\t2024-06-04\n", {"a.txt": STORY})
    (root / "index.csv").write_text("doc,published\na.txt,2024-06-09\n", encoding="utf-8")
    docs, errors = read(root)
    assert docs["a.txt"].published == date(2024, 6, 4)
    assert sorted(e.reason.split(",")[0] for e in errors) == ["a second folder index", "folder index: url"]


@pytest.mark.model
def test_ingest_stores_what_the_index_gives_once(tmp_path, pipeline):
    root = tmp_path / "texts"
    root.mkdir()
    folder(root, "index.tsv", "doc\turl\tpublished\na.txt\thttps://news.example/a\t2024-06-04\n", {"a.txt": STORY})
    settings = Settings(db=str(tmp_path / "store.db"))
    with Store.open(settings) as store:
        report = ingest([str(root)], store, pipeline)
        assert report.ok and report.new == 1
        assert [r["reason"] for f in report.to_dict()["files"] if f["file"].endswith("index.tsv")
                for r in f["records"]] == ["folder index: url, date and outlet of 1 file"]
        kept = store.get_document(dict(report.stored)["a.txt"].document_id).document
        assert (kept.url, kept.published, kept.published_method) == ("https://news.example/a", date(2024, 6, 4), "metadata")
        again = ingest([str(root)], store, pipeline)
        assert again.unchanged == 1 and again.new == 0
