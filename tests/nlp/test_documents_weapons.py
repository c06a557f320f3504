"""Document matrix of WEAPONS TESTS (stop 25): short invented articles in the ordinary styles of wire
services, papers, broadcasters and think-tank briefs -- a headline, the lead told again in other words,
recap paragraphs of earlier launches, two launches of one article told apart by day or weapon, failures,
counts split over sentences, allied responses, other states' tests, plans and threats. Each article gives
the FULL list of the events nkwatch must report as done: (type, weapon_class, conducted_by, date, count),
ANY where the row does not fix a field. All text is invented for this file."""
from datetime import date

import pytest

from .helpers import make_doc
from .test_enumerations import ListTagger

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday
SUN, TUE, WED, THU, FRI = "2025-03-09", "2025-03-11", "2025-03-12", "2025-03-13", "2025-03-14"
NK, US, SK = "North Korea", "United States", "South Korea"
WT, DIP = "weapons_test", "diplomatic_engagement"
ANY = object()


@pytest.fixture(scope="module")
def lister(settings):
    from nkwatch.nlp.extract import Extractor
    return Extractor(settings, tagger=ListTagger())


def _row(m):
    return (m.type, m.weapon_class, sorted(m.conducted_by), m.date.value, m.count)


def _fits(got, want) -> bool:
    by = want[2] if want[2] is ANY or isinstance(want[2], list) else [want[2]]
    want = (want[0], want[1], sorted(by) if by is not ANY else ANY, want[3], want[4])
    return all(w is ANY or g == w for g, w in zip(got, want))


def _told(extractor, text, published=D):
    found = [m for m in extractor.extract(make_doc(text, published)).mentions if m.modality == "happened"]
    return [_row(m) for m in sorted(found, key=lambda m: m.evidence.start)]


