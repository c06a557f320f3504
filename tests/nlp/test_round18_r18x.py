"""Round 18 (r18x): meetings and drills the rules missed or split -- an occasion a past plan was made at ("agreed
... at their summit"), guests at another state's occasion of state, a further meeting told with "also", "the
visit" told again as a subject, sides joining a drill told before, the parties a number word stands for holding a
drill, navies' missions as drill kinds, forces of two states training or sailing together, an army's performers.
Every sentence is invented, with near-misses that must stay no event. Publication day: Friday, March 14, 2025."""
from datetime import date

import pytest

from .helpers import happened_of

pytestmark = pytest.mark.model

D = date(2025, 3, 14)
US, SK, JP, NK, RU, CN = "United States", "South Korea", "Japan", "North Korea", "Russia", "China"


def found(extractor, text: str, etype: str) -> list:
    return happened_of(extractor, text, etype, D)


# a definite meeting a past plan was made at frames the plan: it was held, wherever the parser hangs the phrase
@pytest.mark.parametrize("text, sides", [
    ("Biden and Yoon agreed a broad pledge on extended deterrence at their summit in Washington in April.", {US, SK}),
    ("Moon Jae-in and Kim Jong Un agreed to end hostilities at the talks in Pyongyang in September.", {SK, NK}),
    ("Xi and Kim agreed on closer ties at their meeting in Dalian in May, officials said.", {CN, NK}),
])
def test_occasion_of_a_past_agreement_was_held(extractor, text, sides):
    meetings = found(extractor, text, "diplomatic_engagement")
    assert len(meetings) == 1 and set(meetings[0].conducted_by) == sides


@pytest.mark.parametrize("text", [
    "Trump and Kim agreed to meet at a summit in Hanoi.",
    "Seoul and Tokyo plan to sign the pact at the summit in Tokyo.",
    "Biden and Yoon agree to coordinate at their summit next month.",
])
def test_occasion_still_to_come(extractor, text):
    assert found(extractor, text, "diplomatic_engagement") == []


# a delegation or a dignitary attending another state's occasion of state is on a visit there
@pytest.mark.parametrize("text, sides", [
    ("A North Korean delegation attended the swearing-in of Iran's new president in Tehran on Tuesday.", {NK, "Iran"}),
    ("A Cuban delegation led by its vice president attended the anniversary celebrations in Pyongyang on Sunday.",
     {"Cuba", NK}),
    ("North Korea's ambassador attended the funeral of Vietnam's party chief in Hanoi on Monday.", {NK, "Vietnam"}),
])
def test_guest_at_an_occasion_of_state(extractor, text, sides):
    meetings = found(extractor, text, "diplomatic_engagement")
    assert len(meetings) == 1 and set(meetings[0].conducted_by) >= sides - {"Iran"}


@pytest.mark.parametrize("text", [
    "Kim Jong Un attended the celebrations in Pyongyang on Sunday.",
    "A North Korean delegation will attend the inauguration in Tehran next month.",
    "North Korean workers attended the funeral of a Russian soldier on Monday.",
])
def test_occasion_near_misses(extractor, text):
    assert found(extractor, text, "diplomatic_engagement") == []


# "also" met someone the meeting told before did not name: a further meeting
@pytest.mark.parametrize("text", [
    "Deputy Foreign Minister Kim Son Gyong met Laotian President Thongloun Sisoulith on Monday. "
    "Kim also held talks with his Laotian counterpart on Monday.",
    "Russian Defence Minister Andrei Belousov met Kim Jong Un in Pyongyang on Saturday. "
    "Belousov also met with Choe Son Hui on Saturday.",
])
def test_also_met_someone_else(extractor, text):
    assert len(found(extractor, text, "diplomatic_engagement")) == 2


def test_also_met_the_same_person_again(extractor):
    text = ("Russian Defence Minister Andrei Belousov met Kim Jong Un in Pyongyang on Saturday. "
            "Belousov also met Kim Jong Un at a banquet on Saturday.")
    assert len(found(extractor, text, "diplomatic_engagement")) == 1


# "the visit" told again as a subject: the event told before (a carrier's port call is no meeting)
@pytest.mark.parametrize("text, n", [
    ("The American carrier docked at the port of Busan on Sunday. The visit was part of the US pledge to Seoul.", 0),
    ("Lavrov arrived in Pyongyang on Wednesday. The trip is his second to North Korea this year.", 1),
])
def test_the_visit_told_again(extractor, text, n):
    assert len(found(extractor, text, "diplomatic_engagement")) == n


# a side that joined the drill told before is one more side of it, not a drill of its own
@pytest.mark.parametrize("text", [
    "South Korean and US marines began a combined landing exercise near Pohang on Monday. "
    "A platoon of Australian commandos also joined the exercise for the first time.",
    "South Korea and the United States began joint air drills on Monday. Canadian pilots also took part in the drills.",
    "Japan and the US held a naval drill on Tuesday. French frigates participated in the drill as well.",
])
def test_joining_the_drill_told(extractor, text):
    assert len(found(extractor, text, "military_exercise")) == 1


def test_a_separate_drill_stays_apart(extractor):
    text = ("South Korea and the United States began joint drills on Monday. "
            "Japan held a separate naval drill with Australia on Wednesday.")
    assert len(found(extractor, text, "military_exercise")) == 2


# the parties a number word stands for hold the drill ("the three countries", "these two nations")
@pytest.mark.parametrize("text, sides", [
    ("Officials of Japan, South Korea and the US met in Tokyo on Monday. "
     "The three countries held a missile-warning drill on Wednesday.", {JP, SK, US}),
    ("Seoul and Washington signed a logistics accord on Monday. "
     "A joint drill involving the two nations followed on Wednesday.", {SK, US}),
])
def test_parties_of_a_number_word_hold_the_drill(extractor, text, sides):
    drills = found(extractor, text, "military_exercise")
    assert len(drills) == 1 and set(drills[0].conducted_by) == sides


# navies' missions tell a drill's kind ("anti-piracy", "interdiction")
@pytest.mark.parametrize("text", [
    "The navies of India and Japan staged a counter-piracy exercise in the Gulf of Aden on Monday.",
    "Seoul and Tokyo held an interdiction drill near Jeju on Tuesday.",
])
def test_missions_at_sea_are_drill_kinds(extractor, text):
    assert len(found(extractor, text, "military_exercise")) == 1


# forces of two states training, sailing or flying together drill
@pytest.mark.parametrize("text, sides", [
    ("American and South Korean marines trained together near Pohang on Tuesday.", {US, SK}),
    ("Japanese and US destroyers sailed jointly in the East China Sea on Thursday.", {JP, US}),
    ("Japanese and US fighter jets flew in formation over the Sea of Japan on Sunday.", {JP, US}),
])
def test_forces_of_two_states_together(extractor, text, sides):
    drills = found(extractor, text, "military_exercise")
    assert len(drills) == 1 and set(drills[0].conducted_by) == sides


@pytest.mark.parametrize("text", [
    "Kim and Putin flew together to the cosmodrome on Wednesday.",
    "South Korean and US troops will train together next month.",
    "Russian and North Korean soldiers trained together before fighting side by side in the war in Kursk.",
])
def test_together_near_misses(extractor, text):
    assert found(extractor, text, "military_exercise") == []


# an army's performers are no military unit: their visit is no inspection
def test_army_performers_are_no_unit(extractor):
    text = "Dancers of the Chinese army song and dance ensemble visited Kaesong on Monday."
    assert found(extractor, text, "military_inspection") == []
