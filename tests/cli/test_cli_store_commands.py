"""ingest / docs / search / db through click's CliRunner, on invented articles in tmp_path."""
from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner
from rich.console import Console

from nkwatch.cli import cli
from nkwatch.cli.docs import mark_spans
from nkwatch.cli.ingest import print_skipped
from nkwatch.ingest.report import IngestReport
from nkwatch.models import Boilerplate, Document, Extraction, Mention, ReadError, Span
from nkwatch.pipeline import Pipeline
from nkwatch.settings import Settings
from nkwatch.store import Store, migrate

ARTICLES = {  # invented, news style
    "launch.txt": "Missile test\n\nNorth Korea fired a cruise missile over the Yellow Sea on Sunday, "
                  "state media said, calling it a routine test of a new engine.\n",
    "drill.txt": "Joint drills\n\nAllied warships held a three-day naval exercise south of the island, "
                 "the navy said on Friday.\n",
    "talks.txt": "Talks\n\nEnvoys met in Beijing to discuss the peninsula, diplomats said.\n",
}


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "cli.db")


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "articles"
    root.mkdir()
    for name, text in ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def run(db: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)


def summary(output: str) -> dict[str, int]:
    counts = {}
    for what in ("new", "unchanged", "revisions", "extracted", "failed", "unreadable inputs"):
        for line in output.splitlines():
            cells = [c.strip() for c in line.strip("│| ").split("│")]
            if len(cells) == 2 and cells[0] == what:
                counts[what] = int(cells[1])
    return counts


def test_ingest_then_reingest_stores_nothing_new(db, folder):
    first = run(db, "ingest", str(folder), "--no-extract")
    assert first.exit_code == 0, first.output
    assert summary(first.stdout) == {"new": 3, "unchanged": 0, "revisions": 0, "failed": 0,
                                     "unreadable inputs": 0}
    assert "ingest: 3/3 documents" in first.stderr  # plain progress when not a terminal
    second = run(db, "ingest", str(folder), "--no-extract")
    assert second.exit_code == 0
    assert summary(second.stdout)["new"] == 0 and summary(second.stdout)["unchanged"] == 3


def test_missing_path_fails_with_its_reason(db, folder, tmp_path):
    missing = str(tmp_path / "nope.txt")
    result = run(db, "ingest", str(folder), missing, "--no-extract")
    assert result.exit_code == 1
    assert summary(result.stdout)["unreadable inputs"] == 1 and summary(result.stdout)["new"] == 3
    assert "no such file or directory" in result.stdout and "nope.txt" in result.stdout


class FakeExtraction(Pipeline):
    """The real reading and cleaning; extraction faked, failing on texts that say 'peninsula'."""
    version = "fake-1"

    def extract(self, doc: Document) -> Extraction:
        if "peninsula" in doc.text:
            raise ValueError("extractor blew up")
        return Extraction(doc=doc.hash, pipeline_version=self.version,
                          mentions=[Mention(doc=doc.hash, type="weapons_test", evidence=doc.kept[-1])])

    def extract_many(self, docs):
        return [self.extract(doc) for doc in docs]


def test_ingest_with_extraction_lists_failures(db, folder, monkeypatch):
    monkeypatch.setattr("nkwatch.cli.ingest.Pipeline", FakeExtraction)
    result = run(db, "ingest", str(folder))
    assert result.exit_code == 1
    assert summary(result.stdout) == {"new": 3, "unchanged": 0, "revisions": 0, "extracted": 2,
                                      "failed": 1, "unreadable inputs": 0}
    assert "talks.txt" in result.stdout and "extract: ValueError: extractor blew up" in result.stdout
    listed = json.loads(run(db, "docs", "--json").stdout)
    assert {d["name"]: d["mentions"] for d in listed} == {"launch.txt": 1, "drill.txt": 1, "talks.txt": 0}


def test_docs_list_and_json(db, folder):
    run(db, "ingest", str(folder), "--no-extract")
    listed = run(db, "docs")
    assert listed.exit_code == 0
    for name in ARTICLES:
        assert name in listed.stdout
    rows = json.loads(run(db, "docs", "--json", "--limit", "2").stdout)
    assert [r["name"] for r in rows] == ["drill.txt", "launch.txt"]  # folder order
    assert rows[0]["size"] == len(ARTICLES["drill.txt"]) and rows[0]["published_method"] == "unknown"
    assert "no documents" in run(db, "docs", "--offset", "10").stdout


