"""Diplomatic engagements, exercises and ceremonies on invented sentences (issue 11)."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)


def happened(extractor, text):
    res = extractor.extract(make_doc(text, D))
    return [m.type for m in res.mentions if m.modality == "happened"]


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
