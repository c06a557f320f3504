"""A delegation or an envoy sent to another state is a diplomatic engagement of both, not a troop
deployment, even when its members are officers (issue 11, round 13: the errors of the fresh6-c dev set).
All texts are written for these tests."""
from datetime import date

import pytest

from .helpers import happened, meetings

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, sides", [
    ("In July, North Korea sent a delegation of its senior military officers to Moscow.", {"North Korea", "Russia"}),
    ("Pyongyang dispatched a high-level military delegation to Beijing on Monday.", {"North Korea", "China"}),
    ("Seoul sent a special envoy to Pyongyang on Monday to explain its position.", {"South Korea", "North Korea"}),
])
def test_a_delegation_sent_abroad_is_a_meeting(extractor, text, sides):
    assert happened(extractor, text) == ["diplomatic_engagement"]
    assert set(meetings(extractor, text)[0]) == sides


@pytest.mark.parametrize("text", [
    # troops sent abroad stay a deployment; a letter sent to an envoy is no meeting
    "North Korea sent thousands of soldiers and officers to Russia in October.",
    "Seoul sent a letter to the North Korean envoy on Monday.",
])
def test_troops_or_letters_sent_are_no_delegation(extractor, text):
    assert "diplomatic_engagement" not in happened(extractor, text)
