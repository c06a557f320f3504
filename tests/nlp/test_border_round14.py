"""Border incidents of round 14 on invented sentences: who crosses a border line (a leader on a visit,
balloons that drift over: no crossing of their own), defections far from the border, mines set off at
it. All texts are written for these tests."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model


def mentions(extractor, text: str, etype: str = "border_incident", published: date | None = None):
    res = extractor.extract(make_doc(text, published))
    return [m for m in res.mentions if m.type == etype]


@pytest.mark.parametrize("text", [
    # a head of state or an envoy who crosses the line for a meeting crosses it by agreement
    "South Korean President Moon Jae-in crossed the military demarcation line on foot to greet his host on Friday.",
    "Trump crossed the border into North Korea at Panmunjom on Sunday, the first sitting US president to do so.",
    "The North Korean leader walked across the demarcation line to the southern side of the truce village.",
])
def test_a_leader_crossing_the_line_is_no_incident(extractor, text):
    assert not mentions(extractor, text)


@pytest.mark.parametrize("text", [
    "Two North Korean soldiers crossed the military demarcation line on Friday before turning back.",
    "A North Korean patrol boat crossed the Northern Limit Line on Tuesday, the defence ministry said.",
])
def test_troops_crossing_the_line_stay_an_incident(extractor, text):
    assert len(mentions(extractor, text)) == 1


@pytest.mark.parametrize("text", [
    # what crosses is the balloons: the balloon launch, told by its own noun, no crossing of its own
    "The North Korean balloons drifted south of Seoul on Tuesday night after crossing the border, the military said.",
    "Dozens of North Korean trash balloons crossed the demarcation line overnight and landed in Paju.",
    "Anti-Pyongyang leaflets crossed the DMZ aboard balloons launched by North Korean defectors in the South.",
])
def test_balloons_that_cross_are_the_balloon_launch(extractor, text):
    found = mentions(extractor, text)
    assert len(found) == 1
    assert not [c for c in found[0].cues if c.startswith("cross")]


@pytest.mark.parametrize("text", [
    # a defection abroad, of a diplomat or a worker, is no crossing of the inter-Korean border
    "Pyongyang has been embarrassed by a string of high-profile defections, including its envoy in London.",
    "The defection of a senior North Korean diplomat in Rome angered Pyongyang last year.",
    "North Korea blamed Seoul for the defection of twelve restaurant workers from China.",
])
def test_a_defection_away_from_the_border_is_no_incident(extractor, text):
    assert not mentions(extractor, text)


@pytest.mark.parametrize("text", [
    "A defection at the Joint Security Area drew gunfire from North Korean guards on Monday.",
    "The defection of a North Korean soldier across the DMZ on Tuesday surprised officials.",
    "It was the second defection by a North Korean soldier across the heavily armed border this year, the JCS said.",
])
def test_a_defection_at_the_border_stays_an_incident(extractor, text):
    assert len(mentions(extractor, text)) == 1
