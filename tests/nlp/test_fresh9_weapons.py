"""Weapons tests as news of many outlets and eras tell them (the error classes of the fresh9-h dev
set): a free relative whose copula the parser cuts off, one more launch of the kind told ("a similar
launch in 2019"). All texts are written for these tests."""
from datetime import date
from functools import partial

import pytest

from .helpers import make_doc, mentions_of

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday


launches_in = partial(mentions_of, etype="weapons_test")


@pytest.mark.parametrize("text, cls", [
    ("North Korea fired what it claimed were two hypersonic missiles on Tuesday.", "hypersonic"),
    ("On Tuesday, Pyongyang launched what it claimed was the Hwasong-17, its largest ICBM.", "icbm"),
    ("The North on Tuesday tested what it claimed was a new solid-fuel engine.", "engine_test"),
])
def test_a_free_relative_cut_at_its_copula_still_names_the_weapon(extractor, text, cls):
    """"fired what it claimed were two missiles": the parser reads "were" as a clause of "fired" of
    its own; the weapon after it is still what was fired."""
    (m,) = launches_in(extractor, text)
    assert m.weapon_class == cls
    assert m.date.value == "2025-03-11"


def test_a_free_relative_naming_no_weapon_is_no_launch(extractor):
    assert launches_in(extractor, "North Korea launched what it claimed was a great success.") == []


@pytest.mark.parametrize("second, day", [
    ("Pyongyang carried out a similar launch on March 3, 2019.", "2019-03-03"),
    ("Another test took place on February 3, 2025.", "2025-02-03"),
    ("An earlier launch on May 31, 2023 failed.", "2023-05-31"),
    ("The previous launch, on May 31, 2023, ended in failure.", "2023-05-31"),
])
def test_one_more_launch_of_the_kind_told_is_an_event_of_its_own_date(extractor, second, day):
    """A launch or test noun that names no weapon but "another", "similar", "earlier" or "previous"
    tells one more event of the kind the document told: the event of the date its clause gives."""
    found = launches_in(extractor, "North Korea fired a ballistic missile on Friday.\n" + second)
    assert sorted(m.date.value for m in found) == sorted(["2025-03-14", day])


@pytest.mark.parametrize("first, second, cls", [
    ("North Korea launched a satellite-carrying rocket on Friday.", "A similar launch on April 13, 2012 failed.",
     "space_launch"),
    ("North Korea conducted a nuclear test on Friday.", "Its previous test, on September 3, 2017, was larger.",
     "nuclear_test"),
])
def test_one_more_launch_is_of_the_kind_told(extractor, first, second, cls):
    """"a similar launch": one more of the kind told last, of its class when it names no weapon."""
    found = launches_in(extractor, first + "\n" + second)
    assert len(found) == 2 and {m.weapon_class for m in found} == {cls}


@pytest.mark.parametrize("second", [
    "Another launch followed hours later.",              # no date of its own: not told apart
    "Another launch is expected on March 20, 2025.",     # still to come
    "A similar test on March 3, 2019 would have been condemned.",
])
def test_one_more_launch_needs_its_own_date_and_to_have_happened(extractor, second):
    found = launches_in(extractor, "North Korea fired a ballistic missile on Friday.\n" + second)
    assert [m.date.value for m in found] == ["2025-03-14"]


@pytest.mark.parametrize("text", [
    "Samsung announced another launch on March 3, 2025.",
    "The company unveiled a new phone on Friday.\nA similar launch took place on March 3, 2019.",
])
def test_one_more_launch_needs_a_launch_told_before(extractor, text):
    """Without a weapons test told before it, "another launch" is no launch of a weapon."""
    assert launches_in(extractor, text) == []


@pytest.mark.parametrize("text, day", [
    ("North Korea fired more than 30 ballistic missiles last year, the State Department said.\n"
     "Pyongyang launched a new ICBM on March 3, 2024, officials said.", "2024-03-03"),
    ("The North test-fired at least 25 missiles last year, including several ICBMs.\n"
     "On February 3, 2024, it launched a solid-fuel ICBM.", "2024-02-03"),
])
def test_a_years_tally_does_not_swallow_one_launch_of_it(extractor, text, day):
    """"has fired more than 30 missiles this year" counts many launches; a launch dated to its month or
    day is one of them, an event of its own (else the tally's sentence would stand for it). (The test tagger reads "this year" as no date.)"""
    found = launches_in(extractor, text)
    assert day in [m.date.value for m in found]
    assert len(found) == 2


def test_a_launch_of_two_missiles_in_a_year_is_no_tally(extractor):
    """Two missiles dated by a year and a launch of that year's month may be one launch told twice."""
    text = ("North Korea fired two cruise missiles this year.\n"
            "In January, Pyongyang launched two cruise missiles, officials said.")
    assert len(launches_in(extractor, text)) == 1



