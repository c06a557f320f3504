"""tools/train_event_classifier.py: the measured event-sentence component (invented sentences only)."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from tool_modules import load_tool

from nkwatch.eval.gold import GoldDoc, GoldEvent
from nkwatch.nlp import extract
from nkwatch.pipeline import Pipeline
from nkwatch.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "nlp"))
from helpers import make_doc  # noqa: E402



T = load_tool("train_event_classifier")
PUBLISHED = date(2024, 5, 9)   # a Thursday


@pytest.fixture(scope="module")
def extractor():
    # the cascade off: these sentences hold no cue word, so the cascade would not parse them at all
    return Pipeline(Settings(), cascade=False).extractor


def _extract(extractor, text: str, types: list[str] | None):
    doc = make_doc(text, PUBLISHED)
    with T.component((lambda info: types) if types else None):
        return extractor.extract(doc).mentions


def test_a_proposed_event_gets_the_rules_arguments(extractor):
    text = "South Korean and American marines rehearsed on Baengnyeong Island on Tuesday."
    assert _extract(extractor, text, None) == []
    [m] = _extract(extractor, text, ["military_exercise"])
    assert m.type == "military_exercise" and (m.evidence.start, m.evidence.end) == (0, len(text))
    assert set(m.conducted_by) == {"South Korea", "United States"}
    assert m.date.value == "2024-05-07"


def test_the_trigger_is_below_a_reporting_verb(extractor):
    for text in ("Officials said South Korean marines rehearsed on Baengnyeong Island on Tuesday.",
                 "The navy reported that Japanese destroyers steamed with U.S. ships off Okinawa on Tuesday."):
        [m] = _extract(extractor, text, ["military_exercise"])
        assert m.conducted_by and m.date.value == "2024-05-07", text


def test_nothing_is_proposed_for_what_is_still_to_come(extractor):
    for text in ("South Korean marines will train on Baengnyeong Island next week.",
                 "Seoul plans to send marines to train on the island in June."):
        assert _extract(extractor, text, ["military_exercise"]) == [], text


def test_no_second_event_where_the_rules_found_the_type(extractor):
    text = "South Korea and the United States staged joint military drills near the border on Tuesday."
    rules = _extract(extractor, text, None)
    assert [m.type for m in rules] == ["military_exercise"]
    assert [(m.type, m.evidence) for m in _extract(extractor, text, ["military_exercise"])] == \
        [(m.type, m.evidence) for m in rules]


def test_the_rules_are_restored_after_the_run():
    rules = extract.sentence_candidates
    with pytest.raises(RuntimeError), T.component(lambda info: []):
        assert extract.sentence_candidates is not rules
        raise RuntimeError
    assert extract.sentence_candidates is rules


def _item(key: str, cids: list[str]):
    events = tuple(GoldEvent(cid=c, type="weapons_test", evidence=("x",)) for c in cids)
    return T.Item("set", GoldDoc(doc=key, events=events), None)


def test_documents_telling_one_event_share_a_fold():
    items = [_item("a", ["launch-1"]), _item("b", ["launch-1", "drill-2"]), _item("c", ["drill-2"]),
             _item("d", ["visit-3"]), _item("e", []), _item("f", ["visit-4"])]
    folds = T.fold_of(items, 3)
    assert folds["set:a"] == folds["set:b"] == folds["set:c"]
    assert len(set(folds.values())) == 3


def test_a_small_model_learns_the_types_of_invented_sentences():
    tests = ["The army fired a missile into the sea.", "The navy launched a rocket from a barge.",
             "Troops test-fired two projectiles off the coast."]
    talks = ["The ministers met in the capital for talks.", "The envoy held a meeting with the premier.",
             "The two leaders met for a summit."]
    other = ["Rice prices rose in the market.", "The weather was cold all week.", "A film opened at the cinema."]
    data = [(s, {"weapons_test"}) for s in tests] + [(s, {"diplomatic_engagement"}) for s in talks] + \
        [(s, set()) for s in other]
    model = T.EventClassifier(T.train(data * 4, epochs=10), {t: 0.5 for t in T.TYPES})
    assert model.confident("The army launched a missile off the coast.") == ["weapons_test"]
    assert model.confident("The envoy met the ministers for talks.") == ["diplomatic_engagement"]
    assert model.confident("Rice was cold at the cinema.") == []


def test_neither_the_test_split_nor_a_check_set_is_trained_on(tmp_path):
    for folder in ("fresh3/b", "fresh12/p", "fresh13/r", "fresh14/t"):
        (tmp_path / folder).mkdir(parents=True)
    names = [name for name, _, _ in T.gold_sets(tmp_path)]
    assert {"fresh3-b", "fresh12-p", "news_dev"} <= set(names)
    assert not any(n.startswith(("fresh13", "fresh14")) or "test" in n for n in names)
