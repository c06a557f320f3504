"""Combat and weapons tests of the fresh18 dev sets (round 18): who helped a war side take ground ("with the
help of North Korean soldiers") took part in the fighting (a number followed by a unit of measure is no
year: tests/timex/test_cases.py). All texts are written for these tests."""
from datetime import date
from functools import partial

import pytest

from nkwatch.settings import Settings

from .helpers import mentions_of

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday

launches_in = partial(mentions_of, etype="weapons_test")
combat_in = partial(mentions_of, etype="combat_operation")


# --- "with the help of" a state's troops: the helpers fought too ------------------------------------------

@pytest.mark.parametrize("text", [
    "Russian forces have recaptured the town of Sudzha with the help of North Korean soldiers, Moscow said on Tuesday.",
    "The Russian army retook three villages in the Kursk region with the assistance of North Korean troops, "
    "the general said.",
    "Moscow's troops repelled a Ukrainian assault near Kursk with the support of Pyongyang's soldiers last week.",
])
def test_who_helped_take_ground_fought_too(extractor, text):
    (m,) = [m for m in combat_in(extractor, text, D) if m.modality == "happened"]
    assert set(m.conducted_by) == {"Russia", "North Korea"}


@pytest.mark.parametrize("text", [
    "Russian forces recaptured the town of Sudzha with heavy artillery on Tuesday, Moscow said.",
    "Russian troops retook two villages in the Kursk region with the help of drones, the general said.",
])
def test_a_with_phrase_of_weapons_adds_no_side(extractor, text):
    (m,) = [m for m in combat_in(extractor, text, D) if m.modality == "happened"]
    assert m.conducted_by == ["Russia"]


# --- reinforcements are troops: their entering combat is fighting ----------------------------------------

@pytest.mark.parametrize("text", [
    "Seoul's spy agency said that North Korean reinforcements entered combat in the Kursk region in early March.",
    "Fresh North Korean reinforcements joined the fighting on the Kursk front last week, Kyiv said.",
    "North Korean reinforcements have seen combat in Russia's Kursk region, officials said.",
])
def test_reinforcements_entering_combat_is_fighting(extractor, text):
    assert len([m for m in combat_in(extractor, text, D) if m.modality == "happened"]) == 1


def test_reinforcements_to_be_sent_are_no_fighting(extractor):
    text = "North Korean reinforcements could enter combat in the Kursk region next month, analysts said."
    assert [m for m in combat_in(extractor, text, D) if m.modality == "happened"] == []