@pytest.mark.parametrize("text", [
    "Kim Jong Un inspected the new Hwasong-20 ICBM on Tuesday, KCNA said.",
    "Kim Jong Un on Tuesday inspected a new multiple rocket launcher, state media said.",
    "Kim's inspection of the new cruise missile on Tuesday was reported by KCNA.",
])
def test_a_leader_looking_over_a_weapon_is_an_inspection(extractor, text):
    """A weapon as what "inspect" or "inspection" acts on makes an inspection (as a unit, a base or an
    arms factory does)."""
    found = [m for m in extractor.extract(make_doc(text, D)).mentions if m.type == "military_inspection"]
    assert [m.date.value for m in found] == ["2025-03-11"]


@pytest.mark.parametrize("text", [
    "South Korean experts examined the debris of the rocket on Tuesday.",
    "Analysts are examining the missile's trajectory.",
    "The allies are monitoring shipments by examining missiles used against Ukraine.",
])
def test_examining_what_a_weapon_left_is_no_inspection(extractor, text):
    found = [m for m in extractor.extract(make_doc(text, D)).mentions if m.type == "military_inspection"]
    assert found == []


@pytest.mark.parametrize("text", [
    "The academy announced that a very important test took place at the Sohae Satellite Launching Ground "
    "on December 7, 2019.",
    "A test was conducted at Punggye-ri on Tuesday, state media said.",
    "The North staged a launch from Tonghae on Tuesday.",
])
def test_a_test_at_a_launch_or_test_site_is_a_weapons_test(extractor, text):
    """A site that exists to launch rockets or test weapons names the weapon of a bare "test" or
    "launch" told there, as a missile word would."""
    assert len(launches_in(extractor, text)) == 1


@pytest.mark.parametrize("text", [
    "Officials held a test of the emergency broadcast system in Seoul on Tuesday.",
    "Reporters visited the Sohae Satellite Launching Ground on Tuesday.",
])
def test_a_test_elsewhere_or_a_visit_to_a_site_is_no_weapons_test(extractor, text):
    assert launches_in(extractor, text) == []


@pytest.mark.parametrize("text", [
    "U.S. Air Force units do not operate F-35s.\nThe joint exercise took place in the wake of Pyongyang's "
    "continued saber-rattling, highlighted by its firing of two cruise missiles on Tuesday.",
    "American troops are stationed in Japan.\nThe drills follow North Korea's provocations, including its "
    "launch of a ballistic missile on Tuesday.",
    "Washington sent bombers to Guam.\nThe allied drills came in the wake of Pyongyang\u2019s threats, most "
    "recently its firing of two cruise missiles on Tuesday.",
])
def test_its_stands_for_the_state_named_as_a_possessor_before_it(extractor, text):
    """"its firing", "its launch": with no state as a subject before it in the sentence, the state
    named as a possessor before it ("Pyongyang's saber-rattling"), not the state of the sentence before."""
    (m,) = launches_in(extractor, text)
    assert m.conducted_by == ["North Korea"]


def test_its_still_stands_for_the_subject_before_it(extractor):
    text = ("American troops are stationed in Japan.\nSeoul's military said North Korea fired a missile on "
            "Tuesday, its third launch this month.")
    (m,) = launches_in(extractor, text)
    assert m.conducted_by == ["North Korea"]


@pytest.mark.parametrize("second, days", [
    ("The North test-fired a solid-fuel engine on September 20, 2016 and again on March 18, 2017.",
     ["2016-09-20", "2017-03-18"]),
    ("It launched satellites on February 7, 2016 and then on November 21, 2023.", ["2016-02-07", "2023-11-21"]),
])
def test_a_date_after_and_again_or_and_then_is_one_more_event(extractor, second, days):
    """"in September 2016 and again in March 2017": a list of dates whose conjunction says "again" or
    "then" names one event per date, as "in 2016 and 2017" does."""
    found = launches_in(extractor, "North Korea fired a missile on Friday.\n" + second)
    assert sorted(m.date.value for m in found) == sorted(["2025-03-14", *days])


@pytest.mark.parametrize("text, days", [
    ("North Korea launched a rocket on Friday.\nIt says its two previous attempts on August 31, 1998 and "
     "April 5, 2009 to put satellites into orbit succeeded.", ["1998-08-31", "2009-04-05"]),
    ("North Korea launched a spy satellite on Friday, after two earlier attempts on May 31, 2023 and "
     "August 24, 2023 failed.", ["2023-05-31", "2023-08-24"]),
    ("North Korea made a failed attempt to launch a spy satellite on May 31, 2023.", ["2023-05-31"]),
])
def test_earlier_attempts_to_launch_are_launches(extractor, text, days):
    """An earlier or failed attempt whose aim is done to a weapon ("to put satellites into orbit",
    "to launch a spy satellite") is a launch attempt, one per date of its list."""
    assert set(days) <= {m.date.value for m in launches_in(extractor, text)}


@pytest.mark.parametrize("text", [
    "The previous attempt at diplomacy on March 3, 2019 collapsed before the missile tests.",
    "A soldier made a failed attempt to cross the border on Friday after the missile launch.",
])
def test_an_attempt_at_something_else_is_no_launch(extractor, text):
    """An attempt at talks or to cross a border is no launch, though the sentence names a missile."""
    assert not any("attempt" in text[m.evidence.start:m.evidence.end] for m in launches_in(extractor, text))
