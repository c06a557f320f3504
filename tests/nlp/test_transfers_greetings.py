"""Arms named by the kind of weapon (tanks, fighter jets, drones) and troops that a state supplies or
provides, and a leader who greets a foreign leader (issue 11, round 14: arms transfers, deployments and
diplomatic engagements on the dev sets). All texts are written for these tests."""
from datetime import date

import pytest

from .helpers import mentions_of

pytestmark = pytest.mark.model

D = date(2025, 3, 14)


def found(extractor, text: str, etype: str) -> list[list[str]]:
    """conducted_by of each mention of the type told as having happened."""
    return [m.conducted_by for m in mentions_of(extractor, text, D, etype=etype) if m.modality == "happened"]


# heavy weapons named by their kind are arms that one state hands another
@pytest.mark.parametrize("text, sender", [
    ("In return, Moscow has supplied Pyongyang with tanks and fighter jets, officials in Kyiv said.", "Russia"),
    ("Russia delivered armored vehicles and air defense systems to North Korea last year.", "Russia"),
    ("Iran has sold attack drones and air defence systems to Russia, according to Kyiv.", "Iran"),
])
def test_heavy_weapons_handed_over_are_arms(extractor, text, sender):
    assert found(extractor, text, "arms_transfer") == [[sender]]


@pytest.mark.parametrize("text", [
    # tanks, drones of one's own forces are no transfer
    "North Korean tanks and drones took part in the parade in Pyongyang on Monday.",
    "South Korea deployed drones and tanks near the border on Monday.",
    # fighter jets, drones a state sends with its own forces are no arms it hands over
    "The United States sent fighter jets and tanks to South Korea for the drills on Monday.",
    "North Korea sent drones into South Korea on Monday, the military said.",
])
def test_own_heavy_weapons_are_no_transfer(extractor, text):
    assert found(extractor, text, "arms_transfer") == []


# troops a state supplies or provides to another are deployed there
@pytest.mark.parametrize("text", [
    "Pyongyang has supplied thousands of soldiers to Moscow for its war, Seoul's spy agency said.",
    "Officials worry about North Korea's supply of troops to Russia for the war in Ukraine.",
    "North Korea has provided more than 10,000 troops to Russia, U.S. officials said on Monday.",
])
def test_troops_supplied_are_a_deployment(extractor, text):
    assert found(extractor, text, "troop_deployment") == [["North Korea"]]


@pytest.mark.parametrize("text", [
    # the troops who receive something are not what is supplied
    "The United States provided Ukrainian troops with rifles and ammunition last year.",
    "Russia supplied the North Korean soldiers with uniforms and rations on arrival, Kyiv said.",
])
def test_troops_supplied_with_something_are_its_receivers(extractor, text):
    assert found(extractor, text, "troop_deployment") == []


# a leader greeting a foreign leader or envoy meets them: both sides take part
@pytest.mark.parametrize("text, sides", [
    ("Chinese President Xi Jinping greeted visiting North Korean officials at the airport in Beijing on Monday.",
     {"China", "North Korea"}),
    ("Kim Jong Un warmly greeted Russian Defence Minister Andrei Belousov in Pyongyang on Monday.",
     {"North Korea", "Russia"}),
    ("South Korean President Moon Jae-in was greeted by North Korean leader Kim Jong Un at the airport in "
     "Pyongyang on Monday.", {"South Korea", "North Korea"}),
])
def test_a_leader_greeting_a_foreign_leader_meets_him(extractor, text, sides):
    (sides_found,) = found(extractor, text, "diplomatic_engagement")
    assert set(sides_found) == sides


@pytest.mark.parametrize("text", [
    # greeting one's own people, or a message of greeting, is no meeting
    "Kim Jong Un greeted the soldiers of the Korean People's Army in Pyongyang on Monday.",
    "North Korean leader Kim Jong Un sent greetings to Russian President Vladimir Putin on Monday.",
])
def test_greeting_no_foreign_leader_is_no_meeting(extractor, text):
    assert found(extractor, text, "diplomatic_engagement") == []


# arms one state sends and arms it receives in return are two transfers, each by its sender
@pytest.mark.parametrize("text, senders", [
    ("North Korea has shipped millions of artillery shells to Russia. In return, Moscow has supplied Pyongyang "
     "with fighter jets and tanks, officials said.", [["North Korea"], ["Russia"]]),
    ("Russia has delivered air defense systems to North Korea, Seoul said. Pyongyang has sent ballistic "
     "missiles to Moscow since last year.", [["Russia"], ["North Korea"]]),
])
def test_arms_each_way_are_two_transfers(extractor, text, senders):
    assert found(extractor, text, "arms_transfer") == senders


@pytest.mark.parametrize("text", [
    # troops that modify what is supplied, or that a clause on its receiver names, are not what is supplied
    "North Korea supplied infantry rockets and mortars to a Russian mercenary group last year.",
    "Russia has provided air defence missiles to North Korea, whose soldiers are fighting in Kursk.",
])
def test_troops_beside_what_is_supplied_are_not_supplied(extractor, text):
    assert found(extractor, text, "troop_deployment") == []


@pytest.mark.parametrize("text", [
    # talks in the title of one of two coordinated offices are no event, wherever the parser hangs them
    "Russia's ambassador and Moscow's delegate to the six-party talks left for Beijing on Monday.",
    "Japan's ambassador and top negotiator for the nuclear talks declined to comment, officials said.",
])
def test_talks_in_a_coordinated_title_are_no_meeting(extractor, text):
    assert found(extractor, text, "diplomatic_engagement") == []
