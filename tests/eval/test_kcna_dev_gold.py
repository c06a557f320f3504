"""The KCNA dev gold file (eval/kcna_dev.gold.jsonl) and the tool that makes it (tools/gold_spans.py)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from tool_modules import load_tool

from nkwatch.eval.gold import load_gold
from nkwatch.models import EVENT_TYPES

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "eval" / "kcna_dev.gold.jsonl"


gold_spans = load_tool("gold_spans")

TEXT = ("Pyongyang, March 4 (KCNA) -- The Missile Administration test-fired two cruise missiles "
        "on Sunday. The missiles flew 1,500 km. The test-fire was watched by officials. "
        "More tests will follow.")


def _quoted_line(**event_overrides) -> dict:
    event = {"cid": "2024-03-03-cruise", "type": "weapons_test", "weapon_class": "cruise",
             "date": "2024-03-03", "date_alt": [], "location": None, "actors": ["Missile Administration"],
             "sources": ["KCNA"], "count": 2, "evidence": "test-fired two cruise missiles on Sunday",
             "evidence_alt": [{"text": "The test-fire", "occurrence": 1}], "optional": False}
    event.update(event_overrides)
    return {"doc": "a.json#0", "published": "2024-03-04", "events": [event],
            "claims": [{"cid": "2024-03-03-cruise", "property": "range_km", "value": 1500,
                        "evidence": "flew 1,500 km"}],
            "negatives": ["More tests will follow."]}


def _convert(line: dict) -> tuple[dict, list[str]]:
    warnings: list[str] = []
    return gold_spans.convert_line(line, TEXT, "2024-03-04", warnings.append), warnings


def test_convert_puts_offsets_in_place_of_quotes():
    gold, warnings = _convert(_quoted_line())
    event = gold["events"][0]
    assert TEXT[slice(*event["span"])] == "test-fired two cruise missiles on Sunday"
    assert TEXT[slice(*event["evidence_alt"][0]["span"])] == "The test-fire"
    assert TEXT[slice(*gold["claims"][0]["span"])] == "flew 1,500 km"
    assert TEXT[slice(*gold["negatives"][0]["span"])] == "More tests will follow."
    assert "evidence" not in event and warnings == []
    assert gold_spans.validate_gold(gold, TEXT, "2024-03-04") == []


def test_ambiguous_quote_warns_and_occurrence_picks():
    # "missiles" occurs twice: the first is taken with a warning, occurrence 2 picks the second
    gold, warnings = _convert(_quoted_line(evidence="missiles"))
    assert len(warnings) == 1 and "2 times" in warnings[0]
    first = TEXT.find("missiles")
    assert gold["events"][0]["span"] == [first, first + len("missiles")]
    gold, warnings = _convert(_quoted_line(evidence="missiles", occurrence=2))
    second = TEXT.find("missiles", first + 1)
    assert gold["events"][0]["span"] == [second, second + len("missiles")] and warnings == []


def test_quote_is_the_inverse_of_convert():
    gold, _ = _convert(_quoted_line(evidence="missiles", occurrence=2))
    quoted = gold_spans.quote_line(gold, TEXT)
    assert quoted["events"][0]["evidence"] == "missiles" and quoted["events"][0]["occurrence"] == 2
    assert quoted["claims"][0]["evidence"] == "flew 1,500 km"
    assert _convert(quoted)[0] == gold


def test_missing_quote_or_occurrence_is_an_error():
    with pytest.raises(ValueError, match="not found"):
        _convert(_quoted_line(evidence="ballistic missile"))
    with pytest.raises(ValueError, match="occurrence 3 of 2"):
        _convert(_quoted_line(evidence="missiles", occurrence=3))


@pytest.mark.parametrize("override, problem", [
    ({"type": "missile_launch"}, "unknown type"),
    ({"weapon_class": "rocket"}, "weapon_class from the vocabulary"),
    ({"type": "ceremony"}, "weapon_class only for weapons_test"),
    ({"date": "2024-02-30"}, "bad date"),
    ({"date_alt": ["March 2024"]}, "bad date"),
    ({"date": "2024-03-05"}, "after the publication date"),
    ({"count": 0}, "positive integer"),
])
def test_validate_rejects_bad_event_fields(override, problem):
    gold, _ = _convert(_quoted_line(**override))
    assert any(problem in e for e in gold_spans.validate_gold(gold, TEXT, "2024-03-04"))


def test_validate_rejects_bad_spans_and_structure():
    gold, _ = _convert(_quoted_line())
    gold["events"][0]["span"] = [10, len(TEXT) + 5]
    gold["claims"][0]["cid"] = "another-event"
    gold["negatives"].append({"span": list(gold["events"][0]["evidence_alt"][0]["span"])})
    gold["events"].append(dict(gold["events"][0], span=[12, 20], evidence_alt=[]))
    errors = gold_spans.validate_gold(gold, TEXT, "2024-03-05")
    for problem in ("outside the text", "names no event", "overlaps the evidence",
                    "cid repeated", "share evidence", "the corpus says 2024-03-05"):
        assert any(problem in e for e in errors), problem


def test_date_forms():
    assert all(map(gold_spans.date_ok, ["2024-10-31", "2024-10", "2024", "2024-W44", "2024-FA"]))
    assert not any(map(gold_spans.date_ok, ["2024-13", "2024-W54", "31.10.2024", "2024-10-31T08"]))


# --- the gold file itself, against ../shared/corpus/kcna -------------------------------------------

def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


@pytest.fixture(scope="module")
def kcna_gold(shared):
    corpus = gold_spans.CorpusTexts(shared / "corpus" / "kcna")
    lines = [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]
    return corpus, lines


@pytest.mark.e2e
def test_gold_lines_fit_their_documents(kcna_gold):
    corpus, lines = kcna_gold
    problems = []
    for line in lines:
        assert line["doc"].startswith("kcna_2024.json#")
        text = corpus.text(line["doc"])
        assert text.strip(), f"{line['doc']} has no story_text"
        problems += gold_spans.validate_gold(line, text, corpus.published(line["doc"]))
    assert problems == []


@pytest.mark.e2e
def test_gold_copies_no_article_text(kcna_gold):
    corpus, lines = kcna_gold
    for line in lines:
        text = corpus.text(line["doc"])
        copied = [s for s in _strings(line) if len(s) >= 60 and s in text]
        assert copied == [], f"{line['doc']} holds article text"


@pytest.mark.e2e
def test_gold_size_and_spread(kcna_gold):
    _, lines = kcna_gold
    assert len(lines) >= 45
    assert len({x["doc"] for x in lines}) == len(lines)
    without_events = [x for x in lines if not any(not e["optional"] for e in x["events"])]
    assert len(without_events) >= 10
    types = {e["type"] for x in lines for e in x["events"] if not e["optional"]}
    assert types >= {"weapons_test", "military_exercise", "military_inspection", "ceremony",
                     "diplomatic_engagement", "border_incident", "arms_transfer"}
    assert types <= set(EVENT_TYPES)
    assert len({x["published"][:7] for x in lines}) >= 6


def test_scorer_reads_the_gold_file():
    docs = load_gold(GOLD)
    assert sum(len(d.events) for d in docs) > 0
    assert all(not isinstance(e, str) for d in docs for ev in d.events for e in ev.evidence)
