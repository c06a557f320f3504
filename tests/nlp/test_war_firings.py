"""Firings in a war are no weapons tests (issue 11, round 13: the errors of the fresh6 dev sets and of
fresh3-b): a weapon shot down is intercepted, not launched; a belligerent of another war firing its own
weapons at its enemy strikes it (North Korean weapons so fired are a strike of that war: [[retype]]
belligerent_agent). A test by a belligerent, and North Korea's own launches told beside the war, stay
tests. All texts are written for these tests."""
from functools import partial

import pytest

from .helpers import mentions_of

pytestmark = pytest.mark.model


launches_in = partial(mentions_of, etype="weapons_test")


@pytest.mark.parametrize("text", [
    "Russia's defense ministry claimed to have shot down two missiles over the Kursk region.",
    "Russian air defences shot down 20 Ukrainian drones overnight, the ministry said.",
    "South Korean forces shot down a North Korean drone near the border on Monday.",
    "The destroyer's crew said they had shot down an incoming missile on Tuesday.",
])
def test_a_weapon_shot_down_is_no_launch(extractor, text):
    assert launches_in(extractor, text) == []


@pytest.mark.parametrize("text", [
    "Russia fired cruise missiles and drones at six regions across Ukraine on Monday.",
    "Russia fired dozens of missiles at targets across Ukraine on Monday.",
    "Missiles fired by Russia struck the outskirts of Kharkiv on Monday.",
    "Russian forces launched a barrage of rockets on Monday, officials in Sumy said.",
    # a missile that lands or falls in the war zone struck there
    "A missile landed close to the centre of Kharkiv on Monday, the governor said.",
    "A ballistic missile fell on a residential block in Kyiv on Monday.",
    "Two rockets crashed into a field in the Kursk region on Monday.",
])
def test_a_belligerent_firing_in_its_war_is_no_test(extractor, text):
    assert launches_in(extractor, text) == []


@pytest.mark.parametrize("text", [
    # a belligerent's test is a test, whatever war it wages
    "Russia test-fired a Sarmat intercontinental ballistic missile on Monday, amid the war in Ukraine.",
    # North Korea's own launches beside the war, or a missile shot (not shot down)
    "North Korea fired a ballistic missile into the sea on Monday as its troops fight for Russia in Ukraine.",
    "North Korea fired two short-range ballistic missiles on Monday, days after Russia struck Kyiv.",
    "North Korea shot a ballistic missile into the East Sea on Monday.",
    "North Korea fired a ballistic missile on Monday. The missile flew about 1,000 km before landing in the sea.",
])
def test_tests_beside_a_war_stay_tests(extractor, text):
    assert launches_in(extractor, text)