def _pairs(got, expected) -> bool:
    """Every expected event matched by its own found event, and nothing else found."""
    if len(got) != len(expected):
        return False
    left = list(got)
    for want in expected:
        hit = next((g for g in left if _fits(g, want)), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


def _tests(extractor, text, published=D):
    return [r for r in _told(extractor, text, published) if r[0] == WT]




@pytest.mark.parametrize("text, when", [
    ("A second satellite reached orbit in February 2016, the agency said.", "2016-02"),
    ("A North Korean satellite entered orbit in December 2012.", "2012-12"),
    ("An earth observation satellite achieved orbit in April 2016, Pyongyang claimed.", "2016-04"),
])
def test_a_satellite_that_reached_orbit_was_launched(lister, text, when):
    assert [(r[1], r[3]) for r in _tests(lister, text)] == [("space_launch", when)]


@pytest.mark.parametrize("text, cls, when", [
    ("North Korea fired a Taepodong-1 over Japan in 1998.", "space_launch", "1998"),
    ("A Paektusan-1 rocket flew over Japan in August 1998.", "space_launch", "1998-08"),
    ("Pyongyang test-launched a KN-08 in April 2016, the Pentagon said.", "icbm", "2016-04"),
    ("North Korea tested a Hwasong-13 in 2016.", "icbm", "2016"),
])
def test_older_systems_are_weapons(lister, text, cls, when):
    assert [(r[1], r[3]) for r in _tests(lister, text)] == [(cls, when)]


@pytest.mark.parametrize("text, days", [
    ("It was the second failed launch this year after a missile crashed into the sea on January 14.",
     [None, "2025-01-14"]),
    ("North Korea fired a cruise missile on Tuesday after it launched two ballistic missiles on Sunday.",
     [TUE, SUN]),
    ("North Korea fired a missile on Friday, its third launch this month after it fired rockets on March 2 and "
     "March 7.", [FRI, "2025-03-02", "2025-03-07"]),
])
def test_a_launch_in_a_clause_after_opens_is_an_earlier_one(lister, text, days):
    """"Its second failure after a missile crashed on January 14": the clause "after" opens, dated on its own,
    tells an earlier launch than its sentence's, though of one class (or none)."""
    assert [r[3] for r in _tests(lister, text)] == days


@pytest.mark.parametrize("text", [
    "The missile exploded after it was launched from near Pyongyang.",
    "The rocket blew up shortly after it lifted off, Seoul said.",
])
def test_a_clause_after_opens_without_its_own_date_is_the_same_launch(lister, text):
    assert len(_tests(lister, "North Korea fired a missile on Tuesday.\n" + text)) == 1


@pytest.mark.parametrize("text, day", [
    ("It came nine days after the North test-fired cruise missiles on March 5.", "2025-03-05"),
    ("The launch came a week after the North test-fired two cruise missiles on March 7.", "2025-03-07"),
    ("It was the second launch in ten days after Pyongyang test-fired strategic cruise missiles on March 2.",
     "2025-03-02"),
])
def test_a_date_on_a_weapon_noun_dates_the_verb_glued_on_it(lister, text, day):
    """"after the North test-fired cruise missiles on March 5" parsed as one noun phrase: March 5 is the firing's."""
    found = _tests(lister, "North Korea fired a ballistic missile on Friday.\n" + text)
    assert ("cruise", day) in [(r[1], r[3]) for r in found]


@pytest.mark.parametrize("text", [
    "North Korea tests engine for new ICBM",
    "North Korea conducted a ground test of a solid-fuel motor for its new intermediate-range missile on Tuesday.",
    "North Korea tested a high-thrust engine for a satellite launch vehicle on Tuesday.",
])
def test_the_weapon_an_engine_is_for_is_not_the_one_tested(lister, text):
    assert [r[1] for r in _tests(lister, text)] == ["engine_test"]


@pytest.mark.parametrize("text", [
    "North Korea fired two missiles on Thursday, South Korea's military said, two days after it launched a "
    "cruise missile.",
    "North Korea launched an ICBM on Tuesday, Japan's defence ministry said, after it fired cruise missiles on "
    "Sunday.",
    "Pyongyang fired a ballistic missile on Friday, the South's Joint Chiefs of Staff said, a week after it tested "
    "a hypersonic missile.",
])
def test_it_after_a_report_told_after_its_clause_is_the_doer_not_the_source(lister, text):
    assert [r[2] for r in _tests(lister, text)] == [[NK], [NK]]


@pytest.mark.parametrize("text, when", [
    ("Its first attempt, in May, ended with the rocket plunging into the sea.", "2024-05"),
    ("A launch attempt in November ended with the rocket breaking apart.", "2024-11"),
    ("Its second attempt, in August, ended when the rocket exploded.", "2024-08"),
])
def test_an_attempt_that_ended_is_a_launch(lister, text, when):
    found = _tests(lister, "North Korea launched a spy satellite on Tuesday.\n" + text)
    assert [r[3] for r in found] == [TUE, when]


def test_attempts_at_something_else_that_ended_are_no_launch(lister):
    assert [r[3] for r in _tests(lister, "North Korea fired a missile on Tuesday.\nAttempts to revive the talks "
                                         "ended in failure in August.")] == [TUE]


@pytest.mark.parametrize("text, when", [
    ("It was the second test of the missile after its first flight in January.", "2025-01"),
    ("It was the Hwasong-18's second launch after the missile's maiden flight in April.", "2024-04"),
    ("The launch was the second of the new missile after its debut flight in February.", "2025-02"),
])
def test_a_weapons_first_flight_in_a_phrase_after_opens_is_the_earlier_test(lister, text, when):
    """"Its second test after its first flight in January": the first flight, dated on its own in the phrase
    "after" opens, is an earlier test than the one told again; a flight without a date is that one."""
    found = _tests(lister, "North Korea test-fired a new missile on Tuesday.\n" + text)
    assert [r[3] for r in found] == [TUE, when]


@pytest.mark.parametrize("text", [
    "The missile exploded after liftoff, Seoul said.",
    "The missile fell into the sea after a flight of about 600 km.",
])
def test_a_phrase_after_opens_without_its_own_date_is_the_same_launch(lister, text):
    assert len(_tests(lister, "North Korea fired a missile on Tuesday.\n" + text)) == 1


def test_an_aircrafts_first_flight_is_no_test(lister):
    assert _tests(lister, "The F-35A made its first flight in Korea in March.") == []


@pytest.mark.parametrize("text", [
    "A rocket carrying a spy satellite exploded shortly after liftoff on Monday, state media said.",
    "A North Korean missile broke apart soon after launch on Monday, Seoul said.",
    "A North Korean rocket fell into the sea after its lift-off on Monday, Japan said.",
])
def test_a_stage_of_the_flight_after_opens_is_the_same_launch(lister, text):
    """"Exploded shortly after liftoff on Monday", "fell into the sea after its lift-off on Monday": the liftoff
    is the launch that failed, not an earlier one."""
    assert len(_tests(lister, text)) == 1
