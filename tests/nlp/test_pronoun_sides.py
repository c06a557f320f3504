"""A side named by a pronoun (issue 11, round 13: the errors of the fresh6-c dev set): "he met Trump in
Singapore", "it sent shells to Moscow" name one state and a pronoun standing for another (the state of the
subject told before): a foreign meeting, a foreign transfer, with the pronoun's state among its sides. A
pronoun standing for the state the clause names is no second state. All texts are written for these tests."""
from datetime import date

import pytest

from .helpers import make_doc, meetings

pytestmark = pytest.mark.model

D = date(2025, 3, 14)


@pytest.mark.parametrize("text, other", [
    ("Kim Jong Un rarely leaves North Korea. A year earlier, he met Trump in Singapore.", "United States"),
    ("Kim Jong Un rarely travels abroad. In 2023, he traveled to Russia for talks with Putin.", "Russia"),
    ("The North Korean leader arrived by train. On Wednesday he held talks with Xi Jinping in Beijing.", "China"),
    ("Sergei Lavrov landed in Pyongyang on Monday. He met Choe Son Hui on Tuesday.", "North Korea"),
])
def test_a_pronoun_side_makes_a_meeting_foreign(extractor, text, other):
    found = meetings(extractor, text)
    assert len(found) == 1
    assert other in found[0] and len(found[0]) == 2


@pytest.mark.parametrize("text", [
    # the pronoun stands for the state the clause names: one state, no foreign meeting
    "Kim Jong Un returned to Pyongyang on Monday. On Tuesday he met party officials in Pyongyang.",
    "Kim Jong Un returned to Pyongyang on Monday. He met senior party cadres in Wonsan on Tuesday.",
])
def test_a_pronoun_of_the_same_state_is_no_second_side(extractor, text):
    assert meetings(extractor, text) == []


def transfers(extractor, text):
    res = extractor.extract(make_doc(text, D))
    return [m.conducted_by for m in res.mentions if m.type == "arms_transfer"]


@pytest.mark.parametrize("text", [
    "North Korea has become a major supplier. It sent millions of artillery shells to Moscow last year.",
    "Pyongyang denies the trade. But it has shipped ballistic missiles to Russia, officials say.",
    "North Korea is short of food. In return, it has supplied rockets to the Russian army.",
])
def test_a_pronoun_sender_makes_a_transfer_foreign(extractor, text):
    assert transfers(extractor, text) == [["North Korea"]]



@pytest.mark.parametrize("text, sides", [
    # "this is his visit": the possessor of a noun a demonstrative or "it" is said to be is its side
    ("Kim Jong Un rarely leaves North Korea. This is his first visit to China since 2019.",
     {"North Korea", "China"}),
    ("Kim Jong Un arrived in Vladivostok on Tuesday. It was his third trip to Russia.", {"North Korea", "Russia"}),
    ("North Korean Foreign Minister Choe Son Hui landed in Moscow on Monday. This is her second visit to Russia.",
     {"North Korea", "Russia"}),
])
def test_the_possessor_of_what_this_is_takes_part(extractor, text, sides):
    found = meetings(extractor, text)
    assert found and set(found[-1]) == sides


def test_what_a_named_subject_is_stays_its_own(extractor):
    # "X became Moscow's supplier": X, whoever Moscow is
    assert transfers(extractor, "North Korea became Moscow's main supplier of artillery shells last year.") \
        == [["North Korea"]]


@pytest.mark.parametrize("text, sides", [
    # "he" stands for a person named before it, not for a state named before it as a place
    ("Kim Jong Un left Pyongyang on Monday. After a stop in China, he met Vladimir Putin in Vladivostok.",
     {"North Korea", "Russia"}),
    ("North Korean Foreign Minister Choe Son Hui left Pyongyang on Monday. After a stop in China, she met "
     "Sergei Lavrov in Moscow.", {"North Korea", "Russia"}),
])
def test_he_stands_for_a_person_not_a_place(extractor, text, sides):
    found = meetings(extractor, text)
    assert found and set(found[-1]) == sides
