"""Weapons tests as news from outlets and eras the rules were not written on tell them (the error
classes of the fresh7-e dev set): rocket artillery named by its rounds, the phrase of an earlier
test told apart from what a relative clause adds. All texts are written for these tests."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday


def mentions_of(extractor, text, published=D):
    doc = make_doc(text, published)
    return doc, extractor.extract(doc).mentions


@pytest.mark.parametrize("text", [
    "The North fired about a dozen artillery rockets toward the Yellow Sea on Tuesday, officials said.",
    "North Korean forces launched several rocket shells into waters off the west coast on Tuesday, Seoul said.",
    "The army fired rocket rounds off its east coast on Tuesday, the military said.",
])
def test_rocket_rounds_are_rocket_artillery(extractor, text):
    """Rockets of an artillery piece ("artillery rockets", "rocket shells", "rocket rounds") are
    those of a multiple rocket launcher, not tube artillery."""
    _, found = mentions_of(extractor, text)
    (m,) = [m for m in found if m.type == "weapons_test"]
    assert m.weapon_class == "mlrs"


def test_rocket_launches_told_with_a_border_visit_stay_launches(extractor):
    """A border word of another clause of the sentence (a visit to the DMZ) does not make rocket
    launches toward the sea a border incident."""
    text = ("Last week, the North fired artillery rockets into the sea, days before the two defense "
            "ministers toured the Demilitarized Zone.")
    _, found = mentions_of(extractor, text)
    assert [m.type for m in found if m.type in ("weapons_test", "border_incident")] == ["weapons_test"]


@pytest.mark.parametrize("text, excluded", [
    ("Seismographs registered a tremor before the North's third nuclear test on February 12 at its "
     "mountain site, which had hosted every earlier test since 2006.", "which had hosted"),
    ("Tokyo raised its alert after the North's missile launch on March 3 from Sinpo, where the navy "
     "keeps its submarines.", "where the navy"),
])
def test_an_earlier_tests_phrase_stops_at_its_relative_clause(extractor, text, excluded):
    """The evidence of a test named in a phrase of time ("before the North's third nuclear test on
    February 12") is that phrase, without the relative clause that describes its place."""
    doc, found = mentions_of(extractor, text)
    (m,) = [m for m in found if m.type == "weapons_test"]
    ev = doc.text[m.evidence.start:m.evidence.end]
    assert "test" in ev or "launch" in ev
    assert excluded not in ev


@pytest.mark.parametrize("text", [
    ("North Korea fired two cruise missiles on Monday, shortly before a visit by the defense chiefs of "
     "South Korea and the United States to the border.\nIt also fired artillery rockets on Wednesday."),
    ("Pyongyang launched a ballistic missile on Tuesday.\nOn Wednesday, Japan and the United States held "
     "talks in Tokyo.\nIt also fired cruise missiles on Thursday, Seoul said."),
])
def test_it_stands_for_one_state(extractor, text):
    """"It" stands for a single state named before, not for the pair of states named last."""
    _, found = mentions_of(extractor, text)
    tests = [m for m in found if m.type == "weapons_test"]
    assert len(tests) == 2
    assert all(m.conducted_by == ["North Korea"] for m in tests)


@pytest.mark.parametrize("text", [
    "Seoul recalled that the North attacked Yeonpyeong Island in November 2010, killing four people.",
    "The same guns were used when North Korean troops attacked a South Korean guard post in the DMZ in 2015.",
])
def test_an_attack_on_a_border_place_is_a_border_incident(extractor, text):
    """The verb "attack" on a place of the inter-Korean border, as the noun "attack" already was."""
    _, found = mentions_of(extractor, text)
    assert [m.type for m in found] == ["border_incident"]
    assert found[0].conducted_by == ["North Korea"]


def test_an_attack_in_a_war_is_no_border_incident(extractor):
    text = "Russian troops attacked Ukrainian positions near the border in the Kursk region on Monday."
    _, found = mentions_of(extractor, text)
    assert "border_incident" not in [m.type for m in found]


@pytest.mark.parametrize("text, expected", [
    ("The army fired five rockets into the sea this week, three on Monday and two on Thursday, Seoul said.",
     [("2025-03-10", 3), ("2025-03-13", 2)]),
    ("North Korea launched four cruise missiles this month, one on March 3 and three on March 11, officials said.",
     [("2025-03-03", 1), ("2025-03-11", 3)]),
    ("The North test-launched three ballistic missiles this year, two on March 4 and one on March 12, "
     "but all of them failed.", [("2025-03-04", 2), ("2025-03-12", 1)]),
])
def test_a_total_broken_down_by_day_is_one_launch_a_day(extractor, text, expected):
    """"fired five rockets, three on Monday and two on Thursday": a launch on each day, with its own count."""
    _, found = mentions_of(extractor, text)
    got = sorted((m.date.value, m.count) for m in found if m.type == "weapons_test")
    assert got == expected


def test_a_breakdown_that_does_not_add_up_is_left_alone(extractor):
    text = "The army fired ten rockets into the sea this week, three on Monday and two on Thursday, Seoul said."
    _, found = mentions_of(extractor, text)
    assert len([m for m in found if m.type == "weapons_test"]) == 1


@pytest.mark.parametrize("text", [
    "Analysts see two goals in launching a new carrier rocket, Seoul said on Friday.",
    "One purpose of testing such an engine is to extend the missiles' range, experts said on Friday.",
])
def test_the_aim_of_doing_something_reports_no_event(extractor, text):
    """A gerund that a noun of purpose governs ("goals in launching a rocket") says why one would do it."""
    _, found = mentions_of(extractor, text)
    assert [m for m in found if m.type == "weapons_test"] == []


@pytest.mark.parametrize("text", [
    "The rocket's flight profile was typical of a satellite launch, an analyst said on Friday.",
    "Experts said on Friday that the blast pattern was reminiscent of a nuclear test.",
])
def test_what_something_is_typical_of_reports_no_event(extractor, text):
    """"typical of a satellite launch": a kind of event the thing resembles, not one held."""
    _, found = mentions_of(extractor, text)
    assert [m for m in found if m.type == "weapons_test"] == []


@pytest.mark.parametrize("text, expected", [
    ("The North conducted ground tests of a solid-fuel engine on Saturday and a new booster on Tuesday, "
     "state media said.", ["2025-03-08", "2025-03-11"]),
    ("The army carried out launches of a short-range ballistic missile on March 3 and a cruise missile on "
     "March 10, Seoul said.", ["2025-03-03", "2025-03-10"]),
])
def test_a_test_of_two_things_on_two_days_is_two_tests(extractor, text, expected):
    """"tests of the first-stage engine on Saturday and the second-stage engine on Tuesday": the objects
    of an event noun, each with a day of its own, are two events, as those of a verb are."""
    _, found = mentions_of(extractor, text)
    assert sorted(m.date.value for m in found if m.type == "weapons_test") == expected
