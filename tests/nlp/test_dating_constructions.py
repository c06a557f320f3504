"""Constructions of news copy whose dates nkwatch used to get wrong (stop 29's phrasing probes), through the
real temporal tagger: a wrong date is worse than none. All texts are invented for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from .helpers import titled_mentions

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday


def found(pipeline, text: str, etype: str) -> list:
    return titled_mentions(pipeline, text, etype, D)


def test_a_date_of_the_pace_of_a_lasting_event_is_not_its_date(pipeline):
    text = ("North Korea's transfer of ballistic missiles to Russia, which began late in 2023, has accelerated "
            "this year, officials said.")
    assert [m.date.value for m in found(pipeline, text, "arms_transfer")] == [None]


def test_a_day_counted_after_a_second_object_is_that_objects(pipeline):
    # "two days later" is the rail line's day: never the road's
    text = "North Korean troops blew up a road near the border on Tuesday and a rail line two days later."
    assert "2025-03-11" in [m.date.value for m in found(pipeline, text, "border_incident")]
    assert "2025-03-13" not in [m.date.value for m in found(pipeline, text, "border_incident")[:1]]


def test_objects_named_in_apposition_each_with_their_day(pipeline):
    text = "North Korea tested an ICBM, the Hwasong-18, in December 2023, and another, the Hwasong-19, ten months later."
    assert [m.date.value for m in found(pipeline, text, "weapons_test")] == ["2023-12", "2024-10"]


def test_a_day_and_month_of_last_year(pipeline):
    text = "North Korean artillery fired more than 200 shells near the western border islands on Jan. 5 last year."
    assert [m.date.value for m in found(pipeline, text, "border_incident")] == ["2024-01-05"]


@pytest.mark.parametrize("text, when", [
    ("North Korea exploded a nuclear device on Monday, startling the world.", "2025-03-10"),
    ("North Korea exploded a hydrogen bomb in September 2017, its sixth nuclear test.", "2017-09"),
])
def test_a_nuclear_device_exploded_is_a_nuclear_test(pipeline, text, when):
    (m,) = found(pipeline, text, "weapons_test")
    assert (m.date.value, m.weapon_class) == (when, "nuclear_test")


def test_a_threat_to_explode_a_bomb_is_no_test(pipeline):
    assert not found(pipeline, "North Korea threatened to explode a hydrogen bomb over the Pacific.", "weapons_test")


@pytest.mark.parametrize("text, when, bound", [
    # a date opening the sentence, the attribution trailing: the firing's day
    ("On Feb. 26, North Korea test-fired strategic cruise missiles, the KCNA said.", "2025-02-26", "on"),
    # the attribution first: the day it was reported, the firing on or before it
    ("On Feb. 26, the KCNA said North Korea had test-fired strategic cruise missiles.", "2025-02-26", "on_or_before"),
])
def test_a_fronted_date_and_a_trailing_attribution(pipeline, text, when, bound):
    (m,) = found(pipeline, text, "weapons_test")
    assert (m.date.value, m.date.bound) == (when, bound)
