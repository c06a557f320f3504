"""A warship launched, christened or unveiled as what someone calls it ("unveiled what it claimed was
its first nuclear attack submarine"): the ship is what the cue acts on, a launching ceremony (issue 11,
round 11). All texts are invented for these tests."""
import pytest

from .helpers import happened

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "North Korea unveiled what it claimed was its first tactical nuclear attack submarine on March 3, 2025.",
    "Pyongyang launched what state media called a new 5,000-ton destroyer on March 3, 2025.",
    "North Korea christened what it described as a nuclear-powered submarine at the Sinpo shipyard.",
])
def test_a_warship_named_by_a_free_relative_is_launched(extractor, text):
    assert "ceremony" in happened(extractor, text)


@pytest.mark.parametrize("text", [
    # a missile fired from the ship: a launch of the missile, not of the ship
    "North Korea launched what it called a new cruise missile from a destroyer on March 3, 2025.",
    "North Korea unveiled what it claimed was a new missile for its submarines on March 3, 2025.",
])
def test_a_missile_named_so_is_no_ship_launch(extractor, text):
    assert "ceremony" not in happened(extractor, text)
