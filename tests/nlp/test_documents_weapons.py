"""Document matrix of WEAPONS TESTS (stop 25): short invented articles in the ordinary styles of wire
services, papers, broadcasters and think-tank briefs -- a headline, the lead told again in other words,
recap paragraphs of earlier launches, two launches of one article told apart by day or weapon, failures,
counts split over sentences, allied responses, other states' tests, plans and threats. Each article gives
the FULL list of the events nkwatch must report as done: (type, weapon_class, conducted_by, date, count),
ANY where the row does not fix a field. All text is invented for this file.

Written and left out (they fail for causes outside this stop's reach; see the stop-25 report): an allied
response told as "South Korea and the United States responded by firing four missiles" (the gerund under
"responded by" finds neither its doers nor its answer: read as a North Korean test), and "after an attempt in
May 2023 ended with the rocket crashing" (the parser hangs "ended" on "attempt" as a participle)."""
from datetime import date

import pytest

from .helpers import make_doc, unmatched
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


ARTICLES = {
    # AP style: the lead told again three times (one event), an attributed detail, a neighbour's detection
    "lead_told_again": (
        "North Korea fires ballistic missile into sea, Seoul says\n"
        "SEOUL, South Korea (AP) - North Korea fired a short-range ballistic missile toward its eastern waters "
        "on Tuesday, South Korea's military said.\n"
        "The Joint Chiefs of Staff said the missile was launched from an area near Pyongyang and flew about 600 "
        "kilometers before landing in the sea.\n"
        "Japan's Defense Ministry also detected the launch and said the missile fell outside its exclusive "
        "economic zone.\n"
        "The launch drew swift condemnation from Washington and Tokyo.",
        [(WT, "srbm", NK, TUE, ANY)]),
    # Reuters style: a count split over sentences ("Of the seven missiles, four were ...")
    "count_split": (
        "North Korea fires barrage of missiles as allies hold talks\n"
        "SEOUL (Reuters) - North Korea fired seven ballistic missiles off its east coast on Tuesday, South "
        "Korea's military said, in one of its largest single-day launches.\n"
        "Of the seven missiles, four were short-range and flew about 300 km, the Joint Chiefs of Staff said.\n"
        "The other three were launched from a site near the capital and fell into the sea between the peninsula "
        "and Japan.\n"
        "Japan's chief cabinet secretary condemned the launches as a threat to regional peace.",
        [(WT, ANY, NK, TUE, 7)]),
    # state media lead, then a recap paragraph of the year's earlier launches with their own days
    "recap_paragraph": (
        "North Korea tests new cruise missile\n"
        "North Korea test-fired a new strategic cruise missile over the Yellow Sea on Tuesday, state media said.\n"
        "Leader Kim Jong Un watched the test, KCNA said.\n"
        "The launch follows a string of tests this year. The North fired an intermediate-range ballistic "
        "missile on January 6 and launched several cruise missiles on February 26.",
        [(WT, "cruise", NK, TUE, ANY), (WT, "irbm", NK, "2025-01-06", ANY), (WT, "cruise", NK, "2025-02-26", ANY)]),
    # two launches of one article, told apart by day and weapon; the earlier told twice
    "two_days": (
        "North Korea fires missiles for second time this week\n"
        "North Korea fired two short-range ballistic missiles into the sea on Thursday, South Korea's Joint "
        "Chiefs of Staff said, two days after it launched a cruise missile off its west coast.\n"
        "Thursday's missiles flew about 350 km, the JCS said.\n"
        "On Tuesday, the North fired a cruise missile over the Yellow Sea, according to the military.",
        [(WT, "srbm", NK, THU, 2), (WT, "cruise", NK, TUE, ANY)]),
    # a nuclear test, its blast told again, and the previous one recalled
    "nuclear_recap": (
        "North Korea conducts sixth nuclear test\n"
        "North Korea conducted its sixth nuclear test on Sunday, detonating what it said was a hydrogen bomb at "
        "the Punggye-ri site.\n"
        "The blast triggered a magnitude 6.3 earthquake, the U.S. Geological Survey said.\n"
        "The North carried out its fifth nuclear test in September last year.",
        [(WT, "nuclear_test", NK, SUN, ANY), (WT, "nuclear_test", NK, "2024-09", ANY)]),
    # Yonhap style: a repeated headline, a dateline, a photo caption, an earlier launch with its day
    "yonhap_caption": (
        "N. Korea fires 2 SRBMs into East Sea: JCS\n"
        "(LEAD) N. Korea fires 2 SRBMs into East Sea: JCS\n"
        "SEOUL, March 14 (Yonhap) -- North Korea fired two short-range ballistic missiles into the East Sea on "
        "Friday, the Joint Chiefs of Staff (JCS) said.\n"
        "The missiles were fired from the Jangyon area in South Hwanghae Province in the morning, the JCS said.\n"
        "This photo, provided by the JCS, shows a missile launch by North Korea. (Yonhap)\n"
        "The launch came nine days after the North test-fired strategic cruise missiles off its west coast on "
        "March 5.",
        [(WT, "srbm", NK, FRI, 2), (WT, "cruise", NK, "2025-03-05", ANY)]),
    # think-tank timeline: one event per month, a failure among them, a plan that is no event
    "timeline_brief": (
        "Pyongyang's satellite programme: a timeline\n"
        "North Korea first tried to launch a satellite in August 1998, when a Taepodong-1 rocket flew over Japan.\n"
        "Further attempts failed in April 2009 and April 2012 before an Unha-3 rocket put a satellite into orbit "
        "in December 2012.\n"
        "A second satellite reached orbit in February 2016.\n"
        "Analysts say a new launch could come within months.",
        [(WT, "space_launch", NK, "1998-08", ANY), (WT, "space_launch", NK, "2009-04", ANY),
         (WT, "space_launch", NK, "2012-04", ANY), (WT, "space_launch", NK, "2012-12", ANY),
         (WT, "space_launch", NK, "2016-02", ANY)]),
    # AFP style: hedged, and another state's test in the same story
    "other_state_test": (
        "North Korea fires suspected ballistic missile: Japan\n"
        "TOKYO (AFP) - North Korea fired what appeared to be a ballistic missile on Tuesday, Japan's defence "
        "ministry said.\n"
        "Japan's coast guard said the object appeared to have already fallen into the sea.\n"
        "Separately, the United States test-launched an unarmed Minuteman III intercontinental ballistic "
        "missile from California on Wednesday, in a test the Air Force said was scheduled long in advance.",
        [(WT, "ballistic_unspecified", NK, TUE, ANY), (WT, "icbm", US, WED, ANY)]),
    # an engine test, its observer, and what the engine will be used for
    "engine_test": (
        "North Korea tests engine for new ICBM\n"
        "North Korea conducted a ground jet test of a high-thrust solid-fuel engine at the Sohae Satellite "
        "Launching Ground on Tuesday, KCNA reported.\n"
        "Kim Jong Un oversaw the test and called it an important event.\n"
        "The engine will be used for a new type of strategic weapon, KCNA said.",
        [(WT, "engine_test", NK, TUE, ANY)]),
    # threats and a denial of a nuclear test around one reported launch
    "threat_and_launch": (
        "North Korea warns of 'overwhelming' response to drills\n"
        "North Korea threatened on Tuesday to launch more missiles if the United States and South Korea go "
        "ahead with their joint drills.\n"
        "In a statement carried by KCNA, the North's defence ministry said it would take strong countermeasures.\n"
        "South Korean officials said there were no signs of an imminent nuclear test, but that the North had "
        "fired cruise missiles on Sunday.",
        [(WT, "cruise", NK, SUN, ANY)]),
    # rocket artillery presented as a test, and its first test recalled
    "mlrs_test": (
        "Kim Jong Un oversees test of upgraded rocket launchers\n"
        "North Korean leader Kim Jong Un watched a test-fire of an upgraded 240mm multiple rocket launcher "
        "system on Tuesday, state media said.\n"
        "The rockets hit a target island in the West Sea, KCNA said.\n"
        "The North first tested the guided rocket system in May last year.",
        [(WT, "mlrs", NK, TUE, ANY), (WT, "mlrs", NK, "2024-05", ANY)]),
    # a missile that exploded, told twice, and an earlier crash with its own day
    "explosion": (
        "North Korean missile appears to explode after launch\n"
        "North Korea fired a ballistic missile on Tuesday that appeared to explode in mid-flight, South Korea's "
        "military said.\n"
        "The missile blew up shortly after it was launched from near Pyongyang, the JCS said, and debris fell "
        "on the outskirts of the capital.\n"
        "It was the second failed launch this year after a missile crashed into the sea off the west coast on "
        "January 14.",
        [(WT, "ballistic_unspecified", NK, TUE, ANY), (WT, ANY, NK, "2025-01-14", ANY)]),
    # a broadcaster's short item, and its second test after a first one in a month
    "hypersonic_second": (
        "DPRK Missile Administration conducts test-fire\n"
        "The DPRK Missile Administration on Tuesday conducted a test-fire of a new-type intermediate-range "
        "hypersonic ballistic missile, KCNA said.\n"
        "The test was aimed at verifying the reliability of the missile's solid-fuel engine.\n"
        "It was the second test of the missile after its first flight in January.",
        [(WT, ANY, NK, TUE, ANY), (WT, ANY, NK, "2025-01", ANY)]),
    # an unrelated headline mixed in, and the launch told in the passive after the lead
    "mixed_headline": (
        "Stocks slip as investors weigh tariffs\n"
        "North Korea fires missile ahead of summit\n"
        "North Korea launched a ballistic missile on Wednesday, hours before leaders of Japan and South Korea "
        "were due to meet in Tokyo, Seoul's military said.\n"
        "The missile was fired from the west coast and flew about 1,000 km, officials said.\n"
        "Pyongyang's state media did not immediately report the launch.",
        [(WT, "ballistic_unspecified", NK, WED, ANY)]),
    # a background clause counting launches since a month, talks the launch came during, the lead told again
    "background_tally": (
        "N. Korea fires ballistic missile, fourth launch this year\n"
        "North Korea fired a short-range ballistic missile off its east coast on Tuesday, its fourth launch "
        "since January, South Korea's military said.\n"
        "The launch came as the U.S. and South Korean foreign ministers held talks in Washington.\n"
        "The missile flew about 400 kilometres before falling into the sea, the Joint Chiefs of Staff said.",
        [(WT, "srbm", NK, TUE, ANY), (DIP, None, [US, SK], ANY, ANY)]),
    # a count told in the lead and split after it
    "count_told_again": (
        "North Korea test-fires cruise missiles\n"
        "North Korea fired three cruise missiles over the Yellow Sea on Tuesday, Seoul's military said.\n"
        "Two of the missiles flew for about two hours before hitting an island target, state media said on "
        "Wednesday.\n"
        "The third missile was fired from a mobile launcher, KCNA said.",
        [(WT, "cruise", NK, TUE, 3)]),
    # state media style: the leader guides the test, told again as "the test-fire"
    "kcna_style": (
        "Respected Comrade Kim Jong Un Guides Test-fire of New-type ICBM\n"
        "Kim Jong Un guided the test-fire of the new-type intercontinental ballistic missile Hwasong-19 on "
        "Tuesday, KCNA said.\n"
        "The test-fire had no negative impact on the security of neighbouring countries, the agency said.\n"
        "Kim said the country would never give up its nuclear weapons.",
        [(WT, "icbm", NK, TUE, ANY)]),
}


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_document(lister, name):
    text, expected = ARTICLES[name]
    got = _told(lister, text)
    assert unmatched(got, expected, _fits) == ([], []), got


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


@pytest.mark.parametrize("text", [
    "Kim Jong Un supervised the test firing of a new multiple rocket launch system on Tuesday, state media said.",
    "North Korea tested a large-caliber guided rocket system on Tuesday.",
    "The North test-fired its upgraded rocket launch system off the west coast on Tuesday.",
])
def test_a_rocket_system_is_rocket_artillery(lister, text):
    assert [r[1] for r in _tests(lister, text)] == ["mlrs"]


@pytest.mark.parametrize("text", [
    "An attack aircraft, sent to help destroy the drones, crashed while taking off from the air base.",
    "A drone exploded near the border on Tuesday, the military said.",
    "An artillery shell exploded near the village on Tuesday.",
])
def test_what_takes_off_or_explodes_is_a_missile_or_rocket(lister, text):
    """Only a projectile (a missile, a rocket) that takes off or explodes was launched: not an aircraft, a
    drone or a shell."""
    assert _tests(lister, text) == []
