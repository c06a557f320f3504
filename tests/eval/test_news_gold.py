"""The news gold files (eval/news.{dev,test}.gold.jsonl): valid against their texts, split as
eval/news_split.tsv says (same-query units on one side), large enough, and naming every excerpt once."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from tool_modules import load_tool

REPO = Path(__file__).resolve().parents[2]
EVAL = REPO / "eval"




def _lines(part: str) -> list[dict]:
    return [json.loads(x) for x in (EVAL / f"news.{part}.gold.jsonl").read_text(encoding="utf-8").splitlines()
            if x.strip()]


def _split() -> list[dict]:
    with (EVAL / "news_split.tsv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def test_every_excerpt_once_on_the_side_the_split_gives():
    rows = {f"news/{r['doc']}": r for r in _split()}
    dev, test = _lines("dev"), _lines("test")
    assert len(dev) >= 170 and len(test) >= 80
    news = [x["doc"] for x in dev + test if x["doc"].startswith("news/")]
    assert sorted(news) == sorted(rows)                          # all 256, once
    assert all(rows[x["doc"]]["split"] == "dev" for x in dev)
    assert all(x["doc"].startswith("kcna/") or rows[x["doc"]]["split"] == "test" for x in test)


def test_a_query_unit_never_falls_on_both_sides():
    sides: dict[str, set[str]] = {}
    for r in _split():
        sides.setdefault(r["unit"], set()).add(r["split"])
    assert all(len(s) == 1 for s in sides.values())
    assert {r["collection"] for r in _split() if r["split"] == "test"} == {"n1", "n2", "n3", "n4", "n5", "n6"}


def test_the_split_tool_gives_the_committed_split(tmp_path, shared):
    out = tmp_path / "split.tsv"
    load_tool("news_split").main(["--index", str(shared / "corpus" / "news" / "index.tsv"),
                              "--joins", str(EVAL / "news_split.toml"), "-o", str(out)])
    assert out.read_text(encoding="utf-8") == (EVAL / "news_split.tsv").read_text(encoding="utf-8")


@pytest.mark.e2e
@pytest.mark.parametrize("part", ["dev", "test"])
def test_spans_fit_their_texts(part, shared):
    gold_spans = load_tool("gold_spans")
    corpus = shared / "corpus"
    problems = []
    for line in _lines(part):
        folder, _, name = line["doc"].partition("/")
        texts = gold_spans.CorpusTexts(corpus / folder)
        problems += gold_spans.validate_gold(dict(line, doc=name), texts.text(name), texts.published(name))
    assert problems == []


def test_a_docs_folder_without_the_golds_folders_is_an_error_not_a_zero(tmp_path):
    from nkwatch.eval.gold import GoldError
    from nkwatch.eval.run import _folder
    (tmp_path / "news").mkdir()
    assert _folder(tmp_path, "news") == tmp_path / "news"
    assert _folder(tmp_path / "news", "news") == tmp_path / "news"      # --docs pointing at the folder itself
    with pytest.raises(GoldError, match="kcna"):
        _folder(tmp_path / "news", "kcna")
