"""A verb of threat, denial or plan covers what it governs, not the verbs coordinated with it nor its own
subject. All texts are written for these tests."""
import pytest

from .helpers import mentions_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "North Korea threatened to conduct a nuclear test and fired two ballistic missiles on Friday.",
    "Pyongyang warned of retaliation and launched a ballistic missile on Friday, the military said.",
    "North Korea denied the report and test-fired a cruise missile on Friday.",
    "North Korea's missile launch on Friday threatened regional stability, Tokyo said.",
])
def test_a_launch_beside_or_under_a_threat_happened(extractor, text):
    assert [m.modality for m in mentions_of(extractor, text, etype="weapons_test")] == ["happened"]


@pytest.mark.parametrize("text", [
    "North Korea threatened to test a bomb and fire missiles.",
    "North Korea vowed to launch more missiles and conduct a nuclear test.",
    "Pyongyang denied that it had fired a missile on Friday.",
])
def test_what_the_threat_or_denial_governs_did_not_happen(extractor, text):
    assert mentions_of(extractor, text, etype="weapons_test") == []
