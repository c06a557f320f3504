"""Weapons tests told as an article's news (the error classes of the fresh8 dev sets, stop 23): a
launch coordinated with a threat is no threat, tests of other states are other tests, the range
words of reporting. All texts are written for these tests."""
from datetime import date
from functools import partial

import pytest

from .helpers import make_doc, mentions_of

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday

launches_in = partial(mentions_of, etype="weapons_test")


@pytest.mark.parametrize("text", [
    "This week North Korea fired two cruise missiles, threatened to hold a nuclear test and sent balloons south.",
    "Pyongyang launched a ballistic missile on Tuesday and threatened to stage more tests.",
    "The launch of a ballistic missile on Tuesday threatened the fragile calm on the peninsula.",
    "North Korea threatened to hold a nuclear test and fired two cruise missiles on Tuesday.",
])
def test_a_launch_beside_or_under_a_threat_is_told_as_done(extractor, text):
    """Only what a threat verb governs as its complement is threatened: not a verb coordinated with it
    ("fired ..., threatened to ... and sent ..."), not its subject ("the launch threatened the calm")."""
    found = [m for m in launches_in(extractor, text, D) if m.modality == "happened"]
    assert [m.weapon_class for m in found] in (["cruise"], ["ballistic_unspecified"])


@pytest.mark.parametrize("text", [
    "North Korea threatened to conduct a nuclear test.",
    "Pyongyang threatened to fire more missiles and to stage a nuclear test.",
])
def test_what_a_threat_governs_stays_threatened(extractor, text):
    assert launches_in(extractor, text, D) == []


@pytest.mark.parametrize("text", [
    "This month North Korea fired two cruise missiles, threatened to hold a nuclear test and fired 300 artillery "
    "shells that landed in disputed waters.",
    "On Friday the North fired about 100 artillery rounds into disputed waters off the west coast.",
    "Seoul said the North fired dozens of artillery shells across the disputed maritime border on Friday.",
])
def test_artillery_landing_in_disputed_waters_is_a_border_incident(extractor, text):
    """"Disputed waters", "the disputed maritime border": the western sea border by the name news gives it."""
    res = extractor.extract(make_doc(text, D))
    assert not [m for m in res.mentions if m.type == "weapons_test" and m.weapon_class == "artillery"]
    assert [m for m in res.mentions if m.type == "border_incident"]



@pytest.mark.parametrize("text", [
    "North Korea fired a midrange ballistic missile on Tuesday.",
    "On Tuesday the North test-launched two medium-range missiles into the sea.",
    "Pyongyang launched a new mid-range missile on Tuesday, the military said.",
])
def test_the_medium_range_words_of_reporting_name_an_mrbm(extractor, text):
    (m,) = launches_in(extractor, text, D)
    assert m.weapon_class == "mrbm"


def test_an_mrbm_and_an_icbm_of_undated_entries_are_two_launches(extractor):
    """Two entries of a chronology whose year the text never gives: a midrange missile is not the ICBM."""
    text = ("MAY 14\nNorth Korea launches a new midrange ballistic missile, its first known test.\n"
            "AUGUST 2\nPyongyang conducts its first flight test of an intercontinental ballistic missile.")
    assert sorted(m.weapon_class for m in launches_in(extractor, text, None)) == ["icbm", "mrbm"]


@pytest.mark.parametrize("text", [
    "Two missiles were fired from the east coast on Tuesday, South Korea's military said.",
    "South Korea said North Korea fired two ballistic missiles on Tuesday.",
    "It fired two ballistic missiles on Tuesday, Japan said.",
])
def test_a_launch_reported_by_another_state_is_kept(extractor, text):
    assert [m.conducted_by for m in launches_in(extractor, text, D)] == [["North Korea"]]


@pytest.mark.parametrize("text, cls", [
    ("North Korea fired several rockets, believed to be short-range ballistic missiles, toward the East Sea on "
     "Friday.", "srbm"),
    ("North Korea fired several projectiles, thought to be cruise missiles, into the sea on Friday.", "cruise"),
    ("The North fired large-caliber shells, considered to be short-range ballistic missiles, toward the East Sea "
     "on Friday.", "srbm"),
])
def test_what_a_weapon_is_believed_to_be_gives_its_class(extractor, text, cls):
    """"Rockets, believed to be SRBMs": what the weapon is said to be, not the word that describes it, and
    shells so identified are a launch, not artillery fired toward the sea."""
    (m,) = launches_in(extractor, text, D)
    assert m.weapon_class == cls


def test_a_firing_believed_to_be_a_drill_names_no_weapon(extractor):
    res = extractor.extract(make_doc("North Korea fired about 200 artillery shells near the border island on Friday, "
                                     "believed to be a drill.", D))
    assert [m.type for m in res.mentions] == ["border_incident"]


@pytest.mark.parametrize("text", [
    "North Korea's missile launches and its cyberattacks have raised tensions in the region.",
    "Japan has protested against the North's missile launches this year.",
    "Missile tests by the North have become more frequent, analysts say.",
])
def test_a_bare_plural_launch_noun_is_a_summary(extractor, text):
    """Launches told by a bare plural noun with no day of their own: many, none told."""
    assert launches_in(extractor, text, D) == []


@pytest.mark.parametrize("text", [
    "North Korea's missile launches on Monday and Tuesday drew protests from Tokyo.",
    "Missile launches on March 12 drew protests from Tokyo.",
    "Japan protested against two missile launches by the North on Monday.",
])
def test_plural_launches_with_their_days_are_told(extractor, text):
    assert launches_in(extractor, text, D)


@pytest.mark.parametrize("text", ["DPRK test-fires 3 missiles", "Pyongyang test-launches cruise missiles"])
def test_a_headline_verb_read_as_a_plural_noun_is_no_summary(extractor, text):
    """A headline's "test-fires", which the parser may read as a plural noun at its root, is its verb."""
    assert launches_in(extractor, text, D)


@pytest.mark.parametrize("text", [
    "North Korea test-fired an ICBM on Tuesday.\n"
    "The United States test-launched a Minuteman III missile from California on Wednesday.",
    "North Korea launched a ballistic missile on Monday.\n"
    "On Thursday the US Air Force test-fired an unarmed Minuteman III from Vandenberg.",
])
def test_another_states_test_told_beside_the_norths_is_that_states(extractor, text):
    """A U.S. test an article tells beside a North Korean one is an event of its own, the United States'."""
    assert sorted(m.conducted_by for m in launches_in(extractor, text, D)) == [["North Korea"], ["United States"]]
