"""Border incidents of round 14 on invented sentences: who crosses a border line (a leader on a visit,
balloons that drift over: no crossing of their own), defections far from the border, mines set off at
it. All texts are written for these tests."""
from datetime import date

import pytest

from .helpers import mentions_of

pytestmark = pytest.mark.model


def mentions(extractor, text: str, etype: str = "border_incident", published: date | None = None):
    return mentions_of(extractor, text, published, etype=etype)


@pytest.mark.parametrize("text", [
    # a head of state or an envoy who crosses the line for a meeting crosses it by agreement
    "South Korean President Moon Jae-in crossed the military demarcation line on foot to greet his host on Friday.",
    "Trump crossed the border into North Korea at Panmunjom on Sunday, the first sitting US president to do so.",
    "The North Korean leader walked across the demarcation line to the southern side of the truce village.",
])
def test_a_leader_crossing_the_line_is_no_incident(extractor, text):
    assert not mentions(extractor, text)


@pytest.mark.parametrize("text", [
    "Two North Korean soldiers crossed the military demarcation line on Friday before turning back.",
    "A North Korean patrol boat crossed the Northern Limit Line on Tuesday, the defence ministry said.",
])
def test_troops_crossing_the_line_stay_an_incident(extractor, text):
    assert len(mentions(extractor, text)) == 1


@pytest.mark.parametrize("text", [
    # what crosses is the balloons: the balloon launch, told by its own noun, no crossing of its own
    "The North Korean balloons drifted south of Seoul on Tuesday night after crossing the border, the military said.",
    "Dozens of North Korean trash balloons crossed the demarcation line overnight and landed in Paju.",
    "Anti-Pyongyang leaflets crossed the DMZ aboard balloons launched by North Korean defectors in the South.",
])
def test_balloons_that_cross_are_the_balloon_launch(extractor, text):
    found = mentions(extractor, text)
    assert len(found) == 1
    assert not [c for c in found[0].cues if c.startswith("cross")]


@pytest.mark.parametrize("text", [
    # a defection abroad, of a diplomat or a worker, is no crossing of the inter-Korean border
    "Pyongyang has been embarrassed by a string of high-profile defections, including its envoy in London.",
    "The defection of a senior North Korean diplomat in Rome angered Pyongyang last year.",
    "North Korea blamed Seoul for the defection of twelve restaurant workers from China.",
])
def test_a_defection_away_from_the_border_is_no_incident(extractor, text):
    assert not mentions(extractor, text)


@pytest.mark.parametrize("text", [
    "A defection at the Joint Security Area drew gunfire from North Korean guards on Monday.",
    "The defection of a North Korean soldier across the DMZ on Tuesday surprised officials.",
    "It was the second defection by a North Korean soldier across the heavily armed border this year, the JCS said.",
])
def test_a_defection_at_the_border_stays_an_incident(extractor, text):
    assert len(mentions(extractor, text)) == 1


@pytest.mark.parametrize("text", [
    # a mine set off at the border, told by the noun of its blast and an "of" phrase, or by a verb
    "Seoul restarted its broadcasts in response to the detonation of a landmine near the DMZ that maimed two soldiers.",
    "A land mine exploded on a South Korean patrol path in the demilitarized zone on Tuesday, wounding two soldiers.",
    "The explosion of a wooden-box mine along the inter-Korean border wounded two South Korean sergeants.",
])
def test_a_mine_set_off_at_the_border_is_an_incident(extractor, text):
    found = mentions(extractor, text)
    assert [c for m in found for c in m.cues if c.lower().startswith(("detonation", "explo"))]


@pytest.mark.parametrize("text", [
    "A landmine exploded under a tractor in a field in eastern Ukraine, killing the driver.",
    "North Korea said it had completed the detonation of the tunnels at its nuclear test site.",
])
def test_a_mine_or_a_blast_elsewhere_is_no_mine_incident(extractor, text):
    assert not mentions(extractor, text)


