"""In a text with no publication day, an earlier test told apart from the news by a word on the noun its
participle describes ("similar", "earlier") and a time of its own that the news does not name. All texts
are written for these tests."""
import pytest

from .helpers import mentions_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "North Korea tested a new solid-fuel engine, state media said.\n"
    "Its thrust was greater than that of a similar engine tested in September last year.",
    "North Korea fired a new cruise missile, state media said.\n"
    "Its range exceeded that of an earlier cruise missile launched in May.",
    "North Korea launched a new cruise missile, state media said.\n"
    "Its engine is larger than that of a previous missile fired in May.",
])
def test_an_earlier_test_with_its_own_time_is_another_event(extractor, text):
    assert len(mentions_of(extractor, text, None, etype="weapons_test")) == 2


@pytest.mark.parametrize("text", [
    "North Korea tested a new solid-fuel engine in September, state media said.\n"
    "Its thrust was greater than that of a similar engine tested in September.",
    "North Korea conducted its ninth ground test of a solid-fuel engine, state media said.\n"
    "The ninth test of the engine was held in September.",
    "North Korea tested a hypersonic missile, state media said.\n"
    "The first test was a success.",
])
def test_the_news_told_again_is_one_event(extractor, text):
    assert len(mentions_of(extractor, text, None, etype="weapons_test")) == 1
