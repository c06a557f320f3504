"""An evaluation run over a folder: only the gold's documents are extracted, keyed by name."""
import json

import pytest

from nkwatch.eval.gold import GoldError
from nkwatch.eval.run import _folder, evaluate
from nkwatch.models import Extraction, Mention, Span
from nkwatch.pipeline import Pipeline
from nkwatch.settings import Settings

ARTICLES = {
    "a.txt": "Pyongyang, May 3 -- The navy test-fired a new cruise missile off the west coast on Thursday.\n",
    "b.txt": "Seoul, May 4 -- Farmers began transplanting rice in the southern provinces this week.\n",
    "c.txt": "Tokyo, May 5 -- A trade delegation arrived for talks on fisheries.\n",
}


class FirstSentenceIsATest:
    """Stands in for the extractor: every document reports one weapons test in its first line."""
    version = "test"

    def __init__(self):
        self.seen = []

    def extract(self, doc):
        self.seen.append(doc.name)
        end = doc.text.index("\n")
        return Extraction(doc.hash, self.version, [Mention(doc.hash, "weapons_test", Span(0, end))])


def test_evaluate_scores_only_gold_documents(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in ARTICLES.items():
        (docs / name).write_text(text, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    lines = [{"doc": "a.txt", "events": [{"cid": "t", "type": "weapons_test", "evidence": "test-fired a new cruise"}]},
             {"doc": "b.txt", "events": [], "negatives": ["Farmers began"]},
             {"doc": "gone.txt", "events": [{"cid": "g", "type": "ceremony", "span": [0, 4]}]}]
    gold.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    pipeline = Pipeline(Settings())
    extractor = FirstSentenceIsATest()
    pipeline.__dict__["extractor"] = extractor        # the cached_property, filled by hand

    run = evaluate(pipeline, gold, docs)
    assert sorted(extractor.seen) == ["a.txt", "b.txt"]
    ev = run.result["events"]
    assert (ev["tp"], ev["fp"], ev["fn"], ev["negatives_fp"]) == (1, 1, 1, 1)
    assert run.result["documents"]["missing"] == ["gone.txt"]
    assert len(run.corpus_sha256) == 64
    (docs / "a.txt").write_text(ARTICLES["a.txt"] + "More later.\n", encoding="utf-8")
    assert evaluate(pipeline, gold, docs).corpus_sha256 != run.corpus_sha256


def test_the_gold_folders_are_found_under_at_or_beside_the_docs_folder(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "news").mkdir(parents=True)
    (corpus / "kcna").mkdir()
    assert _folder(corpus, "news") == corpus / "news"                      # under it
    assert _folder(corpus / "news", "news") == corpus / "news"             # it
    assert _folder(corpus / "news", "kcna").resolve() == (corpus / "kcna").resolve()  # beside it
    (tmp_path / "other").mkdir()
    with pytest.raises(GoldError, match="give --docs"):
        _folder(tmp_path / "other", "kcna")
