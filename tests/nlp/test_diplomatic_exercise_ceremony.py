"""Diplomatic engagements, exercises and ceremonies on invented sentences (issue 11)."""
from datetime import date

import pytest

from .helpers import happened, make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)


@pytest.mark.parametrize("text, etype", [
    ("The two Koreas signed an agreement in 2018.", "diplomatic_engagement"),
    ("Later, she took part in the first round of strategic dialogue between Russia and North Korea.",
     "diplomatic_engagement"),
    ("Pyongyang held a military parade on Saturday.", "ceremony"),
    ("The United States on Sunday flew a B-52 bomber over South Korea.", "military_exercise"),
    ("North Korea said 150 warplanes conducted airstrike drills last week.", "military_exercise"),
])
def test_found(extractor, text, etype):
    assert etype in happened(extractor, text)


@pytest.mark.parametrize("text, etype", [
    ("For decades, North Korea has reacted furiously to US-South Korean military exercises.", "military_exercise"),
    ("Diplomats were busy preparing next month's summit between Seoul and Tokyo.", "diplomatic_engagement"),
])
def test_not_a_past_fact(extractor, text, etype):
    assert etype not in happened(extractor, text)


@pytest.mark.parametrize("text, conducted", [
    # a foreign guest who attends or watches a parade is not whose parade it is: the host's, North Korea's in
    # this reporting unless the place says otherwise
    ("Russia's defence minister attended a military parade marking the anniversary on Thursday.", ["North Korea"]),
    ("Chinese Vice Premier Liu Hong watched the military parade from the stands on Saturday, state media said.",
     ["North Korea"]),
    ("China's defence minister attended a military parade in Moscow on Friday.", ["Russia"]),
    # a leader at his own country's parade holds it
    ("Kim Jong Un attended a military parade on Saturday.", ["North Korea"]),
    # a Korean guest abroad: the place's state holds it
    ("Kim Jong Un watched a military parade in Beijing on Wednesday.", ["China"]),
])
def test_a_guest_at_a_parade_is_not_its_host(extractor, text, conducted):
    res = extractor.extract(make_doc(text, D))
    found = [m for m in res.mentions if m.type == "ceremony" and m.modality == "happened"]
    assert found and found[0].conducted_by == conducted, text
