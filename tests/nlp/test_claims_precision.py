"""Figures that are no claims about an event, and numbers written in ways the claims reader missed
(nlp/claims.py, nlp/numbers.py, data/claim_properties.toml). All texts are written for these tests."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)


def claims(extractor, text: str) -> set[tuple]:
    doc = make_doc(text, D)
    return {(c.property, c.value, c.bound) for c in extractor.extract(doc).claims}


@pytest.mark.parametrize("text, props", [
    # what a ship, a submarine or a launcher can carry or fire is no count of an event
    ("The carrier, which arrived in Busan on Monday, is capable of carrying some 4,000 sailors and 60 aircraft.",
     {"troops", "aircraft"}),
    ("Seoul said the new submarine was capable of launching four ballistic missiles.", {"count", "missiles"}),
    ("The destroyer that joined the drill has the capacity to carry 64 missiles, the navy said.", {"count", "missiles"}),
])
def test_a_capacity_is_no_count(extractor, text, props):
    assert not {c for c in claims(extractor, text) if c[0] in props}


def test_a_count_of_the_event_stays_beside_a_capacity(extractor):
    got = claims(extractor, "The North fired four ballistic missiles on Monday, the JCS said.")
    assert ("count", 4, "eq") in got


@pytest.mark.parametrize("text", [
    "The glider flew at Mach 8 (about 9,800 km/h) before it hit the sea, the ministry said.",
    "The missile reached speeds of about 6,000 kilometers per hour during its flight, officials said.",
    "The warhead flew at around 3 km/s toward the target, according to Tokyo.",
])
def test_a_speed_is_no_distance(extractor, text):
    assert not {c for c in claims(extractor, text) if c[0] in ("range_km", "apogee_km")}


@pytest.mark.parametrize("text, expected", [
    # abbreviated multipliers, spoken decimals
    ("Seoul says the North sent 1.6 mil artillery shells to Russia.", ("shells", 1_600_000, "eq")),
    ("Kyiv said Pyongyang had shipped some 3 mln artillery shells to Russia.", ("shells", 3_000_000, "approx")),
    ("The report said the North supplied two-point-five million artillery shells to Russia.",
     ("shells", 2_500_000, "eq")),
    # explosives shipped by weight
    ("The ships carried more than 9,000 tons of explosives to Russia, the report said.", ("weapons_tons", 9000, "ge")),
    ("Analysts said some 300 tonnes of explosives had been shipped to Russia.", ("weapons_tons", 300, "approx")),
])
def test_numbers_written_other_ways(extractor, text, expected):
    assert expected in claims(extractor, text)


@pytest.mark.parametrize("text, absent", [
    # the stages of a rocket are its build, not a count
    ("North Korea launched the three-stage rocket from its west coast on Wednesday.", 3),
    ("The North fired a two-stage solid-fuel missile into the sea, the JCS said.", 2),
])
def test_stages_are_no_count(extractor, text, absent):
    assert not any(v == absent for _, v, _ in claims(extractor, text))


@pytest.mark.parametrize("text, absent", [
    # "other": the rest of a group counted before, no figure of its own
    ("One of the drones crashed, while the other two drones ran out of fuel, the ministry said.", ("drones", 2)),
    ("Three balloons reached Seoul; the other five balloons fell in fields near the border.", ("balloons", 5)),
    ("One missile blew up at launch, but the other six missiles landed in the sea, the JCS said.", ("count", 6)),
])
def test_the_others_of_a_group_are_no_figure(extractor, text, absent):
    assert not {c for c in claims(extractor, text) if c[:2] == absent}


@pytest.mark.parametrize("text, expected", [
    # more of the same, or casualties, are figures of their own
    ("Two marines were killed in the shelling and three other soldiers were wounded.", ("wounded", 3, "eq")),
    ("The North fired one missile at dawn and two other short-range missiles an hour later.", ("count", 2, "eq")),
])
def test_other_figures_are_still_counted(extractor, text, expected):
    assert expected in claims(extractor, text)


@pytest.mark.parametrize("text, expected", [
    # an adverb between the counted people and their casualty verb
    ("The two North Korean soldiers recently captured by Ukraine were questioned, the NIS said.", ("captured", 2, "eq")),
    ("Kyiv said the three sailors allegedly killed in the clash were officers.", ("killed", 3, "eq")),
])
def test_an_adverb_before_the_casualty_verb(extractor, text, expected):
    assert expected in claims(extractor, text)


@pytest.mark.parametrize("text, prop", [
    # one drone, shell or balloon named is the thing itself, no tally
    ("Several drones crossed the border; one drone briefly flew over the capital, the JCS said.", "drones"),
    ("Officials said a single shell fell near the guard post on Tuesday.", "shells"),
    ("One balloon landed on the roof of a school in Seoul, the ministry said.", "balloons"),
])
def test_one_thing_is_no_count(extractor, text, prop):
    assert not {c for c in claims(extractor, text) if c[0] == prop}


@pytest.mark.parametrize("text, expected", [
    ("On Monday the North fired one short-range ballistic missile into the sea.", ("count", 1, "eq")),
    ("One soldier was killed and two were wounded in the exchange of fire.", ("killed", 1, "eq")),
])
def test_one_launch_or_one_death_is_a_figure(extractor, text, expected):
    assert expected in claims(extractor, text)


def test_one_casualty_is_a_figure(extractor):
    got = claims(extractor, "The shelling caused one known casualty among the marines, the JCS said.")
    assert ("casualties", 1, "eq") in got


@pytest.mark.parametrize("text", [
    # what a weapon has, as its specification, is no measure of the launch
    ("The North fired the KN-25 on Monday; the launcher has a range of about 400 km, analysts said."),
    ("Seoul said the North tested a missile with a range of up to 1,500 kilometers on Tuesday."),
    ("The Hwasong-15, which has an estimated range of 13,000 km, was not launched, officials said."),
])
def test_a_weapon_specification_is_no_range_of_the_launch(extractor, text):
    assert not {c for c in claims(extractor, text) if c[0] == "range_km"}


def test_a_range_flown_to_stays(extractor):
    got = claims(extractor, "The missile flew on a lofted trajectory to a range of about 900 kilometers, Tokyo said.")
    assert ("range_km", 900, "approx") in got


@pytest.mark.parametrize("text, expected", [
    # an engine's thrust
    ("KCNA said the new solid-fuel engine tested on Friday produced 140 tons of thrust.", ("thrust_tf", 140, "eq")),
    ("The engine generated a thrust of 80 tf during the ground test, state media said.", ("thrust_tf", 80, "eq")),
])
def test_thrust(extractor, text, expected):
    assert expected in claims(extractor, text)


@pytest.mark.parametrize("text, expected", [
    # a tally noun whose verb reaches or rises to a number
    ("Casualties among the North Korean troops have now reached about 3,000, the NIS said.",
     ("casualties", 3000, "approx")),
    ("The death toll from the shelling rose to 12 on Friday, officials said.", ("killed", 12, "eq")),
    ("Fatalities in the border clash climbed to more than 40, the ministry said.", ("killed", 40, "ge")),
])
def test_a_tally_that_reaches_a_number(extractor, text, expected):
    assert expected in claims(extractor, text)


def test_cascade_parses_a_tally_that_reaches_a_number(settings):
    from nkwatch.models import to_dict
    from nkwatch.nlp.extract import Extractor

    from .helpers import FakeTagger
    docs = [make_doc(t, D, f"t{n}.txt") for n, t in enumerate([
        "Farmers harvested rice.\nCasualties have reached about 300.",
        "Farmers harvested rice.\nThe death toll rose to 12.",
    ])]
    on = [to_dict(r) for r in Extractor(settings, tagger=FakeTagger()).extract_many(docs)]
    off = [to_dict(r) for r in Extractor(settings, cascade=False, tagger=FakeTagger()).extract_many(docs)]
    assert on == off and all(r["claims"] for r in on)


@pytest.mark.parametrize("text", [
    "Officials said the launched missile was a ballistic one.",
    "The debris shows the missile is similar to one of the North Korean missiles, the expert said.",
])
def test_a_pronoun_one_after_a_counted_noun_is_no_figure(extractor, text):
    assert not claims(extractor, text)


@pytest.mark.parametrize("text, absent", [
    ("Three drones were shot down and the remaining two drones crashed in a field, the army said.", ("drones", 2)),
    ("The North fired three rounds of missiles; the first two rounds used a new cruise missile.", ("rounds", 2)),
    ("Most shells hit the island; the last three shells fell into the sea, the JCS said.", ("shells", 3)),
])
def test_a_part_of_a_group_is_no_figure(extractor, text, absent):
    assert not {c for c in claims(extractor, text) if c[:2] == absent}
