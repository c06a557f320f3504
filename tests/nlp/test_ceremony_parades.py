"""Parades as news tells them (the error classes of the fresh5-b dev set): a parade is a military one
in reporting on the field, and the parades a story recalls are events of their own, apart from the
news by their times (one day each: other months, "since February"). All texts are invented for
these tests."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday


def ceremonies(extractor, text, published=D):
    res = extractor.extract(make_doc(text, published))
    return [m for m in res.mentions if m.type == "ceremony" and m.modality == "happened"]


@pytest.mark.parametrize("text", [
    "The country held a parade on Sunday to mark the founding anniversary of the ruling party.",
    "Pyongyang staged a massive parade in Kim Il Sung Square on Saturday, state media said.",
    "A huge parade took place on Tuesday in the capital, the official news agency reported.",
])
def test_a_parade_needs_no_military_word(extractor, text):
    (m,) = ceremonies(extractor, text)
    assert m.conducted_by == ["North Korea"]


@pytest.mark.parametrize("text", [
    "Thousands of residents watched a carnival parade in Seoul on Saturday.",
    "Fans lined the streets on Tuesday for a parade of the football team that won the title.",
])
def test_a_pageant_is_no_ceremony(extractor, text):
    assert ceremonies(extractor, text) == []


@pytest.mark.parametrize("text", [
    "North Korea staged a military parade on Saturday, state media said.\n"
    "The country also held a military parade in October to mark the party's anniversary.",
    "Kim Jong Un watched a military parade in Pyongyang on April 15, state media said.\n"
    "The North showed off its new missiles at a military parade on February 8.",
])
def test_parades_told_with_other_times_are_two_events(extractor, text):
    """A text whose publication day is unknown: a parade takes one day, other times are other parades."""
    assert len(ceremonies(extractor, text, published=None)) == 2


@pytest.mark.parametrize("text, kind", [
    ("The parade took place at a square in Pyongyang, state media said.\n"
     "It was the country's first military parade since February.\n"
     "At a military parade in February, the country showed off new missiles.", "ceremony"),
    ("North Korea fired a cruise missile toward the Yellow Sea, the military said.\n"
     "It was the North's first cruise missile launch since January.\n"
     "In January, North Korea fired two cruise missiles off its west coast.", "weapons_test"),
])
def test_the_first_since_a_time_is_not_the_event_of_that_time(extractor, text, kind):
    """"its first parade since February": February's parade is another one."""
    res = extractor.extract(make_doc(text, None))
    assert len([m for m in res.mentions if m.type == kind]) == 2
