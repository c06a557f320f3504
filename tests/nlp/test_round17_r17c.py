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


# people added at the end of a casualty clause, which the parser joins to a place or to the verb
@pytest.mark.parametrize("text, expected", [
    ("No deaths were reported, but three marines were injured in the barrage as well as five fishermen.",
     ("wounded", 5, "eq")),
    ("Three marines were injured in the attack, as well as four fishermen.", ("wounded", 4, "eq")),
    ("The shelling killed two soldiers on the island on Tuesday and three civilians.", ("killed", 3, "eq")),
    ("The blast wounded four soldiers near the post as well as three civilians.", ("wounded", 3, "eq")),
])
def test_people_added_to_a_casualty_clause(extractor, text, expected):
    assert expected in claims(extractor, text)


@pytest.mark.parametrize("text, figure", [
    # people beside a casualty figure who are no casualties
    ("Two soldiers were wounded in the clash with 30 North Koreans.", 30),
    ("Four soldiers were wounded on the island, home to 2,000 residents and 1,000 marines.", 2000),
])
def test_other_people_in_a_casualty_clause(extractor, text, figure):
    assert not {c for c in claims(extractor, text) if c[0] in ("killed", "wounded") and c[1] == figure}


# a participle between a number and its noun that the parser reads as a verb or splits off
@pytest.mark.parametrize("text, expected", [
    ("The report said Pyongyang had handed over nearly 40 howitzers and 24 upgraded 240mm multiple rocket "
     "launchers last month.", ("rocket_launchers", 24, "eq")),
    ("Officials said the North delivered 30 refurbished 170mm self-propelled howitzers to Russia.",
     ("howitzers", 30, "eq")),
    ("Officials said the North delivered 30 refurbished 170mm self-propelled howitzers and 12 modernized rocket "
     "launchers.", ("rocket_launchers", 12, "eq")),
])
def test_a_participle_between_number_and_noun(extractor, text, expected):
    assert expected in claims(extractor, text)


def test_the_agents_of_a_participle_are_no_weapons(extractor):
    got = claims(extractor, "The report said 20 soldiers upgraded the launchers at the plant.")
    assert not {c for c in got if c[0] in ("rocket_launchers", "count", "missiles")}


# the run of an underwater drone: a cue verb above the clause of the number
@pytest.mark.parametrize("text, seconds", [
    ("The drone cruised along an oval route mimicking a 600 km trip off the coast for 52 hours and 12 minutes, "
     "KCNA said.", 52 * 3600 + 12 * 60),
    ("The attack drone sailed an oval route tracing 900 km off the east coast for 41 hours and 27 minutes "
     "before its warhead detonated, state media said.", 41 * 3600 + 27 * 60),
])
def test_an_underwater_run(extractor, text, seconds):
    assert ("flight_time_s", seconds, "eq") in claims(extractor, text)


def test_a_trip_of_a_leader_is_no_flight(extractor):
    got = claims(extractor, "Kim sailed along the coast for 12 hours on his yacht, state media said.")
    assert not {c for c in got if c[0] == "flight_time_s"}


# a norm in a present-tense condition, and the yield of a reference bomb, are no measure of the test
@pytest.mark.parametrize("text", [
    "Experts say a nuclear test is considered successful when it yields between 8 and 20 kilotons.",
    "A missile counts as an ICBM if it flies more than 5,500 km.",
    "The Hiroshima bomb yielded about 15 kilotons.",
])
def test_a_norm_or_a_reference_bomb_is_no_measure(extractor, text):
    assert not {c for c in claims(extractor, text) if c[0] in ("yield_kt", "range_km")}


@pytest.mark.parametrize("text, expected", [
    ("The device yielded about 10 kilotons when it exploded, the agency said.", ("yield_kt", 10, "approx")),
    ("The blast was equivalent to 700 tons of TNT, much smaller than the bomb dropped on Nagasaki, which was "
     "equivalent to 21,000 tons of TNT.", ("yield_kt", 0.7, "eq")),
    ("The test yielded some 100 kilotons, several times the Hiroshima bomb, the institute said.",
     ("yield_kt", 100, "approx")),
])
def test_the_test_yield_beside_a_reference(extractor, text, expected):
    got = claims(extractor, text)
    assert expected in got
    assert not {c for c in got if c[0] == "yield_kt" and c[1] == 21}
