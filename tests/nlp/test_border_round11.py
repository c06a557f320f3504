"""Border incidents of round 11 on invented sentences: artillery aimed at a sea by any of its names,
an incident a relative or "when" clause tells beside another of its type, incidents listed by date.
All texts are written for these tests."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday


def mentions(extractor, text: str, etype: str, published: date | None = D):
    res = extractor.extract(make_doc(text, published))
    return [m for m in res.mentions if m.type == etype]


@pytest.mark.parametrize("text", [
    # artillery fired toward or into a sea, whatever the sea's name or the preposition
    "The North Korean army fired artillery shells toward the Yellow Sea on Friday, the JCS said.",
    "North Korea fired dozens of artillery rounds towards the Sea of Japan on Tuesday.",
    "North Korean coastal artillery units fired shells into the waters off the west coast on Monday.",
])
def test_artillery_fired_toward_a_sea_is_an_incident(extractor, text):
    assert mentions(extractor, text, "border_incident") and not mentions(extractor, text, "weapons_test")


@pytest.mark.parametrize("text", [
    # a sea named elsewhere than where the shells went; a new gun's test-fire
    "North Korea fired artillery shells on Friday from a base near the Yellow Sea coast during a drill.",
    "North Korea test-fired a new artillery system toward the Yellow Sea on Friday.",
])
def test_artillery_not_aimed_at_a_sea_stays_a_test(extractor, text):
    assert mentions(extractor, text, "weapons_test") and not mentions(extractor, text, "border_incident")
