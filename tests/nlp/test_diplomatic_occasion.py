"""Meetings: a meeting cue told as the occasion of another meeting of its sentence ("signed the accord during
the summit", "signed a treaty when Putin made a visit", "visited Pyongyang and signed a treaty") is that
meeting, not another one (events._another_meeting, _occasion_of); a meeting after another stays apart
(issue 11)."""
from __future__ import annotations

from functools import partial

import pytest

from .helpers import mentions_of


meetings_of = partial(mentions_of, etype="diplomatic_engagement")


@pytest.mark.parametrize("text", [
    # the accord signed during the summit
    "The military accord was signed by the defense ministers of the two Koreas during the 2018 summit in "
    "Pyongyang.",
    "The two leaders signed the joint declaration at their 2000 summit in Pyongyang, officials recalled.",
    # a treaty signed when a leader visited
    "The two countries signed a defense treaty when Russian President Vladimir Putin made a state visit to "
    "Pyongyang last year.",
    # a visit and the treaty its visitor signed, one subject
    "Russian President Vladimir Putin visited Pyongyang in June and signed a partnership treaty with Kim Jong Un.",
    "Kim Jong Un arrived in Moscow on Tuesday and signed a cooperation agreement with Vladimir Putin.",
    "Chinese Foreign Minister Wang Yi travelled to Pyongyang last week and held talks with Choe Son Hui.",
])
def test_a_meeting_told_as_the_occasion_of_another_is_one_meeting(extractor, text):
    assert len(meetings_of(extractor, text)) == 1


@pytest.mark.parametrize("text", [
    # a meeting that followed another one stays another meeting
    "Lavrov's talks with Kim Jong Un followed a meeting with Choe Son Hui on Friday, state media said.",
])
def test_a_meeting_after_another_stays_apart(extractor, text):
    assert len(meetings_of(extractor, text)) == 2
