"""Who attends or watches a ceremony is its guest, not who holds it: the ceremony is the state's where it
takes place, else (no place named) North Korea's in reporting on North Korea (issue 11, round 11). All
texts are invented for these tests."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)


def ceremonies(extractor, text):
    res = extractor.extract(make_doc(text, D))
    return [set(m.conducted_by) for m in res.mentions if m.type == "ceremony" and m.modality == "happened"]


@pytest.mark.parametrize("text, held_by", [
    ("Russian Defense Minister Sergei Shoigu attended a military parade in Pyongyang on Thursday.", {"North Korea"}),
    ("Kim Jong Un watched a military parade in Beijing on Wednesday alongside Xi Jinping.", {"China"}),
    ("A Chinese delegation led by Li Hongzhong watched the military parade on Thursday night.", {"North Korea"}),
])
def test_a_guest_does_not_hold_the_ceremony(extractor, text, held_by):
    assert ceremonies(extractor, text) == [held_by]


@pytest.mark.parametrize("text, held_by", [
    ("Kim Jong Un oversaw a military parade in Pyongyang on Thursday.", {"North Korea"}),
    ("Russia staged a military parade in Moscow on Friday.", {"Russia"}),
])
def test_who_holds_it_still_holds_it(extractor, text, held_by):
    assert ceremonies(extractor, text) == [held_by]


def visits(extractor, text):
    res = extractor.extract(make_doc(text, D))
    return [set(m.conducted_by) for m in res.mentions if m.type == "diplomatic_engagement" and m.modality == "happened"]


@pytest.mark.parametrize("text, sides", [
    ("Kim Jong Un attended a military parade in Moscow on Friday alongside Vladimir Putin.",
     {"North Korea", "Russia"}),
    ("Kim Jong Un and Vladimir Putin joined Xi Jinping at a military parade in Beijing on Wednesday.",
     {"North Korea", "China", "Russia"}),
    ("The trip followed his stay in Beijing, where he watched a huge parade with Chinese and Russian leaders.",
     {"North Korea", "China", "Russia"}),
])
def test_the_north_as_guest_of_a_ceremony_abroad_is_a_visit(extractor, text, sides):
    """North Korea's leader at a parade abroad: a diplomatic engagement with the host and the other guests
    (the ceremony stays the host's)."""
    assert visits(extractor, text) == [sides]


@pytest.mark.parametrize("text", [
    "Russian Defense Minister Sergei Shoigu attended a military parade in Pyongyang on Thursday.",
    "Kim Jong Un watched a military parade in Pyongyang on Thursday with his daughter.",
])
def test_a_ceremony_at_home_is_no_visit(extractor, text):
    assert visits(extractor, text) == []
