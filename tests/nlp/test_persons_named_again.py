"""A person introduced with their state ("Chinese Vice Foreign Minister Wu Dawei") and named again by
surname alone ("Wu met ...", "Mr Wen") is still of that state: a side of the meetings they hold (issue 11,
round 14: the conducted_by of diplomatic engagements on the dev sets). All texts are written for these tests."""
from datetime import date

import pytest

from .helpers import meetings

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, sides", [
    ("Chinese Vice Foreign Minister Wu Dawei arrived in Seoul on Monday. On Tuesday, Wu held talks with "
     "U.S. officials in Washington.", {"China", "United States"}),
    ("Mongolia's Foreign Minister Batmunkh Battsetseg spoke to reporters on Monday. Battsetseg later met North "
     "Korean officials in Pyongyang.", {"Mongolia", "North Korea"}),
    ("Vietnamese Prime Minister Pham Minh Chinh flew to Beijing on Monday. On Tuesday, Mr. Pham met South "
     "Korean officials there.", {"Vietnam", "South Korea"}),
])
def test_a_person_named_again_keeps_their_state(extractor, text, sides):
    assert set(meetings(extractor, text, date(2025, 3, 14))[-1]) == sides


def test_a_surname_of_two_states_names_none(extractor):
    # two persons of one surname and two states: the surname alone names neither
    text = ("U.S. envoy John Lee and Chinese diplomat Lee Bo spoke on Monday. On Tuesday, Lee met North "
            "Korean officials in Pyongyang.")
    assert not any({"United States", "China"} & set(sides) for sides in meetings(extractor, text, date(2025, 3, 14)))



def test_a_word_of_another_persons_name_names_no_one(extractor):
    # "Alexander" of a Russian named before is not the Alexander of another name: the two meetings stay apart
    text = ("Russian Ambassador Alexander Petrov said the visit went well. Japanese Defense Minister Alexander "
            "Tanaka met North Korean officials in Pyongyang on Monday.")
    assert [set(s) for s in meetings(extractor, text, date(2025, 3, 14))] == [{"Japan", "North Korea"}]