@pytest.mark.parametrize(("text", "answer"), [
    # an event and the one it answers, in a phrase of response: each its own evidence
    ("Seoul restarted loudspeaker broadcasts on Monday in response to the detonation of a landmine near the DMZ.",
     "landmine"),
    ("South Korean troops fired warning shots at the border in retaliation for a mine blast that maimed two soldiers.",
     "mine blast"),
    ("The South resumed its propaganda broadcasts across the DMZ in reaction to North Korean trash balloons.",
     "balloons"),
])
def test_the_event_a_response_answers_is_not_the_response_evidence(extractor, text, answer):
    found = mentions(extractor, text)
    spans = [text[m.evidence.start:m.evidence.end] for m in found]
    assert len(found) == 2
    assert len([s for s in spans if answer in s]) == 1


@pytest.mark.parametrize("text", [
    # what follows a phrase of response tells of what it answers, even where the parse hangs it on the verb
    "Seoul restarted psychological warfare broadcasts on 3 May in response to the detonation of a landmine, "
    "allegedly by North Korean personnel, which seriously injured two soldiers.",
    "South Korea resumed loudspeaker broadcasts across the DMZ in retaliation for a mine blast, reportedly by "
    "North Korean troops, that maimed two of its soldiers.",
])
def test_the_response_evidence_ends_where_its_phrase_of_response_begins(extractor, text):
    spans = [text[m.evidence.start:m.evidence.end] for m in mentions(extractor, text)]
    broadcasts = [s for s in spans if "broadcasts" in s]
    assert broadcasts and not [s for s in broadcasts if "personnel" in s or "troops" in s or "mine" in s]


@pytest.mark.parametrize("text", [
    # a drone of the other side found on this one: the incursion it made
    "The first drone, discovered March 24 in the South Korean border city of Paju, had taken photos of Seoul.",
    "South Korean troops found a crashed North Korean drone on a mountain near the DMZ on Monday.",
    "A small drone recovered on Monday on Baengnyeong Island carried a Japanese camera, officials said.",
])
def test_a_drone_found_on_the_other_side_is_an_incursion(extractor, text):
    assert len(mentions(extractor, text)) == 1


@pytest.mark.parametrize("text", [
    "Investigators found that the North Korean drone had been assembled from Chinese parts.",
    "South Korea has yet to discover how the North Korean drones evaded its radar.",
])
def test_a_finding_about_a_drone_is_no_incursion(extractor, text):
    assert not mentions(extractor, text)


@pytest.mark.parametrize("text", [
    # fire answered, told by a noun
    "The shots drew return fire from South Korean guards across the DMZ on Monday.",
    "South Korean troops answered with retaliatory fire near the demarcation line.",
    "A North Korean shell fell near a guard post in the DMZ, triggering a return of fire.",
])
def test_fire_answered_told_by_a_noun_is_a_shooting_incident(extractor, text):
    assert len(mentions(extractor, text)) == 1


def test_return_fire_in_a_war_is_no_border_incident(extractor):
    text = "North Korean soldiers fighting in Russia's Kursk region came under heavy return fire from Ukrainian units."
    assert not mentions(extractor, text)


@pytest.mark.parametrize("text", [
    # "rubbish" that a statement calls the other side's words
    "The puppet defence minister of the ROK, who spouted such rubbish about the DPRK, should keep his mouth shut.",
    "The so-called expert in Seoul talked rubbish about the DPRK's nuclear deterrent again on Monday.",
    "The UN envoy keeps echoing the rubbish and false rumours spread by the ROK about the DPRK.",
])
def test_rubbish_said_is_no_rubbish_dropped(extractor, text):
    assert not mentions(extractor, text)


@pytest.mark.parametrize("text", [
    "North Korean balloons dropped rubbish on Seoul and Paju on Sunday night, the JCS said.",
    "Rubbish from North Korean balloons was found in the border areas of the ROK on Tuesday.",
])
def test_rubbish_dropped_stays_a_balloon_incident(extractor, text):
    assert len(mentions(extractor, text)) == 1
