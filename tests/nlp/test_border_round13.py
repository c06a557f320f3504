"""Border incidents of round 13 on invented sentences: the shots and crossings of ships a naval battle's
report tells in parts, broadcasts of psychological warfare, crossings weighed as possible, the leaflets a
bag carries, fire aimed at loudspeakers, drones answered by warning shots and scrambled jets. All texts are
written for these tests."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model


def mentions(extractor, text: str, etype: str, published: date | None = None):
    res = extractor.extract(make_doc(text, published))
    return [m for m in res.mentions if m.type == etype]


@pytest.mark.parametrize("text", [
    # a naval battle, then its course: the boat that crossed, the warning shots, the fire returned
    "Warships of the two Koreas exchanged fire near their disputed sea border on Tuesday, officials said.\n"
    "A North Korean patrol boat crossed the Northern Limit Line, prompting a South Korean vessel to fire "
    "warning shots.\nThe North Korean boat then fired back, the officials said.",
    "The navies of North and South Korea traded gunfire off the west coast, the defence ministry said.\n"
    "The South's patrol ship fired a warning shot after a North Korean vessel strayed across the maritime "
    "border.\nThe North Korean ship returned fire before retreating to its side of the border.",
])
def test_shots_and_crossings_of_ships_are_the_naval_battle(extractor, text):
    assert len(mentions(extractor, text, "combat_operation")) == 1
    assert not mentions(extractor, text, "border_incident")


@pytest.mark.parametrize("text", [
    # the battle is another day's: the crossing told is an incident of its own
    "A North Korean patrol boat crossed the Northern Limit Line on Tuesday, prompting a South Korean vessel "
    "to fire warning shots.\nThe two navies fought a deadly sea battle near the line in June 2002.",
    # shots with no ship in their sentence: no detail of the battle
    "Warships of the two Koreas exchanged fire near their disputed sea border, officials said.\n"
    "Days earlier, North Korean troops fired warning shots across the land border in the DMZ.",
])
def test_an_incident_apart_from_the_naval_battle_stays(extractor, text):
    assert mentions(extractor, text, "border_incident")



@pytest.mark.parametrize("text, conducted", [
    # broadcasts of psychological warfare are the loudspeaker campaign, by any of its names
    ("Seoul resumed psychological warfare broadcasts aimed at North Korea on Tuesday.", ["South Korea"]),
    ("The South Korean military restarted its psywar broadcasts along the DMZ on Monday.", ["South Korea"]),
    ("South Korea switched on its psychological warfare loudspeakers near the border on Thursday.", ["South Korea"]),
])
def test_psychological_warfare_broadcasts_are_the_loudspeakers(extractor, text, conducted):
    found = mentions(extractor, text, "border_incident", date(2025, 3, 14))
    assert [m.conducted_by for m in found] == [conducted]


@pytest.mark.parametrize("text", [
    # a crossing told as a possibility weighed: no incident reported (a "that" clause the parser hangs on
    # the noun as a relative one is its content)
    "“We are looking into possibilities that North Korean soldiers intentionally crossed the MDL,” an official said.",
    "South Korea is weighing the likelihood that North Korean drones entered its airspace.",
    "Officials are examining the possibility that the boat strayed across the Northern Limit Line by mistake.",
])
def test_a_crossing_weighed_as_possible_is_not_reported(extractor, text):
    assert not [m for m in mentions(extractor, text, "border_incident", date(2025, 3, 14))
                if m.modality == "happened"]


def test_a_relative_clause_still_tells_a_fact(extractor):
    text = "The soldiers who crossed the MDL on Monday returned to the North after warning shots."
    assert mentions(extractor, text, "border_incident", date(2025, 3, 14))


@pytest.mark.parametrize("text", [
    # leaflets or rubbish a balloon or a bag carries are its load: the balloons' drop, told once
    "North Korea sent dozens of balloons across the border on Thursday.\n"
    "Soldiers later found sacks in Paju containing anti-South Korea leaflets, the JCS said.",
    "North Korea floated about 30 balloons over the inter-Korean border on Tuesday.\n"
    "Bags found in Seoul held leaflets criticizing the South Korean president, officials said.",
])
def test_leaflets_a_bag_carries_are_no_drop_of_their_own(extractor, text):
    found = mentions(extractor, text, "border_incident", date(2025, 3, 14))
    assert [m.conducted_by for m in found] == [["North Korea"]]


@pytest.mark.parametrize("text", [
    # fire aimed at the other side's loudspeakers: a shot across the border by who fired, the loudspeakers its
    # target (no broadcast of the side that owns them, no weapons test)
    "North Korean troops fired at South Korean propaganda loudspeakers near the border on Thursday.",
    "The North's soldiers opened fire on the South Korean loudspeakers across the DMZ on Monday.",
    "North Korea shot at loudspeakers of the South Korean army along the border on Tuesday, Seoul said.",
])
def test_fire_at_loudspeakers_is_a_shot_of_who_fired(extractor, text):
    found = mentions(extractor, text, "border_incident", date(2025, 3, 14))
    assert [m.conducted_by for m in found] == [["North Korea"]]
    assert not mentions(extractor, text, "weapons_test", date(2025, 3, 14))


@pytest.mark.parametrize("text", [
    # drones answered by warning shots or scrambled jets: the drones' incursion, told once
    "Five North Korean drones crossed the border on Monday, officials said.\n"
    "The South's military fired warning shots at the drones and scrambled fighter jets.",
    "Several North Korean drones violated South Korean airspace, the military said.\n"
    "Fighter jets were scrambled to counter the drones.",
    "North Korean drones flew into the South on Monday.\n"
    "South Korea responded by firing warning shots toward the drones.",
])
def test_shots_and_jets_against_drones_are_the_incursion(extractor, text):
    found = mentions(extractor, text, "border_incident", date(2025, 3, 14))
    assert [m.conducted_by for m in found] == [["North Korea"]]
