"""tools/train_merge_model.py: the rules' merging through the tool's stand-in for ``merge.compatible``
changes nothing, the pairs it weighs carry the rules' vetoes by name, and the gold labels them. Text and
gold invented here."""
from __future__ import annotations

from datetime import date

import pytest

from nkwatch.eval.gold import GoldDoc, GoldEvent
from nkwatch.models import Document, Span
from nkwatch.nlp.merge import Group, compatible, vetoes

from tool_modules import load_tool

pytestmark = pytest.mark.model

tm = load_tool("train_merge_model")

TEXT = ("North Korea fired two ballistic missiles into the sea on Tuesday, South Korea's military said.\n\n"
        "The launch was the first since March 14, when the North fired a cruise missile.\n\n"
        "The missiles flew about 600 km before landing in the sea, the military said.")
NEWS, EARLIER, FLEW = Span(0, 64), Span(137, 174), Span(177, 253)


@pytest.fixture(scope="module")
def doc(pipeline):
    return pipeline.prepare(Document("a.txt", TEXT, published=date(2024, 6, 12)))


def test_rules_through_the_tool_change_nothing(pipeline, doc):
    seen: list = []
    with tm.deciding(None, seen):
        through = pipeline.extract(doc)
    assert through.mentions == pipeline.extract(doc).mentions
    assert [m.evidence for m in through.mentions] == [NEWS, EARLIER]
    weighed = [f for _, pairs in seen for _, f in pairs]
    assert any("veto:other_date" in f for f in weighed)            # the cruise missile of March 14: apart
    assert any(tm.ruled(f) for f in weighed)                        # "the missiles flew ...": joins the news


def test_compatible_is_no_veto(pipeline, doc):
    seen: list = []
    with tm.deciding(None, seen):
        pipeline.extract(doc)
    lex, published = pipeline.extractor.lex, doc.published
    for c, pairs in seen:
        for members, features in pairs:
            group = Group(list(members))
            assert compatible(group, c, lex, published) == (not list(vetoes(group, c, lex, published)))
            assert compatible(group, c, lex, published) == tm.ruled(features)


def test_pairs_labelled_by_the_gold(pipeline, doc):
    gold = GoldDoc("a.txt", "2024-06-12", (GoldEvent("news", "weapons_test", (NEWS, FLEW)),
                                           GoldEvent("earlier", "weapons_test", (EARLIER,))))
    seen: list = []
    with tm.deciding(None, seen):
        pipeline.extract(doc)
    labelled = tm.labelled(tm.tec.Item("invented", gold, doc), seen)
    # the March 14 launch against the news: another event; "the missiles flew" against the news: the
    # same, against the March 14 launch: another; "the launch was the first since" overlaps no gold: left out
    assert [label for _, label in labelled] == [0, 1, 0]
    assert [tm.ruled(f) for f, _ in labelled] == [False, True, False]
