"""Border tests of the round-19 dev pool (classes seen in several dev sets): a mine blast at the border that no
clause gives a doer is the North's, as the reports of such blasts attribute it (a mine named as another side's
keeps that side). All texts are written for these tests."""
from datetime import date
from functools import partial

import pytest

from .helpers import happened_of, mentions_of

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday

border_in = partial(happened_of, etype="border_incident", published=D)


# --- a mine blast at the border with no doer named: the North's -------------------------------------------

@pytest.mark.parametrize("text", [
    "Three privates were badly hurt in a mine blast near the DMZ on Wednesday, the army said.",
    "A sergeant lost a leg in a landmine explosion inside the demilitarized zone on Tuesday.",
    "Officials investigated the detonation of a landmine near a guard post in the DMZ on Monday.",
    "Seoul vowed a stern response to last month's landmine explosions near the border.",
    "A land mine exploded near a South Korean guard post in the DMZ on Thursday, wounding a corporal.",
])
def test_a_border_mine_blast_with_no_doer_is_the_norths(extractor, text):
    found = border_in(extractor, text)
    assert found and all(m.conducted_by == ["North Korea"] for m in found)


@pytest.mark.parametrize("text", [
    # a mine in another war is no border incident at all
    "Two Ukrainian soldiers were killed by a landmine blast near Bakhmut on Tuesday.",
    # a mine field planned, not a blast
    "North Korea may lay new mines along the border next year, analysts said.",
])
def test_a_mine_of_no_korean_border_incident_gets_no_event(extractor, text):
    assert not border_in(extractor, text)


def test_a_mine_blast_named_as_the_souths_stays_the_souths(extractor):
    text = "South Korea's mine blast near the DMZ wounded two North Korean soldiers on Monday."
    (m,) = border_in(extractor, text)
    assert m.conducted_by == ["South Korea"]


# --- a visit to a drill ground is the drill watched, not an inspection -------------------------------------

exercise_in = partial(happened_of, etype="military_exercise", published=D)


@pytest.mark.parametrize("text", [
    "Kim Jong Un visited the firepower strike drill ground of multiple-rocket sub-units on Wednesday, KCNA said.",
    "On March 11, the leader visited a drill ground of the KPA artillery units and guided the drill.",
    "Kim toured a firing ground of the frontline howitzer battalions on Tuesday and watched the shelling.",
    "The North Korean leader inspected the drilling ground of a mechanized brigade on Monday, state media said.",
])
def test_a_drill_ground_visited_is_the_drill(extractor, text):
    assert exercise_in(extractor, text)
    assert not mentions_of(extractor, text, D, etype="military_inspection")


@pytest.mark.parametrize("text", [
    # a unit, a base, a test site visited stay inspections
    "Kim Jong Un inspected a multiple-rocket unit of the KPA on Wednesday, KCNA said.",
    "The leader visited a training base of the special operations units on Tuesday.",
    "Kim toured the munitions factory that makes artillery shells on Monday, state media said.",
])
def test_a_unit_or_works_visited_stays_an_inspection(extractor, text):
    assert happened_of(extractor, text, "military_inspection", D)
    assert not mentions_of(extractor, text, D, etype="military_exercise")
