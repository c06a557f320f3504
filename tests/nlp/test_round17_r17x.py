"""Round 17 (r17x): exercises and meetings told in phrasings the cue rules missed -- drills counted as "a series"
of one day, bombers deployed over a place, landings staged by marines, training of two states' forces; talks
held "with" someone on the verb's object, two persons who discussed something together, visits of delegations
that name a Politburo member, trips "abroad", meetings "held discussions", the defence chiefs of "the three
countries". Every sentence is invented, with near-misses that must stay no event. Publication day: Friday,
March 14, 2025."""
from datetime import date

import pytest

from .helpers import happened_of

pytestmark = pytest.mark.model

D = date(2025, 3, 14)
US, SK, JP, NK, RU, CN = "United States", "South Korea", "Japan", "North Korea", "Russia", "China"


def found(extractor, text: str, etype: str) -> list:
    return happened_of(extractor, text, etype, D)


# a series, a string, a flurry of drills told on one day is one outing; counted over a period it is a summary
@pytest.mark.parametrize("text, sides, day", [
    ("Washington staged a series of joint air exercises with Seoul and Tokyo on Sunday.", {US, SK, JP}, "2025-03-09"),
    ("Japan carried out a string of naval drills with the United States in the Sea of Japan on Tuesday.",
     {JP, US}, "2025-03-11"),
    ("South Korean and U.S. forces held a flurry of combined exercises near the border on March 4.", {SK, US},
     "2025-03-04"),
])
def test_series_of_drills_on_one_day(extractor, text, sides, day):
    drills = found(extractor, text, "military_exercise")
    assert len(drills) == 1 and set(drills[0].conducted_by) == sides and drills[0].date.value == day


@pytest.mark.parametrize("text", [
    "North Korea has conducted a series of missile tests this year.",
    "The allies have held a string of joint drills since January.",
    "Seoul and Washington plan a series of joint exercises on Monday.",
])
def test_series_over_a_period_is_no_event(extractor, text):
    assert found(extractor, text, "military_exercise") == [] and found(extractor, text, "weapons_test") == []


# a strategic bomber deployed, sent or dispatched over a place flies a show-of-force drill
@pytest.mark.parametrize("text, sides", [
    ("The United States deployed two B-52 bombers over the Korean Peninsula on Sunday in a show of force.", {US}),
    ("Seoul and Washington said they had sent a B-1B bomber above the peninsula on Monday.", {US, SK}),
    ("The Pentagon dispatched a pair of strategic bombers over South Korea on Wednesday after the launch.", {US}),
])
def test_bomber_sent_over_a_place_is_a_flight_drill(extractor, text, sides):
    drills = found(extractor, text, "military_exercise")
    assert len(drills) == 1 and set(drills[0].conducted_by) == sides


@pytest.mark.parametrize("text", [
    "The Pentagon deployed three B-1B bombers to Guam on Monday.",
    "The United States will deploy B-52 bombers over the peninsula next month.",
    "The US has not sent any bomber over the peninsula this year, the ministry said.",
])
def test_bomber_near_misses(extractor, text):
    assert found(extractor, text, "military_exercise") == []


# landings and assaults from the sea staged by troops are drills; a war's landing is none
@pytest.mark.parametrize("text", [
    "South Korean and U.S. marines staged an amphibious landing near Pohang on Tuesday.",
    "Marines of the two allies carried out an amphibious assault on a beach in the east on Tuesday.",
    "Troops from both countries made a beach landing on the east coast on Thursday.",
])
def test_landing_by_troops_is_a_drill(extractor, text):
    assert len(found(extractor, text, "military_exercise")) == 1


@pytest.mark.parametrize("text", [
    "The Incheon amphibious landing in 1950 turned the tide of the Korean War.",
    "Russian marines staged an amphibious assault on Ukrainian positions near Kherson on Tuesday.",
])
def test_landing_near_misses(extractor, text):
    assert found(extractor, text, "military_exercise") == []


