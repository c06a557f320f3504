"""Combat in Russia's war told in ways the cues misread: soldiers filmed, not taken; losses of troops; an
event told by a noun and again by its verb. All texts are written for these tests."""
from datetime import date

import pytest

from .helpers import happened, make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)


def combats(extractor, text: str) -> int:
    return happened(extractor, text, D).count("combat_operation")


# soldiers "captured" on video, in footage or in photos are filmed, not taken prisoner
@pytest.mark.parametrize("text", [
    "North Korean soldiers in Kursk were captured on video by a Ukrainian drone on Monday.",
    "A Ukrainian drone captured North Korean troops on camera near the front line in Kursk.",
    "North Korean infantry advancing in the Kursk region were captured in drone footage released by Kyiv.",
])
def test_captured_on_video_is_no_capture(extractor, text):
    assert combats(extractor, text) == 0


def test_capture_in_a_place_stays_one(extractor):
    assert combats(extractor, "Ukrainian forces captured two North Korean soldiers in Kursk on Thursday, "
                              "the spy agency said.") == 1
