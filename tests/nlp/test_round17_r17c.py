"""Round 17 (claims): figures the claims reader missed or misread, by class (nlp/claims.py,
data/claim_properties.toml). All texts are invented for these tests."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)


def claims(extractor, text: str) -> set[tuple]:
    doc = make_doc(text, D)
    return {(c.property, c.value, c.bound) for c in extractor.extract(doc).claims}


# how long an exercise lasts is a figure of the exercise
@pytest.mark.parametrize("text, days", [
    ("Seoul and Washington opened a 12-day joint exercise on Monday, the JCS said.", 12),
    ("The navies said the combined drill will last 6 days and involve two carriers.", 6),
    ("The allies called the 11 day Iron Shield exercise defensive in nature.", 11),
    ("The annual drills, which began on Monday, will run for nine days, the ministry said.", 9),
    ("The air forces held a two-week training over the peninsula in April.", 14),
])
def test_an_exercise_lasts(extractor, text, days):
    assert ("duration_days", days, "eq") in claims(extractor, text)


@pytest.mark.parametrize("text", [
    # a time offset or window, no length
    "The launch came four days after the allies began their drill, the JCS said.",
    "It was the North's third such drill in a week, Seoul said.",
    "The tension comes a week ahead of the allies' annual exercise.",
    "Two days later the army resumed the drills near the border.",
    # the length of a visit is left alone
    "Putin is on a three-day visit to Pyongyang, state media said.",
])
def test_a_time_offset_is_no_duration(extractor, text):
    assert not {c for c in claims(extractor, text) if c[0] == "duration_days"}
