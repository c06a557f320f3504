"""The evaluation gate: floors, ceilings, the corpus hash, and floors that only go up."""
import json

import pytest
from click.testing import CliRunner

from nkwatch.cli import cli
from nkwatch.eval.gate import check_baseline, check_floors, corpus_sha256, new_floors
from nkwatch.eval.gold import parse_gold_line
from nkwatch.eval.run import Evaluation
from nkwatch.eval.score import score
from nkwatch.models import DateValue, Document, Extraction, Mention, Span

TEXT = "The navy test-fired a cruise missile on Friday. Officials praised the result."
GOLD = {"doc": "a.txt", "events": [{"cid": "x", "type": "weapons_test", "span": [0, 47], "date": "2024-05-03"}]}


def result(date: str | None = "2024-05-03", found: bool = True) -> dict:
    doc = Document(name="a.txt", text=TEXT)
    mentions = [Mention(doc.hash, "weapons_test", Span(4, 20), date=DateValue(date))] if found else []
    mentions.append(Mention(doc.hash, "ceremony", Span(48, 60)))  # a false positive
    return score([parse_gold_line(GOLD)], {"a.txt": (doc, Extraction(doc.hash, "t", mentions))})


def test_check_floors():
    r = result()
    assert r["events"]["f1"] == pytest.approx(2 / 3)
    assert check_floors(r, {"events.f1": 0.66, "events.recall": 1.0, "dates.wrong_max": 0}) == []
    failures = check_floors(r, {"events.f1": 0.7, "events.negatives_fp_max": 0, "claims.recall": 0.5,
                                "events.bogus": 1})
    assert failures == ["claims.recall: undefined (floor 0.5)", "events.bogus: no such metric",
                        "events.f1 = 0.6667 below its floor 0.7000"]
    assert check_floors(result(date="2024-06"), {"dates.wrong_max": 0}) == ["dates.wrong = 1 above its ceiling 0"]


def test_no_floors_passes_and_says_so():
    gate = check_baseline({"floors": {}, "corpus_sha256": "abc"}, result(found=False), "other")
    assert gate.ok and gate.messages == ["no floors set"]


def test_corpus_hash_must_match(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    h = corpus_sha256(gold, {"a.txt": TEXT}, ["a.txt"])
    assert h != corpus_sha256(gold, {"a.txt": TEXT + " "}, ["a.txt"])
    assert h != corpus_sha256(gold, {}, ["a.txt"])
    entry = {"corpus_sha256": h, "floors": {"events.f1": 0.5}}
    assert check_baseline(entry, result(), h).ok
    gate = check_baseline(entry, result(), corpus_sha256(gold, {}, ["a.txt"]))
    assert not gate.ok and "corpus changed" in gate.messages[0]


def test_new_floors_never_lower_silently():
    floors, lowered = new_floors({}, result())
    assert floors["events.f1"] == 0.6666 and floors["dates.wrong_max"] == 0 and "claims.recall" not in floors
    assert lowered == []
    worse, lowered = new_floors(floors, result(date="2024-06"))
    assert lowered == ["dates.relaxed: 1.0 -> 0.0", "dates.strict: 1.0 -> 0.0", "dates.wrong_max: 0 -> 1"]
    assert worse["dates.wrong_max"] == 1
    _, lowered = new_floors(floors, result(found=False))          # no match: date figures undefined
    assert "dates.strict: 1.0 -> undefined (floor dropped)" in lowered
    _, lowered = new_floors({**floors, "events.f1": 0.5}, result())   # going up is fine
    assert lowered == []


# --- the command --------------------------------------------------------------------------------

@pytest.fixture
def files(tmp_path, monkeypatch):
    """A gold file, a docs folder and a baseline path; the pipeline replaced by canned results."""
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(TEXT, encoding="utf-8")
    baseline = tmp_path / "eval" / "baseline.json"
    baseline.parent.mkdir()
    runs = {"result": result()}
    monkeypatch.setattr("nkwatch.cli.eval.evaluate",
                        lambda pipeline, g, d: Evaluation(runs["result"], "hash1", []))
    return gold, docs, baseline, runs


def invoke(*args):
    return CliRunner().invoke(cli, ["eval", *map(str, args)])


def test_update_then_check_then_refuse_to_lower(files):
    gold, docs, baseline, runs = files
    out = invoke("--gold", gold, "--docs", docs, "--baseline", baseline, "--update-baseline", "toy")
    assert out.exit_code == 0, out.output
    entry = json.loads(baseline.read_text())["toy"]
    assert entry["gold"] == "../gold.jsonl" and entry["docs"] == "../docs" and entry["corpus_sha256"] == "hash1"
    assert entry["floors"]["events.f1"] == 0.6666

    out = invoke("--baseline", baseline, "--check-baseline", "toy")      # paths come from the entry
    assert out.exit_code == 0, out.output
    assert "floors held" in out.output

    runs["result"] = result(date="2024-06")
    out = invoke("--baseline", baseline, "--check-baseline", "toy", "--json")
    assert out.exit_code == 1
    gate = json.loads(out.output)["gate"]
    assert not gate["ok"] and "dates.wrong = 1 above its ceiling 0" in gate["messages"]

    before = baseline.read_text()
    out = invoke("--baseline", baseline, "--update-baseline", "toy")
    assert out.exit_code == 1 and "--allow-lower" in out.output
    assert baseline.read_text() == before
    out = invoke("--baseline", baseline, "--update-baseline", "toy", "--allow-lower")
    assert out.exit_code == 0, out.output
    assert json.loads(baseline.read_text())["toy"]["floors"]["dates.wrong_max"] == 1


def test_empty_floors_exit_0(files):
    gold, docs, baseline, runs = files
    baseline.write_text(json.dumps({"toy": {"gold": "../gold.jsonl", "docs": "../docs", "corpus_sha256": "",
                                            "floors": {}}}))
    runs["result"] = result(found=False)
    out = invoke("--baseline", baseline, "--check-baseline", "toy")
    assert out.exit_code == 0 and "no floors set" in out.output
    out = invoke("--baseline", baseline, "--check-baseline", "nope")
    assert out.exit_code == 1 and "no entry 'nope'" in out.output


def test_report_and_json(files):
    gold, docs, _, _ = files
    out = invoke("--gold", gold, "--docs", docs, "--json")
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    for path in ("events.precision", "events.recall", "events.f1", "events.tp", "events.fp", "events.fn",
                 "events.duplicates", "events.negatives_fp", "dates.strict", "dates.relaxed", "dates.wrong",
                 "dates.missing", "args.weapon_class", "args.count", "args.sources", "claims.recall",
                 "claims.value_accuracy", "clusters.b3_f1"):
        group, key = path.split(".")
        assert key in data[group], path
    assert {"per_document", "per_type", "errors"} <= set(data)
    assert data["errors"] == [{"kind": "fp", "doc": "a.txt", "type": "ceremony", "span": [48, 60],
                               "text": TEXT[48:60], "detail": ""}]
    out = invoke("--gold", gold, "--docs", docs, "--per-doc", "--errors")
    assert out.exit_code == 0 and "events.f1" in out.output and "By document" in out.output
    assert "Officials pr" in out.output
    assert invoke("--docs", docs).exit_code == 2        # no gold and no baseline entry