# training of two states' forces is a drill ("combined training", "trilateral training")
@pytest.mark.parametrize("text, sides", [
    ("South Korea and the United States held combined training on Tuesday involving 30 fighter jets.", {SK, US}),
    ("Japan and the US conducted bilateral training over the Sea of Japan on Thursday.", {JP, US}),
])
def test_training_of_two_states(extractor, text, sides):
    drills = found(extractor, text, "military_exercise")
    assert len(drills) == 1 and set(drills[0].conducted_by) == sides


def test_training_of_technicians_is_no_drill(extractor):
    assert found(extractor, "Nurses from the two hospitals received combined training on Tuesday.",
                 "military_exercise") == []


# talks held with someone: the "with" phrase on the verb's object names the other party, so an office that
# names a council ("Security Council Secretary") makes no internal meeting
@pytest.mark.parametrize("text, sides", [
    ("Russian Security Council Secretary Sergei Shoigu held talks with North Korean Defence Minister No Kwang Chol.",
     {RU, NK}),
    ("Chinese Communist Party Politburo member Wang Huning held talks with Choe Son Hui in Beijing on Monday.",
     {CN, NK}),
    ("A Chinese delegation, including Politburo member Li Qiang, visited Pyongyang for the anniversary on Sunday.",
     {CN, NK}),
])
def test_talks_of_an_officer_named_by_a_body(extractor, text, sides):
    meetings = found(extractor, text, "diplomatic_engagement")
    assert len(meetings) == 1 and set(meetings[0].conducted_by) == sides


@pytest.mark.parametrize("text", [
    "South Korea's National Security Council met on Tuesday to discuss the launch by North Korea.",
    "The Politburo of the Workers' Party met on Monday to discuss relations with China.",
])
def test_internal_bodies_still_internal(extractor, text):
    assert found(extractor, text, "diplomatic_engagement") == []


# two persons of different states who discussed something together met
@pytest.mark.parametrize("text, sides", [
    ("Kim and Lavrov discussed matters of mutual concern on Wednesday, state media reported.", {NK, RU}),
    ("Yoon and Kishida discussed the missile launch by phone on Tuesday.", {SK, JP}),
])
def test_persons_who_discussed(extractor, text, sides):
    meetings = found(extractor, text, "diplomatic_engagement")
    assert len(meetings) == 1 and set(meetings[0].conducted_by) == sides


@pytest.mark.parametrize("text", [
    "Seoul and Tokyo discussed how to respond to the launch on Monday.",
    "Yoon and his defence minister discussed the launch on Monday.",
])
def test_discussed_near_misses(extractor, text):
    assert found(extractor, text, "diplomatic_engagement") == []


# "held discussions", trips "abroad", the chiefs of "the three countries" named before
@pytest.mark.parametrize("text", [
    "The foreign ministers of South Korea and Japan held discussions in Tokyo on Monday.",
    "Kim made his first official trip abroad to the neighbouring giant in March 2018.",
    "Putin paid a rare overseas visit to the reclusive state on Wednesday.",
])
def test_meetings_in_other_words(extractor, text):
    assert len(found(extractor, text, "diplomatic_engagement")) == 1


def test_three_countries_met(extractor):
    text = ("The defence chiefs of the United States, Japan and South Korea met in Tokyo on July 28. Two months "
            "earlier, the ministers of the three countries met in Singapore on the sidelines of a forum.")
    meetings = found(extractor, text, "diplomatic_engagement")
    assert len(meetings) == 2 and all(set(m.conducted_by) == {US, JP, SK} for m in meetings)


@pytest.mark.parametrize("text", [
    "The foreign ministers of South Korea and Japan will hold discussions in Tokyo next week.",
    "Kim has not travelled abroad since the pandemic, officials in Seoul said.",
])
def test_meeting_near_misses(extractor, text):
    assert found(extractor, text, "diplomatic_engagement") == []