def test_docs_show_marks_boilerplate_and_lists_mentions(db):
    text = "Missile test\nADVERTISEMENT\nNorth Korea fired a missile on Sunday.\n"
    ad, sentence = Span(13, 26), Span(27, 65)
    doc = Document(name="a.txt", text=text, title="Missile test", kept=[Span(0, 12), sentence],
                   boilerplate=[Boilerplate(ad, "banner")])
    with Store.open(Settings(db=db)) as store:
        doc_id = store.add_document(doc).document_id
        store.save_extraction(doc_id, Extraction(doc=doc.hash, pipeline_version="v1", mentions=[
            Mention(doc=doc.hash, type="weapons_test", evidence=sentence, weapon_class="cruise")]))
    shown = run(db, "docs", "show", str(doc_id))
    assert shown.exit_code == 0
    assert "Missile test\n[[ADVERTISEMENT]]\nNorth Korea fired" in shown.stdout
    assert "[27-65] weapons_test | weapon: cruise | date: unknown" in shown.stdout
    data = json.loads(run(db, "docs", "show", doc.hash[:8], "--json").stdout)
    assert data["document"]["text"] == text and data["document"]["boilerplate"][0]["rule"] == "banner"
    assert data["mentions"][0]["mention"]["evidence"] == {"start": 27, "end": 65}
    missing = run(db, "docs", "show", "999")
    assert missing.exit_code == 1 and "no document" in missing.output


def test_mark_spans_merges_overlaps():
    assert mark_spans("abcdefgh", [Span(1, 3), Span(2, 4), Span(6, 7), Span(5, 5)]) == "a[[bcd]]ef[[g]]h"


def test_search_output_json_and_errors(db, folder):
    run(db, "ingest", str(folder), "--no-extract")
    found = run(db, "search", "naval", "exercise")
    assert found.exit_code == 0 and "Joint drills" in found.stdout and "**naval**" in found.stdout
    hits = json.loads(run(db, "search", "missile OR envoys", "--json").stdout)
    assert {h["name"] for h in hits} == {"launch.txt", "talks.txt"}
    assert "nothing found" in run(db, "search", "submarine").stdout
    bad = run(db, "search", "(missile")
    assert bad.exit_code == 1 and "cannot search for" in bad.output


def test_db_upgrade_and_current(db):
    assert "revision none" in run(db, "db", "current").stdout
    upgraded = run(db, "db", "upgrade")
    head = migrate.head()
    assert upgraded.exit_code == 0 and f"upgraded from empty to {head}" in upgraded.stdout
    assert f"already at revision {head}" in run(db, "db", "upgrade").stdout
    assert "(up to date)" in run(db, "db", "current").stdout


def test_unopenable_store_is_a_clean_error(tmp_path, folder):
    result = run(str(tmp_path / "no" / "dir" / "x.db"), "ingest", str(folder))
    assert result.exit_code == 1 and "cannot open the store" in result.output


def test_records_without_text_are_skipped_with_reason_not_failed(db, tmp_path):
    dump = tmp_path / "dump.json"
    dump.write_text(json.dumps([
        {"headline": "Gallery", "story_text": "", "date": 1704067200000},
        {"headline": "Drill", "story_text": "Troops held a river-crossing drill on Monday, the army said.",
         "date": 1704067200000},
    ]), encoding="utf-8")
    result = run(db, "ingest", str(dump), "--no-extract")
    assert result.exit_code == 0, result.output
    assert summary(result.stdout)["new"] == 1 and summary(result.stdout)["unreadable inputs"] == 0
    assert "skipped (not articles)" in result.stdout and "empty story_text" in result.stdout
    assert "dump.json#0" in result.stdout
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps([{"headline": "no text field at all"}]), encoding="utf-8")
    assert run(db, "ingest", str(broken), "--no-extract").exit_code == 1  # mapping does not fit: an error


def test_ingest_json_accounts_for_every_record_and_a_lost_feed_entry_fails(db, folder):
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    (folder / "wire.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>'
        '<item><title>A</title><description>Envoys met in Seoul.</description></item>'
        '<item><title>B</title><description><![CDATA[never closed</description></item></channel></rss>')
    result = run(db, "ingest", str(folder), "--no-extract", "--json")
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert (report["ok"], report["new"], report["skipped"], report["failed"]) == (False, 4, 1, 1)
    files = {f["file"].rsplit("/", 1)[-1]: f for f in report["files"]}
    assert sorted(files) == ["drill.txt", "launch.txt", "notes.pdf", "talks.txt", "wire.rss"]
    assert [(r["status"], r["name"], r["line"]) for r in files["wire.rss"]["records"]] == [
        ("new", "wire.rss#0", None), ("failed", None, 1)]
    assert files["notes.pdf"]["records"] == [{"status": "skipped", "name": None, "line": None,
                                              "reason": "unsupported file type", "document_id": None}]


def test_skipped_records_are_named_up_to_a_number_per_reason():
    report = IngestReport(skipped=[ReadError(f"/in/scan{i:02d}.pdf", "unsupported file type", skipped=True)
                                   for i in range(25)])
    console = Console(width=2000, file=io.StringIO())
    print_skipped(report, console)
    shown = console.file.getvalue()
    assert "scan19.pdf" in shown and "scan20.pdf" not in shown and "and 5 more" in shown and " 25 " in shown
