"""Within-document merging: a satellite named alone and named with the rocket that carried it is one
launch ("the Malligyong-1" / "the Malligyong-1 atop a Chollima-1 rocket"); two different weapons stay two
(issue 11)."""
from __future__ import annotations

from datetime import date

import pytest

from nkwatch.nlp.merge import _weapons_compatible

from .helpers import make_doc


def launches(extractor, text: str) -> list:
    res = extractor.extract(make_doc(text, date(2025, 3, 14)))
    return [m for m in res.mentions if m.type == "weapons_test"]


@pytest.mark.parametrize("text", [
    "North Korea put its Kwangmyongsong-4 satellite into orbit on Sunday, state media said.\n"
    "On Sunday, the Kwangmyongsong-4 satellite was launched atop an Unha-3 rocket from the Sohae station.",
    "North Korea launched the Malligyong-1 satellite on Tuesday, state media said.\n"
    "On Tuesday, the Malligyong-1 satellite was launched atop a Chollima-1 rocket from the Sohae station.",
])
def test_a_satellite_named_with_its_rocket_is_the_same_launch(extractor, text):
    assert len(launches(extractor, text)) == 1


def test_weapon_names():
    assert _weapons_compatible("Malligyong-1", "Malligyong-1 on Chollima-1")
    assert _weapons_compatible("Malligyong-1 on Chollima-1", "Malligyong-1")
    assert not _weapons_compatible("Hwasong-15", "Hwasong-17")
    assert not _weapons_compatible("Chollima-1", "Malligyong-1 on Chollima-1")
