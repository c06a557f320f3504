"""Weapons tests that news of many outlets tells in ways the rules missed (the recall round of stop 22).
All texts are written for these tests."""
from datetime import date
from functools import partial

import pytest

from .helpers import make_doc, mentions_of

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday


launches_in = partial(mentions_of, etype="weapons_test")


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
def undated_launches(extractor, text):
    return [m for m in extractor.extract(make_doc(text, published=None)).mentions if m.type == "weapons_test"]


@pytest.mark.parametrize("text", [
    "North Korea launched two short-range missiles toward the sea on March 2.\n"
    "It fired two more ballistic missiles from a western area on March 21.",
    "The North test-fired a cruise missile on June 4, the military said.\n"
    "On June 14, Pyongyang launched cruise missiles off its west coast.",
    "Pyongyang fired a ballistic missile on January 5, Seoul said.\n"
    "The North launched a hypersonic missile on January 11 toward the East Sea.",
])
def test_other_days_of_one_month_are_two_launches_in_an_undated_text(extractor, text):
    """In a text whose year is unknown, "March 2" and "March 21" still cannot be the same day: the month
    they share does not make them one launch."""
    assert len(undated_launches(extractor, text)) == 2


@pytest.mark.parametrize("text", [
    "On 9 March, the North fired a ballistic missile toward the sea.\n"
    "The missile launched on 9 March flew 400 km, Seoul said.",
    "North Korea fired a cruise missile on June 4, officials said.\n"
    "The missile launched on June 4 flew 1,500 km.",
    "On June 6, state media announced the successful test of a new cruise missile.\n"
    "North Korea fired the cruise missile on June 4, officials said.",
    "The North's news agency reported the launch of a hypersonic missile on June 6.\n"
    "Pyongyang fired the hypersonic missile on June 4 from near Jagang.",
])
def test_the_same_day_or_its_month_keeps_one_launch_in_an_undated_text(extractor, text):
    """(Nor is the day a report was made the day of the launch: "on June 6, state media announced the
    test".)"""
    assert len(undated_launches(extractor, text)) == 1
@pytest.mark.parametrize("text, days", [
    ("It would be the North's third satellite launch this year, after two failed launches on May 31, 2023 "
     "and August 24, 2023.", ["2023-05-31", "2023-08-24"]),
    ("After a botched launch on May 31, 2023, North Korea vowed to put a spy satellite into orbit.", ["2023-05-31"]),
    ("Its satellite programme suffered an unsuccessful launch on May 31, 2023.", ["2023-05-31"]),
])
def test_a_failed_launch_in_a_sentence_that_names_a_weapon_is_a_launch(extractor, text, days):
    """"two failed launches in May and August ... to place a spy satellite into orbit": a launch whose
    weapon the sentence names outside its clause, like a failed attempt; North Korea's, not that of
    the subject of the copula it hangs from."""
    found = launches_in(extractor, text)
    assert sorted(m.date.value for m in found) == days
    assert {m.weapon_class for m in found} == {"space_launch"}
    assert all(m.conducted_by == ["North Korea"] for m in found)


@pytest.mark.parametrize("second", [
    "Monday's failed launch came hours after a summit in Seoul.",
    "The botched launch drew rebukes from Tokyo.",
])
def test_a_failed_launch_naming_no_weapon_is_the_launch_told_before(extractor, second):
    """"Monday's failed launch" in a sentence that names no weapon restates the launch told before, as
    "Monday's launch" does: it dates it."""
    text = "A North Korean rocket carrying a spy satellite exploded shortly after liftoff.\n" + second
    (m,) = launches_in(extractor, text)
    assert m.weapon_class == "space_launch"
    assert m.date.value == ("2025-03-10" if "Monday" in second else None)


@pytest.mark.parametrize("text", [
    "Samsung said the failed launch of its phone in May hurt sales.",
    "The failed launch of the new policy embarrassed the ministry.",
])
def test_a_failed_launch_of_something_else_is_no_test(extractor, text):
    assert launches_in(extractor, text) == []


@pytest.mark.parametrize("text", [
    "A U.S. aircraft carrier arrived in Busan on Friday.\n"
    "It was a show of force after a failed test of a spy satellite on May 31, 2023.",
    "The United States sent a carrier to Busan on Friday.\n"
    "It would be the North's third attempt, following a failed launch of a satellite on May 31, 2023.",
])
def test_the_subject_of_a_copula_did_not_do_what_its_phrase_tells(extractor, text):
    """"It was a show of force after a failed test": the copula's subject did nothing; the test is
    North Korea's by default, not that of the state a pronoun last stood for."""
    found = [m for m in launches_in(extractor, text) if m.date.value == "2023-05-31"]
    assert [m.conducted_by for m in found] == [["North Korea"]]
@pytest.mark.parametrize("text", [
    "The governor said his region had been struck by missiles fired by Russia on Friday.",
    "Russian forces launched dozens of ballistic missiles overnight, Ukraine's air force said.",
    "Missiles produced abroad had been fired into the province on Friday, the governor said.",
    "Rockets were fired into the district on Friday, killing two civilians.",
])
def test_a_firing_in_a_war_or_into_a_land_region_is_no_test(extractor, text):
    """A belligerent's firing in a war, and a weapon fired into a province, a region or a district, is
    an attack told without North Korea's part: no weapons test."""
    assert launches_in(extractor, text) == []


@pytest.mark.parametrize("text", [
    "North Korea fired two ballistic missiles into the sea on Friday.",
    "Pyongyang launched a cruise missile into waters off its west coast on Friday, weeks after Russia's "
    "defense minister visited.",
])
def test_a_launch_into_the_sea_stays_a_test(extractor, text):
    assert len(launches_in(extractor, text)) == 1


@pytest.mark.parametrize("text", [
    "Reporters filmed the aftermath of a Russian strike on Kharkiv on Friday, in which a missile landed close "
    "to the city centre.",
    "A ballistic missile fell on a residential area of Zaporizhzhia on Friday, Ukrainian officials said.",
])
def test_a_missile_landing_in_a_war_is_no_test(extractor, text):
    """A missile that lands or falls in a war is a strike's, not a launch told again."""
    assert launches_in(extractor, text) == []


def test_a_missile_landing_in_the_sea_is_still_a_launch(extractor):
    text = "A North Korean ballistic missile landed in the sea off Japan on Friday, Tokyo said."
    assert len(launches_in(extractor, text)) == 1
