"""Naval battles between the two Koreas told in the plural, as background of another story (issue 11,
round 13: the errors of the fresh6-c and fresh3-w dev sets): each battle is a combat operation of both
navies, dated by its year. All texts are written for these tests."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)


def battles(extractor, text):
    res = extractor.extract(make_doc(text, D))
    return [(m.conducted_by, m.date.value) for m in res.mentions if m.type == "combat_operation"]


@pytest.mark.parametrize("text", [
    "Fishing boats left the Yellow Sea area that was the scene of deadly naval clashes between the two Koreas "
    "in June 1999.",
    "The navies of North and South Korea fought bloody naval battles near the Northern Limit Line in June 1999.",
    "Three naval skirmishes between the two Koreas took place near the Northern Limit Line in June 1999.",
])
def test_naval_battles_in_the_plural(extractor, text):
    found = battles(extractor, text)
    assert found
    assert all(set(sides) == {"North Korea", "South Korea"} for sides, _ in found)
