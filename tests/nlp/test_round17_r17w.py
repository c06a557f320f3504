"""Weapons tests, border incidents and combat told beside other events (the error classes of the fresh16
dev sets, round 17): an event a "came after" clause tells, or a report a measured "after" clause holds,
is an earlier event; a tally in the perfect enumerated by as many dates names each event; shots at a
post across the inter-Korean border; a war side's incursion; a state's forces killed in a war. All
texts are written for these tests."""
from datetime import date
from functools import partial

import pytest

from nkwatch.settings import Settings

from .helpers import make_doc, mentions_of
from .test_enumerations import ListTagger

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday

launches_in = partial(mentions_of, etype="weapons_test")
incidents_in = partial(mentions_of, etype="border_incident")
combat_in = partial(mentions_of, etype="combat_operation")


@pytest.fixture(scope="module")
def lister():
    from nkwatch.nlp.extract import Extractor
    return Extractor(Settings(), tagger=ListTagger())


def _happened(found):
    return [m for m in found if m.modality == "happened"]


# --- an event told in a clause "after" opens under "come": an earlier event -------------------------------

@pytest.mark.parametrize("text", [
    "Pyongyang fired a cruise missile into the Yellow Sea, the military said.\n"
    "The launch came after the North test-fired three short-range missiles on February 2.",
    "North Korea launched a ballistic missile off its east coast, Tokyo said.\n"
    "The test comes after Pyongyang fired two Hwasong-11 missiles on January 20.",
    "The North fired an unidentified missile eastward, Seoul's army said.\n"
    "That launch came after North Korea launched a solid-fuel missile on January 28 in protest at the drills.",
])
def test_the_event_a_came_after_clause_tells_is_another(extractor, text):
    """The news is undated (no publication day), the earlier event dated without a year: only the
    "came after" clause tells them apart."""
    found = _happened(launches_in(extractor, text, None))
    assert len(found) == 2


def test_a_launch_that_came_after_a_statement_is_one_launch(extractor):
    """"came after" a statement, no launch in the clause: the launch alone."""
    text = ("North Korea fired a ballistic missile into the sea, Seoul said.\n"
            "The launch came after Kim Jong Un vowed to bolster his nuclear forces.")
    assert len(_happened(launches_in(extractor, text, None))) == 1


@pytest.mark.parametrize("text", [
    "Japan condemned the latest launch on Friday, which comes four months after Pyongyang said it had "
    "test-fired a Hwasong-19 missile.",
    "The missile fired on Friday flew 700 km; the launch came two weeks after Seoul said the North had launched "
    "a solid-fuel missile.",
])
def test_a_launch_a_measured_after_clause_reports_is_another(extractor, text):
    """"four months after Pyongyang said it had test-fired ...": the launch the report tells is earlier."""
    assert len(_happened(launches_in(extractor, text, D))) == 2


# --- a tally in the perfect, each of its events dated -----------------------------------------------------

@pytest.mark.parametrize("text,years", [
    ("To date the country has carried out three underground nuclear tests — in 2007, 2011 and 2015.",
     ["2007", "2011", "2015"]),
    ("Pyongyang has conducted two nuclear weapon tests, in 2004 and 2008, experts said.", ["2004", "2008"]),
    ("So far it has staged three satellite launches in 2012, 2014 and 2019.", ["2012", "2014", "2019"]),
])
def test_a_tally_with_as_many_dates_names_each_event(lister, text, years):
    found = sorted(launches_in(lister, text, D), key=lambda m: m.evidence.start)
    assert [m.date.value for m in found] == years


@pytest.mark.parametrize("text", [
    "The country has carried out six nuclear tests since 2006.",
    "Pyongyang has conducted five nuclear tests, in 2006, 2009 and 2013.",   # five tests, three dates: a tally
])
def test_a_tally_without_as_many_dates_stays_a_tally(lister, text):
    assert launches_in(lister, text, D) == []


# --- shots at a post across the inter-Korean border -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "North Korean soldiers opened fire at a South Korean army post across the tense border on Tuesday.",
    "North Korean guards shot at a frontline outpost across the border with South Korea, Seoul said.",
    "South Korean guards fired several rounds at a North Korean border post across the frontier.",
])
def test_fire_at_a_post_across_the_korean_border_is_a_border_incident(extractor, text):
    assert len(_happened(incidents_in(extractor, text, D))) == 1


@pytest.mark.parametrize("text", [
    "Israeli troops opened fire at a Lebanese army post across the border on Tuesday.",
    "North Korea threatened to open fire at South Korean guard posts across the border.",
    "The soldiers fired at targets on a range near the guard post during a drill in Gangwon province.",
])
def test_fire_elsewhere_or_threatened_is_no_korean_border_shot(extractor, text):
    assert _happened(incidents_in(extractor, text, D)) == []


# --- an incursion a war's side made ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "About 9,000 North Korean soldiers are based in the Belgorod region, where Ukrainian units have held ground "
    "since a cross-border incursion in March.",
    "North Korean troops arrived in the area, where Russian forces have advanced since a border incursion in May.",
])
def test_a_war_sides_incursion_is_no_korean_border_incident(extractor, text):
    assert incidents_in(extractor, text, D) == []


