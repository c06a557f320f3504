"""Reading gold lines: substring and span evidence, evidence_alt and negatives in every form."""
import json

import pytest

from nkwatch.eval.gold import GoldError, load_gold, locate, negative_spans, parse_gold_line
from nkwatch.models import Span

TEXT = ("Advertisement. The army held a drill on Monday. Advertisement. "
        "Officials said the drill involved tanks.")


def test_substring_and_span_evidence():
    drill = TEXT.index("The army held")
    line = {"doc": "a.txt", "published": "2024-05-02", "events": [
        {"cid": "d1", "type": "military_exercise", "evidence": "The army held a drill on Monday.",
         "evidence_alt": ["Officials said the drill involved tanks.", [0, 14]]},
        {"cid": "d2", "type": "military_exercise", "span": [drill, drill + 10], "evidence_alt": [{"span": [1, 5]}]},
    ], "claims": [{"property": "count", "value": 3, "span": [2, 4]}], "negatives": ["Advertisement."]}
    g = parse_gold_line(line)
    first, second = g.events
    assert [locate(e, TEXT) for e in first.evidence] == [
        Span(drill, drill + 32), Span(TEXT.index("Officials"), len(TEXT)), Span(0, 14)]
    assert second.evidence == (Span(drill, drill + 10), Span(1, 5))
    assert g.claims[0].evidence == Span(2, 4) and g.claims[0].value == 3.0
    assert g.published == "2024-05-02" and not first.optional


def test_substring_stands_for_first_occurrence():
    assert locate("Advertisement.", TEXT) == Span(0, 14)


def test_negatives_every_occurrence_and_spans():
    negs = parse_gold_line({"doc": "a", "negatives": ["Advertisement.", [15, 20], {"span": [21, 25]}]}).negatives
    second = TEXT.index("Advertisement.", 1)
    assert negative_spans(negs, TEXT) == [Span(0, 14), Span(second, second + 14), Span(15, 20), Span(21, 25)]


@pytest.mark.parametrize("line", [
    {"events": []},                                                        # no doc
    {"doc": "a", "events": [{"cid": "x", "type": "ceremony"}]},           # no evidence
    {"doc": "a", "events": [{"cid": "x", "type": "ceremony", "span": [9, 3]}]},
    {"doc": "a", "events": [{"cid": "x", "type": "ceremony", "evidence": "x", "evidence_alt": [[1]]}]},
    {"doc": "a", "claims": [{"property": "troops", "evidence": "x"}]},    # no value
])
def test_bad_lines(line):
    with pytest.raises(GoldError):
        parse_gold_line(line)


def test_evidence_that_does_not_fit_the_text():
    with pytest.raises(GoldError):
        locate("a parade", TEXT)
    with pytest.raises(GoldError):
        locate(Span(0, len(TEXT) + 1), TEXT)


def test_load_gold_file(tmp_path):
    path = tmp_path / "g.jsonl"
    lines = [{"doc": "a.txt", "events": []}, {"doc": "b.txt", "events": []}]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    assert [g.doc for g in load_gold(path)] == ["a.txt", "b.txt"]
    path.write_text("\n".join(json.dumps(x) for x in lines + lines[:1]), encoding="utf-8")
    with pytest.raises(GoldError, match="already"):
        load_gold(path)
