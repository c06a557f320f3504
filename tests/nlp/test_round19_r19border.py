"""Border tests of the round-19 dev pool (classes seen in several dev sets): a mine blast at the border that no
clause gives a doer is the North's, as the reports of such blasts attribute it (a mine named as another side's
keeps that side). All texts are written for these tests."""
from datetime import date
from functools import partial

import pytest

from .helpers import mentions_of

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday

border_in = partial(mentions_of, etype="border_incident")


# --- a mine blast at the border with no doer named: the North's -------------------------------------------

@pytest.mark.parametrize("text", [
    "Three privates were badly hurt in a mine blast near the DMZ on Wednesday, the army said.",
    "A sergeant lost a leg in a landmine explosion inside the demilitarized zone on Tuesday.",
    "Officials investigated the detonation of a landmine near a guard post in the DMZ on Monday.",
    "Seoul vowed a stern response to last month's landmine explosions near the border.",
    "A land mine exploded near a South Korean guard post in the DMZ on Thursday, wounding a corporal.",
])
def test_a_border_mine_blast_with_no_doer_is_the_norths(extractor, text):
    found = [m for m in border_in(extractor, text, D) if m.modality == "happened"]
    assert found and all(m.conducted_by == ["North Korea"] for m in found)


@pytest.mark.parametrize("text", [
    # a mine in another war is no border incident at all
    "Two Ukrainian soldiers were killed by a landmine blast near Bakhmut on Tuesday.",
    # a mine field planned, not a blast
    "North Korea may lay new mines along the border next year, analysts said.",
])
def test_a_mine_of_no_korean_border_incident_gets_no_event(extractor, text):
    assert not [m for m in border_in(extractor, text, D) if m.modality == "happened"]


def test_a_mine_blast_named_as_the_souths_stays_the_souths(extractor):
    text = "South Korea's mine blast near the DMZ wounded two North Korean soldiers on Monday."
    (m,) = [m for m in border_in(extractor, text, D) if m.modality == "happened"]
    assert m.conducted_by == ["South Korea"]

