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
