"""tools/fresh_texts.py: a text fetched again is taken only if it carries its gold's spans, then pinned."""
from __future__ import annotations

import hashlib
import json

import pytest
from tool_modules import load_tool

TEXT = "Seoul, May 2 (Wire) -- The North fired two missiles on Tuesday, officials said.\nOther news: a concert."
LINE = {"doc": "001.txt", "published": "2030-05-02",
        "events": [{"span": [23, 62], "evidence_alt": [{"span": [0, 5]}]}],
        "claims": [{"span": [39, 51]}], "negatives": [{"span": [80, 102]}]}


T = load_tool("fresh_texts")


def test_every_span_of_a_line_is_read_with_its_kind():
    assert [(kind, TEXT[s:e]) for kind, (s, e) in T.spans(LINE)] == [
        ("event", "The North fired two missiles on Tuesday"), ("alt", "Seoul"), ("claim", "two missiles"),
        ("negative", "Other news: a concert.")]


def test_the_text_annotated_passes_and_a_shifted_copy_fails():
    assert T.problems(TEXT, LINE) == []
    assert T.problems(" " + TEXT, LINE)
    assert T.problems(TEXT[:60], LINE)[0].startswith("event span [23, 62] outside")


def test_one_glued_word_among_many_spans_is_tolerated_but_not_two_of_four():
    glued = TEXT.replace("Seoul,", "Seoulx")           # same length: the offsets still hold
    assert T.problems(glued, LINE) == []
    assert T.problems(glued.replace("fired two", "firedxtwo"), LINE)


def test_sentences_the_page_glued_together_still_have_their_edges():
    assert T._edge("the programThe test", 4, 11) and T._edge("the programThe test", 11, 19)
    assert not T._edge("the programThe test", 5, 11) and not T._edge("the PROGRAMthe test", 4, 11)


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    repo, texts = tmp_path / "fresh", tmp_path / "texts"
    (texts / "f1" / "a").mkdir(parents=True)
    repo.mkdir()
    (repo / "f1-a.gold.jsonl").write_text(json.dumps(LINE) + "\n", encoding="utf-8")
    (repo / "documents.tsv").write_text(
        "set\ttext\turl\tpublished\tevents\tclaims\nf1-a\tf1/a/001.txt\thttps://x.invalid/1\t2030-05-02\t1\t1\n",
        encoding="utf-8")
    monkeypatch.setattr(T, "FRESH", repo)
    return texts


def test_a_verified_text_is_pinned_and_then_checked_byte_for_byte(fresh):
    (fresh / "f1" / "a" / "001.txt").write_text(TEXT, encoding="utf-8")
    assert T.pin(fresh) == 1
    row = T.read_index()[0]
    assert row["sha256"] == hashlib.sha256(TEXT.encode()).hexdigest() and row["chars"] == str(len(TEXT))
    (fresh / "f1" / "a" / "001.txt").write_text(TEXT.replace("two", "TWO"), encoding="utf-8")
    passed, failed, _ = T.verify(fresh)
    assert passed == [] and "sha256 differs" in failed[0]


def test_a_missing_or_wrong_text_is_not_pinned(fresh):
    assert T.pin(fresh) == 0
    (fresh / "f1" / "a" / "001.txt").write_text("\ufeff" + TEXT, encoding="utf-8")
    assert T.pin(fresh) == 0 and T.read_index()[0]["sha256"] == ""