def test_a_korean_border_incursion_stays(extractor):
    text = "The North's guards have returned to the area since a border incursion by North Korean troops on March 3."
    assert len(_happened(incidents_in(extractor, text, D))) == 1


# --- a state's forces killed or wounded in a war -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "More than 400 North Korean forces were killed or wounded in the Kursk region last week, Kyiv said.",
    "Pyongyang's forces were wounded in heavy fighting in Russia's Kursk region over the weekend, Kyiv said.",
])
def test_forces_killed_in_a_war_are_combat(extractor, text):
    assert len(_happened(combat_in(extractor, text, D))) == 1


@pytest.mark.parametrize("text", [
    "North Korean forces could be killed in large numbers if they are sent to Ukraine, analysts said.",
    "Two South Korean soldiers were wounded by a mine near the DMZ, and North Korean forces were blamed.",
])
def test_forces_killed_hypothetically_or_outside_a_war_are_no_combat(extractor, text):
    assert _happened(combat_in(extractor, text, D)) == []


# --- a new launch told indefinitely beside an earlier one a prior clause told -----------------------------

@pytest.mark.parametrize("text", [
    "The North said Tuesday it had detonated a nuclear device, barely six weeks after it fired a rocket.\n"
    "Officials said the North paired the blast with a test of a short-range missile off its east coast.",
    "Pyongyang conducted a nuclear test on Tuesday, three weeks after it launched a rocket.\n"
    "A military source said the North combined the explosion with a launch of a cruise missile near the site.",
])
def test_an_indefinite_launch_is_not_the_earlier_one_a_prior_clause_told(extractor, text):
    """The nuclear test, the rocket of the prior clause, and the missile told with an indefinite article."""
    found = _happened(launches_in(extractor, text, D))
    assert len(found) == 3


def test_the_earlier_launch_told_again_definitely_stays_one(extractor):
    text = ("North Korea tested a nuclear device on Tuesday, two weeks after it fired a long-range rocket.\n"
            "The rocket launch had drawn a rebuke from the Security Council.")
    assert len(_happened(launches_in(extractor, text, D))) == 2


# --- weaponry: the mass noun is a weapon word ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "A new kind of weaponry was first tested by the North on March 3, 2022.",
    "Pyongyang said it had successfully test-fired new strategic weaponry on Tuesday.",
])
def test_weaponry_tested_is_a_weapons_test(extractor, text):
    assert len(_happened(launches_in(extractor, text, D))) == 1


def test_weaponry_shown_is_no_test(extractor):
    assert launches_in(extractor, "The North showed off its newest weaponry at a military parade on Tuesday.", D) == []


# --- a torpedo fired at a warship is an attack, a warship sunk at the border an incident -----------------

@pytest.mark.parametrize("text", [
    "Investigators concluded that a North Korean midget submarine fired a torpedo at the Cheonan.",
    "The report said a submarine of the North fired a heavy torpedo at the corvette near Baengnyeong.",
    "Seoul says the North fired a torpedo at a South Korean frigate in March.",
])
def test_a_torpedo_fired_at_a_warship_is_no_test(extractor, text):
    assert launches_in(extractor, text, D) == []


def test_a_torpedo_test_fired_at_a_target_ship_stays_a_test(extractor):
    text = "North Korea test-fired a new heavy torpedo at a target ship off its east coast on Tuesday."
    (m,) = launches_in(extractor, text, D)
    assert m.weapon_class == "torpedo_underwater"


@pytest.mark.parametrize("text", [
    "Seoul blamed Pyongyang for the sinking of the Cheonan near the sea border on March 26, 2010.",
    "Forty-six sailors died in the 2010 sinking of the Cheonan, which Seoul blamed on a North Korean torpedo "
    "fired near the maritime border.",
])
def test_the_sinking_of_the_named_corvette_is_a_border_incident(extractor, text):
    assert len(_happened(incidents_in(extractor, text, D))) == 1


# --- the legs of a hypersonic flight are no range ------------------------------------------------------------

def _claims(extractor, text):
    return sorted((c.property, c.value) for c in extractor.extract(make_doc(text, D)).claims)


@pytest.mark.parametrize("text,leg", [
    ("North Korea launched a hypersonic missile on Tuesday; its warhead completed a 450 km glide jump flight, "
     "state media said.", ("glide_km", 450.0)),
    ("North Korea fired a hypersonic missile on Tuesday; the glide vehicle glided 300 km before it dived, KCNA said.",
     ("glide_km", 300.0)),
    ("North Korea test-fired a hypersonic missile on Tuesday, which made a lateral movement of 90 km, KCNA said.",
     ("maneuver_km", 90.0)),
])
def test_a_glide_or_a_manoeuvre_is_no_range(extractor, text, leg):
    found = _claims(extractor, text)
    assert leg in found
    assert not [c for c in found if c[0] == "range_km"]


def test_a_flight_distance_stays_a_range(extractor):
    text = "North Korea fired a hypersonic missile on Tuesday that flew 650 km, Seoul said."
    assert ("range_km", 650.0) in _claims(extractor, text)
