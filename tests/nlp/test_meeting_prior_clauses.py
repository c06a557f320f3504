"""The sides of a meeting are the states its own clause names, not those of a clause a preposition opens on it
("arrived in Beijing, weeks after accusing Washington of hostility") (issue 11, round 14: the conducted_by of
diplomatic engagements on the dev sets). All texts are written for these tests."""
from datetime import date

import pytest

from .helpers import meetings

pytestmark = pytest.mark.model


# a state named in a clause that a preposition opens on the visit ("after accusing Washington") is no side
@pytest.mark.parametrize("text, sides", [
    ("Kim Jong Un arrived in Beijing on Monday, weeks after accusing Washington of hostility.",
     {"North Korea", "China"}),
    ("Days after threatening to walk away from talks with the United States, Kim Jong Un arrived in Moscow "
     "on Monday.", {"North Korea", "Russia"}),
    ("Putin arrived in Pyongyang on Wednesday, a day after criticizing Japan's defense buildup.",
     {"Russia", "North Korea"}),
])
def test_a_state_in_a_clause_before_the_visit_is_no_side(extractor, text, sides):
    assert [set(s) for s in meetings(extractor, text, date(2025, 3, 14))] == [sides]


def test_a_meeting_told_in_a_clause_under_a_preposition_keeps_its_sides(extractor):
    text = ("The forum closed on Monday, with U.S. Secretary of State Antony Blinken also meeting Chinese Foreign "
            "Minister Wang Yi in Bangkok.")
    assert {"United States", "China"} <= set(meetings(extractor, text, date(2025, 3, 14))[0])
