"""Diplomatic engagements told in the background of a sentence (issue 11, round 10): a past meeting in a
relative clause of a planned one, an agreement named by a participle with its signers, a relative clause
on an agreement already told, a discussion held with someone. All texts are invented for these tests."""
from datetime import date

import pytest

from .helpers import make_doc, meetings

pytestmark = pytest.mark.model

D = date(2025, 3, 14)
DIPLO = "diplomatic_engagement"


@pytest.mark.parametrize("text", [
    # a past meeting told in a relative clause: a fact, whatever the sentence plans
    "Aides are working on setting up a summit with Kim Jong Un, whom Trump last met on June 30, 2019.",
    "Seoul proposed new talks with Chinese Foreign Minister Wang Yi, who visited Pyongyang on April 12, 2024.",
    "Tokyo hopes to arrange a meeting with the North Korean envoy, who held talks with U.S. officials on "
    "May 2, 2024.",
])
def test_a_past_meeting_in_a_relative_clause_happened(extractor, text):
    assert meetings(extractor, text)


@pytest.mark.parametrize("text", [
    # ... but the planned meeting alone, or a relative clause told in the future, is no meeting held
    "Aides are working on setting up a summit between Trump and Kim Jong Un.",
    "Aides are working on setting up a summit with Kim Jong Un, whom Trump will meet on June 30, 2025.",
    "Seoul proposed new talks with Chinese Foreign Minister Wang Yi, who may visit Pyongyang on April 12, 2025.",
])
def test_a_planned_meeting_stays_out(extractor, text):
    assert meetings(extractor, text) == []


@pytest.mark.parametrize("text", [
    # an agreement named by the participle of its signing, with who signed it
    "The drills marked a year since the defense deal signed by Russia and North Korea in Pyongyang.",
    "Seoul scrapped the military accord signed by the defense chiefs of the two Koreas on September 19, 2018.",
    "Tehran cited the arms agreement signed by Pyongyang and Moscow in June, state media said.",
    # ... whatever the clause it describes plans
    "The accord, signed by Putin and Kim Jong Un in Pyongyang, calls on each side to aid the other.",
])
def test_an_agreement_signed_by_its_parties(extractor, text):
    assert meetings(extractor, text)


@pytest.mark.parametrize("text", [
    # a letter or message received is no meeting, even named by a participle
    "Kim Jong Un praised the letter received by North Korea from Chinese President Xi Jinping on Monday.",
    "The message delivered to Pyongyang and received by the North Korean leader came from Moscow.",
])
def test_a_letter_received_is_no_meeting(extractor, text):
    assert meetings(extractor, text) == []


@pytest.mark.parametrize("text", [
    # a relative clause or participle describing an agreement or meeting already named tells it again: it
    # never gives the event its evidence
    "Putin signed a defense treaty with Kim Jong Un on Wednesday. Russia does not rule out arms cooperation "
    "with North Korea under the treaty that was signed on Wednesday, Putin said.",
    "The two Koreas signed a military agreement in Pyongyang on Wednesday. South Korea will not scrap the "
    "agreement that was signed with North Korea on Wednesday, Seoul said.",
])
def test_a_relative_clause_on_a_told_event_restates_it(extractor, text):
    res = extractor.extract(make_doc(text, D))
    found = [m for m in res.mentions if m.type == DIPLO]
    assert len(found) == 1 and found[0].evidence.start == 0


@pytest.mark.parametrize("text", [
    # a discussion held with a person or a party
    "On Wednesday, the U.N. envoy discussed humanitarian aid with North Korean Vice Foreign Minister Pak "
    "Myong Guk, KCNA said.",
    "Russian Deputy Foreign Minister Igor Morgulov discussed the situation in Korea with her on Friday.",
    "The Chinese ambassador exchanged views with North Korean Foreign Minister Choe Son Hui on Tuesday.",
    "On Monday, the envoy discussed food aid and other issues of common interest with North Korean Vice "
    "Foreign Minister Pak Myong Guk.",
])
def test_a_discussion_with_someone_is_a_meeting(extractor, text):
    assert meetings(extractor, text)


@pytest.mark.parametrize("text", [
    # discussing alone, with no one, or planning to: no meeting
    "South Korean and Japanese officials discussed how to respond to North Korea's launch, Seoul said.",
    "The Japanese minister discussed the North Korean threat with concern in parliament on Friday.",
    "The U.S. envoy will discuss the crisis with Chinese Foreign Minister Wang Yi on Friday.",
])
def test_discussing_without_a_counterpart_is_no_meeting(extractor, text):
    assert meetings(extractor, text) == []


@pytest.mark.parametrize("text", [
    # two coordinated clauses with subjects of their own, each with its own day: two meetings
    "Russian Deputy Defense Minister Alexander Fomin met with Choe Son Hui on March 3, 2025, and Deputy "
    "Foreign Minister Igor Morgulov held talks with her on March 4, 2025.",
    "Chinese Foreign Minister Wang Yi met Ri Son Gwon on May 5, 2024, and Premier Li Qiang received him on "
    "May 6, 2024.",
])
def test_two_clauses_with_their_own_subjects_are_two_meetings(extractor, text):
    assert len(meetings(extractor, text)) == 2


def test_one_subject_visiting_and_meeting_is_one_meeting(extractor):
    assert len(meetings(extractor, "Kim Jong Un visited Russia on March 3, 2025, and met Vladimir Putin.")) == 1


@pytest.mark.parametrize("text", [
    # a "with" clause with its own subject asserts its meeting, whatever the sentence plans
    "Diplomats are working to organise a summit between Trump and Kim, with U.S. Secretary of State Mike "
    "Pompeo also meeting North Korean envoy Kim Yong Chol in New York on Wednesday.",
    "Seoul hopes to revive talks with Pyongyang, with Chinese Foreign Minister Wang Yi visiting North Korea "
    "on Tuesday.",
])
def test_a_with_clause_of_its_own_is_asserted(extractor, text):
    assert meetings(extractor, text)
