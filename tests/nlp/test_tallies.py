"""A number of tests told in the perfect ("North Korea has conducted six nuclear tests since 2006") counts
events, it reports none. All texts are written for these tests."""
import pytest

from .helpers import mentions_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "North Korea has conducted six nuclear tests since 2006, experts say.",
    "The North has carried out four underground nuclear tests so far.",
    "Pyongyang had staged three missile launches before the talks began.",
])
def test_a_counted_plural_in_the_perfect_is_a_tally(extractor, text):
    assert mentions_of(extractor, text, etype="weapons_test") == []


@pytest.mark.parametrize("text", [
    "North Korea conducted two missile tests on Friday, the military said.",
    "North Korea has fired two ballistic missiles into the sea, the military said.",
    "North Korea has conducted a nuclear test, its sixth, the military said.",
])
def test_a_count_of_weapons_or_one_test_stays_an_event(extractor, text):
    assert len(mentions_of(extractor, text, etype="weapons_test")) == 1


def test_a_tally_that_tells_one_of_its_tests_keeps_it(extractor):
    found = mentions_of(extractor, "North Korea has conducted five nuclear tests, the latest on March 3, 2025.",
                        etype="weapons_test")
    assert [m.date.value for m in found] == ["2025-03-03"]
