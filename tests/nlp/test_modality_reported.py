"""Events the sentence tells as done though a word above them reads as planning, negation or hedging:
what a verb calls them, how they turned out, attempts made, a clause told as going on, a meeting with
its own participle of holding. All texts are written for these tests."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday


def found(extractor, text, etype):
    return [m for m in extractor.extract(make_doc(text, D)).mentions if m.type == etype]


@pytest.mark.parametrize("text, etype", [
    # a verb with an object predicate says what its object is ("call" plans only with "for", "on")
    ("North Korea called the launch of the Hwasong-18 missile a great success on Thursday.", "weapons_test"),
    ("State media called Tuesday's test of a new cruise missile a major step, Seoul said.", "weapons_test"),
    ("Seoul called the North's test-firing of two ballistic missiles on Monday a grave provocation.",
     "weapons_test"),
    # how the event turned out, negated or hedged: it was held
    ("The satellite launch did not succeed, the military said on Thursday.", "weapons_test"),
    ("North Korea's rocket launch on Monday may not have worked as intended, officials said.", "weapons_test"),
    ("The North's rocket launch on Monday did not reach orbit, Seoul said.", "weapons_test"),
    # attempts that were made
    ("North Korea made several attempts to jam GPS signals near the border on Tuesday, the military said.",
     "border_incident"),
    ("North Korea made an attempt to send trash balloons across the border on Monday, Seoul said.",
     "border_incident"),
    ("Pyongyang has made repeated attempts to launch a spy satellite since May, officials said.", "weapons_test"),
    # a causal or concurrent clause told as going on is a fact, whatever the main clause plans
    ("Seoul will not resume talks while Pyongyang is shipping artillery shells to Russia, officials said.",
     "arms_transfer"),
    ("Experts say the North will not hold talks as it is supplying artillery shells to Russia.", "arms_transfer"),
    # a meeting with a bare participle of holding took place, whatever was agreed or pledged at it
    ("The ministers agreed to expand the drills during a trilateral meeting held in Tokyo on Monday.",
     "diplomatic_engagement"),
    ("The defense ministers of Japan and South Korea pledged to deepen ties during talks held in Seoul on "
     "Tuesday.", "diplomatic_engagement"),
])
def test_told_as_done(extractor, text, etype):
    assert len(found(extractor, text, etype)) == 1


@pytest.mark.parametrize("text, etype", [
    ("North Korea called for talks with Washington on Thursday.", "diplomatic_engagement"),
    ("The North called on Seoul to hold talks.", "diplomatic_engagement"),
    # a verb of taking place negated denies it
    ("The planned missile test did not take place, officials said.", "weapons_test"),
    ("The missile launch never happened, officials said.", "weapons_test"),
    # an attempt still to be made
    ("North Korea will make another attempt to jam GPS signals, officials warned.", "border_incident"),
    # a condition is no fact
    ("Seoul will not resume talks if Pyongyang is shipping artillery shells to Russia, officials said.",
     "arms_transfer"),
    # a meeting still to be held
    ("The ministers agreed to hold drills during a meeting to be held in Tokyo next month.",
     "diplomatic_engagement"),
    ("The ministers plan to discuss the drills at a meeting scheduled for next month.", "diplomatic_engagement"),
])
def test_still_not_done(extractor, text, etype):
    assert found(extractor, text, etype) == []


@pytest.mark.parametrize("text, etype", [
    # a habit ("occasionally", "sometimes", "periodically") is background, not one event
    ("North Korean patrol boats occasionally cross the Northern Limit Line, the JCS said.", "border_incident"),
    ("North Korea sometimes flies trash balloons across the border, Seoul says.", "border_incident"),
    ("Soldiers of the North periodically defect across the demarcation line, officials said.", "border_incident"),
    # ... and so is what happened "in recent years", "in past decades"
    ("In recent years, the North has also fired artillery shells across the line.", "weapons_test"),
    ("In past decades, North Korean patrol boats have crossed the Northern Limit Line.", "border_incident"),
    ("North Korea has sent drones into the South several times in recent years, Seoul said.", "border_incident"),
])
def test_habits_are_background(extractor, text, etype):
    assert found(extractor, text, etype) == []


def test_a_first_in_years_is_one_event(extractor):
    assert len(found(extractor, "North Korea fired its first ICBM in five years on Tuesday.", "weapons_test")) == 1


def test_a_series_going_on_is_reported(extractor):
    text = "Warships of the South are frequently crossing our maritime border, the ministry said."
    assert len(found(extractor, text, "border_incident")) == 1


@pytest.mark.parametrize("text, etype", [
    # an option weighed is no fact
    ("In response, South Korea has started reviewing the option of restoring its loudspeakers along the border.",
     "border_incident"),
    ("Seoul is weighing options including resuming loudspeaker broadcasts near the DMZ.", "border_incident"),
])
def test_an_option_is_not_done(extractor, text, etype):
    assert found(extractor, text, etype) == []


@pytest.mark.parametrize("text, etype", [
    # what a response answers took place, whatever the response's own modality
    ("The allies will stage drills next week in response to the North's missile launch on Tuesday.", "weapons_test"),
    ("Seoul may impose sanctions in retaliation for the artillery attack on Yeonpyeong Island.", "border_incident"),
    ("The navy is expected to deploy a carrier as a reaction to the joint exercises of China and Russia "
     "on Monday.", "military_exercise"),
])
def test_what_a_response_answers_happened(extractor, text, etype):
    assert found(extractor, text, etype)


@pytest.mark.parametrize("text, etype", [
    # ... unless the sentence asks whether it was a response
    ("Officials did not say whether the order was a response to South Korean maneuvers near the islands.",
     "military_exercise"),
    ("It was unclear if the flights came in response to the allies' joint drills off the coast.",
     "military_exercise"),
])
def test_asked_whether_it_was_a_response(extractor, text, etype):
    assert not found(extractor, text, etype)


@pytest.mark.parametrize("text, etype", [
    # a plan told in a relative clause is still a plan
    ("The statement followed a phone call in which the two presidents agreed to combined military exercises.",
     "military_exercise"),
    ("The leaders held a summit at which they agreed to new joint drills in the Yellow Sea.", "military_exercise"),
    ("Seoul cited a meeting where the defense chiefs decided on a joint naval exercise with Tokyo.",
     "military_exercise"),
])
def test_a_plan_in_a_relative_clause_is_no_event(extractor, text, etype):
    assert not found(extractor, text, etype)


@pytest.mark.parametrize("text, etype", [
    # sides that acted together to do it did it
    ("North Korean and Russian soldiers collaborated to repel a Ukrainian incursion into the Kursk region in "
     "April, Kyiv said.", "combat_operation"),
    ("Russian and North Korean units cooperated to retake two villages in the Kursk region, Seoul said.",
     "combat_operation"),
])
def test_acting_together_to_do_it_did_it(extractor, text, etype):
    assert found(extractor, text, etype)


@pytest.mark.parametrize("text, etype", [
    # the object of a past verb of planning in a relative clause: it was held
    ("Choe was among the negotiators who prepared last year's summit between Kim and Trump in Hanoi.",
     "diplomatic_engagement"),
    ("The general who ordered the shelling of Yeonpyeong Island was promoted, Seoul said.", "border_incident"),
])
def test_the_object_of_a_plan_in_a_relative_clause_was_held(extractor, text, etype):
    assert found(extractor, text, etype)


@pytest.mark.parametrize("text, etype", [
    # a present tense after "before" tells what is still to come
    ("The bombers flew over the peninsula days before President Trump arrives in Seoul for talks with Yoon.",
     "diplomatic_engagement"),
    ("North Korea fired a missile hours before the U.S. envoy meets his South Korean counterpart in Seoul.",
     "diplomatic_engagement"),
    ("The allies ended their drills on Friday, days before Kim Jong Un meets Vladimir Putin in Vladivostok.",
     "diplomatic_engagement"),
])
def test_a_present_tense_after_before_is_still_to_come(extractor, text, etype):
    assert not found(extractor, text, etype)


@pytest.mark.parametrize("text, etype", [
    ("The envoy met Kim Jong Un in Pyongyang before he left for Beijing on Monday.", "diplomatic_engagement"),
    ("North Korea fired a missile on Monday before the envoy arrived in Seoul for talks with Yoon.",
     "diplomatic_engagement"),
])
def test_a_past_tense_after_before_happened(extractor, text, etype):
    assert found(extractor, text, etype)


@pytest.mark.parametrize("text, etype", [
    # a meeting that frames what was agreed ("as part of", "during", "at") took place; only what was agreed is a plan
    ("As part of their phone conversation with the South Korean president, the two leaders agreed to hold joint "
     "drills.", "diplomatic_engagement"),
    ("During talks with his Japanese counterpart in Seoul, the defense minister agreed to expand joint exercises.",
     "diplomatic_engagement"),
    ("At their summit in Singapore, Kim Jong Un and Donald Trump agreed to work toward denuclearization.",
     "diplomatic_engagement"),
])
def test_the_meeting_that_frames_an_agreement_took_place(extractor, text, etype):
    assert found(extractor, text, etype)


def test_what_was_agreed_stays_a_plan(extractor):
    text = "During talks with his Japanese counterpart in Seoul, the defense minister agreed to expand joint exercises."
    assert not found(extractor, text, "military_exercise")


@pytest.mark.parametrize("text", [
    "North Korea rejected a UN resolution to impose sanctions for its nuclear test on May 25.",
    "Pyongyang dismissed the new penalties over its nuclear test on May 25 as a hostile act.",
    "The North refuted the punishment for its nuclear test on May 25, the agency said.",
])
def test_what_a_rejected_sanction_punishes_took_place(extractor, text):
    """A sanction, a penalty or a punishment answers what it is for, as a response does: rejecting it
    denies nothing of the test (invented for the fresh5-b class of error)."""
    res = extractor.extract(make_doc(text, date(2025, 6, 2)))
    assert [(m.type, m.modality) for m in res.mentions if m.type == "weapons_test"] == [("weapons_test", "happened")]


def test_a_sanction_for_an_indefinite_test_tells_no_test(extractor):
    res = extractor.extract(make_doc("The envoy warned that the North would face sanctions for a nuclear test.",
                                     date(2025, 6, 2)))
    assert [m for m in res.mentions if m.type == "weapons_test" and m.modality == "happened"] == []
