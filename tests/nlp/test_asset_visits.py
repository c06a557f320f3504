"""A strategic asset that visits a port, lands at an air base or enters a harbour is deployed there: a
troop deployment, not an inspection nor a diplomatic visit (who visits is the asset, not a person). All
texts are written for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday


def types_of(extractor, text: str) -> list[str]:
    return [m.type for m in extractor.extract(make_doc(text, D)).mentions]


@pytest.mark.parametrize("text", [
    "The USS Nimitz visited the southeastern port of Busan on Tuesday, the navy said.",
    "A U.S. aircraft carrier visited the naval base in Busan on Tuesday, Yonhap reported.",
    "A U.S. nuclear-powered submarine made a port visit to Jeju on Monday, the navy said.",
    "The aircraft carrier's visit came a day after the North fired a missile, the navy said.",
    "Two B-1B bombers landed at Osan Air Base on Wednesday, the air force said.",
    "The B-52 bomber made its first landing at a South Korean air base on Tuesday.",
    "The nuclear-powered aircraft carrier touched down at a naval base in Busan on Tuesday.",
    "The carrier strike group entered the port of Busan on Saturday, the navy said.",
])
def test_an_asset_visiting_or_landing_is_deployed(extractor, text):
    found = types_of(extractor, text)
    assert "troop_deployment" in found
    assert "military_inspection" not in found and "diplomatic_engagement" not in found


@pytest.mark.parametrize("text, kept", [
    # a person visits the asset, or a unit: the asset does not visit anything
    ("Kim Jong Un visited a nuclear submarine under construction on Monday, KCNA said.", "military_inspection"),
    ("Kim Jong Un visited a naval base on the east coast on Monday, KCNA said.", "military_inspection"),
])
def test_a_person_visiting_an_asset_is_no_deployment(extractor, text, kept):
    found = types_of(extractor, text)
    assert kept in found and "troop_deployment" not in found


@pytest.mark.parametrize("text", [
    "The South Korean president visited the aircraft carrier in Busan on Tuesday.",
    "The plane carrying the delegation landed at Pyongyang airport on Monday.",
])
def test_no_deployment_when_the_asset_is_visited_or_absent(extractor, text):
    assert "troop_deployment" not in types_of(extractor, text)


@pytest.mark.parametrize("text", [
    "The US is deploying the aircraft carrier USS George Washington to the Yellow Sea, the Pentagon said.",
    "Washington sent a nuclear-powered submarine to the port of Busan on Monday in a show of force.",
    "Washington's deployment of the carrier strike group to the East Sea was announced on Tuesday.",
])
def test_an_asset_sent_or_deployed_is_a_deployment(extractor, text):
    found = extractor.extract(make_doc(text, D)).mentions
    deployed = [m for m in found if m.type == "troop_deployment"]
    assert deployed and deployed[0].conducted_by == ["United States"]


@pytest.mark.parametrize("text", [
    "The United States plans to deploy an aircraft carrier to the region next month.",
    "Seoul asked Washington to send strategic bombers to the peninsula more often.",
])
def test_an_asset_only_planned_is_no_deployment(extractor, text):
    assert "troop_deployment" not in types_of(extractor, text)


def test_a_bomber_sent_over_the_peninsula_flies_no_deployment(extractor):
    text = "After the test, the US sent a B-52 bomber to South Korea on Monday in a show of force."
    assert "troop_deployment" not in types_of(extractor, text)
