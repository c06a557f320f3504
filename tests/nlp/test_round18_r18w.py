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
