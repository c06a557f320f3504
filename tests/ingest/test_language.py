"""The language of a document (ingest/language.py) and what extraction, ingest and eval do with a
document written in a language extraction does not read. Texts invented here."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from nkwatch.cli import cli
from nkwatch.eval.run import evaluate
from nkwatch.ingest.language import detect_language, language_of
from nkwatch.ingest.run import ingest
from nkwatch.models import TEXT_LANGUAGE, Document, Span
from nkwatch.pipeline import Pipeline
from nkwatch.resolve_run import Resolver, reextract
from nkwatch.settings import Settings
from nkwatch.store import Store

ENGLISH = ("North Korea fired two short-range ballistic missiles into the sea off its east coast on Tuesday, "
           "South Korea's Joint Chiefs of Staff said, the third launch this month.")
SPANISH = ("Corea del Norte disparó el martes dos misiles balísticos de corto alcance hacia el mar frente a su "
           "costa oriental, informó el Estado Mayor Conjunto de Corea del Sur, el tercer lanzamiento del mes.")
GERMAN = ("Nordkorea hat am Dienstag zwei ballistische Kurzstreckenraketen ins Meer vor seiner Ostküste "
          "abgefeuert, teilte der Generalstab Südkoreas mit; es ist der dritte Start in diesem Monat.")


@pytest.mark.parametrize(("text", "lang"), [(ENGLISH, "en"), (SPANISH, "es"), (GERMAN, "de")])
def test_language_of_a_paragraph(text, lang):
    assert language_of(text) == lang


def test_english_is_told_without_loading_the_model(monkeypatch):
    from nkwatch.ingest import language

    def unloadable():
        raise AssertionError("the model was loaded")
    monkeypatch.setattr(language, "_identifier", unloadable)
    assert language_of(ENGLISH) == "en"
    with pytest.raises(AssertionError):
        language_of(SPANISH)


@pytest.mark.parametrize("text", ["", "KCNA", "Seoul, 12 May (Yonhap) --", "1234 5678 ---- !!!"])
def test_too_little_text_has_no_language(text):
    assert language_of(text) is None


def test_detect_reads_the_kept_text_only():
    text = f"{SPANISH}\n\n{ENGLISH}"
    doc = Document("x.txt", text, kept=[Span(len(SPANISH) + 2, len(text))])
    assert detect_language(doc).meta[TEXT_LANGUAGE] == "en"
    doc.kept = [Span(0, len(SPANISH))]
    assert detect_language(doc).meta[TEXT_LANGUAGE] == "es"
    doc.kept, doc.text = [], "Kim."
    assert TEXT_LANGUAGE not in detect_language(doc).meta   # an old value does not stay behind


def test_a_declared_language_is_kept_and_never_read_for_one_found():
    # an HTML page's declared language stays where its reader put it; extraction goes by the text
    doc = detect_language(Document("x.html", SPANISH, fmt="html", meta={"language": "en-US"}))
    assert doc.meta == {"language": "en-US", TEXT_LANGUAGE: "es"}
    short = detect_language(Document("y.html", "Kim.", fmt="html", meta={"language": "ko"}))
    assert short.meta == {"language": "ko"}


@pytest.mark.model
def test_extraction_names_a_document_it_does_not_read(pipeline):
    spanish, english = (pipeline.prepare(Document(n, t)) for n, t in (("es.txt", SPANISH), ("en.txt", ENGLISH)))
    assert spanish.meta[TEXT_LANGUAGE] == "es" and english.meta[TEXT_LANGUAGE] == "en"
    out_es, out_en = pipeline.extract_many([spanish, english])
    assert out_es.not_read and "written in es" in out_es.not_read
    assert out_es.mentions == [] and out_es.claims == []
    assert out_en.not_read is None and [m.type for m in out_en.mentions] == ["weapons_test"]


@pytest.mark.model
def test_a_language_added_to_the_setting_is_read():
    both = Pipeline(Settings(languages="en, es"))
    doc = both.prepare(Document("es.txt", SPANISH))
    assert both.extract(doc).not_read is None
    assert both.version != Pipeline(Settings()).version   # another reading: stored extractions are redone


@pytest.mark.model
def test_ingest_stores_it_and_reports_it_once(tmp_path, pipeline):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "es.txt").write_text(SPANISH, encoding="utf-8")
    (folder / "en.txt").write_text(ENGLISH, encoding="utf-8")
    settings = Settings(db=str(tmp_path / "store.db"))
    with Store.open(settings) as store:
        report = ingest([str(folder)], store, pipeline)
        assert report.ok and report.new == 2 and report.extracted == 2
        assert [name for name, _ in report.not_read] == ["es.txt"]
        records = {r["name"]: r for f in report.to_dict()["files"] for r in f["records"]}
        assert "written in es" in records["es.txt"]["reason"] and records["en.txt"]["reason"] is None
        assert report.to_dict()["not_read"] == 1
        stored = dict(report.stored)
        kept = store.get_document(stored["es.txt"].document_id).document
        assert kept.text == SPANISH and kept.meta[TEXT_LANGUAGE] == "es"   # stored whole, never lost
        again = ingest([str(folder)], store, pipeline)
        assert again.unchanged == 2 and again.new == 0 and again.extracted == 0 and again.not_read == []
        redone = reextract(store, pipeline, Resolver.load(settings), everything=True)
        assert redone.extracted == 2 and [name for name, _ in redone.not_read] == ["es.txt"]
    shown = CliRunner().invoke(cli, ["--db", settings.db, "docs", "show", str(stored["es.txt"].document_id)])
    assert shown.exit_code == 0 and "language: es" in shown.output


@pytest.mark.model
def test_eval_lists_the_documents_it_did_not_read(tmp_path, pipeline):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "es.txt").write_text(SPANISH, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc": "es.txt", "published": None, "events": [], "claims": []}) + "\n",
                    encoding="utf-8")
    result = evaluate(pipeline, gold, folder).result
    assert list(result["documents"]["not_read"]) == ["es.txt"]
