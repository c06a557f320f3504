"""tools/fresh_eval.py: the check sets' events counted together in one last row."""
from __future__ import annotations

import json

import pytest
from tool_modules import load_tool



T = load_tool("fresh_eval")


def _row(name: str, tp: int, fp: int, fn: int) -> dict:
    return {"set": name, "docs": 2, "of": 3, "tp": tp, "fp": fp, "fn": fn, "dates_wrong": 1, "dates_matched": tp}


def test_the_check_sets_are_pooled_and_the_others_left_out():
    rows = [_row("fresh14-t", 8, 2, 2), _row("fresh13-r", 2, 0, 8), _row("fresh3-w", 50, 0, 0)]
    total = T.pooled(rows)
    assert (total["tp"], total["fp"], total["fn"], total["docs"], total["of"], total["dates_wrong"]) == (10, 2, 10, 4, 6, 2)
    assert total["P"] == pytest.approx(10 / 12) and total["R"] == pytest.approx(0.5)
    assert total["F1"] == pytest.approx(2 * (10 / 12) * 0.5 / (10 / 12 + 0.5))


def test_a_group_of_check_sets_is_pooled_under_its_label():
    rows = [_row("fresh13-s", 8, 2, 2), _row("fresh14-u", 3, 1, 1), _row("fresh12-p", 4, 0, 0)]
    total = T.pooled(rows, T.CHECK_GROUPS["check sets of stop 24 pooled"], "stop 24")
    assert (total["set"], total["tp"], total["fp"], total["fn"]) == ("stop 24", 3, 1, 1)
    assert set(T.CHECK_SETS) == {n for names in T.CHECK_GROUPS.values() for n in names}


def test_pages_in_other_languages_are_pooled_apart():
    rows = [_row("fresh17-a", 5, 1, 1), _row("fresh19-a-other-languages", 0, 0, 9), _row("fresh3-w", 7, 1, 1),
            _row("fresh19-a", 2, 0, 1)]
    totals = {r["set"]: (r["tp"], r["fp"], r["fn"]) for r in T.pooled_rows(rows)}
    assert totals == {"check sets of stop 26 pooled": (5, 1, 1), "check sets pooled": (5, 1, 1),
                      "pages in other languages pooled": (0, 0, 9), "dev sets pooled": (9, 1, 2)}
    assert all((T.FRESH / f"{name}.gold.jsonl").is_file() for name in T.OTHER_LANGUAGES)


def test_no_check_set_scored_gives_no_pooled_row():
    assert T.pooled([_row("fresh3-w", 5, 1, 1)]) is None


def test_the_check_sets_are_the_sets_of_eval_fresh():
    assert all((T.FRESH / f"{name}.gold.jsonl").is_file() for name in T.CHECK_SETS)


def test_the_gold_is_cut_to_the_documents_whose_texts_are_here(tmp_path):
    gold = T.present_gold("fresh16-x", {"001.txt", "003.txt"}, tmp_path)
    docs = [json.loads(line)["doc"] for line in gold.read_text(encoding="utf-8").splitlines()]
    assert docs == ["001.txt", "003.txt"] and gold.parent == tmp_path


def test_with_urls_the_texts_are_read_with_their_urls(tmp_path):
    from nkwatch.ingest import read_paths
    from nkwatch.settings import Settings
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "001.txt").write_text("The navy held a drill on Tuesday.\n", encoding="utf-8")
    (texts / "002.txt").write_text("The army held a drill on Monday.\n", encoding="utf-8")
    (linked := tmp_path / "linked").mkdir()
    folder = T.texts_with_urls(texts, {"001.txt", "002.txt"}, {"001.txt": "https://news.example/2024/06/05/a"}, linked)
    docs = {d.name: d for d in read_paths([str(folder)], Settings()) if hasattr(d, "url")}
    assert docs["001.txt"].url == "https://news.example/2024/06/05/a" and docs["002.txt"].url is None
    assert docs["001.txt"].text == (texts / "001.txt").read_text(encoding="utf-8")
