"""A habit told in a relative clause of another noun is no habit of the event (issue 11, round 13: the
errors of the fresh6-c dev set): "sent shells to Moscow, now half of the munitions Russia fires daily" is one
transfer; the cue's own clause, or its own relative clause, telling a habit still makes it none. All texts
are written for these tests."""
from datetime import date

import pytest

from .helpers import happened

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, kind", [
    ("North Korea sent millions of shells to Moscow, now half of the munitions that Russia fires every year.",
     "arms_transfer"),
    ("South Korean marines staged a drill on Monday near the island where the North holds artillery practice "
     "every year.", "military_exercise"),
    ("Pyongyang has shipped rockets to the Russian army, which fires them at Ukrainian towns every year.",
     "arms_transfer"),
    ("North Korea sent artillery shells to Moscow, roughly half of the rounds that Russian gunners fire every year.",
     "arms_transfer"),
])
def test_a_habit_of_another_noun_leaves_the_event(extractor, text, kind):
    assert kind in happened(extractor, text)


@pytest.mark.parametrize("text", [
    "South Korea and the United States hold the drills every year.",
    "The allies staged the drills, which take place every year in the spring.",
])
def test_a_habit_of_the_event_itself_is_none(extractor, text):
    assert "military_exercise" not in happened(extractor, text)
