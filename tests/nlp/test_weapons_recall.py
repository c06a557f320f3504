"""Weapons tests that news of many outlets tells in ways the rules missed (the recall round of stop 22).
All texts are written for these tests."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday


def launches_in(extractor, text, published=D):
    doc = make_doc(text, published)
    return [m for m in extractor.extract(doc).mentions if m.type == "weapons_test"]


@pytest.mark.parametrize("text", [
    "A seismic event near Punggye-ri on Friday appeared to be a nuclear test, the agency said.",
    "Seoul said the tremor was presumed to be a nuclear test.",
    "The blast detected on Friday seemed to be an underground nuclear test, experts said.",
    "The explosion was thought to be a nuclear test, Japan's government said.",
])
def test_an_event_told_in_the_past_to_appear_to_be_a_test_is_a_hedged_report(extractor, text):
    """"appeared to be a nuclear test", "was presumed to be": a raising or belief verb told in the past
    whose "to be" names the test identifies what happened, hedged as "is believed to have been" is."""
    (m,) = launches_in(extractor, text)
    assert m.weapon_class == "nuclear_test" and m.modality == "happened"


@pytest.mark.parametrize("text", [
    "North Korea's next step appears to be a nuclear test.",
    "The next provocation is presumed to be a nuclear test, analysts said.",
    "North Korea seemed to be preparing a nuclear test.",
])
def test_what_appears_to_be_coming_is_no_test(extractor, text):
    """In the present ("appears to be", "is presumed to be") the copula can name what is expected; and
    a plan under "to be" stays a plan."""
    assert launches_in(extractor, text) == []


@pytest.mark.parametrize("text", [
    "North Korea was shaken by a strong tremor on Friday, with Seoul's military saying it was presumed to be "
    "a sixth nuclear test.",
    "Japan's government said the quake near Punggye-ri appeared to be a nuclear test.",
])
def test_what_appeared_to_be_a_test_names_no_doer(extractor, text):
    """The subject of "appeared to be a nuclear test" is what was seen (a tremor, "it"), not who tested:
    North Korea by default, not the state that reported it."""
    (m,) = launches_in(extractor, text)
    assert m.conducted_by == ["North Korea"]


@pytest.mark.parametrize("text", [
    "Russia appeared to be the main supplier of the drones, officials said.",
    "Iran seemed to be the supplier of the missiles.",
])
def test_a_state_that_appeared_to_be_a_supplier_is_no_transfer(extractor, text):
    """What a state appeared to be is who it was thought to be, not an event told."""
    found = [m for m in extractor.extract(make_doc(text, D)).mentions if m.type == "arms_transfer"]
    assert found == []
