"""Within-document merging: the same cue with two different ordinals ("its third nuclear test" /
"its fourth nuclear test", "the second launch" / "the first launch") reports two events; a nuclear
blast is a nuclear test, not the missile test told beside it. All texts are written for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)


def weapons_tests(extractor, text: str, published=D) -> list:
    return [m for m in extractor.extract(make_doc(text, published)).mentions if m.type == "weapons_test"]


@pytest.mark.parametrize("text", [
    ("Washington flew a bomber over the peninsula after North Korea's fourth nuclear test, officials said.\n"
     "A similar flight followed Pyongyang's third nuclear test, the Pentagon said."),
    ("The North carried out its sixth nuclear test, the agency said.\n"
     "Its fifth nuclear test had drawn fresh sanctions from the council."),
    ("Analysts said the second launch of the spy satellite carried a new engine.\n"
     "The first launch of the spy satellite ended in failure, Seoul said."),
])
def test_the_same_cue_with_two_ordinals_is_two_events(extractor, text):
    assert len(weapons_tests(extractor, text)) == 2


@pytest.mark.parametrize("text", [
    # one ordinal, or the same one twice: the same test told again
    ("North Korea carried out its sixth nuclear test on Sunday, the agency said.\n"
     "The sixth nuclear test was the most powerful yet, experts said."),
    ("North Korea carried out its sixth nuclear test on Sunday, the agency said.\n"
     "The nuclear test drew condemnation from Tokyo."),
])
def test_one_ordinal_is_one_event(extractor, text):
    assert len(weapons_tests(extractor, text)) == 1


@pytest.mark.parametrize("text", [
    "In recent months the North has tested ICBMs and carried out its sixth nuclear blast, officials said.",
    "Pyongyang fired an ICBM in July and conducted a nuclear blast in September, Seoul said.",
    "The regime staged an atomic blast weeks after it launched an intermediate-range missile, analysts said.",
])
def test_a_nuclear_blast_is_a_nuclear_test_beside_a_missile_test(extractor, text):
    found = weapons_tests(extractor, text)
    assert "nuclear_test" in {m.weapon_class for m in found}
    assert len(found) == 2


@pytest.mark.parametrize("text", [
    # each ordinal counts in its own series: one launch
    ("North Korea fired a ballistic missile on Wednesday, its first missile launch since June, Seoul said.\n"
     "This marks its fifth ballistic missile launch of 2025."),
    ("The North test-fired a cruise missile on Monday, its second launch this month, officials said.\n"
     "It was the regime's ninth missile launch of the year."),
])
def test_ordinals_of_different_series_are_one_event(extractor, text):
    assert len(weapons_tests(extractor, text)) == 1
