"""Batch ingest with a fake extraction step (no spaCy): counts, idempotence, failures isolated."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from nkwatch.ingest.run import ingest, ingest_documents
from nkwatch.models import Document, Extraction, Mention, Span
from nkwatch.pipeline import Pipeline

BREAK_CLEANING, BREAK_EXTRACTION = "Xbreakcleaning", "Xbreakextraction"


@dataclass
class FakePipeline:
    """The real readers and cleaning; extraction faked: one mention on the first kept span.
    Texts holding BREAK_CLEANING / BREAK_EXTRACTION make that step raise."""
    real: Pipeline
    version: str = "fake-1"
    prepared: list[str] = field(default_factory=list)
    extracted: list[str] = field(default_factory=list)

    @property
    def cleaning_rules(self):
        return self.real.cleaning_rules

    def read(self, paths):
        return self.real.read(paths)

    def prepare(self, doc: Document, cleaning=None) -> Document:
        self.prepared.append(doc.name)
        if BREAK_CLEANING in doc.text:
            raise RuntimeError("cleaning blew up")
        return self.real.prepare(doc, cleaning)

    def extract(self, doc: Document) -> Extraction:
        self.extracted.append(doc.name)
        if BREAK_EXTRACTION in doc.text:
            raise ValueError("extractor blew up")
        span = doc.kept[0] if doc.kept else Span(0, len(doc.text))
        return Extraction(doc=doc.hash, pipeline_version=self.version,
                          mentions=[Mention(doc=doc.hash, type="weapons_test", evidence=span)])


@pytest.fixture
def folder(tmp_path, articles):
    root = tmp_path / "articles"
    root.mkdir()
    for name, text in articles.items():
        (root / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    return root


@pytest.fixture
def fake(settings):
    return FakePipeline(Pipeline(settings))


def test_ingest_stores_prepares_and_extracts(store, fake, folder):
    report = ingest([str(folder)], store, fake)
    assert (report.documents, report.new, report.unchanged, report.revision, report.extracted) == (3, 3, 0, 0, 3)
    assert report.ok and report.failures == [] and report.docs_per_s > 0
    assert len(store.mentions()) == 3
    assert all(store.get_document(d.id).document.kept for d in store.documents())  # cleaned before storing


def test_reingest_changes_nothing_and_skips_work(store, fake, folder):
    ingest([str(folder)], store, fake)
    before = [(d.id, d.hash, d.ingested_at, d.extracted_version) for d in store.documents()]
    fake.prepared.clear(), fake.extracted.clear()
    report = ingest([str(folder)], store, fake)
    assert (report.new, report.unchanged, report.extracted) == (0, 3, 0)
    assert fake.prepared == [] and fake.extracted == []
    assert [(d.id, d.hash, d.ingested_at, d.extracted_version) for d in store.documents()] == before


def test_new_pipeline_version_reextracts_the_stored_documents(store, fake, folder):
    ingest([str(folder)], store, fake)
    kept_before = {d.id: store.get_document(d.id).document.kept for d in store.documents()}
    fake.version, fake.prepared = "fake-2", []
    report = ingest([str(folder)], store, fake)
    assert (report.unchanged, report.extracted) == (3, 3) and fake.prepared == [], report.failures
    assert store.needs_extraction("fake-2") == []
    assert {m.pipeline_version for m in store.mentions()} == {"fake-2"}
    assert {d.id: store.get_document(d.id).document.kept for d in store.documents()} == kept_before


def test_failures_are_reported_and_the_batch_goes_on(store, fake, folder):
    (folder / "b_broken.txt").write_text(f"A report that {BREAK_CLEANING} the cleaner.\n", encoding="utf-8")
    (folder / "c_unlucky.txt").write_text(f"A report that {BREAK_EXTRACTION} the extractor.\n", encoding="utf-8")
    report = ingest([str(folder)], store, fake)
    assert (report.documents, report.new, report.extracted, report.failed) == (5, 4, 3, 2)
    assert not report.ok
    reasons = dict(report.failures)
    assert reasons["b_broken.txt"] == "prepare: RuntimeError: cleaning blew up"
    assert reasons["c_unlucky.txt"] == "extract: ValueError: extractor blew up"
    names = {d.name: d for d in store.documents()}
    assert set(names) == {"launch.txt", "drill.txt", "meeting.txt", "c_unlucky.txt"}
    assert names["c_unlucky.txt"].extracted_version is None  # stored, extraction missing
    assert names["meeting.txt"].extracted_version == "fake-1"  # documents after the failures too

    (folder / "c_unlucky.txt").write_text("A report the extractor now reads.\n", encoding="utf-8")
    again = ingest([str(folder)], store, fake)
    assert (again.new, again.revision, again.failed) == (0, 1, 1)  # c changed: revision 2; b still breaks


def test_read_errors_are_reported(store, fake, folder):
    report = ingest([str(folder), str(folder / "missing.txt")], store, fake, extract=False)
    assert report.new == 3 and not report.ok
    assert [(e.path, e.reason) for e in report.read_errors] == [
        (str(folder / "missing.txt"), "no such file or directory")]


def test_without_extraction_the_extractor_is_never_touched(store, fake, folder):
    report = ingest([str(folder)], store, fake, extract=False)
    assert (report.new, report.extracted) == (3, 0) and fake.extracted == []
    assert store.needs_extraction("fake-1") == [d.id for d in store.documents()]


def test_duplicate_text_in_one_batch_is_stored_once(store, fake, folder, articles):
    (folder / "z_copy.txt").write_text(articles["drill"] + "\n", encoding="utf-8")
    report = ingest([str(folder)], store, fake)
    assert (report.new, report.unchanged, report.extracted) == (3, 1, 3)


def test_progress_reports_reading_then_storing(store, fake, folder):
    calls = []
    ingest([str(folder)], store, fake, progress=lambda *args: calls.append(args))
    assert [c for c in calls if c[0] == "read"] == [("read", 1, None), ("read", 2, None), ("read", 3, None)]
    assert [c for c in calls if c[0] == "store"] == [("store", 1, 3), ("store", 2, 3), ("store", 3, 3)]


def test_failed_repeated_sentence_analysis_is_reported_and_documents_still_stored(store, fake, folder):
    class NoRules(FakePipeline):
        @property
        def cleaning_rules(self):
            return None  # the batch cannot be cleaned with this

    report = ingest([str(folder)], store, NoRules(fake.real))
    assert report.new == 3 and report.extracted == 3
    assert [name for name, _ in report.failures] == ["<batch>"]
    assert report.failures[0][1].startswith("repeated-sentence analysis failed")


def test_the_report_names_where_each_document_is_stored(store, fake, folder):
    first = ingest([str(folder)], store, fake)
    again = ingest([str(folder)], store, fake)
    assert sorted(name for name, _ in first.stored) == sorted(p.name for p in folder.iterdir())
    assert {n: r.document_id for n, r in again.stored} == {n: r.document_id for n, r in first.stored}
    assert {r.status for _, r in first.stored} == {"new"} and {r.status for _, r in again.stored} == {"unchanged"}
    assert {r.document_id for _, r in first.stored} == {d.id for d in store.documents()}


def test_every_input_record_is_accounted_for(store, fake, folder):
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    (folder / "dump.json").write_text('[{"text": "North Korea held a drill."}, {"text": ""}, {"headline": "T"}]')
    (folder / "wire.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>'
        '<item><title>A</title><description>North Korea fired a missile.</description></item>'
        '<item><title>B</title><description><![CDATA[never closed</description></item>'
        '<item><title>C</title><description>North Korea fired again.</description></item></channel></rss>')
    (folder / "z_unlucky.txt").write_text(f"A report that {BREAK_EXTRACTION} the extractor.\n")
    report = ingest([str(folder)], store, fake)
    outcomes = {(Path(r.file).name, r.name, r.line): (r.status, r.reason) for r in report.records()}
    assert outcomes == {
        ("drill.txt", "drill.txt", None): ("new", None),
        ("dump.json", "dump.json#0", None): ("new", None),
        ("dump.json", None, 1): ("skipped", "no text (empty text)"),
        ("dump.json", None, 2): ("failed", "no text (none of the fields text, story_text, body, content)"),
        ("launch.txt", "launch.txt", None): ("new", None),
        ("meeting.txt", "meeting.txt", None): ("new", None),
        ("notes.pdf", None, None): ("skipped", "unsupported file type"),
        ("wire.rss", "wire.rss#0", None): ("new", None),
        ("wire.rss", None, 1): ("failed", "entry without text in a malformed feed: unclosed CDATA section "
                                          "(line 1, column 339)"),
        ("wire.rss", None, 2): ("failed", "entry lost in a malformed feed: unclosed CDATA section "
                                          "(line 1, column 339)"),
        ("z_unlucky.txt", "z_unlucky.txt", None): ("failed", "extract: ValueError: extractor blew up"),
    }
    assert not report.ok
    as_json = report.to_dict()
    assert (as_json["ok"], as_json["documents"], as_json["skipped"], as_json["failed"]) == (False, 6, 2, 4)
    files = {Path(f["file"]).name: f for f in as_json["files"]}
    assert [(f["read"], f["skipped"], f["failed"]) for f in (files["dump.json"], files["wire.rss"])] == [
        (1, 1, 1), (1, 0, 2)]
    assert files["z_unlucky.txt"]["records"] == [
        {"status": "failed", "name": "z_unlucky.txt", "line": None,
         "reason": "extract: ValueError: extractor blew up",
         "document_id": report.stored[-1][1].document_id}]


def test_a_revised_file_is_the_report_and_its_older_text_can_come_back(store, fake, folder, articles):
    ingest([str(folder)], store, fake)
    (folder / "drill.txt").write_text(articles["drill"] + " It ended on Friday.\n", encoding="utf-8")
    revised = ingest([str(folder)], store, fake)
    assert (revised.revision, revised.extracted) == (1, 1)
    (folder / "drill.txt").write_text(articles["drill"] + "\n", encoding="utf-8")
    back = ingest([str(folder)], store, fake)
    assert (back.new, back.unchanged, back.revision, back.extracted, back.ok) == (0, 2, 1, 1, True)
    assert [r.status for r in back.records() if r.name == "drill.txt"] == ["restored"]
    drills = [d for d in store.documents() if d.name == "drill.txt"]
    assert [(d.revision, d.current_revision) for d in drills] == [(1, True), (2, False)]
    assert len([e for e in store.events() if e.documents]) == 3  # one report per article


def test_one_batch_revising_an_article_and_going_back_to_its_older_text(store, fake, articles):
    """What the batch stores changes what is stored for the texts it reads later (looked up once,
    ``Store.lookup_many``): an article's older text that comes again is its report again."""
    url = "https://example.org/drill"
    older, newer = (Document(name="drill.txt", text=t, url=url)
                    for t in (articles["drill"], articles["drill"] + " It ended on Friday."))
    report = ingest_documents([older, newer, older], store, fake)
    assert [r.status for _, r in report.stored] == ["new", "revision", "restored"]
    assert [(d.revision, d.current_revision) for d in store.documents()] == [(1, True), (2, False)]
    again = ingest_documents([newer, older], store, fake)
    assert [r.status for _, r in again.stored] == ["restored", "restored"]
    assert [(d.revision, d.current_revision) for d in store.documents()] == [(1, True), (2, False)]
