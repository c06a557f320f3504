"""Weapons tests of the round-19 dev pool (classes seen in at least two dev sets): a test counted by an
ordinal with a date of its own ("its first test in October 2006", "the first test was held in September")
is an earlier event of the series, not the news told again. All texts are written for these tests."""
from datetime import date
from functools import partial
import pytest

from .helpers import happened_of

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday

launches_in = partial(happened_of, etype="weapons_test", published=D)


# --- an ordinal test with a date of its own: an earlier event of the series --------------------------------

@pytest.mark.parametrize("text,earlier", [
    ("North Korea carried out its fourth nuclear test on March 12, 2025, the agency said.\n"
     "The council first imposed sanctions after its first test on October 9, 2016.", "2016-10-09"),
    ("Pyongyang said it had tested a new solid-fuel engine on Wednesday.\n"
     "The first test took place on June 3, 2024, according to state media.", "2024-06-03"),
    ("North Korea launched a reconnaissance satellite on Monday, Seoul said.\n"
     "Its second launch on August 24, 2023 also failed.", "2023-08-24"),
    ("The North fired a hypersonic missile on Tuesday, the military said.\n"
     "Analysts said the third test, on January 11, 2024, had flown farther.", "2024-01-11"),
])
def test_an_ordinal_test_with_its_own_date_is_an_earlier_event(extractor, text, earlier):
    found = launches_in(extractor, text)
    assert len(found) == 2, [(m.date.value, text[m.evidence.start:m.evidence.end]) for m in found]
    assert earlier in {m.date.value for m in found}


@pytest.mark.parametrize("text", [
    # the news told again by its ordinal, no date of its own
    "North Korea tested a hypersonic missile, state media said.\nThe first test was a success.",
    "North Korea conducted its ninth ground test of a solid-fuel engine on March 12, 2025, state media said.\n"
    "The ninth test of the engine lasted two minutes.",
    # a plan counted by an ordinal is no event
    "North Korea launched a cruise missile on Wednesday, the military said.\n"
    "Its second test is expected on April 2, 2025.",
])
def test_an_ordinal_without_a_date_of_its_own_is_no_other_event(extractor, text):
    assert len(launches_in(extractor, text)) == 1


# --- a pronoun for the tester: the state of the type named before it, not the sentence's subject -----------

@pytest.mark.parametrize("text", [
    "Tokyo's defense ministry is monitoring North Korea closely after it fired a ballistic missile on Wednesday.",
    "Washington and Seoul flew bombers over the peninsula to warn North Korea following its nuclear test.",
    "Tensions rose after a visit to Pyongyang by a UN envoy, days after the country test-fired a new missile.",
    "Tremors were detected near North Korea's test site, and experts said the country appeared to have carried "
    "out its sixth nuclear test.",
    "American physicists doubted North Korean claims of having detonated the nation's first hydrogen bomb.",
])
def test_a_pronoun_for_the_tester_is_the_state_named_before_it(extractor, text):
    (m,) = launches_in(extractor, text)
    assert m.conducted_by == ["North Korea"]


@pytest.mark.parametrize("text, state", [
    # who says it tested is the tester, whoever the sentence named before
    ("In response to North Korea's launch, South Korea said it fired a ballistic missile of its own on Tuesday.",
     "South Korea"),
    ("After North Korea's missile launch, Japan's defense ministry said it test-fired a cruise missile on Tuesday.",
     "Japan"),
])
def test_a_state_saying_it_tested_stays_the_tester(extractor, text, state):
    found = [m for m in launches_in(extractor, text) if state in m.conducted_by]
    assert len(found) == 1 and found[0].conducted_by == [state]
