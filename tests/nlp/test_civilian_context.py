"""Civilian stories of state media that hold military words (issue 11): brigades of young workers,
soldiers sent to rebuild houses, messages received from foreign leaders. Invented sentences."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)


def types(extractor, text):
    res = extractor.extract(make_doc(text, D))
    return [m.type for m in res.mentions]


@pytest.mark.parametrize("text", [
    # a civilian name holding a military word: no troops, no military ceremony
    "A send-off ceremony for the Hero Youth Shock Brigade to be dispatched to the flooded county took place on Monday.",
    "Members of the youth shock brigade were sent to the mountain village on Tuesday.",
    "Students of the city visited the class education base in the county on Friday.",
    # troops sent to domestic works are no military deployment
    "Army units were dispatched to the flood-hit areas of the province to build new houses on Monday.",
    "Thousands of soldiers have been deployed to the construction of the new hospital in the capital.",
    "Regiments of party members were sent to the disaster-afflicted areas last week.",
    # a message received from a foreign leader is no meeting
    "Kim Jong Un received a message of greeting from Russian President Vladimir Putin on Monday.",
    "The foreign minister received a congratulatory letter from her Chinese counterpart Wang Yi.",
])
def test_no_military_event(extractor, text):
    assert types(extractor, text) == []


@pytest.mark.parametrize("text, etype", [
    # the same words in a military story still count
    ("North Korea has dispatched military builders to Kursk for the reconstruction of the region.", "troop_deployment"),
    ("North Korea sent an army brigade to the border on Monday.", "troop_deployment"),
    ("Kim Jong Un received the visiting Russian Defence Minister Andrei Belousov on Friday.", "diplomatic_engagement"),
])
def test_a_military_story_still_counts(extractor, text, etype):
    assert etype in types(extractor, text)


@pytest.mark.parametrize("text", [
    # "South" and "North" at the head of a longer name are not the two Koreas
    "Celebration meetings were held by working people in South Phyongan and North Hamgyong provinces on Friday.",
    "Youth rallies took place in South Hwanghae Province and in North Macedonia on Sunday.",
])
def test_a_province_named_south_is_no_state(extractor, text):
    assert types(extractor, text) == []
