"""tools/agreement.py: one annotation scored against another by the README's matching rules."""
from __future__ import annotations

import copy
import json

from tool_modules import load_tool

from nkwatch.eval.gold import parse_gold_line

A = load_tool("agreement")
LINE = {"doc": "001.txt", "published": "2030-05-02", "negatives": [], "claims": [
    {"cid": "x", "property": "count", "value": 2, "value_max": None, "bound": "eq", "period": None, "source": None,
     "optional": False, "span": [39, 51]}], "events": [
    {"cid": "x", "type": "weapons_test", "weapon_class": "srbm", "date": "2030-04-30", "date_alt": [],
     "location": None, "actors": [], "sources": [], "count": 2, "optional": False, "span": [23, 62],
     "evidence_alt": []},
    {"cid": "y", "type": "military_exercise", "weapon_class": None, "date": None, "date_alt": [], "location": None,
     "actors": [], "sources": [], "count": None, "optional": False, "span": [70, 90], "evidence_alt": []}]}


def _docs(line: dict) -> dict:
    return {line["doc"]: parse_gold_line(line)}


def test_an_annotation_agrees_with_itself():
    c = A.compare(_docs(LINE), _docs(LINE))
    assert (c["tp"], c["fp"], c["fn"], c["ctp"], c["date_same"]) == (2, 0, 0, 1, 2)


def test_an_event_left_out_is_a_miss_and_another_type_a_false_one():
    first = copy.deepcopy(LINE)
    first["events"][1]["type"] = "border_incident"
    c = A.compare(_docs(first), _docs(LINE))
    assert (c["tp"], c["fp"], c["fn"]) == (1, 1, 1)


def test_an_event_the_first_annotator_left_optional_counts_only_when_strict():
    first = copy.deepcopy(LINE)
    first["events"][1].update(type="border_incident", optional=True)
    assert (A.compare(_docs(first), _docs(LINE))["fp"], A.compare(_docs(first), _docs(LINE), strict=True)["fp"]) == (0, 1)


def test_the_command_compares_the_documents_both_files_hold(tmp_path, capsys):
    other = dict(copy.deepcopy(LINE), doc="002.txt")
    (tmp_path / "a.jsonl").write_text(json.dumps(LINE) + "\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps(LINE) + "\n" + json.dumps(other) + "\n", encoding="utf-8")
    assert A.main([str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")]) == 0
    out = capsys.readouterr().out
    assert "tp 2 fp 0 fn 0" in out and out.splitlines()[1].split()[:3] == ["all", "1", "1.000"]


def test_with_required_a_gold_event_the_first_annotator_only_marks_optional_is_a_miss(tmp_path, capsys):
    first = copy.deepcopy(LINE)
    first["events"][1]["optional"] = True
    (tmp_path / "a.jsonl").write_text(json.dumps(first) + "\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps(LINE) + "\n", encoding="utf-8")
    A.main([str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")])
    A.main([str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl"), "--required"])
    lenient, required = [line for line in capsys.readouterr().out.splitlines() if line.startswith("tp ")]
    assert (lenient, required) == ("tp 1 fp 0 fn 0", "tp 1 fp 0 fn 1")
