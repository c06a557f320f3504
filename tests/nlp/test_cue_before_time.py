"""A noun cue the parser hangs on the time phrase after it ("since the troops' deployment last autumn":
deployment as a modifier of autumn) reports its event as the cue of the phrase would (issue 11, round 11).
All texts are invented for these tests."""
import pytest

from .helpers import happened

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, etype", [
    ("Kyiv said two soldiers were captured, the first capture since the troops' deployment last autumn.",
     "troop_deployment"),
    ("It was the first such loss since the soldiers' deployment last autumn.", "troop_deployment"),
    # (parsed the usual way, the time hanging on the cue: reported already)
    ("Casualties have mounted since the North Korean brigade's deployment last year.", "troop_deployment"),
    ("Seoul has stayed on alert since North Korea's missile launch last week.", "weapons_test"),
    ("Ties have warmed since Kim Jong Un and Vladimir Putin's summit last year.", "diplomatic_engagement"),
])
def test_a_cue_before_a_time_phrase_reports(extractor, text, etype):
    assert etype in happened(extractor, text)
