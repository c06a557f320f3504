"""A meeting verb whose counterparts are persons of different foreign states ("met Putin and
Lukashenko"): one meeting per counterpart, each held by the visitor's side and the counterpart's state
(issue 11, round 11). All texts are invented for these tests."""
from datetime import date

import pytest

from .helpers import make_doc, meetings

pytestmark = pytest.mark.model

D = date(2025, 3, 14)


@pytest.mark.parametrize("text, sides", [
    ("Kim Jong Un met Chinese President Xi Jinping and Russian President Vladimir Putin in Beijing on March 3, 2025.",
     [{"North Korea", "China"}, {"North Korea", "Russia"}]),
    ("North Korean Foreign Minister Choe Son Hui held talks with Russian Foreign Minister Sergei Lavrov and "
     "Chinese Foreign Minister Wang Yi during the forum on March 3, 2025.",
     [{"North Korea", "Russia"}, {"North Korea", "China"}]),
    ("On March 3, 2025, Kim Jong Un received Belarusian President Alexander Lukashenko and Vietnamese President "
     "To Lam at the Kumsusan Palace.",
     [{"North Korea", "Belarus"}, {"North Korea", "Vietnam"}]),
])
def test_counterparts_of_two_states_are_two_meetings(extractor, text, sides):
    got = meetings(extractor, text, D)
    assert sorted(map(sorted, map(set, got))) == sorted(map(sorted, sides))


def test_each_meeting_has_its_own_evidence(extractor):
    text = "Kim Jong Un met Chinese President Xi Jinping and Russian President Vladimir Putin in Beijing on March 3, 2025."
    res = extractor.extract(make_doc(text, D))
    spans = [text[m.evidence.start:m.evidence.end] for m in res.mentions if m.type == "diplomatic_engagement"]
    assert len(spans) == 2
    assert any("Xi Jinping" in s and "Putin" not in s for s in spans)
    assert any("Putin" in s and "Xi Jinping" not in s for s in spans)


@pytest.mark.parametrize("text", [
    # two counterparts of one state: one meeting
    "Kim Jong Un met Russian President Vladimir Putin and Russian Defense Minister Andrei Belousov on March 3, 2025.",
    # a three-way meeting told as one
    "Moon Jae-in met Donald Trump and Kim Jong Un together at Panmunjom on March 3, 2025.",
    "Trump held a trilateral meeting with South Korean President Yoon Suk Yeol and Japanese Prime Minister "
    "Fumio Kishida at Camp David on March 3, 2025.",
])
def test_one_meeting_stays_one(extractor, text):
    assert len(meetings(extractor, text, D)) == 1


@pytest.mark.parametrize("text", [
    # one sentence, two meetings of the visitor with two named officials of the host
    "Russian Foreign Minister Sergei Lavrov held talks with Kim Jong Un on March 8, 2025. Lavrov's talks with "
    "Kim Jong Un came after a meeting with Foreign Minister Choe Son Hui.",
    "Chinese Foreign Minister Wang Yi met Kim Jong Un in Pyongyang on March 8, 2025. His meeting with Kim Jong Un "
    "followed talks with Choe Son Hui, the North's foreign minister.",
    "Sergei Shoigu met Kim Jong Un in Pyongyang on March 8, 2025. His talks with Choe Son Hui preceded a "
    "meeting with Kim Jong Un, Russian media said.",
])
def test_a_second_meeting_with_another_named_official_stays_apart(extractor, text):
    assert len(meetings(extractor, text, D)) == 2


@pytest.mark.parametrize("text", [
    # the official present at the meeting told before is no meeting of its own
    "Sergei Lavrov held talks with Kim Jong Un on March 8, 2025. Choe Son Hui was also present at the talks.",
    "Sergei Lavrov held talks with Kim Jong Un on March 8, 2025. His talks with Kim Jong Un followed the "
    "meeting with Kim Jong Un last year.",
])
def test_one_meeting_with_its_attendees_stays_one(extractor, text):
    assert len(meetings(extractor, text, D)) == 1


@pytest.mark.parametrize("text", [
    "Russian Foreign Minister Sergei Lavrov met Kim Jong Un on March 8, 2025. His talks with Kim Jong Un on "
    "Saturday followed a meeting with his North Korean counterpart, Choe Son Hui.",
    "Chinese Foreign Minister Wang Yi met Kim Jong Un on March 8, 2025. His meeting with Kim Jong Un came after "
    "talks with the North's foreign minister, Choe Son Hui.",
])
def test_the_second_meeting_is_held_by_the_visitor_too(extractor, text):
    got = meetings(extractor, text, D)
    assert len(got) == 2 and all(len(set(s)) == 2 for s in got)
