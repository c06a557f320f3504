"""Within-document merging of deployments and drills: a bomber's landing and a carrier's port call are two
deployments; a drill named by one of its sides joins the drill all its sides hold. All texts are written
for these tests."""
from __future__ import annotations

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model


def of_type(extractor, text: str, type_: str) -> list:
    return [m for m in extractor.extract(make_doc(text, published=None)).mentions if m.type == type_]


@pytest.mark.parametrize("text", [
    ("The U.S. B-52 bomber made its first landing at a South Korean air base on Tuesday.\n"
     "Last week, the U.S. aircraft carrier USS Ronald Reagan arrived in Busan."),
    ("A U.S. nuclear-powered submarine docked in Busan, the navy said.\n"
     "Two B-1B bombers landed at Osan Air Base, the air force said."),
])
def test_a_bomber_and_a_warship_are_two_deployments(extractor, text):
    assert len(of_type(extractor, text, "troop_deployment")) == 2


@pytest.mark.parametrize("text", [
    ("The aircraft carrier USS Nimitz arrived in Busan, the navy said.\n"
     "The carrier's visit is its first this year, officials said."),
    ("Two B-1B bombers landed at Osan Air Base, the air force said.\n"
     "The bombers' landing was the first since 2017."),
])
def test_one_asset_told_twice_is_one_deployment(extractor, text):
    assert len(of_type(extractor, text, "troop_deployment")) == 1


@pytest.mark.parametrize("text", [
    ("South Korea and the United States began their annual Freedom Shield exercise on Monday.\n"
     "The U.S. Army sent 2,000 soldiers to the exercise, the Pentagon said.\n"
     "The drills involve 19,000 South Korean troops, Seoul said."),
    ("Japan and the United States started a joint air exercise over the East China Sea, Tokyo said.\n"
     "U.S. bombers took part in the exercise, the Pentagon said.\n"
     "The drill involved Japanese F-15 fighter jets, the ministry said."),
])
def test_a_drill_named_by_one_of_its_sides_is_the_drill_all_sides_hold(extractor, text):
    assert len(of_type(extractor, text, "military_exercise")) == 1


def test_drills_of_states_the_group_does_not_hold_stay_apart(extractor):
    text = ("South Korea and the United States began joint air drills on Monday, Seoul said.\n"
            "North Korea staged artillery drills near the border, the JCS said.")
    assert len(of_type(extractor, text, "military_exercise")) == 2


@pytest.mark.parametrize("text", [
    # two warships named apart: two deployments, each its navy's ("USS": the United States)
    ("The aircraft carrier USS Carl Vinson arrived in Busan on Tuesday, the navy said.\n"
     "The USS Ronald Reagan also visited Busan earlier in the year."),
    ("The USS Nimitz made a port call in Busan, officials said.\n"
     "In June, the USS Theodore Roosevelt docked at the same port."),
])
def test_two_named_warships_are_two_deployments(extractor, text):
    found = of_type(extractor, text, "troop_deployment")
    assert len(found) == 2
    assert all(m.conducted_by == ["United States"] for m in found)


def test_a_named_warship_told_again_by_name_is_one_deployment(extractor):
    text = ("The USS Carl Vinson arrived in Busan on Tuesday, the navy said.\n"
            "The USS Carl Vinson's visit is its second this year.")
    assert len(of_type(extractor, text, "troop_deployment")) == 1
